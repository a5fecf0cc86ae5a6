//! Word lists: titles and honorifics, role heads and departments, countries, speech verbs,
//! words that are never people, given names (the bundled nickname table plus a list of common
//! given names of many origins) and Chinese name shapes. Every list is matched on lower-case
//! text.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::fold::Gender;

/// Honorifics: cue a person, never a role.
pub const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "madam",
    "madame",
    "mme",
    "monsieur",
    "herr",
    "frau",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "capt",
    "lt",
    "sgt",
    "rev",
    "fr",
    "hon",
    "sheikh",
    "rabbi",
    "imam",
    "archbishop",
    "reverend",
];

/// Office and job heads (a role needs one).
pub const HEADS: &[&str] = &[
    "secretary",
    "minister",
    "president",
    "premier",
    "representative",
    "ambassador",
    "governor",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "director",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "chancellor",
    "mayor",
    "commissioner",
    "envoy",
    "adviser",
    "advisor",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "head",
    "chief",
    "leader",
    "founder",
    "co-founder",
    "executive",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "emperor",
    "general",
    "admiral",
    "judge",
    "justice",
    "prosecutor",
    "attorney",
    "negotiator",
    "economist",
    "analyst",
    "editor",
    "correspondent",
    "professor",
    "boss",
    "manager",
    "officer",
    "deputy",
    "administrator",
    "speaker",
    "sheriff",
    // (not `sergeant`, `constable`: family names too, `John Sergeant`)
    "superintendent",
    "inspector",
    "treasurer",
    "counsel",
    "dean",
    "mp",
    "mep",
    "official",
    "vice-president",
    "vice-premier",
    "czar",
    // (a held-out story's `Kaloyan Tsvetkov, a lawyer for the residents,` and `Zornitsa
    // Georgieva, coordinator of the For the Rhodopes coalition` had no person cue)
    "lawyer",
    "coordinator",
    "activist",
    "campaigner",
];

/// Heads that name an office by themselves (`President`, `Premier`): a role key with such a
/// head and no department joins others only when a country or organisation qualifies it.
pub const GENERIC_HEADS: &[&str] = &[
    "president",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "emperor",
    "leader",
    "general",
    "admiral",
    "judge",
    "justice",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "mayor",
    "ambassador",
    "envoy",
    "adviser",
    "advisor",
    "chief",
    "head",
    "economist",
    "analyst",
    "editor",
    "correspondent",
    "professor",
    "boss",
    "manager",
    "officer",
    "official",
    "negotiator",
    "speaker",
    "dean",
    "mp",
    "mep",
    "prosecutor",
    "attorney",
    "counsel",
    "executive",
    "founder",
    "co-founder",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "deputy",
    "minister",
    "secretary",
    "director",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "commissioner",
    "governor",
    "representative",
    "administrator",
    "sheriff",
    "treasurer",
    "czar",
];

/// Heads of offices one person holds at a time once the office names its department,
/// country body or company (the last word of a role: `commerce secretary`, `finance
/// minister`, `trade representative`, `nvidia ceo`). Offices with many holders at once (`Tory
/// MP`, `Republican senator`, `Mr Justice`, `foreign ministry spokesperson`, `analyst`, an EU
/// `commissioner`) are not one-seat offices (see [`is_one_seat_office`]): the BBC corpus gives
/// such roles to up to six people.
pub const ONE_SEAT_HEADS: &[&str] = &[
    "secretary",
    "minister",
    "representative",
    "governor",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "mayor",
    "speaker",
    "treasurer",
];

/// Heads that name a one-seat office alone, with the country the role key gives (`us:
/// president`), and qualified too (`commission president`); a bare `secretary`, `minister`
/// or `representative` is one of many.
pub const BARE_ONE_SEAT_HEADS: &[&str] = &[
    "president",
    "premier",
    "chancellor",
    "vice-president",
    "vice-premier",
    "king",
    "queen",
    "pope",
    "emperor",
];

/// Words that make an office one of several (`deputy commerce minister`).
pub const JUNIOR_WORDS: &[&str] = &[
    "deputy",
    "assistant",
    "junior",
    "associate",
    "under",
    "vice",
];

/// Whether `office` (a role's office, lowercase, head last: `commerce secretary`, `nvidia
/// chief executive`) is held by one person at a time: a president or premier even bare (the
/// role key gives the country), a secretary, minister, representative, governor, chair,
/// chief executive or mayor once a department, body or company qualifies it, never a deputy
/// or junior office. Two people given such an office in one story is a contradiction worth
/// showing; two MPs, senators or spokespeople are not.
pub fn is_one_seat_office(office: &str) -> bool {
    let words: Vec<&str> = office.split(' ').collect();
    match words.as_slice() {
        [] => false,
        [head] => BARE_ONE_SEAT_HEADS.contains(head),
        [.., "chief", "executive"] => true,
        [qualifiers @ .., head] => {
            (ONE_SEAT_HEADS.contains(head) || BARE_ONE_SEAT_HEADS.contains(head))
                && !qualifiers.iter().any(|w| JUNIOR_WORDS.contains(w))
        }
    }
}

/// Whether `office` (lowercase, head last) is a monarch's or a royal's title (`crown
/// prince`, `king`, `emir`): its holders are known by their given names.
pub fn is_royal_office(office: &str) -> bool {
    office.rsplit(' ').next().is_some_and(|head| {
        matches!(
            head,
            "king"
                | "queen"
                | "prince"
                | "princess"
                | "emperor"
                | "empress"
                | "sultan"
                | "emir"
                | "tsar"
                | "czar"
                | "shah"
                | "pope"
        )
    })
}

/// Heads of offices held by the members of a body (`Labour MP`, `senator`, `councillor`):
/// many people hold them at once, so two holders are never a role conflict.
pub const MEMBER_HEADS: &[&str] = &[
    "mp",
    "mps",
    "msp",
    "mep",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "councillor",
    "councilor",
    "peer",
    "member",
    "delegate",
    "backbencher",
    // many at once in one firm, court or force (BBC names report, 2026-12-07: two Jupiter
    // analysts, three US attorneys, four High Court judges styled `Mr Justice`)
    "analyst",
    "analysts",
    "co-founder",
    "cofounder",
    "attorney",
    "judge",
    "correspondent",
    "detective",
    "superintendent",
    "inspector",
    "sergeant",
    "constable",
    "lawyer",
    "activist",
    "campaigner",
];

