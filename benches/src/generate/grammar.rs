//! A small built-in grammar of news-like sentences, the training text of the fallback
//! [`Model::builtin`](super::model::Model::builtin) when the real corpora are absent.

use crate::rng::Rng;

const NOUNS: &[&str] = &[
    "government",
    "minister",
    "company",
    "market",
    "bank",
    "report",
    "council",
    "court",
    "police",
    "union",
    "board",
    "economy",
    "election",
    "party",
    "budget",
    "deal",
    "plan",
    "talks",
    "shares",
    "prices",
    "workers",
    "officials",
    "investors",
    "voters",
    "exports",
    "imports",
    "tariffs",
    "profits",
    "losses",
    "growth",
    "inflation",
    "rates",
    "jobs",
    "energy",
    "oil",
    "gas",
    "trade",
    "industry",
    "factory",
    "hospital",
    "school",
    "city",
    "region",
    "country",
    "border",
    "army",
    "troops",
    "ceasefire",
    "agreement",
    "treaty",
    "inquiry",
    "lawyers",
    "judge",
    "verdict",
    "statement",
    "spokesman",
    "spokeswoman",
    "chief",
    "director",
    "executive",
    "analysts",
    "figures",
    "survey",
    "poll",
    "campaign",
    "strike",
    "protest",
    "crowd",
    "storm",
    "flooding",
    "drought",
    "harvest",
    "farmers",
    "airline",
    "flights",
    "passengers",
    "railway",
    "bridge",
    "port",
    "ship",
    "cargo",
    "contract",
    "merger",
    "takeover",
    "stake",
    "bid",
    "offer",
    "fund",
    "debt",
    "loan",
    "currency",
    "dollar",
    "euro",
    "pound",
    "output",
    "demand",
    "supply",
    "sales",
    "revenue",
    "quarter",
    "year",
    "week",
    "month",
    "season",
    "team",
    "club",
    "match",
    "coach",
    "player",
    "film",
    "album",
    "festival",
    "museum",
    "study",
    "scientists",
    "researchers",
    "patients",
    "vaccine",
    "virus",
    "drug",
    "treatment",
    "network",
    "software",
    "phone",
    "website",
    "users",
    "data",
    "security",
    "attack",
    "weapons",
    "sanctions",
    "embassy",
    "diplomats",
    "summit",
    "leaders",
    "parliament",
    "senate",
    "committee",
    "law",
    "bill",
    "reform",
    "tax",
    "spending",
    "cuts",
    "pensions",
    "housing",
    "rents",
    "homes",
    "families",
    "children",
    "students",
    "teachers",
    "doctors",
    "nurses",
    "residents",
    "villagers",
];
const VERBS: &[&str] = &[
    "said",
    "announced",
    "rejected",
    "approved",
    "delayed",
    "cut",
    "raised",
    "lowered",
    "warned",
    "confirmed",
    "denied",
    "reported",
    "expected",
    "launched",
    "blocked",
    "backed",
    "criticised",
    "welcomed",
    "signed",
    "agreed",
    "halted",
    "resumed",
    "boosted",
    "hit",
    "reached",
    "missed",
    "beat",
    "lost",
    "won",
    "sold",
    "bought",
    "closed",
    "opened",
    "suspended",
    "extended",
    "reviewed",
    "questioned",
    "urged",
    "promised",
    "threatened",
    "faced",
    "avoided",
    "reduced",
    "doubled",
    "increased",
    "weakened",
    "strengthened",
    "challenged",
    "accused",
    "cleared",
    "sentenced",
    "released",
    "arrested",
    "evacuated",
    "rebuilt",
    "funded",
    "ordered",
    "cancelled",
    "proposed",
    "predicted",
    "estimated",
];
const ADJECTIVES: &[&str] = &[
    "new",
    "former",
    "senior",
    "local",
    "national",
    "foreign",
    "federal",
    "regional",
    "annual",
    "quarterly",
    "strong",
    "weak",
    "sharp",
    "modest",
    "major",
    "minor",
    "early",
    "late",
    "final",
    "initial",
    "public",
    "private",
    "economic",
    "political",
    "military",
    "financial",
    "legal",
    "official",
    "independent",
    "rival",
    "leading",
    "struggling",
    "record",
    "higher",
    "lower",
    "wider",
    "narrow",
    "fresh",
    "further",
    "key",
    "top",
    "small",
    "large",
    "biggest",
    "largest",
    "latest",
    "recent",
    "previous",
    "global",
];
const ADVERBS: &[&str] = &[
    "also",
    "again",
    "still",
    "already",
    "recently",
    "sharply",
    "slightly",
    "quickly",
    "repeatedly",
    "publicly",
    "privately",
    "finally",
    "largely",
    "initially",
    "later",
];
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "for", "with", "after", "before", "during", "over", "under", "against",
    "between", "from", "across", "despite", "amid", "without", "through", "near", "about",
];
const DETERMINERS: &[&str] = &[
    "the", "a", "its", "their", "this", "that", "another", "some",
];
const FIRST_NAMES: &[&str] = &[
    "James", "Maria", "Robert", "Elena", "David", "Sarah", "Michael", "Anna", "Thomas", "Laura",
    "Peter", "Julia", "Daniel", "Sofia", "Mark", "Claire", "Paul", "Nadia", "Simon", "Grace",
    "Howard", "Scott", "Jamieson", "Kristi", "Marco", "Yusuf", "Ingrid", "Olumide",
];
const SURNAME_PARTS: &[&str] = &[
    "Bes", "Lut", "Gre", "Mar", "Kol", "Hen", "Dra", "Vel", "Sor", "Tam", "Rus", "Bran", "Hol",
    "Pet", "Nik", "Ost", "Wal", "Fer", "Car", "Lin", "sent", "nick", "er", "ton", "son", "ova",
    "ski", "ley", "ard", "ello", "ini", "berg", "stein", "well", "ross", "ford", "dale", "mann",
    "ard", "rick", "lock",
];
const PLACES: &[&str] = &[
    "London",
    "Paris",
    "Berlin",
    "Washington",
    "Beijing",
    "Tokyo",
    "Moscow",
    "Kyiv",
    "Cairo",
    "Nairobi",
    "Lagos",
    "Delhi",
    "Brasilia",
    "Ottawa",
    "Madrid",
    "Rome",
    "Geneva",
    "Brussels",
    "Seoul",
    "Jakarta",
    "Lima",
    "Dublin",
    "Warsaw",
    "Athens",
    "Istanbul",
    "Tehran",
    "Sydney",
];

