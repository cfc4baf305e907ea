//! `diff`, `changes` and `show` on the vendored pages and on realistic updates of them.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::{DocsDir, CURRENT};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tencentcloud-error-codes"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run the tool")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A copy of the vendored docs, byte for byte, to update in a test.
fn vendored_copy() -> DocsDir {
    let docs = DocsDir::new();
    let from = support::vendored_docs();
    docs.write(
        "sources.json",
        std::fs::read(from.join("sources.json")).unwrap(),
    );
    for entry in std::fs::read_dir(from.join("pages")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        docs.write(&format!("pages/{name}"), std::fs::read(&path).unwrap());
    }
    docs
}

/// Replaces `from` with `to` in a page of `docs`, which must contain it.
fn edit(docs: &DocsDir, page: &str, from: &str, to: &str) {
    let path = docs.path().join(page);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{page} lacks {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn dir(docs: &DocsDir) -> String {
    docs.path().display().to_string()
}

/// The vendored pages after three drifts: cls rewords InternalError, cvm lacks
/// UnsupportedProtocol, mdl documents two newer codes.
fn drifted() -> DocsDir {
    let docs = vendored_copy();
    edit(
        &docs,
        "pages/cls.txt",
        "InternalError Internal error.",
        "InternalError Internal error, please retry later.",
    );
    edit(&docs, "pages/cvm.txt", "UnsupportedProtocol HTTPS request method error. Only GET and POST requests are supported.\n", "");
    edit(
        &docs,
        "pages/mdl.txt",
        "UnsupportedRegion API does not support the requested region.\n",
        "UnsupportedRegion API does not support the requested region.\n\
         ResponseSizeLimitExceeded The response size exceeds the limit.\n\
         RequestLimitExceeded.UinLimitExceeded Your account's request frequency exceeds the limit.\n",
    );
    docs
}

#[test]
fn diff_of_agreeing_pages_exits_0() {
    let output = run(&[
        "diff",
        "--docs",
        &support::vendored_docs().display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.starts_with("locale en: 5 pages, 26 codes\n\nCode                              cdn cls cvm mdl teo\nAuthFailure.InvalidSecretId       =   =   =   =   =\n"), "{text}");
    assert!(text.ends_with("= same   ~ described differently   - missing   + extra   . absent\n\nall pages agree\n"), "{text}");
    let only = run(&[
        "diff",
        "--docs",
        &support::vendored_docs().display().to_string(),
        "--only-differences",
    ]);
    assert_eq!(
        stdout(&only),
        "locale en: 5 pages, 0 codes\n\nCode cdn cls cvm mdl teo\n\n= same   ~ described differently   - missing   + extra   . absent\n\nall pages agree\n"
    );
}

#[test]
fn diff_text_shows_each_drift() {
    let docs = drifted();
    let output = run(&["diff", "--docs", &dir(&docs), "--only-differences"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "locale en: 5 pages, 4 codes

Code                                  cdn cls cvm mdl teo
InternalError                         =   ~   =   =   =
RequestLimitExceeded.UinLimitExceeded .   .   .   +   .
ResponseSizeLimitExceeded             .   .   .   +   .
UnsupportedProtocol                   =   =   -   =   =

= same   ~ described differently   - missing   + extra   . absent

Descriptions that differ:
InternalError (en)
    cdn, cvm, mdl, teo  Internal error.
  ≠ cls                 Internal error, please retry later.

4 differences
"
    );
}

#[test]
fn diff_colours_only_when_asked_or_on_a_terminal() {
    let docs = drifted();
    let plain = stdout(&run(&["diff", "--docs", &dir(&docs)]));
    assert!(!plain.contains('\u{1b}'), "not a terminal: no colour");
    let coloured = stdout(&run(&["diff", "--docs", &dir(&docs), "--color", "always"]));
    assert!(coloured.contains("\u{1b}[33m~  \u{1b}[0m"), "{coloured}");
    // The changed words of a differing description are highlighted.
    assert!(
        coloured.contains("  ≠ cls                 Internal \u{1b}[1m\u{1b}[33merror,\u{1b}[0m \u{1b}[1m\u{1b}[33mplease\u{1b}[0m"),
        "{coloured}"
    );
}

#[test]
fn diff_markdown_for_a_pull_request() {
    let docs = drifted();
    let output = run(&[
        "diff",
        "--docs",
        &dir(&docs),
        "--only-differences",
        "--format",
        "markdown",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "### Locale `en`

| Code | cdn | cls | cvm | mdl | teo |
|---|:-:|:-:|:-:|:-:|:-:|
| `InternalError` | ✓ | ≠ | ✓ | ✓ | ✓ |
| `RequestLimitExceeded.UinLimitExceeded` |  |  |  | extra |  |
| `ResponseSizeLimitExceeded` |  |  |  | extra |  |
| `UnsupportedProtocol` | ✓ | ✓ | missing | ✓ | ✓ |

✓ same, ≠ described differently, missing, extra; blank: absent, as on most pages

### Descriptions that differ

| Code | Locale | Products | Description |
|---|---|---|---|
| `InternalError` | en | cdn, cvm, mdl, teo | Internal error. |
| `InternalError` | en | cls | Internal error, please retry later. |

**4 differences**
"
    );
}

#[test]
fn diff_json_has_the_documented_shape() {
    let docs = DocsDir::new();
    docs.text_page(
        "a.txt",
        &[
            ("InternalError", "Internal error."),
            ("LimitExceeded", "Quota."),
        ],
    )
    .text_page("b.txt", &[("InternalError", "Internal error!")])
    .manifest(&[("alpha", "en", "a.txt"), ("vpc", "en", "b.txt")], "[]");
    let output = run(&["diff", "--docs", &dir(&docs), "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let file = |f: &str| Path::new(&dir(&docs)).join(f).display().to_string();
    assert_eq!(
        json,
        serde_json::json!({
            "locales": [{
                "locale": "en",
                "products": ["alpha", "vpc"],
                "codes": [
                    {"code": "InternalError", "cells": {"alpha": "same", "vpc": "differs"}},
                    {"code": "LimitExceeded", "cells": {"alpha": "same", "vpc": "missing"}}
                ]
            }],
            "descriptions": [{
                "code": "InternalError",
                "locale": "en",
                "texts": [
                    {"text": "Internal error.", "products": ["alpha"]},
                    {"text": "Internal error!", "products": ["vpc"]}
                ]
            }],
            "differences": [
                {"text": format!("vpc ({}) describes InternalError as \"Internal error!\", but alpha says \"Internal error.\"", file("b.txt")), "accepted": null},
                {"text": format!("vpc ({}) lacks LimitExceeded, documented by alpha", file("b.txt")), "accepted": null}
            ]
        })
    );
}

#[test]
fn diff_of_40_products_fits_100_columns() {
    let docs = DocsDir::new();
    let mut pages = Vec::new();
    let names: Vec<String> = (0..40).map(|i| format!("product{i:02}")).collect();
    for (i, name) in names.iter().enumerate() {
        let mut rows = CURRENT.to_vec();
        if i % 7 == 0 {
            rows.push((
                "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
                "Too many.",
            ));
        }
        docs.text_page(&format!("{name}.txt"), &rows);
    }
    for name in &names {
        pages.push((name.as_str(), "en", format!("{name}.txt")));
    }
    let pages: Vec<(&str, &str, &str)> =
        pages.iter().map(|(p, l, f)| (*p, *l, f.as_str())).collect();
    docs.manifest(&pages, "[]");
    let output = run(&["diff", "--docs", &dir(&docs)]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    for line in text.lines() {
        assert!(
            line.chars().count() <= 100,
            "{} columns: {line}",
            line.chars().count()
        );
    }
    // Too many names to fit: numbered columns in blocks that fit, each repeating the code
    // column, and a legend.
    let headers: Vec<&str> = text.lines().filter(|l| l.starts_with("Code ")).collect();
    assert_eq!(
        headers,
        [
            "Code                                              1  2  3  4  5  6  7  8  9  10 11 12 13 14 15 16 17",
            "Code                                              18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34",
            "Code                                              35 36 37 38 39 40",
        ]
    );
    assert!(text.contains("\nRequestLimitExceeded.GlobalRegionUinLimitExceeded +  .  .  .  .  .  .  +  .  .  .  .  .  .  +  .  .\n"));
    assert!(text.contains("\n1=product00  2=product01  3=product02"));
    assert!(text.contains("  40=product39\n"));
}

#[test]
fn diff_of_unreadable_docs_exits_2() {
    let output = run(&["diff", "--docs", "/nonexistent"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn changes_when_pages_gain_the_newer_codes() {
    let old = vendored_copy();
    let new = vendored_copy();
    // The CVM page and the EdgeOne capture (cells run together) gain three newer codes.
    edit(
        &new,
        "pages/cvm.txt",
        "RequestLimitExceeded The number of requests exceeds the frequency limit.\n",
        "RequestLimitExceeded The number of requests exceeds the frequency limit.\n\
         RequestLimitExceeded.IPLimitExceeded The number of IP requests exceeds the frequency limit.\n\
         RequestLimitExceeded.UinLimitExceeded The number of UIN requests exceeds the frequency limit.\n",
    );
    edit(
        &new,
        "pages/teo.txt",
        "UnsupportedRegionAPI does not support the requested region.",
        "UnsupportedRegionAPI does not support the requested region.\n\
         RequestLimitExceeded.UinLimitExceededThe number of UIN requests exceeds the frequency limit.\n\
         ResponseSizeLimitExceededThe response size exceeds the limit.",
    );
    edit(&new, "pages/cls.txt", "ResourceUnavailable Resource is unavailable.\n", "ResourceUnavailable Resource is unavailable.\nResponseSizeLimitExceeded The response size exceeds the limit.\n");
    let output = run(&["changes", "--from", &dir(&old), "--to", &dir(&new)]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "cls: page updated
  + ResponseSizeLimitExceeded
cvm: page updated
  + RequestLimitExceeded.IPLimitExceeded
  + RequestLimitExceeded.UinLimitExceeded
teo: page updated
  + RequestLimitExceeded.UinLimitExceeded
  + ResponseSizeLimitExceeded
ErrorCode: 3 variants added, 0 removed, 0 descriptions changed
semver: minor (adds 3 codes: RequestLimitExceeded.IPLimitExceeded, RequestLimitExceeded.UinLimitExceeded, ResponseSizeLimitExceeded; ErrorCode is #[non_exhaustive])
"
    );
}

#[test]
fn changes_when_every_page_loses_a_code_is_breaking() {
    let old = vendored_copy();
    let new = vendored_copy();
    for product in ["cdn", "cls", "cvm", "mdl"] {
        edit(&new, &format!("pages/{product}.txt"), "UnsupportedProtocol HTTPS request method error. Only GET and POST requests are supported.\n", "");
    }
    edit(&new, "pages/teo.txt", "UnsupportedProtocolHTTPS request method error. Only GET and POST requests are supported.\n", "");
    let output = run(&[
        "changes",
        "--from",
        &dir(&old),
        "--to",
        &dir(&new),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let product = |p: &str| serde_json::json!({"product": p, "status": "updated", "added": [], "removed": ["UnsupportedProtocol"], "reworded": []});
    assert_eq!(
        json,
        serde_json::json!({
            "products": [product("cdn"), product("cls"), product("cvm"), product("mdl"), product("teo")],
            "codes_added": [],
            "codes_removed": ["UnsupportedProtocol"],
            "descriptions_changed": [],
            "semver": "breaking",
            "verdict": "semver: breaking (removes 1 code: UnsupportedProtocol)"
        })
    );
}

#[test]
fn changes_when_a_description_is_reworded_and_a_page_is_added() {
    let old = vendored_copy();
    let new = vendored_copy();
    for product in ["cdn", "cls", "cvm", "mdl"] {
        edit(
            &new,
            &format!("pages/{product}.txt"),
            "InternalError Internal error.",
            "InternalError An internal error occurred.",
        );
    }
    edit(
        &new,
        "pages/teo.txt",
        "InternalErrorInternal error.",
        "InternalErrorAn internal error occurred.",
    );
    new.text_page("pages/vpc.txt", &CURRENT);
    let manifest = std::fs::read_to_string(new.path().join("sources.json")).unwrap();
    new.write(
        "sources.json",
        manifest.replace(
            "\n  ],\n  \"accept\"",
            ",\n    {\"product\": \"vpc\", \"locale\": \"en\", \"file\": \"pages/vpc.txt\"}\n  ],\n  \"accept\"",
        ),
    );
    // The new page is an older copy: it keeps the old wording, which `check` will report.
    let output = run(&[
        "changes",
        "--from",
        &dir(&old),
        "--to",
        &dir(&new),
        "--format",
        "markdown",
    ]);
    assert_eq!(
        stdout(&output),
        "### Documentation changes

- **cdn**: page updated
  - reworded `InternalError`: “Internal error.” → “An internal error occurred.”
- **cls**: page updated
  - reworded `InternalError`: “Internal error.” → “An internal error occurred.”
- **cvm**: page updated
  - reworded `InternalError`: “Internal error.” → “An internal error occurred.”
- **mdl**: page updated
  - reworded `InternalError`: “Internal error.” → “An internal error occurred.”
- **teo**: page updated
  - reworded `InternalError`: “Internal error.” → “An internal error occurred.”
- **vpc**: page added
  - added `AuthFailure.InvalidSecretId`
"
        .to_owned()
            + &CURRENT[1..].iter().map(|(c, _)| format!("  - added `{c}`\n")).collect::<String>()
            + "\nErrorCode: 0 variants added, 0 removed, 1 description changed\n\n\
               **semver: patch (descriptions, documenting products or sources change; no code is added or removed)**\n"
    );
}

#[test]
fn changes_between_identical_docs_is_nothing() {
    let docs = support::vendored_docs().display().to_string();
    let output = run(&["changes", "--from", &docs, "--to", &docs]);
    assert_eq!(
        stdout(&output),
        "no page changed\nErrorCode: 0 variants added, 0 removed, 0 descriptions changed\nsemver: none (the generated code does not change)\n"
    );
}

#[test]
fn show_one_code_everywhere() {
    let docs = drifted();
    let output = run(&["show", "InternalError", "--docs", &dir(&docs)]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "InternalError: ErrorCode::InternalError
  en \"Internal error.\": cdn, cvm, mdl, teo
  en \"Internal error, please retry later.\": cls
  lacking: none
"
    );
    let output = run(&["show", "UnsupportedProtocol", "--docs", &dir(&docs)]);
    assert_eq!(
        stdout(&output),
        "UnsupportedProtocol: ErrorCode::UnsupportedProtocol
  en \"HTTPS request method error. Only GET and POST requests are supported.\": cdn, cls, mdl, teo
  lacking: cvm
"
    );
    let output = run(&["show", "NoSuch.Code", "--docs", &dir(&docs)]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "NoSuch.Code: documented by no page\n");
}

#[test]
fn diff_lists_the_differences_between_locales() {
    let docs = DocsDir::new();
    docs.text_page(
        "en.txt",
        &[
            ("InternalError", "Internal error."),
            ("InvalidAction", "No such API."),
        ],
    )
    .write(
        "zh.txt",
        "公共错误码\n\n错误码 说明\nInternalError 内部错误。\n",
    )
    .manifest(&[("cvm", "en", "en.txt"), ("cls", "zh", "zh.txt")], "[]");
    let output = run(&["diff", "--docs", &dir(&docs)]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "locale en: 1 page, 2 codes

Code          cvm
InternalError =
InvalidAction =

locale zh: 1 page, 1 code

Code          cls
InternalError =

= same   ~ described differently   - missing   + extra   . absent

Locales that differ:
  locale zh (cls) lacks InvalidAction, documented in locale en

1 difference
"
    );
    let markdown = stdout(&run(&[
        "diff",
        "--docs",
        &dir(&docs),
        "--format",
        "markdown",
    ]));
    assert!(markdown.contains("\n### Locales that differ\n\n- locale zh (cls) lacks InvalidAction, documented in locale en\n"), "{markdown}");
}
