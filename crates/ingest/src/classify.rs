//! Paragraph kinds: which lines are titles, captions or boilerplate, and why.
//!
//! Classification goes by the *shape* of a line (bracketed, headline-like, almost no words)
//! and by a small multilingual [`Lexicon`] of markers (`Advertisement`, `Anzeige`,
//! `Publicidad`, `广告`, `Read more:`, `Sign up for our newsletter`, …) that a user can extend.
//! It never matches whole sentences of particular articles, so unseen articles are classified
//! for the same reasons. This is the product's own logic, hence hand-written; the phrase
//! matching itself is done by `aho-corasick`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use serde::{Deserialize, Serialize};

use crate::error::{IngestError, Result};
use crate::model::ParagraphKind;

/// Why a paragraph got its kind: a short machine-readable tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Reason {
    /// Ordinary running text.
    Prose,
    /// The first content line has the shape of a headline (short, no closing full stop).
    Headline,
    /// The line equals the record's title field.
    TitleField,
    /// The whole line is in brackets (`[…]`, `【…】`): a caption or picture sub-heading.
    Bracketed,
    /// The line starts with a caption label (`Image caption`, `Caption:`, `Bildunterschrift`).
    CaptionLabel,
    /// An advertising marker (`Advertisement`, `Anzeige`, `Publicidad`, `广告`).
    AdMarker,
    /// A pointer to where the text came from (`Original source: …`, `Quelle: …`).
    SourceLine,
    /// A disclaimer (`Disclaimer: …`).
    Disclaimer,
    /// A call to follow, like, share, subscribe or sign up.
    CallToAction,
    /// A link to other stories (`Read more:`, `Related:`, `Lesen Sie auch`).
    RelatedLink,
    /// A copyright line (`© 2025 …`, `All rights reserved`).
    Copyright,
    /// A photo or image credit (`Photo: …`, `Image source, Getty Images`).
    PhotoCredit,
    /// A byline (`By Jane Smith`).
    Byline,
    /// Stray punctuation with next to no words (`in , ,`).
    Fragment,
}

impl Reason {
    /// The paragraph kind this reason implies.
    pub const fn kind(self) -> ParagraphKind {
        match self {
            Self::Prose => ParagraphKind::Body,
            Self::Headline | Self::TitleField => ParagraphKind::Title,
            Self::Bracketed | Self::CaptionLabel => ParagraphKind::Caption,
            Self::AdMarker
            | Self::SourceLine
            | Self::Disclaimer
            | Self::CallToAction
            | Self::RelatedLink
            | Self::Copyright
            | Self::PhotoCredit
            | Self::Byline
            | Self::Fragment => ParagraphKind::Boilerplate,
        }
    }

    /// The kebab-case tag used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Prose => "prose",
            Self::Headline => "headline",
            Self::TitleField => "title-field",
            Self::Bracketed => "bracketed",
            Self::CaptionLabel => "caption-label",
            Self::AdMarker => "ad-marker",
            Self::SourceLine => "source-line",
            Self::Disclaimer => "disclaimer",
            Self::CallToAction => "call-to-action",
            Self::RelatedLink => "related-link",
            Self::Copyright => "copyright",
            Self::PhotoCredit => "photo-credit",
            Self::Byline => "byline",
            Self::Fragment => "fragment",
        }
    }

    /// Parses a kebab-case tag (`ad-marker`).
    pub fn parse(tag: &str) -> Option<Self> {
        ALL_REASONS.iter().copied().find(|r| r.as_str() == tag)
    }
}

const ALL_REASONS: [Reason; 14] = [
    Reason::Prose,
    Reason::Headline,
    Reason::TitleField,
    Reason::Bracketed,
    Reason::CaptionLabel,
    Reason::AdMarker,
    Reason::SourceLine,
    Reason::Disclaimer,
    Reason::CallToAction,
    Reason::RelatedLink,
    Reason::Copyright,
    Reason::PhotoCredit,
    Reason::Byline,
    Reason::Fragment,
];

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a lexicon entry matches a line (compared after case folding, with curly quotes made
/// straight and surrounding white space and punctuation trimmed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Match {
    /// The whole line equals the entry (`Advertisement`, `Publicidad`).
    Line,
    /// The line starts with the entry (`Original source:`, `Read more`).
    Prefix,
    /// A short line (at most [`Lexicon::max_phrase_words`] words) contains the entry
    /// (`follow us`, `sign up for our newsletter`).
    Contains,
}

/// One lexicon entry: text, how it matches, and the reason (hence kind) it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// How the entry matches.
    pub matches: Match,
    /// The reason given to a matching line.
    pub reason: Reason,
    /// The marker text, compared case-insensitively.
    pub text: String,
}

