//! `diff`, `changes` and `show`: the sources side by side, what an update changed, and one code
//! everywhere, with their exact outputs.

mod support;

use std::collections::{BTreeMap, BTreeSet};

use support::{fixture, run, run_on, DocsDir, Ran};
use tencentcloud_error_codes_build::cli::Console;

fn assert_ran(ran: &Ran, code: u8, stdout: &str) {
    assert_eq!(ran.stdout, stdout, "stdout");
    assert_eq!(ran.stderr, "", "stderr");
    assert_eq!(ran.code, code, "exit code");
}

#[test]
fn diff_opens_with_the_table_generations() {
    let dir = fixture("acceptance_scopes");
    let ran = run(&["diff", "--docs", &dir]);
    assert_ran(
        &ran,
        0,
        r#"Table generations (pages whose common tables list the same codes):
  locale en:
    5 codes, 2 pages: cdn (pages/cdn-responses-en.md), cvm (pages/cvm-responses-en.md)
    4 codes, 1 page; lacks UnsupportedRegion: cls (pages/cls-responses-en.md)
  locale zh:
    4 codes, 2 pages: cdn (pages/cdn-responses-zh.md), cvm (pages/cvm-responses-zh.md)
    4 codes, 1 page; lacks InvalidParameter; adds AuthFailure: tag (pages/tag-responses-zh.md)

locale en: 3 pages, 5 codes

Code              1 2 3
FailedOperation   = ≈ =
InternalError     = = =
InvalidParameter  = ~ ~
ResourceNotFound  = = ~
UnsupportedRegion = - =

1=cdn (pages/cdn-responses-en.md)  2=cls (pages/cls-responses-en.md)
3=cvm (pages/cvm-responses-en.md)

locale zh: 3 pages, 5 codes

Code             1 2 3
AuthFailure      . . +
FailedOperation  = = =
InternalError    = = ~
InvalidParameter = = -
ResourceNotFound = = =

1=cdn (pages/cdn-responses-zh.md)  2=cvm (pages/cvm-responses-zh.md)
3=tag (pages/tag-responses-zh.md)

= same   ≈ cosmetic   ~ worded differently   - missing   + extra   . absent

Locales that differ:
  accepted: locale en lacks AuthFailure, documented in zh (reason: "only the 2018 table has it")
  accepted: locale zh lacks UnsupportedRegion, documented in en (reason: "the Chinese pages predate
    it")

Texts that differ (the settled text first):
FailedOperation (en)
    cdn, cvm  Operation failed.
  ≠ cls       Operation failed
InternalError (zh)
    cdn, cvm  内部错误。
  ≠ tag       内部错误，请重试。
InvalidParameter (en)
    cdn       Incorrect parameter.
  ≠ cls, cvm  Parameter error.
ResourceNotFound (en)
    cdn, cls  The resource does not exist.
  ≠ cvm       Resource not found.

10 differences, all accepted
"#,
    );
}

#[test]
fn diff_markdown_for_a_pull_request() {
    let dir = fixture("acceptance_scopes");
    let ran = run(&[
        "diff",
        "--docs",
        &dir,
        "--only-differences",
        "--format",
        "markdown",
    ]);
    assert_ran(
        &ran,
        0,
        r#"### Table generations

| Locale | Codes | Pages | Lacks | Adds |
|---|--:|---|---|---|
| en | 5 | cdn (`pages/cdn-responses-en.md`), cvm (`pages/cvm-responses-en.md`) |  |  |
| en | 4 | cls (`pages/cls-responses-en.md`) | UnsupportedRegion |  |
| zh | 4 | cdn (`pages/cdn-responses-zh.md`), cvm (`pages/cvm-responses-zh.md`) |  |  |
| zh | 4 | tag (`pages/tag-responses-zh.md`) | InvalidParameter | AuthFailure |

### Locale `en`

| Code | 1 | 2 | 3 |
|---|:-:|:-:|:-:|
| `FailedOperation` | ✓ | ≈ | ✓ |
| `InvalidParameter` | ✓ | ≠ | ≠ |
| `ResourceNotFound` | ✓ | ✓ | ≠ |
| `UnsupportedRegion` | ✓ | missing | ✓ |

Pages: 1: cdn (`pages/cdn-responses-en.md`), 2: cls (`pages/cls-responses-en.md`), 3: cvm (`pages/cvm-responses-en.md`)

### Locale `zh`

| Code | 1 | 2 | 3 |
|---|:-:|:-:|:-:|
| `AuthFailure` |  |  | extra |
| `InternalError` | ✓ | ✓ | ≠ |
| `InvalidParameter` | ✓ | ✓ | missing |

Pages: 1: cdn (`pages/cdn-responses-zh.md`), 2: cvm (`pages/cvm-responses-zh.md`), 3: tag (`pages/tag-responses-zh.md`)

✓ same, ≈ cosmetic, ≠ worded differently, missing, extra; blank: absent, as on most pages

### Locales that differ

- accepted: locale en lacks AuthFailure, documented in zh (reason: "only the 2018 table has it")
- accepted: locale zh lacks UnsupportedRegion, documented in en (reason: "the Chinese pages predate it")

### Texts that differ

| Code | Locale | Sources | Text |
|---|---|---|---|
| `FailedOperation` | en | cdn, cvm | Operation failed. |
| `FailedOperation` | en | cls | Operation failed |
| `InternalError` | zh | cdn, cvm | 内部错误。 |
| `InternalError` | zh | tag | 内部错误，请重试。 |
| `InvalidParameter` | en | cdn | Incorrect parameter. |
| `InvalidParameter` | en | cls, cvm | Parameter error. |
| `ResourceNotFound` | en | cdn, cls | The resource does not exist. |
| `ResourceNotFound` | en | cvm | Resource not found. |

**10 differences, all accepted**
"#,
    );
}

#[test]
fn diff_json_has_the_documented_shape() {
    let dir = fixture("newest_page_rewords");
    let ran = run(&[
        "diff",
        "--docs",
        &dir,
        "--only-differences",
        "--format",
        "json",
    ]);
    let page = |product: &str, file: &str| serde_json::json!({"product": product, "file": format!("pages/{file}")});
    let pages = [
        page("cdn", "cdn-error-codes-en.md"),
        page("cvm", "cvm-responses-en.md"),
        page("cdn", "cdn-responses-en.md"),
    ];
    let new = "An internal error occurred. Please try again later.";
    let expected = serde_json::json!({
        "generations": [
            {"locale": "en", "codes": 4, "pages": pages, "missing": [], "extra": []}
        ],
        "locales": [{
            "locale": "en",
            "pages": pages,
            "codes": [{
                "code": "InternalError",
                "cells": {
                    "pages/cdn-error-codes-en.md": "differs",
                    "pages/cdn-responses-en.md": "same",
                    "pages/cvm-responses-en.md": "differs"
                }
            }]
        }],
        "descriptions": [{
            "code": "InternalError",
            "locale": "en",
            "table": "common",
            "texts": [
                {"text": new, "sources": ["cdn"]},
                {"text": "Internal error.", "sources": ["cdn", "cvm"]}
            ]
        }],
        "differences": [
            {
                "kind": "wording", "table": "common", "product": "cdn",
                "file": "pages/cdn-error-codes-en.md", "line": 8, "locale": "en",
                "code": "InternalError", "texts": ["Internal error.", new],
                "others": ["cdn (pages/cdn-responses-en.md)"], "accepted": null
            },
            {
                "kind": "wording", "table": "common", "product": "cvm",
                "file": "pages/cvm-responses-en.md", "line": 8, "locale": "en",
                "code": "InternalError", "texts": ["Internal error.", new],
                "others": ["cdn"], "accepted": null
            }
        ],
        "verdict": "2 differences"
    });
    // The text itself: the keys in this order, pretty-printed, one final newline.
    assert_ran(
        &ran,
        1,
        &(serde_json::to_string_pretty(&expected).unwrap() + "\n"),
    );
}

#[test]
fn diff_of_one_product_lists_its_own_table() {
    let dir = fixture("cam_pages_and_error_center");
    let ran = run(&[
        "diff",
        "--docs",
        &dir,
        "--only-differences",
        "--product",
        "cam",
    ]);
    assert_ran(
        &ran,
        1,
        r#"Table generations (pages whose common tables list the same codes):
  locale en:
    3 codes, 1 page: cam (pages/cam-error-codes-en.md)
  locale zh:
    3 codes, 1 page: cam (pages/cam-error-codes-zh.md)

locale en: 1 page, 0 codes

Code 1

1=cam (pages/cam-error-codes-en.md)

locale zh: 1 page, 0 codes

Code 1

1=cam (pages/cam-error-codes-zh.md)

= same   ≈ cosmetic   ~ worded differently   - missing   + extra   . absent

Texts that differ (the settled text first):
InvalidParameter.UserNotExist (zh, cam)
    error-center cam  用户对象不存在。
  ≠ cam               principal字段的授权对象不存在。

Differences of cam's own table:
  cam (tests/fixtures/docs/cam_pages_and_error_center/error-center/api-all-errorcodes-2026-08-21.json:
    2) describes AuthFailure.UnauthorizedOperation (product table) as "没有权限。", but the common
    table says "请求未授权。请参考 CAM 文档对鉴权的说明。"
  the Error Center
    (tests/fixtures/docs/cam_pages_and_error_center/error-center/api-all-errorcodes-2026-08-21.json:
    3) lists FailedOperation.Accesskey for cam, which cam's pages do not document
  cam (tests/fixtures/docs/cam_pages_and_error_center/pages/cam-error-codes-en.md:17) documents
    InvalidParameter.ActionError (product table), which the Error Center does not list for cam
  cam (tests/fixtures/docs/cam_pages_and_error_center/pages/cam-error-codes-zh.md:17) documents
    InvalidParameter.ActionError (product table), which the Error Center does not list for cam
  locale en lacks InvalidParameter.PasswordViolatedRules (cam product table), documented in zh
  cam (tests/fixtures/docs/cam_pages_and_error_center/pages/cam-error-codes-zh.md:19) describes
    InvalidParameter.UserNotExist (product table) as "principal字段的授权对象不存在。", but
    error-center cam says "用户对象不存在。"

6 differences
"#,
    );
    // Without --product, the product tables' texts are counted, not listed.
    let ran = run(&["diff", "--docs", &dir, "--only-differences"]);
    assert!(
        ran.stdout.ends_with(
            "\n1 more code of products' own tables has texts that differ; `diff --product NAME` \
             lists a product's\n\n6 differences\n"
        ),
        "{}",
        ran.stdout
    );
}

/// A docs set of `count` products' pages, every fifth with the newer table (two more codes),
/// every seventh with a reworded text.
fn many_pages(count: usize) -> DocsDir {
    let docs = DocsDir::new();
    let rows = [
        ("FailedOperation", "Operation failed."),
        ("InternalError", "Internal error."),
        ("InvalidParameter", "Parameter error."),
        (
            "RequestLimitExceeded",
            "The number of requests exceeds the frequency limit.",
        ),
    ];
    let newer = [
        (
            "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
            "The number of requests of the account across regions exceeds the limit.",
        ),
        (
            "ResponseSizeLimitExceeded",
            "The response size exceeds the limit.",
        ),
    ];
    let mut pages = Vec::new();
    for i in 0..count {
        let mut table: Vec<(&str, &str)> = rows.to_vec();
        if i % 5 == 4 {
            table.extend(newer);
        }
        if i % 7 == 6 {
            table[1].1 = "Internal error, please retry.";
        }
        let file = format!("pages/product{i:02}-responses-en.md");
        docs.write(&file, support::error_codes_page(&table, &[]));
        pages.push((file, format!("product{i:02}")));
    }
    let pages: Vec<(&str, &str, &str)> = pages
        .iter()
        .map(|(file, product)| (file.as_str(), product.as_str(), "en"))
        .collect();
    docs.write("sources.json", support::manifest(&pages, ""));
    docs
}

#[test]
fn diff_of_60_pages_stays_within_100_columns() {
    let docs = many_pages(60);
    let ran = run(&["diff", "--docs", &docs.arg()]);
    assert_eq!((ran.code, ran.stderr.as_str()), (1, ""));
    for line in ran.stdout.lines() {
        let columns = line.chars().count();
        assert!(columns <= 100, "{columns} columns: {line}");
    }
    // The pages are numbered, in blocks that fit beside the code column, each block repeating it.
    let headers: Vec<&str> = ran
        .stdout
        .lines()
        .filter(|l| l.starts_with("Code "))
        .collect();
    assert_eq!(
        headers,
        [
            "Code                                               1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17",
            "Code                                              18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34",
            "Code                                              35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51",
            "Code                                              52 53 54 55 56 57 58 59 60",
        ]
    );
    assert!(ran.stdout.contains(
        "\nRequestLimitExceeded.GlobalRegionUinLimitExceeded  .  .  .  .  +  .  .  .  .  +  .  .  .  .  +  .  .\n"
    ));
    assert!(ran.stdout.contains(
        "\nInternalError                                      =  =  =  =  =  =  ~  =  =  =  =  =  =  ~  =  =  =\n"
    ));
    // The legend names every page, once.
    for i in 0..60 {
        let entry = format!(
            "{}=product{i:02} (pages/product{i:02}-responses-en.md)",
            i + 1
        );
        assert_eq!(ran.stdout.matches(&entry).count(), 1, "{entry}");
    }
    assert!(ran.stdout.starts_with(
        "Table generations (pages whose common tables list the same codes):\n  locale en:\n    4 \
         codes, 48 pages: product00 (pages/product00-responses-en.md), product01\n"
    ));
    // Markdown numbers the columns the same way.
    let markdown = run(&["diff", "--docs", &docs.arg(), "--format", "markdown"]);
    let numbers: Vec<String> = (1..=60).map(|i| i.to_string()).collect();
    assert!(markdown
        .stdout
        .contains(&format!("\n| Code | {} |\n", numbers.join(" | "))));
    assert!(markdown
        .stdout
        .contains("\nPages: 1: product00 (`pages/product00-responses-en.md`), 2: product01"));
}

#[test]
fn diff_colours_as_the_console_and_the_flag_ask() {
    let dir = fixture("newest_page_rewords");
    let coloured = |console: Console, flag: &[&str]| {
        let mut args = vec!["diff", "--docs", dir.as_str()];
        args.extend(flag);
        let ran = run_on(console, &args);
        assert_eq!(ran.code, 1);
        ran.stdout.contains('\u{1b}')
    };
    let terminal = Console {
        terminal: true,
        ..Console::default()
    };
    let no_color = Console {
        no_color: true,
        ..terminal
    };
    let forced = Console {
        clicolor_force: true,
        ..Console::default()
    };
    assert!(!coloured(Console::default(), &[]), "off a terminal");
    assert!(coloured(terminal, &[]), "on a terminal");
    assert!(!coloured(no_color, &[]), "NO_COLOR");
    assert!(coloured(forced, &[]), "CLICOLOR_FORCE off a terminal");
    assert!(
        !coloured(
            Console {
                no_color: true,
                ..forced
            },
            &[]
        ),
        "NO_COLOR wins over CLICOLOR_FORCE"
    );
    assert!(coloured(no_color, &["--color", "always"]), "asked for");
    assert!(!coloured(terminal, &["--color", "never"]), "refused");
    assert!(
        coloured(Console::default(), &["--color", "auto"]) == coloured(Console::default(), &[])
    );
    // The cells and the changed words.
    let ran = run(&["diff", "--docs", &dir, "--color", "always"]);
    assert!(
        ran.stdout.contains(
            "InternalError    \u{1b}[33m~\u{1b}[0m \u{1b}[33m~\u{1b}[0m \u{1b}[32m=\u{1b}[0m\n"
        ),
        "{}",
        ran.stdout
    );
    assert!(
        ran.stdout.contains(
            "  ≠ cdn, cvm  \u{1b}[1m\u{1b}[33mInternal\u{1b}[0m \u{1b}[1m\u{1b}[33merror.\u{1b}[0m"
        ),
        "{}",
        ran.stdout
    );
}

#[test]
fn diff_of_the_vendored_docs_agrees_within_100_columns() {
    let docs = support::vendored_docs().display().to_string();
    let ran = run(&["diff", "--docs", &docs]);
    assert_eq!((ran.code, ran.stderr.as_str()), (0, ""));
    for line in ran.stdout.lines() {
        assert!(line.chars().count() <= 100, "{line}");
    }
    // One legend entry per page of the manifest.
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(support::vendored_docs().join("sources.json")).unwrap(),
    )
    .unwrap();
    let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
    for page in manifest["pages"].as_array().unwrap() {
        let locale = page["locale"].as_str().unwrap();
        let count = numbers.entry(locale).or_default();
        *count += 1;
        let entry = format!(
            "{count}={} ({})",
            page["product"].as_str().unwrap(),
            page["file"].as_str().unwrap()
        );
        assert!(ran.stdout.contains(&entry), "{entry}");
    }
}

