//! The per-code view of a docs set, built once: for every code, which sources document it, with
//! which text, in which locale, and the text each locale settles on.
//!
//! Two tables are kept apart:
//! - the **common** table: every page's Common Error Codes table, and the Error Center's
//!   `PLATFORM` entries (its list of the common codes);
//! - each product's **own** table: the product table of its pages (业务错误码, Business Error
//!   Codes, ...) and the product's Error Center entries, without the codes of the common table
//!   (the Error Center lists the common codes an action returns under the product too; those
//!   resolve through the common enum and are compared with the common table instead).
//!
//! # The settled text
//!
//! Per code and locale, the text the generated code gives is the one of the **most recently
//! updated source** of that locale that documents the code with a non-empty text (a source
//! without an `updated` date counts as the oldest). When several sources share that date, the
//! text most of them give wins, then the one listed first (pages in manifest order, then the
//! exports). A `pin` in the manifest chooses the text instead. Every other text is a difference
//! (see [`crate::agreement`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::agreement::TableKind;
use crate::docs::Docs;
use crate::error::{quote, Error};
use crate::locale::Locale;
use crate::manifest::Updated;
use crate::read::error_center::COMMON_PRODUCT;

/// A source of texts: a page (its index in [`Docs::pages`]) or an Error Center export entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceRef {
    /// A page.
    Page(usize),
    /// An entry of an export: the export's index in [`Docs::error_centers`], the entry's index.
    ErrorCenter(usize, usize),
}

/// One source's text for a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention<'d> {
    /// Where it is.
    pub source: SourceRef,
    /// The text (empty where the source gives none).
    pub text: &'d str,
    /// The 1-based line, where it is known.
    pub line: Option<usize>,
}

/// The text a locale settles on for a code, and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled<'d> {
    /// The text.
    pub text: &'d str,
    /// The source it is taken from.
    pub from: SourceRef,
    /// Why: the rule's step that chose it.
    pub why: Choice,
}

/// Which step of the rule chose a settled text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The only text (every source of the locale that documents the code gives it).
    Only,
    /// The most recently updated source's text.
    Newest,
    /// The text most of the equally recent sources give.
    Majority,
    /// The first listed of the equally recent sources that tie.
    FirstListed,
    /// A pin in the manifest.
    Pinned,
}

/// Everything the sources say of one code in one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeView<'d> {
    /// The code.
    pub code: &'d str,
    /// Per locale ([`Locale::index`]), the mentions in source order.
    pub mentions: [Vec<Mention<'d>>; 2],
    /// Per locale, the settled text, where any source of the locale gives a non-empty one.
    pub settled: [Option<Settled<'d>>; 2],
    /// The solution the newest Error Center export gives, if it is real text.
    pub solution: Option<&'d str>,
}

impl<'d> CodeView<'d> {
    fn new(code: &'d str) -> Self {
        CodeView {
            code,
            mentions: [Vec::new(), Vec::new()],
            settled: [None, None],
            solution: None,
        }
    }

    /// The mentions of one locale.
    pub fn in_locale(&self, locale: Locale) -> &[Mention<'d>] {
        &self.mentions[locale.index()]
    }

    /// The settled text of one locale.
    pub fn settled_in(&self, locale: Locale) -> Option<&Settled<'d>> {
        self.settled[locale.index()].as_ref()
    }

    /// Whether any source documents the code.
    pub fn is_documented(&self) -> bool {
        self.mentions.iter().any(|m| !m.is_empty())
    }
}

/// One product's own codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductView<'d> {
    /// The API service name.
    pub product: &'d str,
    /// The codes, sorted.
    pub codes: BTreeMap<&'d str, CodeView<'d>>,
    /// The API versions the Error Center lists, sorted.
    pub versions: BTreeSet<&'d str>,
    /// The product's Chinese name, from the Error Center.
    pub name_zh: Option<&'d str>,
    /// The product's display name, from the manifest's pages.
    pub name: Option<&'d str>,
    /// The pages of the product (any table), in manifest order.
    pub pages: Vec<usize>,
    /// Whether any of its pages has a product table.
    pub has_product_pages: bool,
    /// Whether the Error Center lists the product.
    pub in_error_center: bool,
    /// Codes the Error Center lists under the product that are common codes, with their
    /// mentions: compared with the common table, not part of the product's enum.
    pub common_mentions: BTreeMap<&'d str, Vec<Mention<'d>>>,
}

