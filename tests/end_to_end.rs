//! Throwaway crates built with Cargo through the real path: `build.rs` → `OUT_DIR` → `include!`.
//!
//! They share one target directory under Cargo's test scratch space, so the generator's
//! dependencies compile once. Builds run `--offline` with this repository's lockfile: no
//! network at test time.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The expected (code, description) of every row of the hazards fixture, as the binary prints
/// them with `{:?}`.
const HAZARDS: &str = r##""Hazard.Backslash" "C:\\path\\to\\file \\n is not a newline \\\" neither"
"Hazard.Backticks" "Use `code` and ```fences```"
"Hazard.Braces" "Format {} {0} {name} {{escaped}} and ${var}"
"Hazard.Cjk" "签名过期。请检查密钥（SecretId）。"
"Hazard.CommentClose" "Ends a block comment */ and opens one /* here"
"Hazard.Empty" ""
"Hazard.Heading" "# not a heading"
"Hazard.List" "- not a list item"
"Hazard.Markup" "<b>bold</b> &amp; <script>alert(1)</script> [link](http://x) *em* _em_"
"Hazard.Numbered" "1. not a numbered item"
"Hazard.Quotes" "Say \"hello\" and 'bye'."
"Hazard.Raw" "r#\"raw\"# and \"# and #\""
"Hazard.Tab" "Tabs and spaces collapse"
"Hazard.Url" "See https://cloud.tencent.com/document/api for details."
"##;

/// A fresh crate directory under the test scratch space.
fn crate_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("end-to-end")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    // Same versions as the workspace, so that `--offline` finds them all.
    std::fs::copy(common::repo("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    dir
}

fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

fn cargo(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .args(args)
        .arg("--offline")
        .current_dir(dir)
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("end-to-end-target"),
        )
        .env_remove("RUSTFLAGS")
        .env("RUSTDOCFLAGS", "-D warnings")
        .output()
        .expect("run cargo")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_success(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "{what} failed:\n{}",
        text(&output.stderr)
    );
}

/// A crate that depends on this one, printing what it sees of every code.
#[test]
fn a_dependent_crate_sees_the_same_enum_with_and_without_generation() {
    let dir = crate_dir("consumer");
    let repo = common::repo("");
    write(
        &dir.join("Cargo.toml"),
        &format!(
            r#"[package]
name = "consumer"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
tencentcloud-error-codes = {{ path = {repo:?}, default-features = false }}

[features]
default = ["generate"]
generate = ["tencentcloud-error-codes/generate"]

[workspace]
"#,
            repo = repo.display().to_string()
        ),
    );
    write(
        &dir.join("src/main.rs"),
        r#"use tencentcloud_error_codes::ErrorCode;

fn main() {
    for &code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_code(code.as_str()), Some(code));
        println!("{code} {code:?} {:?} {}", code.description(), code.products().join(","));
    }
}
"#,
    );
    let generated = cargo(&dir, &["run", "--quiet"]);
    assert_success(&generated, "cargo run");
    let checked_in = cargo(&dir, &["run", "--quiet", "--no-default-features"]);
    assert_success(&checked_in, "cargo run --no-default-features");

    let lines = text(&generated.stdout);
    let lines: Vec<&str> = lines.lines().collect();
    assert_eq!(lines.len(), 26);
    assert_eq!(
        lines[0],
        "AuthFailure.InvalidSecretId AuthFailureInvalidSecretId \"Invalid key (not a TencentCloud API key type).\" cdn,cls,cvm,mdl,teo"
    );
    assert_eq!(
        lines[25],
        "UnsupportedRegion UnsupportedRegion \"API does not support the requested region.\" cdn,cls,cvm,mdl,teo"
    );
    assert_eq!(text(&generated.stdout), text(&checked_in.stdout));
}

/// A crate with its own docs and a build script calling the generator, as this crate's does.
fn hazards_crate(name: &str) -> PathBuf {
    let dir = crate_dir(name);
    let codegen = common::repo("codegen");
    write(
        &dir.join("Cargo.toml"),
        &format!(
            r#"[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[build-dependencies]
tencentcloud-error-codes-build = {{ path = {codegen:?}, default-features = false }}

[workspace]
"#,
            codegen = codegen.display().to_string()
        ),
    );
    write(
        &dir.join("build.rs"),
        "fn main() -> std::process::ExitCode {\n    \
         tencentcloud_error_codes_build::cargo::run(\"docs\", \"error_codes.rs\")\n}\n",
    );
    write(
        &dir.join("src/main.rs"),
        r#"//! Prints every generated code and description.

#[allow(rustdoc::bare_urls, dead_code)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/error_codes.rs"));
}

fn main() {
    for (index, code) in generated::CODES.iter().enumerate() {
        assert!(generated::lookup(code) == Some(generated::ErrorCode::ALL[index]));
        println!("{code:?} {:?}", generated::DESCRIPTIONS[index]);
    }
}
"#,
    );
    for file in ["sources.json", "pages/hazards.txt"] {
        let fixture = common::repo("tests/fixtures/hazards").join(file);
        write(
            &dir.join("docs").join(file),
            &std::fs::read_to_string(fixture).unwrap(),
        );
    }
    dir
}

