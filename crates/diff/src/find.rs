//! The pipeline: prepare → weigh → candidates → verify → passages → score and diff.

use std::borrow::Cow;
use std::ops::{ControlFlow, Range};

use newsdiff_normalize::{Analyzer, Normalizer, TokenKind};
use rayon::prelude::*;

use crate::candidates::{Candidates, Scratch, candidates};
use crate::config::Config;
use crate::model::{Group, Kind, Member, Overlap, Side};
use crate::names::NameKeys;
use crate::passage::{Match, Passage, passages};
use crate::prepare::{Prepared, prepare};
use crate::progress::Progress;
use crate::score::{Evidence, score};
use crate::source::ArticleSource;
use crate::weights::Weights;
use crate::worddiff::{DiffSide, Segment, diff_words, phrase_discount, ratio_bound};

/// Share of the lowest reported score that a sentence pair's own term overlap must reach
/// to be kept as a match (matches of a passage can lift each other's amount, not their
/// similarity, so a little slack is enough).
const MATCH_SLACK: f64 = 0.8;

/// Runs the whole search. `keep(a, b)` says whether the article pair (by ids) is wanted.
/// Overlaps go to `sink` in their final order, a batch at a time (until it breaks); the
/// groups are returned.
///
/// Articles are numbered in id order (`sorted[k]` is the source index of article `k`); texts
/// are asked of `source` a batch at a time: in prepare, then per diff batch and for groups.
pub(crate) fn run<S: ArticleSource + ?Sized>(
    source: &S,
    cfg: &Config,
    analyzer: &Analyzer,
    names: Option<&NameKeys>,
    keep: &(dyn Fn(&str, &str) -> bool + Sync),
    progress: &dyn Progress,
    sink: &mut dyn FnMut(Overlap) -> ControlFlow<()>,
) -> Result<Vec<Group>, S::Error> {
    let mut sorted: Vec<usize> = (0..source.len()).collect();
    sorted.sort_by(|&x, &y| source.id(x).cmp(source.id(y)));
    let ids = Ids {
        source,
        sorted: &sorted,
    };
    let ignore: Vec<String> = cfg
        .ignore_phrases
        .iter()
        .map(|s| s.to_lowercase())
        .collect();

    progress.stage("prepare", sorted.len() as u64);
    let p = prepare(
        sorted.len(),
        &mut |r| source.load(&sorted[r]),
        analyzer,
        names,
        &ignore,
    )?;
    progress.inc(sorted.len() as u64);
    progress.stage("weights", 0);
    let w = Weights::new(&p);
    progress.stage("candidates", 0);
    let cands = candidates(&p, &w, cfg);

    progress.stage("verify", p.units.len() as u64);
    let mut matches = verify_all(&cands, &p, &w, cfg);
    progress.inc(p.units.len() as u64);
    // The indexes are done with: only the groups are needed from here (at 1 M articles the
    // posting lists are about 0.6 GB that the word-diff batches can use instead).
    let group_runs = cands.into_groups();
    sort_matches(&mut matches, &p);
    let by_pair: Vec<&[Match]> = matches
        .chunk_by(|x, y| {
            p.units[x.a as usize].article == p.units[y.a as usize].article
                && p.units[x.b as usize].article == p.units[y.b as usize].article
        })
        .filter(|run| {
            keep(
                ids.get(p.units[run[0].a as usize].article),
                ids.get(p.units[run[0].b as usize].article),
            )
        })
        .collect();

    progress.stage("align", by_pair.len() as u64);
    let pending: Vec<Pending> = by_pair
        .par_iter()
        .flat_map_iter(|run| {
            progress.inc(1);
            passages(run, &p, &w, cfg)
                .into_iter()
                .filter_map(|ps| pending(&ps, &p, &w, cfg))
                .collect::<Vec<_>>()
        })
        .collect();
    // Matches (4.8 M at 1 M articles, 58 MB) are done with once passages are built.
    drop(by_pair);
    drop(matches);
    let normalizer = Normalizer::new();
    // Overlaps are sorted within each article pair; pending passages come grouped by article
    // pair in id order, so a batch's overlaps can be passed on once the batch is done, except
    // those of its last pair, which may continue in the next batch. With duplicate ids (only
    // possible through the library) the pairs interleave, and everything is held to the end.
    let unique_ids = (1..sorted.len() as u32).all(|k| ids.get(k - 1) != ids.get(k));
    let mut held: Vec<Overlap> = Vec::new();
    let mut open = true;
    let chunks = pending.len().div_ceil(DIFF_CHUNK);
    progress.stage("diff", pending.len() as u64);
    for (i, chunk) in pending.chunks(DIFF_CHUNK).enumerate() {
        if !open {
            break;
        }
        let texts = Texts::of_chunk(&ids, chunk)?;
        let segments = Segments::of_chunk(chunk, &texts, &normalizer);
        held.par_extend(chunk.par_iter().enumerate().filter_map(|(i, pd)| {
            let sides = segments.of(i)?;
            finish(pd, sides, &ids, &texts, names, analyzer, w.chance, cfg)
        }));
        progress.inc(chunk.len() as u64);
        drop(texts);
        let cut = match chunk.last() {
            _ if i + 1 == chunks => held.len(),
            _ if !unique_ids => 0,
            Some(last) => {
                let last_ids = (ids.get(last.a), ids.get(last.b));
                held.iter()
                    .rposition(|o| (o.a.article.as_str(), o.b.article.as_str()) != last_ids)
                    .map_or(0, |k| k + 1)
            }
            None => 0,
        };
        let later = held.split_off(cut);
        held.sort_by(overlap_order);
        dedup_spans(&mut held);
        for o in held.drain(..) {
            if open && sink(o).is_break() {
                open = false;
            }
        }
        held = later;
    }
    // Groups are scored and filtered before any text is read; their members' texts are then
    // read a batch of articles at a time.
    let mut groups: Vec<(Group, Vec<u32>)> = group_chains(&group_runs, &p)
        .into_iter()
        .filter_map(|chain| {
            // `chain[i]` is the inclusive unit range of member i.
            let (members, articles): (Vec<Member>, Vec<u32>) = chain
                .iter()
                .map(|&(first, last)| {
                    let (u, v) = (&p.units[first as usize], &p.units[last as usize]);
                    let member = Member {
                        article: ids.get(u.article).to_owned(),
                        start: u.span.start,
                        end: v.span.end,
                        line: 0,
                        last_line: 0,
                        text: String::new(),
                    };
                    (member, u.article)
                })
                .unzip();
            let (first, last) = chain[0];
            let terms = terms_of_units(&p, &(first..=last).collect::<Vec<_>>());
            let words: u32 = (first..=last).map(|u| p.units[u as usize].words).sum();
            let e = Evidence {
                dice: 1.0,
                containment: 1.0,
                shared_weight: w.weight_of(&terms),
                chance: w.chance,
                shared_terms: terms.len() as f64,
                ratio: 1.0,
                number_divergences: 0,
                negations: 0,
            };
            let s = score(&e);
            let wanted = members.iter().any(|m| {
                members
                    .iter()
                    .any(|n| n.article != m.article && keep_ids(keep, &m.article, &n.article))
            });
            (s >= cfg.min_score && words as usize >= cfg.min_words && wanted).then_some((
                Group {
                    members,
                    score: s,
                    kind: Kind::Verbatim,
                },
                articles,
            ))
        })
        .collect();
    member_texts(&mut groups, &ids)?;
    let normalizer = Normalizer::new();
    let mut groups: Vec<Group> = groups
        .into_par_iter()
        .map(|(mut g, _)| {
            g.members.sort();
            g.kind = group_kind(&g.members, &normalizer);
            g
        })
        .collect();
    groups.sort_by(|x, y| x.members.cmp(&y.members));
    progress.finish();
    Ok(groups)
}

