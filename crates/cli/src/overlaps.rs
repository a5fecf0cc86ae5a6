//! `newsdiff overlaps` and `newsdiff diff`.

use std::io::Write;
use std::ops::ControlFlow;

use anstyle::{AnsiColor, Style};
use anyhow::{Context, Result, bail};
use newsdiff_diff::{
    ArticleSource, DiffOp, DiffSide, Divergence, Finder, Group, Op, Overlap, Overlaps, word_diff,
};
use newsdiff_ingest::{Article, Index};
use newsdiff_normalize::Analyzer;
use serde::Serialize;

use crate::args::{
    ColorChoice, DiffArgs, OutputFormat, OverlapFormat, OverlapsArgs, SearchArgs, Switch,
};

/// Up to this many articles, `--names auto` matches name variants.
const NAMES_AUTO_MAX: usize = 20_000;
use crate::output;
use crate::sanitize::{for_terminal, passage_for_terminal, slice_for_terminal};

#[derive(Serialize)]
struct Parameters<'a> {
    #[serde(flatten)]
    input: crate::args::InputParameters,
    min_score: f64,
    min_words: usize,
    article: Option<&'a str>,
    pair: Option<&'a [String]>,
    ignore: usize,
    names: bool,
    config: &'a newsdiff_diff::Config,
}

/// The finder the search options describe (names not yet set).
pub fn finder(search: &SearchArgs) -> Result<Finder> {
    let mut finder = Finder::new()
        .min_score(search.min_score)
        .min_words(search.min_words);
    if let Some(path) = &search.ignore {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let phrases: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_owned)
            .collect();
        finder = finder.ignore_phrases(phrases);
    }
    Ok(finder)
}

/// Whether the search matches name variants for this many articles.
pub fn names_on(search: &SearchArgs, articles: usize) -> bool {
    match search.names {
        Switch::On => true,
        Switch::Off => false,
        Switch::Auto => articles <= NAMES_AUTO_MAX,
    }
}

/// Runs the search, with stage times (`-v`) or a progress bar (`bar` and a terminal).
pub fn find(finder: &Finder, articles: &[Article], verbose: bool, bar: bool) -> Overlaps {
    let mut overlaps = Vec::new();
    let groups = find_each(finder, articles, verbose, bar, &mut |o| {
        overlaps.push(o);
        ControlFlow::Continue(())
    });
    Overlaps {
        overlaps,
        groups: groups.unwrap_or_else(|never| match never {}),
    }
}

/// As [`find`] over any source, handing each overlap to `on_overlap` in output order as soon
/// as it is ready (see [`Finder::find_each_in`]); returns the groups.
pub fn find_each<S: ArticleSource + ?Sized>(
    finder: &Finder,
    source: &S,
    verbose: bool,
    bar: bool,
    on_overlap: &mut dyn FnMut(Overlap) -> ControlFlow<()>,
) -> Result<Vec<Group>, S::Error> {
    if verbose {
        finder.find_each_in(source, &crate::progress::StageTimer::new(), on_overlap)
    } else if let Some(bar) = bar.then(crate::progress::Bar::on_terminal).flatten() {
        finder.find_each_in(source, &bar, on_overlap)
    } else {
        finder.find_each_in(source, &newsdiff_diff::NoProgress, on_overlap)
    }
}

/// With `--stream auto`, inputs of at least this many bytes are read twice instead of held.
///
/// Measured A/B (`benches/README.md`, "Streaming texts"): at 1 M generated articles (2.7 GB)
/// peak RSS 6.4 → 3.4 GB for ≈ 4 % more CPU; at 100 k (267 MB) 0.85 → 0.66 GB for 1–4 %; on
/// the real corpora (31 MB, 23.8 k articles) only 230 → 212 MB for 15–20 % more CPU, because
/// there each batch of passages reads back most of the corpus. Below this size the texts are a
/// small share of the peak, so holding them is the better trade.
const STREAM_MIN_BYTES: u64 = 128 << 20;

/// Runs `newsdiff overlaps`.
///
/// JSON Lines and CSV output from uncompressed JSON Lines files, without name matching, can
/// read the input twice instead of holding it (`--stream`): an [`Index`] keeps each article's
/// id and record location (checking every record first, so input errors still come before any
/// output), the search cuts articles into sentences a batch at a time and reads again only
/// the texts each batch of passages needs. Output is the same either way. Everything else
/// reads the articles into memory: JSON and text output hold every overlap anyway (text output
/// prints whole diffs), names need every text, a sidecar sets metadata on articles in memory,
/// and standard input and gzip cannot be read again by offset.
pub fn run(args: &OverlapsArgs, color: ColorChoice) -> Result<u8> {
    if let Some(index) = streaming_index(args)? {
        return search(args, color, &index, None);
    }
    let corpus = crate::ingest::read(&args.input)?;
    search(
        args,
        color,
        corpus.articles.as_slice(),
        Some(&corpus.articles),
    )
}