/// Whether `office` (lowercase, head last) is held by the members of a body
/// ([`MEMBER_HEADS`]): `labour mp`, `us senator`; or is a judge's style (`mr justice`,
/// `lord justice`: every High Court or Appeal judge), not the one `chief justice`.
pub fn is_member_office(office: &str) -> bool {
    let mut words = office.rsplit(' ');
    let head = words.next();
    head.is_some_and(|head| MEMBER_HEADS.contains(&head))
        || (head == Some("justice")
            && words.any(|w| matches!(w, "mr" | "mrs" | "ms" | "lord" | "lady"))
            && !office.split(' ').any(|w| w == "chief"))
}

/// Letters written after a name that are not part of it (`Ken Macdonald QC`, `William
/// Haughey OBE`), lower case, without dots. `Jr`, `Sr` and numerals stay: they tell a father
/// from a son (`Douglas Fairbanks Jr` and `Sr`) or a king from another.
pub const POST_NOMINALS: &[&str] = &[
    "qc", "kc", "msp", "mep", "obe", "cbe", "mbe", "kbe", "dbe", "frs", "phd", "esq",
];

/// Modifiers kept with a head (`Deputy Minister`, `Vice Premier`, `Prime Minister`).
pub const MODIFIERS: &[&str] = &[
    "deputy",
    "vice",
    "acting",
    "assistant",
    "under",
    "prime",
    "first",
    "senior",
    "chief",
    "former",
    "interim",
    "associate",
    "principal",
    "second",
    "executive",
    "permanent",
];

/// Department words that complement a head (`Secretary of Commerce`).
pub const DEPARTMENTS: &[&str] = &[
    "commerce",
    "treasury",
    "state",
    "defense",
    "defence",
    "foreign",
    "affairs",
    "finance",
    "trade",
    "energy",
    "health",
    "labour",
    "labor",
    "justice",
    "agriculture",
    "education",
    "interior",
    "transport",
    "transportation",
    "environment",
    "economy",
    "economic",
    "culture",
    "housing",
    "homeland",
    "security",
    "industry",
    "commerce",
    "home",
    "war",
    "navy",
    "army",
    "development",
    "planning",
    "communications",
    "information",
    "technology",
    "science",
    "welfare",
    "social",
    "public",
    "works",
    "tourism",
    "sport",
    "sports",
    "immigration",
    "internal",
    "external",
    "national",
    "international",
    "veterans",
    "fisheries",
    "mines",
    "mining",
    "water",
    "resources",
    "natural",
    "urban",
    "rural",
    "infrastructure",
    "digital",
    "european",
    "budget",
    "revenue",
    "customs",
    "central",
    "bank",
    "reserve",
    "federal",
    "and",
    "the",
];

/// Country and nationality words, each with the country key it qualifies a role with.
pub const COUNTRIES: &[(&str, &str)] = &[
    ("us", "us"),
    ("u.s", "us"),
    ("usa", "us"),
    ("american", "us"),
    ("america", "us"),
    ("america's", "us"),
    ("washington", "us"),
    ("united", "us"),
    ("china", "china"),
    ("china's", "china"),
    ("chinese", "china"),
    ("beijing", "china"),
    ("prc", "china"),
    ("uk", "uk"),
    ("u.k", "uk"),
    ("british", "uk"),
    ("britain", "uk"),
    ("britain's", "uk"),
    ("japan", "japan"),
    ("japanese", "japan"),
    ("japan's", "japan"),
    ("russia", "russia"),
    ("russian", "russia"),
    ("russia's", "russia"),
    ("kremlin", "russia"),
    ("france", "france"),
    ("french", "france"),
    ("german", "germany"),
    ("germany", "germany"),
    ("germany's", "germany"),
    ("india", "india"),
    ("indian", "india"),
    ("india's", "india"),
    ("eu", "eu"),
    ("european", "eu"),
    ("canada", "canada"),
    ("canadian", "canada"),
    ("mexico", "mexico"),
    ("mexican", "mexico"),
    ("korea", "korea"),
    ("korean", "korea"),
    ("south", "south"),
    ("north", "north"),
    ("taiwan", "taiwan"),
    ("taiwanese", "taiwan"),
    ("ukraine", "ukraine"),
    ("ukrainian", "ukraine"),
    ("italian", "italy"),
    ("italy", "italy"),
    ("spanish", "spain"),
    ("spain", "spain"),
    ("brazil", "brazil"),
    ("brazilian", "brazil"),
    ("australia", "australia"),
    ("australian", "australia"),
    ("israel", "israel"),
    ("israeli", "israel"),
    ("iran", "iran"),
    ("iranian", "iran"),
    ("turkish", "turkey"),
    ("turkey", "turkey"),
    ("saudi", "saudi"),
    ("hong", "hongkong"),
    ("kong", "hongkong"),
];

