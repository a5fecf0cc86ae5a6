//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare how many news articles tell the same story: shared passages, word-level changes,
/// and names that are one person spelled differently.
#[derive(Debug, Parser)]
#[command(name = "newsdiff", version, about, max_term_width = 100)]
pub struct Cli {
    /// When to use colour: `auto` means when stdout is a terminal and NO_COLOR is unset.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles and show their paragraphs, titles, captions and boilerplate.
    ///
    /// Exit status: 0 when articles were read, 2 on any input error.
    Ingest(IngestArgs),
    /// Find passages that two different articles share, scored, with a word diff of each.
    ///
    /// Exit status: 0 when overlaps were found, 1 when none, 2 on error.
    Overlaps(OverlapsArgs),
    /// Word-level diff of two texts: two files, or two article ids with --in.
    ///
    /// Exit status: 0 (with --exit-code: 1 when they differ), 2 on error.
    Diff(DiffArgs),
    /// Person names across the articles: spelling variants merged into one person, and roles
    /// given to different people.
    ///
    /// Exit status: 0 when people were found, 1 when none, 2 on error.
    Names(NamesArgs),
    /// Group articles into stories by the passages they share: who has each passage first
    /// (by date), and what only one article says.
    ///
    /// Exit status: 0 when a story was found, 1 when none, 2 on error.
    Stories(StoriesArgs),
    /// Write one self-contained HTML report: overlap matrix, side-by-side word diffs, every
    /// article with its shared passages, people and role conflicts, stories.
    ///
    /// Exit status: 0 when the report was written, 2 on error.
    Report(ReportArgs),
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Human-readable text.
    Text,
    /// One JSON document.
    Json,
    /// JSON Lines: one `{"type", "data"}` record a line, `meta` first.
    Jsonl,
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// By extension; standard input by its start (`{` JSON Lines, a header row of column
    /// names with the text column's CSV or TSV, else text).
    Auto,
    /// Plain text, one paragraph a line.
    Text,
    /// JSON Lines.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// TSV with a header row.
    Tsv,
}

/// Paragraph layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LayoutChoice {
    /// One paragraph a line, unless the text is hard-wrapped.
    Auto,
    /// One paragraph a line.
    Lines,
    /// Blank-line or indent separated blocks.
    Blocks,
}

/// How to read the inputs: shared by every subcommand that reads articles.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Files, directories (read recursively), glob patterns, or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Input format (default: by extension).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// Cut plain-text files into several articles at lines equal to this (e.g. `=====`;
    /// a line of dashes such as `----` is taken as the value, not as an option).
    #[arg(long, value_name = "LINE", allow_hyphen_values = true)]
    pub delimiter: Option<String>,
    /// How to cut texts into paragraphs.
    #[arg(long, value_enum, default_value_t = LayoutChoice::Auto)]
    pub layout: LayoutChoice,
    /// Replace invalid UTF-8 with U+FFFD instead of failing (offsets then index the repaired
    /// text).
    #[arg(long)]
    pub lossy: bool,
    /// Extra boilerplate/caption markers: a TSV file of `MATCH<TAB>REASON<TAB>TEXT` lines
    /// (MATCH: line, prefix or contains; REASON: e.g. ad-marker, caption-label).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<PathBuf>,
    /// Field/column holding the article id (JSON Lines, CSV/TSV).
    #[arg(long, default_value = FieldNames::DEFAULT.id, value_name = "NAME")]
    pub id_field: String,
    /// Field/column holding the article text.
    #[arg(long, default_value = FieldNames::DEFAULT.text, value_name = "NAME")]
    pub text_field: String,
    /// Field/column holding the title.
    #[arg(long, default_value = FieldNames::DEFAULT.title, value_name = "NAME")]
    pub title_field: String,
    /// Field/column holding the date.
    #[arg(long, default_value = FieldNames::DEFAULT.date, value_name = "NAME")]
    pub date_field: String,
    /// Field/column holding the URL.
    #[arg(long, default_value = FieldNames::DEFAULT.url, value_name = "NAME")]
    pub url_field: String,
    /// Field/column holding the outlet name.
    #[arg(long, default_value = FieldNames::DEFAULT.outlet, value_name = "NAME")]
    pub outlet_field: String,
    /// Dates, outlets, titles and URLs by article id: a CSV (or `.tsv`) file with a header
    /// row holding `id` and any of `date`, `outlet`, `title`, `url` (for plain-text files,
    /// which carry none).
    #[arg(long, value_name = "FILE")]
    pub sidecar: Option<PathBuf>,
}