/// The index of the inputs when `overlaps` reads them twice (see [`run`]).
fn streaming_index(args: &OverlapsArgs) -> Result<Option<Index>> {
    let streamed_output = matches!(args.format, OverlapFormat::Jsonl | OverlapFormat::Csv);
    if args.stream == Switch::Off
        || !streamed_output
        || args.input.sidecar.is_some()
        || args.search.names == Switch::On
    {
        return Ok(None);
    }
    let (bytes, not_regular) = input_files(args)?;
    if args.stream == Switch::Auto && bytes < STREAM_MIN_BYTES {
        return Ok(None);
    }
    // a pipe or a FIFO cannot be read twice (a FIFO's second open waits forever)
    if let Some(p) = not_regular {
        if args.stream == Switch::On {
            output::note(&format!(
                "{} is not a regular file (a pipe?), which cannot be read twice: reading the input once, into memory",
                p.display()
            ));
        }
        return Ok(None);
    }
    let Some(index) = crate::ingest::reader(&args.input)?.index_paths(&args.input.paths)? else {
        return Ok(None);
    };
    if names_on(&args.search, index.len()) {
        return Ok(None);
    }
    for s in index.skipped() {
        output::note(&format!("skipped {}: {}", s.path.display(), s.why));
    }
    Ok(Some(index))
}

/// What `overlaps` needs to know of its input files before reading them: their total size
/// (standard input counts as nothing), and the first that is no regular file (a pipe, a
/// FIFO, a device), if any. One listing and one `stat` a file.
fn input_files(args: &OverlapsArgs) -> Result<(u64, Option<std::path::PathBuf>)> {
    let expanded = newsdiff_ingest::expand(&args.input.paths)?;
    let (mut total, mut not_regular) = (0u64, None);
    for input in &expanded.inputs {
        if let newsdiff_ingest::Input::File(p) = input {
            let meta =
                std::fs::metadata(p).with_context(|| format!("{}: cannot read", p.display()))?;
            total = total.saturating_add(meta.len());
            if !meta.is_file() && not_regular.is_none() {
                not_regular = Some(p.clone());
            }
        }
    }
    Ok((total, not_regular))
}

/// The search and its output over `source`; `articles` is the same articles in memory, which
/// name matching and JSON and text output need.
fn search<S>(
    args: &OverlapsArgs,
    color: ColorChoice,
    source: &S,
    articles: Option<&[Article]>,
) -> Result<u8>
where
    S: ArticleSource + ?Sized,
    S::Error: std::error::Error + Send + Sync + 'static,
{
    let mut finder = finder(&args.search)?;
    if let Some(id) = &args.article {
        ensure_id(source, id)?;
        finder = finder.only_article(id.clone());
    }
    if let Some(pair) = &args.pair {
        if pair[0] == pair[1] {
            bail!("--pair needs two different articles (an article never overlaps itself)");
        }
        if let Some(id) = args.article.as_ref().filter(|id| !pair.contains(id)) {
            bail!("--article {id} is not one of the --pair articles: nothing could be reported");
        }
        for id in pair {
            ensure_id(source, id)?;
        }
        finder = finder.only_pair(pair[0].clone(), pair[1].clone());
    }
    let names = names_on(&args.search, source.len());
    if names {
        let articles = articles.context("name matching needs the articles in memory")?;
        finder = finder.names(crate::people::keys(articles));
    }
    let meta = output::Meta::new(
        "overlaps",
        Parameters {
            input: args.input.parameters(),
            min_score: args.search.min_score,
            min_words: args.search.min_words,
            article: args.article.as_deref(),
            pair: args.pair.as_deref(),
            ignore: finder.config().ignore_phrases.len(),
            names,
            config: finder.config(),
        },
    );
    let mut out = match args.format {
        OverlapFormat::Text => output::stdout(color),
        _ => output::machine_stdout(),
    };
    let (verbose, bar) = (args.search.verbose, args.format == OverlapFormat::Text);
    let file_lines = FileLines::of(articles.unwrap_or_default());
    let found_any = match args.format {
        // Records are written as overlaps come, so they are never all held.
        OverlapFormat::Jsonl => {
            output::jsonl_record(&mut out, "meta", &meta)?;
            let (mut count, mut failed) = (0usize, None);
            let groups = find_each(&finder, source, verbose, bar, &mut |mut o| {
                count += 1;
                file_lines.overlap(&mut o);
                match output::jsonl_record(&mut out, "overlap", &o) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(e) => {
                        failed = Some(e);
                        ControlFlow::Break(())
                    }
                }
            });
            if let Some(e) = failed {
                return Err(e).context("writing output");
            }
            let mut groups = groups.context("reading the input again")?;
            for g in &mut groups {
                file_lines.group(g);
                output::jsonl_record(&mut out, "group", g)?;
            }
            count > 0 || !groups.is_empty()
        }
        OverlapFormat::Csv => {
            let mut w = csv_writer(&mut out)?;
            let (mut count, mut failed) = (0usize, None);
            let groups = find_each(&finder, source, verbose, bar, &mut |mut o| {
                count += 1;
                file_lines.overlap(&mut o);
                match write_csv_overlap(&mut w, &o) {
                    Ok(()) => ControlFlow::Continue(()),
                    Err(e) => {
                        failed = Some(e);
                        ControlFlow::Break(())
                    }
                }
            });
            if let Some(e) = failed {
                return Err(e);
            }
            let mut groups = groups.context("reading the input again")?;
            groups.iter_mut().for_each(|g| file_lines.group(g));
            write_csv_groups(&mut w, &groups)?;
            w.flush()?;
            count > 0 || !groups.is_empty()
        }
        OverlapFormat::Json => {
            let articles = articles.context("JSON output reads the articles into memory")?;
            let mut found = find(&finder, articles, verbose, bar);
            found
                .overlaps
                .iter_mut()
                .for_each(|o| file_lines.overlap(o));
            found.groups.iter_mut().for_each(|g| file_lines.group(g));
            output::json_document(&mut out, &meta, &found)?;
            !found.overlaps.is_empty() || !found.groups.is_empty()
        }
        OverlapFormat::Text => {
            let articles = articles.context("text output reads the articles into memory")?;
            let found = find(&finder, articles, verbose, bar);
            write_text(&mut out, &found, articles)?;
            output::note(&format!(
                "{} and {} among {}",
                output::count(found.overlaps.len(), "overlap", "overlaps"),
                output::count(found.groups.len(), "group", "groups"),
                output::count(articles.len(), "article", "articles"),
            ));
            !found.overlaps.is_empty() || !found.groups.is_empty()
        }
    };
    out.flush().context("writing output")?;
    Ok(if found_any {
        crate::FOUND
    } else {
        crate::NOTHING
    })
}

