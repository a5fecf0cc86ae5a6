//! Integration tests of `newsdiff-ingest`: property tests of the span invariants over
//! arbitrary text, and readers that never panic on arbitrary bytes.
#![allow(clippy::unwrap_used)]

use newsdiff_ingest::{Article, Format, Layout, Reader, parse_text};
use proptest::prelude::*;

/// Text made of lines that mix blank lines, white space, CRLF, BOMs, markers, brackets and
/// arbitrary Unicode.
fn article_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just(String::new()),
        Just("   \t ".to_owned()),
        Just("Advertisement".to_owned()),
        Just("[A bracketed caption]".to_owned()),
        Just("in , ,".to_owned()),
        Just("\u{FEFF}".to_owned()),
        "[a-zA-Z ,.]{0,40}",
        "\\PC{0,30}",
        any::<String>(),
    ];
    (
        prop::collection::vec(line, 0..12),
        prop::collection::vec(prop_oneof![Just("\n"), Just("\r\n"), Just("\r")], 12),
    )
        .prop_map(|(lines, ends)| {
            lines
                .iter()
                .zip(ends.iter().cycle())
                .map(|(l, e)| format!("{l}{e}"))
                .collect()
        })
}

/// The non-blank lines of `text` as trimmed byte ranges, split the way the reader splits
/// (at LF, CRLF and a lone CR).
fn non_blank_lines(text: &str) -> Vec<(usize, usize)> {
    let is_space = |c: char| c.is_whitespace() || c == '\u{FEFF}';
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        if i == bytes.len() || bytes[i] == b'\n' || bytes[i] == b'\r' {
            let body = &text[start..i];
            let trimmed = body.trim_matches(is_space);
            if !trimmed.is_empty() {
                let lead = body.len() - body.trim_start_matches(is_space).len();
                out.push((start + lead, start + lead + trimmed.len()));
            }
            if bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

fn check_spans(a: &Article) {
    let mut last = 0;
    for p in &a.paragraphs {
        assert!(p.span.start < p.span.end, "non-empty");
        assert!(p.span.start >= last, "ordered and disjoint");
        assert!(p.span.end <= a.text.len(), "in bounds");
        assert!(a.text.is_char_boundary(p.span.start) && a.text.is_char_boundary(p.span.end));
        last = p.span.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// One paragraph a line: the paragraphs are exactly the non-blank lines, trimmed.
    #[test]
    fn lines_layout_covers_every_non_blank_line_once(text in article_text()) {
        let arts = Reader::new().layout(Layout::Lines).read_bytes("p.txt", text.as_bytes(), Format::Text);
        let expected = non_blank_lines(&text);
        match arts {
            Ok(arts) => {
                prop_assert_eq!(arts.len(), 1);
                check_spans(&arts[0]);
                let got: Vec<(usize, usize)> = arts[0].paragraphs.iter().map(|p| (p.span.start, p.span.end)).collect();
                prop_assert_eq!(got, expected);
            }
            Err(_) => prop_assert!(expected.is_empty(), "only an all-blank file is an error"),
        }
    }

    /// Any layout: every non-blank line lies inside exactly one paragraph.
    #[test]
    fn any_layout_covers_every_non_blank_line_once(text in article_text(), blocks in any::<bool>()) {
        let layout = if blocks { Layout::Blocks } else { Layout::Auto };
        let a = parse_text("x", &text);
        check_spans(&a);
        let arts = Reader::new().layout(layout).read_bytes("p.txt", text.as_bytes(), Format::Text);
        if let Ok(arts) = arts {
            let a = &arts[0];
            check_spans(a);
            for (s, e) in non_blank_lines(&text) {
                let holders = a.paragraphs.iter().filter(|p| p.span.start <= s && e <= p.span.end).count();
                prop_assert_eq!(holders, 1, "line {}..{} in {:?}", s, e, text);
            }
            let lines: usize = a.paragraphs.iter().map(|p| non_blank_lines(&text).iter().filter(|(s, e)| p.span.start <= *s && *e <= p.span.end).count()).sum();
            prop_assert_eq!(lines, non_blank_lines(&text).len());
        }
    }

    /// Delimiter-cut files: articles never share bytes with the delimiter line and keep the
    /// invariants.
    #[test]
    fn delimited_articles_keep_invariants(parts in prop::collection::vec(article_text(), 1..4)) {
        let text = parts.join("=====\n");
        if let Ok(arts) = Reader::new().delimiter("=====").read_bytes("m.txt", text.as_bytes(), Format::Text) {
            for (i, a) in arts.iter().enumerate() {
                prop_assert_eq!(&a.id, &format!("m#{}", i + 1));
                check_spans(a);
                for p in &a.paragraphs {
                    prop_assert_ne!(a.paragraph_text(p), "=====");
                }
            }
        }
    }

    /// Arbitrary bytes in every format: an error or articles that keep the invariants, never
    /// a panic.
    #[test]
    fn readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), lossy in any::<bool>()) {
        for (name, format) in [("a.txt", Format::Text), ("a.jsonl", Format::Jsonl), ("a.csv", Format::Csv), ("a.tsv", Format::Tsv)] {
            if let Ok(arts) = Reader::new().lossy(lossy).read_bytes(name, &bytes, format) {
                arts.iter().for_each(check_spans);
            }
        }
    }

    /// JSON Lines records with arbitrary string text round-trip: the text field decodes to
    /// exactly the article's text.
    #[test]
    fn jsonl_text_round_trips(texts in prop::collection::vec(any::<String>(), 1..5)) {
        let body: String = texts.iter().enumerate()
            .map(|(i, t)| format!("{}\n", serde_json::json!({"id": i, "text": t})))
            .collect();
        let arts = Reader::new().read_bytes("r.jsonl", body.as_bytes(), Format::Jsonl).unwrap();
        prop_assert_eq!(arts.len(), texts.len());
        for (a, t) in arts.iter().zip(&texts) {
            prop_assert_eq!(&a.text, t);
            check_spans(a);
        }
    }
}

#[test]
fn lone_surrogate_offsets_index_the_repaired_text() {
    let line = br#"{"id": "s", "text": "ab\ud800cd\n\nNext."}"#;
    let arts = Reader::new()
        .read_bytes("s.jsonl", line, Format::Jsonl)
        .unwrap();
    let a = &arts[0];
    assert_eq!(a.text, "ab\u{FFFD}cd\n\nNext.");
    assert_eq!(a.paragraph_text(&a.paragraphs[0]), "ab\u{FFFD}cd");
    assert_eq!(a.paragraphs[1].span.start, 9, "U+FFFD takes 3 bytes");
}

#[test]
fn seeds_read_from_the_bundled_corpus() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");
    let corpus = newsdiff_ingest::read_paths(&[dir]).unwrap();
    assert_eq!(corpus.articles.len(), 5);
    assert_eq!(corpus.files, 5);
    assert!(corpus.skipped.is_empty());
}

