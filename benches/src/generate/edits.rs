//! Edits applied to copied passages: light word edits, sentence trims, reordering and
//! transliteration-style name misspellings.

use super::model::Model;
use crate::rng::Rng;

/// Whether word `i` of `words` starts or ends a sentence (those are left alone so that the
/// passage keeps its capitals and full stops).
fn at_boundary(words: &[String], i: usize) -> bool {
    i == 0 || words[i].ends_with('.') || words.get(i - 1).is_some_and(|w| w.ends_with('.'))
}

/// Applies word substitutions, insertions and deletions, each at about `rate / 3` a word, to
/// words inside sentences, and at least one edit in all. Returns the number of edits.
pub fn light_edit(words: &mut Vec<String>, rate: f64, model: &Model, rng: &mut Rng) -> usize {
    let mut edits = 0;
    let mut i = 1;
    while i < words.len() {
        if !at_boundary(words, i) && rng.chance(rate) {
            match rng.below(3) {
                0 => words[i] = model.word(rng),
                1 => words.insert(i, model.word(rng)),
                _ => {
                    words.remove(i);
                }
            }
            edits += 1;
            i += 1;
        }
        i += 1;
    }
    if edits == 0 {
        let inner: Vec<usize> = (1..words.len())
            .filter(|&i| !at_boundary(words, i))
            .collect();
        if let Some(&i) = rng.pick(&inner) {
            words[i] = model.word(rng);
            edits = 1;
        }
    }
    edits
}

/// The light-edited form of `sentences`: word edits at `rate`, and with probability one half
/// the first sentence loses 1–4 leading words or the last one 1–4 trailing words.
pub fn light_passage(sentences: &[&str], rate: f64, model: &Model, rng: &mut Rng) -> String {
    let mut words: Vec<String> = sentences
        .iter()
        .flat_map(|s| s.split(' '))
        .map(str::to_owned)
        .collect();
    light_edit(&mut words, rate, model, rng);
    let first_len = sentences.first().map_or(0, |s| s.split(' ').count());
    if rng.chance(0.5) && words.len() > 12 && first_len > 8 {
        let k = rng.range(1, 4);
        if rng.chance(0.5) {
            words.drain(..k);
            capitalise(&mut words[0]);
        } else {
            let n = words.len();
            words.drain(n - 1 - k..n - 1);
            if let Some(last) = words.last_mut() {
                last.truncate(last.trim_end_matches('.').len());
                last.push('.');
            }
        }
    }
    words.join(" ")
}

