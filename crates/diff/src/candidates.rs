//! Candidate sentence pairs without comparing every pair: verbatim sentences bucketed by
//! their term-sequence hash, and every other sentence indexed by its rarest terms (prefix
//! filtering, as in all-pairs similarity search). Passages shared by many articles become
//! groups instead of quadratically many pairs.
//!
//! The pairs are never all held at once: [`candidates`] builds the indexes (compact posting
//! lists), and [`Candidates::partners`] lists one unit's later partners on demand, so the
//! caller can verify pairs unit by unit. At 100 k generated articles that is 26 M pairs
//! (208 MB, and about 600 MB more while they were built, sorted and deduplicated) that no
//! longer sit in memory.

use rayon::prelude::*;

use crate::config::Config;
use crate::prepare::Prepared;
use crate::weights::Weights;

/// A verbatim sentence found in many articles: its units.
pub(crate) struct GroupRun {
    pub units: Vec<u32>,
}

/// Sorted posting lists in compact form: the distinct keys, and for key `i` the units
/// `units[starts[i]..starts[i + 1]]`, ascending. With a first-level index (`first`), the
/// keys whose [`Key::head`] is `h` are `keys[first[h]..first[h + 1]]`.
#[derive(Default)]
struct Postings<K> {
    keys: Vec<K>,
    starts: Vec<u32>,
    units: Vec<u32>,
    first: Vec<u32>,
    /// A one-hash Bloom filter of the keys (16 bits a key; empty: none), so that looking up a
    /// key posted nowhere, the usual case for term pairs, rarely needs a binary search.
    filter: Vec<u64>,
}

/// The filter bit of `key` for a filter of `2^bits` bits.
fn filter_bit(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

/// A posting key with a dense leading part (a term number) to index by.
trait Key: Ord + Copy {
    fn head(self) -> usize;
}

impl Key for u32 {
    fn head(self) -> usize {
        self as usize
    }
}

impl Key for u64 {
    /// A term-pair key's first term.
    fn head(self) -> usize {
        (self >> 32) as usize
    }
}

impl<K: Ord + Copy> Postings<K> {
    /// Keeps the runs of 2 to `max_len` units of sorted `(key, unit)` postings.
    fn extend_from_sorted(&mut self, postings: &[(K, u32)], max_len: usize) {
        for run in postings.chunk_by(|x, y| x.0 == y.0) {
            if run.len() >= 2 && run.len() <= max_len {
                self.keys.push(run[0].0);
                self.starts.push(self.units.len() as u32);
                self.units.extend(run.iter().map(|&(_, u)| u));
            }
        }
    }

    fn close(&mut self) {
        self.starts.push(self.units.len() as u32);
        self.keys.shrink_to_fit();
        self.starts.shrink_to_fit();
        self.units.shrink_to_fit();
    }

    /// The units posted under `key` (empty when the key proposes nothing).
    fn get(&self, key: K) -> &[u32] {
        match self.keys.binary_search(&key) {
            Ok(i) => &self.units[self.starts[i] as usize..self.starts[i + 1] as usize],
            Err(_) => &[],
        }
    }
}

impl<K: Key> Postings<K> {
    /// Builds the first-level index for heads `0..heads` (every key's head is below).
    fn index_heads(&mut self, heads: usize) {
        let mut first = Vec::with_capacity(heads + 1);
        let mut i = 0;
        for h in 0..=heads {
            while i < self.keys.len() && self.keys[i].head() < h {
                i += 1;
            }
            first.push(i as u32);
        }
        self.first = first;
    }

    /// Builds the Bloom filter of the keys.
    fn build_filter(&mut self, as_u64: impl Fn(K) -> u64) {
        let bits = (self.keys.len().max(1) * 16)
            .next_power_of_two()
            .trailing_zeros()
            .max(6);
        let mut filter = vec![0u64; 1 << (bits - 6)];
        for &k in &self.keys {
            let b = filter_bit(as_u64(k), bits);
            filter[b >> 6] |= 1 << (b & 63);
        }
        self.filter = filter;
    }

    /// Whether the filter rules `key` out.
    fn filtered_out(&self, key: u64) -> bool {
        if self.filter.is_empty() {
            return false;
        }
        let bits = (self.filter.len() * 64).trailing_zeros();
        let b = filter_bit(key, bits);
        self.filter[b >> 6] & (1 << (b & 63)) == 0
    }

    /// As [`Postings::get`], through the first-level index.
    fn get_indexed(&self, key: K) -> &[u32] {
        let h = key.head();
        let (Some(&lo), Some(&hi)) = (self.first.get(h), self.first.get(h + 1)) else {
            return &[];
        };
        match self.keys[lo as usize..hi as usize].binary_search(&key) {
            Ok(i) => {
                let i = lo as usize + i;
                &self.units[self.starts[i] as usize..self.starts[i + 1] as usize]
            }
            Err(_) => &[],
        }
    }
}

/// The candidate indexes of a corpus: what [`Candidates::partners`] reads.
pub(crate) struct Candidates<'a> {
    p: &'a Prepared,
    w: &'a Weights<'a>,
    cfg: &'a Config,
    pub groups: Vec<GroupRun>,
    grouped: Vec<bool>,
    /// Units of verbatim sentences found in 2 or more places but too few articles to group,
    /// sorted by `(sequence hash, unit)`.
    sequences: Postings<u64>,
    /// How many of each unit's rarest terms index it (`usize::MAX`: all).
    prefix: usize,
    /// Units by indexed term.
    terms: Postings<u32>,
    /// Units by pair of rare terms (`None` when the pair index is off).
    pairs: Option<Postings<u64>>,
}

