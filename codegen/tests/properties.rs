//! Properties that find the next hostile input: a table written in each format reads back
//! exactly; any bytes, as a page of any format, the manifest or an Error Center export, give a
//! result or a one-line error naming the file, never a panic; any description survives the doc
//! comment and the string literal it is generated into.
//!
//! The fuzz targets in `codegen/fuzz/` run the same readers for longer where a nightly
//! toolchain exists; these run everywhere, on every `cargo test`.

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::Config;
use pulldown_cmark::{Event, Options, Parser};

use tencentcloud_error_codes_build::emit::escape_doc;
use tencentcloud_error_codes_build::error::is_unsafe;
use tencentcloud_error_codes_build::ident::variant_names;
use tencentcloud_error_codes_build::locale::Locale;
use tencentcloud_error_codes_build::model::{CodeEntry, SourceNote, Text};
use tencentcloud_error_codes_build::read::error_center::read_export;
use tencentcloud_error_codes_build::read::{check_rows, decode, normalize, read_page, Cells};
use tencentcloud_error_codes_build::{generate, Layout, Manifest, Model};

fn config(cases: u32) -> Config {
    Config {
        cases,
        // Failures are reported with their input; no files are written next to the tests.
        failure_persistence: None,
        ..Config::default()
    }
}

// Strategies ------------------------------------------------------------------------------------

/// A well-formed code: `Family`, `Family.Reason`, `Family.SUB_REASON.x1`.
fn code() -> impl Strategy<Value = String> {
    "[A-Z][A-Za-z0-9]{0,8}(\\.[A-Za-z0-9_]{1,8}){0,2}"
}

/// A character of a description: mostly the ones Markdown and HTML give meaning to, then any
/// character at all.
fn description_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(
            "|*_`[]()<>&#!\\\"'-.:;~=+$^{}/ aZ9中文".chars().collect::<Vec<_>>()
        ),
        1 => any::<char>(),
    ]
}

/// Text as a reader gives it: whitespace collapsed and trimmed.
fn normalized_text() -> impl Strategy<Value = String> {
    prop::collection::vec(description_char(), 0..40)
        .prop_map(|chars| normalize(&chars.into_iter().collect::<String>()))
}

/// A description a page can hold: normalized, without control characters (HTML and Markdown
/// parsers replace NUL, and a line break ends a text row).
fn description() -> impl Strategy<Value = String> {
    prop::collection::vec(description_char(), 0..40).prop_map(|chars| {
        normalize(
            &chars
                .into_iter()
                .filter(|c| !c.is_control())
                .collect::<String>(),
        )
    })
}

/// A table: distinct codes, each with a description.
fn table() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::btree_map(code(), description(), 1..12)
        .prop_map(|rows| rows.into_iter().collect())
}

// Writers ---------------------------------------------------------------------------------------

fn write_html(rows: &[(String, String)]) -> String {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut page = String::from(
        "<html><body>\n<h2>Common Error Codes</h2>\n<table>\n\
         <tr><th>Error Code</th><th>Description</th></tr>\n",
    );
    for (code, description) in rows {
        page.push_str(&format!(
            "<tr><td>{}</td><td>{}</td></tr>\n",
            escape(code),
            escape(description)
        ));
    }
    page + "</table>\n</body></html>\n"
}

