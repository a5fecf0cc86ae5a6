//! Sentence splitting with spans into the original text.
//!
//! Why hand-written: Unicode UAX #29 sentence boundaries (`unicode-segmentation`'s
//! `unicode_sentences`) break after every `. ` that is followed by a capital letter, so
//! `Mr. Smith`, `U.S. Treasury` and `J. R. R. Tolkien` are cut into pieces (see the
//! `uax29_breaks_after_abbreviations` test). News text is full of these, and no
//! well-kept crate adds an abbreviation layer without pulling in a trained model, so this
//! module scans for terminators itself and decides with a few rules:
//!
//! - A boundary follows `.`, `!`, `?`, `…` (or a run such as `?!`, `...`) plus any closing
//!   quotes and brackets (`."`, `.’`, `.)` keep the closer), when whitespace or the end
//!   follows. `3.5`, `U.S.-China` and `example.com` have no whitespace after the dot.
//!   CJK `。！？` end a sentence without whitespace.
//! - No boundary when the next word starts with a lowercase letter (`etc. and`, `"Why?" he
//!   asked`).
//! - After a title (`Mr.`, `Dr.`, `Sen.`, `Gen.`, ...) never a boundary.
//! - After an initial (`J.`), a dotted abbreviation (`U.S.`, `a.m.`) or a common
//!   abbreviation (`Jan.`, `Inc.`, `Corp.`, `etc.`): a boundary only when the next word is a
//!   capitalized function word (`The`, `He`, `But`, ...), which names almost never are.
//! - After `No.`, `Art.`, `Fig.`, `p.`: no boundary before a number.
//! - A blank line (two line breaks) always ends a sentence; a single line break does not,
//!   because wire copy is hard-wrapped (split paragraphs first when lines are paragraphs).

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::stopwords;

/// A sentence: its byte range in the original text, without surrounding whitespace.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte range in the original text.
    pub span: Range<usize>,
}

const TITLES: &[&str] = &[
    "adm", "brig", "capt", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov", "hon", "insp",
    "lt", "maj", "messrs", "mlle", "mme", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt", "rep",
    "rev", "sen", "sgt", "st", "supt",
];

const ABBREVIATIONS: &[&str] = &[
    "approx", "apr", "assn", "aug", "ave", "blvd", "bros", "co", "corp", "dec", "dept", "est",
    "etc", "feb", "fig", "ft", "inc", "jan", "jr", "jul", "jun", "llc", "ltd", "mar", "no", "nos",
    "nov", "oct", "plc", "rd", "sep", "sept", "sr", "univ", "vol", "vs",
];

const BEFORE_NUMBER: &[&str] = &["art", "fig", "no", "nos", "p", "pp", "vol"];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽' | '؟' | '।' | '॥')
}

fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』' | ')' | ']' | '}' | '）' | '】'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '(' | '[' | '{' | '「' | '『' | '（' | '【'
    )
}

/// Splits `text` into sentences.
///
/// ```
/// use newsdiff_normalize::split_sentences;
/// let text = "Mr. Greer met U.S. officials. \"It went well.\" Talks resume Jan. 5.";
/// let got: Vec<&str> = split_sentences(text).iter().map(|s| &text[s.span.clone()]).collect();
/// assert_eq!(got, ["Mr. Greer met U.S. officials.", "\"It went well.\"", "Talks resume Jan. 5."]);
/// ```
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    split_sentences_into(text, &mut out);
    out
}

/// [`split_sentences`] into `out` (cleared first), to reuse its allocation.
pub(crate) fn split_sentences_into(text: &str, out: &mut Vec<Sentence>) {
    out.clear();
    let mut start: Option<usize> = None;
    let mut last_end = 0; // end of the last non-whitespace char in the current sentence
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path for ASCII other than terminators (same decisions as the general path).
        match bytes[i] {
            b'\n' => {
                if blank_line_follows(&text[i + 1..])
                    && let Some(s) = start.take()
                {
                    out.push(Sentence { span: s..last_end });
                }
                i += 1;
                continue;
            }
            b'\t' | 0x0B | 0x0C | b'\r' | b' ' => {
                i += 1;
                continue;
            }
            b'.' | b'!' | b'?' => {}
            0..0x80 => {
                start.get_or_insert(i);
                last_end = i + 1;
                i += 1;
                continue;
            }
            _ => {}
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let next_i = i + c.len_utf8();
        if c.is_whitespace() {
            i = next_i;
            continue;
        }
        let s = *start.get_or_insert(i);
        last_end = next_i;
        let cjk = is_cjk_terminator(c);
        if !cjk && !is_terminator(c) {
            i = next_i;
            continue;
        }
        // Consume the terminator run and closers.
        let mut end = last_end;
        let mut single_period = c == '.';
        while let Some(d) = text[end..].chars().next() {
            if is_terminator(d) || is_cjk_terminator(d) {
                single_period = false;
                end += d.len_utf8();
            } else {
                break;
            }
        }
        while let Some(d) = text[end..].chars().next() {
            if is_closer(d) {
                end += d.len_utf8();
            } else {
                break;
            }
        }
        last_end = end;
        let rest = &text[end..];
        let boundary = if cjk || rest.is_empty() {
            true
        } else if !rest.starts_with(char::is_whitespace) {
            false
        } else {
            let next = next_word(rest);
            is_boundary(&text[s..i], single_period, next)
        };
        if boundary {
            out.push(Sentence { span: s..end });
            start = None;
        }
        i = end;
    }
    if let Some(s) = start {
        out.push(Sentence { span: s..last_end });
    }
}

