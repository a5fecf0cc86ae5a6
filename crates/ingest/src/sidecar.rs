//! A sidecar table: dates, outlets, titles and URLs for articles whose files carry none
//! (plain text), keyed by article id.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use crate::error::{IngestError, Result};
use crate::model::Article;
use crate::table::csv_error;

/// What a sidecar row says about one article. Empty cells are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SidecarRow {
    /// Publication date (ISO 8601 text orders stories; anything else is shown as is).
    pub date: Option<String>,
    /// Outlet name (column `outlet` or `source`).
    pub outlet: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
}

/// A table of article metadata read from a CSV or TSV file with a header row: an `id`
/// column and any of `date`, `outlet` (or `source`), `title`, `url`.
///
/// ```
/// use newsdiff_ingest::{Sidecar, parse_text};
///
/// let table = "id\tdate\toutlet\n001\t2025-06-10\tXinhua\n";
/// let sidecar = Sidecar::from_reader(table.as_bytes(), b'\t', "meta.tsv").unwrap();
/// let mut articles = vec![parse_text("001", "Talks resumed in London.\n")];
/// let unknown = sidecar.apply(&mut articles);
/// assert!(unknown.is_empty());
/// assert_eq!(articles[0].date.as_deref(), Some("2025-06-10"));
/// assert_eq!(articles[0].outlet.as_deref(), Some("Xinhua"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sidecar {
    rows: BTreeMap<String, SidecarRow>,
}

/// The 1-based line of the first quoted field still open at the end of its line, if any.
/// Hand-written: the CSV crate reads a quoted field over line breaks, as CSV allows, and
/// reports where a record ends, not where the quote opened.
fn unclosed_quote_line(bytes: &[u8], delimiter: u8) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        /// A quote inside a quoted field: its end, or the first of a doubled quote.
        QuoteInQuoted,
    }
    let (mut line, mut state) = (1usize, State::FieldStart);
    for &b in bytes {
        state = match (state, b) {
            (State::Quoted, b'\n' | b'\r') => return Some(line),
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::QuoteInQuoted, b'"') | (State::FieldStart, b'"') => State::Quoted,
            (_, b'\n' | b'\r') => State::FieldStart,
            (_, d) if d == delimiter => State::FieldStart,
            _ => State::Unquoted,
        };
        if b == b'\n' {
            line += 1;
        }
    }
    (state == State::Quoted).then_some(line)
}

impl Sidecar {
    /// Reads a sidecar file: TSV when its name ends in `.tsv` or `.tab`, else CSV.
    pub fn read(path: &Path) -> Result<Self> {
        let file = std::fs::File::open(path).map_err(|e| IngestError::io(path, e))?;
        let tsv = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"));
        Self::from_reader(
            std::io::BufReader::new(file),
            if tsv { b'\t' } else { b',' },
            path,
        )
    }

