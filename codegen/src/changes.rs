//! What a documentation update changed: two docs sets compared product by product and table by
//! table, and what it means for the generated crate's version.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::agreement::TableKind;
use crate::catalog::Catalog;
use crate::docs::Docs;
use crate::error::Error;
use crate::locale::Locale;
use crate::model::{CodeEntry, Model};

/// A text that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reworded {
    /// The code.
    pub code: String,
    /// The locale of the text.
    pub locale: Locale,
    /// The text before (empty: none).
    pub old: String,
    /// The text after (empty: none).
    pub new: String,
}

/// Whether a product is new, gone, or in both docs sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Only in the new docs set.
    Added,
    /// Only in the old docs set.
    Dropped,
    /// In both.
    Updated,
}

/// What changed in one table of one product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProductChanges {
    /// The product.
    pub product: String,
    /// The table: the product's copy of the common table, or its own codes.
    pub table: TableKind,
    /// Whether the product (in this table) is new, gone or updated.
    pub status: Status,
    /// Its pages that are new, by file (a new export is listed once, in
    /// [`Changes::exports_added`]).
    pub sources_added: Vec<String>,
    /// Its pages that are gone, by file.
    pub sources_dropped: Vec<String>,
    /// How many codes the table has now (for a summary of an added product).
    pub codes: usize,
    /// Codes added, sorted (empty for an added product: it is summarized).
    pub added: Vec<String>,
    /// Codes removed, sorted.
    pub removed: Vec<String>,
    /// Texts that changed, sorted by code then locale.
    pub reworded: Vec<Reworded>,
    /// The verdict for the product's module (product table only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub semver: Option<Semver>,
}

/// How the generated crate's version should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Semver {
    /// Nothing the generated code shows changed.
    None,
    /// Only texts, the products of codes, or the sources named in the banners changed.
    Patch,
    /// Codes or products were added: not breaking, as the enums are `#[non_exhaustive]`.
    Minor,
    /// Codes or products were removed: their variants go, which breaks callers that name them.
    Breaking,
}

impl Semver {
    /// `none`, `patch`, `minor` or `breaking`.
    pub fn as_str(self) -> &'static str {
        match self {
            Semver::None => "none",
            Semver::Patch => "patch",
            Semver::Minor => "minor",
            Semver::Breaking => "breaking",
        }
    }
}

/// Everything a documentation update changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// Per product and table that changed, sorted by product then table.
    pub products: Vec<ProductChanges>,
    /// Variants of the common `ErrorCode` that are new, sorted by code.
    pub codes_added: Vec<String>,
    /// Variants of the common `ErrorCode` that are gone, sorted by code.
    pub codes_removed: Vec<String>,
    /// Common variants whose texts changed.
    pub descriptions_changed: Vec<Reworded>,
    /// Product modules that are new (their products gained codes of their own).
    pub modules_added: Vec<String>,
    /// Product modules that are gone.
    pub modules_dropped: Vec<String>,
    /// `Product` variants that are new.
    pub products_added: Vec<String>,
    /// `Product` variants that are gone.
    pub products_dropped: Vec<String>,
    /// Error Center exports that are new, by file.
    pub exports_added: Vec<String>,
    /// Error Center exports that are gone, by file.
    pub exports_dropped: Vec<String>,
    /// The verdict for the generated crate.
    pub semver: Semver,
}

/// Per code, its texts per locale.
type Texts = BTreeMap<String, [String; 2]>;

fn texts_of(entries: &[CodeEntry]) -> Texts {
    entries
        .iter()
        .map(|c| {
            (
                c.code.clone(),
                Locale::ALL.map(|l| c.text(l).map_or_else(String::new, |t| t.text.clone())),
            )
        })
        .collect()
}

/// Codes added, removed and reworded from `old` to `new`.
fn compare(old: &Texts, new: &Texts) -> (Vec<String>, Vec<String>, Vec<Reworded>) {
    let added = new
        .keys()
        .filter(|c| !old.contains_key(*c))
        .cloned()
        .collect();
    let removed = old
        .keys()
        .filter(|c| !new.contains_key(*c))
        .cloned()
        .collect();
    let mut reworded = Vec::new();
    for (code, before) in old {
        let Some(after) = new.get(code) else { continue };
        for locale in Locale::ALL {
            let (b, a) = (&before[locale.index()], &after[locale.index()]);
            if b != a {
                reworded.push(Reworded {
                    code: code.clone(),
                    locale,
                    old: b.clone(),
                    new: a.clone(),
                });
            }
        }
    }
    (added, removed, reworded)
}