/// A group is found on its members' term sequences, where `ended` and `ends` are one term: it
/// is verbatim only when every member has the same words after normalization (case, quotes,
/// dashes, punctuation), else near.
fn group_kind(members: &[Member], normalizer: &Normalizer) -> Kind {
    let words = |text: &str| -> Vec<String> {
        let n = normalizer.normalize(text);
        n.tokens()
            .into_iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .map(|t| n.text[t.norm.clone()].to_lowercase())
            .collect()
    };
    let mut texts = members.iter().map(|m| m.text.as_str());
    let Some(first) = texts.next() else {
        return Kind::Verbatim;
    };
    let first = words(first);
    if texts.all(|t| words(t) == first) {
        Kind::Verbatim
    } else {
        Kind::Near
    }
}

/// Article ids in id order: article `k` is `source`'s article `sorted[k]`.
pub(crate) struct Ids<'a, S: ArticleSource + ?Sized> {
    pub source: &'a S,
    pub sorted: &'a [usize],
}

impl<'a, S: ArticleSource + ?Sized> Ids<'a, S> {
    pub fn get(&self, k: u32) -> &'a str {
        self.source.id(self.sorted[k as usize])
    }
}

/// The texts of some articles (by number in id order), read from the source for one batch.
pub(crate) struct Texts<'s> {
    /// Article numbers, sorted and distinct.
    articles: Vec<u32>,
    texts: Vec<Cow<'s, str>>,
}

