//! Relational adjectives and their nouns as one family of English stems: `congressional` and
//! `Congress`, `commercial` and `commerce`, `continental` and `continent`, `militarily` and
//! `military`. The Snowball stemmer strips inflections (`tariffs` → `tariff`) and some
//! derivations (`negotiation` and `negotiate` → `negoti`), but not an adjective whose stem
//! differs from its noun's (`congression`/`congress`), and a rewrite or a translation swaps
//! one for the other freely (`a congressional hearing` / `testify before Congress`).
//!
//! The table (`data/derivations.tsv`, made by `data/derivations.py`) maps a stem to the root
//! of its family: WordNet 3.0's pertainyms (an adjective "of or relating to" a noun, an adverb
//! to its adjective) whose Snowball stems share their first four letters or more (and three
//! fifths of the shorter), joined into families, each named by its shortest stem. No stem of a
//! person noun takes part (`presidential`/`president`, `official`/`office`: a person is not
//! the office), and WordNet's looser derivationally related forms are not used (they join
//! `statement` to `state`, `pressure` to `press`, `committee` to `commit`). WordNet 3.0 is ©
//! 2006 Princeton University; see `data/WORDNET-LICENSE.md`.
//!
//! A table rather than rules: which adjective is a noun's is a fact about English words, which
//! no suffix rule knows.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

/// `stem<TAB>root` lines, sorted.
const TABLE: &str = include_str!("../data/derivations.tsv");

fn table() -> &'static FxHashMap<&'static str, &'static str> {
    static T: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    T.get_or_init(|| TABLE.lines().filter_map(|l| l.split_once('\t')).collect())
}

/// The root of an English Snowball stem's derivational family (`congression` → `congress`),
/// or the stem itself.
pub(crate) fn root(stem: &str) -> &str {
    table().get(stem).copied().unwrap_or(stem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_stemmers::{Algorithm, Stemmer};

    #[test]
    fn families() {
        let s = Stemmer::create(Algorithm::English);
        let r = |w: &str| root(&s.stem(w)).to_owned();
        for (a, b) in [
            ("congressional", "congress"),
            ("commercial", "commerce"),
            ("continental", "continent"),
            ("militarily", "military"),
        ] {
            assert_eq!(r(a), r(b), "{a} / {b}");
        }
        // no person noun's stem, and no looser derivation
        for (a, b) in [
            ("presidential", "president"),
            ("official", "office"),
            ("statement", "state"),
            ("pressure", "press"),
            ("committee", "commit"),
            ("significant", "sign"),
        ] {
            assert_ne!(r(a), r(b), "{a} / {b}");
        }
    }

    #[test]
    fn table_rows_are_stem_root_pairs() {
        for line in TABLE.lines() {
            let (stem, root) = line.split_once('\t').expect("two fields");
            assert!(
                !stem.is_empty() && !root.is_empty() && stem != root,
                "{line}"
            );
            // roots are no keys: one lookup reaches the root
            assert!(!table().contains_key(root), "{line}");
        }
    }
}
