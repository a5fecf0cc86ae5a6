//! The offset map from normalized text back to the original.
//!
//! A map is a list of segments that tile both texts in order. Segment `i` covers normalized
//! bytes `norm[i]..norm[i + 1]` and original bytes `orig[i]..orig[i + 1]` (the last one runs to
//! the text lengths). A segment is either
//!
//! - **exact**: both sides are the same number of ASCII bytes, copied or case-folded one to
//!   one, so any offset inside maps linearly (and every byte offset of ASCII text is a `char`
//!   boundary); or
//! - **atomic**: a rewrite (`U.S.` → `usa`, `…` → `...`, a whitespace run → one space, a
//!   non-ASCII character); any offset inside maps to the whole original segment.
//!
//! Either side of an atomic segment may be empty: deleted original bytes (a zero-width
//! character, a possessive `'s`) have an empty normalized side.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::error::NormalizeError;

/// One segment of an [`OffsetMap`]: where it starts on each side, and whether offsets inside
/// it map linearly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Start of the segment in the normalized text.
    pub norm: usize,
    /// Start of the segment in the original text.
    pub orig: usize,
    /// `true` if both sides are equally long ASCII and map byte for byte.
    pub exact: bool,
}

/// Maps byte ranges of normalized text back to the original text, and the other way.
///
/// Built by [`Normalizer`](crate::Normalizer). A list of [`Segment`]s tiling both texts in
/// order: an *exact* segment is equally long ASCII on both sides and maps byte for byte; an
/// *atomic* one is a rewrite (`U.S.` → `usa`, a whitespace run, a non-ASCII character), and
/// any offset inside it maps to the whole segment. Deleted text is an atomic segment with an
/// empty normalized side.
/// Results always fall on `char` boundaries of the original (or normalized) text, are in
/// bounds, and are monotone: a later or longer input range never maps to an earlier or
/// shorter output range.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "RawMap")]
pub struct OffsetMap {
    segments: Vec<Segment>,
    norm_len: usize,
    orig_len: usize,
}

#[derive(Deserialize)]
struct RawMap {
    segments: Vec<Segment>,
    norm_len: usize,
    orig_len: usize,
}

impl TryFrom<RawMap> for OffsetMap {
    type Error = NormalizeError;

    fn try_from(raw: RawMap) -> Result<Self, Self::Error> {
        let map = OffsetMap {
            segments: raw.segments,
            norm_len: raw.norm_len,
            orig_len: raw.orig_len,
        };
        map.validate()?;
        Ok(map)
    }
}

impl OffsetMap {
    /// The map of two empty texts (a `const` for thread-local initializers).
    pub(crate) const EMPTY: OffsetMap = OffsetMap {
        segments: Vec::new(),
        norm_len: 0,
        orig_len: 0,
    };

    /// The identity map of a text of `len` bytes that is entirely ASCII.
    ///
    /// For non-ASCII text use [`Normalizer`](crate::Normalizer) with every step off instead,
    /// which gives one atomic segment per non-ASCII character.
    pub fn identity_ascii(len: usize) -> Self {
        let segments = if len == 0 {
            Vec::new()
        } else {
            vec![Segment {
                norm: 0,
                orig: 0,
                exact: true,
            }]
        };
        OffsetMap {
            segments,
            norm_len: len,
            orig_len: len,
        }
    }

    /// Length in bytes of the normalized text.
    pub fn normalized_len(&self) -> usize {
        self.norm_len
    }

    /// Length in bytes of the original text.
    pub fn original_len(&self) -> usize {
        self.orig_len
    }

    /// The segments, in order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The segment vector, for reuse by a [`MapBuilder`].
    pub(crate) fn into_segments(self) -> Vec<Segment> {
        self.segments
    }

    fn norm_end(&self, i: usize) -> usize {
        self.segments.get(i + 1).map_or(self.norm_len, |s| s.norm)
    }

    fn orig_end(&self, i: usize) -> usize {
        self.segments.get(i + 1).map_or(self.orig_len, |s| s.orig)
    }

