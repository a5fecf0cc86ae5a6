//! The score and the kind of an overlap, from the evidence gathered about it.

use crate::find::round4;
use crate::model::Kind;

/// What is known about an overlap when it is scored.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evidence {
    /// Rarity-weighted Dice coefficient of the two sides' content terms.
    pub dice: f32,
    /// Rarity-weighted share of the smaller side found in the other.
    pub containment: f32,
    /// Total rarity weight of the shared terms.
    pub shared_weight: f32,
    /// Shared weight expected by chance (see [`Weights::chance`](crate::weights::Weights)):
    /// only what exceeds it counts.
    pub chance: f32,
    /// How many distinct terms the sides share.
    pub shared_terms: f64,
    /// Word-diff ratio (`2 × equal / total` words, in order).
    pub ratio: f64,
    /// Numbers stated differently on the two sides.
    pub number_divergences: usize,
    /// Places where one side negates and the other does not.
    pub negations: usize,
}

/// Shared rarity weight at which the amount factor reaches 1 − 1/e (about 63 %): a few rare
/// terms. Two shared words stay well below a shared forty-word sentence.
const MASS_SCALE: f64 = 9.0;

/// Shared terms at which the count factor reaches 1 − 1/e: a line of four shared words
/// (`Revs 12.9 mln vs 11.7 mln`) is not a shared sentence, however rare its words.
const TERMS_SCALE: f64 = 2.5;

/// [`TERMS_SCALE`] for a paraphrase (words not in order): terms shared in any order are far
/// likelier by accident than the same terms in order, so a paraphrase needs more of them for
/// the same amount (4 shared terms: 0.63 instead of 0.80; 8: 0.86 instead of 0.96).
/// Measured A/B: on generated text (bigram Markov chains, where rare word chains recur by
/// chance) accidental paraphrase reports at 10 k articles fall about sixfold; BBC
/// cross-category reports fall from 0.29 to 0.12 per 1,000 pairs (min score 0.25); MRPC dev
/// AUC and best accuracy stay within noise; the seed translations' paraphrases of 7–9
/// shared terms stay above the default threshold.
const PARAPHRASE_TERMS_SCALE: f64 = 4.0;

/// Weight of the Dice coefficient in the term-overlap similarity; containment (the share of
/// the smaller side found in the other) has the rest. Containment alone cannot tell a
/// sentence from a longer one that states it plus something else, which is what many
/// non-paraphrases in news are; Dice can, but it undervalues a passage quoted inside a longer
/// one. Measured (2026-12-06, A/B in one session) against the former even mean (0.5): MRPC
/// dev AUC 0.7578 → 0.7614 (0.65: 0.7601, 0.85: 0.7626, Dice alone 0.7640 but the
/// samples lose two of their annotated shared passages), proxy short-answer default F1 0.774
/// → 0.800 with AUC unchanged, proxy STS Spearman 0.706 → 0.704, BBC cross-category reports
/// at 0.2 0.057 → 0.050 per 1,000 pairs; the samples' reports unchanged.
const DICE_WEIGHT: f64 = 0.75;

/// Word-diff ratio from which an overlap is `near` (light edits) rather than `paraphrase`.
pub(crate) const NEAR_RATIO: f64 = 0.6;

/// Factor for each number one side states differently (at most three count).
const NUMBER_PENALTY: f64 = 0.9;

/// Score in 0..1: similarity (term overlap, and word order for copies) times a factor that
/// grows with how much is shared, lowered for numbers stated differently and for negation.
///
/// Documented in the crate docs; monotone in each of similarity, shared weight, shared terms
/// and word-diff ratio (a paraphrase's count factor is the lower one).
pub(crate) fn score(e: &Evidence) -> f64 {
    let overlap = DICE_WEIGHT * f64::from(e.dice) + (1.0 - DICE_WEIGHT) * f64::from(e.containment);
    let similarity = overlap.max(e.ratio).clamp(0.0, 1.0);
    let terms_scale = match kind(e) {
        Kind::Paraphrase => PARAPHRASE_TERMS_SCALE,
        Kind::Verbatim | Kind::Near => TERMS_SCALE,
    };
    let significant = f64::from(e.shared_weight - e.chance).max(0.0);
    let amount =
        (1.0 - (-significant / MASS_SCALE).exp()) * (1.0 - (-e.shared_terms / terms_scale).exp());
    round4((similarity * amount * penalty(e)).clamp(0.0, 1.0))
}

/// The factor that numbers stated differently and negation lower a score by.
pub(crate) fn penalty(e: &Evidence) -> f64 {
    NUMBER_PENALTY.powi(e.number_divergences.min(3) as i32)
        * 0.85_f64.powi(e.negations.min(3) as i32)
}

/// Verbatim when the words are the same in order, near for light edits, paraphrase otherwise.
pub(crate) fn kind(e: &Evidence) -> Kind {
    // every word the same, in order: a long passage with one word changed (ratio 0.98 or
    // more) is a light edit, which a reader must not take for a copy
    if e.ratio >= 1.0 {
        Kind::Verbatim
    } else if e.ratio >= NEAR_RATIO {
        Kind::Near
    } else {
        Kind::Paraphrase
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(chance: f32) -> Evidence {
        Evidence {
            dice: 0.5,
            containment: 0.6,
            shared_weight: 14.0,
            chance,
            shared_terms: 4.0,
            ratio: 0.3,
            number_divergences: 0,
            negations: 0,
        }
    }

    #[test]
    fn weight_expected_by_chance_is_not_evidence() {
        // The same shared terms mean less where more sentences were compared.
        let (small, large) = (score(&evidence(5.3)), score(&evidence(14.5)));
        assert!(small > 0.2 && large < 0.05, "{small} {large}");
        assert_eq!(score(&evidence(20.0)), 0.0);
    }
}
