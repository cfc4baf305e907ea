//! Hostile input, case by case: reads outside the docs directory, input that took time growing
//! faster than its size, output rustc or a terminal would misread, and messages that could span
//! lines or grow without bound. Every case is exact: the error as it displays, or the rows.
//!
//! The scaling tests read each input at two sizes, `n` and `4n`, in one run and fail when the
//! larger took more than eight times as long (linear work takes about four times, quadratic
//! sixteen). They compare, rather than hold a wall-clock limit, so that they mean the same in
//! a debug build on a busy machine; each time is the best of three, and each of the three
//! repeats the run enough times to be measurable.

mod support;

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use support::DocsDir;
use tencentcloud_error_codes_build::files::{read_confined, MAX_SOURCE_BYTES};
use tencentcloud_error_codes_build::read::{read_page, split_run_together, Cells, RawRow, Row};
use tencentcloud_error_codes_build::{
    generate_from_dir, Catalog, Docs, Error, Layout, Manifest, Model,
};

// Scaling ---------------------------------------------------------------------------------------

/// The scaling tests run one at a time, so that they do not time each other.
static TIMING: Mutex<()> = Mutex::new(());

/// Runs `run` on `make(n)` and `make(4 * n)` and fails if the larger input took more than eight
/// times as long.
fn assert_linear<T>(name: &str, n: usize, make: impl Fn(usize) -> T, run: impl Fn(&T)) {
    let _one_at_a_time = TIMING.lock().unwrap_or_else(|e| e.into_inner());
    let (small, large) = (make(n), make(4 * n));
    // Enough repetitions for the small input to take 20 ms, the same for the large one.
    let start = Instant::now();
    let mut reps = 0u32;
    while start.elapsed() < Duration::from_millis(20) {
        run(&small);
        reps += 1;
    }
    let time = |input: &T| {
        let start = Instant::now();
        for _ in 0..reps {
            run(input);
        }
        start.elapsed()
    };
    // Alternating, so that a slow moment of the machine hits both sizes alike.
    let (mut best_small, mut best_large) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        best_small = best_small.min(time(&small));
        best_large = best_large.min(time(&large));
    }
    let ratio = best_large.as_secs_f64() / best_small.as_secs_f64();
    let per_run = |d: Duration| d / reps;
    eprintln!(
        "{name}: n = {n}: {:.1?}, 4n: {:.1?} ({ratio:.1}x)",
        per_run(best_small),
        per_run(best_large)
    );
    assert!(
        ratio < 8.0,
        "{name}: 4 times the input took {ratio:.1} times as long ({:?} at n = {n}, {:?} at 4n)",
        per_run(best_small),
        per_run(best_large)
    );
}

/// Reads `source` as the page `file`, for timing: the result is checked elsewhere.
fn read(file: &str, source: &str) {
    std::hint::black_box(read_page(Path::new(file), source).map(|_| ()).ok());
}

/// The error of reading `source` as `file`.
fn read_error(file: &str, source: &str) -> String {
    match read_page(Path::new(file), source) {
        Ok(tables) => panic!("{file} read: {tables:?}"),
        Err(e) => e.to_string(),
    }
}

/// The common table's rows of `source` read as `file`.
fn common_rows(file: &str, source: &str) -> Vec<Row> {
    let tables = read_page(Path::new(file), source).unwrap_or_else(|e| panic!("{e}"));
    match tables.common.cells {
        Cells::Separate(rows) => rows,
        Cells::RunTogether(raw) => panic!("{file}: run together: {raw:?}"),
    }
}

fn row(code: &str, description: &str, line: usize) -> Row {
    Row {
        code: code.to_owned(),
        description: description.to_owned(),
        line: Some(line),
    }
}

const HTML_TABLE: &str = "<table><tr><th>Error Code</th><th>Description</th></tr>\
                          <tr><td>InternalError</td><td>Internal error.</td></tr></table>";
const MD_TABLE: &str =
    "| Error Code | Description |\n|---|---|\n| InternalError | Internal error. |\n";
const TOO_DEEP: &str = "elements nest deeper than 200 levels; a documentation page does not, and \
                        reading it would take time that grows with the square of its size";

