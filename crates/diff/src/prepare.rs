//! Turning articles into comparable units: the sentences of their content paragraphs, each a
//! sorted set of content-term hashes.

use std::ops::Range;

use newsdiff_ingest::Article;
use newsdiff_normalize::Analyzer;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::names::NameKeys;

/// One sentence of an article: where it is and what it says, as term hashes.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Index of the article in the (id-sorted) article list.
    pub article: u32,
    /// Index of the sentence within its article.
    pub local: u32,
    /// Index of the paragraph within its article.
    pub paragraph: u32,
    /// Byte span of the sentence in the article's text.
    pub span: Range<usize>,
    /// Range into [`Prepared::terms`]: the unit's distinct term hashes, sorted.
    pub terms: Range<u32>,
    /// Number of content-term occurrences (with repeats).
    pub words: u32,
    /// Hash of the content-term sequence, in order: equal for verbatim copies.
    pub sequence: u64,
}

/// All units of a corpus, with their terms in one flat array.
///
/// Terms are numbered densely in the order of their 64-bit hashes, so that a unit's terms
/// sorted by number are also sorted by hash (every walk over them, and every sum of their
/// weights, goes in the same order as over the hashes).
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    pub units: Vec<Unit>,
    /// Term numbers (see [`Prepared::df`]) of every unit, one run per unit.
    pub terms: Vec<u32>,
    /// First unit of each article, and one past the last: `article_units[a]..article_units[a+1]`.
    pub article_units: Vec<u32>,
    /// Unit-level document frequency of each term, by term number.
    pub df: Vec<u32>,
}

impl Prepared {
    pub fn terms_of(&self, u: &Unit) -> &[u32] {
        &self.terms[u.terms.start as usize..u.terms.end as usize]
    }
}

struct ArticleUnits {
    units: Vec<Unit>,
    terms: Vec<u64>,
}

/// Splits every content paragraph into sentences and their terms, in parallel. Terms inside a
/// person-name mention are replaced by the person's key, so that spelling variants of one
/// person count as the same term.
pub(crate) fn prepare(
    articles: &[&Article],
    analyzer: &Analyzer,
    names: Option<&NameKeys>,
    ignore: &[String],
) -> Prepared {
    let per_article: Vec<ArticleUnits> = articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| article_units(i as u32, a, analyzer, names, ignore))
        .collect();
    // Number the terms in hash order.
    let df_by_hash = document_frequency(&per_article);
    let mut numbered: Vec<(u64, u32)> = df_by_hash.into_iter().collect();
    numbered.par_sort_unstable();
    let df: Vec<u32> = numbered.iter().map(|&(_, d)| d).collect();
    let number: FxHashMap<u64, u32> = numbered
        .iter()
        .enumerate()
        .map(|(i, &(t, _))| (t, i as u32))
        .collect();
    drop(numbered);
    let numbered_terms: Vec<Vec<u32>> = per_article
        .par_iter()
        .map(|au| {
            au.terms
                .iter()
                .map(|t| number.get(t).copied().unwrap_or(0))
                .collect()
        })
        .collect();
    drop(number);
    let mut out = Prepared {
        terms: Vec::with_capacity(numbered_terms.iter().map(Vec::len).sum()),
        units: Vec::with_capacity(per_article.iter().map(|au| au.units.len()).sum()),
        df,
        ..Prepared::default()
    };
    for (au, terms) in per_article.into_iter().zip(numbered_terms) {
        out.article_units.push(out.units.len() as u32);
        let base = out.terms.len() as u32;
        out.terms.extend_from_slice(&terms);
        out.units.extend(au.units.into_iter().map(|mut u| {
            u.terms = u.terms.start + base..u.terms.end + base;
            u
        }));
    }
    out.article_units.push(out.units.len() as u32);
    out
}

fn article_units(
    index: u32,
    article: &Article,
    analyzer: &Analyzer,
    names: Option<&NameKeys>,
    ignore: &[String],
) -> ArticleUnits {
    let text = article.text.as_str();
    let mentions = names.map(|n| n.of(&article.id)).unwrap_or(&[]);
    let mut out = ArticleUnits {
        units: Vec::new(),
        terms: Vec::new(),
    };
    let mut scratch: Vec<u64> = Vec::new();
    for (pi, p) in article.paragraphs.iter().enumerate() {
        if !p.kind.is_content() {
            continue;
        }
        let para = &text[p.span.range()];
        let analysis = analyzer.analyze(para);
        for (si, s) in analysis.sentences.iter().enumerate() {
            let span = p.span.start + s.span.start..p.span.start + s.span.end;
            if !ignore.is_empty() {
                let lower = text[span.clone()].to_lowercase();
                if ignore.iter().any(|phrase| lower.contains(phrase.as_str())) {
                    continue;
                }
            }
            scratch.clear();
            for t in analysis.terms_of(si) {
                let (start, end) = (p.span.start + t.start, p.span.start + t.end);
                let key = mentions
                    .iter()
                    .find(|m| m.start <= start && end <= m.end)
                    .map_or(t.hash, |m| m.key);
                // A multi-word name collapses to one key: keep it once in the sequence.
                if scratch.last() != Some(&key) || key == t.hash {
                    scratch.push(key);
                }
            }
            if scratch.is_empty() {
                continue;
            }
            let sequence = sequence_hash(&scratch);
            let words = scratch.len() as u32;
            scratch.sort_unstable();
            scratch.dedup();
            let start = out.terms.len() as u32;
            out.terms.extend_from_slice(&scratch);
            out.units.push(Unit {
                article: index,
                local: out.units.len() as u32,
                paragraph: pi as u32,
                span,
                terms: start..out.terms.len() as u32,
                words,
                sequence,
            });
        }
    }
    out
}

fn sequence_hash(terms: &[u64]) -> u64 {
    // FNV-style fold of already well-mixed 64-bit term hashes: order-sensitive and stable.
    terms.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &t| {
        (h ^ t).wrapping_mul(0x0100_0000_01b3).rotate_left(17)
    })
}

/// Unit-level document frequency of every term hash (each unit's terms are distinct).
fn document_frequency(per_article: &[ArticleUnits]) -> FxHashMap<u64, u32> {
    per_article
        .par_chunks(256)
        .fold(FxHashMap::default, |mut m: FxHashMap<u64, u32>, chunk| {
            for au in chunk {
                for &t in &au.terms {
                    *m.entry(t).or_insert(0) += 1;
                }
            }
            m
        })
        .reduce(FxHashMap::default, |mut a, b| {
            let (mut big, small) = if a.len() >= b.len() {
                (a, b)
            } else {
                (b, std::mem::take(&mut a))
            };
            // Summing counts: the order of this walk cannot reach the output.
            #[allow(clippy::iter_over_hash_type)]
            for (k, v) in small {
                *big.entry(k).or_insert(0) += v;
            }
            big
        })
}
