//! The readers, on hand-written fixtures named for the real-world variant each represents
//! (`tests/fixtures/{html,markdown,text}/`), on the real pages copied byte for byte
//! (`tests/fixtures/markdown/sdk-guide/`, and every page of `docs/`, checked against the corpus
//! index `tests/fixtures/corpus/index.json`), and on small docs directories
//! (`tests/fixtures/docs/<case>/`).
//!
//! Every expectation is exact: the rows as (code, description, line), and errors as the one-line
//! `path:line: message` they display as. Fixtures read with [`read_page`] are passed under the
//! relative path `fixtures/...`, which is what their messages show; docs directories are loaded
//! from this package's directory, and messages are shown relative to it (see [`relative`]).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use tencentcloud_error_codes_build::files::{read_confined, MAX_SOURCE_BYTES};
use tencentcloud_error_codes_build::read::{
    check_rows, decode, read_page, split_run_together, Cells, Format, PageTable, PageTables,
    RawRow, Row,
};
use tencentcloud_error_codes_build::{Docs, Locale, Manifest};

/// A fixture under `tests/fixtures/`: its relative path (for messages) and its text.
macro_rules! fixture {
    ($path:literal) => {
        (
            Path::new(concat!("fixtures/", $path)),
            include_str!(concat!("fixtures/", $path)),
        )
    };
}

/// The package directory with a trailing `/`, stripped from paths in messages.
const PACKAGE_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/");

/// `text` with the package directory left out of every path in it.
fn relative(text: impl ToString) -> String {
    text.to_string().replace(PACKAGE_DIR, "")
}

/// A docs directory fixture, by case name.
fn docs_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/docs")
        .join(case)
}

/// The repository's vendored docs directory.
fn vendored_docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

/// A fresh scratch directory under the target directory, for files a fixture cannot be
/// (invalid UTF-8, paths that must not exist).
fn scratch_dir(case: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("readers")
        .join(case);
    match std::fs::remove_dir_all(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => panic!("cannot clear {}: {e}", dir.display()),
    }
    std::fs::create_dir_all(dir.join("pages")).unwrap();
    dir
}

/// The message `std::fs::read` gives for `path`, which does not exist: what "cannot read"
/// errors quote, whatever the platform words it as.
fn not_found(path: &Path) -> String {
    std::fs::read(path).unwrap_err().to_string()
}

fn rows(expected: &[(&str, &str, usize)]) -> Vec<Row> {
    expected
        .iter()
        .map(|&(code, description, line)| Row {
            code: code.into(),
            description: description.into(),
            line: Some(line),
        })
        .collect()
}

/// The table of a page whose cells are apart, with its header line and rows.
fn separate(header_line: usize, expected: &[(&str, &str, usize)]) -> PageTable {
    PageTable {
        header_line: Some(header_line),
        cells: Cells::Separate(rows(expected)),
    }
}

/// A table's rows and what checking them found, as [`Docs::load`] sees them.
#[derive(Debug)]
struct Read {
    /// The table as read.
    table: PageTable,
    /// Later rows of a code already listed, with another text.
    duplicates: Vec<Row>,
    /// The warnings, as text.
    warnings: Vec<String>,
}

/// Checks a table's rows as [`Docs::load`] does (for a table whose cells are apart).
fn check(path: &Path, table: PageTable, what: &str) -> Result<Read, String> {
    let Cells::Separate(found) = &table.cells else {
        panic!("{}: cells run together", path.display());
    };
    let checked =
        check_rows(path, found.clone(), table.header_line, what).map_err(|e| e.to_string())?;
    Ok(Read {
        table,
        duplicates: checked.duplicates,
        warnings: checked.warnings.iter().map(ToString::to_string).collect(),
    })
}

/// Reads a fixture's tables, as text errors.
fn tables((path, source): (&Path, &str)) -> Result<PageTables, String> {
    read_page(path, source).map_err(|e| e.to_string())
}

/// Reads a fixture the way [`Docs::load`] reads a page whose cells are apart: the common table,
/// then the check of its rows.
fn read(fixture: (&Path, &str)) -> Result<Read, String> {
    check(fixture.0, tables(fixture)?.common, "Common Error Codes")
}

/// Reads a fixture that must read cleanly, without warnings or duplicates.
fn read_clean(fixture: (&Path, &str)) -> PageTable {
    let read = read(fixture).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        read.warnings,
        Vec::<String>::new(),
        "{}",
        fixture.0.display()
    );
    assert_eq!(read.duplicates, [], "{}", fixture.0.display());
    read.table
}

/// The product table of a fixture, which must read cleanly.
fn read_product(fixture: (&Path, &str)) -> Option<PageTable> {
    let product = tables(fixture).unwrap_or_else(|e| panic!("{e}")).product?;
    let read = check(fixture.0, product, "product").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        read.warnings,
        Vec::<String>::new(),
        "{}",
        fixture.0.display()
    );
    Some(read.table)
}

/// Reads a fixture that must fail, and returns the error's one line.
fn read_error(fixture: (&Path, &str)) -> String {
    match read(fixture) {
        Ok(read) => panic!("{} read: {read:?}", fixture.0.display()),
        Err(e) => e,
    }
}

/// The message of a row code that is not well-formed.
fn invalid_code(code: &str) -> String {
    format!(
        "invalid error code {code:?}: expected dot-separated segments of ASCII letters and \
         digits (and '_' after the first), starting with an uppercase letter"
    )
}

/// The error of `Docs::load` on a docs directory fixture, relative to the package directory.
fn load_error(dir: &Path) -> String {
    match Docs::load(dir) {
        Ok(docs) => panic!("{} loaded: {docs:?}", dir.display()),
        Err(e) => relative(e),
    }
}

// HTML ------------------------------------------------------------------------------------------

#[test]
fn html_header_in_thead() {
    assert_eq!(
        read_clean(fixture!("html/thead.html")),
        separate(
            7,
            &[
                (
                    "AuthFailure.InvalidSecretId",
                    "Invalid key (not a TencentCloud API key type).",
                    12
                ),
                ("InternalError", "Internal error.", 13),
                ("InvalidParameter", "Incorrect parameter.", 14),
                ("InvalidParameterValue", "Invalid parameter value.", 15),
            ]
        )
    );
}

#[test]
fn html_header_as_first_row_of_th_cells() {
    // "Error Code | Error Description", no <thead>, one cell a line.
    assert_eq!(
        read_clean(fixture!("html/th_first_row.html")),
        separate(
            6,
            &[
                ("AuthFailure.SignatureExpire", "Signature expired.", 12),
                (
                    "RequestLimitExceeded",
                    "The number of requests exceeds the frequency limit.",
                    16
                ),
            ]
        )
    );
}

#[test]
fn html_heading_and_header_ignore_case_and_surrounding_whitespace() {
    // <h4>  common ERROR codes  </h4>, "Error code | Description" in <tbody>.
    assert_eq!(
        read_clean(fixture!("html/lowercase_header.html")),
        separate(
            3,
            &[
                ("MissingParameter", "A parameter is missing.", 6),
                ("UnknownParameter", "Unknown parameter.", 7),
            ]
        )
    );
}

#[test]
fn html_chinese_heading_with_shuoming_header() {
    // 公共错误码, "错误码 | 说明": the Chinese site's layout, one cell a line.
    assert_eq!(
        read_clean(fixture!("html/zh_shuoming.html")),
        separate(
            7,
            &[
                (
                    "AuthFailure.InvalidSecretId",
                    "密钥非法（不是云 API 密钥类型）。",
                    16
                ),
                ("InternalError", "内部错误。", 20),
            ]
        )
    );
}

#[test]
fn html_chinese_error_description_header_in_htm_file() {
    // "错误码 | 错误描述", and the .htm extension.
    assert_eq!(
        read_clean(fixture!("html/zh_cuowu_miaoshu.htm")),
        separate(
            3,
            &[
                ("LimitExceeded", "超过配额限制。", 6),
                ("ResourceInUse", "资源被占用。", 7),
            ]
        )
    );
}

#[test]
fn html_chinese_miaoshu_header_under_h1() {
    // "错误码 | 描述" as a first row of <th>, heading <h1> 公共错误码 </h1>.
    assert_eq!(
        read_clean(fixture!("html/zh_miaoshu.html")),
        separate(
            3,
            &[
                ("ResourceNotFound", "资源不存在。", 5),
                ("UnsupportedRegion", "接口不支持所传地域。", 6),
            ]
        )
    );
}

