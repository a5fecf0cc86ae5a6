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
use rustc_hash::FxHashMap;

use crate::config::Config;
use crate::prepare::Prepared;
use crate::weights::Weights;

/// A verbatim sentence found in many articles: its units.
pub(crate) struct GroupRun {
    pub units: Vec<u32>,
}

/// Posting lists of hashed keys: the distinct keys (mixed by [`mix`]) in ascending order, and
/// for key `i` the units `units[starts[i]..starts[i + 1]]`, ascending. The keys whose top
/// `bits` bits are `b` are `keys[first[b]..first[b + 1]]`: about one key a bucket, so that a
/// lookup reads one bucket instead of binary-searching a long run of keys (at 1 M articles
/// the pair index holds tens of millions of keys, and each step of a search was a cache
/// miss).
#[derive(Default)]
struct Postings {
    keys: Vec<u64>,
    starts: Vec<u32>,
    units: Vec<u32>,
    first: Vec<u32>,
    bits: u32,
    /// A one-hash Bloom filter of the keys (16 bits a key), so that looking up a key posted
    /// nowhere, the usual case, mostly costs one read.
    filter: Vec<u64>,
}

/// Mixes a key so that its top bits are spread evenly (a multiplication by an odd constant:
/// a bijection, so distinct keys stay distinct).
fn mix(key: u64) -> u64 {
    key.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The filter bit of a mixed key for a filter of `2^bits` bits (other bits than the bucket's,
/// so that the filter and the buckets fail independently).
fn filter_bit(key: u64, bits: u32) -> usize {
    (key.rotate_left(29).wrapping_mul(0xff51_afd7_ed55_8ccd) >> (64 - bits)) as usize
}

/// Bits of a mixed key's coarse head, by which the pair index is built a range of heads at a
/// time.
const SHARD_BITS: u32 = 16;

impl Postings {
    /// Keeps the runs of 2 to `max_len` units of `(mixed key, unit)` postings sorted by key,
    /// then unit (each call's keys above the previous call's).
    fn extend_from_sorted(&mut self, postings: &[(u64, u32)], max_len: usize) {
        for run in postings.chunk_by(|x, y| x.0 == y.0) {
            if run.len() >= 2 && run.len() <= max_len {
                self.keys.push(run[0].0);
                self.starts.push(self.units.len() as u32);
                self.units.extend(run.iter().map(|&(_, u)| u));
            }
        }
    }

    /// As [`Postings::extend_from_sorted`] for the sorted pair-key postings of one head
    /// (row `r` standing for unit `unit_of(r)`, in the same order), setting bit `position` of
    /// `live[r]` for every key kept.
    fn extend_from_head(
        &mut self,
        head: usize,
        postings: &[KeyRow],
        max_len: usize,
        unit_of: impl Fn(usize) -> u32,
        live: &mut [u16],
    ) {
        for run in postings.chunk_by(|x, y| x.key_order() == y.key_order()) {
            if run.len() >= 2 && run.len() <= max_len {
                self.keys.push(run[0].key(head));
                self.starts.push(self.units.len() as u32);
                for e in run {
                    self.units.push(unit_of(e.row as usize));
                    if let Some(l) = live.get_mut(e.row as usize) {
                        *l |= 1 << e.pos();
                    }
                }
            }
        }
    }

    /// Ends the lists, and builds the bucket index and the filter.
    fn close(&mut self) {
        self.starts.push(self.units.len() as u32);
        self.keys.shrink_to_fit();
        self.starts.shrink_to_fit();
        self.units.shrink_to_fit();
        // About one key a bucket (at least one bucket).
        self.bits = self.keys.len().next_power_of_two().trailing_zeros();
        let buckets = 1usize << self.bits;
        let mut first = Vec::with_capacity(buckets + 1);
        let mut i = 0;
        for b in 0..=buckets {
            while i < self.keys.len() && self.bucket(self.keys[i]) < b {
                i += 1;
            }
            first.push(i as u32);
        }
        self.first = first;
        let bits = (self.keys.len().max(1) * 16)
            .next_power_of_two()
            .trailing_zeros()
            .max(6);
        let mut filter = vec![0u64; 1 << (bits - 6)];
        for &k in &self.keys {
            let b = filter_bit(k, bits);
            filter[b >> 6] |= 1 << (b & 63);
        }
        self.filter = filter;
    }

    /// The bucket of a mixed key.
    fn bucket(&self, key: u64) -> usize {
        if self.bits == 0 {
            0
        } else {
            (key >> (64 - self.bits)) as usize
        }
    }

    /// The units posted under each of `keys` (not mixed; each known to be posted, so no
    /// filter), as ranges of [`Postings::units`] appended to `found`, in the order of `keys`.
    ///
    /// A lookup is a chain of three dependent reads (the bucket's bounds, the keys in it, the
    /// list's bounds), each a cache miss in a corpus-sized index. One key at a time, the
    /// processor waits out every miss of every chain in turn; step by step over all of a
    /// unit's keys, the reads of one step are independent and their misses overlap.
    fn lookup_many(&self, keys: &[u64], found: &mut Vec<(u32, u32)>) {
        let from = found.len();
        // Step 1: each key's bucket bounds (kept in `found` for now).
        for &key in keys {
            let h = self.bucket(mix(key));
            let (lo, hi) = match (self.first.get(h), self.first.get(h + 1)) {
                (Some(&lo), Some(&hi)) => (lo, hi),
                _ => (0, 0),
            };
            found.push((lo, hi));
        }
        // Step 2: the key's entry in its bucket; step 3: that entry's list bounds.
        for (slot, &key) in found[from..].iter_mut().zip(keys) {
            let key = mix(key);
            let (lo, hi) = *slot;
            // Not found: an entry past the last, whose list bounds do not exist.
            let none = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
            *slot = (lo..hi)
                .find(|&i| self.keys.get(i as usize) == Some(&key))
                .map_or((none, 0), |i| (i, 0));
        }
        for slot in &mut found[from..] {
            let i = slot.0 as usize;
            *slot = match (self.starts.get(i), self.starts.get(i.saturating_add(1))) {
                (Some(&lo), Some(&hi)) => (lo, hi),
                _ => (0, 0),
            };
        }
    }

    /// Calls `f` with the units of each pair of `row`'s numbers (in the order of [`pairs_of`])
    /// whose bit is set in `live` (pairs known to be posted), looked up together through
    /// [`Postings::lookup_many`]; `keys` and `found` are buffers.
    fn lookup_live(
        &self,
        row: &[u32],
        live: u16,
        keys: &mut Vec<u64>,
        found: &mut Vec<(u32, u32)>,
        mut f: impl FnMut(&[u32]),
    ) {
        keys.clear();
        keys.extend(
            pairs_of(row)
                .filter(|&(pos, ..)| live >> pos & 1 == 1)
                .map(|(_, a, b)| pair_key(a, b)),
        );
        found.clear();
        self.lookup_many(keys, found);
        for &range in found.iter() {
            f(self.units_of(range));
        }
    }

    /// The units of a range from [`Postings::lookup_many`].
    fn units_of(&self, (lo, hi): (u32, u32)) -> &[u32] {
        self.units.get(lo as usize..hi as usize).unwrap_or(&[])
    }

    /// The units posted under `key` (not mixed; empty when the key proposes nothing). The
    /// filter answers most keys that are not posted without reading the index.
    fn get(&self, key: u64) -> &[u32] {
        let key = mix(key);
        if !self.filter.is_empty() {
            let bits = (self.filter.len() * 64).trailing_zeros();
            let b = filter_bit(key, bits);
            if self.filter[b >> 6] & (1 << (b & 63)) == 0 {
                return &[];
            }
        }
        let h = self.bucket(key);
        let (Some(&lo), Some(&hi)) = (self.first.get(h), self.first.get(h + 1)) else {
            return &[];
        };
        let Some(i) = (lo..hi).find(|&i| self.keys[i as usize] == key) else {
            return &[];
        };
        let i = i as usize;
        &self.units[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

/// Units by term: the units of term `t` are `units[starts[t]..starts[t + 1]]`, ascending (one
/// read of `starts` a lookup; terms that index fewer than two units have empty lists).
#[derive(Default)]
struct TermPostings {
    starts: Vec<u32>,
    units: Vec<u32>,
}

impl TermPostings {
    /// The lists of sorted `(term, unit)` postings, for terms `0..terms`; runs of one unit
    /// are left out.
    fn from_sorted(postings: &[(u32, u32)], terms: usize) -> Self {
        let mut out = Self {
            starts: Vec::with_capacity(terms + 1),
            units: Vec::new(),
        };
        let mut runs = postings
            .chunk_by(|x, y| x.0 == y.0)
            .filter(|r| r.len() >= 2)
            .peekable();
        for t in 0..terms as u32 {
            out.starts.push(out.units.len() as u32);
            if let Some(run) = runs.next_if(|r| r[0].0 == t) {
                out.units.extend(run.iter().map(|&(_, u)| u));
            }
        }
        out.starts.push(out.units.len() as u32);
        out.units.shrink_to_fit();
        out
    }

    /// Where term `t`'s list lies in `units`.
    fn bounds(&self, t: u32) -> (u32, u32) {
        let t = t as usize;
        match (self.starts.get(t), self.starts.get(t + 1)) {
            (Some(&lo), Some(&hi)) => (lo, hi),
            _ => (0, 0),
        }
    }

    /// The units of a range from [`TermPostings::bounds`].
    fn units_of(&self, (lo, hi): (u32, u32)) -> &[u32] {
        self.units.get(lo as usize..hi as usize).unwrap_or(&[])
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
    /// by sequence hash.
    sequences: Postings,
    /// How many of each unit's rarest terms index it (`usize::MAX`: all).
    prefix: usize,
    /// Terms a unit's row holds (large corpora): as many as the single-term and the pair
    /// index use, whichever is more.
    width: usize,
    /// In a large corpus, each unit's [`Candidates::width`] rarest terms seen in two units or
    /// more, rarest first, padded with `u32::MAX` (none for a grouped unit): every term the
    /// unit looks up, worked out once while the indexes are built. Finding a unit's rarest
    /// terms reads the document frequency of each of its terms, a cache miss each at 1 M
    /// articles, and listing its partners used to do it twice more. Empty in a small corpus,
    /// and when the width is above [`MAX_ROW`] (rows are then worked out again as needed).
    rows: Vec<u32>,
    /// Per unit, how many of its row's leading terms are in at most `max_postings` units
    /// (rarest first, so these are the ones the single-term index may use).
    eligible: Vec<u8>,
    /// Units by indexed term.
    terms: TermPostings,
    /// Units by pair of rare terms (`None` when the pair index is off).
    pairs: Option<Postings>,
    /// Per unit, which of its pair keys the pair index holds (bits by position, see
    /// [`pairs_of`]; empty when the pair index is off or its rows are wider than
    /// [`MAX_PAIR_ROW`]).
    pair_live: Vec<u16>,
    /// Units by pair of skeleton keys of their name-like words (large corpora only; see
    /// [`SKELETON_INDEX`]).
    skeletons: Option<SkeletonIndex>,
}

/// Rows wider than this are not stored (see [`Candidates::rows`]); with the defaults a row
/// holds 5 terms.
const MAX_ROW: usize = 32;

/// Buffers that [`Candidates::partners_into`] reuses from one unit to the next.
#[derive(Default)]
pub(crate) struct Scratch {
    row: Vec<u32>,
    linked: Vec<u32>,
    /// Pair keys to look up together (see [`Postings::lookup_many`]).
    keys: Vec<u64>,
    /// Ranges of a postings' units: the bounds of the unit's term lists, then those of its
    /// pair keys' lists.
    found: Vec<(u32, u32)>,
    /// Where the last unit looked up stands in [`SkeletonIndex::units`].
    skeleton_at: usize,
}

/// The skeleton index of a large corpus.
struct SkeletonIndex {
    /// Every skeleton key of a unit the index covers: its number (its position among these
    /// keys sorted) and how many units have it. A map rather than a binary search over the
    /// sorted keys: every entry of every unit looks its key up.
    keys: FxHashMap<u32, (u32, u32)>,
    /// Units by pair of skeleton key numbers (the unit's [`SKELETON_PAIR_TERMS`] rarest).
    pairs: Postings,
    /// The units with two skeleton keys or more, ascending.
    units: Vec<u32>,
    /// For each of `units`, which of its skeleton pairs `pairs` holds (bits by position, see
    /// [`pairs_of`]).
    live: Vec<u16>,
}

impl SkeletonIndex {
    /// The position of unit `u` in [`SkeletonIndex::units`], if there; `at` is where the
    /// previous unit looked up stood (units are mostly looked up in ascending order).
    fn row_of(&self, u: u32, at: &mut usize) -> Option<usize> {
        let us = &self.units;
        let mut i = (*at).min(us.len());
        if i > 0 && us[i - 1] >= u {
            i = us.partition_point(|&v| v < u);
        } else {
            match us[i..].iter().take(64).position(|&v| v >= u) {
                Some(k) => i += k,
                None => i += us[i..].partition_point(|&v| v < u),
            }
        }
        *at = i;
        (us.get(i) == Some(&u)).then_some(i)
    }
}

const _: () = assert!(SKELETON_PAIR_TERMS <= MAX_PAIR_ROW);

/// Term-pair postings are built this many keys at a time at most (12 bytes each, see
/// [`KeyRow`]; 240 MiB, about what the earlier passes of 8 Mi keys took with their 16-byte
/// keys gathered in per-block vectors, then copied into one and sorted): a large corpus is
/// indexed in several passes over its units, one range of key heads per pass, instead of
/// holding every key at once (8 passes at 1 M articles instead of 19, see
/// [`PAIR_SHARD_HEADS`]; each pass generates every row's keys again).
const PAIR_SHARD_KEYS: usize = 20 << 20;

/// A pass covers this many key heads at most: each pass writes its keys into one slice per
/// head and segment ([`KEY_SEGMENTS`]), and with all 65,536 heads in one pass those writes
/// miss the caches (at 100 k generated articles, one thread, one pass over every head took
/// 1.4 to 2.1 s against 1.0 to 1.5 s for 7 passes of about this many heads, in noisy runs on
/// a loaded machine). So every corpus is indexed in at least 8 passes.
const PAIR_SHARD_HEADS: usize = 8192;

/// The key of two term (or skeleton key) numbers, in either order.
fn pair_key(a: u32, b: u32) -> u64 {
    (u64::from(a.min(b)) << 32) | u64::from(a.max(b))
}

/// The pairs of a row's numbers (padded with `u32::MAX`), each with its position in this
/// order: `(0, 1), (0, 2), …, (1, 2), …`.
fn pairs_of(row: &[u32]) -> impl Iterator<Item = (u8, u32, u32)> + '_ {
    let len = row.iter().take_while(|&&t| t != u32::MAX).count();
    (0..len)
        .flat_map(move |x| (x + 1..len).map(move |y| (row[x], row[y])))
        .enumerate()
        .map(|(i, (a, b))| (i as u8, a, b))
}

/// Most numbers of a row that make pair keys: its pairs' positions fit a `u16` of
/// [`Postings`] liveness bits.
const MAX_PAIR_ROW: usize = 6;

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
            paired.extend(run.iter().map(|&(h, u)| (mix(h), u)));
        }
    }
    drop(by_sequence);
    paired.par_sort_unstable();
    sequences.extend_from_sorted(&paired, usize::MAX);
    sequences.close();
    drop(paired);

    // 2. Prefix index: each unit's rarest terms (all of them in a small corpus).
    let prefix = if n <= cfg.exhaustive_units {
        usize::MAX
    } else {
        cfg.prefix_terms
    };
    let width = if prefix == usize::MAX {
        0
    } else if cfg.pair_terms >= 2 {
        prefix.max(cfg.pair_terms)
    } else {
        prefix
    };
    let mut c = Candidates {
        p,
        w,
        cfg,
        groups,
        grouped,
        sequences,
        prefix,
        width,
        rows: Vec::new(),
        eligible: Vec::new(),
        terms: TermPostings::default(),
        pairs: None,
        pair_live: Vec::new(),
        skeletons: None,
    };
    if prefix != usize::MAX && (1..=MAX_ROW).contains(&width) {
        let mut rows = vec![u32::MAX; n * width];
        let mut eligible = vec![0u8; n];
        rows.par_chunks_mut(width)
            .zip(eligible.par_iter_mut())
            .enumerate()
            .for_each_init(Vec::new, |buf, (u, (row, e))| {
                if !c.grouped[u] {
                    let k = c.ranked(u as u32, width, buf);
                    row[..buf.len()].copy_from_slice(buf);
                    // At most `width`, which is at most `MAX_ROW`.
                    *e = k as u8;
                }
            });
        c.rows = rows;
        c.eligible = eligible;
    }
    let mut postings: Vec<(u32, u32)> = (0..n as u32)
        .into_par_iter()
        .flat_map_iter(|u| {
            let mut buf = Vec::new();
            let terms = c.probe(u, &mut buf).0.to_vec();
            terms.into_iter().map(move |t| (t, u))
        })
        .collect();
    postings.par_sort_unstable();
    c.terms = TermPostings::from_sorted(&postings, p.df.len());
    drop(postings);

    // 3. Skeleton index (large corpora only): pairs of the skeleton keys of name-like words.
    if prefix != usize::MAX && SKELETON_INDEX {
        c.skeletons = Some(c.skeleton_index());
    }

    // 4. Pair index (large corpora only): pairs of each unit's rarest terms.
    if prefix != usize::MAX && cfg.pair_terms >= 2 {
        let (pairs, live) = c.pair_index();
        c.pairs = Some(pairs);
        c.pair_live = live;
    }
    c
}

impl Candidates<'_> {
    /// The groups, dropping the indexes.
    pub fn into_groups(self) -> Vec<GroupRun> {
        self.groups
    }

    /// Postings of term pairs: pairs of the [`Config::pair_terms`] rarest terms of each unit
    /// the pair index covers; and per unit which of its pairs were kept (empty when the
    /// rows are wider than [`MAX_PAIR_ROW`]).
    fn pair_index(&self) -> (Postings, Vec<u16>) {
        let n = self.p.units.len();
        let k = self.cfg.pair_terms;
        // Worked out once rather than in every pass: it reads the unit (48 bytes), and the
        // passes would stream the whole unit array again each time (19 passes at 1 M).
        let covered: Vec<bool> = (0..n as u32)
            .into_par_iter()
            .map(|u| self.pair_covered(u))
            .collect();
        let covered = |u: usize| covered[u];
        if !self.rows.is_empty() {
            return pair_postings(
                &self.rows,
                self.width,
                k,
                |r| r as u32,
                covered,
                self.cfg.max_postings,
            );
        }
        // Rows too wide to store: each unit's pair terms, worked out once (a row of `k`,
        // padded with `u32::MAX`) and read by every pass.
        let mut table = vec![u32::MAX; n * k];
        table
            .par_chunks_mut(k)
            .enumerate()
            .for_each_init(Vec::new, |buf, (u, row)| {
                if covered(u) {
                    self.ranked(u as u32, k, buf);
                    row[..buf.len()].copy_from_slice(buf);
                }
            });
        pair_postings(&table, k, k, |r| r as u32, covered, self.cfg.max_postings)
    }

    /// Whether the pair index covers unit `u` (see [`PAIR_MIN_WORDS`]).
    fn pair_covered(&self, u: u32) -> bool {
        !self.grouped[u as usize] && self.p.units[u as usize].words as usize >= PAIR_MIN_WORDS
    }
}

/// Postings of the pairs of the first `take` numbers (at most [`MAX_PAIR_ROW`]) of each row
/// of `table` (rows of `stride` numbers, padded with `u32::MAX`) for which `keep(r)` holds,
/// row `r` standing for unit `unit_of(r)` (ascending in `r`), built in passes over ranges of
/// key heads of about [`PAIR_SHARD_KEYS`] keys each, so that each pass holds a bounded
/// number of keys and the passes' runs come out in key order. Keys in 2 to `max_len` units
/// are kept. Also returns, per row, which of its pairs (bits by position, see [`pairs_of`])
/// were kept: a unit need look up only those, and none at all when fewer are left than a
/// candidate must share.
fn pair_postings(
    table: &[u32],
    stride: usize,
    take: usize,
    unit_of: impl Fn(usize) -> u32,
    keep: impl Fn(usize) -> bool + Sync,
    max_len: usize,
) -> (Postings, Vec<u16>) {
    let stride = stride.max(1);
    let rows = table.len() / stride;
    let heads = 1usize << SHARD_BITS;
    // The rows in a fixed number of contiguous segments, whatever the number of threads, so
    // that each segment can write its keys straight into its own places in a pass's buffer.
    let seg_rows = rows.div_ceil(KEY_SEGMENTS).max(1);
    let segments: Vec<(usize, &[u32])> = table
        .chunks(seg_rows * stride)
        .enumerate()
        .map(|(s, rows)| (s * seg_rows, rows))
        .collect();
    // Keys by segment and head: where each segment's keys of each head go in a pass.
    let counts: Vec<Vec<u32>> = segments
        .par_iter()
        .map(|&(first, rows)| {
            let mut acc = vec![0u32; heads];
            each_pair_key(first, rows, stride, take, &keep, |_, _, key| {
                acc[head_of(key)] += 1;
            });
            acc
        })
        .collect();
    let per_head: Vec<usize> = (0..heads)
        .map(|h| counts.iter().map(|c| c[h] as usize).sum())
        .collect();
    let mut cuts = vec![0usize];
    let mut filled = 0usize;
    for (h, &k) in per_head.iter().enumerate() {
        if filled > 0
            && (filled + k > PAIR_SHARD_KEYS || h - cuts[cuts.len() - 1] >= PAIR_SHARD_HEADS)
        {
            cuts.push(h);
            filled = 0;
        }
        filled += k;
    }
    cuts.push(heads);
    let mut index = Postings::default();
    // Positions past 15 would not fit: rows that wide keep no liveness (every key is looked
    // up).
    let mut live = if take <= MAX_PAIR_ROW {
        vec![0u16; rows]
    } else {
        Vec::new()
    };
    // One buffer for every pass (fresh pages for each pass were 7 % of the stage at 1 M).
    let mut buf: Vec<KeyRow> = Vec::new();
    // Sized once for the largest pass: growing it pass by pass could double it.
    let largest = cuts
        .windows(2)
        .map(|r| per_head[r[0]..r[1]].iter().sum::<usize>())
        .max()
        .unwrap_or(0);
    buf.reserve_exact(largest);
    for range in cuts.windows(2) {
        let (lo, hi) = (range[0], range[1]);
        buf.clear();
        buf.resize(per_head[lo..hi].iter().sum(), KeyRow::default());
        // The pass's buffer holds its heads in order, and within a head the segments in
        // order: each (segment, head) gets its own slice, filled in row order, so every
        // head's keys come out in row order without a global sort.
        let mut slots: Vec<Vec<&mut [KeyRow]>> = (0..segments.len())
            .map(|_| Vec::with_capacity(hi - lo))
            .collect();
        let mut rest = buf.as_mut_slice();
        for h in lo..hi {
            for (s, c) in counts.iter().enumerate() {
                let (slot, tail) = rest.split_at_mut(c[h] as usize);
                slots[s].push(slot);
                rest = tail;
            }
        }
        segments
            .par_iter()
            .zip(slots.par_iter_mut())
            .for_each(|(&(first, rows), slots)| {
                each_pair_key(first, rows, stride, take, &keep, |r, pos, key| {
                    let h = head_of(key);
                    if (lo..hi).contains(&h)
                        && let Some(slot) = slots.get_mut(h - lo)
                        && let Some((e, tail)) = std::mem::take(slot).split_first_mut()
                    {
                        *e = KeyRow::new(key, r, pos);
                        *slot = tail;
                    }
                });
            });
        drop(slots);
        // Then each head's keys are sorted (a few thousand at 1 M articles, in cache).
        let mut by_head: Vec<&mut [KeyRow]> = Vec::with_capacity(hi - lo);
        let mut rest = buf.as_mut_slice();
        for &k in &per_head[lo..hi] {
            let (slot, tail) = rest.split_at_mut(k);
            by_head.push(slot);
            rest = tail;
        }
        by_head
            .par_iter_mut()
            .for_each_init(Vec::new, |scratch, keys| sort_head(keys, scratch));
        for (h, keys) in (lo..hi).zip(by_head) {
            index.extend_from_head(h, keys, max_len, &unit_of, &mut live);
        }
    }
    drop(buf);
    index.close();
    (index, live)
}

/// Sorts one head's postings, which come in row order, by key then row: a stable counting
/// sort on the key's next bits (spread evenly, as the keys are mixed) into buckets of a few
/// postings, each then sorted by insertion, in place of a comparison sort of the whole head
/// (the largest cost of a pass after generating the keys).
fn sort_head(keys: &mut [KeyRow], scratch: &mut Vec<KeyRow>) {
    /// Heads this short are sorted by insertion alone.
    const SHORT: usize = 16;
    if keys.len() <= SHORT {
        insertion_sort(keys);
        return;
    }
    // About four postings a bucket.
    let bits = (keys.len().ilog2() - 2).clamp(1, 16);
    let bucket = |e: &KeyRow| (e.mid >> (32 - bits)) as usize;
    let mut starts = vec![0usize; (1 << bits) + 1];
    for e in keys.iter() {
        starts[bucket(e) + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    scratch.clear();
    scratch.resize(keys.len(), KeyRow::default());
    let mut next = starts.clone();
    for e in keys.iter() {
        let b = bucket(e);
        scratch[next[b]] = *e;
        next[b] += 1;
    }
    for w in starts.windows(2) {
        insertion_sort(&mut scratch[w[0]..w[1]]);
    }
    keys.copy_from_slice(scratch);
}

/// A stable insertion sort of postings by key (so that postings in row order end in key,
/// then row order).
fn insertion_sort(keys: &mut [KeyRow]) {
    for i in 1..keys.len() {
        let x = keys[i];
        let mut j = i;
        while j > 0 && keys[j - 1].key_order() > x.key_order() {
            keys[j] = keys[j - 1];
            j -= 1;
        }
        keys[j] = x;
    }
}

/// Segments of rows whose keys are generated and placed by one thread at a time.
const KEY_SEGMENTS: usize = 16;

/// The head of a mixed key: its top [`SHARD_BITS`] bits.
fn head_of(key: u64) -> usize {
    (key >> (64 - SHARD_BITS)) as usize
}

const _: () = assert!(
    SHARD_BITS == 16,
    "KeyRow keeps the 48 bits below a 16-bit head"
);

/// A pair key's posting while the pair index is built, in 12 bytes rather than the 16 of a
/// `(u64, u32, u8)`: the head of the key is that of the slice holding it, so only the 48
/// bits below it are kept.
#[derive(Clone, Copy, Default)]
struct KeyRow {
    /// Bits 47..16 of the mixed key.
    mid: u32,
    /// Bits 15..0 of the mixed key in the high half; the pair's position in its row in the
    /// low half.
    low_pos: u32,
    /// The row.
    row: u32,
}

impl KeyRow {
    /// The posting of mixed key `key` at position `pos` of row `row`.
    fn new(key: u64, row: u32, pos: u8) -> Self {
        Self {
            mid: (key >> 16) as u32,
            low_pos: ((key as u32) << 16) | u32::from(pos),
            row,
        }
    }

    /// The order of keys (the 48 bits below the head, as a number).
    fn key_order(&self) -> u64 {
        (u64::from(self.mid) << 16) | u64::from(self.low_pos >> 16)
    }

    /// The mixed key, given its head.
    fn key(&self, head: usize) -> u64 {
        ((head as u64) << 48) | (u64::from(self.mid) << 16) | u64::from(self.low_pos >> 16)
    }

    /// The pair's position in its row.
    fn pos(&self) -> u8 {
        self.low_pos as u8
    }
}

/// Calls `f(row, position, mixed key)` for every pair key of the rows of `rows` (the first
/// being row `first`) for which `keep` holds. Generic rather than through `dyn` closures:
/// every pass generates every row's keys again, and a call per key was most of the cost.
fn each_pair_key(
    first: usize,
    rows: &[u32],
    stride: usize,
    take: usize,
    keep: &impl Fn(usize) -> bool,
    mut f: impl FnMut(u32, u8, u64),
) {
    for (i, row) in rows.chunks_exact(stride).enumerate() {
        let r = first + i;
        if keep(r) {
            row_pairs(row, take, |pos, key| f(r as u32, pos, key));
        }
    }
}

/// Calls `f(position, mixed key)` for every two of the first `take` numbers of a row (padded
/// with `u32::MAX`), in the order of [`pairs_of`].
fn row_pairs(row: &[u32], take: usize, mut f: impl FnMut(u8, u64)) {
    let row = &row[..take.min(row.len())];
    let len = row.iter().take_while(|&&t| t != u32::MAX).count();
    let mut pos = 0u8;
    for x in 0..len {
        for y in x + 1..len {
            f(pos, mix(pair_key(row[x], row[y])));
            pos = pos.wrapping_add(1);
        }
    }
}

impl Candidates<'_> {
    /// The skeleton index: every skeleton key's unit count, and the postings of pairs of each
    /// unit's [`SKELETON_PAIR_TERMS`] rarest skeleton keys (pairs in 2 to `max_postings`
    /// units), built as the term-pair index is.
    fn skeleton_index(&self) -> SkeletonIndex {
        let p = self.p;
        // Units by skeleton key, counted in a map: there are few distinct keys (7 k at 100 k
        // generated articles) against millions of entries, where sorting every entry by key
        // was a fifth of building this index.
        let counts = p
            .skeletons
            .par_chunks(1 << 16)
            .fold(FxHashMap::<u32, u32>::default, |mut acc, chunk| {
                for &(u, k) in chunk {
                    if !self.grouped[u as usize] {
                        *acc.entry(k).or_insert(0) += 1;
                    }
                }
                acc
            })
            .reduce(FxHashMap::default, |mut a, b| {
                #[allow(clippy::iter_over_hash_type)] // adding counts: order-free
                for (k, n) in b {
                    *a.entry(k).or_insert(0) += n;
                }
                a
            });
        let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
        counts.sort_unstable();
        let keys = counts
            .into_iter()
            .enumerate()
            .map(|(i, (k, df))| (k, (i as u32, df)))
            .collect();
        let mut index = SkeletonIndex {
            keys,
            pairs: Postings::default(),
            units: Vec::new(),
            live: Vec::new(),
        };
        if SKELETON_PAIR_TERMS >= 2 {
            // Each unit's row from its own run of entries (looking the run up by unit was a
            // binary search over every entry of the corpus).
            let (units, table): (Vec<u32>, Vec<[u32; SKELETON_PAIR_TERMS]>) = p
                .skeletons
                .par_chunk_by(|x, y| x.0 == y.0)
                .filter(|r| r.len() >= 2 && !self.grouped[r[0].0 as usize])
                .map(|r| (r[0].0, skeleton_row(&index, r)))
                .unzip();
            let k = SKELETON_PAIR_TERMS;
            let table = table.as_flattened();
            (index.pairs, index.live) =
                pair_postings(table, k, k, |r| units[r], |_| true, self.cfg.max_postings);
            index.units = units;
        }
        index
    }

    /// Unit `u`'s `k` rarest terms seen in at least two units, rarest first (by document
    /// frequency, then term number), into `out`; returns how many of them are in at most
    /// `max_postings` units (a leading run, since they come rarest first).
    fn ranked(&self, u: u32, k: usize, out: &mut Vec<u32>) -> usize {
        let max_df = self.cfg.max_postings as u32;
        let unit = &self.p.units[u as usize];
        // On the stack with the defaults (a row of 5).
        let mut stack = [(0, 0); MAX_ROW];
        let mut heap = Vec::new();
        let top: &mut [(u32, u32)] = if k <= MAX_ROW {
            &mut stack[..k]
        } else {
            heap.resize(k, (0, 0));
            &mut heap
        };
        let mut len = 0;
        for &t in self.p.terms_of(unit) {
            let df = self.w.df(t);
            if df >= 2 {
                len = keep_smallest(top, len, (df, t));
            }
        }
        let top = &top[..len];
        out.clear();
        out.extend(top.iter().map(|&(_, t)| t));
        top.iter().take_while(|&&(df, _)| df <= max_df).count()
    }

    /// What unit `u` looks up: the terms that index it in the single-term index (its
    /// `prefix` rarest terms seen in 2 to `max_postings` units; all such terms in a small
    /// corpus) and, when the pair index covers it, its [`Config::pair_terms`] rarest terms
    /// seen in at least two units (rarest first). Nothing for a grouped unit. `buf` holds
    /// what is worked out rather than read from [`Candidates::rows`].
    fn probe<'s>(&'s self, u: u32, buf: &'s mut Vec<u32>) -> (&'s [u32], &'s [u32]) {
        if self.grouped[u as usize] {
            return (&[], &[]);
        }
        if self.prefix == usize::MAX {
            let max_df = self.cfg.max_postings as u32;
            let unit = &self.p.units[u as usize];
            buf.clear();
            buf.extend(self.p.terms_of(unit).iter().copied().filter(|&t| {
                let df = self.w.df(t);
                df >= 2 && df <= max_df
            }));
            return (buf, &[]);
        }
        let (row, eligible): (&[u32], usize) = if self.rows.is_empty() {
            let e = self.ranked(u, self.width, buf);
            (buf, e)
        } else {
            let at = u as usize * self.width;
            let row = &self.rows[at..at + self.width];
            let len = row.iter().take_while(|&&t| t != u32::MAX).count();
            (&row[..len], usize::from(self.eligible[u as usize]))
        };
        let indexed = &row[..self.prefix.min(eligible)];
        let pair = if self.pairs.is_some() && self.pair_covered(u) {
            &row[..self.cfg.pair_terms.min(row.len())]
        } else {
            &[]
        };
        (indexed, pair)
    }

    /// The candidates of unit `u` among later units (`v > u`, from other articles), sorted
    /// and distinct: the pairs `(u, v)` that the verbatim buckets, the term index, the
    /// skeleton index or the pair index propose. Over every `u` in order, these are all
    /// candidate pairs, sorted.
    pub fn partners(&self, u: u32) -> Vec<u32> {
        let mut out = Vec::new();
        self.partners_into(u, &mut Scratch::default(), &mut out);
        out
    }

    /// As [`Candidates::partners`], into `out` (cleared first), with buffers from `scratch`.
    pub fn partners_into(&self, u: u32, scratch: &mut Scratch, out: &mut Vec<u32>) {
        out.clear();
        if self.grouped[u as usize] {
            return;
        }
        let Scratch {
            row,
            linked,
            keys,
            found,
            skeleton_at,
        } = scratch;
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
            later(self.sequences.get(unit.sequence), out);
        }
        let (indexed, pair_terms) = self.probe(u, row);
        // The bounds of every list first, then the lists: the misses of each step overlap
        // (see `Postings::lookup_many`).
        found.clear();
        found.extend(indexed.iter().map(|&t| self.terms.bounds(t)));
        for &range in found.iter() {
            later(self.terms.units_of(range), out);
        }
        // Skeleton and term pairs: only the pairs the index holds are looked up, and none
        // when fewer are held than a candidate must share (most units at 1 M articles: each
        // lookup is a cache miss or more).
        if let Some(sk) = &self.skeletons
            && let Some(r) = sk.row_of(u, skeleton_at)
            && sk.live[r].count_ones() as usize >= SKELETON_PAIR_KEYS
        {
            let (sk_row, live) = (skeleton_row(sk, p.skeletons_of(u)), sk.live[r]);
            linked.clear();
            sk.pairs
                .lookup_live(&sk_row, live, keys, found, |run| later(run, linked));
            linked_at_least(linked, SKELETON_PAIR_KEYS, out);
        }
        let live = self.pair_live.get(u as usize).copied();
        if let Some(pairs) = &self.pairs
            && live.is_none_or(|l| l.count_ones() as usize >= PAIR_KEYS)
        {
            linked.clear();
            match live {
                Some(l) => {
                    pairs.lookup_live(pair_terms, l, keys, found, |run| later(run, linked));
                }
                None => {
                    for (_, a, b) in pairs_of(pair_terms) {
                        later(pairs.get(pair_key(a, b)), linked);
                    }
                }
            }
            // Two units linked by three keys share at least three of their rarest terms (one
            // shared pair alone is what unrelated sentences with a common phrase have).
            linked_at_least(linked, PAIR_KEYS, out);
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// Appends to `out` the units found at least `k` times in `linked` (which it sorts).
fn linked_at_least(linked: &mut [u32], k: usize, out: &mut Vec<u32>) {
    linked.sort_unstable();
    out.extend(
        linked
            .chunk_by(|x, y| x == y)
            .filter(|r| r.len() >= k)
            .map(|r| r[0]),
    );
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

/// The numbers of a unit's [`SKELETON_PAIR_TERMS`] rarest skeleton keys seen in 2 units or
/// more, sorted, padded with `u32::MAX`, from its entries of [`Prepared::skeletons`].
fn skeleton_row(sk: &SkeletonIndex, entries: &[(u32, u32)]) -> [u32; SKELETON_PAIR_TERMS] {
    let mut top = [(0, 0); SKELETON_PAIR_TERMS];
    let mut len = 0;
    for &(_, k) in entries {
        if let Some(&(i, df)) = sk.keys.get(&k)
            && df >= 2
        {
            len = keep_smallest(&mut top, len, (df, i));
        }
    }
    let mut row = [u32::MAX; SKELETON_PAIR_TERMS];
    for (r, &(_, i)) in row.iter_mut().zip(&top[..len]) {
        *r = i;
    }
    row.sort_unstable();
    row
}

/// Inserts `x` into `top[..len]` (ascending) if it is among the `top.len()` smallest items
/// seen, and returns the new length: the rarest terms of a unit without collecting, selecting
/// and sorting all of them (an allocation and a selection per unit were most of building the
/// rows). Equal items keep the first seen ahead; which of two equal items is kept makes no
/// difference to the items kept.
fn keep_smallest(top: &mut [(u32, u32)], len: usize, x: (u32, u32)) -> usize {
    let k = top.len();
    if len == k && top.last().is_none_or(|&last| x >= last) {
        return len;
    }
    let len = (len + 1).min(k);
    let mut i = len - 1;
    while i > 0 && top[i - 1] > x {
        top[i] = top[i - 1];
        i -= 1;
    }
    top[i] = x;
    len
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
