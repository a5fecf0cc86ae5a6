//! [`Index`]: the records of JSON Lines files known by id and location only, read again on
//! demand, so that a large corpus need not hold every text at once.

use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use crate::decode;
use crate::error::{IngestError, Result};
use crate::input::{self, Format, Input, Skipped};
use crate::jsonl;
use crate::model::{Article, Source};
use crate::reader::Reader;

/// The records of one or more JSON Lines files: per article only its id and where its record
/// lies (file, byte offset, length, line). [`Index::load`] reads records again and gives the
/// same [`Article`]s (same text, paragraphs and byte offsets) as [`Reader::read_paths`].
///
/// Made by [`Reader::index_paths`]. The files must not change while the index is used: a
/// record whose id differs from the indexed one is an [`IngestError::Changed`].
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use newsdiff_ingest::Reader;
///
/// let dir = std::env::temp_dir().join(format!("newsdiff-index-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let path = dir.join("a.jsonl");
/// std::fs::write(&path, "{\"id\":\"x\",\"text\":\"One.\"}\n\n{\"id\":\"y\",\"text\":\"Two.\"}\n")?;
/// let index = Reader::new().index_paths(&[&path])?.expect("a JSON Lines file");
/// assert_eq!((index.len(), index.id(1)), (2, "y"));
/// assert_eq!(index.location(1).line, 2);
/// let again = index.load(1)?;
/// assert_eq!(again, Reader::new().read_paths(&[&path])?.articles[1]);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Index {
    reader: Reader,
    files: Vec<IndexedFile>,
    /// Every id, one after the other; id `i` ends at `id_ends[i]`.
    ids: String,
    id_ends: Vec<usize>,
    records: Vec<Entry>,
    skipped: Vec<Skipped>,
}

#[derive(Debug, Clone)]
struct IndexedFile {
    path: PathBuf,
    display: String,
    stem: String,
}

/// Where one record is.
#[derive(Debug, Clone, Copy)]
struct Entry {
    file: u32,
    offset: u64,
    len: usize,
    /// 0-based line.
    line: usize,
    /// 1-based number among its file's records.
    record: usize,
}

/// Where a record of an [`Index`] lies in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location<'a> {
    /// The file.
    pub path: &'a Path,
    /// Byte offset of the record's line in the file.
    pub offset: u64,
    /// Length of the line in bytes, with its line break.
    pub len: usize,
    /// 0-based line of the record (as [`Source::line`]).
    pub line: usize,
}

impl Index {
    /// Number of articles.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether there is no article.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The id of article `i` (in the order of the inputs and of the records within each
    /// file, as [`Reader::read_paths`] gives them).
    ///
    /// # Panics
    ///
    /// If `i` is not below [`Index::len`].
    pub fn id(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.id_ends[i - 1] };
        &self.ids[start..self.id_ends[i]]
    }

    /// Every id, in article order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.id(i))
    }

    /// Where the record of article `i` lies.
    ///
    /// # Panics
    ///
    /// If `i` is not below [`Index::len`].
    pub fn location(&self, i: usize) -> Location<'_> {
        let e = self.records[i];
        Location {
            path: &self.files[e.file as usize].path,
            offset: e.offset,
            len: e.len,
            line: e.line,
        }
    }

    /// How many files were read.
    pub fn files(&self) -> usize {
        self.files.len()
    }

    /// Files passed over in directory walks, with the reason.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// Reads article `i` again.
    ///
    /// # Errors
    ///
    /// [`IngestError::Io`] if the file cannot be read, [`IngestError::Changed`] if the record
    /// is no longer the one indexed, or any error of the record itself (which the file
    /// held no longer when indexed).
    ///
    /// # Panics
    ///
    /// If `i` is not below [`Index::len`].
    pub fn load(&self, i: usize) -> Result<Article> {
        let mut out = self.load_many(&[i])?;
        out.pop()
            .ok_or_else(|| IngestError::NoInput("no record".to_owned()))
    }

    /// Reads the articles `indices` again, in that order (each file is opened once per call).
    ///
    /// # Errors
    ///
    /// As [`Index::load`].
    ///
    /// # Panics
    ///
    /// If an index is not below [`Index::len`].
    pub fn load_many(&self, indices: &[usize]) -> Result<Vec<Article>> {
        self.each_record(indices, |file, e, line| {
            jsonl::record(
                line,
                &file.path,
                &file.display,
                &file.stem,
                e.line + 1,
                e.record,
                &self.reader,
            )
        })
    }

    /// The texts of the articles `indices`, in that order: each is [`Article::text`] of
    /// [`Index::load`], without cutting it into paragraphs.
    ///
    /// # Errors
    ///
    /// As [`Index::load`].
    ///
    /// # Panics
    ///
    /// If an index is not below [`Index::len`].
    pub fn load_texts(&self, indices: &[usize]) -> Result<Vec<String>> {
        self.each_record(indices, |file, e, line| {
            jsonl::parse(
                line,
                &file.path,
                &file.stem,
                e.line + 1,
                e.record,
                &self.reader,
            )
            .map(|p| (p.id, p.text))
        })
        .map(|v| v.into_iter().map(|(_, text)| text).collect())
    }

    /// Reads the line of each record in `indices` and hands it to `make`; checks that what
    /// `make` made has the indexed id.
    fn each_record<T: HasId>(
        &self,
        indices: &[usize],
        mut make: impl FnMut(&IndexedFile, &Entry, &str) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::with_capacity(indices.len());
        let mut open: Option<(u32, std::fs::File)> = None;
        let mut buf = Vec::new();
        for &i in indices {
            let e = self.records[i];
            let file = &self.files[e.file as usize];
            let handle = match &mut open {
                Some((f, h)) if *f == e.file => h,
                slot => {
                    let h = std::fs::File::open(&file.path)
                        .map_err(|err| IngestError::io(&file.path, err))?;
                    &mut slot.insert((e.file, h)).1
                }
            };
            buf.clear();
            buf.resize(e.len, 0);
            handle
                .seek(SeekFrom::Start(e.offset))
                .and_then(|_| handle.read_exact(&mut buf))
                .map_err(|err| IngestError::io(&file.path, err))?;
            let offset = usize::try_from(e.offset).unwrap_or(usize::MAX);
            let line = decode::utf8(
                std::mem::take(&mut buf),
                self.reader.lossy,
                &file.path,
                offset,
                e.line + 1,
            )?;
            let made = make(file, &e, &line)?;
            if made.id() != self.id(i) {
                return Err(IngestError::Changed {
                    path: file.path.clone(),
                    line: e.line + 1,
                });
            }
            out.push(made);
            buf = line.into_bytes();
        }
        Ok(out)
    }
}