    /// Reads a sidecar table from `input` with this field delimiter; `path` names it in
    /// errors.
    pub fn from_reader(
        mut input: impl Read,
        delimiter: u8,
        path: impl AsRef<Path>,
    ) -> Result<Self> {
        let path = path.as_ref();
        // A sidecar is small, and its fields hold no line break: a quote left open is found
        // on its own line, before the CSV parser reads the rest of the file into one field
        // (a date read as `2025-06-13\n001,2025-06-11`) or counts fields at the end.
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .map_err(|e| IngestError::io(path, e))?;
        if let Some(line) = unclosed_quote_line(&bytes, delimiter) {
            return Err(IngestError::Csv {
                path: path.to_path_buf(),
                format: crate::table::format_name(delimiter),
                line,
                message: "a quoted field opened on this line is not closed on it (sidecar \
                          fields hold no line breaks)"
                    .to_owned(),
            });
        }
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .flexible(false)
            .from_reader(bytes.as_slice());
        let header: Vec<String> = csv
            .headers()
            .map_err(|e| csv_error(e, path, delimiter))?
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
            .collect();
        let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
        let Some(id_col) = col(&["id"]) else {
            return Err(IngestError::MissingColumn {
                path: path.to_path_buf(),
                column: "id".to_owned(),
                header: header.join(","),
            });
        };
        let (date, outlet, title, url) = (
            col(&["date"]),
            col(&["outlet", "source"]),
            col(&["title"]),
            col(&["url"]),
        );
        let mut rows: BTreeMap<String, SidecarRow> = BTreeMap::new();
        let mut lines: BTreeMap<String, usize> = BTreeMap::new();
        for record in csv.records() {
            let record = record.map_err(|e| csv_error(e, path, delimiter))?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            let cell = |c: Option<usize>| {
                c.and_then(|c| record.get(c))
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned)
            };
            let Some(id) = cell(Some(id_col)) else {
                return Err(IngestError::MissingField {
                    path: path.to_path_buf(),
                    line,
                    field: "id".to_owned(),
                });
            };
            if let Some(first) = lines.insert(id.clone(), line) {
                return Err(IngestError::DuplicateId {
                    id,
                    first: format!("{}:{first}", path.display()),
                    second: format!("{}:{line}", path.display()),
                });
            }
            rows.insert(
                id,
                SidecarRow {
                    date: cell(date),
                    outlet: cell(outlet),
                    title: cell(title),
                    url: cell(url),
                },
            );
        }
        Ok(Self { rows })
    }

    /// The row for this article id.
    pub fn get(&self, id: &str) -> Option<&SidecarRow> {
        self.rows.get(id)
    }

    /// How many rows the table has.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Sets each article's date, outlet, title and URL from its row (a non-empty cell wins
    /// over what the article's file said). Returns the sidecar ids that match no article,
    /// sorted, so that a caller can warn about typos.
    pub fn apply(&self, articles: &mut [Article]) -> Vec<String> {
        let mut seen = vec![false; self.rows.len()];
        let keys: Vec<&String> = self.rows.keys().collect();
        for article in articles.iter_mut() {
            let Ok(i) = keys.binary_search(&&article.id) else {
                continue;
            };
            seen[i] = true;
            let row = &self.rows[keys[i]];
            let set = |field: &mut Option<String>, value: &Option<String>| {
                if value.is_some() {
                    field.clone_from(value);
                }
            };
            set(&mut article.date, &row.date);
            set(&mut article.outlet, &row.outlet);
            set(&mut article.title, &row.title);
            set(&mut article.url, &row.url);
        }
        keys.iter()
            .zip(seen)
            .filter(|(_, s)| !s)
            .map(|(k, _)| (*k).clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_line() {
        let dup = "id,date\na,2025-01-01\na,2025-01-02\n";
        let e = Sidecar::from_reader(dup.as_bytes(), b',', "m.csv").unwrap_err();
        assert_eq!(
            e.to_string(),
            "duplicate article id `a` at m.csv:2 and m.csv:3"
        );
        let e = Sidecar::from_reader("date\n2025\n".as_bytes(), b',', "m.csv").unwrap_err();
        assert!(
            e.to_string().starts_with("m.csv:1: no column named `id`"),
            "{e}"
        );
        let e = Sidecar::from_reader("id,date\na\n".as_bytes(), b',', "m.csv").unwrap_err();
        assert_eq!(e.to_string(), "m.csv:2: expected 2 fields, found 1");
    }

    /// Found by a user audit: a quote left open is named on its line; it was read into one
    /// date over the rest of the file, or reported as a field count at the end.
    #[test]
    fn an_open_quote_is_named_on_its_line() {
        for text in [
            "id,date\na,\"2025-06-13\nb,2025-06-11\n",
            "id,date,title\na,2025-06-13,x\nb,2025-06-11,\"open\n",
        ] {
            let e = Sidecar::from_reader(text.as_bytes(), b',', "m.csv").unwrap_err();
            let line = text.lines().position(|l| l.contains('"')).unwrap_or(0) + 1;
            assert!(
                e.to_string()
                    .starts_with(&format!("m.csv:{line}: invalid CSV: a quoted field opened")),
                "{e}"
            );
        }
        let fine = "id,title,date\r\na,\"A \"\"quoted\"\" title, with a comma\",\"2025-06-10\"\r\n";
        let s = Sidecar::from_reader(fine.as_bytes(), b',', "m.csv").unwrap();
        let row = s.get("a").unwrap();
        assert_eq!(
            row.title.as_deref(),
            Some("A \"quoted\" title, with a comma")
        );
        assert_eq!(row.date.as_deref(), Some("2025-06-10"));
    }
}