/// The input options as recorded in a `meta` record.
#[derive(Debug, serde::Serialize)]
pub struct InputParameters {
    /// The paths as given.
    pub paths: Vec<String>,
    /// The input format option.
    pub input_format: String,
    /// The delimiter line, if any.
    pub delimiter: Option<String>,
    /// The layout option.
    pub layout: String,
    /// Whether invalid UTF-8 was repaired.
    pub lossy: bool,
    /// The sidecar file, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sidecar: Option<String>,
    /// The lexicon of extra boilerplate and caption markers, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lexicon: Option<String>,
    /// The record fields (JSON Lines) and columns (CSV/TSV) read, when any is not the
    /// default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fields: Option<FieldNames>,
}

/// The field and column names an input is read with (see [`InputArgs`]).
#[derive(Debug, PartialEq, serde::Serialize)]
pub struct FieldNames<S = String> {
    /// The article id's.
    pub id: S,
    /// The text's.
    pub text: S,
    /// The title's.
    pub title: S,
    /// The date's.
    pub date: S,
    /// The URL's.
    pub url: S,
    /// The outlet's.
    pub outlet: S,
}

impl FieldNames<&'static str> {
    /// The names read when no option names others.
    pub const DEFAULT: Self = Self {
        id: "id",
        text: "text",
        title: "title",
        date: "date",
        url: "url",
        outlet: "source",
    };
}

impl InputArgs {
    /// What a `meta` record says about the inputs.
    pub fn parameters(&self) -> InputParameters {
        InputParameters {
            paths: self.paths.iter().map(|p| p.display().to_string()).collect(),
            input_format: format!("{:?}", self.input_format).to_lowercase(),
            delimiter: self.delimiter.clone(),
            layout: format!("{:?}", self.layout).to_lowercase(),
            lossy: self.lossy,
            sidecar: self.sidecar.as_ref().map(|p| p.display().to_string()),
            lexicon: self.lexicon.as_ref().map(|p| p.display().to_string()),
            fields: Some(FieldNames {
                id: self.id_field.clone(),
                text: self.text_field.clone(),
                title: self.title_field.clone(),
                date: self.date_field.clone(),
                url: self.url_field.clone(),
                outlet: self.outlet_field.clone(),
            })
            .filter(|f| {
                let d = FieldNames::DEFAULT;
                [&f.id, &f.text, &f.title, &f.date, &f.url, &f.outlet]
                    != [d.id, d.text, d.title, d.date, d.url, d.outlet]
            }),
        }
    }
}

/// `newsdiff ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Include each article's full original text in JSON output.
    #[arg(long)]
    pub with_text: bool,
    /// In text output, list every paragraph, not only titles, captions and boilerplate.
    #[arg(long)]
    pub all: bool,
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Output formats of `overlaps`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OverlapFormat {
    /// Human-readable text with word diffs.
    Text,
    /// One JSON document.
    Json,
    /// JSON Lines: `meta`, then `overlap` and `group` records.
    Jsonl,
    /// CSV for spreadsheets: one row per overlap (and per group member, with its group's
    /// number).
    Csv,
}

/// How overlaps are searched: shared by `overlaps`, `stories` and `report`.
#[derive(Debug, Args)]
#[command(next_help_heading = "Search")]
pub struct SearchArgs {
    /// Lowest score reported, 0 to 1.
    #[arg(long, default_value_t = newsdiff_diff::DEFAULT_MIN_SCORE, value_name = "S", value_parser = unit_interval)]
    pub min_score: f64,
    /// Fewest content words a passage must share.
    #[arg(long, default_value_t = newsdiff_diff::Config::default().min_words, value_name = "N")]
    pub min_words: usize,
    /// Ignore sentences containing any phrase of this file (one a line, `#` comments).
    #[arg(long, value_name = "FILE")]
    pub ignore: Option<PathBuf>,
    /// Print the time each stage takes on stderr.
    #[arg(long, short)]
    pub verbose: bool,
    /// Match spelling variants of one person's name as one word (`Becent` ≡ `Bessent`), and
    /// the few holders the articles give one office as one (`Commerce Secretary Raimondo` ≡
    /// `Commerce Secretary Lutnick`, flagged as a role divergence): `auto` does it for up to
    /// 20,000 articles.
    #[arg(long, value_enum, default_value_t = Switch::Auto)]
    pub names: Switch,
}

