//! The word model: a class-based bigram Markov chain with a unigram back-off.
//!
//! Tokens are lower-case words (a trailing comma kept as part of the word) plus two classes
//! filled at generation time: [`CAP`] (a capitalised word, drawn from the capitalised words
//! seen in training) and [`NUM`] (a number drawn from a large space of formats and values).
//! The chain is trained on the real corpora when present ([`Model::train`]), else on sentences
//! from a small built-in grammar ([`Model::builtin`]). With probability `backoff` each next
//! word comes from the unigram distribution instead of the bigram one, which keeps every
//! position high in entropy so that unrelated articles share no 8-word run in practice.

use std::collections::HashMap;

use crate::rng::Rng;

/// Token id of the sentence start.
const START: u32 = 0;
/// Token id of the capitalised-word class.
pub const CAP: u32 = 1;
/// Token id of the number class.
pub const NUM: u32 = 2;
/// First id of an ordinary word.
const FIRST_WORD: u32 = 3;
/// How many of the most frequent words count as function words that should not end a
/// sentence.
const FUNCTION_WORDS: usize = 80;

/// A trained word model; see the module docs.
#[derive(Debug, Clone)]
pub struct Model {
    /// Word ids to text (ids below [`FIRST_WORD`] are placeholders).
    words: Vec<Box<str>>,
    /// Whether a word should not end a sentence (a frequent function word or a comma word).
    weak_end: Vec<bool>,
    /// Successor lists, CSR: successors of `w` are `succ[offsets[w]..offsets[w + 1]]`.
    offsets: Vec<usize>,
    succ: Vec<u32>,
    /// Cumulative counts, parallel to `succ`.
    succ_cum: Vec<u64>,
    /// Unigram ids and cumulative counts (ordinary words and classes, not the start).
    uni: Vec<u32>,
    uni_cum: Vec<u64>,
    /// Capitalised words and cumulative counts.
    caps: Vec<Box<str>>,
    caps_cum: Vec<u64>,
    /// Probability of drawing from the unigram instead of the bigram distribution.
    backoff: f64,
    /// Where the model was trained (`builtin`, or the corpus names).
    source: String,
}

/// Builds a model from token streams.
#[derive(Debug, Default)]
pub struct Trainer {
    ids: HashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    counts: Vec<u64>,
    bigrams: HashMap<(u32, u32), u64>,
    caps: HashMap<Box<str>, u64>,
}

impl Trainer {
    /// An empty trainer.
    pub fn new() -> Self {
        let mut t = Self::default();
        for w in ["<s>", "<CAP>", "<NUM>"] {
            t.id(w);
        }
        t
    }

    fn id(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.ids.insert(w.into(), id);
        self.words.push(w.into());
        self.counts.push(0);
        id
    }

    /// Adds the sentences of one text (whitespace-split words; `.`, `!` and `?` end a
    /// sentence).
    pub fn add_text(&mut self, text: &str) {
        let mut prev = START;
        let mut initial = true;
        for raw in text.split_whitespace() {
            let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let tail = &raw[raw.find(core).map_or(raw.len(), |p| p + core.len())..];
            let ends = tail.contains(['.', '!', '?']) && !is_abbreviation(core);
            if core.is_empty() {
                if ends {
                    (prev, initial) = (START, true);
                }
                continue;
            }
            let id = if core.chars().any(|c| c.is_ascii_digit()) {
                NUM
            } else if !initial && core.starts_with(char::is_uppercase) {
                *self.caps.entry(core.into()).or_insert(0) += 1;
                CAP
            } else {
                let mut w = core.to_lowercase();
                if tail.starts_with(',') {
                    w.push(',');
                }
                self.id(&w)
            };
            if let Some(c) = self.counts.get_mut(id as usize) {
                *c += 1;
            }
            *self.bigrams.entry((prev, id)).or_insert(0) += 1;
            (prev, initial) = (id, false);
            if ends {
                (prev, initial) = (START, true);
            }
        }
    }

