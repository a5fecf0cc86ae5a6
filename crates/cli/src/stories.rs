//! `newsdiff stories`: articles grouped into stories by the passages they share.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use anyhow::Result;
use newsdiff_diff::{Overlaps, StoryView, date_key};
use newsdiff_ingest::Article;
use serde::Serialize;

use crate::args::{ColorChoice, OutputFormat, SearchArgs, StoriesArgs};
use crate::output;
use crate::sanitize::for_terminal;

#[derive(Serialize)]
struct Parameters {
    #[serde(flatten)]
    input: crate::args::InputParameters,
    min_score: f64,
    min_words: usize,
    names: bool,
    link: f64,
    /// The search's whole configuration, with the phrases `--ignore` read (as `overlaps`
    /// records it).
    config: newsdiff_diff::Config,
}

/// What [`search`] finds: the overlaps, the name report (when names are on) and the
/// configuration searched with.
pub struct Found {
    /// The overlaps.
    pub overlaps: Overlaps,
    /// The name report, when names are on.
    pub names: Option<newsdiff_normalize::names::NameReport>,
    /// The search's configuration (for the `meta` record).
    pub config: newsdiff_diff::Config,
}

/// Runs the overlap search for commands built on it: the overlaps and the name report
/// (when names are on).
pub fn search(search: &SearchArgs, articles: &[Article], bar: bool) -> Result<Found> {
    note_unordered_dates(articles);
    let mut finder = crate::overlaps::finder(search)?;
    let started = std::time::Instant::now();
    let report = crate::overlaps::names_on(search, articles.len())
        .then(|| crate::people::report(articles, true));
    if search.verbose && report.is_some() {
        crate::output::note(&format!("names: {:.3} s", started.elapsed().as_secs_f64()));
    }
    if let Some(r) = &report {
        finder = finder.names(crate::people::keys_of(r, articles));
    }
    Ok(Found {
        overlaps: crate::overlaps::find(&finder, articles, search.verbose, bar),
        names: report,
        config: finder.config().clone(),
    })
}

/// Says on stderr which dates order nothing (not ISO 8601): with one of them among a
/// passage's articles, who has it first is unknown (found by a user audit: `June 10 2025`
/// and `yesterday` were taken without a word).
fn note_unordered_dates(articles: &[Article]) {
    let mut odd = articles.iter().filter(|a| {
        a.date
            .as_deref()
            .is_some_and(|d| newsdiff_diff::date_key(d).is_none())
    });
    if let Some(first) = odd.next() {
        let n = 1 + odd.count();
        crate::output::note(&format!(
            "{} not in ISO 8601 form (such as `{}` of {}): {} no order, so who has a passage \
             first is unknown where {} among its articles",
            crate::output::count(n, "date", "dates"),
            crate::sanitize::for_terminal(first.date.as_deref().unwrap_or_default()),
            crate::sanitize::for_terminal(&first.id),
            if n == 1 { "it gives" } else { "they give" },
            if n == 1 { "it is" } else { "one is" },
        ));
    }
}

/// Runs `newsdiff stories`.
pub fn run(args: &StoriesArgs, color: ColorChoice) -> Result<u8> {
    let corpus = crate::ingest::read(&args.input)?;
    let Found {
        overlaps: found,
        names,
        config,
    } = search(
        &args.search,
        &corpus.articles,
        args.format == OutputFormat::Text,
    )?;
    let started = std::time::Instant::now();
    let view = args.story.builder().build(&corpus.articles, &found);
    if args.search.verbose {
        output::note(&format!(
            "stories: {:.3} s",
            started.elapsed().as_secs_f64()
        ));
    }
    let meta = output::Meta::new(
        "stories",
        Parameters {
            input: args.input.parameters(),
            min_score: args.search.min_score,
            min_words: args.search.min_words,
            names: names.is_some(),
            link: args.story.link,
            config,
        },
    );
    match args.format {
        OutputFormat::Jsonl => {
            let mut out = output::machine_stdout();
            output::jsonl_record(&mut out, "meta", &meta)?;
            for s in &view.stories {
                output::jsonl_record(&mut out, "story", s)?;
            }
            for id in &view.unlinked {
                output::jsonl_record(&mut out, "unlinked", &serde_json::json!({ "article": id }))?;
            }
            out.flush()?;
        }
        OutputFormat::Json => {
            let mut out = output::machine_stdout();
            output::json_document(&mut out, &meta, &view)?;
            out.flush()?;
        }
        OutputFormat::Text => {
            let mut out = output::stdout(color);
            write_text(&mut out, &view, &corpus.articles)?;
            out.flush()?;
        }
    }
    Ok(if view.stories.is_empty() {
        crate::NOTHING
    } else {
        crate::FOUND
    })
}

