//! Role phrases (`US Treasury Secretary`, `Secretary of Commerce`, `the CEO of Halden
//! Motors`) normalized to role keys.

use serde::{Deserialize, Serialize};

use super::lexicon;

/// A normalized role: the office words in a fixed order and the country qualifying it.
///
/// `Secretary of Commerce`, `Commerce Secretary` and `the commerce secretary` all have the
/// office `commerce secretary`; `China's Deputy Minister of Commerce` has the office
/// `deputy commerce minister` and the country `china`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RoleKey {
    /// The country or organisation qualifier the text gives (`us`, `china`), if any.
    pub country: Option<String>,
    /// The office: modifiers, department or organisation words, then the head, lower case.
    pub office: String,
    /// Whether the office is a bare generic head (`president`, `minister`) that names no
    /// office until a country qualifies it.
    pub generic: bool,
}

impl RoleKey {
    /// The key as text: `us:commerce secretary`, or `?:commerce secretary` without a country.
    pub fn key(&self) -> String {
        format!("{}:{}", self.country.as_deref().unwrap_or("?"), self.office)
    }
}

const SKIP: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "who",
    "serves",
    "served",
    "as",
    "is",
    "was",
    "has",
    "been",
    "now",
    "currently",
    "also",
    "then",
    "newly",
    "appointed",
    "named",
    "new",
];

/// Parses a role phrase given as words (any case; possessive `'s` kept on country words such
/// as `China's`). `None` when it holds no role head.
pub fn parse_role(words: &[&str]) -> Option<RoleKey> {
    let lw: Vec<String> = words
        .iter()
        .map(|w| {
            w.to_lowercase()
                .replace('’', "'")
                .trim_end_matches('.')
                .to_owned()
        })
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let mut country: Option<&'static str> = None;
    let mut ws: Vec<String> = Vec::new();
    let mut start = 0;
    while start < lw.len() && SKIP.contains(&lw[start].as_str()) {
        start += 1;
    }
    for w in &lw[start..] {
        ws.push(w.clone());
    }
    // the head: the last head word not inside an `of`/`for` complement
    let comp_at = ws.iter().position(|w| w == "of" || w == "for" || w == "at");
    let limit = comp_at.unwrap_or(ws.len());
    let h = (0..limit).rev().find(|&i| {
        let w = ws[i].as_str();
        lexicon::is_head(w) && !(w == "chief" && ws.get(i + 1).is_some_and(|n| lexicon::is_head(n)))
    })?;
    let mut mods = Vec::new();
    let mut pre = Vec::new();
    for w in &ws[..h] {
        let bare = w.trim_end_matches("'s");
        if let Some(c) = lexicon::scope_country(w).or_else(|| lexicon::scope_country(bare)) {
            country.get_or_insert(c);
            if !matches!(c, "south" | "north") {
                continue;
            }
        }
        if SKIP.contains(&w.as_str()) {
            continue;
        }
        if lexicon::is_modifier(w) {
            mods.push(w.clone());
        } else {
            pre.push(bare.to_owned());
        }
    }
    let mut comp = Vec::new();
    if let Some(c) = comp_at
        && c > h
    {
        for w in &ws[c + 1..] {
            let bare = w.trim_end_matches("'s");
            if SKIP.contains(&bare) {
                continue;
            }
            if comp.is_empty()
                && let Some(k) = lexicon::scope_country(w).or_else(|| lexicon::scope_country(bare))
                && ws.len() > c + 2
            {
                country.get_or_insert(k);
                continue;
            }
            comp.push(bare.to_owned());
        }
    }
    let head = ws[h].clone();
    let generic = pre.is_empty() && comp.is_empty() && lexicon::is_generic_head(&head);
    let mut office: Vec<String> = mods;
    office.extend(pre);
    office.extend(comp);
    office.push(head);
    office.retain(|w| w != "and");
    Some(RoleKey {
        country: country.map(str::to_owned),
        office: office.join(" "),
        generic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> RoleKey {
        parse_role(&s.split_whitespace().collect::<Vec<_>>()).expect(s)
    }

    #[test]
    fn equivalent_forms() {
        assert_eq!(p("Secretary of Commerce").office, "commerce secretary");
        assert_eq!(p("Commerce Secretary").office, "commerce secretary");
        assert_eq!(p("US Commerce Secretary").country.as_deref(), Some("us"));
        assert_eq!(p("U.S. Treasury Secretary").office, "treasury secretary");
        assert_eq!(p("the CEO of Halden Motors").office, "halden motors ceo");
        assert_eq!(
            p("spokesperson for the Interior Ministry").office,
            "interior ministry spokesperson"
        );
        let d = p("China's Deputy Minister of Commerce");
        assert_eq!(
            (d.country.as_deref(), d.office.as_str()),
            (Some("china"), "deputy commerce minister")
        );
        assert!(p("President").generic);
        assert!(!p("Trade Representative").generic);
        assert!(parse_role(&["said"]).is_none());
    }
}
