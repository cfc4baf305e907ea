//! The readers on the hostile inputs of the hostile-input issue, each at two sizes, `n` and
//! `4n`: linear reading takes about four times as long at `4n`. (`codegen/tests/hostile.rs`
//! asserts the same ratios in every test run; this prints the times in release builds.) Also a
//! page of 200,000 rows in each format.

use std::collections::HashSet;
use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use tencentcloud_error_codes_build::read::{read_page, split_run_together, RawRow};
use tencentcloud_error_codes_build::Manifest;

const HTML_TABLE: &str = "<table><tr><th>Error Code</th><th>Description</th></tr>\
                          <tr><td>InternalError</td><td>Internal error.</td></tr></table>";
const MD_TABLE: &str =
    "| Error Code | Description |\n|---|---|\n| InternalError | Internal error. |\n";

/// A hostile page: its name, its file name (for the format) and the page at size `n`.
type Pattern = (&'static str, &'static str, fn(usize) -> String, usize);

fn nested_divs(n: usize) -> String {
    format!(
        "<h2>Common Error Codes</h2>{}{HTML_TABLE}",
        "<div>".repeat(n)
    )
}

fn nested_quotes(n: usize) -> String {
    format!("## Common Error Codes\n\n{}\n\n{MD_TABLE}", ">".repeat(n))
}

fn nested_headings(n: usize) -> String {
    format!("{}Common Error Codes{HTML_TABLE}", "<h1><div>".repeat(n))
}

fn mentions(n: usize) -> String {
    format!(
        "{}<h2>Common Error Codes</h2>{HTML_TABLE}",
        "<p>common error codes</p>".repeat(n)
    )
}

fn minified_navigation(n: usize) -> String {
    let mut page = String::from("<html><body><nav>");
    for i in 0..n {
        page.push_str(&format!(
            "<li><a href=\"/document/api/{i}#common-error-codes\">Common Error Codes</a>\
             <span class=\"nav-note\">{}</span></li>",
            "x".repeat(560)
        ));
    }
    page + "</nav><h2>Common Error Codes</h2>" + HTML_TABLE + "</body></html>"
}

fn codes_with_markup(n: usize) -> String {
    let mut page = String::from(
        "<h2>Common Error Codes</h2>\n<table>\n<tr><th>Error Code</th><th>Description</th></tr>\n",
    );
    for i in 0..n {
        page.push_str(&format!(
            "<tr><td>F<i></i>amily{i}.Code{i}</td><td>&#70;amily {i}.</td></tr>\n"
        ));
    }
    page + "</table>\n"
}

fn near_header_lines(n: usize) -> String {
    format!(
        "Common Error Codes\n{}",
        "Error Code x Error Description y Error Code z Error Description\n".repeat(n)
    )
}

fn rows(n: usize) -> impl Iterator<Item = (String, String)> {
    (0..n).map(|i| (format!("Family{i}.Code{i}"), format!("Description {i}.")))
}

fn html_rows(n: usize) -> String {
    let mut page = String::from(
        "<h2>Common Error Codes</h2>\n<table>\n<tr><th>Error Code</th><th>Description</th></tr>\n",
    );
    for (code, description) in rows(n) {
        page.push_str(&format!("<tr><td>{code}</td><td>{description}</td></tr>\n"));
    }
    page + "</table>\n"
}

fn markdown_rows(n: usize) -> String {
    let mut page =
        String::from("## Common Error Codes\n\n| Error Code | Description |\n|---|---|\n");
    for (code, description) in rows(n) {
        page.push_str(&format!("| {code} | {description} |\n"));
    }
    page
}

fn text_rows(n: usize) -> String {
    let mut page = String::from("Common Error Codes\nError Code Description\n");
    for (code, description) in rows(n) {
        page.push_str(&format!("{code} {description}\n"));
    }
    page
}

const PATTERNS: [Pattern; 7] = [
    ("html <div>*n", "p.html", nested_divs, 10_000),
    ("markdown >*n", "p.md", nested_quotes, 10_000),
    ("html <h1><div>*n", "p.html", nested_headings, 10_000),
    (
        "html <p>common error codes</p>*n",
        "p.html",
        mentions,
        10_000,
    ),
    (
        "html minified navigation *n",
        "p.html",
        minified_navigation,
        750,
    ),
    (
        "html codes with markup *n rows",
        "p.html",
        codes_with_markup,
        7_500,
    ),
    (
        "text near-header lines *n",
        "p.txt",
        near_header_lines,
        10_000,
    ),
];

fn hostile_pages(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for (name, file, page, n) in PATTERNS {
        for size in [n, 4 * n] {
            let source = page(size);
            group.throughput(Throughput::Bytes(source.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &source, |b, source| {
                b.iter(|| black_box(read_page(Path::new(file), source).is_ok()))
            });
        }
    }
    // A run-together row with a long tail, split with the codes of a normal page.
    let known: HashSet<&str> = ["InternalError", "InvalidParameter", "ResourceNotFound"].into();
    for size in [100_000, 400_000] {
        let raw = [RawRow {
            text: format!("InternalError{}", "x".repeat(size)),
            line: 1,
        }];
        group.bench_with_input(
            BenchmarkId::new("run-together row, tail *n", size),
            &raw,
            |b, raw| b.iter(|| black_box(split_run_together(Path::new("p.txt"), raw, &known))),
        );
    }
    // A manifest of many pages.
    for size in [20_000, 80_000] {
        let mut text = String::from("{\"pages\": [\n");
        for i in 0..size {
            text.push_str(&format!(
                "  {{\"product\": \"p{i}\", \"locale\": \"en\", \"file\": \"pages/p{i}.txt\"}},\n"
            ));
        }
        text.push_str(
            "  {\"product\": \"x\", \"locale\": \"en\", \"file\": \"pages/x.txt\"}\n]}\n",
        );
        group.bench_with_input(
            BenchmarkId::new("manifest entries *n", size),
            &text,
            |b, text| {
                b.iter(|| black_box(Manifest::parse(Path::new("sources.json"), text.as_bytes())))
            },
        );
    }
    group.finish();
}

fn large_pages(c: &mut Criterion) {
    let mut group = c.benchmark_group("rows-200k");
    group.sample_size(10);
    group.throughput(Throughput::Elements(200_000));
    for (name, file, page) in [
        ("html", "p.html", html_rows as fn(usize) -> String),
        ("md", "p.md", markdown_rows),
        ("txt", "p.txt", text_rows),
    ] {
        let source = page(200_000);
        group.bench_function(name, |b| {
            b.iter(|| black_box(read_page(Path::new(file), &source).is_ok()))
        });
    }
    group.finish();
}

criterion_group!(benches, hostile_pages, large_pages);
criterion_main!(benches);
