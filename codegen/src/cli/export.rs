//! `export`: every source's tables, after normalization, for scripts.

use serde::Serialize;

use super::{load_checked, to_json, DocsArg, Output, EXIT_OK};
use crate::error::Error;
use crate::locale::Locale;
use crate::read::Row;

#[derive(Debug, clap::Args)]
pub(super) struct ExportArgs {
    #[command(flatten)]
    docs: DocsArg,
    /// The output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    format: ExportFormat,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExportFormat {
    /// `{"pages": [{"product", "locale", "file", "codes", "product_codes"}],
    /// "error_center": [{"file", "locale", "entries"}]}`
    Json,
}

#[derive(Serialize)]
struct ExportCode<'a> {
    code: &'a str,
    description: &'a str,
    line: Option<usize>,
}

fn codes(rows: &[Row]) -> Vec<ExportCode<'_>> {
    rows.iter()
        .map(|row| ExportCode {
            code: &row.code,
            description: &row.description,
            line: row.line,
        })
        .collect()
}

pub(super) fn run(args: &ExportArgs) -> Result<Output, Error> {
    #[derive(Serialize)]
    struct Export<'a> {
        pages: Vec<ExportPage<'a>>,
        error_center: Vec<ExportCenter<'a>>,
    }
    #[derive(Serialize)]
    struct ExportPage<'a> {
        product: &'a str,
        locale: Locale,
        file: &'a str,
        codes: Vec<ExportCode<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        product_codes: Option<Vec<ExportCode<'a>>>,
    }
    #[derive(Serialize)]
    struct ExportCenter<'a> {
        file: &'a str,
        locale: Locale,
        entries: Vec<ExportEntry<'a>>,
    }
    #[derive(Serialize)]
    struct ExportEntry<'a> {
        product: &'a str,
        version: &'a str,
        code: &'a str,
        description: &'a str,
        solution: Option<&'a str>,
        line: Option<usize>,
    }
    let docs = &load_checked(&args.docs.docs)?;
    let ExportFormat::Json = args.format;
    let export = Export {
        pages: docs
            .pages
            .iter()
            .map(|page| ExportPage {
                product: page.product(),
                locale: page.locale(),
                file: &page.file,
                codes: codes(&page.common),
                product_codes: page.product.as_deref().map(codes),
            })
            .collect(),
        error_center: docs
            .error_centers
            .iter()
            .map(|export| ExportCenter {
                file: &export.file,
                locale: export.source.locale,
                entries: export
                    .entries
                    .iter()
                    .map(|e| ExportEntry {
                        product: &e.product,
                        version: &e.version,
                        code: &e.code,
                        description: &e.description,
                        solution: e.solution.as_deref(),
                        line: e.line,
                    })
                    .collect(),
            })
            .collect(),
    };
    Ok(Output::new(EXIT_OK, to_json(&export)?))
}
