//! `newsdiff report`: one self-contained HTML file (inline CSS and script, no network
//! request), rendered with askama (auto-escaping) from [`model::ReportData`].
//!
//! Article text is hostile: every text the template prints is HTML-escaped by askama; the
//! data for the page's script is embedded as JSON with `<`, `>`, `&` and `'` escaped
//! (askama's `json` filter), and the script puts text into the page with `textContent`
//! only. A Content-Security-Policy allows no network access and only the page's own script
//! (by its SHA-256 hash), so even injected markup could not run code.
//!
//! Size stays bounded at thousands of articles: the texts are embedded once, overlaps are
//! capped (`--max-overlaps`, strongest kept) and carry changed ranges only, the long lists
//! (people, classified paragraphs, story passages) are capped, and the matrix, pair list and
//! article list render on demand, a page at a time (50 × 50 cells, 50 pairs, 100 articles).

pub mod model;

use std::io::Write;

use anyhow::{Context, Result};
use askama::Template;
use base64::Engine;
use serde::Serialize;
use sha2::Digest;

use crate::args::ReportArgs;
use model::{ArticleEntry, GroupEntry, OverlapEntry, PairEntry, ReportData};

/// The page's style sheet.
const STYLE: &str = include_str!("../../templates/report.css");
/// The page's script.
const SCRIPT: &str = include_str!("../../templates/report.js");

/// What the page's script reads.
#[derive(Serialize)]
struct Client<'a> {
    articles: &'a [ArticleEntry],
    pairs: &'a [PairEntry],
    overlaps: &'a [OverlapEntry],
    groups: &'a [GroupEntry],
    stories: Vec<StoryArticles<'a>>,
}

#[derive(Serialize)]
struct StoryArticles<'a> {
    articles: &'a [usize],
}

#[derive(Template)]
#[template(path = "report.html")]
struct Page<'a> {
    d: &'a ReportData,
    client: Client<'a>,
    style: &'static str,
    script: &'static str,
    script_hash: String,
}

/// Renders the report page.
pub fn render(data: &ReportData) -> Result<String> {
    let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
    let page = Page {
        d: data,
        client: Client {
            articles: &data.articles,
            pairs: &data.pairs,
            overlaps: &data.overlaps,
            groups: &data.groups,
            stories: data
                .stories
                .iter()
                .map(|s| StoryArticles {
                    articles: &s.articles,
                })
                .collect(),
        },
        style: STYLE,
        script: SCRIPT,
        script_hash: format!(
            "sha256-{}",
            base64::engine::general_purpose::STANDARD.encode(digest)
        ),
    };
    page.render().context("rendering the report")
}

/// Runs `newsdiff report`.
pub fn run(args: &ReportArgs) -> Result<u8> {
    // The output is checked before the work, which may take minutes. A report is written
    // whole to a temporary file beside the target, then renamed, so that an error never
    // leaves a partial report that looks complete.
    let target = &args.output;
    let dest = destination(target)?;
    let corpus = crate::ingest::read(&args.input)?;
    refuse_input(&dest, target, &corpus.articles)?;
    let crate::stories::Found {
        overlaps: found,
        names,
        ..
    } = crate::stories::search(&args.search, &corpus.articles, true)?;
    let started = std::time::Instant::now();
    let stories = args.story.builder().build(&corpus.articles, &found);
    let data = ReportData::build(
        &corpus.articles,
        &found,
        names.as_ref(),
        &stories,
        args.max_overlaps,
    );
    let bytes = if args.data {
        let mut v = serde_json::to_vec_pretty(&data)?;
        v.push(b'\n');
        v
    } else {
        render(&data)?.into_bytes()
    };
    if args.search.verbose {
        crate::output::note(&format!(
            "stories and page: {:.3} s",
            started.elapsed().as_secs_f64()
        ));
    }
    match &dest {
        Destination::Stdout => {
            let mut out = crate::output::machine_stdout();
            out.write_all(&bytes)?;
            out.flush()?;
            return Ok(crate::FOUND);
        }
        Destination::Direct(path) => {
            // A pipe, a device or a socket: written to, never replaced.
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(path)
                .with_context(|| format!("{}: cannot write", target.display()))?;
            f.write_all(&bytes)
                .and_then(|()| f.flush())
                .with_context(|| format!("{}: cannot write", target.display()))?;
        }
        Destination::Replace { dir, path } => {
            let mut tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("{}: cannot create a file there", dir.display()))?;
            tmp.write_all(&bytes)
                .with_context(|| format!("{}: cannot write", target.display()))?;
            // A temporary file is private (0600); a report is an ordinary document.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                tmp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644))
                    .with_context(|| format!("{}: cannot write", target.display()))?;
            }
            // (the temporary file's name is no help to a reader: its error alone)
            tmp.persist(path)
                .map_err(|e| e.error)
                .with_context(|| format!("{}: cannot write", target.display()))?;
        }
    }
    use crate::output::count;
    crate::output::note(&format!(
        "wrote {} ({} KB): {}, {}, {}, {}",
        target.display(),
        bytes.len().div_ceil(1024),
        count(data.summary.articles, "article", "articles"),
        count(data.overlaps.len(), "overlap", "overlaps"),
        count(data.people_found, "person", "people"),
        count(data.stories_found, "story", "stories")
    ));
    Ok(crate::FOUND)
}

