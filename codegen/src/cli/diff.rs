//! `diff`: the products' tables side by side.

use std::io::Write;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use super::{write_error, DocsArg, OutputFormat, EXIT_AGREE, EXIT_DIFFER};
use crate::agreement::{plural, Agreement, Difference};
use crate::docs::Docs;
use crate::error::Error;
use crate::matrix::{Cell, LocaleMatrix, Matrix, Wording};

/// The width the text form fits in.
pub(super) const WIDTH: usize = 100;
/// Codes longer than this are shortened in the matrix (never in the descriptions below it).
const MAX_CODE_WIDTH: usize = 50;

#[derive(Debug, clap::Args)]
pub(super) struct DiffArgs {
    #[command(flatten)]
    docs: DocsArg,
    /// The output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Hide the codes on which every product agrees.
    #[arg(long)]
    only_differences: bool,
}

pub(super) fn run(args: &DiffArgs, color: bool, out: &mut dyn Write) -> Result<u8, Error> {
    let docs = Docs::load(&args.docs.dir())?;
    let agreement = Agreement::check(&docs);
    let mut matrix = Matrix::build(&docs, &agreement);
    if args.only_differences {
        for locale in &mut matrix.locales {
            locale.rows.retain(|row| !row.agrees());
        }
    }
    let text = match args.format {
        OutputFormat::Text => render_text(&matrix, &agreement, color),
        OutputFormat::Markdown => render_markdown(&matrix, &agreement),
        OutputFormat::Json => render_json(&matrix, &agreement)?,
    };
    out.write_all(text.as_bytes()).map_err(write_error)?;
    Ok(if agreement.is_clean() {
        EXIT_AGREE
    } else {
        EXIT_DIFFER
    })
}

fn symbol(cell: Cell) -> char {
    match cell {
        Cell::Same => '=',
        Cell::Differs => '~',
        Cell::Missing => '-',
        Cell::Extra => '+',
        Cell::Absent => '.',
    }
}

fn style(cell: Cell) -> Style {
    let color = match cell {
        Cell::Same => AnsiColor::Green,
        Cell::Differs => AnsiColor::Yellow,
        Cell::Missing => AnsiColor::Red,
        Cell::Extra => AnsiColor::Cyan,
        Cell::Absent => AnsiColor::BrightBlack,
    };
    Style::new().fg_color(Some(color.into()))
}

