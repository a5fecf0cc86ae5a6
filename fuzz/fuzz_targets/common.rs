// Shared by the fuzz targets: read `data` in one format and check the model's invariants.
use newsdiff_ingest::{Format, Reader};

pub fn check(data: &[u8], name: &str, format: Format, delimiter: Option<&str>) {
    let mut reader = Reader::new().lossy(data.first().is_some_and(|b| b & 1 == 1));
    if let Some(d) = delimiter {
        reader = reader.delimiter(d);
    }
    let Ok(articles) = reader.read_bytes(name, data, format) else {
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
