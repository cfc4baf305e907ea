//! Reading one page: a reader per format, all producing the same [`Row`]s.
//!
//! The HTML reader is the reference; Markdown is rendered to HTML and read by it. Plain-text
//! captures have their own line-based reader, because the capture flattened the table into lines
//! (and, on some pages, ran the two cells of a row together).

mod html;
mod markdown;
mod text;

use std::path::Path;

use crate::error::{Error, Warning};

pub use text::RawRow;

/// One row of a Common Error Codes table, after normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The error code, e.g. `AuthFailure.SignatureExpire`.
    pub code: String,
    /// The description, whitespace collapsed; empty where the page gives none.
    pub description: String,
    /// The 1-based line of the page source the row is on (0 where it could not be located).
    pub line: usize,
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

/// What a reader found in a page: the table's rows, not yet checked (see [`check_rows`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageTable {
    /// The 1-based line of the table's header (0 where it could not be located).
    pub header_line: usize,
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

/// Reads the Common Error Codes table of a page's `source` text. `path` is used for the format
/// and in error messages; nothing is read from disk.
pub fn read_table(path: &Path, source: &str) -> Result<PageTable, Error> {
    match Format::of(path)? {
        Format::Html => html::read(path, source, None),
        Format::Markdown => markdown::read(path, source),
        Format::Text => text::read(path, source),
    }
}

