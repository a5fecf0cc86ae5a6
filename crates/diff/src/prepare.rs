//! Turning articles into comparable units: the sentences of their content paragraphs, each a
//! sorted set of content-term hashes.

use std::borrow::Cow;
use std::ops::Range;

use newsdiff_ingest::Article;
use newsdiff_normalize::{Analysis, Analyzer, TokenKind};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use crate::names::NameKeys;
use crate::skeleton::{is_name_like, skeleton, skeleton_key};

/// One sentence of an article: where it is and what it says, as term hashes.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Index of the article in the (id-sorted) article list.
    pub article: u32,
    /// Total rarity weight of the unit's terms (the sum of their idfs, see
    /// [`crate::weights::idf`]); kept here, beside what verification reads of a unit anyway,
    /// so that comparing two units costs one fewer cache miss.
    pub weight: f32,
    /// Index of the paragraph within its article.
    pub paragraph: u32,
    /// Byte span of the sentence in the article's text.
    pub span: Range<usize>,
    /// Range into [`Prepared::terms`]: the unit's distinct term hashes, sorted.
    pub terms: Range<u32>,
    /// Number of content-term occurrences (with repeats).
    pub words: u32,
    /// Hash of the content-term sequence, in order: equal for verbatim copies.
    pub sequence: u64,
}

/// All units of a corpus, with their terms in one flat array.
///
/// Terms are numbered densely in the order of their 64-bit hashes, so that a unit's terms
/// sorted by number are also sorted by hash (every walk over them, and every sum of their
/// weights, goes in the same order as over the hashes).
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    pub units: Vec<Unit>,
    /// Term numbers (see [`Prepared::df`]) of every unit, one run per unit.
    pub terms: Vec<u32>,
    /// First unit of each article, and one past the last: `article_units[a]..article_units[a+1]`.
    pub article_units: Vec<u32>,
    /// Unit-level document frequency of each term, by term number.
    pub df: Vec<u32>,
    /// `(unit, key)` for each distinct [skeleton key](crate::skeleton) of a unit's name-like
    /// words (capitalised, not first in the sentence), sorted; only units with such words
    /// have entries. For candidate generation only.
    pub skeletons: Vec<(u32, u32)>,
    /// By unit: whether it is a [template line](TEMPLATE_ARTICLES).
    pub templates: Vec<bool>,
    /// By term number: whether the term is a number (`55`, `1.16`, `161,019`).
    pub numbers: Vec<bool>,
}

/// A short line (fewer content words than [`TEMPLATE_LINE_WORDS`]) with numbers whose shape (its term sequence with each run of numbers masked)
/// recurs in this many articles or more is a template line: `Shr 78 cts vs 1.16 dlrs`,
/// `Revs 12.9 mln vs 11.7 mln`, `Qtly div 10 cts vs 10 cts prior`, a row of a results
/// table. (A longer sentence built on a template, such as a bond issue's `The selling
/// concession is 1-3/8 pct while management and underwriting combined pays 5/8 pct`, shares
/// a sentence of house text, which is reuse, and is compared as usual.) Two lines of one template share its words in every article that uses it, so those
/// words are no evidence that one copied the other: only the numbers the two lines share
/// are. A template line and another short line with numbers (a template line too, or a
/// variant of one too rare to count as one: `Qtrly div 38 cts vs 33 cts` beside `Qtrly div
/// nine cts vs nine cts prior`) are therefore compared only when their shared numbers alone
/// reach the weight expected by chance (`Net 50,745 vs 161,019` and `Net 161,019 vs 50,745`
/// do; `Shr 78 cts vs 1.16 dlrs` and `Shr 78 cts vs 1.51 dlrs` do not), see
/// `find::verify`. Copies of a template line are found through the verbatim buckets at
/// any length. The same count as [`Config::group_articles`](crate::Config)'s default: a
/// pattern in that many articles is stock text.
///
/// Measured on the real corpora (Reuters-21578 + BBC, 23.8 k articles, default threshold):
/// see `benches/README.md`, "Template lines".
pub(crate) const TEMPLATE_ARTICLES: usize = 16;

/// Lines with fewer content words than this are short (see [`TEMPLATE_ARTICLES`]); the
/// same bound keeps them out of the pair index (`candidates::PAIR_MIN_WORDS`).
pub(crate) const SHORT_LINE_WORDS: u32 = 8;

