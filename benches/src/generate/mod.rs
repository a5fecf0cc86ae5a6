//! The seeded corpus generator: synthetic news articles with planted reuse of known extent.
//!
//! Every article's base text comes from the [`Model`] and its own random stream
//! (`seed`, article index), so it never depends on other articles. Planting then runs in
//! article order over a sliding window of recent articles: a target copies 30–150 words
//! (one to five sentences) of a source's *base* sentences, each source sentence at most once,
//! so no passage is shared beyond the planted pairs. Near-duplicates copy a whole *pristine*
//! article (one that neither received nor gave any passage) and close both. Stock paragraphs
//! go to about `stock_members` articles each.
//!
//! Output is streamed: at most `window` articles are held in memory. Same model, seed and
//! configuration → byte-identical articles and truth.

pub mod article;
pub mod edits;
pub mod grammar;
pub mod model;

#[cfg(test)]
use std::collections::HashMap;
use std::collections::{BTreeMap, VecDeque};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::rng::{Rng, mix};
use crate::truth::{Kind, Planted, Side};
use article::{Draft, Origin, Piece, Rendered, Sentence};
pub use model::Model;

const STREAM_BASE: u64 = 1 << 40;
const STREAM_PLAN: u64 = 2 << 40;
const STREAM_STOCK: u64 = 3 << 40;
/// Articles whose base text is generated in parallel at once.
const BLOCK: usize = 2048;
const OUTLETS: &[&str] = &[
    "Daily Ledger",
    "Northern Courier",
    "Harbour Post",
    "Capital Wire",
    "Evening Chronicle",
    "Valley Herald",
];

/// Per-article probabilities of receiving each kind of planted passage.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Rates {
    /// The article is a near-duplicate of an earlier one.
    pub near_duplicate: f64,
    /// The article receives a verbatim passage.
    pub verbatim: f64,
    /// The article receives a light-edited passage.
    pub light: f64,
    /// The article receives a passage with its sentences reordered.
    pub reordered: f64,
    /// The article receives a passage with misspelt names.
    pub names: f64,
}

impl Default for Rates {
    fn default() -> Self {
        Self {
            near_duplicate: 0.01,
            verbatim: 0.04,
            light: 0.04,
            reordered: 0.02,
            names: 0.02,
        }
    }
}

/// What to generate.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// Number of articles.
    pub articles: usize,
    /// The seed.
    pub seed: u64,
    /// Planting rates.
    pub rates: Rates,
    /// Number of distinct stock paragraphs.
    pub stock_groups: usize,
    /// About how many articles carry each stock paragraph.
    pub stock_members: usize,
    /// How many recent articles sources are drawn from (and held in memory).
    pub window: usize,
    /// Light edits per word in `light` passages.
    pub light_rate: f64,
    /// Light edits per word in near-duplicates.
    pub near_rate: f64,
}

