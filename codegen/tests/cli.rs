//! The command-line tool as a shell runs it: `check` in text and JSON, `accept --all`, `export`,
//! `generate`, and the conventions every command keeps (its own flags, exit statuses, escaped
//! descriptions, a closed pipe).

mod support;

use std::io::Write;
use std::process::Command;

use support::{fixture, run, DocsDir, Ran};
use tencentcloud_error_codes_build::cli::{self, Console};

fn assert_ran(ran: &Ran, code: u8, stdout: &str, stderr: &str) {
    assert_eq!(ran.stdout, stdout, "stdout");
    assert_eq!(ran.stderr, stderr, "stderr");
    assert_eq!(ran.code, code, "exit code");
}

#[test]
fn check_lists_each_difference_then_the_counts_and_the_verdict() {
    let ran = run(&["check", "--docs", &fixture("newest_page_rewords")]);
    assert_ran(
        &ran,
        1,
        "cdn (tests/fixtures/docs/newest_page_rewords/pages/cdn-error-codes-en.md:8) describes \
         InternalError as \"Internal error.\", but cdn (pages/cdn-responses-en.md) says \"An \
         internal error occurred. Please try again later.\"\n\
         cvm (tests/fixtures/docs/newest_page_rewords/pages/cvm-responses-en.md:8) describes \
         InternalError as \"Internal error.\", but cdn says \"An internal error occurred. Please \
         try again later.\"\n\
         by kind: 2 wording\n\
         3 pages (2 products), 4 common codes: 2 differences\n",
        "",
    );
    let ran = run(&[
        "check",
        "--docs",
        &fixture("responses_and_error_codes_pages"),
    ]);
    assert_ran(
        &ran,
        0,
        "5 pages (2 products), 4 common codes, 1 product with 3 codes of their own: all sources \
         agree\n",
        "",
    );
}

#[test]
fn check_passes_when_every_difference_is_accepted_and_warns_of_unused_entries() {
    let dir = fixture("acceptance_scopes");
    let unused = "warning: tests/fixtures/docs/acceptance_scopes/sources.json: accept entry \
                  (product cdn, code InternalError) matches no difference; remove it\n";
    assert_ran(
        &run(&["check", "--docs", &dir]),
        0,
        "by kind: 2 lacks, 1 extra, 4 wording, 1 cosmetic, 2 locale-lacks; 10 accepted not listed \
         (--all lists them)\n\
         6 pages (4 products), 6 common codes: 10 differences, all accepted\n",
        unused,
    );
    let all = run(&["check", "--docs", &dir, "--all"]);
    assert_eq!((all.code, all.stderr.as_str()), (0, unused));
    assert_eq!(all.stdout.lines().count(), 12);
    assert!(all.stdout.starts_with(
        "accepted: tag (tests/fixtures/docs/acceptance_scopes/pages/tag-responses-zh.md:7) \
         documents AuthFailure, which cdn, cvm lack (reason: \"this page carries the 2018 \
         table\")\n"
    ));
}

#[test]
fn check_caps_the_unused_entries_it_warns_of() {
    let docs = DocsDir::copy_of("acceptance_scopes");
    let stale: Vec<String> = (1..=25)
        .map(|i| {
            format!(
                ",\n    {{\"product\": \"cdn\", \"code\": \"Gone{i:02}\", \"reason\": \"stale\"}}"
            )
        })
        .collect();
    docs.edit(
        "sources.json",
        "\"fixed on the page since\"}",
        &format!("\"fixed on the page since\"}}{}", stale.concat()),
    );
    let ran = run(&["check", "--docs", &docs.arg()]);
    assert_eq!(ran.code, 0);
    let warnings: Vec<String> = ran.stderr.lines().map(|l| docs.relative(l)).collect();
    assert_eq!(warnings.len(), 21);
    assert_eq!(
        warnings[0],
        "warning: DOCS/sources.json: accept entry (product cdn, code InternalError) matches no \
         difference; remove it"
    );
    assert_eq!(
        warnings[19],
        "warning: DOCS/sources.json: accept entry (product cdn, code Gone19) matches no \
         difference; remove it"
    );
    assert_eq!(
        warnings[20],
        "warning: ... and 6 more unused accept entries"
    );
}