/// Per product, the files of its sources and the common codes its pages document with their
/// text per locale (from its first page of the locale that documents the code).
fn common_by_product(docs: &Docs) -> BTreeMap<String, (BTreeSet<String>, Texts)> {
    let mut out: BTreeMap<String, (BTreeSet<String>, Texts)> = BTreeMap::new();
    for page in &docs.pages {
        let (files, texts) = out.entry(page.product().to_owned()).or_default();
        files.insert(page.file.clone());
        for row in &page.common {
            let entry = texts.entry(row.code.clone()).or_default();
            let slot = &mut entry[page.locale().index()];
            if slot.is_empty() {
                *slot = row.description.clone();
            }
        }
    }
    out
}

impl Changes {
    /// Compares the docs set `old` with `new`.
    ///
    /// Fails where a model cannot be built from one of them (codes that collide, a bad pin).
    pub fn between(old: &Docs, new: &Docs) -> Result<Changes, Error> {
        let old_model = Model::from_catalog(&Catalog::build(old)?)?;
        let new_model = Model::from_catalog(&Catalog::build(new)?)?;
        let mut products = Vec::new();

        // Each product's copy of the common table.
        let (old_common, new_common) = (common_by_product(old), common_by_product(new));
        let names: BTreeSet<&String> = old_common.keys().chain(new_common.keys()).collect();
        let empty = (BTreeSet::new(), Texts::new());
        for name in names {
            let (before_files, before) = old_common.get(name).unwrap_or(&empty);
            let (after_files, after) = new_common.get(name).unwrap_or(&empty);
            let status = match (old_common.contains_key(name), new_common.contains_key(name)) {
                (false, _) => Status::Added,
                (_, false) => Status::Dropped,
                _ => Status::Updated,
            };
            push_changes(
                &mut products,
                name,
                TableKind::Common,
                status,
                (before_files, after_files),
                (before, after),
                None,
            );
        }

        // Each product's own codes, as its module has them. Its sources are its pages: the
        // exports speak for every product, and a new export is listed once, not per product.
        let exports = |docs: &Docs| -> BTreeSet<String> {
            docs.error_centers.iter().map(|e| e.file.clone()).collect()
        };
        let (old_exports, new_exports) = (exports(old), exports(new));
        let modules = |model: &Model,
                       exports: &BTreeSet<String>|
         -> BTreeMap<String, (BTreeSet<String>, Texts)> {
            model
                .products_with_codes()
                .map(|p| {
                    let pages = p.sources.iter().filter(|f| !exports.contains(*f));
                    (
                        p.service.clone(),
                        (pages.cloned().collect(), texts_of(&p.codes)),
                    )
                })
                .collect()
        };
        let (old_modules, new_modules) = (
            modules(&old_model, &old_exports),
            modules(&new_model, &new_exports),
        );
        let names: BTreeSet<&String> = old_modules.keys().chain(new_modules.keys()).collect();
        for name in names {
            let (before_files, before) = old_modules.get(name).unwrap_or(&empty);
            let (after_files, after) = new_modules.get(name).unwrap_or(&empty);
            let status = match (
                old_modules.contains_key(name),
                new_modules.contains_key(name),
            ) {
                (false, _) => Status::Added,
                (_, false) => Status::Dropped,
                _ => Status::Updated,
            };
            let (added, removed, reworded) = compare(before, after);
            let semver = verdict_of(&added, &removed, &reworded, false);
            push_changes(
                &mut products,
                name,
                TableKind::Product,
                status,
                (before_files, after_files),
                (before, after),
                Some(semver),
            );
        }
        products.sort_by(|a, b| (&a.product, a.table).cmp(&(&b.product, b.table)));

        let (codes_added, codes_removed, descriptions_changed) =
            compare(&texts_of(&old_model.common), &texts_of(&new_model.common));
        let set = |names: Vec<&String>| names.into_iter().cloned().collect::<BTreeSet<String>>();
        let old_mods = set(old_modules.keys().collect());
        let new_mods = set(new_modules.keys().collect());
        let old_products = set(old_model.products.iter().map(|p| &p.service).collect());
        let new_products = set(new_model.products.iter().map(|p| &p.service).collect());
        let minus = |a: &BTreeSet<String>, b: &BTreeSet<String>| -> Vec<String> {
            a.difference(b).cloned().collect()
        };
        let modules_added = minus(&new_mods, &old_mods);
        let modules_dropped = minus(&old_mods, &new_mods);
        let products_added = minus(&new_products, &old_products);
        let products_dropped = minus(&old_products, &new_products);
        let exports_added = minus(&new_exports, &old_exports);
        let exports_dropped = minus(&old_exports, &new_exports);

        let module_verdicts = products
            .iter()
            .filter_map(|p| p.semver)
            .max()
            .unwrap_or(Semver::None);
        let common_products_changed = old_model
            .common
            .iter()
            .map(|c| (&c.code, &c.products))
            .ne(new_model.common.iter().map(|c| (&c.code, &c.products)));
        let sources_changed = old_model.sources != new_model.sources;
        let semver = [
            verdict_of(
                &codes_added,
                &codes_removed,
                &descriptions_changed,
                common_products_changed || sources_changed,
            ),
            module_verdicts,
            if !modules_dropped.is_empty() || !products_dropped.is_empty() {
                Semver::Breaking
            } else if !modules_added.is_empty() || !products_added.is_empty() {
                Semver::Minor
            } else {
                Semver::None
            },
        ]
        .into_iter()
        .max()
        .unwrap_or(Semver::None);
        Ok(Changes {
            products,
            codes_added,
            codes_removed,
            descriptions_changed,
            modules_added,
            modules_dropped,
            products_added,
            products_dropped,
            exports_added,
            exports_dropped,
            semver,
        })
    }

