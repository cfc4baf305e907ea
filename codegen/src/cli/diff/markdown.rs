//! The pull-request form of `diff`: the generations, per locale a Markdown table, then the
//! texts that differ.

use super::Report;
use crate::agreement::summarize;
use crate::error::escape;
use crate::report::Cell;

/// A Markdown table cell's text: escaped for the terminal, pipes and backslashes escaped so a
/// text cannot split the row.
fn md_cell(text: &str) -> String {
    escape(text).replace('\\', "\\\\").replace('|', "\\|")
}

pub(super) fn render(report: &Report<'_>) -> String {
    let symbol = |cell: Cell| match cell {
        Cell::Same => "✓",
        Cell::Cosmetic => "≈",
        Cell::Differs => "≠",
        Cell::Missing => "missing",
        Cell::Extra => "extra",
        Cell::Absent => "",
    };
    let mut out = String::from("### Table generations\n\n| Locale | Codes | Pages | Lacks | Adds |\n|---|--:|---|---|---|\n");
    for g in &report.generations {
        let pages: Vec<String> = g
            .pages
            .iter()
            .map(|p| format!("{} (`{}`)", p.product, p.file))
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            g.locale,
            g.codes,
            md_cell(&summarize(&pages)),
            md_cell(&summarize(&g.missing)),
            md_cell(&summarize(&g.extra))
        ));
    }
    out.push('\n');
    for locale in &report.matrices {
        out.push_str(&format!("### Locale `{}`\n\n", locale.locale));
        let numbers: Vec<String> = (1..=locale.pages.len()).map(|i| i.to_string()).collect();
        out.push_str(&format!("| Code | {} |\n", numbers.join(" | ")));
        out.push_str(&format!("|---|{}\n", ":-:|".repeat(locale.pages.len())));
        for row in &locale.rows {
            let cells: Vec<&str> = row.cells.iter().map(|c| symbol(*c)).collect();
            out.push_str(&format!("| `{}` | {} |\n", row.code, cells.join(" | ")));
        }
        out.push('\n');
        let legend: Vec<String> = locale
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{}: {} (`{}`)", i + 1, p.product, p.file))
            .collect();
        out.push_str(&format!("Pages: {}\n\n", legend.join(", ")));
    }
    out.push_str("✓ same, ≈ cosmetic, ≠ worded differently, missing, extra; blank: absent, as on most pages\n");
    let locale_lines = &report.locale_differences;
    if !locale_lines.is_empty() {
        out.push_str("\n### Locales that differ\n\n");
        for line in locale_lines {
            out.push_str(&format!("- {}\n", md_cell(line)));
        }
    }
    if !report.wordings.is_empty() {
        out.push_str(
            "\n### Texts that differ\n\n| Code | Locale | Sources | Text |\n|---|---|---|---|\n",
        );
        for wording in &report.wordings {
            for text in &wording.texts {
                out.push_str(&format!(
                    "| `{}` | {} | {} | {} |\n",
                    wording.code,
                    wording.locale,
                    md_cell(&summarize(&text.sources)),
                    md_cell(&text.text)
                ));
            }
        }
    }
    if let Some((product, findings)) = &report.product {
        out.push_str(&format!("\n### Differences of `{product}`'s own table\n\n"));
        if findings.is_empty() {
            out.push_str("None.\n");
        }
        for finding in findings {
            out.push_str(&format!("- {}\n", md_cell(&finding.to_string())));
        }
    }
    if report.unlisted_wordings > 0 {
        out.push_str(&format!(
            "\n{} more code{} of products' own tables {} texts that differ.\n",
            report.unlisted_wordings,
            crate::agreement::plural(report.unlisted_wordings),
            if report.unlisted_wordings == 1 {
                "has"
            } else {
                "have"
            }
        ));
    }
    out.push_str(&format!("\n**{}**\n", report.verdict));
    out
}
