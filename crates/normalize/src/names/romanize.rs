//! A second spelling of a folded name form in one romanization convention, so that the
//! spellings one name gets from different systems compare as close: Kunrei-shiki and
//! Nihon-shiki Japanese in Hepburn (`Tuzimoto`, `Tsudimoto` → `tsujimoto`; `Syouiti` →
//! `shoichi`), and the German, Polish, Swedish and Basque spellings of Slavic sounds in
//! English-style ones (`Osetjkin` → `osechkin`, `Aliew` → `aliev`, `Oksantxenko` →
//! `oksanchenko`).
//!
//! [`alternative`] only adds a spelling: the edit distance of two forms is the smallest over
//! their spellings (see [`fold::distance`](super::fold::distance)), so a rewrite can bring two
//! forms of one name together but never pushes two apart (`Dina`, which parses as Japanese,
//! still meets `Dinah` by its own letters).
//!
//! Hand-written: the romanization crates (`wana_kana`, `kakasi`) convert kana to and from
//! Latin letters; none maps one Latin romanization of Japanese onto another, or folds the
//! European spellings of Cyrillic names.

/// Japanese syllables (morae) in Hepburn, Kunrei-shiki and Nihon-shiki, each with its
/// Hepburn spelling, in one run per first letter, longest first within it (the parser tries
/// the run of the next letter in order).
const MORAE: &[(&str, &str)] = &[
    ("kya", "kya"),
    ("kyu", "kyu"),
    ("kyo", "kyo"),
    ("ka", "ka"),
    ("ki", "ki"),
    ("ku", "ku"),
    ("ke", "ke"),
    ("ko", "ko"),
    ("gya", "gya"),
    ("gyu", "gyu"),
    ("gyo", "gyo"),
    ("ga", "ga"),
    ("gi", "gi"),
    ("gu", "gu"),
    ("ge", "ge"),
    ("go", "go"),
    ("sha", "sha"),
    ("shi", "shi"),
    ("shu", "shu"),
    ("sho", "sho"),
    ("sya", "sha"),
    ("syu", "shu"),
    ("syo", "sho"),
    ("sa", "sa"),
    ("si", "shi"),
    ("su", "su"),
    ("se", "se"),
    ("so", "so"),
    ("zya", "ja"),
    ("zyu", "ju"),
    ("zyo", "jo"),
    ("za", "za"),
    ("zi", "ji"),
    ("zu", "zu"),
    ("ze", "ze"),
    ("zo", "zo"),
    ("jya", "ja"),
    ("jyu", "ju"),
    ("jyo", "jo"),
    ("ja", "ja"),
    ("ji", "ji"),
    ("ju", "ju"),
    ("jo", "jo"),
    ("cha", "cha"),
    ("chi", "chi"),
    ("chu", "chu"),
    ("cho", "cho"),
    ("tsu", "tsu"),
    ("tya", "cha"),
    ("tyu", "chu"),
    ("tyo", "cho"),
    ("ta", "ta"),
    ("ti", "chi"),
    ("tu", "tsu"),
    ("te", "te"),
    ("to", "to"),
    ("dya", "ja"),
    ("dyu", "ju"),
    ("dyo", "jo"),
    ("da", "da"),
    ("di", "ji"),
    ("du", "zu"),
    ("de", "de"),
    ("do", "do"),
    ("nya", "nya"),
    ("nyu", "nyu"),
    ("nyo", "nyo"),
    ("na", "na"),
    ("ni", "ni"),
    ("nu", "nu"),
    ("ne", "ne"),
    ("no", "no"),
    ("hya", "hya"),
    ("hyu", "hyu"),
    ("hyo", "hyo"),
    ("ha", "ha"),
    ("hi", "hi"),
    ("hu", "fu"),
    ("he", "he"),
    ("ho", "ho"),
    ("fu", "fu"),
    ("bya", "bya"),
    ("byu", "byu"),
    ("byo", "byo"),
    ("ba", "ba"),
    ("bi", "bi"),
    ("bu", "bu"),
    ("be", "be"),
    ("bo", "bo"),
    ("pya", "pya"),
    ("pyu", "pyu"),
    ("pyo", "pyo"),
    ("pa", "pa"),
    ("pi", "pi"),
    ("pu", "pu"),
    ("pe", "pe"),
    ("po", "po"),
    ("mya", "mya"),
    ("myu", "myu"),
    ("myo", "myo"),
    ("ma", "ma"),
    ("mi", "mi"),
    ("mu", "mu"),
    ("me", "me"),
    ("mo", "mo"),
    ("ya", "ya"),
    ("yu", "yu"),
    ("yo", "yo"),
    ("rya", "rya"),
    ("ryu", "ryu"),
    ("ryo", "ryo"),
    ("ra", "ra"),
    ("ri", "ri"),
    ("ru", "ru"),
    ("re", "re"),
    ("ro", "ro"),
    ("wa", "wa"),
    ("wo", "o"),
    ("a", "a"),
    ("i", "i"),
    ("u", "u"),
    ("e", "e"),
    ("o", "o"),
];

