//! `newsdiff ingest`: read articles and show their structure.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use anyhow::{Context, Result};
use newsdiff_ingest::{
    Article, Corpus, Fields, Format, Layout, Lexicon, Paragraph, ParagraphKind, Reader, Sidecar,
    Source,
};
use serde::Serialize;

use crate::args::{ColorChoice, IngestArgs, InputArgs, InputFormat, LayoutChoice, OutputFormat};
use crate::output;
use crate::sanitize::for_terminal;

/// Builds the library reader from the shared input options.
pub fn reader(input: &InputArgs) -> Result<Reader> {
    let format = match input.input_format {
        InputFormat::Auto => Format::Auto,
        InputFormat::Text => Format::Text,
        InputFormat::Jsonl => Format::Jsonl,
        InputFormat::Csv => Format::Csv,
        InputFormat::Tsv => Format::Tsv,
    };
    let layout = match input.layout {
        LayoutChoice::Auto => Layout::Auto,
        LayoutChoice::Lines => Layout::Lines,
        LayoutChoice::Blocks => Layout::Blocks,
    };
    let fields = Fields {
        id: input.id_field.clone(),
        text: input.text_field.clone(),
        title: input.title_field.clone(),
        date: input.date_field.clone(),
        url: input.url_field.clone(),
        outlet: input.outlet_field.clone(),
    };
    let mut reader = Reader::new()
        .format(format)
        .layout(layout)
        .lossy(input.lossy)
        .fields(fields);
    if let Some(d) = &input.delimiter {
        // an empty delimiter would cut at every blank line, which never cuts articles
        anyhow::ensure!(
            !d.trim().is_empty(),
            "--delimiter: give the line that separates articles (it cannot be empty or blank)"
        );
        reader = reader.delimiter(d.clone());
    }
    if let Some(path) = &input.lexicon {
        let mut lexicon = Lexicon::default();
        lexicon.load_tsv(path)?;
        reader = reader.lexicon(&lexicon);
    }
    Ok(reader)
}

/// Reads the inputs, noting skipped files on stderr.
pub fn read(input: &InputArgs) -> Result<Corpus> {
    let mut corpus = reader(input)?.read_paths(&input.paths)?;
    if let Some(path) = &input.sidecar {
        let sidecar = Sidecar::read(path)?;
        let unknown = sidecar.apply(&mut corpus.articles);
        if !unknown.is_empty() {
            output::note(&format!(
                "{}: {} no article (first: `{}`)",
                path.display(),
                output::count(unknown.len(), "id matches", "ids match"),
                unknown[0]
            ));
        }
    }
    for s in &corpus.skipped {
        output::note(&format!("skipped {}: {}", s.path.display(), s.why));
    }
    Ok(corpus)
}

/// One article as `ingest` prints it in JSON (the text only on request).
#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    source: &'a Source,
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    paragraphs: &'a [Paragraph],
}

impl<'a> ArticleRecord<'a> {
    fn new(a: &'a Article, with_text: bool) -> Self {
        Self {
            id: &a.id,
            source: &a.source,
            title: a.title.as_deref(),
            date: a.date.as_deref(),
            url: a.url.as_deref(),
            outlet: a.outlet.as_deref(),
            text: with_text.then_some(a.text.as_str()),
            paragraphs: &a.paragraphs,
        }
    }
}

#[derive(Serialize)]
struct Parameters {
    #[serde(flatten)]
    input: crate::args::InputParameters,
    with_text: bool,
}

/// Runs `newsdiff ingest`.
pub fn run(args: &IngestArgs, color: ColorChoice) -> Result<u8> {
    let corpus = read(&args.input)?;
    let mut out = match args.format {
        OutputFormat::Text => output::stdout(color),
        OutputFormat::Json | OutputFormat::Jsonl => output::machine_stdout(),
    };
    // machine output in id order (ids are unique), the same for any input order; the text
    // view keeps the order the articles were read in
    let mut by_id: Vec<&Article> = corpus.articles.iter().collect();
    by_id.sort_by(|a, b| a.id.cmp(&b.id));
    let records = || by_id.iter().map(|a| ArticleRecord::new(a, args.with_text));
    let meta = output::Meta::new(
        "ingest",
        Parameters {
            input: args.input.parameters(),
            with_text: args.with_text,
        },
    );
    match args.format {
        OutputFormat::Jsonl => {
            output::jsonl_record(&mut out, "meta", &meta)?;
            for r in records() {
                output::jsonl_record(&mut out, "article", &r)?;
            }
        }
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Body<'a> {
                articles: Vec<ArticleRecord<'a>>,
            }
            output::json_document(
                &mut out,
                &meta,
                &Body {
                    articles: records().collect(),
                },
            )?;
        }
        OutputFormat::Text => {
            for a in &corpus.articles {
                write_article(&mut out, a, args.all)?;
            }
            output::note(&format!(
                "read {} from {}",
                output::count(corpus.articles.len(), "article", "articles"),
                output::count(corpus.files, "file", "files")
            ));
        }
    }
    out.flush().context("writing output")?;
    Ok(crate::FOUND)
}

fn kind_style(kind: ParagraphKind) -> Style {
    match kind {
        ParagraphKind::Title => Style::new().bold(),
        ParagraphKind::Body => Style::new(),
        ParagraphKind::Caption => AnsiColor::Cyan.on_default(),
        ParagraphKind::Boilerplate => AnsiColor::BrightBlack.on_default(),
    }
}

/// Cuts `s` to at most `max` characters, marking the cut with `…`.
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

fn write_article(out: &mut impl Write, a: &Article, all: bool) -> std::io::Result<()> {
    let head = AnsiColor::Magenta.on_default().bold();
    writeln!(
        out,
        "{head}{}{head:#}  {}",
        for_terminal(&a.id),
        for_terminal(&a.source.to_string())
    )?;
    if let Some(t) = &a.title {
        writeln!(out, "  title: {}", for_terminal(t))?;
    }
    let count = |k: ParagraphKind| a.paragraphs.iter().filter(|p| p.kind == k).count();
    writeln!(
        out,
        "  {} paragraph{}: {} title, {} body, {} caption, {} boilerplate",
        a.paragraphs.len(),
        if a.paragraphs.len() == 1 { "" } else { "s" },
        count(ParagraphKind::Title),
        count(ParagraphKind::Body),
        count(ParagraphKind::Caption),
        count(ParagraphKind::Boilerplate)
    )?;
    for p in &a.paragraphs {
        if p.kind == ParagraphKind::Body && !all {
            continue;
        }
        let style = kind_style(p.kind);
        let label = format!("{} ({})", p.kind.as_str(), p.reason);
        writeln!(
            out,
            "    {:>5}  {style}{label:<28}{style:#} {}",
            format!("L{}", p.line + 1),
            for_terminal(&clip(a.paragraph_text(p), 100))
        )?;
    }
    writeln!(out)
}
