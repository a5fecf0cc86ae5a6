//! `newsdiff-gen`: writes a seeded synthetic news corpus with planted reuse and its truth file.
//!
//! ```sh
//! newsdiff-gen --articles 10k --seed 1 --out target/gen/10k          # articles.jsonl, truth.jsonl, manifest.json
//! newsdiff-gen --articles 1M --gzip --out /tmp/1m --measure           # also count accidental 8-word shingles
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;
use newsdiff_bench::generate::{self, Config, Files, parse_count};
use newsdiff_bench::{shingles, truth};

/// Generate a synthetic news corpus with planted passages of known extent.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    /// Number of articles (`1000`, `10k`, `1M`).
    #[arg(long, default_value = "1k", value_parser = count)]
    articles: usize,
    /// Seed; the same seed (and model) gives byte-identical output.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output directory.
    #[arg(long)]
    out: PathBuf,
    /// Gzip the articles (`articles.jsonl.gz`).
    #[arg(long)]
    gzip: bool,
    /// Word model: `corpora` (trained on ../shared/corpora or NEWSDIFF_CORPORA, falling back to
    /// the built-in grammar when absent) or `builtin`.
    #[arg(long, default_value = "corpora")]
    model: String,
    /// Probability of a unigram (instead of bigram) draw per word.
    #[arg(long, default_value_t = 0.25)]
    backoff: f64,
    /// Articles per stock paragraph (default max(3, articles / 1000)).
    #[arg(long)]
    stock_members: Option<usize>,
    /// Number of stock paragraphs.
    #[arg(long, default_value_t = 3)]
    stock_groups: usize,
    /// Also measure accidental overlap (shared 8-word shingles between unrelated articles).
    #[arg(long)]
    measure: bool,
    /// Do not generate: measure the corpus already in `--out` (implies `--measure`).
    #[arg(long)]
    existing: bool,
    /// Keep one shingle in N when measuring (default: 1 up to 100k articles, else 16).
    #[arg(long)]
    sample: Option<u64>,
}

fn count(s: &str) -> Result<usize, String> {
    parse_count(s).ok_or_else(|| format!("not an article count: {s}"))
}

fn main() -> Result<()> {
    let args = Args::parse();
    if args.existing {
        return measure(&args, &Files::in_dir(&args.out, args.gzip));
    }
    let t = Instant::now();
    let model = generate::load_model(args.model == "corpora", args.backoff);
    eprintln!(
        "model: {} ({} words, {} capitalised) in {:.1}s",
        model.source(),
        model.vocabulary(),
        model.capitalised(),
        t.elapsed().as_secs_f64()
    );
    let mut config = Config::new(args.articles, args.seed);
    config.stock_groups = args.stock_groups;
    if let Some(m) = args.stock_members {
        config.stock_members = m;
    }
    let t = Instant::now();
    let summary = generate::generate_dir(&model, &config, &args.out, args.gzip)
        .with_context(|| format!("writing {}", args.out.display()))?;
    let files = Files::in_dir(&args.out, args.gzip);
    let size = std::fs::metadata(&files.articles).map_or(0, |m| m.len());
    println!(
        "{} articles, {} words, {:.1} MB text, {:.1} MB file, in {:.1}s",
        summary.articles,
        summary.words,
        summary.text_bytes as f64 / 1e6,
        size as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    for (kind, n) in &summary.planted {
        println!("  {:<15} {n}", kind.as_str());
    }
    if args.measure {
        measure(&args, &files)?;
    }
    Ok(())
}

fn measure(args: &Args, files: &Files) -> Result<()> {
    let t = Instant::now();
    let sample = args
        .sample
        .unwrap_or(if args.articles > 100_000 { 16 } else { 1 });
    let planted = truth::read(&files.truth)?;
    let r = shingles::measure(&files.articles, &planted, sample)?;
    println!(
        "accidental overlap (1 in {} shingles): {} shared by unrelated articles ({} pairs), {} only by planted pairs, of {} shingles in {} articles; {:.1}s",
        r.sample,
        r.shared_unrelated,
        r.unrelated_pairs,
        r.shared_related,
        r.shingles,
        r.articles,
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
