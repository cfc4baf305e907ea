//! `changes`: what a documentation update changed, and what it means for the crate's version.

use std::path::PathBuf;

use serde::Serialize;

use super::{to_json, Output, OutputFormat, EXIT_DIFFER, EXIT_OK};
use crate::agreement::{plural, summarize, Agreement, TableKind};
use crate::catalog::Catalog;
use crate::changes::{Changes, ProductChanges, Semver, Status};
use crate::docs::Docs;
use crate::error::{escape, quote, Error};
use crate::locale::Locale;

#[derive(Debug, clap::Args)]
pub(super) struct ChangesArgs {
    /// The docs directory before the update.
    #[arg(long, value_name = "OLD_DOCS_DIR")]
    from: PathBuf,
    /// The docs directory after the update.
    #[arg(
        long,
        visible_alias = "docs",
        value_name = "NEW_DOCS_DIR",
        default_value = "docs"
    )]
    to: PathBuf,
    /// The output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Exit with status 1 when the verdict is at or above this level (for CI gates).
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<FailOn>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    Patch,
    Minor,
    Breaking,
}

impl FailOn {
    fn level(self) -> Semver {
        match self {
            FailOn::Patch => Semver::Patch,
            FailOn::Minor => Semver::Minor,
            FailOn::Breaking => Semver::Breaking,
        }
    }
}

pub(super) fn run(args: &ChangesArgs) -> Result<Output, Error> {
    let old = Docs::load(&args.from)?;
    let new = Docs::load(&args.to)?;
    let changes = Changes::between(&old, &new)?;
    let rejected = {
        let catalog = Catalog::build(&new)?;
        Agreement::check(&catalog).rejected().count()
    };
    // No verdict for docs that the build would refuse: say why instead.
    let verdict = if rejected == 0 {
        changes.verdict()
    } else {
        format!(
            "semver: no verdict: the new docs disagree ({rejected} difference{} not accepted); \
             run `tencentcloud-error-codes check --docs {}`",
            plural(rejected),
            args.to.display()
        )
    };
    // Entries left out of an export, say, do not stop the comparison; they are said.
    let mut stderr = String::new();
    for docs in [&old, &new] {
        let warnings: Vec<String> = docs.warnings.iter().map(ToString::to_string).collect();
        super::check::capped(&mut stderr, &warnings, "warnings");
    }
    let stdout = match args.format {
        OutputFormat::Text => render_text(&changes, &verdict),
        OutputFormat::Markdown => render_markdown(&changes, &verdict),
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Json<'a> {
                #[serde(flatten)]
                changes: &'a Changes,
                verdict: &'a str,
                clean: bool,
            }
            to_json(&Json {
                changes: &changes,
                verdict: &verdict,
                clean: rejected == 0,
            })?
        }
    };
    let failed = rejected > 0 || args.fail_on.is_some_and(|f| changes.reaches(f.level()));
    Ok(Output {
        code: if failed { EXIT_DIFFER } else { EXIT_OK },
        stdout,
        stderr,
    })
}

/// From this many codes on, texts a locale gains are counted rather than listed.
const MIN_SUMMARIZED: usize = 3;

fn table_name(p: &ProductChanges) -> &'static str {
    match p.table {
        TableKind::Common => "common table",
        TableKind::Product => "own codes",
    }
}

