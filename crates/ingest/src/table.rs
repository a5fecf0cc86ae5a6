//! CSV and TSV files with a header row.

use std::collections::VecDeque;
use std::io::{BufRead, Read};
use std::path::Path;

use crate::build::{self, Meta};
use crate::error::{IngestError, Result};
use crate::model::Article;
use crate::reader::Reader;

/// The format a table with this field delimiter is named by in messages.
pub(crate) fn format_name(delimiter: u8) -> &'static str {
    if delimiter == b'\t' { "TSV" } else { "CSV" }
}

/// The typed error for a CSV/TSV parse error, with its line (shared with the sidecar reader).
pub(crate) fn csv_error(e: csv::Error, path: &Path, delimiter: u8) -> IngestError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    let format = format_name(delimiter);
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
            format,
            line,
            message: "invalid UTF-8".to_owned(),
        },
        other => IngestError::Csv {
            path: path.to_path_buf(),
            format,
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

/// Passes the raw bytes to the CSV parser and reads them on the way, for what the parser
/// does not say: it reads an unclosed quote to the end of the file (every later row becomes
/// part of one field) and drops a quote that closes a field early (`"We will win," he said`
/// becomes `We will win, he said`), both without an error; and its record positions count
/// neither the blank lines it skips nor CR-only line ends. Written here because the `csv`
/// crate reports none of this. It notes where each record starts (offset and line), where
/// quoting goes wrong, and where bytes are not UTF-8, so that the reader can tell each record
/// its own line and report each problem with the record it belongs to, though the parser
/// reads ahead.
struct QuoteCheck<'r> {
    inner: &'r mut dyn BufRead,
    delimiter: u8,
    /// Whether quotes quote (off for a TSV file read literally, as the parser then reads it).
    quoting: bool,
    state: Quoting,
    /// Byte offset of the next byte.
    pos: u64,
    /// Line (1-based) of the next byte.
    line: usize,
    /// The last byte was a `\r` (a `\n` right after it ends the same line).
    after_cr: bool,
    /// The next byte that is no line end starts a record.
    at_record_start: bool,
    /// Start (offset, line) of the records not yet handed out.
    starts: VecDeque<(u64, usize)>,
    /// Offset and line where the open quoted field started.
    open: (u64, usize),
    /// First quote closing a field early: its offset and line.
    early_close: Option<(u64, usize)>,
    /// The input is read to its end.
    eof: bool,
    /// Whether to find bytes that are not UTF-8 (off when repairing).
    check_utf8: bool,
    /// The bytes of a character split between two reads.
    carry: Vec<u8>,
    /// Offsets of bytes that are not UTF-8 in the bytes not yet scanned.
    bad_ahead: VecDeque<u64>,
    /// Offset and line of each byte that is not UTF-8, not yet passed by a record.
    bad: VecDeque<(u64, usize)>,
}

impl<'r> QuoteCheck<'r> {
    fn new(inner: &'r mut dyn BufRead, delimiter: u8, quoting: bool, check_utf8: bool) -> Self {
        Self {
            inner,
            delimiter,
            quoting,
            state: Quoting::FieldStart,
            pos: 0,
            line: 1,
            after_cr: false,
            at_record_start: true,
            starts: VecDeque::new(),
            open: (0, 0),
            early_close: None,
            eof: false,
            check_utf8,
            carry: Vec::new(),
            bad_ahead: VecDeque::new(),
            bad: VecDeque::new(),
        }
    }

