//! The build script of the `tencentcloud-error-codes` crate (feature `generate`): what talks
//! to Cargo.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::emit::Layout;
use crate::error::Error;

/// The environment variable that points the build script at another docs directory.
pub const DOCS_ENV: &str = "TENCENTCLOUD_ERROR_CODES_DOCS";

/// How many warnings of each sort (accepted differences, unused acceptances, source warnings) a
/// build prints; past that, their number and the command that lists them all.
pub const MAX_WARNINGS: usize = 20;

/// Generates the sources into `OUT_DIR/generated/` from the docs set in `default_docs` (relative
/// to the package), or in the directory [`DOCS_ENV`] names, telling Cargo when to rerun and
/// printing warnings and accepted differences as Cargo warnings.
///
/// On error prints the reason (and the first differences) and fails the build; `OUT_DIR` keeps
/// the previous files.
pub fn run(default_docs: &str) -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed={DOCS_ENV}");
    let docs = std::env::var_os(DOCS_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default_docs));
    match generate(&docs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            for finding in error.findings().iter().take(MAX_WARNINGS) {
                eprintln!("error: {finding}");
            }
            if error.findings().len() > MAX_WARNINGS {
                eprintln!(
                    "error: ... and {} more; `tencentcloud-error-codes check --docs {}` lists them all",
                    error.findings().len() - MAX_WARNINGS,
                    docs.display()
                );
            }
            ExitCode::FAILURE
        }
    }
}

fn generate(docs_dir: &Path) -> Result<(), Error> {
    // Watch the manifest before reading anything: a broken manifest must rerun once fixed.
    println!(
        "cargo:rerun-if-changed={}",
        docs_dir.join(crate::manifest::MANIFEST_FILE).display()
    );
    if let Ok(manifest) = crate::Manifest::load(docs_dir) {
        let files = manifest
            .pages
            .iter()
            .map(|p| &p.file)
            .chain(manifest.error_center.iter().map(|e| &e.file));
        for file in files {
            if let Ok(file) = crate::manifest::normalize_file(file) {
                println!("cargo:rerun-if-changed={}", docs_dir.join(file).display());
            }
        }
    }
    let generated = crate::generate_from_dir(docs_dir, Layout::OutDir)?;
    let check = format!(
        "`tencentcloud-error-codes check --docs {}`",
        docs_dir.display()
    );
    let warn = |lines: Vec<String>, what: &str| {
        for line in lines.iter().take(MAX_WARNINGS) {
            println!("cargo:warning={line}");
        }
        if lines.len() > MAX_WARNINGS {
            println!(
                "cargo:warning=... and {} more {what}; {check} lists them all",
                lines.len() - MAX_WARNINGS
            );
        }
    };
    warn(
        generated
            .docs
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect(),
        "warnings",
    );
    warn(
        generated
            .agreement
            .accepted()
            .map(ToString::to_string)
            .collect(),
        "accepted differences",
    );
    warn(
        generated
            .agreement
            .unused
            .iter()
            .map(|unused| {
                format!(
                    "{}: accept entry ({unused}) matches no difference; remove it",
                    generated.docs.manifest_path().display()
                )
            })
            .collect(),
        "unused accept entries",
    );
    let out_dir = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| Error::new("OUT_DIR is not set: run this from a build script"))?;
    crate::write::sync_tree(&out_dir.join("generated"), &generated.files)?;
    Ok(())
}
