//! Reading one source: a reader per format, all producing the same [`Row`]s.
//!
//! HTML and Markdown pages are turned into a sequence of `Block`s (headings and tables, with
//! their lines), and one rule (`select_tables`) finds the tables in it: the common table is the
//! first code/description table under a "Common Error Codes" heading, and the product's own
//! table the first code/description table under a heading such as "Business Error Codes" after
//! it. Plain-text captures have their own line-based reader, because the capture flattened the
//! table into lines (and, on some pages, ran the two cells of a row together). The Error Center
//! export has its own reader ([`error_center`]).

pub mod error_center;
mod html;
mod markdown;
mod text;

use std::path::Path;

use crate::error::{quote, Error, Warning};

pub use text::{split_run_together, RawRow};

/// One row of an error-code table, after normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The error code, e.g. `AuthFailure.SignatureExpire`.
    pub code: String,
    /// The description, whitespace collapsed; empty where the page gives none.
    pub description: String,
    /// The 1-based line of the source the row is on, where it is known.
    pub line: Option<usize>,
}

/// The file formats a page can come in, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// `.html`, `.htm`.
    Html,
    /// `.md`, `.markdown`: Tencent's documentation source.
    Markdown,
    /// `.txt`: a plain-text capture of the rendered page.
    Text,
}

impl Format {
    /// The format of `path`, by its extension.
    pub fn of(path: &Path) -> Result<Format, Error> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm") => Ok(Format::Html),
            Some("md" | "markdown") => Ok(Format::Markdown),
            Some("txt") => Ok(Format::Text),
            _ => Err(Error::in_file(
                path,
                "unsupported page format: expected a .html, .htm, .md, .markdown or .txt file",
            )),
        }
    }
}

/// One table a reader found, its rows not yet checked (see [`check_rows`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageTable {
    /// The 1-based line of the table's header, where it is known.
    pub header_line: Option<usize>,
    /// The rows.
    pub cells: Cells,
}

/// The rows of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cells {
    /// Rows whose code and description cells are known apart.
    Separate(Vec<Row>),
    /// Rows of a capture whose cells run together (`AuthFailure.MFAFailureMFA failed.`); they
    /// are split with the codes that other pages document, see [`split_run_together`].
    RunTogether(Vec<RawRow>),
}

/// What a reader found on a page: the common table, and the product's own table where the page
/// has one after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageTables {
    /// The Common Error Codes table.
    pub common: PageTable,
    /// The product's own table (业务错误码, Business Error Codes, ...), if the page has one.
    pub product: Option<PageTable>,
}

/// Reads the tables of a page's `source` text. `path` is used for the format and in error
/// messages; nothing is read from disk.
pub fn read_page(path: &Path, source: &str) -> Result<PageTables, Error> {
    match Format::of(path)? {
        Format::Html => select_tables(path, html::blocks(path, source, 0)?),
        Format::Markdown => select_tables(path, markdown::blocks(path, source)?),
        Format::Text => text::read(path, source),
    }
}

/// Decodes a page file's bytes: UTF-8 text, a leading byte-order mark dropped.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line =
            LineIndex::new(&String::from_utf8_lossy(&e.as_bytes()[..offset])).line_of(offset);
        Error::at_line(
            path,
            line,
            format!("not UTF-8 text (invalid byte at offset {offset})"),
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// The rows of one table, checked (see [`check_rows`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CheckedRows {
    /// The rows, each code once (its first row), in page order.
    pub rows: Vec<Row>,
    /// Later rows of a code already listed, with another text: a difference to accept or fix.
    pub duplicates: Vec<Row>,
    /// Empty descriptions, and later rows that repeat a code with the same text.
    pub warnings: Vec<Warning>,
}

