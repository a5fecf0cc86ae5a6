//! Throughput of `newsdiff-normalize`: normalization, tokens + sentences, and content terms,
//! against a `split_whitespace` + `to_lowercase` baseline over the same text.
//!
//! Text comes from the research corpora (`reuters21578`, `bbc_news`, JSON lines, gzip, field
//! `text`), read at bench time from `$NEWSDIFF_CORPORA` or `<workspace>/../shared/corpora`;
//! when they are absent the bundled `corpus/seeds` are used instead. Run:
//!
//! ```text
//! cargo bench -p newsdiff-bench --bench normalize -- --warm-up-time 1 --measurement-time 3
//! ```
#![allow(clippy::print_stderr, clippy::unwrap_used)]

use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsdiff_normalize::{Analyzer, Normalizer, split_sentences};

/// Bytes of article text taken from each corpus (keeps a run short).
const BUDGET: usize = 2 << 20;

fn corpora_dir() -> PathBuf {
    std::env::var_os("NEWSDIFF_CORPORA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpora"))
}

fn read_jsonl_gz(path: &Path) -> Option<Vec<String>> {
    let file = std::fs::File::open(path).ok()?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut docs = Vec::new();
    let mut total = 0;
    for line in reader.lines() {
        let value: serde_json::Value = serde_json::from_str(&line.ok()?).ok()?;
        if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
            total += text.len();
            docs.push(text.to_owned());
        }
        if total >= BUDGET {
            break;
        }
    }
    Some(docs)
}

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn inputs() -> Vec<(String, Vec<String>)> {
    let dir = corpora_dir();
    let mut out = Vec::new();
    for name in ["reuters21578", "bbc_news"] {
        let path = dir.join(name).join("documents.jsonl.gz");
        match read_jsonl_gz(&path) {
            Some(docs) if !docs.is_empty() => out.push((name.to_owned(), docs)),
            _ => eprintln!(
                "note: {} not found (set NEWSDIFF_CORPORA); skipping {name}",
                path.display()
            ),
        }
    }
    if out.is_empty() {
        eprintln!("note: no research corpora; benchmarking the bundled corpus/seeds instead");
        out.push(("seeds".to_owned(), seeds()));
    }
    out
}

fn bench(c: &mut Criterion) {
    let normalizer = Normalizer::default();
    let analyzer = Analyzer::new();
    for (name, docs) in inputs() {
        let bytes: usize = docs.iter().map(String::len).sum();
        let words: usize = docs.iter().map(|d| d.split_whitespace().count()).sum();
        eprintln!(
            "{name}: {} documents, {bytes} bytes, {words} whitespace tokens",
            docs.len()
        );
        let mut g = c.benchmark_group(format!("normalize/{name}"));
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("baseline_split_whitespace_lowercase", |b| {
            b.iter(|| {
                let mut n = 0;
                for d in &docs {
                    for w in d.split_whitespace() {
                        n += black_box(w.to_lowercase()).len();
                    }
                }
                n
            })
        });
        g.bench_function("normalize", |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| black_box(normalizer.normalize(d)).text.len())
                    .sum::<usize>()
            })
        });
        g.bench_function("tokens_and_sentences", |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| {
                        black_box(normalizer.normalize(d).tokens()).len()
                            + black_box(split_sentences(d)).len()
                    })
                    .sum::<usize>()
            })
        });
        g.bench_function("content_terms", |b| {
            b.iter(|| {
                docs.iter()
                    .map(|d| black_box(analyzer.analyze(d)).terms.len())
                    .sum::<usize>()
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
