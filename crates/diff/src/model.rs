//! Plain output data: [`Overlap`], [`Group`], [`Side`], [`Divergence`], [`DiffOp`].

use serde::{Deserialize, Serialize};

/// How close the two sides of an overlap are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The same words (after normalization: case, quotes, dashes, `U.S.`/`US`, number words).
    Verbatim,
    /// Light edits: most words shared in order, a few changed, added or dropped.
    Near,
    /// The same content reworded: specific terms shared, wording and order differ.
    Paraphrase,
}

impl Kind {
    /// The lowercase name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Verbatim => "verbatim",
            Self::Near => "near",
            Self::Paraphrase => "paraphrase",
        }
    }
}

/// One side of an overlap: a byte range of an article's original text, where it lies in
/// lines, and that text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Side {
    /// The article's id.
    pub article: String,
    /// First byte of the passage in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The 0-based line of the article's text that the passage starts on (line breaks
    /// before `start`), so that a spreadsheet or a program without the text can point a
    /// reader to it.
    #[serde(default)]
    pub line: usize,
    /// The 0-based line its last byte is on.
    #[serde(default)]
    pub last_line: usize,
    /// `text[start..end]` of the article.
    pub text: String,
}

impl Side {
    /// The side `start..end` of article `article` whose text is `text`, with its lines.
    /// Offsets past the end or off a character boundary give an empty passage text.
    pub fn new(article: impl Into<String>, text: &str, start: usize, end: usize) -> Self {
        let (line, last_line) = lines_of(text, start, end);
        Self {
            article: article.into(),
            start,
            end,
            line,
            last_line,
            text: text.get(start..end).unwrap_or("").to_owned(),
        }
    }
}

/// The 0-based lines of `text` that bytes `start` and `end - 1` are on (both `start`'s for
/// an empty range): the line ends before each, a line ending at an LF, a CRLF or a lone CR
/// as paragraphs' lines are counted ([`newsdiff_ingest::line_at`]). Offsets past the end
/// count every line end.
pub fn lines_of(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let first = newsdiff_ingest::line_at(bytes, start);
    let last = newsdiff_ingest::line_at(bytes, end.saturating_sub(1).max(start));
    (first, last)
}

/// What differs between the two sides of an overlap that a fact-checker must see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DivergenceKind {
    /// A number differs (`55%` vs `50%`).
    Number,
    /// A person's name differs (and the names are not variants of one person).
    Name,
    /// A role or title differs next to the same name, or one role is given to different
    /// names (`Commerce Secretary Raimondo` vs `Commerce Secretary Lutnick`).
    Role,
    /// One side negates what the other asserts (`not`, `never`, `no`).
    Negation,
    /// A quotation is attributed to different speakers.
    Speaker,
}

impl DivergenceKind {
    /// The lowercase name used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Number => "number",
            Self::Name => "name",
            Self::Role => "role",
            Self::Negation => "negation",
            Self::Speaker => "speaker",
        }
    }
}

/// A byte range and its text, on one side of a divergence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Piece {
    /// First byte in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text of that range.
    pub text: String,
}

/// A difference between the two sides that changes what the text says.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Divergence {
    /// What kind of difference.
    pub kind: DivergenceKind,
    /// Where it is on side `a` (empty range at the position when `a` has nothing there).
    pub a: Piece,
    /// Where it is on side `b`.
    pub b: Piece,
}

/// One operation of a word diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    /// The words are the same on both sides.
    Equal,
    /// Words only on side `a`.
    Delete,
    /// Words only on side `b`.
    Insert,
}

/// A word-diff operation with byte ranges into each side's article text: an `insert` has an
/// empty `a` range at its position, a `delete` an empty `b` range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DiffOp {
    /// The operation.
    pub op: Op,
    /// `[start, end)` on side `a`.
    pub a: [usize; 2],
    /// `[start, end)` on side `b`.
    pub b: [usize; 2],
    /// For an `equal` operation: whether the two sides' original text is the same, byte for
    /// byte apart from white space and a capital first letter. `false` when the words are
    /// equal once normalized but written differently (quote marks, punctuation beside or
    /// between them, `U.S.` / `US`, `WorldCom` / `Worldcom`, `55 per cent` / `55%`); the
    /// ranges then also take in the punctuation that differs, as side `a` and side `b` have
    /// it. Serialized only when `false` (and read as `true` when absent); always `true` for
    /// `delete` and `insert`.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub exact: bool,
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference
fn is_yes(b: &bool) -> bool {
    *b
}