    /// Notes the offsets of the bytes that are not UTF-8 in `bytes` (read at `start`). Only
    /// a character split between two reads is copied (into `carry`); the rest is checked
    /// where it lies.
    fn check(&mut self, bytes: &[u8], start: u64) {
        if !self.check_utf8 {
            return;
        }
        let (mut bytes, mut start) = (bytes, start);
        if let Some(&lead) = self.carry.first() {
            // complete the split character: its first byte says how long it is
            let len = match lead {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let take = (len - self.carry.len().min(len)).min(bytes.len());
            self.carry.extend_from_slice(&bytes[..take]);
            if self.carry.len() < len && !self.eof {
                return;
            }
            let carried = std::mem::take(&mut self.carry);
            let begin = start - (carried.len() - take) as u64;
            if std::str::from_utf8(&carried).is_err() {
                self.bad_ahead.push_back(begin);
            }
            bytes = &bytes[take..];
            start += take as u64;
        }
        let mut at = 0;
        loop {
            match std::str::from_utf8(&bytes[at..]) {
                Ok(_) => return,
                // cut short at the end: the rest of the character comes with the next read
                Err(e) if e.error_len().is_none() && !self.eof => {
                    self.carry.extend_from_slice(&bytes[at + e.valid_up_to()..]);
                    return;
                }
                Err(e) => {
                    let bad = at + e.valid_up_to();
                    self.bad_ahead.push_back(start + bad as u64);
                    at = bad + e.error_len().unwrap_or(bytes.len() - bad).max(1);
                    if at >= bytes.len() {
                        return;
                    }
                }
            }
        }
    }

    fn scan(&mut self, bytes: &[u8]) {
        for &b in bytes {
            // (a character split between two reads is checked once complete, so its offset
            // may be behind: no line break lies between, so the line is the same)
            while let Some(&o) = self.bad_ahead.front()
                && o <= self.pos
            {
                self.bad_ahead.pop_front();
                self.bad.push_back((o, self.line));
            }
            let line_end = b == b'\n' || b == b'\r';
            if self.at_record_start && !line_end {
                self.starts.push_back((self.pos, self.line));
                self.at_record_start = false;
            }
            self.state = match (self.state, b) {
                (Quoting::FieldStart, b'"') if self.quoting => {
                    self.open = (self.pos, self.line);
                    Quoting::Quoted
                }
                (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
                (Quoting::Quoted, _) => Quoting::Quoted,
                (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (_, b'\n' | b'\r') => {
                    self.at_record_start = true;
                    Quoting::FieldStart
                }
                (_, d) if d == self.delimiter => Quoting::FieldStart,
                (Quoting::QuoteInQuoted, _) => {
                    if self.early_close.is_none() {
                        self.early_close = Some((self.pos, self.line));
                    }
                    Quoting::Unquoted
                }
                _ => Quoting::Unquoted,
            };
            // lines end at `\n`, `\r\n` and a lone `\r`
            if b == b'\n' && !self.after_cr || b == b'\r' {
                self.line += 1;
            }
            self.after_cr = b == b'\r';
            self.pos += 1;
        }
    }

    /// Hands out the next record's start (offset, 1-based line).
    fn next_record(&mut self) -> (u64, usize) {
        self.starts.pop_front().unwrap_or((self.pos, self.line))
    }

    /// Where the record after the one handed out last starts (the end of the input if none
    /// is read yet: only then is the record known to run to the end).
    fn following(&self) -> Option<u64> {
        self.starts.front().map(|&(o, _)| o)
    }

    /// The quoting error of the record that starts at `start`, if any.
    fn problem(&self, path: &Path, start: u64) -> Option<IngestError> {
        let end = self.following().unwrap_or(u64::MAX);
        let csv = |line: usize, message: &str| IngestError::Csv {
            path: path.to_path_buf(),
            format: format_name(self.delimiter),
            line,
            message: message.to_owned(),
        };
        if let Some((at, line)) = self.early_close
            && at < end
        {
            return Some(csv(
                line,
                "text after the closing quote of a field (a field holding quotes must be \
                 quoted whole, each quote doubled: \"\"\"We will win,\"\" he said\")",
            ));
        }
        (self.eof
            && self.state == Quoting::Quoted
            && self.following().is_none()
            && self.open.0 >= start)
            .then(|| {
                csv(
                    self.open.1,
                    "a quoted field opened on this line is never closed",
                )
            })
    }

    /// The first byte that is not UTF-8 in the record starting at `start`: its line and
    /// offset; the bytes of earlier records are forgotten.
    fn bad_utf8(&mut self, start: u64) -> Option<(usize, u64)> {
        while self.bad.front().is_some_and(|&(o, _)| o < start) {
            self.bad.pop_front();
        }
        let end = self.following().unwrap_or(u64::MAX);
        self.bad
            .front()
            .filter(|&&(o, _)| o < end)
            .map(|&(o, line)| (line, o))
    }
}

impl Read for QuoteCheck<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.eof |= n == 0 && !buf.is_empty();
        let start = self.pos;
        self.check(&buf[..n], start);
        self.scan(&buf[..n]);
        Ok(n)
    }
}

/// How a table is written: its field delimiter, and whether quotes quote.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dialect {
    /// `,` for CSV, `\t` for TSV.
    pub delimiter: u8,
    /// Quotes quote fields, CSV-style (RFC 4180). Off, quotes are text and every line is a
    /// row: a TSV file whose quotes are no CSV-style quoting ([`tsv_quoting`]).
    pub quoting: bool,
}