/// More countries and nationality words, each with its country key, that scope an office
/// (`Iraq's Trade Minister`, `Jamaican Finance Minister`) and tell which country an article is
/// about ([`scope_country`]). Not in [`COUNTRIES`], whose words are never part of a person's
/// name: `Jordan` and `Jamaica` are given or family names too (`Michael Jordan`).
pub const MORE_COUNTRIES: &[(&str, &str)] = &[
    ("afghanistan", "afghanistan"),
    ("afghan", "afghanistan"),
    ("albania", "albania"),
    ("albanian", "albania"),
    ("algeria", "algeria"),
    ("algerian", "algeria"),
    ("angola", "angola"),
    ("angolan", "angola"),
    ("argentina", "argentina"),
    ("argentine", "argentina"),
    ("argentinian", "argentina"),
    ("armenia", "armenia"),
    ("armenian", "armenia"),
    ("austria", "austria"),
    ("austrian", "austria"),
    ("azerbaijan", "azerbaijan"),
    ("azerbaijani", "azerbaijan"),
    ("bahrain", "bahrain"),
    ("bahraini", "bahrain"),
    ("bangladesh", "bangladesh"),
    ("bangladeshi", "bangladesh"),
    ("belarus", "belarus"),
    ("belarusian", "belarus"),
    ("belgium", "belgium"),
    ("belgian", "belgium"),
    ("bolivia", "bolivia"),
    ("bolivian", "bolivia"),
    ("bosnia", "bosnia"),
    ("bosnian", "bosnia"),
    ("botswana", "botswana"),
    ("bulgaria", "bulgaria"),
    ("bulgarian", "bulgaria"),
    ("burma", "burma"),
    ("burmese", "burma"),
    ("myanmar", "burma"),
    ("cambodia", "cambodia"),
    ("cambodian", "cambodia"),
    ("cameroon", "cameroon"),
    ("cameroonian", "cameroon"),
    ("chile", "chile"),
    ("chilean", "chile"),
    ("colombia", "colombia"),
    ("colombian", "colombia"),
    ("congo", "congo"),
    ("congolese", "congo"),
    ("croatia", "croatia"),
    ("croatian", "croatia"),
    ("cuba", "cuba"),
    ("cuban", "cuba"),
    ("cyprus", "cyprus"),
    ("cypriot", "cyprus"),
    ("czech", "czech"),
    ("denmark", "denmark"),
    ("danish", "denmark"),
    ("ecuador", "ecuador"),
    ("ecuadorean", "ecuador"),
    ("ecuadorian", "ecuador"),
    ("egypt", "egypt"),
    ("egyptian", "egypt"),
    ("estonia", "estonia"),
    ("estonian", "estonia"),
    ("ethiopia", "ethiopia"),
    ("ethiopian", "ethiopia"),
    ("finland", "finland"),
    ("finnish", "finland"),
    ("ghana", "ghana"),
    ("ghanaian", "ghana"),
    ("greece", "greece"),
    ("greek", "greece"),
    ("guatemala", "guatemala"),
    ("guatemalan", "guatemala"),
    ("haiti", "haiti"),
    ("haitian", "haiti"),
    ("hungary", "hungary"),
    ("hungarian", "hungary"),
    ("iceland", "iceland"),
    ("icelandic", "iceland"),
    ("indonesia", "indonesia"),
    ("indonesian", "indonesia"),
    ("iraq", "iraq"),
    ("iraqi", "iraq"),
    ("ireland", "ireland"),
    ("irish", "ireland"),
    ("jamaica", "jamaica"),
    ("jamaican", "jamaica"),
    ("jordan", "jordan"),
    ("jordanian", "jordan"),
    ("kazakhstan", "kazakhstan"),
    ("kazakh", "kazakhstan"),
    ("kenya", "kenya"),
    ("kenyan", "kenya"),
    ("kuwait", "kuwait"),
    ("kuwaiti", "kuwait"),
    ("latvia", "latvia"),
    ("latvian", "latvia"),
    ("lebanon", "lebanon"),
    ("lebanese", "lebanon"),
    ("liberia", "liberia"),
    ("liberian", "liberia"),
    ("libya", "libya"),
    ("libyan", "libya"),
    ("lithuania", "lithuania"),
    ("lithuanian", "lithuania"),
    ("luxembourg", "luxembourg"),
    ("malaysia", "malaysia"),
    ("malaysian", "malaysia"),
    ("mali", "mali"),
    ("malian", "mali"),
    ("malta", "malta"),
    ("maltese", "malta"),
    ("morocco", "morocco"),
    ("moroccan", "morocco"),
    ("mozambique", "mozambique"),
    ("namibia", "namibia"),
    ("namibian", "namibia"),
    ("nepal", "nepal"),
    ("nepalese", "nepal"),
    ("netherlands", "netherlands"),
    ("dutch", "netherlands"),
    ("holland", "netherlands"),
    ("nicaragua", "nicaragua"),
    ("nicaraguan", "nicaragua"),
    ("niger", "niger"),
    ("nigeria", "nigeria"),
    ("nigerian", "nigeria"),
    ("norway", "norway"),
    ("norwegian", "norway"),
    ("oman", "oman"),
    ("omani", "oman"),
    ("pakistan", "pakistan"),
    ("pakistani", "pakistan"),
    ("palestinian", "palestinian"),
    ("panama", "panama"),
    ("panamanian", "panama"),
    ("paraguay", "paraguay"),
    ("paraguayan", "paraguay"),
    ("peru", "peru"),
    ("peruvian", "peru"),
    ("philippines", "philippines"),
    ("philippine", "philippines"),
    ("filipino", "philippines"),
    ("poland", "poland"),
    ("polish", "poland"),
    ("portugal", "portugal"),
    ("portuguese", "portugal"),
    ("qatar", "qatar"),
    ("qatari", "qatar"),
    ("romania", "romania"),
    ("romanian", "romania"),
    ("rwanda", "rwanda"),
    ("rwandan", "rwanda"),
    ("senegal", "senegal"),
    ("senegalese", "senegal"),
    ("serbia", "serbia"),
    ("serbian", "serbia"),
    ("singapore", "singapore"),
    ("singaporean", "singapore"),
    ("slovakia", "slovakia"),
    ("slovak", "slovakia"),
    ("slovenia", "slovenia"),
    ("slovenian", "slovenia"),
    ("somalia", "somalia"),
    ("somali", "somalia"),
    ("sudan", "sudan"),
    ("sudanese", "sudan"),
    ("sweden", "sweden"),
    ("swedish", "sweden"),
    ("switzerland", "switzerland"),
    ("swiss", "switzerland"),
    ("syria", "syria"),
    ("syrian", "syria"),
    ("tanzania", "tanzania"),
    ("tanzanian", "tanzania"),
    ("thailand", "thailand"),
    ("thai", "thailand"),
    ("tunisia", "tunisia"),
    ("tunisian", "tunisia"),
    ("uganda", "uganda"),
    ("ugandan", "uganda"),
    ("uruguay", "uruguay"),
    ("uruguayan", "uruguay"),
    ("uzbekistan", "uzbekistan"),
    ("uzbek", "uzbekistan"),
    ("venezuela", "venezuela"),
    ("venezuelan", "venezuela"),
    ("vietnam", "vietnam"),
    ("vietnamese", "vietnam"),
    ("yemen", "yemen"),
    ("yemeni", "yemen"),
    ("zambia", "zambia"),
    ("zambian", "zambia"),
    ("zimbabwe", "zimbabwe"),
    ("zimbabwean", "zimbabwe"),
];

/// The country key of a country or nationality word of [`COUNTRIES`] or [`MORE_COUNTRIES`]:
/// the country an office is of (`Iraqi`: `iraq`).
pub fn scope_country(word: &str) -> Option<&'static str> {
    static M: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    M.get_or_init(|| COUNTRIES.iter().chain(MORE_COUNTRIES).copied().collect())
        .get(word)
        .copied()
}