mod index {
    use newsdiff_ingest::{IngestError, Reader};
    use std::io::Write;

    fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// What `read_paths` says about `paths`, and what `index_paths` says, as error texts.
    fn both_errors(reader: &Reader, paths: &[&std::path::Path]) -> (String, String) {
        let read = reader.read_paths(paths).unwrap_err().to_string();
        let index = reader.index_paths(paths).unwrap_err().to_string();
        (read, index)
    }

    const RECORDS: &str = concat!(
        "{\"id\":\"b\",\"title\":\"Talks End\",\"text\":\"Talks End\\n\\nThe two sides agreed.\\r\\n[Caption here]\\nAdvertisement\\n\"}\n",
        "\n",
        "   \n",
        "{\"text\":\"No id: a default one, caf\\u00e9 \\ud800 lone surrogate.\",\"date\":2024}\r\n",
        "{\"id\":7,\"text\":\"Numeric id.\\nSecond paragraph with ünïcödé.\",\"source\":\"Wire\",\"url\":null}\n",
        "{\"id\":\"a\",\"text\":\"Last record without a line break.\"}",
    );

    #[test]
    fn reread_gives_identical_articles() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "one.jsonl", RECORDS.as_bytes());
        write(
            dir.path(),
            "two.ndjson",
            b"{\"id\":\"z\",\"text\":\"Another file.\"}\n",
        );
        write(dir.path(), "notes.md", b"skipped");
        let reader = Reader::new();
        let corpus = reader.read_paths(&[dir.path()]).unwrap();
        let index = reader.index_paths(&[dir.path()]).unwrap().unwrap();
        assert_eq!(index.len(), corpus.articles.len());
        assert_eq!(index.files(), corpus.files);
        assert_eq!(index.skipped(), corpus.skipped.as_slice());
        let ids: Vec<&str> = index.ids().collect();
        let expected: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, expected);
        assert_eq!(ids, ["b", "one#2", "7", "a", "z"]);
        for (i, a) in corpus.articles.iter().enumerate() {
            assert_eq!(&index.load(i).unwrap(), a);
            assert_eq!(index.location(i).line, a.source.line);
        }
        // Any order, several files in one call.
        let order = [4, 2, 0, 3, 1, 4];
        let again = index.load_many(&order).unwrap();
        let texts = index.load_texts(&order).unwrap();
        for ((&i, a), t) in order.iter().zip(&again).zip(&texts) {
            assert_eq!(a, &corpus.articles[i]);
            assert_eq!(t, &corpus.articles[i].text);
        }
        let loc = index.location(2);
        let bytes = std::fs::read(loc.path).unwrap();
        let line = &bytes[loc.offset as usize..loc.offset as usize + loc.len];
        assert!(line.starts_with(b"{\"id\":7"));
    }

    #[test]
    fn lossy_reread_repairs_the_same_way() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "bad.jsonl",
            b"{\"id\":\"x\",\"text\":\"ok\"}\n{\"id\":\"y\",\"text\":\"bad \xff byte\"}\n",
        );
        let strict = Reader::new();
        let (read, index) = both_errors(&strict, &[&path]);
        assert_eq!(read, index);
        assert!(
            index.contains("bad.jsonl:2: invalid UTF-8 at byte offset 45"),
            "{index}"
        );
        let lossy = Reader::new().lossy(true);
        let corpus = lossy.read_paths(&[&path]).unwrap();
        let index = lossy.index_paths(&[&path]).unwrap().unwrap();
        assert_eq!(index.load(1).unwrap(), corpus.articles[1]);
    }

    #[test]
    fn errors_name_file_and_line_as_reading_does() {
        let dir = tempfile::tempdir().unwrap();
        let reader = Reader::new();
        let cases: &[(&str, &[u8], &str)] = &[
            ("json.jsonl", b"{\"text\":\"a\"}\n\n{\"text\": oops}\n", "json.jsonl:3: invalid JSON"),
            ("array.jsonl", b"[1]\n", "array.jsonl:1: expected a JSON object, found an array"),
            ("missing.jsonl", b"{\"text\":\"a\"}\n{\"id\":\"x\"}\n", "missing.jsonl:2: missing field `text`"),
            ("type.jsonl", b"{\"text\":3}\n", "type.jsonl:1: field `text` must be a string"),
            ("empty.jsonl", b"\n  \n", "empty.jsonl: no article in it (the file is empty, blank, or a header row only)"),
            (
                "dup.jsonl",
                b"{\"id\":\"p\",\"text\":\"a\"}\n{\"id\":\"q\",\"text\":\"a\"}\n{\"id\":\"q\",\"text\":\"a\"}\n{\"id\":\"p\",\"text\":\"a\"}\n",
                "duplicate article id `q` at ",
            ),
            // The duplicate comes before the bad line, so it is the error.
            (
                "dup-then-bad.jsonl",
                b"{\"id\":\"p\",\"text\":\"a\"}\n{\"id\":\"p\",\"text\":\"a\"}\nnot json\n",
                "duplicate article id `p` at ",
            ),
        ];
        for (name, bytes, expected) in cases {
            let path = write(dir.path(), name, bytes);
            let (read, index) = both_errors(&reader, &[&path]);
            assert_eq!(read, index, "{name}");
            assert!(index.contains(expected), "{name}: {index}");
        }
        let dup = dir.path().join("dup.jsonl");
        let message = reader.index_paths(&[&dup]).unwrap_err().to_string();
        assert!(
            message.contains("dup.jsonl:2 and ") && message.ends_with("dup.jsonl:3"),
            "{message}"
        );
    }

    #[test]
    fn other_inputs_are_not_indexed() {
        let dir = tempfile::tempdir().unwrap();
        let plain = write(dir.path(), "a.jsonl", b"{\"text\":\"a\"}\n");
        let text = write(dir.path(), "b.txt", b"Some text.\n");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"{\"text\":\"a\"}\n").unwrap();
        let gzip = write(dir.path(), "c.jsonl", &gz.finish().unwrap());
        let reader = Reader::new();
        assert!(reader.index_paths(&[&plain]).unwrap().is_some());
        assert!(reader.index_paths(&[&plain, &text]).unwrap().is_none());
        assert!(reader.index_paths(&[&gzip]).unwrap().is_none());
        assert!(reader.index_paths(&["-"]).unwrap().is_none());
        // Read as JSON Lines whatever the name, when asked to.
        let named = write(dir.path(), "d.txt", b"{\"text\":\"a\"}\n");
        let jsonl = Reader::new().format(newsdiff_ingest::Format::Jsonl);
        assert!(jsonl.index_paths(&[&named]).unwrap().is_some());
    }

    #[test]
    fn a_changed_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "a.jsonl",
            b"{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"y\",\"text\":\"two\"}\n",
        );
        let index = Reader::new().index_paths(&[&path]).unwrap().unwrap();
        std::fs::write(
            &path,
            b"{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"w\",\"text\":\"two\"}\n",
        )
        .unwrap();
        let err = index.load(1).unwrap_err();
        assert!(matches!(err, IngestError::Changed { line: 2, .. }), "{err}");
        assert!(
            err.to_string()
                .ends_with("a.jsonl:2: the file changed since it was indexed")
        );
        std::fs::write(&path, b"{}").unwrap();
        assert!(matches!(index.load(1).unwrap_err(), IngestError::Io { .. }));
    }
}

