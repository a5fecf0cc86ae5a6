//! The story view: articles grouped into stories by the passages they share, each shared
//! passage with the article that has it first by date, and the paragraphs only one article
//! has.
//!
//! Built from a finished [`Overlaps`] run, so it costs little next to the search:
//!
//! 1. **Stories.** Two articles are linked when their overlaps together are strong enough:
//!    `1 − Π(1 − score)` over the overlaps of the pair (a passage inside another on both
//!    sides counting once) reaches [`StoryBuilder::link`]
//!    (default 0.4: one clear passage, or several weaker ones). A group (a passage in many
//!    articles) makes one story of the members it is at least half the body text of: one
//!    text run by many outlets. Otherwise groups never link articles: boilerplate (a
//!    signature line) would join unrelated stories. Links
//!    are taken strongest first; each joins two groups of articles into one story only when
//!    at least [`StoryBuilder::density`] (default a half) of the article pairs across the two
//!    groups share some reported passage, so related stories do not chain into one (plain
//!    connected components put 2,099 of 5,000 BBC and Reuters articles into one "story").
//!    An article in no story of two or more is *unlinked*.
//! 2. **Shared passages.** Inside a story (only overlaps between its articles count), the
//!    two sides of an overlap are one passage, the members of a group too, and so are two
//!    sides on one article that are nearly the same text (in common at least 3/5 of the
//!    longer);
//!    each connected set is one [`SharedPassage`], its sides on one article merged where
//!    they intersect. Sides that merely touch stay apart: a long side that two short ones
//!    each touch no longer chains two passages into one.
//! 3. **Who has it first.** When every article holding a passage has a date, the passage's
//!    [`first`](SharedPassage::first) lists the articles with the earliest date (several on a
//!    tie). A passage whose articles do not all share it directly (one shares it with a
//!    second, the second with a third) is [`chained`](SharedPassage::chained): then only an
//!    earliest article that shares it with every other directly is first. Dates are ISO 8601 (`2025-06-10`, `2025-06-10T09:30:00Z`), compared to the
//!    second when all the dates compared are written alike in one time zone, else by
//!    calendar day (see [`date_key`]); a date not in that form is kept for display but orders
//!    nothing.
//! 4. **Unique passages.** Every content paragraph of a story's article that no overlap or
//!    group member touches (against any article of the input) is unique to that article:
//!    what only one outlet says. A paragraph inside a copied (`verbatim` or `near`) side
//!    that holds no word of the other side counts as unique too: a paragraph one version
//!    added to a copy.
//!
//! Everything is sorted by a total order, so the view is the same for any input order.

use std::collections::{BTreeMap, BTreeSet};

use newsdiff_ingest::{Article, ParagraphKind};
use serde::{Deserialize, Serialize};

use crate::disjoint::UnionFind;
use crate::model::{Kind, Overlaps};

/// A byte range of an article: (article index, start, end).
type Range = (usize, usize, usize);

/// Default link strength (see [`StoryBuilder::link`]).
pub const DEFAULT_STORY_LINK: f64 = 0.4;

/// Builds a [`StoryView`] from articles and the overlaps found among them.
#[derive(Debug, Clone)]
pub struct StoryBuilder {
    link: f64,
    density: f64,
}

/// Default density (see [`StoryBuilder::density`]).
pub const DEFAULT_STORY_DENSITY: f64 = 0.5;

impl Default for StoryBuilder {
    fn default() -> Self {
        Self {
            link: DEFAULT_STORY_LINK,
            density: DEFAULT_STORY_DENSITY,
        }
    }
}

/// The stories of one run, with the articles that belong to none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryView {
    /// Stories, largest first (then by their first article id).
    pub stories: Vec<Story>,
    /// Ids of articles linked to no other article, sorted.
    pub unlinked: Vec<String>,
}

/// Articles that tell one story: linked, directly or through each other, by shared passages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// The articles, by date (undated last), then id.
    pub articles: Vec<StoryArticle>,
    /// Passages two or more of the articles share, most widely shared first.
    pub passages: Vec<SharedPassage>,
    /// Content paragraphs found in one article only, by article then position.
    pub unique: Vec<UniquePassage>,
}

/// An article of a story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryArticle {
    /// The article's id.
    pub article: String,
    /// Its title, if any.
    pub title: Option<String>,
    /// Its date as given, if any.
    pub date: Option<String>,
    /// Its outlet, if any.
    pub outlet: Option<String>,
    /// Bytes of its content paragraphs that some other article shares.
    pub shared_bytes: usize,
    /// Bytes of its content paragraphs.
    pub content_bytes: usize,
    /// How many of its content paragraphs are unique to it.
    pub unique_paragraphs: usize,
}

/// A passage shared by two or more articles of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedPassage {
    /// Where it occurs: by date (undated last), then article id and offset.
    pub occurrences: Vec<Occurrence>,
    /// The articles with the earliest date among the occurrences (who may have been copied)
    /// that share it directly with every other (see [`chained`](Self::chained)); empty when
    /// an occurrence's article has no comparable date, or no earliest article does.
    pub first: Vec<String>,
    /// How many distinct articles hold it.
    pub articles: usize,
    /// The highest score of the overlaps that make it.
    pub score: f64,
    /// The closest kind among those overlaps (`verbatim` before `near` before `paraphrase`).
    pub kind: Kind,
    /// Whether some two of its articles share it only through a third: `a` shares it with
    /// `b`, and `b` (nearly the same text of `b`) with `c`, but no overlap of `a` and `c`
    /// touches it in both. Then [`first`](Self::first) holds only earliest articles that
    /// share it with every other article directly, and may be empty. A passage of more than
    /// 300 articles that no one group holds whole is not checked pair by pair and counts as
    /// chained.
    pub chained: bool,
}

/// One occurrence of a shared passage: a byte range of an article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Occurrence {
    /// The article's id.
    pub article: String,
    /// First byte in the article's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The article's date, if any.
    pub date: Option<String>,
    /// `text[start..end]` of the article.
    pub text: String,
}

/// A content paragraph no other article shares.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UniquePassage {
    /// The article's id.
    pub article: String,
    /// First byte of the paragraph.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The paragraph's 0-based line (as in [`newsdiff_ingest::Paragraph::line`]).
    pub line: usize,
    /// The paragraph's text.
    pub text: String,
}