/// The Hepburn spelling of a form that reads as Japanese from start to end, `None` when it
/// does not. It reads as Japanese with three morae or more, or two with a mora that only
/// Hepburn spells so (`ryo`, `sho`, `chi`, `tsu`, `fu`, `ji`: `Ryou`; not `Tina`, `Modi`).
/// `m` before `b`/`p`/`m` is written `n` (`Homma` → `honma`). Long vowels are written short
/// (`ou`, `oo`, `oh` before a consonant → `o`; `uu` → `u`; not before `e` or `a`, as in
/// `Inoue`) only with such a mora, a Kunrei-shiki one (`si`, `ti`, `tu`…) or four morae or
/// more (`Yoshirou`, `Sendou`; not `Moore`, `Sousa`, `Toure`, which read as Japanese but are
/// not).
fn japanese(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if !b.is_ascii() {
        return None;
    }
    let mut morae: Vec<&str> = Vec::new();
    // a mora only Japanese spells so: a consonant + `y` + vowel, `sh`, `ch`, `ts`, `j`, `f`
    // (`hepburn`), or the Kunrei/Nihon-shiki `si`, `ti`, `tu`, `zi`, `di`, `du`, `hu` (`kunrei`:
    // common in other languages' two-syllable names, `Tina`, `Modi`)
    let (mut hepburn, mut kunrei) = (false, false);
    let mut i = 0;
    while i < b.len() {
        let rest = &s[i..];
        if let Some((from, to)) = MORAE
            .iter()
            .skip_while(|(from, _)| from.as_bytes()[0] != b[i])
            .take_while(|(from, _)| from.as_bytes()[0] == b[i])
            .find(|(from, _)| rest.starts_with(from))
        {
            let f = from.as_bytes();
            hepburn |= (f.len() == 3 && f[1] == b'y')
                || from.starts_with("sh")
                || from.starts_with("ch")
                || from.starts_with("ts")
                || from.starts_with('j')
                || from.starts_with('f');
            kunrei |= matches!(*from, "si" | "ti" | "tu" | "zi" | "di" | "du" | "hu");
            morae.push(to);
            i += from.len();
            continue;
        }
        let c = b[i];
        let next = b.get(i + 1).copied();
        match (c, next) {
            // the moraic nasal: `n` (or `m` before a labial) not starting a mora
            (b'n', _) | (b'm', Some(b'b' | b'p' | b'm')) => morae.push("n"),
            // a doubled consonant (`kk`, `tt`; `tch` in Hepburn) before a mora, never first
            // or after the moraic nasal (`Younggyoon` is Korean)
            (c, Some(n))
                if (c == n && !b"aeiouy".contains(&c) || (c, n) == (b't', b'c'))
                    && morae.last().is_some_and(|m| *m != "n" && *m != "~") =>
            {
                morae.push("~")
            }
            // a long `o` written `oh` before a consonant or at the end
            (b'h', n)
                if morae.last().is_some_and(|m| m.ends_with('o'))
                    && !n.is_some_and(|n| b"aeiouy".contains(&n)) => {}
            _ => return None,
        }
        i += 1;
    }
    if morae.len() < 3 && !(morae.len() == 2 && hepburn) {
        return None;
    }
    let long_vowels = hepburn || kunrei || morae.len() >= 4;
    let mut out = String::with_capacity(s.len() + 4);
    for (k, m) in morae.iter().enumerate() {
        if *m == "~" {
            // the doubled consonant takes the first letter of the next mora (`cchi` is `tchi`)
            match morae.get(k + 1) {
                Some(n) if n.starts_with("ch") => out.push('t'),
                Some(n) => out.extend(n.chars().next()),
                None => return None,
            }
            continue;
        }
        // long vowels: `o` + `u`/`o`, `u` + `u` are one long vowel, written short, unless
        // `e` or `a` follows (`Inoue` is `i`-`no`-`u`-`e`; `Syouiti` is `shō`-`i`-`chi`)
        let vowel_next = morae.get(k + 1).is_some_and(|n| matches!(*n, "a" | "e"));
        if long_vowels
            && !vowel_next
            && ((*m == "u" || *m == "o") && out.ends_with('o') || *m == "u" && out.ends_with('u'))
        {
            continue;
        }
        out.push_str(m);
    }
    Some(out)
}

