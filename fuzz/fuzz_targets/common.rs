// Shared by the fuzz targets: read `data` in one format and check the model's invariants.
use std::sync::OnceLock;

use newsdiff_ingest::{Format, Reader};

/// Readers are built once: building one compiles the marker lexicon.
fn reader(lossy: bool, delimiter: bool) -> &'static Reader {
    static READERS: OnceLock<[Reader; 4]> = OnceLock::new();
    let all = READERS.get_or_init(|| {
        [
            Reader::new(),
            Reader::new().lossy(true),
            Reader::new().delimiter("====="),
            Reader::new().lossy(true).delimiter("====="),
        ]
    });
    &all[usize::from(lossy) + 2 * usize::from(delimiter)]
}

pub fn check(data: &[u8], name: &str, format: Format, delimiter: bool) {
    let lossy = data.first().is_some_and(|b| b & 1 == 1);
    let Ok(articles) = reader(lossy, delimiter).read_bytes(name, data, format) else {
        return;
    };
    for a in &articles {
        let mut last_end = 0;
        for p in &a.paragraphs {
            assert!(p.span.start < p.span.end, "empty paragraph");
            assert!(p.span.start >= last_end, "paragraphs overlap or are out of order");
            assert!(a.text.is_char_boundary(p.span.start) && a.text.is_char_boundary(p.span.end));
            let t = a.paragraph_text(p);
            assert_eq!(t, t.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}'));
            last_end = p.span.end;
        }
    }
}
