//! Assembling an [`Article`] from its text and metadata: paragraphs cut and classified.

use crate::classify::{Classifier, LineContext, Reason};
use crate::layout::{self, Layout};
use crate::model::{Article, Paragraph, Source};

/// Metadata a reader found next to the text.
#[derive(Debug, Default, Clone)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
}

/// Cuts and classifies `text`; `first_line` is the file line where the text starts (for plain
/// text) or 0 (for a record's text field).
pub(crate) fn article(
    id: String,
    source: Source,
    text: String,
    first_line: usize,
    meta: Meta,
    layout: Layout,
    classifier: &Classifier,
) -> Article {
    let raw = layout::paragraphs(&text, layout, first_line);
    let mut paragraphs = Vec::with_capacity(raw.len());
    let mut seen_content = false;
    let mut headline = None;
    let title_key = meta.title.as_deref().map(fold_title);
    for (i, p) in raw.iter().enumerate() {
        let line = &text[p.span.range()];
        let first_content = !seen_content;
        let mut reason = classifier.classify(
            line,
            LineContext {
                // With a title field the text's own first line is only a title if it repeats
                // the field; without one, the headline shape decides.
                first_content: first_content && title_key.is_none(),
                more_follow: i + 1 < raw.len(),
            },
        );
        if first_content && title_key.as_deref().is_some_and(|t| t == fold_title(line)) {
            reason = Reason::TitleField;
        }
        if reason == Reason::Headline {
            headline = Some(line.to_owned());
        }
        if reason.kind().is_content() {
            seen_content = true;
        }
        paragraphs.push(Paragraph {
            span: p.span,
            line: p.line,
            kind: reason.kind(),
            reason,
        });
    }
    Article {
        id,
        source,
        title: meta.title.or(headline),
        date: meta.date,
        url: meta.url,
        outlet: meta.outlet,
        text,
        paragraphs,
    }
}

fn fold_title(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An article from one record of a multi-record file (a JSON Lines line, a CSV row): its text
/// is the record's text field, so lines count from 0 within it; `line` is the record's 0-based
/// line in the file.
pub(crate) fn record_article(
    id: String,
    path: &str,
    line: usize,
    text: String,
    meta: Meta,
    reader: &crate::reader::Reader,
) -> Article {
    let source = Source {
        path: path.to_owned(),
        line,
    };
    article(id, source, text, 0, meta, reader.layout, &reader.classifier)
}
