//! Word diff of two passages with `similar`, remapped to original bytes, and the divergences
//! a fact-checker looks for first: numbers, names, roles, negation and speakers.

use newsdiff_normalize::{Normalizer, TokenKind};
use similar::{Algorithm, DiffOp as SimilarOp, capture_diff_slices};

use crate::model::{DiffOp, Divergence, DivergenceKind, Op, Piece};
use crate::names::NameKey;

/// A word of one side: its original byte range (absolute in the article) and comparison key.
#[derive(Debug, Clone)]
struct Word {
    start: usize,
    end: usize,
    key: String,
    kind: TokenKind,
    person: Option<u64>,
}

/// One side of a diff: an article's text, the passage range, and its name mentions.
#[derive(Debug, Clone, Copy)]
pub struct DiffSide<'a> {
    /// The article's whole text.
    pub text: &'a str,
    /// The passage: a byte range of `text`.
    pub start: usize,
    /// End of the passage.
    pub end: usize,
    /// Person-name mentions of the article (any order); may be empty.
    pub names: &'a [NameKey],
}

impl<'a> DiffSide<'a> {
    /// All of `text` as the passage, with these name mentions (may be empty).
    pub fn whole(text: &'a str, names: &'a [NameKey]) -> Self {
        Self {
            text,
            start: 0,
            end: text.len(),
            names,
        }
    }
}

/// The result of [`word_diff`].
#[derive(Debug, Clone, Default)]
pub struct WordDiff {
    /// Operations from side `a` to side `b`, with byte ranges into each article's text.
    pub ops: Vec<DiffOp>,
    /// Differences that change what the passage says.
    pub divergences: Vec<Divergence>,
    /// `2 × equal words / (words of a + words of b)`: 1 for the same words in order.
    pub ratio: f64,
    /// Distinct numbers each side states that the other does not, the smaller of the two
    /// counts: a symmetric measure of numbers stated differently.
    pub differing_numbers: usize,
    /// Whether one side holds more negations than the other.
    pub negation_differs: bool,
}

fn words(side: &DiffSide<'_>, normalizer: &Normalizer) -> Vec<Word> {
    let slice = &side.text[side.start..side.end];
    let n = normalizer.normalize(slice);
    n.tokens()
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punctuation)
        .map(|t| {
            let (start, end) = (side.start + t.span.start, side.start + t.span.end);
            Word {
                start,
                end,
                key: n.text[t.norm.clone()].to_owned(),
                kind: t.kind,
                person: side
                    .names
                    .iter()
                    .find(|m| m.start <= start && end <= m.end)
                    .map(|m| m.key),
            }
        })
        .collect()
}

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "n't", "nor", "neither", "none", "without", "nothing", "cannot",
];
const ROLE_WORDS: &[&str] = &[
    "secretary",
    "minister",
    "president",
    "representative",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "governor",
    "ambassador",
    "director",
    "head",
    "chief",
    "senator",
    "premier",
    "chancellor",
    "envoy",
    "commissioner",
    "adviser",
    "advisor",
    "mayor",
    "general",
];
const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "according",
    "stated",
    "added",
    "noted",
    "warned",
    "declared",
    "wrote",
    "asked",
];

