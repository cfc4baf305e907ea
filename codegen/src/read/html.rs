//! The HTML reader: the first `<table>` after the "Common Error Codes" heading.

use std::path::Path;

use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

use super::{
    is_code_header, is_description_header, is_heading, line_number, normalize, Cells, LineFinder,
    PageTable, Row,
};
use crate::error::Error;

/// Reads the table from `html`. Lines in errors and rows refer to the text the user wrote: the
/// HTML itself, or `markdown`, the Markdown it was rendered from.
pub(super) fn read(path: &Path, html: &str, markdown: Option<&str>) -> Result<PageTable, Error> {
    let document = Html::parse_document(html);
    // A constant selector; parsing it cannot fail.
    let selector = Selector::parse("h1, h2, h3, h4, h5, h6, table").expect("valid selector");
    // The level of the "Common Error Codes" heading, once seen; a later heading of the same or
    // a higher level before any table starts another section (such as "Service Error Codes"),
    // which is not the common table.
    let mut heading_level: Option<u8> = None;
    let mut heading_seen = false;
    for element in document.select(&selector) {
        let name = element.value().name();
        if name == "table" {
            if heading_level.is_some() {
                return read_table(path, element, markdown.unwrap_or(html), markdown.is_some());
            }
            continue;
        }
        let level = name.as_bytes()[1] - b'0';
        if is_heading(&cell_text(element)) {
            heading_level = Some(level);
            heading_seen = true;
        } else if heading_level.is_some_and(|common| level <= common) {
            heading_level = None;
        }
    }
    Err(if heading_seen {
        Error::in_file(path, "no table follows the \"Common Error Codes\" heading")
    } else {
        Error::in_file(
            path,
            "no \"Common Error Codes\" (or \"公共错误码\") heading found",
        )
    })
}

fn read_table(
    path: &Path,
    table: ElementRef<'_>,
    line_source: &str,
    markdown: bool,
) -> Result<PageTable, Error> {
    let mut lines = LineFinder::new(line_source);
    let table_line = table_line(line_source, lines.cursor, markdown);
    let mut rows = table_rows(table).into_iter();
    let Some((header_in_thead, header)) = rows.next() else {
        return Err(Error::at(
            path,
            table_line,
            "the Common Error Codes table has no rows",
        ));
    };
    let header_texts: Vec<String> = header.iter().map(|(_, text)| text.clone()).collect();
    let is_header = header_in_thead
        || header.iter().all(|(is_th, _)| *is_th)
        || header_texts.first().is_some_and(|t| is_code_header(t));
    let recognized = header_texts.len() == 2
        && is_code_header(&header_texts[0])
        && is_description_header(&header_texts[1]);
    if !is_header || !recognized {
        return Err(Error::at(
            path,
            table_line,
            format!(
                "expected the header \"Error Code | Description\", found \"{}\"",
                header_texts.join(" | ")
            ),
        ));
    }

    let mut out = Vec::new();
    for (_, cells) in rows {
        let mut texts = cells.into_iter().map(|(_, text)| text);
        let code = texts.next().unwrap_or_default();
        let description = texts.next().unwrap_or_default();
        let rest: Vec<String> = texts.collect();
        if code.is_empty() && description.is_empty() && rest.iter().all(String::is_empty) {
            continue;
        }
        if code.is_empty() {
            return Err(Error::at(
                path,
                table_line,
                format!("a row of the table has no code (its description: {description:?})"),
            ));
        }
        let line = lines.line_of(&code);
        if !rest.is_empty() {
            return Err(Error::at(
                path,
                line,
                format!(
                    "expected 2 cells (code, description), found {}: \"{code} | {description} | {}\"",
                    rest.len() + 2,
                    rest.join(" | ")
                ),
            ));
        }
        out.push(Row {
            code,
            description,
            line,
        });
    }
    Ok(PageTable {
        header_line: table_line,
        cells: Cells::Separate(out),
    })
}

/// The line of the table after the heading, 0 if not found: its `<table` tag, or in Markdown
/// its first pipe row if that comes first.
fn table_line(source: &str, from: usize, markdown: bool) -> usize {
    let lower = source[from..].to_ascii_lowercase();
    let tag = lower.find("<table");
    let found = match (tag, lower.find('|')) {
        (Some(tag), Some(pipe)) if markdown => Some(tag.min(pipe)),
        (tag, pipe) => tag.or(pipe),
    };
    found.map_or(0, |offset| line_number(source, from + offset))
}

/// The table's own rows (not those of nested tables), each with whether it sits in `<thead>`
/// and its cells as (is `<th>`, normalized text).
fn table_rows(table: ElementRef<'_>) -> Vec<(bool, Vec<(bool, String)>)> {
    let mut rows = Vec::new();
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => rows.push((false, row_cells(child))),
            section @ ("thead" | "tbody" | "tfoot") => {
                for tr in child.children().filter_map(ElementRef::wrap) {
                    if tr.value().name() == "tr" {
                        rows.push((section == "thead", row_cells(tr)));
                    }
                }
            }
            _ => {}
        }
    }
    rows
}

fn row_cells(tr: ElementRef<'_>) -> Vec<(bool, String)> {
    tr.children()
        .filter_map(ElementRef::wrap)
        .filter(|cell| matches!(cell.value().name(), "td" | "th"))
        .map(|cell| (cell.value().name() == "th", cell_text(cell)))
        .collect()
}

/// The text of an element as a reader sees it: markup dropped, entities decoded (by the
/// parser), line breaks and block boundaries as spaces, whitespace collapsed. Scripts and styles
/// are not text.
fn cell_text(element: ElementRef<'_>) -> String {
    let mut text = String::new();
    let mut hidden_depth = 0usize;
    for edge in element.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {
                    hidden_depth += 1
                }
                Node::Element(e) if breaks_text(e.name()) => text.push(' '),
                Node::Text(t) if hidden_depth == 0 => text.push_str(t),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => match node.value() {
                Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {
                    hidden_depth -= 1
                }
                Node::Element(e) if breaks_text(e.name()) => text.push(' '),
                _ => {}
            },
        }
    }
    normalize(&text)
}

/// Elements whose edges separate words even without whitespace in the source.
fn breaks_text(name: &str) -> bool {
    matches!(
        name,
        "br" | "p"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "td"
            | "th"
            | "tr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "blockquote"
            | "hr"
    )
}