/// Markers that identify captions and boilerplate, in many languages.
///
/// [`Lexicon::default`] holds the built-in list; [`Lexicon::add`] and
/// [`Lexicon::load_tsv`] extend it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// Longest line, in words, that a [`Match::Contains`] entry may classify.
    pub max_phrase_words: usize,
}

/// Built-in markers. Whole-line ad markers in the languages news is most often machine
/// translated from; prefixes and phrases of the conventions of English, German, French,
/// Spanish, Italian, Portuguese, Dutch and Chinese outlets.
const BUILTIN: &[(Match, Reason, &str)] = &[
    // Advertising markers: the whole line.
    (Match::Line, Reason::AdMarker, "advertisement"),
    (Match::Line, Reason::AdMarker, "advertisment"),
    (Match::Line, Reason::AdMarker, "advert"),
    (Match::Line, Reason::AdMarker, "ad"),
    (Match::Line, Reason::AdMarker, "ads"),
    (Match::Line, Reason::AdMarker, "sponsored"),
    (Match::Line, Reason::AdMarker, "sponsored content"),
    (Match::Line, Reason::AdMarker, "paid content"),
    (Match::Line, Reason::AdMarker, "paid post"),
    (Match::Line, Reason::AdMarker, "promoted"),
    (Match::Line, Reason::AdMarker, "anzeige"),
    (Match::Line, Reason::AdMarker, "werbung"),
    (Match::Line, Reason::AdMarker, "publicité"),
    (Match::Line, Reason::AdMarker, "publicite"),
    (Match::Line, Reason::AdMarker, "publicidad"),
    (Match::Line, Reason::AdMarker, "publicidade"),
    (Match::Line, Reason::AdMarker, "pubblicità"),
    (Match::Line, Reason::AdMarker, "advertentie"),
    (Match::Line, Reason::AdMarker, "reclame"),
    (Match::Line, Reason::AdMarker, "reklama"),
    (Match::Line, Reason::AdMarker, "reklam"),
    (Match::Line, Reason::AdMarker, "mainos"),
    (Match::Line, Reason::AdMarker, "annons"),
    (Match::Line, Reason::AdMarker, "реклама"),
    (Match::Line, Reason::AdMarker, "広告"),
    (Match::Line, Reason::AdMarker, "广告"),
    (Match::Line, Reason::AdMarker, "廣告"),
    (Match::Line, Reason::AdMarker, "광고"),
    (Match::Line, Reason::AdMarker, "إعلان"),
    (
        Match::Line,
        Reason::AdMarker,
        "story continues below advertisement",
    ),
    (
        Match::Line,
        Reason::AdMarker,
        "article continues below advertisement",
    ),
    (
        Match::Line,
        Reason::AdMarker,
        "continue reading the main story",
    ),
    (Match::Line, Reason::AdMarker, "article continues below"),
    (Match::Line, Reason::AdMarker, "skip advertisement"),
    (Match::Line, Reason::AdMarker, "weiter nach der anzeige"),
    // Share and follow buttons that survive as a line of their own.
    (Match::Line, Reason::CallToAction, "share"),
    (Match::Line, Reason::CallToAction, "share this"),
    (Match::Line, Reason::CallToAction, "share this article"),
    (Match::Line, Reason::CallToAction, "share this story"),
    (Match::Line, Reason::CallToAction, "share on facebook"),
    (Match::Line, Reason::CallToAction, "share on twitter"),
    (Match::Line, Reason::CallToAction, "tweet"),
    (Match::Line, Reason::CallToAction, "email"),
    (Match::Line, Reason::CallToAction, "print"),
    (Match::Line, Reason::CallToAction, "comments"),
    (Match::Line, Reason::CallToAction, "teilen"),
    (Match::Line, Reason::CallToAction, "partager"),
    (Match::Line, Reason::CallToAction, "compartir"),
    (Match::Line, Reason::CallToAction, "分享"),
    // Where the text came from: a wire agency's sign-off alone on a line, source lines.
    (Match::Line, Reason::SourceLine, "reuter"),
    (Match::Line, Reason::SourceLine, "reuters"),
    (Match::Line, Reason::SourceLine, "(reuters)"),
    (Match::Line, Reason::SourceLine, "ap"),
    (Match::Line, Reason::SourceLine, "(ap)"),
    (Match::Line, Reason::SourceLine, "afp"),
    (Match::Line, Reason::SourceLine, "(afp)"),
    (Match::Line, Reason::SourceLine, "dpa"),
    (Match::Line, Reason::SourceLine, "xinhua"),
    (Match::Line, Reason::SourceLine, "efe"),
    (Match::Line, Reason::SourceLine, "ansa"),
    (Match::Line, Reason::SourceLine, "upi"),
    (Match::Prefix, Reason::SourceLine, "original source:"),
    (Match::Prefix, Reason::SourceLine, "original source :"),
    (Match::Prefix, Reason::SourceLine, "source:"),
    (Match::Prefix, Reason::SourceLine, "sources:"),
    (Match::Prefix, Reason::SourceLine, "originally published"),
    (
        Match::Prefix,
        Reason::SourceLine,
        "this article was originally published",
    ),
    (
        Match::Prefix,
        Reason::SourceLine,
        "this story was originally published",
    ),
    (Match::Prefix, Reason::SourceLine, "quelle:"),
    (Match::Prefix, Reason::SourceLine, "fuente:"),
    (Match::Prefix, Reason::SourceLine, "fonte:"),
    (Match::Prefix, Reason::SourceLine, "bron:"),
    (Match::Prefix, Reason::SourceLine, "原文链接"),
    (Match::Prefix, Reason::SourceLine, "原文:"),
    (Match::Prefix, Reason::SourceLine, "原文："),
    (Match::Prefix, Reason::SourceLine, "来源:"),
    (Match::Prefix, Reason::SourceLine, "来源："),
    (Match::Prefix, Reason::SourceLine, "출처"),
    // Disclaimers.
    (Match::Prefix, Reason::Disclaimer, "disclaimer:"),
    (Match::Prefix, Reason::Disclaimer, "disclaimer :"),
    (Match::Prefix, Reason::Disclaimer, "haftungsausschluss"),
    (Match::Prefix, Reason::Disclaimer, "aviso legal"),
    (Match::Prefix, Reason::Disclaimer, "avertissement :"),
    (Match::Prefix, Reason::Disclaimer, "免责声明"),
    (
        Match::Prefix,
        Reason::Disclaimer,
        "the views expressed in this article",
    ),
    (
        Match::Prefix,
        Reason::Disclaimer,
        "the opinions expressed in this",
    ),
    (
        Match::Prefix,
        Reason::Disclaimer,
        "this article represents the author",
    ),
    (
        Match::Prefix,
        Reason::Disclaimer,
        "the article represents the author",
    ),
    // Links to other stories.
    (Match::Prefix, Reason::RelatedLink, "read more:"),
    (Match::Prefix, Reason::RelatedLink, "read more"),
    (Match::Prefix, Reason::RelatedLink, "read also:"),
    (Match::Prefix, Reason::RelatedLink, "also read:"),
    (Match::Prefix, Reason::RelatedLink, "related:"),
    (Match::Prefix, Reason::RelatedLink, "related stories"),
    (Match::Prefix, Reason::RelatedLink, "related articles"),
    (Match::Prefix, Reason::RelatedLink, "related topics"),
    (Match::Prefix, Reason::RelatedLink, "see also:"),
    (Match::Prefix, Reason::RelatedLink, "more on this story"),
    (Match::Prefix, Reason::RelatedLink, "more from"),
    (Match::Prefix, Reason::RelatedLink, "lesen sie auch"),
    (Match::Prefix, Reason::RelatedLink, "mehr zum thema"),
    (Match::Prefix, Reason::RelatedLink, "lire aussi"),
    (Match::Prefix, Reason::RelatedLink, "à lire aussi"),
    (Match::Prefix, Reason::RelatedLink, "leer más"),
    (Match::Prefix, Reason::RelatedLink, "lea también"),
    (Match::Prefix, Reason::RelatedLink, "leia também"),
    (Match::Prefix, Reason::RelatedLink, "leggi anche"),
    (Match::Prefix, Reason::RelatedLink, "相关阅读"),
    (Match::Prefix, Reason::RelatedLink, "延伸阅读"),
    // Captions and credits.
    (Match::Prefix, Reason::CaptionLabel, "image caption"),
    (Match::Prefix, Reason::CaptionLabel, "photo caption"),
    (Match::Prefix, Reason::CaptionLabel, "caption:"),
    (Match::Prefix, Reason::CaptionLabel, "media caption"),
    (Match::Prefix, Reason::CaptionLabel, "video caption"),
    (Match::Prefix, Reason::CaptionLabel, "bildunterschrift"),
    (Match::Prefix, Reason::CaptionLabel, "légende"),
    (Match::Prefix, Reason::CaptionLabel, "pie de foto"),
    (Match::Prefix, Reason::CaptionLabel, "图片说明"),
    (Match::Prefix, Reason::CaptionLabel, "图注"),
    (Match::Prefix, Reason::PhotoCredit, "image source"),
    (Match::Prefix, Reason::PhotoCredit, "image credit"),
    (Match::Prefix, Reason::PhotoCredit, "photo credit"),
    (Match::Prefix, Reason::PhotoCredit, "photo:"),
    (Match::Prefix, Reason::PhotoCredit, "photos:"),
    (Match::Prefix, Reason::PhotoCredit, "photo by"),
    (Match::Prefix, Reason::PhotoCredit, "photograph:"),
    (Match::Prefix, Reason::PhotoCredit, "photograph by"),
    (Match::Prefix, Reason::PhotoCredit, "picture:"),
    (Match::Prefix, Reason::PhotoCredit, "pictured:"),
    (Match::Prefix, Reason::PhotoCredit, "image:"),
    (Match::Prefix, Reason::PhotoCredit, "credit:"),
    (Match::Prefix, Reason::PhotoCredit, "foto:"),
    (Match::Prefix, Reason::PhotoCredit, "bild:"),
    (Match::Prefix, Reason::PhotoCredit, "(photo"),
    (Match::Prefix, Reason::PhotoCredit, "(image"),
    (Match::Prefix, Reason::PhotoCredit, "getty images"),
    // Copyright.
    (Match::Prefix, Reason::Copyright, "©"),
    (Match::Prefix, Reason::Copyright, "(c) 19"),
    (Match::Prefix, Reason::Copyright, "(c) 20"),
    (Match::Prefix, Reason::Copyright, "copyright"),
    (Match::Prefix, Reason::Copyright, "all rights reserved"),
    (Match::Prefix, Reason::Copyright, "版权所有"),
    (Match::Contains, Reason::Copyright, "all rights reserved"),
    // Calls to follow, like, share, subscribe.
    (Match::Contains, Reason::CallToAction, "follow me"),
    (Match::Contains, Reason::CallToAction, "follow us"),
    (Match::Contains, Reason::CallToAction, "like and follow"),
    (Match::Contains, Reason::CallToAction, "like and share"),
    (Match::Contains, Reason::CallToAction, "like and subscribe"),
    (Match::Contains, Reason::CallToAction, "please like"),
    (Match::Contains, Reason::CallToAction, "please share"),
    (Match::Contains, Reason::CallToAction, "share this article"),
    (Match::Contains, Reason::CallToAction, "share this story"),
    (Match::Contains, Reason::CallToAction, "sign up for our"),
    (Match::Contains, Reason::CallToAction, "sign up to our"),
    (Match::Contains, Reason::CallToAction, "sign up for the"),
    (Match::Contains, Reason::CallToAction, "subscribe to our"),
    (Match::Contains, Reason::CallToAction, "subscribe now"),
    (Match::Contains, Reason::CallToAction, "subscribe to the"),
    (Match::Contains, Reason::CallToAction, "our newsletter"),
    (Match::Contains, Reason::CallToAction, "newsletter sign"),
    (Match::Contains, Reason::CallToAction, "click here"),
    (Match::Contains, Reason::CallToAction, "download our app"),
    (Match::Contains, Reason::CallToAction, "download the app"),
    (
        Match::Contains,
        Reason::CallToAction,
        "turn on notifications",
    ),
    (
        Match::Contains,
        Reason::CallToAction,
        "join the conversation",
    ),
    (Match::Contains, Reason::CallToAction, "leave a comment"),
    (Match::Contains, Reason::CallToAction, "folgen sie uns"),
    (Match::Contains, Reason::CallToAction, "abonnieren sie"),
    (Match::Contains, Reason::CallToAction, "suivez-nous"),
    (Match::Contains, Reason::CallToAction, "abonnez-vous"),
    (Match::Contains, Reason::CallToAction, "síguenos"),
    (Match::Contains, Reason::CallToAction, "suscríbete"),
    (Match::Contains, Reason::CallToAction, "siga-nos"),
    (Match::Contains, Reason::CallToAction, "seguici"),
    (Match::Contains, Reason::CallToAction, "关注我"),
    (Match::Contains, Reason::CallToAction, "点赞"),
    (Match::Contains, Reason::CallToAction, "like/dislike"),
];

