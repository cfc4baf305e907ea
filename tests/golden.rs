//! The checked-in copy of the generated code, `tests/golden/error_codes.rs`, must be exactly what
//! the generator makes of `docs/`: it is what `default-features = false` compiles, and its diff
//! is how a documentation update is reviewed.

mod common;

#[test]
fn golden_file_is_what_the_generator_makes_of_docs() {
    common::assert_golden("tests/golden/error_codes.rs", &common::generate("docs"));
}

/// The build script's output (in `OUT_DIR`) is the same file.
#[cfg(feature = "generate")]
#[test]
fn build_script_writes_the_golden_file() {
    let out = include_str!(concat!(env!("OUT_DIR"), "/error_codes.rs"));
    let generated = common::generate("docs");
    assert!(
        out == generated,
        "{}",
        common::diff(out, &generated, "OUT_DIR/error_codes.rs", "generated")
    );
}

#[test]
fn generating_twice_gives_the_same_bytes() {
    assert_eq!(common::generate("docs"), common::generate("docs"));
}
