//! [`Reader`]: the configurable entry point that turns paths into [`Article`]s.

use std::collections::HashMap;
use std::io::{BufRead, Read};
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::classify::{Classifier, Lexicon};
use crate::decode;
use crate::error::{IngestError, Result};
use crate::input::{self, Format, Input, Skipped};
use crate::layout::Layout;
use crate::model::{Article, Source};
use crate::record::Fields;
use crate::{jsonl, table, text};

/// Reads articles from files, directories, glob patterns and standard input.
///
/// `Reader::new()` gives the defaults (formats by extension, no delimiter, strict UTF-8, the
/// built-in lexicon); the setters form a small builder.
///
/// ```
/// use newsdiff_ingest::{Format, Reader};
/// let text = "Headline\n=====\nSecond article, first paragraph.\n";
/// let articles = Reader::new().delimiter("=====").read_bytes("mixed.txt", text.as_bytes(), Format::Text)?;
/// assert_eq!(articles.len(), 2);
/// assert_eq!(articles[1].id, "mixed#2");
/// # Ok::<(), newsdiff_ingest::IngestError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Reader {
    pub(crate) format: Format,
    pub(crate) delimiter: Option<String>,
    pub(crate) fields: Fields,
    pub(crate) layout: Layout,
    pub(crate) lossy: bool,
    pub(crate) classifier: Arc<Classifier>,
}

impl Default for Reader {
    fn default() -> Self {
        Self::new()
    }
}

/// What a run read: the articles, in input order, and the files involved.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Corpus {
    /// Every article, in the order of the inputs and of the records within each file.
    pub articles: Vec<Article>,
    /// How many files (standard input counting as one) were read.
    pub files: usize,
    /// Files passed over in directory walks, with the reason.
    pub skipped: Vec<Skipped>,
}

/// Counts from a streaming read ([`Reader::read_each`]).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Articles passed to the callback.
    pub articles: usize,
    /// Files read.
    pub files: usize,
    /// Files passed over in directory walks, with the reason.
    pub skipped: Vec<Skipped>,
}

impl Reader {
    /// A reader with the defaults.
    pub fn new() -> Self {
        Self {
            format: Format::Auto,
            delimiter: None,
            fields: Fields::default(),
            layout: Layout::Auto,
            lossy: false,
            classifier: Classifier::builtin(),
        }
    }

    /// Reads every file as `format` instead of choosing by extension.
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// Cuts plain-text files into several articles at every line whose trimmed text is
    /// `line` (`=====` is a good choice). Blank lines never cut articles: a `line` that is
    /// blank once trimmed cuts nothing.
    pub fn delimiter(mut self, line: impl Into<String>) -> Self {
        let line = line.into();
        self.delimiter = (!line.trim().is_empty()).then_some(line);
        self
    }

    /// Field and column names for JSON Lines and CSV/TSV.
    pub fn fields(mut self, fields: Fields) -> Self {
        self.fields = fields;
        self
    }

    /// How texts are cut into paragraphs.
    pub fn layout(mut self, layout: Layout) -> Self {
        self.layout = layout;
        self
    }

    /// Replaces invalid UTF-8 with U+FFFD instead of failing. Each invalid sequence becomes 3
    /// bytes, so offsets then index the repaired text, not the file's bytes.
    pub fn lossy(mut self, lossy: bool) -> Self {
        self.lossy = lossy;
        self
    }

    /// Uses this lexicon of caption and boilerplate markers.
    pub fn lexicon(mut self, lexicon: &Lexicon) -> Self {
        self.classifier = Arc::new(Classifier::new(lexicon));
        self
    }

    /// Reads all `paths` (files, directories, glob patterns, `-`) into memory.
    ///
    /// # Errors
    ///
    /// Any [`IngestError`]: nothing is returned unless every file was read, every record was
    /// valid and ids are unique.
    pub fn read_paths<P: AsRef<Path>>(&self, paths: &[P]) -> Result<Corpus> {
        let mut articles = Vec::new();
        let summary = self.read_each(paths, |a| {
            articles.push(a);
            Ok(())
        })?;
        Ok(Corpus {
            articles,
            files: summary.files,
            skipped: summary.skipped,
        })
    }