impl Default for Lexicon {
    fn default() -> Self {
        Self {
            entries: BUILTIN
                .iter()
                .map(|&(matches, reason, text)| Entry {
                    matches,
                    reason,
                    text: text.to_owned(),
                })
                .collect(),
            max_phrase_words: 30,
        }
    }
}

impl Lexicon {
    /// A lexicon with no entries (shape rules still apply).
    pub fn empty() -> Self {
        Self {
            entries: Vec::new(),
            max_phrase_words: 30,
        }
    }

    /// The entries, built-in first, then added ones.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Adds one entry.
    pub fn add(&mut self, matches: Match, reason: Reason, text: &str) -> &mut Self {
        self.entries.push(Entry {
            matches,
            reason,
            text: fold_line(text),
        });
        self
    }

    /// Adds entries from a tab-separated table: one entry a line, `MATCH<TAB>REASON<TAB>TEXT`,
    /// where `MATCH` is `line`, `prefix` or `contains` and `REASON` a [`Reason`] tag such as
    /// `ad-marker` or `caption-label`. Blank lines and lines starting with `#` are skipped.
    ///
    /// ```
    /// use newsdiff_ingest::Lexicon;
    /// let mut lexicon = Lexicon::default();
    /// lexicon.add_tsv("line\tad-marker\tReklamebeilage\n", "inline".as_ref())?;
    /// # Ok::<(), newsdiff_ingest::IngestError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`IngestError::Lexicon`] naming `origin` and the line when a line has the wrong number
    /// of fields, an unknown match or reason, or empty text.
    pub fn add_tsv(&mut self, table: &str, origin: &Path) -> Result<&mut Self> {
        for (i, raw) in table.lines().enumerate() {
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let err = |message: String| IngestError::Lexicon {
                path: origin.to_path_buf(),
                line: i + 1,
                message,
            };
            let fields: Vec<&str> = line.split('\t').collect();
            let [m, r, text] = fields[..] else {
                return Err(err(format!(
                    "expected 3 tab-separated fields (match, reason, text), found {}",
                    fields.len()
                )));
            };
            let matches = match m.trim() {
                "line" => Match::Line,
                "prefix" => Match::Prefix,
                "contains" => Match::Contains,
                other => {
                    return Err(err(format!(
                        "unknown match `{other}` (expected line, prefix or contains)"
                    )));
                }
            };
            let reason = Reason::parse(r.trim())
                .ok_or_else(|| err(format!("unknown reason `{}`", r.trim())))?;
            if fold_line(text).is_empty() {
                return Err(err("empty marker text".to_owned()));
            }
            self.add(matches, reason, text);
        }
        Ok(self)
    }

