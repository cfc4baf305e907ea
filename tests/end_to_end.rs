//! Throwaway crates that depend on this one, built with Cargo: the checked-in code by default,
//! and the real `build.rs` → `OUT_DIR` → `include!` path with the `generate` feature, on
//! `docs/` and on a docs directory of the user's own (`TENCENTCLOUD_ERROR_CODES_DOCS`).
//!
//! They share one target directory under Cargo's test scratch space, so the generator's
//! dependencies compile once; as they all build this crate's build script there, they run one at
//! a time. Builds run `--offline` with this repository's lockfile: no network at test time.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

/// The builds share a target directory, and this crate's `OUT_DIR` in it: one at a time.
static CARGO: Mutex<()> = Mutex::new(());

/// The expected (code, English description) of every row of the hazards fixture, as the
/// consumer prints them with `{:?}`.
const HAZARDS: &str = r##""Hazard.Backslash" Some("C:\\path\\to\\file \\n is not a newline \\\" neither")
"Hazard.Backticks" Some("Use `code` and ```fences```")
"Hazard.Bidi" Some("a\u{202e}b\u{2066}c\u{2069}d\u{200f}e")
"Hazard.Braces" Some("Format {} {0} {name} {{escaped}} and ${var}")
"Hazard.Cjk" Some("签名过期。请检查密钥（SecretId）。")
"Hazard.CommentClose" Some("Ends a block comment */ and opens one /* here")
"Hazard.Control" Some("nul\0esc\u{1b}[2Jdel\u{7f}c1\u{9b}")
"Hazard.Empty" None
"Hazard.Heading" Some("# not a heading")
"Hazard.List" Some("- not a list item")
"Hazard.Markup" Some("<b>bold</b> &amp; <script>alert(1)</script> [link](http://x) *em* _em_")
"Hazard.Numbered" Some("1. not a numbered item")
"Hazard.Quotes" Some("Say \"hello\" and 'bye'.")
"Hazard.Raw" Some("r#\"raw\"# and \"# and #\"")
"Hazard.Smart" Some("\"double\" 'single' -- dash ... ellipsis")
"Hazard.Tab" Some("Tabs and spaces collapse")
"Hazard.Url" Some("See https://cloud.tencent.com/document/api for details.")
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

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("end-to-end-target")
}

/// Runs cargo in `dir`, with `docs` as the generator's docs directory, if any.
fn cargo(dir: &Path, args: &[&str], docs: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO"));
    command
        .args(args)
        .arg("--offline")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir())
        .env_remove("RUSTFLAGS")
        .env_remove("TENCENTCLOUD_ERROR_CODES_DOCS")
        .env("RUSTDOCFLAGS", "-D warnings");
    if let Some(docs) = docs {
        command.env("TENCENTCLOUD_ERROR_CODES_DOCS", docs);
    }
    command.output().expect("run cargo")
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

/// A crate depending on this one (with `features`), printing every common code.
fn consumer(name: &str, features: &str) -> PathBuf {
    let dir = crate_dir(name);
    write(
        &dir.join("Cargo.toml"),
        &format!(
            r#"[package]
name = "{name}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
tencentcloud-error-codes = {{ path = {repo:?}, default-features = false, features = [{features}] }}

[features]
generate = ["tencentcloud-error-codes/generate"]

[workspace]
"#,
            repo = common::repo("").display().to_string()
        ),
    );
    write(
        &dir.join("src/main.rs"),
        r#"//! Prints every common code, its variant, English text and products.
use tencentcloud_error_codes::{ErrorCode, Locale};

fn main() {
    for &code in ErrorCode::ALL {
        assert_eq!(ErrorCode::from_code(code.as_str()), Some(code));
        println!("{:?} {:?}", code.as_str(), code.description_in(Locale::En));
        eprintln!("{code:?} {}", code.products().join(","));
    }
}
"#,
    );
    dir
}

