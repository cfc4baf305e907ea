//! The `tencentcloud-error-codes` command-line tool: the generator's stages on any docs set.
//!
//! [`run`] takes the arguments, the console and the output streams and returns the exit code, so
//! that tests drive it exactly as a shell would. Every command renders its whole output first and
//! writes it once: a closed pipe (`export | head -1`) ends the command quietly with status 0.

mod accept;
mod changes;
mod check;
mod diff;
mod export;
mod generate;
mod show;
#[cfg(feature = "update")]
mod update;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand};

use crate::agreement::Agreement;
use crate::catalog::Catalog;
use crate::docs::Docs;
use crate::error::Error;
use crate::model::Model;

/// Exit code: every source agrees (or every difference is accepted); the command did its job.
pub const EXIT_OK: u8 = 0;
/// Exit code: sources differ in ways the manifest does not accept (or the checked condition
/// failed: stale generated files, a semver level reached, a code no source documents).
pub const EXIT_DIFFER: u8 = 1;
/// Exit code: the input cannot be read or built from (or the command line is wrong).
pub const EXIT_UNREADABLE: u8 = 2;

const EXIT_STATUS_HELP: &str = "Exit status: 0 when every source agrees (or every difference is \
    accepted), 1 when sources differ, 2 when the docs cannot be read or built from.";

#[derive(Debug, Parser)]
#[command(
    name = "tencentcloud-error-codes",
    version,
    about = "Check, compare, adopt and generate the error-code tables of Tencent Cloud's documentation",
    after_help = EXIT_STATUS_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The output formats of the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum OutputFormat {
    /// Lines for a terminal, at most 100 columns wide.
    Text,
    /// Markdown, for a pull-request comment.
    Markdown,
    /// JSON, for scripts.
    Json,
}

/// The output formats of `check` and `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TextOrJson {
    /// Lines for a terminal.
    Text,
    /// JSON, for scripts.
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read every source of a docs set and report how they differ.
    #[command(after_help = EXIT_STATUS_HELP)]
    Check(check::CheckArgs),
    /// Show the table generations, the codes × pages matrix and the texts that differ.
    #[command(after_help = EXIT_STATUS_HELP)]
    Diff(diff::DiffArgs),
    /// Show what changed between two docs sets, and the semver verdict for the crate.
    #[command(
        after_help = "Exit status: 0, or 1 when the verdict reaches --fail-on or the new \
        docs disagree (no verdict is given then), 2 when either docs set cannot be read or built from."
    )]
    Changes(changes::ChangesArgs),
    /// Show one code on every source.
    #[command(
        after_help = "Exit status: 0 when some source documents the code, 1 when none \
        does, 2 when the docs cannot be read or built from."
    )]
    Show(show::ShowArgs),
    /// Print every source's tables after normalization.
    #[command(after_help = "Exit status: 0, or 2 when the docs cannot be read or built from.")]
    Export(export::ExportArgs),
    /// Accept every difference not yet accepted, with a reason, in the manifest.
    #[command(
        after_help = "Exit status: 0 when the manifest was written (or nothing was left \
        to accept), 2 when the docs cannot be read or the manifest cannot be written."
    )]
    Accept(accept::AcceptArgs),
    /// Write the generated sources (src/generated/) and the product features of Cargo.toml.
    #[command(
        after_help = "Exit status: 0 when the files were written (or, with --check, are \
        current), 1 with --check when a file is out of date, 2 when the docs disagree or cannot \
        be read or built from."
    )]
    Generate(generate::GenerateArgs),
    /// Print shell completions.
    #[command(after_help = "Exit status: 0.")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Fetch the sources from their urls, write them only if every one reads, and report the
    /// changes.
    #[cfg(feature = "update")]
    Update(update::UpdateArgs),
}

/// The docs set to read.
#[derive(Debug, clap::Args)]
struct DocsArg {
    /// The docs directory, holding sources.json.
    #[arg(long, value_name = "DIR", default_value = "docs")]
    docs: PathBuf,
}

/// How the console takes colour: whether standard output is a terminal, and the `NO_COLOR` and
/// `CLICOLOR_FORCE` conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Console {
    /// Standard output is a terminal.
    pub terminal: bool,
    /// `NO_COLOR` is set to a non-empty value: no colour unless asked for.
    pub no_color: bool,
    /// `CLICOLOR_FORCE` is set to a value other than `0`: colour even off a terminal.
    pub clicolor_force: bool,
}

