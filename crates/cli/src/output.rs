//! Writing results: JSON envelopes, colour choice, errors and broken pipes.

use std::io::{self, Write};

use serde::Serialize;

use crate::args::ColorChoice;

/// A buffered stdout writer for machine-readable output (never coloured, nothing stripped).
pub fn machine_stdout() -> Box<dyn Write> {
    Box::new(io::BufWriter::with_capacity(1 << 16, io::stdout().lock()))
}

/// A stdout writer for people that honours `--color` (and `NO_COLOR`, and strips colour when
/// stdout is not a terminal under `auto`).
pub fn stdout(color: ColorChoice) -> Box<dyn Write> {
    let choice = match color {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    Box::new(io::BufWriter::with_capacity(
        1 << 16,
        anstream::AutoStream::new(io::stdout().lock(), choice),
    ))
}

/// Writes one JSON Lines envelope `{"type": kind, "data": data}`.
pub fn jsonl_record<W: Write + ?Sized, T: Serialize>(
    w: &mut W,
    kind: &str,
    data: &T,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct Envelope<'a, T> {
        r#type: &'a str,
        data: &'a T,
    }
    serde_json::to_writer(&mut *w, &Envelope { r#type: kind, data })?;
    w.write_all(b"\n")
}

/// Writes one pretty JSON document: `{"meta": meta, ...body's fields}` and a newline.
pub fn json_document<W: Write + ?Sized, P: Serialize, B: Serialize>(
    w: &mut W,
    meta: &Meta<P>,
    body: &B,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a, P: Serialize, B: Serialize> {
        meta: &'a Meta<P>,
        #[serde(flatten)]
        body: &'a B,
    }
    serde_json::to_writer_pretty(&mut *w, &Doc { meta, body })?;
    w.write_all(b"\n")
}

/// The `meta` record: enough to reproduce a run.
#[derive(Debug, Serialize)]
pub struct Meta<P: Serialize> {
    /// newsdiff's version.
    pub version: &'static str,
    /// The subcommand.
    pub command: &'static str,
    /// The parameters that shaped the result.
    pub parameters: P,
}

impl<P: Serialize> Meta<P> {
    /// A meta record for `command`.
    pub fn new(command: &'static str, parameters: P) -> Self {
        Self {
            version: env!("CARGO_PKG_VERSION"),
            command,
            parameters,
        }
    }
}

/// The width to wrap text output to: the terminal's, when standard output is one.
pub fn wrap_width() -> Option<usize> {
    use std::io::IsTerminal;
    io::stdout()
        .is_terminal()
        .then(|| textwrap::termwidth().clamp(40, 200))
}

/// Whether an error chain holds a broken pipe (the reader went away: exit quietly).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            // the csv writer wraps the I/O error in its own
            || e.downcast_ref::<csv::Error>().is_some_and(|e| {
                matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe)
            })
    })
}

/// An error and its causes on one line, `a: b: c`, leaving out a cause whose text the line
/// already ends with (typed errors often quote their source in their own message, so
/// `{err:#}` would say it twice).
pub fn describe(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if out.ends_with(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

/// Prints an error message on stderr.
#[allow(clippy::print_stderr)]
pub fn error(message: &str) {
    eprintln!(
        "newsdiff: error: {}",
        crate::sanitize::for_terminal(message)
    );
}

/// `n` and the noun for it: `1 person`, `2 people`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Prints a note on stderr.
#[allow(clippy::print_stderr)]
pub fn note(message: &str) {
    eprintln!("newsdiff: {}", crate::sanitize::for_terminal(message));
}