#[test]
fn changes_between_a_docs_set_and_itself_are_none() {
    let dir = fixture("responses_and_error_codes_pages");
    let ran = run(&["changes", "--from", &dir, "--to", &dir]);
    assert_ran(
        &ran,
        0,
        "no product's tables changed\nsemver: none (the generated code does not change)\n",
    );
}

/// The clean fixture after an update: every page drops `ResourceNotFound`; cdn documents one
/// more code of its own and rewords one in Chinese.
fn updated() -> DocsDir {
    let docs = DocsDir::copy_of("responses_and_error_codes_pages");
    for (file, row) in [
        (
            "pages/cdn-responses-en.md",
            "| ResourceNotFound | The resource does not exist. |\n",
        ),
        (
            "pages/cdn-error-codes-en.md",
            "| ResourceNotFound | The resource does not exist. |\n",
        ),
        (
            "pages/cdn-responses-zh.md",
            "| ResourceNotFound | 资源不存在。 |\n",
        ),
        (
            "pages/cdn-error-codes-zh.md",
            "| ResourceNotFound | 资源不存在。 |\n",
        ),
        (
            "pages/cvm.txt",
            "ResourceNotFound The resource does not exist.\n",
        ),
    ] {
        docs.edit(file, row, "");
    }
    docs.edit(
        "pages/cdn-error-codes-en.md",
        "| ResourceNotFound.CdnHostNotExists |",
        "| ResourceNotFound.CdnUserNotExists | The CDN service has not been activated. Please \
         activate it first before using this API. |\n| ResourceNotFound.CdnHostNotExists |",
    );
    docs.edit(
        "pages/cdn-error-codes-zh.md",
        "| ResourceNotFound.CdnHostNotExists |",
        "| ResourceNotFound.CdnUserNotExists | 未开通CDN服务，请开通后使用此接口 |\n| \
         ResourceNotFound.CdnHostNotExists |",
    );
    docs.edit(
        "pages/cdn-error-codes-zh.md",
        "内部数据错误，请联系腾讯云工程师进一步排查",
        "内部数据错误，请提交工单排查",
    );
    docs
}