impl DiffOp {
    /// An operation whose sides are written alike (`exact`), as every `delete` and `insert`
    /// is.
    pub fn new(op: Op, a: [usize; 2], b: [usize; 2]) -> Self {
        Self {
            op,
            a,
            b,
            exact: true,
        }
    }
}

/// A passage two articles share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overlap {
    /// The side from the article whose id sorts first.
    pub a: Side,
    /// The side from the other article.
    pub b: Side,
    /// 0 to 1: grows with how similar the sides are and how much they share.
    pub score: f64,
    /// Verbatim, near or paraphrase.
    pub kind: Kind,
    /// Similarity of the two sides alone, 0 to 1 (rarity-weighted term overlap).
    pub similarity: f64,
    /// Content words the two sides share.
    pub shared_words: usize,
    /// What differs that changes the meaning.
    pub divergences: Vec<Divergence>,
    /// The word diff from `a` to `b`.
    pub ops: Vec<DiffOp>,
}

/// A member of a [`Group`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Member {
    /// The article's id.
    pub article: String,
    /// First byte of the passage.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The 0-based line of the article's text that the passage starts on.
    #[serde(default)]
    pub line: usize,
    /// The 0-based line its last byte is on.
    #[serde(default)]
    pub last_line: usize,
    /// The passage's text.
    pub text: String,
}

/// A passage shared by many articles, reported once instead of pair by pair. Every two
/// members from different articles share it with the group's score and kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The occurrences, sorted by article id and offset.
    pub members: Vec<Member>,
    /// Score of any two members.
    pub score: f64,
    /// Kind of any two members.
    pub kind: Kind,
}

/// Everything a run found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Overlaps {
    /// Pairwise overlaps, sorted by `(a.article, b.article, a.start, b.start, a.end, b.end)`.
    pub overlaps: Vec<Overlap>,
    /// Passages shared by many articles, sorted by their first member.
    pub groups: Vec<Group>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_in_the_text() {
        let text = "one\ntwo\n\nfour and more\nfive";
        let at = |s: &str| text.find(s).unwrap_or(0);
        assert_eq!(lines_of(text, 0, 3), (0, 0));
        // A range ending on a line break ends on that line, not the next.
        assert_eq!(lines_of(text, 0, 4), (0, 0));
        assert_eq!(lines_of(text, at("two"), at("four") + 4), (1, 3));
        assert_eq!(lines_of(text, at("five"), at("five")), (4, 4));
        assert_eq!(lines_of(text, 100, 200), (4, 4));
        let side = Side::new("x", text, at("four"), at("five"));
        assert_eq!((side.line, side.last_line), (3, 3));
        assert_eq!(side.text, "four and more\n");
        assert_eq!(Side::new("x", "é", 1, 2).text, "", "off a char boundary");
    }

    /// Found in review: a lone CR ends a line in `ingest`'s paragraphs, but here only LF
    /// was counted, so every passage of a lone-CR file was on line 0.
    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr_alike() {
        let lf = "one\ntwo\n\nfour and more\nfive";
        let of = |text: &str| {
            let at = |s: &str| text.find(s).unwrap_or(0);
            let end_of_two = at("two") + 3;
            [
                lines_of(text, 0, 3),
                lines_of(text, 0, end_of_two + 1),
                lines_of(text, at("two"), at("four") + 4),
                // a range ending on its line end, whole (CRLF) or in the middle
                lines_of(text, at("four"), at("five")),
                lines_of(text, at("four"), at("five") - 1),
                lines_of(text, at("five"), at("five")),
                lines_of(text, 100, 200),
            ]
        };
        let want = [(0, 0), (0, 1), (1, 3), (3, 3), (3, 3), (4, 4), (4, 4)];
        assert_eq!(of(lf), want);
        assert_eq!(of(&lf.replace('\n', "\r")), want);
        assert_eq!(of(&lf.replace('\n', "\r\n")), want);
    }
}