#[test]
fn deeply_nested_html_is_refused_in_linear_time() {
    // 5.1 s at N = 10k, still running at 120 s for N = 100k.
    let page = |n: usize| {
        format!(
            "<h2>Common Error Codes</h2>{}{HTML_TABLE}",
            "<div>".repeat(n)
        )
    };
    assert_eq!(
        read_error("p.html", &page(10_000)),
        format!("p.html:1: {TOO_DEEP}")
    );
    assert_linear("html <div>*n", 10_000, page, |s| read("p.html", s));
    // A page nested just within the bound reads.
    let within = format!(
        "<h2>Common Error Codes</h2>{}{HTML_TABLE}{}",
        "<div>".repeat(190),
        "</div>".repeat(190)
    );
    assert_eq!(
        common_rows("p.html", &within),
        [row("InternalError", "Internal error.", 1)]
    );
}

#[test]
fn nesting_the_depth_bound_once_missed_is_refused() {
    // `<div/>` opens a div in HTML (the slash is ignored), and `<style>` inside SVG holds
    // elements, not raw text: both nest as deep as plain tags.
    for (name, page) in [
        (
            "<div/>",
            format!(
                "<h2>Common Error Codes</h2>{}{HTML_TABLE}",
                "<div/>".repeat(300)
            ),
        ),
        (
            "<svg><style>",
            format!(
                "<h2>Common Error Codes</h2>{HTML_TABLE}\n<svg><style>{}</style></svg>",
                "<g>".repeat(300)
            ),
        ),
        (
            "<svg><title>",
            format!(
                "<h2>Common Error Codes</h2>{HTML_TABLE}\n<svg><title>{}</title></svg>",
                "<div>".repeat(300)
            ),
        ),
    ] {
        let line = if name == "<div/>" { 1 } else { 2 };
        assert_eq!(
            read_error("p.html", &page),
            format!("p.html:{line}: {TOO_DEEP}"),
            "{name}"
        );
    }
    // Self-closing SVG elements, and HTML's raw-text elements outside SVG, do not nest.
    let icons = format!(
        "<h2>Common Error Codes</h2>{}{}<script>{}</script>{HTML_TABLE}",
        "<svg/>".repeat(300),
        "<svg><path/></svg>".repeat(300),
        "'<div>'".repeat(300)
    );
    assert_eq!(
        common_rows("p.html", &icons),
        [row("InternalError", "Internal error.", 1)]
    );
}

#[test]
fn deeply_nested_markdown_reads_in_linear_time() {
    // 5.8 s at 10 KB. The table on the quote's line is inside N block quotes, and its
    // delimiter row outside them: no table.
    let same_line = |n: usize| format!("## Common Error Codes\n\n{}{MD_TABLE}", ">".repeat(n));
    assert_eq!(
        read_error("p.md", &same_line(10_000)),
        "p.md:1: no table follows the \"Common Error Codes\" heading"
    );
    assert_linear("markdown >*n", 10_000, same_line, |s| read("p.md", s));
    let own_line = |n: usize| format!("## Common Error Codes\n\n{}\n\n{MD_TABLE}", ">".repeat(n));
    assert_eq!(
        common_rows("p.md", &own_line(10_000)),
        [row("InternalError", "Internal error.", 7)]
    );
    assert_linear("markdown >*n, then a table", 10_000, own_line, |s| {
        read("p.md", s)
    });
}

#[test]
fn nested_headings_are_refused_in_linear_time() {
    // 71 s at N = 10k: the heading text was computed again for every nested heading.
    let page = |n: usize| format!("{}Common Error Codes{HTML_TABLE}", "<h1><div>".repeat(n));
    assert_eq!(
        read_error("p.html", &page(10_000)),
        format!("p.html:1: {TOO_DEEP}")
    );
    assert_linear("html <h1><div>*n", 10_000, page, |s| read("p.html", s));
    // Within the depth bound, the outermost heading is the section; its text is read once.
    let within = format!(
        "{}Common Error Codes{}{HTML_TABLE}",
        "<h1><div>".repeat(90),
        "</div></h1>".repeat(90)
    );
    assert_eq!(
        common_rows("p.html", &within),
        [row("InternalError", "Internal error.", 1)]
    );
}

#[test]
fn many_mentions_of_the_heading_text_read_in_linear_time() {
    // 6.3 s at 10k, over 60 s at 100k (release).
    let html = |n: usize| {
        format!(
            "{}<h2>Common Error Codes</h2>{HTML_TABLE}",
            "<p>common error codes</p>".repeat(n)
        )
    };
    assert_eq!(
        common_rows("p.html", &html(2_500)),
        [row("InternalError", "Internal error.", 1)]
    );
    assert_linear("html <p>common error codes</p>*n", 2_500, html, |s| {
        read("p.html", s)
    });
}