fn write_markdown(rows: &[(String, String)]) -> String {
    // Every ASCII punctuation character can be escaped with a backslash.
    let escape = |text: &str| {
        let mut out = String::with_capacity(text.len() * 2);
        for c in text.chars() {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
        out
    };
    let mut page =
        String::from("## Common Error Codes\n\n| Error Code | Description |\n|---|---|\n");
    for (code, description) in rows {
        page.push_str(&format!("| {} | {} |\n", escape(code), escape(description)));
    }
    page
}

fn write_text(rows: &[(String, String)]) -> String {
    let mut page = String::from("Common Error Codes\n\nError Code Description\n");
    for (code, description) in rows {
        page.push_str(&format!("{code} {description}\n"));
    }
    page
}

// Round trips -----------------------------------------------------------------------------------

/// Reads `source` as `file` and checks its rows: the rows as (code, description, line).
fn read_back(file: &str, source: &str) -> Vec<(String, String, usize)> {
    let path = Path::new(file);
    let tables = read_page(path, source).unwrap_or_else(|e| panic!("{e}\n{source}"));
    let Cells::Separate(rows) = tables.common.cells else {
        panic!("{file}: cells run together")
    };
    let checked = check_rows(path, rows, tables.common.header_line, "Common Error Codes")
        .unwrap_or_else(|e| panic!("{e}\n{source}"));
    assert!(checked.duplicates.is_empty());
    checked
        .rows
        .into_iter()
        .map(|r| (r.code, r.description, r.line.unwrap()))
        .collect()
}

/// The rows as written, at their lines: the first at `first_line`, one a line.
fn expected(rows: &[(String, String)], first_line: usize) -> Vec<(String, String, usize)> {
    rows.iter()
        .enumerate()
        .map(|(i, (code, description))| (code.clone(), description.clone(), first_line + i))
        .collect()
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn html_tables_read_back(rows in table()) {
        prop_assert_eq!(read_back("p.html", &write_html(&rows)), expected(&rows, 5));
    }

    #[test]
    fn markdown_tables_read_back(rows in table()) {
        prop_assert_eq!(read_back("p.md", &write_markdown(&rows)), expected(&rows, 5));
    }

    #[test]
    fn text_tables_read_back(rows in table()) {
        prop_assert_eq!(read_back("p.txt", &write_text(&rows)), expected(&rows, 4));
    }
}

// Any input -------------------------------------------------------------------------------------

/// Checks that an error displays on one line, naming `file` first.
fn one_line_naming(file: &str, message: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        message.starts_with(&format!("{file}:")),
        "does not name {}: {}",
        file,
        message
    );
    prop_assert!(
        !message.chars().any(|c| c == '\n' || is_unsafe(c)),
        "not one line: {:?}",
        message
    );
    Ok(())
}

/// Reads `bytes` as a page `file`: a result, or a one-line error naming the file.
fn read_any(file: &str, bytes: Vec<u8>) -> Result<(), TestCaseError> {
    let path = Path::new(file);
    let result = decode(path, bytes).and_then(|text| {
        let tables = read_page(path, &text)?;
        if let Cells::Separate(rows) = tables.common.cells {
            check_rows(path, rows, tables.common.header_line, "Common Error Codes")?;
        }
        Ok(())
    });
    match result {
        Ok(()) => Ok(()),
        Err(e) => one_line_naming(file, &e.to_string()),
    }
}

/// Bytes made of the pieces each format's syntax is built from, and of anything.
fn page_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "<h2>",
        "</h2>",
        "<h3>",
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td>",
        "</td>",
        "<th>",
        "<thead>",
        "<div>",
        "</div>",
        "<svg>",
        "<style>",
        "<script>",
        "<!--",
        "-->",
        "<br>",
        "&#x202e;",
        "&amp;",
        "&#0;",
        "## ",
        "# ",
        "> ",
        "- ",
        "1. ",
        "| ",
        " |",
        "|---|---|",
        "`",
        "\\",
        "\n",
        "\r",
        "\r\n",
        "\u{a0}",
        " ",
        "\t",
        "Common Error Codes",
        "公共错误码",
        "Business Error Codes",
        "Error Code",
        "Description",
        "Error Code Description",
        "错误码",
        "说明",
        "InternalError",
        "InternalError.SYS_ERR",
        "4000",
        "AV_ERR_X",
        "Internal error.",
        "\u{202e}",
        "\u{1b}",
        "\u{0}",
        "\u{feff}",
    ]);
    prop::collection::vec(
        prop_oneof![
            4 => pieces.prop_map(|p: &str| p.as_bytes().to_vec()),
            1 => prop::collection::vec(any::<u8>(), 0..8),
        ],
        0..120,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_bytes_read_or_fail_on_one_line(bytes in page_bytes()) {
        for file in ["p.html", "p.md", "p.txt"] {
            read_any(file, bytes.clone())?;
        }
    }

    #[test]
    fn random_bytes_read_or_fail_on_one_line(
        bytes in prop::collection::vec(any::<u8>(), 0..400)
    ) {
        for file in ["p.html", "p.md", "p.txt"] {
            read_any(file, bytes.clone())?;
        }
    }

    #[test]
    fn any_manifest_loads_or_fails_on_one_line(
        bytes in prop_oneof![manifest_bytes(), manifest_json()]
    ) {
        let path = Path::new("sources.json");
        match Manifest::parse(path, &bytes) {
            // What loads writes back as JSON that loads as the same manifest.
            Ok(manifest) => prop_assert_eq!(
                Manifest::parse(path, manifest.to_json().as_bytes()).unwrap(),
                manifest
            ),
            Err(e) => one_line_naming("sources.json", &e.to_string())?,
        }
    }

    #[test]
    fn any_export_reads_or_fails_on_one_line(bytes in export_bytes()) {
        let path = Path::new("export.json");
        let result = decode(path, bytes).and_then(|text| read_export(path, &text));
        match result {
            Ok(export) => {
                for warning in export.warnings {
                    one_line_naming("export.json", &warning.to_string())?;
                }
            }
            Err(e) => one_line_naming("export.json", &e.to_string())?,
        }
    }
}