impl StoryBuilder {
    /// A builder with the default link strength.
    pub fn new() -> Self {
        Self::default()
    }

    /// How strong the overlaps of two articles must be, together, to link them (0 to 1;
    /// `1 − Π(1 − score)` over the pair's overlaps, a passage inside another of the pair on
    /// both sides counting once).
    pub fn link(mut self, link: f64) -> Self {
        self.link = link;
        self
    }

    /// The share of article pairs across two groups that must share a reported passage for
    /// the groups to join one story (0 to 1, default 0.5). Without it, stories chain: at
    /// thousands of articles, links between related stories would join them all into one.
    pub fn density(mut self, density: f64) -> Self {
        self.density = density;
        self
    }

    /// Builds the story view of `articles` from the overlaps found among them. Overlaps
    /// naming articles that are not in `articles` are ignored.
    pub fn build(&self, articles: &[Article], found: &Overlaps) -> StoryView {
        // Articles in id order: the view must not depend on input order.
        let mut order: Vec<usize> = (0..articles.len()).collect();
        order.sort_by(|&x, &y| articles[x].id.cmp(&articles[y].id));
        let index: BTreeMap<&str, usize> = order
            .iter()
            .enumerate()
            .map(|(i, &a)| (articles[a].id.as_str(), i))
            .collect();
        let arts: Vec<&Article> = order.iter().map(|&a| &articles[a]).collect();
        let n = arts.len();

        // The article indexes of an overlap's two sides.
        let pair_of = |o: &crate::model::Overlap| {
            Some((
                *index.get(o.a.article.as_str())?,
                *index.get(o.b.article.as_str())?,
            ))
        };
        // Every shared range per article, against any article (for unique paragraphs), and
        // each pair's overlaps.
        let mut ranges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        let mut of_pair: BTreeMap<(usize, usize), Vec<&crate::model::Overlap>> = BTreeMap::new();
        for o in &found.overlaps {
            let Some((a, b)) = pair_of(o) else {
                continue;
            };
            of_pair.entry((a.min(b), a.max(b))).or_default().push(o);
            ranges[a].extend(shared_parts(o, true, arts[a]));
            ranges[b].extend(shared_parts(o, false, arts[b]));
        }
        // Links: per pair, the chance that no overlap is real.
        let miss: BTreeMap<(usize, usize), f64> = of_pair
            .into_iter()
            .map(|(key, os)| (key, independent_miss(&os)))
            .collect();
        for g in &found.groups {
            for m in &g.members {
                if let Some(&a) = index.get(m.article.as_str()) {
                    ranges[a].push((m.start, m.end));
                }
            }
        }

        // A group whose passage is most of its members' content is one text run by many
        // outlets (wire copy): its members are one story. (Groups of boilerplate, a
        // signature line shared by many articles, are a small part of each and link
        // nothing.)
        let copies: Vec<Vec<usize>> = found
            .groups
            .iter()
            .map(|g| {
                let mut members: Vec<usize> = g
                    .members
                    .iter()
                    .filter_map(|m| {
                        let a = *index.get(m.article.as_str())?;
                        let (body, inside) = body_bytes(arts[a], m.start, m.end);
                        (body > 0 && inside as f64 >= GROUP_STORY_SHARE * body as f64).then_some(a)
                    })
                    .collect();
                members.sort_unstable();
                members.dedup();
                members
            })
            .filter(|m| m.len() > 1)
            .collect();
        let (mut stories_of, linked) = self.cluster(n, &miss, &copies);
        let covered: Vec<Vec<(usize, usize)>> = ranges.into_iter().map(merge).collect();

        // What makes the passages: overlaps between articles of one story, and the members
        // of a group that share a story (two or more). An overlap with an article of another
        // story must not widen or join this story's passages.
        let mut inside: Vec<(usize, usize, &crate::model::Overlap)> = Vec::new();
        for o in &found.overlaps {
            if let Some((a, b)) = pair_of(o)
                && linked[a]
                && stories_of.find(a) == stories_of.find(b)
            {
                inside.push((a, b, o));
            }
        }
        // (group, members) for each story a group touches twice.
        let mut inside_groups: Vec<(&crate::model::Group, Vec<Range>)> = Vec::new();
        for g in &found.groups {
            let mut in_story: BTreeMap<usize, Vec<Range>> = BTreeMap::new();
            for m in &g.members {
                if let Some(&a) = index.get(m.article.as_str())
                    && linked[a]
                {
                    in_story
                        .entry(stories_of.find(a))
                        .or_default()
                        .push((a, m.start, m.end));
                }
            }
            inside_groups.extend(
                in_story
                    .into_values()
                    .filter(|m| m.len() > 1)
                    .map(|m| (g, m)),
            );
        }
        // Passages: the sides of the story's overlaps and the members of its groups, as
        // ranges; the two sides of an overlap and the members of a group are one passage,
        // and so are two ranges of one article that are nearly the same text (see
        // `SAME_RANGE`). Ranges that only overlap in part stay apart: a long side that two
        // short ones each touch must not chain two different passages into one.
        let mut ranges: Vec<Range> = Vec::new();
        let mut joins: Vec<(usize, usize)> = Vec::new();
        let mut evidence: Vec<(f64, Kind)> = Vec::new();
        // the ranges that an overlap links directly, and the group of each group member's
        // range (a group links all its members; `joins` holds only their links to its first)
        let mut direct: Vec<(usize, usize)> = Vec::new();
        let mut group_of: Vec<Option<usize>> = Vec::new();
        for &(a, b, o) in &inside {
            let i = ranges.len();
            ranges.push((a, o.a.start, o.a.end));
            ranges.push((b, o.b.start, o.b.end));
            evidence.extend([(o.score, o.kind); 2]);
            joins.push((i, i + 1));
            direct.push((i, i + 1));
            group_of.extend([None, None]);
        }
        for (gi, (g, members)) in inside_groups.iter().enumerate() {
            let first = ranges.len();
            for (k, &m) in members.iter().enumerate() {
                ranges.push(m);
                evidence.push((g.score, g.kind));
                joins.push((first, first + k));
                group_of.push(Some(gi));
            }
        }
        let mut passages_of = UnionFind::new(ranges.len());
        for &(x, y) in &joins {
            passages_of.union(x, y);
        }
        let mut by_article: Vec<usize> = (0..ranges.len()).collect();
        by_article.sort_unstable_by_key(|&r| ranges[r]);
        for (k, &r) in by_article.iter().enumerate() {
            let (a, start, end) = ranges[r];
            for &q in by_article[k + 1..]
                .iter()
                .take_while(|&&q| ranges[q].0 == a && ranges[q].1 < end)
            {
                let (_, qs, qe) = ranges[q];
                let common = end.min(qe).saturating_sub(start.max(qs));
                let longer = (end - start).max(qe - qs).max(1);
                if common as f64 >= SAME_RANGE * longer as f64 {
                    passages_of.union(r, q);
                }
            }
        }

        // Collect per story.
        let mut story_articles: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (a, _) in linked.iter().enumerate().filter(|(_, l)| **l) {
            story_articles
                .entry(stories_of.find(a))
                .or_default()
                .push(a);
        }
        let mut passage_ranges: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (r, range) in ranges.iter().enumerate() {
            if linked[range.0] {
                passage_ranges
                    .entry(passages_of.find(r))
                    .or_default()
                    .push(r);
            }
        }
        // the overlaps between each two articles (by article index, smaller first), as
        // their two ranges: two articles share a passage directly when one of their
        // overlaps touches the passage's text in both (it may be longer and belong to
        // another passage too)
        let mut pair_overlaps: BTreeMap<(usize, usize), Vec<[Span; 2]>> = BTreeMap::new();
        for &(x, y) in &direct {
            let ((a, sa, ea), (b, sb, eb)) = (ranges[x], ranges[y]);
            if a != b {
                let (lo, hi) = if a < b {
                    ([(sa, ea), (sb, eb)], (a, b))
                } else {
                    ([(sb, eb), (sa, ea)], (b, a))
                };
                pair_overlaps.entry(hi).or_default().push(lo);
            }
        }
        let mut passages_by_story: BTreeMap<usize, Vec<SharedPassage>> = BTreeMap::new();
        for members in passage_ranges.values() {
            // each article's ranges of the passage, merged where they intersect
            let mut per_article: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
            for &r in members {
                let (a, start, end) = ranges[r];
                per_article.entry(a).or_default().push((start, end));
            }
            let mut occurrences: Vec<Occurrence> = per_article
                .into_iter()
                .flat_map(|(a, rs)| {
                    let art = arts[a];
                    merge(rs).into_iter().map(move |(start, end)| Occurrence {
                        article: art.id.clone(),
                        start,
                        end,
                        date: art.date.clone(),
                        text: art.text.get(start..end).unwrap_or_default().to_owned(),
                    })
                })
                .collect();
            let mut distinct: Vec<&str> = occurrences.iter().map(|o| o.article.as_str()).collect();
            distinct.sort_unstable();
            distinct.dedup();
            if distinct.len() < 2 {
                continue;
            }
            let articles = distinct.len();
            sort_by_date(&mut occurrences, |o| &o.date, |x, y| x.cmp(y));
            // which of its articles share it with which directly: an overlap between them, or
            // one group holding both
            let mut held: Vec<usize> = members.iter().map(|&r| ranges[r].0).collect();
            held.sort_unstable();
            held.dedup();
            let mut groups_of: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
            let mut spans: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
            for &r in members {
                let (a, start, end) = ranges[r];
                spans.entry(a).or_default().push((start, end));
                if let Some(g) = group_of[r] {
                    groups_of.entry(a).or_default().insert(g);
                }
            }
            let touches = |a: usize, (s, e): (usize, usize)| {
                spans
                    .get(&a)
                    .is_some_and(|v| v.iter().any(|&(ps, pe)| s < pe && ps < e))
            };
            let linked = |a: usize, b: usize| {
                let (lo, hi) = (a.min(b), a.max(b));
                a == b
                    || pair_overlaps
                        .get(&(lo, hi))
                        .is_some_and(|os| os.iter().any(|&[x, y]| touches(lo, x) && touches(hi, y)))
                    || groups_of
                        .get(&a)
                        .zip(groups_of.get(&b))
                        .is_some_and(|(x, y)| x.intersection(y).next().is_some())
            };
            let with_all = |a: usize| held.iter().all(|&b| linked(a, b));
            // one group holding every article links them all; otherwise every pair is
            // checked, up to MAX_CHECKED_ARTICLES articles (beyond, the passage counts as
            // chained: no claim of who was first is made that was not checked)
            let one_group = groups_of.len() == held.len()
                && groups_of.values().next().is_some_and(|first| {
                    first
                        .iter()
                        .any(|g| groups_of.values().all(|gs| gs.contains(g)))
                });
            let chained = !one_group
                && (held.len() > MAX_CHECKED_ARTICLES || !held.iter().all(|&a| with_all(a)));
            let mut first = earliest(&occurrences);
            if chained {
                first.retain(|id| {
                    held.len() <= MAX_CHECKED_ARTICLES
                        && held
                            .iter()
                            .find(|&&a| arts[a].id == *id)
                            .is_some_and(|&a| with_all(a))
                });
            }
            let (score, kind) = members.iter().fold((0.0f64, Kind::Paraphrase), |acc, &r| {
                (acc.0.max(evidence[r].0), acc.1.min(evidence[r].1))
            });
            let story = stories_of.find(ranges[members[0]].0);
            passages_by_story
                .entry(story)
                .or_default()
                .push(SharedPassage {
                    occurrences,
                    first,
                    articles,
                    score,
                    kind,
                    chained,
                });
        }

        let mut stories: Vec<Story> = story_articles
            .iter()
            .map(|(root, members)| {
                let mut unique = Vec::new();
                let mut story_articles = Vec::new();
                for &a in members {
                    let art = arts[a];
                    let segs = &covered[a];
                    let (mut shared_bytes, mut content_bytes, mut unique_paragraphs) = (0, 0, 0);
                    for p in art
                        .paragraphs
                        .iter()
                        .filter(|p| p.kind == ParagraphKind::Body)
                    {
                        let (ps, pe) = (p.span.start, p.span.end);
                        content_bytes += pe.saturating_sub(ps);
                        let covered: usize = segs
                            .iter()
                            .map(|&(s, e)| e.min(pe).saturating_sub(s.max(ps)))
                            .sum();
                        shared_bytes += covered;
                        if covered == 0 {
                            unique_paragraphs += 1;
                            unique.push(UniquePassage {
                                article: art.id.clone(),
                                start: ps,
                                end: pe,
                                line: p.line,
                                text: art.paragraph_text(p).to_owned(),
                            });
                        }
                    }
                    story_articles.push(StoryArticle {
                        article: art.id.clone(),
                        title: art.title.clone(),
                        date: art.date.clone(),
                        outlet: art.outlet.clone(),
                        shared_bytes,
                        content_bytes,
                        unique_paragraphs,
                    });
                }
                sort_by_date(
                    &mut story_articles,
                    |a| &a.date,
                    |x, y| x.article.cmp(&y.article),
                );
                let mut passages = passages_by_story.remove(root).unwrap_or_default();
                passages.sort_by(|x, y| {
                    y.articles
                        .cmp(&x.articles)
                        .then_with(|| x.occurrences.cmp(&y.occurrences))
                });
                Story {
                    articles: story_articles,
                    passages,
                    unique,
                }
            })
            .collect();
        stories.sort_by(|x, y| {
            y.articles
                .len()
                .cmp(&x.articles.len())
                .then_with(|| x.articles[0].article.cmp(&y.articles[0].article))
        });
        let unlinked = (0..n)
            .filter(|&a| !linked[a])
            .map(|a| arts[a].id.clone())
            .collect();
        StoryView { stories, unlinked }
    }
}

