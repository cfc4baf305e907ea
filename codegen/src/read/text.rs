//! The plain-text reader, for captures of the rendered page: the line `Common Error Codes`, a
//! header line `Error Code Description`, then a row per line until a blank line or the end.

use std::collections::HashSet;
use std::path::Path;

use super::{is_description_header, is_heading, normalize, Cells, PageTable, Row};
use crate::error::Error;

/// A row of a capture whose cells run together, kept whole until it can be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    /// The normalized text of the line, e.g. `AuthFailure.MFAFailureMFA failed.`.
    pub text: String,
    /// The 1-based line.
    pub line: usize,
}

/// How the header line says the cells are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// `Error Code Description`: a space between the cells.
    Separated,
    /// `Error CodeDescription`: nothing between them.
    RunTogether,
}

pub(super) fn read(path: &Path, source: &str) -> Result<PageTable, Error> {
    let lines: Vec<String> = source.lines().map(normalize).collect();
    let mut heading_line = None;
    let mut found = None;
    for (index, line) in lines.iter().enumerate() {
        if is_heading(line) {
            heading_line.get_or_insert(index + 1);
            // Prose may stand between the heading and the header line; another section's title
            // may not (its table is not the common one).
            found = lines[index + 1..]
                .iter()
                .enumerate()
                .take_while(|(_, l)| !is_heading(l) && !is_section_title(l))
                .find_map(|(offset, l)| {
                    header_layout(l).map(|layout| (index + 1 + offset, layout))
                });
            if found.is_some() {
                break;
            }
        }
    }
    let (header_index, layout) =
        match (found, heading_line) {
            (Some(found), _) => found,
            (None, Some(line)) => return Err(Error::at_line(
                path,
                line,
                "expected a header line \"Error Code Description\" after \"Common Error Codes\"",
            )),
            (None, None) => {
                return Err(Error::in_file(
                    path,
                    "no \"Common Error Codes\" (or \"公共错误码\") line found",
                ))
            }
        };

    let body = lines[header_index + 1..]
        .iter()
        .enumerate()
        .take_while(|(_, l)| !l.is_empty())
        .map(|(offset, l)| (header_index + 2 + offset, l));
    match layout {
        Layout::Separated => {
            let rows: Vec<Row> = body
                .map(|(line, text)| {
                    let (code, description) = text.split_once(' ').unwrap_or((text, ""));
                    Row {
                        code: code.to_owned(),
                        description: description.to_owned(),
                        line,
                    }
                })
                .collect();
            Ok(PageTable {
                header_line: header_index + 1,
                cells: Cells::Separate(rows),
            })
        }
        Layout::RunTogether => {
            let rows: Vec<RawRow> = body
                .map(|(line, text)| RawRow {
                    text: text.clone(),
                    line,
                })
                .collect();
            Ok(PageTable {
                header_line: header_index + 1,
                cells: Cells::RunTogether(rows),
            })
        }
    }
}

/// Whether a line is the title of another error-code section, such as "Service Error Codes"
/// or "业务错误码": a few words ending so, not a sentence.
fn is_section_title(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.split(' ').count() <= 5 && (lower.ends_with("error codes") || lower.ends_with("错误码"))
}

/// The layout a header line announces, if it is one: a code header, then a description header
/// after a space or right after it.
fn header_layout(line: &str) -> Option<Layout> {
    let lower = line.to_lowercase();
    super::CODE_HEADERS.iter().find_map(|code_header| {
        let rest = lower.strip_prefix(code_header)?;
        match rest.strip_prefix(' ') {
            Some(desc) if is_description_header(desc) => Some(Layout::Separated),
            _ if is_description_header(rest) => Some(Layout::RunTogether),
            _ => None,
        }
    })
}

