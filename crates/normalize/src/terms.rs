//! Content terms for matching, and the [`Analyzer`] that computes them.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::bounds::word_bounds;
use crate::map::OffsetMap;
use crate::normalizer::{NormalizeScratch, Normalized, Normalizer};
use crate::sentence::{Sentence, split_sentences, split_sentences_into};
use crate::stopwords;
use crate::token::{Token, TokenKind};

/// Seed of the term hashes (`xxh3_64_with_seed(stem, TERM_SEED)`): fixed, so hashes are
/// stable across runs, machines and versions of this crate with the same stemmer.
pub const TERM_SEED: u64 = 0x6e65_7773_6469_6666; // "newsdiff"

/// A content term: a stemmed non-stopword, a number, or `%`/a currency sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Term {
    /// `xxh3_64_with_seed` of the term's text ([`TERM_SEED`]): the stem of a word (in
    /// English, the root of its family: see [`Analyzer::derivations`]), the digits
    /// of a number without thousands separators (`1,000` → `1000`), or the symbol.
    pub hash: u64,
    /// Start of the term's source in the original text (bytes).
    pub start: usize,
    /// End of the term's source in the original text (bytes).
    pub end: usize,
    /// Word, number or symbol.
    pub kind: TokenKind,
}

impl Term {
    /// The original byte range the term came from.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Stemmer languages (Snowball, via `rust-stemmers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

impl Language {
    fn algorithm(self) -> Algorithm {
        match self {
            Language::Arabic => Algorithm::Arabic,
            Language::Danish => Algorithm::Danish,
            Language::Dutch => Algorithm::Dutch,
            Language::English => Algorithm::English,
            Language::Finnish => Algorithm::Finnish,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Greek => Algorithm::Greek,
            Language::Hungarian => Algorithm::Hungarian,
            Language::Italian => Algorithm::Italian,
            Language::Norwegian => Algorithm::Norwegian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Romanian => Algorithm::Romanian,
            Language::Russian => Algorithm::Russian,
            Language::Spanish => Algorithm::Spanish,
            Language::Swedish => Algorithm::Swedish,
            Language::Tamil => Algorithm::Tamil,
            Language::Turkish => Algorithm::Turkish,
        }
    }
}

/// The analysis of one document: sentences and their content terms.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Analysis {
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Content terms of the whole text, in order.
    pub terms: Vec<Term>,
    /// For each sentence, the range of [`terms`](Self::terms) that falls in it.
    pub sentence_terms: Vec<Range<usize>>,
}

impl Analysis {
    /// The terms of sentence `i` (empty if out of range).
    pub fn terms_of(&self, i: usize) -> &[Term] {
        self.sentence_terms
            .get(i)
            .and_then(|r| self.terms.get(r.clone()))
            .unwrap_or(&[])
    }
}

/// Holds the normalizer configuration, stemmer and stopwords; computes sentences, tokens and
/// content terms. Cheap to share between threads (`Sync`); build it once.
///
/// Words are cached per thread (word → term hash or stopword), so the stopword check and the
/// stemmer run once per distinct word.
pub struct Analyzer {
    /// Identifies the word → term mapping (language, stemming, stopwords) in the per-thread
    /// word caches: a fresh id whenever it changes.
    id: u64,
    normalizer: Normalizer,
    language: Language,
    stemmer: Option<Stemmer>,
    /// Whether a stem stands for its derivational family's root (English only, see
    /// [`crate::derive`]).
    derivations: bool,
    stopwords: FxHashSet<Box<str>>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("normalizer", &self.normalizer)
            .field("language", &self.language)
            .field("stemming", &self.stemmer.is_some())
            .field("derivations", &self.derivations)
            .field("stopwords", &self.stopwords.len())
            .finish()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// English stemming with relational adjectives and their nouns as one term
    /// ([`derivations`](Self::derivations)),
    /// English stopwords ([`stopwords::ENGLISH`]), default [`Normalizer`].
    pub fn new() -> Self {
        Analyzer {
            id: next_id(),
            normalizer: Normalizer::default(),
            language: Language::English,
            stemmer: Some(Stemmer::create(Algorithm::English)),
            derivations: true,
            stopwords: stopwords::ENGLISH.iter().map(|&w| w.into()).collect(),
        }
    }

