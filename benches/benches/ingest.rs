//! Reader throughput: JSON Lines (plain and gzip), CSV, TSV and plain text, in bytes per
//! second, beside a baseline that only parses each JSON line and takes its text (the JSON
//! half of the read+tokenize floor), measured in the same run.
#![allow(clippy::unwrap_used, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsdiff_bench::{corpus, corpus_gz, seeds_dir};
use newsdiff_ingest::{Format, Reader};
use std::hint::black_box;

/// The same records as CSV (or TSV), written with the csv crate at bench time.
fn to_table(jsonl: &[u8], delimiter: u8) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    w.write_record(["id", "title", "text"]).unwrap();
    for line in jsonl.split(|&b| b == b'\n') {
        let Ok(v) = serde_json::from_slice::<serde_json::Value>(line) else {
            continue;
        };
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_owned();
        w.write_record([s("id"), s("title"), s("text")]).unwrap();
    }
    w.into_inner().unwrap()
}

fn bench(c: &mut Criterion) {
    let reader = Reader::new();
    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    for name in ["reuters21578", "bbc_news"] {
        let Some(jsonl) = corpus(name) else { continue };
        g.throughput(Throughput::Bytes(jsonl.len() as u64));
        g.bench_function(format!("baseline-json-parse/{name}"), |b| {
            b.iter(|| {
                let mut n = 0usize;
                for line in jsonl.split(|&b| b == b'\n') {
                    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(line) {
                        n += v["text"].as_str().map_or(0, str::len);
                    }
                }
                black_box(n)
            })
        });
        g.bench_function(format!("jsonl/{name}"), |b| {
            b.iter(|| {
                black_box(
                    reader
                        .read_bytes("c.jsonl", &jsonl, Format::Jsonl)
                        .unwrap()
                        .len(),
                )
            })
        });
        let gz = corpus_gz(name).unwrap();
        g.bench_function(format!("jsonl-gz/{name}"), |b| {
            b.iter(|| {
                black_box(
                    reader
                        .read_bytes("c.jsonl.gz", &gz, Format::Jsonl)
                        .unwrap()
                        .len(),
                )
            })
        });
        let csv = to_table(&jsonl, b',');
        g.throughput(Throughput::Bytes(csv.len() as u64));
        g.bench_function(format!("csv/{name}"), |b| {
            b.iter(|| black_box(reader.read_bytes("c.csv", &csv, Format::Csv).unwrap().len()))
        });
        let tsv = to_table(&jsonl, b'\t');
        g.throughput(Throughput::Bytes(tsv.len() as u64));
        g.bench_function(format!("tsv/{name}"), |b| {
            b.iter(|| black_box(reader.read_bytes("c.tsv", &tsv, Format::Tsv).unwrap().len()))
        });
    }
    let seeds: Vec<Vec<u8>> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    g.throughput(Throughput::Bytes(
        seeds.iter().map(|s| s.len() as u64).sum(),
    ));
    g.bench_function("text/seeds", |b| {
        b.iter(|| {
            seeds
                .iter()
                .map(|s| reader.read_bytes("s.txt", s, Format::Text).unwrap().len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