    /// Reads a table file as [`Lexicon::add_tsv`] describes.
    ///
    /// # Errors
    ///
    /// [`IngestError::Io`] if the file cannot be read, [`IngestError::Lexicon`] as in
    /// [`Lexicon::add_tsv`].
    pub fn load_tsv(&mut self, path: &Path) -> Result<&mut Self> {
        let table = std::fs::read_to_string(path).map_err(|e| IngestError::io(path, e))?;
        self.add_tsv(&table, path)
    }
}

/// Case-folds a line for marker matching: lowercase, curly quotes straight, white space
/// collapsed, surrounding white space and closing punctuation trimmed.
fn fold_line(line: &str) -> String {
    if line.is_ascii() {
        return fold_ascii(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.trim().chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
            '\u{FF1A}' => ':',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// [`fold_line`] for ASCII text, byte by byte (the common case, and the hot path of reading).
fn fold_ascii(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for &b in line.trim().as_bytes() {
        if b.is_ascii_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(char::from(b.to_ascii_lowercase()));
    }
    out
}

/// Trims what may close a marker line (`Advertisement:`, `Publicidad.`, `— Advertisement —`).
fn strip_marker_punctuation(folded: &str) -> &str {
    folded.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ':' | '-' | '—' | '–' | '*' | '|' | '•' | '·' | '_' | '=' | '~'
            )
    })
}