fn pick(rng: &mut Rng, list: &[&'static str]) -> &'static str {
    rng.pick(list).copied().unwrap_or("the")
}

/// Appends a person name: a first name and a surname built from two or three parts.
pub fn person(rng: &mut Rng, out: &mut String) {
    out.push_str(pick(rng, FIRST_NAMES));
    out.push(' ');
    let first = pick(rng, &SURNAME_PARTS[..20]);
    out.push_str(first);
    for _ in 0..rng.range(1, 2) {
        out.push_str(pick(rng, &SURNAME_PARTS[20..]));
    }
}

fn noun_phrase(rng: &mut Rng, out: &mut String) {
    match rng.below(10) {
        0 => person(rng, out),
        1 => out.push_str(pick(rng, PLACES)),
        2 => {
            out.push_str("the ");
            crate::generate::model::number(rng, out);
            out.push(' ');
            out.push_str(pick(rng, NOUNS));
        }
        _ => {
            out.push_str(pick(rng, DETERMINERS));
            if rng.chance(0.5) {
                out.push(' ');
                out.push_str(pick(rng, ADJECTIVES));
            }
            out.push(' ');
            out.push_str(pick(rng, NOUNS));
        }
    }
}

/// Appends one sentence (capitalised, ending in a full stop).
pub fn sentence(rng: &mut Rng, out: &mut String) {
    let start = out.len();
    noun_phrase(rng, out);
    if rng.chance(0.3) {
        out.push(' ');
        out.push_str(pick(rng, ADVERBS));
    }
    out.push(' ');
    out.push_str(pick(rng, VERBS));
    out.push(' ');
    noun_phrase(rng, out);
    for _ in 0..rng.range(0, 3) {
        out.push(' ');
        out.push_str(pick(rng, PREPOSITIONS));
        out.push(' ');
        noun_phrase(rng, out);
    }
    if rng.chance(0.4) {
        out.push_str(", ");
        out.push_str(pick(rng, VERBS));
        out.push(' ');
        person(rng, out);
    }
    out.push('.');
    if let Some(c) = out[start..].chars().next() {
        let upper = c.to_ascii_uppercase();
        out.replace_range(start..start + c.len_utf8(), upper.encode_utf8(&mut [0; 4]));
    }
}