    /// Stems in `language`. Stopwords are unchanged: set them with
    /// [`stopwords`](Self::stopwords) (the crate ships English only).
    /// [`derivations`](Self::derivations) apply while the language is English.
    #[must_use]
    pub fn language(mut self, language: Language) -> Self {
        self.language = language;
        self.id = next_id();
        if self.stemmer.is_some() {
            self.stemmer = Some(Stemmer::create(language.algorithm()));
        }
        self
    }

    /// Switches stemming on or off.
    #[must_use]
    pub fn stemming(mut self, on: bool) -> Self {
        self.stemmer = on.then(|| Stemmer::create(self.language.algorithm()));
        self.id = next_id();
        self
    }

    /// Whether an English word's term is its family's root rather than its own stem (on by
    /// default): a relational adjective and its noun (`congressional` and `Congress`,
    /// `commercial` and `commerce`) are one term. The table comes from WordNet 3.0's
    /// pertainyms (see the crate's `data/derivations.tsv`). No effect without stemming or in
    /// another language.
    #[must_use]
    pub fn derivations(mut self, on: bool) -> Self {
        self.derivations = on;
        self.id = next_id();
        self
    }

    /// Replaces the stopword list (compared with lowercased, normalized words).
    #[must_use]
    pub fn stopwords<I, S>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        self.stopwords = words
            .into_iter()
            .map(|w| w.as_ref().to_lowercase().into_boxed_str())
            .collect();
        self.id = next_id();
        self
    }

    /// Uses `normalizer` before tokenizing.
    #[must_use]
    pub fn normalizer(mut self, normalizer: Normalizer) -> Self {
        self.normalizer = normalizer;
        self
    }

    /// The normalizer in use.
    pub fn normalizer_config(&self) -> &Normalizer {
        &self.normalizer
    }

    /// Sentences of `text` (see [`split_sentences`]).
    pub fn sentences(&self, text: &str) -> Vec<Sentence> {
        split_sentences(text)
    }

    /// Normalized tokens of `text` with spans into `text`.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        self.normalizer.normalize(text).tokens()
    }

    /// Whether `word` (normalized, lowercase) is a stopword.
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }

    /// The stem of a normalized, lowercase word (the word itself without stemming).
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match &self.stemmer {
            Some(s) => s.stem(word),
            None => Cow::Borrowed(word),
        }
    }

    /// Content terms of `text[span]`, with spans into `text`. The span is clamped and widened
    /// to `char` boundaries.
    ///
    /// ```
    /// use newsdiff_normalize::Analyzer;
    /// let a = Analyzer::new();
    /// let text = "The U.S. extended the six-month tariffs.";
    /// let terms = a.terms(text, 0..text.len());
    /// let src: Vec<&str> = terms.iter().map(|t| &text[t.span()]).collect();
    /// assert_eq!(src, ["U.S.", "extended", "six", "month", "tariffs"]);
    /// ```
    pub fn terms(&self, text: &str, span: Range<usize>) -> Vec<Term> {
        let mut out = Vec::new();
        self.terms_into(text, span, &mut out);
        out
    }

    /// Like [`terms`](Self::terms), appending to `out` (reuse it across calls).
    pub fn terms_into(&self, text: &str, span: Range<usize>, out: &mut Vec<Term>) {
        let span = char_span(text, span);
        let base = span.start;
        SCRATCH.with(|cell| {
            let mut scratch = cell.borrow_mut();
            let Scratch {
                buf,
                caches,
                normalized,
                normalize,
            } = &mut *scratch;
            self.normalizer
                .normalize_into(&text[span], normalized, normalize);
            let n = &*normalized;
            let cache = cache_for(caches, self.id);
            let mut hint = 0;
            for (i, seg) in word_bounds(&n.text) {
                // Every other segment is a space (no token): skipped before classifying.
                if seg.as_bytes().first() == Some(&b' ') {
                    continue;
                }
                let Some(kind) = TokenKind::of(seg) else {
                    continue;
                };
                let hash = match kind {
                    TokenKind::Word => match self.word_hash(seg, buf, cache) {
                        Some(h) => h,
                        None => continue,
                    },
                    TokenKind::Number => number_hash(seg, buf),
                    TokenKind::Symbol if is_kept_symbol(seg) => hash(seg),
                    _ => continue,
                };
                let r = n.map.to_original_from(i..i + seg.len(), &mut hint);
                out.push(Term {
                    hash,
                    start: base + r.start,
                    end: base + r.end,
                    kind,
                });
            }
        });
    }

    /// Sentences of `text` and their content terms, normalizing the text once.
    pub fn analyze(&self, text: &str) -> Analysis {
        let mut out = Analysis::default();
        self.analyze_into(text, &mut out);
        out
    }

    /// Like [`analyze`](Self::analyze), into `out` (its previous contents are replaced):
    /// reuse one `Analysis` across texts to save its allocations.
    pub fn analyze_into(&self, text: &str, out: &mut Analysis) {
        let Analysis {
            sentences,
            terms,
            sentence_terms,
        } = out;
        split_sentences_into(text, sentences);
        terms.clear();
        terms.reserve(text.len() / 8);
        self.terms_into(text, 0..text.len(), terms);
        sentence_terms.clear();
        sentence_terms.reserve(sentences.len());
        let mut k = 0;
        for s in sentences.iter() {
            while k < terms.len() && terms[k].start < s.span.start {
                k += 1;
            }
            let first = k;
            while k < terms.len() && terms[k].start < s.span.end {
                k += 1;
            }
            sentence_terms.push(first..k);
        }
    }

    /// The term hash of a word token, `None` for a stopword. Cached per thread and analyzer.
    fn word_hash(&self, word: &str, buf: &mut String, cache: &mut WordCache) -> Option<u64> {
        let lower: &str = if word.is_ascii() {
            if word.bytes().any(|b| b.is_ascii_uppercase()) {
                buf.clear();
                buf.push_str(word);
                buf.make_ascii_lowercase();
                buf
            } else {
                word
            }
        } else if word.chars().any(char::is_uppercase) {
            buf.clear();
            buf.extend(word.chars().flat_map(char::to_lowercase));
            buf
        } else {
            word
        };
        let hot = HotKey::new(lower);
        if let Some(h) = hot.as_ref().and_then(|k| cache.hot_get(k)) {
            return h;
        }
        if let Some(&h) = cache.words.get(lower) {
            if let Some(k) = hot {
                cache.hot_put(k, h);
            }
            return h;
        }
        let h = if self.stopwords.contains(lower) {
            None
        } else {
            Some(match &self.stemmer {
                Some(stemmer) => {
                    let stem = stemmer.stem(lower);
                    hash(if self.derivations && self.language == Language::English {
                        crate::derive::root(&stem)
                    } else {
                        &stem
                    })
                }
                None => hash(lower),
            })
        };
        if cache.words.len() >= WORD_CACHE_MAX {
            cache.words.clear();
        }
        cache.words.insert(lower.into(), h);
        if let Some(k) = hot {
            cache.hot_put(k, h);
        }
        h
    }
}

