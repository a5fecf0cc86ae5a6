//! The read+tokenize floor, in process: the same work as `../shared/tools/floor`
//! (`src/main.rs`): read JSON Lines, parse each record, lowercase its `text` and count its
//! alphanumeric words. Nothing that finds overlaps can be faster on the same input.

use std::io::BufRead;
use std::path::Path;

/// Words in the `text` fields of a JSON Lines file (gzip recognised).
///
/// # Errors
///
/// An I/O error or a line that is not JSON.
pub fn words(path: &Path) -> std::io::Result<u64> {
    let mut words = 0u64;
    for line in crate::open_lines(path)?.lines() {
        let line = line?;
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let text = v["text"].as_str().unwrap_or("").to_lowercase();
        words += text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count() as u64;
    }
    Ok(words)
}