/// Lines with fewer content words than this may be [template lines](TEMPLATE_ARTICLES): one
/// more than [`SHORT_LINE_WORDS`], so that the commonest results row, `Shr loss 11 cts vs
/// loss 38 cts` (eight content words, `loss` twice), is one. Measured against 8 (2026-12-07,
/// same inputs, same day): Reuters reports at the default 103,315 → 91,684, the 11,083 article
/// pairs lost all pairs of results or dividend rows of different companies that share a
/// number or two by chance (`Shr loss 15 cts vs loss 27 cts` and `Shr loss two cts vs loss
/// 15 cts`; of such reports a blind judgement of 230 BBC and Reuters reports called every
/// one stock text); BBC output, MRPC dev, the proxies, the samples, passim and
/// exact-duplicate recall unchanged. Comparing a template line with any short line with
/// numbers on its shared numbers alone (not only with another template line) took Reuters
/// from there to 89,488 (2,008 more article pairs, all rows of different companies:
/// `Qtrly div 34 cts vs 34 cts` against `Qtrly div 34 cts vs 40 cts prior`), the rest
/// unchanged.
pub(crate) const TEMPLATE_LINE_WORDS: u32 = 9;

impl Prepared {
    /// Index of unit `u`'s sentence within its article (units of an article are numbered
    /// consecutively).
    pub fn local(&self, u: u32) -> u32 {
        u - self.article_units[self.units[u as usize].article as usize]
    }

    /// Whether unit `u` is a short line with numbers: one that may be a [template
    /// line](TEMPLATE_ARTICLES) by its length and content.
    pub fn short_numbers(&self, u: u32) -> bool {
        let unit = &self.units[u as usize];
        unit.words < TEMPLATE_LINE_WORDS
            && self
                .terms_of(unit)
                .iter()
                .any(|&t| self.numbers.get(t as usize).copied().unwrap_or(false))
    }

    pub fn terms_of(&self, u: &Unit) -> &[u32] {
        &self.terms[u.terms.start as usize..u.terms.end as usize]
    }

    /// The skeleton keys of unit `u` (see [`Prepared::skeletons`]), as `(unit, key)` entries.
    pub fn skeletons_of(&self, u: u32) -> &[(u32, u32)] {
        let from = self.skeletons.partition_point(|&(v, _)| v < u);
        let to = from + self.skeletons[from..].partition_point(|&(v, _)| v == u);
        &self.skeletons[from..to]
    }
}

struct ArticleUnits {
    units: Vec<Unit>,
    /// Provisional term ids (see [`Interner`]), one run per unit, distinct within a unit.
    terms: Vec<u32>,
    /// `(unit within the article, skeleton key)`, sorted, distinct.
    skeletons: Vec<(u32, u32)>,
    /// `(shape hash, unit within the article)` of each unit with a number (see
    /// [`TEMPLATE_ARTICLES`]).
    shapes: Vec<(u64, u32)>,
    /// Provisional ids of the article's number terms, distinct.
    numbers: Vec<u32>,
}

/// Articles are split into sentences and terms this many at a time, and each batch's units
/// are appended to the corpus's arrays before the next batch starts, so that only one
/// batch's per-article vectors exist at once.
const PREPARE_BATCH: usize = 4096;

/// Gives every distinct term hash a provisional `u32` id as articles are analysed (in any
/// order, so ids depend on thread timing), so that term lists are held as `u32` from the
/// start instead of as 64-bit hashes numbered afterwards. [`Interner::numbering`] then maps
/// provisional ids to the final numbers in hash order, which are timing-independent.
struct Interner {
    shards: Vec<Mutex<FxHashMap<u64, u32>>>,
    next: AtomicU32,
    /// Tells this interner's entries in the per-thread [`RecentIds`] from another's.
    generation: u64,
}

/// The interner's hash map is split into this many locked shards (by hash bits).
const INTERN_SHARDS: usize = 64;

/// Source of [`Interner::generation`].
static INTERNER_GENERATION: AtomicU64 = AtomicU64::new(0);