/// `text` in `style` when colour is on.
fn paint(text: &str, style: Style, color: bool) -> String {
    if color {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

/// The terminal form: per locale, a matrix that fits [`WIDTH`] columns (products split into
/// several blocks when they do not fit side by side), a legend, then the differing descriptions.
pub(super) fn render_text(matrix: &Matrix, agreement: &Agreement, color: bool) -> String {
    let mut out = String::new();
    for locale in &matrix.locales {
        out.push_str(&format!(
            "locale {}: {} page{}, {} code{}\n",
            locale.locale,
            locale.products.len(),
            plural(locale.products.len()),
            locale.rows.len(),
            plural(locale.rows.len())
        ));
        let columns = Columns::of(locale);
        for block in columns.blocks(locale) {
            out.push('\n');
            out.push_str(&render_block(locale, &columns, block, color));
        }
        if columns.numbered {
            out.push('\n');
            let legend: Vec<String> = locale
                .products
                .iter()
                .enumerate()
                .map(|(i, p)| format!("{}={p}", i + 1))
                .collect();
            for line in textwrap::wrap(&legend.join("  "), WIDTH) {
                out.push_str(&line);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    out.push_str("= same   ~ described differently   - missing   + extra   . absent\n");
    let locale_lines = locale_differences(agreement);
    if !locale_lines.is_empty() {
        out.push_str("\nLocales that differ:\n");
        for line in &locale_lines {
            out.push_str(&format!("  {line}\n"));
        }
    }
    if !matrix.wordings.is_empty() {
        out.push_str("\nDescriptions that differ:\n");
        for wording in &matrix.wordings {
            out.push_str(&render_wording(wording, color));
        }
    }
    out.push('\n');
    out.push_str(&summary(agreement));
    out
}

fn code_width(locale: &LocaleMatrix) -> usize {
    locale
        .rows
        .iter()
        .map(|r| r.code.len())
        .chain(["Code".len()])
        .max()
        .unwrap_or(0)
        .min(MAX_CODE_WIDTH)
}

/// How a locale's product columns are labelled: by name when every name fits beside the code
/// column, otherwise by number (with a legend under the matrix), so that many products still
/// fit in few blocks.
struct Columns {
    numbered: bool,
    code_width: usize,
}

impl Columns {
    fn of(locale: &LocaleMatrix) -> Columns {
        let code_width = code_width(locale);
        let by_name: usize = locale.products.iter().map(|p| 1 + name_width(p)).sum();
        Columns {
            numbered: code_width + by_name > WIDTH,
            code_width,
        }
    }

    /// The width of a product's column, its leading space included.
    fn width(&self, locale: &LocaleMatrix, product: &str) -> usize {
        if self.numbered {
            1 + locale.products.len().to_string().len()
        } else {
            1 + name_width(product)
        }
    }

    /// The products split into consecutive ranges that fit beside the code column.
    fn blocks(&self, locale: &LocaleMatrix) -> Vec<std::ops::Range<usize>> {
        let room = WIDTH - self.code_width;
        let mut blocks = Vec::new();
        let mut start = 0;
        let mut used = 0;
        for (index, product) in locale.products.iter().enumerate() {
            let width = self.width(locale, product);
            if used + width > room && index > start {
                blocks.push(start..index);
                start = index;
                used = 0;
            }
            used += width;
        }
        if start < locale.products.len() {
            blocks.push(start..locale.products.len());
        }
        blocks
    }

    /// The header label of the product at `index`.
    fn label(&self, index: usize, product: &str, width: usize) -> String {
        if self.numbered {
            (index + 1).to_string()
        } else {
            shorten(product, width)
        }
    }
}

/// A product name in a header: at most 12 columns.
fn name_width(product: &str) -> usize {
    textwrap::core::display_width(product).clamp(1, 12)
}

fn shorten(text: &str, width: usize) -> String {
    if textwrap::core::display_width(text) <= width {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(width.saturating_sub(1)).collect();
    short.push('…');
    short
}

fn render_block(
    locale: &LocaleMatrix,
    columns: &Columns,
    block: std::ops::Range<usize>,
    color: bool,
) -> String {
    let code_width = columns.code_width;
    let mut out = format!("{:<code_width$}", "Code");
    for index in block.clone() {
        let product = &locale.products[index];
        let width = columns.width(locale, product) - 1;
        out.push_str(&format!(
            " {:<width$}",
            columns.label(index, product, width)
        ));
    }
    out = out.trim_end().to_owned();
    out.push('\n');
    for row in &locale.rows {
        let mut line = format!("{:<code_width$}", shorten(&row.code, code_width));
        for index in block.clone() {
            let width = columns.width(locale, &locale.products[index]) - 1;
            let cell = row.cells[index];
            line.push(' ');
            line.push_str(&paint(
                &format!("{:<width$}", symbol(cell)),
                style(cell),
                color,
            ));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn render_wording(wording: &Wording, color: bool) -> String {
    let mut out = format!("{} ({})\n", wording.code, wording.locale);
    let labels: Vec<String> = wording
        .texts
        .iter()
        .map(|t| t.products.join(", "))
        .collect();
    let label_width = labels.iter().map(|l| l.len()).max().unwrap_or(0).min(40);
    let settled = &wording.texts[0].text;
    for (index, (text, label)) in wording.texts.iter().zip(&labels).enumerate() {
        let shown = if text.text.is_empty() {
            "(empty)".to_owned()
        } else if index == 0 || !color {
            text.text.clone()
        } else {
            highlight_changed_words(settled, &text.text)
        };
        let marker = if index == 0 { "  " } else { "≠ " };
        let indent = format!("  {marker}{label:<label_width$}  ");
        let rest = " ".repeat(textwrap::core::display_width(&indent));
        let options = textwrap::Options::new(WIDTH)
            .initial_indent(&indent)
            .subsequent_indent(&rest);
        for line in textwrap::wrap(&shown, options) {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

/// `text` with the words that `settled` does not have in bold yellow.
fn highlight_changed_words(settled: &str, text: &str) -> String {
    let changed = Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()));
    similar::TextDiff::from_words(settled, text)
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Delete)
        .map(|c| match c.tag() {
            similar::ChangeTag::Insert if !c.value().trim().is_empty() => {
                format!("{changed}{}{changed:#}", c.value())
            }
            _ => c.value().to_owned(),
        })
        .collect()
}

/// The differences between locales' code sets, which have no cell in a locale's matrix.
fn locale_differences(agreement: &Agreement) -> Vec<String> {
    agreement
        .findings
        .iter()
        .filter(|f| matches!(f.difference, Difference::LocaleLacks { .. }))
        .map(ToString::to_string)
        .collect()
}

fn summary(agreement: &Agreement) -> String {
    format!("{}\n", agreement.verdict())
}

/// A Markdown table cell's text: pipes escaped, so a description cannot split the row.
fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\").replace('|', "\\|")
}

/// The pull-request form: per locale a Markdown table, then the differing descriptions.
pub(super) fn render_markdown(matrix: &Matrix, agreement: &Agreement) -> String {
    let symbol = |cell: Cell| match cell {
        Cell::Same => "✓",
        Cell::Differs => "≠",
        Cell::Missing => "missing",
        Cell::Extra => "extra",
        Cell::Absent => "",
    };
    let mut out = String::new();
    for locale in &matrix.locales {
        out.push_str(&format!("### Locale `{}`\n\n", locale.locale));
        out.push_str(&format!("| Code | {} |\n", locale.products.join(" | ")));
        out.push_str(&format!("|---|{}\n", ":-:|".repeat(locale.products.len())));
        for row in &locale.rows {
            let cells: Vec<&str> = row.cells.iter().map(|c| symbol(*c)).collect();
            out.push_str(&format!("| `{}` | {} |\n", row.code, cells.join(" | ")));
        }
        out.push('\n');
    }
    out.push_str(
        "✓ same, ≠ described differently, missing, extra; blank: absent, as on most pages\n",
    );
    let locale_lines = locale_differences(agreement);
    if !locale_lines.is_empty() {
        out.push_str("\n### Locales that differ\n\n");
        for line in &locale_lines {
            out.push_str(&format!("- {line}\n"));
        }
    }
    if !matrix.wordings.is_empty() {
        out.push_str("\n### Descriptions that differ\n\n| Code | Locale | Products | Description |\n|---|---|---|---|\n");
        for wording in &matrix.wordings {
            for text in &wording.texts {
                out.push_str(&format!(
                    "| `{}` | {} | {} | {} |\n",
                    wording.code,
                    wording.locale,
                    text.products.join(", "),
                    md_cell(&text.text)
                ));
            }
        }
    }
    out.push('\n');
    out.push_str(&format!("**{}**", summary(agreement).trim_end()));
    out.push('\n');
    out
}

/// The JSON form; its shape is documented in the README and pinned by the tests.
fn render_json(matrix: &Matrix, agreement: &Agreement) -> Result<String, Error> {
    #[derive(Serialize)]
    struct Json<'a> {
        locales: Vec<JsonLocale<'a>>,
        descriptions: &'a [Wording],
        differences: Vec<JsonDifference>,
    }
    #[derive(Serialize)]
    struct JsonLocale<'a> {
        locale: &'a str,
        products: &'a [String],
        codes: Vec<JsonRow<'a>>,
    }
    #[derive(Serialize)]
    struct JsonRow<'a> {
        code: &'a str,
        cells: std::collections::BTreeMap<&'a str, Cell>,
    }
    #[derive(Serialize)]
    struct JsonDifference {
        text: String,
        accepted: Option<String>,
    }
    let json = Json {
        locales: matrix
            .locales
            .iter()
            .map(|l| JsonLocale {
                locale: &l.locale,
                products: &l.products,
                codes: l
                    .rows
                    .iter()
                    .map(|r| JsonRow {
                        code: &r.code,
                        cells: l
                            .products
                            .iter()
                            .map(String::as_str)
                            .zip(r.cells.iter().copied())
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        descriptions: &matrix.wordings,
        differences: agreement
            .findings
            .iter()
            .map(|f| JsonDifference {
                text: f.difference.to_string(),
                accepted: f.accepted.clone(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&json)
        .map_err(|e| Error::new(format!("cannot write the output: {e}")))?;
    text.push('\n');
    Ok(text)
}
