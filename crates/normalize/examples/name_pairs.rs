//! How the name-part equivalence of `newsdiff names` treats a list of labelled pairs: the share
//! of same-name pairs (`positive_pairs.tsv` of `../shared/eval/names-dev`) and of different-name
//! pairs (`hard_negatives.tsv`) that fall within the plain edit budget and within the wider
//! budget a shared given name gives.
//!
//! Usage: `cargo run --release -p newsdiff-normalize --example name_pairs -- POSITIVE NEGATIVE [--show N]`,
//! or `... -- --pair A B` for the distance of two forms.

#![allow(clippy::print_stdout)] // an evaluation tool: its report is its output

use std::collections::BTreeMap;

use newsdiff_normalize::names::fold::{budget, distance, fold, given_budget};

/// (form a, form b, label) rows of a TSV with a header; the label is the fourth column of the
/// positive file (`kind`) or the third of the negative file (`relation`).
fn read(path: &str, label_col: usize) -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Some((
                f.first()?.to_string(),
                f.get(1)?.to_string(),
                f.get(label_col).unwrap_or(&"").to_string(),
            ))
        })
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).is_some_and(|a| a == "--pair") {
        // `--pair A B`: the distance of two forms and their budgets
        let (fa, fb) = (fold(&args[2]), fold(&args[3]));
        let len = fa.chars().count().min(fb.chars().count());
        println!(
            "{fa} / {fb}: distance {:.2}, plain budget {:.2}, given budget {:.2}",
            distance(&fa, &fb),
            budget(len),
            given_budget(len, 0).max(budget(len))
        );
        return;
    }
    let show: usize = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    for (path, col, name) in [(&args[1], 3, "positive"), (&args[2], 2, "negative")] {
        let rows = read(path, col);
        // label -> (pairs, within plain, within given)
        let mut by: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        let mut shown = 0;
        for (a, b, label) in &rows {
            let (fa, fb) = (fold(a), fold(b));
            let len = fa.chars().count().min(fb.chars().count());
            let d = distance(&fa, &fb);
            let e = by.entry(label.clone()).or_default();
            e.0 += 1;
            let plain = d <= budget(len);
            let given = d <= given_budget(len, 0).max(budget(len));
            e.1 += usize::from(plain);
            e.2 += usize::from(given);
            let wrong = if name == "positive" { !given } else { plain };
            if wrong && shown < show {
                shown += 1;
                println!("  {name} {label}: {a} / {b}  distance {d:.2}");
            }
        }
        for (label, (n, p, g)) in &by {
            println!(
                "{name} {label}: {n} pairs, within plain budget {p} ({:.3}), within given budget {g} ({:.3})",
                *p as f64 / *n as f64,
                *g as f64 / *n as f64
            );
        }
    }
}