/// A manifest well-formed as JSON, with pages and acceptances whose texts are anything.
fn manifest_json() -> impl Strategy<Value = Vec<u8>> {
    let text = || prop::collection::vec(description_char(), 0..12).prop_map(String::from_iter);
    let page = (
        "[a-z][a-z0-9_-]{0,6}",
        prop::sample::select(vec!["en", "zh"]),
        "(\\./)?pages/[a-z]{1,4}\\.(md|txt|html)",
        prop::option::of(text()),
        prop::option::of(prop::sample::select(vec![
            "2019-07-25",
            "2025-12-24 10:38:44",
            "x",
        ])),
    )
        .prop_map(|(product, locale, file, name, updated)| {
            let mut page = serde_json::json!({"product": product, "locale": locale, "file": file});
            if let Some(name) = name {
                page["name"] = name.into();
            }
            if let Some(updated) = updated {
                page["updated"] = updated.into();
            }
            page
        });
    let accept = (prop::option::of(text()), prop::option::of(text()), text()).prop_map(
        |(product, code, reason)| {
            let mut entry = serde_json::json!({"reason": reason});
            if let Some(product) = product {
                entry["product"] = product.into();
            }
            if let Some(code) = code {
                entry["code"] = code.into();
            }
            entry
        },
    );
    (
        prop::collection::vec(page, 0..4),
        prop::collection::vec(accept, 0..3),
    )
        .prop_map(|(pages, accept)| {
            serde_json::to_vec_pretty(&serde_json::json!({"pages": pages, "accept": accept}))
                .unwrap()
        })
}