/// The checked-in code and the build-time generator give a dependent crate the same enum.
#[test]
fn a_dependent_crate_sees_the_same_enum_with_and_without_generation() {
    let _one = CARGO.lock().unwrap_or_else(|e| e.into_inner());
    let dir = consumer("consumer", "");
    let checked_in = cargo(&dir, &["run", "--quiet"], None);
    assert_success(&checked_in, "cargo run");
    let generated = cargo(&dir, &["run", "--quiet", "--features", "generate"], None);
    assert_success(&generated, "cargo run --features generate");

    let model = &common::generated().model;
    let lines = text(&checked_in.stdout);
    assert_eq!(lines.lines().count(), model.common.len());
    let first = &model.common[0];
    assert_eq!(
        lines.lines().next().unwrap(),
        format!(
            "{:?} {:?}",
            first.code,
            first
                .text(tencentcloud_error_codes_build::Locale::En)
                .map(|t| t.text.as_str())
        )
    );
    assert_eq!(text(&generated.stdout), text(&checked_in.stdout));
    assert_eq!(text(&generated.stderr), text(&checked_in.stderr));
}

/// A consumer of the `generate` feature on a docs directory of its own.
fn hazards_crate(name: &str) -> PathBuf {
    let dir = consumer(name, "\"generate\"");
    for file in ["sources.json", "pages/hazards.txt"] {
        let fixture = common::repo("tests/fixtures/hazards").join(file);
        std::fs::create_dir_all(dir.join("docs/pages")).unwrap();
        std::fs::copy(fixture, dir.join("docs").join(file)).unwrap();
    }
    dir
}

#[test]
fn hazardous_descriptions_compile_document_and_round_trip() {
    let _one = CARGO.lock().unwrap_or_else(|e| e.into_inner());
    let dir = hazards_crate("hazards");
    let docs = dir.join("docs");
    // Not `--quiet`: it would hide the build script's warnings.
    let run = cargo(&dir, &["run"], Some(&docs));
    assert_success(&run, "cargo run");
    assert_eq!(text(&run.stdout), HAZARDS);
    let warnings = text(&run.stderr);
    assert!(
        warnings.contains("Hazard.Empty has an empty description"),
        "{warnings}"
    );

    // rustdoc renders every description without a warning (RUSTDOCFLAGS=-D warnings), and as
    // written: no smart punctuation, no markup, no raw control or bidirectional character.
    let doc = cargo(&dir, &["doc", "--quiet"], Some(&docs));
    assert_success(&doc, "cargo doc");
    let page = target_dir().join("doc/tencentcloud_error_codes/enum.ErrorCode.html");
    let html = std::fs::read_to_string(&page).unwrap();
    for shown in [
        "<p>\"double\" 'single' -- dash ... ellipsis</p>",
        "<p>&lt;b&gt;bold&lt;/b&gt; &amp;amp; &lt;script&gt;alert(1)&lt;/script&gt; [link](http://x) *em* _em_</p>",
        "<p>- not a list item</p>",
        "<p>a\\u{202e}b\\u{2066}c\\u{2069}d\\u{200f}e</p>",
        "<p>nul\\u{0}esc\\u{1b}[2Jdel\\u{7f}c1\\u{9b}</p>",
    ] {
        assert!(html.contains(shown), "{shown:?} not shown as written");
    }
    for raw in ['\u{202e}', '\u{1b}', '\u{0}'] {
        assert!(!html.contains(raw), "{raw:?} in the rendered docs");
    }
}

/// The `-v` lines of a build that say this crate's build script ran.
fn build_script_runs(output: &Output) -> usize {
    text(&output.stderr)
        .lines()
        .filter(|l| {
            l.contains("Running")
                && l.contains("tencentcloud-error-codes-")
                && l.contains("build-script-build")
        })
        .count()
}