/// The reader checks the quoting the CSV parser lets through: an unclosed quote would read
/// every later row into one field, and a quote closing a field early would be dropped.
#[test]
fn csv_quoting_errors_name_the_line() {
    let err = |name: &str, body: &str, format: Format| {
        Reader::new()
            .read_bytes(name, body.as_bytes(), format)
            .unwrap_err()
            .to_string()
    };
    let unclosed = "id,text\na,\"Unclosed quote starts here\nb,Second article.\nc,Third.\n";
    let e = err("q.csv", unclosed, Format::Csv);
    assert!(
        e.starts_with("q.csv:2:") && e.contains("never closed"),
        "{e}"
    );
    let early = "id,text\na,fine\nb,\"We will win,\" he said, and left.\n";
    let e = err("e.csv", early, Format::Csv);
    assert!(
        e.starts_with("e.csv:3: invalid CSV:") && e.contains("closing quote"),
        "{e}"
    );
    // a quote doubled inside a quoted field, and a quoted field with a newline, are fine
    let good = "id,text\na,\"\"\"We will win,\"\" he said.\nThen he left.\"\nb,plain\n";
    let arts = Reader::new()
        .read_bytes("g.csv", good.as_bytes(), Format::Csv)
        .unwrap();
    assert_eq!(arts[0].text, "\"We will win,\" he said.\nThen he left.");
    assert_eq!(arts.len(), 2);
}

