//! What cannot be a person, whatever the cues: names a corpus uses as places or companies,
//! read from how the corpus writes them (a capitalised word written alone after a locative
//! preposition, `in Iraq`, `at Chelsea`, in a fair share of its uses is a place, and so is a
//! name of several words so written, `in Sao Paulo`, `at Deutsche Boerse`; a name
//! written before a company designator, `Texaco Inc`, `Morgan Stanley and Co`, in a fair
//! share of its uses is a company, and in one use in three a firm even with a given name
//! first, `James Capel and Co`), contractions (`I've`), plural acronyms (`MPs`), and
//! descriptors before a full name (`Coach Andy Robinson`); and one-word names the corpus
//! treats as things or kinds: the next pronoun after them is mostly `it` (`Yukos said it
//! would appeal`), or their plural is written capitalised too (`Tory`/`Tories`); and names
//! of several words treated so (`Royal Dutch said it`, `the Scissor Sisters`).
//!
//! Written here, not taken from a gazetteer: the tests read only the corpus, so they know
//! the clubs, firms and towns of any corpus in any country, and no list has to ship. On BBC
//! and Reuters news (23.8 k articles) people are written after `in`, `at`, … in at most 2 %
//! of their uses (`Mourinho` 1 of 64, `Jefferies` 2 of 106), places in 2.5 % or more
//! (`Ireland` 13 of 369, `Chelsea` 7 of 200, `Iraq` 51 of 419). `from` and `in the` count
//! for neither (`a letter from Brown`, `in the Reagan administration`), nor does a
//! possessive (`in Obama's cabinet`).

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::extract::{Candidate, Cue};
use super::lexicon;
use super::local;

/// Prepositions that put a place after them. `to`, `against` and `from` are left out:
/// people are spoken to, played against and heard from (`a letter from Brown`).
const LOCATIVE: &[&str] = &[
    "across",
    "around",
    "at",
    "in",
    "inside",
    "into",
    "near",
    "outside",
    "throughout",
    "within",
];

/// Fewest telling uses (locative, or before a designator) for a name to be a place or a
/// company.
const MIN_LOCATIVE: usize = 3;

/// Smallest share of a name's uses that are telling, as 1 in this many.
const LOCATIVE_ONE_IN: usize = 40;

/// What the corpus uses as places and companies (see the module docs).
#[derive(Debug, Default)]
pub(crate) struct NotPeople {
    /// Folded one-word forms used as places.
    pub places: FxHashSet<String>,
    /// Folded forms (all their words) used as companies.
    pub companies: FxHashSet<Vec<String>>,
    /// Folded forms of two words or more written before a company designator in one use in
    /// [`FIRM_ONE_IN`] or more (and [`MIN_LOCATIVE`] uses at least), never with a title,
    /// honorific or role, and followed by `he` or `she` at most half as often as by `it`: a
    /// firm named after its founders (`James Capel and Co`, `Eli Lilly and Co`), however much
    /// a given name first looks like a person's; a founder the input speaks of as a person
    /// stays one (`Jimmy Choo Ltd` beside `Jimmy Choo said he …`). So are, on the same terms,
    /// the leading words of a longer name written before a designator [`MIN_LOCATIVE`] times or
    /// more (`Nippon Life` of `Nippon Life Insurance Co`, `Credit Suisse` of `Credit Suisse
    /// First Boston Corp`).
    pub named_firms: FxHashSet<Vec<String>>,
    /// Folded forms of two words or more used as places, or as the firms people work at,
    /// as one-word places are (`in Sao Paulo`, `shares traded at Deutsche Boerse`).
    pub named_places: FxHashSet<Vec<String>>,
    /// The first five letters of the places of five letters or more, with how many places
    /// begin so (for the people of a place: `Argentine` of `Argentina`).
    stems: FxHashMap<String, usize>,
    /// Folded one-word forms the corpus treats as things or kinds, never with a title,
    /// honorific or role: the next third-person pronoun is mostly `it`/`its` (`Sony said
    /// its …`), or the corpus writes their plural capitalised (`Tories`).
    pub things: FxHashSet<String>,
    /// Folded forms of two words or more that the corpus treats as things, as
    /// [`Self::things`] and [`Self::after_the`] are read for one word, never with a title,
    /// honorific or role: `Freddie Mac said it`, `the Irish Lions`. A given name first does
    /// not keep them people.
    pub named_things: FxHashSet<Vec<String>>,
    /// Folded one-word forms written in the possessive in four uses in five or more, in
    /// [`MIN_POSSESSIVES`] uses or more, never with a title, honorific or role: a firm or a
    /// brand named after its founder (`Moody's`, `McDonald's`, `Wendy's`), whose bare uses are
    /// nobody's even where someone is named in full with it (`Ben McDonald`).
    pub possessives: FxHashSet<String>,
    /// Folded one-word forms written right after `the` in 1 use in [`THE_ONE_IN`] or more
    /// (`the Lions`, `the Tory party`); no person's unless a person of the corpus is
    /// named in full with it (`the Maekawa report`, `Haruo Maekawa`).
    pub after_the: FxHashSet<String>,
}

