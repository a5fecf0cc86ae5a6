//! Scores reported passages against the planted truth (recall by kind, precision) and
//! against the real corpora's exact-duplicate pairs.
//!
//! A planted passage is **found** when a reported pair links its two articles and each
//! reported side overlaps the planted span on its side by at least half the planted span.
//! A reported pair is **correct** when some planted passage links its two articles and on
//! each side the overlap is at least half the shorter of the reported and planted spans
//! (so a long passage reported in pieces is not penalised). Stock paragraphs count as
//! groups: any two members are a planted pair.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::overlaps::Reported;
use crate::truth::{Kind, Planted};

/// Recall of one kind.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct KindRecall {
    /// Planted passages.
    pub planted: usize,
    /// Found among them.
    pub found: usize,
    /// `found / planted` (1 when nothing was planted).
    pub recall: f64,
}

/// The score of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    /// Recall by kind name.
    pub recall: BTreeMap<&'static str, KindRecall>,
    /// Reported pairs.
    pub reported: usize,
    /// Reported pairs matching a planted passage.
    pub correct: usize,
    /// `correct / reported` (1 when nothing was reported).
    pub precision: f64,
}

type Span = (usize, usize);
/// A stock group: its first member and the start of the paragraph there.
type Group = (usize, usize);

fn overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// `(low article, high article)` → planted `(kind, span on low, span on high)`.
type Index = HashMap<(usize, usize), Vec<(Kind, Span, Span)>>;

fn key(a: usize, sa: Span, b: usize, sb: Span) -> ((usize, usize), Span, Span) {
    if a <= b {
        ((a, b), sa, sb)
    } else {
        ((b, a), sb, sa)
    }
}

/// Scores `reported` against `truth`; `ids` maps article ids to the indexes used in
/// `reported`.
pub fn score(truth: &[Planted], ids: &HashMap<String, usize>, reported: &[Reported]) -> Score {
    let mut index: Index = HashMap::new();
    let mut planted: Vec<((usize, usize), Span, Span, Kind)> = Vec::new();
    let mut stock: BTreeMap<(usize, usize), Vec<(usize, Span)>> = BTreeMap::new();
    for p in truth {
        let (Some(&a), Some(&b)) = (ids.get(&p.source.article), ids.get(&p.target.article)) else {
            continue;
        };
        let (sa, sb) = (
            (p.source.start, p.source.end),
            (p.target.start, p.target.end),
        );
        let (k, x, y) = key(a, sa, b, sb);
        index.entry(k).or_default().push((p.kind, x, y));
        planted.push((k, x, y, p.kind));
        if p.kind == Kind::Stock {
            let members = stock.entry((a, sa.0)).or_default();
            if members.is_empty() {
                members.push((a, sa));
            }
            members.push((b, sb));
        }
    }
    // Pairs of stock members other than (first, member) are planted too, for precision.
    let mut stock_of: HashMap<usize, Vec<(Group, Span)>> = HashMap::new();
    for (&group, members) in &stock {
        for &(m, span) in members {
            stock_of.entry(m).or_default().push((group, span));
        }
    }
    let mut hits: HashMap<(usize, usize), Vec<(Span, Span)>> = HashMap::new();
    let mut correct = 0;
    for &(a, sa, ea, b, sb, eb) in reported {
        let (k, x, y) = key(a, (sa, ea), b, (sb, eb));
        hits.entry(k).or_default().push((x, y));
        let half = |r: Span, p: Span| 2 * overlap(r, p) >= (r.1 - r.0).min(p.1 - p.0).max(1);
        let direct = index
            .get(&k)
            .is_some_and(|v| v.iter().any(|&(_, px, py)| half(x, px) && half(y, py)));
        let via_stock = || {
            let (Some(gx), Some(gy)) = (stock_of.get(&k.0), stock_of.get(&k.1)) else {
                return false;
            };
            gx.iter()
                .any(|&(g, px)| half(x, px) && gy.iter().any(|&(h, py)| h == g && half(y, py)))
        };
        if direct || via_stock() {
            correct += 1;
        }
    }
    let mut recall: BTreeMap<&'static str, KindRecall> = BTreeMap::new();
    for (k, px, py, kind) in planted {
        let found = hits.get(&k).is_some_and(|v| {
            v.iter().any(|&(x, y)| {
                2 * overlap(x, px) >= px.1 - px.0 && 2 * overlap(y, py) >= py.1 - py.0
            })
        });
        let r = recall.entry(kind.as_str()).or_default();
        r.planted += 1;
        r.found += usize::from(found);
    }
    for r in recall.values_mut() {
        r.recall = r.found as f64 / r.planted.max(1) as f64;
    }
    Score {
        recall,
        reported: reported.len(),
        correct,
        precision: if reported.is_empty() {
            1.0
        } else {
            correct as f64 / reported.len() as f64
        },
    }
}

/// Recall of exact-duplicate pairs (`derived_exact_duplicates.tsv`: `id_a id_b label text_a
/// text_b`): a pair is found when any reported passage links its two articles. Returns
/// `(pairs, found)`; pairs naming unknown ids are skipped.
pub fn duplicate_recall(
    tsv: &str,
    ids: &HashMap<String, usize>,
    reported: &[Reported],
) -> (usize, usize) {
    let linked: std::collections::HashSet<(usize, usize)> = reported
        .iter()
        .map(|r| (r.0.min(r.3), r.0.max(r.3)))
        .collect();
    let (mut pairs, mut found) = (0, 0);
    for line in tsv.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(a), Some(b)) = (cols.next(), cols.next()) else {
            continue;
        };
        let (Some(&a), Some(&b)) = (ids.get(a), ids.get(b)) else {
            continue;
        };
        pairs += 1;
        found += usize::from(linked.contains(&(a.min(b), a.max(b))));
    }
    (pairs, found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::truth::Side;

    fn side(a: &str, s: usize, e: usize) -> Side {
        Side {
            article: a.into(),
            start: s,
            end: e,
        }
    }

    #[test]
    fn recall_and_precision() {
        let truth = vec![
            Planted {
                kind: Kind::Verbatim,
                source: side("a", 0, 100),
                target: side("b", 50, 150),
                words: 20,
            },
            Planted {
                kind: Kind::Stock,
                source: side("a", 200, 300),
                target: side("c", 0, 100),
                words: 20,
            },
            Planted {
                kind: Kind::Stock,
                source: side("a", 200, 300),
                target: side("d", 0, 100),
                words: 20,
            },
        ];
        let ids: HashMap<String, usize> = ["a", "b", "c", "d"]
            .iter()
            .enumerate()
            .map(|(i, s)| ((*s).to_owned(), i))
            .collect();
        // b→a found (reversed orientation), c–d is a stock pair, a–c misses (too little).
        let reported = vec![
            (1, 60, 140, 0, 10, 90),
            (2, 0, 100, 3, 0, 100),
            (0, 0, 10, 2, 0, 10),
        ];
        let s = score(&truth, &ids, &reported);
        assert_eq!(s.recall["verbatim"].found, 1);
        assert_eq!(s.recall["stock"].found, 0);
        assert_eq!(s.correct, 2);
        assert_eq!(s.reported, 3);
        let tsv = "id_a\tid_b\tlabel\ttext_a\ttext_b\na\tb\tx\t.\t.\nc\td\tx\t.\t.\n";
        assert_eq!(duplicate_recall(tsv, &ids, &reported), (2, 2));
    }
}
