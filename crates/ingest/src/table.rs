//! CSV and TSV files with a header row.

use std::collections::VecDeque;
use std::io::{BufRead, Read};
use std::path::Path;

use crate::build::{self, Meta};
use crate::error::{IngestError, Result};
use crate::model::Article;
use crate::reader::Reader;

/// The typed error for a CSV/TSV parse error, with its line (shared with the sidecar reader).
pub(crate) fn csv_error(e: csv::Error, path: &Path) -> IngestError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    match e.into_kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => IngestError::ColumnCount {
            path: path.to_path_buf(),
            line: pos.map_or(line, |p| p.line() as usize),
            expected: expected_len as usize,
            found: len as usize,
        },
        csv::ErrorKind::Io(source) => IngestError::io(path, source),
        csv::ErrorKind::Utf8 { .. } => IngestError::Csv {
            path: path.to_path_buf(),
            line,
            message: "invalid UTF-8".to_owned(),
        },
        other => IngestError::Csv {
            path: path.to_path_buf(),
            line,
            message: format!("{other:?}"),
        },
    }
}

/// Where the quoting of the bytes read so far stands (RFC 4180, as the `csv` crate reads it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quoting {
    /// At the start of a field.
    FieldStart,
    /// In a field that does not start with a quote.
    Unquoted,
    /// In a quoted field.
    Quoted,
    /// Just after a quote in a quoted field: its end, or the first of a doubled quote.
    QuoteInQuoted,
}

/// Passes the raw bytes to the CSV parser and checks their quoting on the way, which the
/// parser does not: it reads an unclosed quote to the end of the file (every later row
/// becomes part of one field) and drops a quote that closes a field early (`"We will win,"
/// he said` becomes `We will win, he said`), both without an error. Written here because the
/// `csv` crate reports neither. It also counts lines, so that a record's line is right with
/// CRLF endings and blank lines (the parser's own count is not).
struct QuoteCheck<'r> {
    inner: &'r mut dyn BufRead,
    delimiter: u8,
    state: Quoting,
    /// Byte offset of the next byte.
    pos: u64,
    /// Line (1-based) where the open quoted field started.
    open_line: usize,
    /// First quote closing a field early: its line.
    early_close: Option<usize>,
    /// Offsets of the newlines not yet passed by a record start, and how many were.
    newlines: VecDeque<u64>,
    passed: usize,
    /// The input is read to its end.
    eof: bool,
    /// Whether to find the first byte that is not UTF-8 (off when repairing).
    check_utf8: bool,
    /// The bytes of a character split between two reads.
    carry: Vec<u8>,
    /// The first byte that is not UTF-8: its line and offset.
    bad_utf8: Option<(usize, u64)>,
}

impl<'r> QuoteCheck<'r> {
    fn new(inner: &'r mut dyn BufRead, delimiter: u8, check_utf8: bool) -> Self {
        Self {
            inner,
            delimiter,
            state: Quoting::FieldStart,
            pos: 0,
            open_line: 0,
            early_close: None,
            newlines: VecDeque::new(),
            passed: 0,
            eof: false,
            check_utf8,
            carry: Vec::new(),
            bad_utf8: None,
        }
    }

    /// The 1-based line of a record starting at byte `offset` (offsets asked must not
    /// decrease). After a CRLF the parser puts the next record's start on the `\n`, which
    /// therefore counts as passed.
    fn line_of(&mut self, offset: u64) -> usize {
        while self.newlines.front().is_some_and(|&n| n <= offset) {
            self.newlines.pop_front();
            self.passed += 1;
        }
        self.passed + 1
    }

    /// The current line (of the next byte).
    fn line(&self) -> usize {
        self.passed + self.newlines.len() + 1
    }

    /// Records where the first byte that is not UTF-8 is, if `bytes` (read at offset
    /// `start`) hold it.
    fn check(&mut self, bytes: &[u8], start: u64) {
        if !self.check_utf8 || self.bad_utf8.is_some() {
            return;
        }
        let begin = start - self.carry.len() as u64;
        self.carry.extend_from_slice(bytes);
        let bad = match std::str::from_utf8(&self.carry) {
            Ok(_) => {
                self.carry.clear();
                None
            }
            // cut short at the end: the rest of the character comes with the next read
            Err(e) if e.error_len().is_none() && !self.eof => {
                self.carry.drain(..e.valid_up_to());
                None
            }
            Err(e) => Some(begin + e.valid_up_to() as u64),
        };
        if let Some(at) = bad {
            let line = self.passed + self.newlines.iter().filter(|&&n| n < at).count() + 1;
            self.bad_utf8 = Some((line, at));
            self.carry.clear();
        }
    }

