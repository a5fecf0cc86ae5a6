//! Cutting a text into paragraphs: one a line, or blocks of hard-wrapped lines.

use serde::{Deserialize, Serialize};

use crate::model::Span;

/// How a text is cut into paragraphs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Layout {
    /// [`Layout::Lines`], unless the text is hard-wrapped (most lines short and broken
    /// mid-sentence, as in wire copy), then [`Layout::Blocks`].
    #[default]
    Auto,
    /// Every non-blank line is one paragraph; blank lines are separators.
    Lines,
    /// Paragraphs are runs of lines separated by blank lines or started by an indented line.
    Blocks,
}

/// A paragraph's place before it is classified: its trimmed span and first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawParagraph {
    pub span: Span,
    pub line: usize,
}

/// One line of the text: its span without its line end, and where the next line starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
    pub next: usize,
}

/// The line ends of `bytes`, in order: where each starts and where the next line starts.
/// The one line-break rule of newsdiff: a line ends at an LF, a CRLF or a lone CR (old Mac
/// files; the renderers and the CSV reader end lines there too). U+2028 ends no line.
fn line_ends(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut after = 0;
    memchr::memchr2_iter(b'\n', b'\r', bytes).filter_map(move |at| {
        if at < after {
            return None; // the `\n` of a `\r\n`
        }
        let crlf = bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n');
        after = if crlf { at + 2 } else { at + 1 };
        Some((at, after))
    })
}

/// The 0-based line that byte `offset` of `text` is on: how many line ends lie wholly
/// before it, a line ending at an LF, a CRLF or a lone CR, as paragraphs' lines are
/// counted ([`crate::Paragraph::line`]). Both bytes of a CRLF are on the line they end; an
/// offset at or past the end counts every line end.
///
/// ```
/// use newsdiff_ingest::line_at;
/// for text in ["one\ntwo\nthree", "one\rtwo\rthree", "one\r\ntwo\r\nthree"] {
///     let at = text.find("three").unwrap();
///     assert_eq!(line_at(text.as_bytes(), at), 2);
/// }
/// assert_eq!(line_at(b"one\r\ntwo", 4), 0); // the LF of a CRLF ends line 0
/// ```
pub fn line_at(text: &[u8], offset: usize) -> usize {
    line_ends(text)
        .take_while(|&(_, next)| next <= offset)
        .count()
}

/// Splits at line ends ([`line_ends`]: LF, CRLF and a lone CR).
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (at, next) in line_ends(bytes) {
        out.push(Line {
            start,
            end: at,
            next,
        });
        start = next;
    }
    if start < bytes.len() {
        out.push(Line {
            start,
            end: bytes.len(),
            next: bytes.len(),
        });
    }
    out
}

/// White space for trimming paragraphs: Unicode white space and the byte-order mark.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// The span of `text[start..end]` without surrounding white space (including a BOM), or
/// `None` when nothing is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Span> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let body = s.trim_matches(is_space);
    (!body.is_empty()).then(|| Span::new(start + lead, start + lead + body.len()))
}

/// Whether `text` reads as hard-wrapped. Nine in ten non-blank lines must be at most 100
/// bytes, and either
/// - paragraphs are marked by indentation (at least two indented lines) and at least one
///   break falls mid-sentence before an unindented line, as in wire copy; or
/// - of the breaks between adjacent non-blank lines (at least three), more than 40 % fall
///   mid-sentence.
///
/// A break is mid-sentence when the line ends in neither a sentence mark nor a closing
/// bracket and the next line goes on in lower case or with a digit. Text with one paragraph a
/// line has almost no such breaks.
fn looks_wrapped(text: &str, lines: &[Line]) -> bool {
    let spans: Vec<Option<Span>> = lines
        .iter()
        .map(|l| trimmed(text, l.start, l.end))
        .collect();
    let non_blank = spans.iter().flatten().count();
    let short = spans.iter().flatten().filter(|s| s.len() <= 100).count();
    if non_blank < 3 || short * 10 < non_blank * 9 {
        return false;
    }
    let indented = |i: usize| spans[i].is_some_and(|s| s.start > lines[i].start);
    let indented_lines = (0..lines.len()).filter(|&i| indented(i)).count();
    let (mut breaks, mut mid_sentence) = (0usize, 0usize);
    for i in 1..spans.len() {
        let (Some(a), Some(b)) = (spans[i - 1], spans[i]) else {
            continue;
        };
        breaks += 1;
        let last = text[a.range()].chars().next_back().unwrap_or('.');
        let next = text[b.range()].chars().next().unwrap_or('A');
        let open_end = last.is_alphanumeric() || matches!(last, ',' | ';' | '-' | '(' | '&');
        if open_end && (next.is_lowercase() || next.is_ascii_digit()) && !indented(i) {
            mid_sentence += 1;
        }
    }
    (indented_lines >= 2 && mid_sentence >= 1) || (breaks >= 3 && mid_sentence * 5 > breaks * 2)
}

