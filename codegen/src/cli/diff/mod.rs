//! `diff`: the sources side by side. One report value ([`Report`]), one renderer per format.

mod json;
mod markdown;
mod text;

use std::path::PathBuf;

use super::{with_checked, Console, Output, OutputFormat, EXIT_DIFFER, EXIT_OK};
use crate::agreement::{Agreement, Finding, TableKind};
use crate::catalog::Catalog;
use crate::error::Error;
use crate::report::{generations, matrices, wordings, Generation, LocaleMatrix, Wording};

/// The width the text form fits in.
pub(super) const WIDTH: usize = 100;

#[derive(Debug, clap::Args)]
pub(super) struct DiffArgs {
    /// The docs directory, holding sources.json.
    #[arg(long, value_name = "DIR", default_value = "docs")]
    docs: PathBuf,
    /// The output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Hide the codes on which every page agrees.
    #[arg(long)]
    only_differences: bool,
    /// Show the texts of this product's own codes that differ, and the differences of its own
    /// table (by default, only the common table's texts are listed, and the product tables'
    /// are counted).
    #[arg(long, value_name = "PRODUCT")]
    product: Option<String>,
    /// When to colour the output: auto colours on a terminal unless NO_COLOR is set
    /// (CLICOLOR_FORCE colours off a terminal too).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Everything `diff` shows.
pub(super) struct Report<'a> {
    pub generations: Vec<Generation>,
    pub matrices: Vec<LocaleMatrix>,
    /// The texts that differ, as selected (the common table's, or one product's).
    pub wordings: Vec<Wording>,
    /// How many product-table texts differ and are not listed.
    pub unlisted_wordings: usize,
    /// With `--product`, the product, and the differences of its own table.
    pub product: Option<(&'a str, Vec<&'a Finding>)>,
    pub findings: &'a [Finding],
    /// The differences between the locales' common code sets, which have no cell in a matrix,
    /// as lines (escaped).
    pub locale_differences: Vec<String>,
    pub verdict: String,
}

pub(super) fn run(args: &DiffArgs, console: Console) -> Result<Output, Error> {
    let color = match args.color {
        ColorChoice::Auto => console.auto_color(),
        ColorChoice::Always => true,
        ColorChoice::Never => false,
    };
    with_checked(
        &args.docs,
        |catalog: &Catalog<'_>, agreement: &Agreement| {
            let mut matrices = matrices(catalog, agreement);
            if args.only_differences {
                for locale in &mut matrices {
                    locale.rows.retain(|row| !row.agrees());
                }
            }
            let (wordings, unlisted): (Vec<Wording>, Vec<Wording>) =
                wordings(catalog).into_iter().partition(|w| {
                    w.table == TableKind::Common
                        || args.product.is_some() && w.product.as_deref() == args.product.as_deref()
                });
            let product = args.product.as_deref().map(|product| {
                let findings = agreement
                    .findings
                    .iter()
                    .filter(|f| {
                        f.difference.table == TableKind::Product
                            && f.difference.product.as_deref() == Some(product)
                    })
                    .collect();
                (product, findings)
            });
            let report = Report {
                generations: generations(catalog),
                matrices,
                wordings,
                unlisted_wordings: unlisted.len(),
                product,
                findings: &agreement.findings,
                locale_differences: agreement
                    .findings
                    .iter()
                    .filter(|f| {
                        f.difference.kind == crate::agreement::Kind::LocaleLacks
                            && f.difference.product.is_none()
                    })
                    .map(|f| crate::error::escape(&f.to_string()))
                    .collect(),
                verdict: agreement.verdict(),
            };
            let stdout = match args.format {
                OutputFormat::Text => text::render(&report, color),
                OutputFormat::Markdown => markdown::render(&report),
                OutputFormat::Json => json::render(&report)?,
            };
            Ok(Output::new(
                if agreement.is_clean() {
                    EXIT_OK
                } else {
                    EXIT_DIFFER
                },
                stdout,
            ))
        },
    )
}
