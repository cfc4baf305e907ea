//! `changes`: what a documentation update changed, and what it means for the crate's version.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;

use super::{default_docs, write_error, OutputFormat, EXIT_AGREE};
use crate::changes::{Changes, PageStatus};
use crate::docs::Docs;
use crate::error::Error;

#[derive(Debug, clap::Args)]
pub(super) struct ChangesArgs {
    /// The docs directory before the update.
    #[arg(long, value_name = "OLD_DOCS_DIR")]
    from: PathBuf,
    /// The docs directory after the update [default: docs]
    #[arg(long, visible_alias = "docs", value_name = "NEW_DOCS_DIR")]
    to: Option<PathBuf>,
    /// The output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

pub(super) fn run(args: &ChangesArgs, out: &mut dyn Write) -> Result<u8, Error> {
    let old = Docs::load(&args.from)?;
    let new = Docs::load(&args.to.clone().unwrap_or_else(default_docs))?;
    let changes = Changes::between(&old, &new)?;
    let text = match args.format {
        OutputFormat::Text => render_text(&changes),
        OutputFormat::Markdown => render_markdown(&changes),
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Json<'a> {
                #[serde(flatten)]
                changes: &'a Changes,
                verdict: String,
            }
            let json = Json {
                changes: &changes,
                verdict: changes.verdict(),
            };
            let mut text = serde_json::to_string_pretty(&json)
                .map_err(|e| Error::new(format!("cannot write the output: {e}")))?;
            text.push('\n');
            text
        }
    };
    out.write_all(text.as_bytes()).map_err(write_error)?;
    Ok(EXIT_AGREE)
}

fn status(status: PageStatus) -> &'static str {
    match status {
        PageStatus::Added => "page added",
        PageStatus::Dropped => "page dropped",
        PageStatus::Updated => "page updated",
    }
}

fn overall(changes: &Changes) -> String {
    format!(
        "ErrorCode: {} variant{} added, {} removed, {} description{} changed",
        changes.codes_added.len(),
        if changes.codes_added.len() == 1 {
            ""
        } else {
            "s"
        },
        changes.codes_removed.len(),
        changes.descriptions_changed.len(),
        if changes.descriptions_changed.len() == 1 {
            ""
        } else {
            "s"
        },
    )
}

pub(super) fn render_text(changes: &Changes) -> String {
    let mut out = String::new();
    if changes.products.is_empty() {
        out.push_str("no page changed\n");
    }
    for product in &changes.products {
        out.push_str(&format!(
            "{}: {}\n",
            product.product,
            status(product.status)
        ));
        for code in &product.added {
            out.push_str(&format!("  + {code}\n"));
        }
        for code in &product.removed {
            out.push_str(&format!("  - {code}\n"));
        }
        for r in &product.reworded {
            out.push_str(&format!("  ~ {}: {:?} → {:?}\n", r.code, r.old, r.new));
        }
    }
    out.push_str(&overall(changes));
    out.push('\n');
    out.push_str(&changes.verdict());
    out.push('\n');
    out
}

fn render_markdown(changes: &Changes) -> String {
    let mut out = String::from("### Documentation changes\n\n");
    if changes.products.is_empty() {
        out.push_str("No page changed.\n");
    }
    for product in &changes.products {
        out.push_str(&format!(
            "- **{}**: {}\n",
            product.product,
            status(product.status)
        ));
        for code in &product.added {
            out.push_str(&format!("  - added `{code}`\n"));
        }
        for code in &product.removed {
            out.push_str(&format!("  - removed `{code}`\n"));
        }
        for r in &product.reworded {
            out.push_str(&format!(
                "  - reworded `{}`: “{}” → “{}”\n",
                r.code, r.old, r.new
            ));
        }
    }
    out.push_str(&format!(
        "\n{}\n\n**{}**\n",
        overall(changes),
        changes.verdict()
    ));
    out
}
