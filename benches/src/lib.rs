//! Benchmarks and the scale harness for newsdiff.
