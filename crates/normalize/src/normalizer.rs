//! Normalization steps and the [`Normalizer`] builder.
//!
//! Two passes, each recording an [`OffsetMap`], composed at the end:
//!
//! 1. **Characters** (on the original): Unicode NFKC, quote/dash/ellipsis folding, whitespace
//!    collapsing and zero-width removal. NFKC runs on chunks cut where Unicode says it is safe
//!    (before a starter that never combines backwards), so a changed character only widens
//!    its own chunk in the map, not the whole text.
//! 2. **Words** (on the output of pass 1, still case-sensitive because `US` and `us` differ):
//!    dotted abbreviations, possessive `'s`, number words, percent, then case folding.

use std::ops::Range;

use dec_from_char::DecimalExtended;
use serde::{Deserialize, Serialize};
use unicode_normalization::char::{
    canonical_combining_class, decompose_compatible, is_combining_mark,
};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use crate::bounds::first_word_bound;
use crate::map::{MapBuilder, OffsetMap, Segment, compose_into, compose_spaced_into};
use crate::token::{Token, tokenize_normalized};

/// Normalized text together with the map back to the original.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Normalized {
    /// The normalized text.
    pub text: String,
    /// Maps ranges of [`text`](Self::text) back to the original input.
    pub map: OffsetMap,
}

impl Normalized {
    /// Maps a byte range of the normalized text to the original text
    /// (see [`OffsetMap::to_original`]).
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.map.to_original(range)
    }

    /// Maps a byte range of the original text to the normalized text
    /// (see [`OffsetMap::to_normalized`]).
    pub fn to_normalized(&self, range: Range<usize>) -> Range<usize> {
        self.map.to_normalized(range)
    }

    /// Word-bound tokens of the normalized text (whitespace left out), each with its span in
    /// the normalized text ([`Token::norm`]) and in the original ([`Token::span`]).
    pub fn tokens(&self) -> Vec<Token> {
        tokenize_normalized(&self.text, &self.map)
    }
}

/// Buffers [`Normalizer::normalize_into`] reuses from one call to the next: the text of the
/// first pass and the segment vectors of the maps it builds.
#[derive(Debug, Default)]
pub(crate) struct NormalizeScratch {
    text: String,
    first: Vec<Segment>,
    second: Vec<Segment>,
}

impl NormalizeScratch {
    /// No buffers yet (a `const` for thread-local initializers).
    pub(crate) const EMPTY: NormalizeScratch = NormalizeScratch {
        text: String::new(),
        first: Vec::new(),
        second: Vec::new(),
    };
}

/// Normalizes text; each step can be switched off. [`Normalizer::default`] (same as
/// [`Normalizer::new`]) turns every step on.
///
/// | step | effect |
/// | --- | --- |
/// | [`nfkc`](Self::nfkc) | Unicode NFKC (`ﬁ` → `fi`, full-width → ASCII, no-break space → space), and any script's decimal digits → ASCII (`٥٥` → `55`) |
/// | [`quotes`](Self::quotes) | `’ ‘ ‚ ‛ ′ ʼ ‹ ›` → `'`; `“ ” „ ‟ « » ″` → `"` |
/// | [`dashes`](Self::dashes) | `‐ ‑ ‒ – — ― − ⁃ ﹘ ﹣` → `-` |
/// | [`whitespace`](Self::whitespace) | runs of whitespace → one space, trimmed at both ends; zero-width characters, bidi controls and soft hyphens dropped |
/// | [`ellipsis`](Self::ellipsis) | `…` → `...` |
/// | [`abbreviations`](Self::abbreviations) | dotted capitals lose their dots (`U.K.` → `UK`, `U.N.` → `UN`); `U.S.`, `U.S.A.`, the all-capitals word `US` and `United States` → `USA`; `United Kingdom` → `UK` |
/// | [`possessive`](Self::possessive) | `'s` after a word of two or more characters is dropped (`Trump's` → `Trump`) |
/// | [`numbers`](Self::numbers) | number words → digits (`six` → `6`, `twenty-five` → `25`); `one` only before a hyphen (`one-year`) |
/// | [`percent`](Self::percent) | `percent`, `per cent`, `pct` and `%` → `%`, with one space after a digit (`55%` → `55 %`) |
/// | [`case_fold`](Self::case_fold) | lowercase (Unicode `to_lowercase`, re-normalized with NFKC when that is on) |
///
/// **`US` and `us`.** The abbreviation step runs before case folding and maps the country
/// (`US`, `U.S.`, `U.S.A.`, `USA`) to `usa`, so it stays distinct from the pronoun `us`. The
/// cost: an all-capitals headline `LET US GO` gets `usa` too.
///
/// **Number words.** `zero`, `two`…`nineteen`, `twenty`…`ninety` and hyphenated compounds
/// (`twenty-five`) always become digits: in news they are almost always cardinals, and a
/// context-free rule keeps normalization idempotent and lets every normalized token map back
/// to original text that normalizes to the same token. `one` is a pronoun too (`one of the`,
/// `no one`), so it becomes `1` only when a hyphen and a word follow (`one-year`, `one-off`).
/// Scale words (`hundred`, `million`) and ordinals are left alone.
///
/// The result is idempotent: normalizing normalized text changes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Normalizer {
    nfkc: bool,
    quotes: bool,
    dashes: bool,
    whitespace: bool,
    ellipsis: bool,
    abbreviations: bool,
    possessive: bool,
    numbers: bool,
    percent: bool,
    case_fold: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer {
            nfkc: true,
            quotes: true,
            dashes: true,
            whitespace: true,
            ellipsis: true,
            abbreviations: true,
            possessive: true,
            numbers: true,
            percent: true,
            case_fold: true,
        }
    }
}

