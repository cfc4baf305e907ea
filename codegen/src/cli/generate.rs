//! `generate`: write the checked-in generated sources, or check that they are current.

use std::path::PathBuf;

use super::{Output, EXIT_DIFFER, EXIT_OK};
use crate::emit::Layout;
use crate::error::{escape, Error};
use crate::write::{check_checked_in, stale_message, write_checked_in, CheckedIn};

/// At most this many stale files have their diff printed.
const MAX_DIFFS: usize = 5;

#[derive(Debug, clap::Args)]
pub(super) struct GenerateArgs {
    /// The docs directory, holding sources.json.
    #[arg(long, value_name = "DIR", default_value = "docs")]
    docs: PathBuf,
    /// The crate's root: its `Cargo.toml` and `src/generated/`.
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Write nothing: fail, with a diff, when a file is out of date.
    #[arg(long)]
    check: bool,
}

pub(super) fn run(args: &GenerateArgs) -> Result<Output, Error> {
    let generated = match crate::generate_from_dir(&args.docs, Layout::Src) {
        Ok(generated) => generated,
        Err(error) if !error.findings().is_empty() => {
            // The first differences, then the error; `check` lists them all.
            let mut stderr = String::new();
            for finding in error.findings().iter().take(20) {
                stderr.push_str(&format!("{}\n", escape(&finding.to_string())));
            }
            stderr.push_str(&format!("error: {error}\n"));
            return Ok(Output {
                code: super::EXIT_UNREADABLE,
                stdout: String::new(),
                stderr,
            });
        }
        Err(error) => return Err(error),
    };
    let at = CheckedIn::at(&args.root);
    if args.check {
        let stale = check_checked_in(&at, &generated)?;
        if stale.is_empty() {
            return Ok(Output::new(
                EXIT_OK,
                format!(
                    "{} generated files are current\n",
                    generated.files.len() + 1
                ),
            ));
        }
        let mut stderr = String::new();
        for file in stale.iter().take(MAX_DIFFS) {
            if file.diff.is_empty() {
                stderr.push_str(&format!(
                    "{}: no longer generated; remove it\n",
                    file.path.display()
                ));
            } else {
                stderr.push_str(&file.diff);
            }
        }
        stderr.push_str(&format!("error: {}\n", stale_message(&stale)));
        return Ok(Output {
            code: EXIT_DIFFER,
            stdout: String::new(),
            stderr,
        });
    }
    let changed = write_checked_in(&at, &generated)?;
    let mut stdout = String::new();
    for path in &changed {
        stdout.push_str(&format!("wrote {}\n", path.display()));
    }
    stdout.push_str(&format!(
        "{} file{} written, {} unchanged\n",
        changed.len(),
        crate::agreement::plural(changed.len()),
        (generated.files.len() + 1).saturating_sub(changed.len())
    ));
    Ok(Output::new(EXIT_OK, stdout))
}