/// Entries per word cache before it is cleared.
const WORD_CACHE_MAX: usize = 1 << 18;
/// Word caches kept per thread (one per analyzer in use, most recent first).
const WORD_CACHES: usize = 4;

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// A thread's word cache for one analyzer: word → term hash (`None`: a stopword).
///
/// Two levels. `words` holds every word seen (up to [`WORD_CACHE_MAX`]); it is large, so a
/// lookup there usually misses the CPU caches twice (the bucket, then the key on the heap).
/// `hot` is a direct-mapped table holding short words inline, so the frequent words of news
/// text (Zipf) are found with one load and no pointer chase. It has [`HOT_SLOTS`] slots
/// (1 MiB, about one core's L2 cache): on generated news text 4 Ki slots held about 77 % of
/// word occurrences and 32 Ki hold about 93 % (a simulation over 2 M words), and each word
/// that falls through to `words` costs two misses instead of one.
/// Why hand-written: no dependency offers such a fixed-size, inline-key table.
struct WordCache {
    words: FxHashMap<Box<str>, Option<u64>>,
    hot: Box<[HotSlot]>,
}

/// Slots of [`WordCache::hot`] (32 bytes each): `1 << HOT_BITS`.
const HOT_SLOTS: usize = 1 << HOT_BITS;
/// A slot is picked by the top `HOT_BITS` bits of the word's hash.
const HOT_BITS: u32 = 15;
/// Longest word (bytes) kept in [`WordCache::hot`].
const HOT_KEY: usize = 22;