/// European spellings of Slavic (Cyrillic) sounds, rewritten to English-style ones, longest
/// first at each position; besides these, `j` after a vowel is `y` (`Sergej`), a `j` or `y`
/// after `i` before a vowel is left out (`Alijev`, `Aliyev` → `aliev`) and `w`
/// after a vowel in a Slavic ending is `v` (see [`slavic_w`]). Left
/// out, as they bring different names of other languages together: Polish `sz` → `sh`
/// (`Socik`/`Szocik`), `ou` → `u` and a `j` that starts a syllable (Korean `Jeong`/`Yeong`).
const SLAVIC: &[(&str, &str)] = &[
    ("szcz", "shch"),
    ("tsch", "ch"),
    ("tch", "ch"),
    ("sch", "sh"),
    ("tj", "ch"),
    ("tx", "ch"),
    ("cz", "ch"),
];

/// Whether a `w` (itself after a vowel) followed by `after` is a Slavic `v`: at the end of the
/// form and before the endings of Slavic surnames (`Aliew`, `Romanowa`, `Ivanowna`,
/// `Janowski`, `Petrowitsch`, `Bogdanowicz`). An English `w` (`Hayward`, `Newton`) stays.
fn slavic_w(after: &str) -> bool {
    matches!(after, "" | "a" | "na")
        || ["sk", "ic", "itsch", "itz"]
            .iter()
            .any(|e| after.starts_with(e))
}

const VOWELS: [char; 6] = ['a', 'e', 'i', 'o', 'u', 'y'];

/// Endings of Slavic surnames (and their German and Polish spellings): the rewrites of
/// [`slavic`] apply only to a form with one (`Fischer`, `Bush`, `Rojas`, `Najjar` keep their
/// letters). A bare `-ow` or `-ew` is English as often (`Barlow`, `Andrew`): only `-iew`.
const SLAVIC_ENDINGS: &[&str] = &[
    "ov", "ova", "ev", "eva", "owa", "iew", "ewa", "in", "ina", "yn", "yna", "enko", "uk", "ski",
    "sky", "skiy", "skyi", "skij", "skyj", "ska", "cki", "cka", "icz", "vich", "vitch", "witsch",
    "ovna", "evna", "owna", "ij", "yj", "iy", "yi",
];

/// The form with [`SLAVIC`]'s rewrites, when it has a Slavic ending (`None` without one).
fn slavic(s: &str) -> Option<String> {
    if !SLAVIC_ENDINGS.iter().any(|e| s.ends_with(e)) {
        return None;
    }
    let mut out = String::with_capacity(s.len() + 4);
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if let Some((from, to)) = SLAVIC.iter().find(|(from, _)| rest.starts_with(from)) {
            out.push_str(to);
            i += from.len();
        } else if (rest.starts_with('j') || rest.starts_with('y')) && out.ends_with(VOWELS) {
            // a glide after `i` before a vowel is left out (`Alijev`, `Aliyev`, `Aliev` are
            // all `aliev`); any other `j` after a vowel is `y` (`Sergej`)
            let glide = out.ends_with('i') && rest[1..].starts_with(VOWELS);
            if !glide {
                out.push('y');
            }
            i += 1;
        } else if rest.starts_with('w') && out.ends_with(VOWELS) && slavic_w(&rest[1..]) {
            out.push('v');
            i += 1;
        } else if let Some(c) = rest.chars().next() {
            out.push(c);
            i += c.len_utf8();
        } else {
            break;
        }
    }
    Some(out)
}

