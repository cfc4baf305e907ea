//! Helpers shared by the crate's integration tests.

#![allow(dead_code)] // Each test file uses its own part of this module.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tencentcloud_error_codes_build::{generate_from_dir, Generated, Layout};

/// A path relative to the repository root.
pub fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// What the generator makes of `docs/` (the checked-in layout), read once per test binary.
/// Tests about the vendored docs take their expectations from it, so that adding a page and
/// running the documented refresh leaves them true.
pub fn generated() -> &'static Generated {
    static GENERATED: OnceLock<Generated> = OnceLock::new();
    GENERATED.get_or_init(|| match generate_from_dir(&repo("docs"), Layout::Src) {
        Ok(generated) => generated,
        Err(error) => panic!("{error}"),
    })
}