/// Record lines and error positions count the file's lines, with CRLF endings and blank
/// lines too; a byte that is not UTF-8 is named at its own offset.
#[test]
fn csv_lines_and_offsets_are_the_files() {
    let crlf = "id,text\r\na,\"x y\"\r\nb,\"x\",y\r\n";
    let e = Reader::new()
        .read_bytes("r.csv", crlf.as_bytes(), Format::Csv)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("r.csv:3:"), "{e}");
    let blank = "id,text\n\na,\"Alpha.\"\nb,Beta.\n";
    let arts = Reader::new()
        .read_bytes("b.csv", blank.as_bytes(), Format::Csv)
        .unwrap();
    assert_eq!((arts[0].source.line, arts[1].source.line), (2, 3));
    let mut bad = b"id,text\na,\"hello\"\nb,\"bad ".to_vec();
    bad.extend_from_slice(&[0xff]);
    bad.extend_from_slice(b" byte\"\n");
    let e = Reader::new()
        .read_bytes("u.csv", &bad, Format::Csv)
        .unwrap_err()
        .to_string();
    assert_eq!(e, "u.csv:3: invalid UTF-8 at byte offset 25");
}

/// Found in review: records after several blank lines or with CR-only line ends get their
/// own lines; a byte that is not UTF-8 in a column not read is no error; and a problem is
/// reported with its own record though the parser reads ahead (a row of the wrong length
/// before a quoting error further down).
#[test]
fn csv_records_keep_their_own_lines_and_errors() {
    let lines = |body: &[u8]| -> Vec<usize> {
        Reader::new()
            .read_bytes("l.csv", body, Format::Csv)
            .unwrap()
            .iter()
            .map(|a| a.source.line)
            .collect()
    };
    assert_eq!(lines(b"id,text\na,A.\n\n\n\nb,B.\n"), [1, 5]);
    assert_eq!(lines(b"id,text\r\na,A.\r\n\r\nb,B.\r\n"), [1, 3]);
    assert_eq!(lines(b"id,text\ra,A.\rb,B.\r"), [1, 2]);
    assert_eq!(lines(b"id,text\na,\"two\nlines\"\nb,B.\n"), [1, 3]);
    assert_eq!(lines(b"id,text,notes\nx1,Hello.,caf\xe9\n"), [1]);
    let err = |body: &[u8]| {
        Reader::new()
            .read_bytes("e.csv", body, Format::Csv)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        err(b"id,text\r\na,A.\r\n\r\nb,B,x\r\n"),
        "e.csv:4: expected 2 fields, found 3"
    );
    assert_eq!(
        err(b"id,text\na,A.\nb,B,extra\nc,C.\nd,\"D\" said.\n"),
        "e.csv:3: expected 2 fields, found 3"
    );
}