#[test]
fn a_minified_page_of_navigation_links_named_for_the_section_reads_in_linear_time() {
    // A minified page (one line) with navigation links named for the section: 9.6 s for 2 MB
    // with 3,000 links.
    let minified = |n: usize| {
        let mut page = String::from("<html><body><nav>");
        for i in 0..n {
            page.push_str(&format!(
                "<li><a href=\"/document/api/{i}#common-error-codes\">Common Error Codes</a>\
                 <span class=\"nav-note\">{}</span></li>",
                "x".repeat(560)
            ));
        }
        page + "</nav><h2>Common Error Codes</h2>" + HTML_TABLE + "</body></html>"
    };
    assert_eq!(
        common_rows("p.html", &minified(300)),
        [row("InternalError", "Internal error.", 1)]
    );
    assert_linear("html minified navigation *n", 300, minified, |s| {
        read("p.html", s)
    });
}

#[test]
fn many_headings_that_say_it_read_in_linear_time() {
    // Headings that say it, each with nothing under it (a contents list of headings).
    let headings = |n: usize| {
        format!(
            "{}<h2>Common Error Codes</h2>{HTML_TABLE}",
            "<h3>Common Error Codes</h3>".repeat(n)
        )
    };
    assert_eq!(
        common_rows("p.html", &headings(2_000)),
        [row("InternalError", "Internal error.", 1)]
    );
    assert_linear("html <h3>Common Error Codes</h3>*n", 2_000, headings, |s| {
        read("p.html", s)
    });
}

#[test]
fn many_mentions_in_markdown_and_text_read_in_linear_time() {
    let markdown = |n: usize| {
        format!(
            "{}## Common Error Codes\n\n{MD_TABLE}",
            "common error codes\n\n### Common Error Codes\n\n".repeat(n)
        )
    };
    assert_eq!(
        common_rows("p.md", &markdown(2_000)),
        [row("InternalError", "Internal error.", 8_005)]
    );
    assert_linear("markdown mentions *n", 2_000, markdown, |s| read("p.md", s));
    let text = |n: usize| {
        format!(
            "{}Common Error Codes\nError Code Description\nInternalError Internal error.\n",
            "Common Error Codes\ncommon error codes are listed below\n".repeat(n)
        )
    };
    assert_eq!(
        common_rows("p.txt", &text(2_000)),
        [row("InternalError", "Internal error.", 4_003)]
    );
    assert_linear("text mentions *n", 2_000, text, |s| read("p.txt", s));
}

#[test]
fn codes_written_with_markup_or_entities_read_in_linear_time_at_their_lines() {
    // Each rescanned the rest of the page: 54 s at 30k rows, and the line reported was 0.
    let page = |n: usize| {
        let mut page = String::from(
            "<h2>Common Error Codes</h2>\n<table>\n<tr><th>Error Code</th><th>Description</th></tr>\n",
        );
        for i in 0..n {
            if i % 2 == 0 {
                page.push_str(&format!(
                    "<tr><td>F<i></i>amily{i}.Code{i}</td><td>Text {i}.</td></tr>\n"
                ));
            } else {
                page.push_str(&format!(
                    "<tr><td>&#70;amily{i}.Code{i}</td><td>Text {i}.</td></tr>\n"
                ));
            }
        }
        page + "</table>\n"
    };
    let rows = common_rows("p.html", &page(1_500));
    assert_eq!(rows.len(), 1_500);
    assert_eq!(rows[0], row("Family0.Code0", "Text 0.", 4));
    assert_eq!(rows[1_499], row("Family1499.Code1499", "Text 1499.", 1_503));
    assert_linear("html rows of codes with markup *n", 1_500, page, |s| {
        read("p.html", s)
    });
}

