//! One criterion bench per stage of the overlap search, each timed alone on the output of the
//! stage before it (`newsdiff_diff::stages`, a hidden, unstable module for these benches),
//! beside the whole search (`Finder::find`) measured in the same run, so that each stage's
//! share of the search can be read as a ratio.
//!
//! Stages: `read` (the reader, on the input's bytes), `names` (person-name clustering and
//! keys, as `newsdiff overlaps --names auto` runs it up to 20 k articles; not part of the
//! `search` measured here, which has names off), `prepare` (units and their term lists: the
//! fingerprints), `weigh` (rarity), `index` (the candidate indexes), `pairs` (listing every
//! candidate pair from the index), `verify` (listing them again and keeping the sentence
//! matches: `verify − pairs` is the test itself), `align` (passages and their term-overlap
//! bound), `word_diff` (the word diff and score of every remaining passage, in the search's
//! batches), `report` (the overlaps and groups as `newsdiff overlaps --format jsonl`
//! records, serde_json; the CLI has no library target, so its text, CSV and HTML renderers
//! are out of reach). Throughput is in bytes of article text, except `read` (bytes read) and
//! `report` (bytes written).
//!
//! Inputs: the samples (`corpus/seeds`), the BBC corpus (`bbc_news` under
//! `$NEWSDIFF_CORPORA` or `../shared/corpora`, read at bench time, never committed) and a
//! generated 10 k corpus (`$NEWSDIFF_GEN_CORPUS`, default
//! `target/newsdiff-scale/gen-10k-seed1-corpora/articles.jsonl`, written by
//! `newsdiff-gen --articles 10k --seed 1`); an absent corpus is skipped with a note. Run:
//!
//! ```text
//! cargo bench -p newsdiff-bench --bench stages -- --warm-up-time 1 --measurement-time 2
//! cargo bench -p newsdiff-bench --bench stages -- /bbc     # one input
//! ```
#![allow(clippy::unwrap_used, clippy::print_stderr, missing_docs)]

use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use newsdiff_bench::{corpus, seeds_dir};
use newsdiff_diff::{Finder, NameKeys, Overlaps, stages};
use newsdiff_ingest::{Article, Format, Reader};

/// An input: its name, how to read it, and its articles.
struct Input {
    name: &'static str,
    read: Box<dyn Fn() -> Vec<Article>>,
    read_bytes: u64,
    articles: Vec<Article>,
}

/// The generated corpus: `$NEWSDIFF_GEN_CORPUS`, else the scale harness's 10 k default.
fn generated_path() -> PathBuf {
    std::env::var_os("NEWSDIFF_GEN_CORPUS").map_or_else(
        || {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../target/newsdiff-scale/gen-10k-seed1-corpora/articles.jsonl"
            ))
        },
        PathBuf::from,
    )
}

fn jsonl_input(name: &'static str, jsonl: Vec<u8>) -> Input {
    let read_bytes = jsonl.len() as u64;
    let read = move || {
        Reader::new()
            .read_bytes("input.jsonl", &jsonl, Format::Jsonl)
            .unwrap()
    };
    let articles = read();
    Input {
        name,
        read: Box::new(read),
        read_bytes,
        articles,
    }
}

fn inputs() -> Vec<Input> {
    let mut out = Vec::new();
    let seeds = seeds_dir();
    let read_seeds = move || Reader::new().read_paths(&[&seeds]).unwrap().articles;
    let articles = read_seeds();
    let read_bytes = std::fs::read_dir(seeds_dir())
        .unwrap()
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    out.push(Input {
        name: "seeds",
        read: Box::new(read_seeds),
        read_bytes,
        articles,
    });
    if let Some(jsonl) = corpus("bbc_news") {
        out.push(jsonl_input("bbc", jsonl));
    }
    let generated = generated_path();
    match std::fs::read(&generated) {
        Ok(jsonl) => out.push(jsonl_input("gen-10k", jsonl)),
        Err(_) => eprintln!(
            "note: generated corpus {} not found (set NEWSDIFF_GEN_CORPUS, or see \
             benches/README.md for newsdiff-gen); skipping it",
            generated.display()
        ),
    }
    out
}