/// A second spelling of a folded form (see [`fold`](super::fold::fold)): its Hepburn
/// spelling when it reads as Japanese (`None` if that is the form itself: `Ogawa` is no
/// Slavic `ogava`), else its English-style spelling of Slavic sounds when that differs; else
/// `None`.
pub fn alternative(folded: &str) -> Option<String> {
    match japanese(folded) {
        Some(j) => (j != folded).then_some(j),
        None => slavic(folded).filter(|s| s != folded),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_systems_meet_in_hepburn() {
        for (a, b) in [
            ("tuzimoto", "tsudimoto"),
            ("nakauti", "nakauchi"),
            ("mituta", "mitsuta"),
            ("syouiti", "shoichi"),
            ("kouji", "koji"),
            ("kohji", "koji"),
            ("yoshirou", "yoshiro"),
            ("homma", "honma"),
            ("kiyosi", "kiyoshi"),
        ] {
            assert_eq!(japanese(a), japanese(b), "{a} / {b}");
        }
        assert_eq!(japanese("hattori").as_deref(), Some("hattori"));
        assert_eq!(japanese("matti").as_deref(), Some("matchi"));
        assert_eq!(japanese("hutaba").as_deref(), Some("futaba"));
        // two morae need a mora only Japanese spells so; long vowels need one, or four morae
        assert_eq!(japanese("tina"), None);
        assert_eq!(japanese("ryou").as_deref(), Some("ryo"));
        assert_eq!(japanese("moore").as_deref(), Some("moore"));
        assert_eq!(japanese("sousa").as_deref(), Some("sousa"));
        assert_eq!(japanese("inoue").as_deref(), Some("inoue"));
        assert_eq!(japanese("sendou").as_deref(), Some("sendo"));
    }

    #[test]
    fn morae_are_grouped_by_first_letter() {
        // `japanese` looks a mora up in the run of its first letter
        let firsts: Vec<u8> = MORAE.iter().map(|(m, _)| m.as_bytes()[0]).collect();
        for (k, c) in firsts.iter().enumerate() {
            if k > 0 && firsts[k - 1] != *c {
                assert!(!firsts[..k].contains(c), "{}", *c as char);
            }
        }
    }

    #[test]
    fn only_forms_that_read_as_japanese() {
        for s in [
            "martin",
            "smith",
            "bessent",
            "li",
            "xi",
            "kdikawa",
            "zhang",
            "younggyoon",
        ] {
            assert_eq!(japanese(s), None, "{s}");
        }
    }

    #[test]
    fn slavic_spellings_meet() {
        assert_eq!(alternative("osetjkin").as_deref(), Some("osechkin"));
        assert_eq!(alternative("aliew").as_deref(), Some("aliev"));
        assert_eq!(alternative("alijev").as_deref(), Some("aliev"));
        assert_eq!(alternative("aliyev").as_deref(), Some("aliev"));
        assert_eq!(alternative("oksantxenko").as_deref(), Some("oksanchenko"));
        assert_eq!(
            alternative("grischtschenko").as_deref(),
            Some("grishchenko")
        );
        assert_eq!(alternative("yanowskyj").as_deref(), Some("yanovskyy"));
        // reads as Japanese (ro-ma-no-wa): no Slavic rewrite
        assert_eq!(alternative("romanowa"), None);
        assert_eq!(alternative("petrowa").as_deref(), Some("petrova"));
        assert_eq!(alternative("bogdanowicz").as_deref(), Some("bogdanovich"));
        assert_eq!(alternative("janowski").as_deref(), Some("janovski"));
        assert_eq!(alternative("bessent"), None);
        // an English `w` stays
        assert_eq!(alternative("hayward"), None);
        assert_eq!(alternative("newton"), None);
        assert_eq!(alternative("howard"), None);
        // no Slavic ending: German, English, Spanish and Arabic names keep their letters
        for s in [
            "fischer", "busch", "butcher", "rojas", "najjar", "andrew", "barlow",
        ] {
            assert_eq!(alternative(s), None, "{s}");
        }
    }
}