/// Verbs and words after a name that cue a person (`X said`, `X told`).
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "declined",
    "wrote",
    "writes",
    "announced",
    "announces",
    "stated",
    "noted",
    "warned",
    "argued",
    "insisted",
    "explained",
    "replied",
    "urged",
    "met",
    "meets",
    "confirmed",
    "denied",
    "tweeted",
    "posted",
    "stressed",
    "emphasized",
    "emphasised",
    "acknowledged",
    "admitted",
    "asked",
    "spoke",
    "speaks",
    "visited",
    "hosted",
    "welcomed",
    "signed",
    "praised",
    "criticised",
    "criticized",
    "proposed",
    "suggested",
    "responded",
    "commented",
    "expressed",
    "believes",
    "thinks",
    "hopes",
    "expects",
    "wants",
    "vowed",
    "pledged",
    "claimed",
    "countered",
    "predicted",
    "recalled",
    "revealed",
    "disclosed",
    "conceded",
    "agreed",
    "refused",
    "promised",
    "threatened",
    "accused",
    "called",
    "pointed",
    "reiterated",
    "joined",
    "led",
    "arrived",
    "who",
    "himself",
    "herself",
];

/// Words before a name that cue a person (`according to X`, `"…," said X`).
pub const BEFORE_CUES: &[&str] = &["said", "says", "told", "to", "by", "asked", "with", "and"];

/// Month names and their abbreviations, lowercase: never a person's name (see
/// [`is_non_name`]); beside a number, part of a date.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Days of the week, lower case.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Parties and their members as words before a name (`Conservative Michael Howard`,
/// `Liberal Democrat Alan Beith`): skipped as openers unless an office follows, and never
/// part of a name unless also a given name (`Tory Burch`; see [`is_non_name`]).
pub const PARTIES: &[&str] = &[
    "conservative",
    "conservatives",
    "tory",
    "tories",
    "labour",
    "democrat",
    "democrats",
    "democratic",
    "republican",
    "republicans",
    "liberal",
    "liberals",
    "unionist",
    "unionists",
    "nationalist",
    "nationalists",
    "socialist",
    "communist",
    // the Liberal Democrats as British papers write them (`the Lib Dems say`)
    "lib",
    "dem",
    "dems",
];

/// Words that are never (part of) a person's name: organisations, places, time, media,
/// common capitalised words; [`MONTHS`] and [`WEEKDAYS`] too (see [`is_non_name`]).
pub const NON_NAME: &[&str] = &[
    // a company's services (`Moody's Investors Service Inc`)
    "service",
    "services",
    // Moody's rating grades of three letters (`rated Baa-2 by Moody's`, `cut to Ba-1 from
    // Baa-3`; `Aa` and `Ba` are too short to be taken for names)
    "aaa",
    "baa",
    "caa",
    // organisations and media of the Arab world named with the article `al-`, which joins a
    // capitalised word into a name word (`al-Gosaibi`)
    "al-qaeda",
    "al-qaida",
    "al-jazeera",
    "al-aqsa",
    "al-shabaab",
    "al-nusra",
    "al-ahram",
    "al-arabiya",
    // the second words of two-word countries, never a person's (`Sri Lanka`; `Sri` is a given
    // name: `Sri Mulyani Indrawati`)
    "lanka",
    "zealand",
    "arabia",
    // sport, music and broadcasting bodies (`the Premier League`, `6 Music`, `channel Five`)
    "league",
    "cup",
    "championship",
    "championships",
    "premiership",
    "olympics",
    "club",
    "fc",
    "united",
    "rovers",
    "athletic",
    "music",
    "records",
    "studios",
    "pictures",
    "films",
    "channel",
    "magazine",
    "awards",
    "festival",
    "orchestra",
    // number words (`Five`, the channel; `One`, the network)
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    // organisations and bodies
    "ministry",
    "department",
    "house",
    "commission",
    "council",
    "committee",
    "bank",
    "authority",
    "office",
    "agency",
    "bureau",
    "board",
    "inc",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "llc",
    "plc",
    "group",
    "holdings",
    "university",
    "college",
    "institute",
    "school",
    "party",
    "congress",
    "senate",
    "parliament",
    "assembly",
    "government",
    "administration",
    "court",
    "federation",
    "union",
    "association",
    "organization",
    "organisation",
    "fund",
    "foundation",
    "network",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "daily",
    "herald",
    "tribune",
    "gazette",
    "telegraph",
    "guardian",
    "reuters",
    "bloomberg",
    "xinhua",
    "agence",
    "television",
    "tv",
    "radio",
    "media",
    "motors",
    "airlines",
    "airways",
    "energy",
    "steel",
    "mining",
    "shipping",
    "pharma",
    "telecom",
    "insurance",
    "chemicals",
    "foods",
    "bank's",
    "capital",
    "partners",
    "securities",
    "exchange",
    "market",
    "markets",
    "index",
    "fed",
    "reserve",
    "treasury",
    "pentagon",
    "kremlin",
    "nato",
    "un",
    "who",
    "wto",
    "imf",
    "opec",
    "army",
    "navy",
    "force",
    "police",
    "regulator",
    "customs",
    "port",
    "mechanism",
    "summit",
    "forum",
    "talks",
    "agreement",
    "deal",
    "act",
    "bill",
    "law",
    "treaty",
    "accord",
    "plan",
    "program",
    "programme",
    "project",
    "initiative",
    "strategy",
    "policy",
    "war",
    "crisis",
    "conference",
    "center",
    "centre",
    "hall",
    "institution",
    "institutions",
    "theatre",
    "theater",
    "arena",
    "cathedral",
    "street",
    "road",
    "avenue",
    "square",
    "palace",
    "building",
    "tower",
    "airport",
    "station",
    "hospital",
    "museum",
    "stadium",
    "hotel",
    "district",
    "province",
    "state",
    "states",
    "city",
    "county",
    "region",
    "republic",
    "kingdom",
    "empire",
    "island",
    "islands",
    "river",
    "lake",
    "mountain",
    "mountains",
    "sea",
    "ocean",
    "valley",
    "bay",
    "gulf",
    "coast",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "global",
    "international",
    "national",
    "federal",
    "american",
    "chinese",
    "european",
    "asian",
    "african",
    "british",
    "japanese",
    "russian",
    "indian",
    "korean",
    "german",
    "french",
    "english",
    "arab",
    "western",
    "rare",
    "earth",
    "white",
    "black",
    "wall",
    "silicon",
    "new",
    "san",
    "los",
    "las",
    "hong",
    "kong",
    "delhi",
    "york",
    "london",
    "paris",
    "beijing",
    "washington",
    "moscow",
    "tokyo",
    "geneva",
    "brussels",
    "singapore",
    "nairobi",
    "lima",
    "oslo",
    "hanoi",
    "warsaw",
    "ankara",
    "buenos",
    "aires",
    "cape",
    "town",
    "shanghai",
    "shenzhen",
    "berlin",
    "rome",
    "madrid",
    "seoul",
    "taipei",
    "kyiv",
    "kiev",
    "dubai",
    "riyadh",
    "cairo",
    "istanbul",
    "mumbai",
    "sydney",
    "toronto",
    "ottawa",
    "mexico",
    "brazil",
    "canada",
    "china",
    "japan",
    "india",
    "russia",
    "france",
    "germany",
    "italy",
    "spain",
    "britain",
    "ukraine",
    "iran",
    "israel",
    "korea",
    "taiwan",
    "vietnam",
    "europe",
    "asia",
    "africa",
    "america",
    "americas",
    "usa",
    "us",
    "u.s",
    "uk",
    "u.k",
    "eu",
    "un",
    "california",
    "texas",
    "florida",
    "virginia",
    "christmas",
    "easter",
    "ramadan",
    "god",
    "internet",
    "covid",
    "covid-19",
    "coronavirus",
    "twitter",
    "facebook",
    "google",
    "apple",
    "microsoft",
    "amazon",
    "nvidia",
    "tesla",
    "meta",
    "x",
    "tiktok",
    "youtube",
    "instagram",
    "whatsapp",
    "wechat",
    "weibo",
    "ai",
    "gdp",
    "ceo",
    "ipo",
    "etf",
];