fn blank_line_follows(rest: &str) -> bool {
    for c in rest.chars() {
        if c == '\n' {
            return true;
        }
        if !c.is_whitespace() {
            return false;
        }
    }
    false
}

/// The next word after whitespace and opening punctuation (empty at the end).
fn next_word(rest: &str) -> &str {
    let t = rest.trim_start_matches(|c: char| c.is_whitespace() || is_opener(c));
    let end = t
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .unwrap_or(t.len());
    if end == 0 {
        // Not a word (a dash, a symbol): return the first character.
        return t
            .get(..t.chars().next().map_or(0, char::len_utf8))
            .unwrap_or("");
    }
    &t[..end]
}

/// Decides a boundary after a terminator. `before` is the sentence so far, up to the
/// terminator; `next` is the following word.
fn is_boundary(before: &str, single_period: bool, next: &str) -> bool {
    let Some(f) = next.chars().next() else {
        return true;
    };
    if f.is_lowercase() {
        return false;
    }
    if !single_period {
        return true;
    }
    // The token in front of the period, e.g. "Mr", "U.S", "J", "(Jan".
    let prev = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(is_opener);
    if prev.is_empty() {
        return true;
    }
    let mut key = [0u8; 8];
    let lower = ascii_lower(prev, &mut key);
    if TITLES.binary_search(&lower).is_ok() {
        return false;
    }
    if f.is_numeric() {
        return BEFORE_NUMBER.binary_search(&lower).is_err()
            && ABBREVIATIONS.binary_search(&lower).is_err()
            && !is_initialism(prev);
    }
    let abbreviation = is_initialism(prev) || ABBREVIATIONS.binary_search(&lower).is_ok();
    if !abbreviation {
        return true;
    }
    // Abbreviation: a sentence ends only if a capitalized function word follows.
    let mut buf = [0u8; 16];
    let next_lower = ascii_lower(next, &mut buf);
    next_lower.len() == next.len() && stopwords::ENGLISH.binary_search(&next_lower).is_ok()
}

/// A single capital letter (`J`) or letters joined by dots (`U.S`, `a.m`, `Ph.D`).
fn is_initialism(prev: &str) -> bool {
    let mut chars = prev.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => {
            prev.contains('.')
                && prev.split('.').all(|p| {
                    (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic)
                })
        }
    }
}

/// Lowercases a short ASCII word into `buf`; returns "" if it does not fit or is not ASCII.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8]) -> &'b str {
    let w = word.as_bytes();
    if w.len() > buf.len() || !word.is_ascii() {
        return "";
    }
    let out = &mut buf[..w.len()];
    out.copy_from_slice(w);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| &text[s.span])
            .collect()
    }

    #[test]
    fn lists_are_sorted() {
        for list in [TITLES, ABBREVIATIONS, BEFORE_NUMBER] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn uax29_breaks_after_abbreviations() {
        // The reason this module exists.
        let text = "Mr. Smith met U.S. Treasury officials.";
        assert!(text.unicode_sentences().count() > 1);
        assert_eq!(split(text), [text]);
    }

    #[test]
    fn abbreviations_initials_decimals() {
        assert_eq!(
            split("J. R. R. Tolkien wrote it. The U.S. economy grew 3.5 percent. It did."),
            [
                "J. R. R. Tolkien wrote it.",
                "The U.S. economy grew 3.5 percent.",
                "It did."
            ]
        );
        assert_eq!(
            split("He moved to the U.S. He stayed. Sales rose on Jan. 5 at Acme Inc. The end."),
            [
                "He moved to the U.S.",
                "He stayed.",
                "Sales rose on Jan. 5 at Acme Inc.",
                "The end."
            ]
        );
        assert_eq!(
            split("See No. 5 now. Dr. Who?"),
            ["See No. 5 now.", "Dr. Who?"]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said: “It is done.” Then he left. ‘Fine.’ OK"),
            ["He said: “It is done.”", "Then he left.", "‘Fine.’", "OK"]
        );
        assert_eq!(
            split("\"Why?\" he asked. \"Because!\" Fine..."),
            ["\"Why?\" he asked.", "\"Because!\"", "Fine..."]
        );
    }

    #[test]
    fn paragraphs_and_cjk() {
        assert_eq!(
            split("Headline\n\nBody text.\n"),
            ["Headline", "Body text."]
        );
        assert_eq!(split("wrapped\nline."), ["wrapped\nline."]);
        assert_eq!(split("你好。再见！"), ["你好。", "再见！"]);
        assert_eq!(split(""), Vec::<&str>::new());
        assert_eq!(split("  \n "), Vec::<&str>::new());
    }

    #[test]
    fn sample_004_line_2() {
        let text = "It is worth mentioning that at the first meeting of the China-US economic and trade consultation mechanism, the candidates of the US delegation changed personnel compared with the Geneva talks a month ago. In addition to US Treasury Secretary Becent and US Trade Representative Greer, US Commerce Secretary Rutnik also joined, highlighting the important position of export controls in this negotiation.";
        let got = split(text);
        assert_eq!(got.len(), 2);
        assert!(got[1].starts_with("In addition to US Treasury"));
        assert!(got[1].ends_with("negotiation."));
    }
}