impl<'s> Texts<'s> {
    pub fn load<S: ArticleSource + ?Sized>(
        ids: &Ids<'s, S>,
        mut articles: Vec<u32>,
    ) -> Result<Self, S::Error> {
        articles.par_sort_unstable();
        articles.dedup();
        let indices: Vec<usize> = articles.iter().map(|&k| ids.sorted[k as usize]).collect();
        let texts = ids.source.texts(&indices)?;
        Ok(Self { articles, texts })
    }

    /// The texts of the articles a batch of pending passages needs.
    pub fn of_chunk<S: ArticleSource + ?Sized>(
        ids: &Ids<'s, S>,
        chunk: &[Pending],
    ) -> Result<Self, S::Error> {
        Self::load(ids, chunk.iter().flat_map(|pd| [pd.a, pd.b]).collect())
    }

    /// The text of article `k` (empty if it was not loaded, which cannot happen).
    pub fn get(&self, k: u32) -> &str {
        self.articles
            .binary_search(&k)
            .ok()
            .and_then(|i| self.texts.get(i))
            .map_or("", |t| t.as_ref())
    }
}

/// Group members' texts are read for this many members at a time.
const MEMBER_CHUNK: usize = 65_536;

/// Fills in the texts of the groups' members (`articles[i]` is member `i`'s article).
fn member_texts<S: ArticleSource + ?Sized>(
    groups: &mut [(Group, Vec<u32>)],
    ids: &Ids<'_, S>,
) -> Result<(), S::Error> {
    let mut members: Vec<(u32, usize, usize)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, (_, articles))| articles.iter().enumerate().map(move |(m, &a)| (a, g, m)))
        .collect();
    members.sort_unstable();
    for chunk in members.chunks(MEMBER_CHUNK) {
        let texts = Texts::load(ids, chunk.iter().map(|&(a, _, _)| a).collect())?;
        for &(a, g, m) in chunk {
            let member = &mut groups[g].0.members[m];
            let text = texts.get(a);
            member.text = text.get(member.start..member.end).unwrap_or("").to_owned();
            (member.line, member.last_line) =
                crate::model::lines_of(text, member.start, member.end);
        }
    }
    Ok(())
}

/// Units are verified this many at a time by one thread, which reuses its buffers over them.
const VERIFY_BLOCK: u32 = 256;

/// Every sentence match: candidate pairs are listed unit by unit and verified at once, never
/// all held.
pub(crate) fn verify_all(
    c: &Candidates<'_>,
    p: &Prepared,
    w: &Weights,
    cfg: &Config,
) -> Vec<Match> {
    let n = p.units.len() as u32;
    (0..n.div_ceil(VERIFY_BLOCK))
        .into_par_iter()
        .flat_map_iter(|b| {
            let mut scratch = Scratch::default();
            let (mut vs, mut partners, mut out) = (Vec::new(), Vec::new(), Vec::new());
            for u in b * VERIFY_BLOCK..n.min((b + 1) * VERIFY_BLOCK) {
                c.partners_into(u, &mut scratch, &mut vs);
                verify_into(u, &vs, p, w, cfg, &mut partners, &mut out);
            }
            out
        })
        .collect()
}

/// What verification reads of a partner unit: its number, term range, weight and sequence
/// hash.
type PartnerHead = (u32, Range<u32>, f32, u64);

