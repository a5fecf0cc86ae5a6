//! Name-aware matching: person-name mentions mapped to one key per person, so that
//! `Treasury Secretary Becent` and `Treasury Secretary Scott Bessent` share their name term;
//! and the holders of one office that the articles give to different people matched as one
//! role holder, so that `Commerce Secretary Raimondo` and `Commerce Secretary Lutnick` share
//! theirs (the word diff still tells them apart, as a role divergence).

use std::collections::HashMap;
use std::ops::Range;

use newsdiff_ingest::Article;
use newsdiff_normalize::names::{ConflictKind, NameDoc, NameReport, Names, RoleConflict, lexicon};

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
    /// Person key → the key that person's mentions match with, where it is not their own:
    /// the role holder key of an office the articles give to several people.
    holders: HashMap<u64, u64>,
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

    /// Makes mentions of person `person` match as `holder` (see [`NameKeys::match_key`]),
    /// replacing any earlier holder key of that person. `holder` should be a key of its own
    /// (as [`NameKeys::from_report`] hashes the office), never another person's key: that
    /// would make the two people one term.
    pub fn match_as(&mut self, person: u64, holder: u64) {
        self.holders.insert(person, holder);
    }

    /// The key a mention of person `key` matches with: the person's own key, or, for a
    /// holder of one office that the articles give to a few different people, one key shared
    /// by all its holders: a role conflict that is not a dated succession, whose office has
    /// a known country, is held by one person at a time (a department's secretary or
    /// minister, a trade representative, a president, governor, chair or chief executive; not
    /// an MP, senator, judge, spokesperson, commissioner, deputy or analyst, of whom there are
    /// many at once) and has at most [`MAX_ROLE_HOLDERS`] holders. A person holding several
    /// such offices matches with the first by role key.
    ///
    /// Such articles report the same fact and name different people in it (a machine
    /// translation's `Commerce Secretary Raimondo` for `Commerce Secretary Lutnick`), which is
    /// what a fact-checker must see: the sentences are matched, and the word diff, which
    /// compares person keys, flags the role divergence. Holders who succeeded each other by
    /// date are different facts and keep their own keys.
    #[must_use]
    pub fn match_key(&self, key: u64) -> u64 {
        self.holders.get(&key).copied().unwrap_or(key)
    }

    /// The person key of every mention that `report` (name clustering over `articles`, see
    /// [`name_report`]) found in `articles`, and the role holders of its role conflicts (see
    /// [`NameKeys::match_key`]).
    pub fn from_report(report: &NameReport, articles: &[Article]) -> Self {
        let index = report.index();
        let mut keys = Self::new();
        for a in articles {
            for span in index.of(&a.id) {
                keys.add(&a.id, span.start, span.end, span.key);
            }
        }
        // A person in several conflicts matches with the first (conflicts are sorted by role
        // key): joining every office a person was given would chain offices together.
        for conflict in report.role_conflicts.iter().filter(|c| one_seat(c)) {
            let holder = role_holder_key(&conflict.key);
            for h in &conflict.holders {
                if let Some(c) = report.clusters.get(h.cluster) {
                    keys.holders.entry(c.key).or_insert(holder);
                }
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

/// Most holders of one office whose mentions match as one (see [`NameKeys::match_key`]). In
/// one story, a translation or a mistake gives an office one or two wrong names; an office
/// given to more people is one that changed hands over a broad corpus, or several offices
/// taken for one (BBC, names report, 2026-12-06: `india:finance minister` held by the finance
/// ministers of four countries).
pub const MAX_ROLE_HOLDERS: usize = 3;

/// Whether a role conflict's holders may match as one holder (see [`NameKeys::match_key`]).
fn one_seat(c: &RoleConflict) -> bool {
    lexicon::is_one_seat_office(&c.role)
        && c.kind != ConflictKind::Succession
        && c.holders.len() <= MAX_ROLE_HOLDERS
        && !c.key.starts_with("?:")
}

/// The match key of the holders of office `role_key` (`us:commerce secretary`): a fixed hash,
/// apart from person keys only by chance (64 bits).
fn role_holder_key(role_key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(role_key.as_bytes(), ROLE_HOLDER_SEED)
}

/// Seed of [`role_holder_key`].
const ROLE_HOLDER_SEED: u64 = 0x726f_6c65_686f_6c64; // "roleheld"

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

#[cfg(test)]
mod tests {
    use super::*;
    use newsdiff_normalize::names::RoleHolder;

    fn conflict(key: &str, holders: usize) -> RoleConflict {
        let (_, role) = key.split_once(':').unwrap_or(("?", key));
        RoleConflict {
            role: role.to_owned(),
            key: key.to_owned(),
            kind: ConflictKind::Undated,
            holders: (0..holders)
                .map(|cluster| RoleHolder {
                    canonical: format!("p{cluster}"),
                    cluster,
                    articles: Vec::new(),
                    sentences: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn one_seat_offices() {
        for key in [
            "us:commerce secretary",
            "us:trade representative",
            "us:president",
            "china:nvidia chief executive",
            "uk:bank of england governor",
        ] {
            assert!(one_seat(&conflict(key, 2)), "{key}");
        }
        for key in [
            "us:representative",
            "us:secretary",
            "china:deputy commerce minister",
            "uk:tory mp",
            "us:senator",
            "eu:trade commissioner",
            "?:commerce secretary",
        ] {
            assert!(!one_seat(&conflict(key, 2)), "{key}");
        }
        assert!(!one_seat(&conflict(
            "us:commerce secretary",
            MAX_ROLE_HOLDERS + 1
        )));
        let mut dated = conflict("us:commerce secretary", 2);
        dated.kind = ConflictKind::Succession;
        assert!(!one_seat(&dated));
    }
}