impl StoryBuilder {
    /// Groups articles into stories: the strongest links first, and two groups join only
    /// when enough of their article pairs share a passage (see [`StoryBuilder::density`]).
    /// Returns the sets (as disjoint sets over article indexes) and which articles are in a
    /// story of two or more.
    ///
    /// Hand-written: a greedy, density-constrained agglomeration over a sparse graph, a
    /// few dozen lines; graph crates offer components (which chain) or modularity methods
    /// (whose results depend on visiting order), not this.
    fn cluster(
        &self,
        n: usize,
        miss: &BTreeMap<(usize, usize), f64>,
        copies: &[Vec<usize>],
    ) -> (UnionFind, Vec<bool>) {
        let mut sets = UnionFind::new(n);
        let mut linked = vec![false; n];
        let mut size = vec![1usize; n];
        // Per set (by its root): neighbouring sets and how many article pairs link them.
        let mut cross: Vec<BTreeMap<usize, usize>> = vec![BTreeMap::new(); n];
        for &(a, b) in miss.keys() {
            *cross[a].entry(b).or_default() += 1;
            *cross[b].entry(a).or_default() += 1;
        }
        // Copies of one text are one story before anything else is weighed.
        for members in copies {
            for pair in members.windows(2) {
                let (ra, rb) = (sets.find(pair[0]), sets.find(pair[1]));
                if ra != rb {
                    join(&mut sets, &mut size, &mut cross, ra, rb);
                }
            }
        }
        let mut edges: Vec<(f64, usize, usize)> = miss
            .iter()
            .map(|(&(a, b), &m)| (1.0 - m, a, b))
            .filter(|e| e.0 >= self.link)
            .collect();
        edges.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        for (_, a, b) in edges {
            let (ra, rb) = (sets.find(a), sets.find(b));
            if ra == rb {
                continue;
            }
            let shared = cross[ra].get(&rb).copied().unwrap_or(0);
            if (shared as f64) < self.density * (size[ra] * size[rb]) as f64 {
                continue;
            }
            join(&mut sets, &mut size, &mut cross, ra, rb);
        }
        // Every member of a story of two or more is linked.
        for (a, l) in linked.iter_mut().enumerate() {
            *l = size[sets.find(a)] > 1;
        }
        (sets, linked)
    }
}