trait HasId {
    fn id(&self) -> &str;
}

impl HasId for Article {
    fn id(&self) -> &str {
        &self.id
    }
}

impl HasId for (String, String) {
    fn id(&self) -> &str {
        &self.0
    }
}

impl Reader {
    /// Indexes the JSON Lines records of `paths` (files, directories, glob patterns) without
    /// keeping their texts: see [`Index`]. Every record is parsed and checked as
    /// [`Reader::read_paths`] does, with the same errors in the same order (ids unique).
    ///
    /// Returns `Ok(None)`, having read no record, when an input cannot be read again by
    /// offset: standard input, a gzip file, or a file that is not JSON Lines (by the
    /// configured format, else by extension). Read those into memory instead.
    ///
    /// # Errors
    ///
    /// As [`Reader::read_paths`].
    pub fn index_paths<P: AsRef<Path>>(&self, paths: &[P]) -> Result<Option<Index>> {
        let expanded = input::expand(paths)?;
        if expanded.inputs.is_empty() {
            return Err(IngestError::NoInput(format!(
                "no article files found ({} skipped)",
                expanded.skipped.len()
            )));
        }
        let mut files = Vec::with_capacity(expanded.inputs.len());
        for input in &expanded.inputs {
            let Input::File(path) = input else {
                return Ok(None);
            };
            let format = match self.format {
                Format::Auto => Format::from_path(path).unwrap_or(Format::Text),
                f => f,
            };
            if format != Format::Jsonl || is_gzip(path)? {
                return Ok(None);
            }
            files.push(IndexedFile {
                path: path.clone(),
                display: input.display_path(),
                stem: input.stem(),
            });
        }
        let mut index = Index {
            reader: self.clone(),
            files: Vec::new(),
            ids: String::new(),
            id_ends: Vec::new(),
            records: Vec::new(),
            skipped: expanded.skipped,
        };
        for file in files {
            index.files.push(file);
            // An error met later than a duplicate id is not the first error.
            if let Err(e) = index.scan() {
                return Err(index.duplicate().unwrap_or(e));
            }
        }
        if let Some(e) = index.duplicate() {
            return Err(e);
        }
        index.records.shrink_to_fit();
        index.id_ends.shrink_to_fit();
        index.ids.shrink_to_fit();
        Ok(Some(index))
    }
}

fn is_gzip(path: &Path) -> Result<bool> {
    let mut head = [0u8; 2];
    let mut file = std::fs::File::open(path).map_err(|e| IngestError::io(path, e))?;
    let mut got = 0;
    while got < head.len() {
        match file.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(IngestError::io(path, e)),
        }
    }
    Ok(got == 2 && head == [0x1f, 0x8b])
}

impl Index {
    /// Reads the records of the last file into the index, as `jsonl::read` does.
    fn scan(&mut self) -> Result<()> {
        let f = self.files.len() - 1;
        let (path, stem) = (self.files[f].path.clone(), self.files[f].stem.clone());
        let path = &path;
        let handle = std::fs::File::open(path).map_err(|e| IngestError::io(path, e))?;
        let mut input = BufReader::with_capacity(1 << 16, handle);
        let (reader, ids, id_ends, records) = (
            &self.reader,
            &mut self.ids,
            &mut self.id_ends,
            &mut self.records,
        );
        let count = jsonl::for_each_line(&mut input, path, reader.lossy, &mut |l| {
            let parsed = jsonl::parse(l.text, path, &stem, l.line_no, l.record_no, reader)?;
            ids.push_str(&parsed.id);
            id_ends.push(ids.len());
            records.push(Entry {
                file: f as u32,
                offset: l.offset as u64,
                len: l.len,
                line: l.line_no - 1,
                record: l.record_no,
            });
            Ok(())
        })?;
        if count == 0 {
            return Err(IngestError::EmptyFile { path: path.clone() });
        }
        Ok(())
    }

    /// The duplicate id a streaming read meets first (the earliest second occurrence), as
    /// [`IngestError::DuplicateId`].
    fn duplicate(&self) -> Option<IngestError> {
        let mut order: Vec<usize> = (0..self.len()).collect();
        // Stable: equal ids stay in read order.
        order.sort_by(|&x, &y| self.id(x).cmp(self.id(y)));
        let (first, second) = order
            .chunk_by(|&x, &y| self.id(x) == self.id(y))
            .filter(|run| run.len() > 1)
            .map(|run| (run[0], run[1]))
            .min_by_key(|&(_, second)| second)?;
        let source = |i: usize| {
            let e = self.records[i];
            Source {
                path: self.files[e.file as usize].display.clone(),
                line: e.line,
            }
            .to_string()
        };
        Some(IngestError::DuplicateId {
            id: self.id(first).to_owned(),
            first: source(first),
            second: source(second),
        })
    }
}
