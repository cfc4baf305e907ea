//! The validators: a fetched body is read as the generator will read the file, before it is
//! written.

use std::path::Path;

use super::Source;
use crate::error::Error;
use crate::read::{self, Cells};

/// Reads a fetched body with the reader its file's extension picks, as the generator will:
/// a page (`.html`, `.md`, `.txt`, ...) must hold a Common Error Codes table whose rows are
/// well-formed; an Error Center export (`.json`) goes to [`check_error_center_export`].
///
/// `Err` is the reader's message, with the line of the body it is about (`line 12: ...`).
///
/// ```
/// use std::path::PathBuf;
/// use tencentcloud_error_codes_build::update::{check_page, Source};
///
/// let source = Source { id: "cdn".into(), file: PathBuf::from("pages/cdn.md"), url: String::new() };
/// let page = "## Common Error Codes\n\n| Error Code | Description |\n|---|---|\n| InternalError | Internal error. |\n";
/// assert_eq!(check_page(&source, page), Ok(()));
/// assert_eq!(
///     check_page(&source, "# Responses\n"),
///     Err("no \"Common Error Codes\" (or \"公共错误码\") heading found".to_owned()),
/// );
/// ```
pub fn check_page(source: &Source, text: &str) -> Result<(), String> {
    let is_json = source
        .file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        return check_error_center_export(text);
    }
    let path = Path::new(&source.file);
    let tables = read::read_page(path, text).map_err(|e| located(&e))?;
    // Rows whose cells run together are split with the other pages' codes, which only the
    // whole docs set has: the caller reads it once written to a copy.
    for table in std::iter::once(&tables.common).chain(&tables.product) {
        if let Cells::Separate(rows) = &table.cells {
            read::check_rows(path, rows.clone(), table.header_line, "page")
                .map_err(|e| located(&e))?;
        }
    }
    Ok(())
}

/// Checks the body of an Error Center export with its reader: a JSON array of entries, each
/// with a product name and a code.
///
/// ```
/// use tencentcloud_error_codes_build::update::check_error_center_export;
///
/// assert_eq!(
///     check_error_center_export(r#"[{"productName": "cvm", "code": "InternalError"}]"#),
///     Ok(())
/// );
/// assert_eq!(
///     check_error_center_export("{}").unwrap_err(),
///     "line 1: malformed Error Center export: invalid type: map, expected a sequence"
/// );
/// ```
pub fn check_error_center_export(text: &str) -> Result<(), String> {
    read::error_center::read_export(Path::new("export.json"), text)
        .map(|_| ())
        .map_err(|e| located(&e))
}

/// A reader's error without the file (the line says where): `line 12: message`.
fn located(error: &Error) -> String {
    match error.line() {
        Some(line) => format!("line {line}: {}", error.message()),
        None => error.message().to_owned(),
    }
}
