//! The JSON form of `diff`; its shape is documented in the README and pinned by the tests.

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::JsonFinding;
use super::Report;
use crate::error::Error;
use crate::locale::Locale;
use crate::report::{Cell, Generation, PageRef, Wording};

pub(super) fn render(report: &Report<'_>) -> Result<String, Error> {
    #[derive(Serialize)]
    struct Json<'a> {
        generations: &'a [Generation],
        locales: Vec<JsonLocale<'a>>,
        descriptions: &'a [Wording],
        differences: Vec<JsonFinding<'a>>,
        verdict: &'a str,
    }
    #[derive(Serialize)]
    struct JsonLocale<'a> {
        locale: Locale,
        pages: &'a [PageRef],
        codes: Vec<JsonRow<'a>>,
    }
    #[derive(Serialize)]
    struct JsonRow<'a> {
        code: &'a str,
        /// Per page file, its cell.
        cells: BTreeMap<&'a str, Cell>,
    }
    let json = Json {
        generations: &report.generations,
        locales: report
            .matrices
            .iter()
            .map(|l| JsonLocale {
                locale: l.locale,
                pages: &l.pages,
                codes: l
                    .rows
                    .iter()
                    .map(|r| JsonRow {
                        code: &r.code,
                        cells: l
                            .pages
                            .iter()
                            .map(|p| p.file.as_str())
                            .zip(r.cells.iter().copied())
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        descriptions: &report.wordings,
        differences: report.findings.iter().map(JsonFinding::from).collect(),
        verdict: &report.verdict,
    };
    super::super::to_json(&json)
}