macro_rules! switches {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        $(
            $(#[$doc])*
            #[must_use]
            pub fn $name(mut self, on: bool) -> Self {
                self.$name = on;
                self
            }
        )*
    };
}

impl Normalizer {
    /// Every step on (same as [`Normalizer::default`]).
    pub fn new() -> Self {
        Self::default()
    }

    /// Every step off: the text is copied unchanged (useful as a base to switch steps on).
    pub fn none() -> Self {
        Normalizer {
            nfkc: false,
            quotes: false,
            dashes: false,
            whitespace: false,
            ellipsis: false,
            abbreviations: false,
            possessive: false,
            numbers: false,
            percent: false,
            case_fold: false,
        }
    }

    switches! {
        /// Unicode NFKC, and decimal digits of any script to ASCII.
        nfkc,
        /// Fold curly quotes, primes and guillemets to `'` and `"`.
        quotes,
        /// Fold dash and hyphen variants and the minus sign to `-`.
        dashes,
        /// Collapse whitespace runs to one space, trim, drop zero-width characters.
        whitespace,
        /// `…` → `...`.
        ellipsis,
        /// `U.S.` → `USA`, `U.K.` → `UK` (see the type docs for the `US`/`us` rule).
        abbreviations,
        /// Drop a possessive `'s`.
        possessive,
        /// Number words to digits (see the type docs for the rule).
        numbers,
        /// `percent`, `per cent`, `pct`, `%` → `%`.
        percent,
        /// Lowercase.
        case_fold,
    }

    /// Normalizes `text`.
    pub fn normalize(&self, text: &str) -> Normalized {
        let mut out = Normalized::default();
        self.normalize_into(text, &mut out, &mut NormalizeScratch::default());
        out
    }

    /// [`normalize`](Self::normalize) into `out`, reusing its buffers and those of `scratch`
    /// (the first pass's text and maps): the analyzer normalizes every paragraph of a corpus
    /// this way, without allocating per paragraph. Same result as `normalize`.
    pub(crate) fn normalize_into(
        &self,
        text: &str,
        out: &mut Normalized,
        scratch: &mut NormalizeScratch,
    ) {
        if self.word_steps() && self.whitespace && is_plain(text) {
            self.normalize_plain_into(text, out, scratch);
            return;
        }
        self.normalize_general_into(text, out, scratch);
    }

    /// [`normalize_into`](Self::normalize_into) of a [plain](is_plain) text, with the
    /// whitespace step and a word step on. The first pass would copy such a text unchanged,
    /// and its map would be the [spaced map](crate::map::compose_spaced_into) of the text
    /// (exact runs between atomic spaces and non-ASCII characters), so it is not run: the second pass reads
    /// the text itself, and its map is composed with the spaced map without building it.
    /// Same text and map as the two passes (a property test checks it); most paragraphs of
    /// English news are plain, and the first pass cost about a third of normalizing.
    fn normalize_plain_into(
        &self,
        text: &str,
        out: &mut Normalized,
        scratch: &mut NormalizeScratch,
    ) {
        // What the first pass would write: the text, each (single) whitespace byte a space.
        let s1: &str = if text.bytes().any(|c| matches!(c, b'\t'..=b'\r')) {
            let t = &mut scratch.text;
            t.clear();
            t.extend(
                text.chars()
                    .map(|c| if matches!(c, '\t'..='\r') { ' ' } else { c }),
            );
            t
        } else {
            text
        };
        let old = std::mem::take(&mut out.map).into_segments();
        let m2 = self.second_pass(s1, &mut out.text, &mut scratch.second);
        if !s1.bytes().any(|c| c == b' ' || c >= 0x80) {
            // The first pass's map would be one exact segment (or none): the identity.
            out.map = m2;
            scratch.second = old;
        } else {
            out.map = compose_spaced_into(&m2, s1.as_bytes(), old);
            scratch.second = m2.into_segments();
        }
    }

    /// Whether any step of the second pass (words) is on.
    fn word_steps(&self) -> bool {
        self.abbreviations || self.possessive || self.numbers || self.percent || self.case_fold
    }

    /// The second pass (word steps) over `s1` into `s2` (cleared), its map built in the
    /// segments of `reuse` (taken).
    fn second_pass(&self, s1: &str, s2: &mut String, reuse: &mut Vec<Segment>) -> OffsetMap {
        s2.clear();
        s2.reserve(s1.len());
        let mut b2 = MapBuilder::reusing(std::mem::take(reuse));
        self.words_pass(s1, s2, &mut b2);
        b2.finish(s1.len())
    }

    /// Both passes and the composition of their maps: any text, any steps.
    fn normalize_general_into(
        &self,
        text: &str,
        out: &mut Normalized,
        scratch: &mut NormalizeScratch,
    ) {
        let s1 = &mut scratch.text;
        s1.clear();
        s1.reserve(text.len());
        let mut b1 = MapBuilder::reusing(std::mem::take(&mut scratch.first));
        self.chars_pass(text, s1, &mut b1);
        let m1 = b1.finish(text.len());
        let old = std::mem::take(&mut out.map).into_segments();
        if !self.word_steps() {
            std::mem::swap(&mut out.text, s1);
            out.map = m1;
            scratch.first = old;
            return;
        }
        let m2 = self.second_pass(s1, &mut out.text, &mut scratch.second);
        let identity = s1.len() == text.len()
            && m1.segments().len() <= 1
            && m1.segments().first().is_none_or(|s| s.exact);
        if identity {
            out.map = m2;
            scratch.second = old;
        } else {
            out.map = compose_into(&m2, &m1, old);
            scratch.second = m2.into_segments();
        }
        scratch.first = m1.into_segments();
    }

