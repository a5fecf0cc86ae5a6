//! `newsdiff-scale`: the scale harness (being written).

fn main() {}