    /// Streams the articles of `paths` to `sink` one at a time, checking ids for uniqueness
    /// as it goes, so that millions of articles need not sit in memory at once.
    ///
    /// # Errors
    ///
    /// The first [`IngestError`] met, or the first error `sink` returns. Articles passed to
    /// `sink` before an error must be treated as incomplete.
    pub fn read_each<P: AsRef<Path>>(
        &self,
        paths: &[P],
        mut sink: impl FnMut(Article) -> Result<()>,
    ) -> Result<Summary> {
        let expanded = input::expand(paths)?;
        if expanded.inputs.is_empty() {
            return Err(IngestError::NoInput(format!(
                "no article files found ({} skipped)",
                expanded.skipped.len()
            )));
        }
        let mut seen = Ids::default();
        let mut summary = Summary {
            skipped: expanded.skipped,
            ..Summary::default()
        };
        for input in &expanded.inputs {
            let mut check = |article: Article| -> Result<()> {
                seen.check(&article)?;
                summary.articles += 1;
                sink(article)
            };
            self.read_input(input, &mut check)?;
            summary.files += 1;
        }
        Ok(summary)
    }

    fn read_input(&self, input: &Input, sink: &mut dyn FnMut(Article) -> Result<()>) -> Result<()> {
        let path = input.path();
        let open = |p: &Path| -> Result<Box<dyn BufRead>> {
            let file = std::fs::File::open(p).map_err(|e| IngestError::io(p, e))?;
            decode::open(Box::new(file), p)
        };
        match input {
            Input::Stdin => {
                let stream = decode::open(Box::new(std::io::stdin()), &path)?;
                self.read_stream(input, stream, None, sink)
            }
            Input::File(p) => {
                let file = std::fs::File::open(p).map_err(|e| IngestError::io(p, e))?;
                // only a regular file can be opened again from the start: a second open of
                // a pipe (`<(cat a.tsv)`, `/dev/stdin`) takes what the first has not yet
                // buffered, and one of a FIFO waits for a writer that never comes
                let regular = file
                    .metadata()
                    .map_err(|e| IngestError::io(p, e))?
                    .is_file();
                let stream = decode::open(Box::new(file), p)?;
                let reopen = || open(p);
                let reopen: Option<&dyn Fn() -> Result<Box<dyn BufRead>>> =
                    regular.then_some(&reopen);
                self.read_stream(input, stream, reopen, sink)
            }
        }
    }