#[test]
fn a_long_run_together_row_splits_in_linear_time() {
    // 20.8 s at N = 100k, from hashing every prefix of the row.
    let known: HashSet<&str> = support::CURRENT.iter().map(|(code, _)| *code).collect();
    let rows = |n: usize| {
        vec![RawRow {
            text: format!("InternalError{}", "x".repeat(n)),
            line: 7,
        }]
    };
    // The longest known code that starts the row is its code, whatever follows (but a
    // segment: see the readers' tests).
    assert_eq!(
        split_run_together(Path::new("teo.txt"), &rows(10), &known).unwrap(),
        [row("InternalError", "xxxxxxxxxx", 7)]
    );
    let row_with_text = |n: usize| {
        vec![RawRow {
            text: format!("InternalError{}", " x".repeat(n)),
            line: 7,
        }]
    };
    let split = split_run_together(Path::new("teo.txt"), &row_with_text(3), &known).unwrap();
    assert_eq!(split, [row("InternalError", "x x x", 7)]);
    assert_linear("run-together row, tail *n", 100_000, rows, |rows| {
        let _ = std::hint::black_box(split_run_together(Path::new("teo.txt"), rows, &known));
    });
    // The known codes may be long too: a code of n characters, and a row that runs on past it.
    let long_code = |n: usize| format!("A{}", "b".repeat(n));
    assert_linear(
        "run-together row, known code of n characters",
        25_000,
        |n| (long_code(n), format!("{}c", long_code(n))),
        |(code, text)| {
            let known: HashSet<&str> = [code.as_str()].into();
            let raw = [RawRow {
                text: text.clone(),
                line: 1,
            }];
            let _ = std::hint::black_box(split_run_together(Path::new("teo.txt"), &raw, &known));
        },
    );
}

#[test]
fn lines_that_almost_head_a_text_table_read_in_linear_time() {
    // Every line after the heading is asked whether it is the header line.
    let page = |n: usize| {
        format!(
            "Common Error Codes\n{}",
            "Error Code x Error Description y Error Code z Error Description\n".repeat(n)
        )
    };
    assert_eq!(
        read_error("p.txt", &page(2_000)),
        "p.txt:1: expected a header line \"Error Code Description\" after \"Common Error Codes\""
    );
    assert_linear("text near-header lines *n", 2_000, page, |s| {
        read("p.txt", s)
    });
}

#[test]
fn misnested_formatting_and_nested_code_tables_read_in_linear_time() {
    let misnested = |n: usize| {
        format!(
            "<h2>Common Error Codes</h2>{HTML_TABLE}{}",
            "<b><i></b></i>".repeat(n)
        )
    };
    assert_eq!(
        common_rows("p.html", &misnested(10)),
        [row("InternalError", "Internal error.", 1)]
    );
    assert_linear("html <b><i></b></i>*n", 1_000, misnested, |s| {
        read("p.html", s)
    });
    // Code tables nested in each other's description cells, around a long text: the cells are
    // read once, not once per level.
    let nested = |n: usize| {
        format!(
            "<h2>Common Error Codes</h2>{}{}",
            "<table><tr><th>Error Code</th><th>Description</th></tr><tr><td>InternalError</td><td>"
                .repeat(60),
            "x ".repeat(n)
        )
    };
    let rows = common_rows("p.html", &nested(3));
    assert_eq!(rows.len(), 1);
    assert!(rows[0].description.ends_with("InternalError x x x"));
    assert_linear("html nested code tables, text *n", 20_000, nested, |s| {
        read("p.html", s)
    });
}

/// `n` rows of distinct codes.
fn many_rows(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| (format!("Family{i}.Code{i}"), format!("Description {i}.")))
        .collect()
}

#[test]
fn a_large_html_page_reads_in_linear_time() {
    let html = |n: usize| {
        let mut page = String::from(
            "<h2>Common Error Codes</h2>\n<table>\n<tr><th>Error Code</th><th>Description</th></tr>\n",
        );
        for (code, description) in many_rows(n) {
            page.push_str(&format!("<tr><td>{code}</td><td>{description}</td></tr>\n"));
        }
        page + "</table>\n"
    };
    assert_eq!(common_rows("p.html", &html(2_000)).len(), 2_000);
    assert_linear("html rows *n", 1_000, html, |s| read("p.html", s));
}

