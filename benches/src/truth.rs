//! The truth file: one JSON line per planted passage, with byte offsets into each article's
//! decoded `text` (end exclusive, on `char` boundaries).
//!
//! ```json
//! {"kind": "verbatim", "source": {"article": "gen-0000012", "start": 310, "end": 702},
//!  "target": {"article": "gen-0000040", "start": 0, "end": 392}, "words": 64}
//! ```
//!
//! `words` counts the whitespace-separated words of the target span. A `stock` passage shared
//! by many articles has one line per member after the first, each with the first member as
//! its source.

use std::io::BufRead;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// The kind of a planted passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Sentences copied unchanged.
    Verbatim,
    /// Sentences copied with word substitutions, insertions, deletions and trims.
    Light,
    /// Sentences copied in another order.
    Reordered,
    /// Sentences copied with names misspelt the way transliterations drift.
    Names,
    /// A whole article copied with light edits.
    NearDuplicate,
    /// A paragraph shared by many articles (boilerplate-like).
    Stock,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Self; 6] = [
        Self::Verbatim,
        Self::Light,
        Self::Reordered,
        Self::Names,
        Self::NearDuplicate,
        Self::Stock,
    ];

    /// The name used in the truth file.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Verbatim => "verbatim",
            Self::Light => "light",
            Self::Reordered => "reordered",
            Self::Names => "names",
            Self::NearDuplicate => "near_duplicate",
            Self::Stock => "stock",
        }
    }
}

/// One side of a planted passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    /// Article id.
    pub article: String,
    /// First byte in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One planted passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Planted {
    /// What was planted.
    pub kind: Kind,
    /// Where it was copied from.
    pub source: Side,
    /// Where it was copied to.
    pub target: Side,
    /// Whitespace-separated words of the target span.
    pub words: usize,
}

/// Reads a truth file.
///
/// # Errors
///
/// An I/O error, or invalid data naming the 1-based line.
pub fn read(path: &Path) -> std::io::Result<Vec<Planted>> {
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut out = Vec::new();
    for (n, line) in file.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let p = serde_json::from_str(&line).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}:{}: {e}", path.display(), n + 1),
            )
        })?;
        out.push(p);
    }
    Ok(out)
}
