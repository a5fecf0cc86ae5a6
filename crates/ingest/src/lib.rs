//! Read news articles into a typed model with byte offsets and paragraph kinds.
//!
//! `newsdiff-ingest` is the first stage of [newsdiff](https://github.com/newsdiff/newsdiff):
//! it turns article files into [`Article`]s whose [`Paragraph`]s are byte [`Span`]s into the
//! original text, each classed as [`ParagraphKind::Title`], [`ParagraphKind::Body`],
//! [`ParagraphKind::Caption`] or [`ParagraphKind::Boilerplate`] with a machine-readable
//! [`Reason`].
//!
//! # Inputs
//!
//! - **Plain text** (`.txt`, and any file named explicitly): one article a file, one
//!   paragraph a line; blank lines separate, lines end at LF, CRLF or a lone CR (old Mac files),
//!   a UTF-8 byte-order mark is handled, and
//!   spans index the file's own bytes. Hard-wrapped text (wire copy) is detected and its lines
//!   joined into paragraphs ([`Layout`]). With [`Reader::delimiter`], a file holds several
//!   articles cut at a delimiter line (ids `<stem>#1`, `<stem>#2`, …).
//! - **JSON Lines** (`.jsonl`, `.ndjson`): one object a line, fields named by [`Fields`]
//!   (`id`, `text`, `title`, `date`, `url`, `source`). A `.json` file named explicitly is
//!   read so when it starts with `{` or `[`; a JSON array of records is an error saying how
//!   to convert it. JSON escapes of lone UTF-16 surrogates,
//!   which are not valid Unicode, become U+FFFD (3 bytes of UTF-8) in the decoded text, which
//!   is what offsets index.
//! - **CSV / TSV** (`.csv`, `.tsv`) with a header row, columns named by [`Fields`]. CSV
//!   quoting is RFC 4180's. TSV has none of its own: a TSV file is read with CSV-style
//!   quoting when its quotes are such quoting (as pandas writes TSV), literally (quotes as
//!   text, one row a line) when they are not (see [`Format::Tsv`]), decided per file.
//! - **gzip**: any of these compressed (recognised by its magic bytes, so `.jsonl.gz` works).
//! - **Directories** (recursive, sorted, links followed, link loops ended; other files
//!   are listed in [`Corpus::skipped`]), **glob patterns** (`'corpus/**/*.txt'`) and `-` for
//!   standard input. What a walk would pass over anyway is never an error (see [`expand`]).
//!
//! # Article ids
//!
//! The file name without `.gz` and its last extension for a one-article text file
//! (`003_e54c8d96aaddcdca`); `<stem>#<n>` for delimiter-cut files; the `id` field or column of
//! a record, else `<stem>#<n>` with `n` the 1-based record number. Ids must be unique in one
//! run: a duplicate is an [`IngestError::DuplicateId`] naming both places.
//!
//! # Classification
//!
//! By shape (a bracketed line is a caption, a headline-shaped first line a title, a line of
//! stray punctuation a fragment) and by a multilingual [`Lexicon`] of markers that users can
//! extend ([`Lexicon::load_tsv`]). Boilerplate is labelled, never removed.
//!
//! # Example
//!
//! ```
//! use newsdiff_ingest::{parse_text, ParagraphKind};
//!
//! let text = "Talks End in London\n\nThe two sides agreed a framework.\n[Negotiators leave the venue]\nAdvertisement\n";
//! let article = parse_text("london", text);
//! let kinds: Vec<_> = article.paragraphs.iter().map(|p| p.kind).collect();
//! assert_eq!(kinds, [ParagraphKind::Title, ParagraphKind::Body, ParagraphKind::Caption, ParagraphKind::Boilerplate]);
//! assert_eq!(article.title.as_deref(), Some("Talks End in London"));
//! assert_eq!(article.paragraph_text(&article.paragraphs[1]), "The two sides agreed a framework.");
//! ```
//!
//! Reading files: `Reader::new().read_paths(&["corpus/seeds"])?` returns a [`Corpus`];
//! [`Reader::read_each`] streams articles one at a time instead; [`Reader::index_paths`]
//! keeps only the ids and record locations of JSON Lines files, and [`Index::load`] reads
//! articles again when needed.
//!
//! # Errors
//!
//! Every error is an [`IngestError`] naming the file, the 1-based line and the field. Invalid
//! UTF-8 is an error naming the byte offset unless [`Reader::lossy`] is set.
#![deny(missing_docs)]

mod build;
mod classify;
mod decode;
mod error;
mod index;
mod input;
mod jsonl;
mod layout;
mod model;
mod reader;
mod record;
mod sidecar;
mod table;
mod text;

pub use classify::{Classifier, Entry, Lexicon, Match, Reason};
pub use error::{IngestError, Result};
pub use index::{Index, Location};
pub use input::{DIRECTORY_EXTENSIONS, Expanded, Format, Input, Skipped, expand};
pub use layout::{Layout, line_at};
pub use model::{Article, Paragraph, ParagraphKind, Source, Span};
pub use reader::{Corpus, Reader, Summary};
pub use record::Fields;
pub use sidecar::{Sidecar, SidecarRow};

/// Reads every path (files, directories, glob patterns, `-`) with the default [`Reader`].
///
/// # Errors
///
/// As [`Reader::read_paths`].
pub fn read_paths<P: AsRef<std::path::Path>>(paths: &[P]) -> Result<Corpus> {
    Reader::new().read_paths(paths)
}

/// Parses one plain-text article held in memory, with the default classifier and layout
/// ([`Reader::parse_text`] takes a reader's). Spans index `text`.
pub fn parse_text(id: &str, text: &str) -> Article {
    Reader::new().parse_text(id, text)
}