/// Diffs two passages word by word (after normalization) and flags divergences.
pub fn word_diff(a: &DiffSide<'_>, b: &DiffSide<'_>) -> WordDiff {
    let normalizer = Normalizer::new();
    let wa = words(a, &normalizer);
    let wb = words(b, &normalizer);
    let ka: Vec<&str> = wa.iter().map(|w| w.key.as_str()).collect();
    let kb: Vec<&str> = wb.iter().map(|w| w.key.as_str()).collect();
    let raw = capture_diff_slices(Algorithm::Myers, &ka, &kb);
    let mut ops = Vec::new();
    let mut equal = 0usize;
    let mut hunks: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    let at_a = |i: usize| {
        if i < wa.len() {
            wa[i].start
        } else {
            a.end.min(wa.last().map_or(a.start, |w| w.end))
        }
    };
    let at_b = |i: usize| {
        if i < wb.len() {
            wb[i].start
        } else {
            b.end.min(wb.last().map_or(b.start, |w| w.end))
        }
    };
    let span = |ws: &[Word], r: std::ops::Range<usize>| [ws[r.start].start, ws[r.end - 1].end];
    for op in raw {
        match op {
            SimilarOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                equal += len;
                ops.push(DiffOp {
                    op: Op::Equal,
                    a: span(&wa, old_index..old_index + len),
                    b: span(&wb, new_index..new_index + len),
                });
            }
            SimilarOp::Delete {
                old_index,
                old_len,
                new_index,
            } => {
                let p = at_b(new_index);
                ops.push(DiffOp {
                    op: Op::Delete,
                    a: span(&wa, old_index..old_index + old_len),
                    b: [p, p],
                });
                hunks.push((old_index..old_index + old_len, new_index..new_index));
            }
            SimilarOp::Insert {
                old_index,
                new_index,
                new_len,
            } => {
                let p = at_a(old_index);
                ops.push(DiffOp {
                    op: Op::Insert,
                    a: [p, p],
                    b: span(&wb, new_index..new_index + new_len),
                });
                hunks.push((old_index..old_index, new_index..new_index + new_len));
            }
            SimilarOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                ops.push(DiffOp {
                    op: Op::Delete,
                    a: span(&wa, old_index..old_index + old_len),
                    b: [at_b(new_index); 2],
                });
                ops.push(DiffOp {
                    op: Op::Insert,
                    a: [at_a(old_index + old_len); 2],
                    b: span(&wb, new_index..new_index + new_len),
                });
                hunks.push((
                    old_index..old_index + old_len,
                    new_index..new_index + new_len,
                ));
            }
        }
    }
    let total = wa.len() + wb.len();
    let ratio = if total == 0 {
        1.0
    } else {
        2.0 * equal as f64 / total as f64
    };
    let divergences = divergences(a, b, &wa, &wb, &merge_adjacent(hunks));
    let numbers = |ws: &[Word]| -> std::collections::BTreeSet<String> {
        ws.iter()
            .filter(|w| w.kind == TokenKind::Number)
            .map(|w| w.key.clone())
            .collect()
    };
    let (na, nb) = (numbers(&wa), numbers(&wb));
    let differing_numbers = na.difference(&nb).count().min(nb.difference(&na).count());
    let negations = |ws: &[Word]| {
        ws.iter()
            .filter(|w| NEGATIONS.contains(&w.key.as_str()))
            .count()
    };
    let negation_differs = negations(&wa) != negations(&wb);
    WordDiff {
        ops,
        divergences,
        ratio,
        differing_numbers,
        negation_differs,
    }
}

/// Joins hunks separated by at most one equal word on both sides (`55% tariffs` →
/// `50% duties`), so a changed phrase is judged as one.
fn merge_adjacent(
    hunks: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
) -> Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let mut out: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    for (ra, rb) in hunks {
        if let Some(last) = out.last_mut()
            && ra.start <= last.0.end + 1
            && rb.start <= last.1.end + 1
        {
            last.0.end = ra.end;
            last.1.end = rb.end;
            continue;
        }
        out.push((ra, rb));
    }
    out
}

/// The words within three of a person's first mention.
fn near_person(ws: &[Word], person: u64) -> impl Iterator<Item = String> + '_ {
    let at = ws
        .iter()
        .position(|w| w.person == Some(person))
        .unwrap_or(0);
    ws[at.saturating_sub(3)..(at + 4).min(ws.len())]
        .iter()
        .map(|w| w.key.clone())
}

