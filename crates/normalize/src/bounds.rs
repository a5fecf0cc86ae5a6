//! UAX #29 word-bound segmentation with an ASCII fast path.
//!
//! [`word_bounds`] yields exactly the segments of `unicode-segmentation`'s
//! `split_word_bound_indices` (checked against it by a property test and on the corpora), but
//! walks ASCII text itself, byte by byte. Why hand-written: the crate classifies every `char`
//! through its Unicode tables (its own ASCII fast path only serves `unicode_words`, which drops
//! punctuation and symbols we need), and segmentation was the largest cost of
//! [`Analyzer::analyze`](crate::Analyzer::analyze). Any stretch of text whose segments could
//! depend on a non-ASCII character is handed to the crate.
//!
//! For ASCII, the UAX #29 word-break classes are few (the same table as the crate's private
//! ASCII path): letters (`ALetter`), digits (`Numeric`), `_` (`ExtendNumLet`), `'` and `.`
//! (`MidNumLetQ`), `:` (`MidLetter`), `,` and `;` (`MidNum`), the space (`WSegSpace`), CR, LF.
//! So a segment is a run of spaces, a CR LF pair, a run of letters, digits and `_` that may
//! hold `.`, `'` or `:` between two letters and `.`, `'`, `,` or `;` between two digits
//! (`U.S`, `don't`, `3.5`, `1,000`), or any other single byte.
//!
//! Stretches go to the crate between *safe cuts*: positions between an ASCII non-space byte
//! and a space (either order). UAX #29 always breaks there, and no rule looks across one (a
//! space is in none of the classes the context rules look at), so the crate segments the
//! stretch exactly as it would segment it inside the whole text.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// The UAX #29 word-bound segments of `text` with their byte offsets, like
/// `text.split_word_bound_indices()`.
pub(crate) fn word_bounds(text: &str) -> WordBounds<'_> {
    WordBounds {
        text,
        pos: 0,
        fallback: None,
    }
}

/// The first UAX #29 word-bound segment of `text` (`None` if `text` is empty).
#[inline]
pub(crate) fn first_word_bound(text: &str) -> Option<&str> {
    // `WordBounds::next` inlines its ASCII step, so this is as cheap as a hand-written one.
    word_bounds(text).next().map(|(_, seg)| seg)
}

/// Iterator of [`word_bounds`].
pub(crate) struct WordBounds<'a> {
    text: &'a str,
    /// Where the next segment starts (after the fallback stretch, if one is active).
    pos: usize,
    /// The crate's iterator over a stretch that holds non-ASCII text, and the stretch's start.
    fallback: Option<(usize, UWordBoundIndices<'a>)>,
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        // The ASCII step alone, inlined in the caller's loop; the crate's iterator is out of
        // line (`next_general`), so that its large state is not saved and restored around
        // every ASCII segment, which were most of this function's instructions.
        if self.fallback.is_none()
            && let Ok(step) = self.ascii_step()
        {
            return step;
        }
        self.next_general()
    }
}

impl<'a> WordBounds<'a> {
    /// The step at the current position when the crate is not needed: `Ok(None)` at the end
    /// of the text, `Ok(Some(segment))` for an ASCII segment; `Err(())` when the segment
    /// starts with a non-ASCII character (the crate's segmentation takes over).
    #[inline(always)]
    #[allow(clippy::result_unit_err)]
    fn ascii_step(&mut self) -> Result<Option<(usize, &'a str)>, ()> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        if start >= bytes.len() {
            return Ok(None);
        }
        match ascii_segment_end(bytes, start) {
            Some(end) => {
                self.pos = end;
                Ok(Some((start, &self.text[start..end])))
            }
            None => Err(()),
        }
    }

    /// [`Iterator::next`] in full: a segment of the crate's current stretch, or the next
    /// ASCII segment, or the first segment of a new stretch.
    #[inline(never)]
    fn next_general(&mut self) -> Option<(usize, &'a str)> {
        if let Some((base, it)) = &mut self.fallback {
            if let Some((i, seg)) = it.next() {
                return Some((*base + i, seg));
            }
            self.fallback = None;
        }
        if let Ok(step) = self.ascii_step() {
            return step;
        }
        let (bytes, start) = (self.text.as_bytes(), self.pos);
        let end = safe_cut_after(bytes, start);
        let mut it = self.text[start..end].split_word_bound_indices();
        let first = it.next();
        self.pos = end;
        self.fallback = Some((start, it));
        first.map(|(i, seg)| (start + i, seg))
    }
}

/// By byte: whether it is an ASCII letter, digit or `_` (see [`is_core`]).
static CORE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

