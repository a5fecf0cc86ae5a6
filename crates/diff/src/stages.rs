//! The stages of the search one at a time, for the criterion benches of `newsdiff-bench`.
//!
//! **Not a stable API.** This module is hidden from the documentation, is not covered by
//! semver and may change or disappear in any release; use [`Finder`] instead. It exists so
//! that each stage can be timed alone on the output of the stage before it:
//!
//! ```text
//! prepare → weigh → index → verify → align → word_diff
//! ```
//!
//! [`prepare`] (sentences and their term lists: the fingerprints), [`weigh`] (rarity),
//! [`index`] (the candidate indexes; [`Index::pairs`] lists every candidate pair),
//! [`verify`] (lists the candidate pairs and keeps the sentence matches), [`align`]
//! (passages, and the term-overlap bound that drops hopeless ones) and [`word_diff`] (the
//! word diff and final score of every remaining passage, in the same batches as the search).
//! Chained, they give the overlaps of [`Finder::find`] (tested below); the verbatim groups
//! are not built, and [`Finder::only_article`] and [`Finder::only_pair`] are ignored.

use std::ops::ControlFlow;

use newsdiff_ingest::Article;
use newsdiff_normalize::Normalizer;
use rayon::prelude::*;

use crate::Finder;
use crate::candidates::{Candidates, candidates};
use crate::find::{DIFF_CHUNK, Ids, Pending, Segments, Texts, finish, overlap_order, pending};
use crate::model::Overlap;
use crate::passage::{Match, passages};
use crate::weights::Weights;

/// Articles analysed into units and term lists (the output of [`prepare`]).
pub struct Prepared<'a> {
    finder: &'a Finder,
    articles: &'a [Article],
    /// Article indices in id order.
    sorted: Vec<usize>,
    p: crate::prepare::Prepared,
}

impl Prepared<'_> {
    /// Number of articles.
    pub fn articles(&self) -> usize {
        self.sorted.len()
    }

    /// Bytes of article text.
    pub fn bytes(&self) -> u64 {
        self.articles.iter().map(|a| a.text.len() as u64).sum()
    }

    /// Number of units (sentences of content paragraphs).
    pub fn units(&self) -> usize {
        self.p.units.len()
    }

    /// Number of distinct terms over all units, summed unit by unit.
    pub fn term_occurrences(&self) -> usize {
        self.p.terms.len()
    }
}

/// Sorts the articles by id and analyses them as [`Finder::find`] does (with the finder's
/// analyzer, name keys and ignored phrases): every content sentence becomes a unit with its
/// sorted term list.
pub fn prepare<'a>(finder: &'a Finder, articles: &'a [Article]) -> Prepared<'a> {
    let mut sorted: Vec<usize> = (0..articles.len()).collect();
    sorted.sort_by(|&x, &y| articles[x].id.cmp(&articles[y].id));
    let ignore: Vec<String> = finder
        .config
        .ignore_phrases
        .iter()
        .map(|s| s.to_lowercase())
        .collect();
    let p = crate::prepare::prepare(
        sorted.len(),
        &mut |r| crate::ArticleSource::load(articles, &sorted[r]),
        &finder.analyzer,
        finder.names.as_ref(),
        &ignore,
    )
    .unwrap_or_else(|never| match never {});
    Prepared {
        finder,
        articles,
        sorted,
        p,
    }
}

/// Term rarity weights of a prepared corpus (the output of [`weigh`]).
pub struct Weighed<'p>(Weights<'p>);

/// Weighs every term by its rarity, and every unit by its terms.
pub fn weigh<'p>(p: &'p Prepared<'_>) -> Weighed<'p> {
    Weighed(Weights::new(&p.p))
}

/// The candidate indexes of a corpus (the output of [`index`]).
pub struct Index<'x> {
    c: Candidates<'x>,
    units: u32,
}

impl Index<'_> {
    /// Lists the candidate pairs of every unit (in parallel, as the search does) and counts
    /// them.
    pub fn pairs(&self) -> usize {
        (0..self.units)
            .into_par_iter()
            .map(|u| self.c.partners(u).len())
            .sum()
    }

    /// Number of verbatim groups (sentences in many articles, never paired).
    pub fn groups(&self) -> usize {
        self.c.groups.len()
    }
}

/// Builds the candidate indexes: verbatim buckets, the prefix index of rare terms and, in a
/// large corpus, the index of rare term pairs.
pub fn index<'x>(p: &'x Prepared<'_>, w: &'x Weighed<'x>) -> Index<'x> {
    Index {
        c: candidates(&p.p, &w.0, &p.finder.config),
        units: p.p.units.len() as u32,
    }
}