    /// Maps a range of the normalized text to the range of the original it came from.
    ///
    /// The start snaps down to the start of its segment and the end up to the end of its
    /// segment unless the segment is exact. Out-of-bounds or reversed ranges are clamped;
    /// the function never panics.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.to_original_general(range, &mut 0)
    }

    /// [`to_original`](Self::to_original) for ranges mapped in increasing order of start:
    /// `hint` (start it at 0) remembers where the last search ended, so a walk over a text
    /// costs a forward scan instead of a binary search per range. Same results.
    ///
    /// Why not [`map_range`]: the analyzer maps every term of a text this way, and the next
    /// term's segments are nearly always the next few, so a short forward scan on the
    /// normalized side alone finds them in a few steps, where the shared code pays two
    /// gallops and its per-direction closures (about 160 instructions a term). The scan
    /// gallops once it has gone a few segments, so a far jump costs a search as before.
    pub(crate) fn to_original_from(&self, range: Range<usize>, hint: &mut usize) -> Range<usize> {
        let segs = &self.segments;
        let start = range.start.min(self.norm_len);
        let end = range.end.min(self.norm_len).max(start);
        // Count of segments starting at or before `start`.
        let i = scan_from(segs, *hint, |s| s.norm <= start);
        if i == 0 {
            // Only for an empty map (a valid one starts at 0): the shared code's answer.
            return self.to_original_general(range, hint);
        }
        *hint = i;
        // The last segment starting at or before `start` contains it: the next one starts
        // after it (or there is none and the text ends at or after it).
        let s = segs[i - 1];
        let (next_norm, next_orig) = segs
            .get(i)
            .map_or((self.norm_len, self.orig_len), |t| (t.norm, t.orig));
        let map_start = if next_norm <= start {
            next_orig // `start` is the end of the text: the end of the original
        } else if s.exact {
            s.orig + (start - s.norm)
        } else {
            s.orig
        };
        if start == end {
            return map_start..map_start;
        }
        // The last segment starting before `end` (at least segment `i - 1`: `start < end`).
        let j = scan_from(segs, i, |s| s.norm < end) - 1;
        let t = segs[j];
        let map_end = if t.exact {
            t.orig + (end - t.norm)
        } else {
            self.orig_end(j)
        };
        let map_end = map_end.min(self.orig_len).max(map_start);
        map_start..map_end
    }

    /// [`to_original_from`](Self::to_original_from) by the code shared with
    /// [`to_normalized`](Self::to_normalized): the reference its fast path is tested against.
    pub(crate) fn to_original_general(
        &self,
        range: Range<usize>,
        hint: &mut usize,
    ) -> Range<usize> {
        map_range(
            &self.segments,
            hint,
            range,
            self.norm_len,
            self.orig_len,
            |s| s.norm,
            |s| s.orig,
            |i| self.orig_end(i),
            |i| self.norm_end(i),
        )
    }

    /// Maps a range of the original text to the range of the normalized text it became.
    ///
    /// The inverse direction of [`to_original`](Self::to_original), with the same snapping,
    /// clamping and guarantees (on `char` boundaries of the normalized text).
    pub fn to_normalized(&self, range: Range<usize>) -> Range<usize> {
        map_range(
            &self.segments,
            &mut 0,
            range,
            self.orig_len,
            self.norm_len,
            |s| s.orig,
            |s| s.norm,
            |i| self.norm_end(i),
            |i| self.orig_end(i),
        )
    }

    /// Checks the invariants: segments start at 0, increase on both sides, stay in bounds,
    /// and exact segments have equal lengths on both sides.
    pub(crate) fn validate(&self) -> Result<(), NormalizeError> {
        let bad = |reason: &'static str| Err(NormalizeError::InvalidMap { reason });
        if self.segments.is_empty() {
            return if self.norm_len == 0 && self.orig_len == 0 {
                Ok(())
            } else {
                bad("no segments for non-empty text")
            };
        }
        if self.segments[0].norm != 0 || self.segments[0].orig != 0 {
            return bad("first segment does not start at 0");
        }
        for i in 0..self.segments.len() {
            let s = self.segments[i];
            let (ne, oe) = (self.norm_end(i), self.orig_end(i));
            if ne < s.norm || oe < s.orig {
                return bad("segments are not monotone");
            }
            if s.exact && ne - s.norm != oe - s.orig {
                return bad("exact segment with unequal lengths");
            }
        }
        Ok(())
    }
}