/// Common capitalised sentence openers and group nouns that are not people (`Analysts
/// said…`, `Officials…`).
pub const COMMON_OPENERS: &[&str] = &[
    // sentence adverbs that open wire copy (`Separately Reagan said`, `Besides Reagan`)
    "besides",
    "separately",
    "elsewhere",
    "likewise",
    "consequently",
    "accordingly",
    "eventually",
    "subsequently",
    "afterwards",
    "afterward",
    "regardless",
    "excluding",
    "analysts",
    "officials",
    "critics",
    "markets",
    "sources",
    "experts",
    "observers",
    "investors",
    "reporters",
    "diplomats",
    "negotiators",
    "economists",
    "people",
    "authorities",
    "lawmakers",
    "residents",
    "protesters",
    "traders",
    "delegates",
    "ministers",
    "leaders",
    "both",
    "according",
    "asked",
    "speaking",
    "while",
    "however",
    "meanwhile",
    "after",
    "before",
    "when",
    "if",
    "as",
    "in",
    "on",
    "at",
    "but",
    "and",
    "so",
    "yet",
    "then",
    "also",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "there",
    "here",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "why",
    "how",
    "where",
    "no",
    "not",
    "yes",
    "all",
    "some",
    "many",
    "most",
    "more",
    "much",
    "few",
    "each",
    "every",
    "other",
    "another",
    "such",
    "one",
    "two",
    "three",
    "first",
    "last",
    "next",
    "previous",
    "earlier",
    "later",
    "now",
    "today",
    "tomorrow",
    "yesterday",
    "still",
    "even",
    "only",
    "just",
    "since",
    "until",
    "despite",
    "although",
    "though",
    "because",
    "unlike",
    "like",
    "under",
    "over",
    "with",
    "without",
    "during",
    "from",
    "for",
    "of",
    "to",
    "by",
    "about",
    "into",
    "through",
    "between",
    "among",
    "against",
    "following",
    "regarding",
    "including",
    "instead",
    "indeed",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "overall",
    "finally",
    "initially",
    "currently",
    "recently",
    "previously",
    "additionally",
    "similarly",
    "specifically",
    "thus",
    "therefore",
    "hence",
    "mr",
    "mrs",
    "ms",
    "dr",
    "said",
    "says",
    "quoted",
    "reportedly",
    "notably",
    "perhaps",
    "maybe",
    "nothing",
    "everything",
    "something",
    "anything",
    "nobody",
    "everyone",
    "someone",
    "anyone",
    "our",
    "let",
    "please",
    "thank",
    "thanks",
    "dear",
    "hello",
    "wow",
    "oh",
    "well",
    "okay",
    "ok",
    "why",
    "whether",
    "upon",
    "within",
    "around",
    "across",
    "behind",
    "beyond",
    "near",
    "outside",
    "inside",
    "towards",
    "toward",
    "per",
    "via",
    "amid",
    "amidst",
    "once",
    "whereas",
    "unless",
    "otherwise",
    "again",
    "already",
    "always",
    "never",
    "often",
    "sometimes",
    "usually",
    "rather",
    "quite",
    "very",
    "too",
    "both",
    "either",
    "neither",
    "nor",
    "or",
    "else",
];

/// Lower-case particles allowed inside a name (`van der Berg`, `bin Salman`).
pub const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn",
    "al", "el", "ben", "dos", "das", "ter", "ten", "zu",
];

/// Common given names of many origins (beyond the English nickname table).
const GIVEN_EXTRA: &str = "adam ahmed ahmad ali alexei alexander alexandr alejandro alice amir amina ana andrei \
andrzej anna anton antonio ayesha boris carla carlos chen clara dmitri dmitry elena elias emil \
emma erik eva fatima felix francesco franz friedrich georg gregor giorgio giuseppe greta hans \
hanna hassan hugo hussein igor ibrahim irina ivan jacob jan javier jean jens joao jonas jorge \
jose juan julia julian karl karen khalid klaus lars laura lena leon lucas lucia luis luca \
maria marco marta martin mateo matthew mehmet mikhail mohammed muhammad monica mustafa nadia \
natalia nikolai nina olga omar oscar pablo paula pedro pierre pavel rita sara sergei sergey \
simon sofia stefan svetlana tanya teresa thomas tomas vera victor vladimir walter yasmin \
yusuf yuri zoe olaf sven ingrid astrid jurgen wolfgang helmut angela emmanuel francois \
narendra rahul priya raj sanjay vijay amit anil sunil deepak rajesh kim hiroshi takeshi \
yuki kenji akira haruki shinzo fumio yoshihide naoki min ji seo hyun soo jae kwame kofi \
ngozi chinedu abdul abdullah tayyip recep volodymyr vladislav andriy oleksandr yulia \
viktor jaroslaw mateusz lukasz piotr krzysztof tomasz agnieszka katarzyna malgorzata \
beatrice diana helen karen monica natalie zoe keir rishi liz boris emmanuel olaf giorgia \
ursula christine janet gina katherine kevin howard scott antony jake dan";