/// Where a report goes.
enum Destination {
    /// Standard output (`-o -`).
    Stdout,
    /// An existing file that is no regular file (a pipe, a device): written to in place.
    Direct(std::path::PathBuf),
    /// A regular file (existing or not; a link's target, not the link): written whole to a
    /// temporary file in `dir`, then renamed to `path`.
    Replace {
        dir: std::path::PathBuf,
        path: std::path::PathBuf,
    },
}

/// Fails when the report would replace one of the files its articles were read from
/// (`report -o corpus/a.txt corpus`): found by a review, which lost an article that way.
fn refuse_input(
    dest: &Destination,
    target: &std::path::Path,
    articles: &[newsdiff_ingest::Article],
) -> Result<()> {
    let path = match dest {
        Destination::Stdout => return Ok(()),
        Destination::Direct(path) | Destination::Replace { path, .. } => path,
    };
    let Ok(out) = std::fs::canonicalize(path) else {
        return Ok(()); // not made yet: no input
    };
    let mut seen = std::collections::BTreeSet::new();
    for a in articles {
        if a.source.path != "-"
            && seen.insert(a.source.path.as_str())
            && std::fs::canonicalize(&a.source.path).is_ok_and(|p| p == out)
        {
            anyhow::bail!(
                "{}: is one of the inputs (the article `{}` was read from it); give another output file",
                target.display(),
                a.id
            );
        }
    }
    Ok(())
}

/// The destination of `-o target`, checked before the work, which may take minutes: a
/// report is written whole to a temporary file beside the target, then renamed, so that an
/// error never leaves a partial report that looks complete. A link is followed (the link
/// stays, its target gets the report) and a pipe or a device is written to, not replaced
/// (found by a user audit: `-o /dev/full` replaced the device with a file).
fn destination(target: &std::path::Path) -> Result<Destination> {
    if target.as_os_str() == "-" {
        return Ok(Destination::Stdout);
    }
    if target.is_dir() {
        anyhow::bail!("{}: is a directory; give a file name", target.display());
    }
    // the file a link ends at (when there is one; a dangling link is made there)
    let path = match std::fs::canonicalize(target) {
        Ok(p) => p,
        Err(_) => match std::fs::read_link(target) {
            Ok(to) => target
                .parent()
                .unwrap_or(std::path::Path::new("."))
                .join(to),
            Err(_) => target.to_path_buf(),
        },
    };
    if std::fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
        return Ok(Destination::Direct(path));
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."))
        .to_path_buf();
    if !dir.is_dir() {
        anyhow::bail!("{}: no such directory", dir.display());
    }
    // a file can be made there (this probe is removed at once; the report's own temporary
    // file is made when the report is ready, so that an interrupted run leaves nothing
    // behind)
    tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("{}: cannot create a file there", dir.display()))?;
    Ok(Destination::Replace { dir, path })
}
