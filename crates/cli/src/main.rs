//! The `newsdiff` command-line tool.
fn main() {}