/// A compiled classifier: a [`Lexicon`] plus the shape rules.
///
/// Build one per run with [`Classifier::new`] and reuse it for every article.
#[derive(Debug, Clone)]
pub struct Classifier {
    whole_lines: HashMap<String, Reason>,
    prefixes: Option<(AhoCorasick, Vec<Reason>)>,
    phrases: Option<(AhoCorasick, Vec<Reason>)>,
    max_phrase_words: usize,
}

impl Default for Classifier {
    fn default() -> Self {
        Self::builtin().as_ref().clone()
    }
}

/// The facts about one line that the classifier needs, besides its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineContext {
    /// Whether this is the first non-boilerplate line of the article.
    pub first_content: bool,
    /// Whether content lines follow this one.
    pub more_follow: bool,
}

impl Classifier {
    /// The classifier of the built-in [`Lexicon`], compiled once per process and shared.
    pub fn builtin() -> Arc<Self> {
        static BUILTIN: OnceLock<Arc<Classifier>> = OnceLock::new();
        Arc::clone(BUILTIN.get_or_init(|| Arc::new(Self::new(&Lexicon::default()))))
    }

    /// Compiles a lexicon.
    pub fn new(lexicon: &Lexicon) -> Self {
        let mut whole_lines = HashMap::new();
        let mut prefixes = (Vec::new(), Vec::new());
        let mut phrases = (Vec::new(), Vec::new());
        for e in lexicon.entries() {
            let text = fold_line(&e.text);
            match e.matches {
                Match::Line => {
                    whole_lines
                        .entry(strip_marker_punctuation(&text).to_owned())
                        .or_insert(e.reason);
                }
                Match::Prefix => {
                    prefixes.0.push(text);
                    prefixes.1.push(e.reason);
                }
                Match::Contains => {
                    phrases.0.push(text);
                    phrases.1.push(e.reason);
                }
            }
        }
        let build = |(patterns, reasons): (Vec<String>, Vec<Reason>), start: StartKind| {
            if patterns.is_empty() {
                return None;
            }
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .start_kind(start)
                .build(&patterns)
                .ok()
                .map(|ac| (ac, reasons))
        };
        Self {
            whole_lines,
            prefixes: build(prefixes, StartKind::Anchored),
            phrases: build(phrases, StartKind::Unanchored),
            max_phrase_words: lexicon.max_phrase_words,
        }
    }