/// A thread's memo of recently interned terms, in front of the shared [`Interner`]: a
/// direct-mapped table of `(hash, provisional id)` slots. Terms are Zipf-distributed, so most
/// lookups hit here and skip the shard lock and the corpus-sized map behind it (a cache miss
/// per term). Ids are only ever copied from the interner, so the memo cannot change any id.
/// Why hand-written: a fixed-size, overwrite-on-collision table is a few lines, and no
/// dependency offers one.
struct RecentIds {
    /// [`Interner::generation`] of the entries, which belong to that interner only.
    generation: u64,
    /// `(hash, id)`; [`EMPTY_ID`] marks an empty slot.
    slots: Vec<(u64, u32)>,
}

/// Slots of [`RecentIds`]: `1 << RECENT_BITS`.
const RECENT_BITS: u32 = 14;
/// The id of an empty [`RecentIds`] slot (ids are counts of distinct terms, far below it).
const EMPTY_ID: u32 = u32::MAX;

thread_local! {
    static RECENT: std::cell::RefCell<RecentIds> = const {
        std::cell::RefCell::new(RecentIds {
            generation: u64::MAX,
            slots: Vec::new(),
        })
    };
}

impl Interner {
    fn new() -> Self {
        Self {
            shards: (0..INTERN_SHARDS)
                .map(|_| Mutex::new(FxHashMap::default()))
                .collect(),
            next: AtomicU32::new(0),
            generation: INTERNER_GENERATION.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// Appends the provisional id of each of `hashes` to `out`, through this thread's
    /// [`RecentIds`].
    fn ids_into(&self, hashes: &[u64], out: &mut Vec<u32>) {
        RECENT.with_borrow_mut(|recent| {
            if recent.generation != self.generation || recent.slots.is_empty() {
                recent.generation = self.generation;
                recent.slots.clear();
                recent.slots.resize(1 << RECENT_BITS, (0, EMPTY_ID));
            }
            let mask = (1usize << RECENT_BITS) - 1;
            out.extend(hashes.iter().map(|&hash| {
                // Term hashes are xxh3 output: their low bits are as good as any.
                let slot = &mut recent.slots[hash as usize & mask];
                if slot.0 == hash && slot.1 != EMPTY_ID {
                    return slot.1;
                }
                let id = self.id(hash);
                *slot = (hash, id);
                id
            }));
        });
    }

    /// The provisional id of `hash`, made on first sight.
    fn id(&self, hash: u64) -> u32 {
        let shard = &self.shards[(hash >> 58) as usize % INTERN_SHARDS];
        // A poisoned lock only means another thread panicked; the map itself is whole.
        let mut map = shard
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *map.entry(hash)
            .or_insert_with(|| self.next.fetch_add(1, Ordering::Relaxed))
    }

    /// For each provisional id, its term number: the rank of its hash among all hashes.
    fn numbering(self) -> Vec<u32> {
        let mut all: Vec<(u64, u32)> =
            Vec::with_capacity(self.next.load(Ordering::Relaxed) as usize);
        for shard in self.shards {
            let map = shard
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            // Collected, then sorted: the map's order cannot reach the numbering.
            #[allow(clippy::iter_over_hash_type)]
            for (hash, id) in map {
                all.push((hash, id));
            }
        }
        all.par_sort_unstable();
        let mut number = vec![0u32; all.len()];
        for (rank, &(_, id)) in all.iter().enumerate() {
            if let Some(n) = number.get_mut(id as usize) {
                *n = rank as u32;
            }
        }
        number
    }
}

/// Splits every content paragraph into sentences and their terms, in parallel. Terms inside a
/// person-name mention are replaced by the person's key, so that spelling variants of one
/// person count as the same term.
///
/// Articles `0..count` (in id order) are asked of `load` a batch of [`PREPARE_BATCH`] at a
/// time and dropped once analysed, so that their texts need not all be held.
pub(crate) fn prepare<'s, E>(
    count: usize,
    load: &mut dyn FnMut(Range<usize>) -> Result<Vec<Cow<'s, Article>>, E>,
    analyzer: &Analyzer,
    names: Option<&NameKeys>,
    ignore: &[String],
) -> Result<Prepared, E> {
    let interner = Interner::new();
    let mut out = Prepared::default();
    // (shape, article, unit) of every unit with a number, for the template lines.
    let mut shapes: Vec<(u64, u32, u32)> = Vec::new();
    // Provisional ids of number terms.
    let mut numbers: Vec<u32> = Vec::new();
    for first in (0..count).step_by(PREPARE_BATCH) {
        let batch = load(first..count.min(first + PREPARE_BATCH))?;
        let per_article: Vec<ArticleUnits> = batch
            .par_iter()
            .enumerate()
            .map(|(i, a)| article_units((first + i) as u32, a, analyzer, names, ignore, &interner))
            .collect();
        drop(batch);
        for au in per_article {
            out.article_units.push(out.units.len() as u32);
            let base = out.terms.len() as u32;
            let first_unit = out.units.len() as u32;
            out.terms.extend_from_slice(&au.terms);
            out.skeletons
                .extend(au.skeletons.iter().map(|&(u, k)| (u + first_unit, k)));
            let article = out.article_units.len() as u32 - 1;
            shapes.extend(au.shapes.iter().map(|&(h, u)| (h, article, u + first_unit)));
            numbers.extend_from_slice(&au.numbers);
            out.units.extend(au.units.into_iter().map(|mut u| {
                u.terms = u.terms.start + base..u.terms.end + base;
                u
            }));
        }
    }
    out.article_units.push(out.units.len() as u32);
    out.units.shrink_to_fit();
    out.terms.shrink_to_fit();
    out.skeletons.shrink_to_fit();
    out.templates = templates(shapes, out.units.len());

    // Number the terms in hash order, and sort each unit's terms by number (= by hash).
    let number = interner.numbering();
    out.df = vec![0; number.len()];
    out.numbers = vec![false; number.len()];
    for id in numbers {
        if let Some(&t) = number.get(id as usize)
            && let Some(flag) = out.numbers.get_mut(t as usize)
        {
            *flag = true;
        }
    }
    out.terms.par_iter_mut().for_each(|t| {
        *t = number.get(*t as usize).copied().unwrap_or(0);
    });
    drop(number);
    let mut rest: &mut [u32] = &mut out.terms;
    let mut slices: Vec<(&mut [u32], &[Unit])> = Vec::new();
    let mut consumed = 0usize;
    for units in out.units.chunks(PREPARE_BATCH * 16) {
        let end = units.last().map_or(consumed, |u| u.terms.end as usize);
        let (head, tail) = rest.split_at_mut(end - consumed);
        slices.push((head, units));
        rest = tail;
        consumed = end;
    }
    let base_of = |units: &[Unit]| units.first().map_or(0, |u| u.terms.start as usize);
    slices.into_par_iter().for_each(|(terms, units)| {
        let base = base_of(units);
        for u in units {
            terms[u.terms.start as usize - base..u.terms.end as usize - base].sort_unstable();
        }
    });
    // Unit-level document frequency: each unit's terms are distinct.
    for &t in &out.terms {
        if let Some(d) = out.df.get_mut(t as usize) {
            *d += 1;
        }
    }
    let idf = crate::weights::idf_table(&out.df, out.units.len());
    let (units, terms) = (&mut out.units, &out.terms);
    units.par_iter_mut().for_each(|u| {
        u.weight = terms[u.terms.start as usize..u.terms.end as usize]
            .iter()
            .map(|&t| idf[t as usize])
            .sum();
    });
    Ok(out)
}

/// By unit, whether its shape is in [`TEMPLATE_ARTICLES`] articles or more.
fn templates(mut shapes: Vec<(u64, u32, u32)>, units: usize) -> Vec<bool> {
    let mut out = vec![false; units];
    shapes.par_sort_unstable();
    for run in shapes.chunk_by(|x, y| x.0 == y.0) {
        if run.len() < TEMPLATE_ARTICLES {
            continue;
        }
        // Sorted by article within the run: count distinct articles.
        let articles = 1 + run.windows(2).filter(|w| w[0].1 != w[1].1).count();
        if articles >= TEMPLATE_ARTICLES {
            for &(_, _, u) in run {
                if let Some(t) = out.get_mut(u as usize) {
                    *t = true;
                }
            }
        }
    }
    out
}

fn article_units(
    index: u32,
    article: &Article,
    analyzer: &Analyzer,
    names: Option<&NameKeys>,
    ignore: &[String],
    interner: &Interner,
) -> ArticleUnits {
    let text = article.text.as_str();
    let mentions = names.map(|n| n.of(&article.id)).unwrap_or(&[]);
    let mut out = ArticleUnits {
        units: Vec::new(),
        terms: Vec::new(),
        skeletons: Vec::new(),
        shapes: Vec::new(),
        numbers: Vec::new(),
    };
    let mut scratch: Vec<u64> = Vec::new();
    // The unit's number terms, as hashes (given their ids along with every other term).
    let mut number_hashes: Vec<u64> = Vec::new();
    let mut keys: Vec<u32> = Vec::new();
    let mut analysis = Analysis::default();
    for (pi, p) in article.paragraphs.iter().enumerate() {
        if !p.kind.is_content() {
            continue;
        }
        // (a paragraph off the text or off its character boundaries, possible only in an
        // article built by hand, is no text to compare)
        let Some(para) = text.get(p.span.range()) else {
            continue;
        };
        analyzer.analyze_into(para, &mut analysis);
        for (si, s) in analysis.sentences.iter().enumerate() {
            let span = p.span.start + s.span.start..p.span.start + s.span.end;
            if !ignore.is_empty() {
                let lower = text[span.clone()].to_lowercase();
                if ignore.iter().any(|phrase| lower.contains(phrase.as_str())) {
                    continue;
                }
            }
            scratch.clear();
            keys.clear();
            number_hashes.clear();
            let (mut shape, mut numbers, mut after_number) = (SEQUENCE_SEED, 0usize, false);
            let first_letter = para[s.span.clone()]
                .char_indices()
                .find(|&(_, c)| c.is_alphabetic())
                .map_or(s.span.end, |(i, _)| s.span.start + i);
            for t in analysis.terms_of(si) {
                // A capitalised word after the sentence's first word: name-like.
                let word = &para[t.start..t.end];
                if t.kind == TokenKind::Word
                    && t.start > first_letter
                    && is_name_like(word)
                    && let Some(sk) = skeleton(word)
                {
                    keys.push(skeleton_key(&sk));
                }
                let (start, end) = (p.span.start + t.start, p.span.start + t.end);
                let key = mentions
                    .iter()
                    .find(|m| m.start <= start && end <= m.end)
                    .map_or(t.hash, |m| names.map_or(m.key, |n| n.match_key(m.key)));
                // A multi-word name collapses to one key: keep it once in the sequence.
                if scratch.last() != Some(&key) || key == t.hash {
                    scratch.push(key);
                    if t.kind == TokenKind::Number {
                        numbers += 1;
                        number_hashes.push(key);
                        // `19-1/2`, `3 1/4`: a run of numbers is one figure.
                        if !after_number {
                            shape = sequence_step(shape, NUMBER_MASK);
                        }
                    } else {
                        shape = sequence_step(shape, key);
                    }
                    after_number = t.kind == TokenKind::Number;
                }
            }
            if scratch.is_empty() {
                continue;
            }
            let sequence = sequence_hash(&scratch);
            let words = scratch.len() as u32;
            scratch.sort_unstable();
            scratch.dedup();
            let start = out.terms.len() as u32;
            interner.ids_into(&scratch, &mut out.terms);
            out.numbers.extend(
                scratch
                    .iter()
                    .zip(&out.terms[start as usize..])
                    .filter(|(h, _)| number_hashes.contains(h))
                    .map(|(_, &id)| id),
            );
            keys.sort_unstable();
            keys.dedup();
            let local = out.units.len() as u32;
            out.skeletons.extend(keys.iter().map(|&k| (local, k)));
            if numbers > 0 && words < TEMPLATE_LINE_WORDS {
                out.shapes.push((shape, local));
            }
            out.units.push(Unit {
                article: index,
                weight: 0.0,
                paragraph: pi as u32,
                span,
                terms: start..out.terms.len() as u32,
                words,
                sequence,
            });
        }
    }
    out.numbers.sort_unstable();
    out.numbers.dedup();
    out
}

/// Start of a [`sequence_hash`].
const SEQUENCE_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// What stands for every number in a unit's shape (see [`TEMPLATE_ARTICLES`]).
const NUMBER_MASK: u64 = 0x9e37_79b9_7f4a_7c15;

fn sequence_hash(terms: &[u64]) -> u64 {
    terms
        .iter()
        .fold(SEQUENCE_SEED, |h, &t| sequence_step(h, t))
}

/// One step of an FNV-style fold of already well-mixed 64-bit term hashes: order-sensitive
/// and stable.
fn sequence_step(h: u64, t: u64) -> u64 {
    (h ^ t).wrapping_mul(0x0100_0000_01b3).rotate_left(17)
}