/// Whether `word` (lower case) is a given name: in the bundled nickname table (but for the
/// names the census knows mostly as surnames, `smith`, `wilson`), the list of common given
/// names of many origins, or the given names of the 1990 US census that are no English words
/// or places (`data/census-given.txt`, see `data/CENSUS-GIVEN.md`).
pub fn is_given_name(word: &str) -> bool {
    given_names().contains(word)
}

/// Whether `word` (lower case) is a name of the nickname table that the census knows mostly
/// as a surname (`wilson`, `jackson`, `campbell`): no given name to pick a name out, but
/// first in a name it still reads as one (`Wilson Kipketer`, `Jackson Pollock`).
pub fn is_surname_of_the_table(word: &str) -> bool {
    census().surnames.contains(word)
}

/// The bundled census table (`data/census-given.txt`, rows `NAME<TAB>GENDER<TAB>KIND`), read
/// once.
struct Census {
    /// KIND `name`: given names that open a name.
    names: Vec<&'static str>,
    /// KIND `word`: given names that are English words or as often surnames, which open no
    /// name alone.
    words: FxHashSet<&'static str>,
    /// KIND `surname`: names of the nickname table that the census knows mostly as
    /// surnames, which are no given names.
    surnames: FxHashSet<&'static str>,
    /// GENDER `m` or `f`, when nine bearers in ten or more are of that sex.
    genders: FxHashMap<&'static str, Gender>,
}

fn census() -> &'static Census {
    static TABLE: OnceLock<Census> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Census {
            names: Vec::new(),
            words: FxHashSet::default(),
            surnames: FxHashSet::default(),
            genders: FxHashMap::default(),
        };
        let rows = include_str!("../../data/census-given.txt")
            .lines()
            .filter(|l| !l.starts_with('#'));
        for row in rows {
            let mut f = row.split('\t');
            let (Some(name), Some(gender), Some(kind)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            match gender {
                "m" => t.genders.insert(name, Gender::Masculine),
                "f" => t.genders.insert(name, Gender::Feminine),
                _ => None,
            };
            match kind {
                "name" => t.names.push(name),
                "word" => {
                    t.words.insert(name);
                }
                "surname" => {
                    t.surnames.insert(name);
                }
                _ => {}
            }
        }
        t
    })
}

/// The gender of a given name (lower case) in the 1990 US census, when nine in ten or more
/// of its bearers are of one sex (`ronald`, `nancy`; not `kelly`).
pub fn given_gender(word: &str) -> Option<Gender> {
    census().genders.get(word).copied()
}

/// Whether `word` (lower case) may be a given name where a name has no other cue: a given
/// name ([`is_given_name`]), or one of the 1990 US census that is also an English word or as
/// often a surname (`grant`, `guy`, `lee`), which opens no name alone.
pub fn may_be_given_name(word: &str) -> bool {
    is_given_name(word) || census().words.contains(word)
}

fn given_names() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut s = listed_given_names().clone();
        // given names of the 1990 US census, filtered at build time (data/census_given.py);
        // the crate's own lists of common words, non-name words, months and countries win
        for &name in &census().names {
            if !is_common(name)
                && !NON_NAME.contains(&name)
                && !MONTHS.contains(&name)
                && !WEEKDAYS.contains(&name)
                && country(name).is_none()
            {
                s.insert(name.to_owned());
            }
        }
        s
    })
}

/// Whether `word` (lower case) is a given name of the nickname table or the list of given
/// names of many origins, not only of the census: many census given names are common
/// surnames too (`harvey`, `christie`, `wayne`, `sherman`), which a name's second word
/// usually is.
pub fn is_listed_given_name(word: &str) -> bool {
    listed_given_names().contains(word)
}

fn listed_given_names() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        // names of the table that the census knows as surnames far more often (`smith`)
        let surnames = &census().surnames;
        let mut s: FxHashSet<String> = GIVEN_EXTRA.split_whitespace().map(str::to_owned).collect();
        #[allow(clippy::iter_over_hash_type)] // inserting into a set: order-free
        for (canon, nicks) in nickname_table() {
            if !surnames.contains(canon.as_str()) {
                s.insert(canon.clone());
            }
            // nicknames of 3 letters or more that are not common English words
            for n in nicks {
                if n.len() >= 3 && !is_common(n) && !surnames.contains(n.as_str()) {
                    s.insert(n.clone());
                }
            }
        }
        s
    })
}

/// Rows of the bundled nickname table left out: pairs that the table has but that news
/// writing never uses for one person, where two people of one family name are common (`Bill
/// Gates` is no `Robert Gates`; `Bill` is `William`'s).
/// Either direction of a pair is left out.
const NICKNAME_EXCEPTIONS: &[(&str, &str)] =
    &[("robert", "bill"), ("robert", "billy"), ("bill", "fred")];

/// The nickname table (`canonical` → nicknames), bundled from
/// `data/nicknames.tsv` (Apache-2.0, see `data/NICKNAMES-LICENSE.md`), without
/// a few rows news writing never uses (`robert` ~ `bill`).
pub fn nickname_table() -> &'static FxHashMap<String, Vec<String>> {
    static MAP: OnceLock<FxHashMap<String, Vec<String>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: FxHashMap<String, Vec<String>> = FxHashMap::default();
        for line in include_str!("../../data/nicknames.tsv").lines().skip(1) {
            let mut f = line.split('\t');
            if let (Some(a), Some(_), Some(b)) = (f.next(), f.next(), f.next())
                && !NICKNAME_EXCEPTIONS.contains(&(a, b))
                && !NICKNAME_EXCEPTIONS.contains(&(b, a))
            {
                m.entry(a.to_owned()).or_default().push(b.to_owned());
            }
        }
        m
    })
}

/// Folded surname form → the rows of the bundled surname table (`data/surnames.tsv`: the
/// romanizations of one Chinese surname in pinyin, Wade-Giles, Cantonese, Hokkien and
/// Teochew, Vietnamese and Korean) that hold it.
fn surname_rows() -> &'static FxHashMap<&'static str, Vec<u16>> {
    static MAP: OnceLock<FxHashMap<&'static str, Vec<u16>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: FxHashMap<&'static str, Vec<u16>> = FxHashMap::default();
        let rows = include_str!("../../data/surnames.tsv").lines().skip(1);
        for (row, line) in rows.enumerate() {
            for form in line.split('\t').nth(1).unwrap_or("").split_whitespace() {
                // the table has a few hundred rows
                m.entry(form).or_default().push(row as u16);
            }
        }
        m
    })
}