    fn scan(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if b == b'\n' {
                self.newlines.push_back(self.pos);
            }
            self.pos += 1;
            self.state = match (self.state, b) {
                (Quoting::FieldStart, b'"') => {
                    // the line of this quote: the newline just counted is not before it
                    self.open_line = self.line();
                    Quoting::Quoted
                }
                (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
                (Quoting::Quoted, _) => Quoting::Quoted,
                (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (_, b'\n' | b'\r') => Quoting::FieldStart,
                (_, d) if d == self.delimiter => Quoting::FieldStart,
                (Quoting::QuoteInQuoted, _) => {
                    if self.early_close.is_none() {
                        self.early_close = Some(self.line());
                    }
                    Quoting::Unquoted
                }
                _ => Quoting::Unquoted,
            };
        }
    }

    /// The quoting error found so far, if any.
    fn problem(&self, path: &Path) -> Option<IngestError> {
        if let Some((line, offset)) = self.bad_utf8 {
            return Some(IngestError::InvalidUtf8 {
                path: path.to_path_buf(),
                line,
                offset: offset as usize,
            });
        }
        let (line, message) = if let Some(line) = self.early_close {
            (
                line,
                "text after the closing quote of a field (a field holding quotes must be \
                 quoted whole, each quote doubled: \"\"\"We will win,\"\" he said\")",
            )
        } else if self.eof && self.state == Quoting::Quoted {
            (
                self.open_line,
                "a quoted field opened on this line is never closed",
            )
        } else {
            return None;
        };
        Some(IngestError::Csv {
            path: path.to_path_buf(),
            line,
            message: message.to_owned(),
        })
    }
}

impl Read for QuoteCheck<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.eof |= n == 0 && !buf.is_empty();
        let start = self.pos;
        self.scan(&buf[..n]);
        self.check(&buf[..n], start);
        Ok(n)
    }
}

/// Streams the rows of a CSV (`delimiter` `,`) or TSV (`\t`) stream into `sink`.
pub(crate) fn read(
    input: &mut dyn BufRead,
    delimiter: u8,
    path: &Path,
    display: &str,
    stem: &str,
    reader: &Reader,
    sink: &mut dyn FnMut(Article) -> Result<()>,
) -> Result<usize> {
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .from_reader(QuoteCheck::new(input, delimiter, !reader.lossy));
    let header = csv.byte_headers().map_err(|e| csv_error(e, path))?.clone();
    if let Some(e) = csv.get_ref().problem(path) {
        return Err(e);
    }
    if header.is_empty() {
        return Err(IngestError::EmptyFile {
            path: path.to_path_buf(),
        });
    }
    let header_text: Vec<String> = header
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_owned())
        .collect();
    let col = |name: &str| header_text.iter().position(|h| h == name);
    let f = &reader.fields;
    let Some(text_col) = col(&f.text) else {
        return Err(IngestError::MissingColumn {
            path: path.to_path_buf(),
            column: f.text.clone(),
            header: header_text.join(", "),
        });
    };
    let (id_col, title_col, date_col, url_col, outlet_col) = (
        col(&f.id),
        col(&f.title),
        col(&f.date),
        col(&f.url),
        col(&f.outlet),
    );
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    loop {
        let more = csv.read_byte_record(&mut record);
        // a quoting error explains a parse error that follows from it, so it comes first;
        // an unclosed quote is seen with the record that runs to the end of the input,
        // before that record goes anywhere
        if let Some(e) = csv.get_ref().problem(path) {
            return Err(e);
        }
        let more = match more {
            Ok(more) => more,
            Err(e) => {
                // the parser's line count is off with CRLF endings: count from the byte
                let at = e.position().map(csv::Position::byte);
                let mut err = csv_error(e, path);
                if let (
                    Some(at),
                    IngestError::ColumnCount { line, .. } | IngestError::Csv { line, .. },
                ) = (at, &mut err)
                {
                    *line = csv.get_mut().line_of(at);
                }
                return Err(err);
            }
        };
        if !more {
            break;
        }
        rows += 1;
        let offset = record.position().map_or(0, |p| p.byte() as usize);
        let line = csv.get_mut().line_of(offset as u64);
        let field = |i: usize| -> Result<String> {
            let bytes = record.get(i).unwrap_or_default().to_vec();
            crate::decode::utf8(bytes, reader.lossy, path, offset, line)
        };
        let opt = |c: Option<usize>| -> Result<Option<String>> {
            Ok(match c {
                Some(i) => Some(field(i)?).filter(|s| !s.trim().is_empty()),
                None => None,
            })
        };
        let text = field(text_col)?;
        let id = opt(id_col)?.map_or_else(|| format!("{stem}#{rows}"), |s| s.trim().to_owned());
        let meta = Meta {
            title: opt(title_col)?,
            date: opt(date_col)?,
            url: opt(url_col)?,
            outlet: opt(outlet_col)?,
        };
        sink(build::record_article(
            id,
            display,
            line.saturating_sub(1),
            text,
            meta,
            reader,
        ))?;
    }
    Ok(rows)
}
