//! The values the reports render: the table generations, the codes × pages matrix per locale,
//! and the texts that differ. Built from the [`Catalog`] and the [`Agreement`]; each output format
//! of the command-line tool is a renderer over them.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::agreement::{Agreement, Kind, TableKind};
use crate::catalog::{Catalog, SourceRef};
use crate::locale::Locale;

/// A page, as reports name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PageRef {
    /// The product.
    pub product: String,
    /// The file, relative to the docs directory.
    pub file: String,
}

impl PageRef {
    fn of(page: &crate::docs::Page) -> PageRef {
        PageRef {
            product: page.product().to_owned(),
            file: page.file.clone(),
        }
    }
}

/// A group of pages of one locale whose common tables document the same set of codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Generation {
    /// The locale.
    pub locale: Locale,
    /// How many codes the set has.
    pub codes: usize,
    /// The pages, in manifest order.
    pub pages: Vec<PageRef>,
    /// Codes of the locale's largest group that this set lacks, sorted.
    pub missing: Vec<String>,
    /// Codes this set has that the largest group lacks, sorted.
    pub extra: Vec<String>,
}

/// The table generations of every locale: per locale, the groups of pages that document the
/// same set of common codes, largest first (ties: the larger set, then the first listed).
pub fn generations(catalog: &Catalog<'_>) -> Vec<Generation> {
    let docs = catalog.docs;
    let mut out = Vec::new();
    for locale in Locale::ALL {
        let mut groups: Vec<(BTreeSet<&str>, Vec<usize>)> = Vec::new();
        for (index, page) in docs.pages.iter().enumerate() {
            if page.locale() != locale {
                continue;
            }
            let codes: BTreeSet<&str> = page.common.iter().map(|r| r.code.as_str()).collect();
            match groups.iter_mut().find(|(set, _)| *set == codes) {
                Some((_, pages)) => pages.push(index),
                None => groups.push((codes, vec![index])),
            }
        }
        // Stable: equal groups keep their first page's order.
        groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(b.0.len().cmp(&a.0.len())));
        let Some((largest, _)) = groups.first().cloned() else {
            continue;
        };
        for (codes, pages) in groups {
            out.push(Generation {
                locale,
                codes: codes.len(),
                pages: pages.iter().map(|&i| PageRef::of(&docs.pages[i])).collect(),
                missing: largest
                    .difference(&codes)
                    .map(|c| (*c).to_owned())
                    .collect(),
                extra: codes
                    .difference(&largest)
                    .map(|c| (*c).to_owned())
                    .collect(),
            });
        }
    }
    out
}

/// What one page says of one code, relative to the other pages of its locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cell {
    /// Documented, with the settled text.
    Same,
    /// Documented, with a text that differs only cosmetically.
    Cosmetic,
    /// Documented, with another text.
    Differs,
    /// Not documented, though at least half the locale's pages document it.
    Missing,
    /// Documented, though most of the locale's pages do not.
    Extra,
    /// Not documented, like most of the locale's pages.
    Absent,
}

impl Cell {
    /// Whether the cell is a difference (a cosmetic one included).
    pub fn is_difference(self) -> bool {
        !matches!(self, Cell::Same | Cell::Absent)
    }
}

/// One code's row in a locale's matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixRow {
    /// The code.
    pub code: String,
    /// One cell per page, in the locale's page order.
    pub cells: Vec<Cell>,
}

impl MatrixRow {
    /// Whether every page says the same of the code.
    pub fn agrees(&self) -> bool {
        !self.cells.iter().any(|c| c.is_difference())
    }
}

/// The common-table matrix of one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocaleMatrix {
    /// The locale.
    pub locale: Locale,
    /// Its pages, in manifest order.
    pub pages: Vec<PageRef>,
    /// One row per code any of its pages documents, sorted by code.
    pub rows: Vec<MatrixRow>,
}