/// Lines in the file for the articles a plain-text file was cut into by a delimiter line:
/// the search counts an article's lines in its own text, the contract (as `ingest` does)
/// in the file. Every other article's text starts the file or is a record's own text, and
/// keeps its lines.
struct FileLines(std::collections::HashMap<String, usize>);

impl FileLines {
    /// The lines that `articles` start after, where not 0 (none when streaming: only JSON
    /// Lines is streamed).
    fn of(articles: &[Article]) -> Self {
        let shifted = articles.iter().filter_map(|a| {
            let shift = a.first_line();
            (shift > 0).then(|| (a.id.clone(), shift))
        });
        Self(shifted.collect())
    }

    fn shift(&self, article: &str, line: &mut usize, last_line: &mut usize) {
        if let Some(n) = self.0.get(article) {
            *line += n;
            *last_line += n;
        }
    }

    fn overlap(&self, o: &mut Overlap) {
        self.shift(&o.a.article, &mut o.a.line, &mut o.a.last_line);
        self.shift(&o.b.article, &mut o.b.line, &mut o.b.last_line);
    }

    fn group(&self, g: &mut Group) {
        for m in &mut g.members {
            self.shift(&m.article, &mut m.line, &mut m.last_line);
        }
    }
}

fn ensure_id<S: ArticleSource + ?Sized>(source: &S, id: &str) -> Result<()> {
    if !(0..source.len()).any(|i| source.id(i) == id) {
        bail!("no article with id `{id}` in the input");
    }
    Ok(())
}

/// A CSV writer with the header row written.
fn csv_writer(out: &mut dyn Write) -> Result<csv::Writer<&mut dyn Write>> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "record",
        "group",
        "a_article",
        "a_start",
        "a_end",
        "b_article",
        "b_start",
        "b_end",
        "a_line",
        "a_last_line",
        "b_line",
        "b_last_line",
        "score",
        "kind",
        "similarity",
        "shared_words",
        "divergences",
        "a_text",
        "b_text",
    ])?;
    Ok(w)
}

fn write_csv_overlap(w: &mut csv::Writer<&mut dyn Write>, o: &Overlap) -> Result<()> {
    let div: Vec<String> = o
        .divergences
        .iter()
        .map(|d| format!("{}: {} / {}", kind_name(d), d.a.text, d.b.text))
        .collect();
    w.write_record([
        "overlap",
        "",
        &spreadsheet_safe(&o.a.article),
        &o.a.start.to_string(),
        &o.a.end.to_string(),
        &spreadsheet_safe(&o.b.article),
        &o.b.start.to_string(),
        &o.b.end.to_string(),
        &(o.a.line + 1).to_string(),
        &(o.a.last_line + 1).to_string(),
        &(o.b.line + 1).to_string(),
        &(o.b.last_line + 1).to_string(),
        &format!("{:.4}", o.score),
        o.kind.as_str(),
        &format!("{:.4}", o.similarity),
        &o.shared_words.to_string(),
        &spreadsheet_safe(&div.join("; ")),
        &spreadsheet_safe(&o.a.text),
        &spreadsheet_safe(&o.b.text),
    ])?;
    Ok(())
}