/// What the next third-person pronouns after a one-word form say of it, over the corpus.
#[derive(Debug, Default, Clone, Copy)]
struct Pronouns {
    /// `he`, `she`, `his`, `her`, `him` first.
    person: usize,
    /// `it`, `its` first.
    thing: usize,
    /// Uses of the form alone.
    uses: usize,
    /// Uses with a title, honorific or role next to it.
    strong: usize,
    /// Uses right after `the` (`the Lions`, `the Tory party`).
    the: usize,
    /// Uses in the possessive (`Moody's`).
    poss: usize,
}

impl Pronouns {
    /// Counts one use of a form, `before` and `after` it in its sentence; `strong` when a
    /// title, honorific or role is next to it. After a possessive the next pronoun is the
    /// possession's (`Eastwood's film … it`), and `the` before a leader's name is the
    /// administration's (`the Trump administration`).
    fn record(&mut self, before: &str, after: &str, strong: bool) {
        self.uses += 1;
        self.strong += usize::from(strong);
        self.the += usize::from(the_before(before) && !leader_noun_after(after));
        self.poss += usize::from(possessive(after));
        match (!possessive(after)).then(|| next_pronoun(after)).flatten() {
            Some(Gender::Person) => self.person += 1,
            Some(Gender::Thing) => self.thing += 1,
            None => {}
        }
    }
}

/// Which a pronoun refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Person,
    Thing,
}

/// Fewest `it`/`its` after a one-word form for it to be a thing (see [`NotPeople::things`]);
/// 3 took `Robbie` (Williams) out of BBC's reader comments (`every track Robbie has
/// released as a single, it's …`).
const MIN_PRONOUNS: usize = 4;

/// Verbs of thinking whose `it` after them is what is thought (`Wenger thinks it is over`).
const THINK: &[&str] = &[
    "thinks", "think", "thought", "believes", "believed", "feels", "felt", "knows", "knew",
    "hopes", "hoped", "expects", "expected", "found", "finds", "made", "makes", "called", "calls",
];

/// A form written right after `the` in 1 use in this many or more is a thing or a kind
/// (`the Lions`, `the Dutch`, `the Olympic team`): on BBC news people are so written in
/// none of their bare uses, these in 16–55 %.
const THE_ONE_IN: usize = 8;

/// Fewest uses of a one-word form for its share of possessives to tell (see
/// [`NotPeople::possessives`]).
const MIN_POSSESSIVES: usize = 6;

/// A form written in the possessive in 4 uses in this many or more is a firm's (see
/// [`NotPeople::possessives`]). On BBC and Reuters news no person's bare uses are so written;
/// `Moody` 118 of 118, `McDonald` 17 of 18, `Foster` (the lager) 12 of 15.
const POSSESSIVE_OF: usize = 5;

/// A name of two words or more written before a company designator in 1 use in this many
/// or more is a firm's (see [`NotPeople::named_firms`]). On Reuters (21,578 articles) the
/// names so written in 1 use in 3 are all firms (`Eli Lilly` 13 of 18, `James Capel` 12 of
/// 29, `Samuel Montagu`, `Arthur Andersen`, `Walt Disney`, `Sara Lee`, `St. Joe Gold`), and a
/// founder goes with a firm named so that often unless the input calls him `he` (Reuters'
/// `Charles Schwab`: 5 mentions, one article of them about the man).
const FIRM_ONE_IN: usize = 3;

