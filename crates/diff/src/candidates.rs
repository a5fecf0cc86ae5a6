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
    /// Units by pair of skeleton keys of their name-like words (large corpora only; see
    /// [`SKELETON_INDEX`]).
    skeletons: Option<SkeletonIndex>,
}

/// The skeleton index of a large corpus.
struct SkeletonIndex {
    /// Every skeleton key of a unit the index covers, distinct, sorted: a key's position here
    /// is its number.
    keys: Vec<u32>,
    /// Units having each key, by key number.
    df: Vec<u32>,
    /// Units by pair of skeleton key numbers (the unit's [`SKELETON_PAIR_TERMS`] rarest).
    pairs: Postings<u64>,
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
        // Template lines of any length: the buckets are how they find their copies (see
        // `prepare::TEMPLATE_ARTICLES`).
        .filter(|&(i, u)| u.words as usize >= cfg.min_group_words || p.templates[i])
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
        skeletons: None,
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

    // 3. Skeleton index (large corpora only): pairs of the skeleton keys of name-like words.
    if prefix != usize::MAX && SKELETON_INDEX {
        c.skeletons = Some(c.skeleton_index());
    }

    // 4. Pair index (large corpora only): pairs of each unit's rarest terms.
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
        pair_postings(&table, k, None, heads, self.cfg.max_postings)
    }
}

/// Postings of the term pairs of rows of `k` term numbers below `heads` (each row sorted and
/// padded with `u32::MAX`), row `r` standing for unit `units[r]` (`None`: unit `r`), built
/// in passes over ranges of first terms of about [`PAIR_SHARD_KEYS`] keys each, so that
/// each pass sorts a bounded number of keys and the passes' runs come out in key order.
/// Keys in 2 to `max_len` units are kept.
fn pair_postings(
    table: &[u32],
    k: usize,
    units: Option<&[u32]>,
    heads: usize,
    max_len: usize,
) -> Postings<u64> {
    let unit_of = |r: usize| units.map_or(r as u32, |us| us[r]);
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
            .flat_map_iter(|(r, row)| {
                // A row's first term is its smallest: rows starting at or after `hi`
                // have no key in this pass.
                let skip = row.first().is_none_or(|&t| t as usize >= hi);
                let u = unit_of(r);
                keys_of(if skip { &[] } else { row })
                    .filter(move |key| (lo..hi).contains(&key.head()))
                    .map(move |key| (key, u))
            })
            .collect();
        postings.par_sort_unstable();
        index.extend_from_sorted(&postings, max_len);
    }
    index.close();
    index.index_heads(heads);
    index.build_filter(|k| k);
    index
}

