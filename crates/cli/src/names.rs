//! `newsdiff names`: person names across the articles, spelling variants merged, role
//! conflicts reported.

use std::collections::BTreeMap;
use std::io::Write;

use anstyle::{AnsiColor, Style};
use anyhow::Result;
use newsdiff_normalize::names::{ConflictKind, NameCluster, NameReport};
use serde::Serialize;

use crate::args::{ColorChoice, NamesArgs, OutputFormat};
use crate::output;
use crate::sanitize::for_terminal;

#[derive(Serialize)]
struct Parameters {
    #[serde(flatten)]
    input: crate::args::InputParameters,
    exact: bool,
}

/// Runs `newsdiff names`.
pub fn run(args: &NamesArgs, color: ColorChoice) -> Result<u8> {
    let corpus = crate::ingest::read(&args.input)?;
    let report = crate::people::report(&corpus.articles, !args.exact);
    let meta = output::Meta::new(
        "names",
        Parameters {
            input: args.input.parameters(),
            exact: args.exact,
        },
    );
    let mut out = match args.format {
        OutputFormat::Text => output::stdout(color),
        OutputFormat::Json | OutputFormat::Jsonl => output::machine_stdout(),
    };
    match args.format {
        OutputFormat::Jsonl => {
            output::jsonl_record(&mut out, "meta", &meta)?;
            for c in &report.clusters {
                output::jsonl_record(&mut out, "cluster", c)?;
            }
            for c in &report.role_conflicts {
                output::jsonl_record(&mut out, "role_conflict", c)?;
            }
        }
        OutputFormat::Json => output::json_document(&mut out, &meta, &report)?,
        OutputFormat::Text => write_text(&mut out, &report)?,
    }
    out.flush()?;
    Ok(if report.clusters.is_empty() {
        crate::NOTHING
    } else {
        crate::FOUND
    })
}

fn articles_list(a: &[String]) -> String {
    const MAX: usize = 6;
    let mut s = a
        .iter()
        .take(MAX)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if a.len() > MAX {
        s.push_str(&format!(", … ({} in all)", a.len()));
    }
    s
}

fn write_cluster(out: &mut dyn Write, c: &NameCluster) -> std::io::Result<()> {
    let bold = Style::new().bold();
    let dim = Style::new().fg_color(Some(AnsiColor::BrightBlack.into()));
    let mut articles: Vec<String> = c.mentions.iter().map(|m| m.article.clone()).collect();
    articles.dedup();
    writeln!(
        out,
        "{bold}{}{bold:#}  {dim}{} mention{}, {} article{}{dim:#}",
        for_terminal(&c.canonical),
        c.mentions.len(),
        if c.mentions.len() == 1 { "" } else { "s" },
        articles.len(),
        if articles.len() == 1 { "" } else { "s" },
    )?;
    // one form however the text wraps it, as in the cluster's `forms`
    let mut forms: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for m in &c.mentions {
        forms
            .entry(newsdiff_normalize::names::one_line(&m.form))
            .or_default()
            .push(m.article.clone());
    }
    for (form, arts) in &forms {
        let n = arts.len();
        let mut a = arts.clone();
        a.dedup();
        writeln!(
            out,
            "  {:<24} ×{n:<3} {}",
            for_terminal(form),
            for_terminal(&articles_list(&a))
        )?;
    }
    for r in &c.roles {
        writeln!(
            out,
            "  role: {} ({})",
            for_terminal(&role_label(&r.key)),
            for_terminal(&articles_list(&r.articles))
        )?;
    }
    for line in merge_lines(c) {
        writeln!(out, "  {dim}merged {}{dim:#}", for_terminal(&line))?;
    }
    writeln!(out)
}

/// A cluster's merges for a reader, one line each (`becent → bessent (cost 0.50 ≤ 0.90:
/// same role …)`): the same merge made article by article is said once, with its number of
/// articles, and a form measured against itself reads as bare mentions of the name joining
/// the person (found by a user audit: `bush → bush (…)` sixteen times over).
pub fn merge_lines(c: &NameCluster) -> Vec<String> {
    merges(c)
        .into_iter()
        .map(|(e, articles)| {
            let what = if e.form == e.into {
                format!("bare `{}` → {}", e.form, c.canonical)
            } else {
                format!("{} → {}", e.form, e.into)
            };
            format!(
                "{what} (cost {:.2} ≤ {:.2}: {}){}",
                e.cost,
                e.budget,
                e.reasons.join("; "),
                if articles > 1 {
                    format!(", in {articles} articles")
                } else {
                    String::new()
                }
            )
        })
        .collect()
}