/// Shared implementation of both directions. `from`/`to` read a segment's start on the source
/// and target side; `to_end`/`from_end` give a segment's end on each side. `hint` is a count of
/// segments known to start at or before `range.start` (0 if unknown); it is updated for the
/// next, later range.
#[allow(clippy::too_many_arguments)]
fn map_range(
    segs: &[Segment],
    hint: &mut usize,
    range: Range<usize>,
    from_len: usize,
    to_len: usize,
    from: impl Fn(&Segment) -> usize,
    to: impl Fn(&Segment) -> usize,
    to_end: impl Fn(usize) -> usize,
    from_end: impl Fn(usize) -> usize,
) -> Range<usize> {
    let start = range.start.min(from_len);
    let end = range.end.min(from_len).max(start);
    // First segment whose source side ends after `start` (skips empty source sides).
    let i = partition_from(segs, *hint, |s| from(s) <= start);
    *hint = i;
    // `i` is the count of segments starting at or before `start`; walk back to the one that
    // contains it, skipping segments with an empty source side.
    let mut first = i.saturating_sub(1);
    while first + 1 < segs.len() && from_end(first) <= start {
        first += 1;
    }
    let map_start = match segs.get(first) {
        None => 0,
        Some(_) if from_end(first) <= start => to_end(first),
        Some(s) if s.exact => to(s) + (start - from(s)),
        Some(s) => to(s),
    };
    if start == end {
        return map_start..map_start;
    }
    // Last segment whose source side starts before `end`.
    let j = partition_from(segs, i, |s| from(s) < end) - 1;
    let s = &segs[j];
    let map_end = if s.exact {
        to(s) + (end - from(s))
    } else {
        to_end(j)
    };
    let map_end = map_end.min(to_len).max(map_start);
    map_start..map_end
}

/// [`partition_from`], first stepping through up to 16 segments one by one: the common
/// answer of a walk over a text's terms in order is a few segments on (a word and a space
/// are two, and stopwords lie between terms), which a plain scan finds in fewer
/// instructions than the gallop.
#[inline]
fn scan_from(segs: &[Segment], lo: usize, pred: impl Fn(&Segment) -> bool) -> usize {
    let mut i = lo.min(segs.len());
    for _ in 0..16 {
        match segs.get(i) {
            Some(s) if pred(s) => i += 1,
            _ => return i,
        }
    }
    partition_from(segs, i, pred)
}

/// `segs.partition_point(pred)` when `pred` is known to hold on `segs[..lo]`: gallops forward
/// from `lo`, so nearby answers cost a few steps.
#[inline]
fn partition_from(segs: &[Segment], lo: usize, pred: impl Fn(&Segment) -> bool) -> usize {
    let n = segs.len();
    let mut lo = lo.min(n); // `pred` holds on `segs[..lo]`
    let mut hi = lo;
    let mut step = 1;
    while hi < n && pred(&segs[hi]) {
        lo = hi + 1;
        hi = (lo + step).min(n);
        step *= 2;
    }
    // `pred` holds on `segs[..lo]` and fails at `segs[hi]` (or `hi == n`).
    lo + segs[lo..hi].partition_point(pred)
}

/// Builds an [`OffsetMap`] from pieces pushed in original order.
///
/// Pieces may overlap on the original side (several outputs from one rewritten source); the
/// builder merges them into one atomic segment. Original bytes skipped between pieces become a
/// deletion segment. The result is always a valid map.
#[derive(Debug, Default)]
pub(crate) struct MapBuilder {
    segments: Vec<Segment>,
    norm_len: usize,
    orig_end: usize,
}

impl MapBuilder {
    /// An empty builder that fills `segments` (cleared), so a caller normalizing many texts
    /// reuses one allocation instead of growing a new vector each time.
    pub(crate) fn reusing(mut segments: Vec<Segment>) -> Self {
        segments.clear();
        MapBuilder {
            segments,
            norm_len: 0,
            orig_end: 0,
        }
    }