/// The sortable form of a date: the calendar day `YYYY-MM-DD` of an ISO 8601 date (a time
/// after `T` or a space may follow and is ignored), else `None`. Dates of mixed forms order
/// by this day alone: times come with and without time zones and at mixed precision, and
/// comparing them as text would put a later article first; such same-day articles tie.
/// (Dates all written alike in one zone order to the second, see `order_keys`.)
/// (Read by [`newsdiff_normalize::date::iso_day`].)
pub fn date_key(date: &str) -> Option<String> {
    let d = date.trim();
    newsdiff_normalize::date::iso_day(d).map(|_| d[..10].to_owned())
}

/// The order keys of a set of dates: each one's [`date_key`] (its calendar day), or, when
/// every date of the set is written the same way to the second and in one time zone (all
/// `1987-02-26T15:01:01`, all `…Z`, all `…+05:00`), the dates themselves, so that the time
/// of day orders same-day articles too. A set that mixes forms or zones is ordered by day:
/// comparing across zones needs an offset this module does not apply.
fn order_keys<'d>(dates: impl Iterator<Item = &'d Option<String>> + Clone) -> Vec<Option<String>> {
    let shape = |d: &str| -> Option<String> {
        date_key(d)?;
        let d = d.trim();
        // digits masked in the date and time, the zone kept as written
        let cut = d
            .char_indices()
            .find(|&(i, c)| {
                i >= 10 && !(c.is_ascii_digit() || matches!(c, ':' | '.' | 'T' | 't' | ' '))
            })
            .map_or(d.len(), |(i, _)| i);
        // a zone is `Z` or an offset; anything else (`PM`, a zone name) orders by day only
        let zone = &d[cut..];
        let offset = zone
            .strip_prefix(['+', '-'])
            .is_some_and(|o| !o.is_empty() && o.chars().all(|c| c.is_ascii_digit() || c == ':'));
        if !(zone.is_empty() || zone == "Z" || zone == "z" || offset) {
            return None;
        }
        let mut s: String = d[..cut]
            .chars()
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        s.push_str(zone);
        Some(s)
    };
    let mut shapes = dates.clone().map(|d| d.as_deref().and_then(shape));
    let first = shapes.next().flatten();
    let uniform = first.is_some() && shapes.all(|s| s == first);
    dates
        .map(|d| {
            let d = d.as_deref()?;
            if uniform {
                Some(d.trim().to_owned())
            } else {
                date_key(d)
            }
        })
        .collect()
}

/// Sorts `items` by their dates' [`order_keys`] (comparable dates first, earliest first),
/// then by `then`.
fn sort_by_date<T>(
    items: &mut Vec<T>,
    date: impl Fn(&T) -> &Option<String>,
    then: impl Fn(&T, &T) -> std::cmp::Ordering,
) {
    let keys = order_keys(items.iter().map(&date));
    let mut tagged: Vec<(Option<String>, T)> = keys.into_iter().zip(items.drain(..)).collect();
    tagged.sort_by(|(kx, x), (ky, y)| by_key(kx, ky).then_with(|| then(x, y)));
    items.extend(tagged.into_iter().map(|(_, t)| t));
}

