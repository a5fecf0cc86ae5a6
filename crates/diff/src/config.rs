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

/// A [`Config`] value outside the range the search can use ([`Config::validate`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigError {
    /// A fraction (a score or a similarity) that is not a number between 0 and 1.
    #[error("config field `{field}` must be a number between 0 and 1, not {value}")]
    NotAFraction {
        /// The field's name, as in [`Config`].
        field: &'static str,
        /// The value given.
        value: f64,
    },
    /// A count below the least that means anything for its field.
    #[error("config field `{field}` must be at least {least}, not {value}")]
    TooSmall {
        /// The field's name, as in [`Config`].
        field: &'static str,
        /// The least value that field accepts.
        least: usize,
        /// The value given.
        value: usize,
    },
}

impl Config {
    /// Checks every value against its range: the fractions (`min_score`,
    /// `min_sentence_similarity`) between 0 and 1 and not NaN; `group_articles` at least 2
    /// (a group is a sentence of several articles); `max_postings` at least 2 (a term must be
    /// in two sentences to propose a pair); `prefix_terms` and `max_paragraphs` at least 1.
    /// [`Finder::try_with_config`](crate::Finder::try_with_config) calls it; a configuration
    /// read from a file should go through it too.
    ///
    /// # Errors
    ///
    /// The first field out of range, by name.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for (field, value) in [
            ("min_score", self.min_score),
            ("min_sentence_similarity", self.min_sentence_similarity),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(ConfigError::NotAFraction { field, value });
            }
        }
        for (field, least, value) in [
            ("prefix_terms", 1, self.prefix_terms),
            ("max_postings", 2, self.max_postings),
            ("group_articles", 2, self.group_articles),
            ("max_paragraphs", 1, self.max_paragraphs),
        ] {
            if value < least {
                return Err(ConfigError::TooSmall {
                    field,
                    least,
                    value,
                });
            }
        }
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_valid() {
        assert_eq!(Config::default().validate(), Ok(()));
    }

    #[test]
    fn values_out_of_range_are_named() {
        let nan = Config {
            min_score: f64::NAN,
            ..Config::default()
        };
        let err = nan.validate().unwrap_err();
        assert!(matches!(
            err,
            ConfigError::NotAFraction {
                field: "min_score",
                ..
            }
        ));
        assert!(err.to_string().contains("min_score"), "{err}");
        let over = Config {
            min_sentence_similarity: 1.5,
            ..Config::default()
        };
        assert!(over.validate().is_err());
        let one = Config {
            group_articles: 1,
            ..Config::default()
        };
        assert_eq!(
            one.validate(),
            Err(ConfigError::TooSmall {
                field: "group_articles",
                least: 2,
                value: 1
            })
        );
        let bounds = Config {
            min_score: 0.0,
            min_sentence_similarity: 1.0,
            prefix_terms: 1,
            max_postings: 2,
            group_articles: 2,
            max_paragraphs: 1,
            ..Config::default()
        };
        assert_eq!(bounds.validate(), Ok(()));
    }
}