    /// Adds `norm_len` normalized bytes that came from `orig`. `exact` must only be set for
    /// equally long ASCII on both sides.
    pub(crate) fn push(&mut self, norm_len: usize, orig: Range<usize>, exact: bool) {
        let exact = exact && norm_len == orig.len();
        let mut start = Segment {
            norm: self.norm_len,
            orig: orig.start,
            exact,
        };
        let mut orig_end = orig.end.max(orig.start);
        if orig.start > self.orig_end {
            // Skipped original bytes: a deletion segment.
            self.start_segment(Segment {
                norm: self.norm_len,
                orig: self.orig_end,
                exact: false,
            });
        } else if orig.start < self.orig_end {
            // Overlap: fold the previous segments that overlap into this one.
            orig_end = orig_end.max(self.orig_end);
            loop {
                let Some(last) = self.segments.last().copied() else {
                    start.orig = 0;
                    start.norm = 0;
                    break;
                };
                if last.exact && last.orig < orig.start {
                    // Cut the exact segment at `orig.start`.
                    start.norm = last.norm + (orig.start - last.orig);
                    start.orig = orig.start;
                    break;
                }
                self.segments.pop();
                start.norm = last.norm;
                start.orig = last.orig.min(orig.start);
                if last.orig <= orig.start {
                    break;
                }
            }
            start.exact = false;
            self.segments.push(start);
            self.norm_len += norm_len;
            self.orig_end = orig_end;
            return;
        }
        start.exact = exact;
        self.start_segment(start);
        self.norm_len += norm_len;
        self.orig_end = orig_end;
    }

    fn start_segment(&mut self, seg: Segment) {
        if let Some(last) = self.segments.last_mut() {
            if seg.exact && last.exact {
                // Contiguous exact runs merge (both sides advance equally).
                return;
            }
            if last.norm == seg.norm && last.orig == seg.orig {
                // The previous segment is empty on both sides: replace it.
                *last = seg;
                return;
            }
        }
        self.segments.push(seg);
    }

    /// Finishes the map for an original text of `orig_len` bytes (trailing bytes not covered
    /// by any piece are a deletion).
    pub(crate) fn finish(mut self, orig_len: usize) -> OffsetMap {
        self.finish_in_place(orig_len)
    }

    pub(crate) fn finish_in_place(&mut self, orig_len: usize) -> OffsetMap {
        if orig_len > self.orig_end {
            self.start_segment(Segment {
                norm: self.norm_len,
                orig: self.orig_end,
                exact: false,
            });
            self.orig_end = orig_len;
        }
        if self.norm_len == 0 && orig_len == 0 {
            self.segments.clear();
        }
        OffsetMap {
            segments: std::mem::take(&mut self.segments),
            norm_len: self.norm_len,
            orig_len: self.orig_end.max(orig_len),
        }
    }
}

/// Composes two maps: `outer` maps C → B and `inner` maps B → A; the result maps C → A.
#[cfg(test)]
pub(crate) fn compose(outer: &OffsetMap, inner: &OffsetMap) -> OffsetMap {
    compose_into(outer, inner, Vec::new())
}

/// [`compose`], building the result in `segments` (cleared) to reuse its allocation.
pub(crate) fn compose_into(
    outer: &OffsetMap,
    inner: &OffsetMap,
    segments: Vec<Segment>,
) -> OffsetMap {
    let mut b = MapBuilder::reusing(segments);
    b.segments
        .reserve(outer.segments.len() + inner.segments.len());
    let mut k = 0; // cursor into inner segments
    let inexact = |r: Range<usize>| inner.to_original(r);
    walk_outer(outer, &mut b, inexact, |b, r| {
        // Exact outer segment: walk the inner segments it overlaps.
        while k < inner.segments.len() && inner.norm_end(k) <= r.start {
            k += 1;
        }
        let mut pos = r.start;
        let mut kk = k;
        while pos < r.end && kk < inner.segments.len() {
            let s = inner.segments[kk];
            let s_end = inner.norm_end(kk);
            if s_end <= pos {
                kk += 1;
                continue;
            }
            let piece_end = s_end.min(r.end);
            let len = piece_end - pos;
            if s.exact {
                let o = s.orig + (pos - s.norm);
                b.push(len, o..o + len, true);
            } else {
                b.push(len, s.orig..inner.orig_end(kk), false);
            }
            pos = piece_end;
            if piece_end == s_end {
                kk += 1;
            }
        }
    });
    let mut map = b.finish(inner.orig_len);
    map.norm_len = outer.norm_len;
    map
}