/// Splits run-together rows with `known` codes, the codes the other pages of the same locale
/// document: the longest known code that starts the row is its code, the rest its description.
///
/// A known code followed by `.` and a letter or digit is not taken: the row's code is a longer,
/// unknown one. A row no known code starts is an error at its line.
pub fn split_run_together(
    path: &Path,
    rows: &[RawRow],
    known: &HashSet<&str>,
) -> Result<Vec<Row>, Error> {
    let split = rows
        .iter()
        .map(|raw| {
            let text = raw.text.as_str();
            // The longest prefix made only of code characters bounds the candidates.
            let max = text
                .bytes()
                .position(|b| !(b.is_ascii_alphanumeric() || b == b'.'))
                .unwrap_or(text.len());
            // Only the longest known prefix: if a segment follows it, the row's code is a longer,
            // unknown one, and a shorter prefix would be just as wrong.
            (1..=max)
                .rev()
                .find(|&end| known.contains(&text[..end]))
                .filter(|&end| {
                    let rest = &text.as_bytes()[end..];
                    !(rest.first() == Some(&b'.')
                        && rest.get(1).is_some_and(u8::is_ascii_alphanumeric))
                })
                .map(|end| Row {
                    code: text[..end].to_owned(),
                    description: text[end..].trim_start().to_owned(),
                    line: raw.line,
                })
                .ok_or_else(|| {
                    Error::at_line(
                        path,
                        raw.line,
                        format!(
                            "cannot split \"{text}\" into a code and a description: no code \
                             documented by the other pages of this locale starts it"
                        ),
                    )
                })
        })
        .collect::<Result<Vec<Row>, Error>>()?;
    Ok(split)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_titles() {
        for title in [
            "Service Error Codes",
            "API-specific Error Codes",
            "业务错误码",
        ] {
            assert!(is_section_title(title), "{title}");
        }
        for line in [
            "The following table lists the common error codes.",
            "Error Code Description",
            "If there is an Error field in the response, it lists the error codes",
        ] {
            assert!(!is_section_title(line), "{line}");
        }
    }

    #[test]
    fn header_layouts() {
        assert_eq!(
            header_layout("Error Code Description"),
            Some(Layout::Separated)
        );
        assert_eq!(
            header_layout("Error code Error Description"),
            Some(Layout::Separated)
        );
        assert_eq!(
            header_layout("Error CodeDescription"),
            Some(Layout::RunTogether)
        );
        assert_eq!(header_layout("错误码 说明"), Some(Layout::Separated));
        assert_eq!(header_layout("错误码错误描述"), Some(Layout::RunTogether));
        assert_eq!(header_layout("Error Code Reason"), None);
        assert_eq!(header_layout("Error Codes"), None);
    }

    #[test]
    fn splits_longest_known_code_first() {
        let known: HashSet<&str> = [
            "InvalidParameter",
            "InvalidParameterValue",
            "RequestLimitExceeded",
            "Foo",
        ]
        .into();
        let raw = |text: &str, line| RawRow {
            text: text.into(),
            line,
        };
        let rows = split_run_together(
            Path::new("p.txt"),
            &[
                raw("InvalidParameterValueInvalid parameter value.", 3),
                raw("InvalidParameterIncorrect parameter.", 4),
                raw("Foo", 5),
            ],
            &known,
        )
        .unwrap();
        let got: Vec<(&str, &str, usize)> = rows
            .iter()
            .map(|r| (r.code.as_str(), r.description.as_str(), r.line))
            .collect();
        assert_eq!(
            got,
            [
                ("InvalidParameterValue", "Invalid parameter value.", 3),
                ("InvalidParameter", "Incorrect parameter.", 4),
                ("Foo", "", 5),
            ]
        );
        let err = split_run_together(
            Path::new("p.txt"),
            &[raw("RequestLimitExceeded.UinLimitExceededToo many.", 9)],
            &known,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "p.txt:9: cannot split \"RequestLimitExceeded.UinLimitExceededToo many.\" into a code \
             and a description: no code documented by the other pages of this locale starts it"
        );
    }
}
