//! `check`: read a docs set and report how its sources differ.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{
    to_json, with_checked, DocsArg, JsonFinding, Output, TextOrJson, EXIT_DIFFER, EXIT_OK,
};
use crate::agreement::{plural, Agreement};
use crate::catalog::Catalog;
use crate::error::{escape, Error};

/// At most this many warnings of one sort are printed; the rest are counted.
const MAX_WARNINGS: usize = 20;

#[derive(Debug, clap::Args)]
pub(super) struct CheckArgs {
    #[command(flatten)]
    docs: DocsArg,
    /// The output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
    /// List the accepted differences too (the text form lists only those not accepted).
    #[arg(long)]
    all: bool,
}

pub(super) fn run(args: &CheckArgs) -> Result<Output, Error> {
    with_checked(&args.docs.docs, |catalog, agreement| {
        let docs = catalog.docs;
        let code = if agreement.is_clean() {
            EXIT_OK
        } else {
            EXIT_DIFFER
        };
        let mut stderr = String::new();
        let warnings: Vec<String> = docs.warnings.iter().map(ToString::to_string).collect();
        capped(&mut stderr, &warnings, "warnings");
        let unused: Vec<String> = agreement
            .unused
            .iter()
            .map(|a| {
                format!(
                    "{}: accept entry ({a}) matches no difference; remove it",
                    docs.manifest_path().display()
                )
            })
            .collect();
        capped(&mut stderr, &unused, "unused accept entries");
        let stdout = match args.format {
            TextOrJson::Text => text(catalog, agreement, args.all),
            TextOrJson::Json => json(catalog, agreement)?,
        };
        Ok(Output {
            code,
            stdout,
            stderr,
        })
    })
}

pub(super) fn capped(out: &mut String, lines: &[String], what: &str) {
    for line in lines.iter().take(MAX_WARNINGS) {
        out.push_str(&format!("warning: {}\n", escape(line)));
    }
    if lines.len() > MAX_WARNINGS {
        out.push_str(&format!(
            "warning: ... and {} more {what}\n",
            lines.len() - MAX_WARNINGS
        ));
    }
}

fn text(catalog: &Catalog<'_>, agreement: &Agreement, all: bool) -> String {
    let mut out = String::new();
    for finding in &agreement.findings {
        if all || finding.accepted.is_none() {
            out.push_str(&escape(&finding.to_string()));
            out.push('\n');
        }
    }
    let counts = agreement.counts();
    if !counts.is_empty() {
        let accepted = agreement.accepted().count();
        let parts: Vec<String> = counts
            .iter()
            .map(|(kind, n)| format!("{n} {}", kind.as_str()))
            .collect();
        out.push_str(&format!("by kind: {}", parts.join(", ")));
        if accepted > 0 && !all {
            out.push_str(&format!(
                "; {accepted} accepted not listed (--all lists them)"
            ));
        }
        out.push('\n');
    }
    out.push_str(&summary(catalog, agreement));
    out.push('\n');
    out
}

/// The last line: what was read and the verdict.
pub(super) fn summary(catalog: &Catalog<'_>, agreement: &Agreement) -> String {
    let docs = catalog.docs;
    let products: BTreeSet<&str> = docs.pages.iter().map(|p| p.product()).collect();
    let own: usize = catalog.products.values().map(|p| p.codes.len()).sum();
    let with_own = catalog
        .products
        .values()
        .filter(|p| !p.codes.is_empty())
        .count();
    let exports = if docs.error_centers.is_empty() {
        String::new()
    } else {
        format!(
            " and {} Error Center export{}",
            docs.error_centers.len(),
            plural(docs.error_centers.len())
        )
    };
    let own = if own == 0 {
        String::new()
    } else {
        format!(
            ", {with_own} product{} with {own} code{} of their own",
            plural(with_own),
            plural(own)
        )
    };
    format!(
        "{} page{} ({} product{}){exports}, {} common code{}{own}: {}",
        docs.pages.len(),
        plural(docs.pages.len()),
        products.len(),
        plural(products.len()),
        catalog.common.len(),
        plural(catalog.common.len()),
        agreement.verdict()
    )
}

fn json(catalog: &Catalog<'_>, agreement: &Agreement) -> Result<String, Error> {
    #[derive(Serialize)]
    struct Json<'a> {
        differences: Vec<JsonFinding<'a>>,
        /// Per kind, in report order.
        counts: serde_json::Map<String, serde_json::Value>,
        unused: &'a [crate::manifest::Acceptance],
        warnings: Vec<String>,
        clean: bool,
        summary: String,
    }
    to_json(&Json {
        differences: agreement.findings.iter().map(JsonFinding::from).collect(),
        counts: agreement
            .counts()
            .into_iter()
            .map(|(k, n)| (k.as_str().to_owned(), n.into()))
            .collect(),
        unused: &agreement.unused,
        warnings: catalog
            .docs
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect(),
        clean: agreement.is_clean(),
        summary: summary(catalog, agreement),
    })
}