#[test]
fn html_ignores_a_later_service_error_codes_table() {
    assert_eq!(
        read_clean(fixture!("html/zh_service_table_after.html")),
        separate(3, &[("FailedOperation", "操作失败。", 6)])
    );
}

#[test]
fn html_ignores_navigation_scripts_and_tables_before_the_heading() {
    // The heading text is in the title, a script and the navigation before the heading; a table
    // before the heading lists InternalError; a later table lists service error codes; a script
    // after the table holds table markup in a string. Only the table after the heading counts,
    // and so do only its lines.
    assert_eq!(
        read_clean(fixture!("html/page_furniture.html")),
        separate(
            33,
            &[
                ("InternalError", "Internal error.", 38),
                ("UnauthorizedOperation", "Unauthorized operation.", 39),
            ]
        )
    );
}

#[test]
fn html_cell_text_drops_markup_decodes_entities_and_collapses_whitespace() {
    // <code>, <a>, <strong>; &amp; &lt; &gt; &#39; &#x20; &#160; &nbsp;; <br> and <br/>; line
    // breaks inside cells; a row of empty cells (skipped); the heading itself has an &nbsp;.
    assert_eq!(
        read_clean(fixture!("html/cell_markup.html")),
        separate(
            5,
            &[
                (
                    "AuthFailure.UnauthorizedOperation",
                    "The request does not have CAM authorization.",
                    11
                ),
                (
                    "DryRunOperation",
                    "DryRun Operation. It means that the request would have succeeded, but the \
                     DryRun parameter was used.",
                    16
                ),
                (
                    "UnsupportedProtocol",
                    "HTTPS request method error. Only GET & POST requests are supported.",
                    21
                ),
                (
                    "InvalidAction",
                    "The API doesn't exist <see the API list>.",
                    22
                ),
                ("NoSuchVersion", "The API version does not exist.", 23),
                ("ResourceUnavailable", "Resource is unavailable.", 25),
            ]
        )
    );
}

#[test]
fn html_errors() {
    let header =
        "expected the header \"Error Code | Description\" under \"Common Error Codes\", found";
    let cases = [
        (
            fixture!("html/no_heading.html"),
            "fixtures/html/no_heading.html: no \"Common Error Codes\" (or \"公共错误码\") heading \
             found"
                .to_owned(),
        ),
        (
            fixture!("html/heading_without_table.html"),
            "fixtures/html/heading_without_table.html:6: no table follows the \"Common Error \
             Codes\" heading"
                .to_owned(),
        ),
        (
            fixture!("html/unknown_header.html"),
            format!("fixtures/html/unknown_header.html:3: {header} \"Error Code | Reason\""),
        ),
        (
            fixture!("html/three_column_header.html"),
            "fixtures/html/three_column_header.html:3: the table under \"Common Error Codes\" \
             has 3 columns (\"Error Code | Description | Solution\"): expected 2, an error code \
             and a description"
                .to_owned(),
        ),
        (
            fixture!("html/no_header_row.html"),
            format!(
                "fixtures/html/no_header_row.html:3: {header} \"InternalError | Internal error.\""
            ),
        ),
        (
            fixture!("html/header_only.html"),
            "fixtures/html/header_only.html:5: the Common Error Codes table has no rows".to_owned(),
        ),
        (
            fixture!("html/empty_table.html"),
            "fixtures/html/empty_table.html:3: the Common Error Codes table has no rows".to_owned(),
        ),
        (
            fixture!("html/invalid_code.html"),
            format!(
                "fixtures/html/invalid_code.html:7: {}",
                invalid_code("invalidParameter")
            ),
        ),
        (
            // A zero-width space (a wrapping hint) inside the code: the code is not in the
            // source as written, and its line is still known (the parser's, not a search).
            fixture!("html/zero_width_space.html"),
            format!(
                "fixtures/html/zero_width_space.html:7: {}",
                invalid_code("AuthFailure.\u{200b}SignatureFailure")
            ),
        ),
        (
            fixture!("html/three_cell_row.html"),
            "fixtures/html/three_cell_row.html:7: expected 2 cells (code, description), found 3: \
             \"InvalidAction | The API does not exist. | Check the action name.\""
                .to_owned(),
        ),
    ];
    for (fixture, expected) in cases {
        assert_eq!(read_error(fixture), expected);
    }
}

#[test]
fn html_a_code_listed_twice_with_another_text_is_a_duplicate() {
    // Not an error of the page: a difference between two of its rows, for the agreement check
    // to report (or the manifest to accept).
    let read = read(fixture!("html/duplicate_code.html")).unwrap();
    assert_eq!(
        read.table,
        separate(
            3,
            &[
                ("InternalError", "Internal error.", 6),
                ("InvalidAction", "The API does not exist.", 7),
                ("InternalError", "Internal error, again.", 8),
            ]
        )
    );
    assert_eq!(
        read.duplicates,
        rows(&[("InternalError", "Internal error, again.", 8)])
    );
    assert_eq!(read.warnings, Vec::<String>::new());
}

#[test]
fn html_empty_descriptions_are_kept_with_a_warning() {
    // An empty cell, a cell of &nbsp; and <br>, and a row with no description cell.
    let Read {
        table, warnings, ..
    } = read(fixture!("html/empty_description.html")).unwrap();
    assert_eq!(
        table,
        separate(
            3,
            &[
                ("InternalError", "", 6),
                ("InvalidAction", "", 7),
                ("MissingParameter", "", 8)
            ]
        )
    );
    assert_eq!(
        warnings,
        [
            "fixtures/html/empty_description.html:6: InternalError has an empty description",
            "fixtures/html/empty_description.html:7: InvalidAction has an empty description",
            "fixtures/html/empty_description.html:8: MissingParameter has an empty description",
        ]
    );
}

// Markdown --------------------------------------------------------------------------------------

#[test]
fn markdown_h2_with_dash_separators() {
    // A table before the heading and a "Service Error Codes" table after it are ignored.
    assert_eq!(
        read_clean(fixture!("markdown/h2_dashes.md")),
        separate(
            13,
            &[
                (
                    "AuthFailure.InvalidSecretId",
                    "Invalid key (not a TencentCloud API key type).",
                    15
                ),
                ("AuthFailure.MFAFailure", "MFA failed.", 16),
                ("InvalidParameter", "Incorrect parameter.", 17),
                ("InvalidParameterValue", "Invalid parameter value.", 18),
            ]
        )
    );
}

#[test]
fn markdown_markdown_extension_reads_as_markdown() {
    let (_, source) = fixture!("markdown/h2_dashes.md");
    let path = Path::new("fixtures/markdown/h2_dashes.markdown");
    assert_eq!(Format::of(path).unwrap(), Format::Markdown);
    assert_eq!(
        read_page(path, source).unwrap().common,
        read_clean(fixture!("markdown/h2_dashes.md"))
    );
}

#[test]
fn markdown_h3_with_colon_separators_and_no_space_before_the_pipe() {
    // ### 公共错误码, "错误码 | 错误描述", |:---|:---|, cells tight against the pipes.
    assert_eq!(
        read_clean(fixture!("markdown/h3_colons_no_space.md")),
        separate(
            5,
            &[
                ("AuthFailure.SecretIdNotFound", "密钥不存在。", 7),
                ("AuthFailure.SignatureFailure", "签名错误。", 8),
                ("UnsupportedOperation", "操作不支持。", 9),
            ]
        )
    );
}

#[test]
fn markdown_crlf_line_endings() {
    let fixture = fixture!("markdown/crlf.md");
    // The fixture must keep its CRLF bytes (see .gitattributes).
    assert_eq!(
        fixture.1.matches("\r\n").count(),
        9,
        "crlf.md lost its CRLFs"
    );
    let expected = separate(
        5,
        &[
            ("AuthFailure.TokenFailure", "Token error.", 7),
            ("LimitExceeded", "Quota limit exceeded.", 8),
            ("ResourceInsufficient", "Insufficient resource.", 9),
        ],
    );
    assert_eq!(read_clean(fixture), expected);
    // The same page with LF endings reads the same.
    let lf = fixture.1.replace("\r\n", "\n");
    assert_eq!(read_clean((fixture.0, &lf)), expected);
}

