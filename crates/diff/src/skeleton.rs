//! Consonant skeletons of name-like words: one key for the spellings a transliteration may
//! give one name (`Bessent`, `Becent`; `Renault`, `Reneult`; `Shanghai`, `Shanghay`), used
//! only to propose candidate sentence pairs in a large corpus (see
//! [`crate::candidates`]): never as terms, weights or scores, so that a pair proposed by
//! its skeleton keys alone is still verified on its terms like any other.

/// Words shorter than this (in letters) get no skeleton: short names collide too much.
pub(crate) const SKELETON_MIN_LETTERS: usize = 4;

/// Skeletons shorter than this (in letters) are not keys (`Rosa` → `ls`, shared by too many).
const SKELETON_MIN_LEN: usize = 3;

/// The consonant skeleton of a word, lowercased, by these rules, in order:
///
/// 1. only the word's leading run of letters counts (`Bessent's` → `bessent`), and it must
///    have at least [`SKELETON_MIN_LETTERS`];
/// 2. `ph` → `f`, `ck` → `k`; `c` before `e`, `i` or `y` → `s`, any other `c` → `k`;
///    `q` → `k`; `z` → `s`; `r` → `l`; `w` → `v`; `x` → `ks`;
/// 3. after the first letter, vowels, `y` and `h` are dropped (a first vowel becomes `a`);
/// 4. a letter that maps to the same as the letter before it is dropped (`ss` → `s`,
///    `mm` → `m`; a dropped vowel between two keeps both: `Mohamed` → `mmd`).
///
/// `None` when fewer than [`SKELETON_MIN_LEN`] letters remain, or the word has a letter
/// outside ASCII (its transliterations are not what these rules model).
pub(crate) fn skeleton(word: &str) -> Option<String> {
    let letters: Vec<u8> = word
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if letters.len() < SKELETON_MIN_LETTERS
        || word
            .as_bytes()
            .get(letters.len())
            .is_some_and(|b| !b.is_ascii())
    {
        return None;
    }
    let mut out: Vec<u8> = Vec::with_capacity(letters.len());
    // What the previous letter mapped to (0 after a dropped letter).
    let mut last = 0u8;
    let mut i = 0;
    while i < letters.len() {
        let c = letters[i];
        let next = letters.get(i + 1).copied();
        let mapped: &[u8] = match (c, next) {
            (b'p', Some(b'h')) => {
                i += 1;
                b"f"
            }
            (b'c', Some(b'k')) => {
                i += 1;
                b"k"
            }
            (b'c', Some(b'e' | b'i' | b'y')) => b"s",
            (b'c' | b'q' | b'k', _) => b"k",
            (b's' | b'z', _) => b"s",
            (b'r' | b'l', _) => b"l",
            (b'w' | b'v', _) => b"v",
            (b'x', _) => b"ks",
            (b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'h', _) if !out.is_empty() => b"",
            (b'a' | b'e' | b'i' | b'o' | b'u', _) => b"a",
            _ => std::slice::from_ref(&letters[i]),
        };
        for &m in mapped {
            if m != last {
                out.push(m);
            }
            last = m;
        }
        if mapped.is_empty() {
            last = 0;
        }
        i += 1;
    }
    if out.len() < SKELETON_MIN_LEN {
        return None;
    }
    // Only ASCII letters were pushed.
    String::from_utf8(out).ok()
}

/// The key of a skeleton: a 32-bit hash (FNV-1a, folded). Two skeletons that collide only
/// propose a few more candidates, which verification turns down.
pub(crate) fn skeleton_key(skeleton: &str) -> u32 {
    let h = skeleton.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (h ^ (h >> 32)) as u32
}

/// Whether `word` (a content term's surface text) is name-like: a capital letter followed by
/// at least one lower-case letter (`Renault`, not `EC` or `NATO`).
pub(crate) fn is_name_like(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sk(w: &str) -> Option<String> {
        skeleton(w)
    }

    #[test]
    fn transliteration_variants_share_a_skeleton() {
        for (a, b) in [
            ("Bessent", "Becent"),
            ("Bessent", "Bessant"),
            ("Renault", "Reneult"),
            ("Shanghai", "Shanghay"),
            ("Continental", "Continentel"),
            ("Philip", "Filip"),
            ("Vladimir", "Wladimir"),
            ("Mohammed", "Mohamed"),
            ("Lorenzo", "Rorenso"),
            ("Jackson", "Jakson"),
            ("Bessent's", "Becent"),
        ] {
            assert_eq!(sk(a), sk(b), "{a} / {b}");
            assert!(sk(a).is_some(), "{a}");
        }
        assert_eq!(sk("Bessent").as_deref(), Some("bsnt"));
        assert_eq!(sk("Renault").as_deref(), Some("lnlt"));
    }

    #[test]
    fn different_names_and_short_words_differ_or_have_none() {
        assert_ne!(sk("Bessent"), sk("Benson"));
        assert_ne!(sk("Renault"), sk("Reuters"));
        assert_eq!(sk("Rosa"), None);
        assert_eq!(sk("Joe"), None);
        assert_eq!(sk("Zoë"), None);
        assert!(is_name_like("Renault"));
        assert!(!is_name_like("NATO"));
        assert!(!is_name_like("renault"));
        assert_ne!(skeleton_key("bsnt"), skeleton_key("lnlt"));
    }
}