/// A form with a title, honorific or role in 1 use in this many or more is no thing.
const STRONG_ONE_IN: usize = 10;

/// Words after a name searched for a third-person pronoun.
const PRONOUN_WINDOW: usize = 8;

/// One use in this many of a form written as its plural makes it a kind (see
/// [`NotPeople::things`]).
const PLURAL_ONE_IN: usize = 10;

/// The first lower-case third-person pronoun among the next [`PRONOUN_WINDOW`] words of
/// `after` (the rest of the name's sentence): `he`/`his`/`she`/`her`/`him` for a person,
/// `it`/`its` for a thing; `they` and the like, or a capitalised word (another name, whose
/// the pronoun likelier is), stop the search with no answer.
fn next_pronoun(after: &str) -> Option<Gender> {
    match first_pronoun(after)? {
        "it" | "its" => Some(Gender::Thing),
        "they" | "their" | "them" => None,
        _ => Some(Gender::Person),
    }
}

/// The first third-person pronoun among the next [`PRONOUN_WINDOW`] words of `after`, or
/// `None` when a capitalised word comes first (the pronoun is likelier that other name's), or
/// when `it` is what a verb of thinking thinks (`Wenger thinks it is over`). After a verb of
/// saying `it` is kept: `Boeing said it would cut jobs` is the commonest sign of a company,
/// and a person is called `he` or `she` far more often (`Mourinho` 10 to 3).
fn first_pronoun(after: &str) -> Option<&str> {
    let mut words = after
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(PRONOUN_WINDOW)
        .peekable();
    if words.peek().is_some_and(|w| THINK.contains(w)) {
        words.next();
        if words.peek() == Some(&"it") {
            return None;
        }
    }
    words
        .find_map(|w| match w {
            "he" | "his" | "she" | "her" | "him" | "it" | "its" | "they" | "their" | "them" => {
                Some(Some(w))
            }
            _ if w.starts_with(char::is_uppercase) => Some(None),
            _ => None,
        })
        .flatten()
}

/// The sex a mention's context tells: an honorific right before it (`Mr`, `Mrs.`, `Ms`), or
/// `he` or `she` as the first third-person pronoun after it in its sentence
/// ([`first_pronoun`]: `Reagan said he`). `his`, `him` and `her` tell nothing: they are as
/// often someone else's (`Reagan thanked her`).
pub(crate) fn sex_of(c: &Candidate, text: &str) -> Option<super::fold::Gender> {
    use super::fold::Gender::{Feminine, Masculine};
    let before = text.get(c.sentence.start..c.span.start).unwrap_or("");
    let after = text.get(c.span.end..c.sentence.end).unwrap_or("");
    let trimmed = before.trim_end();
    let honorific = (trimmed.len() < before.len())
        .then(|| {
            trimmed
                .trim_end_matches('.')
                .rsplit(|ch: char| !ch.is_alphabetic())
                .next()
        })
        .flatten();
    let by_title = honorific.and_then(|w| match w.to_lowercase().as_str() {
        "mr" | "sir" | "lord" | "herr" | "monsieur" => Some(Masculine),
        "mrs" | "ms" | "miss" | "madam" | "madame" | "mme" | "dame" | "lady" | "frau" => {
            Some(Feminine)
        }
        _ => None,
    });
    if by_title.is_some() || possessive(after) {
        return by_title;
    }
    match first_pronoun(after)? {
        "he" => Some(Masculine),
        "she" => Some(Feminine),
        _ => None,
    }
}

/// Whether a mention names an administration (`the Reagan administration`): its leader's,
/// whoever else the article names.
pub(crate) fn leads(c: &Candidate, text: &str) -> bool {
    leader_noun_after(text.get(c.span.end..c.sentence.end).unwrap_or(""))
}