    // ---------------------------------------------------------------- pass 1: characters

    fn chars_pass(&self, text: &str, out: &mut String, b: &mut MapBuilder) {
        let mut st = CharState {
            out,
            b,
            ws: None,
            cfg: self,
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut chunk = String::new();
        let mut normed = String::new();
        while i < bytes.len() {
            // Fast path: a run of ASCII that is not whitespace is copied as one exact piece
            // (its last byte stays behind if a non-ASCII character, maybe a combining mark,
            // follows it).
            let mut j = i;
            while j < bytes.len() && bytes[j] < 0x80 && !matches!(bytes[j], b'\t'..=b'\r' | b' ') {
                j += 1;
            }
            if j < bytes.len() && bytes[j] >= 0x80 && self.nfkc && j > i {
                j -= 1;
            }
            if j > i {
                st.emit_ascii(&text[i..j], i);
                i = j;
                continue;
            }
            let b0 = bytes[i];
            if b0 < 0x80 && (i + 1 == bytes.len() || bytes[i + 1] < 0x80 || !self.nfkc) {
                st.emit(b0 as char, i..i + 1);
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let clen = c.len_utf8();
            if self.whitespace && is_zero_width(c) {
                i += clen; // dropped; the builder records the gap
                continue;
            }
            if !self.nfkc {
                st.emit(c, i..i + clen);
                i += clen;
                continue;
            }
            // Collect a normalization chunk: `c` plus following characters that may interact
            // with it, skipping zero-width characters in between.
            let start = i;
            let mut end = i + clen;
            let mut j = end;
            let mut has_gap = false;
            while let Some(d) = text[j..].chars().next() {
                if self.whitespace && is_zero_width(d) {
                    j += d.len_utf8();
                    continue;
                }
                if boundary_before(d) {
                    break;
                }
                has_gap |= j != end;
                j += d.len_utf8();
                end = j;
            }
            i = end;
            let src: &str = if has_gap {
                chunk.clear();
                chunk.extend(
                    text[start..end]
                        .chars()
                        .filter(|&d| !(self.whitespace && is_zero_width(d))),
                );
                &chunk
            } else {
                &text[start..end]
            };
            if is_nfkc_quick(src.chars()) == IsNormalized::Yes {
                for (off, d) in text[start..end].char_indices() {
                    if !(self.whitespace && is_zero_width(d)) {
                        st.emit(d, start + off..start + off + d.len_utf8());
                    }
                }
            } else {
                normed.clear();
                normed.extend(src.nfkc());
                for d in normed.chars() {
                    st.emit(d, start..end);
                }
            }
        }
        // Trailing whitespace is trimmed: the builder turns it into a deletion.
    }

    // ---------------------------------------------------------------- pass 2: words

    fn words_pass(&self, s: &str, out: &mut String, b: &mut MapBuilder) {
        let mut w = WordState {
            s,
            out,
            b,
            cfg: self,
            scratch: String::new(),
            pending: None,
        };
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let Some(c) = char_at(s, i) else { break };
            if !is_word_char(c) {
                if c == '%' && self.percent {
                    w.percent(i..i + 1);
                } else if c.is_ascii() {
                    // A space or punctuation byte: no need to check the piece is ASCII.
                    w.copy_ascii(i..i + 1);
                } else {
                    w.copy(i..i + c.len_utf8());
                }
                i += c.len_utf8();
                continue;
            }
            if self.abbreviations
                && let Some((end, skip)) = dotted_abbreviation(s, i, self.possessive)
            {
                let letters: String = s[i..end].chars().filter(|&d| d != '.').collect();
                let canon = if letters == "US" || letters == "USA" {
                    "USA"
                } else {
                    letters.as_str()
                };
                w.rule(canon, i..end);
                i = skip; // a possessive `'s` after it becomes a gap (deletion)
                continue;
            }
            // Rules apply to whole UAX #29 words, the same units `tokens()` yields, so a rule
            // fires on a token exactly when it fires on the token's own text.
            let seg_end = word_at(s, i).unwrap_or(i + c.len_utf8());
            let end = if self.possessive {
                possessive_stem_end(&s[i..seg_end]).map_or(seg_end, |e| i + e)
            } else {
                seg_end
            };
            let word = &s[i..end];
            let mut next = end;
            if let Some((value, consumed)) = self.number_word(s, i, end, seg_end) {
                w.rule(value, i..consumed);
                next = consumed;
            } else if self.percent && is_percent_word(word) {
                w.percent(i..end);
            } else if self.percent
                && word.eq_ignore_ascii_case("per")
                && s[end..].starts_with(' ')
                && word_at(s, end + 1).is_some_and(|e| s[end + 1..e].eq_ignore_ascii_case("cent"))
            {
                w.percent(i..end + 5);
                next = end + 5;
            } else if self.abbreviations && word == "US" {
                w.rule("USA", i..end);
            } else if let Some((canon, e)) = self.country_name(s, word, end) {
                w.rule(canon, i..e);
                next = e;
            } else {
                w.copy(i..end);
            }
            if next == end {
                next = seg_end; // skips a possessive `'s`: a gap (deletion) in the map
            }
            i = next;
        }
        w.flush();
    }

    /// `United States` (optionally `of America`) → `USA` and `United Kingdom` → `UK`, when
    /// `word` is `United` ending at `end`: the names these abbreviations stand for. Returns
    /// the canonical form and where the rewrite ends.
    fn country_name(&self, s: &str, word: &str, end: usize) -> Option<(&'static str, usize)> {
        if !self.abbreviations || word != "United" || !s[end..].starts_with(' ') {
            return None;
        }
        let e2 = word_at(s, end + 1)?;
        match &s[end + 1..e2] {
            "States" => {
                let tail = " of America";
                let e3 = if s[e2..].starts_with(tail)
                    && word_at(s, e2 + 4).is_some_and(|e| e == e2 + tail.len())
                {
                    e2 + tail.len()
                } else {
                    e2
                };
                Some(("USA", e3))
            }
            "Kingdom" => Some(("UK", e2)),
            _ => None,
        }
    }

    /// A number word (or hyphenated compound) `s[i..end]`, whose UAX #29 word (with any
    /// possessive) ends at `seg_end`. Returns the digits and where the rewrite ends.
    fn number_word(
        &self,
        s: &str,
        i: usize,
        end: usize,
        seg_end: usize,
    ) -> Option<(&'static str, usize)> {
        if !self.numbers {
            return None;
        }
        let v = number_value(&s[i..end])?;
        let end = seg_end;
        let hyphen_word = s[end..].starts_with('-') && word_at(s, end + 1).is_some();
        if (20..=90).contains(&v) && hyphen_word {
            let e2 = word_at(s, end + 1)?;
            if let Some(u @ 1..=9) = number_value(&s[end + 1..e2]) {
                return Some((DIGITS[(v + u) as usize], e2));
            }
        }
        if v == 1 && !hyphen_word {
            return None;
        }
        Some((DIGITS[v as usize], end))
    }
}

/// Decimal strings 0..=99, so number rules need no allocation.
const DIGITS: [&str; 100] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32",
    "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47", "48",
    "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63", "64",
    "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79", "80",
    "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95", "96",
    "97", "98", "99",
];

