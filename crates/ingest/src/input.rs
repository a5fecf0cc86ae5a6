//! Turning command-line style inputs (files, directories, glob patterns, `-`) into a sorted
//! list of files, and choosing each file's format.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{IngestError, Result};

/// The format of an input file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// By extension (after a `.gz`): `.jsonl`/`.ndjson` JSON Lines, `.csv` CSV, `.tsv` TSV,
    /// anything else plain text. Standard input is JSON Lines when its first non-blank byte is
    /// `{`, CSV or TSV when its first line is a header row of column names split by commas
    /// or tabs, one of them the text column's (and the next line, if it has no quotes, as
    /// many cells), plain text otherwise.
    #[default]
    Auto,
    /// Plain text: one article a file (or several, cut by a delimiter line), one paragraph a
    /// line.
    Text,
    /// JSON Lines: one JSON object a line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row. Quotes quote as in CSV only when the file's
    /// quotes are such quoting throughout; else (a quote closing a field early, a quote never
    /// closed, a quoted field over lines that are each a complete row) the file is read
    /// literally, quotes as text and one row a line.
    Tsv,
}

/// Extensions read when walking a directory (each also with `.gz`).
pub const DIRECTORY_EXTENSIONS: &[&str] = &["txt", "jsonl", "ndjson", "csv", "tsv"];

impl Format {
    /// The format of a file name by its extension (a trailing `.gz` is looked through), or
    /// `None` if the extension is not one newsdiff reads when walking directories.
    pub fn from_path(path: &Path) -> Option<Self> {
        // lossy: a name that is not UTF-8 still has its (ASCII) extension
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = Path::new(name).extension()?.to_str()?;
        match ext {
            "txt" => Some(Self::Text),
            "jsonl" | "ndjson" => Some(Self::Jsonl),
            "csv" => Some(Self::Csv),
            "tsv" => Some(Self::Tsv),
            _ => None,
        }
    }
}

/// One input: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The path as shown in messages and in [`crate::Source::path`] (`-` for standard input).
    pub fn display_path(&self) -> String {
        match self {
            Self::File(p) => p.display().to_string(),
            Self::Stdin => "-".to_owned(),
        }
    }

    /// The path for error values.
    pub fn path(&self) -> PathBuf {
        match self {
            Self::File(p) => p.clone(),
            Self::Stdin => PathBuf::from("-"),
        }
    }

    /// The stem ids are made from: the file name without `.gz` and its last extension
    /// (`stdin` for standard input).
    pub fn stem(&self) -> String {
        match self {
            Self::Stdin => "stdin".to_owned(),
            Self::File(p) => {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let name = name
                    .strip_suffix(".gz")
                    .or_else(|| name.strip_suffix(".GZ"))
                    .unwrap_or(&name);
                match name.rfind('.') {
                    Some(i) if i > 0 => name[..i].to_owned(),
                    _ => name.to_owned(),
                }
            }
        }
    }
}

/// A file left out of a directory walk, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// The file.
    pub path: PathBuf,
    /// Why it was not read.
    pub why: String,
}

/// The files an input list names, in order, plus what directory walks passed over.
#[derive(Debug, Default, Clone)]
pub struct Expanded {
    /// Files to read, each argument's files in sorted order, arguments in the order given.
    pub inputs: Vec<Input>,
    /// Files passed over in directories.
    pub skipped: Vec<Skipped>,
}

fn has_glob_meta(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

/// Expands files, directories (recursively, in sorted order, keeping only
/// [`DIRECTORY_EXTENSIONS`]), glob patterns and `-`. A file reached twice (`d d/*.txt`, or
/// through a link) is read once, where it is first reached.
///
/// # Errors
///
/// [`IngestError::NoInput`] for an empty list, [`IngestError::Io`] for a path that does not
/// exist or a directory that cannot be listed, [`IngestError::Glob`] and
/// [`IngestError::NoMatch`] for patterns.
pub fn expand<P: AsRef<Path>>(args: &[P]) -> Result<Expanded> {
    if args.is_empty() {
        return Err(IngestError::NoInput("no path given".to_owned()));
    }
    let mut out = Expanded::default();
    for arg in args {
        let path = arg.as_ref();
        if path == Path::new("-") {
            out.inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut out, None)?,
            Ok(_) => out.inputs.push(Input::File(path.to_path_buf())),
            Err(e) => {
                let text = path.to_string_lossy();
                if e.kind() == std::io::ErrorKind::NotFound && has_glob_meta(&text) {
                    glob(&text, &mut out)?;
                } else {
                    return Err(IngestError::io(path, e));
                }
            }
        }
    }
    // one file, however it was named (its canonical path; as given if that fails)
    let mut seen = std::collections::HashSet::new();
    out.inputs.retain(|input| match input {
        Input::File(p) => seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())),
        Input::Stdin => true,
    });
    Ok(out)
}

