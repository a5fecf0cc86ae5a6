//! Records with named fields (JSON Lines objects, CSV rows): which field is which.

use serde::{Deserialize, Serialize};

/// Names of the fields (JSON Lines) or columns (CSV/TSV) that hold each part of an article.
///
/// Only the text field is required; without an id field, ids are `<stem>#<n>` with `n` the
/// 1-based record number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fields {
    /// Article id (default `id`).
    pub id: String,
    /// Article text (default `text`).
    pub text: String,
    /// Headline (default `title`).
    pub title: String,
    /// Publication date (default `date`).
    pub date: String,
    /// Address (default `url`).
    pub url: String,
    /// Outlet (default `source`).
    pub outlet: String,
}

impl Default for Fields {
    fn default() -> Self {
        Self {
            id: "id".to_owned(),
            text: "text".to_owned(),
            title: "title".to_owned(),
            date: "date".to_owned(),
            url: "url".to_owned(),
            outlet: "source".to_owned(),
        }
    }
}

/// Replaces JSON `\uXXXX` escapes of lone UTF-16 surrogates with `\uFFFD`, which `serde_json`
/// would otherwise reject. A valid pair is kept. Each replaced escape decodes to U+FFFD (3
/// bytes of UTF-8) in the text, and offsets index that repaired text.
///
/// Hand-written because `serde_json` has no option for it; it only runs on lines holding a
/// surrogate escape.
pub(crate) fn repair_lone_surrogates(line: &str) -> Option<String> {
    let finder = memchr::memmem::Finder::new(b"\\u");
    let surrogate_escape = finder
        .find_iter(line.as_bytes())
        .any(|i| matches!(line.as_bytes().get(i + 2), Some(b'd' | b'D')));
    if !surrogate_escape {
        return None;
    }
    let b = line.as_bytes();
    let hex4 = |i: usize| -> Option<u16> {
        let s = line.get(i..i + 4)?;
        u16::from_str_radix(s, 16).ok()
    };
    let is_escape_u = |i: usize| b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u');
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b.get(i + 1) != Some(&b'u') {
            i += 2; // any other escape, including `\\`
            continue;
        }
        let Some(unit) = hex4(i + 2) else {
            i += 2;
            continue;
        };
        let lone = match unit {
            0xD800..=0xDBFF => {
                let next_low = is_escape_u(i + 6)
                    && hex4(i + 8).is_some_and(|u| (0xDC00..=0xDFFF).contains(&u));
                if next_low {
                    i += 12;
                    continue;
                }
                true
            }
            0xDC00..=0xDFFF => true,
            _ => false,
        };
        if lone {
            let o = out.get_or_insert_with(|| String::with_capacity(line.len()));
            o.push_str(&line[copied..i]);
            o.push_str("\\uFFFD");
            copied = i + 6;
        }
        i += 6;
    }
    out.map(|mut o| {
        o.push_str(&line[copied..]);
        o
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_surrogates_become_replacement() {
        assert_eq!(
            repair_lone_surrogates(r#"{"t":"a\ud800b"}"#).as_deref(),
            Some(r#"{"t":"a\uFFFDb"}"#)
        );
        assert_eq!(
            repair_lone_surrogates(r#"{"t":"\udc00"}"#).as_deref(),
            Some(r#"{"t":"\uFFFD"}"#)
        );
        assert_eq!(repair_lone_surrogates(r#"{"t":"\ud83d\ude00"}"#), None);
        assert_eq!(repair_lone_surrogates(r#"{"t":"\\ud800"}"#), None);
        assert_eq!(
            repair_lone_surrogates(r#"{"t":"\ud83d\ud83d\ude00"}"#).as_deref(),
            Some(r#"{"t":"\uFFFD\ud83d\ude00"}"#)
        );
    }
}