/// The number words and their values (what `number_value` matches; a test checks it).
#[cfg(test)]
const NUMBER_WORDS: [(&str, u8); 28] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

fn number_value(word: &str) -> Option<u8> {
    // Every number word starts with one of z o t f s e n (cheap pre-filter).
    let b = word.as_bytes();
    let first = b.first()? | 0x20;
    if !(3..=9).contains(&b.len()) || !b"zotfsen".contains(&first) {
        return None;
    }
    // The word as one integer, each byte with its case bit set: that lowercases ASCII
    // letters, and no other byte becomes one (bit 7 stays, and no ASCII non-letter turns
    // into a letter), so the integer equals a number word's exactly when the word is that
    // number word in any case. A `match` on integers is a few compares; a test checks it
    // against `NUMBER_WORDS`.
    let key = b
        .iter()
        .rev()
        .fold(0u128, |k, &c| (k << 8) | u128::from(c | 0x20));
    Some(match key {
        ZERO => 0,
        ONE => 1,
        TWO => 2,
        THREE => 3,
        FOUR => 4,
        FIVE => 5,
        SIX => 6,
        SEVEN => 7,
        EIGHT => 8,
        NINE => 9,
        TEN => 10,
        ELEVEN => 11,
        TWELVE => 12,
        THIRTEEN => 13,
        FOURTEEN => 14,
        FIFTEEN => 15,
        SIXTEEN => 16,
        SEVENTEEN => 17,
        EIGHTEEN => 18,
        NINETEEN => 19,
        TWENTY => 20,
        THIRTY => 30,
        FORTY => 40,
        FIFTY => 50,
        SIXTY => 60,
        SEVENTY => 70,
        EIGHTY => 80,
        NINETY => 90,
        _ => return None,
    })
}

/// A lowercase ASCII word as the integer [`number_value`] compares: its bytes, the first
/// in the lowest byte.
const fn word_key(w: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = w.len();
    while i > 0 {
        i -= 1;
        k = (k << 8) | w[i] as u128;
    }
    k
}

const ZERO: u128 = word_key(b"zero");
const ONE: u128 = word_key(b"one");
const TWO: u128 = word_key(b"two");
const THREE: u128 = word_key(b"three");
const FOUR: u128 = word_key(b"four");
const FIVE: u128 = word_key(b"five");
const SIX: u128 = word_key(b"six");
const SEVEN: u128 = word_key(b"seven");
const EIGHT: u128 = word_key(b"eight");
const NINE: u128 = word_key(b"nine");
const TEN: u128 = word_key(b"ten");
const ELEVEN: u128 = word_key(b"eleven");
const TWELVE: u128 = word_key(b"twelve");
const THIRTEEN: u128 = word_key(b"thirteen");
const FOURTEEN: u128 = word_key(b"fourteen");
const FIFTEEN: u128 = word_key(b"fifteen");
const SIXTEEN: u128 = word_key(b"sixteen");
const SEVENTEEN: u128 = word_key(b"seventeen");
const EIGHTEEN: u128 = word_key(b"eighteen");
const NINETEEN: u128 = word_key(b"nineteen");
const TWENTY: u128 = word_key(b"twenty");
const THIRTY: u128 = word_key(b"thirty");
const FORTY: u128 = word_key(b"forty");
const FIFTY: u128 = word_key(b"fifty");
const SIXTY: u128 = word_key(b"sixty");
const SEVENTY: u128 = word_key(b"seventy");
const EIGHTY: u128 = word_key(b"eighty");
const NINETY: u128 = word_key(b"ninety");