#[test]
fn check_json_has_the_documented_shape() {
    let docs = DocsDir::copy_of("cam_pages_and_error_center");
    docs.edit(
        "sources.json",
        "\n  ]\n}\n",
        "\n  ],\n  \"accept\": [\n    {\"kind\": \"not-on-pages\", \"reason\": \"the export lists \
         more than the pages\"},\n    {\"product\": \"cam\", \"code\": \"InternalError\", \
         \"reason\": \"fixed since\"}\n  ]\n}\n",
    );
    docs.edit(
        "pages/cam-error-codes-en.md",
        "| InternalError.SystemError | Internal error. |",
        "| InternalError.SystemError |  |",
    );
    let ran = run(&["check", "--docs", &docs.arg(), "--format", "json"]);
    let difference = |kind: &str,
                      file: Option<&str>,
                      line: Option<u32>,
                      locale: &str,
                      code: &str,
                      texts: &[&str],
                      others: &[&str],
                      accepted: Option<&str>| {
        serde_json::json!({
            "kind": kind, "table": "product", "product": "cam", "file": file, "line": line,
            "locale": locale, "code": code, "texts": texts, "others": others,
            "accepted": accepted
        })
    };
    let export = Some("error-center/api-all-errorcodes-2026-08-21.json");
    let expected = serde_json::json!({
        "differences": [
            difference("wording", export, Some(2), "zh", "AuthFailure.UnauthorizedOperation",
                &["没有权限。", "请求未授权。请参考 CAM 文档对鉴权的说明。"], &["the common table"], None),
            difference("not-on-pages", export, Some(3), "zh", "FailedOperation.Accesskey", &[], &[],
                Some("the export lists more than the pages")),
            difference("not-in-error-center", Some("pages/cam-error-codes-en.md"), Some(17), "en",
                "InvalidParameter.ActionError", &[], &[], None),
            difference("not-in-error-center", Some("pages/cam-error-codes-zh.md"), Some(17), "zh",
                "InvalidParameter.ActionError", &[], &[], None),
            difference("locale-lacks", None, None, "en", "InvalidParameter.PasswordViolatedRules",
                &[], &["zh"], None),
            difference("wording", Some("pages/cam-error-codes-zh.md"), Some(19), "zh",
                "InvalidParameter.UserNotExist", &["principal字段的授权对象不存在。", "用户对象不存在。"],
                &["error-center cam"], None),
        ],
        "counts": {"wording": 2, "locale-lacks": 1, "not-in-error-center": 2, "not-on-pages": 1},
        "unused": [{"product": "cam", "code": "InternalError", "reason": "fixed since"}],
        "warnings": ["DOCS/pages/cam-error-codes-en.md:16: InternalError.SystemError has an empty description"],
        "clean": false,
        "summary": "2 pages (1 product) and 1 Error Center export, 3 common codes, 1 product with 6 \
                    codes of their own: 6 differences (1 accepted)"
    });
    assert_eq!(
        docs.relative(&ran.stdout),
        serde_json::to_string_pretty(&expected).unwrap() + "\n"
    );
    assert_eq!(
        docs.relative(&ran.stderr),
        "warning: DOCS/pages/cam-error-codes-en.md:16: InternalError.SystemError has an empty \
         description\n\
         warning: DOCS/sources.json: accept entry (product cam, code InternalError) matches no \
         difference; remove it\n"
    );
    assert_eq!(ran.code, 1);
}

/// The acceptance_scopes fixture without its acceptances, its manifest formatted by hand.
const UNACCEPTED: &str = r#"{
  "pages": [
    {"file": "pages/cdn-responses-en.md", "product": "cdn", "locale": "en",
     "updated": "2019-08-27 12:07:51"},
    {"file": "pages/cls-responses-en.md", "product": "cls", "locale": "en", "updated": "2019-07-25"},
    {"file": "pages/cvm-responses-en.md", "product": "cvm", "locale": "en", "updated": "2019-07-25"},
    {"file": "pages/cdn-responses-zh.md", "product": "cdn", "locale": "zh", "updated": "2019-06-06"},
    {"file": "pages/cvm-responses-zh.md", "product": "cvm", "locale": "zh", "updated": "2019-06-06"},
    {"file": "pages/tag-responses-zh.md", "product": "tag", "locale": "zh", "updated": "2018-11-27"}
  ],
  "accept": [
    {"product": "cls", "code": "UnsupportedRegion",   "reason": "CLS is not regional"}
  ],
  "pin": []
}
"#;

