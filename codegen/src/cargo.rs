//! The build script of the `tencentcloud-error-codes` crate: what talks to Cargo.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::error::Error;

/// How many accepted differences a build prints as warnings.
const MAX_ACCEPTED_WARNINGS: usize = 20;

/// Generates `out_file` in `OUT_DIR` from the docs set in `docs_dir` (relative to the package),
/// telling Cargo when to rerun and printing warnings and accepted differences as Cargo warnings.
///
/// On error prints the reason and fails the build; `OUT_DIR` keeps the previous file.
pub fn run(docs_dir: &str, out_file: &str) -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    match generate(Path::new(docs_dir), out_file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            for line in error.to_string().lines() {
                eprintln!("error: {line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn generate(docs_dir: &Path, out_file: &str) -> Result<(), Error> {
    // Watch the manifest before reading anything: a broken manifest must rerun once fixed.
    println!(
        "cargo:rerun-if-changed={}",
        docs_dir.join(crate::manifest::MANIFEST_FILE).display()
    );
    if let Ok(manifest) = crate::Manifest::load(docs_dir) {
        for page in &manifest.pages {
            println!(
                "cargo:rerun-if-changed={}",
                docs_dir.join(&page.file).display()
            );
        }
    }
    let generated = crate::generate_from_dir(docs_dir)?;
    for warning in &generated.docs.warnings {
        println!("cargo:warning={warning}");
    }
    // Every accepted difference is a warning, up to a screenful; past that, their number and
    // the command that lists them all (a docs set of hundreds of products accepts thousands).
    let accepted: Vec<_> = generated.agreement.accepted().collect();
    for finding in accepted.iter().take(MAX_ACCEPTED_WARNINGS) {
        println!("cargo:warning={finding}");
    }
    if accepted.len() > MAX_ACCEPTED_WARNINGS {
        println!(
            "cargo:warning=... and {} more accepted differences; `tencentcloud-error-codes check --docs {}` lists them all",
            accepted.len() - MAX_ACCEPTED_WARNINGS,
            docs_dir.display()
        );
    }
    for unused in &generated.agreement.unused {
        println!(
            "cargo:warning={}: accept entry for {unused} matches no difference; remove it",
            docs_dir.join(crate::manifest::MANIFEST_FILE).display(),
        );
    }
    let out_dir = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| Error::new("OUT_DIR is not set: run this from a build script"))?;
    write_if_changed(&out_dir.join(out_file), generated.source.as_bytes())
}

/// Writes `contents` to `path` unless it already holds them, through a temporary file and a
/// rename, so that `path` is never half-written.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<(), Error> {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    let temporary = path.with_extension("tmp");
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        Error::in_file(path, format!("cannot write: {e}"))
    })
}