#[test]
fn a_noop_build_does_not_rerun_the_build_script_and_a_page_edit_does_once() {
    let _one = CARGO.lock().unwrap_or_else(|e| e.into_inner());
    let dir = hazards_crate("rebuilds");
    let docs = dir.join("docs");
    let first = cargo(&dir, &["build", "-v"], Some(&docs));
    assert_success(&first, "first build");

    let noop = cargo(&dir, &["build", "-v"], Some(&docs));
    assert_success(&noop, "no-op build");
    assert_eq!(build_script_runs(&noop), 0, "{}", text(&noop.stderr));

    let page = docs.join("pages/hazards.txt");
    let edited = std::fs::read_to_string(&page)
        .unwrap()
        .replace("Hazard.Quotes Say", "Hazard.Quotes Now say");
    std::fs::write(&page, edited).unwrap();
    let after_edit = cargo(&dir, &["build", "-v"], Some(&docs));
    assert_success(&after_edit, "build after an edit");
    assert_eq!(build_script_runs(&after_edit), 1);

    let again = cargo(&dir, &["build", "-v"], Some(&docs));
    assert_eq!(build_script_runs(&again), 0);
}

#[test]
fn a_broken_page_fails_the_build_with_its_line_and_keeps_the_old_output() {
    let _one = CARGO.lock().unwrap_or_else(|e| e.into_inner());
    let dir = hazards_crate("broken");
    let docs = dir.join("docs");
    assert_success(&cargo(&dir, &["build"], Some(&docs)), "first build");
    let out_file = find_out_file();
    let before = std::fs::read(&out_file).unwrap();

    let page = docs.join("pages/hazards.txt");
    let broken = std::fs::read_to_string(&page)
        .unwrap()
        .replace("Hazard.Cjk", "Hazard.cjk-bad");
    std::fs::write(&page, broken).unwrap();
    let build = cargo(&dir, &["build"], Some(&docs));
    assert!(!build.status.success());
    let stderr = text(&build.stderr);
    let expected = format!(
        "error: {}:11: invalid error code \"Hazard.cjk-bad\": expected dot-separated segments of \
         ASCII letters and digits (and '_' after the first), starting with an uppercase letter",
        page.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(std::fs::read(&out_file).unwrap(), before);

    // Two pages that disagree: the summary, then each difference on a line of its own.
    std::fs::write(
        docs.join("sources.json"),
        r#"{"pages": [{"product": "alpha", "locale": "en", "file": "pages/alpha.txt"},
                      {"product": "beta", "locale": "en", "file": "pages/beta.txt"}]}"#,
    )
    .unwrap();
    let page = |rows: &str| format!("Common Error Codes\n\nError Code Description\n{rows}\n");
    write(
        &docs.join("pages/alpha.txt"),
        &page("InternalError Internal error.\nLimitExceeded Quota limit exceeded."),
    );
    write(
        &docs.join("pages/beta.txt"),
        &page("InternalError Internal failure."),
    );
    let build = cargo(&dir, &["build"], Some(&docs));
    assert!(!build.status.success());
    let stderr = text(&build.stderr);
    let manifest = docs.join("sources.json");
    let beta = docs.join("pages/beta.txt");
    for line in [
        format!(
            "error: the documentation sources disagree (2 differences not accepted in {}); the \
             first: beta ({}:4) describes InternalError as \"Internal failure.\", but alpha says \
             \"Internal error.\"",
            manifest.display(),
            beta.display()
        ),
        format!(
            "error: beta ({}) lacks LimitExceeded, documented by alpha",
            beta.display()
        ),
    ] {
        assert!(stderr.contains(&line), "{line}\n---\n{stderr}");
    }
    assert_eq!(std::fs::read(&out_file).unwrap(), before);
}

/// The common enum this crate's build script wrote in the shared target directory.
fn find_out_file() -> PathBuf {
    let build = target_dir().join("debug/build");
    std::fs::read_dir(&build)
        .unwrap()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("tencentcloud-error-codes-"))
        })
        .map(|path| path.join("out/generated/common.rs"))
        .find(|path| path.is_file())
        .expect("the build script's output")
}
