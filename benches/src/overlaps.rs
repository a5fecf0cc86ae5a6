//! The overlaps stage of the scale harness.
//!
//! **Wiring point:** [`run_overlaps`] is where `newsdiff-diff` plugs in. Until then it returns
//! `None` and the harness reports the stage as "not wired". [`run_binary`] runs the
//! `newsdiff overlaps` subcommand instead.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

use newsdiff_ingest::Article;

/// A reported passage shared by two articles: `(article_a, start_a, end_a, article_b,
/// start_b, end_b)`, articles as indexes into the slice given to [`run_overlaps`] (the
/// order of reading), offsets as byte ranges into each article's `text`, end exclusive.
pub type Reported = (usize, usize, usize, usize, usize, usize);

/// Finds the passages `articles` share. **Stub**: returns `None` (not wired) until the
/// coordinator wires `newsdiff-diff` in here; it must then return every reported pair
/// (groups expanded to pairs of members from different articles).
pub fn run_overlaps(articles: &[Article]) -> Option<Vec<Reported>> {
    let _ = articles;
    None
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
