//! `newsdiff`: compare how many news articles tell the same story.
//!
//! The binary is a thin layer over the `newsdiff-*` library crates: argument parsing, output
//! formats, colour and exit codes live here, and nowhere else.

mod args;
mod ingest;
mod names;
mod output;
mod overlaps;
mod people;
mod progress;
mod report;
mod sanitize;
mod stories;

use std::process::ExitCode;

use clap::Parser;

use crate::args::{Cli, Command};

/// Exit status: something was found.
const FOUND: u8 = 0;
/// Exit status: success, but nothing was found.
const NOTHING: u8 = 1;
/// Exit status: an error (bad input, unreadable file, usage).
const ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Ingest(args) => ingest::run(args, cli.color),
        Command::Overlaps(args) => overlaps::run(args, cli.color),
        Command::Diff(args) => overlaps::diff(args, cli.color),
        Command::Names(args) => names::run(args, cli.color),
        Command::Stories(args) => stories::run(args, cli.color),
        Command::Report(args) => report::run(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) if output::is_broken_pipe(&err) => ExitCode::from(FOUND),
        Err(err) => {
            output::error(&output::describe(&err));
            ExitCode::from(ERROR)
        }
    }
}
