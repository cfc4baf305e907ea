//! The HTML reader: the page's headings and tables, in document order, with their lines.
//!
//! The page is parsed with scraper (html5ever), through a tree sink that records the line each
//! element starts on, so that every row is reported at its real line whatever markup or entities
//! its cells hold. Before parsing, the nesting depth is bounded: html5ever's work per tag grows
//! with the number of open elements, so an unbounded depth makes parsing quadratic.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::path::Path;

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::node::Node;
use scraper::{ElementRef, Html, HtmlTreeSink};

use super::{Block, LineIndex, TableRow};
use crate::error::Error;

/// The deepest element nesting read. Real pages nest a few dozen elements deep.
pub const MAX_DEPTH: usize = 200;

/// The longest header cell text kept: a column title is a few words, and a layout table's
/// first row can hold the whole page.
const MAX_HEADER_CHARS: usize = 200;

/// The headings and tables of `html`. Lines are offset by `first_line` (the line before the
/// HTML starts, for HTML embedded in Markdown).
pub(super) fn blocks(path: &Path, html: &str, first_line: usize) -> Result<Vec<Block>, Error> {
    check_depth(path, html, first_line)?;
    let sink = LineSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        line: Cell::new(1),
        lines: RefCell::new(Vec::new()),
        last_text: Cell::new(None),
    };
    let parser = html5ever::driver::parse_document(sink, Default::default());
    let (document, lines) = parser.one(html);
    let line_of = |id: NodeId| {
        let i = lines.partition_point(|&(node, _)| node < id);
        lines
            .get(i)
            .filter(|&&(node, _)| node == id)
            .map(|&(_, line)| line as usize + first_line)
    };
    let mut out = Vec::new();
    // Depth-first, in document order; the depth is bounded by `check_depth`.
    let mut stack = vec![document.root_element()];
    let mut pending: Vec<ElementRef<'_>> = Vec::new();
    while let Some(element) = stack.pop() {
        let name = element.value().name();
        match name {
            "script" | "style" | "template" | "noscript" => continue,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                // A heading's text is computed once; headings inside it are its text.
                out.push(Block::Heading {
                    level: name.as_bytes()[1] - b'0',
                    text: cell_text(element, usize::MAX, usize::MAX),
                    line: line_of(element.id()),
                });
                continue;
            }
            "table" => {
                let block = table(element, &line_of);
                let is_code_table = matches!(&block, Block::Table { header, .. }
                    if super::classify_header(header) != super::Header::Other);
                out.push(block);
                // A code table's cells are its rows' text: tables and headings nested in them
                // are read as part of it, not again on their own (which, table in table, would
                // read the innermost cells once per level).
                if is_code_table {
                    continue;
                }
            }
            _ => {}
        }
        pending.clear();
        pending.extend(element.children().filter_map(ElementRef::wrap));
        stack.extend(pending.drain(..).rev());
    }
    Ok(out)
}

/// A table: its header row (the first row: a `<thead>` row, a row of `<th>` cells, or a first
/// row of `<td>` cells, which is what a reader of the page takes for the column titles) and its
/// own body rows (not those of nested tables). The body rows are read only where the header is
/// a code table's.
fn table(element: ElementRef<'_>, line_of: &dyn Fn(NodeId) -> Option<usize>) -> Block {
    let mut rows: Vec<ElementRef<'_>> = Vec::new();
    for child in element.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => rows.extend(
                child
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|tr| tr.value().name() == "tr"),
            ),
            _ => {}
        }
    }
    let (header, body) = match rows.split_first() {
        Some((first, rest)) => {
            let titles = cells_of(*first)
                .into_iter()
                .map(|cell| header_text(cell))
                .collect();
            (titles, rest)
        }
        None => (Vec::new(), &rows[..]),
    };
    let recognized = super::classify_header(&header) != super::Header::Other;
    let rows = if recognized {
        body.iter()
            .map(|tr| TableRow {
                cells: cells_of(*tr)
                    .into_iter()
                    .map(|cell| cell_text(cell, usize::MAX, usize::MAX))
                    .collect(),
                line: first_words(*tr)
                    .and_then(line_of)
                    .or_else(|| line_of(tr.id())),
                dropped: None,
            })
            .collect()
    } else {
        // Not a code table: its rows are never read.
        Vec::new()
    };
    Block::Table {
        line: line_of(element.id()),
        header,
        rows,
    }
}

