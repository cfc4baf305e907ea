//! The terminal form of `diff`: the generations, per locale a matrix that fits [`WIDTH`] columns
//! (pages numbered, in blocks, with a legend), then the texts that differ.

use anstyle::{AnsiColor, Style};

use super::{Report, WIDTH};
use crate::agreement::{plural, summarize};
use crate::error::escape;
use crate::report::{Cell, LocaleMatrix, Wording};

/// Codes longer than this are shortened in the matrix (never in the texts below it).
const MAX_CODE_WIDTH: usize = 50;

pub(super) fn symbol(cell: Cell) -> char {
    match cell {
        Cell::Same => '=',
        Cell::Cosmetic => '≈',
        Cell::Differs => '~',
        Cell::Missing => '-',
        Cell::Extra => '+',
        Cell::Absent => '.',
    }
}

fn style(cell: Cell) -> Style {
    let color = match cell {
        Cell::Same => AnsiColor::Green,
        Cell::Cosmetic => AnsiColor::Blue,
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

pub(super) fn render(report: &Report<'_>, color: bool) -> String {
    let mut out = String::new();
    out.push_str("Table generations (pages whose common tables list the same codes):\n");
    let mut locale = None;
    for generation in &report.generations {
        if locale != Some(generation.locale) {
            locale = Some(generation.locale);
            out.push_str(&format!("  locale {}:\n", generation.locale));
        }
        let pages: Vec<String> = generation
            .pages
            .iter()
            .map(|p| format!("{} ({})", p.product, p.file))
            .collect();
        let mut line = format!(
            "    {} code{}, {} page{}",
            generation.codes,
            plural(generation.codes),
            pages.len(),
            plural(pages.len())
        );
        if !generation.missing.is_empty() {
            line.push_str(&format!("; lacks {}", summarize(&generation.missing)));
        }
        if !generation.extra.is_empty() {
            line.push_str(&format!("; adds {}", summarize(&generation.extra)));
        }
        line.push_str(&format!(": {}", summarize(&pages)));
        wrap_into(&mut out, &line, "", "      ");
    }
    out.push('\n');
    for locale in &report.matrices {
        out.push_str(&format!(
            "locale {}: {} page{}, {} code{}\n",
            locale.locale,
            locale.pages.len(),
            plural(locale.pages.len()),
            locale.rows.len(),
            plural(locale.rows.len())
        ));
        let code_width = code_width(locale);
        let column = 1 + locale.pages.len().to_string().len();
        let per_block = ((WIDTH - code_width) / column).max(1);
        let mut start = 0;
        while start < locale.pages.len() {
            let end = (start + per_block).min(locale.pages.len());
            out.push('\n');
            out.push_str(&render_block(locale, code_width, column, start..end, color));
            start = end;
        }
        out.push('\n');
        let legend: Vec<String> = locale
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{}={} ({})", i + 1, p.product, p.file))
            .collect();
        fill_into(&mut out, &legend);
        out.push('\n');
    }
    out.push_str("= same   ≈ cosmetic   ~ worded differently   - missing   + extra   . absent\n");
    let locale_lines = &report.locale_differences;
    if !locale_lines.is_empty() {
        out.push_str("\nLocales that differ:\n");
        for line in locale_lines {
            wrap_into(&mut out, line, "  ", "    ");
        }
    }
    if !report.wordings.is_empty() {
        out.push_str("\nTexts that differ (the settled text first):\n");
        for wording in &report.wordings {
            out.push_str(&render_wording(wording, color));
        }
    }
    if let Some((product, findings)) = &report.product {
        out.push_str(&format!("\nDifferences of {product}'s own table:\n"));
        if findings.is_empty() {
            out.push_str("  none\n");
        }
        for finding in findings {
            wrap_into(&mut out, &escape(&finding.to_string()), "  ", "    ");
        }
    }
    if report.unlisted_wordings > 0 {
        out.push('\n');
        wrap_into(
            &mut out,
            &format!(
                "{} more code{} of products' own tables {} texts that differ; `diff --product \
                 NAME` lists a product's",
                report.unlisted_wordings,
                plural(report.unlisted_wordings),
                if report.unlisted_wordings == 1 {
                    "has"
                } else {
                    "have"
                }
            ),
            "",
            "",
        );
    }
    out.push('\n');
    out.push_str(&report.verdict);
    out.push('\n');
    out
}

/// `entries` two spaces apart, as many a line as fit; an entry is never split.
fn fill_into(out: &mut String, entries: &[String]) {
    let mut line = String::new();
    for entry in entries {
        let width = textwrap::core::display_width(&line);
        if !line.is_empty() && width + 2 + textwrap::core::display_width(entry) > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push_str("  ");
        }
        line.push_str(entry);
    }
    if !line.is_empty() {
        out.push_str(&line);
        out.push('\n');
    }
}

/// Lines of names and files, wrapped at spaces only: a file name stays whole.
fn wrap_into(out: &mut String, text: &str, initial: &str, subsequent: &str) {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(initial)
        .subsequent_indent(subsequent)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    for line in textwrap::wrap(text, options) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
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
    code_width: usize,
    column: usize,
    block: std::ops::Range<usize>,
    color: bool,
) -> String {
    let width = column - 1;
    let mut out = format!("{:<code_width$}", "Code");
    for index in block.clone() {
        out.push_str(&format!(" {:>width$}", index + 1));
    }
    out.push('\n');
    for row in &locale.rows {
        let mut line = format!("{:<code_width$}", shorten(&row.code, code_width));
        for index in block.clone() {
            let cell = row.cells[index];
            line.push(' ');
            line.push_str(&paint(
                &format!("{:>width$}", symbol(cell)),
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
    let product = wording
        .product
        .as_deref()
        .map_or_else(String::new, |p| format!(", {p}"));
    let mut out = format!("{} ({}{product})\n", wording.code, wording.locale);
    let labels: Vec<String> = wording
        .texts
        .iter()
        .map(|t| summarize(&t.sources))
        .collect();
    let label_width = labels.iter().map(|l| l.len()).max().unwrap_or(0).min(40);
    let settled = &wording.texts[0].text;
    for (index, (text, label)) in wording.texts.iter().zip(&labels).enumerate() {
        let shown = if text.text.is_empty() {
            "(empty)".to_owned()
        } else if index == 0 || !color {
            escape(&text.text)
        } else {
            highlight_changed_words(&escape(settled), &escape(&text.text))
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