/// Whether a mention is followed by `and` or `&` and a capitalised word: the first name of a
/// firm's (`Phillips and Drew`, `Brown and Williamson`) as often as one of two people.
pub(crate) fn paired(c: &Candidate, text: &str) -> bool {
    // (white space of any kind between: Reuters wraps lines, `Phillips and\nDrew`)
    let mut words = text
        .get(c.span.end..c.sentence.end)
        .unwrap_or("")
        .split_whitespace();
    matches!(words.next(), Some("and" | "&"))
        && words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Reads the places and companies of a corpus from its articles' texts and candidates.
pub(crate) fn not_people<'a>(docs: impl Iterator<Item = (&'a str, &'a [Candidate])>) -> NotPeople {
    // folded form -> (uses, locative uses)
    let mut uses: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
    // folded one-word form -> what the next third-person pronoun says of it
    let mut pronouns: FxHashMap<&str, Pronouns> = FxHashMap::default();
    // family names written after a known given name (`Connors` of `Jimmy Connors`)
    let mut surnames: FxHashSet<&str> = FxHashSet::default();
    // folded words -> (uses, uses before a designator, locative uses)
    let mut named: FxHashMap<&[String], (usize, usize, usize)> = FxHashMap::default();
    // folded forms of two words or more -> the pronouns after them, as for one word
    let mut multi: FxHashMap<&[String], Pronouns> = FxHashMap::default();
    for (text, cands) in docs {
        for c in cands {
            // `Pennzoil Co` is one run, read as the name before its designator; `Pennzoil,
            // Inc.` two
            let designated = c.designated
                || designator_after(text.get(c.span.end..c.sentence.end).unwrap_or(""));
            let e = named.entry(c.folded.as_slice()).or_default();
            e.0 += 1;
            e.1 += usize::from(designated);
            if c.folded.len() >= 2 {
                let before = text.get(c.sentence.start..c.span.start).unwrap_or("");
                let after = text.get(c.span.end..c.sentence.end).unwrap_or("");
                e.2 += usize::from(locative_before(before) && !possessive(after));
                // a given name first makes no title here: the name is what is in question
                let titled = c.role.is_some()
                    || word_right_before(before)
                        .is_some_and(|w| lexicon::is_honorific(&w.to_lowercase()));
                multi
                    .entry(c.folded.as_slice())
                    .or_default()
                    .record(before, after, titled);
            }
            // (a descriptor may come first: `Champion Jimmy Connors`)
            if let [before @ .., family] = &c.folded[..]
                && before.iter().any(|w| lexicon::is_given_name(w))
            {
                surnames.insert(family.as_str());
            }
            if let [form] = &c.folded[..] {
                let e = uses.entry(form.as_str()).or_default();
                e.0 += 1;
                let before = text.get(c.sentence.start..c.span.start).unwrap_or("");
                let after = text.get(c.span.end..c.sentence.end).unwrap_or("");
                e.1 += usize::from(locative_before(before) && !possessive(after));
                pronouns.entry(form.as_str()).or_default().record(
                    before,
                    after,
                    c.cue == Cue::Strong,
                );
            }
        }
    }
    let telling = |n: usize, told: usize| told >= MIN_LOCATIVE && told * LOCATIVE_ONE_IN >= n;
    let places: FxHashSet<String> = uses
        .iter()
        .filter(|&(_, &(n, loc))| telling(n, loc))
        .map(|(f, _)| (*f).to_owned())
        .collect();
    let mut stems: FxHashMap<String, usize> = FxHashMap::default();
    // a count, the same in any order
    places
        .iter()
        .filter_map(|p| stem(p))
        .for_each(|s| *stems.entry(s.to_owned()).or_default() += 1);
    // a one-word form whose plural the corpus also writes capitalised names a kind of
    // people or things (`Tory`/`Tories`, `Muslim`/`Muslims`, `Oscar`/`Oscars`)
    // (`Gross` is no plural of `Gros`)
    // (`Connors` is a person's name, no plural of `Connor`)
    let plural_uses = |form: &str| -> usize {
        if form.ends_with('s') || surnames.contains(format!("{form}s").as_str()) {
            return 0;
        }
        let ies = form
            .strip_suffix('y')
            .map(|stem| format!("{stem}ies"))
            .and_then(|p| uses.get(p.as_str()).map(|u| u.0))
            .unwrap_or(0);
        uses.get(format!("{form}s").as_str()).map_or(0, |u| u.0) + ies
    };
    // a title or role now and then is no person's (`Sony` is once a `Sony chief`)
    let no_title = |p: &Pronouns| p.strong * STRONG_ONE_IN < p.uses;
    let things: FxHashSet<String> = pronouns
        .iter()
        .filter(|(form, p)| {
            no_title(p)
                && (p.thing >= MIN_PRONOUNS && p.thing >= 2 * p.person
                    || !lexicon::is_given_name(form)
                        && plural_uses(form) >= MIN_LOCATIVE
                        && plural_uses(form) * PLURAL_ONE_IN >= uses.get(*form).map_or(0, |u| u.0))
        })
        .map(|(form, _)| (*form).to_owned())
        .collect();
    let possessives: FxHashSet<String> = pronouns
        .iter()
        .filter(|(_, p)| {
            no_title(p) && p.uses >= MIN_POSSESSIVES && p.poss * POSSESSIVE_OF >= p.uses * 4
        })
        .map(|(form, _)| (*form).to_owned())
        .collect();
    let after_the: FxHashSet<String> = pronouns
        .iter()
        .filter(|(_, p)| no_title(p) && p.the >= MIN_LOCATIVE && p.the * THE_ONE_IN >= p.uses)
        .map(|(form, _)| (*form).to_owned())
        .collect();
    let named_things: FxHashSet<Vec<String>> = multi
        .iter()
        .filter(|(_, p)| {
            no_title(p)
                && (p.thing >= MIN_PRONOUNS && p.thing >= 2 * p.person
                    || p.the >= MIN_LOCATIVE && p.the * THE_ONE_IN >= p.uses)
        })
        .map(|(f, _)| f.to_vec())
        .collect();
    // the leading words of a longer firm name written before its designator often enough
    // (`Nippon Life` of `Nippon Life Insurance Co`) name that firm too
    let heads: FxHashSet<&[String]> = named
        .iter()
        .filter(|&(f, &(_, d, _))| f.len() >= 3 && d >= MIN_LOCATIVE)
        .flat_map(|(f, _)| (2..f.len()).map(move |k| &f[..k]))
        .collect();
    let named_firms: FxHashSet<Vec<String>> = named
        .iter()
        .filter(|&(f, &(n, d, _))| {
            f.len() >= 2
                && (d >= MIN_LOCATIVE && FIRM_ONE_IN * d >= n || heads.contains(f))
                && multi
                    .get(f)
                    .is_none_or(|p| no_title(p) && 2 * p.person <= p.thing)
        })
        .map(|(f, _)| f.to_vec())
        .collect();
    NotPeople {
        things,
        named_things,
        named_firms,
        possessives,
        after_the,
        places,
        companies: named
            .iter()
            .filter(|&(_, &(n, d, _))| telling(n, d))
            .map(|(f, _)| f.to_vec())
            .collect(),
        named_places: named
            .iter()
            .filter(|&(_, &(n, _, loc))| telling(n, loc))
            .map(|(f, _)| f.to_vec())
            .collect(),
        stems,
    }
}