/// The first text node of `element` that holds more than whitespace.
fn first_words(element: ElementRef<'_>) -> Option<NodeId> {
    element
        .descendants()
        .find(|node| matches!(node.value(), Node::Text(t) if !t.trim().is_empty()))
        .map(|node| node.id())
}

/// The text of a header cell: at most [`MAX_HEADER_CHARS`] of it, looking at a bounded number
/// of nodes (a layout table's first cell can hold the whole page, and layout tables nest).
fn header_text(cell: ElementRef<'_>) -> String {
    cell_text(cell, MAX_HEADER_CHARS, 16 * MAX_HEADER_CHARS)
}

fn cells_of(tr: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    tr.children()
        .filter_map(ElementRef::wrap)
        .filter(|cell| matches!(cell.value().name(), "td" | "th"))
        .collect()
}

/// The text of an element as a reader sees it: markup dropped, entities decoded (by the
/// parser), line breaks and block boundaries as spaces, whitespace collapsed; at most `limit`
/// bytes of text gathered, from at most `max_nodes` nodes. Scripts and styles are not text.
fn cell_text(element: ElementRef<'_>, limit: usize, max_nodes: usize) -> String {
    // Whitespace is collapsed as the text is gathered (as `normalize` does), so that a cell's
    // text is built once: a word split by markup (`F<i></i>amily`) stays one word.
    let mut text = String::new();
    let mut space = false;
    let mut hidden_depth = 0usize;
    for (seen, edge) in element.traverse().enumerate() {
        if text.len() >= limit || seen >= max_nodes.saturating_mul(2) {
            break;
        }
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {
                    hidden_depth += 1
                }
                Node::Element(e) if breaks_text(e.name()) => space = true,
                Node::Text(t) if hidden_depth == 0 => {
                    for (i, word) in t.split(char::is_whitespace).enumerate() {
                        space |= i > 0;
                        if word.is_empty() || text.len() >= limit {
                            continue;
                        }
                        if space && !text.is_empty() {
                            text.push(' ');
                        }
                        space = false;
                        let room = limit.saturating_sub(text.len());
                        let end = (0..=room.min(word.len()))
                            .rev()
                            .find(|&i| word.is_char_boundary(i))
                            .unwrap_or(0);
                        text.push_str(&word[..end]);
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => match node.value() {
                Node::Element(e) if matches!(e.name(), "script" | "style" | "template") => {
                    hidden_depth -= 1
                }
                Node::Element(e) if breaks_text(e.name()) => space = true,
                _ => {}
            },
        }
    }
    text
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
            | "table"
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

/// Fails when the elements of `html` nest deeper than [`MAX_DEPTH`], counting the tags that
/// must be closed (void elements and those whose end tag is optional do not nest).
fn check_depth(path: &Path, html: &str, first_line: usize) -> Result<(), Error> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    // Open `<svg>` and `<math>` elements.
    let mut foreign = 0usize;
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset;
        let rest = &html[start..];
        // Comments and raw-text elements hold no tags.
        let skip_to = |end: &str| {
            rest.find(end)
                .map_or(bytes.len(), |e| start + e + end.len())
        };
        if rest.starts_with("<!--") {
            i = skip_to("-->");
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        // Lowercased without allocating: the names looked for are short, and a longer one is
        // an element like any other.
        let mut buffer = [0u8; 12];
        let name = match bytes.get(name_start..name_start + name_len) {
            Some(name) if name.len() <= buffer.len() => {
                buffer[..name.len()].copy_from_slice(name);
                buffer[..name.len()].make_ascii_lowercase();
                std::str::from_utf8(&buffer[..name.len()]).unwrap_or("")
            }
            _ => "",
        };
        let tag_end = bytes[name_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| name_start + p + 1);
        // `<div/>` opens a div like `<div>` does; only in SVG and MathML does `/>` close it.
        let self_closing = tag_end >= 2
            && bytes[tag_end - 2] == b'/'
            && (foreign > 0 || matches!(name, "svg" | "math"));
        if matches!(name, "svg" | "math") && !self_closing {
            if closing {
                foreign = foreign.saturating_sub(1);
            } else {
                foreign += 1;
            }
        }
        // Raw text holds no tags, except in SVG and MathML, where `<style>` and `<title>` are
        // elements like any other (counting their contents there errs on the safe side).
        if matches!(name, "script" | "style" | "textarea" | "title") && !closing && foreign == 0 {
            i = find_end_tag(html, tag_end, name);
            continue;
        }
        if !nests(name) || self_closing {
        } else if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > MAX_DEPTH {
                let line = LineIndex::new(html).line_of(start) + first_line;
                return Err(Error::at_line(
                    path,
                    line,
                    format!(
                        "elements nest deeper than {MAX_DEPTH} levels; a documentation page does \
                         not, and reading it would take time that grows with the square of its size"
                    ),
                ));
            }
        }
        i = tag_end.max(start + 1);
    }
    Ok(())
}