fn is_percent_word(word: &str) -> bool {
    word.eq_ignore_ascii_case("percent") || word.eq_ignore_ascii_case("pct")
}

/// Whether the first pass only turns each whitespace byte of `text` into a space and maps the
/// result as exact runs between atomic segments, one per whitespace byte and per non-ASCII
/// character (when the whitespace step is on): ASCII and [stable](is_stable_symbol) symbols
/// only (nothing for NFKC, the quote, dash and ellipsis folds or the zero-width drop to
/// change, and no character combining with another), with single ASCII whitespace bytes
/// between other characters (no run to collapse, nothing to trim; a hard-wrapped line break
/// is one such byte).
pub(crate) fn is_plain(text: &str) -> bool {
    let b = text.as_bytes();
    let is_ws = |c: u8| matches!(c, b'\t'..=b'\r' | b' ');
    if b.first().is_some_and(|&c| is_ws(c)) || b.last().is_some_and(|&c| is_ws(c)) {
        return false;
    }
    let mut prev_space = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c >= 0x80 {
            match text.get(i..).and_then(|rest| rest.chars().next()) {
                Some(d) if is_stable_symbol(d) => {
                    i += d.len_utf8();
                    prev_space = false;
                    continue;
                }
                _ => return false,
            }
        }
        let space = is_ws(c);
        if space && prev_space {
            return false;
        }
        prev_space = space;
        i += 1;
    }
    true
}

/// Non-ASCII characters of plain text (see [`is_plain`]): currency and degree signs, which
/// NFKC leaves alone and never combines with a neighbour (`boundary_before`), and which no
/// step folds (a test checks that the first pass maps each to itself as one atomic segment).
/// `£` is the only non-ASCII character of the generated corpora.
pub(crate) fn is_stable_symbol(c: char) -> bool {
    matches!(c, '£' | '€' | '¥' | '¢' | '°')
}

/// Characters dropped by the whitespace step: zero-width characters, the soft hyphen, and
/// the invisible bidi controls and marks (`China\u{202E}` is the word `China`: hostile text
/// must not split a word from its copies with characters no reader sees).
pub(crate) fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{180E}'
    )
}

/// Whether NFKC never combines `c` with what precedes it, so text can be cut before it.
fn boundary_before(c: char) -> bool {
    if c.is_ascii() {
        return true;
    }
    let mut first = None;
    decompose_compatible(c, |d| {
        if first.is_none() {
            first = Some(d);
        }
    });
    let f = first.unwrap_or(c);
    canonical_combining_class(f) == 0 && is_nfkc_quick(std::iter::once(f)) != IsNormalized::Maybe
}

/// Letters, digits and combining marks: the characters words are made of.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        s.get(i..)?.chars().next()
    }
}

/// The end of the UAX #29 word starting at `i`, if one starts there with a word character.
fn word_at(s: &str, i: usize) -> Option<usize> {
    char_at(s, i).filter(|&c| is_word_char(c))?;
    let seg = first_word_bound(s.get(i..)?)?;
    Some(i + seg.len())
}

/// If `word` ends in a possessive `'s` (or `’s`) after at least two characters, where the
/// stem ends.
fn possessive_stem_end(word: &str) -> Option<usize> {
    if !word.ends_with(['s', 'S']) {
        return None;
    }
    let strip = |w: &str| -> Option<usize> {
        let stem = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("'S"))
            .or_else(|| w.strip_suffix("\u{2019}s"))
            .or_else(|| w.strip_suffix("\u{2019}S"))?;
        // Two or more base characters (marks don't count: lowercasing `İ` gives `i̇`).
        let mut bases = stem.chars().filter(|&c| !is_combining_mark(c));
        (bases.next().is_some() && bases.next().is_some()).then_some(stem.len())
    };
    // Strip repeatedly (`US's's` → `US`) so that a second pass finds nothing left to strip.
    let mut end = strip(word)?;
    while let Some(e) = strip(&word[..end]) {
        end = e;
    }
    Some(end)
}

/// `U.S.`, `U.K.`, `U.S.A.`: two or more capital ASCII letters each followed by a dot, not
/// followed by a word character. Returns the end, and the end of a possessive `'s` after it
/// (equal to the end if there is none or `possessive` is off).
fn dotted_abbreviation(s: &str, i: usize, possessive: bool) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    let mut pairs = 0;
    while j + 1 < b.len() && b[j].is_ascii_uppercase() && b[j + 1] == b'.' {
        j += 2;
        pairs += 1;
    }
    if pairs < 2 {
        return None;
    }
    // The rewrite must not join what follows into its word, the way UAX #29 would see it in
    // a second pass: no word character next (looking through format characters, as UAX #29
    // does), and no `'`, `.` or `:` followed by one (`U.K.'a` would become the word `uk'a`),
    // except a possessive `'s` that the caller strips.
    let mut rest = s[j..].char_indices().filter(|&(_, c)| !is_format(c));
    match rest.next() {
        Some((_, c)) if is_word_char(c) => return None,
        Some((k, c)) if is_mid_word(c) => {
            // `%` counts as joining too: the percent step turns a joined `percent` into `%`,
            // and the second pass must decide as the first did (`U.S.'percent`).
            let joins = rest
                .next()
                .is_some_and(|(_, d)| is_word_char(d) || d == '%');
            return match possessive_end(s, j + k) {
                Some(p) if possessive => Some((j, p)),
                _ if joins => None,
                _ => Some((j, j)),
            };
        }
        _ => {}
    }
    Some((j, j))
}

