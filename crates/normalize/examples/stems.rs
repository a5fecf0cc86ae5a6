//! Prints `word<TAB>stem` for each line of standard input, as the default [`Analyzer`] stems
//! it: the stems `data/derivations.py` builds the derivations table from.
//!
//! ```sh
//! cargo run -q --release -p newsdiff-normalize --example stems < words.txt > stems.tsv
//! ```

use std::io::{BufRead, Write};

use newsdiff_normalize::Analyzer;

fn main() -> std::io::Result<()> {
    let analyzer = Analyzer::new();
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let word = line?;
        writeln!(out, "{word}\t{}", analyzer.stem(&word))?;
    }
    out.flush()
}
