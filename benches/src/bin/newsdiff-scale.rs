//! `newsdiff-scale`: the scale harness. Generates (or reuses) corpora of 1k–1M articles,
//! runs the read+tokenize floor and the pipeline stages (read, normalize, overlaps) on each
//! in the same run, and prints one table (and `--json FILE`) with wall and CPU time, peak
//! RSS, throughput, the ratio to the floor and the planted-passage recall and precision.
//!
//! ```sh
//! cargo run --release -p newsdiff-bench --bin newsdiff-scale -- --quick
//! cargo run --release -p newsdiff-bench --bin newsdiff-scale -- --sizes 100k,1M --real --json scale.json
//! cargo run --release -p newsdiff-bench --bin newsdiff-scale -- --quick --binary target/release/newsdiff
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::Parser;
use newsdiff_bench::generate::{self, Config, Files, Model, count_label, parse_count};
use newsdiff_bench::measure::{self, Cost};
use newsdiff_bench::overlaps::{self, Reported};
use newsdiff_bench::{eval, floor, truth};
use newsdiff_ingest::{Article, Reader};
use newsdiff_normalize::Analyzer;
use rayon::prelude::*;
use serde::Serialize;

/// Time the newsdiff pipeline on generated and real corpora against the read+tokenize floor.
#[derive(Parser, Debug)]
#[command(version)]
struct Args {
    /// Corpus sizes, comma-separated (`1k,10k,100k,1M`).
    #[arg(long, default_value = "1k,10k,100k,1M")]
    sizes: String,
    /// Only 1k and 10k (a CI-sized check).
    #[arg(long)]
    quick: bool,
    /// Scratch directory for generated corpora and outputs.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/newsdiff-scale"))]
    work: PathBuf,
    /// Generator seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Word model for generation: `corpora` (falls back to `builtin` when absent) or `builtin`.
    #[arg(long, default_value = "corpora")]
    model: String,
    /// Regenerate corpora even when cached.
    #[arg(long)]
    regenerate: bool,
    /// Also run on the real corpora (../shared/corpora or NEWSDIFF_CORPORA).
    #[arg(long)]
    real: bool,
    /// Run overlaps as `BIN overlaps --format jsonl FILE` instead of in process.
    #[arg(long, value_name = "BIN")]
    binary: Option<PathBuf>,
    /// The floor program (../shared/tools/floor built with `cargo build --release`); default
    /// `target/floor/release/floor` when it exists. The in-process floor always runs.
    #[arg(long, value_name = "BIN")]
    floor_bin: Option<PathBuf>,
    /// Also write the results as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
}

/// One corpus to measure.
struct Input {
    label: String,
    path: PathBuf,
    truth: Option<PathBuf>,
    duplicates: Option<String>,
    generation: Option<serde_json::Value>,
}

#[derive(Serialize)]
struct Stage {
    stage: &'static str,
    #[serde(flatten)]
    cost: Cost,
    articles_per_s: f64,
    mb_per_s: f64,
    ratio_to_floor: f64,
}

#[derive(Serialize)]
struct Run {
    corpus: String,
    path: PathBuf,
    articles: usize,
    mb: f64,
    generation: Option<serde_json::Value>,
    stages: Vec<Stage>,
    overlaps: serde_json::Value,
}

