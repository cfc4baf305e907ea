//! What a documentation update changed: two docs sets compared product by product.

use std::collections::{BTreeMap, BTreeSet};

use crate::docs::Docs;
use crate::error::Error;
use crate::model::Model;

/// A description that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
pub struct Reworded {
    /// The code.
    pub code: String,
    /// The description before.
    pub old: String,
    /// The description after.
    pub new: String,
}

/// What changed on one product's page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
pub struct ProductChanges {
    /// The product.
    pub product: String,
    /// `added` (a new page), `dropped` (a page no longer listed) or `updated`.
    pub status: PageStatus,
    /// Codes the page now documents and did not, sorted.
    pub added: Vec<String>,
    /// Codes the page documented and no longer does, sorted.
    pub removed: Vec<String>,
    /// Descriptions that changed, sorted by code.
    pub reworded: Vec<Reworded>,
}

/// Whether a product's page is new, gone, or in both docs sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
#[cfg_attr(feature = "cli", serde(rename_all = "lowercase"))]
pub enum PageStatus {
    /// Only in the new docs set.
    Added,
    /// Only in the old docs set.
    Dropped,
    /// In both.
    Updated,
}

/// How the generated crate's version should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
#[cfg_attr(feature = "cli", serde(rename_all = "lowercase"))]
pub enum Semver {
    /// Nothing the generated code shows changed.
    None,
    /// Only descriptions, the products of codes, or the sources named in the banner changed.
    Patch,
    /// Codes were added: not breaking, as `ErrorCode` is `#[non_exhaustive]`.
    Minor,
    /// Codes were removed: their variants go, which breaks callers that name them.
    Breaking,
}

/// Everything a documentation update changed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(serde::Serialize))]
pub struct Changes {
    /// Per product whose page changed, sorted by product.
    pub products: Vec<ProductChanges>,
    /// Variants of the generated enum that are new, sorted by code.
    pub codes_added: Vec<String>,
    /// Variants of the generated enum that are gone, sorted by code.
    pub codes_removed: Vec<String>,
    /// Variants whose description (as the enum gives it) changed, sorted by code.
    pub descriptions_changed: Vec<Reworded>,
    /// The verdict for the generated crate.
    pub semver: Semver,
}

impl Changes {
    /// Compares the docs set `old` with `new`.
    ///
    /// Fails only where a model cannot be built from one of them (codes that collide).
    pub fn between(old: &Docs, new: &Docs) -> Result<Changes, Error> {
        let tables = |docs: &Docs| -> BTreeMap<String, BTreeMap<String, String>> {
            docs.pages
                .iter()
                .map(|p| {
                    let rows = p
                        .rows
                        .iter()
                        .map(|r| (r.code.clone(), r.description.clone()))
                        .collect();
                    (p.product().to_owned(), rows)
                })
                .collect()
        };
        let (old_tables, new_tables) = (tables(old), tables(new));
        let empty = BTreeMap::new();
        let products: BTreeSet<&String> = old_tables.keys().chain(new_tables.keys()).collect();
        let mut changes = Vec::new();
        for product in products {
            let status = match (old_tables.get(product), new_tables.get(product)) {
                (None, _) => PageStatus::Added,
                (_, None) => PageStatus::Dropped,
                _ => PageStatus::Updated,
            };
            let before = old_tables.get(product).unwrap_or(&empty);
            let after = new_tables.get(product).unwrap_or(&empty);
            let (added, removed, reworded) = compare(before, after);
            if status != PageStatus::Updated
                || !added.is_empty()
                || !removed.is_empty()
                || !reworded.is_empty()
            {
                changes.push(ProductChanges {
                    product: product.clone(),
                    status,
                    added,
                    removed,
                    reworded,
                });
            }
        }

        let (old_model, new_model) = (Model::from_docs(old)?, Model::from_docs(new)?);
        let descriptions = |model: &Model| -> BTreeMap<String, String> {
            model
                .codes
                .iter()
                .map(|c| (c.code.clone(), c.description.clone()))
                .collect()
        };
        let (codes_added, codes_removed, descriptions_changed) =
            compare(&descriptions(&old_model), &descriptions(&new_model));
        let sources_changed = old_model.sources != new_model.sources;
        let products_changed = old_model
            .codes
            .iter()
            .map(|c| (&c.code, &c.products))
            .ne(new_model.codes.iter().map(|c| (&c.code, &c.products)));
        let semver = if !codes_removed.is_empty() {
            Semver::Breaking
        } else if !codes_added.is_empty() {
            Semver::Minor
        } else if !descriptions_changed.is_empty() || products_changed || sources_changed {
            Semver::Patch
        } else {
            Semver::None
        };
        Ok(Changes {
            products: changes,
            codes_added,
            codes_removed,
            descriptions_changed,
            semver,
        })
    }

    /// The one-line verdict: `semver: breaking (removes 1 code: UnsupportedProtocol)`.
    pub fn verdict(&self) -> String {
        let list = |codes: &[String]| {
            format!(
                "{} code{}: {}",
                codes.len(),
                if codes.len() == 1 { "" } else { "s" },
                codes.join(", ")
            )
        };
        match self.semver {
            Semver::Breaking => format!(
                "semver: breaking (removes {}{})",
                list(&self.codes_removed),
                if self.codes_added.is_empty() {
                    String::new()
                } else {
                    format!("; adds {}", list(&self.codes_added))
                }
            ),
            Semver::Minor => format!(
                "semver: minor (adds {}; ErrorCode is #[non_exhaustive])",
                list(&self.codes_added)
            ),
            Semver::Patch => {
                "semver: patch (descriptions, documenting products or sources change; no code is added or removed)"
                    .to_owned()
            }
            Semver::None => "semver: none (the generated code does not change)".to_owned(),
        }
    }
}

/// Codes added, removed and reworded from `old` to `new`.
fn compare(
    old: &BTreeMap<String, String>,
    new: &BTreeMap<String, String>,
) -> (Vec<String>, Vec<String>, Vec<Reworded>) {
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
    let reworded = old
        .iter()
        .filter_map(|(code, before)| {
            let after = new.get(code)?;
            (after != before).then(|| Reworded {
                code: code.clone(),
                old: before.clone(),
                new: after.clone(),
            })
        })
        .collect();
    (added, removed, reworded)
}
