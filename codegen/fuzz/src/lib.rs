//! What every fuzz target checks: a reader gives a result or an error that displays on one line
//! and names the file it is about, and never panics (a panic is what libFuzzer reports).

use std::path::Path;

use tencentcloud_error_codes_build::error::is_unsafe;
use tencentcloud_error_codes_build::read::{check_rows, decode, read_page, Cells};
use tencentcloud_error_codes_build::Error;

/// Panics unless `error` displays on one line, starting with `file`.
pub fn assert_one_line(file: &str, error: &Error) {
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{file}:")),
        "does not name {file}: {message}"
    );
    assert!(
        !message.chars().any(|c| c == '\n' || is_unsafe(c)),
        "not one line: {message:?}"
    );
}

/// Reads `bytes` as the page `file` (its extension picks the reader) and checks the rows of its
/// tables, as the generator does.
pub fn read_page_bytes(file: &str, bytes: &[u8]) {
    let path = Path::new(file);
    let result = decode(path, bytes.to_vec()).and_then(|text| {
        let tables = read_page(path, &text)?;
        for table in std::iter::once(tables.common).chain(tables.product) {
            if let Cells::Separate(rows) = table.cells {
                check_rows(path, rows, table.header_line, "Common Error Codes")?;
            }
        }
        Ok(())
    });
    if let Err(error) = result {
        assert_one_line(file, &error);
    }
}
