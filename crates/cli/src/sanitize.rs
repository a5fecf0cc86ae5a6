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

/// Passage text for one terminal line: each line break (a run of `\n`/`\r`) shown as ` ¶ `,
/// then [`for_terminal`].
pub fn passage_for_terminal(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\r']) {
        return for_terminal(text);
    }
    let mut flat = String::with_capacity(text.len() + 8);
    let mut in_break = false;
    for c in text.chars() {
        if c == '\n' || c == '\r' {
            if !in_break {
                flat.push_str(" ¶ ");
            }
            in_break = true;
        } else {
            flat.push(c);
            in_break = false;
        }
    }
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
        assert_eq!(passage_for_terminal("a\u{202E}\nb"), "a\\u{202E} ¶ b");
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