/// A word of at most [`HOT_KEY`] bytes, zero-padded, and its slot in [`WordCache::hot`].
struct HotKey {
    len: u8,
    key: [u8; HOT_KEY],
    slot: usize,
}

impl HotKey {
    fn new(word: &str) -> Option<HotKey> {
        let bytes = word.as_bytes();
        if bytes.is_empty() || bytes.len() > HOT_KEY {
            return None;
        }
        let mut key = [0; HOT_KEY];
        key[..bytes.len()].copy_from_slice(bytes);
        let mut h = rustc_hash::FxHasher::default();
        std::hash::Hasher::write(&mut h, bytes);
        let h = std::hash::Hasher::finish(&h).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        Some(HotKey {
            len: bytes.len() as u8,
            key,
            slot: (h >> (64 - HOT_BITS)) as usize,
        })
    }
}

/// One entry of [`WordCache::hot`]: 32 bytes. `len == 0` marks an empty slot. Aligned to
/// its size so that no slot straddles two cache lines (a lookup costs at most one miss).
#[derive(Clone, Copy)]
#[repr(align(32))]
struct HotSlot {
    len: u8,
    stopword: bool,
    key: [u8; HOT_KEY],
    hash: u64,
}

impl Default for WordCache {
    fn default() -> Self {
        let empty = HotSlot {
            len: 0,
            stopword: false,
            key: [0; HOT_KEY],
            hash: 0,
        };
        WordCache {
            words: FxHashMap::default(),
            hot: vec![empty; HOT_SLOTS].into_boxed_slice(),
        }
    }
}

impl WordCache {
    #[inline]
    fn hot_get(&self, k: &HotKey) -> Option<Option<u64>> {
        let s = &self.hot[k.slot];
        (s.len == k.len && s.key == k.key).then_some((!s.stopword).then_some(s.hash))
    }

    #[inline]
    fn hot_put(&mut self, k: HotKey, h: Option<u64>) {
        self.hot[k.slot] = HotSlot {
            len: k.len,
            stopword: h.is_none(),
            key: k.key,
            hash: h.unwrap_or(0),
        };
    }
}

struct Scratch {
    buf: String,
    /// `(analyzer id, cache)`, most recently used first.
    caches: Vec<(u64, WordCache)>,
    /// The text being analysed, normalized (its buffers are reused from text to text).
    normalized: Normalized,
    /// The normalizer's own reusable buffers.
    normalize: NormalizeScratch,
}

/// The word cache of analyzer `id`, created (evicting the least recently used) if needed.
fn cache_for(caches: &mut Vec<(u64, WordCache)>, id: u64) -> &mut WordCache {
    match caches.iter().position(|(k, _)| *k == id) {
        Some(0) => {}
        Some(i) => caches[..=i].rotate_right(1),
        None => {
            if caches.len() >= WORD_CACHES {
                caches.pop();
            }
            caches.insert(0, (id, WordCache::default()));
        }
    }
    &mut caches[0].1
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = const {
        RefCell::new(Scratch {
            buf: String::new(),
            caches: Vec::new(),
            normalized: Normalized {
                text: String::new(),
                map: OffsetMap::EMPTY,
            },
            normalize: NormalizeScratch::EMPTY,
        })
    };
}