/// Term-pair postings are built this many keys at a time at most (16 bytes each while
/// sorted): a large corpus is indexed in several passes over its units, one range of first
/// terms per pass, instead of holding every key at once.
const PAIR_SHARD_KEYS: usize = 8 << 20;

/// The term-pair keys of one row of pair terms (sorted, padded with `u32::MAX`).
fn keys_of(row: &[u32]) -> impl Iterator<Item = u64> + '_ {
    let len = row.iter().take_while(|&&t| t != u32::MAX).count();
    (0..len)
        .flat_map(move |x| (x + 1..len).map(move |y| (u64::from(row[x]) << 32) | u64::from(row[y])))
}

pub(crate) fn candidates<'a>(
    p: &'a Prepared,
    w: &'a Weights<'a>,
    cfg: &'a Config,
) -> Candidates<'a> {
    let n = p.units.len();
    let mut grouped = vec![false; n];
    let mut groups = Vec::new();
    let mut sequences = Postings::default();

    // 1. Verbatim sentences, by the hash of their term sequence.
    let mut by_sequence: Vec<(u64, u32)> = p
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.words as usize >= cfg.min_group_words)
        .map(|(i, u)| (u.sequence, i as u32))
        .collect();
    by_sequence.par_sort_unstable();
    let mut paired: Vec<(u64, u32)> = Vec::new();
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
            paired.extend_from_slice(run);
        }
    }
    drop(by_sequence);
    sequences.extend_from_sorted(&paired, usize::MAX);
    sequences.close();
    drop(paired);

    // 2. Prefix index: each unit's rarest terms (all of them in a small corpus).
    let prefix = if n <= cfg.exhaustive_units {
        usize::MAX
    } else {
        cfg.prefix_terms
    };
    let mut c = Candidates {
        p,
        w,
        cfg,
        groups,
        grouped,
        sequences,
        prefix,
        terms: Postings::default(),
        pairs: None,
    };
    let mut postings: Vec<(u32, u32)> = (0..n as u32)
        .into_par_iter()
        .flat_map_iter(|u| c.indexed_terms(u).into_iter().map(move |t| (t, u)))
        .collect();
    postings.par_sort_unstable();
    c.terms.extend_from_sorted(&postings, usize::MAX);
    c.terms.close();
    c.terms.index_heads(p.df.len());
    drop(postings);

    // 3. Pair index (large corpora only): pairs of each unit's rarest terms.
    if prefix != usize::MAX && cfg.pair_terms >= 2 {
        c.pairs = Some(c.pair_index());
    }
    c
}

