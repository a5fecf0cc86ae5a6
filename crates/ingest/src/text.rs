//! Plain-text files: one article a file, or several cut by a delimiter line.

use crate::build::{self, Meta};
use crate::classify::Classifier;
use crate::layout::{self, Layout, is_space};
use crate::model::{Article, Source};

/// The article segments of a file's text: `(first_line, start, end)` byte ranges between
/// delimiter lines (a line whose trimmed text equals `delimiter`), skipping segments that hold
/// only white space.
fn segments(text: &str, delimiter: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let (mut seg_start, mut seg_line) = (0, 0);
    // the lines as paragraphs count them (LF, CRLF, lone CR)
    for (line_no, line) in layout::lines(text).into_iter().enumerate() {
        if text[line.start..line.end].trim_matches(is_space) == delimiter {
            if !text[seg_start..line.start]
                .trim_matches(is_space)
                .is_empty()
            {
                out.push((seg_line, seg_start, line.start));
            }
            seg_start = line.next;
            seg_line = line_no + 1;
        }
    }
    if !text[seg_start..].trim_matches(is_space).is_empty() {
        out.push((seg_line, seg_start, text.len()));
    }
    out
}

/// Reads one plain-text file's text into articles. Without a delimiter the whole text is one
/// article with id `stem`; with one, each non-empty segment is an article `stem#n`.
pub(crate) fn articles(
    text: String,
    stem: &str,
    path: &str,
    delimiter: Option<&str>,
    layout: Layout,
    classifier: &Classifier,
) -> Vec<Article> {
    let Some(delimiter) = delimiter else {
        if text.trim_matches(is_space).is_empty() {
            return Vec::new();
        }
        let source = Source {
            path: path.to_owned(),
            line: 0,
        };
        return vec![build::article(
            stem.to_owned(),
            source,
            text,
            0,
            Meta::default(),
            layout,
            classifier,
        )];
    };
    segments(&text, delimiter.trim_matches(is_space))
        .into_iter()
        .enumerate()
        .map(|(n, (line, start, end))| {
            let source = Source {
                path: path.to_owned(),
                line,
            };
            let id = format!("{stem}#{}", n + 1);
            build::article(
                id,
                source,
                text[start..end].to_owned(),
                line,
                Meta::default(),
                layout,
                classifier,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_cuts_and_skips_empty_segments() {
        let t = "=====\nFirst article.\n\n=====\n  =====  \nSecond article.\nMore.\n=====\n";
        let s = segments(t, "=====");
        assert_eq!(s.len(), 2);
        assert_eq!(&t[s[0].1..s[0].2], "First article.\n\n");
        assert_eq!(s[0].0, 1);
        assert_eq!(s[1].0, 5);
        assert_eq!(&t[s[1].1..s[1].2], "Second article.\nMore.\n");
    }

    #[test]
    fn blank_lines_never_cut() {
        let arts = articles(
            "One.\n\n\n\nTwo.\n".to_owned(),
            "x",
            "x.txt",
            None,
            Layout::Auto,
            &Classifier::default(),
        );
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].paragraphs.len(), 2);
        assert_eq!(arts[0].paragraphs[1].line, 4);
    }

    #[test]
    fn segment_lines_are_file_lines() {
        let arts = articles(
            "A one.\n=====\nB one.\nB two.\n".to_owned(),
            "f",
            "f.txt",
            Some("====="),
            Layout::Auto,
            &Classifier::default(),
        );
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[1].id, "f#2");
        assert_eq!(arts[1].source.line, 2);
        assert_eq!(arts[1].paragraphs[1].line, 3);
        assert_eq!(arts[1].paragraph_text(&arts[1].paragraphs[1]), "B two.");
    }
}
