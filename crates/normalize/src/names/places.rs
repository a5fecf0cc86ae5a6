//! Names a corpus uses as places or companies, read from how the corpus writes them: a
//! capitalised word written alone after a locative preposition (`in Iraq`, `at Chelsea`,
//! `in the Philippines`) in a fair share of its uses is a place; a name written before a
//! company designator (`Texaco Inc`, `Morgan Stanley and Co`) in a fair share of its uses
//! is a company.
//!
//! Written here, not taken from a gazetteer: the test reads only the corpus, so it knows the
//! clubs, firms and towns of any corpus in any country, and no list has to ship. On BBC news
//! (2,225 articles) people are written so in at most 2 % of their uses (`Robinson` 2 of 123,
//! `Mourinho` 1 of 64), places and organisations in 4 % or more (`Ireland` 16 of 315,
//! `Chelsea` 16 of 199, `Microsoft` 17 of 245, `Iraq` 49 of 176).

use rustc_hash::{FxHashMap, FxHashSet};

use super::extract::{Candidate, DESIGNATORS};

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

/// Fewest telling uses (locative, or before a designator) for a name to be a place or a
/// company.
const MIN_LOCATIVE: usize = 3;

/// Smallest share of a name's uses that are telling, as 1 in this many.
const LOCATIVE_ONE_IN: usize = 25;

/// What the corpus uses as places and companies (see the module docs).
#[derive(Debug, Default)]
pub(crate) struct NotPeople {
    /// Folded one-word forms used as places.
    pub places: FxHashSet<String>,
    /// Folded forms (all their words) used as companies.
    pub companies: FxHashSet<Vec<String>>,
}

/// Reads the places and companies of a corpus from its articles' texts and candidates.
pub(crate) fn not_people<'a>(docs: impl Iterator<Item = (&'a str, &'a [Candidate])>) -> NotPeople {
    // folded form -> (uses, locative uses)
    let mut uses: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    // folded words -> (uses, uses before a designator)
    let mut named: FxHashMap<Vec<String>, (usize, usize)> = FxHashMap::default();
    for (text, cands) in docs {
        for c in cands {
            // `Pennzoil Co` is one run, read as the name before its designator; `Pennzoil,
            // Inc.` two
            let designated = c.designated
                || designator_after(text.get(c.span.end..c.sentence.end).unwrap_or(""));
            let e = named.entry(c.folded.clone()).or_default();
            e.0 += 1;
            e.1 += usize::from(designated);
            if let [form] = &c.folded[..] {
                let e = uses.entry(form.as_str()).or_default();
                e.0 += 1;
                let before = text.get(c.sentence.start..c.span.start).unwrap_or("");
                e.1 += usize::from(locative_before(before));
            }
        }
    }
    let telling = |n: usize, told: usize| told >= MIN_LOCATIVE && told * LOCATIVE_ONE_IN >= n;
    NotPeople {
        places: uses
            .into_iter()
            .filter(|&(_, (n, loc))| telling(n, loc))
            .map(|(f, _)| f.to_owned())
            .collect(),
        companies: named
            .into_iter()
            .filter(|&(_, (n, d))| telling(n, d))
            .map(|(f, _)| f)
            .collect(),
    }
}

/// Whether `after` (the sentence after a name) opens with a company designator, perhaps
/// after `and` or `&` (`Inc`, `, Inc.`, `and Co`).
fn designator_after(after: &str) -> bool {
    let mut words = after
        .split(|c: char| !c.is_alphanumeric() && c != '&')
        .filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    let word = if first == "and" || first == "&" {
        words.next().unwrap_or("")
    } else {
        first
    };
    // designators are capitalised (`Inc`, `AG`): `co` in lower case is no company
    word.starts_with(|c: char| c.is_uppercase())
        && DESIGNATORS.contains(&word.to_lowercase().as_str())
}

/// Whether `before` (the sentence up to a name) ends with a locative preposition, perhaps
/// followed by `the` (`in Iraq`, `in the Philippines`), right before the name (only spaces
/// between).
fn locative_before(before: &str) -> bool {
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() == before.len() {
        return false;
    }
    let mut words = trimmed.rsplit(|c: char| !c.is_alphabetic());
    let mut word = words.next().unwrap_or("");
    if word.eq_ignore_ascii_case("the") && trimmed.len() > word.len() {
        // only a space between the preposition and `the`
        let rest = &trimmed[..trimmed.len() - word.len()];
        if !rest.ends_with(' ') {
            return false;
        }
        word = words.next().unwrap_or("");
    }
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
        assert!(locative_before("Troops in the "));
        assert!(!locative_before("the "));
        assert!(!locative_before("in, the "));
        assert!(!locative_before(""));
    }

    #[test]
    fn a_designator_right_after() {
        assert!(designator_after(" Inc said"));
        assert!(designator_after(", Inc. said"));
        assert!(designator_after(" and Co said"));
        assert!(designator_after(" & Co"));
        assert!(designator_after(" AG"));
        assert!(!designator_after(" said"));
        assert!(!designator_after(" co-wrote"));
        assert!(!designator_after(" and Smith said"));
    }
}
