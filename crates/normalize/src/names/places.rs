//! Words a corpus uses as places: a capitalised word written alone after a locative
//! preposition (`in Iraq`, `at Chelsea`, `from Scotland`) in a fair share of its uses.
//!
//! Written here, not taken from a gazetteer: the test reads only the corpus, so it knows the
//! clubs, firms and towns of any corpus in any country, and no list has to ship. On BBC news
//! (2,225 articles) people are written so in at most 2 % of their uses (`Robinson` 2 of 123,
//! `Mourinho` 1 of 64), places and organisations in 4 % or more (`Ireland` 16 of 315,
//! `Chelsea` 16 of 199, `Microsoft` 17 of 245, `Iraq` 49 of 176).

use rustc_hash::{FxHashMap, FxHashSet};

use super::extract::Candidate;

/// Prepositions that put a place after them. `to` and `against` are left out: people are
/// spoken to and played against.
const LOCATIVE: &[&str] = &[
    "across",
    "around",
    "at",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "outside",
    "throughout",
    "within",
];

/// Fewest locative uses for a word to be a place.
const MIN_LOCATIVE: usize = 3;

/// Smallest share of a word's uses that are locative, as 1 in this many, for it to be a place.
const LOCATIVE_ONE_IN: usize = 25;

/// The folded one-word forms that the corpus uses as places (see the module docs): `docs`
/// holds each article's text and its candidates.
pub(crate) fn place_words<'a>(
    docs: impl Iterator<Item = (&'a str, &'a [Candidate])>,
) -> FxHashSet<String> {
    // folded form -> (uses, locative uses)
    let mut uses: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    for (text, cands) in docs {
        for c in cands.iter().filter(|c| c.folded.len() == 1) {
            let e = uses.entry(c.folded[0].as_str()).or_default();
            e.0 += 1;
            let before = text.get(c.sentence.start..c.span.start).unwrap_or("");
            if locative_before(before) {
                e.1 += 1;
            }
        }
    }
    uses.into_iter()
        .filter(|&(_, (n, loc))| loc >= MIN_LOCATIVE && loc * LOCATIVE_ONE_IN >= n)
        .map(|(f, _)| f.to_owned())
        .collect()
}

/// Whether the last word of `before` (the sentence up to a name) is a locative preposition
/// right before the name (only spaces between).
fn locative_before(before: &str) -> bool {
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() {
        return false;
    }
    let word = trimmed
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // a capitalised `In` opens a sentence or a title: still locative
    LOCATIVE
        .iter()
        .any(|p| word.len() == p.len() && word.eq_ignore_ascii_case(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locative_word_right_before() {
        assert!(locative_before("Violence in "));
        assert!(locative_before("He played at  "));
        assert!(locative_before("In "));
        assert!(!locative_before("He spoke to "));
        assert!(!locative_before("the win"));
        assert!(!locative_before("within"));
        assert!(!locative_before("in the "));
        assert!(!locative_before(""));
    }
}