    /// Classifies one line (trimmed, non-empty) of an article on its own, as if it were in the
    /// middle of the article.
    pub fn classify_line(&self, line: &str) -> Reason {
        self.classify(
            line,
            LineContext {
                first_content: false,
                more_follow: true,
            },
        )
    }

    pub(crate) fn classify(&self, line: &str, ctx: LineContext) -> Reason {
        let line = line.trim();
        if let Some(reason) = self.marker(line) {
            return reason;
        }
        if is_bracketed(line) {
            return Reason::Bracketed;
        }
        if is_fragment(line) {
            return Reason::Fragment;
        }
        if is_byline(line) {
            return Reason::Byline;
        }
        if ctx.first_content && ctx.more_follow && is_headline(line) {
            return Reason::Headline;
        }
        Reason::Prose
    }

    /// The lexicon's verdict, if any entry matches.
    ///
    /// Markers are short, so only a bounded head of a line is folded for the whole-line and
    /// prefix entries, and phrases are searched in the raw line, ASCII case-insensitively:
    /// folding every paragraph in full would cost more than the rest of reading.
    fn marker(&self, line: &str) -> Option<Reason> {
        const HEAD: usize = 96;
        let mut end = line.len().min(HEAD);
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        let folded = fold_line(&line[..end]);
        if end == line.len()
            && let Some(&r) = self.whole_lines.get(strip_marker_punctuation(&folded))
        {
            return Some(r);
        }
        if let Some((ac, reasons)) = &self.prefixes {
            let input = Input::new(&folded).anchored(Anchored::Yes);
            if let Some(m) = ac.find(input) {
                // A prefix must end at a word boundary: `source:` yes, `sourced` no.
                let next = folded[m.end()..].chars().next();
                let pattern_end = folded[..m.end()].chars().next_back();
                let boundary = next.is_none_or(|c| !c.is_alphanumeric())
                    || pattern_end.is_some_and(|c| !c.is_alphanumeric())
                    || is_cjk(next.unwrap_or(' '));
                if boundary {
                    return Some(reasons[m.pattern().as_usize()]);
                }
            }
        }
        if let Some((ac, reasons)) = &self.phrases
            && word_count_up_to(line, self.max_phrase_words + 1) <= self.max_phrase_words
        {
            for m in ac.find_iter(line) {
                if at_word_boundaries(line, m.start(), m.end()) {
                    return Some(reasons[m.pattern().as_usize()]);
                }
            }
        }
        None
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn at_word_boundaries(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    let first = s[start..end].chars().next();
    let last = s[start..end].chars().next_back();
    let ok_before = before.is_none_or(|c| !c.is_alphanumeric() || is_cjk(c))
        || first.is_some_and(|c| !c.is_alphanumeric() || is_cjk(c));
    let ok_after = after.is_none_or(|c| !c.is_alphanumeric() || is_cjk(c))
        || last.is_some_and(|c| !c.is_alphanumeric() || is_cjk(c));
    ok_before && ok_after
}

/// Number of white-space separated tokens holding at least one letter or digit, counting no
/// further than `limit`. ASCII lines take a byte loop: this runs on every paragraph.
fn word_count_up_to(line: &str, limit: usize) -> usize {
    if !line.is_ascii() {
        return line
            .split_whitespace()
            .filter(|t| t.chars().any(char::is_alphanumeric))
            .take(limit)
            .count();
    }
    let (mut count, mut in_word) = (0, false);
    for &b in line.as_bytes() {
        if b.is_ascii_whitespace() {
            in_word = false;
        } else if !in_word && b.is_ascii_alphanumeric() {
            // The token holds a letter or digit: count it once, then skip to its end.
            count += 1;
            if count >= limit {
                return count;
            }
            in_word = true;
        }
    }
    count
}

/// `[…]`, `【…】`, `〔…〕` around the whole line, with nothing after the closing bracket.
fn is_bracketed(line: &str) -> bool {
    let pairs = [('[', ']'), ('【', '】'), ('〔', '〕'), ('［', '］')];
    pairs.iter().any(|&(open, close)| {
        line.starts_with(open)
            && line.ends_with(close)
            && line.chars().count() > 2
            // One pair only: `[a] text [b]` is prose with two bracketed bits.
            && line[open.len_utf8()..line.len() - close.len_utf8()].find(close).is_none()
    })
}

/// Next to no words and some stray punctuation: `in , ,`, `—`, `* * *`.
fn is_fragment(line: &str) -> bool {
    if line.len() > 64 {
        return false;
    }
    let alnum = line.chars().filter(|c| c.is_alphanumeric()).count();
    if alnum == 0 {
        return true;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let words = tokens
        .iter()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .count();
    let bare_punct = tokens.len() - words;
    // CJK text has no spaces: a one-token line of ideographs is a word, not a fragment.
    words <= 2 && bare_punct >= words && alnum <= 4
}

/// `By Jane Smith`, `By Jane Smith and John Doe`, `By JANE SMITH, Reuters`: "By" and two to
/// six capitalised words, nothing that reads like a sentence; or such a name, a comma and a
/// short description of the writer (`By Elitsa Marinova, a Sofia-based political economist`,
/// found on a held-out column, whose byline was matched against another article's
/// headline).
fn is_byline(line: &str) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    // (the description opens with `a`/`an` and reads as no sentence: not `By Christmas
    // Eve, the minister said, "..."`, `By Election Day, who will be left standing?`; found
    // by a review)
    if let Some((name, about)) = rest.split_once(", ")
        && (about.starts_with("a ") || about.starts_with("an "))
        && (2..=10).contains(&about.split_whitespace().count())
        && !about.contains(['.', '"', '“', '”', '?', '!', ';', ':'])
        && !about
            .split_whitespace()
            .any(|w| matches!(w, "said" | "says" | "told" | "is" | "was" | "has" | "had"))
        && is_byline(&format!("By {name}"))
    {
        return true;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    if !(2..=8).contains(&words.len()) || line.ends_with('.') {
        return false;
    }
    let connector = |w: &str| {
        matches!(
            w,
            "and" | "&" | "in" | "de" | "van" | "von" | "der" | "and," | "|"
        )
    };
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    words.iter().all(|w| capitalised(w) || connector(w))
}

/// A headline: at most 20 words and 200 bytes, not ending like a sentence or a lead-in
/// (`.`, `,`, `;`, `:`), and not one whole quotation.
fn is_headline(line: &str) -> bool {
    let words = word_count_up_to(line, 21);
    if words == 0 || words > 20 || line.len() > 200 {
        return false;
    }
    let last = line.chars().next_back().unwrap_or('.');
    if matches!(last, '.' | ',' | ';' | ':' | '。' | '，' | '；' | '：') {
        // `Pressure ... Pain ... Ouch!` ends in `!`; an ellipsis at the end still reads as a
        // headline, a single full stop does not.
        return line.ends_with("...") || line.ends_with('…');
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(line: &str) -> Reason {
        Classifier::default().classify_line(line)
    }

    fn first(line: &str) -> Reason {
        Classifier::default().classify(
            line,
            LineContext {
                first_content: true,
                more_follow: true,
            },
        )
    }

    #[test]
    fn ad_markers_in_many_languages() {
        for m in [
            "Advertisement",
            "ADVERTISEMENT",
            "Anzeige",
            "Publicité",
            "Publicidad",
            "广告",
            "- Advertisement -",
            "Advertisement:",
        ] {
            assert_eq!(c(m), Reason::AdMarker, "{m}");
        }
        assert_eq!(
            c("Advertisements for the product ran on TV."),
            Reason::Prose
        );
    }

    #[test]
    fn prefixes_need_a_word_boundary() {
        assert_eq!(
            c("Original source: https://example.com/a/1"),
            Reason::SourceLine
        );
        assert_eq!(c("Source: Reuters"), Reason::SourceLine);
        assert_eq!(
            c("Sourced from many places, the report says growth slowed."),
            Reason::Prose
        );
        assert_eq!(c("Read more: Why tariffs matter"), Reason::RelatedLink);
        assert_eq!(c("Readmore is not a word"), Reason::Prose);
        assert_eq!(
            c("Disclaimer: The article represents the author's personal views."),
            Reason::Disclaimer
        );
    }

    #[test]
    fn captions_and_credits() {
        assert_eq!(c("[Trump realized too late]"), Reason::Bracketed);
        assert_eq!(c("【图片】"), Reason::Bracketed);
        assert_eq!(c("[1] footnote and [2] another"), Reason::Prose);
        assert_eq!(
            c("Image caption, Protesters outside parliament"),
            Reason::CaptionLabel
        );
        assert_eq!(c("Image source, Getty Images"), Reason::PhotoCredit);
        assert_eq!(c("Photo: Jane Doe/AP"), Reason::PhotoCredit);
        assert_eq!(
            c("© 2025 The Example Times. All rights reserved."),
            Reason::Copyright
        );
        assert_eq!(c("Copyright 2025 Example Media"), Reason::Copyright);
    }

    #[test]
    fn calls_to_action_only_on_short_lines() {
        assert_eq!(
            c("Please follow me to stay updated on the world's top news!"),
            Reason::CallToAction
        );
        assert_eq!(c("Sign up for our newsletter"), Reason::CallToAction);
        assert_eq!(c("Share"), Reason::CallToAction);
        let long = "Officials said they would follow us, then the talks moved on to tariffs, export controls, chips, rare earths, student visas, fentanyl precursors and the question of how long the truce could hold before it collapsed again.";
        assert_eq!(c(long), Reason::Prose);
        assert_eq!(c("The unfollow musical was a hit."), Reason::Prose);
    }

    #[test]
    fn fragments_and_bylines() {
        assert_eq!(c("in , ,"), Reason::Fragment);
        assert_eq!(c("* * *"), Reason::Fragment);
        assert_eq!(c("Ouch!"), Reason::Prose);
        assert_eq!(
            c("Memphis       --    --     3.05  --    --"),
            Reason::Prose,
            "a table row"
        );
        assert_eq!(c("中国商务部"), Reason::Prose);
        assert_eq!(c("By Jane Smith and John Doe"), Reason::Byline);
        assert_eq!(
            c("By Elitsa Marinova, a Sofia-based political economist"),
            Reason::Byline
        );
        for prose in [
            "By Tuesday, the ministry had withdrawn the licence",
            "By Christmas Eve, the minister said, \"the licence will be gone.\"",
            "By Election Day, who will be left standing?",
            "By Super Tuesday, Biden had won 10 states!",
            "By Friday Night, the protest had grown to 10,000 people",
        ] {
            assert_eq!(c(prose), Reason::Prose, "{prose}");
        }
        assert_eq!(
            c("By the end of the day, markets had calmed."),
            Reason::Prose
        );
    }

    #[test]
    fn headlines_only_first() {
        assert_eq!(
            first("US-China Negotiations Conclude with Preliminary Agreement"),
            Reason::Headline
        );
        assert_eq!(first("Pressure ... Pain ... Ouch!"), Reason::Headline);
        assert_eq!(
            first("The talks ended on Tuesday after two days."),
            Reason::Prose
        );
        assert_eq!(
            c("US-China Negotiations Conclude with Preliminary Agreement"),
            Reason::Prose
        );
        let one_liner = Classifier::default().classify(
            "Short line",
            LineContext {
                first_content: true,
                more_follow: false,
            },
        );
        assert_eq!(one_liner, Reason::Prose);
    }

    #[test]
    fn user_lexicon() {
        let mut lex = Lexicon::default();
        lex.add_tsv(
            "# comment\nline\tad-marker\tReklamebeilage\ncontains\tcall-to-action\tabonniere\n",
            Path::new("x.tsv"),
        )
        .expect("valid table");
        let cl = Classifier::new(&lex);
        assert_eq!(cl.classify_line("Reklamebeilage"), Reason::AdMarker);
        let bad = Lexicon::default()
            .add_tsv("line\tnope\tx\n", Path::new("x.tsv"))
            .map(|_| ())
            .unwrap_err();
        assert_eq!(bad.to_string(), "x.tsv:1: unknown reason `nope`");
        let bad = Lexicon::default()
            .add_tsv("line\tad-marker\n", Path::new("x.tsv"))
            .map(|_| ())
            .unwrap_err();
        assert!(bad.to_string().starts_with("x.tsv:1: expected 3"));
    }

    #[test]
    fn reasons_round_trip() {
        for r in ALL_REASONS {
            assert_eq!(Reason::parse(r.as_str()), Some(r));
            let json = serde_json::to_string(&r).expect("serializes");
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
    }
}