/// An ASCII letter, digit or `_`: one table load instead of three range tests (this runs on
/// every byte of every word, twice per text).
#[inline]
fn is_core(b: u8) -> bool {
    CORE[b as usize]
}

/// The end of the segment starting at `start`, if it and the byte after it are ASCII (so no
/// non-ASCII character can join or extend it); `None` to hand over to the crate.
#[inline]
fn ascii_segment_end(b: &[u8], start: usize) -> Option<usize> {
    let len = b.len();
    let first = b[start];
    let end = if is_core(first) {
        let mut i = start + 1;
        loop {
            if i >= len {
                return Some(len);
            }
            let c = b[i];
            if is_core(c) {
                i += 1;
                continue;
            }
            if matches!(c, b'.' | b',' | b';' | b'\'' | b':') && i + 1 < len {
                let (prev, next) = (b[i - 1], b[i + 1]);
                if next >= 0x80 {
                    return None; // a non-ASCII letter or digit could join
                }
                let joins = match c {
                    b',' | b';' => prev.is_ascii_digit() && next.is_ascii_digit(),
                    b':' => prev.is_ascii_alphabetic() && next.is_ascii_alphabetic(),
                    _ => {
                        (prev.is_ascii_digit() && next.is_ascii_digit())
                            || (prev.is_ascii_alphabetic() && next.is_ascii_alphabetic())
                    }
                };
                if joins {
                    i += 2;
                    continue;
                }
            }
            break i;
        }
    } else if first == b' ' {
        let mut i = start + 1;
        while i < len && b[i] == b' ' {
            i += 1;
        }
        i
    } else if first >= 0x80 {
        return None;
    } else if first == b'\r' && b.get(start + 1) == Some(&b'\n') {
        start + 2
    } else {
        start + 1
    };
    // A following combining mark or format character would attach to this segment.
    (end >= len || b[end] < 0x80).then_some(end)
}

/// The first safe cut after the first non-ASCII byte at or after `start` (or the end).
fn safe_cut_after(b: &[u8], start: usize) -> usize {
    let mut p = start + b[start..].iter().position(|&c| c >= 0x80).unwrap_or(0) + 1;
    while p < b.len() {
        let (x, y) = (b[p - 1], b[p]);
        if (y == b' ' && x < 0x80 && x != b' ') || (x == b' ' && y < 0x80 && y != b' ') {
            return p;
        }
        p += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn crate_bounds(s: &str) -> Vec<(usize, &str)> {
        s.split_word_bound_indices().collect()
    }

    fn ours(s: &str) -> Vec<(usize, &str)> {
        word_bounds(s).collect()
    }

    #[test]
    fn examples_match_the_crate() {
        for s in [
            "",
            "U.S. 3.5 don't e-mail 1,000 a:b 1;2 a,b x_y __ 1.a a.1 a..b 1''2",
            "  \t\t\r\n\r\r\n\n\u{b}\u{c} x  ",
            "Caf\u{e9} cafe\u{301} na\u{ef}ve a.\u{e9} \u{301}x .\u{301} \u{200d}a",
            "\u{1F1FA}\u{1F1F8}\u{1F1EC}\u{1F1E7} \u{1F600}\u{200D}\u{1F600} 你好 \u{5d0}\"\u{5d1}",
            "\u{e9} \u{e9}",
            "a \u{301}",
            "'s ’s Trump’s U.K.’s",
        ] {
            assert_eq!(ours(s), crate_bounds(s), "{s:?}");
        }
    }

    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "a",
            "Z",
            "q",
            "7",
            "0",
            "_",
            ".",
            ",",
            ";",
            ":",
            "'",
            "\"",
            " ",
            "  ",
            "\t",
            "\r",
            "\n",
            "\r\n",
            "\u{b}",
            "-",
            "%",
            "$",
            "é",
            "\u{301}",
            "\u{200d}",
            "\u{200b}",
            "\u{ad}",
            "’",
            "\u{5d0}",
            "\u{1F1FA}",
            "\u{1F600}",
            "٣",
            "ア",
            "中",
            "\u{a0}",
            "\u{2060}",
            "€",
            "·",
        ])
        .prop_map(str::to_owned)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn same_segments_as_the_crate(parts in prop::collection::vec(piece(), 0..24)) {
            let s: String = parts.concat();
            prop_assert_eq!(ours(&s), crate_bounds(&s));
        }

        #[test]
        fn same_segments_as_the_crate_any_text(s in "\\PC{0,40}") {
            prop_assert_eq!(ours(&s), crate_bounds(&s));
        }
    }
}