/// The offset of `</name` (any case) at or after `from`, or the end of `html`.
fn find_end_tag(html: &str, from: usize, name: &str) -> usize {
    let bytes = html.as_bytes();
    let mut i = from.min(bytes.len());
    while let Some(offset) = bytes[i..].windows(2).position(|w| w == b"</") {
        let start = i + offset;
        let after = &bytes[start + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return start;
        }
        i = start + 2;
    }
    bytes.len()
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// Whether an element's start tag opens a level that its end tag closes.
fn nests(name: &str) -> bool {
    !matches!(
        name,
        // Void elements.
        "area" | "base" | "br" | "col" | "embed" | "hr" | "img" | "input" | "link" | "meta"
            | "source" | "track" | "wbr" | "param" | "keygen"
            // End tag optional: closed by the parser when a sibling starts.
            | "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "thead" | "tbody" | "tfoot"
            | "option" | "optgroup" | "colgroup" | "caption" | "rb" | "rt" | "rtc" | "rp"
            | "html" | "head" | "body"
    )
}

/// scraper's tree sink, recording the line each element starts on and the line of each text
/// node's first word (html5ever reports the line of every token to its sink).
///
/// The lines are kept as `(node, line)` pairs in a vector, sorted by node when parsing ends (ego
/// tree numbers nodes in creation order, so the elements' pairs come sorted): a page has as
/// many pairs as elements, and a map would cost a hash and a probe for each.
struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    lines: RefCell<Vec<(NodeId, u64)>>,
    /// The text node whose line was recorded last: later text appended to it keeps that line.
    last_text: Cell<Option<NodeId>>,
}

impl TreeSink for LineSink {
    type Output = (Html, Vec<(NodeId, u64)>);
    type Handle = NodeId;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Self::Output {
        let mut lines = self.lines.into_inner();
        // Stable: a text node's first line stays first, and is the one kept.
        lines.sort_by_key(|&(node, _)| node);
        lines.dedup_by_key(|&mut (node, _)| node);
        (self.inner.finish(), lines)
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let id = self.inner.create_element(name, attrs, flags);
        self.lines.borrow_mut().push((id, self.line.get()));
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        // The line of a text node is where its first word is: a row's line is its code's.
        let words = matches!(&child, NodeOrText::AppendText(t) if !t.trim().is_empty());
        self.inner.append(parent, child);
        if words {
            let html = self.inner.0.borrow();
            let text = html
                .tree
                .get(*parent)
                .and_then(|parent| parent.last_child())
                .map(|node| node.id());
            if let Some(text) = text.filter(|&text| self.last_text.get() != Some(text)) {
                self.last_text.set(Some(text));
                self.lines.borrow_mut().push((text, self.line.get()));
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node)
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_only_elements_that_must_close() {
        let path = Path::new("p.html");
        let deep = format!("<p>{}", "<div>".repeat(MAX_DEPTH + 1));
        assert_eq!(
            check_depth(path, &deep, 0).unwrap_err().to_string(),
            format!(
                "p.html:1: elements nest deeper than {MAX_DEPTH} levels; a documentation page does \
                 not, and reading it would take time that grows with the square of its size"
            )
        );
        let flat = "<div></div>".repeat(10 * MAX_DEPTH) + &"<p><br><li>".repeat(MAX_DEPTH * 2);
        assert!(check_depth(path, &flat, 0).is_ok());
        let script = format!("<script>{}</script>", "<div>".repeat(MAX_DEPTH + 1));
        assert!(check_depth(path, &script, 0).is_ok());
    }
}