fn main() -> Result<()> {
    let args = Args::parse();
    std::fs::create_dir_all(&args.work)
        .with_context(|| format!("creating {}", args.work.display()))?;
    let sizes: Vec<usize> = if args.quick {
        vec![1_000, 10_000]
    } else {
        args.sizes
            .split(',')
            .map(|s| parse_count(s).with_context(|| format!("not a size: {s}")))
            .collect::<Result<_>>()?
    };
    let floor_bin = args.floor_bin.clone().or_else(|| {
        let p = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../target/floor/release/floor"
        ));
        p.exists().then_some(p)
    });
    if let Some(bin) = &args.binary
        && !overlaps::binary_has_overlaps(bin)
    {
        bail!("{} has no `overlaps` subcommand", bin.display());
    }
    let mut model: Option<Model> = None;
    let mut runs = Vec::new();
    for &n in &sizes {
        let input = generated(&args, n, &mut model)?;
        runs.push(run(&args, &input, floor_bin.as_deref())?);
    }
    if args.real {
        match real(&args.work)? {
            Some(input) => runs.push(run(&args, &input, floor_bin.as_deref())?),
            None => eprintln!("note: real corpora not found (set NEWSDIFF_CORPORA); skipping"),
        }
    }
    print_table(&runs);
    if let Some(path) = &args.json {
        let doc = serde_json::json!({
            "date": today(),
            "command": std::env::args().collect::<Vec<_>>().join(" "),
            "machine": machine(),
            "runs": runs,
        });
        std::fs::write(path, serde_json::to_vec_pretty(&doc)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// The generated corpus of `n` articles, from the cache in the work directory or fresh.
fn generated(args: &Args, n: usize, model: &mut Option<Model>) -> Result<Input> {
    let label = count_label(n);
    let dir = args
        .work
        .join(format!("gen-{label}-seed{}-{}", args.seed, args.model));
    let files = Files::in_dir(&dir, false);
    let timing = dir.join("generation.json");
    if args.regenerate || !files.manifest.exists() {
        let model = model.get_or_insert_with(|| {
            eprintln!("training the word model…");
            generate::load_model(args.model == "corpora", 0.25)
        });
        eprintln!("generating {label} articles into {}…", dir.display());
        let t = Instant::now();
        let summary = generate::generate_dir(model, &Config::new(n, args.seed), &dir, false)
            .with_context(|| format!("generating into {}", dir.display()))?;
        let info = serde_json::json!({
            "seconds": t.elapsed().as_secs_f64(),
            "file_mb": file_mb(&files.articles),
            "summary": summary,
        });
        std::fs::write(&timing, serde_json::to_vec_pretty(&info)?)?;
    }
    let generation = std::fs::read(&timing)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    Ok(Input {
        label: format!("gen-{label}"),
        path: files.articles,
        truth: Some(files.truth),
        duplicates: None,
        generation,
    })
}

/// The real corpora decompressed into one JSON Lines file, and their duplicate pairs.
fn real(work: &Path) -> Result<Option<Input>> {
    let dir = newsdiff_bench::corpora_dir();
    let path = work.join("real.jsonl");
    let mut duplicates = String::from("id_a\tid_b\tlabel\ttext_a\ttext_b\n");
    let mut out = Vec::new();
    for name in ["bbc_news", "reuters21578"] {
        let Some(bytes) = newsdiff_bench::corpus(name) else {
            return Ok(None);
        };
        out.extend_from_slice(&bytes);
        if !out.ends_with(b"\n") {
            out.push(b'\n');
        }
        let tsv = std::fs::read_to_string(dir.join(name).join("derived_exact_duplicates.tsv"))
            .unwrap_or_default();
        for line in tsv.lines().skip(1) {
            duplicates.push_str(line);
            duplicates.push('\n');
        }
    }
    std::fs::write(&path, out).with_context(|| format!("writing {}", path.display()))?;
    Ok(Some(Input {
        label: "real".into(),
        path,
        truth: None,
        duplicates: Some(duplicates),
        generation: None,
    }))
}

fn file_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

fn run(args: &Args, input: &Input, floor_bin: Option<&Path>) -> Result<Run> {
    eprintln!("measuring {}…", input.label);
    let mb = file_mb(&input.path);
    let mut costs: Vec<(&'static str, Cost)> = Vec::new();
    let (words, cost) = measure::in_process(|| floor::words(&input.path));
    words.with_context(|| format!("floor on {}", input.path.display()))?;
    costs.push(("floor", cost));
    if let Some(bin) = floor_bin {
        let out = std::fs::File::create(args.work.join("floor.out"))?;
        let cost = measure::subprocess(std::process::Command::new(bin).arg(&input.path), out)
            .with_context(|| format!("running {}", bin.display()))?;
        costs.push(("floor (tools)", cost));
    }
    let (articles, cost) = measure::in_process(|| -> Result<Vec<Article>> {
        let mut v = Vec::new();
        Reader::new().read_each(&[&input.path], |a| {
            v.push(a);
            Ok(())
        })?;
        Ok(v)
    });
    let articles = articles.with_context(|| format!("reading {}", input.path.display()))?;
    costs.push(("read", cost));
    let analyzer = Analyzer::new();
    let (terms, cost) = measure::in_process(|| {
        articles
            .par_iter()
            .map(|a| analyzer.analyze(&a.text).terms.len())
            .sum::<usize>()
    });
    std::hint::black_box(terms);
    costs.push(("normalize", cost));
    let ids: HashMap<String, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    let reported: Option<Vec<Reported>> = if let Some(bin) = &args.binary {
        let out_path = args.work.join(format!("{}.overlaps.jsonl", input.label));
        let out = std::fs::File::create(&out_path)?;
        let mut cmd = std::process::Command::new(bin);
        cmd.args(["overlaps", "--format", "jsonl"]).arg(&input.path);
        let cost = measure::subprocess(&mut cmd, out)
            .with_context(|| format!("running {}", bin.display()))?;
        costs.push(("overlaps (binary)", cost));
        Some(overlaps::parse_jsonl(&out_path, &ids)?)
    } else {
        let (r, cost) = measure::in_process(|| overlaps::run_overlaps(&articles));
        if r.is_some() {
            costs.push(("overlaps", cost));
        }
        r
    };
    let n = articles.len();
    drop(articles);
    let floor_wall = costs
        .iter()
        .find(|c| c.0 == "floor (tools)")
        .or_else(|| costs.first())
        .map_or(0.0, |c| c.1.wall_s);
    let stages = costs
        .into_iter()
        .map(|(stage, cost)| Stage {
            stage,
            articles_per_s: n as f64 / cost.wall_s.max(1e-9),
            mb_per_s: mb / cost.wall_s.max(1e-9),
            ratio_to_floor: cost.wall_s / floor_wall.max(1e-9),
            cost,
        })
        .collect();
    let overlaps = match &reported {
        None => serde_json::json!({"wired": false}),
        Some(reported) => {
            let mut o = serde_json::json!({"wired": true, "pairs": reported.len()});
            if let Some(t) = &input.truth {
                let planted = truth::read(t)?;
                o["score"] = serde_json::to_value(eval::score(&planted, &ids, reported))?;
            }
            if let Some(tsv) = &input.duplicates {
                let (pairs, found) = eval::duplicate_recall(tsv, &ids, reported);
                o["duplicates"] = serde_json::json!({
                    "pairs": pairs,
                    "found": found,
                    "recall": found as f64 / pairs.max(1) as f64,
                });
            }
            o
        }
    };
    Ok(Run {
        corpus: input.label.clone(),
        path: input.path.clone(),
        articles: n,
        mb,
        generation: input.generation.clone(),
        stages,
        overlaps,
    })
}

fn print_table(runs: &[Run]) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "| corpus | stage | articles | MB | wall s | CPU s | peak RSS MB | articles/s | MB/s | × floor |"
    );
    let _ = writeln!(out, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    for r in runs {
        if let Some(g) = &r.generation {
            let _ = writeln!(
                out,
                "| {} | generate | {} | {:.1} | {:.1} | | | | | |",
                r.corpus,
                r.articles,
                g["file_mb"].as_f64().unwrap_or(0.0),
                g["seconds"].as_f64().unwrap_or(0.0),
            );
        }
        for s in &r.stages {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {:.1} | {:.2} | {:.2} | {:.0} | {:.0} | {:.1} | {:.2} |",
                r.corpus,
                s.stage,
                r.articles,
                r.mb,
                s.cost.wall_s,
                s.cost.cpu_s,
                s.cost.peak_rss_mb,
                s.articles_per_s,
                s.mb_per_s,
                s.ratio_to_floor
            );
        }
        if r.overlaps["wired"] == false {
            let _ = writeln!(out, "| {} | overlaps | not wired | | | | | | | |", r.corpus);
        }
    }
    for r in runs {
        if let Some(score) = r.overlaps.get("score") {
            let _ = write!(out, "\n{}: {} pairs;", r.corpus, r.overlaps["pairs"]);
            if let Some(kinds) = score["recall"].as_object() {
                for (k, v) in kinds {
                    let _ = write!(
                        out,
                        " {k} {:.3} ({}/{})",
                        v["recall"].as_f64().unwrap_or(0.0),
                        v["found"],
                        v["planted"]
                    );
                }
            }
            let _ = write!(
                out,
                "; precision {:.3}",
                score["precision"].as_f64().unwrap_or(0.0)
            );
        }
        if let Some(d) = r.overlaps.get("duplicates") {
            let _ = write!(
                out,
                "\n{}: exact-duplicate pairs found {}/{}",
                r.corpus, d["found"], d["pairs"]
            );
        }
    }
    let _ = writeln!(out);
}

/// Today's date (UTC), `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Howard Hinnant's civil_from_days.
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn machine() -> serde_json::Value {
    let cpus = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mem_kb = std::fs::read_to_string("/proc/meminfo").ok().and_then(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("MemTotal:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
    });
    let model = std::fs::read_to_string("/proc/cpuinfo").ok().and_then(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("model name"))
            .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
    });
    serde_json::json!({
        "cpus": cpus,
        "memory_gib": mem_kb.map(|k| k as f64 / 1_048_576.0),
        "cpu": model,
    })
}