/// One source listing a code twice with different texts: an export's entries for one product
/// (in one or several API versions), or two rows of one page's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict<'d> {
    /// The table.
    pub table: TableKind,
    /// The product, for a product table.
    pub product: Option<&'d str>,
    /// The code.
    pub code: &'d str,
    /// The distinct texts, the first (the one the tables use) first.
    pub mentions: Vec<Mention<'d>>,
}

/// The per-code view of a whole docs set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog<'d> {
    /// The docs set.
    pub docs: &'d Docs,
    /// The common table's codes, sorted.
    pub common: BTreeMap<&'d str, CodeView<'d>>,
    /// Each product's own codes, sorted by product.
    pub products: BTreeMap<&'d str, ProductView<'d>>,
    /// Sources that list a code twice with different texts, in source order.
    pub conflicts: Vec<Conflict<'d>>,
}

impl<'d> Catalog<'d> {
    /// Builds the view of `docs`, and settles every code's text per locale.
    ///
    /// Fails when a pin names a code or text no source gives.
    pub fn build(docs: &'d Docs) -> Result<Catalog<'d>, Error> {
        let mut common: BTreeMap<&str, CodeView> = BTreeMap::new();
        let mut products: BTreeMap<&str, ProductView> = BTreeMap::new();
        let mut conflicts = Vec::new();
        for (index, page) in docs.pages.iter().enumerate() {
            for (table, row) in &page.duplicates {
                let first = page.rows(*table).iter().find(|r| r.code == row.code);
                let mention = |r: &'d crate::read::Row| Mention {
                    source: SourceRef::Page(index),
                    text: &r.description,
                    line: r.line,
                };
                conflicts.push(Conflict {
                    table: *table,
                    product: (*table == TableKind::Product).then(|| page.product()),
                    code: &row.code,
                    mentions: first
                        .map(mention)
                        .into_iter()
                        .chain([mention(row)])
                        .collect(),
                });
            }
        }
        let product = |products: &mut BTreeMap<&'d str, ProductView<'d>>, name: &'d str| {
            products.entry(name).or_insert_with(|| ProductView {
                product: name,
                codes: BTreeMap::new(),
                versions: BTreeSet::new(),
                name_zh: None,
                name: None,
                pages: Vec::new(),
                has_product_pages: false,
                in_error_center: false,
                common_mentions: BTreeMap::new(),
            });
        };
        for (index, page) in docs.pages.iter().enumerate() {
            let locale = page.locale().index();
            for row in &page.common {
                common
                    .entry(&row.code)
                    .or_insert_with(|| CodeView::new(&row.code))
                    .mentions[locale]
                    .push(Mention {
                        source: SourceRef::Page(index),
                        text: &row.description,
                        line: row.line,
                    });
            }
        }
        // The export's own list of the common codes.
        for (e, export) in docs.error_centers.iter().enumerate() {
            let locale = export.source.locale.index();
            for (i, entry) in export.entries.iter().enumerate() {
                if entry.product == COMMON_PRODUCT {
                    let view = common
                        .entry(&entry.code)
                        .or_insert_with(|| CodeView::new(&entry.code));
                    push_unique(
                        &mut view.mentions[locale],
                        Mention {
                            source: SourceRef::ErrorCenter(e, i),
                            text: &entry.description,
                            line: entry.line,
                        },
                    );
                    if view.solution.is_none() {
                        view.solution = entry.solution.as_deref();
                    }
                }
            }
        }
        for (index, page) in docs.pages.iter().enumerate() {
            product(&mut products, page.product());
            let view = products.get_mut(page.product()).expect("inserted above");
            view.pages.push(index);
            if view.name.is_none() {
                view.name = page.source.name.as_deref();
            }
            let Some(rows) = &page.product else { continue };
            view.has_product_pages = true;
            let locale = page.locale().index();
            for row in rows {
                let mention = Mention {
                    source: SourceRef::Page(index),
                    text: &row.description,
                    line: row.line,
                };
                if common.contains_key(row.code.as_str()) {
                    view.common_mentions
                        .entry(&row.code)
                        .or_default()
                        .push(mention);
                } else {
                    view.codes
                        .entry(&row.code)
                        .or_insert_with(|| CodeView::new(&row.code))
                        .mentions[locale]
                        .push(mention);
                }
            }
        }
        for (e, export) in docs.error_centers.iter().enumerate() {
            let locale = export.source.locale.index();
            // Per (product, code), the texts this export gives: duplicates with the same text
            // collapse; different texts are a conflict.
            let mut seen: HashMap<(&str, &str), Vec<Mention>> = HashMap::new();
            for (i, entry) in export.entries.iter().enumerate() {
                if entry.product == COMMON_PRODUCT {
                    continue;
                }
                product(&mut products, &entry.product);
                let view = products
                    .get_mut(entry.product.as_str())
                    .expect("inserted above");
                view.in_error_center = true;
                view.versions.insert(&entry.version);
                if view.name_zh.is_none() && !entry.product_name.is_empty() {
                    view.name_zh = Some(&entry.product_name);
                }
                let mention = Mention {
                    source: SourceRef::ErrorCenter(e, i),
                    text: &entry.description,
                    line: entry.line,
                };
                let texts = seen.entry((&entry.product, &entry.code)).or_default();
                if texts.iter().any(|m| m.text == mention.text) {
                    continue;
                }
                texts.push(mention);
                if texts.len() > 1 {
                    // Reported once, below; only the first text enters the tables.
                    continue;
                }
                if common.contains_key(entry.code.as_str()) {
                    view.common_mentions
                        .entry(&entry.code)
                        .or_default()
                        .push(mention);
                    continue;
                }
                let code = view
                    .codes
                    .entry(&entry.code)
                    .or_insert_with(|| CodeView::new(&entry.code));
                code.mentions[locale].push(mention);
                if let Some(solution) = &entry.solution {
                    code.solution = Some(solution);
                }
            }
            let mut found: Vec<_> = seen.into_iter().filter(|(_, m)| m.len() > 1).collect();
            found.sort_by_key(|((product, code), _)| (*product, *code));
            conflicts.extend(
                found
                    .into_iter()
                    .map(|((product, code), mentions)| Conflict {
                        table: TableKind::Product,
                        product: Some(product),
                        code,
                        mentions,
                    }),
            );
        }