/// Found by a library audit: a blank delimiter cuts nothing (blank lines never cut
/// articles), as the docs say.
#[test]
fn a_blank_delimiter_cuts_nothing() {
    for blank in ["", "  "] {
        let arts = Reader::new()
            .delimiter(blank)
            .read_bytes("m.txt", b"A one.\n\nB two.\n", Format::Text)
            .unwrap();
        assert_eq!(arts.len(), 1, "{blank:?}");
    }
}

/// Found by a library audit: an article in memory can take any id and a reader's layout
/// (`read_bytes` takes the id from a file name's stem: `doc-1.2` gave `doc-1`).
#[test]
fn an_article_in_memory_takes_any_id_and_the_readers_layout() {
    let text = "First line of the story.\nSecond line, same paragraph or not.\n";
    let a = Reader::new()
        .layout(Layout::Blocks)
        .parse_text("doc-1.2", text);
    assert_eq!(a.id, "doc-1.2");
    assert_eq!(a.paragraphs.len(), 1, "one block");
    let b = parse_text("doc-1.2", text);
    assert_eq!(
        (b.id.as_str(), b.paragraphs.len()),
        ("doc-1.2", 2),
        "one line each"
    );
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn ids_and_texts(articles: &[Article]) -> Vec<(String, String)> {
    articles
        .iter()
        .map(|a| (a.id.clone(), a.text.clone()))
        .collect()
}

/// Found in review: TSV has no quoting, yet was read with CSV's. A text opening with a
/// quotation (`"We will win," he said`) was an error ("invalid CSV" for a TSV file), and a
/// stray quote opened on one row and closed two rows later merged three rows into one
/// article without a word. Such files are read literally, one row a line, quotes as text.
#[test]
fn tsv_quotes_that_are_no_quoting_are_text() {
    let pair = |id: &str, text: &str| (id.to_owned(), text.to_owned());
    let read = |name: &str| Reader::new().read_paths(&[fixture(name)]).unwrap().articles;
    assert_eq!(
        ids_and_texts(&read("quote_in_text.tsv")),
        [
            pair("a", "\"We will win,\" he said on Monday."),
            pair("b", "Plain text."),
        ]
    );
    let rows = read("stray_quote_over_rows.tsv");
    assert_eq!(
        ids_and_texts(&rows),
        [
            pair("a", "\"Hello there"),
            pair("b", "Second row text."),
            pair("c", "third row\""),
            pair("d", "Fourth."),
        ]
    );
    assert_eq!(
        rows.iter().map(|a| a.source.line).collect::<Vec<_>>(),
        [1, 2, 3, 4]
    );
    // a quote never closed is text too, and standard input (held in memory to be read
    // twice) is read the same way
    let unclosed = "id\ttext\na\t\"Unclosed quote\nb\tSecond.\n";
    let arts = Reader::new()
        .read_bytes("u.tsv", unclosed.as_bytes(), Format::Tsv)
        .unwrap();
    assert_eq!(
        ids_and_texts(&arts),
        [pair("a", "\"Unclosed quote"), pair("b", "Second.")]
    );
}

/// TSV as pandas (and Python's `csv`) writes it keeps its quoting: a field holding a tab, a
/// line break or a quote is quoted whole, its quotes doubled.
#[test]
fn tsv_written_by_pandas_keeps_its_quoting() {
    let arts = Reader::new()
        .read_paths(&[fixture("pandas_quoted.tsv")])
        .unwrap()
        .articles;
    let texts: Vec<&str> = arts.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "\"We will win,\" he said on Monday.",
            "Para one.\n\nPara two\twith a tab.",
            "Line one\nLine two",
            "plain",
        ]
    );
    assert_eq!(
        arts.iter().map(|a| a.source.line).collect::<Vec<_>>(),
        [1, 2, 5, 7]
    );
}