/// Appends to `out` the matches among unit `u`'s candidate partners `vs`: pairs identical in
/// their term sequence, or sharing two terms or more with enough rarity-weighted overlap to
/// reach the lowest score asked for. `partners` is a buffer.
///
/// Partners lie scattered over the whole corpus (hundreds of MB of units and term lists at
/// 1 M articles), so each one costs two cache misses or three: its unit, then its term list
/// (which may cross a cache line). They are
/// read in two passes before any comparison (every unit first, then both ends of every term
/// list), so the loads of a pass are independent and the processor overlaps their misses
/// rather than waiting out each one in turn; safe Rust has no prefetch instruction.
pub(crate) fn verify_into(
    u: u32,
    vs: &[u32],
    p: &Prepared,
    w: &Weights,
    cfg: &Config,
    partners: &mut Vec<PartnerHead>,
    out: &mut Vec<Match>,
) {
    let uu = &p.units[u as usize];
    let tu = p.terms_of(uu);
    let template = p.templates[u as usize];
    partners.clear();
    partners.extend(vs.iter().map(|&v| {
        let vu = &p.units[v as usize];
        (v, vu.terms.clone(), vu.weight, vu.sequence)
    }));
    // The first and the last term: a list may cross a cache line (16 terms a line), and
    // touching its end too took verify 0.78x at generated 100 k, one thread.
    let touched = partners.iter().fold(0u32, |x, (_, t, ..)| {
        x ^ p.terms.get(t.start as usize).copied().unwrap_or(0)
            ^ p.terms
                .get((t.end as usize).wrapping_sub(1))
                .copied()
                .unwrap_or(0)
    });
    std::hint::black_box(touched);
    let from = out.len();
    out.extend(partners.iter().filter_map(|(v, terms, weight, sequence)| {
        let (v, weight, sequence) = (*v, *weight, *sequence);
        let tv = &p.terms[terms.start as usize..terms.end as usize];
        let crate::weights::Shared {
            weight: shared,
            terms: n,
            ..
        } = w.shared(tu, tv);
        let dice = crate::weights::dice(shared, uu.weight, weight);
        let identical = uu.sequence == sequence;
        // A template line and another short line with numbers (a template line itself, or a
        // variant of one too rare to be counted one: `Qtrly div 38 cts vs 33 cts` beside the
        // template `Qtrly div nine cts vs nine cts prior`): only the numbers they share are
        // evidence (see `prepare::TEMPLATE_ARTICLES`).
        if !identical
            && (template || p.templates[v as usize])
            && p.short_numbers(if template { v } else { u })
            && w.shared_number_weight(tu, tv, &p.numbers) < w.chance
        {
            return None;
        }
        let smaller = uu.weight.min(weight);
        let containment = if smaller > 0.0 { shared / smaller } else { 0.0 };
        // A passage is about as similar as its best sentence pair: a pair whose own term
        // overlap is well below the lowest score asked for cannot make a reported passage.
        let promising = 0.5 * f64::from(dice + containment) >= MATCH_SLACK * cfg.min_score;
        (identical || (n >= 2 && f64::from(dice) >= cfg.min_sentence_similarity && promising))
            .then_some(Match {
                a: u,
                b: v,
                sim: dice,
            })
    }));
    if out.len() - from > MAX_UNIT_MATCHES {
        keep_best_per_article(out, from, p);
    }
}

/// Most matches one sentence keeps in one other article: its best (ties to the partner
/// first in its article). A sentence matches a handful in natural text; a line repeated
/// hundreds of times (a scraped page) matched every copy on the other side, so the matches
/// grew with the square of the repeats (found by a library audit: 10,000 repeats, 100 M
/// matches and 2.4 GB). At 16 one BBC passage was lost; at 32 Reuters + BBC output is the
/// same as without the bound.
pub(crate) const MAX_UNIT_MATCHES: usize = 32;

/// Cuts the matches `out[from..]` (of one unit) to the best [`MAX_UNIT_MATCHES`] in each
/// other article ([`passage::keep_best`](crate::passage::keep_best)).
fn keep_best_per_article(out: &mut Vec<Match>, from: usize, p: &Prepared) {
    let kept =
        crate::passage::keep_best(&mut out[from..], |m| p.units[m.b as usize].article, |m| m.b);
    out.truncate(from + kept);
}

/// Sorts matches by article pair, then by unit: units are numbered in article order, so
/// `a < b`.
pub(crate) fn sort_matches(matches: &mut [Match], p: &Prepared) {
    matches.par_sort_unstable_by_key(|m| {
        (
            p.units[m.a as usize].article,
            p.units[m.b as usize].article,
            m.a,
            m.b,
        )
    });
}

/// The order of reported overlaps: by article ids, then by start and end on each side.
/// Keeps one overlap per pair of spans, the best scored, in overlaps sorted by
/// [`overlap_order`]: two sentence alignments can trim to the same two spans (6 pairs in
/// Reuters), and one passage must not be reported twice with two scores.
pub(crate) fn dedup_spans(sorted: &mut Vec<Overlap>) {
    sorted.dedup_by(|later, kept| {
        let same = overlap_order(later, kept).is_eq();
        if same && later.score > kept.score {
            std::mem::swap(later, kept);
        }
        same
    });
}

