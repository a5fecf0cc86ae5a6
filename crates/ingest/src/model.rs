//! The typed article model: [`Article`], [`Paragraph`], [`Span`], [`Source`].

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::classify::Reason;

/// A byte range `start..end` (end exclusive) into an article's original text.
///
/// Both ends always fall on UTF-8 character boundaries of the text they index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The span as a standard range, ready to slice the text with.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Self::new(r.start, r.end)
    }
}

/// What role a paragraph plays in its article.
///
/// Titles and captions are content (names and overlaps read them); boilerplate is kept and
/// labelled, never deleted, and later stages skip it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// A headline.
    Title,
    /// Running text.
    Body,
    /// A picture caption or a bracketed sub-heading.
    Caption,
    /// Advertising markers, source lines, disclaimers, calls to follow or share, fragments.
    Boilerplate,
}

impl ParagraphKind {
    /// The lowercase name used in JSON (`title`, `body`, `caption`, `boilerplate`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::Body => "body",
            Self::Caption => "caption",
            Self::Boilerplate => "boilerplate",
        }
    }

    /// Whether later stages should compare this paragraph (everything but boilerplate).
    pub const fn is_content(self) -> bool {
        !matches!(self, Self::Boilerplate)
    }
}

/// One paragraph of an article: a byte span of its original text, the line it starts on and
/// its kind, with the reason the classifier gave for that kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Byte range into [`Article::text`], trimmed of surrounding white space.
    #[serde(flatten)]
    pub span: Span,
    /// 0-based line on which the paragraph starts: in the file for plain text, within the
    /// article's text for JSON Lines and CSV.
    pub line: usize,
    /// The paragraph's role.
    pub kind: ParagraphKind,
    /// Why the classifier chose [`Paragraph::kind`].
    pub reason: Reason,
}

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Source {
    /// The file's path as given (or found in a directory walk); `-` for standard input.
    pub path: String,
    /// 0-based line of the article's record in the file (the delimiter-cut segment's first
    /// line, the JSON Lines line, the CSV record's line); 0 for a one-article file.
    pub line: usize,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.path, self.line + 1)
    }
}

/// One news article: its identity, metadata, original text and paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Unique id within one input set (see the crate docs for how ids are made).
    pub id: String,
    /// The file and line the article was read from.
    pub source: Source,
    /// The headline: the record's title field, or the text's first line when it has the shape
    /// of one.
    pub title: Option<String>,
    /// Publication date as given in the input (not parsed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The article's address, when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The publishing outlet, when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The original text; every [`Span`] of the article indexes it.
    pub text: String,
    /// Paragraphs in text order; spans are ordered, disjoint and non-empty.
    pub paragraphs: Vec<Paragraph>,
}

impl Article {
    /// The text of a span of this article.
    ///
    /// # Panics
    ///
    /// Panics if the span is out of bounds or not on character boundaries, which cannot happen
    /// for spans this crate produced for this article.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The text of a paragraph of this article.
    ///
    /// # Panics
    ///
    /// As [`Article::slice`].
    pub fn paragraph_text(&self, paragraph: &Paragraph) -> &str {
        self.slice(paragraph.span)
    }

    /// Paragraphs that later stages compare: titles, body and captions, not boilerplate.
    pub fn content_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| p.kind.is_content())
    }

    /// How many lines come before the article's text, as its paragraphs' `line`s count:
    /// for an article cut from a plain-text file by a delimiter line, the lines of the file
    /// before it; 0 for a text of its own (a whole file, a record's text field). Add it to a
    /// line counted in the text to get the paragraphs' numbering.
    pub fn first_line(&self) -> usize {
        self.paragraphs
            .first()
            .and_then(|p| {
                // the lines of the text before the paragraph, as paragraphs count them (a
                // lone CR ends a line too)
                self.text.get(..p.span.start)?;
                p.line
                    .checked_sub(crate::layout::line_at(self.text.as_bytes(), p.span.start))
            })
            .unwrap_or(0)
    }
}