impl Candidates<'_> {
    /// The skeleton index: every skeleton key's unit count, and the postings of pairs of each
    /// unit's [`SKELETON_PAIR_TERMS`] rarest skeleton keys (pairs in 2 to `max_postings`
    /// units), built as the term-pair index is.
    fn skeleton_index(&self) -> SkeletonIndex {
        let p = self.p;
        let mut postings: Vec<(u32, u32)> = p
            .skeletons
            .par_iter()
            .filter(|&&(u, _)| !self.grouped[u as usize])
            .map(|&(u, k)| (k, u))
            .collect();
        postings.par_sort_unstable();
        let mut keys = Vec::new();
        let mut df = Vec::new();
        for run in postings.chunk_by(|x, y| x.0 == y.0) {
            keys.push(run[0].0);
            df.push(run.len() as u32);
        }
        drop(postings);
        let mut index = SkeletonIndex {
            keys,
            df,
            pairs: Postings::default(),
        };
        if SKELETON_PAIR_TERMS >= 2 {
            let units: Vec<u32> = p
                .skeletons
                .chunk_by(|x, y| x.0 == y.0)
                .filter(|r| r.len() >= 2 && !self.grouped[r[0].0 as usize])
                .map(|r| r[0].0)
                .collect();
            let k = SKELETON_PAIR_TERMS;
            let mut table = vec![u32::MAX; units.len() * k];
            table
                .par_chunks_mut(k)
                .zip(units.par_iter())
                .for_each(|(row, &u)| {
                    for (r, t) in row.iter_mut().zip(skeleton_row(&index, p, u)) {
                        *r = t;
                    }
                });
            index.pairs = pair_postings(
                &table,
                k,
                Some(&units),
                index.keys.len(),
                self.cfg.max_postings,
            );
        }
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
        if unit.words as usize >= self.cfg.min_group_words || p.templates[u as usize] {
            later(self.sequences.get(unit.sequence), &mut out);
        }
        for t in self.indexed_terms(u) {
            later(self.terms.get_indexed(t), &mut out);
        }
        if let Some(sk) = &self.skeletons {
            let row = skeleton_row(sk, p, u);
            let mut linked = Vec::new();
            for x in 0..row.len() {
                for &b in &row[x + 1..] {
                    let key = (u64::from(row[x]) << 32) | u64::from(b);
                    if !sk.pairs.filtered_out(key) {
                        later(sk.pairs.get_indexed(key), &mut linked);
                    }
                }
            }
            linked.sort_unstable();
            out.extend(
                linked
                    .chunk_by(|x, y| x == y)
                    .filter(|r| r.len() >= SKELETON_PAIR_KEYS)
                    .map(|r| r[0]),
            );
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
const PAIR_MIN_WORDS: usize = crate::prepare::SHORT_LINE_WORDS as usize;

/// How many term pairs two units must share to become a candidate through the pair index:
/// three, as many as three shared terms make.
const PAIR_KEYS: usize = 3;

/// In a large corpus, pairs of each sentence's [`SKELETON_PAIR_TERMS`] rarest
/// [skeleton keys](crate::skeleton) (of name-like words: capitalised, not first in the
/// sentence) index it too, and sentences sharing [`SKELETON_PAIR_KEYS`] such pairs are
/// compared. A passage copied with its names respelled (`Becent` for `Bessent`) has its
/// rarest terms, the names, spelled differently on the two sides, and what the two sides
/// still share is too common in a large corpus to index; the names' skeletons are shared,
/// and so are their rarities, so both sides pick the same rarest ones. Candidates only: the
/// pair must still pass verification on its terms, and no score or weight sees a skeleton.
///
/// Measured (2026-11-24, generated corpora, `--names off`, recall of planted passages at
/// 0.2; base → this): 100 k articles, names 0.943 → 0.997, light 0.998, near-duplicate,
/// reordered, verbatim 1.000 unchanged, planted precision at 0.2 0.9829 (224 false) →
/// 0.9827 (228 false); 10 k articles, names 0.991 → 1.000, 14 false unchanged. 100 k
/// time and peak memory: see [`SKELETON_PAIR_KEYS`]. Real text (benches/eval/quality.sh):
/// BBC cross-category reports at 0.20 0.053 → 0.055 per 1,000 pairs (137 → 140 reports:
/// a shared Manchester United/Glazer passage and three topical sentences), passim 200+
/// pairs with a 200+ character passage 464 → 467/521, exact duplicates 333/333 and
/// 137/137, MRPC AUC 0.7579 and the seeds output unchanged (small corpora never use it).
/// Single skeleton keys (in 2 to `max_postings` sentences) as a further index found no more
/// names at 100 k (0.997, 229 false) and more cross-category reports (0.057): left out.
const SKELETON_INDEX: bool = true;

/// The numbers of unit `u`'s [`SKELETON_PAIR_TERMS`] rarest skeleton keys seen in 2 units or
/// more, sorted.
fn skeleton_row(sk: &SkeletonIndex, p: &Prepared, u: u32) -> Vec<u32> {
    let mut ks: Vec<(u32, u32)> = p
        .skeletons_of(u)
        .iter()
        .filter_map(|&(_, k)| sk.keys.binary_search(&k).ok())
        .map(|i| (sk.df[i], i as u32))
        .filter(|&(df, _)| df >= 2)
        .collect();
    if ks.len() > SKELETON_PAIR_TERMS {
        ks.select_nth_unstable(SKELETON_PAIR_TERMS);
        ks.truncate(SKELETON_PAIR_TERMS);
    }
    let mut row: Vec<u32> = ks.into_iter().map(|(_, i)| i).collect();
    row.sort_unstable();
    row
}

/// How many of a unit's rarest skeleton keys make its skeleton pairs (up to 6 pairs a unit).
const SKELETON_PAIR_TERMS: usize = 4;

/// How many skeleton pairs two units must share to become a candidate through them: two, as
/// many as three shared skeletons make (measured at 100 k generated articles: with one, names
/// recall 0.999 but 278 false reports at 0.2 against 224 without skeletons; with two, 0.997 and
/// 228). Cost at 100 k articles, interleaved runs base/this on a shared 2-core machine: wall
/// 37.1/40.0 s and 45.4/51.5 s, user 34.6/41.7 s and 44.0/50.7 s, peak memory 849/898 MB
/// (the `(unit, key)` list of [`Prepared::skeletons`], 8 bytes a name-like word, most of it).
const SKELETON_PAIR_KEYS: usize = 2;
