//! Word tokens (Unicode UAX #29 word boundaries) and their classes.

use std::ops::Range;

use crate::bounds::word_bounds;
use crate::map::OffsetMap;
use serde::{Deserialize, Serialize};

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TokenKind {
    /// Contains a letter (`month`, `covid19`, `l'état`).
    Word,
    /// Digits without letters, with inner separators (`55`, `3.5`, `1,000`, `½`).
    Number,
    /// Punctuation (`.`, `,`, `"`, `-`, `(`, `¿`, `。`).
    Punctuation,
    /// Anything else that is not whitespace: symbols and emoji (`%`, `$`, `+`, `😀`).
    Symbol,
}

impl TokenKind {
    /// Classifies a word-bound segment; `None` for whitespace.
    pub fn of(segment: &str) -> Option<TokenKind> {
        // Most segments are words that start with an ASCII letter: a word whichever branch
        // below classifies it (any letter makes a word), found without checking the whole
        // segment is ASCII first (the term walk asks this of every segment).
        if segment
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphabetic)
        {
            return Some(TokenKind::Word);
        }
        if segment.is_ascii() {
            // Same classes as below, without decoding `char`s.
            let b = segment.as_bytes();
            let &first = b.first()?;
            if first.is_ascii_whitespace() || first == 0x0B {
                return None;
            }
            if b.iter().any(u8::is_ascii_alphabetic) {
                return Some(TokenKind::Word);
            }
            return Some(if b.iter().any(u8::is_ascii_digit) {
                TokenKind::Number
            } else if is_punctuation(first as char) {
                TokenKind::Punctuation
            } else {
                TokenKind::Symbol
            });
        }
        let mut chars = segment.chars();
        let first = chars.next()?;
        if first.is_whitespace() {
            return None;
        }
        let mut digit = false;
        for c in segment.chars() {
            if c.is_alphabetic() {
                return Some(TokenKind::Word);
            }
            digit |= c.is_numeric();
        }
        Some(if digit {
            TokenKind::Number
        } else if is_punctuation(first) {
            TokenKind::Punctuation
        } else {
            TokenKind::Symbol
        })
    }

    /// Words and numbers: the tokens that carry content.
    pub fn is_alphanumeric(self) -> bool {
        matches!(self, TokenKind::Word | TokenKind::Number)
    }
}

/// Punctuation by Unicode block: ASCII punctuation other than symbols, Latin-1 and General
/// Punctuation marks, CJK and full-width punctuation. An approximation of the `P*` general
/// categories that covers news text.
pub fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(c, '$' | '%' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~');
    }
    matches!(c,
        '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{037E}' | '\u{0387}' | '\u{055A}'..='\u{055F}' | '\u{0589}' | '\u{05BE}'
        | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}' | '\u{0964}' | '\u{0965}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{2E00}'..='\u{2E4F}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' | '\u{FF0C}'..='\u{FF0F}'
        | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}' | '\u{FF3B}'..='\u{FF3D}'
        | '\u{FF3F}' | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}'..='\u{FF65}')
}

/// A token: a UAX #29 word-bound segment that is not whitespace.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Its class.
    pub kind: TokenKind,
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Byte range in the text that was tokenized: the normalized text for
    /// [`Normalized::tokens`](crate::Normalized::tokens), else equal to `span`.
    pub norm: Range<usize>,
}

/// Tokenizes `text` as is (no normalization): `span` and `norm` are equal.
///
/// ```
/// use newsdiff_normalize::{tokenize, TokenKind};
/// let text = "US$3.5 billion, 55%";
/// let toks: Vec<_> = tokenize(text).map(|t| (&text[t.span], t.kind)).collect();
/// assert_eq!(toks[0], ("US", TokenKind::Word));
/// assert_eq!(toks[2], ("3.5", TokenKind::Number));
/// ```
pub fn tokenize(text: &str) -> impl Iterator<Item = Token> + '_ {
    word_bounds(text).filter_map(|(i, seg)| {
        let kind = TokenKind::of(seg)?;
        let span = i..i + seg.len();
        Some(Token {
            kind,
            span: span.clone(),
            norm: span,
        })
    })
}

pub(crate) fn tokenize_normalized(text: &str, map: &OffsetMap) -> Vec<Token> {
    tokenize(text)
        .map(|mut t| {
            t.span = map.to_original(t.norm.clone());
            t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(TokenKind::of("month"), Some(TokenKind::Word));
        assert_eq!(TokenKind::of("covid19"), Some(TokenKind::Word));
        // A first ASCII letter makes a word before the segment is checked for ASCII.
        assert_eq!(TokenKind::of("Caf\u{e9}"), Some(TokenKind::Word));
        assert_eq!(TokenKind::of("x\u{301}"), Some(TokenKind::Word));
        assert_eq!(TokenKind::of("\u{e9}t\u{e9}"), Some(TokenKind::Word));
        assert_eq!(TokenKind::of("1,000"), Some(TokenKind::Number));
        assert_eq!(TokenKind::of("3.5"), Some(TokenKind::Number));
        assert_eq!(TokenKind::of("—"), Some(TokenKind::Punctuation));
        assert_eq!(TokenKind::of("%"), Some(TokenKind::Symbol));
        assert_eq!(TokenKind::of("😀"), Some(TokenKind::Symbol));
        assert_eq!(TokenKind::of(" \n"), None);
        assert_eq!(TokenKind::of(""), None);
    }

    #[test]
    fn spans_into_original() {
        let src = "The U.S.-China “deal”";
        let n = crate::normalize(src);
        let toks = n.tokens();
        let texts: Vec<&str> = toks.iter().map(|t| &n.text[t.norm.clone()]).collect();
        assert_eq!(texts, ["the", "usa", "-", "china", "\"", "deal", "\""]);
        let orig: Vec<&str> = toks.iter().map(|t| &src[t.span.clone()]).collect();
        assert_eq!(orig, ["The", "U.S.", "-", "China", "“", "deal", "”"]);
    }
}