    /// The one-line verdict: `semver: breaking (removes 1 common code: UnsupportedProtocol)`.
    pub fn verdict(&self) -> String {
        let list = |codes: &[String], what: &str| {
            format!(
                "{} {what}{}: {}",
                codes.len(),
                crate::agreement::plural(codes.len()),
                crate::agreement::summarize(codes)
            )
        };
        let module_removed: usize = self
            .products
            .iter()
            .filter(|p| p.table == TableKind::Product)
            .map(|p| p.removed.len())
            .sum();
        let module_added: usize = self
            .products
            .iter()
            .filter(|p| p.table == TableKind::Product && p.status != Status::Added)
            .map(|p| p.added.len())
            .sum();
        let mut removes = Vec::new();
        if !self.codes_removed.is_empty() {
            removes.push(list(&self.codes_removed, "common code"));
        }
        if module_removed > 0 {
            removes.push(format!(
                "{module_removed} product code{}",
                crate::agreement::plural(module_removed)
            ));
        }
        if !self.modules_dropped.is_empty() {
            removes.push(list(&self.modules_dropped, "product module"));
        }
        if !self.products_dropped.is_empty() {
            removes.push(list(&self.products_dropped, "product"));
        }
        let mut adds = Vec::new();
        if !self.codes_added.is_empty() {
            adds.push(list(&self.codes_added, "common code"));
        }
        if module_added > 0 {
            adds.push(format!(
                "{module_added} product code{}",
                crate::agreement::plural(module_added)
            ));
        }
        if !self.modules_added.is_empty() {
            adds.push(list(&self.modules_added, "product module"));
        }
        if !self.products_added.is_empty() {
            adds.push(list(&self.products_added, "product"));
        }
        match self.semver {
            Semver::Breaking => {
                let mut text = format!("semver: breaking (removes {}", removes.join(", "));
                if !adds.is_empty() {
                    text.push_str(&format!("; adds {}", adds.join(", ")));
                }
                text.push(')');
                text
            }
            Semver::Minor => format!(
                "semver: minor (adds {}; the enums are #[non_exhaustive])",
                adds.join(", ")
            ),
            Semver::Patch => "semver: patch (texts, documenting products or sources change; no code is added or removed)".to_owned(),
            Semver::None => "semver: none (the generated code does not change)".to_owned(),
        }
    }

    /// Whether the verdict is at or above `level`.
    pub fn reaches(&self, level: Semver) -> bool {
        level != Semver::None && self.semver >= level
    }
}

fn verdict_of(added: &[String], removed: &[String], reworded: &[Reworded], other: bool) -> Semver {
    if !removed.is_empty() {
        Semver::Breaking
    } else if !added.is_empty() {
        Semver::Minor
    } else if !reworded.is_empty() || other {
        Semver::Patch
    } else {
        Semver::None
    }
}

fn push_changes(
    out: &mut Vec<ProductChanges>,
    product: &str,
    table: TableKind,
    status: Status,
    (before_files, after_files): (&BTreeSet<String>, &BTreeSet<String>),
    (before, after): (&Texts, &Texts),
    semver: Option<Semver>,
) {
    let (added, removed, reworded) = compare(before, after);
    let sources_added: Vec<String> = after_files.difference(before_files).cloned().collect();
    let sources_dropped: Vec<String> = before_files.difference(after_files).cloned().collect();
    let (mut added, mut removed) = (added, removed);
    let codes = if status == Status::Dropped {
        before.len()
    } else {
        after.len()
    };
    if status != Status::Updated {
        // A new or dropped product is summarized: its number of codes, not each code.
        added.clear();
        removed.clear();
    }
    if status == Status::Updated
        && added.is_empty()
        && removed.is_empty()
        && reworded.is_empty()
        && sources_added.is_empty()
        && sources_dropped.is_empty()
    {
        return;
    }
    out.push(ProductChanges {
        product: product.to_owned(),
        table,
        status,
        sources_added,
        sources_dropped,
        codes,
        added,
        removed,
        reworded,
        semver,
    });
}