#[test]
fn accept_all_writes_the_widest_scopes_and_keeps_the_manifest_as_it_was() {
    let docs = DocsDir::copy_of("acceptance_scopes");
    docs.write("sources.json", UNACCEPTED);
    assert_eq!(run(&["check", "--docs", &docs.arg()]).code, 1);
    let ran = run(&[
        "accept",
        "--all",
        "--reason",
        "vendored as published",
        "--docs",
        &docs.arg(),
    ]);
    assert_eq!(
        docs.relative(&ran.stdout),
        r#"added: {"kind": "cosmetic", "reason": "vendored as published"}
added: {"file": "pages/tag-responses-zh.md", "reason": "vendored as published"}
added: {"table": "common", "code": "InvalidParameter", "reason": "vendored as published"}
added: {"locale": "en", "table": "common", "code": "AuthFailure", "reason": "vendored as published"}
added: {"product": "cvm", "table": "common", "code": "ResourceNotFound", "reason": "vendored as published"}
added: {"locale": "zh", "table": "common", "code": "UnsupportedRegion", "reason": "vendored as published"}
6 accept entries added to DOCS/sources.json for 9 differences; `check` now agrees
"#
    );
    assert_eq!((ran.code, ran.stderr.as_str()), (0, ""));
    // Appended to the list, one a line; every other byte as it was.
    assert_eq!(
        docs.read("sources.json"),
        UNACCEPTED.replace(
            r#""reason": "CLS is not regional"}
  ],"#,
            r#""reason": "CLS is not regional"},
    {"kind": "cosmetic", "reason": "vendored as published"},
    {"file": "pages/tag-responses-zh.md", "reason": "vendored as published"},
    {"table": "common", "code": "InvalidParameter", "reason": "vendored as published"},
    {"locale": "en", "table": "common", "code": "AuthFailure", "reason": "vendored as published"},
    {"product": "cvm", "table": "common", "code": "ResourceNotFound", "reason": "vendored as published"},
    {"locale": "zh", "table": "common", "code": "UnsupportedRegion", "reason": "vendored as published"}
  ],"#
        )
    );
    assert_eq!(run(&["check", "--docs", &docs.arg()]).code, 0);
    assert_ran(
        &run(&[
            "accept",
            "--all",
            "--reason",
            "again",
            "--docs",
            &docs.arg(),
        ]),
        0,
        "nothing to accept: every difference is accepted\n",
        "",
    );
    // A page added later that lacks a code is a new difference: check fails again.
    docs.write(
        "pages/vpc-responses-en.md",
        support::error_codes_page(
            &[
                ("FailedOperation", "Operation failed."),
                ("InternalError", "Internal error."),
                ("InvalidParameter", "Incorrect parameter."),
                ("ResourceNotFound", "The resource does not exist."),
            ],
            &[],
        ),
    );
    docs.edit(
        "sources.json",
        r#""updated": "2019-07-25"},
    {"file": "pages/cdn-responses-zh.md""#,
        r#""updated": "2019-07-25"},
    {"file": "pages/vpc-responses-en.md", "product": "vpc", "locale": "en"},
    {"file": "pages/cdn-responses-zh.md""#,
    );
    let ran = run(&["check", "--docs", &docs.arg()]);
    assert_eq!(
        docs.relative(&ran.stdout),
        "vpc (DOCS/pages/vpc-responses-en.md) lacks UnsupportedRegion, documented by cdn, cvm\n\
         by kind: 3 lacks, 1 extra, 4 wording, 1 cosmetic, 2 locale-lacks; 10 accepted not listed \
         (--all lists them)\n\
         7 pages (5 products), 6 common codes: 11 differences (10 accepted)\n"
    );
    assert_eq!(ran.code, 1);
}

#[test]
fn accept_needs_a_reason_on_one_line() {
    let docs = DocsDir::copy_of("newest_page_rewords");
    let before = docs.read("sources.json");
    for reason in ["", "  ", "two\nlines"] {
        let ran = run(&["accept", "--all", "--reason", reason, "--docs", &docs.arg()]);
        assert_ran(
            &ran,
            2,
            "",
            "error: --reason must be a non-empty text on one line, without control characters\n",
        );
    }
    let ran = run(&["accept", "--all", "--docs", &docs.arg()]);
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.starts_with(
            "error: the following required arguments were not provided:\n  --reason <TEXT>\n"
        ),
        "{}",
        ran.stderr
    );
    assert_eq!(docs.read("sources.json"), before);
}