/// [`compose_into`] with `inner` the *spaced map* of `text`: the map of a text to itself made
/// of exact segments between atomic segments, one per space and per non-ASCII character
/// (what the first pass of normalization builds for a [plain](crate::normalizer::is_plain)
/// text), which is not built. The same pushes as `compose_into` with that map, found without
/// it: the spaced map sends every range with ends on `char` boundaries to itself, and cuts
/// an exact outer segment at each of its atomic segments.
pub(crate) fn compose_spaced_into(
    outer: &OffsetMap,
    text: &[u8],
    segments: Vec<Segment>,
) -> OffsetMap {
    let mut b = MapBuilder::reusing(segments);
    b.segments.reserve(outer.segments.len() * 2);
    walk_outer(
        outer,
        &mut b,
        |r| r,
        |b, r| {
            let mut pos = r.start;
            while pos < r.end {
                match text.get(pos) {
                    Some(b' ') => {
                        b.push(1, pos..pos + 1, false);
                        pos += 1;
                        continue;
                    }
                    Some(&lead) if lead >= 0x80 => {
                        // A non-ASCII character: one atomic segment of the inner map. (An exact
                        // outer segment is ASCII, so this is only for completeness.)
                        let len = utf8_len(lead).min(r.end - pos);
                        b.push(len, pos..pos + len, false);
                        pos += len;
                        continue;
                    }
                    _ => {}
                }
                let end = text
                    .get(pos..r.end)
                    .and_then(|rest| rest.iter().position(|&c| c == b' ' || c >= 0x80))
                    .map_or(r.end, |k| pos + k);
                b.push(end - pos, pos..end, true);
                pos = end;
            }
        },
    );
    let mut map = b.finish(text.len());
    map.norm_len = outer.norm_len;
    map
}

/// The walk of a composition over the outer map's segments: a deletion is skipped (its
/// original bytes become a gap), an inexact segment is pushed whole, atomic, with the
/// original range `inexact` gives for its range, and an exact one is handed to `exact` with
/// its range (on the inner map's normalized side) to cut against the inner map.
#[inline(always)]
fn walk_outer(
    outer: &OffsetMap,
    b: &mut MapBuilder,
    inexact: impl Fn(Range<usize>) -> Range<usize>,
    mut exact: impl FnMut(&mut MapBuilder, Range<usize>),
) {
    for i in 0..outer.segments.len() {
        let seg = outer.segments[i];
        let n_len = outer.norm_end(i) - seg.norm;
        if n_len == 0 {
            continue;
        }
        let r = seg.orig..outer.orig_end(i);
        if seg.exact {
            exact(b, r);
        } else {
            b.push(n_len, inexact(r), false);
        }
    }
}