/// `sentences` in a different order (requires at least two).
pub fn reorder(sentences: &[&str], rng: &mut Rng) -> String {
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    while order.len() > 1 && order.windows(2).all(|w| w[0] < w[1]) {
        rng.shuffle(&mut order);
    }
    order
        .iter()
        .map(|&i| sentences[i])
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalise(word: &mut String) {
    if let Some(c) = word.chars().next() {
        let upper: String = c.to_uppercase().collect();
        word.replace_range(..c.len_utf8(), &upper);
    }
}

/// Whether `text` has a name this module can misspell: a capitalised word of four or more
/// ASCII letters that does not start a sentence.
pub fn has_name(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    (1..words.len()).any(|i| is_name(&words, i))
}

fn is_name(words: &[&str], i: usize) -> bool {
    let core = words[i].trim_end_matches(|c: char| !c.is_ascii_alphabetic());
    i > 0
        && !words[i - 1].ends_with('.')
        && core.len() >= 4
        && core.starts_with(|c: char| c.is_ascii_uppercase())
        && core.chars().all(|c| c.is_ascii_alphabetic())
        && core.chars().skip(1).any(|c| c.is_ascii_lowercase())
}

/// `text` with its names misspelt the way transliterations drift (each name with probability
/// 0.8, at least one). Returns the text and the number of names changed.
pub fn misspell_names(text: &str, rng: &mut Rng) -> (String, usize) {
    let words: Vec<&str> = text.split(' ').collect();
    let names: Vec<usize> = (1..words.len()).filter(|&i| is_name(&words, i)).collect();
    let forced = rng.pick(&names).copied();
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    let mut changed = 0;
    for &i in &names {
        if Some(i) == forced || rng.chance(0.8) {
            let core_len = words[i]
                .trim_end_matches(|c: char| !c.is_ascii_alphabetic())
                .len();
            let (core, tail) = words[i].split_at(core_len);
            out[i] = format!("{}{tail}", misspell(core, rng));
            changed += 1;
        }
    }
    (out.join(" "), changed)
}

/// A transliteration-style variant of an ASCII name, always different from it: `ss`→`c`,
/// `ck`→`k`, `ph`→`f`, `r`↔`l`, a doubled letter made single, a vowel changed
/// (`Bessent`→`Becent`, `Lutnick`→`Rutnik`).
pub fn misspell(name: &str, rng: &mut Rng) -> String {
    let mut s = name.to_owned();
    for _ in 0..rng.range(1, 2) {
        s = one_change(&s, rng);
    }
    if s == name {
        s = vowel_change(name, rng, true);
    }
    s
}

fn one_change(s: &str, rng: &mut Rng) -> String {
    if !s.is_ascii() || s.len() < 2 {
        return format!("{s}h");
    }
    let mut options: Vec<u8> = Vec::new();
    for (k, pat) in ["ss", "ck", "ph", "r", "l", "R", "L"].iter().enumerate() {
        if (k < 5 && s[1..].contains(pat)) || (k >= 5 && s.starts_with(pat)) {
            options.push(k as u8);
        }
    }
    if s.as_bytes().windows(2).any(|w| w[0] == w[1]) {
        options.push(7);
    }
    options.push(8);
    match rng.pick(&options).copied().unwrap_or(8) {
        0 => s.replacen("ss", "c", 1),
        1 => s.replacen("ck", "k", 1),
        2 => s.replacen("ph", "f", 1),
        3 => format!("{}{}", &s[..1], s[1..].replacen('r', "l", 1)),
        4 => format!("{}{}", &s[..1], s[1..].replacen('l', "r", 1)),
        5 => format!("L{}", &s[1..]),
        6 => format!("R{}", &s[1..]),
        7 => {
            let b = s.as_bytes();
            let at = (1..b.len()).find(|&i| b[i] == b[i - 1]).unwrap_or(1);
            format!("{}{}", &s[..at], &s[at + 1..])
        }
        _ => vowel_change(s, rng, false),
    }
}

fn vowel_change(s: &str, rng: &mut Rng, force: bool) -> String {
    let vowels: Vec<usize> = s
        .char_indices()
        .skip(1)
        .filter(|(_, c)| "aeiouy".contains(*c))
        .map(|(i, _)| i)
        .collect();
    let Some(&at) = rng.pick(&vowels) else {
        return if force { format!("{s}h") } else { s.to_owned() };
    };
    let swap = match &s[at..=at] {
        "a" => "e",
        "e" => "a",
        "i" => "y",
        "o" => "u",
        "u" => "o",
        _ => "i",
    };
    format!("{}{swap}{}", &s[..at], &s[at + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_differ_and_stay_capitalised() {
        let mut rng = Rng::new(3, 3);
        for name in ["Bessent", "Lutnick", "Greer", "Ali", "Xu", "Phillips"] {
            for _ in 0..50 {
                let m = misspell(name, &mut rng);
                assert_ne!(m, name);
                assert!(m.starts_with(|c: char| c.is_ascii_uppercase()), "{m}");
            }
        }
    }

    #[test]
    fn names_in_a_passage_are_changed() {
        let mut rng = Rng::new(4, 4);
        let text = "Officials met Scott Bessent on Monday. Howard Lutnick said so.";
        assert!(has_name(text));
        let (out, n) = misspell_names(text, &mut rng);
        assert!(n >= 1 && out != text, "{out}");
        assert_eq!(out.split(' ').count(), text.split(' ').count());
        assert!(!has_name("Nothing here at all. Really."));
    }

    #[test]
    fn light_edits_change_something_and_reorder_permutes() {
        let model = Model::builtin();
        let mut rng = Rng::new(5, 5);
        let s = [
            "The bank raised rates on Monday after a long and difficult meeting.",
            "Analysts said the decision was expected by most of the markets.",
        ];
        let out = light_passage(&s, 0.1, &model, &mut rng);
        assert_ne!(out, s.join(" "));
        assert!(out.ends_with('.'));
        assert_eq!(reorder(&s, &mut rng), format!("{} {}", s[1], s[0]));
    }
}
