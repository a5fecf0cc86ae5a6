//! Term rarity: inverse document frequency over the corpus's sentences.

use crate::prepare::Prepared;

/// Pseudo-count of sentences added to the corpus size, so that small inputs (two articles,
/// five articles) still give ordinary words less weight than rare ones without making a word
/// seen twice look as rare as a name.
const PRIOR_UNITS: f64 = 200.0;

/// Rarity (idf) from which a shared term counts as one whole shared term in
/// [`Shared::count`]: terms in more than about one sentence in eight count less.
/// Measured against counting every shared term as one (with the phrase discount of
/// `find::finish`, default threshold 0.2): accidental reports on generated 10 k articles 183 →
/// 134 (precision 0.894 → 0.920; at 0.25: 24 → 16), MRPC dev unchanged (AUC 0.761); the
/// samples' required pairs lose 0.01–0.02 (a corpus about China counts `China` as common).
const FULL_COUNT_IDF: f32 = 2.0;

/// What two term sets share (see [`Weights::shared`]).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Shared {
    /// Total rarity weight of the shared terms.
    pub weight: f32,
    /// How many distinct terms they share.
    pub terms: usize,
    /// The shared terms, each counted by its rarity: fully from [`FULL_COUNT_IDF`] up, in
    /// proportion below it (`said`, in a third of news sentences, counts about half).
    pub count: f64,
}

/// Rarity weights of every term (by term number, see [`Prepared`]); each unit's total weight
/// is [`Unit::weight`](crate::prepare::Unit).
pub(crate) struct Weights<'p> {
    df: &'p [u32],
    idf: Vec<f32>,
    /// Shared rarity weight that one sentence pair reaches by chance in this corpus: `ln N`
    /// over the `N` sentences (with the prior). Weights are idfs, `ln(N / df)`, so a set of
    /// terms of total weight `W` is expected in about `N · e^−W` sentences if terms were
    /// independent; a sentence is compared with about `N` others, so only `W − ln N` is
    /// evidence (the multiple-comparisons correction of sequence search's E-values). Measured
    /// against no correction: accidental reports on generated 10 k articles at 0.2: 134 → 14
    /// (precision 0.920 → 0.990); BBC cross-category reports at 0.2: 0.132 → 0.053 per 1,000
    /// pairs; passim BBC 200+ pairs with any overlap 521 → 520 of 521; MRPC dev AUC 0.761 →
    /// 0.758, best accuracy 0.743 → 0.737; proxy STS Spearman 0.695 → 0.706; proxy
    /// short-answer AUC 0.966 → 0.958; the samples' three required pairs 0.30 / 0.43 / 0.36 →
    /// 0.29 / 0.33 / 0.35.
    pub chance: f32,
}

/// The rarity weight (idf) of every term, by term number, for a corpus of `units` units:
/// `ln((units + prior) / (df + 1))`, at least 0.1.
pub(crate) fn idf_table(df: &[u32], units: usize) -> Vec<f32> {
    let n = units as f64 + PRIOR_UNITS;
    df.iter()
        .map(|&d| ((n / (f64::from(d) + 1.0)).ln().max(0.1)) as f32)
        .collect()
}

impl<'p> Weights<'p> {
    pub fn new(p: &'p Prepared) -> Self {
        let n = p.units.len() as f64 + PRIOR_UNITS;
        Self {
            df: &p.df,
            idf: idf_table(&p.df, p.units.len()),
            chance: n.ln() as f32,
        }
    }

    pub fn idf(&self, t: u32) -> f32 {
        self.idf.get(t as usize).copied().unwrap_or(1.0)
    }

    pub fn df(&self, t: u32) -> u32 {
        self.df.get(t as usize).copied().unwrap_or(0)
    }

    /// What two sorted term sets share, in one pass over both (shared terms in ascending
    /// order, so the sums are the same whatever the caller).
    ///
    /// The two cursors advance by comparisons turned into numbers rather than by a branch
    /// on which side is smaller: that branch goes either way at random and was mispredicted
    /// about every other step, and verification runs this on every candidate pair (hundreds
    /// of millions at 1 M articles). The branch on a shared term stays: it is rarely taken.
    pub fn shared(&self, a: &[u32], b: &[u32]) -> Shared {
        let mut out = Shared::default();
        each_shared(a, b, |t| {
            let idf = self.idf(t);
            out.weight += idf;
            out.terms += 1;
            out.count += f64::from((idf / FULL_COUNT_IDF).min(1.0));
        });
        out
    }

    /// Total rarity weight of the terms two sorted term sets share that are numbers
    /// (`numbers[t]`, by term number).
    pub fn shared_number_weight(&self, a: &[u32], b: &[u32], numbers: &[bool]) -> f32 {
        let mut weight = 0.0;
        each_shared(a, b, |t| {
            if numbers.get(t as usize).copied().unwrap_or(false) {
                weight += self.idf(t);
            }
        });
        weight
    }

    pub fn weight_of(&self, terms: &[u32]) -> f32 {
        terms.iter().map(|&t| self.idf(t)).sum()
    }
}

/// Rarity-weighted Dice coefficient of two term sets of total weights `wa` and `wb` that
/// share `shared` (0 when both are empty).
#[inline]
pub(crate) fn dice(shared: f32, wa: f32, wb: f32) -> f32 {
    let total = wa + wb;
    if total > 0.0 {
        2.0 * shared / total
    } else {
        0.0
    }
}

/// Calls `f` on every term two sorted term sets share, in ascending order, in one pass over
/// both. The two cursors advance by comparisons turned into numbers rather than by a branch
/// on which side is smaller (see [`Weights::shared`]).
#[inline(always)]
fn each_shared(a: &[u32], b: &[u32], mut f: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        if x == y {
            f(x);
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
}