/// UAX #29 `MidLetter` and `MidNumLet`: punctuation that joins letters into one word.
fn is_mid_word(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '·'
            | '\u{0387}'
            | '\u{055F}'
            | '\u{05F4}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
            | '\u{FE13}'
            | '\u{FE52}'
            | '\u{FE55}'
            | '\u{FF07}'
            | '\u{FF0E}'
            | '\u{FF1A}'
    )
}

/// Characters UAX #29 word segmentation skips over (its `Format` and `ZWJ` classes).
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
        | '\u{0890}' | '\u{0891}' | '\u{08E2}' | '\u{180E}' | '\u{200C}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// If `'s` (or `’s`) starts at `i` and the `s` is a whole UAX #29 word, its end.
fn possessive_end(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?;
    let apos = if rest.starts_with('\'') {
        1
    } else if rest.starts_with('\u{2019}') {
        3
    } else {
        return None;
    };
    let at = i + apos;
    if !(s[at..].starts_with('s') || s[at..].starts_with('S')) {
        return None;
    }
    // The `s` must be a whole UAX #29 word, or a chain `s's's` that a second pass would strip.
    let end = word_at(s, at)?;
    let mut rest = &s[at..end];
    loop {
        rest = rest.strip_prefix(['s', 'S'])?;
        if rest.is_empty() {
            return Some(end);
        }
        rest = rest.strip_prefix(['\'', '\u{2019}'])?;
    }
}

struct CharState<'a> {
    out: &'a mut String,
    b: &'a mut MapBuilder,
    /// Original range of a pending whitespace run.
    ws: Option<Range<usize>>,
    cfg: &'a Normalizer,
}

impl CharState<'_> {
    /// Emits ASCII text without whitespace, unchanged, starting at original offset `at`.
    fn emit_ascii(&mut self, run: &str, at: usize) {
        if let Some(w) = self.ws.take()
            && !self.out.is_empty()
        {
            self.out.push(' ');
            self.b.push(1, w, false);
        }
        self.out.push_str(run);
        self.b.push(run.len(), at..at + run.len(), true);
    }

    fn emit(&mut self, c: char, orig: Range<usize>) {
        if self.cfg.whitespace && c.is_whitespace() {
            self.ws = Some(match self.ws.take() {
                Some(w) => w.start..orig.end.max(w.end),
                None => orig,
            });
            return;
        }
        if let Some(w) = self.ws.take()
            && !self.out.is_empty()
        {
            self.out.push(' ');
            self.b.push(1, w, false);
        }
        let folded: &str = match c {
            '\u{2019}' | '\u{2018}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
            | '\u{2039}' | '\u{203A}'
                if self.cfg.quotes =>
            {
                "'"
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
            | '\u{2033}'
                if self.cfg.quotes =>
            {
                "\""
            }
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' | '\u{2043}' | '\u{FE58}' | '\u{FE63}'
                if self.cfg.dashes =>
            {
                "-"
            }
            '\u{2026}' if self.cfg.ellipsis => "...",
            // a decimal digit of another script (`٥٥`, `५५`) is the digit: NFKC folds only
            // the compatibility forms (`５５`), and a figure a translation left in Arabic-Indic
            // digits is the same figure (found by a review: flagged as a changed number)
            c if self.cfg.nfkc
                && !c.is_ascii()
                && let Some(d) = c.to_decimal_utf8() =>
            {
                DIGITS[usize::from(d)]
            }
            _ => {
                let len = c.len_utf8();
                self.out.push(c);
                self.b.push(len, orig.clone(), len == 1 && orig.len() == 1);
                return;
            }
        };
        self.out.push_str(folded);
        self.b.push(folded.len(), orig, false);
    }
}

struct WordState<'a> {
    /// The text of the pass (the output of pass 1).
    s: &'a str,
    out: &'a mut String,
    b: &'a mut MapBuilder,
    cfg: &'a Normalizer,
    scratch: String,
    /// An ASCII range of `s` still to copy: contiguous ASCII copies are emitted as one piece
    /// (the same text and map as piece by piece, where exact runs merge, but cheaper).
    pending: Option<Range<usize>>,
}

impl WordState<'_> {
    /// Emits the pending ASCII copy, lowercased when case folding; exact in the map.
    fn flush(&mut self) {
        if let Some(r) = self.pending.take() {
            let start = self.out.len();
            self.out.push_str(&self.s[r.clone()]);
            if self.cfg.case_fold {
                self.out[start..].make_ascii_lowercase();
            }
            self.b.push(r.len(), r, true);
        }
    }

    /// Emits a rewrite of `src` (always ASCII); lowercased when case folding.
    fn rule(&mut self, text: &str, src: Range<usize>) {
        self.flush();
        let start = self.out.len();
        self.out.push_str(text);
        if self.cfg.case_fold {
            self.out[start..].make_ascii_lowercase();
        }
        self.b.push(text.len(), src, false);
    }

    /// `%`, with a space in front when it follows a digit.
    fn percent(&mut self, src: Range<usize>) {
        self.flush();
        let after_digit = self.out.as_bytes().last().is_some_and(u8::is_ascii_digit);
        let text = if after_digit { " %" } else { "%" };
        self.out.push_str(text);
        self.b.push(text.len(), src, false);
    }

    /// Copies `s[r]`, lowercased when case folding. ASCII runs stay exact in the map; other
    /// characters map one by one, or as a whole when re-normalizing merged them.
    #[inline(always)]
    fn copy(&mut self, r: Range<usize>) {
        // Inlined: nearly every word and space of ASCII text comes here, only to extend the
        // pending range.
        if self
            .s
            .as_bytes()
            .get(r.clone())
            .is_some_and(<[u8]>::is_ascii)
        {
            self.copy_ascii(r);
            return;
        }
        self.copy_other(r);
    }

    /// [`copy`](Self::copy) of an ASCII piece: extends the pending range. Kept apart from
    /// the rest (which is out of line) so that this, the path of nearly every word and
    /// space, is a compare and a store in the caller; as one function with the non-ASCII
    /// path, each call paid that path's register saves (about 40 instructions).
    #[inline(always)]
    fn copy_ascii(&mut self, r: Range<usize>) {
        match &mut self.pending {
            Some(p) if p.end == r.start => p.end = r.end,
            _ => self.restart_pending(r),
        }
    }

    /// Flushes the pending copy and starts a new one at `r` (after a rewrite).
    #[inline(never)]
    fn restart_pending(&mut self, r: Range<usize>) {
        self.flush();
        self.pending = Some(r);
    }

    /// [`copy`](Self::copy) of a piece that is not all ASCII.
    #[inline(never)]
    fn copy_other(&mut self, r: Range<usize>) {
        let s = self.s;
        let piece = &s[r.clone()];
        self.flush();
        if self.cfg.case_fold && self.cfg.nfkc {
            // Lowercasing can make text that NFKC composes differently (`J̌` → `ǰ`): iterate
            // lowercase + NFKC to a fixed point over the whole piece, whose ends are safe
            // normalization boundaries.
            self.scratch.clear();
            self.scratch
                .extend(piece.chars().flat_map(char::to_lowercase));
            if is_nfkc_quick(self.scratch.chars()) != IsNormalized::Yes {
                let mut cur = std::mem::take(&mut self.scratch);
                for _ in 0..4 {
                    let next: String = cur.nfkc().flat_map(char::to_lowercase).collect();
                    if next == cur {
                        break;
                    }
                    cur = next;
                }
                self.out.push_str(&cur);
                self.b.push(cur.len(), r, false);
                self.scratch = cur;
                return;
            }
        }
        for (off, c) in piece.char_indices() {
            let at = r.start + off;
            let src = at..at + c.len_utf8();
            let start = self.out.len();
            if self.cfg.case_fold {
                self.out.extend(c.to_lowercase());
            } else {
                self.out.push(c);
            }
            let len = self.out.len() - start;
            self.b.push(len, src, c.is_ascii());
        }
    }
}

/// Normalizes `text` with every step on: `Normalizer::default().normalize(text)`.
///
/// ```
/// let n = newsdiff_normalize::normalize("The U.S. economy grew 3% in six months");
/// assert_eq!(n.text, "the usa economy grew 3 % in 6 months");
/// ```
pub fn normalize(text: &str) -> Normalized {
    Normalizer::default().normalize(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn quotes_dashes_whitespace_ellipsis() {
        assert_eq!(
            n("“Hello,” she said — ‘fine’…"),
            "\"hello,\" she said - 'fine'..."
        );
        assert_eq!(n("  a \u{00A0}\t b\u{200B}c \n"), "a bc");
        // invisible bidi controls and marks never split a word
        assert_eq!(
            n("chi\u{202E}na\u{202C} \u{2066}U.S.\u{2069}\u{200F}"),
            "china usa"
        );
        assert_eq!(n("a\u{2011}b a\u{2212}b"), "a-b a-b");
    }

    #[test]
    fn nfkc_and_case() {
        assert_eq!(n("ﬁne ＵＳ Café"), "fine usa café");
        assert_eq!(n("Cafe\u{301}"), "café");
        // any script's decimal digits are the digits, with offsets into the original
        assert_eq!(n("٥٥% ５５% ५५% 55%"), "55 % 55 % 55 % 55 %");
        let text = "up ٣٫٥ to ٤٠";
        let norm = Normalizer::new().normalize(text);
        let at = norm.text.find("40").expect("digits folded");
        assert_eq!(&text[norm.to_original(at..at + 2)], "٤٠");
    }

    #[test]
    fn us_abbreviations() {
        assert_eq!(n("U.S. US U.S.A. USA"), "usa usa usa usa");
        assert_eq!(n("Let us go"), "let us go");
        assert_eq!(n("U.S.-China talks"), "usa-china talks");
        assert_eq!(
            n("the United States and the United Kingdom"),
            "the usa and the uk"
        );
        assert_eq!(n("United States of America"), "usa");
        assert_eq!(n("United Nations"), "united nations");
        assert_eq!(n("the U.K. and UK"), "the uk and uk");
        assert_eq!(n("a.m. e.g."), "a.m. e.g.");
        assert_eq!(
            Normalizer::new().case_fold(false).normalize("U.S. us").text,
            "USA us"
        );
    }

    #[test]
    fn possessive() {
        assert_eq!(n("Trump’s plan and China's"), "trump plan and china");
        assert_eq!(n("it'sy U's"), "it'sy u's");
    }

    #[test]
    fn numbers() {
        assert_eq!(n("six-month six month 6-month"), "6-month 6 month 6-month");
        assert_eq!(n("ninety-minute Twenty-five"), "90-minute 25");
        assert_eq!(n("one of the one-year plans"), "one of the 1-year plans");
        assert_eq!(n("twenty-one-year-old"), "21-year-old");
        assert_eq!(n("someone sixth"), "someone sixth");
    }

    #[test]
    fn number_value_matches_the_list() {
        for (w, v) in NUMBER_WORDS {
            assert_eq!(number_value(w), Some(v));
            assert_eq!(number_value(&w.to_uppercase()), Some(v));
            let mixed: String = w
                .char_indices()
                .map(|(i, c)| {
                    if i % 2 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            assert_eq!(number_value(&mixed), Some(v));
        }
        for w in [
            "",
            "on",
            "sixth",
            "hundred",
            "onE1",
            "zeros",
            "x",
            "tw\u{f6}",
            "t@o",
            "tWo ",
            "two.",
            "\u{e9}ight",
            "seventeens",
        ] {
            assert_eq!(number_value(w), None, "{w}");
        }
    }

    #[test]
    fn percent() {
        let want = "55 %";
        assert_eq!(n("55 per cent"), want);
        assert_eq!(n("55 percent"), want);
        assert_eq!(n("55%"), want);
        assert_eq!(n("55 pct"), want);
        assert_eq!(n("55 Per  Cent"), want);
    }

    #[test]
    fn map_points_back() {
        let src = "The U.S.’s “six-month” plan";
        let out = normalize(src);
        assert_eq!(out.text, "the usa \"6-month\" plan");
        let usa = out.text.find("usa").map(|i| i..i + 3).unwrap_or_default();
        assert_eq!(&src[out.to_original(usa)], "U.S.");
        let six = out.text.find('6').map(|i| i..i + 1).unwrap_or_default();
        assert_eq!(&src[out.to_original(six)], "six");
        let plan = out.text.find("plan").map(|i| i..i + 4).unwrap_or_default();
        assert_eq!(&src[out.to_original(plan)], "plan");
    }

    fn both_ways(cfg: &Normalizer, text: &str) -> (Normalized, Normalized) {
        let (mut plain, mut general) = (Normalized::default(), Normalized::default());
        cfg.normalize_plain_into(text, &mut plain, &mut NormalizeScratch::default());
        cfg.normalize_general_into(text, &mut general, &mut NormalizeScratch::default());
        (plain, general)
    }

    #[test]
    fn plain_texts() {
        assert!(is_plain("The U.S. grew 3% in six months."));
        assert!(is_plain(""));
        assert!(is_plain("a\tb\nc\u{b}d\u{c}e\rf \u{a3}5"));
        for s in [
            " a",
            "a ",
            "\na",
            "a\n",
            "a  b",
            "a\r\nb",
            "a \nb",
            "caf\u{e9}",
            "a\u{200b}b",
            "a\u{2019}s",
        ] {
            assert!(!is_plain(s), "{s:?}");
        }
        // The first pass maps each stable symbol to itself, as one atomic segment.
        for c in ['\u{a3}', '\u{20ac}', '\u{a5}', '\u{a2}', '\u{b0}'] {
            assert!(is_stable_symbol(c));
            assert!(boundary_before(c));
            let text = format!("a{c}1 {c}");
            assert!(is_plain(&text));
            let mut b = MapBuilder::default();
            let mut out = String::new();
            Normalizer::new().chars_pass(&text, &mut out, &mut b);
            assert_eq!(out, text);
            let map = b.finish(text.len());
            let seg = map.segments().iter().find(|s| s.orig == 1);
            assert!(seg.is_some_and(|s| !s.exact && s.norm == 1), "{c}");
        }
        let (plain, general) = both_ways(&Normalizer::new(), "The U.S.'s six-month plan");
        assert_eq!(plain, general);
    }

    fn plain_piece() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::sample::select(vec![
            "The",
            "U.S.",
            "U.K.'s",
            "US",
            "us",
            "United",
            "States",
            "of",
            "America",
            "Kingdom",
            "six",
            "twenty",
            "-",
            "five",
            "one",
            "One",
            "per",
            "cent",
            "percent",
            "PCT",
            "%",
            "55",
            "3.5",
            "1,000",
            "'s",
            "Trump's",
            "'",
            ".",
            ",",
            ":",
            "\"",
            "(",
            "a",
            "Zz",
            "x_y",
            "\u{1}",
            "\u{1f}",
            "\u{a3}",
            "\u{a3}20",
            "\u{20ac}5",
            "\u{a5}",
            "\u{b0}C",
            "\u{a2}",
        ])
        .prop_map(str::to_owned)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// The plain path (no first pass, the spaced map composed without being built) gives
        /// the same text and map as the two passes.
        #[test]
        fn plain_path_equals_both_passes(
            parts in proptest::collection::vec(
                (plain_piece(), proptest::option::of(proptest::sample::select(
                    vec![' ', ' ', ' ', '\n', '\t', '\r', '\u{b}', '\u{c}'],
                ))),
                0..16,
            ),
            steps in 0u8..4,
        ) {
            let mut text = String::new();
            for (p, space) in &parts {
                text.push_str(p);
                if let Some(ws) = space {
                    text.push(*ws);
                }
            }
            let text = text.trim_end();
            proptest::prop_assume!(is_plain(text));
            let cfg = match steps {
                0 => Normalizer::new(),
                1 => Normalizer::new().case_fold(false),
                2 => Normalizer::none().whitespace(true).numbers(true),
                _ => Normalizer::new().possessive(false).abbreviations(false),
            };
            let (plain, general) = both_ways(&cfg, text);
            proptest::prop_assert_eq!(plain, general);
        }
    }

    #[test]
    fn steps_switch_off() {
        let src = "The U.S.’s six %";
        assert_eq!(Normalizer::none().normalize(src).text, src);
        assert_eq!(
            Normalizer::none().quotes(true).normalize(src).text,
            "The U.S.'s six %"
        );
        assert_eq!(
            Normalizer::new().numbers(false).normalize(src).text,
            "the usa six %"
        );
    }
}