/// The first five letters of `word`, if it has five.
fn stem(word: &str) -> Option<&str> {
    word.char_indices()
        .nth(5)
        .map(|(i, _)| &word[..i])
        .or_else(|| (word.chars().count() == 5).then_some(word))
}

impl NotPeople {
    /// Whether `word` names the people of a place of the corpus: another place begins with
    /// the same five letters (`argentine`, `argentina`).
    fn of_a_place(&self, word: &str) -> bool {
        let Some(stem) = stem(word) else {
            return false;
        };
        let others = usize::from(self.places.contains(word));
        self.stems.get(stem).is_some_and(|&n| n > others)
    }

    /// Takes back what cannot be a person: a contraction (`I've`), a plural acronym
    /// (`MPs`); and, without a title, honorific or role next to it (`Ms Essex` stays), a word
    /// the corpus uses as a place (`Iraq`, `Chelsea`), a name of several words it uses as a
    /// company's (`Morgan Stanley`), a nation of the United Kingdom however seldom the corpus
    /// writes it after a preposition (`England and Wales`), or a name ending in a place after a
    /// common word (`Had
    /// England`, `Good Morning Wales`, `Northern Ireland`; `Jason Scotland` stays). One-word
    /// company names are taken back by [`Self::reject_companies`], once the corpus's full
    /// names are known.
    pub fn reject(&self, cs: &mut [Candidate], vocab: &FxHashSet<&str>) {
        for c in cs.iter_mut().filter(|c| c.accepted) {
            let not_person = match (&c.folded[..], &c.tokens[..]) {
                ([_], [written]) if is_contraction(written) || is_plural_acronym(written) => true,
                ([_, _, ..], _)
                    if c.role.is_none()
                        && (self.named_things.contains(&c.folded)
                            || self.named_firms.contains(&c.folded)) =>
                {
                    true
                }
                _ if c.cue == Cue::Strong => false,
                ([form], _) => self.places.contains(form) || lexicon::is_home_nation(form),
                _ => {
                    self.companies.contains(&c.folded)
                        || self.named_places.contains(&c.folded)
                        || match local::split(c) {
                            (Some((given, _)), family) => {
                                self.places.contains(&family)
                                    && (vocab.contains(given.as_str())
                                        || lexicon::is_common(&given))
                            }
                            (None, _) => false,
                        }
                }
            };
            if not_person {
                c.accepted = false;
            }
        }
    }

