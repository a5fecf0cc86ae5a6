//! Person names for the commands that need them: one place that turns articles into
//! `newsdiff-normalize` name documents (content paragraphs only, with dates).

use std::ops::Range;

use newsdiff_diff::NameKeys;
use newsdiff_ingest::Article;
use newsdiff_normalize::names::{NameDoc, NameReport, Names};

/// Runs name clustering over the articles' content paragraphs.
pub fn report(articles: &[Article], fuzzy: bool) -> NameReport {
    let segments: Vec<Vec<Range<usize>>> = articles
        .iter()
        .map(|a| a.content_paragraphs().map(|p| p.span.range()).collect())
        .collect();
    let docs: Vec<NameDoc<'_>> = articles
        .iter()
        .zip(&segments)
        .map(|(a, s)| {
            NameDoc::new(&a.id, &a.text)
                .segments(s)
                .date(a.date.as_deref())
        })
        .collect();
    Names::new().fuzzy(fuzzy).run(&docs)
}

/// The person key of every name mention, for name-aware overlap matching.
pub fn keys(articles: &[Article]) -> NameKeys {
    keys_of(&report(articles, true), articles)
}

/// The person keys of an existing name report.
pub fn keys_of(report: &NameReport, articles: &[Article]) -> NameKeys {
    let index = report.index();
    let mut keys = NameKeys::new();
    for a in articles {
        for span in index.of(&a.id) {
            keys.add(&a.id, span.start, span.end, span.key);
        }
    }
    keys
}
