//! `export`: every page's table, after normalization, for scripts.

use std::io::Write;

use serde::Serialize;

use super::{write_error, DocsArg, EXIT_AGREE};
use crate::docs::Docs;
use crate::error::Error;

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
    /// `{"pages": [{"product", "locale", "file", "codes": [{"code", "description"}]}]}`
    Json,
}

#[derive(Serialize)]
struct Export<'a> {
    pages: Vec<ExportPage<'a>>,
}

#[derive(Serialize)]
struct ExportPage<'a> {
    product: &'a str,
    locale: &'a str,
    file: &'a str,
    codes: Vec<ExportCode<'a>>,
}

#[derive(Serialize)]
struct ExportCode<'a> {
    code: &'a str,
    description: &'a str,
}

pub(super) fn run(args: &ExportArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let docs = Docs::load(&args.docs.dir())?;
    match args.format {
        ExportFormat::Json => {
            let export = Export {
                pages: docs
                    .pages
                    .iter()
                    .map(|page| ExportPage {
                        product: page.product(),
                        locale: page.locale(),
                        file: &page.source.file,
                        codes: page
                            .rows
                            .iter()
                            .map(|row| ExportCode {
                                code: &row.code,
                                description: &row.description,
                            })
                            .collect(),
                    })
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut *out, &export)
                .map_err(|e| Error::new(format!("cannot write the output: {e}")))?;
            writeln!(out).map_err(write_error)?;
        }
    }
    Ok(EXIT_AGREE)
}