    /// Takes back one-word company names, [things](Self::things) and countries or
    /// nationalities of the lexicon ([`lexicon::scope_country`]: `Syria`, `Jamaica`) without a
    /// title, honorific or role next to them,
    /// unless a person of the corpus is written with that family name after a known given
    /// name (`Wilson and Co`, `Michael Wilson`: kept; `Deutsche Texaco` is no person's).
    pub fn reject_companies(&self, cands: &mut [Vec<Candidate>]) {
        let held: FxHashSet<String> = cands
            .iter()
            .flatten()
            .filter(|c| c.accepted && c.folded.len() >= 2)
            .filter_map(|c| match local::split(c) {
                (Some((given, _)), family) if lexicon::is_given_name(&given) => Some(family),
                _ => None,
            })
            .collect();
        // the family names of every person named in full (`the Maekawa report` is named
        // after Haruo Maekawa, whose given name no list knows)
        let named: FxHashSet<String> = cands
            .iter()
            .flatten()
            .filter(|c| c.accepted && c.folded.len() >= 2)
            .map(|c| local::split(c).1)
            .collect();
        cands.par_iter_mut().for_each(|cs| {
            for c in cs.iter_mut().filter(|c| c.accepted && c.cue < Cue::Strong) {
                if let [form] = &c.folded[..]
                    && (self.possessives.contains(form)
                        || (self.companies.contains(&c.folded)
                            || self.things.contains(form)
                            || lexicon::scope_country(form).is_some())
                            && !held.contains(form)
                        || self.after_the.contains(form) && !named.contains(form))
                {
                    c.accepted = false;
                }
            }
        });
    }

    /// Takes a capitalised descriptor off the front of a name of three words or more: a
    /// word the corpus also writes in lower case, or one naming the people of one of its
    /// places ([`Self::of_a_place`]), that is no known given name, before one that is
    /// (`Actor Robert Blake`, `Coach Andy Robinson`, `Argentine David Nalbandian` are
    /// `Robert Blake`, `Andy Robinson`, `David Nalbandian`). Left on, it makes a second
    /// person (`Coach Andy Robinson` beside `Andy Robinson`), and a bare `Robinson` is then
    /// between two namesakes. The second word must be a known given name: `Ole Gunnar
    /// Solskjaer` and `Sung Won Sohn` start with words written in lower case too.
    pub fn drop_descriptor(&self, c: &mut Candidate, text: &str, vocab: &FxHashSet<&str>) {
        if c.folded.len() < 3
            || c.chinese
            || lexicon::is_given_name(&c.folded[0])
            || !lexicon::is_given_name(&c.folded[1])
            || !(vocab.contains(c.tokens[0].to_lowercase().as_str())
                || self.of_a_place(&c.folded[0]))
        {
            return;
        }
        super::trim_front(c, 1, text);
    }
}

/// `I've`, `We'll`, `Don't`: a pronoun with a contracted verb, or a negation; not a
/// transliterated soft sign (`Arnol'd`, `Il'ya`).
fn is_contraction(word: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "i", "we", "you", "they", "he", "she", "it", "that", "there", "who", "what",
    ];
    word.rsplit_once(['\'', '’']).is_some_and(|(stem, end)| {
        let stem = stem.to_lowercase();
        (matches!(end, "ve" | "m" | "re" | "ll" | "d") && PRONOUNS.contains(&stem.as_str()))
            || (end == "t" && stem.ends_with('n'))
    })
}

/// `MPs`, `NGOs`: capitals then a plural `s`.
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|stem| stem.chars().count() >= 2 && stem.chars().all(|c| c.is_uppercase()))
}