        let mut catalog = Catalog {
            docs,
            common,
            products,
            conflicts,
        };
        catalog.settle()?;
        Ok(catalog)
    }

    /// The `updated` date of a source.
    pub fn updated(&self, source: SourceRef) -> Option<&'d Updated> {
        match source {
            SourceRef::Page(i) => self.docs.pages[i].source.updated.as_ref(),
            SourceRef::ErrorCenter(e, _) => self.docs.error_centers[e].source.updated.as_ref(),
        }
    }

    /// The locale of a source's texts.
    pub fn locale(&self, source: SourceRef) -> Locale {
        match source {
            SourceRef::Page(i) => self.docs.pages[i].locale(),
            SourceRef::ErrorCenter(e, _) => self.docs.error_centers[e].source.locale,
        }
    }

    /// The file of a source, relative to the docs directory.
    pub fn file(&self, source: SourceRef) -> &'d str {
        match source {
            SourceRef::Page(i) => &self.docs.pages[i].file,
            SourceRef::ErrorCenter(e, _) => &self.docs.error_centers[e].file,
        }
    }

    /// The path of a source, for messages.
    pub fn path(&self, source: SourceRef) -> &'d std::path::Path {
        match source {
            SourceRef::Page(i) => &self.docs.pages[i].path,
            SourceRef::ErrorCenter(e, _) => &self.docs.error_centers[e].path,
        }
    }

    /// Who a source speaks for: the page's product, `error-center` and the product for a
    /// product's entry of an export, `error-center` alone for its list of the common codes.
    pub fn who(&self, source: SourceRef) -> String {
        match (source, self.product_of(source)) {
            (SourceRef::Page(i), _) => self.docs.pages[i].product().to_owned(),
            (SourceRef::ErrorCenter(..), Some(product)) => format!("error-center {product}"),
            (SourceRef::ErrorCenter(..), None) => "error-center".to_owned(),
        }
    }

    /// The product a source speaks for (`PLATFORM` entries speak for none).
    pub fn product_of(&self, source: SourceRef) -> Option<&'d str> {
        match source {
            SourceRef::Page(i) => Some(self.docs.pages[i].product()),
            SourceRef::ErrorCenter(e, i) => {
                let product = &self.docs.error_centers[e].entries[i].product;
                (product != COMMON_PRODUCT).then_some(product.as_str())
            }
        }
    }

    /// The views of one table: the common table, or one product's own.
    pub fn table(
        &self,
        table: TableKind,
        product: &str,
    ) -> Option<&BTreeMap<&'d str, CodeView<'d>>> {
        match table {
            TableKind::Common => Some(&self.common),
            TableKind::Product => self.products.get(product).map(|p| &p.codes),
        }
    }

    fn settle(&mut self) -> Result<(), Error> {
        let pins: HashMap<(Option<&str>, &str, Locale), &crate::manifest::Pin> = self
            .docs
            .manifest
            .pin
            .iter()
            .map(|pin| ((pin.product.as_deref(), pin.code.as_str(), pin.locale), pin))
            .collect();
        let mut used = 0;
        let docs = self.docs;
        let updated = |source: SourceRef| -> Option<&'d Updated> {
            match source {
                SourceRef::Page(i) => docs.pages[i].source.updated.as_ref(),
                SourceRef::ErrorCenter(e, _) => docs.error_centers[e].source.updated.as_ref(),
            }
        };
        let mut settle_view =
            |product: Option<&str>, view: &mut CodeView<'d>| -> Result<(), Error> {
                for locale in Locale::ALL {
                    let mentions = &view.mentions[locale.index()];
                    let pin = pins.get(&(product, view.code, locale));
                    view.settled[locale.index()] = match pin {
                        Some(pin) => {
                            used += 1;
                            let pinned = || match product {
                                Some(product) => format!("{} of {product}", view.code),
                                None => view.code.to_owned(),
                            };
                            let mention = mentions.iter().find(|m| m.text == pin.text);
                            let mention = mention.ok_or_else(|| {
                                Error::manifest(
                                    docs.manifest_path(),
                                    format!(
                                        "the pin of {} ({locale}) gives a text no source gives: {}",
                                        pinned(),
                                        quote(&pin.text)
                                    ),
                                )
                            })?;
                            Some(Settled {
                                text: mention.text,
                                from: mention.source,
                                why: Choice::Pinned,
                            })
                        }
                        None => settle(mentions, &updated),
                    };
                }
                Ok(())
            };
        for view in self.common.values_mut() {
            settle_view(None, view)?;
        }
        for product in self.products.values_mut() {
            let name = product.product;
            for view in product.codes.values_mut() {
                settle_view(Some(name), view)?;
            }
        }
        if used < pins.len() {
            let known = |pin: &&crate::manifest::Pin| match &pin.product {
                None => self.common.contains_key(pin.code.as_str()),
                Some(p) => self
                    .products
                    .get(p.as_str())
                    .is_some_and(|v| v.codes.contains_key(pin.code.as_str())),
            };
            if let Some(pin) = self.docs.manifest.pin.iter().find(|p| !known(p)) {
                return Err(Error::manifest(
                    self.docs.manifest_path(),
                    format!(
                        "the pin of {}{} names a code no source documents",
                        quote(&pin.code),
                        pin.product
                            .as_deref()
                            .map_or_else(String::new, |p| format!(" (product {p})"))
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Adds an export's mention unless the same export already gave the same text (the export
/// lists the common codes once per API version of `PLATFORM`).
fn push_unique<'d>(mentions: &mut Vec<Mention<'d>>, mention: Mention<'d>) {
    let same_export = |m: &Mention<'_>| match (m.source, mention.source) {
        (SourceRef::ErrorCenter(a, _), SourceRef::ErrorCenter(b, _)) => a == b,
        _ => false,
    };
    if !mentions
        .iter()
        .any(|m| same_export(m) && m.text == mention.text)
    {
        mentions.push(mention);
    }
}

/// The settled text of a locale's mentions (see the module documentation): the newest
/// non-empty text; on a tie of dates, the text most of the tied sources give, then the first
/// listed.
pub fn settle<'d>(
    mentions: &[Mention<'d>],
    updated: &dyn Fn(SourceRef) -> Option<&'d Updated>,
) -> Option<Settled<'d>> {
    let texts: Vec<&Mention> = mentions.iter().filter(|m| !m.text.is_empty()).collect();
    let first = texts.first()?;
    if texts.iter().all(|m| m.text == first.text) {
        return Some(Settled {
            text: first.text,
            from: first.source,
            why: Choice::Only,
        });
    }
    let newest = texts.iter().map(|m| updated(m.source)).max().flatten();
    let tied: Vec<&&Mention> = texts
        .iter()
        .filter(|m| updated(m.source) == newest)
        .collect();
    if tied.iter().all(|m| m.text == tied[0].text) {
        return Some(Settled {
            text: tied[0].text,
            from: tied[0].source,
            why: Choice::Newest,
        });
    }
    // Counts per text, in order of first appearance.
    let mut counts: Vec<(&str, usize, SourceRef)> = Vec::new();
    for m in &tied {
        match counts.iter_mut().find(|(t, _, _)| *t == m.text) {
            Some((_, n, _)) => *n += 1,
            None => counts.push((m.text, 1, m.source)),
        }
    }
    let best = counts.iter().map(|(_, n, _)| *n).max().unwrap_or(0);
    let winners: Vec<_> = counts.iter().filter(|(_, n, _)| *n == best).collect();
    let (text, _, from) = winners[0];
    Some(Settled {
        text,
        from: *from,
        why: if winners.len() == 1 {
            Choice::Majority
        } else {
            Choice::FirstListed
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(page: usize, text: &str) -> Mention<'_> {
        Mention {
            source: SourceRef::Page(page),
            text,
            line: None,
        }
    }

    #[test]
    fn the_newest_text_wins_then_the_majority_then_the_first() {
        let dates = [
            Some(Updated::parse("2019-01-01").unwrap()),
            Some(Updated::parse("2020-01-01").unwrap()),
            Some(Updated::parse("2020-01-01").unwrap()),
            Some(Updated::parse("2020-01-01").unwrap()),
            None,
        ];
        let updated = |s: SourceRef| match s {
            SourceRef::Page(i) => dates[i].as_ref(),
            SourceRef::ErrorCenter(..) => None,
        };
        let pick = |ms: &[Mention<'static>]| settle(ms, &updated).map(|s| (s.text, s.why));
        assert_eq!(
            pick(&[mention(0, "a"), mention(4, "a")]),
            Some(("a", Choice::Only))
        );
        assert_eq!(
            pick(&[mention(0, "old"), mention(1, "new")]),
            Some(("new", Choice::Newest))
        );
        assert_eq!(
            pick(&[
                mention(1, "x"),
                mention(2, "y"),
                mention(3, "y"),
                mention(0, "z")
            ]),
            Some(("y", Choice::Majority))
        );
        assert_eq!(
            pick(&[mention(2, "x"), mention(1, "y")]),
            Some(("x", Choice::FirstListed))
        );
        assert_eq!(
            pick(&[mention(4, "undated"), mention(0, "dated")]),
            Some(("dated", Choice::Newest))
        );
        assert_eq!(
            pick(&[mention(1, ""), mention(0, "text")]),
            Some(("text", Choice::Only))
        );
        assert_eq!(pick(&[mention(1, "")]), None);
    }
}
