//! Text normalization with an offset map back to the original, tokens, sentences and content
//! terms for comparing news articles.
//!
//! Everything downstream in [newsdiff](https://github.com/newsdiff/newsdiff) compares
//! articles through this crate, and every result points back to the original bytes: all
//! public spans are `Range<usize>` into the **original** text, on `char` boundaries.
//!
//! # Main types
//!
//! - [`Normalizer`] (builder of switchable steps) → [`Normalized`] `{ text, map }`; the
//!   [`OffsetMap`] turns any range of the normalized text back into a range of the original
//!   ([`OffsetMap::to_original`]) and the other way ([`OffsetMap::to_normalized`]).
//!   [`normalize`] is the quick function with every step on.
//! - [`tokenize`] and [`Normalized::tokens`]: UAX #29 word-bound [`Token`]s classed by
//!   [`TokenKind`].
//! - [`split_sentences`]: rule-based [`Sentence`]s that survive `U.S.`, `Mr.`, `Jan. 5`,
//!   initials, decimals and closing quotes.
//! - [`Analyzer`]: holds the normalizer, a stemmer ([`Language`], English by default) and
//!   [`stopwords`]; gives [`Analyzer::sentences`], [`Analyzer::terms`] (stemmed content
//!   [`Term`]s hashed to `u64`) and [`Analyzer::analyze`] (both, for a whole document;
//!   [`Analyzer::analyze_into`] reuses the buffers of an earlier [`Analysis`]).
//!
//! Data flows original text → normalized text + map → tokens → terms, and spans flow back
//! through the map.
//!
//! # Features
//!
//! - NFKC; curly quotes, primes, guillemets, dashes and the minus sign folded; whitespace
//!   collapsed and zero-width characters and bidi controls dropped; `…` → `...`; lowercase.
//! - `U.S.`, `U.S.A.`, `US` → `usa` (the pronoun `us` stays `us`); `U.K.` → `uk`.
//! - Possessive `'s` dropped; `six-month` ≡ `6-month`, `twenty-five` → `25`; `55 per cent`
//!   ≡ `55 percent` ≡ `55%`. See [`Normalizer`] for the exact rules.
//! - Idempotent: normalizing normalized text changes nothing (property-tested).
//! - Terms are `xxh3_64_with_seed(stem, TERM_SEED)` hashes (a relational adjective's English
//!   stem first becomes its noun's, `congressional` → `congress`: WordNet 3.0's pertainyms,
//!   in `data/derivations.tsv`); stems are cached per thread.
//!
//! # Example
//!
//! ```
//! use newsdiff_normalize::{normalize, Analyzer};
//!
//! let text = "The U.S.’s “six-month” truce held. Mr. Greer said exports rose 55 per cent.";
//! let n = normalize(text);
//! assert_eq!(n.text, "the usa \"6-month\" truce held. mr. greer said exports rose 55 %.");
//!
//! // Any range of the normalized text maps back to the original bytes.
//! let at = n.text.find("usa").ok_or("missing")?;
//! assert_eq!(&text[n.to_original(at..at + 3)], "U.S.");
//!
//! // Sentences and content terms, with spans into the original.
//! let analyzer = Analyzer::new();
//! let doc = analyzer.analyze(text);
//! assert_eq!(&text[doc.sentences[1].span.clone()], "Mr. Greer said exports rose 55 per cent.");
//! let words: Vec<&str> = doc.terms_of(0).iter().map(|t| &text[t.span()]).collect();
//! assert_eq!(words, ["U.S.", "six", "month", "truce", "held"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The [`names`] module finds person-name mentions on top of the same tokens and spans,
//! merges spelling variants of one person (`Bessent`, `Bessant`, `Becent`) and reports role
//! conflicts (`names::find_names`).
#![deny(missing_docs)]

mod bounds;
pub mod date;
mod derive;
mod error;
mod map;
pub mod names;
mod normalizer;
mod sentence;
pub mod stopwords;
mod terms;
mod token;

pub use error::{NormalizeError, Result};
pub use map::{OffsetMap, Segment};
pub use normalizer::{Normalized, Normalizer, normalize};
pub use sentence::{Sentence, split_sentences};
pub use terms::{Analysis, Analyzer, Language, TERM_SEED, Term};
pub use token::{Token, TokenKind, is_punctuation, tokenize};
