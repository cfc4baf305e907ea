//! The plain-text reader, for captures of the rendered page: a line `Common Error Codes`, a
//! header line `Error Code Description`, then a row per line until an empty line or the end.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. A line of only spaces and tabs ends the table; a
//! line that holds other whitespace only (a no-break space: a rendered empty row) is an empty row
//! of the table, passed over, so that the rows after it are still read.

use std::collections::HashSet;
use std::path::Path;

use super::{
    is_code_header, is_description_header, normalize, section_of, split_lines, Cells, PageTable,
    PageTables, Row, Section,
};
use crate::error::{quote, Error};

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

/// The longest line taken for a header line: titles are a few words.
const MAX_HEADER_LINE: usize = 80;

pub(super) fn read(path: &Path, source: &str) -> Result<PageTables, Error> {
    let raw: Vec<&str> = split_lines(source).collect();
    let lines: Vec<String> = raw.iter().map(|l| normalize(l)).collect();
    let is_heading = |l: &str| section_of(l) == Some(Section::Common);
    let mut heading_line = None;
    let mut found = None;
    for (index, line) in lines.iter().enumerate() {
        if is_heading(line) {
            heading_line.get_or_insert(index + 1);
            // Prose may stand between the heading and the header line; another section's title
            // may not (its table is not the common one). The search stops at the next heading,
            // so every line is looked at once.
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

    // Rows until a line of nothing but spaces and tabs; a line of other whitespace only is an
    // empty row.
    let body = raw[header_index + 1..]
        .iter()
        .zip(&lines[header_index + 1..])
        .enumerate()
        .take_while(|(_, (raw, _))| !raw.trim_matches([' ', '\t']).is_empty())
        .filter(|(_, (_, line))| !line.is_empty())
        .map(|(offset, (_, line))| (header_index + 2 + offset, line));
    let cells = match layout {
        Layout::Separated => Cells::Separate(
            body.map(|(line, text)| {
                let (code, description) = text.split_once(' ').unwrap_or((text, ""));
                Row {
                    code: code.to_owned(),
                    description: description.to_owned(),
                    line: Some(line),
                }
            })
            .collect(),
        ),
        Layout::RunTogether => Cells::RunTogether(
            body.map(|(line, text)| RawRow {
                text: text.clone(),
                line,
            })
            .collect(),
        ),
    };
    Ok(PageTables {
        common: PageTable {
            header_line: Some(header_index + 1),
            cells,
        },
        product: None,
    })
}

/// Whether a line is the title of another error-code section, such as "Service Error Codes"
/// or "业务错误码": a few words ending so, not a sentence.
fn is_section_title(line: &str) -> bool {
    if section_of(line).is_some() {
        return true;
    }
    let lower = line.to_lowercase();
    line.split(' ').count() <= 5 && (lower.ends_with("error codes") || lower.ends_with("错误码"))
}

/// The layout a header line announces, if it is one: a code column title, then a description
/// column title after a space or right after it.
///
/// Every line after the heading is asked, so the work per line is kept small: a line without
/// both kinds of title word is passed over at once, and only the splits that leave at most
/// three words for the description are tried.
fn header_layout(line: &str) -> Option<Layout> {
    if line.is_empty() || line.len() > MAX_HEADER_LINE {
        return None;
    }
    let lower = line.to_lowercase();
    if !(lower.contains("code") || lower.contains('码')) || !is_description_header(&lower) {
        return None;
    }
    // The description is at most three words: it starts in the third-last word at the
    // earliest, or right after the space before it.
    let from = lower
        .rmatch_indices(' ')
        .nth(2)
        .map_or(1, |(space, _)| space.max(1));
    let mut run_together = None;
    for (i, _) in lower.char_indices().filter(|&(i, _)| i >= from) {
        let (code, rest) = lower.split_at(i);
        if !is_code_header(code) {
            continue;
        }
        match rest.strip_prefix(' ') {
            Some(description) if description_title(description) => return Some(Layout::Separated),
            None if !code.ends_with(' ') && description_title(rest) => {
                run_together.get_or_insert(Layout::RunTogether);
            }
            _ => {}
        }
    }
    run_together
}

/// Whether `text` is a description column title alone (a few words), not a sentence.
fn description_title(text: &str) -> bool {
    is_description_header(text) && text.split(' ').count() <= 3
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
    let prefixes = KnownPrefixes::new(known);
    rows.iter()
        .map(|raw| {
            let text = raw.text.as_str();
            // Only the longest known prefix: if a segment follows it, the row's code is a longer,
            // unknown one, and a shorter prefix would be just as wrong.
            prefixes
                .longest(text)
                .filter(|&end| {
                    let rest = &text.as_bytes()[end..];
                    !(rest.first() == Some(&b'.')
                        && rest.get(1).is_some_and(u8::is_ascii_alphanumeric))
                })
                .map(|end| Row {
                    code: text[..end].to_owned(),
                    description: text[end..].trim_start().to_owned(),
                    line: Some(raw.line),
                })
                .ok_or_else(|| {
                    Error::at_line(
                        path,
                        raw.line,
                        format!(
                            "cannot split {} into a code and a description: no code \
                             documented by the other pages of this locale starts it",
                            quote(text)
                        ),
                    )
                })
        })
        .collect()
}

/// The known codes as a trie of their bytes, so that the longest known code starting a row is
/// found in one pass over the row's first characters, however long the row or the codes.
struct KnownPrefixes {
    /// The child of a node by the next byte.
    children: std::collections::HashMap<(u32, u8), u32>,
    /// Whether the path to each node spells a known code.
    ends: Vec<bool>,
}

impl KnownPrefixes {
    fn new(known: &HashSet<&str>) -> KnownPrefixes {
        let mut trie = KnownPrefixes {
            children: std::collections::HashMap::new(),
            ends: vec![false],
        };
        // A code is made of code characters; anything else could never start a row's split.
        for code in known.iter().filter(|code| code.bytes().all(is_code_byte)) {
            let mut node = 0u32;
            for b in code.bytes() {
                let next = u32::try_from(trie.ends.len()).expect("fewer nodes than bytes read");
                node = *trie.children.entry((node, b)).or_insert_with(|| {
                    trie.ends.push(false);
                    next
                });
            }
            trie.ends[node as usize] = true;
        }
        trie
    }

    /// The length of the longest known code that `text` starts with.
    fn longest(&self, text: &str) -> Option<usize> {
        let mut node = 0u32;
        let mut longest = None;
        for (i, b) in text.bytes().enumerate() {
            match self.children.get(&(node, b)) {
                Some(&next) => node = next,
                None => break,
            }
            if self.ends[node as usize] {
                longest = Some(i + 1);
            }
        }
        longest
    }
}

/// Whether `b` can be part of an error code.
fn is_code_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'_'
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
        let got: Vec<(&str, &str, Option<usize>)> = rows
            .iter()
            .map(|r| (r.code.as_str(), r.description.as_str(), r.line))
            .collect();
        assert_eq!(
            got,
            [
                ("InvalidParameterValue", "Invalid parameter value.", Some(3)),
                ("InvalidParameter", "Incorrect parameter.", Some(4)),
                ("Foo", "", Some(5)),
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