#[test]
fn export_prints_every_source_after_normalization() {
    let ran = run(&["export", "--docs", &fixture("cam_pages_and_error_center")]);
    assert_eq!((ran.code, ran.stderr.as_str()), (0, ""));
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let codes = |page: &serde_json::Value, table: &str| -> Vec<(String, String, u64)> {
        page[table]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["code"].as_str().unwrap().to_owned(),
                    c["description"].as_str().unwrap().to_owned(),
                    c["line"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let zh = &json["pages"][1];
    assert_eq!(
        (&zh["product"], &zh["locale"], &zh["file"]),
        (
            &serde_json::json!("cam"),
            &serde_json::json!("zh"),
            &serde_json::json!("pages/cam-error-codes-zh.md")
        )
    );
    // The link's text is kept, its target dropped.
    assert_eq!(
        codes(zh, "codes")[0],
        (
            "AuthFailure.UnauthorizedOperation".to_owned(),
            "请求未授权。请参考 CAM 文档对鉴权的说明。".to_owned(),
            7
        )
    );
    assert_eq!(codes(zh, "product_codes").len(), 5);
    let entries = &json["error_center"][0];
    assert_eq!(
        entries["file"],
        "error-center/api-all-errorcodes-2026-08-21.json"
    );
    assert_eq!(
        entries["entries"][0],
        serde_json::json!({
            "product": "cam", "version": "2019-01-16", "code": "AuthFailure.UnauthorizedOperation",
            "description": "没有权限。", "solution": null, "line": 2
        })
    );
    assert_eq!(entries["entries"].as_array().unwrap().len(), 7);
}

/// A writer whose reader has gone, as `export | head -1` leaves it.
struct ClosedPipe;

impl Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let dir = fixture("newest_page_rewords");
    for args in [
        vec!["export", "--docs", &dir],
        vec!["check", "--docs", &dir],
        vec!["diff", "--docs", &dir],
        vec!["completions", "bash"],
    ] {
        let mut err = Vec::new();
        let code = cli::run(
            std::iter::once("tencentcloud-error-codes").chain(args.iter().copied()),
            Console::default(),
            &mut ClosedPipe,
            &mut err,
        );
        assert_eq!((code, err.as_slice()), (0, &b""[..]), "{args:?}");
    }
    // Another write error is one.
    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut err = Vec::new();
    let code = cli::run(
        ["tencentcloud-error-codes", "export", "--docs", &dir],
        Console::default(),
        &mut Full,
        &mut err,
    );
    assert_eq!(
        (code, String::from_utf8(err).unwrap()),
        (2, "error: cannot write the output: disk full\n".to_owned())
    );
}

#[test]
fn every_command_exits_2_on_docs_it_cannot_read_or_build() {
    let good = fixture("responses_and_error_codes_pages");
    let twice = DocsDir::copy_of("newest_page_rewords");
    twice.edit(
        "sources.json",
        r#"{"file": "pages/cvm-responses-en.md""#,
        r#"{"file": "./pages/cdn-error-codes-en.md""#,
    );
    let twice = twice.arg();
    let cases = [
        (
            fixture("colliding_codes"),
            "error: tests/fixtures/docs/colliding_codes/pages/cvm-error-codes-en.md:16: cvm: error \
             codes A.B and A.b both become the variant name ADotB (A.B is at \
             tests/fixtures/docs/colliding_codes/pages/cvm-error-codes-en.md:18)\n"
                .to_owned(),
        ),
        (
            fixture("unsupported_extension"),
            "error: tests/fixtures/docs/unsupported_extension/pages/cvm.pdf: unsupported page \
             format: expected a .html, .htm, .md, .markdown or .txt file\n"
                .to_owned(),
        ),
        (
            twice.clone(),
            format!(
                "error: {twice}/sources.json:4: invalid manifest: pages[1] \
                 (\"./pages/cdn-error-codes-en.md\") lists the same file as pages[0] \
                 (\"pages/cdn-error-codes-en.md\") (line 3): pages/cdn-error-codes-en.md\n"
            ),
        ),
    ];
    for (dir, error) in &cases {
        let commands: [Vec<&str>; 8] = [
            vec!["check", "--docs", dir],
            vec!["diff", "--docs", dir],
            vec!["export", "--docs", dir],
            vec!["show", "InternalError", "--docs", dir],
            vec!["changes", "--from", &good, "--to", dir],
            vec!["changes", "--from", dir, "--to", &good],
            vec!["accept", "--all", "--reason", "r", "--docs", dir],
            vec!["generate", "--check", "--docs", dir, "--root", dir],
        ];
        for args in commands {
            let ran = run(&args);
            assert_eq!(ran.stderr, *error, "{args:?}");
            assert_eq!((ran.code, ran.stdout.as_str()), (2, ""), "{args:?}");
        }
    }
}

#[test]
fn each_command_takes_only_its_own_flags() {
    let dir = fixture("responses_and_error_codes_pages");
    for (args, flag) in [
        (
            vec!["check", "--docs", &dir, "--color", "always"],
            "--color",
        ),
        (
            vec!["show", "InternalError", "--docs", &dir, "--color", "never"],
            "--color",
        ),
        (
            vec!["export", "--docs", &dir, "--only-differences"],
            "--only-differences",
        ),
        (
            vec!["check", "--docs", &dir, "--fail-on", "minor"],
            "--fail-on",
        ),
        (vec!["diff", "--docs", &dir, "--all"], "--all"),
    ] {
        let ran = run(&args);
        assert_eq!((ran.code, ran.stdout.as_str()), (2, ""), "{args:?}");
        assert!(
            ran.stderr
                .starts_with(&format!("error: unexpected argument '{flag}' found\n")),
            "{args:?}: {}",
            ran.stderr
        );
    }
    assert_eq!(run(&["diff", "--docs", &dir, "--color", "always"]).code, 0);
    assert_eq!(run(&["check", "--docs", &dir, "--all"]).code, 0);
}

#[test]
fn every_help_states_the_exit_statuses() {
    for (command, statuses) in [
        (
            None,
            "Exit status: 0 when every source agrees (or every difference is accepted), 1 when \
             sources differ, 2 when the docs cannot be read or built from.",
        ),
        (
            Some("check"),
            "Exit status: 0 when every source agrees (or every difference is accepted), 1 when \
             sources differ, 2 when the docs cannot be read or built from.",
        ),
        (
            Some("diff"),
            "Exit status: 0 when every source agrees (or every difference is accepted), 1 when \
             sources differ, 2 when the docs cannot be read or built from.",
        ),
        (
            Some("changes"),
            "Exit status: 0, or 1 when the verdict reaches --fail-on or the new docs disagree (no \
             verdict is given then), 2 when either docs set cannot be read or built from.",
        ),
        (
            Some("show"),
            "Exit status: 0 when some source documents the code, 1 when none does, 2 when the docs \
             cannot be read or built from.",
        ),
        (
            Some("export"),
            "Exit status: 0, or 2 when the docs cannot be read or built from.",
        ),
        (
            Some("accept"),
            "Exit status: 0 when the manifest was written (or nothing was left to accept), 2 when \
             the docs cannot be read or the manifest cannot be written.",
        ),
        (
            Some("generate"),
            "Exit status: 0 when the files were written (or, with --check, are current), 1 with \
             --check when a file is out of date, 2 when the docs disagree or cannot be read or \
             built from.",
        ),
        (Some("completions"), "Exit status: 0."),
    ] {
        let args: Vec<&str> = command.into_iter().chain(["--help"]).collect();
        let ran = run(&args);
        assert_eq!((ran.code, ran.stderr.as_str()), (0, ""), "{command:?}");
        assert!(
            ran.stdout.ends_with(&format!("\n{statuses}\n")),
            "{command:?}: {}",
            ran.stdout
        );
    }
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let ran = run(&["completions", shell]);
        assert_eq!((ran.code, ran.stderr.as_str()), (0, ""), "{shell}");
        assert!(ran.stdout.contains("tencentcloud-error-codes"), "{shell}");
        assert!(ran.stdout.contains("changes"), "{shell}");
    }
    assert_eq!(run(&["completions", "powershell-9"]).code, 2);
}

