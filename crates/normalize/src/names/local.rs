//! Within-article aliasing: one local entity per person per article (`Bessant` later in an
//! article that names `Scott Bessent` is that person).

use super::extract::Candidate;
use rustc_hash::{FxHashMap, FxHashSet};

use super::fold::{budget, distance, opposite_gender, skeleton};
use super::lexicon::same_given;

/// Folded family form → folded given names it is written with anywhere in the corpus.
pub(crate) type GivenMap = FxHashMap<String, FxHashSet<String>>;

/// (folded family form, office) → folded given names written with that family name and that
/// office's title on one mention anywhere in the corpus (`President Ronald Reagan`).
pub(crate) type HolderMap = FxHashMap<(String, String), FxHashSet<String>>;

/// What the whole corpus says about full names, for reading one article's bare mentions.
#[derive(Debug, Default)]
pub(crate) struct Known {
    /// Given names per family form.
    pub givens: GivenMap,
    /// Given names per family form and office.
    pub holders: HolderMap,
}

impl Known {
    /// Learns from one accepted candidate of two tokens or more.
    pub fn learn(&mut self, c: &Candidate) {
        if let (Some((g, _)), f) = split(c) {
            if let Some(r) = &c.role {
                self.holders
                    .entry((f.clone(), r.key.office.clone()))
                    .or_default()
                    .insert(g.clone());
            }
            self.givens.entry(f).or_default().insert(g);
        }
    }

    /// Whether a bare mention with this title (`President Reagan`) belongs to someone other
    /// than the full name `given` of its article: the corpus writes the title with this
    /// family name and given names, never with `given` (`Nancy Reagan` and `President
    /// Reagan` in one article: Reuters made her its president, and the bare `Reagan` of a
    /// thousand other articles could then join no Reagan).
    fn title_is_someone_elses(&self, c: &Candidate, family: &str, given: &str) -> bool {
        let Some(r) = &c.role else { return false };
        self.holders
            .get(&(family.to_owned(), r.key.office.clone()))
            .is_some_and(|set| !set.iter().any(|x| same_given(x, given)))
    }
}

/// One person in one article.
#[derive(Debug, Clone)]
#[allow(dead_code)]
pub(crate) struct Local {
    /// Folded and written given name, when the article gives it.
    pub given: Option<(String, String)>,
    /// Folded family name: the form of the first full mention; for an entity of bare mentions
    /// only, the form most of them are written in (the first of those tied).
    pub family: String,
    /// Family name first.
    pub chinese: bool,
    /// Indexes of its mentions in the article's accepted candidates.
    pub mentions: Vec<usize>,
    /// Folded family forms seen (the main one first), with the in-article aliases.
    pub forms: Vec<String>,
    /// Whether a bare mention was ambiguous between two full names here.
    pub ambiguous: bool,
}

/// Splits a multi-token name into (given, family) folded and written: family first for
/// Chinese-shaped names, else the last token.
pub(crate) fn split(c: &Candidate) -> (Option<(String, String)>, String) {
    let n = c.folded.len();
    // a family name written with its particles and no given name, as the corpus writes it
    // after a given name (`Van Persie` beside `Robin van Persie`), is a bare family name
    if n == 1 || c.particle_family {
        return (None, c.folded[n - 1].clone());
    }
    if c.chinese {
        return (
            Some((c.folded[1].clone(), c.tokens[1].clone())),
            c.folded[0].clone(),
        );
    }
    (
        Some((c.folded[0].clone(), c.tokens[0].clone())),
        c.folded[n - 1].clone(),
    )
}

/// The in-article budget for a bare form against a full name's family: the cross-article
/// budget or a quarter of the length, and one cheap edit (0.5) for short forms.
fn doc_budget(a: &str, b: &str) -> f32 {
    let len = a.chars().count().min(b.chars().count());
    if len <= 3 {
        0.5
    } else if skeleton(a) == skeleton(b)
        && !(super::lexicon::is_syllable(a) && super::lexicon::is_syllable(b))
    {
        budget(len).max(0.25 * len as f32)
    } else {
        budget(len)
    }
}