pub(crate) fn overlap_order(x: &Overlap, y: &Overlap) -> std::cmp::Ordering {
    (
        &x.a.article,
        &x.b.article,
        x.a.start,
        x.b.start,
        x.a.end,
        x.b.end,
    )
        .cmp(&(
            &y.a.article,
            &y.b.article,
            y.a.start,
            y.b.start,
            y.a.end,
            y.b.end,
        ))
}

/// Joins groups of consecutive sentences: when every occurrence of one grouped sentence is
/// followed, in its article, by an occurrence of the same next grouped sentence, the two are
/// one passage. Returns, per joined group, each member's inclusive unit range.
fn group_chains(groups: &[crate::candidates::GroupRun], p: &Prepared) -> Vec<Vec<(u32, u32)>> {
    let mut group_of: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for (gi, g) in groups.iter().enumerate() {
        for &u in &g.units {
            group_of.insert(u, gi);
        }
    }
    let successor = |g: &crate::candidates::GroupRun| -> Option<usize> {
        let next = |u: u32| -> Option<usize> {
            let n = u + 1;
            let same_article = p.units.get(n as usize)?.article == p.units[u as usize].article;
            same_article.then(|| group_of.get(&n).copied()).flatten()
        };
        let h = next(*g.units.first()?)?;
        (groups[h].units.len() == g.units.len() && g.units.iter().all(|&u| next(u) == Some(h)))
            .then_some(h)
    };
    let next: Vec<Option<usize>> = groups.iter().map(successor).collect();
    let mut has_pred = vec![false; groups.len()];
    for h in next.iter().flatten() {
        has_pred[*h] = true;
    }
    let mut out = Vec::new();
    for start in (0..groups.len()).filter(|&g| !has_pred[g]) {
        let mut len = 0u32;
        let mut cur = start;
        while let Some(h) = next[cur] {
            // A cycle is impossible (units only move forward), but stay bounded anyway.
            if len as usize >= groups.len() {
                break;
            }
            len += 1;
            cur = h;
        }
        out.push(groups[start].units.iter().map(|&u| (u, u + len)).collect());
    }
    out
}

/// Whether the pair of ids is wanted, in either order (both are ids of the corpus: members
/// of its groups).
fn keep_ids(keep: &(dyn Fn(&str, &str) -> bool + Sync), a: &str, b: &str) -> bool {
    keep(a, b) || keep(b, a)
}

/// Union of the distinct terms of the matched units, sorted (sentences skipped inside a
/// passage widen its span but do not dilute its similarity).
fn terms_of_units(p: &Prepared, units: &[u32]) -> Vec<u32> {
    let mut t: Vec<u32> = units
        .iter()
        .flat_map(|&u| p.terms_of(&p.units[u as usize]).iter().copied())
        .collect();
    t.sort_unstable();
    t.dedup();
    t
}

/// A passage whose term overlap may reach the lowest score: what is known before its word
/// diff.
pub(crate) struct Pending {
    a: u32,
    b: u32,
    a_range: Range<usize>,
    b_range: Range<usize>,
    dice: f32,
    containment: f32,
    shared: f32,
    n: usize,
    /// Shared terms counted by rarity ([`Shared::count`](crate::weights::Shared)).
    count: f64,
    /// Evidence summed over the passage's sentence pairs (see [`accumulated`]).
    accumulated: f64,
}

/// Passages are word-diffed this many at a time: the articles they come from are normalized
/// once per batch, and only the stretches the batch needs. On the real corpora, 65,536
/// instead of 16,384 saves 6 % of the time for 35 MB more memory; one batch for everything
/// saves 14 % for 170 MB.
pub(crate) const DIFF_CHUNK: usize = 65_536;

/// Two passages of one article closer than this many bytes are normalized as one stretch.
const SEGMENT_GAP: usize = 256;

