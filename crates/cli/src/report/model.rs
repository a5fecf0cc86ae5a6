//! The report's data model: plain data built from one run (articles, overlaps, names,
//! stories), serialized into the page for its scripts and snapshot-tested as JSON.
//!
//! Size is bounded on purpose: article texts are included once (every article must be
//! readable in full); overlaps are capped at `max_overlaps` (the strongest kept) and carry
//! only their changed ranges (equal runs are implied); the server-rendered lists (classified
//! paragraphs, people, story passages) are capped, with the number left out shown.

use std::collections::BTreeMap;

use newsdiff_diff::{Kind, Op, Overlaps, StoryView};
use newsdiff_ingest::{Article, ParagraphKind};
use newsdiff_normalize::names::{ConflictKind, NameReport};
use serde::Serialize;

use crate::stories::snippet;

/// `s` with control, bidi and zero-width characters written as visible escapes.
fn clean(s: &str) -> String {
    crate::sanitize::for_terminal(s).into_owned()
}

/// Most classified (caption/boilerplate/title) paragraphs listed.
const MAX_CLASSIFIED: usize = 500;
/// Most people listed.
const MAX_PEOPLE: usize = 1_000;
/// Most shared passages listed per story.
const MAX_PASSAGES: usize = 40;
/// Most unique paragraphs listed per story.
const MAX_UNIQUE: usize = 40;
/// Most stories listed.
const MAX_STORIES: usize = 200;
/// Most passages shared by many articles listed (the most widely shared first).
const MAX_GROUPS: usize = 500;

/// Everything the report shows.
#[derive(Debug, Serialize)]
pub struct ReportData {
    /// newsdiff's version.
    pub version: &'static str,
    /// Corpus summary.
    pub summary: Summary,
    /// Every article, in id order; other records point into this list by index.
    pub articles: Vec<ArticleEntry>,
    /// Article pairs with overlaps, strongest first.
    pub pairs: Vec<PairEntry>,
    /// Overlaps (capped), grouped by pair in `pairs` order.
    pub overlaps: Vec<OverlapEntry>,
    /// Overlaps found before the cap.
    pub overlaps_found: usize,
    /// Article pairs with an overlap, before the cap.
    pub pairs_found: usize,
    /// Passages shared by many articles, most members first (capped).
    pub groups: Vec<GroupEntry>,
    /// Groups found before the cap.
    pub groups_found: usize,
    /// People, most mentioned first (capped).
    pub people: Vec<PersonEntry>,
    /// People found before the cap.
    pub people_found: usize,
    /// Roles given to different people.
    pub conflicts: Vec<ConflictEntry>,
    /// Whether names were searched (off for very large inputs unless asked).
    pub names_searched: bool,
    /// Stories, largest first (capped).
    pub stories: Vec<StoryEntry>,
    /// Stories found before the cap.
    pub stories_found: usize,
    /// Articles in no story.
    pub unlinked: usize,
}

/// Counts of what was read, and the paragraphs not classed as body text.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Articles read.
    pub articles: usize,
    /// Paragraphs read.
    pub paragraphs: usize,
    /// Paragraphs by kind: title, body, caption, boilerplate.
    pub kinds: [usize; 4],
    /// Title, caption and boilerplate paragraphs with the reason (capped).
    pub classified: Vec<Classified>,
    /// How many there were before the cap.
    pub classified_found: usize,
}

/// A paragraph classed as title, caption or boilerplate.
#[derive(Debug, Serialize)]
pub struct Classified {
    /// Article id.
    pub article: String,
    /// 0-based line.
    pub line: usize,
    /// `title`, `caption` or `boilerplate`.
    pub kind: &'static str,
    /// Why (`ad-marker`, `bracketed`, …).
    pub reason: &'static str,
    /// The paragraph, shortened.
    pub text: String,
}