/// Whether `after` (the sentence after a name) opens with a company designator, perhaps
/// after `and` or `&` (`Inc`, `and Co`), or after a comma only a strict one (`, Inc.`: not
/// `, Group chief executive`, `, SA president`); a hyphenated word is none (`Co-founder`).
fn designator_after(after: &str) -> bool {
    const AFTER_COMMA: &[&str] = &["inc", "corp", "ltd", "plc", "llc", "gmbh"];
    let rest = after.trim_start_matches(' ');
    let (comma, rest) = match rest.strip_prefix(',') {
        Some(r) => (true, r.trim_start_matches(' ')),
        None => (false, rest),
    };
    if rest.len() == after.len() {
        // no space or comma before the next word: `Texaco's`
        return false;
    }
    let word = |s: &str| -> (String, usize) {
        let end = s
            .find(|c: char| !(c.is_alphanumeric() || c == '&' || c == '-'))
            .unwrap_or(s.len());
        (s[..end].to_owned(), end)
    };
    let (mut w, end) = word(rest);
    if !comma && (w == "and" || w == "&") {
        w = word(rest[end..].trim_start_matches(' ')).0;
    }
    let lower = w.to_lowercase();
    w.starts_with(|c: char| c.is_uppercase())
        && if comma {
            AFTER_COMMA.contains(&lower.as_str())
        } else {
            lexicon::is_designator(&lower)
        }
}

/// Whether `after` (the sentence after a name) begins with `administration` in lower case:
/// the name is a leader's (`the Trump administration`), whatever `the` before it says.
pub(crate) fn leader_noun_after(after: &str) -> bool {
    after
        .trim_start()
        .strip_prefix("administration")
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
}

/// Whether `before` (the sentence up to a name) ends with a locative preposition right
/// before the name (only white space between, a hard-wrapped line's break too): `in Iraq`.
/// (`in the X` is left out: `in the Reagan administration`.)
fn locative_before(before: &str) -> bool {
    // a capitalised `In` opens a sentence or a title: still locative
    word_right_before(before).is_some_and(|word| {
        LOCATIVE
            .iter()
            .any(|p| word.len() == p.len() && word.eq_ignore_ascii_case(p))
    })
}

/// Whether `before` (the sentence up to a name) ends with the word `the` right before it.
fn the_before(before: &str) -> bool {
    word_right_before(before).is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// The word that `before` (the sentence up to a name) ends with, when only white space
/// stands between it and the name (a hard-wrapped line's break too).
fn word_right_before(before: &str) -> Option<&str> {
    let trimmed = before.trim_end_matches(char::is_whitespace);
    (trimmed.len() < before.len()).then(|| {
        trimmed
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
    })
}

/// Whether the name, followed by `after`, is a possessive (`in Obama's cabinet`): a person's
/// place, not a place.
fn possessive(after: &str) -> bool {
    after.starts_with(['\'', '’'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locative_word_right_before() {
        assert!(locative_before("Violence in "));
        assert!(locative_before("He played at  "));
        assert!(locative_before("In "));
        assert!(!locative_before("He spoke to "));
        assert!(!locative_before("the win"));
        assert!(!locative_before("within"));
        assert!(!locative_before("Troops in the "));
        assert!(!locative_before("A letter from "));
        assert!(locative_before("fighting in\n"));
        assert!(!locative_before(""));
    }

    #[test]
    fn a_possessive_is_no_place() {
        assert!(possessive("'s cabinet"));
        assert!(possessive("’s cabinet"));
        assert!(!possessive(" and Wales"));
        assert!(!possessive("."));
    }

    #[test]
    fn a_designator_right_after() {
        assert!(designator_after(" Inc said"));
        assert!(designator_after(", Inc. said"));
        assert!(designator_after(" and Co said"));
        assert!(designator_after(" & Co"));
        assert!(designator_after(" AG"));
        assert!(!designator_after(" said"));
        assert!(!designator_after(" co-wrote"));
        assert!(!designator_after(" and Smith said"));
        assert!(!designator_after(", Co-founder of the firm"));
        assert!(!designator_after(" Co-founder"));
        assert!(!designator_after(", Group chief executive"));
        assert!(!designator_after(", SA president"));
        assert!(!designator_after("'s Inc"));
    }
}