/// The matrix of every locale, with cells marked from the agreement's differences.
pub fn matrices(catalog: &Catalog<'_>, agreement: &Agreement) -> Vec<LocaleMatrix> {
    let docs = catalog.docs;
    // Per (file, code), the cell a common-table difference gives it; the strongest wins.
    let mut marked: HashMap<(&str, &str), Cell> = HashMap::new();
    for finding in &agreement.findings {
        let d = &finding.difference;
        if d.table != TableKind::Common {
            continue;
        }
        let cell = match d.kind {
            Kind::Lacks => Cell::Missing,
            Kind::Extra => Cell::Extra,
            Kind::Wording => Cell::Differs,
            Kind::Cosmetic => Cell::Cosmetic,
            _ => continue,
        };
        let Some(file) = &d.file else { continue };
        marked
            .entry((file.as_str(), d.code.as_str()))
            .and_modify(|c| *c = (*c).max(cell))
            .or_insert(cell);
    }
    let mut out = Vec::new();
    for locale in Locale::ALL {
        let pages: Vec<usize> = (0..docs.pages.len())
            .filter(|&i| docs.pages[i].locale() == locale)
            .collect();
        if pages.is_empty() {
            continue;
        }
        let rows = catalog
            .common
            .values()
            .filter(|view| {
                view.in_locale(locale)
                    .iter()
                    .any(|m| matches!(m.source, SourceRef::Page(_)))
            })
            .map(|view| {
                let documented: BTreeSet<usize> = view
                    .in_locale(locale)
                    .iter()
                    .filter_map(|m| match m.source {
                        SourceRef::Page(i) => Some(i),
                        SourceRef::ErrorCenter(..) => None,
                    })
                    .collect();
                MatrixRow {
                    code: view.code.to_owned(),
                    cells: pages
                        .iter()
                        .map(|&i| {
                            marked
                                .get(&(docs.pages[i].file.as_str(), view.code))
                                .copied()
                                .unwrap_or(if documented.contains(&i) {
                                    Cell::Same
                                } else {
                                    Cell::Absent
                                })
                        })
                        .collect(),
                }
            })
            .collect();
        out.push(LocaleMatrix {
            locale,
            pages: pages.iter().map(|&i| PageRef::of(&docs.pages[i])).collect(),
            rows,
        });
    }
    out
}

/// The texts of one code in one locale (and table) that differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wording {
    /// The code.
    pub code: String,
    /// The locale.
    pub locale: Locale,
    /// The table.
    pub table: TableKind,
    /// For a product's own code, the product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// Each distinct text with the sources (products, or `error-center ...`) that give it, the
    /// settled text first.
    pub texts: Vec<WordingText>,
}

/// One of the texts of a [`Wording`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordingText {
    /// The text.
    pub text: String,
    /// Who gives it, in source order.
    pub sources: Vec<String>,
}

/// Every code and locale whose sources give more than one text: the common table, then each
/// product's own table; sorted by table, product, code, locale.
pub fn wordings(catalog: &Catalog<'_>) -> Vec<Wording> {
    let mut out = Vec::new();
    let tables = std::iter::once((TableKind::Common, None, &catalog.common)).chain(
        catalog
            .products
            .values()
            .map(|p| (TableKind::Product, Some(p.product), &p.codes)),
    );
    for (table, product, views) in tables {
        for view in views.values() {
            for locale in Locale::ALL {
                let mut texts: BTreeMap<&str, Vec<String>> = BTreeMap::new();
                let mut order: Vec<&str> = Vec::new();
                for m in view.in_locale(locale) {
                    let entry = texts.entry(m.text).or_default();
                    if entry.is_empty() {
                        order.push(m.text);
                    }
                    entry.push(catalog.who(m.source));
                }
                if order.len() < 2 {
                    continue;
                }
                let settled = view.settled_in(locale).map(|s| s.text);
                order.sort_by_key(|t| Some(*t) != settled);
                out.push(Wording {
                    code: view.code.to_owned(),
                    locale,
                    table,
                    product: product.map(str::to_owned),
                    texts: order
                        .into_iter()
                        .map(|t| WordingText {
                            text: t.to_owned(),
                            sources: texts.remove(t).unwrap_or_default(),
                        })
                        .collect(),
                });
            }
        }
    }
    out
}