#[test]
fn changes_per_product_and_table_with_the_semver_verdict() {
    let old = fixture("responses_and_error_codes_pages");
    let new = updated();
    let ran = run(&["changes", "--from", &old, "--to", &new.arg()]);
    assert_ran(
        &ran,
        0,
        r#"cdn (common table):
  - ResourceNotFound
cdn (own codes, module: minor):
  + ResourceNotFound.CdnUserNotExists
  ~ InternalError.CdnDbError (zh): "内部数据错误，请联系腾讯云工程师进一步排查" -> "内部数据错误，请提交工单排查"
cvm (common table):
  - ResourceNotFound
common codes removed: ResourceNotFound
semver: breaking (removes 1 common code: ResourceNotFound; adds 1 product code)
"#,
    );
    let ran = run(&[
        "changes",
        "--from",
        &old,
        "--to",
        &new.arg(),
        "--format",
        "markdown",
    ]);
    assert_ran(
        &ran,
        0,
        r#"### Documentation changes

- **cdn (common table):**
  - `- ResourceNotFound`
- **cdn (own codes, module: minor):**
  - `+ ResourceNotFound.CdnUserNotExists`
  - `~ InternalError.CdnDbError (zh): "内部数据错误，请联系腾讯云工程师进一步排查" -> "内部数据错误，请提交工单排查"`
- **cvm (common table):**
  - `- ResourceNotFound`

- common codes removed: ResourceNotFound

**semver: breaking (removes 1 common code: ResourceNotFound; adds 1 product code)**
"#,
    );
    let ran = run(&[
        "changes",
        "--from",
        &old,
        "--to",
        &new.arg(),
        "--format",
        "json",
    ]);
    let common = |product: &str| {
        serde_json::json!({
            "product": product, "table": "common", "status": "updated",
            "sources_added": [], "sources_dropped": [], "codes": 3,
            "added": [], "removed": ["ResourceNotFound"], "reworded": []
        })
    };
    let expected = serde_json::json!({
        "products": [
            common("cdn"),
            {
                "product": "cdn", "table": "product", "status": "updated",
                "sources_added": [], "sources_dropped": [], "codes": 4,
                "added": ["ResourceNotFound.CdnUserNotExists"], "removed": [],
                "reworded": [{
                    "code": "InternalError.CdnDbError", "locale": "zh",
                    "old": "内部数据错误，请联系腾讯云工程师进一步排查",
                    "new": "内部数据错误，请提交工单排查"
                }],
                "semver": "minor"
            },
            common("cvm")
        ],
        "codes_added": [],
        "codes_removed": ["ResourceNotFound"],
        "descriptions_changed": [],
        "modules_added": [],
        "modules_dropped": [],
        "products_added": [],
        "products_dropped": [],
        "exports_added": [],
        "exports_dropped": [],
        "semver": "breaking",
        "verdict": "semver: breaking (removes 1 common code: ResourceNotFound; adds 1 product code)",
        "clean": true
    });
    assert_ran(
        &ran,
        0,
        &(serde_json::to_string_pretty(&expected).unwrap() + "\n"),
    );
}