/// Checks the rows of one table: every code well-formed, at least one row. A code listed twice
/// keeps its first row; a later row with the same text is a warning, with another text a
/// duplicate (a difference, see [`crate::agreement`]). Empty descriptions are kept, with a
/// warning.
pub fn check_rows(
    path: &Path,
    rows: Vec<Row>,
    header_line: Option<usize>,
    what: &str,
) -> Result<CheckedRows, Error> {
    if rows.is_empty() {
        return Err(Error::at(
            path,
            header_line,
            format!("the {what} table has no rows"),
        ));
    }
    let mut first: std::collections::HashMap<String, (Option<usize>, String)> =
        std::collections::HashMap::with_capacity(rows.len());
    let mut out = CheckedRows::default();
    for row in rows {
        if let Err(reason) = check_code(&row.code) {
            return Err(Error::at(path, row.line, reason));
        }
        if let Some((line, text)) = first.get(&row.code) {
            let also = line.map_or_else(String::new, |line| format!(" (also at line {line})"));
            if *text == row.description {
                out.warnings.push(Warning::at(
                    path,
                    row.line,
                    format!(
                        "{} is listed twice in the {what} table, with the same text{also}",
                        row.code
                    ),
                ));
            } else {
                out.duplicates.push(row);
            }
            continue;
        }
        if row.description.is_empty() {
            let message = format!("{} has an empty description", row.code);
            out.warnings.push(Warning::at(path, row.line, message));
        }
        first.insert(row.code.clone(), (row.line, row.description.clone()));
        out.rows.push(row);
    }
    Ok(out)
}

/// Whether `s` is a well-formed API 3.0 error code: dot-separated segments, the first of ASCII
/// letters and digits starting with an uppercase letter (`InternalError`), the others of ASCII
/// letters, digits and `_` (`InternalError.SYS_ERR`).
pub fn is_code(s: &str) -> bool {
    check_code(s).is_ok()
}

/// [`is_code`], with the reason a code is not one, naming what was found.
pub fn check_code(s: &str) -> Result<(), String> {
    let mut segments = s.split('.');
    let first = segments.next().unwrap_or_default();
    let first_ok = first.starts_with(|c: char| c.is_ascii_uppercase())
        && first.bytes().all(|b| b.is_ascii_alphanumeric());
    let rest_ok = segments
        .clone()
        .all(|seg| !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
    if first_ok && rest_ok {
        return Ok(());
    }
    let found = if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        " (a numeric code, as API 2.0 used: this is not the API 3.0 table)"
    } else if first.contains('_') && first.bytes().all(|b| !b.is_ascii_lowercase()) {
        " (an SDK constant such as AV_ERR_*, not an API 3.0 error code)"
    } else {
        ""
    };
    Err(format!(
        "invalid error code {}{found}: expected dot-separated segments of ASCII letters and \
         digits (and '_' after the first), starting with an uppercase letter",
        quote(s)
    ))
}

/// Collapses every run of whitespace (NBSP and line breaks included) to one space and trims.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Which section of a page a heading starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// "Common Error Codes", "公共错误码".
    Common,
    /// The product's own codes: "Business Error Codes", "Service error codes", "Application
    /// Errors", "业务错误码", ...
    Product,
}

/// The section a heading's text starts, if it is one of the error-code sections.
///
/// The words are compared after dropping what pages put around them: a number prefix (`1.`,
/// `1、`, `一、`, `(1)`), a trailing colon, marks such as `¶` or `#`, and case.
pub fn section_of(heading: &str) -> Option<Section> {
    let words = heading_words(heading);
    let lower = words.to_lowercase();
    match lower.as_str() {
        "common error codes" | "common error code" | "公共错误码" | "公共错误代码" => {
            return Some(Section::Common)
        }
        _ => {}
    }
    let qualifier = |q: &str| {
        matches!(
            q,
            "business"
                | "service"
                | "application"
                | "product"
                | "api"
                | "product-specific"
                | "service-specific"
                | "api-specific"
                | "specific"
        )
    };
    for suffix in [" error codes", " error code", " errors"] {
        if let Some(q) = lower.strip_suffix(suffix) {
            if qualifier(q) {
                return Some(Section::Product);
            }
        }
    }
    for suffix in ["错误码", "错误代码"] {
        if let Some(q) = lower.strip_suffix(suffix) {
            if matches!(q, "业务" | "产品" | "服务") {
                return Some(Section::Product);
            }
        }
    }
    None
}

