//! Ingest bench.
fn main() {}