#[test]
fn changes_summarize_an_added_and_a_dropped_product_in_one_line() {
    let old = fixture("responses_and_error_codes_pages");
    let new = DocsDir::copy_of("responses_and_error_codes_pages");
    // cvm's page goes; cam's Error Codes page comes, with the same common table.
    let manifest = new.read("sources.json");
    let cvm = manifest
        .find(",\n    {\"file\": \"pages/cvm.txt\"")
        .unwrap();
    let end = manifest[cvm..].find('}').unwrap() + cvm + 1;
    let cam = r#",
    {"file": "pages/cam-error-codes-en.md", "product": "cam", "locale": "en"}"#;
    new.write(
        "sources.json",
        format!("{}{cam}{}", &manifest[..cvm], &manifest[end..]),
    );
    new.write(
        "pages/cam-error-codes-en.md",
        support::error_codes_page(
            &[
                ("FailedOperation", "Operation failed."),
                ("InternalError", "Internal error."),
                ("InvalidParameter", "Parameter error."),
                ("ResourceNotFound", "The resource does not exist."),
            ],
            &[
                (
                    "FailedOperation.PolicyFull",
                    "The number of user policies exceeds the upper limit.",
                ),
                ("InternalError.SystemError", "Internal error."),
            ],
        ),
    );
    let ran = run(&["changes", "--from", &old, "--to", &new.arg()]);
    assert_ran(
        &ran,
        0,
        "cam (common table): added, 4 codes
cam (own codes, module: minor): added, 2 codes
cvm (common table): dropped, had 4 codes
product modules added: cam
products added: cam
products dropped: cvm
semver: breaking (removes 1 product: cvm; adds 1 product module: cam, 1 product: cam)
",
    );
}

