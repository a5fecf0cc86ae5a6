//! Measures accidental reuse in a generated corpus: 8-word shingles shared by articles that
//! no planted passage links.
//!
//! Words are the floor's (lowercase, split at non-alphanumeric characters). Shingles are
//! hashed and, to bound memory at a million articles, only those whose hash is divisible by
//! `sample` are kept; the counts are of that sample.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::path::Path;

use serde::Serialize;

use crate::rng::mix;
use crate::truth::{Kind, Planted};

/// Shingle length in words.
pub const SHINGLE: usize = 8;

/// The measurement.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// One shingle in `sample` was kept.
    pub sample: u64,
    /// Articles read.
    pub articles: usize,
    /// Shingles kept (all articles).
    pub shingles: u64,
    /// Distinct kept shingles found in two or more articles of which some two are unrelated.
    pub shared_unrelated: u64,
    /// Distinct unrelated article pairs sharing a kept shingle.
    pub unrelated_pairs: u64,
    /// Distinct kept shingles shared only by related articles (the planted reuse).
    pub shared_related: u64,
}

fn word_hash(w: &str) -> u64 {
    // FNV-1a, then mixed.
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in w.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    }
    mix(h)
}

/// The sampled 8-word shingle hashes of `text`.
pub fn shingles(text: &str, sample: u64, out: &mut Vec<u64>) {
    let lower = text.to_lowercase();
    let words: Vec<u64> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    for w in words.windows(SHINGLE) {
        let h = w.iter().fold(0u64, |acc, &x| mix(acc.rotate_left(5) ^ x));
        if h.is_multiple_of(sample) {
            out.push(h);
        }
    }
}

/// Reads the JSON Lines articles (optionally gzip) and measures against `truth`.
///
/// # Errors
///
/// An I/O error or an unreadable line.
pub fn measure(articles: &Path, truth: &[Planted], sample: u64) -> std::io::Result<Report> {
    let sample = sample.max(1);
    let reader = crate::open_lines(articles)?;
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut keyed: Vec<(u64, u32)> = Vec::new();
    let mut buf = Vec::new();
    for line in reader.lines() {
        let line = line?;
        if line.is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let n = ids.len() as u32;
        let id = v["id"].as_str().unwrap_or_default().to_owned();
        ids.insert(id, n);
        buf.clear();
        shingles(v["text"].as_str().unwrap_or_default(), sample, &mut buf);
        buf.sort_unstable();
        buf.dedup();
        keyed.extend(buf.iter().map(|&h| (h, n)));
    }
    let index = |s: &str| ids.get(s).copied();
    let mut related: HashSet<(u32, u32)> = HashSet::new();
    let mut stock: HashMap<u32, u32> = HashMap::new();
    let mut stock_of: HashMap<(String, usize), u32> = HashMap::new();
    for p in truth {
        let (Some(a), Some(b)) = (index(&p.source.article), index(&p.target.article)) else {
            continue;
        };
        if p.kind == Kind::Stock {
            let next = stock_of.len() as u32;
            let g = *stock_of
                .entry((p.source.article.clone(), p.source.start))
                .or_insert(next);
            stock.insert(a, g);
            stock.insert(b, g);
        }
        related.insert((a.min(b), a.max(b)));
    }
    let mut report = Report {
        sample,
        articles: ids.len(),
        shingles: keyed.len() as u64,
        ..Report::default()
    };
    keyed.sort_unstable();
    let mut pairs: HashSet<(u32, u32)> = HashSet::new();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 2 {
            continue;
        }
        let members: Vec<u32> = group.iter().map(|g| g.1).take(64).collect();
        let mut unrelated = false;
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                let same_stock = stock.get(&a).is_some_and(|g| stock.get(&b) == Some(g));
                if !same_stock && !related.contains(&(a.min(b), a.max(b))) {
                    unrelated = true;
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
        if unrelated {
            report.shared_unrelated += 1;
        } else {
            report.shared_related += 1;
        }
    }
    report.unrelated_pairs = pairs.len() as u64;
    Ok(report)
}