/// JSON-ish bytes made of a manifest's keys and values, and of anything.
fn manifest_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\"pages\"",
        "\"accept\"",
        "\"pin\"",
        "\"error_center\"",
        "\"file\"",
        "\"product\"",
        "\"locale\"",
        "\"en\"",
        "\"zh\"",
        "\"reason\"",
        "\"code\"",
        "\"kind\"",
        "\"cosmetic\"",
        "\"updated\"",
        "\"2019-07-25\"",
        "\"pages/a.txt\"",
        "\"../a.txt\"",
        "\"./pages/a.txt\"",
        "\"cdn\"",
        "\"X\\nerror: y\"",
        "\"\\u202e\"",
        "\"\\u001b[2J\"",
        "\n",
        " ",
        "\u{feff}",
        "null",
        "1",
    ]);
    prop::collection::vec(
        prop_oneof![
            6 => pieces.prop_map(|p: &str| p.as_bytes().to_vec()),
            1 => prop::collection::vec(any::<u8>(), 0..4),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

/// JSON-ish bytes made of an export's keys and values.
fn export_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop::sample::select(vec![
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\"productName\"",
        "\"productVersion\"",
        "\"code\"",
        "\"description\"",
        "\"solution\"",
        "\"productCNName\"",
        "\"cvm\"",
        "\"PLATFORM\"",
        "\"InternalError\"",
        "\"InternalError.\"",
        "\"<b>x</b> [a](b) &amp;\"",
        "\"\\u202e\"",
        "\"None\"",
        "null",
        "\n",
        " ",
        "\"c v m\"",
    ]);
    prop::collection::vec(
        prop_oneof![
            8 => pieces.prop_map(|p: &str| p.as_bytes().to_vec()),
            1 => prop::collection::vec(any::<u8>(), 0..4),
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

// Generated text --------------------------------------------------------------------------------

/// The text rustdoc shows for one paragraph of Markdown, with the options rustdoc renders with
/// (smart punctuation among them).
fn rendered(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::Html(t) | Event::InlineHtml(t) => text.push_str(&format!("<html {t:?}>")),
            Event::Start(tag) => {
                if !matches!(tag, pulldown_cmark::Tag::Paragraph) {
                    text.push_str(&format!("<{tag:?}>"));
                }
            }
            Event::End(tag) => {
                if !matches!(tag, pulldown_cmark::TagEnd::Paragraph) {
                    text.push_str(&format!("</{tag:?}>"));
                }
            }
            other => text.push_str(&format!("<{other:?}>")),
        }
    }
    text
}

/// `text` with every unsafe character as the `\u{..}` escape the docs show for it.
fn shown(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_unsafe(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn doc_text_is_one_safe_line(text in prop::collection::vec(description_char(), 0..60)) {
        let text: String = text.into_iter().collect();
        let escaped = escape_doc(&text);
        prop_assert!(!escaped.chars().any(is_unsafe), "{:?}", escaped);
    }

    #[test]
    fn docs_show_descriptions_as_written(text in normalized_text()) {
        prop_assume!(!text.is_empty());
        let escaped = escape_doc(&text);
        prop_assert_eq!(rendered(&escaped), shown(&text), "escaped as {:?}", escaped);
    }

    #[test]
    fn string_literals_keep_descriptions(text in prop::collection::vec(description_char(), 0..60)) {
        let text: String = text.into_iter().collect();
        let literal = proc_macro2::Literal::string(&text).to_string();
        prop_assert!(!literal.chars().any(is_unsafe), "{:?}", literal);
        let parsed: syn::LitStr = syn::parse_str(&literal).unwrap();
        prop_assert_eq!(parsed.value(), text);
    }
}

/// A model of the common codes `rows` (code, English text).
fn model(rows: &[(String, String)]) -> Model {
    let codes: Vec<&str> = rows.iter().map(|(code, _)| code.as_str()).collect();
    let names = variant_names(&codes).unwrap();
    let common = rows
        .iter()
        .zip(names)
        .map(|((code, text), variant)| CodeEntry {
            code: code.clone(),
            variant,
            texts: [
                Some(Text {
                    text: text.clone(),
                    from: "pages/a.md".to_owned(),
                }),
                None,
            ],
            solution: Some(text.clone()),
            products: vec!["cdn".to_owned()],
        })
        .collect();
    Model {
        sources: vec![SourceNote {
            product: Some("cdn".to_owned()),
            locale: Locale::En,
            file: "pages/a.md".to_owned(),
            updated: None,
        }],
        common,
        common_products: vec!["cdn".to_owned()],
        products: Vec::new(),
    }
}

/// The string values of the array `static NAME` of a generated file, flattened.
fn static_strings(file: &syn::File, name: &str) -> Vec<String> {
    fn strings(expr: &syn::Expr, out: &mut Vec<String>) {
        match expr {
            syn::Expr::Array(array) => array.elems.iter().for_each(|e| strings(e, out)),
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => out.push(s.value()),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for item in &file.items {
        if let syn::Item::Static(item) = item {
            if item.ident == name {
                strings(&item.expr, &mut out);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn generated_code_keeps_descriptions_byte_for_byte(
        rows in prop::collection::btree_map(
            code(),
            prop::collection::vec(description_char(), 0..40)
                .prop_map(|chars| chars.into_iter().collect::<String>()),
            1..4,
        )
    ) {
        let rows: Vec<(String, String)> = rows.into_iter().collect();
        let files = generate(&model(&rows), Layout::Src);
        let common = files.iter().find(|f| f.path == "common.rs").unwrap();
        prop_assert!(
            !common.contents.chars().any(|c| c != '\n' && is_unsafe(c)),
            "{}",
            common.contents
        );
        let parsed = syn::parse_file(&common.contents).unwrap();
        let texts: Vec<String> = rows
            .iter()
            .flat_map(|(_, text)| [text.clone(), String::new()])
            .collect();
        prop_assert_eq!(static_strings(&parsed, "TEXTS"), texts);
        let solutions: Vec<String> = rows.iter().map(|(_, text)| text.clone()).collect();
        prop_assert_eq!(static_strings(&parsed, "SOLUTIONS"), solutions);
    }
}