fn write_csv_groups(w: &mut csv::Writer<&mut dyn Write>, groups: &[Group]) -> Result<()> {
    for (i, g) in groups.iter().enumerate() {
        // the group's number in this output, so that two groups of one score and kind stay
        // apart in a spreadsheet
        let group = (i + 1).to_string();
        for m in &g.members {
            w.write_record([
                "group-member",
                &group,
                &spreadsheet_safe(&m.article),
                &m.start.to_string(),
                &m.end.to_string(),
                "",
                "",
                "",
                &(m.line + 1).to_string(),
                &(m.last_line + 1).to_string(),
                "",
                "",
                &format!("{:.4}", g.score),
                g.kind.as_str(),
                "",
                "",
                "",
                &spreadsheet_safe(&m.text),
                "",
            ])?;
        }
    }
    Ok(())
}

/// A text or id cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return: article text and ids are hostile, `=HYPERLINK(...)`)
/// begins with `'` instead, which spreadsheets show as text; any other cell is kept as it is.
fn spreadsheet_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

pub fn kind_name(d: &Divergence) -> &'static str {
    d.kind.as_str()
}

/// A divergence's side for a terminal: `(none)` where that side states nothing (a negation
/// only the other side has).
fn piece_for_reader(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_empty() {
        "(none)".into()
    } else {
        for_terminal(text)
    }
}

const DEL: Style = AnsiColor::Red.on_default();
const INS: Style = AnsiColor::Green.on_default();
const DIM: Style = AnsiColor::BrightBlack.on_default();
/// Words alike once normalized but written differently (`[~“US”~]{~"U.S."~}`).
const RESTYLED: Style = AnsiColor::Yellow.on_default();

/// Writes a word diff as one text: `b`'s words, with `a`'s deleted words in `[-…-]` and
/// inserted ones in `{+…+}` (the markers stay when colour is stripped), indented, and wrapped
/// to the terminal's width when standard output is a terminal.
fn write_inline_diff(
    out: &mut dyn Write,
    indent: &str,
    ops: &[DiffOp],
    a: (&str, usize),
    b: &str,
    b_range: (usize, usize),
) -> std::io::Result<()> {
    let mut buf: Vec<u8> = Vec::new();
    write_diff_words(&mut buf, ops, a, b, b_range)?;
    write_wrapped(out, indent, indent, &String::from_utf8_lossy(&buf))
}

/// Writes `line` after `first`, wrapped to the terminal's width when standard output is a
/// terminal (continuation lines after `rest`), between words only: an escape such as
/// `\u{202E}` or a URL is never cut.
fn write_wrapped(out: &mut dyn Write, first: &str, rest: &str, line: &str) -> std::io::Result<()> {
    match output::wrap_width() {
        Some(width) => {
            let options = textwrap::Options::new(width)
                .initial_indent(first)
                .subsequent_indent(rest)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .break_words(false);
            writeln!(out, "{}", textwrap::fill(line, options))
        }
        None => writeln!(out, "{first}{line}"),
    }
}

/// Below this share of side `b`'s bytes in equal words, a paraphrase is shown as its two
/// sides rather than as one word diff: a reworded sentence diffs into alternating deletions
/// and insertions that no one can read (`[-revealed to reporters-]{+told the public+}`).
const SIDES_BELOW_EQUAL: f64 = 0.5;

/// Whether a passage reads better as two sides than as one word diff.
pub(crate) fn shown_as_sides(o: &Overlap) -> bool {
    let len = o.b.end.saturating_sub(o.b.start);
    let equal: usize = o
        .ops
        .iter()
        .filter(|op| op.op == Op::Equal)
        .map(|op| op.b[1].saturating_sub(op.b[0]))
        .sum();
    o.kind == newsdiff_diff::Kind::Paraphrase && (equal as f64) < SIDES_BELOW_EQUAL * len as f64
}

/// The byte ranges of the content terms that a passage's two sides share (by stem, in any
/// order: `talks` on one side marks `talk` on the other), side `a`'s then side `b`'s, each
/// in text order.
pub(crate) fn shared_terms(
    o: &Overlap,
    texts: (&str, &str),
    analyzer: &Analyzer,
) -> [Vec<[usize; 2]>; 2] {
    let terms = [
        analyzer.terms(texts.0, o.a.start..o.a.end),
        analyzer.terms(texts.1, o.b.start..o.b.end),
    ];
    let hashes: [std::collections::HashSet<u64>; 2] = [
        terms[0].iter().map(|t| t.hash).collect(),
        terms[1].iter().map(|t| t.hash).collect(),
    ];
    let on = |side: usize| -> Vec<[usize; 2]> {
        terms[side]
            .iter()
            .filter(|t| hashes[1 - side].contains(&t.hash))
            .map(|t| [t.start, t.end])
            .collect()
    };
    [on(0), on(1)]
}