#[test]
fn markdown_cell_markup() {
    // `code`, **strong**, [links](...), <br>, entities, and an escaped pipe.
    assert_eq!(
        read_clean(fixture!("markdown/code_spans.md")),
        separate(
            3,
            &[
                (
                    "AuthFailure.UnauthorizedOperation",
                    "The request does not have CAM authorization.",
                    5
                ),
                (
                    "DryRunOperation",
                    "DryRun Operation. It means that the request would have succeeded, but the \
                     DryRun parameter was used.",
                    6
                ),
                (
                    "UnsupportedProtocol",
                    "HTTPS request method error. Only GET & POST requests are supported.",
                    7
                ),
                (
                    "InvalidAction",
                    "The API doesn't exist | see the API list.",
                    8
                ),
                ("NoSuchVersion", "The API version does not exist.", 9),
            ]
        )
    );
}

#[test]
fn markdown_pipe_table_followed_by_an_html_service_table() {
    assert_eq!(
        read_clean(fixture!("markdown/html_table_later.md")),
        separate(
            3,
            &[
                ("ResourceInUse", "资源被占用。", 5),
                ("ResourceNotFound", "资源不存在。", 6),
            ]
        )
    );
}

#[test]
fn markdown_with_an_embedded_html_table() {
    assert_eq!(
        read_clean(fixture!("markdown/raw_html_table.md")),
        separate(
            5,
            &[
                ("ResourceUnavailable", "Resource is unavailable.", 8),
                ("UnknownParameter", "Unknown parameter.", 9),
            ]
        )
    );
}

#[test]
fn markdown_setext_heading_after_prose_and_an_earlier_table() {
    // The prose names the common error codes and a table before the heading quotes
    // InternalError; the heading is underlined with dashes.
    assert_eq!(
        read_clean(fixture!("markdown/setext_after_prose.md")),
        separate(
            13,
            &[
                ("InternalError", "Internal error.", 15),
                ("InvalidAction", "The API does not exist.", 16),
            ]
        )
    );
}

#[test]
fn markdown_errors() {
    let cases = [
        (
            fixture!("markdown/no_heading.md"),
            "fixtures/markdown/no_heading.md: no \"Common Error Codes\" (or \"公共错误码\") \
             heading found"
                .to_owned(),
        ),
        (
            fixture!("markdown/unknown_header.md"),
            "fixtures/markdown/unknown_header.md:3: expected the header \"Error Code | \
             Description\" under \"公共错误码\", found \"错误码 | 解决方案\""
                .to_owned(),
        ),
        (
            fixture!("markdown/header_only.md"),
            "fixtures/markdown/header_only.md:3: the Common Error Codes table has no rows"
                .to_owned(),
        ),
        (
            fixture!("markdown/invalid_code.md"),
            format!(
                "fixtures/markdown/invalid_code.md:6: {}",
                invalid_code("AuthFailure.")
            ),
        ),
    ];
    for (fixture, expected) in cases {
        assert_eq!(read_error(fixture), expected);
    }
}

// Text ------------------------------------------------------------------------------------------

#[test]
fn text_rows_after_prose_until_a_blank_line() {
    // The capture of a rendered page: the heading, prose, the header, rows, a blank line, and a
    // "Service Error Codes" table that is not read.
    assert_eq!(
        read_clean(fixture!("text/separated.txt")),
        separate(
            11,
            &[
                (
                    "AuthFailure.InvalidSecretId",
                    "Invalid key (not a TencentCloud API key type).",
                    12
                ),
                ("AuthFailure.MFAFailure", "MFA failed.", 13),
                (
                    "DryRunOperation",
                    "DryRun Operation. It means that the request would have succeeded, but the \
                     DryRun parameter was used.",
                    14
                ),
                ("InvalidParameter", "Incorrect parameter.", 15),
                ("InvalidParameterValue", "Invalid parameter value.", 16),
            ]
        )
    );
}

#[test]
fn text_rows_until_the_end_of_the_file() {
    // No prose, "Error Code Error Description", no newline after the last row.
    let fixture = fixture!("text/rows_to_eof.txt");
    assert!(!fixture.1.ends_with('\n'));
    assert_eq!(
        read_clean(fixture),
        separate(
            2,
            &[
                ("ResourceInUse", "Resource is in use.", 3),
                (
                    "UnsupportedRegion",
                    "API does not support the requested region.",
                    4
                ),
            ]
        )
    );
}

#[test]
fn text_chinese_capture() {
    assert_eq!(
        read_clean(fixture!("text/zh.txt")),
        separate(
            5,
            &[
                ("AuthFailure.SignatureExpire", "签名过期。", 6),
                ("RequestLimitExceeded", "请求的次数超过了频率限制。", 7),
            ]
        )
    );
}

#[test]
fn text_tabs_and_nbsp_between_cells() {
    // A tab or two NBSPs between the cells, runs of spaces, trailing spaces.
    assert_eq!(
        read_clean(fixture!("text/tabs_and_nbsp.txt")),
        separate(
            3,
            &[
                ("MissingParameter", "A parameter is missing.", 4),
                ("UnknownParameter", "Unknown parameter.", 5),
            ]
        )
    );
}

#[test]
fn text_heading_in_a_table_of_contents_is_passed_over() {
    assert_eq!(
        read_clean(fixture!("text/table_of_contents.txt")),
        separate(
            7,
            &[("NoSuchVersion", "The API version does not exist.", 8)]
        )
    );
}

#[test]
fn text_run_together_rows_are_kept_whole() {
    // "Error CodeDescription": the rows cannot be split without the other pages' codes.
    let (path, source) = fixture!("text/run_together.txt");
    let raw = |text: &str, line| RawRow {
        text: text.into(),
        line,
    };
    let table = read_page(path, source).unwrap().common;
    assert_eq!(
        table,
        PageTable {
            header_line: Some(5),
            cells: Cells::RunTogether(vec![
                raw(
                    "AuthFailure.InvalidSecretIdInvalid key (not a TencentCloud API key type).",
                    6
                ),
                raw("InvalidParameterIncorrect parameter.", 7),
                raw("InvalidParameterValueInvalid parameter value.", 8),
            ]),
        }
    );
    let Cells::RunTogether(raw_rows) = &table.cells else {
        unreachable!()
    };
    let known: HashSet<&str> = [
        "AuthFailure.InvalidSecretId",
        "InvalidParameter",
        "InvalidParameterValue",
    ]
    .into();
    assert_eq!(
        split_run_together(path, raw_rows, &known).unwrap(),
        rows(&[
            (
                "AuthFailure.InvalidSecretId",
                "Invalid key (not a TencentCloud API key type).",
                6
            ),
            ("InvalidParameter", "Incorrect parameter.", 7),
            ("InvalidParameterValue", "Invalid parameter value.", 8),
        ])
    );
    // Without InvalidParameterValue, its row would be split at InvalidParameter: the codes
    // given are trusted to be complete.
    let known: HashSet<&str> = ["AuthFailure.InvalidSecretId", "InvalidParameter"].into();
    assert_eq!(
        split_run_together(path, &raw_rows[2..], &known).unwrap(),
        rows(&[("InvalidParameter", "ValueInvalid parameter value.", 8)])
    );
}

#[test]
fn text_errors() {
    let cases = [
        (
            fixture!("text/no_heading.txt"),
            "fixtures/text/no_heading.txt: no \"Common Error Codes\" (or \"公共错误码\") line found"
                .to_owned(),
        ),
        (
            fixture!("text/unknown_header.txt"),
            "fixtures/text/unknown_header.txt:3: expected a header line \"Error Code \
             Description\" after \"Common Error Codes\""
                .to_owned(),
        ),
        (
            fixture!("text/header_only.txt"),
            "fixtures/text/header_only.txt:3: the Common Error Codes table has no rows".to_owned(),
        ),
        (
            fixture!("text/invalid_code.txt"),
            format!(
                "fixtures/text/invalid_code.txt:5: {}",
                invalid_code("Auth-Failure")
            ),
        ),
    ];
    for (fixture, expected) in cases {
        assert_eq!(read_error(fixture), expected);
    }
}

#[test]
fn text_a_code_listed_twice_with_the_same_text_is_a_warning() {
    let read = read(fixture!("text/duplicate_code.txt")).unwrap();
    assert_eq!(
        read.table,
        separate(
            3,
            &[
                ("InternalError", "Internal error.", 4),
                ("InvalidAction", "The API does not exist.", 5),
                ("LimitExceeded", "Quota limit exceeded.", 6),
                ("InvalidAction", "The API does not exist.", 7),
            ]
        )
    );
    assert_eq!(read.duplicates, []);
    assert_eq!(
        read.warnings,
        ["fixtures/text/duplicate_code.txt:7: InvalidAction is listed twice in the Common Error \
          Codes table, with the same text (also at line 5)"]
    );
}