impl Config {
    /// Defaults for `articles` articles: the rates of [`Rates::default`], three stock
    /// paragraphs each in about `max(3, articles / 1000)` articles, a window of 5,000.
    pub fn new(articles: usize, seed: u64) -> Self {
        Self {
            articles,
            seed,
            rates: Rates::default(),
            stock_groups: 3,
            stock_members: (articles / 1000).max(3),
            window: 5000,
            light_rate: 0.1,
            near_rate: 0.03,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Articles written.
    pub articles: usize,
    /// Bytes of article text (the decoded `text` fields).
    pub text_bytes: u64,
    /// Whitespace-separated words of article text.
    pub words: u64,
    /// Truth records by kind.
    pub planted: BTreeMap<Kind, usize>,
    /// Where the model was trained.
    pub model: String,
}

/// An article id: `gen-` and the zero-padded index.
pub fn article_id(i: usize) -> String {
    format!("gen-{i:07}")
}

struct Slot {
    id: String,
    title: String,
    text: String,
    sentences: Vec<Sentence>,
    /// Neither received nor gave any passage.
    pristine: bool,
    /// May not give passages any more.
    closed: bool,
}

/// What a planted piece stands for until the article is rendered.
enum Pending {
    Copy(Kind, Side),
    Stock(usize),
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    title: &'a str,
    date: &'a str,
    source: &'a str,
    text: &'a str,
}

/// The generator state; see the module docs.
struct Generator<'m> {
    model: &'m Model,
    config: &'m Config,
    window: VecDeque<Slot>,
    stock_text: Vec<String>,
    stock_first: Vec<Option<Side>>,
    summary: Summary,
}

/// Generates `config.articles` articles with `model`, writing JSON Lines articles to
/// `articles` and the truth (see [`crate::truth`]) to `truth`.
///
/// # Errors
///
/// An I/O error from either writer.
pub fn generate(
    model: &Model,
    config: &Config,
    articles: &mut dyn Write,
    truth: &mut dyn Write,
) -> io::Result<Summary> {
    let stock_text = (0..config.stock_groups)
        .map(|g| {
            let mut rng = Rng::new(config.seed, STREAM_STOCK + g as u64);
            let mut text = String::new();
            for k in 0..3 {
                if k > 0 {
                    text.push(' ');
                }
                model.sentence(rng.range(14, 24), &mut rng, &mut text);
            }
            text
        })
        .collect();
    let mut g = Generator {
        model,
        config,
        window: VecDeque::new(),
        stock_text,
        stock_first: vec![None; config.stock_groups],
        summary: Summary {
            model: model.source().to_owned(),
            ..Summary::default()
        },
    };
    let mut lo = 0;
    while lo < config.articles {
        let hi = (lo + BLOCK).min(config.articles);
        let drafts: Vec<Draft> = (lo..hi)
            .into_par_iter()
            .map(|i| article::base(model, &mut Rng::new(config.seed, STREAM_BASE + i as u64)))
            .collect();
        for (i, draft) in (lo..hi).zip(drafts) {
            g.article(i, draft, articles, truth)?;
        }
        lo = hi;
    }
    Ok(g.summary)
}

impl Generator<'_> {
    fn article(
        &mut self,
        i: usize,
        mut draft: Draft,
        out: &mut dyn Write,
        truth: &mut dyn Write,
    ) -> io::Result<()> {
        let mut rng = Rng::new(self.config.seed, STREAM_PLAN + i as u64);
        let id = article_id(i);
        let date = format!("2024-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28));
        let outlet = rng.pick(OUTLETS).copied().unwrap_or("Wire");
        let rates = self.config.rates;
        let mut records = Vec::new();
        let near = if rng.chance(rates.near_duplicate) {
            self.near_duplicate(&mut rng)
        } else {
            None
        };
        let slot = if let Some((title, text, source)) = near {
            records.push(Planted {
                kind: Kind::NearDuplicate,
                target: Side {
                    article: id.clone(),
                    start: 0,
                    end: text.len(),
                },
                words: text.split_whitespace().count(),
                source,
            });
            Slot {
                id,
                title,
                text,
                sentences: Vec::new(),
                pristine: false,
                closed: true,
            }
        } else {
            let mut pending = Vec::new();
            for (kind, rate) in [
                (Kind::Verbatim, rates.verbatim),
                (Kind::Light, rates.light),
                (Kind::Reordered, rates.reordered),
                (Kind::Names, rates.names),
            ] {
                if rng.chance(rate)
                    && let Some((text, source)) = self.passage(kind, &mut rng)
                {
                    let origin = Origin::Planted(pending.len());
                    draft.insert(Piece { text, origin }, 0.5, &mut rng);
                    pending.push(Pending::Copy(kind, source));
                }
            }
            let period = (self.config.articles / self.config.stock_members.max(1)).max(1) as u64;
            for g in 0..self.config.stock_groups {
                let h = mix(self.config.seed.wrapping_add(STREAM_STOCK + g as u64) ^ mix(i as u64));
                if h.is_multiple_of(period) {
                    let origin = Origin::Planted(pending.len());
                    let text = self.stock_text[g].clone();
                    draft.insert(Piece { text, origin }, 0.0, &mut rng);
                    pending.push(Pending::Stock(g));
                }
            }
            let Rendered {
                text,
                sentences,
                planted,
            } = draft.render();
            for (n, start, end) in planted {
                let target = Side {
                    article: id.clone(),
                    start,
                    end,
                };
                let words = text[start..end].split_whitespace().count();
                match &pending[n] {
                    Pending::Copy(kind, source) => records.push(Planted {
                        kind: *kind,
                        source: source.clone(),
                        target,
                        words,
                    }),
                    Pending::Stock(g) => match &self.stock_first[*g] {
                        None => self.stock_first[*g] = Some(target),
                        Some(first) => records.push(Planted {
                            kind: Kind::Stock,
                            source: first.clone(),
                            target,
                            words,
                        }),
                    },
                }
            }
            Slot {
                id,
                title: draft.title,
                text,
                sentences,
                pristine: pending.is_empty(),
                closed: false,
            }
        };
        serde_json::to_writer(
            &mut *out,
            &Record {
                id: &slot.id,
                title: &slot.title,
                date: &date,
                source: outlet,
                text: &slot.text,
            },
        )?;
        out.write_all(b"\n")?;
        for r in &records {
            serde_json::to_writer(&mut *truth, r)?;
            truth.write_all(b"\n")?;
            *self.summary.planted.entry(r.kind).or_insert(0) += 1;
        }
        self.summary.articles += 1;
        self.summary.text_bytes += slot.text.len() as u64;
        self.summary.words += slot.text.split_whitespace().count() as u64;
        self.window.push_back(slot);
        if self.window.len() > self.config.window {
            self.window.pop_front();
        }
        Ok(())
    }

    /// Copies a whole pristine article from the window with light edits: `(title, text,
    /// source side)`. Closes the source.
    fn near_duplicate(&mut self, rng: &mut Rng) -> Option<(String, String, Side)> {
        for _ in 0..12 {
            let k = rng.below(self.window.len());
            let slot = self.window.get_mut(k)?;
            if !slot.pristine || slot.closed {
                continue;
            }
            slot.closed = true;
            slot.pristine = false;
            let paragraphs: Vec<&str> = slot.text.split("\n\n").collect();
            let drop = (paragraphs.len() >= 4 && rng.chance(0.3))
                .then(|| rng.range(1, paragraphs.len() - 1));
            let mut text = String::new();
            for (p, para) in paragraphs.iter().enumerate() {
                if Some(p) == drop {
                    continue;
                }
                let mut words: Vec<String> = para.split(' ').map(str::to_owned).collect();
                if rng.chance(0.7) {
                    edits::light_edit(&mut words, self.config.near_rate, self.model, rng);
                }
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                text.push_str(&words.join(" "));
            }
            let mut title: Vec<String> = slot.title.split(' ').map(str::to_owned).collect();
            edits::light_edit(&mut title, 0.1, self.model, rng);
            let source = Side {
                article: slot.id.clone(),
                start: 0,
                end: slot.text.len(),
            };
            return Some((title.join(" "), text, source));
        }
        None
    }

    /// Picks 30–150 words of untaken base sentences from an open article in the window and
    /// returns the planted text and its source side.
    fn passage(&mut self, kind: Kind, rng: &mut Rng) -> Option<(String, Side)> {
        let min_sentences = if kind == Kind::Reordered { 2 } else { 1 };
        for _ in 0..16 {
            let k = rng.below(self.window.len());
            let slot = self.window.get(k)?;
            if slot.closed || slot.sentences.is_empty() {
                continue;
            }
            let sents = &slot.sentences;
            let want = rng.range(30, 150);
            let s0 = rng.below(sents.len());
            let (mut e, mut words) = (s0, 0);
            // Consecutive base sentences with nothing planted between them.
            let adjacent = |e: usize| e == s0 || sents[e].start <= sents[e - 1].end + 2;
            while e < sents.len()
                && !sents[e].taken
                && adjacent(e)
                && e - s0 < 5
                && words + sents[e].words <= 150
            {
                words += sents[e].words;
                e += 1;
                if words >= want {
                    break;
                }
            }
            if words < 30 || e - s0 < min_sentences {
                continue;
            }
            let (start, end) = (sents[s0].start, sents[e - 1].end);
            let parts: Vec<&str> = sents[s0..e]
                .iter()
                .map(|s| &slot.text[s.start..s.end])
                .collect();
            let text = match kind {
                Kind::Light => {
                    edits::light_passage(&parts, self.config.light_rate, self.model, rng)
                }
                Kind::Reordered => edits::reorder(&parts, rng),
                Kind::Names => {
                    let joined = parts.join(" ");
                    if !edits::has_name(&joined) {
                        continue;
                    }
                    edits::misspell_names(&joined, rng).0
                }
                _ => slot.text[start..end].to_owned(),
            };
            let source = Side {
                article: slot.id.clone(),
                start,
                end,
            };
            let slot = self.window.get_mut(k)?;
            slot.pristine = false;
            for s in &mut slot.sentences[s0..e] {
                s.taken = true;
            }
            return Some((text, source));
        }
        None
    }
}

/// The files of a generated corpus in `dir`.
#[derive(Debug, Clone)]
pub struct Files {
    /// `articles.jsonl` (or `articles.jsonl.gz`).
    pub articles: PathBuf,
    /// `truth.jsonl`.
    pub truth: PathBuf,
    /// `manifest.json`: the configuration and the [`Summary`].
    pub manifest: PathBuf,
}

impl Files {
    /// The file names in `dir`.
    pub fn in_dir(dir: &Path, gzip: bool) -> Self {
        let name = if gzip {
            "articles.jsonl.gz"
        } else {
            "articles.jsonl"
        };
        Self {
            articles: dir.join(name),
            truth: dir.join("truth.jsonl"),
            manifest: dir.join("manifest.json"),
        }
    }
}

/// Generates into `dir` (created if needed): articles, truth and a manifest written last, so
/// that a manifest means a complete corpus.
///
/// # Errors
///
/// An I/O error.
pub fn generate_dir(model: &Model, config: &Config, dir: &Path, gzip: bool) -> io::Result<Summary> {
    std::fs::create_dir_all(dir)?;
    let files = Files::in_dir(dir, gzip);
    let _ = std::fs::remove_file(&files.manifest);
    let file = io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&files.articles)?);
    let mut truth = io::BufWriter::new(std::fs::File::create(&files.truth)?);
    let summary = if gzip {
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
        let s = generate(model, config, &mut gz, &mut truth)?;
        gz.finish()?.flush()?;
        s
    } else {
        let mut file = file;
        let s = generate(model, config, &mut file, &mut truth)?;
        file.flush()?;
        s
    };
    truth.flush()?;
    let manifest = serde_json::json!({
        "generator": env!("CARGO_PKG_VERSION"),
        "config": config,
        "summary": summary,
    });
    std::fs::write(&files.manifest, serde_json::to_vec_pretty(&manifest)?)?;
    Ok(summary)
}