/// The title held by a person at their first mention among `ws`, as a sorted word set: a
/// title word among the four words before the mention, with its qualifiers
/// (`US Commerce Secretary Rutnik` and `Secretary of Commerce Rutnik` both give
/// `{commerce, secretary}`), or `None` without a title word.
fn role_before(ws: &[Word], person: u64) -> Option<Vec<&str>> {
    let first = ws.iter().position(|w| w.person == Some(person))?;
    let window = &ws[first.saturating_sub(4)..first];
    let last_role = window
        .iter()
        .rposition(|w| ROLE_WORDS.contains(&w.key.as_str()))?;
    let mut key: Vec<&str> = window[last_role.saturating_sub(1)..]
        .iter()
        .filter(|w| {
            w.person.is_none() && !matches!(w.key.as_str(), "of" | "the" | "us" | "usa" | "for")
        })
        .map(|w| w.key.as_str())
        .collect();
    key.sort_unstable();
    key.dedup();
    Some(key)
}

/// The first contiguous run of words of hunk `r` that `pick` chooses, or an empty range at
/// the hunk's position.
fn piece(
    side: &DiffSide<'_>,
    ws: &[Word],
    r: &std::ops::Range<usize>,
    pick: impl Fn(&Word) -> bool,
) -> Piece {
    let hunk = &ws[r.clone()];
    let (start, end) = match hunk.iter().position(&pick) {
        Some(first) => {
            let run = hunk[first..].iter().take_while(|w| pick(w)).count();
            (hunk[first].start, hunk[first + run - 1].end)
        }
        None => {
            let p = ws.get(r.start).map_or(side.end, |w| w.start);
            (p, p)
        }
    };
    Piece {
        start,
        end,
        text: side.text[start..end].to_owned(),
    }
}