/// Groups an article's accepted mentions (in text order) into local entities.
pub(crate) fn locals(cands: &[Candidate], known: &Known) -> Vec<Local> {
    let givens = &known.givens;
    let mut out: Vec<Local> = Vec::new();
    // full names first, so a bare form before its full name still resolves
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| (cands[i].folded.len() == 1, i));
    let mut assign: Vec<Option<usize>> = vec![None; cands.len()];
    for &i in &order {
        let c = &cands[i];
        let (given, family) = split(c);
        let idx = if let Some((gf, _)) = &given {
            let same = out.iter().position(|l| {
                l.given.as_ref().is_some_and(|(g, _)| same_given(g, gf))
                    && (l.family == family
                        || (!opposite_gender(&l.family, &family)
                            && distance(&l.family, &family) <= doc_budget(&l.family, &family)))
            });
            match same {
                Some(k) => {
                    if !out[k].forms.contains(&family) {
                        out[k].forms.push(family.clone());
                    }
                    k
                }
                None => {
                    out.push(Local {
                        given: given.clone(),
                        family: family.clone(),
                        chinese: c.chinese,
                        mentions: Vec::new(),
                        forms: vec![family.clone()],
                        ambiguous: false,
                    });
                    out.len() - 1
                }
            }
        } else {
            let exact: Vec<usize> = (0..out.len())
                .filter(|&k| out[k].forms.contains(&family))
                .collect();
            // a full name of this article the title never goes with elsewhere is no pick
            let titled_else = |k: usize| {
                out[k]
                    .given
                    .as_ref()
                    .is_some_and(|(g, _)| known.title_is_someone_elses(c, &family, g))
            };
            let pick = if exact.len() == 1 {
                Some(exact[0]).filter(|&k| !titled_else(k))
            } else if exact.len() > 1 {
                None
            } else {
                // one full name within the in-article budget, and only one
                // a form written elsewhere with other given names only is someone else
                let known = givens.get(&family);
                let near: Vec<(f32, usize)> = (0..out.len())
                    .filter(|&k| {
                        out[k].given.as_ref().is_some_and(|(g, _)| {
                            known.is_none_or(|set| set.iter().any(|x| same_given(x, g)))
                        }) && !opposite_gender(&out[k].family, &family)
                    })
                    .map(|k| (distance(&out[k].family, &family), k))
                    .filter(|&(d, k)| d <= doc_budget(&out[k].family, &family))
                    .collect();
                if near.len() == 1 {
                    Some(near[0].1).filter(|&k| !titled_else(k))
                } else {
                    None
                }
            };
            match pick {
                Some(k) => {
                    if !out[k].forms.contains(&family) {
                        out[k].forms.push(family.clone());
                    }
                    k
                }
                None => {
                    // a bare entity of its own (shared by later bare mentions of the form, and
                    // by a later spelling of it: `Meri` ... `Mary`, when nothing else is near)
                    let ambiguous = exact.len() > 1;
                    let bare_near: Vec<usize> = if ambiguous {
                        Vec::new()
                    } else {
                        (0..out.len())
                            .filter(|&k| {
                                out[k].given.is_none()
                                    && !out[k].ambiguous
                                    && !opposite_gender(&out[k].family, &family)
                                    && distance(&out[k].family, &family)
                                        <= doc_budget(&out[k].family, &family)
                            })
                            .collect()
                    };
                    let near_full = (0..out.len()).any(|k| {
                        out[k].given.is_some()
                            && distance(&out[k].family, &family)
                                <= doc_budget(&out[k].family, &family)
                    });
                    match out
                        .iter()
                        .position(|l| l.given.is_none() && l.family == family)
                    {
                        Some(k) => k,
                        None if bare_near.len() == 1 && !near_full => {
                            let k = bare_near[0];
                            if !out[k].forms.contains(&family) {
                                out[k].forms.push(family.clone());
                            }
                            k
                        }
                        None => {
                            out.push(Local {
                                given: None,
                                family: family.clone(),
                                chinese: false,
                                mentions: Vec::new(),
                                forms: vec![family.clone()],
                                ambiguous,
                            });
                            out.len() - 1
                        }
                    }
                }
            }
        };
        assign[i] = Some(idx);
    }
    for (i, a) in assign.iter().enumerate() {
        if let Some(k) = a {
            out[*k].mentions.push(i);
        }
    }
    for l in out
        .iter_mut()
        .filter(|l| l.given.is_none() && l.forms.len() > 1)
    {
        main_bare_form(l, cands, givens);
    }
    out
}

/// Keys a bare-only entity by the spelling that someone is written in with a given name
/// somewhere in the corpus (`Becent` beside `Anna Becent`), else by the one most of its
/// mentions use (`Bessant` once, then `Bessent` twice: `bessent`); ties go to the first. So
/// the article counts for a spelling that can match a named person exactly, and not for a
/// one-off first spelling.
fn main_bare_form(l: &mut Local, cands: &[Candidate], givens: &GivenMap) {
    // counts in order of first use, so the first of equally good forms wins
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &m in &l.mentions {
        let Some(f) = cands[m].folded.first() else {
            continue;
        };
        match counts.iter_mut().find(|(x, _)| *x == f.as_str()) {
            Some((_, n)) => *n += 1,
            None => counts.push((f.as_str(), 1)),
        }
    }
    let Some(&(main, _)) = counts
        .iter()
        .rev()
        .max_by_key(|&&(f, n)| (givens.contains_key(f), n))
    else {
        return;
    };
    if let Some(pos) = l.forms.iter().position(|f| f == main) {
        let form = l.forms.remove(pos);
        l.forms.insert(0, form);
        l.family = l.forms[0].clone();
    }
}