/// A heading's words without numbering, surrounding marks and a trailing colon.
fn heading_words(heading: &str) -> String {
    let text = normalize(heading);
    let mut rest = text.trim_matches(|c: char| !c.is_alphanumeric());
    // `1.`, `1.2.`, `1、`, `1)`, `(1)`, `一、`: a number, then a separator.
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || "一二三四五六七八九十".contains(c)))
        .unwrap_or(rest.len());
    if digits > 0 {
        let after = &rest[digits..];
        if let Some(stripped) = after
            .strip_prefix(['、', ')', '）', '.'])
            .or_else(|| rest[..digits].ends_with('.').then_some(after))
            .or_else(|| after.starts_with(' ').then_some(after))
        {
            rest = stripped;
        }
    }
    rest.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()
}

/// Whether a column title means the error code: `Error Code`, `错误码`, `错误代码`, `Code`.
pub fn is_code_header(title: &str) -> bool {
    let lower = title.to_lowercase();
    let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
    !is_description_header(lower)
        && (lower.split(' ').any(|w| w == "code" || w == "codes")
            || lower.ends_with("错误码")
            || lower.ends_with("代码")
            || lower == "code")
}

/// Whether a column title means the description: `Description`, `Error Description`, `Error
/// Message`, `Meaning`, `说明`, `描述`, `错误描述`, `含义`, `解释`.
pub fn is_description_header(title: &str) -> bool {
    let lower = title.to_lowercase();
    [
        "descr",
        "meaning",
        "explanation",
        "message",
        "说明",
        "描述",
        "含义",
        "解释",
        "信息",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// What a table's header row says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Header {
    /// Exactly a code column, then a description column.
    CodeDescription,
    /// A code and a description column, and more.
    ExtraColumns,
    /// Something else (a parameter table, a layout table).
    Other,
}

pub(crate) fn classify_header(titles: &[String]) -> Header {
    match titles {
        [code, description] if is_code_header(code) && is_description_header(description) => {
            Header::CodeDescription
        }
        [code, rest @ ..]
            if is_code_header(code) && rest.iter().any(|t| is_description_header(t)) =>
        {
            Header::ExtraColumns
        }
        _ => Header::Other,
    }
}

/// A heading or a table of an HTML or Markdown page, in page order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    Heading {
        level: u8,
        text: String,
        line: Option<usize>,
    },
    Table {
        line: Option<usize>,
        /// The header row's titles; empty when the table has no header row.
        header: Vec<String>,
        rows: Vec<TableRow>,
    },
}

/// A body row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableRow {
    pub cells: Vec<String>,
    pub line: Option<usize>,
    /// Where the row's source writes more cells than `cells` holds (a Markdown parser drops
    /// those past the header's number): how many, and the row as written.
    pub dropped: Option<(usize, String)>,
}

/// Finds the common table and the product table in a page's blocks.
///
/// A "Common Error Codes" heading without a table under it (in a table of contents, say) is
/// passed over for a later one; when none has a table, the first one's error is reported.
pub(crate) fn select_tables(path: &Path, blocks: Vec<Block>) -> Result<PageTables, Error> {
    let is_section = |b: &Block, section: Section| matches!(b, Block::Heading { text, .. } if section_of(text) == Some(section));
    let mut first_error = None;
    for start in (0..blocks.len()).filter(|&i| is_section(&blocks[i], Section::Common)) {
        let Block::Heading { text: heading, .. } = &blocks[start] else {
            unreachable!("positions of headings")
        };
        let (common, next) = match table_in_section(path, &blocks, start, heading) {
            Ok((Some(common), next)) => (common, next),
            Ok((None, _)) => {
                first_error.get_or_insert_with(|| {
                    Error::at(
                        path,
                        heading_line(&blocks[start]),
                        "no table follows the \"Common Error Codes\" heading",
                    )
                });
                continue;
            }
            Err(error) => {
                first_error.get_or_insert(error);
                continue;
            }
        };
        let product = match (next..blocks.len()).find(|&i| is_section(&blocks[i], Section::Product))
        {
            Some(start) => {
                let Block::Heading { text, .. } = &blocks[start] else {
                    unreachable!("positions of headings")
                };
                table_in_section(path, &blocks, start, text)?.0
            }
            None => None,
        };
        return Ok(PageTables { common, product });
    }
    Err(first_error.unwrap_or_else(|| {
        Error::in_file(
            path,
            "no \"Common Error Codes\" (or \"公共错误码\") heading found",
        )
    }))
}