fn divergences(
    a: &DiffSide<'_>,
    b: &DiffSide<'_>,
    wa: &[Word],
    wb: &[Word],
    hunks: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
) -> Vec<Divergence> {
    let mut out = Vec::new();
    // Names: a person on each side whom the other side does not name at all (a swap of
    // people, not a name added or dropped).
    let persons = |h: &[Word]| -> Vec<u64> {
        let mut v: Vec<u64> = Vec::new();
        for p in h.iter().filter_map(|w| w.person) {
            if !v.contains(&p) {
                v.push(p);
            }
        }
        v
    };
    let (pa, pb) = (persons(wa), persons(wb));
    let only_a: Vec<u64> = pa.iter().copied().filter(|p| !pb.contains(p)).collect();
    let only_b: Vec<u64> = pb.iter().copied().filter(|p| !pa.contains(p)).collect();
    // A swap under one title is a role divergence (`Commerce Secretary Raimondo` vs
    // `Commerce Secretary Lutnick`); a lone swap of one person for another, near a verb of
    // saying, a speaker divergence; any other lone swap, a name divergence. Several people
    // swapped without a shared title cannot be paired safely and are not flagged.
    let mut paired = false;
    for &pa_key in &only_a {
        let role_a = role_before(wa, pa_key);
        let Some(&pb_key) = only_b
            .iter()
            .find(|&&k| role_a.is_some() && role_before(wb, k) == role_a)
        else {
            continue;
        };
        paired = true;
        out.push(Divergence {
            kind: DivergenceKind::Role,
            a: piece(a, wa, &(0..wa.len()), |w| w.person == Some(pa_key)),
            b: piece(b, wb, &(0..wb.len()), |w| w.person == Some(pb_key)),
        });
    }
    if let (false, [pa_key], [pb_key]) = (paired, only_a.as_slice(), only_b.as_slice()) {
        let around: Vec<String> = near_person(wa, *pa_key)
            .chain(near_person(wb, *pb_key))
            .collect();
        let kind = if around.iter().any(|k| SPEECH_WORDS.contains(&k.as_str())) {
            DivergenceKind::Speaker
        } else {
            DivergenceKind::Name
        };
        out.push(Divergence {
            kind,
            a: piece(a, wa, &(0..wa.len()), |w| w.person == Some(*pa_key)),
            b: piece(b, wb, &(0..wb.len()), |w| w.person == Some(*pb_key)),
        });
    }
    for (ra, rb) in hunks {
        let (ha, hb) = (&wa[ra.clone()], &wb[rb.clone()]);
        // Numbers: both sides state a number here, and the numbers differ.
        let na: Vec<&str> = ha
            .iter()
            .filter(|w| w.kind == TokenKind::Number)
            .map(|w| w.key.as_str())
            .collect();
        let nb: Vec<&str> = hb
            .iter()
            .filter(|w| w.kind == TokenKind::Number)
            .map(|w| w.key.as_str())
            .collect();
        if !na.is_empty() && !nb.is_empty() && na != nb {
            out.push(Divergence {
                kind: DivergenceKind::Number,
                a: piece(a, wa, ra, |w| w.kind == TokenKind::Number),
                b: piece(b, wb, rb, |w| w.kind == TokenKind::Number),
            });
        }
        // Names: both sides name someone here, and not the same person.
        // Negation: one side negates here, the other does not.
        let neg = |h: &[Word]| {
            h.iter()
                .filter(|w| NEGATIONS.contains(&w.key.as_str()))
                .count()
        };
        if neg(ha) != neg(hb) {
            let is_neg = |w: &Word| NEGATIONS.contains(&w.key.as_str());
            out.push(Divergence {
                kind: DivergenceKind::Negation,
                a: piece(a, wa, ra, is_neg),
                b: piece(b, wb, rb, is_neg),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(a: &str, b: &str) -> WordDiff {
        word_diff(&DiffSide::whole(a, &[]), &DiffSide::whole(b, &[]))
    }

    #[test]
    fn equal_texts_have_ratio_one() {
        let d = diff("The talks ended.", "the talks  ended");
        assert_eq!(d.ratio, 1.0);
        assert!(d.ops.iter().all(|o| o.op == Op::Equal));
        assert!(d.divergences.is_empty());
    }

    #[test]
    fn number_role_and_negation() {
        let d = diff(
            "With 55% tariffs still in place.",
            "With 50% tariffs still in place.",
        );
        assert_eq!(d.divergences.len(), 1);
        assert_eq!(d.divergences[0].kind, DivergenceKind::Number);
        assert_eq!(d.divergences[0].a.text, "55");
        let (a, b) = (
            "US Commerce Secretary Raimondo joined.",
            "US Commerce Secretary Lutnick joined.",
        );
        let (na, nb) = (
            [NameKey {
                start: 22,
                end: 30,
                key: 1,
            }],
            [NameKey {
                start: 22,
                end: 29,
                key: 2,
            }],
        );
        let d = word_diff(&DiffSide::whole(a, &na), &DiffSide::whole(b, &nb));
        assert_eq!(d.divergences[0].kind, DivergenceKind::Role);
        assert_eq!(d.divergences[0].b.text, "Lutnick");
        let d = diff(
            "China is easy to deal with.",
            "China is not easy to deal with.",
        );
        assert_eq!(d.divergences[0].kind, DivergenceKind::Negation);
        assert_eq!(d.divergences[0].b.text, "not");
    }

    #[test]
    fn same_person_is_no_divergence() {
        let a = "Treasury Secretary Becent said.";
        let b = "Treasury Secretary Scott Bessent said.";
        let na = [NameKey {
            start: 19,
            end: 25,
            key: 7,
        }];
        let nb = [NameKey {
            start: 19,
            end: 32,
            key: 7,
        }];
        let d = word_diff(&DiffSide::whole(a, &na), &DiffSide::whole(b, &nb));
        assert!(d.divergences.is_empty(), "{:?}", d.divergences);
        assert!(d.ops.iter().any(|o| o.op != Op::Equal));
    }

    #[test]
    fn ops_cover_words_with_byte_ranges() {
        let a = "Trump said China is not easy.";
        let b = "Trump said that China is easy.";
        let d = diff(a, b);
        for o in &d.ops {
            assert!(a.get(o.a[0]..o.a[1]).is_some() && b.get(o.b[0]..o.b[1]).is_some());
            match o.op {
                Op::Insert => assert_eq!(o.a[0], o.a[1]),
                Op::Delete => assert_eq!(o.b[0], o.b[1]),
                Op::Equal => assert_eq!(
                    a[o.a[0]..o.a[1]].to_lowercase().split_whitespace().count(),
                    b[o.b[0]..o.b[1]].to_lowercase().split_whitespace().count()
                ),
            }
        }
    }
}