    /// Reads one (decompressed) stream in the format configured or detected for `input`.
    /// `reopen`, when the input is a regular file or bytes in memory, opens it again from
    /// the start (a TSV file is read once to see whether its quotes quote, then again);
    /// without it (standard input, a pipe, a FIFO, a device), the stream is held in memory
    /// for that, as a stream can be read only once.
    fn read_stream(
        &self,
        input: &Input,
        mut stream: Box<dyn BufRead>,
        reopen: Option<&dyn Fn() -> Result<Box<dyn BufRead>>>,
        sink: &mut dyn FnMut(Article) -> Result<()>,
    ) -> Result<()> {
        let path = input.path();
        let format = match (self.format, input) {
            (Format::Auto, Input::File(p)) => match Format::from_path(p) {
                Some(format) => format,
                // a `.json` file holding an object or an array is no plain text: JSON Lines
                // (an array is then an error saying what to do)
                None if input::is_json_name(p) => {
                    let head = stream.fill_buf().map_err(|e| IngestError::io(&path, e))?;
                    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
                    match head.iter().find(|b| !b.is_ascii_whitespace()) {
                        Some(b'{' | b'[') => Format::Jsonl,
                        _ => Format::Text,
                    }
                }
                None => Format::Text,
            },
            (Format::Auto, Input::Stdin) => {
                // the first lines, whole however the writer cut them (a pipe hands them over
                // in pieces), given back to the stream after
                let mut prefix = Vec::new();
                let mut lines = 0;
                while lines < 2 || (prefix.trim_ascii().is_empty() && lines < MAX_BLANK_LINES) {
                    let n = stream
                        .read_until(b'\n', &mut prefix)
                        .map_err(|e| IngestError::io(&path, e))?;
                    if n == 0 {
                        break;
                    }
                    lines += 1;
                }
                let head = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&prefix);
                let mut first = head.iter().copied().filter(|b| !b.is_ascii_whitespace());
                let format = match (first.next(), first.next()) {
                    (Some(b'{'), _) => Format::Jsonl,
                    // a JSON array of records is no plain text (a caption `[Photo…]` is)
                    (Some(b'['), Some(b'{')) => {
                        return Err(IngestError::NotAnObject {
                            path,
                            line: 1,
                            found: jsonl::ARRAY,
                        });
                    }
                    _ => table_header(head, &self.fields).unwrap_or(Format::Text),
                };
                stream = Box::new(std::io::Cursor::new(prefix).chain(stream));
                format
            }
            (f, _) => f,
        };
        let (display, stem) = (input.display_path(), input.stem());
        let n = match format {
            Format::Jsonl => jsonl::read(&mut stream, &path, &display, &stem, self, sink)?,
            Format::Csv => {
                let csv = table::Dialect {
                    delimiter: b',',
                    quoting: true,
                };
                table::read(&mut stream, csv, &path, &display, &stem, self, sink)?
            }
            Format::Tsv => {
                let quoting = match reopen {
                    Some(reopen) => table::tsv_quoting(&mut *reopen()?, &path)?,
                    None => {
                        let mut bytes = Vec::new();
                        stream
                            .read_to_end(&mut bytes)
                            .map_err(|e| IngestError::io(&path, e))?;
                        let quoting = table::tsv_quoting(&mut bytes.as_slice(), &path)?;
                        stream = Box::new(std::io::Cursor::new(bytes));
                        quoting
                    }
                };
                let tsv = table::Dialect {
                    delimiter: b'\t',
                    quoting,
                };
                table::read(&mut stream, tsv, &path, &display, &stem, self, sink)?
            }
            Format::Text | Format::Auto => {
                let mut bytes = Vec::new();
                stream
                    .read_to_end(&mut bytes)
                    .map_err(|e| IngestError::io(&path, e))?;
                let text = decode::utf8(bytes, self.lossy, &path, 0, 1)?;
                let arts = text::articles(
                    text,
                    &stem,
                    &display,
                    self.delimiter.as_deref(),
                    self.layout,
                    &self.classifier,
                );
                let n = arts.len();
                for a in arts {
                    sink(a)?;
                }
                n
            }
        };
        if n == 0 {
            return Err(IngestError::EmptyFile { path });
        }
        Ok(())
    }

    /// One plain-text article held in memory, with this reader's layout and lexicon and
    /// the id given (the library's way to any id; [`crate::parse_text`] uses the defaults).
    /// Spans index `text`; `source.path` is empty.
    pub fn parse_text(&self, id: &str, text: &str) -> Article {
        crate::build::article(
            id.to_owned(),
            crate::Source {
                path: String::new(),
                line: 0,
            },
            text.to_owned(),
            0,
            crate::build::Meta::default(),
            self.layout,
            &self.classifier,
        )
    }

    /// Reads articles from bytes already in memory, as if they were a file called `name`
    /// (ids come from its stem). Gzip is recognised by magic bytes.
    ///
    /// # Errors
    ///
    /// As [`Reader::read_paths`] for one file.
    pub fn read_bytes(&self, name: &str, bytes: &[u8], format: Format) -> Result<Vec<Article>> {
        let input = Input::File(name.into());
        let reader = Self {
            format,
            ..self.clone()
        };
        let path = input.path();
        let open = || decode::open(Box::new(std::io::Cursor::new(bytes.to_vec())), &path);
        let mut seen = Ids::default();
        let mut out = Vec::new();
        reader.read_stream(&input, open()?, Some(&open), &mut |a| {
            seen.check(&a)?;
            out.push(a);
            Ok(())
        })?;
        Ok(out)
    }
}