/// One line for an added or dropped product, the lists for an updated one. The first line
/// names the product, the table and, for its own codes, the verdict for its module.
fn product_lines(p: &ProductChanges) -> Vec<String> {
    let module = match p.semver {
        Some(semver) if semver != Semver::None => format!(", module: {}", semver.as_str()),
        _ => String::new(),
    };
    let head = format!("{} ({}{module})", p.product, table_name(p));
    let mut lines = Vec::new();
    match p.status {
        Status::Added => lines.push(format!(
            "{head}: added, {} code{}",
            p.codes,
            plural(p.codes)
        )),
        Status::Dropped => lines.push(format!(
            "{head}: dropped, had {} code{}",
            p.codes,
            plural(p.codes)
        )),
        Status::Updated => {
            lines.push(format!("{head}:"));
            for file in &p.sources_added {
                lines.push(format!("  + source {file}"));
            }
            for file in &p.sources_dropped {
                lines.push(format!("  - source {file}"));
            }
            for code in &p.added {
                lines.push(format!("  + {code}"));
            }
            for code in &p.removed {
                lines.push(format!("  - {code}"));
            }
            // Texts a locale gains where it had none (a page of a new locale): one line.
            let gained: Vec<&str> = Locale::ALL
                .iter()
                .filter(|&&l| {
                    p.reworded
                        .iter()
                        .filter(|r| r.locale == l && r.old.is_empty())
                        .count()
                        >= MIN_SUMMARIZED
                })
                .map(|l| l.as_str())
                .collect();
            for locale in &gained {
                let n = p
                    .reworded
                    .iter()
                    .filter(|r| r.locale.as_str() == *locale && r.old.is_empty())
                    .count();
                lines.push(format!("  ~ {n} codes gain a text in {locale}"));
            }
            let gains = |r: &&crate::changes::Reworded| {
                r.old.is_empty() && gained.contains(&r.locale.as_str())
            };
            for r in p.reworded.iter().filter(|r| !gains(r)) {
                // An empty text is none: the locale's sources no longer (or did not yet) give one.
                let shown = |text: &str| {
                    if text.is_empty() {
                        "(none)".to_owned()
                    } else {
                        quote(text)
                    }
                };
                lines.push(format!(
                    "  ~ {} ({}): {} -> {}",
                    r.code,
                    r.locale,
                    shown(&r.old),
                    shown(&r.new)
                ));
            }
        }
    }
    lines
}

/// The lines on the crate as a whole: the common enum, the modules, the products, the exports.
fn summary_lines(changes: &Changes) -> Vec<String> {
    let lists = [
        ("common codes added", &changes.codes_added),
        ("common codes removed", &changes.codes_removed),
        ("product modules added", &changes.modules_added),
        ("product modules dropped", &changes.modules_dropped),
        ("products added", &changes.products_added),
        ("products dropped", &changes.products_dropped),
        ("Error Center exports added", &changes.exports_added),
        ("Error Center exports dropped", &changes.exports_dropped),
    ];
    let mut lines: Vec<String> = lists
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(what, list)| format!("{what}: {}", summarize(list)))
        .collect();
    if !changes.descriptions_changed.is_empty() {
        lines.push(format!(
            "common texts changed: {}",
            changes.descriptions_changed.len()
        ));
    }
    lines
}

pub(super) fn render_text(changes: &Changes, verdict: &str) -> String {
    let mut out = String::new();
    if changes.products.is_empty() {
        out.push_str("no product's tables changed\n");
    }
    for p in &changes.products {
        for line in product_lines(p) {
            out.push_str(&escape(&line));
            out.push('\n');
        }
    }
    for line in summary_lines(changes) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(verdict);
    out.push('\n');
    out
}

fn render_markdown(changes: &Changes, verdict: &str) -> String {
    let mut out = String::from("### Documentation changes\n\n");
    if changes.products.is_empty() {
        out.push_str("No product's tables changed.\n");
    }
    for p in &changes.products {
        let lines = product_lines(p);
        out.push_str(&format!("- **{}**\n", escape(&lines[0])));
        for line in &lines[1..] {
            out.push_str(&format!(
                "  - `{}`\n",
                escape(line.trim()).replace('`', "'")
            ));
        }
    }
    let summary = summary_lines(changes);
    if !summary.is_empty() {
        out.push('\n');
    }
    for line in summary {
        out.push_str(&format!("- {line}\n"));
    }
    out.push_str(&format!("\n**{verdict}**\n"));
    out
}
