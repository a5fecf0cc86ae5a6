//! The one error type of this crate, [`IngestError`], naming file, line and field.

use std::path::PathBuf;

/// A `Result` whose error is [`IngestError`].
pub type Result<T, E = IngestError> = std::result::Result<T, E>;

/// Everything that can go wrong while reading articles.
///
/// Every variant names the file (`-` for standard input) and, where there is one, the 1-based
/// line and the field or column, so that a user can find and fix the input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// No path was given, or the given paths held no article files.
    #[error("no input: {0}")]
    NoInput(String),
    /// A glob pattern matched no file.
    #[error("{pattern}: the pattern matches no file")]
    NoMatch {
        /// The pattern as given.
        pattern: String,
    },
    /// A glob pattern could not be parsed.
    #[error("{pattern}: invalid glob pattern: {source}")]
    Glob {
        /// The pattern as given.
        pattern: String,
        /// What the glob parser said.
        source: globset::Error,
    },
    /// A file could not be opened or read (including a corrupt gzip stream).
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The bytes are not valid UTF-8 (see `Reader::lossy` for the opt-in repair).
    #[error("{}:{line}: invalid UTF-8 at byte offset {offset}", path.display())]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first bad byte.
        line: usize,
        /// Byte offset of the first bad byte in the (decompressed) file.
        offset: usize,
    },
    /// The file holds no article: it is empty, or holds only white space (or a CSV/TSV
    /// header row).
    #[error("{}: no article in it (the file is empty, blank, or a header row only)", path.display())]
    EmptyFile {
        /// The file.
        path: PathBuf,
    },
    /// A JSON Lines line is not valid JSON.
    #[error(
        "{}:{line}: invalid JSON {}: {}",
        path.display(),
        json_position(error),
        json_message(error)
    )]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What the JSON parser said (its position counts within the line; the message
        /// gives the column, not a second line number).
        error: serde_json::Error,
    },
    /// A JSON Lines line is valid JSON but not an object.
    #[error("{}:{line}: expected a JSON object, found {found}", path.display())]
    NotAnObject {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The JSON type found instead (`array`, `string`, …).
        found: &'static str,
    },
    /// A record lacks its text field or column.
    #[error("{}:{line}: missing field `{field}`", path.display())]
    MissingField {
        /// The file.
        path: PathBuf,
        /// 1-based line of the record.
        line: usize,
        /// The field's configured name.
        field: String,
    },
    /// A field has a type that cannot be used (an object as id, a number as text, …).
    #[error("{}:{line}: field `{field}` must be {expected}, found {found}", path.display())]
    FieldType {
        /// The file.
        path: PathBuf,
        /// 1-based line of the record.
        line: usize,
        /// The field's configured name.
        field: String,
        /// What the field must be.
        expected: &'static str,
        /// The JSON type found instead.
        found: &'static str,
    },
    /// A CSV/TSV header lacks the configured text column.
    #[error("{}:1: no column named `{column}` in the header (columns: {header})", path.display())]
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// The configured column name.
        column: String,
        /// The header's columns, comma separated.
        header: String,
    },
    /// A field an article is read from is given twice: a JSON Lines record with a key twice,
    /// or a CSV/TSV header with a column name twice. Which one is meant cannot be told.
    #[error("{}:{line}: field `{field}` is given twice (rename or drop one)", path.display())]
    DuplicateField {
        /// The file.
        path: PathBuf,
        /// 1-based line of the record (1 for a header).
        line: usize,
        /// The field's configured name.
        field: String,
    },
    /// A CSV/TSV record has a different number of fields than the header.
    #[error("{}:{line}: expected {expected} fields, found {found}", path.display())]
    ColumnCount {
        /// The file.
        path: PathBuf,
        /// 1-based line of the record.
        line: usize,
        /// Number of fields in the header.
        expected: usize,
        /// Number of fields in this record.
        found: usize,
    },
    /// Any other CSV/TSV syntax problem.
    #[error("{}:{line}: invalid {format}: {message}", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// The file's format as named in the message: `CSV` or `TSV`.
        format: &'static str,
        /// 1-based line.
        line: usize,
        /// What the CSV parser said.
        message: String,
    },
    /// Two articles have the same id.
    #[error("duplicate article id `{id}` at {first} and {second}")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was seen first (`path:line`, 1-based).
        first: String,
        /// Where it was seen again.
        second: String,
    },
    /// A record read again through an [`Index`](crate::Index) is not the one indexed: the
    /// file changed since.
    #[error("{}:{line}: the file changed since it was indexed", path.display())]
    Changed {
        /// The file.
        path: PathBuf,
        /// 1-based line of the record.
        line: usize,
    },
    /// A user lexicon file has a bad line.
    #[error("{}:{line}: {message}", path.display())]
    Lexicon {
        /// The lexicon file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// Where in its line a JSON error is: the column, or the line's end when the parser ran past
/// it (an unclosed string takes the newline in).
fn json_position(e: &serde_json::Error) -> String {
    if e.line() > 1 {
        "at the end of the line".to_owned()
    } else {
        format!("at column {}", e.column())
    }
}

/// The JSON parser's message without its own `at line L column C`; for a line that ends
/// inside its value, what JSON Lines asks.
fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    };
    if e.is_eof() {
        format!("{text} (JSON Lines holds one whole object a line: `jq -c . FILE` writes JSON so)")
    } else {
        text
    }
}

impl IngestError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }
}