/// Writes a passage's two sides one after the other, `a` then `b`, each indented and
/// wrapped like [`write_inline_diff`], the terms they share ([`shared_terms`]) in bold.
fn write_sides(
    out: &mut dyn Write,
    indent: &str,
    o: &Overlap,
    texts: (&str, &str),
    analyzer: &Analyzer,
) -> std::io::Result<()> {
    const SHARED: Style = Style::new().bold();
    let shared = shared_terms(o, texts, analyzer);
    let sides = [
        ("a", texts.0, o.a.start..o.a.end),
        ("b", texts.1, o.b.start..o.b.end),
    ];
    for ((label, text, range), marks) in sides.into_iter().zip(&shared) {
        let mut line = String::new();
        let mut cursor = range.start;
        for &[start, end] in marks {
            if start < cursor || end > range.end {
                continue;
            }
            line.push_str(&passage_for_terminal(&text[cursor..start]));
            line.push_str(&format!(
                "{SHARED}{}{SHARED:#}",
                passage_for_terminal(&text[start..end])
            ));
            cursor = end;
        }
        line.push_str(&passage_for_terminal(&text[cursor..range.end]));
        let first = format!("{indent}{DIM}{label}{DIM:#} ");
        write_wrapped(out, &first, &format!("{indent}  "), &line)?;
    }
    Ok(())
}

fn write_diff_words(
    out: &mut dyn Write,
    ops: &[DiffOp],
    (a, a_start): (&str, usize),
    b: &str,
    b_range: (usize, usize),
) -> std::io::Result<()> {
    // Each change is written with the text before it on its own side, as `git diff
    // --word-diff` does, so that a deleted stretch keeps the punctuation and the paragraph
    // break it had on side `a`, where it was: `said[-. ¶ A second paragraph follows
    // here-].` (writing side `b`'s text around it put it before `b`'s full stop). Text the
    // two sides have alike before a change stays outside the brackets (`year. [-Mr-] Wu`),
    // and so does white space (`further [-talks-] were`).
    let (mut cur_a, mut cur_b) = (a_start, b_range.0);
    for (i, op) in ops.iter().enumerate() {
        let following = ops.get(i + 1);
        match op.op {
            Op::Equal if op.exact => {
                write!(out, "{}", piece(b, cur_b, op.b[1]))?;
                cur_a = cur_a.max(op.a[1]);
                cur_b = cur_b.max(op.b[1]);
            }
            Op::Equal => {
                // the same words written differently: both spellings, side `a`'s first, after
                // the white space either side has before them (`55 per cent` / `55%`)
                let gap_b = piece(b, cur_b, op.b[0]);
                let gap_a = a.get(cur_a..op.a[0].max(cur_a)).unwrap_or("");
                // (after a deletion its own space was written with it)
                let after_equal = i == 0 || ops.get(i - 1).is_some_and(|p| p.op == Op::Equal);
                let gap = if after_equal
                    && gap_b.is_empty()
                    && !gap_a.is_empty()
                    && gap_a.trim().is_empty()
                {
                    std::borrow::Cow::Borrowed(" ")
                } else {
                    gap_b
                };
                write!(
                    out,
                    "{}{RESTYLED}[~{}~]{{~{}~}}{RESTYLED:#}",
                    gap,
                    piece(a, op.a[0].max(cur_a), op.a[1]),
                    piece(b, op.b[0].max(cur_b), op.b[1])
                )?;
                cur_a = cur_a.max(op.a[1]);
                cur_b = cur_b.max(op.b[1]);
            }
            Op::Delete | Op::Insert => {
                let delete = op.op == Op::Delete;
                let (text, cur, words, (style, open, close)) = if delete {
                    (a, cur_a, (op.a[0], op.a[1]), (DEL, "[-", "-]"))
                } else {
                    (b, cur_b, (op.b[0], op.b[1]), (INS, "{+", "+}"))
                };
                let words_at = words.0.max(cur);
                // the text before the change on this side and on the other
                let own_gap = text.get(cur..words_at).unwrap_or("");
                let other_gap = if delete {
                    b.get(cur_b..op.b[0].max(cur_b)).unwrap_or("")
                } else {
                    a.get(cur_a..op.a[0].max(cur_a)).unwrap_or("")
                };
                // Text both sides have before the change (the same, or the same punctuation
                // with other white space: `. ` and `.` + a line break) is written once, as
                // side `b` has it; white space alone stays outside the brackets too.
                fn marks(g: &str) -> impl Iterator<Item = char> + '_ {
                    g.chars().filter(|c| !c.is_whitespace())
                }
                let shared = own_gap == other_gap
                    || (marks(own_gap).next().is_some() && marks(own_gap).eq(marks(other_gap)));
                let mut inside_from = words_at;
                if shared {
                    let b_gap_end = if delete { op.b[0] } else { words_at };
                    write!(out, "{}", piece(b, cur_b, b_gap_end))?;
                    if delete {
                        cur_b = cur_b.max(op.b[0]);
                    } else {
                        cur_a = cur_a.max(op.a[0]);
                    }
                } else {
                    // white space first stays outside: ` [-(sharply)-]`
                    let lead = own_gap.len() - own_gap.trim_start().len();
                    write!(out, "{}", piece(text, cur, cur + lead))?;
                    inside_from = cur + lead;
                }
                // a deletion before text both sides have takes its own punctuation with
                // it, up to the next word (`[-First paragraph here. ¶ -]Rates`), unless
                // side `b` has the same there; white space after it, before that text, is
                // written here: that text's own gap on side `b` was written before it
                let next_equal = following.filter(|n| n.op == Op::Equal);
                let mut to = words.1;
                let mut space_after = 0;
                if delete && (following.is_none() || next_equal.is_some()) {
                    let next_word = following.map_or(to, |n| n.a[0]).max(to);
                    let trail = a.get(to..next_word).unwrap_or("");
                    if !trail.chars().all(char::is_whitespace)
                        && !b
                            .get(cur_b..)
                            .unwrap_or("")
                            .trim_start()
                            .starts_with(trail.trim())
                    {
                        to = next_word - (trail.len() - trail.trim_end().len());
                    }
                    let rest = a.get(to..next_word).unwrap_or("");
                    space_after = rest.len() - rest.trim_start().len();
                }
                write!(
                    out,
                    "{style}{open}{}{close}{style:#}",
                    piece(text, inside_from, to)
                )?;
                if delete && next_equal.is_some() && cur_b >= op.b[0] {
                    write!(out, "{}", piece(a, to, to + space_after))?;
                }
                if delete {
                    cur_a = cur_a.max(to);
                } else {
                    cur_b = cur_b.max(op.b[1]);
                }
            }
        }
    }
    if cur_b < b_range.1 {
        write!(out, "{}", piece(b, cur_b, b_range.1))?;
    }
    Ok(())
}