/// Whether two different folded family names are romanizations of one Chinese surname in
/// the bundled table (`data/surnames.tsv`, written for this project: `zhang`, `chang`,
/// `cheung`, `teo`, `truong`, `jang` for 張; `chen`, `chan`, `tan`, `tran` for 陳). A form
/// may read several surnames (`wong`: 黃 and 王); two forms match when one surname has both.
pub fn same_surname(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let m = surname_rows();
    match (m.get(a), m.get(b)) {
        (Some(x), Some(y)) => x.iter().any(|r| y.contains(r)),
        _ => false,
    }
}

/// Every folded given name nickname-related to `a` in either direction of the
/// [`nickname_table`] (`a` itself not included): exactly the names `b != a` with
/// [`same_given`]`(a, b)`, for looking up candidates by given name instead of scanning.
pub fn related_givens(a: &str) -> Vec<&'static str> {
    static REV: OnceLock<FxHashMap<String, Vec<String>>> = OnceLock::new();
    let t = nickname_table();
    let rev = REV.get_or_init(|| {
        let mut m: FxHashMap<String, Vec<String>> = FxHashMap::default();
        // order-free: each list is sorted on the way out
        #[allow(clippy::iter_over_hash_type)]
        for (k, vs) in t {
            for v in vs {
                m.entry(v.clone()).or_default().push(k.clone());
            }
        }
        m
    });
    let mut out: Vec<&'static str> = t
        .get(a)
        .into_iter()
        .chain(rev.get(a))
        .flatten()
        .map(String::as_str)
        .filter(|&b| b != a)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether two folded given names are the same name or nickname-related (`bob` ~ `robert`,
/// `rob` ~ `bob` through `robert`).
pub fn same_given(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let t = nickname_table();
    let rel = |x: &str, y: &str| t.get(x).is_some_and(|v| v.iter().any(|n| n == y));
    if rel(a, b) || rel(b, a) {
        return true;
    }
    false
}

fn set(list: &'static [&'static str]) -> FxHashSet<&'static str> {
    list.iter().copied().collect()
}

macro_rules! lookup {
    ($name:ident, $list:expr, $doc:literal) => {
        #[doc = $doc]
        pub fn $name(word: &str) -> bool {
            static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
            S.get_or_init(|| set($list)).contains(word)
        }
    };
}

lookup!(is_honorific, HONORIFICS, "Whether `word` is an honorific.");
lookup!(is_head, HEADS, "Whether `word` is a role head.");
lookup!(
    is_post_nominal,
    POST_NOMINALS,
    "Whether `word` is written after a name and not part of it."
);
lookup!(
    is_generic_head,
    GENERIC_HEADS,
    "Whether `word` is a head that names no office by itself."
);
lookup!(is_modifier, MODIFIERS, "Whether `word` is a head modifier.");
lookup!(
    is_department,
    DEPARTMENTS,
    "Whether `word` is a department word."
);
lookup!(
    is_speech_verb,
    SPEECH_VERBS,
    "Whether `word` cues a preceding person."
);
lookup!(
    is_before_cue,
    BEFORE_CUES,
    "Whether `word` cues a following person."
);
/// Whether `word` is one of the nations of the United Kingdom (`england`, `scotland`, `wales`,
/// `ulster`). Not in [`COUNTRIES`], where `England coach` and `Scotland coach` would become one
/// office, nor in [`NON_NAME`], which would also drop `Jimmy Wales` and `Chris England`: a
/// nation alone, without a title before it, is no person (`England and Wales`; `Mr Wales`
/// stays).
pub fn is_home_nation(word: &str) -> bool {
    matches!(word, "england" | "scotland" | "wales" | "ulster")
}

/// Whether `word`, a [`NON_NAME`] word (`a bill`), is a given name when it starts a name of two
/// words or more (`Bill Gates`, `Bill Clinton`). Months (`In May Blair said`) and places
/// (`Sydney`, `Virginia`) that are also given names stay out: they open runs of capitalised
/// words that are no names far more often.
pub fn is_given_non_name(word: &str) -> bool {
    word == "bill"
}

/// Whether `word` is never part of a person's name ([`NON_NAME`], [`MONTHS`], [`WEEKDAYS`]
/// or [`PARTIES`]).
pub fn is_non_name(word: &str) -> bool {
    static S: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    // a party word that is also a given name (`Tory`) can be part of a name
    S.get_or_init(|| {
        let parties = PARTIES.iter().filter(|w| !is_given_name(w));
        NON_NAME
            .iter()
            .chain(MONTHS)
            .chain(WEEKDAYS)
            .chain(parties)
            .copied()
            .collect()
    })
    .contains(word)
}
lookup!(
    is_party,
    PARTIES,
    "Whether `word` names a party or its members ([`PARTIES`])."
);
lookup!(
    is_common,
    COMMON_OPENERS,
    "Whether `word` is a common non-name opener."
);
lookup!(is_particle, PARTICLES, "Whether `word` is a name particle.");

/// The country key of a country or nationality word.
pub fn country(word: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|(w, _)| *w == word).map(|(_, c)| *c)
}

/// Whether a folded token is shaped like one romanized Chinese (or Korean/Vietnamese)
/// syllable: an optional initial (Vietnamese `tr` among them), one to three vowels and an
/// optional `n`/`ng`/`h`/`r` coda.
pub fn is_syllable(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    for init in [
        "zh", "ch", "sh", "ts", "tz", "hs", "ng", "tr", "b", "p", "m", "f", "d", "t", "n", "l",
        "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w",
    ] {
        if s.starts_with(init) {
            i = init.len();
            break;
        }
    }
    if i < b.len() && b[i] == b'h' && i > 0 {
        i += 1;
    }
    let v0 = i;
    while i < b.len() && matches!(b[i], b'a' | b'e' | b'i' | b'o' | b'u' | b'v') && i - v0 < 3 {
        i += 1;
    }
    if i == v0 {
        return false;
    }
    let rest = &s[i..];
    matches!(rest, "" | "n" | "ng" | "h" | "r")
}

/// Whether a folded token splits into at least two valid pinyin syllables (`jinping` =
/// jin+ping, `lifeng`, `chenggang`) and is not itself one (`liang`, `xian`, `tian`: one
/// syllable each, though `li`+`ang` would split).
pub fn is_pinyin_word(s: &str) -> bool {
    fn split(s: &str, n: usize) -> bool {
        if s.is_empty() {
            return n >= 2;
        }
        (1..=s.len().min(6))
            .rev()
            .any(|k| s.is_char_boundary(k) && is_pinyin_syllable(&s[..k]) && split(&s[k..], n + 1))
    }
    s.len() >= 4 && s.is_ascii() && !is_pinyin_syllable(s) && split(s, 0)
}

