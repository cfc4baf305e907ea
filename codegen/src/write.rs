//! Writing generated files: only what changed, never half-written, stale files removed; and the
//! freshness check that says what to run.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::emit::{GeneratedFile, REFRESH_COMMAND};
use crate::error::Error;

/// The markers around the generated block of features in the crate's `Cargo.toml`.
pub const FEATURES_BEGIN: &str = "# @generated product features begin";
/// See [`FEATURES_BEGIN`].
pub const FEATURES_END: &str = "# @generated product features end";

/// Writes `contents` to `path` unless it already holds them, through a temporary file and a
/// rename, so that `path` is never half-written. Returns whether it wrote.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<bool, Error> {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(false);
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, "cannot create", e))?;
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
        Error::io(path, "cannot write", e)
    })?;
    Ok(true)
}

/// Makes `dir` hold exactly `files`: writes those that differ and removes `.rs` files the
/// generator no longer makes. Returns the paths written or removed.
pub fn sync_tree(dir: &Path, files: &[GeneratedFile]) -> Result<Vec<PathBuf>, Error> {
    let mut changed = Vec::new();
    for file in files {
        let path = dir.join(&file.path);
        if write_if_changed(&path, file.contents.as_bytes())? {
            changed.push(path);
        }
    }
    for stale in stale_files(dir, files)? {
        std::fs::remove_file(&stale).map_err(|e| Error::io(&stale, "cannot remove", e))?;
        changed.push(stale);
    }
    Ok(changed)
}

/// `.rs` files under `dir` that are not among `files`.
fn stale_files(dir: &Path, files: &[GeneratedFile]) -> Result<Vec<PathBuf>, Error> {
    let wanted: std::collections::HashSet<PathBuf> =
        files.iter().map(|f| dir.join(&f.path)).collect();
    let mut stale = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let entries = match std::fs::read_dir(&current) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(Error::io(&current, "cannot read", e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&current, "cannot read", e))?;
            let path = entry.path();
            let file_type = entry
                .file_type()
                .map_err(|e| Error::io(&path, "cannot read", e))?;
            if file_type.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !wanted.contains(&path) {
                stale.push(path);
            }
        }
    }
    stale.sort();
    Ok(stale)
}

/// A generated file that differs from what is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The file.
    pub path: PathBuf,
    /// A unified diff from the file on disk to what the generator makes (empty for a file to
    /// remove).
    pub diff: String,
}

/// The files under `dir` that differ from `files`, with their diffs; empty when all are
/// current.
pub fn check_tree(dir: &Path, files: &[GeneratedFile]) -> Result<Vec<Stale>, Error> {
    let mut stale = Vec::new();
    for file in files {
        let path = dir.join(&file.path);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != file.contents {
            stale.push(Stale {
                diff: unified_diff(&current, &file.contents, &path.display().to_string()),
                path,
            });
        }
    }
    for path in stale_files(dir, files)? {
        stale.push(Stale {
            diff: String::new(),
            path,
        });
    }
    Ok(stale)
}

/// A unified line diff from `old` to `new`, at most `MAX_DIFF_LINES` lines.
pub fn unified_diff(old: &str, new: &str, name: &str) -> String {
    const MAX_DIFF_LINES: usize = 200;
    let diff = similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(name, "generated")
        .to_string();
    let lines: Vec<&str> = diff.lines().collect();
    if lines.len() <= MAX_DIFF_LINES {
        return diff;
    }
    let mut out = lines[..MAX_DIFF_LINES].join("\n");
    out.push_str(&format!(
        "\n... {} more lines of diff\n",
        lines.len() - MAX_DIFF_LINES
    ));
    out
}

/// The message of a freshness check that failed: which files, and the command to run.
pub fn stale_message(stale: &[Stale]) -> String {
    let names: Vec<String> = stale.iter().map(|s| s.path.display().to_string()).collect();
    format!(
        "{} generated file{} out of date ({}); run `{REFRESH_COMMAND}` and commit the result",
        stale.len(),
        crate::agreement::plural(stale.len()),
        crate::agreement::summarize(&names)
    )
}

/// `manifest` (a `Cargo.toml`'s text) with the block between [`FEATURES_BEGIN`] and
/// [`FEATURES_END`] replaced by `features`.
pub fn with_features(cargo_toml: &str, features: &str) -> Result<String, String> {
    let begin = cargo_toml
        .find(FEATURES_BEGIN)
        .ok_or_else(|| format!("no line {FEATURES_BEGIN:?} in Cargo.toml"))?;
    let after_begin = cargo_toml[begin..]
        .find('\n')
        .map_or(cargo_toml.len(), |i| begin + i + 1);
    let end = cargo_toml[after_begin..]
        .find(FEATURES_END)
        .map(|i| after_begin + i)
        .ok_or_else(|| format!("no line {FEATURES_END:?} after the begin marker in Cargo.toml"))?;
    Ok(format!(
        "{}{features}{}",
        &cargo_toml[..after_begin],
        &cargo_toml[end..]
    ))
}

/// The checked-in copy of the generated code, relative to the crate's root.
pub const GENERATED_DIR: &str = "src/generated";

/// Where [`check_checked_in`] and [`write_checked_in`] look: the crate's root (with its
/// `Cargo.toml` and `src/generated/`) and the docs directory.
#[derive(Debug, Clone)]
pub struct CheckedIn {
    /// The directory of the generated files.
    pub generated_dir: PathBuf,
    /// The crate's `Cargo.toml`, whose product features are generated.
    pub cargo_toml: PathBuf,
}

impl CheckedIn {
    /// The layout of the crate at `root`.
    pub fn at(root: &Path) -> CheckedIn {
        CheckedIn {
            generated_dir: root.join(GENERATED_DIR),
            cargo_toml: root.join("Cargo.toml"),
        }
    }
}

/// The checked-in files that differ from what the generator makes of `generated` (the
/// generated directory and the features block of `Cargo.toml`).
pub fn check_checked_in(at: &CheckedIn, generated: &crate::Generated) -> Result<Vec<Stale>, Error> {
    let mut stale = check_tree(&at.generated_dir, &generated.files)?;
    let cargo = std::fs::read_to_string(&at.cargo_toml)
        .map_err(|e| Error::io(&at.cargo_toml, "cannot read", e))?;
    let wanted = with_features(&cargo, &generated.features)
        .map_err(|m| Error::in_file(&at.cargo_toml, m))?;
    if wanted != cargo {
        stale.push(Stale {
            diff: unified_diff(&cargo, &wanted, &at.cargo_toml.display().to_string()),
            path: at.cargo_toml.clone(),
        });
    }
    Ok(stale)
}

/// Writes the generated directory and the features block of `Cargo.toml`; returns the paths
/// written or removed.
pub fn write_checked_in(
    at: &CheckedIn,
    generated: &crate::Generated,
) -> Result<Vec<PathBuf>, Error> {
    let mut changed = sync_tree(&at.generated_dir, &generated.files)?;
    let cargo = std::fs::read_to_string(&at.cargo_toml)
        .map_err(|e| Error::io(&at.cargo_toml, "cannot read", e))?;
    let wanted = with_features(&cargo, &generated.features)
        .map_err(|m| Error::in_file(&at.cargo_toml, m))?;
    if write_if_changed(&at.cargo_toml, wanted.as_bytes())? {
        changed.push(at.cargo_toml.clone());
    }
    Ok(changed)
}