#[test]
fn changes_fail_on_a_level_at_or_above_the_verdict() {
    let old = fixture("responses_and_error_codes_pages");
    let breaking = updated();
    let minor = DocsDir::copy_of("responses_and_error_codes_pages");
    minor.edit(
        "pages/cdn-error-codes-en.md",
        "| ResourceNotFound.CdnHostNotExists |",
        "| ResourceNotFound.CdnUserNotExists | The CDN service has not been activated. |\n| \
         ResourceNotFound.CdnHostNotExists |",
    );
    minor.edit(
        "pages/cdn-error-codes-zh.md",
        "| ResourceNotFound.CdnHostNotExists |",
        "| ResourceNotFound.CdnUserNotExists | 未开通CDN服务 |\n| ResourceNotFound.CdnHostNotExists |",
    );
    let exit = |new: &DocsDir, level: Option<&str>| {
        let mut args = vec!["changes", "--from", old.as_str(), "--to"];
        let dir = new.arg();
        args.push(&dir);
        if let Some(level) = level {
            args.extend(["--fail-on", level]);
        }
        let ran = run(&args);
        assert_eq!(ran.stderr, "");
        ran.code
    };
    for (level, on_breaking, on_minor) in [
        (None, 0, 0),
        (Some("breaking"), 1, 0),
        (Some("minor"), 1, 1),
        (Some("patch"), 1, 1),
    ] {
        assert_eq!(exit(&breaking, level), on_breaking, "{level:?} on breaking");
        assert_eq!(exit(&minor, level), on_minor, "{level:?} on minor");
    }
    let ran = run(&["changes", "--from", &old, "--to", &minor.arg()]);
    assert!(
        ran.stdout
            .ends_with("semver: minor (adds 1 product code; the enums are #[non_exhaustive])\n"),
        "{}",
        ran.stdout
    );
}