pub(crate) fn pending(ps: &Passage, p: &Prepared, w: &Weights, cfg: &Config) -> Option<Pending> {
    let ta = terms_of_units(p, &ps.a_units);
    let tb = terms_of_units(p, &ps.b_units);
    let crate::weights::Shared {
        weight: shared,
        terms: n,
        count,
    } = w.shared(&ta, &tb);
    if n < cfg.min_words {
        return None;
    }
    let (wa, wb) = (w.weight_of(&ta), w.weight_of(&tb));
    let dice = 2.0 * shared / (wa + wb).max(f32::MIN_POSITIVE);
    let containment = shared / wa.min(wb).max(f32::MIN_POSITIVE);
    let accumulated = accumulated(ps, p, w);
    // Cheap upper bound before the word diff: the diff can only lower the score.
    let bound = score(&Evidence {
        dice,
        containment,
        shared_weight: shared,
        chance: w.chance,
        shared_terms: n as f64,
        ratio: 1.0,
        number_divergences: 0,
        negations: 0,
    })
    .max(accumulated);
    // scores are reported to 4 decimals: a bound that rounds up to the threshold may pass
    if round4(bound) < cfg.min_score {
        return None;
    }
    let (ua, ub) = (&p.units[ps.a_first as usize], &p.units[ps.b_first as usize]);
    Some(Pending {
        a: ua.article,
        b: ub.article,
        a_range: ua.span.start..p.units[ps.a_last as usize].span.end,
        b_range: ub.span.start..p.units[ps.b_last as usize].span.end,
        dice,
        containment,
        shared,
        n,
        count,
        accumulated,
    })
}

/// Evidence that adds up over a passage of several matched sentence pairs: `1 − Π(1 − s)`
/// over the pairs' own scores (term overlap only, counted as a paraphrase), so that a text
/// rewritten sentence by sentence (each pair weak on its own, a dozen in a row) outscores one
/// sentence that happens to state the same fact. 0 for one pair. A passage scores the larger
/// of this and its own score. Measured on the proxy short-answer set: AUC 0.872 → 0.935
/// (light vs non 0.90 → 1.00, heavy vs non 0.72 → 0.80); MRPC dev, BBC cross-category
/// reports, generated-text precision and the samples unchanged.
fn accumulated(ps: &Passage, p: &Prepared, w: &Weights) -> f64 {
    if ps.a_units.len() < 2 {
        return 0.0;
    }
    let mut scores = Vec::with_capacity(ps.a_units.len());
    for (&u, &v) in ps.a_units.iter().zip(&ps.b_units) {
        let (tu, tv) = (
            p.terms_of(&p.units[u as usize]),
            p.terms_of(&p.units[v as usize]),
        );
        let shared = w.shared(tu, tv);
        let (wu, wv) = (p.units[u as usize].weight, p.units[v as usize].weight);
        let s = score(&Evidence {
            dice: 2.0 * shared.weight / (wu + wv).max(f32::MIN_POSITIVE),
            containment: shared.weight / wu.min(wv).max(f32::MIN_POSITIVE),
            shared_weight: shared.weight,
            chance: w.chance,
            shared_terms: shared.count,
            ratio: 0.0,
            number_divergences: 0,
            negations: 0,
        });
        scores.push(s);
    }
    // in one order whatever order the pairs came in (a mirror tie's two pairs come in the
    // order of their articles), so that swapping two articles cannot move the last digit
    scores.sort_by(f64::total_cmp);
    1.0 - scores.iter().map(|s| 1.0 - s).product::<f64>()
}

/// The normalized stretches of text that a batch of passages needs, and which one holds each
/// side of each passage.
pub(crate) struct Segments {
    /// Each article's passage ranges, merged where they overlap or nearly touch, sorted by
    /// article and start.
    list: Vec<Segment>,
    /// For pending passage `i` of the batch, its two sides: the segment, and the indices of
    /// the segment's words that the side covers.
    of_pending: Vec<[(u32, Range<u32>); 2]>,
}