#[test]
fn large_markdown_and_text_pages_read_in_linear_time() {
    let markdown = |n: usize| {
        let mut page =
            String::from("## Common Error Codes\n\n| Error Code | Description |\n|---|---|\n");
        for (code, description) in many_rows(n) {
            page.push_str(&format!("| {code} | {description} |\n"));
        }
        page
    };
    let text = |n: usize| {
        let mut page = String::from("Common Error Codes\nError Code Description\n");
        for (code, description) in many_rows(n) {
            page.push_str(&format!("{code} {description}\n"));
        }
        page
    };
    assert_eq!(common_rows("p.md", &markdown(2_000)).len(), 2_000);
    assert_eq!(common_rows("p.txt", &text(2_000)).len(), 2_000);
    assert_linear("markdown rows *n", 4_000, markdown, |s| read("p.md", s));
    assert_linear("text rows *n", 4_000, text, |s| read("p.txt", s));
}

#[test]
fn a_manifest_of_many_entries_reads_in_linear_time() {
    // Each entry's line was counted from the start of the file: 125 s for 20,000 pages.
    let manifest = |n: usize| {
        let mut text = String::from("{\"pages\": [\n");
        for i in 0..n {
            text.push_str(&format!(
                "  {{\"product\": \"p{i}\", \"locale\": \"en\", \"file\": \"pages/p{i}.txt\"}},\n"
            ));
        }
        text + "  {\"product\": \"x\", \"locale\": \"en\", \"file\": \"pages/x.txt\"}\n]}\n"
    };
    let bad = manifest(1_000).replace("\"pages/x.txt\"", "\"pages/p7.txt\"");
    assert_eq!(
        Manifest::parse(Path::new("sources.json"), bad.as_bytes())
            .unwrap_err()
            .to_string(),
        "sources.json:1002: invalid manifest: pages[1000] (\"pages/p7.txt\") lists the same file \
         as pages[7] (\"pages/p7.txt\") (line 9): pages/p7.txt"
    );
    assert_linear("manifest entries *n", 1_000, manifest, |text| {
        let _ = std::hint::black_box(Manifest::parse(Path::new("sources.json"), text.as_bytes()));
    });
}

// Reads outside the docs directory --------------------------------------------------------------

/// The error of loading `docs`, with its directory shown as `DOCS`.
fn load_error(docs: &DocsDir) -> String {
    match Docs::load(docs.path()) {
        Ok(loaded) => panic!("loaded: {:?}", loaded.pages),
        Err(e) => docs.relative(&e.to_string()),
    }
}

