//! A synthetic docs set the size of all of Tencent Cloud: many products, each with the common
//! codes and product-specific ones, in the three page formats.

use std::fmt::Write as _;
use std::path::Path;

use tencentcloud_error_codes_build::{Docs, Error};

/// The (code, description) rows of the first page of the docs set in `dir`.
pub fn common_rows(dir: &Path) -> Result<Vec<(String, String)>, Error> {
    let docs = Docs::load(dir)?;
    Ok(docs.pages[0]
        .common
        .iter()
        .map(|r| (r.code.clone(), r.description.clone()))
        .collect())
}

/// Families product-specific codes are made in, as on real pages.
const FAMILIES: [&str; 8] = [
    "FailedOperation",
    "InvalidParameter",
    "InvalidParameterValue",
    "LimitExceeded",
    "ResourceNotFound",
    "ResourceUnavailable",
    "UnauthorizedOperation",
    "UnsupportedOperation",
];

/// The rows of product `index`: the 26 common codes of `common`, then `specific` codes of its
/// own (`FailedOperation.Product0042Code0007`, ...).
pub fn rows(index: usize, common: &[(String, String)], specific: usize) -> Vec<(String, String)> {
    let mut rows = common.to_vec();
    for n in 0..specific {
        let family = FAMILIES[(index + n) % FAMILIES.len()];
        rows.push((
            format!("{family}.Product{index:04}Code{n:04}"),
            format!("Product {index} specific error {n}: the operation cannot be completed."),
        ));
    }
    rows
}

/// The page of `rows` in the format of `extension` (`txt`, `md` or `html`).
pub fn page(extension: &str, rows: &[(String, String)]) -> String {
    let mut page = String::new();
    match extension {
        "txt" => {
            page.push_str("Responses\n\nCommon Error Codes\n\nError Code Description\n");
            for (code, description) in rows {
                let _ = writeln!(page, "{code} {description}");
            }
        }
        "md" => {
            page.push_str("## Common Error Codes\n\n| Error Code | Description |\n|---|---|\n");
            for (code, description) in rows {
                let _ = writeln!(page, "| {code} | {description} |");
            }
        }
        _ => {
            page.push_str("<html><body><nav><a href=\"/\">API</a></nav><h2>Common Error Codes</h2>\n<table><thead><tr><th>Error Code</th><th>Description</th></tr></thead><tbody>\n");
            for (code, description) in rows {
                let _ = writeln!(page, "<tr><td>{code}</td><td>{description}</td></tr>");
            }
            page.push_str("</tbody></table></body></html>\n");
        }
    }
    page
}

/// Writes a docs set of `products` pages into `dir` (formats in turn: text, Markdown, HTML),
/// each with the common rows and `specific` codes of its own. Every product-specific code is
/// accepted, so that the set agrees.
pub fn write_docs(dir: &Path, common: &[(String, String)], products: usize, specific: usize) {
    std::fs::create_dir_all(dir.join("pages")).expect("create the pages directory");
    let mut pages = Vec::new();
    let mut accept = Vec::new();
    for index in 0..products {
        let extension = ["txt", "md", "html"][index % 3];
        let product = format!("p{index:04}");
        let file = format!("pages/{product}.{extension}");
        let rows = rows(index, common, specific);
        for (code, _) in &rows[common.len()..] {
            accept.push(format!(
                r#"{{"product": "{product}", "code": "{code}", "reason": "product-specific"}}"#
            ));
        }
        std::fs::write(dir.join(&file), page(extension, &rows)).expect("write a page");
        pages.push(format!(
            r#"{{"product": "{product}", "locale": "en", "file": "{file}"}}"#
        ));
    }
    let manifest = format!(
        "{{\"pages\": [\n{}\n], \"accept\": [\n{}\n]}}\n",
        pages.join(",\n"),
        accept.join(",\n")
    );
    std::fs::write(dir.join("sources.json"), manifest).expect("write the manifest");
}