impl Segments {
    /// The segments of the batch's pending passages, normalized in parallel.
    ///
    /// Each side learns its segment while the ranges are merged, and its words while the
    /// segment's words are still in cache: looking both up later, side by side, was a
    /// binary search through megabytes of segments and then one through a segment's words,
    /// each missing the cache at every step (perf on the real corpora: about 7 % of the run;
    /// the run's CPU fell 0.97x).
    pub fn of_chunk(chunk: &[Pending], texts: &Texts<'_>, normalizer: &Normalizer) -> Self {
        // Sides are numbered `2 × passage + side` in a u32 (batches hold `DIFF_CHUNK`).
        debug_assert!(chunk.len() <= u32::MAX as usize / 2);
        let mut needs: Vec<(u32, usize, usize, u32)> = chunk
            .iter()
            .enumerate()
            .flat_map(|(i, pd)| {
                let i = i as u32;
                [
                    (pd.a, pd.a_range.start, pd.a_range.end, 2 * i),
                    (pd.b, pd.b_range.start, pd.b_range.end, 2 * i + 1),
                ]
            })
            .collect();
        needs.par_sort_unstable();
        // Each merged range, with the run of `needs` (its sides) it holds: `needs` is sorted,
        // so a range's sides are contiguous.
        let mut merged: Vec<(u32, Range<usize>, Range<usize>)> = Vec::new();
        for (k, &(article, start, end, _)) in needs.iter().enumerate() {
            match merged.last_mut() {
                Some((a, r, sides)) if *a == article && start <= r.end + SEGMENT_GAP => {
                    r.end = r.end.max(end);
                    sides.end = k + 1;
                }
                _ => merged.push((article, start..end, k..k + 1)),
            }
        }
        type SideWords = Vec<(u32, Range<u32>)>;
        let built: Vec<(Segment, SideWords)> = merged
            .into_par_iter()
            .map(|(article, r, sides)| {
                let segment = Segment::new(texts.get(article), r, normalizer);
                let words = needs[sides]
                    .iter()
                    .map(|&(_, start, end, side)| {
                        let w = segment.word_range(start..end);
                        (side, w.start as u32..w.end as u32)
                    })
                    .collect();
                (segment, words)
            })
            .collect();
        let mut of_pending = vec![[(0u32, 0..0), (0u32, 0..0)]; chunk.len()];
        let mut list = Vec::with_capacity(built.len());
        for (k, (segment, words)) in built.into_iter().enumerate() {
            for (side, w) in words {
                of_pending[(side / 2) as usize][(side % 2) as usize] = (k as u32, w);
            }
            list.push(segment);
        }
        Self { list, of_pending }
    }

    /// The two sides of the batch's pending passage `i`: each one's segment and word indices.
    pub fn of(&self, i: usize) -> Option<[(&Segment, Range<usize>); 2]> {
        let [(a, wa), (b, wb)] = self.of_pending.get(i)?.clone();
        Some([
            (
                self.list.get(a as usize)?,
                wa.start as usize..wa.end as usize,
            ),
            (
                self.list.get(b as usize)?,
                wb.start as usize..wb.end as usize,
            ),
        ])
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn finish<S: ArticleSource + ?Sized>(
    pd: &Pending,
    [(seg_a, words_a), (seg_b, words_b)]: [(&Segment, Range<usize>); 2],
    ids: &Ids<'_, S>,
    texts: &Texts<'_>,
    names: Option<&NameKeys>,
    analyzer: &Analyzer,
    chance: f32,
    cfg: &Config,
) -> Option<Overlap> {
    let (id_a, id_b) = (ids.get(pd.a), ids.get(pd.b));
    let (text_a, text_b) = (texts.get(pd.a), texts.get(pd.b));
    let (a_range, b_range) = (pd.a_range.clone(), pd.b_range.clone());
    let (side_a, side_b) = (
        diff_side(id_a, text_a, &a_range, names),
        diff_side(id_b, text_b, &b_range, names),
    );
    let (wa, wb) = (
        seg_a.words_in(words_a, &side_a),
        seg_b.words_in(words_b, &side_b),
    );
    let (dice, containment, shared, n) = (pd.dice, pd.containment, pd.shared, pd.n);
    // In a paraphrase, a run of shared content words in the same order is one shared phrase:
    // it gives up up to five of its terms (its rarity weight is kept), so that one rare phrase
    // recurring by chance (`swelling self-belief`, `PIK-and-roll`) does not read as several
    // shared facts. Measured A/B (see benches/README.md): MRPC dev AUC 0.756 → 0.761, best
    // accuracy 0.729 → 0.743; BBC cross-category reports at 0.25 halved; accidental reports
    // on generated 10 k articles at 0.25: 69 → 15.
    let discounted = || {
        if n == 0 {
            return pd.count;
        }
        let chained = phrase_discount(&wa, &wb, |k| is_content(analyzer, k)).min(n - 1);
        pd.count * (n - chained) as f64 / n as f64
    };
    // A second bound, still before the diff: words in order cannot agree more than the same
    // words in any order do.
    let ratio = ratio_bound(&wa, &wb);
    let bound = |terms: f64| {
        score(&Evidence {
            dice,
            containment,
            shared_weight: shared,
            chance,
            shared_terms: terms,
            ratio,
            number_divergences: 0,
            negations: 0,
        })
        .max(pd.accumulated)
    };
    if round4(bound(n as f64)) < cfg.min_score {
        return None;
    }
    // Below `NEAR_RATIO` that bound makes the overlap a paraphrase whatever the diff finds, so
    // its phrase discount is known before the diff too, and the bound with it is exact but
    // for the ratio and the divergences, which can only lower it. On the 23.8 k real
    // articles this skips three diffs in four that would be dropped (48 k of 63 k).
    let early_terms = (ratio < crate::score::NEAR_RATIO).then(discounted);
    if let Some(terms) = early_terms
        && round4(bound(terms)) < cfg.min_score
    {
        return None;
    }
    let d = diff_words(&side_a, &wa, &side_b, &wb);
    let terms = match early_terms {
        // the diff's ratio is at most the bound's: still a paraphrase
        Some(terms) => terms,
        None if d.ratio < crate::score::NEAR_RATIO => discounted(),
        None => pd.count,
    };
    let e = Evidence {
        dice,
        containment,
        shared_weight: shared,
        chance,
        shared_terms: terms,
        ratio: d.ratio,
        number_divergences: d.differing_numbers,
        negations: usize::from(d.negation_differs),
    };
    let s = score(&e).max(round4(pd.accumulated * crate::score::penalty(&e)));
    if s < cfg.min_score {
        return None;
    }
    Some(Overlap {
        a: Side::new(id_a, text_a, a_range.start, a_range.end),
        b: Side::new(id_b, text_b, b_range.start, b_range.end),
        score: s,
        kind: crate::score::kind(&e),
        similarity: round4(f64::from(dice.clamp(0.0, 1.0))),
        shared_words: n,
        divergences: d.divergences,
        ops: d.ops,
    })
}

/// Whether a normalized word is a content word (what the analyzer indexes).
/// Segment words are case-folded (`Normalizer::new`), as stopword lookup expects.
fn is_content(analyzer: &Analyzer, key: &str) -> bool {
    !analyzer.is_stopword(key)
}

fn diff_side<'a>(
    id: &str,
    text: &'a str,
    r: &std::ops::Range<usize>,
    names: Option<&'a NameKeys>,
) -> DiffSide<'a> {
    DiffSide {
        text,
        start: r.start,
        end: r.end,
        names: names.map_or(&[], |n| n.of(id)),
    }
}