/// One article.
#[derive(Debug, Serialize)]
pub struct ArticleEntry {
    /// Id.
    pub id: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Date, if any.
    pub date: Option<String>,
    /// Outlet, if any.
    pub outlet: Option<String>,
    /// Source address, if any (shown as text, never as a link).
    pub url: Option<String>,
    /// The full original text.
    pub text: String,
    /// Paragraphs: `[start, end, kind]` with kind 0 title, 1 body, 2 caption, 3 boilerplate.
    pub paragraphs: Vec<[usize; 3]>,
    /// Lines of its file before its text (an article cut from a file by a delimiter line;
    /// else 0): lines shown count from the file's first.
    pub first_line: usize,
    /// Index of its story in `stories`, if it is in a listed one.
    pub story: Option<usize>,
}

/// An article pair with overlaps.
#[derive(Debug, Serialize)]
pub struct PairEntry {
    /// Index of the first article (its id sorts first).
    pub a: usize,
    /// Index of the second.
    pub b: usize,
    /// Highest overlap score.
    pub score: f64,
    /// Overlaps of the pair in the report: `overlaps[first..first + count]`.
    pub first: usize,
    /// How many.
    pub count: usize,
}

/// One overlap, compact: article indexes, byte ranges, changed ranges only.
#[derive(Debug, Serialize)]
pub struct OverlapEntry {
    /// Index of article `a`.
    pub a: usize,
    /// `[start, end)` on `a`.
    pub ar: [usize; 2],
    /// Index of article `b`.
    pub b: usize,
    /// `[start, end)` on `b`.
    pub br: [usize; 2],
    /// Score, 0 to 1.
    pub score: f64,
    /// Verbatim, near or paraphrase.
    pub kind: Kind,
    /// Divergences: `[kind, a_start, a_end, b_start, b_end]`.
    pub divergences: Vec<(&'static str, usize, usize, usize, usize)>,
    /// Deleted ranges on `a`.
    pub del: Vec<[usize; 2]>,
    /// Inserted ranges on `b`.
    pub ins: Vec<[usize; 2]>,
    /// The same words written differently (`equal` operations that are not
    /// [`exact`](newsdiff_diff::DiffOp::exact)): ranges on `a`, then on `b`.
    pub restyled: [Vec<[usize; 2]>; 2],
    /// A loose paraphrase (see the text view) is shown by what its sides share instead of
    /// what they change (`del` and `ins` then empty): shared content terms on `a`, then on `b`.
    pub shared: [Vec<[usize; 2]>; 2],
}

/// A passage shared by many articles.
#[derive(Debug, Serialize)]
pub struct GroupEntry {
    /// Members: `[article index, start, end]`.
    pub members: Vec<[usize; 3]>,
    /// Score.
    pub score: f64,
    /// Kind.
    pub kind: Kind,
    /// The first member's text, shortened.
    pub text: String,
}

/// One person.
#[derive(Debug, Serialize)]
pub struct PersonEntry {
    /// Canonical name.
    pub canonical: String,
    /// Forms with how often each is written.
    pub forms: Vec<(String, usize)>,
    /// Articles mentioning the person.
    pub articles: Vec<String>,
    /// Roles given (office names).
    pub roles: Vec<String>,
    /// Why forms were merged, one line per merge.
    pub evidence: Vec<String>,
    /// One word with nothing saying it is a person
    /// ([`NameCluster::uncertain`](newsdiff_normalize::names::NameCluster::uncertain)).
    pub uncertain: bool,
}

/// A role given to different people.
#[derive(Debug, Serialize)]
pub struct ConflictEntry {
    /// The office.
    pub role: String,
    /// Contradiction, succession or undated.
    pub kind: &'static str,
    /// The holders.
    pub holders: Vec<HolderEntry>,
}

/// A holder of a conflicting role.
#[derive(Debug, Serialize)]
pub struct HolderEntry {
    /// Canonical name.
    pub canonical: String,
    /// Articles giving the role.
    pub articles: Vec<String>,
    /// The sentences giving it: `(article, text)`.
    pub sentences: Vec<(String, String)>,
}

/// A story, for the page.
#[derive(Debug, Serialize)]
pub struct StoryEntry {
    /// Articles: indexes, by date then id.
    pub articles: Vec<usize>,
    /// Article ids with date and outlet, for the list.
    pub members: Vec<(String, String, String)>,
    /// Shared passages (capped).
    pub passages: Vec<PassageEntry>,
    /// Shared passages before the cap.
    pub passages_found: usize,
    /// Paragraphs only one article has: `(article, line, text)` (capped).
    pub unique: Vec<(String, usize, String)>,
    /// Unique paragraphs before the cap.
    pub unique_found: usize,
}

/// A shared passage of a story.
#[derive(Debug, Serialize)]
pub struct PassageEntry {
    /// Distinct articles holding it.
    pub articles: usize,
    /// Best score.
    pub score: f64,
    /// Closest kind.
    pub kind: Kind,
    /// Articles that have it first by date (empty: unknown).
    pub first: Vec<String>,
    /// Some two of its articles share it only through a third.
    pub chained: bool,
    /// Occurrences: `(article, text)` with the text shortened.
    pub occurrences: Vec<(String, String)>,
}

fn kind_code(k: ParagraphKind) -> usize {
    match k {
        ParagraphKind::Title => 0,
        ParagraphKind::Body => 1,
        ParagraphKind::Caption => 2,
        ParagraphKind::Boilerplate => 3,
    }
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl ReportData {
    /// Builds the model of one run.
    pub fn build(
        articles: &[Article],
        found: &Overlaps,
        names: Option<&NameReport>,
        stories: &StoryView,
        max_overlaps: usize,
    ) -> Self {
        let mut order: Vec<&Article> = articles.iter().collect();
        order.sort_by(|x, y| x.id.cmp(&y.id));
        let index: BTreeMap<&str, usize> = order
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let at = |id: &str| index.get(id).copied().unwrap_or(0);

        // Summary.
        let mut kinds = [0usize; 4];
        let mut classified = Vec::new();
        let mut classified_found = 0;
        for a in &order {
            for p in &a.paragraphs {
                kinds[kind_code(p.kind)] += 1;
                if p.kind != ParagraphKind::Body {
                    classified_found += 1;
                    if classified.len() < MAX_CLASSIFIED {
                        classified.push(Classified {
                            article: clean(&a.id),
                            line: p.line,
                            kind: p.kind.as_str(),
                            reason: p.reason.as_str(),
                            text: snippet(a.paragraph_text(p), 120),
                        });
                    }
                }
            }
        }
        let summary = Summary {
            articles: order.len(),
            paragraphs: kinds.iter().sum(),
            kinds,
            classified,
            classified_found,
        };

        // Overlaps: the strongest `max_overlaps`, then by pair (strongest pair first).
        let mut kept: Vec<&newsdiff_diff::Overlap> = found.overlaps.iter().collect();
        kept.sort_by(|x, y| {
            y.score.total_cmp(&x.score).then_with(|| {
                (&x.a.article, &x.b.article, x.a.start, x.b.start).cmp(&(
                    &y.a.article,
                    &y.b.article,
                    y.a.start,
                    y.b.start,
                ))
            })
        });
        kept.truncate(max_overlaps);
        let mut by_pair: BTreeMap<(usize, usize), Vec<&newsdiff_diff::Overlap>> = BTreeMap::new();
        for o in kept {
            by_pair
                .entry((at(&o.a.article), at(&o.b.article)))
                .or_default()
                .push(o);
        }
        let mut pair_list: Vec<((usize, usize), Vec<&newsdiff_diff::Overlap>)> =
            by_pair.into_iter().collect();
        let best = |v: &[&newsdiff_diff::Overlap]| v.iter().map(|o| o.score).fold(0.0, f64::max);
        pair_list.sort_by(|x, y| best(&y.1).total_cmp(&best(&x.1)).then(x.0.cmp(&y.0)));
        let mut pairs = Vec::new();
        let mut overlaps = Vec::new();
        let analyzer = newsdiff_normalize::Analyzer::new();
        for ((a, b), mut list) in pair_list {
            list.sort_by_key(|o| (o.a.start, o.b.start));
            pairs.push(PairEntry {
                a,
                b,
                score: round(best(&list)),
                first: overlaps.len(),
                count: list.len(),
            });
            for o in list {
                let sides = crate::overlaps::shown_as_sides(o);
                let shared = if sides {
                    let text = |i: usize| order.get(i).map_or("", |x| x.text.as_str());
                    crate::overlaps::shared_terms(o, (text(a), text(b)), &analyzer)
                } else {
                    [Vec::new(), Vec::new()]
                };
                overlaps.push(OverlapEntry {
                    a,
                    ar: [o.a.start, o.a.end],
                    b,
                    br: [o.b.start, o.b.end],
                    score: round(o.score),
                    kind: o.kind,
                    divergences: o
                        .divergences
                        .iter()
                        .map(|d| {
                            (
                                crate::overlaps::kind_name(d),
                                d.a.start,
                                d.a.end,
                                d.b.start,
                                d.b.end,
                            )
                        })
                        .collect(),
                    del: o
                        .ops
                        .iter()
                        .filter(|op| !sides && op.op == Op::Delete)
                        .map(|op| op.a)
                        .collect(),
                    ins: o
                        .ops
                        .iter()
                        .filter(|op| !sides && op.op == Op::Insert)
                        .map(|op| op.b)
                        .collect(),
                    restyled: [0, 1].map(|side| {
                        o.ops
                            .iter()
                            .filter(|op| !sides && op.op == Op::Equal && !op.exact)
                            .map(|op| if side == 0 { op.a } else { op.b })
                            .collect()
                    }),
                    shared,
                });
            }
        }

        let mut by_size: Vec<&newsdiff_diff::Group> = found.groups.iter().collect();
        // Stable: groups come sorted by first member; the widest shared are kept.
        by_size.sort_by_key(|g| std::cmp::Reverse(g.members.len()));
        let groups = by_size
            .into_iter()
            .take(MAX_GROUPS)
            .map(|g| GroupEntry {
                members: g
                    .members
                    .iter()
                    .map(|m| [at(&m.article), m.start, m.end])
                    .collect(),
                score: round(g.score),
                kind: g.kind,
                text: g
                    .members
                    .first()
                    .map(|m| snippet(&m.text, 200))
                    .unwrap_or_default(),
            })
            .collect();

        // People.
        let (people, people_found, conflicts) = match names {
            None => (Vec::new(), 0, Vec::new()),
            Some(r) => {
                // the uncertain (one word, nothing saying a person) after the others
                let people = r
                    .clusters
                    .iter()
                    .filter(|c| !c.uncertain)
                    .chain(r.clusters.iter().filter(|c| c.uncertain))
                    .take(MAX_PEOPLE)
                    .map(|c| {
                        let mut forms: BTreeMap<String, usize> = BTreeMap::new();
                        for m in &c.mentions {
                            *forms
                                .entry(newsdiff_normalize::names::one_line(&m.form))
                                .or_default() += 1;
                        }
                        let mut arts: Vec<String> =
                            c.mentions.iter().map(|m| m.article.clone()).collect();
                        arts.sort();
                        arts.dedup();
                        PersonEntry {
                            canonical: clean(&c.canonical),
                            forms: forms.into_iter().map(|(f, n)| (clean(&f), n)).collect(),
                            articles: arts.iter().map(|a| clean(a)).collect(),
                            roles: {
                                // `US president` beside `president`, each once
                                let mut r: Vec<String> = c
                                    .roles
                                    .iter()
                                    .map(|r| clean(&crate::names::role_label(&r.key)))
                                    .collect();
                                r.dedup();
                                r
                            },
                            evidence: crate::names::merge_lines(c)
                                .iter()
                                .map(|l| clean(l))
                                .collect(),
                            uncertain: c.uncertain,
                        }
                    })
                    .collect();
                let conflicts = r
                    .role_conflicts
                    .iter()
                    .map(|rc| ConflictEntry {
                        role: clean(&rc.role),
                        kind: match rc.kind {
                            ConflictKind::Contradiction => "contradiction",
                            ConflictKind::Succession => "succession",
                            ConflictKind::Undated => "undated",
                        },
                        holders: rc
                            .holders
                            .iter()
                            .map(|h| HolderEntry {
                                canonical: clean(&h.canonical),
                                articles: h.articles.iter().map(|a| clean(a)).collect(),
                                sentences: h
                                    .sentences
                                    .iter()
                                    .map(|s| (clean(&s.article), snippet(&s.text, 300)))
                                    .collect(),
                            })
                            .collect(),
                    })
                    .collect();
                (people, r.clusters.len(), conflicts)
            }
        };

        // Stories.
        let mut story_of: Vec<Option<usize>> = vec![None; order.len()];
        let stories_list: Vec<StoryEntry> = stories
            .stories
            .iter()
            .take(MAX_STORIES)
            .enumerate()
            .map(|(si, s)| {
                let idx: Vec<usize> = s.articles.iter().map(|a| at(&a.article)).collect();
                for &i in &idx {
                    story_of[i] = Some(si);
                }
                StoryEntry {
                    articles: idx,
                    members: s
                        .articles
                        .iter()
                        .map(|a| {
                            (
                                clean(&a.article),
                                clean(a.date.as_deref().unwrap_or_default()),
                                clean(a.outlet.as_deref().unwrap_or_default()),
                            )
                        })
                        .collect(),
                    passages: s
                        .passages
                        .iter()
                        .take(MAX_PASSAGES)
                        .map(|p| PassageEntry {
                            articles: p.articles,
                            score: round(p.score),
                            kind: p.kind,
                            first: p.first.iter().map(|a| clean(a)).collect(),
                            chained: p.chained,
                            occurrences: p
                                .occurrences
                                .iter()
                                .map(|o| (clean(&o.article), snippet(&o.text, 160)))
                                .collect(),
                        })
                        .collect(),
                    passages_found: s.passages.len(),
                    unique: s
                        .unique
                        .iter()
                        .take(MAX_UNIQUE)
                        .map(|u| (clean(&u.article), u.line, snippet(&u.text, 160)))
                        .collect(),
                    unique_found: s.unique.len(),
                }
            })
            .collect();

        let articles = order
            .iter()
            .zip(story_of)
            .map(|(a, story)| ArticleEntry {
                id: a.id.clone(),
                title: a.title.clone(),
                date: a.date.clone(),
                outlet: a.outlet.clone(),
                url: a.url.clone(),
                text: a.text.clone(),
                paragraphs: a
                    .paragraphs
                    .iter()
                    .map(|p| [p.span.start, p.span.end, kind_code(p.kind)])
                    .collect(),
                first_line: a.first_line(),
                story,
            })
            .collect();

        Self {
            version: env!("CARGO_PKG_VERSION"),
            summary,
            articles,
            pairs,
            overlaps,
            overlaps_found: found.overlaps.len(),
            pairs_found: {
                let mut p: Vec<(&str, &str)> = found
                    .overlaps
                    .iter()
                    .map(|o| (o.a.article.as_str(), o.b.article.as_str()))
                    .collect();
                p.sort_unstable();
                p.dedup();
                p.len()
            },
            groups,
            groups_found: found.groups.len(),
            people,
            people_found,
            conflicts,
            names_searched: names.is_some(),
            stories: stories_list,
            stories_found: stories.stories.len(),
            unlinked: stories.unlinked.len(),
        }
    }
}
