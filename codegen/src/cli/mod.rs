//! The `tencentcloud-error-codes` command-line tool: the generator's stages on any docs set.
//!
//! [`run`] takes the arguments and the output streams and returns the exit code, so that tests
//! drive it exactly as a shell would.

mod changes;
mod check;
mod diff;
mod export;
mod show;
#[cfg(feature = "update")]
mod update;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::error::Error;

/// Exit code: every page agrees (or every difference is accepted).
pub const EXIT_AGREE: u8 = 0;
/// Exit code: pages differ in ways the manifest does not accept.
pub const EXIT_DIFFER: u8 = 1;
/// Exit code: the input cannot be read (or the command line is wrong).
pub const EXIT_UNREADABLE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "tencentcloud-error-codes",
    version,
    about = "Check, export and compare the common error-code tables of Tencent Cloud's documentation pages",
    after_help = "Exit status: 0 when all pages agree, 1 when they differ, 2 when the input cannot be read."
)]
struct Cli {
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

/// The output formats of the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum OutputFormat {
    /// An aligned table for a terminal, at most 100 columns wide.
    Text,
    /// Markdown, for a pull-request comment.
    Markdown,
    /// JSON, for scripts.
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read every page of a docs set and report how their tables differ.
    Check(DocsArg),
    /// Print every page's table after normalization.
    Export(export::ExportArgs),
    /// Show the codes × products matrix and the descriptions that differ.
    Diff(diff::DiffArgs),
    /// Show what changed between two docs sets, and the semver verdict for the crate.
    Changes(changes::ChangesArgs),
    /// Show one code on every page.
    Show(show::ShowArgs),
    /// Fetch the pages from their urls, write them only if every one reads, and report the changes.
    #[cfg(feature = "update")]
    Update(update::UpdateArgs),
}

/// The docs set to read.
#[derive(Debug, clap::Args)]
struct DocsArg {
    /// The docs directory, holding sources.json [default: docs]
    #[arg(long, value_name = "DIR")]
    docs: Option<PathBuf>,
}

impl DocsArg {
    fn dir(&self) -> PathBuf {
        self.docs.clone().unwrap_or_else(default_docs)
    }
}

/// The docs directory when none is given: `docs` in the current directory, as in a clone of
/// the repository.
pub(crate) fn default_docs() -> PathBuf {
    PathBuf::from("docs")
}

/// Runs the tool with `args` (the first is the program name), writing to `out` and `err`;
/// returns the exit code. `terminal` says whether `out` is a terminal that takes colour (for
/// `--color auto`); the binary passes whether stdout is a terminal and `NO_COLOR` is unset.
pub fn run<I, T>(args: I, terminal: bool, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_UNREADABLE
            } else {
                EXIT_AGREE
            };
            let text = e.render().to_string();
            let _ = if e.use_stderr() {
                err.write_all(text.as_bytes())
            } else {
                out.write_all(text.as_bytes())
            };
            return code;
        }
    };
    let color = match cli.color {
        ColorChoice::Auto => terminal,
        ColorChoice::Always => true,
        ColorChoice::Never => false,
    };
    let result = match &cli.command {
        Command::Check(docs) => check::run(&docs.dir(), out, err),
        Command::Export(args) => export::run(args, out),
        Command::Diff(args) => diff::run(args, color, out),
        Command::Changes(args) => changes::run(args, out),
        Command::Show(args) => show::run(args, out),
        #[cfg(feature = "update")]
        Command::Update(args) => update::run(args, out, err),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            EXIT_UNREADABLE
        }
    }
}

/// A failure to write the report (a closed pipe, a full disk) as an [`Error`].
fn write_error(e: std::io::Error) -> Error {
    Error::new(format!("cannot write the output: {e}"))
}