/// Cuts `text` into trimmed, ordered, disjoint, non-empty paragraph spans. `first_line` is
/// added to every line number (the line where `text` starts in its file).
pub(crate) fn paragraphs(text: &str, layout: Layout, first_line: usize) -> Vec<RawParagraph> {
    let lines = lines(text);
    let blocks = match layout {
        Layout::Lines => false,
        Layout::Blocks => true,
        Layout::Auto => looks_wrapped(text, &lines),
    };
    let mut out = Vec::new();
    if !blocks {
        for (i, l) in lines.iter().enumerate() {
            if let Some(span) = trimmed(text, l.start, l.end) {
                out.push(RawParagraph {
                    span,
                    line: first_line + i,
                });
            }
        }
        return out;
    }
    let mut open: Option<RawParagraph> = None;
    for (i, l) in lines.iter().enumerate() {
        let Some(span) = trimmed(text, l.start, l.end) else {
            out.extend(open.take());
            continue;
        };
        let indented = span.start > l.start;
        match open.as_mut() {
            Some(p) if !indented => p.span.end = span.end,
            _ => {
                out.extend(open.take());
                open = Some(RawParagraph {
                    span,
                    line: first_line + i,
                });
            }
        }
    }
    out.extend(open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, layout: Layout) -> Vec<(&str, usize)> {
        paragraphs(text, layout, 0)
            .iter()
            .map(|p| (&text[p.span.range()], p.line))
            .collect()
    }

    #[test]
    fn lines_with_blank_separators_crlf_and_bom() {
        let t = "\u{FEFF}Title\r\n\r\n  First para.  \r\nSecond para.\n\n\n";
        assert_eq!(
            texts(t, Layout::Auto),
            vec![("Title", 0), ("First para.", 2), ("Second para.", 3)]
        );
    }

    #[test]
    fn a_lone_cr_ends_a_line() {
        let t = "Title\r\rFirst para.\rSecond para.\r\nThird\u{2028}still third.\r";
        assert_eq!(
            texts(t, Layout::Lines),
            vec![
                ("Title", 0),
                ("First para.", 2),
                ("Second para.", 3),
                ("Third\u{2028}still third.", 4)
            ]
        );
    }

    #[test]
    fn wrapped_wire_copy_becomes_blocks() {
        let t = "The American Stock Exchange said it has\nintroduced options with expirations of up to three years on the\nInstitutional Index.\n    With the ticker symbol XII, the index is a guage of the\ncore equity holdings of the nation's largest institutions, the\nexchange explained.\n";
        let got = texts(t, Layout::Auto);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, 3);
        assert!(got[0].0.ends_with("Institutional Index."));
        assert_eq!(texts(t, Layout::Lines).len(), 6);
    }

    #[test]
    fn indented_wire_tables_become_blocks() {
        let t = "Qtr ended Jan 31\n    Shr 33 cts vs 29 cts\n    Net 14.8 mln vs 11 mln\n    Note: Net includes a tax credit of 51,226 dlrs or one ct per\nshare.\n Reuter\n";
        let got = texts(t, Layout::Auto);
        assert_eq!(got.len(), 5);
        assert!(got[3].0.ends_with("per\nshare."));
    }

    #[test]
    fn one_paragraph_a_line_stays_lines() {
        let t = "A full sentence that ends here.\nAnother full sentence.\nA third one.\nAnd a fourth.\n";
        assert_eq!(texts(t, Layout::Auto).len(), 4);
    }
}
