//! Helpers shared by the crate's integration tests.

#![allow(dead_code)] // Each test file uses its own part of this module.

use std::path::{Path, PathBuf};

/// The command that refreshes every golden file.
pub const REFRESH: &str =
    "TENCENTCLOUD_ERROR_CODES_BLESS=1 cargo test --test golden --test end_to_end";

/// A path relative to the repository root.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The generator's output for the docs set at `docs` (relative to the repository root).
pub fn generate(docs: &str) -> String {
    match tencentcloud_error_codes_build::generate_from_dir(&repo(docs)) {
        Ok(generated) => generated.source,
        Err(error) => panic!("{error}"),
    }
}

/// A unified line diff from `old` to `new`.
pub fn diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(old_name, new_name)
        .to_string()
}

/// Asserts that the golden file `golden` (relative to the repository root) holds exactly
/// `generated`; with `TENCENTCLOUD_ERROR_CODES_BLESS` set, rewrites it instead.
pub fn assert_golden(golden: &str, generated: &str) {
    let path = repo(golden);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current == generated {
        return;
    }
    if std::env::var_os("TENCENTCLOUD_ERROR_CODES_BLESS").is_some() {
        std::fs::write(&path, generated).expect("write the golden file");
        eprintln!("{golden} refreshed; review it with `git diff {golden}`");
        return;
    }
    panic!(
        "{golden} is out of date:\n{}\nrun `{REFRESH}` and commit the result",
        diff(&current, generated, golden, "generated")
    );
}