    /// The model: words seen fewer than `min_count` times are dropped (the chain skips over
    /// them), and ids are renumbered by descending frequency so that the result does not
    /// depend on hash order.
    pub fn build(self, min_count: u64, backoff: f64, source: &str) -> Model {
        let mut order: Vec<u32> = (FIRST_WORD..self.words.len() as u32)
            .filter(|&w| self.counts[w as usize] >= min_count)
            .collect();
        order.sort_by(|&a, &b| {
            (self.counts[b as usize], &self.words[a as usize])
                .cmp(&(self.counts[a as usize], &self.words[b as usize]))
        });
        let mut remap = vec![u32::MAX; self.words.len()];
        let mut words: Vec<Box<str>> = self.words[..FIRST_WORD as usize].to_vec();
        for (k, w) in (0..FIRST_WORD).enumerate() {
            remap[k] = w;
        }
        for &w in &order {
            remap[w as usize] = words.len() as u32;
            words.push(self.words[w as usize].clone());
        }
        let weak_end = words
            .iter()
            .enumerate()
            .map(|(i, w)| i < FUNCTION_WORDS + FIRST_WORD as usize || w.ends_with(','))
            .collect();
        let mut pairs: Vec<(u32, u32, u64)> = self
            .bigrams
            .into_iter()
            .filter_map(|((a, b), n)| {
                let (a, b) = (remap[a as usize], remap[b as usize]);
                (a != u32::MAX && b != u32::MAX).then_some((a, b, n))
            })
            .collect();
        pairs.sort_unstable();
        let mut offsets = vec![0usize; words.len() + 1];
        for &(a, _, _) in &pairs {
            offsets[a as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut succ = Vec::with_capacity(pairs.len());
        let mut succ_cum = Vec::with_capacity(pairs.len());
        let mut last = u32::MAX;
        let mut acc = 0u64;
        for (a, b, n) in pairs {
            if a != last {
                (last, acc) = (a, 0);
            }
            acc += n;
            succ.push(b);
            succ_cum.push(acc);
        }
        let mut uni = Vec::new();
        let mut uni_cum = Vec::new();
        let mut acc = 0u64;
        for w in CAP..words.len() as u32 {
            let old = if w < FIRST_WORD {
                w as usize
            } else {
                order[(w - FIRST_WORD) as usize] as usize
            };
            acc += self.counts[old];
            uni.push(w);
            uni_cum.push(acc);
        }
        let mut caps: Vec<(Box<str>, u64)> = self
            .caps
            .into_iter()
            .filter(|(_, n)| *n >= min_count)
            .collect();
        caps.sort_unstable_by(|a, b| (b.1, &a.0).cmp(&(a.1, &b.0)));
        let mut caps_cum = Vec::with_capacity(caps.len());
        let mut acc = 0u64;
        for (_, n) in &caps {
            acc += n;
            caps_cum.push(acc);
        }
        Model {
            words,
            weak_end,
            offsets,
            succ,
            succ_cum,
            uni,
            uni_cum,
            caps: caps.into_iter().map(|(w, _)| w).collect(),
            caps_cum,
            backoff,
            source: source.to_owned(),
        }
    }
}

/// Abbreviations whose full stop does not end a sentence.
fn is_abbreviation(core: &str) -> bool {
    matches!(
        core,
        "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "Jan" | "Feb" | "Aug" | "Sept" | "Oct" | "Nov" | "Dec"
    ) || (core.len() == 1 && core.starts_with(char::is_uppercase))
}

/// Draws an index from cumulative counts.
fn draw(cum: &[u64], rng: &mut Rng) -> usize {
    let total = cum.last().copied().unwrap_or(0);
    if total == 0 {
        return 0;
    }
    let x = rng.next_u64() % total;
    cum.partition_point(|&c| c <= x)
}

impl Model {
    /// Where the model was trained: `builtin`, or the names of the corpora.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Number of ordinary words in the vocabulary.
    pub fn vocabulary(&self) -> usize {
        self.words.len() - FIRST_WORD as usize
    }

    /// Number of distinct capitalised words.
    pub fn capitalised(&self) -> usize {
        self.caps.len()
    }

    fn next(&self, prev: u32, rng: &mut Rng) -> u32 {
        let (lo, hi) = (self.offsets[prev as usize], self.offsets[prev as usize + 1]);
        if hi > lo && (prev == START || !rng.chance(self.backoff)) {
            return self.succ[lo + draw(&self.succ_cum[lo..hi], rng)];
        }
        self.uni[draw(&self.uni_cum, rng)]
    }

    /// A random ordinary word (for substitutions and insertions).
    pub fn word(&self, rng: &mut Rng) -> String {
        loop {
            let id = self.uni[draw(&self.uni_cum, rng)];
            if id >= FIRST_WORD {
                return self.words[id as usize].trim_end_matches(',').to_owned();
            }
        }
    }

    /// A random capitalised word.
    pub fn capitalised_word(&self, rng: &mut Rng) -> &str {
        self.caps
            .get(draw(&self.caps_cum, rng))
            .map_or("Smith", |w| w)
    }

    /// Appends a sentence of about `words` words (capitalised, ending in a full stop) to `out`
    /// and returns its exact word count.
    pub fn sentence(&self, words: usize, rng: &mut Rng, out: &mut String) -> usize {
        let mut prev = START;
        let mut n = 0;
        let start = out.len();
        loop {
            let id = self.next(prev, rng);
            if n > 0 {
                out.push(' ');
            }
            match id {
                CAP => out.push_str(self.capitalised_word(rng)),
                NUM => number(rng, out),
                w => out.push_str(&self.words[w as usize]),
            }
            n += 1;
            prev = id;
            let weak = self.weak_end.get(id as usize).copied().unwrap_or(false);
            if n >= words && (!weak || n >= words + 6) {
                break;
            }
        }
        while out.ends_with(',') {
            out.pop();
        }
        out.push('.');
        if let Some(c) = out[start..].chars().next()
            && c.is_lowercase()
        {
            let upper: String = c.to_uppercase().collect();
            out.replace_range(start..start + c.len_utf8(), &upper);
        }
        n
    }

    /// The fallback model, trained on sentences from a small built-in grammar (used when the
    /// real corpora are absent, and in tests).
    pub fn builtin() -> Self {
        let mut t = Trainer::new();
        let mut rng = Rng::new(0xB01D, 0);
        let mut text = String::new();
        for _ in 0..6_000 {
            text.clear();
            crate::generate::grammar::sentence(&mut rng, &mut text);
            t.add_text(&text);
        }
        t.build(1, 0.3, "builtin")
    }

    /// A model trained on the texts, with unigram back-off `backoff`.
    pub fn train<'a>(texts: impl IntoIterator<Item = &'a str>, source: &str, backoff: f64) -> Self {
        let mut t = Trainer::new();
        for text in texts {
            t.add_text(text);
        }
        t.build(2, backoff, source)
    }
}

/// Appends a random number in one of several news formats.
pub fn number(rng: &mut Rng, out: &mut String) {
    use std::fmt::Write;
    let _ = match rng.below(8) {
        0 => write!(out, "{}", rng.range(2, 99)),
        1 => write!(out, "{},{:03}", rng.range(1, 99), rng.below(1000)),
        2 => write!(out, "{}.{}%", rng.range(0, 60), rng.below(10)),
        3 => write!(out, "${}.{}bn", rng.range(1, 300), rng.below(10)),
        4 => write!(out, "£{}m", rng.range(1, 999)),
        5 => write!(out, "{}", rng.range(1950, 2025)),
        6 => write!(out, "{}.{:02}", rng.range(0, 999), rng.below(100)),
        _ => write!(out, "{}", rng.range(100, 99_999)),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_sentences_have_the_asked_length() {
        let m = Model::builtin();
        assert!(m.vocabulary() > 100, "{}", m.vocabulary());
        let mut rng = Rng::new(1, 1);
        for want in [8, 20, 35] {
            let mut s = String::new();
            let n = m.sentence(want, &mut rng, &mut s);
            assert!(n >= want && n <= want + 6, "{n} {want}");
            assert_eq!(s.split_whitespace().count(), n, "{s}");
            assert!(s.ends_with('.') && s.starts_with(char::is_uppercase), "{s}");
        }
    }

    #[test]
    fn training_is_deterministic() {
        let texts = [
            "The minister said on Monday that Smith would go. Prices rose 5% in May.",
            "Mr. Brown, the chief, said prices rose again. The minister left.",
        ];
        let (a, b) = (Model::train(texts, "t", 0.2), Model::train(texts, "t", 0.2));
        assert_eq!(a.words, b.words);
        assert_eq!(a.succ, b.succ);
        assert_eq!(a.caps, b.caps);
    }
}