/// Found in review: one file reached by two paths took its id from whichever argument came
/// first (`d1 d2` gave `a`, `d2 d1` gave `link`).
#[cfg(unix)]
#[test]
fn a_files_id_does_not_depend_on_the_order_of_the_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("d1")).unwrap();
    std::fs::create_dir(d.join("d2")).unwrap();
    std::fs::write(d.join("d1/a.txt"), "One article.\n").unwrap();
    std::os::unix::fs::symlink("../d1/a.txt", d.join("d2/link.txt")).unwrap();
    for args in [["d1", "d2"], ["d2", "d1"]] {
        let corpus = Reader::new().read_paths(&args.map(|a| d.join(a))).unwrap();
        let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a"], "{args:?}");
    }
}

/// Found in review: a `.json` file holding a JSON array of records was read as one
/// plain-text article (`data`), its records lost. A named `.json` file holding an object or
/// an array is read as JSON Lines: records one a line are read, an array is an error saying
/// what to do; other `.json` files are text as before.
#[test]
fn a_json_file_is_json_lines_or_an_error() {
    let err = Reader::new()
        .read_paths(&[fixture("records_array.json")])
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with("records_array.json:1: expected a JSON object, found an array (JSON Lines holds one object a line: convert a JSON array of records with `jq -c '.[]' FILE > FILE.jsonl`)"),
        "{err}"
    );
    // the same with the format given, and for an array pretty-printed over lines
    for (name, bytes) in [
        ("a.json", &b"[{\"id\": \"a\", \"text\": \"x\"}]\n"[..]),
        ("p.jsonl", b"[\n  {\"id\": \"a\", \"text\": \"x\"}\n]\n"),
    ] {
        let err = Reader::new()
            .read_bytes(name, bytes, Format::Jsonl)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(":1: expected a JSON object, found an array (JSON Lines"),
            "{err}"
        );
    }
    let corpus = Reader::new()
        .read_paths(&[fixture("records_lines.json")])
        .unwrap();
    let ids: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    // a pretty-printed object: what JSON Lines asks
    let err = Reader::new()
        .read_bytes("o.json", b"{\n  \"text\": \"x\"\n}\n", Format::Auto)
        .unwrap_err()
        .to_string();
    assert!(err.contains("o.json:1: invalid JSON at the end of the line: EOF while parsing an object (JSON Lines holds one whole object a line"), "{err}");
    let text = Reader::new()
        .read_bytes("t.json", b"A headline\n\nSome text.\n", Format::Auto)
        .unwrap();
    assert_eq!(text.len(), 1);
    assert_eq!(text[0].paragraphs.len(), 2);
}