/// The ids seen so far in a run, with where each was first seen.
#[derive(Default)]
struct Ids(HashMap<String, Source>);

impl Ids {
    fn check(&mut self, article: &Article) -> Result<()> {
        if let Some(first) = self.0.get(&article.id) {
            return Err(IngestError::DuplicateId {
                id: article.id.clone(),
                first: first.to_string(),
                second: article.source.to_string(),
            });
        }
        self.0.insert(article.id.clone(), article.source.clone());
        Ok(())
    }
}

/// Leading blank lines read from standard input, at most, before its format is told.
const MAX_BLANK_LINES: usize = 64;

/// The table format whose header row `head` starts with: a first line that a tab (else a
/// comma) splits into two cells or more, each a column name (letters, digits, ` `, `_`, `-`,
/// `.`, at most 64 bytes, perhaps in double quotes), one of them the text column's (`id,text`,
/// `"id"\t"text"`); and a second line, when there is one without quotes, of as many cells.
/// A plain-text article's first line, a headline, is no such row (`Audio, text, video: the
/// new app`). For standard input, which has no file name to tell the format by.
fn table_header(head: &[u8], fields: &Fields) -> Option<Format> {
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l));
    let line = lines.next()?;
    let second = lines.next().filter(|l| !l.trim_ascii().is_empty());
    /// A header cell as a column name, its quotes off.
    fn name(c: &[u8]) -> Option<&[u8]> {
        let c = c.trim_ascii();
        let c = c
            .strip_prefix(b"\"")
            .and_then(|c| c.strip_suffix(b"\""))
            .unwrap_or(c);
        let ok = !c.is_empty()
            && c.len() <= 64
            && c.iter()
                .all(|&b| b.is_ascii_alphanumeric() || b" _-.".contains(&b));
        ok.then_some(c)
    }
    [(b'\t', Format::Tsv), (b',', Format::Csv)]
        .into_iter()
        .find(|&(sep, _)| {
            let names: Option<Vec<&[u8]>> = line.split(|&b| b == sep).map(name).collect();
            let Some(names) = names else { return false };
            names.len() >= 2
                && names.contains(&fields.text.as_bytes())
                && second.is_none_or(|l| {
                    l.contains(&b'"') || l.split(|&b| b == sep).count() == names.len()
                })
        })
        .map(|(_, format)| format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_headers_on_stdin() {
        let f = Fields::default();
        assert_eq!(table_header(b"id,text\n1,a", &f), Some(Format::Csv));
        assert_eq!(table_header(b"\"id\",\"text\"\r\n", &f), Some(Format::Csv));
        assert_eq!(table_header(b"id\ttext\tdate\n", &f), Some(Format::Tsv));
        // column names with spaces, dots and dashes; a quoted one
        assert_eq!(
            table_header(b"text\tpub. date\t\"outlet-name\"\n", &f),
            Some(Format::Tsv)
        );
        // a quoted text cell may hold commas, even a line break
        assert_eq!(
            table_header(b"id,text\nc1,\"One, two,\nthree\"\n", &f),
            Some(Format::Csv)
        );
        for text in [
            &b"Talks in London, text and context\n"[..],
            b"Audio, text, video: the new BBC app\nThe BBC launched an app.\n",
            b"text\n",
            b"Headline\nid,text\n",
            b"",
        ] {
            assert_eq!(
                table_header(text, &f),
                None,
                "{:?}",
                String::from_utf8_lossy(text)
            );
        }
        let body = Fields {
            text: "body".to_owned(),
            ..Fields::default()
        };
        assert_eq!(table_header(b"id,text\n", &body), None);
        assert_eq!(table_header(b"id,body\n", &body), Some(Format::Csv));
        // column names, but the next line is no row of as many cells: text
        assert_eq!(
            table_header(b"Heart, body, soul\nA second paragraph.\n", &body),
            None
        );
    }
}
