//! Shared helpers for newsdiff's criterion benchmarks and scale harness.
//!
//! The real corpora (`../shared/corpora/*/documents.jsonl.gz`, research use only) are read at
//! bench time from `NEWSDIFF_CORPORA` or, by default, `../shared/corpora` beside the
//! workspace; they are never committed. When they are absent, [`corpus`] says so and returns
//! `None`, and benches fall back to the bundled samples.
#![deny(missing_docs)]

use std::io::Read;
use std::path::PathBuf;

/// The directory holding the real corpora: `NEWSDIFF_CORPORA`, else `../shared/corpora`
/// relative to the workspace root.
pub fn corpora_dir() -> PathBuf {
    std::env::var_os("NEWSDIFF_CORPORA").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpora")),
        PathBuf::from,
    )
}

/// The bundled sample articles (`corpus/seeds`).
pub fn seeds_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/seeds"))
}

/// The decompressed JSON Lines bytes of corpus `name` (`reuters21578`, `bbc_news`), or `None`
/// with a note on stderr when it is not there.
pub fn corpus(name: &str) -> Option<Vec<u8>> {
    let path = corpora_dir().join(name).join("documents.jsonl.gz");
    let Ok(file) = std::fs::File::open(&path) else {
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "note: corpus {} not found (set NEWSDIFF_CORPORA); skipping it",
                path.display()
            );
        }
        return None;
    };
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// The compressed bytes of corpus `name`, as stored.
pub fn corpus_gz(name: &str) -> Option<Vec<u8>> {
    std::fs::read(corpora_dir().join(name).join("documents.jsonl.gz")).ok()
}

/// The `text` field of every record of a JSON Lines buffer.
pub fn texts(jsonl: &[u8]) -> Vec<String> {
    jsonl
        .split(|&b| b == b'\n')
        .filter_map(|line| serde_json::from_slice::<serde_json::Value>(line).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect()
}

pub mod generate;
pub mod rng;
pub mod shingles;
pub mod truth;

/// Opens a JSON Lines file for reading line by line, decompressing it when it starts with
/// the gzip magic bytes.
///
/// # Errors
///
/// An I/O error opening the file.
pub fn open_lines(path: &std::path::Path) -> std::io::Result<Box<dyn std::io::BufRead>> {
    use std::io::BufRead;
    let mut file = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(path)?);
    let gz = file.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    Ok(if gz {
        Box::new(std::io::BufReader::with_capacity(
            1 << 20,
            flate2::bufread::MultiGzDecoder::new(file),
        ))
    } else {
        Box::new(file)
    })
}

pub mod eval;
pub mod floor;
pub mod measure;
pub mod overlaps;