/// `text[from..to]` for a terminal (empty when `to` is before `from`), its line breaks
/// judged by the whole text.
fn piece(text: &str, from: usize, to: usize) -> std::borrow::Cow<'_, str> {
    slice_for_terminal(text, from..to.max(from))
}

/// Where a passage lies, for a reader: `id:line` or `id:first-last`, 1-based lines as in an
/// editor or `grep -n` (of the file for plain text, of the article's text for JSON Lines and
/// CSV: [`lines_of`](newsdiff_diff::lines_of) from [`Article::first_line`]); the bytes are in
/// the JSON output.
pub fn place(article: Option<&Article>, id: &str, start: usize, end: usize) -> String {
    let Some(a) = article else {
        return format!("{}@{start}-{end}", for_terminal(id));
    };
    let (first, last) = newsdiff_diff::lines_of(&a.text, start, end);
    let (f, l) = (first + a.first_line() + 1, last + a.first_line() + 1);
    if f == l {
        format!("{}:{f}", for_terminal(id))
    } else {
        format!("{}:{f}-{l}", for_terminal(id))
    }
}

fn write_text(out: &mut dyn Write, found: &Overlaps, articles: &[Article]) -> std::io::Result<()> {
    // by id, once: a scan per lookup was half the text run on Reuters (21,578 articles)
    let by_id: std::collections::HashMap<&str, &Article> =
        articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let article = |id: &str| by_id.get(id).copied();
    let text_of = |id: &str| article(id).map_or("", |a| a.text.as_str());
    // Article pairs, strongest first; within a pair, in text order.
    let mut pairs: Vec<(&str, &str, f64, Vec<&Overlap>)> = Vec::new();
    for o in &found.overlaps {
        match pairs.last_mut() {
            Some(p) if p.0 == o.a.article && p.1 == o.b.article => {
                p.2 = p.2.max(o.score);
                p.3.push(o);
            }
            _ => pairs.push((&o.a.article, &o.b.article, o.score, vec![o])),
        }
    }
    pairs.sort_by(|x, y| {
        y.2.total_cmp(&x.2)
            .then_with(|| (x.0, x.1).cmp(&(y.0, y.1)))
    });
    let head = AnsiColor::Magenta.on_default().bold();
    let analyzer = Analyzer::new();
    for (a, b, best, list) in pairs {
        writeln!(
            out,
            "{head}{} ↔ {}{head:#}  {} passage{}, best {best:.2}",
            for_terminal(a),
            for_terminal(b),
            list.len(),
            if list.len() == 1 { "" } else { "s" }
        )?;
        for o in list {
            let flags: Vec<String> = o
                .divergences
                .iter()
                .map(|d| {
                    format!(
                        "{} {} → {}",
                        kind_name(d),
                        piece_for_reader(&d.a.text),
                        piece_for_reader(&d.b.text)
                    )
                })
                .collect();
            writeln!(
                out,
                "  {:.2} {:<10} {DIM}{}  {}{DIM:#}{}",
                o.score,
                o.kind.as_str(),
                place(article(a), a, o.a.start, o.a.end),
                place(article(b), b, o.b.start, o.b.end),
                if flags.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", flags.join("; "))
                }
            )?;
            if shown_as_sides(o) {
                write_sides(out, "    ", o, (text_of(a), text_of(b)), &analyzer)?;
            } else {
                write_inline_diff(
                    out,
                    "    ",
                    &o.ops,
                    (text_of(a), o.a.start),
                    text_of(b),
                    (o.b.start, o.b.end),
                )?;
            }
        }
        writeln!(out)?;
    }
    for g in &found.groups {
        writeln!(
            out,
            "{head}group of {} articles{head:#}  {:.2} {}",
            g.members.len(),
            g.score,
            g.kind.as_str()
        )?;
        for m in &g.members {
            writeln!(
                out,
                "  {DIM}{}{DIM:#}",
                place(article(&m.article), &m.article, m.start, m.end)
            )?;
        }
        if let Some(m) = g.members.first() {
            writeln!(out, "    {}", passage_for_terminal(&m.text))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The `newsdiff diff` JSON document.
#[derive(Serialize)]
struct DiffDoc<'a> {
    a: Endpoint<'a>,
    b: Endpoint<'a>,
    ops: &'a [DiffOp],
    divergences: &'a [Divergence],
    ratio: f64,
}

#[derive(Serialize)]
struct Endpoint<'a> {
    article: &'a str,
    start: usize,
    end: usize,
}