impl Candidates<'_> {
    /// The groups, dropping the indexes.
    pub fn into_groups(self) -> Vec<GroupRun> {
        self.groups
    }

    /// Postings of term pairs, built in passes over ranges of first terms of about
    /// [`PAIR_SHARD_KEYS`] keys each, so that each pass sorts a bounded number of keys and
    /// the passes' runs come out in key order.
    fn pair_index(&self) -> Postings<u64> {
        let heads = self.p.df.len();
        let n = self.p.units.len() as u32;
        // Each unit's pair terms, worked out once (a row of `k`, padded with `u32::MAX`) and
        // read by every pass.
        let k = self.cfg.pair_terms;
        let mut table = vec![u32::MAX; n as usize * k];
        table.par_chunks_mut(k).enumerate().for_each(|(u, row)| {
            for (r, t) in row.iter_mut().zip(self.pair_terms_of(u as u32)) {
                *r = t;
            }
        });
        let per_head: Vec<u32> = table
            .par_chunks(k)
            .fold(
                || vec![0u32; heads],
                |mut acc, row| {
                    for key in keys_of(row) {
                        acc[key.head()] += 1;
                    }
                    acc
                },
            )
            .reduce(
                || vec![0u32; heads],
                |mut a, b| {
                    for (x, y) in a.iter_mut().zip(b) {
                        *x += y;
                    }
                    a
                },
            );
        let mut cuts = vec![0usize];
        let mut filled = 0usize;
        for (h, &k) in per_head.iter().enumerate() {
            if filled > 0 && filled + k as usize > PAIR_SHARD_KEYS {
                cuts.push(h);
                filled = 0;
            }
            filled += k as usize;
        }
        cuts.push(heads);
        drop(per_head);
        let mut index = Postings::default();
        for range in cuts.windows(2) {
            let (lo, hi) = (range[0], range[1]);
            let mut postings: Vec<(u64, u32)> = table
                .par_chunks(k)
                .enumerate()
                .flat_map_iter(|(u, row)| {
                    // A row's first term is its smallest: rows starting at or after `hi`
                    // have no key in this pass.
                    let skip = row.first().is_none_or(|&t| t as usize >= hi);
                    keys_of(if skip { &[] } else { row })
                        .filter(move |key| (lo..hi).contains(&key.head()))
                        .map(move |key| (key, u as u32))
                })
                .collect();
            postings.par_sort_unstable();
            index.extend_from_sorted(&postings, self.cfg.max_postings);
        }
        index.close();
        index.index_heads(heads);
        index.build_filter(|k| k);
        index
    }

    /// The terms that index unit `u` in the single-term index: its `prefix` rarest terms
    /// seen in 2 to `max_postings` units (none for a grouped unit).
    fn indexed_terms(&self, u: u32) -> Vec<u32> {
        if self.grouped[u as usize] {
            return Vec::new();
        }
        let max_df = self.cfg.max_postings as u32;
        let unit = &self.p.units[u as usize];
        let mut terms: Vec<(u32, u32)> = self
            .p
            .terms_of(unit)
            .iter()
            .map(|&t| (self.w.df(t), t))
            .filter(|&(df, _)| df >= 2 && df <= max_df)
            .collect();
        if terms.len() > self.prefix {
            terms.select_nth_unstable(self.prefix);
            terms.truncate(self.prefix);
        }
        terms.into_iter().map(|(_, t)| t).collect()
    }

    /// The `cfg.pair_terms` rarest terms (seen in at least two units) of a unit the pair
    /// index covers, sorted; none for other units.
    fn pair_terms_of(&self, u: u32) -> Vec<u32> {
        let unit = &self.p.units[u as usize];
        if self.grouped[u as usize] || (unit.words as usize) < PAIR_MIN_WORDS {
            return Vec::new();
        }
        let k = self.cfg.pair_terms;
        let mut terms: Vec<(u32, u32)> = self
            .p
            .terms_of(unit)
            .iter()
            .map(|&t| (self.w.df(t), t))
            .filter(|&(df, _)| df >= 2)
            .collect();
        if terms.len() > k {
            terms.select_nth_unstable(k);
            terms.truncate(k);
        }
        let mut ts: Vec<u32> = terms.into_iter().map(|(_, t)| t).collect();
        ts.sort_unstable();
        ts
    }

    /// Every two of a unit's pair-index terms, as one key each.
    fn pair_keys(&self, u: u32) -> Vec<u64> {
        let ts = self.pair_terms_of(u);
        let mut keys = Vec::with_capacity(ts.len() * ts.len().saturating_sub(1) / 2);
        for (x, &a) in ts.iter().enumerate() {
            for &b in &ts[x + 1..] {
                keys.push((u64::from(a) << 32) | u64::from(b));
            }
        }
        keys
    }

    /// The candidates of unit `u` among later units (`v > u`, from other articles), sorted
    /// and distinct: the pairs `(u, v)` that the verbatim buckets, the term index or the pair
    /// index propose. Over every `u` in order, these are all candidate pairs, sorted.
    pub fn partners(&self, u: u32) -> Vec<u32> {
        let mut out = Vec::new();
        if self.grouped[u as usize] {
            return out;
        }
        let p = self.p;
        // Units are numbered in article order: the units after `u` in other articles are the
        // ones from `end` on, found without reading any of them (one cache miss fewer per
        // candidate, where candidates run to hundreds of millions at 1 M articles).
        let article = p.units[u as usize].article as usize;
        let end = p
            .article_units
            .get(article + 1)
            .copied()
            .unwrap_or(u32::MAX);
        let later = |run: &[u32], out: &mut Vec<u32>| {
            let from = run.partition_point(|&v| v < end);
            out.extend_from_slice(&run[from..]);
        };
        let unit = &p.units[u as usize];
        if unit.words as usize >= self.cfg.min_group_words {
            later(self.sequences.get(unit.sequence), &mut out);
        }
        for t in self.indexed_terms(u) {
            later(self.terms.get_indexed(t), &mut out);
        }
        if let Some(pairs) = &self.pairs {
            let mut linked = Vec::new();
            for k in self.pair_keys(u) {
                if !pairs.filtered_out(k) {
                    later(pairs.get_indexed(k), &mut linked);
                }
            }
            linked.sort_unstable();
            // Two units linked by three keys share at least three of their rarest terms (one
            // shared pair alone is what unrelated sentences with a common phrase have).
            out.extend(
                linked
                    .chunk_by(|x, y| x == y)
                    .filter(|r| r.len() >= PAIR_KEYS)
                    .map(|r| r[0]),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Sentences with fewer content words than this are not indexed by pairs: a short line
/// (`Shr 57 cts vs 32 cts`, a table row) shares a pair of its few terms with every line
/// built on the same template, and the single-term index already covers what is rare in it.
const PAIR_MIN_WORDS: usize = 8;

/// How many term pairs two units must share to become a candidate through the pair index:
/// three, as many as three shared terms make.
const PAIR_KEYS: usize = 3;
