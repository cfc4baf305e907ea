//! The Markdown reader: Tencent's documentation source, rendered to HTML with pulldown-cmark and
//! read by the HTML reader.

use std::path::Path;

use pulldown_cmark::{html, Options, Parser};

use super::PageTable;
use crate::error::Error;

pub(super) fn read(path: &Path, source: &str) -> Result<PageTable, Error> {
    let parser = Parser::new_ext(source, Options::ENABLE_TABLES);
    let mut rendered = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut rendered, parser);
    super::html::read(path, &rendered, Some(source))
}