impl Console {
    /// The console of this process.
    pub fn from_env(terminal: bool) -> Console {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
        Console {
            terminal,
            no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
            clicolor_force: set("CLICOLOR_FORCE"),
        }
    }

    /// Whether `auto` colour is on.
    fn auto_color(self) -> bool {
        !self.no_color && (self.terminal || self.clicolor_force)
    }
}

/// What a command produced: its exit code and its whole output.
struct Output {
    code: u8,
    stdout: String,
    stderr: String,
}

impl Output {
    fn new(code: u8, stdout: String) -> Output {
        Output {
            code,
            stdout,
            stderr: String::new(),
        }
    }
}

/// Runs the tool with `args` (the first is the program name), writing to `out` and `err`;
/// returns the exit code.
pub fn run<I, T>(args: I, console: Console, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            return if e.use_stderr() {
                let _ = err.write_all(text.as_bytes());
                EXIT_UNREADABLE
            } else {
                finish(out, err, Output::new(EXIT_OK, text))
            };
        }
    };
    let result = match &cli.command {
        Command::Check(args) => check::run(args),
        Command::Diff(args) => diff::run(args, console),
        Command::Changes(args) => changes::run(args),
        Command::Show(args) => show::run(args),
        Command::Export(args) => export::run(args),
        Command::Accept(args) => accept::run(args),
        Command::Generate(args) => generate::run(args),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(
                *shell,
                &mut Cli::command(),
                "tencentcloud-error-codes",
                &mut script,
            );
            Ok(Output::new(
                EXIT_OK,
                String::from_utf8_lossy(&script).into_owned(),
            ))
        }
        #[cfg(feature = "update")]
        Command::Update(args) => update::run(args),
    };
    match result {
        Ok(output) => finish(out, err, output),
        Err(error) => {
            let _ = writeln!(err, "error: {error}");
            EXIT_UNREADABLE
        }
    }
}

/// Writes a command's output. A closed pipe is not an error: the reader has what it wanted.
fn finish(out: &mut dyn Write, err: &mut dyn Write, output: Output) -> u8 {
    let _ = err.write_all(output.stderr.as_bytes());
    match out
        .write_all(output.stdout.as_bytes())
        .and_then(|()| out.flush())
    {
        Ok(()) => output.code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "error: cannot write the output: {e}");
            EXIT_UNREADABLE
        }
    }
}

/// Reads the docs set in `dir` and checks it as the build does (the model refuses codes that
/// cannot become identifiers), then hands the catalog and the agreement, built once, to a
/// renderer.
fn with_checked<T>(
    dir: &std::path::Path,
    render: impl FnOnce(&Catalog<'_>, &Agreement) -> Result<T, Error>,
) -> Result<T, Error> {
    let docs = Docs::load(dir)?;
    let catalog = Catalog::build(&docs)?;
    Model::from_catalog(&catalog)?;
    let agreement = Agreement::check(&catalog);
    render(&catalog, &agreement)
}

/// Reads the docs set in `dir` and checks it as the build does, for commands that need only
/// the sources.
fn load_checked(dir: &std::path::Path) -> Result<Docs, Error> {
    let docs = Docs::load(dir)?;
    Model::from_catalog(&Catalog::build(&docs)?)?;
    Ok(docs)
}

/// JSON, pretty-printed, with a final newline.
fn to_json(value: &impl serde::Serialize) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::new(format!("cannot write the output: {e}")))?;
    text.push('\n');
    Ok(text)
}

/// One difference in the JSON forms of `check` and `diff`: its fields, and the manifest's reason
/// for accepting it (`null` when it is not accepted).
#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    kind: crate::agreement::Kind,
    table: crate::agreement::TableKind,
    product: Option<&'a str>,
    file: Option<&'a str>,
    line: Option<usize>,
    locale: Option<crate::locale::Locale>,
    code: &'a str,
    texts: &'a [String],
    others: &'a [String],
    accepted: Option<&'a str>,
}

impl<'a> From<&'a crate::agreement::Finding> for JsonFinding<'a> {
    fn from(finding: &'a crate::agreement::Finding) -> Self {
        let d = &finding.difference;
        JsonFinding {
            kind: d.kind,
            table: d.table,
            product: d.product.as_deref(),
            file: d.file.as_deref(),
            line: d.line,
            locale: d.locale,
            code: &d.code,
            texts: &d.texts,
            others: &d.others,
            accepted: finding.accepted.as_deref(),
        }
    }
}