/// The pattern as walked paths are written: no `.` and no empty components (`./walk//*.txt`
/// is `walk/*.txt`).
fn clean_pattern(pattern: &str) -> String {
    let absolute = pattern.starts_with('/');
    let parts: Vec<&str> = pattern
        .split('/')
        .filter(|&c| !c.is_empty() && c != ".")
        .collect();
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

fn glob(original: &str, out: &mut Expanded) -> Result<()> {
    let cleaned = clean_pattern(original);
    let pattern = cleaned.as_str();
    let matcher = globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map_err(|source| IngestError::Glob {
            pattern: original.to_owned(),
            source,
        })?
        .compile_matcher();
    // Walk from the longest leading part without glob characters.
    let mut base = PathBuf::new();
    for comp in Path::new(pattern).components() {
        if has_glob_meta(&comp.as_os_str().to_string_lossy()) {
            break;
        }
        base.push(comp);
    }
    if base.as_os_str().is_empty() {
        base.push(".");
    }
    let before = out.inputs.len();
    let mut found = Expanded::default();
    walk(&base, &mut found, Some(&matcher))?;
    out.inputs.extend(found.inputs);
    if out.inputs.len() == before {
        return Err(IngestError::NoMatch {
            pattern: original.to_owned(),
        });
    }
    Ok(())
}

/// Recursive sorted walk. With a matcher, keeps files whose path matches it (any extension);
/// without, keeps the directory extensions and notes the rest in `skipped`.
fn walk(dir: &Path, out: &mut Expanded, matcher: Option<&globset::GlobMatcher>) -> Result<()> {
    let mut entries = std::fs::read_dir(dir)
        .map_err(|e| IngestError::io(dir, e))?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()
        .map_err(|e| IngestError::io(dir, e))?;
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        let meta = std::fs::metadata(&path).map_err(|e| IngestError::io(&path, e))?;
        if meta.is_dir() {
            if hidden {
                if matcher.is_none() {
                    out.skipped.push(Skipped {
                        path,
                        why: "hidden directory".to_owned(),
                    });
                }
                continue;
            }
            walk(&path, out, matcher)?;
            continue;
        }
        match matcher {
            Some(m) => {
                let rel = path.strip_prefix("./").unwrap_or(&path);
                if m.is_match(rel) {
                    out.inputs.push(Input::File(path));
                }
            }
            None if hidden => out.skipped.push(Skipped {
                path,
                why: "hidden file".to_owned(),
            }),
            None if Format::from_path(&path).is_some() => out.inputs.push(Input::File(path)),
            None => out.skipped.push(Skipped {
                path,
                why: "not a .txt, .jsonl, .ndjson, .csv or .tsv file (or their .gz)".to_owned(),
            }),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_stems() {
        assert_eq!(
            Format::from_path(Path::new("a/b.jsonl.gz")),
            Some(Format::Jsonl)
        );
        assert_eq!(Format::from_path(Path::new("b.TSV")), Some(Format::Tsv));
        assert_eq!(Format::from_path(Path::new("b.md")), None);
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let odd = std::ffi::OsStr::from_bytes(b"bad\xff.txt");
            assert_eq!(Format::from_path(Path::new(odd)), Some(Format::Text));
        }
        assert_eq!(Input::File("x/003_abc.txt".into()).stem(), "003_abc");
        assert_eq!(Input::File("x/a.b.txt.gz".into()).stem(), "a.b");
        assert_eq!(Input::File("x/README".into()).stem(), "README");
        assert_eq!(Input::Stdin.stem(), "stdin");
    }

    #[test]
    fn patterns_are_cleaned_like_walked_paths() {
        assert_eq!(clean_pattern("./walk/*.txt"), "walk/*.txt");
        assert_eq!(clean_pattern("walk//*.txt"), "walk/*.txt");
        assert_eq!(clean_pattern("/tmp/./x/*.txt"), "/tmp/x/*.txt");
        assert_eq!(clean_pattern("/a//*.txt"), "/a/*.txt");
    }

    /// Found by a CLI audit: `d d/*.txt` failed with a duplicate id of one file.
    #[test]
    fn a_file_named_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("x.txt"), "One.\n").unwrap();
        std::fs::write(d.join("y.txt"), "Two.\n").unwrap();
        let pattern = d.join("*.txt");
        let twice = expand(&[d.to_path_buf(), pattern, d.join("x.txt")]).unwrap();
        let names: Vec<String> = twice.inputs.iter().map(Input::stem).collect();
        assert_eq!(names, ["x", "y"]);
    }
}