/// A cluster's merges, the same merge made in several articles once, with its articles.
fn merges(c: &NameCluster) -> Vec<(&newsdiff_normalize::names::MergeEvidence, usize)> {
    let mut out: Vec<(
        &newsdiff_normalize::names::MergeEvidence,
        std::collections::BTreeSet<&str>,
    )> = Vec::new();
    for e in &c.evidence {
        let same = |x: &newsdiff_normalize::names::MergeEvidence| {
            x.form == e.form && x.into == e.into && x.reasons == e.reasons && x.cost == e.cost
        };
        match out.iter_mut().find(|(x, _)| same(x)) {
            Some((_, articles)) => articles.extend(e.articles.iter().map(String::as_str)),
            None => out.push((e, e.articles.iter().map(String::as_str).collect())),
        }
    }
    out.into_iter().map(|(e, a)| (e, a.len().max(1))).collect()
}

fn write_text(out: &mut dyn Write, report: &NameReport) -> std::io::Result<()> {
    let bold = Style::new().bold();
    let warn = Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold();
    if report.clusters.is_empty() {
        writeln!(out, "no person names found")?;
        return Ok(());
    }
    let uncertain = report.clusters.iter().filter(|c| c.uncertain).count();
    writeln!(
        out,
        "{bold}{}{bold:#}{}, {}\n",
        crate::output::count(report.clusters.len(), "person", "people"),
        if uncertain > 0 {
            format!(" ({uncertain} of them uncertain, listed last)")
        } else {
            String::new()
        },
        crate::output::count(report.mention_count(), "mention", "mentions")
    )?;
    for c in report.clusters.iter().filter(|c| !c.uncertain) {
        write_cluster(out, c)?;
    }
    if uncertain > 0 {
        writeln!(
            out,
            "{bold}Uncertain: {uncertain} name{} written alone with nothing saying a \
             person{bold:#} (no title, honorific, role or given name: as often a company, a \
             team or a work as someone known by one name)\n",
            if uncertain == 1 { "" } else { "s" }
        )?;
        for c in report.clusters.iter().filter(|c| c.uncertain) {
            write_cluster(out, c)?;
        }
    }
    if report.role_conflicts.is_empty() {
        writeln!(out, "no role conflicts")?;
        return Ok(());
    }
    writeln!(
        out,
        "{bold}{} role conflict{}{bold:#}\n",
        report.role_conflicts.len(),
        if report.role_conflicts.len() == 1 {
            ""
        } else {
            "s"
        }
    )?;
    for rc in &report.role_conflicts {
        let kind = match rc.kind {
            ConflictKind::Contradiction => {
                "contradiction: dates overlapping or less than a week apart"
            }
            ConflictKind::Succession => "succession: one after another, a week apart or more",
            ConflictKind::Undated => "different holders (undated)",
        };
        // the office as the articles write it, and as matched when it differs
        let label = role_label(&rc.key);
        if label == rc.role {
            writeln!(out, "{warn}{}{warn:#}: {kind}", for_terminal(&rc.role))?;
        } else {
            writeln!(
                out,
                "{warn}{}{warn:#} ({}): {kind}",
                for_terminal(&rc.role),
                for_terminal(&label)
            )?;
        }
        for h in &rc.holders {
            writeln!(
                out,
                "  {bold}{}{bold:#}: {}",
                for_terminal(&h.canonical),
                for_terminal(&articles_list(&h.articles))
            )?;
            for s in &h.sentences {
                writeln!(
                    out,
                    "    {}: {}",
                    for_terminal(&s.article),
                    for_terminal(&s.text)
                )?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A role key for a reader: `us:commerce secretary` is `US commerce secretary`,
/// `china:foreign minister` `China foreign minister`, `?:president` (no country given)
/// `president`.
pub(crate) fn role_label(key: &str) -> String {
    match key.split_once(':') {
        Some(("?", office)) => office.to_owned(),
        Some((country, office)) => {
            let country = if country.chars().count() <= 3 {
                country.to_uppercase()
            } else {
                let mut c = country.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            };
            format!("{country} {office}")
        }
        None => key.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One merge made in several articles reads once, with their number; a form against
    /// itself reads as bare mentions joining the person.
    #[test]
    fn merges_read_once() {
        use newsdiff_normalize::names::MergeEvidence;
        let merge = |form: &str, into: &str, article: &str| MergeEvidence {
            form: form.into(),
            into: into.into(),
            cost: 0.0,
            budget: 0.4,
            reasons: vec!["same role `president`".into()],
            articles: vec![article.into()],
        };
        let c = NameCluster {
            canonical: "George W Bush".into(),
            key: 0,
            forms: Vec::new(),
            mentions: Vec::new(),
            roles: Vec::new(),
            uncertain: false,
            evidence: vec![
                merge("bush", "bush", "a"),
                merge("bush", "bush", "b"),
                merge("busch", "bush", "c"),
            ],
        };
        assert_eq!(
            merge_lines(&c),
            [
                "bare `bush` → George W Bush (cost 0.00 ≤ 0.40: same role `president`), in 2 articles",
                "busch → bush (cost 0.00 ≤ 0.40: same role `president`)",
            ]
        );
    }

    #[test]
    fn role_keys_read_as_offices() {
        assert_eq!(role_label("us:commerce secretary"), "US commerce secretary");
        assert_eq!(
            role_label("china:foreign minister"),
            "China foreign minister"
        );
        assert_eq!(role_label("?:president"), "president");
    }
}