/// Found in review: a field given twice was resolved without a word, differently by format
/// (a CSV header `id,text,text` took the first column, a JSON Lines record with `"text"`
/// twice the last value). Both are errors naming file, line and field; a key repeated
/// elsewhere (inside a nested object, or not read) is none.
#[test]
fn a_field_given_twice_is_an_error() {
    let err = |name: &str| {
        Reader::new()
            .read_paths(&[fixture(name)])
            .unwrap_err()
            .to_string()
    };
    assert!(
        err("duplicate_key.jsonl")
            .ends_with("duplicate_key.jsonl:1: field `text` is given twice (rename or drop one)"),
        "{}",
        err("duplicate_key.jsonl")
    );
    assert!(
        err("duplicate_column.csv")
            .ends_with("duplicate_column.csv:1: field `text` is given twice (rename or drop one)"),
        "{}",
        err("duplicate_column.csv")
    );
    let e = Reader::new()
        .read_bytes("d.tsv", b"id\ttext\tid\na\tA.\tb\n", Format::Tsv)
        .unwrap_err()
        .to_string();
    assert_eq!(e, "d.tsv:1: field `id` is given twice (rename or drop one)");
    // the header's own line, past blank lines before it (found by a review)
    let e = Reader::new()
        .read_bytes("b.csv", b"\n\nid,text,text\na,A.,B.\n", Format::Csv)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "b.csv:3: field `text` is given twice (rename or drop one)"
    );
    let e = Reader::new()
        .read_bytes(
            "d.jsonl",
            b"{\"text\":\"A.\"}\n{\"id\":1,\"text\":\"B.\",\"id\":2}\n",
            Format::Jsonl,
        )
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "d.jsonl:2: field `id` is given twice (rename or drop one)"
    );
    let fine = b"{\"text\":\"A.\",\"meta\":{\"text\":1,\"text\":2},\"x\":1,\"x\":2}\n";
    let arts = Reader::new()
        .read_bytes("f.jsonl", fine, Format::Jsonl)
        .unwrap();
    assert_eq!(arts[0].text, "A.");
    let arts = Reader::new()
        .read_bytes("f.csv", b"id,text,x,x\na,A.,1,2\n", Format::Csv)
        .unwrap();
    assert_eq!(arts[0].text, "A.");
}

/// Found in review: a file with lone-CR line ends (old Mac) was one paragraph. A lone CR
/// ends a line as LF and CRLF do, offsets still index the file's bytes, and the paragraphs
/// are classed as with LF (title, ad marker).
#[test]
fn lone_cr_ends_lines_as_lf_does() {
    let read = |name: &str| {
        let mut arts = Reader::new().read_paths(&[fixture(name)]).unwrap().articles;
        arts.remove(0)
    };
    let (cr, lf) = (read("old_mac_cr.txt"), read("old_mac_lf.txt"));
    assert_eq!(cr.text.replace('\r', "\n"), lf.text);
    assert_eq!(cr.paragraphs, lf.paragraphs);
    assert_eq!(cr.title, lf.title);
    assert!(cr.paragraphs.len() > 10, "{}", cr.paragraphs.len());
    let kinds: Vec<_> = cr.paragraphs.iter().map(|p| p.reason).collect();
    assert!(kinds.contains(&newsdiff_ingest::Reason::Headline));
    assert!(
        kinds.contains(&newsdiff_ingest::Reason::AdMarker),
        "{kinds:?}"
    );
    // delimiter lines too, and CRLF with lone CRs mixed in
    let arts = Reader::new()
        .delimiter("=====")
        .read_bytes(
            "m.txt",
            b"A one.\r=====\rB one.\r\nB two.\rB three.\n",
            Format::Text,
        )
        .unwrap();
    assert_eq!(arts.len(), 2);
    let b = &arts[1];
    let lines: Vec<(&str, usize)> = b
        .paragraphs
        .iter()
        .map(|p| (b.paragraph_text(p), p.line))
        .collect();
    assert_eq!(lines, [("B one.", 2), ("B two.", 3), ("B three.", 4)]);
}

