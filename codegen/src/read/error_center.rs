//! The API Error Center export: one JSON array of every product's codes,
//! `{"productName", "productVersion", "code", "description", "solution", "productCNName"}`.
//!
//! Descriptions are rendered text (the site shows them as Markdown with HTML inside): the same
//! cell-text rule as on pages applies (markup dropped, link text kept, entities decoded,
//! whitespace collapsed). Solutions that are placeholders (`业务正在更新中，请您耐心等待。`,
//! `None`, `占位符`, `无`) are no text. An entry whose code is not a well-formed code (the export
//! of 2023-02-03 has `InternalError.`) is left out with a warning at its line: the export is a
//! database dump, and one bad entry must not hide the other fifteen thousand.

use std::path::Path;

use serde::Deserialize;
use serde_json::value::RawValue;

use super::markdown::inline_text;
use crate::error::{quote, Error, Warning};
use crate::manifest::line_at;

/// The product name under which the export lists the common codes (`公共错误码`).
pub const COMMON_PRODUCT: &str = "PLATFORM";

/// Solutions that say nothing.
const PLACEHOLDERS: [&str; 5] = [
    "业务正在更新中，请您耐心等待。",
    "None",
    "占位符",
    "无",
    "null",
];

/// One entry of the export, normalized.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorCenterEntry {
    /// The product's API service name (`cvm`), or [`COMMON_PRODUCT`].
    pub product: String,
    /// The API version (`2017-03-12`); empty for the common codes.
    pub version: String,
    /// The error code.
    pub code: String,
    /// The description, as text; empty where the export gives none.
    pub description: String,
    /// The solution, where it is real text.
    pub solution: Option<String>,
    /// The product's Chinese name.
    pub product_name: String,
    /// The 1-based line the entry starts on, where the export has more than one line (the
    /// published export is one line: its entries are found by product and code).
    pub line: Option<usize>,
}

/// An export, read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorCenterExport {
    /// The entries, in file order.
    pub entries: Vec<ErrorCenterEntry>,
    /// Entries left out, and why.
    pub warnings: Vec<Warning>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawEntry {
    product_name: String,
    #[serde(default)]
    product_version: Option<String>,
    code: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    solution: Option<String>,
    #[serde(default, rename = "productCNName")]
    product_cn_name: Option<String>,
}

/// Reads an export's text. `path` is used in messages.
pub fn read_export(path: &Path, text: &str) -> Result<ErrorCenterExport, Error> {
    let malformed = |e: serde_json::Error, first_line: usize| {
        let message = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = message.strip_suffix(&suffix).unwrap_or(&message);
        let line = (e.line() > 0).then(|| first_line + e.line() - 1);
        Error::at(
            path,
            line,
            format!("malformed Error Center export: {message}"),
        )
    };
    let raw: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| malformed(e, 1))?;
    let bytes = text.as_bytes();
    let one_line = !text.trim_end().contains('\n');
    let mut export = ErrorCenterExport::default();
    // Lines from offsets, counted once as the entries go forward.
    let (mut offset, mut line) = (0usize, 1usize);
    for value in raw {
        let start = value.get().as_ptr() as usize - text.as_ptr() as usize;
        line += line_at(&bytes[offset..start], start - offset) - 1;
        offset = start;
        let entry: RawEntry = serde_json::from_str(value.get()).map_err(|e| malformed(e, line))?;
        let at = (!one_line).then_some(line);
        if let Err(reason) = super::check_code(&entry.code) {
            export.warnings.push(Warning::at(
                path,
                at,
                format!("entry of {} left out: {reason}", quote(&entry.product_name)),
            ));
            continue;
        }
        let product_ok = !entry.product_name.is_empty()
            && entry
                .product_name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !product_ok {
            return Err(Error::at(
                path,
                at,
                format!(
                    "product name {} is not an API service name",
                    quote(&entry.product_name)
                ),
            ));
        }
        let solution = entry
            .solution
            .map(|s| inline_text(&s))
            .filter(|s| !s.is_empty() && !PLACEHOLDERS.contains(&s.as_str()));
        export.entries.push(ErrorCenterEntry {
            product: entry.product_name,
            version: entry.product_version.unwrap_or_default(),
            code: entry.code,
            description: entry
                .description
                .map(|d| inline_text(&d))
                .unwrap_or_default(),
            solution,
            product_name: entry.product_cn_name.unwrap_or_default(),
            line: at,
        });
    }
    Ok(export)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_with_lines_and_text() {
        let text = r#"[
  {"productName": "cvm", "productVersion": "2017-03-12", "code": "InvalidInstanceId.NotFound",
   "description": "该实例 <code>ins-xxx</code> 不存在 &amp; [链接](https://x)。", "solution": "业务正在更新中，请您耐心等待。", "productCNName": "云服务器"},
  {"productName": "cvm", "productVersion": "2017-03-12", "code": "InternalError.",
   "description": null, "solution": "None", "productCNName": "云服务器"},
  {"productName": "PLATFORM", "productVersion": "", "code": "InternalError",
   "description": null, "solution": "请稍后重试", "productCNName": "公共错误码"}
]"#;
        let export = read_export(Path::new("ec.json"), text).unwrap();
        assert_eq!(export.entries.len(), 2);
        let first = &export.entries[0];
        assert_eq!(first.description, "该实例 ins-xxx 不存在 & 链接。");
        assert_eq!((first.line, first.solution.as_deref()), (Some(2), None));
        let second = &export.entries[1];
        assert_eq!(
            (
                second.product.as_str(),
                second.line,
                second.description.as_str()
            ),
            ("PLATFORM", Some(6), "")
        );
        assert_eq!(second.solution.as_deref(), Some("请稍后重试"));
        assert_eq!(
            export.warnings[0].to_string(),
            "ec.json:4: entry of \"cvm\" left out: invalid error code \"InternalError.\": expected \
             dot-separated segments of ASCII letters and digits (and '_' after the first), \
             starting with an uppercase letter"
        );
    }

    #[test]
    fn a_one_line_export_has_no_lines() {
        let text =
            r#"[{"productName": "cvm", "productVersion": "1", "code": "A", "description": "x"}]"#;
        assert_eq!(
            read_export(Path::new("ec.json"), text).unwrap().entries[0].line,
            None
        );
    }

    #[test]
    fn malformed_exports_name_the_line() {
        let err = read_export(Path::new("ec.json"), "[\n{\"productName\": 1}]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "ec.json:2: malformed Error Center export: invalid type: integer `1`, expected a string"
        );
        let err = read_export(Path::new("ec.json"), "{}").unwrap_err();
        assert_eq!(
            err.to_string(),
            "ec.json:1: malformed Error Center export: invalid type: map, expected a sequence"
        );
    }
}
