//! Article text is hostile: escape what could drive or deceive a terminal.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as is: control characters (C0, DEL, C1), bidi
/// embeddings, overrides, isolates and marks, zero-width and other invisible format
/// characters (soft hyphen, combining grapheme joiner, Mongolian vowel separator,
/// interlinear annotation marks, tag characters), line/paragraph separators and the
/// byte-order mark.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{061C}'
            | '\u{00AD}' | '\u{034F}' | '\u{180E}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{2028}' | '\u{2029}'
            | '\u{FEFF}')
}

/// `text` with every unsafe character written as a visible escape such as `\u{202E}`
/// (tab becomes `\t`).
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:04X}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Passage text for one terminal line: each paragraph break (a run of `\n`/`\r` after the
/// end of a sentence, before an indented line, or with a blank line) shown as ` ¶ `, any
/// other line break (a hard-wrapped paragraph's) as a space, then [`for_terminal`].
pub fn passage_for_terminal(text: &str) -> Cow<'_, str> {
    slice_for_terminal(text, 0..text.len())
}

/// [`passage_for_terminal`] of `text[range]`, each line break judged by the whole `text`
/// around it: a piece of a word diff that begins or ends at a line break (`under` | `¶
/// pressure`) reads as its paragraph does.
pub fn slice_for_terminal(text: &str, range: std::ops::Range<usize>) -> Cow<'_, str> {
    let Some(piece) = text.get(range.clone()) else {
        return Cow::Borrowed("");
    };
    if !piece.contains(['\n', '\r']) {
        return for_terminal(piece);
    }
    let is_break = |c: char| c == '\n' || c == '\r';
    let mut flat = String::with_capacity(piece.len() + 8);
    let mut at = range.start;
    while let Some(k) = text[at..range.end].find(is_break) {
        let run_start = at + k;
        flat.push_str(&text[at..run_start]);
        let run_end = range.end
            - text[run_start..range.end]
                .trim_start_matches(is_break)
                .len();
        // the whole run of breaks and what stands around it in the text
        let full_start = text[..run_start].trim_end_matches(is_break).len();
        let rest = text[run_start..].trim_start_matches(is_break);
        let full_end = text.len() - rest.len();
        let breaks = &text[full_start..full_end];
        let before = &text[..full_start];
        let blank = breaks.replace("\r\n", "\n").chars().count() > 1;
        let sentence_end = before
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '”', '’', '\'', ')', ']']);
        let indented = rest.starts_with([' ', '\t']);
        let paragraph =
            blank || sentence_end || indented || before.trim().is_empty() || rest.is_empty();
        flat.push_str(if paragraph { " ¶ " } else { " " });
        at = run_end;
    }
    flat.push_str(&text[at..range.end]);
    Cow::Owned(for_terminal(&flat).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_become_pilcrows() {
        assert_eq!(
            passage_for_terminal("one.\n\ntwo.\r\nthree"),
            "one. ¶ two. ¶ three"
        );
        assert_eq!(passage_for_terminal("a\u{202E}.\nb"), "a\\u{202E}. ¶ b");
        // a hard-wrapped paragraph's line breaks are spaces
        assert_eq!(
            passage_for_terminal("is not under\npressure to act.\n    The bank"),
            "is not under pressure to act. ¶     The bank"
        );
    }

    #[test]
    fn escapes_controls_and_bidi() {
        assert_eq!(for_terminal("plain “text”"), "plain “text”");
        assert_eq!(for_terminal("a\u{1b}[31mred"), "a\\u{001B}[31mred");
        assert_eq!(for_terminal("abc\u{202E}fed"), "abc\\u{202E}fed");
        assert_eq!(
            for_terminal("zero\u{200B}width\u{0085}"),
            "zero\\u{200B}width\\u{0085}"
        );
        assert_eq!(
            for_terminal("tag\u{E0041}soft\u{00AD}mark\u{FFF9}"),
            "tag\\u{E0041}soft\\u{00AD}mark\\u{FFF9}"
        );
    }
}
