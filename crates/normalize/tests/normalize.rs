//! Property tests and sample-based tests for `newsdiff-normalize`.
#![allow(clippy::unwrap_used)]

use std::ops::Range;

use newsdiff_normalize::{Analyzer, Normalized, Normalizer, normalize, split_sentences, tokenize};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Pieces of news-like text, including every rule's trigger and some hostile Unicode.
const VOCAB: &[&str] = &[
    "US",
    "U.S.",
    "U.S.A.",
    "us",
    "Us",
    "U.K.",
    "UK",
    "U.N.",
    "six",
    "Six",
    "twenty",
    "five",
    "twenty-five",
    "one",
    "One",
    "ninety",
    "month",
    "minute",
    "-",
    "'s",
    "'",
    "\"",
    "%",
    "per",
    "cent",
    "percent",
    "pct",
    "55",
    "3.5",
    "1,000",
    " ",
    "  ",
    "\n",
    "\n\n",
    ".",
    "...",
    "!",
    "?",
    ",",
    "Mr.",
    "J.",
    "Jan.",
    "The",
    "said",
    "talks",
    "Trump",
    "China",
    "a",
    "x",
    "ab",
    "café",
    "cafe\u{301}",
    "\u{301}",
    "\u{308}",
    "ﬁ",
    "½",
    "İ",
    "J\u{30C}",
    "Σ",
    "ß",
    "ẞ",
    "😀",
    "👩\u{200D}🔬",
    "\u{FFFD}",
    "שלום",
    "مرحبا",
    "\u{202E}",
    "\u{200B}",
    "\u{00AD}",
    "\u{00A0}",
    "\u{3000}",
    "¨",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "–",
    "—",
    "‑",
    "−",
    "…",
    "ＵＳ",
    "６",
    "你好。",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..24).prop_map(|v| v.concat())
}

/// News-like text or arbitrary Unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => newsy(),
        2 => any::<String>(),
        1 => prop::collection::vec(
            prop_oneof![prop::sample::select(VOCAB).prop_map(str::to_owned), any::<char>().prop_map(String::from)],
            0..24
        )
        .prop_map(|v| v.concat()),
    ]
}

fn config() -> impl Strategy<Value = Normalizer> {
    prop::collection::vec(any::<bool>(), 10).prop_map(|b| {
        Normalizer::new()
            .nfkc(b[0])
            .quotes(b[1])
            .dashes(b[2])
            .whitespace(b[3])
            .ellipsis(b[4])
            .abbreviations(b[5])
            .possessive(b[6])
            .numbers(b[7])
            .percent(b[8])
            .case_fold(b[9])
    })
}

fn token_texts(n: &Normalized) -> Vec<String> {
    n.tokens()
        .into_iter()
        .map(|t| n.text[t.norm].to_owned())
        .collect()
}