/// `text` on one line, at most `max` characters (an ellipsis marks the cut), with control,
/// bidi and zero-width characters written as visible escapes.
pub fn snippet(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = for_terminal(&flat).into_owned();
    if flat.chars().count() <= max {
        return flat;
    }
    let mut s: String = flat.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

fn write_text(out: &mut dyn Write, view: &StoryView, articles: &[Article]) -> std::io::Result<()> {
    // by id, once: a scan per lookup was half the text run on Reuters (21,578 articles)
    let by_id: std::collections::HashMap<&str, &Article> =
        articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let article = |id: &str| by_id.get(id).copied();
    let head = AnsiColor::Magenta.on_default().bold();
    let bold = Style::new().bold();
    let dim = AnsiColor::BrightBlack.on_default();
    if view.stories.is_empty() {
        writeln!(out, "no stories: no two articles share enough")?;
    }
    for (i, story) in view.stories.iter().enumerate() {
        writeln!(
            out,
            "{head}story {}{head:#}  {} articles, {} shared passage{}, {} paragraph{} found in one article only",
            i + 1,
            story.articles.len(),
            story.passages.len(),
            if story.passages.len() == 1 { "" } else { "s" },
            story.unique.len(),
            if story.unique.len() == 1 { "" } else { "s" },
        )?;
        for a in &story.articles {
            let pct = if a.content_bytes == 0 {
                0.0
            } else {
                100.0 * a.shared_bytes as f64 / a.content_bytes as f64
            };
            writeln!(
                out,
                "  {:<10} {bold}{}{bold:#} {dim}{}{dim:#}  {pct:.0}% shared, {} unique paragraph{}{}",
                for_terminal(a.date.as_deref().unwrap_or("-")),
                for_terminal(&a.article),
                for_terminal(a.outlet.as_deref().unwrap_or("")),
                a.unique_paragraphs,
                if a.unique_paragraphs == 1 { "" } else { "s" },
                a.title
                    .as_deref()
                    .map(|t| format!("  {}", for_terminal(&snippet(t, 60))))
                    .unwrap_or_default(),
            )?;
        }
        writeln!(out, "  {bold}shared passages{bold:#}")?;
        for p in &story.passages {
            let mut first = if !p.first.is_empty() {
                format!("first: {}", for_terminal(&p.first.join(", ")))
            } else if p.occurrences.iter().any(|o| o.date.is_none()) {
                "first: unknown (dates missing)".to_owned()
            } else if p
                .occurrences
                .iter()
                .any(|o| o.date.as_deref().and_then(date_key).is_none())
            {
                "first: unknown (dates not comparable)".to_owned()
            } else {
                // no earliest article shares it with all the others directly
                "first: unknown".to_owned()
            };
            if p.chained {
                first.push_str(" (chained: some articles share it only through another)");
            }
            writeln!(
                out,
                "    {} articles  {:.2} {:<10} {first}",
                p.articles,
                p.score,
                p.kind.as_str()
            )?;
            for o in &p.occurrences {
                writeln!(
                    out,
                    "      {dim}{}{dim:#}  {}",
                    crate::overlaps::place(article(&o.article), &o.article, o.start, o.end),
                    for_terminal(&snippet(&o.text, 100))
                )?;
            }
        }
        if !story.unique.is_empty() {
            writeln!(out, "  {bold}only in one article{bold:#}")?;
            for u in &story.unique {
                writeln!(
                    out,
                    "    {dim}{}{dim:#}  {}",
                    crate::overlaps::place(article(&u.article), &u.article, u.start, u.end),
                    for_terminal(&snippet(&u.text, 100))
                )?;
            }
        }
        writeln!(out)?;
    }
    if !view.unlinked.is_empty() {
        writeln!(
            out,
            "{bold}{} article{} in no story{bold:#}: {}",
            view.unlinked.len(),
            if view.unlinked.len() == 1 { "" } else { "s" },
            for_terminal(&view.unlinked.join(", "))
        )?;
    }
    Ok(())
}