/// Sentence matches, sorted by article pair (the output of [`verify`]).
pub struct Matches(Vec<Match>);

impl Matches {
    /// Number of sentence matches.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Lists every candidate pair and keeps those whose rarity-weighted term overlap can make a
/// reported passage, sorted by article pair, as the search does.
pub fn verify(p: &Prepared<'_>, w: &Weighed<'_>, index: &Index<'_>) -> Matches {
    let (pp, w, cfg) = (&p.p, &w.0, &p.finder.config);
    let mut matches: Vec<Match> = crate::find::verify_all(&index.c, pp, w, cfg);
    crate::find::sort_matches(&mut matches, pp);
    Matches(matches)
}

/// Passages that may reach the lowest score, before their word diff (the output of
/// [`align`]).
pub struct Aligned {
    pending: Vec<Pending>,
    pairs: usize,
}

impl Aligned {
    /// Number of passages left to diff.
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Number of article pairs with a sentence match.
    pub fn article_pairs(&self) -> usize {
        self.pairs
    }
}

/// Joins each article pair's sentence matches into passages and keeps those whose term
/// overlap may reach the lowest score.
pub fn align(p: &Prepared<'_>, w: &Weighed<'_>, matches: &Matches) -> Aligned {
    let (pp, w, cfg) = (&p.p, &w.0, &p.finder.config);
    let by_pair: Vec<&[Match]> = matches
        .0
        .chunk_by(|x, y| {
            pp.units[x.a as usize].article == pp.units[y.a as usize].article
                && pp.units[x.b as usize].article == pp.units[y.b as usize].article
        })
        .collect();
    let pending: Vec<Pending> = by_pair
        .par_iter()
        .flat_map_iter(|run| {
            passages(run, pp, w, cfg)
                .into_iter()
                .filter_map(|ps| pending(&ps, pp, w, cfg))
                .collect::<Vec<_>>()
        })
        .collect();
    Aligned {
        pending,
        pairs: by_pair.len(),
    }
}

/// Word-diffs and scores every aligned passage, in batches as the search does (each batch
/// normalizes the stretches of text it needs once), and returns the overlaps reported, in
/// their final order.
pub fn word_diff(p: &Prepared<'_>, w: &Weighed<'_>, aligned: &Aligned) -> Vec<Overlap> {
    let f = p.finder;
    let normalizer = Normalizer::new();
    let mut out: Vec<Overlap> = Vec::new();
    let ids = Ids {
        source: p.articles,
        sorted: &p.sorted,
    };
    for chunk in aligned.pending.chunks(DIFF_CHUNK) {
        let texts = Texts::of_chunk(&ids, chunk).unwrap_or_else(|never| match never {});
        let segments = Segments::of_chunk(chunk, &texts, &normalizer);
        out.par_extend(chunk.par_iter().enumerate().filter_map(|(i, pd)| {
            finish(
                pd,
                segments.of(i)?,
                &ids,
                &texts,
                f.names.as_ref(),
                &f.analyzer,
                w.0.chance,
                &f.config,
            )
        }));
    }
    out.sort_by(overlap_order);
    crate::find::dedup_spans(&mut out);
    out
}

/// The whole search as [`Finder::find_each`] runs it, overlaps only counted: the reference
/// the stages are compared with.
pub fn search(finder: &Finder, articles: &[Article]) -> usize {
    let mut n = 0usize;
    finder.find_each(articles, &crate::NoProgress, &mut |_| {
        n += 1;
        ControlFlow::Continue(())
    });
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chained_stages_find_the_same_overlaps() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");
        let articles = newsdiff_ingest::Reader::new()
            .read_paths(&[dir])
            .expect("the samples")
            .articles;
        for finder in [Finder::new(), Finder::new().min_score(0.05).min_words(1)] {
            let p = prepare(&finder, &articles);
            assert_eq!(p.articles(), articles.len());
            let w = weigh(&p);
            let idx = index(&p, &w);
            let m = verify(&p, &w, &idx);
            assert!(idx.pairs() >= m.len());
            let a = align(&p, &w, &m);
            let staged = word_diff(&p, &w, &a);
            let whole = finder.find(&articles).overlaps;
            assert!(!whole.is_empty());
            assert_eq!(staged, whole);
            assert_eq!(search(&finder, &articles), whole.len());
        }
    }
}