/// The overlaps and groups as `newsdiff overlaps --format jsonl` writes them: one
/// `{"type": …, "data": …}` record a line (the meta record left out).
fn write_jsonl(out: &mut Vec<u8>, found: &Overlaps) {
    #[derive(serde::Serialize)]
    struct Envelope<'a, T> {
        r#type: &'a str,
        data: &'a T,
    }
    for o in &found.overlaps {
        serde_json::to_writer(
            &mut *out,
            &Envelope {
                r#type: "overlap",
                data: o,
            },
        )
        .unwrap();
        out.write_all(b"\n").unwrap();
    }
    for g in &found.groups {
        serde_json::to_writer(
            &mut *out,
            &Envelope {
                r#type: "group",
                data: g,
            },
        )
        .unwrap();
        out.write_all(b"\n").unwrap();
    }
}

fn bench_input(g: &mut BenchmarkGroup<'_, WallTime>, input: &Input) {
    let (name, articles) = (input.name, &input.articles);
    let finder = Finder::new();
    let bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();

    // What each stage hands the next, computed once, with the sizes worth knowing.
    let p = stages::prepare(&finder, articles);
    let w = stages::weigh(&p);
    let idx = stages::index(&p, &w);
    let m = stages::verify(&p, &w, &idx);
    let al = stages::align(&p, &w, &m);
    let found = finder.find(articles);
    assert_eq!(
        stages::word_diff(&p, &w, &al),
        found.overlaps,
        "{name}: the chained stages no longer find what the search finds"
    );
    let mut jsonl = Vec::new();
    write_jsonl(&mut jsonl, &found);
    eprintln!(
        "{name}: {} articles, {bytes} bytes of text, {} units, {} unit terms, {} candidate \
         pairs, {} groups, {} sentence matches in {} article pairs, {} passages to diff, {} \
         overlaps, {} groups, {} bytes of JSONL",
        p.articles(),
        p.units(),
        p.term_occurrences(),
        idx.pairs(),
        idx.groups(),
        m.len(),
        al.article_pairs(),
        al.len(),
        found.overlaps.len(),
        found.groups.len(),
        jsonl.len(),
    );

    g.throughput(Throughput::Bytes(input.read_bytes));
    g.bench_function(format!("read/{name}"), |b| {
        b.iter(|| black_box((input.read)().len()))
    });
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function(format!("search/{name}"), |b| {
        b.iter(|| black_box(stages::search(&finder, articles)))
    });
    g.bench_function(format!("names/{name}"), |b| {
        b.iter(|| black_box(NameKeys::of_articles(articles)))
    });
    g.bench_function(format!("prepare/{name}"), |b| {
        b.iter(|| black_box(stages::prepare(&finder, articles).units()))
    });
    g.bench_function(format!("weigh/{name}"), |b| {
        b.iter(|| black_box(stages::weigh(&p)))
    });
    g.bench_function(format!("index/{name}"), |b| {
        b.iter(|| black_box(stages::index(&p, &w).groups()))
    });
    g.bench_function(format!("pairs/{name}"), |b| {
        b.iter(|| black_box(idx.pairs()))
    });
    g.bench_function(format!("verify/{name}"), |b| {
        b.iter(|| black_box(stages::verify(&p, &w, &idx).len()))
    });
    g.bench_function(format!("align/{name}"), |b| {
        b.iter(|| black_box(stages::align(&p, &w, &m).len()))
    });
    g.bench_function(format!("word_diff/{name}"), |b| {
        b.iter(|| black_box(stages::word_diff(&p, &w, &al).len()))
    });
    g.throughput(Throughput::Bytes(jsonl.len() as u64));
    g.bench_function(format!("report/{name}"), |b| {
        let mut out = Vec::with_capacity(jsonl.len());
        b.iter(|| {
            out.clear();
            write_jsonl(&mut out, &found);
            black_box(out.len())
        })
    });
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("stages");
    g.sample_size(10);
    for input in inputs() {
        bench_input(&mut g, &input);
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