fn assert_on_boundaries(text: &str, r: &Range<usize>) -> Result<(), TestCaseError> {
    prop_assert!(
        r.start <= r.end && r.end <= text.len(),
        "{r:?} out of bounds"
    );
    prop_assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{r:?} splits a char"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn normalizing_twice_equals_once(s in text()) {
        let once = normalize(&s).text;
        prop_assert_eq!(normalize(&once).text, once);
    }

    #[test]
    fn idempotent_for_every_configuration(s in text(), cfg in config()) {
        let once = cfg.normalize(&s).text;
        prop_assert_eq!(cfg.normalize(&once).text, once);
    }

    #[test]
    fn map_is_in_bounds_on_boundaries_and_monotone(s in text(), cfg in config(), cuts in prop::collection::vec(0usize..400, 4)) {
        let n = cfg.normalize(&s);
        prop_assert_eq!(n.map.normalized_len(), n.text.len());
        prop_assert_eq!(n.map.original_len(), s.len());
        // The whole normalized text maps to a range of the original.
        let all = n.to_original(0..n.text.len());
        assert_on_boundaries(&s, &all)?;
        // Cuts beyond the end are clamped by the map; clamp here too so `b < d` means a
        // non-empty range.
        let mut c: Vec<usize> = cuts.iter().map(|&x| x.min(n.text.len())).collect();
        c.sort_unstable();
        let (a, b, d, e) = (c[0], c[1], c[2], c[3]);
        // Any ranges (even out of bounds or inside a char) map onto char boundaries.
        let inner = n.to_original(b..d);
        let outer = n.to_original(a..e);
        assert_on_boundaries(&s, &n.to_original(cuts[0]..cuts[1]))?;
        assert_on_boundaries(&s, &inner)?;
        assert_on_boundaries(&s, &outer)?;
        // Non-empty ranges: a sub-range maps inside the image of the range. (An empty range
        // sitting on deleted text cannot be inside both neighbours' images, so points are
        // only checked for order below.)
        if b < d {
            prop_assert!(outer.start <= inner.start && inner.end <= outer.end, "not monotone: {outer:?} vs {inner:?}");
        }
        let p = n.to_original(a..a);
        let q = n.to_original(e..e);
        prop_assert!(p.start <= q.start);
        // And the other direction.
        let back = n.to_normalized(b..d);
        assert_on_boundaries(&n.text, &back)?;
        let back_outer = n.to_normalized(a..e);
        if b < d {
            prop_assert!(back_outer.start <= back.start && back.end <= back_outer.end);
        }
    }

    #[test]
    fn every_token_maps_to_text_that_normalizes_back(s in text()) {
        let n = normalize(&s);
        let news_like = s.is_ascii();
        for t in n.tokens() {
            assert_on_boundaries(&s, &t.span)?;
            let tok = &n.text[t.norm.clone()];
            let src = &s[t.span.clone()];
            // `one` is the one context-dependent rule: it becomes `1` only before a hyphen.
            if src.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| w == "one") {
                continue;
            }
            let again = normalize(src).text;
            if news_like {
                prop_assert_eq!(&again, tok, "token {:?} from {:?}", tok, src);
            } else {
                // One original character can expand into several tokens (`½` → `1⁄2`).
                prop_assert!(again.contains(tok), "token {:?} from {:?} -> {:?}", tok, src, again);
            }
        }
    }

    #[test]
    fn quote_dash_case_and_nfkc_variants_give_identical_tokens(
        words in prop::collection::vec((prop::sample::select(VOCAB), 0u8..4), 0..20)
    ) {
        let plain: String = words.iter().map(|(w, _)| *w).collect();
        // Typographic variants of quotes and dashes.
        let mut curly = String::new();
        let mut cased = String::new();
        for (w, k) in &words {
            let v = match (*w, k) {
                ("'", 0) => "’", ("'", _) => "‘",
                ("\"", 0) => "“", ("\"", 1) => "”", ("\"", 2) => "«", ("\"", _) => "»",
                ("-", 0) => "–", ("-", 1) => "—", ("-", 2) => "‑", ("-", _) => "−",
                ("'s", _) => "’s",
                ("...", _) => "…",
                _ => w,
            };
            curly.push_str(v);
            // Case variants, except where case carries meaning (`US`/`us`, `U.S.`).
            let special = ["US", "us", "Us", "U.S.", "U.S.A.", "U.K.", "U.N.", "J.", "ＵＳ", "a", "x", "'s"].contains(w);
            match k {
                _ if special => cased.push_str(w),
                0 => cased.push_str(&w.to_uppercase()),
                1 => cased.push_str(&w.to_lowercase()),
                _ => cased.push_str(w),
            }
        }
        let base = token_texts(&normalize(&plain));
        prop_assert_eq!(&token_texts(&normalize(&curly)), &base, "curly {:?}", curly);
        prop_assert_eq!(&token_texts(&normalize(&plain.nfd().collect::<String>())), &base, "nfd");
        prop_assert_eq!(&token_texts(&normalize(&plain.nfkc().collect::<String>())), &base, "nfkc");
        let wide: String = plain.chars().map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
            ' ' => '\u{3000}',
            _ => c,
        }).collect();
        prop_assert_eq!(&token_texts(&normalize(&wide)), &base, "full-width {:?}", wide);
        // Uppercasing can create `US` from `us` only through `special` words, which are kept.
        let cased_tokens = token_texts(&normalize(&cased));
        prop_assert_eq!(cased_tokens.len(), base.len(), "case {:?}", cased);
    }

    #[test]
    fn nothing_panics_and_spans_are_sound(s in text(), a in 0usize..300, b in 0usize..300) {
        for t in tokenize(&s) {
            assert_on_boundaries(&s, &t.span)?;
        }
        let sentences = split_sentences(&s);
        let mut last = 0;
        for sen in &sentences {
            assert_on_boundaries(&s, &sen.span)?;
            prop_assert!(sen.span.start >= last && sen.span.start < sen.span.end);
            last = sen.span.end;
        }
        let analyzer = Analyzer::new();
        for t in analyzer.terms(&s, a.min(b)..a.max(b)) {
            assert_on_boundaries(&s, &t.span())?;
        }
        let doc = analyzer.analyze(&s);
        prop_assert_eq!(doc.sentence_terms.len(), doc.sentences.len());
        let _ = Normalizer::none().normalize(&s);
    }
}