fn hash(s: &str) -> u64 {
    xxh3_64_with_seed(s.as_bytes(), TERM_SEED)
}

fn number_hash(s: &str, buf: &mut String) -> u64 {
    if !s.contains(',') {
        return hash(s);
    }
    buf.clear();
    buf.extend(s.chars().filter(|&c| c != ','));
    hash(buf)
}

fn is_kept_symbol(s: &str) -> bool {
    matches!(s, "%" | "$" | "£" | "€" | "¥")
}

/// Clamps `span` to `text` and widens it to `char` boundaries.
fn char_span(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.min(text.len()).max(start);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(a: &Analyzer, text: &str) -> Vec<u64> {
        a.terms(text, 0..text.len())
            .iter()
            .map(|t| t.hash)
            .collect()
    }

    #[test]
    fn equivalent_phrasings_give_equal_terms() {
        let a = Analyzer::new();
        assert_eq!(
            hashes(&a, "a six-month deal"),
            hashes(&a, "the 6-month deals")
        );
        assert_eq!(hashes(&a, "up 55 per cent"), hashes(&a, "up 55%"));
        assert_eq!(hashes(&a, "U.S. tariffs"), hashes(&a, "US tariff"));
        assert_ne!(hashes(&a, "US tariffs"), hashes(&a, "us tariffs"));
        assert_eq!(hashes(&a, "1,000 jobs"), hashes(&a, "1000 job"));
        // one derivational family, one term; not without derivations, nor in French
        assert_eq!(hashes(&a, "congressional"), hashes(&a, "Congress"));
        let own = Analyzer::new().derivations(false);
        assert_ne!(hashes(&own, "congressional"), hashes(&own, "Congress"));
        let fr = Analyzer::new().language(Language::French).derivations(true);
        assert_ne!(hashes(&fr, "congressional"), hashes(&fr, "Congress"));
        let back = Analyzer::new()
            .language(Language::French)
            .language(Language::English);
        assert_eq!(hashes(&back, "congressional"), hashes(&back, "Congress"));
    }

    #[test]
    fn stopwords_dropped_numbers_kept() {
        let a = Analyzer::new();
        let text = "It is one of the 3 biggest";
        let src: Vec<&str> = a
            .terms(text, 0..text.len())
            .iter()
            .map(|t| &text[t.span()])
            .collect();
        assert_eq!(src, ["one", "3", "biggest"]);
    }

    #[test]
    fn sub_span_and_char_boundaries() {
        let a = Analyzer::new();
        let text = "Zoë spoke. Müller replied.";
        let terms = a.terms(text, 12..text.len());
        let src: Vec<&str> = terms.iter().map(|t| &text[t.span()]).collect();
        assert_eq!(src, ["Müller", "replied"]);
        // 3 is inside "ë": the span widens to its start.
        let terms = a.terms(text, 3..99);
        assert_eq!(&text[terms[0].span()], "ë");
    }

    #[test]
    fn analyze_groups_terms_by_sentence() {
        let a = Analyzer::new();
        let text = "Mr. Greer arrived. Talks began.";
        let an = a.analyze(text);
        assert_eq!(an.sentences.len(), 2);
        let s1: Vec<&str> = an.terms_of(1).iter().map(|t| &text[t.span()]).collect();
        assert_eq!(s1, ["Talks", "began"]);
        assert!(an.terms_of(9).is_empty());
    }

    #[test]
    fn language_and_options() {
        let fr = Analyzer::new().language(Language::French).stopwords(["le"]);
        assert_eq!(fr.stem("économiques"), "économ");
        assert!(fr.is_stopword("le"));
        let plain = Analyzer::new().stemming(false);
        assert_ne!(hashes(&plain, "deal"), hashes(&plain, "deals"));
    }
}
