//! The checked-in copy of the generated code, `tests/golden/error_codes.rs`, must be exactly what
//! the generator makes of `docs/`: it is what `default-features = false` compiles, and its diff
//! is how a documentation update is reviewed.

use std::path::Path;

const GOLDEN: &str = "tests/golden/error_codes.rs";
const REFRESH: &str = "TENCENTCLOUD_ERROR_CODES_BLESS=1 cargo test --test golden";

fn generated() -> String {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    match tencentcloud_error_codes_build::generate_from_dir(&docs) {
        Ok(generated) => generated.source,
        Err(error) => panic!("{error}"),
    }
}

/// A line diff, `-` for the golden file's lines and `+` for the generator's.
fn diff(golden: &str, generated: &str) -> String {
    similar::TextDiff::from_lines(golden, generated)
        .unified_diff()
        .context_radius(2)
        .header(GOLDEN, "generated from docs/")
        .to_string()
}

#[test]
fn golden_file_is_what_the_generator_makes_of_docs() {
    let generated = generated();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(GOLDEN);
    let golden = std::fs::read_to_string(&path).unwrap_or_default();
    if golden == generated {
        return;
    }
    if std::env::var_os("TENCENTCLOUD_ERROR_CODES_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write the golden file");
        eprintln!("{GOLDEN} refreshed; review it with `git diff {GOLDEN}`");
        return;
    }
    panic!(
        "{GOLDEN} is out of date with docs/:\n{}\nrun `{REFRESH}` and commit the result",
        diff(&golden, &generated)
    );
}

/// The build script's output (in `OUT_DIR`) is the same file.
#[cfg(feature = "generate")]
#[test]
fn build_script_writes_the_golden_file() {
    let out = include_str!(concat!(env!("OUT_DIR"), "/error_codes.rs"));
    assert_eq!(out, generated(), "{}", diff(&generated(), out));
}

#[test]
fn generating_twice_gives_the_same_bytes() {
    assert_eq!(generated(), generated());
}