#[test]
fn text_empty_description_is_kept_with_a_warning() {
    let Read {
        table, warnings, ..
    } = read(fixture!("text/empty_description.txt")).unwrap();
    assert_eq!(
        table,
        separate(
            3,
            &[
                ("InternalError", "", 4),
                ("InvalidAction", "The API does not exist.", 5)
            ]
        )
    );
    assert_eq!(
        warnings,
        ["fixtures/text/empty_description.txt:4: InternalError has an empty description"]
    );
}

#[test]
fn check_rows_leaves_out_lines_it_does_not_know() {
    let path = Path::new("fixtures/page.html");
    let unknown = |code: &str, description: &str| Row {
        code: code.into(),
        description: description.into(),
        line: None,
    };
    let warnings = |rows: Vec<Row>| {
        check_rows(path, rows, Some(4), "Common Error Codes")
            .unwrap()
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        warnings(vec![unknown("InternalError", "")]),
        ["fixtures/page.html: InternalError has an empty description"]
    );
    assert_eq!(
        warnings(vec![
            unknown("InternalError", "a"),
            unknown("InternalError", "a")
        ]),
        [
            "fixtures/page.html: InternalError is listed twice in the Common Error Codes table, \
          with the same text"
        ]
    );
    let mut later = unknown("InternalError", "a");
    later.line = Some(9);
    assert_eq!(
        warnings(vec![unknown("InternalError", "a"), later]),
        [
            "fixtures/page.html:9: InternalError is listed twice in the Common Error Codes table, \
          with the same text"
        ]
    );
    let checked = check_rows(
        path,
        vec![unknown("InternalError", "a"), unknown("InternalError", "b")],
        Some(4),
        "Common Error Codes",
    )
    .unwrap();
    assert_eq!(
        (checked.rows, checked.duplicates),
        (
            vec![unknown("InternalError", "a")],
            vec![unknown("InternalError", "b")]
        )
    );
    assert_eq!(
        check_rows(path, vec![], None, "Common Error Codes")
            .unwrap_err()
            .to_string(),
        "fixtures/page.html: the Common Error Codes table has no rows"
    );
}

// Files -----------------------------------------------------------------------------------------

#[test]
fn unsupported_extensions() {
    let message = "unsupported page format: expected a .html, .htm, .md, .markdown or .txt file";
    for path in [
        "fixtures/responses.pdf",
        "fixtures/README",
        "fixtures/page.html.bak",
    ] {
        assert_eq!(
            read_page(Path::new(path), "Common Error Codes")
                .unwrap_err()
                .to_string(),
            format!("{path}: {message}")
        );
    }
}

#[test]
fn decode_rejects_invalid_utf8_at_its_line() {
    let dir = scratch_dir("invalid_utf8");
    let path = dir.join("pages/cdn.txt");
    // Latin-1 "é" (0xE9) in the fourth line, at byte 19 + 1 + 23 + 29.
    std::fs::write(
        &path,
        b"Common Error Codes\n\nError Code Description\nInternalError Erreur interne \xe9.\n",
    )
    .unwrap();
    let error = decode(&path, std::fs::read(&path).unwrap()).unwrap_err();
    assert_eq!(
        (error.file(), error.line()),
        (Some(path.as_path()), Some(4))
    );
    assert_eq!(
        error.to_string(),
        format!(
            "{}:4: not UTF-8 text (invalid byte at offset 72)",
            path.display()
        )
    );
}

#[test]
fn decode_drops_a_byte_order_mark() {
    let dir = scratch_dir("byte_order_mark");
    let path = dir.join("pages/cdn.txt");
    std::fs::write(
        &path,
        "\u{feff}Common Error Codes\nError Code Description\nInternalError Internal error.\n",
    )
    .unwrap();
    let text = decode(&path, std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        text,
        "Common Error Codes\nError Code Description\nInternalError Internal error.\n"
    );
    assert_eq!(
        read_page(&path, &text).unwrap().common,
        separate(2, &[("InternalError", "Internal error.", 3)])
    );
}

#[test]
fn read_confined_names_a_missing_file() {
    let dir = scratch_dir("missing_file");
    let path = dir.join("pages/cdn.txt");
    let error = read_confined(&dir, "pages/cdn.txt", MAX_SOURCE_BYTES).unwrap_err();
    assert_eq!(error.file(), Some(path.as_path()));
    assert_eq!(error.line(), None);
    assert_eq!(
        error.to_string(),
        format!("{}: cannot read: {}", path.display(), not_found(&path))
    );
}

// Docs directories ------------------------------------------------------------------------------

/// Every page of `docs` as (product, path relative to the package, rows).
fn pages(docs: &Docs) -> Vec<(&str, String, Vec<Row>)> {
    docs.pages
        .iter()
        .map(|p| (p.product(), relative(p.path.display()), p.common.clone()))
        .collect()
}

#[test]
fn docs_split_run_together_pages_with_their_locales_codes() {
    // en: an HTML page and a Markdown page apart, a run-together capture (teo) that documents
    // the codes of both; zh: a Markdown page apart and a run-together capture (mdl).
    let dir = docs_dir("mixed");
    let docs = Docs::load(&dir).unwrap();
    let at = |file: &str| format!("tests/fixtures/docs/mixed/{file}");
    assert_eq!(
        pages(&docs),
        [
            (
                "cdn",
                at("pages/cdn.html"),
                rows(&[
                    ("AuthFailure.MFAFailure", "MFA failed.", 6),
                    ("InvalidParameter", "Incorrect parameter.", 7),
                    (
                        "RequestLimitExceeded",
                        "The number of requests exceeds the frequency limit.",
                        8
                    ),
                ])
            ),
            (
                "cls",
                at("pages/cls.md"),
                rows(&[
                    ("AuthFailure.MFAFailure", "MFA failed.", 5),
                    ("InvalidParameter", "Incorrect parameter.", 6),
                    ("InvalidParameterValue", "Invalid parameter value.", 7),
                ])
            ),
            (
                "teo",
                at("pages/teo.txt"),
                rows(&[
                    ("AuthFailure.MFAFailure", "MFA failed.", 6),
                    ("InvalidParameter", "Incorrect parameter.", 7),
                    ("InvalidParameterValue", "Invalid parameter value.", 8),
                    (
                        "RequestLimitExceeded",
                        "The number of requests exceeds the frequency limit.",
                        9
                    ),
                ])
            ),
            (
                "cvm",
                at("pages/cvm.md"),
                rows(&[
                    ("AuthFailure.MFAFailure", "MFA 校验失败。", 5),
                    ("InvalidParameter", "参数错误。", 6),
                    ("InvalidParameterValue", "参数取值错误。", 7),
                ])
            ),
            (
                "mdl",
                at("pages/mdl.txt"),
                rows(&[
                    ("InvalidParameterValue", "参数取值错误。", 4),
                    ("InvalidParameter", "参数错误。", 5),
                    ("AuthFailure.MFAFailure", "MFA 校验失败。", 6),
                ])
            ),
        ]
    );
    assert_eq!(docs.warnings, []);
    assert_eq!(docs.dir, dir);
    assert_eq!(
        docs.files()
            .iter()
            .map(|f| relative(f.display()))
            .collect::<Vec<_>>(),
        [
            at("sources.json"),
            at("pages/cdn.html"),
            at("pages/cls.md"),
            at("pages/teo.txt"),
            at("pages/cvm.md"),
            at("pages/mdl.txt"),
        ]
    );
}