#[test]
fn descriptions_with_terminal_escapes_are_escaped_in_every_report() {
    let dir = fixture("terminal_escapes");
    let clean = DocsDir::copy_of("terminal_escapes");
    clean.edit(
        "pages/cdn-responses-en.md",
        "Internal error.\u{1b}]0;pwned\u{7}\u{1b}[2J",
        "Internal error.",
    );
    let clean = clean.arg();
    let escaped = r"Internal error.\u{1b}]0;pwned\u{7}\u{1b}[2J";
    for args in [
        vec!["check", "--docs", dir.as_str()],
        vec!["show", "InternalError", "--docs", &dir],
        vec!["diff", "--docs", &dir],
        vec!["diff", "--docs", &dir, "--color", "always"],
        vec!["diff", "--docs", &dir, "--format", "markdown"],
        vec!["changes", "--from", &clean, "--to", &dir],
        vec![
            "changes", "--from", &clean, "--to", &dir, "--format", "markdown",
        ],
    ] {
        let ran = run(&args);
        for (stream, text) in [("stdout", &ran.stdout), ("stderr", &ran.stderr)] {
            // Colour codes are the tool's own: the escapes of the page must not pass.
            let raw = text.replace("\u{1b}[", "");
            assert!(
                !raw.contains('\u{1b}') && !raw.contains('\u{7}') && !text.contains("\u{1b}[2J"),
                "{args:?} {stream}: {text:?}"
            );
        }
        // A Markdown table cell doubles the backslash; a code span keeps it.
        let shown = if args[0] == "diff" && args.contains(&"markdown") {
            escaped.replace('\\', "\\\\")
        } else {
            escaped.to_owned()
        };
        assert!(ran.stdout.contains(&shown), "{args:?}: {}", ran.stdout);
    }
    // JSON escapes them its own way.
    let ran = run(&["check", "--docs", &dir, "--format", "json"]);
    assert!(ran
        .stdout
        .contains(r"Internal error.\u001b]0;pwned\u0007\u001b[2J"));
}

