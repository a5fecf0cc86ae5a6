//! Parameters of a run, with documented defaults.

use serde::{Deserialize, Serialize};

/// The default lowest score reported (see [`Config::min_score`]).
///
/// A product decision, measured: the lowest threshold that keeps reports between unrelated
/// articles well under one per 1,000 pairs. At 0.25, pairs of BBC articles from different
/// news categories get 0.10 reports per 1,000 (0.05 at 0.3), MRPC sentences of different
/// stories 0.13 per 1,000, and close paraphrases of a fact list (translations of one wire
/// report) that score 0.25–0.3 are shown. Raise it with `--min-score` for fewer, surer
/// reports; lower it to rank everything.
pub const DEFAULT_MIN_SCORE: f64 = 0.25;

/// Parameters of an overlap search. Build one with [`crate::Finder`]'s setters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Lowest score reported, 0 to 1 (default [`DEFAULT_MIN_SCORE`]).
    pub min_score: f64,
    /// Fewest content words a passage must share to be reported (default 3).
    pub min_words: usize,
    /// Lowest rarity-weighted similarity for two sentences to be matched at all (default 0.2).
    pub min_sentence_similarity: f64,
    /// How many of its rarest terms index a sentence in a large corpus (default 4).
    pub prefix_terms: usize,
    /// Up to this many sentences, every term indexes (default 20,000).
    pub exhaustive_units: usize,
    /// Terms in more sentences than this are too common to propose pairs (default 100).
    pub max_postings: usize,
    /// In a large corpus (more than [`Config::exhaustive_units`] sentences), every pair of a
    /// sentence's this many rarest terms indexes it too (default 5; 0 or 1: off). Two terms
    /// together stay rare where each alone is too common to index, which is what an edited
    /// copy of a sentence still shares with its source. Pairs in more than
    /// [`Config::max_postings`] sentences propose nothing either.
    pub pair_terms: usize,
    /// A verbatim sentence in at least this many articles is reported once, as a group
    /// (default 16).
    pub group_articles: usize,
    /// Fewest content words for a sentence to be grouped (default 4).
    pub min_group_words: usize,
    /// Most paragraphs one side of a passage may span (default 3), unless every sentence of
    /// it is a near copy: copied runs stay whole.
    pub max_paragraphs: usize,
    /// Sentences containing any of these phrases (compared in lower case) are ignored.
    pub ignore_phrases: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            min_score: DEFAULT_MIN_SCORE,
            min_words: 3,
            min_sentence_similarity: 0.2,
            prefix_terms: 4,
            exhaustive_units: 20_000,
            max_postings: 100,
            pair_terms: 5,
            group_articles: 16,
            min_group_words: 6,
            max_paragraphs: 3,
            ignore_phrases: Vec::new(),
        }
    }
}