fn page_entry(file: &str) -> String {
    format!(r#"{{"pages": [{{"product": "cdn", "locale": "en", "file": "{file}"}}]}}"#)
}

#[test]
fn a_path_that_leaves_the_docs_directory_is_refused() {
    let docs = DocsDir::new();
    let outside = docs.path().join("../outside-secret.txt");
    std::fs::write(&outside, support::text_page(&[("Secret.Code", "secret")])).unwrap();
    for file in ["../outside-secret.txt", "pages/../../outside-secret.txt"] {
        docs.write("sources.json", page_entry(file));
        assert_eq!(
            load_error(&docs),
            format!(
                "DOCS/sources.json:1: invalid manifest: pages[0] (\"{file}\"): file \"{file}\" \
                 leaves the docs directory ('..')"
            )
        );
    }
    docs.write("sources.json", page_entry("/etc/passwd"));
    assert_eq!(
        load_error(&docs),
        "DOCS/sources.json:1: invalid manifest: pages[0] (\"/etc/passwd\"): file \
         \"/etc/passwd\" must be a path relative to the docs directory, with '/' separators"
    );
    std::fs::remove_file(outside).unwrap();
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_of_the_docs_directory_is_refused() {
    let docs = DocsDir::new();
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        secret.path(),
        support::text_page(&[("Secret.Code", "secret")]),
    )
    .unwrap();
    std::fs::create_dir_all(docs.path().join("pages")).unwrap();
    std::os::unix::fs::symlink(secret.path(), docs.path().join("pages/link.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", docs.path().join("pages/zero.txt")).unwrap();
    let outside = "resolves to a file outside the docs directory (through a symbolic link); \
                   sources must stay inside it";
    for file in ["pages/link.txt", "pages/zero.txt"] {
        docs.write("sources.json", page_entry(file));
        assert_eq!(load_error(&docs), format!("DOCS/{file}: {outside}"));
    }
    // A link to the manifest from outside is refused the same way.
    let elsewhere = DocsDir::new();
    elsewhere.write("sources.json", page_entry("pages/cdn.txt"));
    std::fs::remove_file(docs.path().join("sources.json")).unwrap();
    std::os::unix::fs::symlink(
        elsewhere.path().join("sources.json"),
        docs.path().join("sources.json"),
    )
    .unwrap();
    assert_eq!(load_error(&docs), format!("DOCS/sources.json: {outside}"));
    // A link inside the directory is followed.
    let inside = DocsDir::new();
    inside.text_page("pages/cdn.txt", &[("InternalError", "Internal error.")]);
    std::os::unix::fs::symlink("cdn.txt", inside.path().join("pages/alias.txt")).unwrap();
    inside.write("sources.json", page_entry("pages/alias.txt"));
    let loaded = Docs::load(inside.path()).unwrap();
    assert_eq!(
        loaded.pages[0].common,
        [row("InternalError", "Internal error.", 8)]
    );
    // Two entries naming one file through a link are one source listed twice.
    inside.write(
        "sources.json",
        support::manifest(
            &[
                ("pages/cdn.txt", "cdn", "en"),
                ("pages/alias.txt", "cvm", "en"),
            ],
            "",
        ),
    );
    assert_eq!(
        load_error(&inside),
        "DOCS/pages/alias.txt: is the same file as pages/cdn.txt (through a symbolic link): \
         list it once"
    );
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_without_being_opened() {
    let docs = DocsDir::new();
    std::fs::create_dir_all(docs.path().join("pages/dir.txt")).unwrap();
    let fifo = docs.path().join("pages/fifo.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    for (file, what) in [("pages/fifo.txt", "FIFO"), ("pages/dir.txt", "directory")] {
        docs.write("sources.json", page_entry(file));
        // A FIFO opened for reading blocks until a writer comes: the check must come first.
        assert_eq!(
            load_error(&docs),
            format!(
                "DOCS/{file}: not a regular file (a {what}); a source must be a file in the docs \
                 directory"
            )
        );
    }
    // The manifest as a FIFO.
    let fifo_docs = DocsDir::new();
    let made = std::process::Command::new("mkfifo")
        .arg(fifo_docs.path().join("sources.json"))
        .status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    assert_eq!(
        load_error(&fifo_docs),
        "DOCS/sources.json: not a regular file (a FIFO); a source must be a file in the docs \
         directory"
    );
    // A device, where the docs directory holds it.
    assert_eq!(
        read_confined(Path::new("/"), "dev/zero", MAX_SOURCE_BYTES)
            .unwrap_err()
            .to_string(),
        "/dev/zero: not a regular file (a device); a source must be a file in the docs directory"
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let docs = DocsDir::new();
    docs.write("sources.json", page_entry("pages/big.txt"));
    std::fs::create_dir_all(docs.path().join("pages")).unwrap();
    let big = std::fs::File::create(docs.path().join("pages/big.txt")).unwrap();
    // Sparse: no 16 MiB are written.
    big.set_len(MAX_SOURCE_BYTES + 1).unwrap();
    assert_eq!(MAX_SOURCE_BYTES, 16 << 20);
    assert_eq!(
        load_error(&docs),
        "DOCS/pages/big.txt: larger than 16 MiB, the limit for a source"
    );
    assert_eq!(
        read_confined(docs.path(), "sources.json", 10).map_err(|e| docs.relative(&e.to_string())),
        Err("DOCS/sources.json: larger than 10 bytes, the limit for a source".to_owned())
    );
}

#[test]
fn two_spellings_of_one_file_are_one_file() {
    let docs = DocsDir::new();
    docs.text_page("pages/a.txt", &[("InternalError", "Internal error.")]);
    docs.write(
        "sources.json",
        r#"{"pages": [
             {"product": "cdn", "locale": "en", "file": "pages/a.txt"},
             {"product": "cvm", "locale": "en", "file": "./pages//a.txt"}
           ]}"#,
    );
    assert_eq!(
        load_error(&docs),
        "DOCS/sources.json:3: invalid manifest: pages[1] (\"./pages//a.txt\") lists the same \
         file as pages[0] (\"pages/a.txt\") (line 2): pages/a.txt"
    );
}

#[test]
fn a_byte_order_mark_in_the_manifest_is_accepted() {
    let docs = DocsDir::new();
    docs.text_page("pages/a.txt", &[("InternalError", "Internal error.")]);
    docs.write(
        "sources.json",
        format!("\u{feff}{}", page_entry("pages/a.txt")),
    );
    let loaded = Docs::load(docs.path()).unwrap();
    assert_eq!(
        loaded.pages[0].common,
        [row("InternalError", "Internal error.", 8)]
    );
}

// Wrong output ----------------------------------------------------------------------------------

/// Characters rustc refuses in comments and literals, or that a terminal obeys: bidirectional
/// controls, NUL, ESC, DEL, C1 controls, a line separator.
const UNSAFE: [char; 8] = [
    '\u{202e}', '\u{2066}', '\u{0}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{2028}',
];

#[test]
fn unsafe_characters_in_descriptions_are_escaped_in_the_generated_code() {
    let docs = DocsDir::new();
    // Raw in a text page, as character references in an HTML page.
    let raw: String = UNSAFE.iter().collect();
    let text = format!("Internal{raw}error.");
    docs.text_page("pages/a.txt", &[("InternalError", &text)]);
    let references: String = UNSAFE
        .iter()
        .filter(|&&c| c != '\0')
        .map(|c| format!("&#x{:x};", *c as u32))
        .collect();
    docs.write(
        "pages/b.html",
        format!(
            "<h2>Common Error Codes</h2><table><tr><th>Error Code</th><th>Description</th></tr>\
             <tr><td>InternalError</td><td>Internal{references}error.</td></tr></table>"
        ),
    );
    docs.write(
        "sources.json",
        r#"{"pages": [
             {"product": "cdn", "locale": "en", "file": "pages/a.txt", "updated": "2020-01-02"},
             {"product": "cvm", "locale": "zh", "file": "pages/b.html"}
           ]}"#,
    );
    let generated = generate_from_dir(docs.path(), Layout::Src).unwrap_or_else(|e| panic!("{e}"));
    // Read back: the texts are the pages' own (NEL and the line separator are whitespace,
    // collapsed like any other).
    let en = &generated.model.common[0].texts[0].as_ref().unwrap().text;
    assert_eq!(en, &text.replace(['\u{85}', '\u{2028}'], " "));
    for file in &generated.files {
        let unsafe_chars: Vec<char> = file
            .contents
            .chars()
            .filter(|&c| c != '\n' && tencentcloud_error_codes_build::error::is_unsafe(c))
            .collect();
        assert_eq!(unsafe_chars, Vec::<char>::new(), "{}", file.path);
        syn::parse_file(&file.contents).unwrap_or_else(|e| panic!("{}: {e}", file.path));
    }
    let common = generated
        .files
        .iter()
        .find(|f| f.path == "common.rs")
        .unwrap();
    // In the doc comment, escaped so that rustdoc shows the escape; in the literal, escaped as
    // Rust escapes it.
    assert!(
        common
            .contents
            .contains(r"/// Internal\\u{202e}\\u{2066}\\u{0}\\u{1b}\\u{7f} \\u{9b} error."),
        "{}",
        common.contents
    );
    assert!(common
        .contents
        .contains(r#""Internal\u{202e}\u{2066}\0\u{1b}\u{7f} \u{9b} error.""#));
}

#[test]
fn unsafe_characters_in_manifest_texts_are_refused() {
    let parse = |text: &str| {
        Manifest::parse(Path::new("sources.json"), text.as_bytes())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        parse(r#"{"pages": [{"product": "cdn", "locale": "en", "file": "pages/a\u202e.txt"}]}"#),
        "sources.json:1: invalid manifest: pages[0] (\"pages/a\\u{202e}.txt\"): file \
         \"pages/a\\u{202e}.txt\" holds a bidirectional-text control (U+202E)"
    );
    assert_eq!(
        parse(
            r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt", "name": "CDN\u001b]0;x\u0007"}]}"#
        ),
        "sources.json:1: invalid manifest: name of pages[0] (\"a.txt\") holds a control \
         character (U+001B): \"CDN\\u{1b}]0;x\\u{7}\""
    );
    assert_eq!(
        parse(
            r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt", "updated": "2025-12-24\u2066"}]}"#
        ),
        "sources.json:1: malformed manifest: updated \"2025-12-24\\u{2066}\" is not a date such \
         as \"2019-07-25\" or \"2025-12-24 10:38:44\""
    );
    // Before any other use: a key, and an acceptance that would otherwise be named in the
    // message about its missing reason.
    assert_eq!(
        parse(
            r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt"}], "acc\nept": []}"#
        ),
        "sources.json:1: malformed manifest: unknown field `acc\\nept`, expected one of `pages`, \
         `error_center`, `pin`, `accept`"
    );
    assert_eq!(
        parse(
            r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt"}],
                "accept": [{"product": "cdn", "code": "X\nerror: injected", "reason": ""}]}"#
        ),
        "sources.json:2: invalid manifest: code of accept[0] holds a control character \
         (U+000A): \"X\\nerror: injected\""
    );
}

#[test]
fn a_text_line_of_no_break_spaces_is_an_empty_row() {
    // A rendered empty row: the rows after it are the table's too.
    let page = "Common Error Codes\nError Code Description\nInternalError Internal error.\n\
                \u{a0}\u{a0}\nInvalidAction The API does not exist.\n \t\nLimitExceeded After the end.\n";
    assert_eq!(
        common_rows("p.txt", page),
        [
            row("InternalError", "Internal error.", 3),
            row("InvalidAction", "The API does not exist.", 5),
        ]
    );
}

#[test]
fn carriage_return_line_endings() {
    let text = "Common Error Codes\r\rError Code Description\rInternalError Internal error.\r\
                InvalidAction The API does not exist.\r";
    assert_eq!(
        common_rows("p.txt", text),
        [
            row("InternalError", "Internal error.", 4),
            row("InvalidAction", "The API does not exist.", 5),
        ]
    );
    let markdown = "## Common Error Codes\r\r| Error Code | Description |\r|---|---|\r\
                    | InternalError | Internal error. |\r| InvalidAction | The API does not exist. |\r";
    assert_eq!(
        common_rows("p.md", markdown),
        [
            row("InternalError", "Internal error.", 5),
            row("InvalidAction", "The API does not exist.", 6),
        ]
    );
}

// Messages --------------------------------------------------------------------------------------

#[test]
fn messages_quoting_a_huge_row_are_bounded() {
    let cells = "<td>x</td>".repeat(30_000);
    let html = format!(
        "<h2>Common Error Codes</h2><table><tr><th>Error Code</th><th>Description</th></tr>\
         <tr><td>InternalError</td>{cells}</tr></table>"
    );
    let joined = format!("InternalError{}", " | x".repeat(30_000));
    assert_eq!(
        read_error("p.html", &html),
        format!(
            "p.html:1: expected 2 cells (code, description), found 30001: \"{}...\" (120013 \
             characters)",
            &joined[..120]
        )
    );
    let markdown = format!(
        "## Common Error Codes\n\n| Error Code | Description |\n|---|---|\n| InternalError {}|\n",
        "| x ".repeat(100_000)
    );
    let written = format!("| InternalError {}|", "| x ".repeat(100_000));
    assert_eq!(
        read_error("p.md", &markdown),
        format!(
            "p.md:5: expected 2 cells (code, description), found 100001: \"{}...\" ({} \
             characters)",
            &written[..120],
            written.len()
        )
    );
}

#[test]
fn variant_name_collisions_name_the_rows() {
    let docs = DocsDir::new();
    docs.text_page(
        "pages/a.txt",
        &[
            ("A.b", "One."),
            ("InternalError", "Internal error."),
            ("A.B", "Two."),
        ],
    );
    docs.write(
        "sources.json",
        support::manifest(&[("pages/a.txt", "cdn", "en")], ""),
    );
    let error = naming_error(&docs);
    assert_eq!(
        docs.relative(&error.to_string()),
        "DOCS/pages/a.txt:8: error codes A.B and A.b both become the variant name ADotB (A.B is \
         at DOCS/pages/a.txt:10)"
    );
    let docs = DocsDir::new();
    docs.text_page(
        "pages/a.txt",
        &[("InternalError", "Internal error."), ("ALL", "All.")],
    );
    docs.write(
        "sources.json",
        support::manifest(&[("pages/a.txt", "cdn", "en")], ""),
    );
    assert_eq!(
        docs.relative(&naming_error(&docs).to_string()),
        "DOCS/pages/a.txt:9: error code ALL cannot become a Rust identifier: ALL is reserved"
    );
}

fn naming_error(docs: &DocsDir) -> Error {
    let loaded = Docs::load(docs.path()).unwrap_or_else(|e| panic!("{e}"));
    let catalog = Catalog::build(&loaded).unwrap_or_else(|e| panic!("{e}"));
    match Model::from_catalog(&catalog) {
        Ok(model) => panic!("named: {:?}", model.common),
        Err(e) => e,
    }
}
