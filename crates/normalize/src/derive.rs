//! Derivational families of English stems: `congressional` and `Congress`, `suspension` and
//! `suspend`, `financial` and `finance` are one term. The Snowball stemmer strips
//! inflections (`tariffs` → `tariff`) and some derivations (`negotiation` and `negotiate` →
//! `negoti`), but not those whose stem changes (`suspens`/`suspend`, `congression`/`congress`);
//! a rewrite or a translation swaps one for the other freely (`a congressional hearing` /
//! `testify before Congress`).
//!
//! The table (`data/derivations.tsv`, made by `data/derivations.py`) maps a stem to the root
//! of its family: WordNet 3.0's derivationally related forms and pertainyms whose Snowball
//! stems share their first four letters or more (and three fifths of the shorter), joined
//! into families, each named by its shortest stem. Links to or from a person noun are left
//! out: an actor is not the act (`trader`, `leader`, `investor`). WordNet 3.0 is © 2006
//! Princeton University; see `data/WORDNET-LICENSE.md`.
//!
//! A table rather than rules: which stems are one family is a fact about English words
//! (`decide`/`decision`, `destroy`/`destruction`, `receive`/`reception`), which no suffix rule
//! knows.

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
            ("congressional", "Congress"),
            ("suspension", "suspend"),
            ("financial", "finance"),
            ("destruction", "destroy"),
            ("decision", "decide"),
            ("presidential", "president"),
            ("compliance", "comply"),
            ("economy", "economic"),
        ] {
            assert_eq!(r(a), r(&b.to_lowercase()), "{a} / {b}");
        }
        // a person noun is no derivation of the act
        for (a, b) in [
            ("trader", "trade"),
            ("leader", "lead"),
            ("ministry", "minister"),
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