/// Runs `newsdiff diff A B`.
pub fn diff(args: &DiffArgs, color: ColorChoice) -> Result<u8> {
    let (a, b) = if args.inputs.is_empty() {
        let reader = crate::ingest::reader(&args.input_options())?;
        let one = |p: &std::path::Path| -> Result<Article> {
            let mut c = reader.read_paths(&[p])?;
            if c.articles.len() != 1 {
                bail!(
                    "{}: holds {} articles; name one by id with --in",
                    p.display(),
                    c.articles.len()
                );
            }
            Ok(c.articles.remove(0))
        };
        (
            one(std::path::Path::new(&args.a))?,
            one(std::path::Path::new(&args.b))?,
        )
    } else {
        let corpus = crate::ingest::reader(&args.input_options())?.read_paths(&args.inputs)?;
        let take = |id: &str| -> Result<Article> {
            corpus
                .articles
                .iter()
                .find(|x| x.id == id)
                .cloned()
                .with_context(|| format!("no article with id `{id}` in the input"))
        };
        (take(&args.a)?, take(&args.b)?)
    };
    let side = |x: &Article| {
        let (start, end) = content_range(x);
        (start, end)
    };
    let (ra, rb) = (side(&a), side(&b));
    // Person names of the two texts, spelling variants merged, so that the diff flags a name,
    // role or speaker that differs (and not `Becent` against `Bessent`). Two files may share
    // an id (`x/a.txt`, `y/a.txt`): the second is renamed for this step only.
    let pair = {
        let mut second = b.clone();
        if second.id == a.id {
            second.id.push('\u{2032}');
        }
        [a.clone(), second]
    };
    let names = crate::people::keys(&pair);
    let d = word_diff(
        &DiffSide {
            text: &a.text,
            start: ra.0,
            end: ra.1,
            names: names.of(&pair[0].id),
        },
        &DiffSide {
            text: &b.text,
            start: rb.0,
            end: rb.1,
            names: names.of(&pair[1].id),
        },
    );
    // punctuation alone may differ too: the words are then all equal (white space and line
    // endings are no difference)
    let spaced = |t: Option<&str>| -> Vec<String> {
        t.unwrap_or("")
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    };
    let words_differ = d.ops.iter().any(|o| o.op != Op::Equal);
    let differ = words_differ || spaced(a.text.get(ra.0..ra.1)) != spaced(b.text.get(rb.0..rb.1));
    match args.format {
        OutputFormat::Json | OutputFormat::Jsonl => {
            let mut out = output::machine_stdout();
            let doc = DiffDoc {
                a: Endpoint {
                    article: &a.id,
                    start: ra.0,
                    end: ra.1,
                },
                b: Endpoint {
                    article: &b.id,
                    start: rb.0,
                    end: rb.1,
                },
                ops: &d.ops,
                divergences: &d.divergences,
                ratio: d.ratio,
            };
            if args.format == OutputFormat::Jsonl {
                // every option that changes what is read, as the other commands record
                #[derive(Serialize)]
                struct Parameters<'p> {
                    a: &'p str,
                    b: &'p str,
                    #[serde(flatten)]
                    input: crate::args::InputParameters,
                    id_field: &'p str,
                    text_field: &'p str,
                }
                let meta = output::Meta::new(
                    "diff",
                    Parameters {
                        a: &args.a,
                        b: &args.b,
                        input: args.input_options().parameters(),
                        id_field: &args.id_field,
                        text_field: &args.text_field,
                    },
                );
                output::jsonl_record(&mut out, "meta", &meta)?;
                output::jsonl_record(&mut out, "diff", &doc)?;
            } else {
                serde_json::to_writer_pretty(&mut out, &doc)?;
                writeln!(out)?;
            }
            out.flush()?;
        }
        OutputFormat::Text => {
            let mut out = output::stdout(color);
            let head = AnsiColor::Magenta.on_default().bold();
            writeln!(
                out,
                "{head}{} → {}{head:#}  {:.0}% of words kept in order{}",
                for_terminal(&a.id),
                for_terminal(&b.id),
                d.ratio * 100.0,
                // the word diff shows words: say so when only their writing differs, and
                // when what differs is not marked (capital first letters, spacing)
                if differ && !words_differ {
                    if d.ops.iter().any(|o| !o.exact) {
                        "; the same words, written differently"
                    } else {
                        "; only capitals, spacing or character encoding differ"
                    }
                } else {
                    ""
                }
            )?;
            for dv in &d.divergences {
                writeln!(
                    out,
                    "  {} {} → {}",
                    kind_name(dv),
                    piece_for_reader(&dv.a.text),
                    piece_for_reader(&dv.b.text)
                )?;
            }
            write_inline_diff(&mut out, "", &d.ops, (&a.text, ra.0), &b.text, rb)?;
            out.flush()?;
        }
    }
    Ok(if args.exit_code && differ { 1 } else { 0 })
}