/// Reads a page file from disk: UTF-8 text (a leading byte-order mark is dropped).
pub fn read_source(path: &Path) -> Result<String, Error> {
    let bytes =
        std::fs::read(path).map_err(|e| Error::in_file(path, format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
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

pub use text::split_run_together;

/// Checks the rows of one page: every code well-formed, none listed twice, at least one row.
/// Empty descriptions are kept, with a warning.
/// Lines that could not be located (0) are left out of the messages.
pub fn check_rows(path: &Path, rows: &[Row], table_line: usize) -> Result<Vec<Warning>, Error> {
    let at = |line: usize, message: String| Error::at(path, line, message);
    if rows.is_empty() {
        return Err(Error::at(
            path,
            table_line,
            "the Common Error Codes table has no rows",
        ));
    }
    let mut seen = std::collections::HashMap::with_capacity(rows.len());
    let mut warnings = Vec::new();
    for row in rows {
        if !is_code(&row.code) {
            return Err(at(
                row.line,
                format!(
                    "invalid error code {:?}: expected dot-separated segments of ASCII letters \
                     and digits, starting with an uppercase letter",
                    row.code
                ),
            ));
        }
        if let Some(first) = seen.insert(row.code.as_str(), row.line) {
            let also = match first {
                0 => String::new(),
                line => format!(" (also at line {line})"),
            };
            return Err(at(row.line, format!("{} is listed twice{also}", row.code)));
        }
        if row.description.is_empty() {
            let message = format!("{} has an empty description", row.code);
            warnings.push(Warning::at(path, row.line, message));
        }
    }
    Ok(warnings)
}

/// Whether `s` is a well-formed error code: `^[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$`.
pub fn is_code(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.split('.').all(|segment| {
            !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_alphanumeric())
        })
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

/// The heading texts that introduce the table, lowercased.
const HEADINGS: [&str; 2] = ["common error codes", "公共错误码"];
/// Header texts of the code column, lowercased.
const CODE_HEADERS: [&str; 2] = ["error code", "错误码"];
/// Header texts of the description column, lowercased.
const DESCRIPTION_HEADERS: [&str; 5] = [
    "description",
    "error description",
    "说明",
    "错误描述",
    "描述",
];

/// Whether normalized `text` is the table's heading.
/// Marks such as a permalink `¶` or `#`, or a trailing colon, around the words do not count.
fn is_heading(text: &str) -> bool {
    let words = text.trim_matches(|c: char| !c.is_alphanumeric());
    HEADINGS.iter().any(|h| words.eq_ignore_ascii_case(h))
}

fn is_code_header(text: &str) -> bool {
    CODE_HEADERS.iter().any(|h| text.eq_ignore_ascii_case(h))
}

fn is_description_header(text: &str) -> bool {
    DESCRIPTION_HEADERS
        .iter()
        .any(|h| text.eq_ignore_ascii_case(h))
}

/// Finds the lines of table rows in a source whose parser keeps no positions (HTML, Markdown):
/// each code is looked for as a whole cell, after the previous row's, so that the rows keep
/// their order and a code quoted in an example response is not taken for a row.
struct LineFinder<'a> {
    source: &'a str,
    cursor: usize,
    /// The 1-based line `cursor` is on: lines are counted once, as the cursor moves forward,
    /// not from the start for every row (pages can have thousands of rows).
    cursor_line: usize,
}

impl<'a> LineFinder<'a> {
    /// Starts at the table's heading: the first mention of its text that is a heading (an
    /// `<h1>`–`<h6>` element or a Markdown heading), not a link, title or script that names it;
    /// else at its first mention, where there is one.
    fn new(source: &'a str) -> Self {
        let lower = source.to_ascii_lowercase();
        let mentions = || {
            HEADINGS
                .iter()
                .flat_map(|h| lower.match_indices(h).map(|(offset, _)| offset))
        };
        let cursor = mentions()
            .filter(|&offset| is_heading_at(&lower, offset))
            .min()
            .or_else(|| mentions().min())
            .unwrap_or(0);
        LineFinder {
            source,
            cursor,
            cursor_line: line_number(source, cursor),
        }
    }

    /// The 1-based line of the next cell holding exactly `code`, or 0 if there is none.
    fn line_of(&mut self, code: &str) -> usize {
        if code.is_empty() {
            return 0;
        }
        let cell_start = |before: &str| {
            matches!(
                before.trim_end_matches([' ', '\t']).chars().next_back(),
                None | Some('>' | '|' | '`' | '*' | '_' | '\n')
            )
        };
        let cell_end = |after: &str| {
            matches!(
                after.trim_start_matches([' ', '\t']).chars().next(),
                None | Some('<' | '|' | '`' | '*' | '_' | '\r' | '\n')
            )
        };
        let mut from = self.cursor;
        while let Some(found) = self.source[from..].find(code) {
            let start = from + found;
            let end = start + code.len();
            if cell_start(&self.source[..start]) && cell_end(&self.source[end..]) {
                self.cursor_line +=
                    line_number(&self.source[self.cursor..], start - self.cursor) - 1;
                self.cursor = end;
                return self.cursor_line;
            }
            from = end;
        }
        0
    }
}

/// Whether the heading text at `offset` of the lowercased source `lower` starts a heading: an
/// ATX (`## text`) or setext (`text` over `---`) Markdown heading, or an `<h1>`–`<h6>` element
/// (with only opening tags, such as an anchor, or closed empty ones between), outside scripts,
/// styles and comments.
fn is_heading_at(lower: &str, offset: usize) -> bool {
    let before = &lower[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let prefix = before[line_start..].trim();
    if (1..=6).contains(&prefix.len()) && prefix.bytes().all(|b| b == b'#') {
        return true;
    }
    if prefix.is_empty() {
        let underline = lower[offset..].lines().nth(1).unwrap_or("").trim();
        if !underline.is_empty()
            && (underline.bytes().all(|b| b == b'=') || underline.bytes().all(|b| b == b'-'))
        {
            return true;
        }
    }
    let inside = |open: &str, close: &str| {
        before
            .rfind(open)
            .is_some_and(|start| before.rfind(close).is_none_or(|end| end < start))
    };
    if inside("<script", "</script") || inside("<style", "</style") || inside("<!--", "-->") {
        return false;
    }
    let mut rest = before.trim_end();
    while let Some(tag_text) = rest.strip_suffix('>') {
        let Some(start) = tag_text.rfind('<') else {
            return false;
        };
        let name: String = tag_text[start + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        match name.as_bytes() {
            [b'h', b'1'..=b'6'] => return true,
            [b'/', b'h', b'1'..=b'6'] => return false,
            _ => rest = tag_text[..start].trim_end(),
        }
    }
    false
}

/// The 1-based line of byte `offset` in `source`.
fn line_number(source: &str, offset: usize) -> usize {
    source.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
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
        ] {
            assert!(!is_code(bad), "{bad}");
        }
    }

    #[test]
    fn headings_ignore_marks_around_the_words() {
        for heading in [
            "Common Error Codes",
            "common error CODES",
            "Common Error Codes ¶",
            "# Common Error Codes:",
            "公共错误码",
            "🔗 公共错误码",
        ] {
            assert!(is_heading(heading), "{heading}");
        }
        for other in [
            "Common Error Codes and more",
            "Service Error Codes",
            "Error Codes",
            "业务错误码",
        ] {
            assert!(!is_heading(other), "{other}");
        }
    }

    #[test]
    fn normalize_collapses_all_whitespace() {
        assert_eq!(normalize("  a\u{a0}\u{a0}b\r\n\tc  "), "a b c");
        assert_eq!(normalize("\u{3000}说明\u{3000}"), "说明");
        assert_eq!(normalize(" \n "), "");
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of(Path::new("a/b.HTML")).unwrap(), Format::Html);
        assert_eq!(Format::of(Path::new("b.htm")).unwrap(), Format::Html);
        assert_eq!(Format::of(Path::new("b.md")).unwrap(), Format::Markdown);
        assert_eq!(Format::of(Path::new("b.txt")).unwrap(), Format::Text);
        assert_eq!(
            Format::of(Path::new("docs/b.pdf")).unwrap_err().to_string(),
            "docs/b.pdf: unsupported page format: expected a .html, .htm, .md, .markdown or .txt file"
        );
    }
}