/// Orders two optional order keys: comparable dates first, earliest first.
fn by_key(kx: &Option<String>, ky: &Option<String>) -> std::cmp::Ordering {
    match (kx, ky) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// `Π(1 − score)` over one pair's overlaps, each piece of evidence counted once: an overlap
/// lying within another of the pair on both sides (a sentence's own passage inside a longer
/// one around it) is not independent of it, so the two count as one, with the higher score
/// (found by a review: 359 BBC article pairs had such nested passages, each multiplied in).
/// Past [`NEST_CHECK_MAX`] overlaps in one pair, every overlap counts.
fn independent_miss(os: &[&crate::model::Overlap]) -> f64 {
    let within = |o: &crate::model::Overlap, p: &crate::model::Overlap| {
        p.a.start <= o.a.start && o.a.end <= p.a.end && p.b.start <= o.b.start && o.b.end <= p.b.end
    };
    let mut score: Vec<f64> = os.iter().map(|o| o.score.clamp(0.0, 1.0)).collect();
    let mut counted = vec![true; os.len()];
    if os.len() <= NEST_CHECK_MAX {
        for (i, o) in os.iter().enumerate() {
            // the container: the widest other overlap holding it (the earlier on a tie, so
            // that two equal spans count once)
            let container = (0..os.len())
                .filter(|&j| j != i && counted[j] && within(o, os[j]))
                .filter(|&j| !within(os[j], o) || j < i)
                .max_by_key(|&j| {
                    (
                        os[j].a.end - os[j].a.start + os[j].b.end - os[j].b.start,
                        std::cmp::Reverse(j),
                    )
                });
            if let Some(j) = container {
                score[j] = score[j].max(score[i]);
                counted[i] = false;
            }
        }
    }
    (0..os.len())
        .filter(|&i| counted[i])
        .map(|i| 1.0 - score[i])
        .product()
}

/// Most overlaps of one article pair checked for nesting in [`independent_miss`] (the check
/// is quadratic in them).
const NEST_CHECK_MAX: usize = 256;

/// What an overlap's side (`a` or else `b`) shares of `art`: the side's range, except, in a
/// copy (`verbatim` or `near`, whose word diff is in order), the paragraphs it holds no word
/// of the other side in: one version's added paragraph is its own, even inside a copied
/// passage (found by a user audit: a paragraph one outlet added was in no `unique` list).
/// A paraphrase's word diff cannot tell: its sentences may be matched in any order. Nor can
/// an in-order diff tell a moved paragraph from an added one: it deletes it in one place and
/// inserts it in another; a paragraph whose words are mostly among the other side's changed
/// words ([`MOVED_SHARE`]) is shared (found by a review: a paragraph moved from last to first
/// was listed as unique on both sides).
fn shared_parts(o: &crate::model::Overlap, a: bool, art: &Article) -> Vec<(usize, usize)> {
    let (side, other) = if a { (&o.a, &o.b) } else { (&o.b, &o.a) };
    let (start, end) = (side.start, side.end);
    if o.kind == Kind::Paraphrase || o.ops.is_empty() {
        return vec![(start, end)];
    }
    let range = |op: &crate::model::DiffOp, mine: bool| if mine == a { op.a } else { op.b };
    let equal = |(ps, pe): (usize, usize)| {
        o.ops.iter().any(|op| {
            let r = range(op, true);
            op.op == crate::model::Op::Equal && r[0] < pe && ps < r[1]
        })
    };
    // the other side's words that its diff does not pair with this side's
    // the other side's changed words: read only for a paragraph with no equal word, which a
    // copy seldom has
    let changed = std::cell::OnceCell::new();
    let changed = || {
        changed.get_or_init(|| {
            let mut words: Vec<String> = o
                .ops
                .iter()
                .filter(|op| op.op != crate::model::Op::Equal)
                .filter_map(|op| {
                    let r = range(op, false);
                    other
                        .text
                        .get(r[0].checked_sub(other.start)?..r[1].checked_sub(other.start)?)
                })
                .flat_map(words_of)
                .collect();
            words.sort_unstable();
            words
        })
    };
    let moved = |(ps, pe): (usize, usize)| {
        let Some(text) = side.text.get(ps - start..pe - start) else {
            return false;
        };
        let mut mine: Vec<String> = words_of(text).collect();
        mine.sort_unstable();
        if mine.is_empty() {
            return false;
        }
        // words found among the other side's changed words, each as often as it is there
        let found = crate::worddiff::common_count(&mine, changed());
        found as f64 >= MOVED_SHARE * mine.len() as f64
    };
    art.paragraphs
        .iter()
        .map(|p| (p.span.start.max(start), p.span.end.min(end)))
        .filter(|&(s, e)| s < e && (equal((s, e)) || moved((s, e))))
        .collect()
}

/// Share of a paragraph's words that must be among the other side's changed words for the
/// paragraph to count as moved within a copy rather than added (see [`shared_parts`]): most
/// of it, so that an added paragraph sharing a few common words with a deleted one stays
/// its own.
const MOVED_SHARE: f64 = 0.8;

/// The lowercased alphanumeric words of `text`.
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Joins the sets of roots `ra` and `rb`, with their sizes and neighbours (how many article
/// pairs link each two sets).
fn join(
    sets: &mut UnionFind,
    size: &mut [usize],
    cross: &mut [BTreeMap<usize, usize>],
    ra: usize,
    rb: usize,
) {
    sets.union(ra, rb);
    let (keep, gone) = if sets.find(ra) == ra {
        (ra, rb)
    } else {
        (rb, ra)
    };
    size[keep] += size[gone];
    let moved = std::mem::take(&mut cross[gone]);
    for (k, c) in moved {
        if k == keep {
            continue;
        }
        if let Some(x) = cross[k].remove(&gone) {
            *cross[k].entry(keep).or_default() += x;
        }
        *cross[keep].entry(k).or_default() += c;
    }
    cross[keep].remove(&gone);
}

/// Share of the longer of two ranges of one article that they must have in common to be one
/// passage's occurrence: the one text, perhaps trimmed by an outlet (two paragraphs of
/// three). Half of the shorter chained passages that overlapped only in part (a background
/// paragraph quoted with a different neighbour each time) into one: the samples' story had
/// 3 passages of unrelated sentences, now 8; BBC passages 495 → 1,170, those with several
/// ranges on one article 176 → 140 (found by a user audit; BBC's Yukos story is still one
/// 18-article chain of its recurring background paragraphs beside other passages).
const SAME_RANGE: f64 = 0.6;

/// A byte range of an article, `(start, end)`.
type Span = (usize, usize);

/// Most articles of a shared passage whose pairs are checked for a direct link (see
/// [`SharedPassage::chained`]): the check is quadratic in them.
const MAX_CHECKED_ARTICLES: usize = 300;

/// Share of a member's body text from which a group makes its members one story (see
/// `StoryBuilder::build`): most of each article is the one text.
const GROUP_STORY_SHARE: f64 = 0.5;

/// An article's body bytes, and how many of them lie in `start..end`.
fn body_bytes(art: &Article, start: usize, end: usize) -> (usize, usize) {
    art.paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Body)
        .fold((0, 0), |(body, inside), p| {
            let (ps, pe) = (p.span.start, p.span.end);
            (
                body + pe.saturating_sub(ps),
                inside + pe.min(end).saturating_sub(ps.max(start)),
            )
        })
}

/// The ranges sorted, with intersecting ones merged.
fn merge(mut rs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    rs.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(rs.len());
    for (s, e) in rs {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// Articles with the earliest date, when every occurrence has a comparable date.
fn earliest(occurrences: &[Occurrence]) -> Vec<String> {
    let keys: Option<Vec<String>> = order_keys(occurrences.iter().map(|o| &o.date))
        .into_iter()
        .collect();
    let Some(keys) = keys else {
        return Vec::new();
    };
    let Some(min) = keys.iter().min() else {
        return Vec::new();
    };
    let mut first: Vec<String> = occurrences
        .iter()
        .zip(&keys)
        .filter(|(_, k)| *k == min)
        .map(|(o, _)| o.article.clone())
        .collect();
    first.sort_unstable();
    first.dedup();
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same-day articles are ordered by the time of day when every date is written alike in
    /// one zone, by the day alone when the zones differ.
    #[test]
    fn times_order_only_dates_written_alike() {
        let keys = |ds: &[&str]| -> Vec<Option<String>> {
            let v: Vec<Option<String>> = ds.iter().map(|d| Some((*d).to_owned())).collect();
            order_keys(v.iter())
        };
        let k = keys(&["1987-02-26T16:40:34", "1987-02-26T15:45:35"]);
        assert!(k[1] < k[0], "{k:?}");
        let k = keys(&["2025-06-10T09:00:00+05:00", "2025-06-10T05:00:00Z"]);
        assert_eq!(k[0], k[1]);
        let k = keys(&["2025-06-10 12:30 PM", "2025-06-10 01:00 PM"]);
        assert_eq!(k[0], k[1]);
        let k = keys(&["2025-06-10T09:00:00Z", "2025-06-10", "2025-06-09T23:00:00Z"]);
        assert_eq!(k[0], k[1]);
        assert!(k[2] < k[0]);
    }

    #[test]
    fn iso_dates_compare_others_do_not() {
        assert_eq!(date_key("2025-06-10").as_deref(), Some("2025-06-10"));
        assert_eq!(date_key("2025-06-10 09:30").as_deref(), Some("2025-06-10"));
        // A zone offset would order wrongly as text: days only.
        assert_eq!(
            date_key("2025-06-10T09:00:00+05:00"),
            date_key("2025-06-10T05:00:00Z")
        );
        assert_eq!(date_key("June 10, 2025"), None);
        assert_eq!(date_key("2025-6-10"), None);
        assert_eq!(date_key("2025-13-45"), None);
        assert_eq!(date_key("2025-06-10é"), None);
        let occ = |a: &str, d: Option<&str>| Occurrence {
            article: a.into(),
            start: 0,
            end: 1,
            date: d.map(str::to_owned),
            text: String::new(),
        };
        assert_eq!(
            earliest(&[
                occ("b", Some("2025-06-09")),
                occ("a", Some("2025-06-10")),
                occ("c", Some("2025-06-09"))
            ]),
            vec!["b", "c"]
        );
        assert!(earliest(&[occ("a", Some("2025-06-10")), occ("b", None)]).is_empty());
    }

    use crate::Finder;
    use newsdiff_ingest::parse_text;
    use proptest::prelude::*;

    /// Articles drawn from a small pool of sentences, so that they share some; dated.
    fn corpus() -> impl Strategy<Value = Vec<Article>> {
        let sentences = [
            "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in London on Monday.",
            "The two sides agreed a framework to ease export controls on rare earth magnets.",
            "Markets in Asia rose after the announcement of the trade truce.",
            "Commerce Secretary Howard Lutnick said chip software curbs would be lifted.",
            "A separate dispute over student visas remained unresolved, officials said.",
            "The weather in Geneva was unusually warm for the season.",
            "Analysts expect tariffs of 55 percent to stay in place until August.",
        ];
        prop::collection::vec(
            (
                prop::collection::vec(prop::collection::vec(0..sentences.len(), 1..3), 1..5),
                prop::option::of(1u8..28),
            ),
            2..7,
        )
        .prop_map(move |arts| {
            arts.iter()
                .enumerate()
                .map(|(i, (paras, day))| {
                    let text: String = paras
                        .iter()
                        .map(|p| {
                            p.iter()
                                .map(|&k| sentences[k])
                                .collect::<Vec<_>>()
                                .join(" ")
                                + "\n"
                        })
                        .collect();
                    let mut a = parse_text(&format!("a{i}"), &text);
                    a.date = day.map(|d| format!("2025-06-{d:02}"));
                    a
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        #[test]
        fn stories_do_not_depend_on_input_order(articles in corpus(), k in 0usize..7) {
            let found = Finder::new().find(&articles);
            let view = StoryBuilder::new().build(&articles, &found);
            let mut shuffled = articles.clone();
            let len = shuffled.len();
            shuffled.rotate_left(k % len);
            shuffled.reverse();
            let again = Finder::new().find(&shuffled);
            prop_assert_eq!(&view, &StoryBuilder::new().build(&shuffled, &again));
            // Every article is in exactly one story or unlinked; spans slice their texts.
            let mut seen: Vec<&str> = view.unlinked.iter().map(String::as_str).collect();
            for s in &view.stories {
                seen.extend(s.articles.iter().map(|a| a.article.as_str()));
                for p in &s.passages {
                    prop_assert!(p.articles >= 2);
                    for o in &p.occurrences {
                        let t = &articles.iter().find(|a| a.id == o.article).expect("id").text;
                        prop_assert_eq!(t.get(o.start..o.end), Some(o.text.as_str()));
                    }
                }
            }
            seen.sort_unstable();
            let mut ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
            ids.sort_unstable();
            prop_assert_eq!(seen, ids);
        }
    }

    /// Two passages that only touch on a third article stay two passages: `c`'s side shared
    /// with `a` and its side shared with `b` have ten bytes in common.
    #[test]
    fn sides_that_only_touch_do_not_chain() {
        let filler = "x".repeat(300);
        let (a, b, c) = (
            parse_text("a", &filler[..200]),
            parse_text("b", &filler[..110]),
            parse_text("c", &filler),
        );
        let side = |art: &Article, start: usize, end: usize| {
            crate::model::Side::new(art.id.clone(), &art.text, start, end)
        };
        let overlap = |x: crate::model::Side, y: crate::model::Side| crate::model::Overlap {
            a: x,
            b: y,
            score: 0.9,
            kind: Kind::Near,
            similarity: 0.9,
            shared_words: 20,
            divergences: Vec::new(),
            ops: Vec::new(),
        };
        let found = Overlaps {
            overlaps: vec![
                overlap(side(&a, 0, 200), side(&c, 0, 200)),
                overlap(side(&b, 0, 110), side(&c, 190, 300)),
            ],
            groups: Vec::new(),
        };
        let articles = [a, b, c];
        let view = StoryBuilder::new().build(&articles, &found);
        assert_eq!(view.stories.len(), 1, "{view:?}");
        let passages = &view.stories[0].passages;
        assert_eq!(passages.len(), 2, "{passages:?}");
        assert!(passages.iter().all(|p| p.articles == 2));
    }

    /// Found by a user audit: a paragraph one version of a copy adds is its own, although
    /// the copied passage around it spans it.
    #[test]
    fn a_paragraph_added_inside_a_copy_is_unique() {
        let paras = [
            "Quarterly profits at the media group jumped 76% to $1.13bn for the three months \
             to December, from $639m a year earlier, the company said on Wednesday.",
            "The firm benefited from sales of high-speed internet connections and higher \
             advert sales, while its film division saw profits slump after two flops.",
            "It hopes to increase subscribers by offering the online service free to its \
             cable customers and will try to sign them up for broadband.",
        ];
        let added = "Sources close to the board said the chief executive will resign next \
                     month amid a federal fraud investigation.";
        let a = parse_text("a", &format!("{}\n{}\n{}\n", paras[0], paras[1], paras[2]));
        let b = parse_text(
            "b",
            &format!("{}\n{}\n{added}\n{}\n", paras[0], paras[1], paras[2]),
        );
        let arts = [a, b];
        let found = Finder::new().find(&arts);
        assert_eq!(found.overlaps.len(), 1, "{found:?}");
        assert!(
            found.overlaps[0].b.text.contains(added),
            "one passage spans it"
        );
        let view = StoryBuilder::new().build(&arts, &found);
        let unique = &view.stories[0].unique;
        assert_eq!(unique.len(), 1, "{unique:?}");
        assert_eq!(
            (unique[0].article.as_str(), unique[0].text.as_str()),
            ("b", added)
        );
    }

    /// Found by a review: a passage inside another of its pair on both sides is the same
    /// evidence, counted once (with the higher score); passages side by side both count.
    #[test]
    fn nested_passages_count_once_in_a_link() {
        let text = "x".repeat(400);
        let o = |a: (usize, usize), b: (usize, usize), score: f64| crate::model::Overlap {
            a: crate::model::Side::new("a", &text, a.0, a.1),
            b: crate::model::Side::new("b", &text, b.0, b.1),
            score,
            kind: Kind::Paraphrase,
            similarity: score,
            shared_words: 5,
            divergences: Vec::new(),
            ops: Vec::new(),
        };
        let outer = o((100, 300), (0, 250), 0.28);
        let inner = o((180, 300), (150, 250), 0.24);
        let beside = o((0, 90), (300, 390), 0.3);
        let miss = independent_miss(&[&outer, &inner]);
        assert!((miss - 0.72).abs() < 1e-12, "{miss}");
        // the inner one's higher score stands for both
        let inner_better = o((180, 300), (150, 250), 0.35);
        let miss = independent_miss(&[&outer, &inner_better]);
        assert!((miss - 0.65).abs() < 1e-12, "{miss}");
        // two equal spans count once; a passage elsewhere counts
        let miss = independent_miss(&[&outer, &outer.clone(), &beside]);
        assert!((miss - 0.72 * 0.7).abs() < 1e-12, "{miss}");
        // inside on one side only: both count
        let half = o((180, 300), (260, 390), 0.24);
        let miss = independent_miss(&[&outer, &half]);
        assert!((miss - 0.72 * 0.76).abs() < 1e-12, "{miss}");
    }

    /// Found by a review: a paragraph moved within a copy (deleted in one place, inserted
    /// in another by the in-order word diff) is shared, not unique to either version.
    #[test]
    fn a_paragraph_moved_inside_a_copy_is_shared() {
        let paras = [
            "Quarterly profits at the media group jumped 76% to $1.13bn for the three months \
             to December, from $639m a year earlier, the company said on Wednesday.",
            "The firm benefited from sales of high-speed internet connections and higher \
             advert sales, while its film division saw profits slump after two flops.",
            "It hopes to increase subscribers by offering the online service free to its \
             cable customers and will try to sign them up for broadband.",
        ];
        let a = parse_text("a", &format!("{}\n{}\n{}\n", paras[2], paras[0], paras[1]));
        let b = parse_text("b", &format!("{}\n{}\n{}\n", paras[0], paras[1], paras[2]));
        let arts = [a, b];
        let found = Finder::new().find(&arts);
        assert!(!found.overlaps.is_empty(), "{found:?}");
        let view = StoryBuilder::new().build(&arts, &found);
        assert_eq!(view.stories.len(), 1);
        let unique = &view.stories[0].unique;
        assert!(unique.is_empty(), "{unique:?}");
    }

    /// Found by a user audit: one text run by many outlets (reported once, as a group) is
    /// one story; a signature line that many articles end with links none of them.
    #[test]
    fn copies_reported_as_a_group_are_one_story() {
        let text = "The dollar has hit its highest level against the euro in almost three \
                    months after the Federal Reserve head said the US trade deficit is set \
                    to stabilise.\nAnd Alan Greenspan highlighted the US government's \
                    willingness to curb spending and rising household savings as factors \
                    which may help to reduce it.\n";
        let copies: Vec<Article> = (0..20)
            .map(|i| parse_text(&format!("copy{i:02}"), text))
            .collect();
        let found = Finder::new().find(&copies);
        assert!(
            found.overlaps.is_empty() && found.groups.len() == 1,
            "{found:?}"
        );
        let view = StoryBuilder::new().build(&copies, &found);
        assert_eq!(view.stories.len(), 1);
        assert_eq!(view.stories[0].articles.len(), 20);

        // Articles with nothing else in common (words of their own), each signed off alike.
        let signed: Vec<Article> = (0..20)
            .map(|i| {
                let own = |k: usize| {
                    let words: Vec<String> = (0..25).map(|w| format!("w{i}s{k}x{w}")).collect();
                    format!("{}.", words.join(" "))
                };
                let body = format!(
                    "{} {}\nJane Doe is technology correspondent for The World, a \
                     co-production of two broadcasters.\n",
                    own(0),
                    own(1)
                );
                parse_text(&format!("signed{i:02}"), &body)
            })
            .collect();
        let found = Finder::new().find(&signed);
        assert!(!found.groups.is_empty(), "{found:?}");
        let view = StoryBuilder::new().build(&signed, &found);
        assert!(
            view.stories.iter().all(|s| s.articles.len() < 20),
            "{:?}",
            view.stories
        );
    }

    #[test]
    fn copies_form_one_story_and_the_earliest_is_first() {
        let text = "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in London on \
                    Monday to discuss export controls on rare earth magnets and chip software.\n";
        let mut a = parse_text("a", text);
        let mut b = parse_text("b", &format!("Other news first.\n{text}"));
        let c = parse_text(
            "c",
            "The weather in Geneva was unusually warm for the season.\n",
        );
        a.date = Some("2025-06-11".into());
        b.date = Some("2025-06-10T08:00:00Z".into());
        let arts = [a, b, c];
        let view = StoryBuilder::new().build(&arts, &Finder::new().find(&arts));
        assert_eq!(view.stories.len(), 1);
        assert_eq!(view.unlinked, vec!["c"]);
        let story = &view.stories[0];
        assert_eq!(story.articles[0].article, "b", "earliest first");
        assert_eq!(story.passages.len(), 1);
        assert_eq!(story.passages[0].first, vec!["b"]);
        assert_eq!(story.passages[0].kind, Kind::Verbatim);
        assert_eq!(story.unique.len(), 1);
        assert_eq!(story.unique[0].text, "Other news first.");
    }

    /// Found by a review: a long overlap (`a` and `c` share five paragraphs) belongs to
    /// another passage than the one sentence `b` quotes, yet it links `a` and `c` on that
    /// sentence too: the sentence's passage is not chained, and `a` has it first.
    #[test]
    fn a_longer_overlap_links_its_articles_on_a_shorter_passage() {
        let paras = [
            "The central bank raised its benchmark interest rate by half a percentage point on Tuesday to curb stubborn inflation.",
            "Governor Maria Lindqvist told reporters the board had weighed a larger increase but chose caution given weak export demand.",
            "Analysts at several Nordic lenders had expected the move, though some predicted a pause until the autumn budget was published.",
            "The krona rose sharply against the euro after the announcement, reaching its strongest level in nearly eight months of trading.",
            "Mortgage holders face higher monthly payments, and property agents warned that house sales could slow further this winter.",
        ];
        let mut a = parse_text(
            "a",
            &format!(
                "{}\nSeparately retail sales rose a little in May.\n",
                paras.join("\n")
            ),
        );
        let mut b = parse_text(
            "b",
            &format!(
                "Football fans gathered in the capital to celebrate the league title.\n{}\nThe stadium will host a parade next weekend.\n",
                paras[0]
            ),
        );
        let mut c = parse_text("c", &format!("{}\n", paras.join("\n")));
        a.date = Some("2025-06-01".into());
        b.date = Some("2025-06-02".into());
        c.date = Some("2025-06-03".into());
        let arts = [a, b, c];
        let view = StoryBuilder::new().build(&arts, &Finder::new().find(&arts));
        let passages: Vec<&SharedPassage> = view.stories.iter().flat_map(|s| &s.passages).collect();
        assert!(!passages.is_empty());
        for p in passages {
            assert!(!p.chained, "{p:?}");
            assert_eq!(p.first, vec!["a"]);
        }
    }

    #[test]
    fn a_bridge_between_two_stories_does_not_join_them() {
        let one = "Treasury Secretary Scott Bessent met Vice Premier He Lifeng in London on \
                   Monday to discuss export controls on rare earth magnets and chip software.";
        let two = "Heavy rain flooded the old harbour district of Porto overnight, and the mayor \
                   ordered the evacuation of three hundred families from riverside homes.";
        let bridge = "The chip software curbs and the rare earth magnets were discussed at \
                      length by Bessent and He Lifeng in London.";
        let mut arts: Vec<Article> = (0..3)
            .map(|i| parse_text(&format!("a{i}"), &format!("{one}\n")))
            .collect();
        arts.extend((0..3).map(|i| parse_text(&format!("b{i}"), &format!("{two}\n"))));
        // b0 also carries a sentence close to story a: one link across, no more.
        arts[3] = parse_text("b0", &format!("{two}\n{bridge}\n"));
        let found = Finder::new().find(&arts);
        assert!(
            found
                .overlaps
                .iter()
                .any(|o| o.a.article.starts_with('a') && o.b.article == "b0"),
            "the bridge is an overlap"
        );
        let view = StoryBuilder::new().build(&arts, &found);
        assert_eq!(view.stories.len(), 2, "{view:#?}");
        // Plain components (density 0) would chain them.
        let chained = StoryBuilder::new().density(0.0).build(&arts, &found);
        assert_eq!(chained.stories.len(), 1);
    }
}