/// The range from the first to the last content paragraph (the whole text if none).
fn content_range(a: &Article) -> (usize, usize) {
    let mut content = a.content_paragraphs();
    match content.next() {
        Some(first) => {
            let last = a
                .content_paragraphs()
                .last()
                .map_or(first.span.end, |p| p.span.end);
            (first.span.start, last)
        }
        None => (0, a.text.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::{Analyzer, place, shown_as_sides, write_sides};
    use newsdiff_diff::{DiffOp, Kind, Op, Overlap, Side};
    use newsdiff_ingest::parse_text;

    /// A loose paraphrase is shown as its two sides, with the terms they share (by stem, in
    /// any order) in bold, each line break as a pilcrow and hostile characters escaped; a near
    /// copy stays a word diff. The passages start inside their texts (offsets are the
    /// texts', not the passages').
    #[test]
    fn loose_paraphrases_are_shown_as_two_sides() -> std::io::Result<()> {
        let a = "Weather was fine. Trump said the talks with China went well.";
        let b = "Sport news.\nIntro.\nTalking to reporters, Trump called China\u{202E}'s talk productive.";
        let side = |text: &str, start: usize| Side::new("x", text, start, text.len());
        let (sa, sb) = (a.find("Trump").unwrap_or(0), b.find("Intro").unwrap_or(0));
        let mut o = Overlap {
            a: side(a, sa),
            b: side(b, sb),
            score: 0.3,
            kind: Kind::Paraphrase,
            similarity: 0.3,
            shared_words: 3,
            divergences: vec![],
            ops: vec![DiffOp::new(Op::Equal, [sa, sa + 5], [sb + 29, sb + 34])],
        };
        assert!(shown_as_sides(&o));
        let mut out: Vec<u8> = Vec::new();
        write_sides(&mut out, "", &o, (a, b), &Analyzer::new())?;
        let out = String::from_utf8_lossy(&out);
        let bold = |w: &str| format!("\u{1b}[1m{w}\u{1b}[0m");
        for w in ["Trump", "talks", "China", "talk", "Talking"] {
            assert!(out.contains(&bold(w)), "{w}: {out}");
        }
        assert!(!out.contains(&bold("the")) && !out.contains("Weather") && !out.contains("Sport"));
        assert!(out.contains("Intro. ¶ \u{1b}[1mTalking"), "{out}");
        assert!(
            out.contains("\\u{202E}") && !out.contains('\u{202E}'),
            "{out}"
        );
        o.kind = Kind::Near;
        assert!(!shown_as_sides(&o));
        Ok(())
    }

    /// Lines are 1-based and count blank lines and hard-wrapped lines inside a paragraph.
    #[test]
    fn places_are_editor_lines() {
        let text = "Title line\n\nFirst paragraph, one line.\nSecond paragraph.\n";
        let a = parse_text("x", text);
        let at = |a: &newsdiff_ingest::Article, text: &str, needle: &str| {
            let start = text.find(needle).unwrap_or(0);
            place(Some(a), "x", start, start + needle.len())
        };
        assert_eq!(at(&a, text, "First paragraph"), "x:3");
        assert_eq!(at(&a, text, "First paragraph, one line.\nSecond"), "x:3-4");
        // Wire copy hard-wrapped mid-sentence: one paragraph over three lines.
        let wire = "The American Stock Exchange said it has\nintroduced options with expirations of up to three years on the\nInstitutional Index.\n    With the ticker symbol XII, the index is a guage of the\ncore equity holdings of the nation's largest institutions, the\nexchange explained.\n";
        let w = parse_text("x", wire);
        assert_eq!(
            w.paragraphs.len(),
            2,
            "the layout keeps wrapped lines together"
        );
        assert_eq!(at(&w, wire, "three years"), "x:2");
        assert_eq!(
            at(
                &w,
                wire,
                "options with expirations of up to three years on the\nInstitutional"
            ),
            "x:2-3"
        );
        assert_eq!(at(&w, wire, "exchange explained"), "x:6");
        assert_eq!(place(None, "x", 3, 9), "x@3-9");
    }
}
