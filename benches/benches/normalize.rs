//! Normalize bench (in progress).
fn main() {}
