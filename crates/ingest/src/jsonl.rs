//! JSON Lines: one JSON object a line.

use std::io::BufRead;
use std::path::Path;

use serde_json::Value;

use crate::build::{self, Meta};
use crate::decode;
use crate::error::{IngestError, Result};
use crate::model::Article;
use crate::reader::Reader;
use crate::record::repair_lone_surrogates;

pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// What a JSON array where a record should be is called in errors: JSON Lines holds one
/// object a line, and a JSON array of records (a `.json` file) is not read as records.
pub(crate) const ARRAY: &str = "an array (JSON Lines holds one object a line: convert a JSON \
     array of records with `jq -c '.[]' FILE > FILE.jsonl`)";

/// A JSON Lines line as parsed: an object with its keys in order, a key given twice kept
/// twice (`serde_json`'s map keeps the last without a word), or the type of anything else.
enum Top {
    Object(Vec<(String, Value)>),
    Other(&'static str),
}

impl<'de> serde::Deserialize<'de> for Top {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Top;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    entries.push(entry);
                }
                Ok(Top::Object(entries))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Top, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Top::Other(ARRAY))
            }
            fn visit_unit<E>(self) -> Result<Top, E> {
                Ok(Top::Other("null"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Top, E> {
                Ok(Top::Other("a boolean"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Top, E> {
                Ok(Top::Other("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Top, E> {
                Ok(Top::Other("a number"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Top, E> {
                Ok(Top::Other("a number"))
            }
            fn visit_str<E>(self, _: &str) -> Result<Top, E> {
                Ok(Top::Other("a string"))
            }
        }
        d.deserialize_any(Visit)
    }
}

/// Streams the records of a JSON Lines stream into `sink`, one article a non-blank line.
/// Returns the number of articles.
pub(crate) fn read(
    input: &mut dyn BufRead,
    path: &Path,
    display: &str,
    stem: &str,
    reader: &Reader,
    sink: &mut dyn FnMut(Article) -> Result<()>,
) -> Result<usize> {
    for_each_line(input, path, reader.lossy, &mut |l| {
        let article = record(l.text, path, display, stem, l.line_no, l.record_no, reader)?;
        sink(article)
    })
}

/// One record line of a JSON Lines stream: its text, where it starts in the stream and how many
/// bytes it takes (newline included), its 1-based line number and its 1-based number among
/// the records.
pub(crate) struct Line<'a> {
    pub text: &'a str,
    pub offset: usize,
    pub len: usize,
    pub line_no: usize,
    pub record_no: usize,
}

/// Calls `each` on every non-blank line of a JSON Lines stream (decoded as `lossy` says);
/// returns how many there were. Shared by reading and by indexing, so both count lines,
/// records and offsets the same way.
pub(crate) fn for_each_line(
    input: &mut dyn BufRead,
    path: &Path,
    lossy: bool,
    each: &mut dyn FnMut(Line<'_>) -> Result<()>,
) -> Result<usize> {
    let mut buf = Vec::new();
    let (mut offset, mut line_no, mut records) = (0usize, 0usize, 0usize);
    loop {
        buf.clear();
        let n = input
            .read_until(b'\n', &mut buf)
            .map_err(|e| IngestError::io(path, e))?;
        if n == 0 {
            break;
        }
        let line = decode::utf8(std::mem::take(&mut buf), lossy, path, offset, line_no + 1)?;
        let at = offset;
        offset += n;
        line_no += 1;
        if !line.trim().is_empty() {
            records += 1;
            each(Line {
                text: &line,
                offset: at,
                len: n,
                line_no,
                record_no: records,
            })?;
        }
        buf = line.into_bytes();
    }
    Ok(records)
}

/// The article of one record: `line_no` is the record's 1-based line, `record_no` its
/// 1-based number among the file's records (for the default id).
pub(crate) fn record(
    line: &str,
    path: &Path,
    display: &str,
    stem: &str,
    line_no: usize,
    record_no: usize,
    reader: &Reader,
) -> Result<Article> {
    let Parsed { id, text, meta } = parse(line, path, stem, line_no, record_no, reader)?;
    Ok(build::record_article(
        id,
        display,
        line_no - 1,
        text,
        meta,
        reader,
    ))
}

/// What a record holds, checked, before its text is cut into paragraphs.
pub(crate) struct Parsed {
    pub id: String,
    pub text: String,
    pub meta: Meta,
}

/// Parses and checks one record (as [`record`], without building the article).
pub(crate) fn parse(
    line: &str,
    path: &Path,
    stem: &str,
    line_no: usize,
    record_no: usize,
    reader: &Reader,
) -> Result<Parsed> {
    // a byte order mark may open the file (and so its first line)
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    let repaired = repair_lone_surrogates(line);
    let value: Top = match serde_json::from_str(repaired.as_deref().unwrap_or(line)) {
        Ok(value) => value,
        // an array over several lines (pretty-printed JSON) is an array all the same
        Err(_) if line.trim_start().starts_with('[') => {
            return Err(IngestError::NotAnObject {
                path: path.to_path_buf(),
                line: line_no,
                found: ARRAY,
            });
        }
        Err(error) => {
            return Err(IngestError::Json {
                path: path.to_path_buf(),
                line: line_no,
                error,
            });
        }
    };
    let entries = match value {
        Top::Object(entries) => entries,
        Top::Other(found) => {
            return Err(IngestError::NotAnObject {
                path: path.to_path_buf(),
                line: line_no,
                found,
            });
        }
    };
    let f = &reader.fields;
    for name in [&f.text, &f.id, &f.title, &f.date, &f.url, &f.outlet] {
        if entries.iter().filter(|(k, _)| k == name).count() > 1 {
            return Err(IngestError::DuplicateField {
                path: path.to_path_buf(),
                line: line_no,
                field: name.clone(),
            });
        }
    }
    let mut obj: serde_json::Map<String, Value> = entries.into_iter().collect();
    let field_err = |field: &str, expected: &'static str, v: &Value| IngestError::FieldType {
        path: path.to_path_buf(),
        line: line_no,
        field: field.to_owned(),
        expected,
        found: type_name(v),
    };
    let text = match obj.remove(&f.text) {
        Some(Value::String(s)) => s,
        Some(v) => return Err(field_err(&f.text, "a string", &v)),
        None => {
            return Err(IngestError::MissingField {
                path: path.to_path_buf(),
                line: line_no,
                field: f.text.clone(),
            });
        }
    };
    let id = match obj.remove(&f.id) {
        // a blank id names nothing: the default, as for a missing one (and in CSV)
        Some(Value::String(s)) if s.trim().is_empty() => format!("{stem}#{record_no}"),
        Some(Value::String(s)) => s,
        // an integer is written as it reads; a fraction or an integer too big for 64 bits
        // would come back rounded (`1.8446744073709552e19`), so it must be a string
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
        Some(Value::Number(_)) => {
            return Err(IngestError::FieldType {
                path: path.to_path_buf(),
                line: line_no,
                field: f.id.clone(),
                expected: "a string or an integer of 64 bits at most",
                found: "another number (quote it)",
            });
        }
        None | Some(Value::Null) => format!("{stem}#{record_no}"),
        Some(v) => return Err(field_err(&f.id, "a string or an integer", &v)),
    };
    let mut opt = |name: &str| -> Result<Option<String>> {
        match obj.remove(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(v) => Err(field_err(name, "a string, a number or null", &v)),
        }
    };
    let meta = Meta {
        title: opt(&f.title)?,
        date: opt(&f.date)?,
        url: opt(&f.url)?,
        outlet: opt(&f.outlet)?,
    };
    Ok(Parsed { id, text, meta })
}