/// A crate root for `generate`: a `Cargo.toml` with the markers of the features block.
fn crate_root() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(
        root.path().join("Cargo.toml"),
        "[package]\nname = \"scratch\"\nversion = \"0.1.0\"\n\n[features]\n\
         # @generated product features begin\n# @generated product features end\n",
    )
    .unwrap();
    root
}

#[test]
fn generate_writes_the_files_and_check_says_what_to_run_when_stale() {
    let docs = DocsDir::copy_of("responses_and_error_codes_pages");
    let root = crate_root();
    let root_arg = root.path().display().to_string();
    let at = |text: &str| text.replace(&root_arg, "ROOT");
    let generate = |check: bool| {
        let mut args = vec!["generate", "--docs", docs.path().to_str().unwrap()];
        args.extend(["--root", &root_arg]);
        if check {
            args.push("--check");
        }
        run(&args)
    };
    let command = "run `cargo run -p tencentcloud-error-codes-build -- generate` and commit the \
                   result\n";

    // Nothing generated yet.
    let ran = generate(true);
    assert_eq!((ran.code, ran.stdout.as_str()), (1, ""));
    assert!(
        at(&ran.stderr).starts_with("--- ROOT/src/generated/common.rs\n+++ generated\n"),
        "{}",
        ran.stderr
    );
    assert!(at(&ran.stderr).ends_with(&format!(
        "error: 7 generated files out of date (ROOT/src/generated/common.rs, \
         ROOT/src/generated/lookup.rs, ROOT/src/generated/mod.rs, ROOT/src/generated/product.rs, \
         ROOT/src/generated/product_code.rs and 2 more); {command}"
    )));

    let ran = generate(false);
    assert_ran(
        &Ran {
            stdout: at(&ran.stdout),
            ..ran
        },
        0,
        "wrote ROOT/src/generated/common.rs
wrote ROOT/src/generated/lookup.rs
wrote ROOT/src/generated/mod.rs
wrote ROOT/src/generated/product.rs
wrote ROOT/src/generated/product_code.rs
wrote ROOT/src/generated/products/cdn.rs
wrote ROOT/Cargo.toml
7 files written, 0 unchanged
",
        "",
    );
    assert_eq!(
        std::fs::read_to_string(root.path().join("Cargo.toml")).unwrap(),
        "[package]\nname = \"scratch\"\nversion = \"0.1.0\"\n\n[features]\n\
         # @generated product features begin\n\
         # @generated by tencentcloud-error-codes-build: one feature per product with codes of \
         its own.\nall-products = [\n  \"cdn\",\n]\ncdn = []\n\
         # @generated product features end\n"
    );
    assert_ran(&generate(true), 0, "7 generated files are current\n", "");
    assert_ran(&generate(false), 0, "0 files written, 7 unchanged\n", "");

    // A text reworded on a page: one file is stale, and the diff shows the text.
    docs.edit(
        "pages/cdn-error-codes-zh.md",
        "系统错误，请联系腾讯云工程师进一步排查",
        "系统错误，请提交工单排查",
    );
    let ran = generate(true);
    assert_eq!((ran.code, ran.stdout.as_str()), (1, ""));
    let stderr = at(&ran.stderr);
    assert!(
        stderr.starts_with("--- ROOT/src/generated/products/cdn.rs\n+++ generated\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "\n-    /// 系统错误，请联系腾讯云工程师进一步排查\n+    /// 系统错误，请提交工单排查\n"
        ),
        "{stderr}"
    );
    assert!(stderr.ends_with(&format!(
        "\nerror: 1 generated file out of date (ROOT/src/generated/products/cdn.rs); {command}"
    )));
}

