//! Overlap search throughput: the whole search on the samples and on the BBC corpus (when
//! present), and the word diff of one passage pair, beside the read+tokenize floor of the same
//! text (JSON parse, lowercase, split on non-alphanumerics) measured in the same run.
#![allow(clippy::unwrap_used, missing_docs)]

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsdiff_bench::{corpus, seeds_dir};
use newsdiff_diff::{DiffSide, Finder, word_diff};
use newsdiff_ingest::{Format, Reader};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("overlaps");
    g.sample_size(10);
    let seeds = Reader::new().read_paths(&[seeds_dir()]).unwrap().articles;
    let bytes: u64 = seeds.iter().map(|a| a.text.len() as u64).sum();
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("find/seeds", |b| {
        b.iter(|| black_box(Finder::new().find(&seeds).overlaps.len()))
    });
    if let Some(jsonl) = corpus("bbc_news") {
        let articles = Reader::new()
            .read_bytes("bbc.jsonl", &jsonl, Format::Jsonl)
            .unwrap();
        g.throughput(Throughput::Bytes(jsonl.len() as u64));
        g.bench_function("floor/bbc", |b| {
            b.iter(|| {
                let mut words = 0usize;
                for line in jsonl.split(|&x| x == b'\n') {
                    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(line) {
                        let t = v["text"].as_str().unwrap_or("").to_lowercase();
                        words += t
                            .split(|ch: char| !ch.is_alphanumeric())
                            .filter(|w| !w.is_empty())
                            .count();
                    }
                }
                black_box(words)
            })
        });
        g.bench_function("find/bbc", |b| {
            b.iter(|| black_box(Finder::new().find(&articles).overlaps.len()))
        });
    }
    let a = "If there were any doubt about the details that remain to be filled in, Commerce Secretary Howard Lutnick described what had been achieved in two long days of negotiations as a handshake for a framework. With 55% tariffs still in place on Chinese exports and 60 days left on a 90-day suspension of even higher levels, the talks will need to accelerate dramatically.";
    let bb = "If there was any doubt about details still to be filled in, Commerce Secretary Lutnick called what had been achieved in two days of talks a handshake for a framework. With 50% tariffs still in place on Chinese exports and 60 days left on a 90-day pause of higher levels, the talks must accelerate dramatically.";
    g.throughput(Throughput::Bytes((a.len() + bb.len()) as u64));
    g.bench_function("word_diff/sentence-pair", |b| {
        b.iter(|| {
            let d = word_diff(&DiffSide::whole(a, &[]), &DiffSide::whole(bb, &[]));
            black_box(d.ops.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
