//! The checked-in generated code (`src/generated/`, and the product features of `Cargo.toml`)
//! must be exactly what the generator makes of `docs/`: it is what the crate compiles by
//! default, and its diff is how a documentation update is reviewed.
//!
//! The check is the one `tencentcloud-error-codes generate --check` runs, and a failure names
//! the command that refreshes the files.

mod common;

use tencentcloud_error_codes_build::write::{check_checked_in, stale_message, CheckedIn};
use tencentcloud_error_codes_build::{generate_from_dir, Layout};

#[test]
fn checked_in_sources_are_what_the_generator_makes_of_docs() {
    let stale = check_checked_in(&CheckedIn::at(&common::repo("")), common::generated())
        .unwrap_or_else(|e| panic!("{e}"));
    if !stale.is_empty() {
        let diffs: Vec<&str> = stale.iter().take(3).map(|s| s.diff.as_str()).collect();
        panic!("{}\n{}", diffs.join("\n"), stale_message(&stale));
    }
}

#[test]
fn generating_twice_gives_the_same_bytes() {
    let again = generate_from_dir(&common::repo("docs"), Layout::Src).unwrap();
    assert_eq!(again.files, common::generated().files);
    assert_eq!(again.features, common::generated().features);
}

/// The build script's output (in `OUT_DIR`) is the same code, in the layout `include!` takes.
#[cfg(feature = "generate")]
#[test]
fn the_build_script_writes_the_same_code() {
    let out = std::path::Path::new(env!("OUT_DIR")).join("generated");
    let expected = generate_from_dir(&common::repo("docs"), Layout::OutDir).unwrap();
    let stale = tencentcloud_error_codes_build::write::check_tree(&out, &expected.files).unwrap();
    assert!(stale.is_empty(), "{}", stale_message(&stale));
    // Only `mod.rs` differs between the layouts.
    for (a, b) in expected.files.iter().zip(&common::generated().files) {
        assert_eq!(a.path, b.path);
        assert!(a.path == "mod.rs" || a.contents == b.contents, "{}", a.path);
    }
}
