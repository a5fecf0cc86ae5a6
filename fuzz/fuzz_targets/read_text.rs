#![no_main]
//! Fuzzes the text reader: never panics, and every article it returns keeps the span invariants.
use libfuzzer_sys::fuzz_target;
use newsdiff_ingest::Format;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check(data, "x.txt", Format::Text, false);
    common::check(data, "x.txt", Format::Text, true);
});