/// A TSV table of `rows` rows, each over 200 bytes, and the ids and texts it holds.
#[cfg(unix)]
fn big_tsv(rows: usize) -> (String, Vec<(String, String)>) {
    let mut tsv = String::from("id\ttext\n");
    let mut want = Vec::new();
    for i in 0..rows {
        let text = format!("Row {i} says {}end.", "word ".repeat(40));
        tsv.push_str(&format!("r{i}\t{text}\n"));
        want.push((format!("r{i}"), text));
    }
    (tsv, want)
}

/// Reads `path` as TSV on another thread, failing (not hanging) when it takes over 30 s.
#[cfg(unix)]
fn read_tsv_within_a_time(path: std::path::PathBuf) -> Vec<(String, String)> {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let read = Reader::new().format(Format::Tsv).read_paths(&[&path]);
        let _ = done.send(read.map(|c| ids_and_texts(&c.articles)));
    });
    result
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the read hung")
        .unwrap()
}

/// Found in review: a TSV file was opened a second time for its quoting pre-scan, and for a
/// pipe (`<(cat big.tsv)`, `/dev/stdin`) that second handle drained the stream: of 400 rows,
/// 254 articles were read, the last cut mid-text, exit 0. A pipe is read once, into memory.
#[cfg(target_os = "linux")]
#[test]
fn a_tsv_read_from_a_pipe_loses_no_article() {
    use std::io::Write;
    use std::os::fd::AsRawFd;
    let (tsv, want) = big_tsv(2000);
    let (reader, mut writer) = std::io::pipe().unwrap();
    let write = std::thread::spawn(move || writer.write_all(tsv.as_bytes()));
    // what `<(cat big.tsv)` names: the pipe's read end, opened anew
    let path = std::path::PathBuf::from(format!("/dev/fd/{}", reader.as_raw_fd()));
    assert_eq!(read_tsv_within_a_time(path), want);
    write.join().unwrap().unwrap();
    drop(reader);
}

/// Found in review: a named FIFO read as TSV hung forever (its second open waited for a
/// writer). It is read once, into memory.
#[cfg(unix)]
#[test]
fn a_tsv_read_from_a_fifo_neither_hangs_nor_loses_an_article() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("big.tsv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (tsv, want) = big_tsv(2000);
    let path = fifo.clone();
    // opening a FIFO to write waits for a reader, so the writer has a thread of its own
    std::thread::spawn(move || std::fs::File::create(path)?.write_all(tsv.as_bytes()));
    assert_eq!(read_tsv_within_a_time(fifo), want);
}

/// Found in review: a lone CR ends a line in paragraphs, but `Article::first_line` and the
/// line of an invalid UTF-8 error counted only LF: the second article of a lone-CR file
/// started on line 0, and an error named line 1 wherever it was.
#[test]
fn lines_before_an_article_or_an_error_count_lone_crs() {
    // B's text starts with a blank line: its first paragraph is not on its first line
    let lf = "A one.\n\nA two.\n=====\n\nB one.\n\nB two.\n";
    let first_lines = |text: &str| -> Vec<(usize, usize, usize)> {
        let arts = Reader::new()
            .delimiter("=====")
            .read_bytes("m.txt", text.as_bytes(), Format::Text)
            .unwrap();
        arts.iter()
            .map(|a| (a.first_line(), a.paragraphs[0].line, a.paragraphs[1].line))
            .collect()
    };
    let want = [(0, 0, 2), (4, 5, 7)];
    for nl in ["\n", "\r", "\r\n"] {
        assert_eq!(first_lines(&lf.replace('\n', nl)), want, "{nl:?}");
        let mut bad = "one\ntwo\nthree ?".replace('\n', nl).into_bytes();
        bad.pop();
        bad.push(0xff);
        let err = Reader::new()
            .read_bytes("bad.txt", &bad, Format::Text)
            .unwrap_err();
        assert!(
            matches!(
                err,
                newsdiff_ingest::IngestError::InvalidUtf8 { line: 3, .. }
            ),
            "{nl:?}: {err}"
        );
    }
}