pub(crate) fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(text: &str) -> Member {
        Member {
            article: "a".to_owned(),
            start: 0,
            end: text.len(),
            line: 0,
            last_line: 0,
            text: text.to_owned(),
        }
    }

    /// A line repeated hundreds of times matches a bounded number of its copies, not all
    /// of them (the matches grew with the square of the repeats).
    #[test]
    fn repeated_lines_keep_a_bounded_number_of_matches() {
        use crate::stages;
        let repeats = 200;
        let a = "Trump said the talks with China were going well but China is not easy. "
            .repeat(repeats);
        let b =
            "Trump said talks with China were going well, but China is not easy. ".repeat(repeats);
        let articles = [
            newsdiff_ingest::parse_text("a", &a),
            newsdiff_ingest::parse_text("b", &b),
        ];
        let finder = crate::Finder::new().min_score(0.0);
        let p = stages::prepare(&finder, &articles);
        let w = stages::weigh(&p);
        let index = stages::index(&p, &w);
        let matches = stages::verify(&p, &w, &index);
        // every line against every copy would be 40,000
        assert!(matches.len() <= repeats * 64, "{} matches", matches.len());
        assert!(matches.len() >= repeats, "every line keeps its best");
    }

    #[test]
    fn a_group_is_verbatim_only_with_the_same_words() {
        let n = Normalizer::new();
        let same = [member("Qtr ends Jan 31"), member("qtr ends  Jan 31.")];
        assert_eq!(group_kind(&same, &n), Kind::Verbatim);
        let comma = [
            member("The fee is 1-1/4 pct, while"),
            member("The fee is 1-1/4 pct while"),
        ];
        assert_eq!(group_kind(&comma, &n), Kind::Verbatim);
        let stems = [member("Qtr ended Jan 31"), member("Qtr ends Jan 31")];
        assert_eq!(group_kind(&stems, &n), Kind::Near);
    }

    fn overlap(score: f64) -> Overlap {
        let side = |article: &str| Side::new(article, "text", 0, 4);
        Overlap {
            a: side("a"),
            b: side("b"),
            score,
            similarity: score,
            kind: Kind::Near,
            ops: Vec::new(),
            divergences: Vec::new(),
            shared_words: 1,
        }
    }

    #[test]
    fn one_pair_of_spans_is_reported_once_with_its_best_score() {
        for scores in [[0.3785, 0.4426], [0.4426, 0.3785]] {
            let mut v: Vec<Overlap> = scores.iter().map(|&s| overlap(s)).collect();
            dedup_spans(&mut v);
            assert_eq!(v.len(), 1);
            assert!((v[0].score - 0.4426).abs() < 1e-9);
        }
    }
}
