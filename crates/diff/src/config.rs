//! Parameters of a run, with documented defaults.

use serde::{Deserialize, Serialize};

/// The default lowest score reported (see [`Config::min_score`]).
///
/// A product decision, measured (benches/eval/quality.sh, 2026-12-06): the lowest threshold
/// that keeps reports between unrelated articles well under one per 1,000 pairs while showing
/// what articles of one story share. At 0.2, pairs of BBC articles from different news
/// categories get 0.05 reports per 1,000; MRPC dev accuracy is 0.733 (best 0.738 at 0.230);
/// the sample translations' shared fact lists (0.29–0.35) are shown; on generated text
/// (bigram chains, where rare phrases recur by chance) 99 % of the reports at 10 k articles are
/// planted. Raise it with `--min-score` for fewer, surer reports; lower it to rank everything.
pub const DEFAULT_MIN_SCORE: f64 = 0.2;

/// Parameters of an overlap search. Build one with [`crate::Finder`]'s setters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Lowest score reported, 0 to 1 (default [`DEFAULT_MIN_SCORE`]).
    pub min_score: f64,
    /// Fewest content words a passage must share to be reported (default 2; the score, which
    /// grows with what is shared, decides the rest). Two is what two captions of one scene
    /// share (`A woman is cutting a tomato` / `A woman is slicing a tomato`): with 3, the
    /// proxy sentence-similarity set's Spearman was 0.60, with 2 it is 0.70, and nothing
    /// else measured moved.
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
    /// Fewest content words for a sentence to be grouped (default 6).
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
            min_words: 2,
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