/// Whether a folded given name is a Chinese one of two syllables (`zhiwei`, `tianyi`): two
/// pinyin syllables of two letters or more, one of them with a mark of Chinese (`zh`, `x`,
/// `q`; `ao`, `ei`, `ui`, `ong`, `ing`, `ian`…), and not a known given name of another origin
/// (`anna`, `sean`, `dana`, `sasha` split into pinyin too). Such a name is distinctive enough
/// that one person's family name may be written several ways under it. `yifan` and `shufen`
/// have no mark and are missed: a miss keeps two people apart.
pub fn is_chinese_given(s: &str) -> bool {
    // a mark of Chinese: an initial or final that names of other origins that split into
    // pinyin (`sean` = se+an, `dana`, `aiden`, `sasha`, `tatiana`) do not have
    const MARKS: &[&str] = &[
        "zh", "x", "q", "ao", "ei", "ui", "iu", "ie", "uo", "ong", "ing", "eng", "ang", "ian",
        "iao", "uan", "un",
    ];
    fn split2(s: &str) -> Option<(&str, &str)> {
        (2..s.len().saturating_sub(1))
            .rev()
            .filter(|&k| s.is_char_boundary(k))
            .map(|k| (&s[..k], &s[k..]))
            .find(|(a, b)| is_pinyin_syllable(a) && is_pinyin_syllable(b))
    }
    is_pinyin_word(s)
        && !is_given_name(s)
        && split2(s).is_some_and(|(a, b)| MARKS.iter().any(|m| a.contains(m) || b.contains(m)))
}

/// Whether `s` is a valid toneless pinyin syllable (strict: standard initials and finals).
pub fn is_pinyin_syllable(s: &str) -> bool {
    const INITIALS: &[&str] = &[
        "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x",
        "r", "z", "c", "s", "y", "w", "",
    ];
    const FINALS: &[&str] = &[
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ui", "ao", "ou", "iu", "ie", "ue", "ve", "er",
        "an", "en", "in", "un", "vn", "ang", "eng", "ing", "ong", "ia", "iao", "ian", "iang",
        "iong", "ua", "uo", "uai", "uan", "uang",
    ];
    // without an initial, only the finals written so: `ong`, `iu`, `in` stand alone only as
    // `weng`, `you`, `yin` (so `tiong` is no `ti`+`ong`)
    const ZERO_INITIAL_FINALS: &[&str] = &[
        "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "er",
    ];
    INITIALS.iter().any(|i| {
        s.strip_prefix(i).is_some_and(|f| {
            FINALS.contains(&f) && (!i.is_empty() || ZERO_INITIAL_FINALS.contains(&f))
        })
    })
}

/// Company designators (`Inc`, `Corp`, `AG`), lower case.
const DESIGNATORS: &[&str] = &[
    "ab",
    "ag",
    "co",
    "company",
    "corp",
    "corporation",
    "gmbh",
    "group",
    "holdings",
    "industries",
    "inc",
    "limited",
    "llc",
    "ltd",
    "nv",
    "plc",
    "sa",
    "spa",
];

/// Words that end a miner's name (`Velmar Minerals`, `Newmont Mining`: a held-out story's
/// `Velmar's` was a person): designators only when no designator of [`DESIGNATORS`]
/// follows (`Galveston Resources Ltd` is the company `Galveston Resources`).
const WEAK_DESIGNATORS: &[&str] = &["minerals", "mining", "metals", "resources"];

/// Whether a lower-case word says that the name before it is a company's (`inc`, `corp`,
/// `co`, `ag`).
pub fn is_designator(word: &str) -> bool {
    DESIGNATORS.contains(&word)
}

/// Whether a lower-case word ends a company's name when no [designator](is_designator)
/// follows it (`minerals`, `mining`).
pub fn is_weak_designator(word: &str) -> bool {
    WEAK_DESIGNATORS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists() {
        assert!(is_head("secretary"));
        assert!(is_given_name("scott"));
        assert!(is_given_name("howard"));
        // the census: given names beyond the nickname table, with their sex; surnames of the
        // table (`smith`, `wilson`) no given names; words (`grant`) only may be
        assert!(is_given_name("wayne") && !is_listed_given_name("wayne"));
        assert_eq!(given_gender("nancy"), Some(Gender::Feminine));
        assert_eq!(given_gender("ronald"), Some(Gender::Masculine));
        assert_eq!(given_gender("kelly"), None);
        assert!(!is_given_name("smith") && !is_given_name("wilson"));
        assert!(!is_given_name("grant") && may_be_given_name("grant"));
        assert!(same_given("bob", "robert"));
        assert!(!same_given("jake", "dan"));
        assert_eq!(country("china's"), Some("china"));
        assert!(same_surname("zhang", "cheung"));
        assert!(same_surname("chen", "tran"));
        assert!(same_surname("wong", "huang") && same_surname("wong", "wang"));
        // one form reads both, but these two are different surnames
        assert!(!same_surname("huang", "wang"));
        assert!(!same_surname("li", "lu"));
        assert!(!same_surname("zhang", "zhang"));
    }

    #[test]
    fn chinese_shapes() {
        assert!(is_syllable("xi"));
        assert!(is_syllable("zhang"));
        assert!(is_syllable("tran") && is_syllable("truong"));
        assert!(is_pinyin_word("jinping"));
        assert!(is_pinyin_word("chenggang"));
        assert!(!is_pinyin_word("bessent"));
        assert!(!is_pinyin_word("sullivan"));
        // one syllable, and a final that never stands alone
        assert!(!is_pinyin_word("liang"));
        assert!(!is_pinyin_word("tiong"));
        assert!(is_pinyin_word("tianyi"));
        assert!(is_pinyin_word("songtao"));
        assert!(is_chinese_given("zhiwei"));
        assert!(is_pinyin_word("anna") && !is_chinese_given("anna"));
        for g in [
            "sean", "dean", "shane", "dana", "dante", "renee", "duane", "aiden", "jaden", "luna",
            "zane", "sasha", "misha", "tatiana", "juliana", "susana", "manchin",
        ] {
            assert!(!is_chinese_given(g), "{g}");
        }
        for g in [
            "zhiwei", "tianyi", "songtao", "kaixin", "meilin", "jianguo", "junjie", "lanying",
            "hongwei", "haoran", "jiahui", "chunhua", "weiming", "lixin",
        ] {
            assert!(is_chinese_given(g), "{g}");
        }
    }
}
