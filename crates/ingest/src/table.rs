//! CSV and TSV files with a header row.

use std::io::BufRead;
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
        .from_reader(input);
    let header = csv.byte_headers().map_err(|e| csv_error(e, path))?.clone();
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
    while csv
        .read_byte_record(&mut record)
        .map_err(|e| csv_error(e, path))?
    {
        rows += 1;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let offset = record.position().map_or(0, |p| p.byte() as usize);
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
