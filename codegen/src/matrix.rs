//! The codes × products matrix behind `diff`: per locale, what each page says of each code.

use std::collections::BTreeMap;

use crate::agreement::{pages_by_locale, settled_description, Agreement, Difference};
use crate::docs::Docs;

/// What one page says of one code, relative to the other pages of its locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
#[cfg_attr(feature = "cli", serde(rename_all = "lowercase"))]
pub enum Cell {
    /// Documented, with the description the locale settles on.
    Same,
    /// Documented, with another description.
    Differs,
    /// Not documented, though at least half the locale's pages document it.
    Missing,
    /// Documented, though most of the locale's pages do not.
    Extra,
    /// Not documented, like most of the locale's pages.
    Absent,
}

impl Cell {
    /// Whether the cell is a difference.
    pub fn is_difference(self) -> bool {
        matches!(self, Cell::Differs | Cell::Missing | Cell::Extra)
    }
}

/// One code's row in a locale's matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
pub struct MatrixRow {
    /// The code.
    pub code: String,
    /// One cell per product, in the locale's product order.
    pub cells: Vec<Cell>,
}

impl MatrixRow {
    /// Whether every product says the same of the code.
    pub fn agrees(&self) -> bool {
        !self.cells.iter().any(|c| c.is_difference())
    }
}

/// The matrix of one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
pub struct LocaleMatrix {
    /// The locale.
    pub locale: String,
    /// Its products, in manifest order.
    pub products: Vec<String>,
    /// One row per code any of its pages documents, sorted by code.
    pub rows: Vec<MatrixRow>,
}

/// The descriptions of a code that differ between the pages of a locale.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
pub struct Wording {
    /// The code.
    pub code: String,
    /// The locale.
    pub locale: String,
    /// Each distinct text with the products that give it, the settled text first.
    pub texts: Vec<WordingText>,
}

/// One of the texts of a [`Wording`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
pub struct WordingText {
    /// The description.
    pub text: String,
    /// The products whose pages give it, in manifest order.
    pub products: Vec<String>,
}

/// Every locale's matrix and every differing description.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
pub struct Matrix {
    /// Per locale, sorted by locale.
    pub locales: Vec<LocaleMatrix>,
    /// Per code and locale whose pages word it differently, sorted by code then locale.
    pub wordings: Vec<Wording>,
}

impl Matrix {
    /// The matrix of `docs`, with cells marked from the agreement's differences.
    pub fn build(docs: &Docs, agreement: &Agreement) -> Matrix {
        // Per (product, code), the cell a difference gives it.
        let mut marked: BTreeMap<(&str, &str), Cell> = BTreeMap::new();
        for finding in &agreement.findings {
            let (product, code, cell) = match &finding.difference {
                Difference::Lacks { product, code, .. } => (product, code, Cell::Missing),
                Difference::Extra { product, code, .. } => (product, code, Cell::Extra),
                Difference::Wording { product, code, .. } => (product, code, Cell::Differs),
                Difference::LocaleLacks { .. } => continue,
            };
            // `Extra` and `Differs` can both apply; being extra says more.
            marked
                .entry((product.as_str(), code.as_str()))
                .and_modify(|c| *c = (*c).max(cell))
                .or_insert(cell);
        }

        let mut locales = Vec::new();
        let mut wordings = Vec::new();
        for (locale, pages) in pages_by_locale(docs) {
            let mut codes: BTreeMap<&str, Vec<Option<&str>>> = BTreeMap::new();
            for (index, page) in pages.iter().enumerate() {
                for row in &page.rows {
                    codes
                        .entry(&row.code)
                        .or_insert_with(|| vec![None; pages.len()])[index] = Some(&row.description);
                }
            }
            let rows = codes
                .iter()
                .map(|(code, texts)| MatrixRow {
                    code: (*code).to_owned(),
                    cells: pages
                        .iter()
                        .zip(texts)
                        .map(|(page, text)| {
                            marked.get(&(page.product(), code)).copied().unwrap_or(
                                if text.is_some() {
                                    Cell::Same
                                } else {
                                    Cell::Absent
                                },
                            )
                        })
                        .collect(),
                })
                .collect();
            for (code, texts) in &codes {
                let settled = settled_description(texts.iter().flatten().copied());
                let mut grouped: Vec<WordingText> = Vec::new();
                for (page, text) in pages.iter().zip(texts) {
                    let Some(text) = text else { continue };
                    match grouped.iter_mut().find(|g| g.text == *text) {
                        Some(group) => group.products.push(page.product().to_owned()),
                        None => grouped.push(WordingText {
                            text: (*text).to_owned(),
                            products: vec![page.product().to_owned()],
                        }),
                    }
                }
                if grouped.len() > 1 {
                    grouped.sort_by_key(|g| g.text != settled);
                    wordings.push(Wording {
                        code: (*code).to_owned(),
                        locale: locale.to_owned(),
                        texts: grouped,
                    });
                }
            }
            locales.push(LocaleMatrix {
                locale: locale.to_owned(),
                products: pages.iter().map(|p| p.product().to_owned()).collect(),
                rows,
            });
        }
        wordings.sort_by(|a, b| (&a.code, &a.locale).cmp(&(&b.code, &b.locale)));
        Matrix { locales, wordings }
    }
}