fn heading_line(block: &Block) -> Option<usize> {
    match block {
        Block::Heading { line, .. } | Block::Table { line, .. } => *line,
    }
}

/// The first code/description table after the heading at `start` and before the next heading
/// of the same or a higher level (or of another error-code section), and the index where the
/// search stopped. A table whose header has the code and description columns and more is an
/// error; other tables (layout, parameters) are passed over, but named in the error when no
/// table is found.
fn table_in_section(
    path: &Path,
    blocks: &[Block],
    start: usize,
    heading: &str,
) -> Result<(Option<PageTable>, usize), Error> {
    let Block::Heading { level, .. } = blocks[start] else {
        unreachable!("sections start at headings")
    };
    let mut other: Option<(Option<usize>, &[String])> = None;
    for (index, block) in blocks.iter().enumerate().skip(start + 1) {
        match block {
            Block::Heading {
                level: next, text, ..
            } => {
                if *next <= level || section_of(text).is_some() {
                    return finish_without_table(path, heading, other, index);
                }
            }
            Block::Table { line, header, rows } => match classify_header(header) {
                Header::CodeDescription => {
                    let rows = table_rows(path, rows)?;
                    return Ok((
                        Some(PageTable {
                            header_line: *line,
                            cells: Cells::Separate(rows),
                        }),
                        index + 1,
                    ));
                }
                Header::ExtraColumns => {
                    return Err(Error::at(
                        path,
                        *line,
                        format!(
                            "the table under {} has {} columns ({}): expected 2, an error code and \
                             a description",
                            quote(heading),
                            header.len(),
                            quote(&header.join(" | "))
                        ),
                    ))
                }
                Header::Other => {
                    other.get_or_insert((*line, header));
                }
            },
        }
    }
    finish_without_table(path, heading, other, blocks.len())
}

fn finish_without_table(
    path: &Path,
    heading: &str,
    other: Option<(Option<usize>, &[String])>,
    index: usize,
) -> Result<(Option<PageTable>, usize), Error> {
    match other {
        Some((line, [])) if section_of(heading) == Some(Section::Common) => Err(Error::at(
            path,
            line,
            "the Common Error Codes table has no rows",
        )),
        Some((line, header)) if section_of(heading) == Some(Section::Common) => Err(Error::at(
            path,
            line,
            format!(
                "expected the header \"Error Code | Description\" under {}, found {}",
                quote(heading),
                quote(&header.join(" | "))
            ),
        )),
        _ => Ok((None, index)),
    }
}

/// The rows of a code/description table: empty rows skipped, every row exactly two cells.
fn table_rows(path: &Path, rows: &[TableRow]) -> Result<Vec<Row>, Error> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        // A row of empty cells is a spacer; one whose source writes cells the parser dropped is
        // not.
        if row.dropped.is_none() && row.cells.iter().all(String::is_empty) {
            continue;
        }
        let written = match &row.dropped {
            Some((written, as_written)) => Some((*written, as_written.clone())),
            None if row.cells.len() > 2 => Some((row.cells.len(), row.cells.join(" | "))),
            None => None,
        };
        if let Some((written, as_written)) = written {
            return Err(Error::at(
                path,
                row.line,
                format!(
                    "expected 2 cells (code, description), found {written}: {}",
                    quote(&as_written)
                ),
            ));
        }
        let code = row.cells.first().cloned().unwrap_or_default();
        let description = row.cells.get(1).cloned().unwrap_or_default();
        if code.is_empty() {
            return Err(Error::at(
                path,
                row.line,
                format!(
                    "a row of the table has no code (its description: {})",
                    quote(&description)
                ),
            ));
        }
        out.push(Row {
            code,
            description,
            line: row.line,
        });
    }
    Ok(out)
}

