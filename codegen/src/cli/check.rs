//! `check`: read a docs set and report how its pages differ.

use std::io::Write;
use std::path::Path;

use super::{write_error, EXIT_AGREE, EXIT_DIFFER};
use crate::agreement::plural;
use crate::agreement::Agreement;
use crate::docs::Docs;
use crate::error::Error;
use crate::manifest::MANIFEST_FILE;
use crate::model::Model;

pub(super) fn run(dir: &Path, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, Error> {
    let docs = Docs::load(dir)?;
    // What the build would refuse beyond disagreement: codes that cannot become variants.
    Model::from_docs(&docs)?;
    let agreement = Agreement::check(&docs);
    for warning in &docs.warnings {
        writeln!(err, "warning: {warning}").map_err(write_error)?;
    }
    for unused in &agreement.unused {
        writeln!(
            err,
            "warning: {}: accept entry for {unused} matches no difference; remove it",
            dir.join(MANIFEST_FILE).display(),
        )
        .map_err(write_error)?;
    }
    for finding in &agreement.findings {
        writeln!(out, "{finding}").map_err(write_error)?;
    }
    writeln!(out, "{}", summary(&docs, &agreement)).map_err(write_error)?;
    Ok(if agreement.is_clean() {
        EXIT_AGREE
    } else {
        EXIT_DIFFER
    })
}

/// The last line: what was read and the verdict.
fn summary(docs: &Docs, agreement: &Agreement) -> String {
    let products: Vec<&str> = docs.pages.iter().map(|p| p.product()).collect();
    let codes: std::collections::BTreeSet<&str> = docs
        .pages
        .iter()
        .flat_map(|p| p.rows.iter().map(|r| r.code.as_str()))
        .collect();
    let verdict = agreement.verdict();
    let listed = if products.len() <= 10 {
        products.join(", ")
    } else {
        format!(
            "{}, ... {}",
            products[..3].join(", "),
            products[products.len() - 1]
        )
    };
    format!(
        "{} page{} ({listed}), {} code{}: {verdict}",
        products.len(),
        plural(products.len()),
        codes.len(),
        plural(codes.len()),
    )
}
