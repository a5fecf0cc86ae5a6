#![no_main]
//! Fuzzes what reads article text after the readers: name extraction and clustering over
//! two texts cut from the input, and the word diff of the two with their name keys. Never
//! panics; every name mention and every diff range lies on character boundaries of its text,
//! and the diff's ranges run forward on each side without overlapping.
use libfuzzer_sys::fuzz_target;
use newsdiff_diff::{DiffSide, NameKeys, word_diff};
use newsdiff_ingest::parse_text;
use newsdiff_normalize::names::{NameDoc, find_names};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // two texts: the input cut at its first `|` (or the whole input twice)
    let (a, b) = text.split_once('|').unwrap_or((text, text));
    let report = find_names(&[NameDoc::new("a", a), NameDoc::new("b", b)]);
    for c in &report.clusters {
        for m in &c.mentions {
            let t = if m.article == "a" { a } else { b };
            assert!(m.start <= m.end && m.end <= t.len());
            assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
        }
    }
    let articles = [parse_text("a", a), parse_text("b", b)];
    let keys = NameKeys::of_articles(&articles);
    let d = word_diff(
        &DiffSide::whole(&articles[0].text, keys.of("a")),
        &DiffSide::whole(&articles[1].text, keys.of("b")),
    );
    let (mut end_a, mut end_b) = (0, 0);
    for op in &d.ops {
        assert!(articles[0].text.is_char_boundary(op.a[0]) && articles[0].text.is_char_boundary(op.a[1]));
        assert!(articles[1].text.is_char_boundary(op.b[0]) && articles[1].text.is_char_boundary(op.b[1]));
        // forward on both sides, never overlapping
        assert!(end_a <= op.a[0] && op.a[0] <= op.a[1] && end_b <= op.b[0] && op.b[0] <= op.b[1]);
        (end_a, end_b) = (op.a[1], op.b[1]);
    }
    for dv in &d.divergences {
        assert_eq!(&articles[0].text[dv.a.start..dv.a.end], dv.a.text);
        assert_eq!(&articles[1].text[dv.b.start..dv.b.end], dv.b.text);
    }
});