// ------------------------------------------------------------------ samples' hard spots

const SEED_004: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../corpus/seeds/004_a05286936f21040d.txt"
));

fn tokens_of(s: &str) -> Vec<String> {
    token_texts(&normalize(s))
}

#[test]
fn us_variants() {
    assert_eq!(tokens_of("U.S. officials"), tokens_of("US officials"));
    assert_eq!(tokens_of("the U.S.A."), ["the", "usa"]);
    assert_eq!(
        tokens_of("U.S.-China talks"),
        ["usa", "-", "china", "talks"]
    );
    assert_eq!(tokens_of("U.S.–China talks"), tokens_of("US-China talks"));
    assert_ne!(tokens_of("told us"), tokens_of("told US"));
}

#[test]
fn curly_quotes_and_possessive() {
    assert_eq!(tokens_of("“China’s plan”"), tokens_of("\"China's plan\""));
    assert_eq!(tokens_of("China’s plan"), ["china", "plan"]);
}

#[test]
fn six_month_and_percent() {
    assert_eq!(tokens_of("six-month"), tokens_of("6-month"));
    assert_eq!(tokens_of("six month"), ["6", "month"]);
    assert_eq!(tokens_of("ninety-minute"), tokens_of("90-minute"));
    assert_eq!(tokens_of("55%"), tokens_of("55 per cent"));
    assert_eq!(tokens_of("55 percent"), ["55", "%"]);
}

#[test]
fn seed_004_sentences() {
    let para = SEED_004.lines().nth(1).unwrap();
    let sentences = split_sentences(para);
    let got: Vec<&str> = sentences.iter().map(|s| &para[s.span.clone()]).collect();
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(got[0].starts_with("It is worth mentioning"));
    assert!(got[0].ends_with("a month ago."));
    assert!(got[1].starts_with("In addition to US Treasury Secretary Becent"));
    assert!(got[1].ends_with("in this negotiation."));
    // First paragraph: the quote keeps its closing mark.
    let first = SEED_004.lines().next().unwrap();
    let last = split_sentences(first).pop().unwrap();
    assert!(first[last.span].ends_with("not easy to deal with.\""));
}

#[test]
fn seed_004_terms_point_at_the_original() {
    let analyzer = Analyzer::new();
    let doc = analyzer.analyze(SEED_004);
    assert!(doc.sentences.len() > 10);
    let i = doc
        .sentences
        .iter()
        .position(|s| SEED_004[s.span.clone()].starts_with("In addition to US"))
        .unwrap();
    let terms: Vec<&str> = doc
        .terms_of(i)
        .iter()
        .map(|t| &SEED_004[t.span()])
        .collect();
    assert_eq!(
        &terms[..6],
        ["addition", "US", "Treasury", "Secretary", "Becent", "US"]
    );
    for t in &doc.terms {
        let src = &SEED_004[t.span()];
        assert!(!src.trim().is_empty() && src.trim() == src, "{src:?}");
    }
}

#[test]
fn all_seeds_round_trip() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let n = normalize(&text);
        assert_eq!(normalize(&n.text).text, n.text);
        for t in n.tokens() {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
    }
}

#[path = "names/mod.rs"]
mod names;