/// Bytes of the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte).
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn build(pieces: &[(usize, Range<usize>, bool)], orig_len: usize) -> OffsetMap {
        let mut b = MapBuilder::default();
        for (n, r, e) in pieces {
            b.push(*n, r.clone(), *e);
        }
        let m = b.finish(orig_len);
        m.validate().unwrap();
        m
    }

    #[test]
    fn exact_runs_merge_and_map_linearly() {
        let m = build(&[(3, 0..3, true), (2, 3..5, true)], 5);
        assert_eq!(m.segments().len(), 1);
        assert_eq!(m.to_original(1..4), 1..4);
        assert_eq!(m.to_normalized(2..3), 2..3);
    }

    #[test]
    fn atomic_segments_snap_outward() {
        // "U.S. x" -> "usa x"
        let m = build(&[(3, 0..4, false), (2, 4..6, true)], 6);
        assert_eq!(m.to_original(0..1), 0..4);
        assert_eq!(m.to_original(1..3), 0..4);
        assert_eq!(m.to_original(3..5), 4..6);
        assert_eq!(m.to_normalized(0..2), 0..3);
    }

    #[test]
    fn deletions_are_skipped_at_range_ends() {
        // "ab\u{200b}c" -> "abc"
        let m = build(&[(2, 0..2, true), (1, 5..6, true)], 6);
        assert_eq!(m.to_original(0..2), 0..2);
        assert_eq!(m.to_original(0..3), 0..6);
        assert_eq!(m.to_original(2..3), 5..6);
    }

    #[test]
    fn overlapping_pieces_merge() {
        // "ﬁx" -> "fix": 'f' and 'i' both come from bytes 0..3
        let m = build(&[(1, 0..3, false), (1, 0..3, false), (1, 3..4, true)], 4);
        assert_eq!(m.to_original(1..2), 0..3);
        assert_eq!(m.to_original(2..3), 3..4);
    }

    #[test]
    fn overlap_cuts_an_exact_run() {
        let m = build(&[(4, 0..4, true), (1, 3..6, false)], 6);
        assert_eq!(m.to_original(0..2), 0..2);
        assert_eq!(m.to_original(3..5), 3..6);
    }

    #[test]
    fn clamps_out_of_bounds() {
        let m = build(&[(3, 0..3, true)], 3);
        assert_eq!(m.to_original(2..99), 2..3);
        #[allow(clippy::reversed_empty_ranges)]
        let reversed = 5..1;
        assert_eq!(m.to_original(reversed), 3..3);
        let empty = OffsetMap::default();
        assert_eq!(empty.to_original(0..4), 0..0);
    }

    #[test]
    fn compose_exact_over_atomic() {
        let inner = build(&[(1, 0..1, true), (3, 1..4, false)], 4); // "a…" -> "a..."
        let outer = build(&[(4, 0..4, true)], 4);
        let m = compose(&outer, &inner);
        assert_eq!(m.to_original(0..1), 0..1);
        assert_eq!(m.to_original(2..3), 1..4);
    }

    #[test]
    fn hinted_mapping_equals_plain_mapping() {
        let text = "The U.S.’s “six-month” plan… Caf\u{e9}  and\u{200b} Zoë's 55 per cent, U.K. US";
        let m = crate::normalize(text).map;
        let n = m.normalized_len();
        for width in 0..6 {
            let mut hint = 0;
            for start in 0..=n + 1 {
                let r = start..start + width;
                assert_eq!(
                    m.to_original_from(r.clone(), &mut hint),
                    m.to_original_general(r, &mut 0)
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The forward cursor of `to_original_from` gives the shared code's answer for ranges
        /// in increasing order of start, near or far apart, empty, reversed or out of bounds,
        /// over maps with exact runs, rewrites, deletions and non-ASCII characters.
        #[test]
        fn cursor_mapping_equals_plain_mapping(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "The ", "U.S.", "’s ", "U.K.'s", " ", "  ", "\n", "six", "-", "month ",
                    "per cent", " 55", "%", "Caf\u{e9}", "\u{200b}", "Zoë's", "…", "“", "£20",
                    "twenty one", "abc", "x", ".", "\u{301}",
                ]),
                0..24,
            ),
            steps in proptest::collection::vec((0usize..12, 0usize..14, 0u8..8), 0..40),
        ) {
            let text: String = parts.concat();
            let m = crate::normalize(&text).map;
            let mut hint = 0;
            let mut start = 0;
            for (gap, width, odd) in steps {
                start += gap;
                let r = match odd {
                    0 => start..start.saturating_sub(1), // reversed
                    1 => start + 40..start + 45,          // a far jump (may be out of bounds)
                    _ => start..start + width,
                };
                if odd == 1 {
                    start += 40;
                }
                proptest::prop_assert_eq!(
                    m.to_original_from(r.clone(), &mut hint),
                    m.to_original_general(r, &mut 0)
                );
            }
        }
    }

    #[test]
    fn serde_round_trip_validates() {
        let m = build(&[(3, 0..4, false), (2, 4..6, true)], 6);
        let raw = RawMap {
            segments: m.segments.clone(),
            norm_len: 5,
            orig_len: 6,
        };
        assert_eq!(OffsetMap::try_from(raw).unwrap(), m);
        let bad = RawMap {
            segments: vec![Segment {
                norm: 1,
                orig: 0,
                exact: false,
            }],
            norm_len: 2,
            orig_len: 2,
        };
        assert!(OffsetMap::try_from(bad).is_err());
    }
}
