//! Candidate sentence pairs without comparing every pair: verbatim sentences bucketed by
//! their term-sequence hash, and every other sentence indexed by its rarest terms (prefix
//! filtering, as in all-pairs similarity search). Passages shared by many articles become
//! groups instead of quadratically many pairs.

use rayon::prelude::*;

use crate::config::Config;
use crate::prepare::Prepared;
use crate::weights::Weights;

/// A verbatim sentence found in many articles: its units.
pub(crate) struct GroupRun {
    pub units: Vec<u32>,
}

pub(crate) struct Candidates {
    /// Unit pairs `(u, v)` with `u < v`, from different articles, sorted and distinct.
    pub pairs: Vec<(u32, u32)>,
    pub groups: Vec<GroupRun>,
}

pub(crate) fn candidates(p: &Prepared, w: &Weights, cfg: &Config) -> Candidates {
    let n = p.units.len();
    let mut grouped = vec![false; n];
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut groups = Vec::new();

    // 1. Verbatim sentences, by the hash of their term sequence.
    let mut by_sequence: Vec<(u64, u32)> = p
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.words as usize >= cfg.min_group_words)
        .map(|(i, u)| (u.sequence, i as u32))
        .collect();
    by_sequence.par_sort_unstable();
    for run in by_sequence.chunk_by(|x, y| x.0 == y.0) {
        if run.len() < 2 {
            continue;
        }
        let mut articles: Vec<u32> = run
            .iter()
            .map(|&(_, u)| p.units[u as usize].article)
            .collect();
        articles.dedup();
        if articles.len() >= cfg.group_articles {
            for &(_, u) in run {
                grouped[u as usize] = true;
            }
            groups.push(GroupRun {
                units: run.iter().map(|&(_, u)| u).collect(),
            });
        } else {
            push_pairs(p, run.iter().map(|&(_, u)| u), &mut pairs);
        }
    }

    // 2. Prefix index: each unit's rarest terms (all of them in a small corpus).
    let prefix = if n <= cfg.exhaustive_units {
        usize::MAX
    } else {
        cfg.prefix_terms
    };
    let max_df = cfg.max_postings as u32;
    let mut postings: Vec<(u32, u32)> = p
        .units
        .par_iter()
        .enumerate()
        .filter(|(i, _)| !grouped[*i])
        .flat_map_iter(|(i, u)| {
            let mut terms: Vec<(u32, u32)> = p
                .terms_of(u)
                .iter()
                .map(|&t| (w.df(t), t))
                .filter(|&(df, _)| df >= 2 && df <= max_df)
                .collect();
            if terms.len() > prefix {
                terms.select_nth_unstable(prefix);
                terms.truncate(prefix);
            }
            terms.into_iter().map(move |(_, t)| (t, i as u32))
        })
        .collect();
    postings.par_sort_unstable();
    let mut from_index = pairs_of_runs(p, &postings, usize::MAX);
    pairs.append(&mut from_index);
    drop(postings);

    // 3. Pair index (large corpora only): pairs of each unit's rarest terms.
    if prefix != usize::MAX && cfg.pair_terms >= 2 {
        pairs.append(&mut pair_index(p, w, cfg, &grouped));
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    Candidates { pairs, groups }
}

/// The unit pairs of every run of one key in sorted `(key, unit)` postings, for runs of 2 to
/// `max_len` units.
fn pairs_of_runs<K: PartialEq + Sync>(
    p: &Prepared,
    postings: &[(K, u32)],
    max_len: usize,
) -> Vec<(u32, u32)> {
    let runs: Vec<&[(K, u32)]> = postings
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|r| r.len() >= 2 && r.len() <= max_len)
        .collect();
    runs.par_iter()
        .fold(Vec::new, |mut acc, run| {
            push_pairs(p, run.iter().map(|&(_, u)| u), &mut acc);
            acc
        })
        .reduce(Vec::new, |mut a, mut b| {
            a.append(&mut b);
            a
        })
}

/// Candidates from pairs of rare terms: each unit's `cfg.pair_terms` rarest terms (seen in at
/// least two units), every two of them as one key; keys in 2 to `cfg.max_postings` units
/// link their units, and units linked by at least [`PAIR_KEYS`] keys are candidates.
fn pair_index(p: &Prepared, w: &Weights, cfg: &Config, grouped: &[bool]) -> Vec<(u32, u32)> {
    let k = cfg.pair_terms;
    let max_df = cfg.max_postings;
    let mut postings: Vec<(u64, u32)> = p
        .units
        .par_iter()
        .enumerate()
        .filter(|(i, u)| !grouped[*i] && u.words as usize >= PAIR_MIN_WORDS)
        .flat_map_iter(|(i, u)| {
            let mut terms: Vec<(u32, u32)> = p
                .terms_of(u)
                .iter()
                .map(|&t| (w.df(t), t))
                .filter(|&(df, _)| df >= 2)
                .collect();
            if terms.len() > k {
                terms.select_nth_unstable(k);
                terms.truncate(k);
            }
            let mut ts: Vec<u32> = terms.into_iter().map(|(_, t)| t).collect();
            ts.sort_unstable();
            let mut keys = Vec::with_capacity(ts.len() * ts.len().saturating_sub(1) / 2);
            for (x, &a) in ts.iter().enumerate() {
                for &b in &ts[x + 1..] {
                    keys.push(((u64::from(a) << 32) | u64::from(b), i as u32));
                }
            }
            keys
        })
        .collect();
    postings.par_sort_unstable();
    let mut found = pairs_of_runs(p, &postings, max_df);
    drop(postings);
    found.par_sort_unstable();
    // Two units linked by three keys share at least three of their rarest terms (one shared
    // pair alone is what unrelated sentences with a common phrase have).
    found
        .chunk_by(|x, y| x == y)
        .filter(|r| r.len() >= PAIR_KEYS)
        .map(|r| r[0])
        .collect()
}

/// Sentences with fewer content words than this are not indexed by pairs: a short line
/// (`Shr 57 cts vs 32 cts`, a table row) shares a pair of its few terms with every line
/// built on the same template, and the single-term index already covers what is rare in it.
const PAIR_MIN_WORDS: usize = 8;

/// How many term pairs two units must share to become a candidate through the pair index:
/// three, as many as three shared terms make.
const PAIR_KEYS: usize = 3;

/// All pairs of units from different articles among `units`.
fn push_pairs(p: &Prepared, units: impl Iterator<Item = u32>, out: &mut Vec<(u32, u32)>) {
    let units: Vec<u32> = units.collect();
    for (k, &u) in units.iter().enumerate() {
        for &v in &units[k + 1..] {
            if p.units[u as usize].article != p.units[v as usize].article {
                out.push((u.min(v), u.max(v)));
            }
        }
    }
}