/// `newsdiff overlaps`.
#[derive(Debug, Args)]
pub struct OverlapsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OverlapFormat::Text)]
    pub format: OverlapFormat,
    /// Only overlaps involving this article id.
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
    /// Only overlaps between these two article ids.
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub pair: Option<Vec<String>>,
    /// Read uncompressed JSON Lines files twice instead of holding their texts (less memory,
    /// a little more time; JSON Lines and CSV output without name matching): `auto` does it
    /// from 128 MiB of input.
    #[arg(long, value_enum, default_value_t = Switch::Auto)]
    pub stream: Switch,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
}

/// How articles are grouped into stories: shared by `stories` and `report`.
#[derive(Debug, Args)]
#[command(next_help_heading = "Stories")]
pub struct StoryArgs {
    /// How strong two articles' overlaps must be together to put them in one story (0 to 1).
    #[arg(long, default_value_t = newsdiff_diff::DEFAULT_STORY_LINK, value_name = "S", value_parser = unit_interval)]
    pub link: f64,
}

impl StoryArgs {
    /// The library's story builder with these options.
    pub fn builder(&self) -> newsdiff_diff::StoryBuilder {
        newsdiff_diff::StoryBuilder::new().link(self.link)
    }
}

/// `newsdiff stories`.
#[derive(Debug, Args)]
pub struct StoriesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Story options.
    #[command(flatten)]
    pub story: StoryArgs,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `newsdiff report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Where to write the HTML file (`-` for standard output).
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// Most overlaps the report holds (the strongest are kept); bounds the file's size.
    #[arg(long, default_value_t = 20_000, value_name = "N")]
    pub max_overlaps: usize,
    /// Write the report's data model as JSON instead of HTML.
    #[arg(long)]
    pub data: bool,
    /// Story options.
    #[command(flatten)]
    pub story: StoryArgs,
    /// Search options.
    #[command(flatten)]
    pub search: SearchArgs,
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `newsdiff diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Exit 1 when the texts differ.
    #[arg(long)]
    pub exit_code: bool,
    /// The first file (or article id with --in).
    pub a: String,
    /// The second file (or article id with --in).
    pub b: String,
    /// Read this input (a file, directory or glob; repeat for several) and take A and B as
    /// article ids in it.
    #[arg(long = "in", value_name = "PATH", action = clap::ArgAction::Append)]
    pub inputs: Vec<PathBuf>,
    /// Cut plain-text files at lines equal to this.
    #[arg(long, value_name = "LINE", allow_hyphen_values = true)]
    pub delimiter: Option<String>,
    /// Input format (default: by extension).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,
    /// How to cut texts into paragraphs.
    #[arg(long, value_enum, default_value_t = LayoutChoice::Auto)]
    pub layout: LayoutChoice,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// Field/column holding the article id (JSON Lines, CSV/TSV).
    #[arg(long, default_value = FieldNames::DEFAULT.id, value_name = "NAME")]
    pub id_field: String,
    /// Field/column holding the article text (JSON Lines, CSV/TSV).
    #[arg(long, default_value = FieldNames::DEFAULT.text, value_name = "NAME")]
    pub text_field: String,
}

impl DiffArgs {
    /// Input options for the reader.
    pub fn input_options(&self) -> InputArgs {
        InputArgs {
            paths: self.inputs.clone(),
            input_format: self.input_format,
            delimiter: self.delimiter.clone(),
            layout: self.layout,
            lossy: self.lossy,
            lexicon: None,
            id_field: self.id_field.clone(),
            text_field: self.text_field.clone(),
            title_field: FieldNames::DEFAULT.title.to_owned(),
            date_field: FieldNames::DEFAULT.date.to_owned(),
            url_field: FieldNames::DEFAULT.url.to_owned(),
            outlet_field: FieldNames::DEFAULT.outlet.to_owned(),
            sidecar: None,
        }
    }
}

/// `newsdiff names`.
#[derive(Debug, Args)]
pub struct NamesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Merge only identical forms and in-article aliases (no fuzzy variant matching).
    #[arg(long)]
    pub exact: bool,
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
}

/// On, off, or chosen by the input's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    /// Chosen by the input's size.
    Auto,
    /// Always.
    On,
    /// Never.
    Off,
}

/// Parses a number from 0 to 1 (a score or a link strength).
fn unit_interval(s: &str) -> Result<f64, String> {
    let x: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=1.0).contains(&x) {
        Ok(x)
    } else {
        Err(format!("`{s}` is not between 0 and 1"))
    }
}