/// The model to generate with: trained on the real corpora ([`crate::corpora_dir`]) when
/// `real` and they are present, else [`Model::builtin`].
pub fn load_model(real: bool, backoff: f64) -> Model {
    if real {
        let mut texts = Vec::new();
        let mut names = Vec::new();
        for name in ["bbc_news", "reuters21578"] {
            if let Some(bytes) = crate::corpus(name) {
                texts.extend(crate::texts(&bytes));
                names.push(name);
            }
        }
        if !texts.is_empty() {
            return Model::train(texts.iter().map(String::as_str), &names.join("+"), backoff);
        }
    }
    Model::builtin()
}

/// Parses an article count: `5000`, `1k`, `10k`, `1M` (`k` = 1,000, `M` = 1,000,000).
pub fn parse_count(s: &str) -> Option<usize> {
    let s = s.trim();
    let (digits, scale) = match s.chars().last()? {
        'k' | 'K' => (&s[..s.len() - 1], 1_000),
        'm' | 'M' => (&s[..s.len() - 1], 1_000_000),
        _ => (s, 1),
    };
    digits.parse::<usize>().ok()?.checked_mul(scale)
}

/// A short label for an article count (`1k`, `10k`, `1M`, `2500`).
pub fn count_label(n: usize) -> String {
    if n >= 1_000_000 && n.is_multiple_of(1_000_000) {
        format!("{}M", n / 1_000_000)
    } else if n >= 1000 && n.is_multiple_of(1000) {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(seed: u64) -> (Vec<u8>, Vec<u8>) {
        let model = Model::builtin();
        let mut config = Config::new(400, seed);
        config.rates = Rates {
            near_duplicate: 0.05,
            verbatim: 0.2,
            light: 0.2,
            reordered: 0.1,
            names: 0.1,
        };
        config.stock_members = 10;
        config.window = 50;
        let (mut a, mut t) = (Vec::new(), Vec::new());
        generate(&model, &config, &mut a, &mut t).unwrap();
        (a, t)
    }

    fn words(s: &str) -> Vec<&str> {
        let mut w: Vec<&str> = s.split_whitespace().collect();
        w.sort_unstable();
        w
    }

    #[test]
    fn same_seed_same_bytes() {
        assert_eq!(run(11), run(11));
        assert_ne!(run(11).0, run(12).0);
    }

    #[test]
    fn truth_offsets_slice_the_planted_text() {
        let (a, t) = run(3);
        let texts: HashMap<String, String> = a
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_slice(l).unwrap();
                (
                    v["id"].as_str().unwrap().to_owned(),
                    v["text"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(texts.len(), 400);
        let mut kinds = std::collections::BTreeSet::new();
        for line in t.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let p: Planted = serde_json::from_slice(line).unwrap();
            kinds.insert(p.kind);
            let src = texts[&p.source.article]
                .get(p.source.start..p.source.end)
                .unwrap();
            let dst = texts[&p.target.article]
                .get(p.target.start..p.target.end)
                .unwrap();
            assert_ne!(p.source.article, p.target.article);
            assert_eq!(p.words, dst.split_whitespace().count());
            assert!(!dst.starts_with(' ') && !dst.ends_with(' '), "{dst:?}");
            match p.kind {
                Kind::Verbatim | Kind::Stock => assert_eq!(src, dst),
                Kind::Reordered => {
                    assert_ne!(src, dst);
                    assert_eq!(words(src), words(dst));
                }
                Kind::Names => {
                    assert_ne!(src, dst);
                    assert_eq!(src.split_whitespace().count(), p.words);
                }
                Kind::Light | Kind::NearDuplicate => assert_ne!(src, dst),
            }
            if p.kind == Kind::NearDuplicate {
                assert_eq!((p.source.start, p.target.start), (0, 0));
                assert_eq!(dst.len(), texts[&p.target.article].len());
            } else if p.kind != Kind::Stock {
                assert!(
                    (30..=150).contains(&src.split_whitespace().count()),
                    "{src}"
                );
            }
        }
        assert_eq!(kinds.len(), Kind::ALL.len(), "{kinds:?}");
    }

    #[test]
    fn articles_look_like_news() {
        let (a, _) = run(5);
        for line in a.split(|&b| b == b'\n').filter(|l| !l.is_empty()).take(50) {
            let v: serde_json::Value = serde_json::from_slice(line).unwrap();
            let text = v["text"].as_str().unwrap();
            let n = text.split_whitespace().count();
            assert!((150..=1200).contains(&n), "{n}");
            assert!(text.contains("\n\n") && !text.contains("\n\n\n"));
            for key in ["id", "title", "date", "source"] {
                assert!(v[key].is_string(), "{key}");
            }
        }
    }

    #[test]
    fn counts_parse() {
        assert_eq!(parse_count("1k"), Some(1000));
        assert_eq!(parse_count("1M"), Some(1_000_000));
        assert_eq!(parse_count("250"), Some(250));
        assert_eq!(parse_count("x"), None);
        assert_eq!(count_label(10_000), "10k");
        assert_eq!(count_label(1_000_000), "1M");
    }

    #[test]
    fn dir_output_has_manifest_and_gzip_roundtrips() {
        let dir = std::env::temp_dir().join(format!("newsdiff-gen-test-{}", std::process::id()));
        let model = Model::builtin();
        let config = Config::new(30, 1);
        generate_dir(&model, &config, &dir, true).unwrap();
        let files = Files::in_dir(&dir, true);
        assert!(files.manifest.exists());
        let report = crate::shingles::measure(
            &files.articles,
            &crate::truth::read(&files.truth).unwrap(),
            1,
        )
        .unwrap();
        assert_eq!(report.articles, 30);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
