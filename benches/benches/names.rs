//! `names`: mention extraction and clustering throughput on synthetic articles (templated in
//! the bench: invented people with spelling variants, roles, fillers), 10 k and 100 k articles.
//!
//! The people grow with the corpus (one per 8 articles, family names of four syllables, so
//! the distinct names grow too: a quadratic step in clustering would show). Three
//! measurements per size, to be read as ratios: `tokenize` (the sentence split and
//! tokenization of every article, the floor any name finder pays), `exact` (names with
//! fuzzy merging off: extraction, in-article aliasing, exact clusters) and `run` (everything;
//! `run − exact` is the variant clustering). Throughput is in mentions.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsdiff_normalize::names::{NameDoc, Names};
use newsdiff_normalize::{split_sentences, tokenize};
use rayon::prelude::*;

const GIVEN: &[&str] = &[
    "Anna", "Boris", "Karen", "Victor", "Elena", "Paul", "Maria", "Omar", "Lena", "Hugo",
];
const SYLL: &[&str] = &[
    "ka", "ro", "mi", "sen", "tal", "vik", "lo", "dar", "nes", "bu", "zer",
];
const ROLES: &[&str] = &[
    "Finance Minister",
    "Trade Minister",
    "Commerce Secretary",
    "Energy Minister",
];

/// A tiny deterministic generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn family(i: usize, variant: usize) -> String {
    let a = SYLL[i % SYLL.len()];
    let b = SYLL[(i / SYLL.len()) % SYLL.len()];
    let c = SYLL[(i / 121) % SYLL.len()];
    let d = SYLL[(i / 1331) % SYLL.len()];
    let mut s = format!("{a}{b}{c}{d}");
    if variant == 1 {
        s = s.replacen('e', "a", 1);
    } else if variant == 2 {
        s = s.replacen('r', "l", 1);
    }
    let mut ch = s.chars();
    ch.next()
        .map(|f| f.to_uppercase().collect::<String>() + ch.as_str())
        .unwrap_or_default()
}

fn corpus(n: usize) -> Vec<String> {
    let people = (n / 8).max(50);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|_| {
            let mut t = String::new();
            for _ in 0..3 {
                let p = rng.next(people);
                let fam = family(p, rng.next(4).min(2));
                let given = GIVEN[p % GIVEN.len()];
                match rng.next(4) {
                    0 => t += &format!("{} {given} {fam} said the talks went well. ", ROLES[p % 4]),
                    1 => t += &format!("{fam} told reporters that nothing was agreed. "),
                    2 => t += &format!("{given} {fam}, the {}, arrived in Geneva. ", ROLES[p % 4]),
                    _ => {
                        t += &format!("Markets in London rose. According to {fam}, it was close. ")
                    }
                }
            }
            t
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("names");
    g.sample_size(10);
    for n in [10_000usize, 100_000] {
        let texts = corpus(n);
        let ids: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
        let docs: Vec<NameDoc<'_>> = ids
            .iter()
            .zip(&texts)
            .map(|(i, t)| NameDoc::new(i, t))
            .collect();
        let mentions = Names::new().run(&docs).mention_count() as u64;
        g.throughput(Throughput::Elements(mentions));
        g.bench_function(format!("tokenize_{n}_articles"), |b| {
            b.iter(|| {
                // in parallel, as `run` is
                let tokens: usize = texts
                    .par_iter()
                    .map(|t| {
                        split_sentences(t)
                            .into_iter()
                            .map(|s| tokenize(&t[s.span]).count())
                            .sum::<usize>()
                    })
                    .sum();
                black_box(tokens)
            })
        });
        g.bench_function(format!("run_{n}_articles"), |b| {
            b.iter(|| black_box(Names::new().run(black_box(&docs))))
        });
        g.bench_function(format!("exact_{n}_articles"), |b| {
            b.iter(|| black_box(Names::new().fuzzy(false).run(black_box(&docs))))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