#[test]
fn hazardous_descriptions_compile_document_and_round_trip() {
    let generated = common::generate("tests/fixtures/hazards");
    common::assert_golden("tests/golden/hazards.rs", &generated);

    let dir = hazards_crate("hazards");
    // Not `--quiet`: it would hide the build script's warnings.
    let run = cargo(&dir, &["run"]);
    assert_success(&run, "cargo run");
    assert_eq!(text(&run.stdout), HAZARDS);
    let warnings = text(&run.stderr);
    assert!(warnings.contains("warning: hazards@0.0.0: docs/pages/hazards.txt:18: Hazard.Empty has an empty description"), "{warnings}");

    // rustdoc renders every description without a warning (RUSTDOCFLAGS=-D warnings).
    let doc = cargo(&dir, &["doc", "--quiet", "--document-private-items"]);
    assert_success(&doc, "cargo doc");
}

/// The `-v` lines of a build that say the build script ran.
fn build_script_runs(output: &Output) -> usize {
    text(&output.stderr)
        .lines()
        .filter(|l| l.contains("Running") && l.contains("build-script-build"))
        .count()
}

#[test]
fn a_noop_build_does_not_rerun_the_build_script_and_a_page_edit_does_once() {
    let dir = hazards_crate("rebuilds");
    let first = cargo(&dir, &["build", "-v"]);
    assert_success(&first, "first build");
    assert_eq!(build_script_runs(&first), 1);

    let noop = cargo(&dir, &["build", "-v"]);
    assert_success(&noop, "no-op build");
    assert_eq!(build_script_runs(&noop), 0, "{}", text(&noop.stderr));

    let page = dir.join("docs/pages/hazards.txt");
    let edited = std::fs::read_to_string(&page)
        .unwrap()
        .replace("Hazard.Quotes Say", "Hazard.Quotes Now say");
    std::fs::write(&page, edited).unwrap();
    let after_edit = cargo(&dir, &["build", "-v"]);
    assert_success(&after_edit, "build after an edit");
    assert_eq!(build_script_runs(&after_edit), 1);

    let again = cargo(&dir, &["build", "-v"]);
    assert_eq!(build_script_runs(&again), 0);
}

#[test]
fn a_broken_page_fails_the_build_with_its_line_and_keeps_the_old_output() {
    let dir = hazards_crate("broken");
    assert_success(&cargo(&dir, &["build"]), "first build");
    let out_file = find_out_file(&dir);
    let before = std::fs::read(&out_file).unwrap();

    let page = dir.join("docs/pages/hazards.txt");
    let broken = std::fs::read_to_string(&page)
        .unwrap()
        .replace("Hazard.Cjk", "Hazard.cjk-bad");
    std::fs::write(&page, broken).unwrap();
    let build = cargo(&dir, &["build"]);
    assert!(!build.status.success());
    let stderr = text(&build.stderr);
    assert!(
        stderr.contains(
            "  error: docs/pages/hazards.txt:11: invalid error code \"Hazard.cjk-bad\": expected dot-separated segments of ASCII letters and digits, starting with an uppercase letter\n"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(std::fs::read(&out_file).unwrap(), before);

    // Two pages that disagree: the report, one difference a line.
    std::fs::write(
        dir.join("docs/sources.json"),
        r#"{"pages": [{"product": "alpha", "locale": "en", "file": "pages/alpha.txt"},
                      {"product": "beta", "locale": "en", "file": "pages/beta.txt"}]}"#,
    )
    .unwrap();
    let page = |rows: &str| format!("Common Error Codes\n\nError Code Description\n{rows}\n");
    write(
        &dir.join("docs/pages/alpha.txt"),
        &page("InternalError Internal error.\nLimitExceeded Quota limit exceeded."),
    );
    write(
        &dir.join("docs/pages/beta.txt"),
        &page("InternalError Internal error!"),
    );
    let build = cargo(&dir, &["build"]);
    assert!(!build.status.success());
    let stderr = text(&build.stderr);
    assert!(
        stderr.contains(
            "  error: the documentation pages disagree (2 differences); fix the pages or accept the difference in docs/sources.json:\n  \
             error: beta (docs/pages/beta.txt) describes InternalError as \"Internal error!\", but alpha says \"Internal error.\"\n  \
             error: beta (docs/pages/beta.txt) lacks LimitExceeded, documented by alpha\n"
        ),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&out_file).unwrap(), before);
}

/// The generated file of the throwaway crate `dir`.
fn find_out_file(dir: &Path) -> PathBuf {
    let name = dir.file_name().unwrap().to_str().unwrap().to_owned();
    let build = Path::new(env!("CARGO_TARGET_TMPDIR")).join("end-to-end-target/debug/build");
    std::fs::read_dir(&build)
        .unwrap()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("{name}-")))
        })
        .map(|path| path.join("out/error_codes.rs"))
        .find(|path| path.is_file())
        .expect("the build script's output")
}
