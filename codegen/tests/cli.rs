//! The command-line tool, run as a process: output, exit codes, JSON.

mod support;

use std::process::{Command, Output};

use support::{current_without, DocsDir, CURRENT};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tencentcloud-error-codes"))
        .args(args)
        .output()
        .expect("run the tool")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn vendored() -> String {
    support::vendored_docs().display().to_string()
}

#[test]
fn check_on_the_vendored_docs_agrees() {
    let output = run(&["check", "--docs", &vendored()]);
    assert_eq!(
        stdout(&output),
        "5 pages (cdn, cls, cvm, mdl, teo), 26 codes: all pages agree\n"
    );
    assert_eq!(stderr(&output), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn check_without_docs_reads_docs_in_the_current_directory() {
    let output = Command::new(env!("CARGO_BIN_EXE_tencentcloud-error-codes"))
        .arg("check")
        .current_dir(support::vendored_docs().join(".."))
        .output()
        .unwrap();
    assert_eq!(
        stdout(&output),
        "5 pages (cdn, cls, cvm, mdl, teo), 26 codes: all pages agree\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn check_exits_1_with_one_line_per_difference() {
    let docs = DocsDir::new();
    docs.text_page("a.txt", &CURRENT)
        .text_page("b.txt", &CURRENT)
        .text_page("c.txt", &current_without(&["UnsupportedRegion"]))
        .manifest(
            &[
                ("cdn", "en", "a.txt"),
                ("cvm", "en", "b.txt"),
                ("cls", "en", "c.txt"),
            ],
            "[]",
        );
    let output = run(&["check", "--docs", &docs.path().display().to_string()]);
    assert_eq!(
        docs.relative(&stdout(&output)),
        "cls (DOCS/c.txt) lacks UnsupportedRegion, documented by cdn, cvm\n\
         3 pages (cdn, cvm, cls), 26 codes: 1 difference\n"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn check_exits_0_when_every_difference_is_accepted() {
    let docs = DocsDir::new();
    let mut reworded = CURRENT.to_vec();
    reworded[9] = ("InternalError", "");
    docs.text_page("a.txt", &CURRENT)
        .text_page("c.txt", &reworded)
        .manifest(
            &[("cdn", "en", "a.txt"), ("cls", "en", "c.txt")],
            r#"[{"product": "cls", "code": "InternalError", "reason": "blank on the page"},
                {"product": "cdn", "code": "UnsupportedRegion", "reason": "stale"}]"#,
        );
    let output = run(&["check", "--docs", &docs.path().display().to_string()]);
    assert_eq!(
        docs.relative(&stdout(&output)),
        "accepted: cls (DOCS/c.txt) describes InternalError as \"\", but cdn says \"Internal error.\" (reason: blank on the page)\n\
         2 pages (cdn, cls), 26 codes: 1 difference, all accepted\n"
    );
    assert_eq!(
        docs.relative(&stderr(&output)),
        "warning: DOCS/c.txt:17: InternalError has an empty description\n\
         warning: DOCS/sources.json: accept entry for cdn UnsupportedRegion matches no difference; remove it\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn unreadable_input_exits_2_with_one_line() {
    let docs = DocsDir::new();
    docs.write("a.txt", "Common Error Codes\n\nError Code Description\nInternalError Internal error.\nbad-code oops\n")
        .manifest(&[("cdn", "en", "a.txt")], "[]");
    let dir = docs.path().display().to_string();
    let cases: [(&str, String); 3] = [
        (&dir, "error: DOCS/a.txt:5: invalid error code \"bad-code\": expected dot-separated segments of ASCII letters and digits, starting with an uppercase letter\n".into()),
        ("/nonexistent/docs", "error: /nonexistent/docs/sources.json: cannot read the manifest: No such file or directory (os error 2)\n".into()),
        (&format!("{dir}/a.txt"), "error: DOCS/a.txt/sources.json: cannot read the manifest: Not a directory (os error 20)\n".into()),
    ];
    for (arg, expected) in cases {
        for command in ["check", "export"] {
            let output = run(&[command, "--docs", arg]);
            assert_eq!(docs.relative(&stderr(&output)), expected, "{command} {arg}");
            assert_eq!(stdout(&output), "", "{command} {arg}");
            assert_eq!(output.status.code(), Some(2), "{command} {arg}");
        }
    }
}

#[test]
fn check_without_docs_elsewhere_names_the_missing_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_tencentcloud-error-codes"))
        .arg("check")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("error: docs/sources.json: cannot read the manifest: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn check_refuses_codes_the_build_would_refuse() {
    let docs = DocsDir::new();
    docs.text_page("a.txt", &[("Foo.Bar", "one"), ("FooBar", "two")])
        .manifest(&[("alpha", "en", "a.txt")], "[]");
    let output = run(&["check", "--docs", &docs.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: error codes Foo.Bar and FooBar both become the variant name FooBar\n"
    );
}

#[test]
fn a_wrong_command_line_exits_2() {
    let output = run(&["check", "--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: unexpected argument '--no-such-flag'"));
}

#[test]
fn export_prints_every_page_as_json() {
    let docs = DocsDir::new();
    docs.text_page("pages/a.txt", &[("InternalError", "Internal  error."), ("FailedOperation", "")])
        .write(
            "pages/b.html",
            "<h2>Common Error Codes</h2><table><tr><th>Error Code</th><th>Description</th></tr>\
             <tr><td>FailedOperation</td><td>Operation&nbsp;failed &amp; <b>stopped</b>.</td></tr></table>",
        )
        .manifest(&[("alpha", "en", "pages/a.txt"), ("vpc", "zh", "pages/b.html")], "[]");
    let output = run(&[
        "export",
        "--docs",
        &docs.path().display().to_string(),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let expected = serde_json::json!({
        "pages": [
            {"product": "alpha", "locale": "en", "file": "pages/a.txt", "codes": [
                {"code": "InternalError", "description": "Internal error."},
                {"code": "FailedOperation", "description": ""}
            ]},
            {"product": "vpc", "locale": "zh", "file": "pages/b.html", "codes": [
                {"code": "FailedOperation", "description": "Operation failed & stopped."}
            ]}
        ]
    });
    let printed: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(printed, expected);
    // The text itself: pretty-printed, keys in this order, one trailing newline.
    assert!(stdout(&output).starts_with("{\n  \"pages\": [\n    {\n      \"product\": \"alpha\",\n      \"locale\": \"en\",\n      \"file\": \"pages/a.txt\",\n      \"codes\": ["));
    assert!(stdout(&output).ends_with("}\n"));
}

#[test]
fn export_of_the_vendored_docs_has_26_codes_a_page() {
    let output = run(&["export", "--docs", &vendored()]);
    let printed: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let pages = printed["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 5);
    for page in pages {
        let codes: Vec<(&str, &str)> = page["codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["code"].as_str().unwrap(),
                    c["description"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(codes, CURRENT, "{}", page["product"]);
    }
}