#[test]
fn docs_from_tables_splits_with_the_same_locale_only() {
    // The same split as Docs::load, from tables read in memory under relative paths.
    let manifest = Manifest::parse(
        Path::new("fixtures/docs/sources.json"),
        br#"{"pages": [
              {"product": "teo", "locale": "en", "file": "text/run_together.txt"},
              {"product": "cdn", "locale": "en", "file": "html/thead.html"},
              {"product": "cvm", "locale": "zh", "file": "html/zh_shuoming.html"}
            ]}"#,
    )
    .unwrap();
    let tables = [
        fixture!("text/run_together.txt"),
        fixture!("html/thead.html"),
        fixture!("html/zh_shuoming.html"),
    ]
    .into_iter()
    .map(|(path, source)| {
        let file = path.strip_prefix("fixtures").unwrap().display().to_string();
        (file, path.to_path_buf(), read_page(path, source).unwrap())
    })
    .collect::<Vec<_>>();
    let docs = Docs::from_tables(Path::new("fixtures"), manifest.clone(), tables.clone()).unwrap();
    assert_eq!(
        docs.pages[0].common,
        rows(&[
            (
                "AuthFailure.InvalidSecretId",
                "Invalid key (not a TencentCloud API key type).",
                6
            ),
            ("InvalidParameter", "Incorrect parameter.", 7),
            ("InvalidParameterValue", "Invalid parameter value.", 8),
        ])
    );
    // Only the zh page lists its codes apart: the en capture cannot be split.
    let manifest = Manifest {
        pages: vec![manifest.pages[0].clone(), manifest.pages[2].clone()],
        ..Manifest::default()
    };
    let tables = vec![tables[0].clone(), tables[2].clone()];
    assert_eq!(
        Docs::from_tables(Path::new("fixtures"), manifest, tables)
            .unwrap_err()
            .to_string(),
        "fixtures/text/run_together.txt: the cells of every row run together, and no other page \
         of the same locale lists its codes apart to split them by"
    );
}

#[test]
fn docs_locale_whose_pages_all_run_together() {
    // en has only run-together pages (mdl, teo); the zh page's codes are not used for them.
    let error = Docs::load(&docs_dir("all_run_together")).unwrap_err();
    assert_eq!(error.file(), None);
    assert_eq!(
        relative(error),
        "tests/fixtures/docs/all_run_together/pages/mdl.txt, \
         tests/fixtures/docs/all_run_together/pages/teo.txt: the cells of every row run \
         together, and no other page of the same locale lists its codes apart to split them by"
    );
}

#[test]
fn docs_run_together_row_that_cannot_be_split() {
    // InvalidParameter is known, but the row's code is InvalidParameter.InvalidRegion.
    assert_eq!(
        load_error(&docs_dir("unsplittable")),
        "tests/fixtures/docs/unsplittable/pages/teo.txt:5: cannot split \
         \"InvalidParameter.InvalidRegionInvalid region.\" into a code and a description: no \
         code documented by the other pages of this locale starts it"
    );
    // ResourceNotFound is listed apart, but only by a page of another locale.
    assert_eq!(
        load_error(&docs_dir("other_locale")),
        "tests/fixtures/docs/other_locale/pages/teo.txt:5: cannot split \
         \"ResourceNotFoundThe resource does not exist.\" into a code and a description: no \
         code documented by the other pages of this locale starts it"
    );
}

#[test]
fn docs_empty_descriptions_are_warnings_in_page_order() {
    let docs = Docs::load(&docs_dir("empty_description")).unwrap();
    assert_eq!(
        docs.warnings.iter().map(relative).collect::<Vec<_>>(),
        [
            "tests/fixtures/docs/empty_description/pages/cdn.txt:5: ResourceInUse has an empty \
             description",
            "tests/fixtures/docs/empty_description/pages/cls.html:6: InternalError has an empty \
             description",
            "tests/fixtures/docs/empty_description/pages/teo.txt:5: ResourceInUse has an empty \
             description",
        ]
    );
    let rows_of = |product: &str| {
        docs.pages
            .iter()
            .find(|p| p.product() == product)
            .unwrap()
            .common
            .clone()
    };
    assert_eq!(
        rows_of("cdn"),
        rows(&[
            ("InternalError", "Internal error.", 4),
            ("ResourceInUse", "", 5)
        ])
    );
    assert_eq!(
        rows_of("cls"),
        rows(&[
            ("InternalError", "", 6),
            ("ResourceInUse", "Resource is in use.", 7)
        ])
    );
    assert_eq!(
        rows_of("teo"),
        rows(&[
            ("InternalError", "Internal error.", 4),
            ("ResourceInUse", "", 5)
        ])
    );
}

#[test]
fn docs_name_the_page_that_fails() {
    // A code listed twice with the same text is a warning naming the page and both lines.
    let docs = Docs::load(&docs_dir("bad_page")).unwrap();
    assert_eq!(
        docs.warnings.iter().map(relative).collect::<Vec<_>>(),
        [
            "tests/fixtures/docs/bad_page/pages/cls.md:7: InternalError is listed twice in the \
          Common Error Codes table, with the same text (also at line 5)"
        ]
    );
    // A page that cannot be read is an error naming it and its line.
    let dir = scratch_dir("bad_page");
    std::fs::write(
        dir.join("sources.json"),
        r#"{"pages": [
             {"product": "cdn", "locale": "en", "file": "pages/cdn.txt"},
             {"product": "cls", "locale": "en", "file": "pages/cls.md"}
           ]}"#,
    )
    .unwrap();
    std::fs::copy(
        docs_dir("bad_page").join("pages/cdn.txt"),
        dir.join("pages/cdn.txt"),
    )
    .unwrap();
    std::fs::write(
        dir.join("pages/cls.md"),
        "## Common Error Codes\n\n| Error Code | Description |\n|---|---|\n\
         | InternalError | Internal error. |\n| internalError | Internal error. |\n",
    )
    .unwrap();
    assert_eq!(
        Docs::load(&dir).unwrap_err().to_string(),
        format!(
            "{}:6: {}",
            dir.join("pages/cls.md").display(),
            invalid_code("internalError")
        )
    );
}

#[test]
fn docs_missing_page() {
    let dir = docs_dir("missing_page");
    assert_eq!(
        load_error(&dir),
        format!(
            "tests/fixtures/docs/missing_page/pages/cvm.txt: cannot read: {}",
            not_found(&dir.join("pages/cvm.txt"))
        )
    );
}

#[test]
fn docs_unsupported_extension() {
    assert_eq!(
        load_error(&docs_dir("unsupported_extension")),
        "tests/fixtures/docs/unsupported_extension/pages/cvm.pdf: unsupported page format: \
         expected a .html, .htm, .md, .markdown or .txt file"
    );
}