#[test]
fn changes_to_docs_that_disagree_give_no_verdict() {
    let old = fixture("responses_and_error_codes_pages");
    let new = DocsDir::copy_of("responses_and_error_codes_pages");
    new.edit(
        "pages/cvm.txt",
        "InternalError Internal error.",
        "InternalError Internal error, please retry.",
    );
    for format in ["text", "markdown", "json"] {
        let ran = run(&[
            "changes",
            "--from",
            &old,
            "--to",
            &new.arg(),
            "--format",
            format,
        ]);
        assert_eq!(ran.code, 1, "{format}");
        assert!(
            new.relative(&ran.stdout).contains(
                "semver: no verdict: the new docs disagree (1 difference not accepted); run \
                 `tencentcloud-error-codes check --docs DOCS`"
            ),
            "{format}: {}",
            ran.stdout
        );
    }
}

/// A docs set of one Error Center export, whose differences as published (texts that differ,
/// entries listed twice) are accepted by kind.
fn export_only(date: &str) -> DocsDir {
    let docs = DocsDir::new();
    let file = format!("error-center/api-all-errorcodes-{date}.json");
    docs.write(
        &file,
        std::fs::read(support::error_center_export(date)).unwrap(),
    );
    docs.write(
        "sources.json",
        format!(
            r#"{{
  "error_center": [
    {{"file": "{file}", "locale": "zh", "updated": "{date}"}}
  ],
  "accept": [
    {{"kind": "wording", "reason": "the export as published"}},
    {{"kind": "cosmetic", "reason": "the export as published"}},
    {{"kind": "duplicate", "reason": "the export as published"}}
  ]
}}
"#
        ),
    );
    docs
}

