//! The overlaps stage of the scale harness.
//!
//! [`run_overlaps`] runs `newsdiff-diff` in process with its defaults (name matching off, as
//! `newsdiff overlaps --names auto` does above 20,000 articles); [`parse_jsonl`] reads what the
//! `newsdiff overlaps` binary writes, when the harness runs it instead (`--binary`).

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

use newsdiff_ingest::Article;

/// A reported passage shared by two articles: `(article_a, start_a, end_a, article_b,
/// start_b, end_b)`, articles as indexes into the slice given to [`run_overlaps`] (the
/// order of reading), offsets as byte ranges into each article's `text`, end exclusive.
pub type Reported = (usize, usize, usize, usize, usize, usize);

/// Finds the passages `articles` share with the default configuration: every reported
/// pair, groups expanded to pairs of members from different articles. Always `Some`.
pub fn run_overlaps(articles: &[Article]) -> Option<Vec<Reported>> {
    let index: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let found = newsdiff_diff::Finder::new().find(articles);
    let mut out = Vec::with_capacity(found.overlaps.len());
    for o in &found.overlaps {
        if let (Some(&a), Some(&b)) = (
            index.get(o.a.article.as_str()),
            index.get(o.b.article.as_str()),
        ) {
            out.push((a, o.a.start, o.a.end, b, o.b.start, o.b.end));
        }
    }
    for g in &found.groups {
        let members: Vec<(usize, usize, usize)> = g
            .members
            .iter()
            .filter_map(|m| index.get(m.article.as_str()).map(|&i| (i, m.start, m.end)))
            .collect();
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                if a.0 != b.0 {
                    out.push((a.0, a.1, a.2, b.0, b.1, b.2));
                }
            }
        }
    }
    Some(out)
}

/// Whether `bin` has an `overlaps` subcommand.
pub fn binary_has_overlaps(bin: &Path) -> bool {
    std::process::Command::new(bin)
        .args(["overlaps", "--help"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Parses `newsdiff overlaps --format jsonl` output (overlap and group records; groups
/// expanded to pairs of members from different articles), mapping article ids to indexes.
/// Unknown ids are skipped.
///
/// # Errors
///
/// An I/O error or a line that is not JSON.
pub fn parse_jsonl(path: &Path, ids: &HashMap<String, usize>) -> std::io::Result<Vec<Reported>> {
    let side = |v: &serde_json::Value| -> Option<(usize, usize, usize)> {
        let id = ids.get(v["article"].as_str()?)?;
        Some((
            *id,
            usize::try_from(v["start"].as_u64()?).ok()?,
            usize::try_from(v["end"].as_u64()?).ok()?,
        ))
    };
    let mut out = Vec::new();
    for line in crate::open_lines(path)?.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        match v["type"].as_str() {
            Some("overlap") => {
                if let (Some(a), Some(b)) = (side(&v["data"]["a"]), side(&v["data"]["b"])) {
                    out.push((a.0, a.1, a.2, b.0, b.1, b.2));
                }
            }
            Some("group") => {
                let members: Vec<_> = v["data"]["members"]
                    .as_array()
                    .map(|m| m.iter().filter_map(side).collect())
                    .unwrap_or_default();
                for (i, a) in members.iter().enumerate() {
                    for b in &members[i + 1..] {
                        if a.0 != b.0 {
                            out.push((a.0, a.1, a.2, b.0, b.1, b.2));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    Ok(out)
}
