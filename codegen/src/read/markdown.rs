//! The Markdown reader: Tencent's documentation source, read with pulldown-cmark's events and
//! their source offsets, so that every heading and row has its real line. HTML blocks embedded
//! in the Markdown (some pages write their tables as HTML) are read by the HTML reader.

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{normalize, Block, LineIndex, TableRow};
use crate::error::Error;

pub(super) fn blocks(path: &Path, source: &str) -> Result<Vec<Block>, Error> {
    let lines = LineIndex::new(source);
    let line = |offset: usize| Some(lines.line_of(offset));
    let mut out = Vec::new();
    // The text being gathered (a heading's or a cell's), if any.
    let mut text: Option<String> = None;
    let mut heading_start = 0;
    let mut table: Option<(usize, Vec<String>, Vec<TableRow>)> = None;
    let mut row: Option<(Range<usize>, Vec<String>)> = None;
    // Consecutive HTML blocks, read together: a table's tags may be split by blank lines.
    let mut html: Option<Range<usize>> = None;
    let flush_html = |html: &mut Option<Range<usize>>, out: &mut Vec<Block>| -> Result<(), Error> {
        if let Some(range) = html.take() {
            let first_line = lines.line_of(range.start) - 1;
            out.extend(super::html::blocks(path, &source[range], first_line)?);
        }
        Ok(())
    };
    for (event, range) in Parser::new_ext(source, Options::ENABLE_TABLES).into_offset_iter() {
        match &event {
            Event::Start(Tag::HtmlBlock) => {
                html = Some(match html.take() {
                    Some(open) => open.start..range.end,
                    None => range.clone(),
                });
                continue;
            }
            Event::End(TagEnd::HtmlBlock) | Event::Html(_) => continue,
            _ => {}
        }
        flush_html(&mut html, &mut out)?;
        match event {
            Event::Start(Tag::Heading { .. }) => {
                heading_start = range.start;
                text = Some(String::new());
            }
            Event::End(TagEnd::Heading(level)) => {
                out.push(Block::Heading {
                    level: level as u8,
                    text: normalize(&text.take().unwrap_or_default()),
                    line: line(heading_start),
                });
            }
            Event::Start(Tag::Table(_)) => table = Some((range.start, Vec::new(), Vec::new())),
            Event::End(TagEnd::Table) => {
                if let Some((start, header, rows)) = table.take() {
                    out.push(Block::Table {
                        line: line(start),
                        header,
                        rows,
                    });
                }
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                row = Some((range, Vec::new()))
            }
            Event::End(TagEnd::TableHead) => {
                if let (Some((_, header, _)), Some((_, cells))) = (table.as_mut(), row.take()) {
                    *header = cells;
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let (Some((_, header, rows)), Some((range, cells))) =
                    (table.as_mut(), row.take())
                {
                    // pulldown-cmark drops the cells past the header's number, as GitHub
                    // does; the row keeps how many its source writes, so that a code table's
                    // row with more is an error, not a truncated row.
                    let written = source_cells(&source[range.clone()]);
                    let dropped = (written > header.len().max(cells.len()))
                        .then(|| (written, source[range.clone()].trim().to_owned()));
                    rows.push(TableRow {
                        cells,
                        line: Some(lines.line_of(range.start)),
                        dropped,
                    });
                }
            }
            Event::Start(Tag::TableCell) => text = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let Some((_, cells)) = row.as_mut() {
                    cells.push(normalize(&text.take().unwrap_or_default()));
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(text) = text.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(text) = text.as_mut() {
                    text.push(' ');
                }
            }
            Event::InlineHtml(tag) => {
                let lower = tag.to_ascii_lowercase();
                if let Some(text) = text.as_mut() {
                    if lower.starts_with("<br")
                        || lower.starts_with("<p")
                        || lower.starts_with("</p")
                    {
                        text.push(' ');
                    }
                }
            }
            _ => {}
        }
    }
    flush_html(&mut html, &mut out)?;
    Ok(out)
}

/// How many cells a pipe-table row's source writes: its unescaped `|` separators, without a
/// leading and a trailing one. Pipes inside code spans separate cells too, as GitHub reads them.
fn source_cells(row: &str) -> usize {
    // A row inside a block quote or list: drop the container markers before the first pipe.
    let row = row.trim().trim_start_matches(['>', ' ', '\t']);
    let row = row.strip_prefix('|').unwrap_or(row);
    let bytes = row.as_bytes();
    let mut separators = Vec::new();
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\\' if !escaped => escaped = true,
            b'|' if !escaped => {
                separators.push(i);
                escaped = false;
            }
            _ => escaped = false,
        }
    }
    let trailing = separators
        .last()
        .is_some_and(|&last| row[last + 1..].trim().is_empty());
    separators.len() + 1 - usize::from(trailing)
}

/// The text of a Markdown (or HTML) fragment as a table cell shows it: markup dropped, link
/// text kept and URLs dropped, entities decoded, whitespace collapsed. For the Error Center's
/// descriptions, which the site renders as Markdown with HTML inside.
pub(crate) fn inline_text(fragment: &str) -> String {
    if !fragment.contains(['<', '&', '[', '`', '*', '_', '\\', '!']) {
        return normalize(fragment);
    }
    let mut text = String::with_capacity(fragment.len());
    for event in Parser::new_ext(fragment, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Html(tag) | Event::InlineHtml(tag) => {
                let lower = tag.to_ascii_lowercase();
                if lower.starts_with("<br") || lower.starts_with("<p") || lower.starts_with("</p") {
                    text.push(' ');
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => text.push(' '),
            _ => {}
        }
    }
    normalize(&text)
}

#[cfg(test)]
mod tests {
    use super::source_cells;

    #[test]
    fn cells_as_written() {
        assert_eq!(source_cells("| a | b |"), 2);
        assert_eq!(source_cells("a | b"), 2);
        assert_eq!(source_cells("| a | b | c |"), 3);
        assert_eq!(source_cells("| a | `x|y` |"), 3);
        assert_eq!(source_cells(r"| a | x\|y |"), 2);
        assert_eq!(source_cells("| a |"), 1);
    }
}