/// Per product, its own codes in an export: the well-formed codes it lists that the export's
/// common list (`PLATFORM`) does not.
fn own_codes(date: &str) -> BTreeMap<String, BTreeSet<String>> {
    let entries: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(support::error_center_export(date)).unwrap())
            .unwrap();
    let field = |e: &serde_json::Value, name: &str| e[name].as_str().unwrap().to_owned();
    let common: BTreeSet<String> = entries
        .iter()
        .filter(|e| e["productName"] == "PLATFORM")
        .map(|e| field(e, "code"))
        .collect();
    let mut own: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for entry in &entries {
        let (product, code) = (field(entry, "productName"), field(entry, "code"));
        if product != "PLATFORM" && !common.contains(&code) && !code.ends_with('.') {
            own.entry(product).or_default().insert(code);
        }
    }
    own
}

#[test]
fn changes_between_two_error_center_exports() {
    let (old, new) = (export_only("2026-05-22"), export_only("2026-08-21"));
    let ran = run(&[
        "changes",
        "--from",
        &old.arg(),
        "--to",
        &new.arg(),
        "--format",
        "json",
    ]);
    assert_eq!((ran.code, ran.stderr.as_str()), (0, ""));
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let (before, after) = (own_codes("2026-05-22"), own_codes("2026-08-21"));
    let strings = |v: &serde_json::Value| -> BTreeSet<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    let (mut added, mut removed) = (0, 0);
    let mut modules_added = BTreeSet::new();
    for p in json["products"].as_array().unwrap() {
        // No page: only the products' own tables change.
        assert_eq!(p["table"], "product", "{p}");
        // The export is named once, not as every product's source.
        assert_eq!(
            (&p["sources_added"], &p["sources_dropped"]),
            (&serde_json::json!([]), &serde_json::json!([]))
        );
        let name = p["product"].as_str().unwrap();
        let (old_codes, new_codes) = (before.get(name), after.get(name));
        match p["status"].as_str().unwrap() {
            "added" => {
                assert_eq!(old_codes, None, "{name}");
                assert_eq!(p["codes"], new_codes.unwrap().len(), "{name}");
                modules_added.insert(name.to_owned());
                added += new_codes.unwrap().len();
            }
            "updated" => {
                let (old_codes, new_codes) = (old_codes.unwrap(), new_codes.unwrap());
                let expected_added: BTreeSet<String> =
                    new_codes.difference(old_codes).cloned().collect();
                let expected_removed: BTreeSet<String> =
                    old_codes.difference(new_codes).cloned().collect();
                assert_eq!(strings(&p["added"]), expected_added, "{name}");
                assert_eq!(strings(&p["removed"]), expected_removed, "{name}");
                added += expected_added.len();
                removed += expected_removed.len();
            }
            other => panic!("{name}: {other}"),
        }
    }
    // Every product whose own codes changed is listed.
    let changed = after
        .iter()
        .filter(|(name, codes)| before.get(*name) != Some(codes))
        .count()
        + before
            .keys()
            .filter(|name| !after.contains_key(*name))
            .count();
    let listed_with_codes = json["products"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| {
            p["added"] != serde_json::json!([])
                || p["removed"] != serde_json::json!([])
                || p["status"] != "updated"
        })
        .count();
    assert_eq!(listed_with_codes, changed);
    assert_eq!(strings(&json["modules_added"]), modules_added);
    assert_eq!(
        strings(&json["exports_added"]),
        BTreeSet::from(["error-center/api-all-errorcodes-2026-08-21.json".to_owned()])
    );
    assert_eq!(
        strings(&json["exports_dropped"]),
        BTreeSet::from(["error-center/api-all-errorcodes-2026-05-22.json".to_owned()])
    );
    // Codes are removed: breaking. The counts, from the exports themselves.
    assert_eq!(json["semver"], "breaking");
    assert!(
        removed > 0 && added > removed,
        "{added} added, {removed} removed"
    );
    let from_updated = added - modules_added.iter().map(|m| after[m].len()).sum::<usize>();
    assert!(
        json["verdict"].as_str().unwrap().starts_with(&format!(
            "semver: breaking (removes {removed} product codes; adds {from_updated} product codes, {} product modules: ",
            modules_added.len()
        )),
        "{}",
        json["verdict"]
    );
}

