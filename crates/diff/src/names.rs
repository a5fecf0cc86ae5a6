//! Name-aware matching: person-name mentions mapped to one key per person, so that
//! `Treasury Secretary Becent` and `Treasury Secretary Scott Bessent` share their name term.

use std::collections::HashMap;
use std::ops::Range;

use newsdiff_ingest::Article;
use newsdiff_normalize::names::{NameDoc, NameReport, Names};

/// A name mention in an article and the key of the person it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NameKey {
    /// First byte of the mention in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// One value per person (for example a hash of the person's canonical name); every
    /// spelling variant of the person gets the same key.
    pub key: u64,
}

/// Name mentions of every article, by article id.
#[derive(Debug, Clone, Default)]
pub struct NameKeys {
    by_article: HashMap<String, Vec<NameKey>>,
}

impl NameKeys {
    /// No mentions.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a mention of the person `key` at `start..end` in article `article`.
    pub fn add(&mut self, article: &str, start: usize, end: usize, key: u64) {
        self.by_article
            .entry(article.to_owned())
            .or_default()
            .push(NameKey { start, end, key });
    }

    /// The mentions of one article, in no particular order.
    pub fn of(&self, article: &str) -> &[NameKey] {
        self.by_article.get(article).map_or(&[], Vec::as_slice)
    }

    /// The person key of every mention that `report` (name clustering over `articles`, see
    /// [`name_report`]) found in `articles`.
    pub fn from_report(report: &NameReport, articles: &[Article]) -> Self {
        let index = report.index();
        let mut keys = Self::new();
        for a in articles {
            for span in index.of(&a.id) {
                keys.add(&a.id, span.start, span.end, span.key);
            }
        }
        keys
    }

    /// The person key of every name mention in `articles`, spelling variants merged (what
    /// `newsdiff overlaps` matches names with): [`NameKeys::from_report`] of a fuzzy
    /// [`name_report`].
    pub fn of_articles(articles: &[Article]) -> Self {
        Self::from_report(&name_report(articles, true), articles)
    }

    /// Whether two keys name the same person (the keys are equal).
    pub fn same_person(a: u64, b: u64) -> bool {
        a == b
    }
}

/// Person-name clustering over the articles' content paragraphs (titles, captions and
/// boilerplate left out), with their dates; `fuzzy` merges spelling variants
/// ([`Names::fuzzy`]).
pub fn name_report(articles: &[Article], fuzzy: bool) -> NameReport {
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