#[test]
fn docs_unsupported_extension_is_reported_before_the_file_is_read() {
    // A real PDF is not UTF-8; the format is what is wrong with it.
    let dir = scratch_dir("binary_page");
    std::fs::write(
        dir.join("sources.json"),
        r#"{"pages": [{"product": "cdn", "locale": "en", "file": "pages/cdn.pdf"}]}"#,
    )
    .unwrap();
    std::fs::write(dir.join("pages/cdn.pdf"), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").unwrap();
    assert_eq!(
        Docs::load(&dir).unwrap_err().to_string(),
        format!(
            "{}: unsupported page format: expected a .html, .htm, .md, .markdown or .txt file",
            dir.join("pages/cdn.pdf").display()
        )
    );
}

#[test]
fn docs_page_that_is_not_utf8() {
    let dir = scratch_dir("not_utf8");
    std::fs::write(
        dir.join("sources.json"),
        r#"{"pages": [{"product": "cdn", "locale": "zh", "file": "pages/cdn.txt"}]}"#,
    )
    .unwrap();
    // "内部错误" in GBK, on line 4, at byte 19 + 1 + 23 + 14.
    std::fs::write(
        dir.join("pages/cdn.txt"),
        b"Common Error Codes\n\nError Code Description\nInternalError \xc4\xda\xb2\xbf\xb4\xed\xce\xf3\n",
    )
    .unwrap();
    assert_eq!(
        Docs::load(&dir).unwrap_err().to_string(),
        format!(
            "{}:4: not UTF-8 text (invalid byte at offset 57)",
            dir.join("pages/cdn.txt").display()
        )
    );
}

#[test]
fn docs_missing_manifest() {
    let dir = docs_dir("missing_manifest");
    let error = Docs::load(&dir).unwrap_err();
    assert_eq!(
        relative(error),
        format!(
            "tests/fixtures/docs/missing_manifest/sources.json: cannot read the manifest: {}",
            not_found(&dir.join("sources.json"))
        )
    );
}

#[test]
fn docs_malformed_manifest() {
    assert_eq!(
        load_error(&docs_dir("malformed_manifest")),
        "tests/fixtures/docs/malformed_manifest/sources.json:4: malformed manifest: trailing \
         comma"
    );
    assert_eq!(
        load_error(&docs_dir("invalid_manifest")),
        "tests/fixtures/docs/invalid_manifest/sources.json:4: malformed manifest: missing field \
         `locale`"
    );
}

// The vendored pages ----------------------------------------------------------------------------

/// The Common Error Codes table every vendored page gives, in page order.
const COMMON_ERROR_CODES: [(&str, &str); 26] = [
    (
        "AuthFailure.InvalidSecretId",
        "Invalid key (not a TencentCloud API key type).",
    ),
    ("AuthFailure.MFAFailure", "MFA failed."),
    ("AuthFailure.SecretIdNotFound", "The key does not exist."),
    ("AuthFailure.SignatureExpire", "Signature expired."),
    ("AuthFailure.SignatureFailure", "Signature error."),
    ("AuthFailure.TokenFailure", "Token error."),
    (
        "AuthFailure.UnauthorizedOperation",
        "The request does not have CAM authorization.",
    ),
    (
        "DryRunOperation",
        "DryRun Operation. It means that the request would have succeeded, but the DryRun \
         parameter was used.",
    ),
    ("FailedOperation", "Operation failed."),
    ("InternalError", "Internal error."),
    ("InvalidAction", "The API does not exist."),
    ("InvalidParameter", "Incorrect parameter."),
    ("InvalidParameterValue", "Invalid parameter value."),
    ("LimitExceeded", "Quota limit exceeded."),
    ("MissingParameter", "A parameter is missing."),
    ("NoSuchVersion", "The API version does not exist."),
    (
        "RequestLimitExceeded",
        "The number of requests exceeds the frequency limit.",
    ),
    ("ResourceInUse", "Resource is in use."),
    ("ResourceInsufficient", "Insufficient resource."),
    ("ResourceNotFound", "The resource does not exist."),
    ("ResourceUnavailable", "Resource is unavailable."),
    ("UnauthorizedOperation", "Unauthorized operation."),
    ("UnknownParameter", "Unknown parameter."),
    ("UnsupportedOperation", "Unsupported operation."),
    (
        "UnsupportedProtocol",
        "HTTPS request method error. Only GET and POST requests are supported.",
    ),
    (
        "UnsupportedRegion",
        "API does not support the requested region.",
    ),
];

#[test]
fn vendored_captures() {
    let docs = Docs::load(&vendored_docs()).unwrap();
    // (product, file, line of the first row, line of the last row); teo is the run-together
    // capture, split with the codes of the other pages in English.
    let expected = [
        ("cdn", "pages/cdn.txt", 121, 146),
        ("cls", "pages/cls.txt", 134, 159),
        ("cvm", "pages/cvm.txt", 147, 172),
        ("mdl", "pages/mdl.txt", 102, 127),
        ("teo", "pages/teo.txt", 176, 201),
    ];
    for (product, file, first, last) in expected {
        let page = docs.pages.iter().find(|p| p.source.file == file).unwrap();
        assert!(
            !docs
                .warnings
                .iter()
                .any(|w| w.to_string().contains(&page.path.display().to_string())),
            "{file}"
        );
        assert_eq!(page.product(), product);
        assert_eq!(page.locale(), Locale::En);
        assert_eq!(page.file, file);
        assert_eq!(page.path, docs.dir.join(file));
        assert_eq!(page.product, None);
        let codes: Vec<(&str, &str)> = page
            .common
            .iter()
            .map(|r| (r.code.as_str(), r.description.as_str()))
            .collect();
        assert_eq!(codes, COMMON_ERROR_CODES, "{product}");
        let lines: Vec<Option<usize>> = page.common.iter().map(|r| r.line).collect();
        assert_eq!(
            lines,
            (first..=last).map(Some).collect::<Vec<_>>(),
            "{product}"
        );
    }
}

#[test]
fn vendored_teo_capture_runs_together() {
    let path = vendored_docs().join("pages/teo.txt");
    let text = decode(&path, std::fs::read(&path).unwrap()).unwrap();
    let table = read_page(&path, &text).unwrap().common;
    assert_eq!(table.header_line, Some(175));
    let Cells::RunTogether(raw) = table.cells else {
        panic!("teo.txt: {:?}", table.cells)
    };
    assert_eq!(raw.len(), 26);
    assert_eq!(
        (raw[1].text.as_str(), raw[1].line),
        ("AuthFailure.MFAFailureMFA failed.", 177)
    );
    // The page ends without a newline after its last row.
    assert_eq!(
        (raw[25].text.as_str(), raw[25].line),
        (
            "UnsupportedRegionAPI does not support the requested region.",
            201
        )
    );
}

/// A row whose code cell is empty (a description continued on its own row) is an error, not a
/// search for an empty string that never ends.
#[test]
fn a_row_without_a_code_is_an_error() {
    let html =
        "<h2>Common Error Codes</h2>\n<table>\n<tr><th>Error Code</th><th>Description</th></tr>\n\
                <tr><td>InternalError</td><td>Internal error.</td></tr>\n\
                <tr><td></td><td>continued text</td></tr>\n</table>\n";
    // The lines are the rows' own (a text search once put both at the table's line).
    assert_eq!(
        read_error((Path::new("continued.html"), html)),
        "continued.html:5: a row of the table has no code (its description: \"continued text\")"
    );
    let markdown = "## Common Error Codes\n\n| Error Code | Description |\n|---|---|\n\
                    | InternalError | Internal error. |\n|  | see above |\n";
    assert_eq!(
        read_error((Path::new("continued.md"), markdown)),
        "continued.md:6: a row of the table has no code (its description: \"see above\")"
    );
}

/// When another section begins after the heading and before any table, the page has no common
/// table: the other section's table is not taken for it.
#[test]
fn a_table_of_another_section_is_not_the_common_table() {
    let html = "<h2>Common Error Codes</h2><p>Moved to the API overview.</p>\n\
                <h2>Service Error Codes</h2>\n<table><tr><th>Error Code</th><th>Description</th></tr>\
                <tr><td>FailedOperation.CdnConfigError</td><td>Config error.</td></tr></table>\n";
    assert_eq!(
        read_error((Path::new("moved.html"), html)),
        "moved.html:1: no table follows the \"Common Error Codes\" heading"
    );
    // A lower-level heading inside the section does not end it.
    let nested = html.replace("<h2>Service Error Codes</h2>", "<h3>Table</h3>");
    let table = read((Path::new("nested.html"), &nested)).unwrap().table;
    assert_eq!(
        table.cells,
        Cells::Separate(rows(&[(
            "FailedOperation.CdnConfigError",
            "Config error.",
            3
        )]))
    );

    let markdown = "## Common Error Codes\n\nMoved.\n\n## Service Error Codes\n\n\
                    | Error Code | Description |\n|---|---|\n| FailedOperation.CdnConfigError | Config error. |\n";
    assert_eq!(
        read_error((Path::new("moved.md"), markdown)),
        "moved.md:1: no table follows the \"Common Error Codes\" heading"
    );
    let text = "Common Error Codes\n\nMoved.\n\nService Error Codes\n\nError Code Description\n\
                FailedOperation.CdnConfigError Config error.\n";
    assert_eq!(
        read_error((Path::new("moved.txt"), text)),
        "moved.txt:1: expected a header line \"Error Code Description\" after \"Common Error Codes\""
    );
}

/// A run-together row whose longest known prefix is followed by another segment has a longer,
/// unknown code: it is not split at a shorter known prefix either.
#[test]
fn a_run_together_row_is_split_only_at_its_longest_known_code() {
    let known: HashSet<&str> = ["InvalidParameter", "InvalidParameterValue"].into();
    let row = RawRow {
        text: "InvalidParameterValue.InvalidDomainThe domain is invalid.".into(),
        line: 4,
    };
    assert_eq!(
        split_run_together(Path::new("teo.txt"), &[row], &known)
            .unwrap_err()
            .to_string(),
        "teo.txt:4: cannot split \"InvalidParameterValue.InvalidDomainThe domain is invalid.\" \
         into a code and a description: no code documented by the other pages of this locale starts it"
    );
}

// What the real corpus writes ------------------------------------------------------------------

/// A page of `format` ("md", "html" or "txt") with `heading` and a table of `header` and `rows`.
fn page(format: &str, heading: &str, header: (&str, &str), rows: &[(&str, &str)]) -> String {
    match format {
        "md" => {
            let mut page = format!(
                "# Responses\n\n{heading}\n\n| {} | {} |\n|---|---|\n",
                header.0, header.1
            );
            for (code, description) in rows {
                page.push_str(&format!("| {code} | {description} |\n"));
            }
            page
        }
        "html" => {
            let mut page = format!(
                "<h1>Responses</h1>\n{heading}\n<table>\n<tr><th>{}</th><th>{}</th></tr>\n",
                header.0, header.1
            );
            for (code, description) in rows {
                page.push_str(&format!("<tr><td>{code}</td><td>{description}</td></tr>\n"));
            }
            page + "</table>\n"
        }
        _ => {
            let mut page = format!("Responses\n\n{heading}\n\n{} {}\n", header.0, header.1);
            for (code, description) in rows {
                page.push_str(&format!("{code} {description}\n"));
            }
            page
        }
    }
}

/// The heading markup of `format` around `text`, at level 2.
fn heading(format: &str, text: &str) -> String {
    match format {
        "md" => format!("## {text}"),
        "html" => format!("<h2>{text}</h2>"),
        _ => text.to_owned(),
    }
}

const FORMATS: [&str; 3] = ["md", "html", "txt"];

#[test]
fn headings_as_pages_write_them() {
    // Any case, a number prefix, a trailing colon (ASCII or full-width), in both languages.
    for text in [
        "Common Error Codes",
        "Common error codes",
        "COMMON ERROR CODES",
        "1. Common Error Codes",
        "3.2 Common Error Codes",
        "Common Error Codes:",
        "公共错误码",
        "1、公共错误码",
        "一、公共错误码",
        "公共错误码：",
    ] {
        for format in FORMATS {
            let source = page(
                format,
                &heading(format, text),
                ("Error Code", "Description"),
                &[("InternalError", "Internal error.")],
            );
            let path = PathBuf::from(format!("page.{format}"));
            let table = read_clean((&path, &source));
            assert_eq!(
                table.cells,
                Cells::Separate(rows(&[(
                    "InternalError",
                    "Internal error.",
                    table.header_line.unwrap() + if format == "txt" { 1 } else { 2 }
                )])),
                "{format}: {text}"
            );
        }
    }
    // Bold or code markup inside the heading.
    for text in [
        "**Common** Error Codes",
        "`Common Error Codes`",
        "Common **Error Codes**:",
    ] {
        let source = page(
            "md",
            &heading("md", text),
            ("Error Code", "Description"),
            &[("InternalError", "Internal error.")],
        );
        read_clean((Path::new("page.md"), &source));
    }
    for text in [
        "<strong>Common</strong> Error Codes",
        "<code>Common Error Codes</code>:",
        "<a id=\"c\"></a>1. <b>公共错误码</b>",
    ] {
        let source = page(
            "html",
            &heading("html", text),
            ("Error Code", "Description"),
            &[("InternalError", "Internal error.")],
        );
        read_clean((Path::new("page.html"), &source));
    }
}

#[test]
fn headings_with_markup_numbers_and_colons() {
    assert_eq!(
        read_clean(fixture!("markdown/heading_bold.md")),
        separate(
            5,
            &[
                ("InternalError", "Internal error.", 7),
                ("InvalidAction", "The API does not exist.", 8),
            ]
        )
    );
    assert_eq!(
        read_clean(fixture!("markdown/heading_numbered_code_span.md")),
        separate(
            5,
            &[
                ("InternalError", "Internal error.", 7),
                ("MissingParameter", "A parameter is missing.", 8),
            ]
        )
    );
    assert_eq!(
        read_clean(fixture!("markdown/heading_chinese_numbered.md")),
        separate(
            5,
            &[
                ("InternalError", "内部错误。", 7),
                ("ResourceNotFound", "资源不存在。", 8),
            ]
        )
    );
    // "错误代码 | 错误描述", as docs/pages/tag-responses-zh.md writes it.
    assert_eq!(
        read_clean(fixture!("markdown/heading_dun_cuowu_daima.md")),
        separate(
            5,
            &[
                ("AuthFailure.SignatureExpire", "签名过期。", 7),
                ("InternalError", "内部错误。", 8),
            ]
        )
    );
    // "Code | Meaning" under "<strong>Common</strong> Error Codes:".
    assert_eq!(
        read_clean(fixture!("html/heading_strong_colon.html")),
        separate(
            4,
            &[
                ("InternalError", "Internal error.", 6),
                ("LimitExceeded", "Quota limit exceeded.", 7),
            ]
        )
    );
}

#[test]
fn a_heading_in_a_table_of_contents_is_passed_over() {
    // "### Common Error Codes" in the contents, ended by the next "##" heading; the real one
    // later has a "Code | Meaning" table.
    assert_eq!(
        read_clean(fixture!("markdown/toc_heading_before.md")),
        separate(
            13,
            &[
                ("InternalError", "Internal error.", 15),
                ("UnknownParameter", "Unknown parameter.", 16),
            ]
        )
    );
    // An <aside> with the section titles as headings, before the page's own.
    assert_eq!(
        read_clean(fixture!("html/toc_heading_before.html")),
        separate(9, &[("InternalError", "Internal error.", 12)])
    );
}

#[test]
fn headers_are_recognized_by_meaning() {
    for header in [
        ("Error Code", "Description"),
        ("Error code", "Error description"),
        ("错误码", "说明"),
        ("错误代码", "错误描述"),
        ("错误码", "描述"),
        ("Code", "Meaning"),
        ("Error Code", "Error Message"),
        ("错误码", "含义"),
    ] {
        for format in FORMATS {
            let source = page(
                format,
                &heading(format, "Common Error Codes"),
                header,
                &[("InternalError", "Internal error.")],
            );
            let path = PathBuf::from(format!("page.{format}"));
            let table = read_clean((&path, &source));
            assert_eq!(
                table.cells,
                Cells::Separate(rows(&[(
                    "InternalError",
                    "Internal error.",
                    table.header_line.unwrap() + if format == "txt" { 1 } else { 2 }
                )])),
                "{format}: {header:?}"
            );
        }
    }
}

#[test]
fn the_first_code_table_under_the_heading_is_the_common_table() {
    // A parameter table under the heading comes first, with a row of more cells than its
    // header: not a code table, so its rows are not read (and not an error).
    assert_eq!(
        read_clean(fixture!("markdown/other_table_with_extra_cells.md")),
        separate(7, &[("InternalError", "Internal error.", 9)])
    );
    // A page laid out with tables: the heading and the code tables are inside a layout table's
    // cell; the code table is the one whose header is the code/description header (written as
    // a first row of <td> cells).
    assert_eq!(
        read_clean(fixture!("html/layout_table.html")),
        separate(
            5,
            &[
                ("InternalError", "Internal error.", 7),
                ("InvalidAction", "The API does not exist.", 8),
            ]
        )
    );
    assert_eq!(
        read_product(fixture!("html/layout_table.html")),
        Some(separate(
            11,
            &[("FailedOperation.Busy", "The service is busy.", 13)]
        ))
    );
}

#[test]
fn trap_tables_under_the_heading_are_errors_saying_what_was_found() {
    let numeric = "(a numeric code, as API 2.0 used: this is not the API 3.0 table)";
    let sdk = "(an SDK constant such as AV_ERR_*, not an API 3.0 error code)";
    let pattern = "expected dot-separated segments of ASCII letters and digits (and '_' after the \
                   first), starting with an uppercase letter";
    let cases = [
        (
            fixture!("markdown/api2_numeric_codes.md"),
            format!(
                "fixtures/markdown/api2_numeric_codes.md:5: invalid error code \"4000\" \
                 {numeric}: {pattern}"
            ),
        ),
        (
            fixture!("html/numeric_codes.html"),
            format!(
                "fixtures/html/numeric_codes.html:5: invalid error code \"4000\" {numeric}: \
                 {pattern}"
            ),
        ),
        (
            fixture!("text/api2_numeric_codes.txt"),
            format!(
                "fixtures/text/api2_numeric_codes.txt:4: invalid error code \"4000\" {numeric}: \
                 {pattern}"
            ),
        ),
        (
            fixture!("markdown/sdk_constants.md"),
            format!(
                "fixtures/markdown/sdk_constants.md:5: invalid error code \"AV_ERR_FAILED\" \
                 {sdk}: {pattern}"
            ),
        ),
        (
            fixture!("markdown/object_storage_four_columns.md"),
            "fixtures/markdown/object_storage_four_columns.md:3: the table under \"公共错误码\" \
             has 4 columns (\"错误码 | 描述 | HTTP 状态码 | 解决方案\"): expected 2, an error \
             code and a description"
                .to_owned(),
        ),
    ];
    for (fixture, expected) in cases {
        assert_eq!(read_error(fixture), expected);
    }
}

#[test]
fn a_row_with_more_cells_than_the_header_is_an_error_in_every_reader() {
    let cases = [
        (
            fixture!("markdown/extra_cell.md"),
            "fixtures/markdown/extra_cell.md:6: expected 2 cells (code, description), found 3: \
             \"| InternalError | Internal error | extra |\"",
        ),
        (
            // GitHub and pulldown-cmark split cells at a pipe inside a code span too.
            fixture!("markdown/pipe_in_code_span.md"),
            "fixtures/markdown/pipe_in_code_span.md:5: expected 2 cells (code, description), \
             found 3: \"| InternalError | Internal error in `a|b`. |\"",
        ),
        (
            fixture!("html/three_cell_row.html"),
            "fixtures/html/three_cell_row.html:7: expected 2 cells (code, description), found 3: \
             \"InvalidAction | The API does not exist. | Check the action name.\"",
        ),
    ];
    for (fixture, expected) in cases {
        assert_eq!(read_error(fixture), expected);
    }
    // The same row in an embedded HTML table of a Markdown page.
    let markdown = "## Common Error Codes\n\n<table>\n<tr><th>Error Code</th><th>Description</th></tr>\n\
                    <tr><td>InternalError</td><td>Internal error</td><td>extra</td></tr>\n</table>\n";
    assert_eq!(
        read_error((Path::new("embedded.md"), markdown)),
        "embedded.md:5: expected 2 cells (code, description), found 3: \"InternalError | \
         Internal error | extra\""
    );
}

#[test]
fn link_text_is_kept_and_codes_may_hold_underscores() {
    assert_eq!(
        read_clean(fixture!("markdown/links_and_underscores.md")),
        separate(
            3,
            &[
                (
                    "InternalError.SYS_ERR",
                    "System error, see the error center.",
                    5
                ),
                (
                    "FailedOperation.FailedOperationCode_RunSqlGateway",
                    "Failed to run the SQL gateway.",
                    6
                ),
                (
                    "ResourceNotFound.instance_not_exist",
                    "https://x.example/instances lists the instances.",
                    7
                ),
            ]
        )
    );
    assert_eq!(
        read_clean(fixture!("html/links_and_underscores.html")),
        separate(
            3,
            &[(
                "InternalError.SYS_ERR",
                "System error, see the error center.",
                5
            )]
        )
    );
}

#[test]
fn the_product_table_after_the_common_one() {
    let product = |fixture| {
        let table = read_product(fixture).unwrap();
        let Cells::Separate(rows) = table.cells else {
            unreachable!()
        };
        rows.into_iter()
            .map(|r| (r.code, r.line.unwrap()))
            .collect::<Vec<_>>()
    };
    let own = |rows: &[(&str, usize)]| {
        rows.iter()
            .map(|&(code, line)| (code.to_owned(), line))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        product(fixture!("markdown/h2_dashes.md")),
        own(&[("FailedOperation.CdnConfigError", 24)])
    );
    assert_eq!(
        product(fixture!("markdown/heading_chinese_numbered.md")),
        own(&[("FailedOperation.TagError", 14)])
    );
    assert_eq!(
        product(fixture!("markdown/product_service.md")),
        own(&[
            ("FailedOperation.CdnConfigError", 11),
            ("ResourceNotFound.CdnHostNotExists", 12)
        ])
    );
    assert_eq!(
        product(fixture!("markdown/html_table_later.md")),
        own(&[("ResourceNotFound.DomainNotFound", 12)])
    );
    assert_eq!(
        product(fixture!("html/zh_service_table_after.html")),
        own(&[("FailedOperation.CdnConfigError", 13)])
    );
    assert_eq!(
        product(fixture!("html/page_furniture.html")),
        own(&[("FailedOperation.CdnConfigError", 48)])
    );
    assert_eq!(
        product(fixture!("html/product_application_errors.html")),
        own(&[("FailedOperation.AppStopped", 10)])
    );
    // Every spelling the corpus uses, in both page formats that carry product tables.
    for title in [
        "业务错误码",
        "Business Error Codes",
        "Service Error Codes",
        "Service error codes",
        "Application Error Codes",
        "Application Errors",
    ] {
        for format in ["md", "html"] {
            let mut source = page(
                format,
                &heading(format, "Common Error Codes"),
                ("Error Code", "Description"),
                &[("InternalError", "Internal error.")],
            );
            source.push('\n');
            source.push_str(&page(
                format,
                &heading(format, title),
                ("Error Code", "Description"),
                &[("FailedOperation.Own", "Its own.")],
            ));
            let path = PathBuf::from(format!("page.{format}"));
            let table = read_product((&path, &source)).unwrap_or_else(|| panic!("{title}"));
            let Cells::Separate(rows) = table.cells else {
                unreachable!()
            };
            assert_eq!(rows[0].code, "FailedOperation.Own", "{format}: {title}");
        }
    }
    // A page without one.
    assert_eq!(read_product(fixture!("markdown/heading_bold.md")), None);
}

/// The SDK guides embed the common table in a long page of other sections.
#[test]
fn sdk_guide_pages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown/sdk-guide");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 14);
    for name in names {
        let path = dir.join(&name);
        let text = decode(&path, std::fs::read(&path).unwrap()).unwrap();
        let tables = read_page(&path, &text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(tables.product, None, "{name}");
        let read = check(&path, tables.common, "Common Error Codes").unwrap();
        assert_eq!((read.duplicates, read.warnings), (vec![], vec![]), "{name}");
        let Cells::Separate(rows) = read.table.cells else {
            unreachable!()
        };
        assert_eq!(rows.len(), 26, "{name}");
        assert_eq!(rows[0].code, "AuthFailure.InvalidSecretId", "{name}");
        assert_eq!(rows[25].code, "UnsupportedRegion", "{name}");
    }
}

/// One page of the corpus index: what the page's tables hold, by a reader of the page.
#[derive(serde::Deserialize)]
struct Indexed {
    file: String,
    rows: usize,
    product_table_after: bool,
    heading: String,
    next_heading: Option<String>,
}

fn corpus_index() -> Vec<Indexed> {
    serde_json::from_str(include_str!("fixtures/corpus/index.json")).unwrap()
}

/// Checks the tables read from `path` against its index entry.
fn check_indexed(path: &Path, entry: &Indexed) {
    use tencentcloud_error_codes_build::read::{section_of, Section};
    let text = decode(path, std::fs::read(path).unwrap()).unwrap();
    let tables = read_page(path, &text).unwrap_or_else(|e| panic!("{e}"));
    let Cells::Separate(common) = &tables.common.cells else {
        panic!("{}: cells run together", entry.file)
    };
    assert_eq!(common.len(), entry.rows, "{}", entry.file);
    assert_eq!(
        tables.product.is_some(),
        entry.product_table_after,
        "{}",
        entry.file
    );
    assert_eq!(
        section_of(&entry.heading),
        Some(Section::Common),
        "{}",
        entry.file
    );
    if let Some(next) = &entry.next_heading {
        assert_eq!(section_of(next), Some(Section::Product), "{}", entry.file);
    }
}

#[test]
fn every_vendored_page_reads_as_the_corpus_index_says() {
    // Every page the manifest lists reads, and its rows check.
    let docs = Docs::load(&vendored_docs()).unwrap_or_else(|e| panic!("{e}"));
    let index = corpus_index();
    let mut checked = 0;
    for page in &docs.pages {
        // Pages added after the index was made are left to the other tests.
        let Some(entry) = index
            .iter()
            .find(|e| Some(e.file.as_str()) == page.file.strip_prefix("pages/"))
        else {
            continue;
        };
        check_indexed(&page.path, entry);
        assert_eq!(page.common.len(), entry.rows, "{}", entry.file);
        checked += 1;
    }
    let vendored = index
        .iter()
        .filter(|e| vendored_docs().join("pages").join(&e.file).exists())
        .count();
    assert_eq!(checked, vendored);
    assert!(checked >= 91, "{checked}");
}

#[test]
fn sdk_guide_pages_read_as_the_corpus_index_says() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markdown/sdk-guide");
    let guides: Vec<Indexed> = corpus_index()
        .into_iter()
        .filter(|e| e.file.starts_with("api-guide-"))
        .collect();
    assert_eq!(guides.len(), 14);
    for entry in &guides {
        check_indexed(&dir.join(&entry.file), entry);
    }
}