#[test]
fn changes_from_the_2023_export_leave_out_its_malformed_codes_with_a_warning() {
    let (old, new) = (export_only("2023-02-03"), export_only("2026-05-22"));
    let ran = run(&["changes", "--from", &old.arg(), "--to", &new.arg()]);
    let warning = |product: &str, code: &str| {
        format!(
            "warning: DOCS/error-center/api-all-errorcodes-2023-02-03.json: entry of \"{product}\" \
             left out: invalid error code \"{code}\": expected dot-separated segments of ASCII \
             letters and digits (and '_' after the first), starting with an uppercase letter\n"
        )
    };
    assert_eq!(
        old.relative(&ran.stderr),
        [
            warning("sms", "UnsupportedOperation."),
            warning("cpdp", "InternalError."),
            warning("cpdp", "MissingParameter."),
        ]
        .concat()
    );
    assert_eq!(ran.code, 0);
    assert!(
        ran.stdout.contains("\nsemver: breaking (removes "),
        "{}",
        ran.stdout
    );
}

#[test]
fn show_one_code_on_every_source() {
    let ran = run(&[
        "show",
        "InternalError",
        "--docs",
        &fixture("newest_page_rewords"),
    ]);
    assert_ran(
        &ran,
        0,
        r#"InternalError: ErrorCode::InternalError
   en "Internal error.": cdn (pages/cdn-error-codes-en.md), cvm (pages/cvm-responses-en.md)
  *en "An internal error occurred. Please try again later.": cdn (pages/cdn-responses-en.md)
  lacking: none
  (* the text the locale settles on)
"#,
    );
    let cam = fixture("cam_pages_and_error_center");
    let ran = run(&["show", "InvalidParameter.UserNotExist", "--docs", &cam]);
    assert_ran(
        &ran,
        0,
        r#"InvalidParameter.UserNotExist: cam::ErrorCode::InvalidParameterUserNotExist
  *en "The authorization object of the principal field does not exist.": cam (pages/cam-error-codes-en.md)
   zh "principal字段的授权对象不存在。": cam (pages/cam-error-codes-zh.md)
  *zh "用户对象不存在。": error-center cam (error-center/api-all-errorcodes-2026-08-21.json)
  (* the text the locale settles on)
"#,
    );
    let ran = run(&["show", "NoSuch.Code", "--docs", &cam]);
    assert_ran(&ran, 1, "NoSuch.Code: documented by no source\n");
    let ran = run(&["show", "no such code", "--docs", &cam]);
    assert_ran(
        &ran,
        1,
        "no such code: documented by no source (and it is not a well-formed code, so it can have \
         no variant)\n",
    );
}

#[test]
fn show_json_of_a_product_code() {
    let ran = run(&[
        "show",
        "InvalidParameter.UserNotExist",
        "--docs",
        &fixture("cam_pages_and_error_center"),
        "--product",
        "cam",
        "--format",
        "json",
    ]);
    let expected = serde_json::json!({
        "code": "InvalidParameter.UserNotExist",
        "documented": true,
        "tables": [{
            "table": "product",
            "product": "cam",
            "variant": "InvalidParameterUserNotExist",
            "locales": [
                {
                    "locale": "en",
                    "settled": "The authorization object of the principal field does not exist.",
                    "settled_from": "pages/cam-error-codes-en.md",
                    "texts": [{
                        "text": "The authorization object of the principal field does not exist.",
                        "sources": ["cam (pages/cam-error-codes-en.md)"]
                    }]
                },
                {
                    "locale": "zh",
                    "settled": "用户对象不存在。",
                    "settled_from": "error-center/api-all-errorcodes-2026-08-21.json",
                    "texts": [
                        {"text": "principal字段的授权对象不存在。", "sources": ["cam (pages/cam-error-codes-zh.md)"]},
                        {"text": "用户对象不存在。", "sources": ["error-center cam (error-center/api-all-errorcodes-2026-08-21.json)"]}
                    ]
                }
            ]
        }]
    });
    assert_ran(
        &ran,
        0,
        &(serde_json::to_string_pretty(&expected).unwrap() + "\n"),
    );
    // Another product's code of that name is not shown.
    let ran = run(&[
        "show",
        "InvalidParameter.UserNotExist",
        "--docs",
        &fixture("cam_pages_and_error_center"),
        "--product",
        "cvm",
    ]);
    assert_ran(
        &ran,
        1,
        "InvalidParameter.UserNotExist: documented by no source\n",
    );
}