#[test]
fn generate_refuses_docs_that_disagree() {
    let root = crate_root();
    let ran = run(&[
        "generate",
        "--docs",
        &fixture("newest_page_rewords"),
        "--root",
        root.path().to_str().unwrap(),
    ]);
    assert_ran(
        &ran,
        2,
        "",
        "cdn (tests/fixtures/docs/newest_page_rewords/pages/cdn-error-codes-en.md:8) describes \
         InternalError as \"Internal error.\", but cdn (pages/cdn-responses-en.md) says \"An \
         internal error occurred. Please try again later.\"\n\
         cvm (tests/fixtures/docs/newest_page_rewords/pages/cvm-responses-en.md:8) describes \
         InternalError as \"Internal error.\", but cdn says \"An internal error occurred. Please \
         try again later.\"\n\
         error: the documentation sources disagree (2 differences not accepted in \
         tests/fixtures/docs/newest_page_rewords/sources.json); the first: cdn \
         (tests/fixtures/docs/newest_page_rewords/pages/cdn-error-codes-en.md:8) describes \
         InternalError as \"Internal error.\", but cdn (pages/cdn-responses-en.md) says \"An \
         internal error occurred. Please try again later.\"\n",
    );
    assert!(!root.path().join("src").exists());
}

/// The vendored docs set's pages and products, from its manifest.
fn vendored_counts() -> (usize, usize) {
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(support::vendored_docs().join("sources.json")).unwrap(),
    )
    .unwrap();
    let pages = manifest["pages"].as_array().unwrap();
    let products: std::collections::BTreeSet<&str> = pages
        .iter()
        .map(|p| p["product"].as_str().unwrap())
        .collect();
    (pages.len(), products.len())
}

#[test]
fn the_tool_reads_docs_in_the_current_directory_by_default() {
    // As a process: the default `--docs docs` is relative to where it runs.
    let output = Command::new(env!("CARGO_BIN_EXE_tencentcloud-error-codes"))
        .arg("check")
        .current_dir(support::repository_root())
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let (pages, products) = vendored_counts();
    let summary = stdout.lines().last().unwrap();
    assert!(
        summary.starts_with(&format!(
            "{pages} pages ({products} products) and 1 Error Center export, "
        )),
        "{summary}"
    );
    assert!(
        summary.ends_with(", all accepted") || summary.ends_with(": all sources agree"),
        "{summary}"
    );
    assert_eq!(String::from_utf8(output.stderr).unwrap(), "");
    assert_eq!(output.status.code(), Some(0));

    let output = Command::new(env!("CARGO_BIN_EXE_tencentcloud-error-codes"))
        .arg("check")
        .current_dir(tempfile::tempdir().unwrap().path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .starts_with("error: docs: cannot read the docs directory: "),);
}

#[test]
fn the_checked_in_generated_code_is_current() {
    // What the refresh writes is what is checked in: after a page is added and the refresh is
    // run, this holds again.
    let ran = run(&[
        "generate",
        "--check",
        "--docs",
        support::vendored_docs().to_str().unwrap(),
        "--root",
        support::repository_root().to_str().unwrap(),
    ]);
    assert_eq!((ran.code, ran.stderr.as_str()), (0, ""), "{}", ran.stderr);
    assert!(ran.stdout.ends_with(" generated files are current\n"));
}