/// Line numbers of byte offsets, counting `\n`, `\r\n` and a lone `\r` as line breaks (as
/// CommonMark and HTML do).
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(source: &str) -> LineIndex {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// The 1-based line of byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}

/// The lines of `source`, split at `\n`, `\r\n` and a lone `\r`.
pub(crate) fn split_lines(source: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(source);
    std::iter::from_fn(move || {
        let text = rest?;
        // A byte search: both are ASCII, and never part of a longer UTF-8 sequence.
        match text.bytes().position(|b| b == b'\n' || b == b'\r') {
            Some(i) => {
                let after = if text[i..].starts_with("\r\n") {
                    i + 2
                } else {
                    i + 1
                };
                rest = Some(&text[after..]);
                Some(&text[..i])
            }
            None => {
                rest = None;
                (!text.is_empty()).then_some(text)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_pattern() {
        for good in [
            "InternalError",
            "AuthFailure.SignatureExpire",
            "A",
            "A1.b2.C3",
            "X.2FA",
            "InternalError.SYS_ERR",
            "FailedOperation.FailedOperationCode_RunSqlGateway",
        ] {
            assert!(is_code(good), "{good}");
        }
        for bad in [
            "",
            "internalError",
            "Auth Failure",
            "AuthFailure.",
            ".A",
            "A..B",
            "A-B",
            "Ä",
            "1A",
            "AV_ERR_FAILED",
            "4000",
            "A_B.C",
        ] {
            assert!(!is_code(bad), "{bad}");
        }
        assert_eq!(
            check_code("4000").unwrap_err(),
            "invalid error code \"4000\" (a numeric code, as API 2.0 used: this is not the API 3.0 \
             table): expected dot-separated segments of ASCII letters and digits (and '_' after the \
             first), starting with an uppercase letter"
        );
        assert!(check_code("AV_ERR_FAILED")
            .unwrap_err()
            .contains("(an SDK constant such as AV_ERR_*, not an API 3.0 error code)"));
    }

    #[test]
    fn sections_by_their_words() {
        for heading in [
            "Common Error Codes",
            "common error CODES",
            "Common Error Codes ¶",
            "# Common Error Codes:",
            "Common error codes：",
            "1. Common Error Codes",
            "3.2 Common Error Codes",
            "1、公共错误码",
            "一、公共错误码",
            "(1) Common Error Codes",
            "公共错误码",
            "🔗 公共错误码",
        ] {
            assert_eq!(section_of(heading), Some(Section::Common), "{heading}");
        }
        for heading in [
            "业务错误码",
            "Business Error Codes",
            "Service Error Codes",
            "Service error codes",
            "Application Error Codes",
            "Application Errors",
            "2. Business error codes:",
        ] {
            assert_eq!(section_of(heading), Some(Section::Product), "{heading}");
        }
        for other in [
            "Common Error Codes and more",
            "Error Codes",
            "Error Code List",
            "错误码列表",
            "Response for Failed Requests",
        ] {
            assert_eq!(section_of(other), None, "{other}");
        }
    }

    #[test]
    fn headers_by_meaning() {
        let t = |a: &str, b: &str| classify_header(&[a.to_owned(), b.to_owned()]);
        for (code, description) in [
            ("Error Code", "Description"),
            ("Error code", "Error description"),
            ("错误码", "说明"),
            ("错误代码", "错误描述"),
            ("错误码", "描述"),
            ("Code", "Meaning"),
            ("Error Code", "Error Message"),
        ] {
            assert_eq!(
                t(code, description),
                Header::CodeDescription,
                "{code} | {description}"
            );
        }
        assert_eq!(t("Field", "Description"), Header::Other);
        assert_eq!(t("Parameter Name", "Description"), Header::Other);
        assert_eq!(
            classify_header(&["Error Code".into(), "Description".into(), "Solution".into()]),
            Header::ExtraColumns
        );
    }

    #[test]
    fn lines_break_at_every_line_ending() {
        let source = "a\nb\r\nc\rd";
        let index = LineIndex::new(source);
        assert_eq!([0, 2, 5, 7].map(|o| index.line_of(o)), [1, 2, 3, 4]);
        assert_eq!(
            split_lines(source).collect::<Vec<_>>(),
            ["a", "b", "c", "d"]
        );
        assert_eq!(split_lines("a\n\nb\n").collect::<Vec<_>>(), ["a", "", "b"]);
    }

    #[test]
    fn normalize_collapses_all_whitespace() {
        assert_eq!(normalize("  a\u{a0}\u{a0}b\r\n\tc  "), "a b c");
        assert_eq!(normalize("\u{3000}说明\u{3000}"), "说明");
        assert_eq!(normalize(" \n "), "");
    }
}