/// Streams the rows of a CSV or TSV stream into `sink`.
pub(crate) fn read(
    input: &mut dyn BufRead,
    dialect: Dialect,
    path: &Path,
    display: &str,
    stem: &str,
    reader: &Reader,
    sink: &mut dyn FnMut(Article) -> Result<()>,
) -> Result<usize> {
    let Dialect { delimiter, quoting } = dialect;
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .quoting(quoting)
        .from_reader(QuoteCheck::new(input, delimiter, quoting, !reader.lossy));
    let header = match csv.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => return Err(csv_error(e, path, delimiter)),
    };
    let (header_start, header_line) = csv.get_mut().next_record();
    if let Some(e) = csv.get_ref().problem(path, header_start) {
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
    for name in [&f.text, &f.id, &f.title, &f.date, &f.url, &f.outlet] {
        if header_text.iter().filter(|h| *h == name).count() > 1 {
            return Err(IngestError::DuplicateField {
                path: path.to_path_buf(),
                line: header_line,
                field: name.clone(),
            });
        }
    }
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
        let more = match more {
            Ok(more) => more,
            Err(e) => {
                // the record the parser stopped in; a quoting error in it explains the rest
                let (start, line) = csv.get_mut().next_record();
                if let Some(q) = csv.get_ref().problem(path, start) {
                    return Err(q);
                }
                let mut err = csv_error(e, path, delimiter);
                if let IngestError::ColumnCount { line: l, .. } | IngestError::Csv { line: l, .. } =
                    &mut err
                {
                    *l = line;
                }
                return Err(err);
            }
        };
        if !more {
            break;
        }
        rows += 1;
        let (start, line) = csv.get_mut().next_record();
        // an unclosed quote is seen with the record that runs to the end of the input,
        // before that record goes anywhere
        if let Some(e) = csv.get_ref().problem(path, start) {
            return Err(e);
        }
        let offset = start as usize;
        let bad = csv.get_mut().bad_utf8(start);
        let field = |i: usize| -> Result<String> {
            let bytes = record.get(i).unwrap_or_default().to_vec();
            crate::decode::utf8(bytes, reader.lossy, path, offset, line).map_err(|e| {
                // the parser's bytes carry no offsets: the first bad byte of the record
                match (e, bad) {
                    (IngestError::InvalidUtf8 { path, .. }, Some((line, at))) => {
                        IngestError::InvalidUtf8 {
                            path,
                            line,
                            offset: at as usize,
                        }
                    }
                    (e, _) => e,
                }
            })
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

/// Whether the quotes of a TSV file are CSV-style quoting, to be read as such (as pandas
/// writes TSV: a field holding a tab, a line break or a quote wrapped in quotes, its quotes
/// doubled). TSV itself (IANA) has no quoting, and news text is full of quotes, so the file is
/// read literally (quotes are text, every line a row) when its quotes cannot be quoting or
/// would lose rows read as quoting:
/// - a quote closes a field early (`"We will win," he said`);
/// - a quote is never closed;
/// - a quoted field spans lines, and every line of its row, read literally, is a complete
///   row of the header's field count (a stray quote opened on one row and closed rows
///   later, which would merge those rows into one). A header of one column says nothing here
///   (every line is a row of one field), so the test needs two columns or more.
///
/// One pass over the stream, before any row is read, so the choice holds for the whole file.
pub(crate) fn tsv_quoting(input: &mut dyn BufRead, path: &Path) -> Result<bool> {
    let mut scan = TsvScan::default();
    loop {
        let buf = input.fill_buf().map_err(|e| IngestError::io(path, e))?;
        if buf.is_empty() {
            return Ok(scan.finish());
        }
        let n = buf.len();
        if !scan.feed(buf) {
            return Ok(false);
        }
        input.consume(n);
    }
}

/// The state of [`tsv_quoting`]'s pass.
struct TsvScan {
    state: Quoting,
    /// The last byte was a `\r` (a `\n` right after it ends the same line).
    after_cr: bool,
    /// Tabs on the current line so far.
    tabs: usize,
    /// Bytes on the current line so far, its line end not counted.
    len: usize,
    /// Fields of the first non-blank line read literally.
    header: Option<usize>,
    /// The current row has taken a line break inside a quoted field.
    spans: bool,
    /// Every line of the current row so far is, read literally, a complete row.
    lines_are_rows: bool,
}

impl Default for TsvScan {
    fn default() -> Self {
        Self {
            state: Quoting::FieldStart,
            after_cr: false,
            tabs: 0,
            len: 0,
            header: None,
            spans: false,
            lines_are_rows: true,
        }
    }
}

impl TsvScan {
    /// Reads `bytes` on; false as soon as the file must be read literally.
    fn feed(&mut self, bytes: &[u8]) -> bool {
        for &b in bytes {
            self.state = match (self.state, b) {
                (Quoting::FieldStart, b'"') => Quoting::Quoted,
                (Quoting::Quoted, b'"') => Quoting::QuoteInQuoted,
                (Quoting::Quoted, _) => Quoting::Quoted,
                (Quoting::QuoteInQuoted, b'"') => Quoting::Quoted,
                (_, b'\n' | b'\r' | b'\t') => Quoting::FieldStart,
                // a quote closing a field early
                (Quoting::QuoteInQuoted, _) => return false,
                _ => Quoting::Unquoted,
            };
            match b {
                b'\n' if self.after_cr => {}
                b'\n' | b'\r' => {
                    if !self.end_line() {
                        return false;
                    }
                }
                b'\t' => {
                    self.tabs += 1;
                    self.len += 1;
                }
                _ => self.len += 1,
            }
            self.after_cr = b == b'\r';
        }
        true
    }

    /// Ends the current line (after its line end went through the quoting state); false if
    /// it ends a row that must be read literally.
    fn end_line(&mut self) -> bool {
        let fields = self.tabs + 1;
        let blank = self.len == 0;
        (self.tabs, self.len) = (0, 0);
        if self.header.is_none() && !blank {
            self.header = Some(fields);
        }
        let header = self.header.unwrap_or(0);
        self.lines_are_rows &= !blank && fields == header;
        if self.state == Quoting::Quoted {
            self.spans = true;
            return true;
        }
        let literal = self.spans && self.lines_are_rows && header >= 2;
        (self.spans, self.lines_are_rows) = (false, true);
        !literal
    }

    /// At the end of the input: whether the quotes are CSV-style quoting.
    fn finish(&mut self) -> bool {
        if self.len > 0 && !self.end_line() {
            return false;
        }
        // a quote never closed
        self.state != Quoting::Quoted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hands out its bytes two at a time, so that characters are split between reads.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(2).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn bad_bytes(input: &[u8]) -> Vec<(u64, usize)> {
        let mut inner = std::io::BufReader::with_capacity(1, Trickle(input));
        let mut check = QuoteCheck::new(&mut inner, b',', true, true);
        let mut sink = Vec::new();
        check.read_to_end(&mut sink).unwrap();
        check.bad.iter().copied().collect()
    }

    #[test]
    fn split_characters_are_whole_and_bad_bytes_found_where_they_are() {
        // `é` (2 bytes), `€` (3), `😀` (4) across reads of 2 bytes: no bad byte
        assert!(bad_bytes("a,é€😀\nb,ok\n".as_bytes()).is_empty());
        // a stray continuation byte, a lead byte cut short by a newline, a bad byte at the end
        let mut input = b"a,x".to_vec();
        input.push(0x80);
        input.extend_from_slice(b"\nb,");
        input.push(0xE2);
        input.extend_from_slice(b"\nc,");
        input.push(0xFF);
        let bad: Vec<u64> = bad_bytes(&input).iter().map(|&(o, _)| o).collect();
        assert_eq!(bad, [3, 7, 11]);
    }

    fn quoting(tsv: &str) -> bool {
        tsv_quoting(&mut tsv.as_bytes(), Path::new("t.tsv")).unwrap()
    }

    #[test]
    fn tsv_quoting_is_told_per_file() {
        // quoting as pandas writes it: quotes doubled, a line break or a tab quoted
        assert!(quoting("id\ttext\na\t\"\"\"Hi,\"\" he said\"\nb\tplain\n"));
        assert!(quoting("id\ttext\ta\nx\t\"one\ntwo\"\t1\n"));
        assert!(quoting("id\ttext\r\na\t\"one\r\n\r\ntwo\"\r\n"));
        assert!(quoting("id\ttext\na\t\"whole\"\n"));
        assert!(quoting(""));
        // a quote closing a field early, or never closed
        assert!(!quoting("id\ttext\na\t\"Hi,\" he said\n"));
        assert!(!quoting("id\ttext\na\t\"Hi\nb\tB\n"));
        // a quoted field over lines that are each a complete row, however the lines end
        assert!(!quoting("id\ttext\na\t\"A\nb\tB\nc\tC\"\nd\tD\n"));
        assert!(!quoting("id\ttext\r\na\t\"A\r\nb\tB\"\r\n"));
        assert!(!quoting("id\ttext\ra\t\"A\rb\tB\""));
        // ... but not when a line of it is blank or of another length, nor with one column
        assert!(quoting("id\ttext\na\t\"A\n\nb\tB\"\n"));
        assert!(quoting("id\ttext\na\t\"A\nb\tB\tx\"\n"));
        assert!(quoting("text\n\"A\nB\"\n"));
    }
}
