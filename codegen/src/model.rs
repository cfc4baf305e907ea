//! The model the enum is generated from: one entry per code, the union of every page's table.

use std::collections::BTreeMap;

use crate::agreement::settled_description;
use crate::docs::Docs;
use crate::error::Error;
use crate::ident::variant_name;

/// One variant of the generated enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeEntry {
    /// The wire code, e.g. `AuthFailure.SignatureExpire`.
    pub code: String,
    /// The variant name, e.g. `AuthFailureSignatureExpire`.
    pub variant: String,
    /// The description, picked by [`Model::from_docs`]'s rule.
    pub description: String,
    /// The products whose pages document the code, sorted.
    pub products: Vec<String>,
}

/// One page the model was built from, for the banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceNote {
    /// The product.
    pub product: String,
    /// The page's path relative to the docs directory, with `/` separators.
    pub file: String,
    /// The page's last-updated date, where the manifest records one.
    pub updated: Option<String>,
}

/// Everything the generator needs, sorted by code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    /// The pages, in manifest order.
    pub sources: Vec<SourceNote>,
    /// The codes, sorted by code (byte order).
    pub codes: Vec<CodeEntry>,
}

impl Model {
    /// Every product of the docs set, sorted.
    pub fn all_products(&self) -> Vec<String> {
        let mut products: Vec<String> = self.sources.iter().map(|s| s.product.clone()).collect();
        products.sort_unstable();
        products
    }

    /// Builds the model from every page of `docs`: the union of their codes.
    ///
    /// A code's description is the one its locale settles on
    /// ([`settled_description`]: the most common non-empty text, ties to the earliest page),
    /// taken from the locale of the manifest's first page where that locale documents the
    /// code, otherwise from the first locale (in manifest order) that does.
    ///
    /// Fails when two codes map to the same variant name, or a code cannot become one.
    pub fn from_docs(docs: &Docs) -> Result<Model, Error> {
        // Locales in the order of their first page in the manifest.
        let mut locales: Vec<&str> = Vec::new();
        for page in &docs.pages {
            if !locales.contains(&page.locale()) {
                locales.push(page.locale());
            }
        }

        // Per code, the (locale, product, description) of every page that documents it, in
        // manifest order.
        let mut codes: BTreeMap<&str, Vec<(&str, &str, &str)>> = BTreeMap::new();
        for page in &docs.pages {
            for row in &page.rows {
                codes.entry(&row.code).or_default().push((
                    page.locale(),
                    page.product(),
                    &row.description,
                ));
            }
        }

        let mut variants: BTreeMap<String, &str> = BTreeMap::new();
        let mut entries = Vec::with_capacity(codes.len());
        for (code, documented) in codes {
            let variant = variant_name(code).map_err(Error::new)?;
            if let Some(other) = variants.insert(variant.clone(), code) {
                return Err(Error::new(format!(
                    "error codes {other} and {code} both become the variant name {variant}"
                )));
            }
            let description = locales
                .iter()
                .find_map(|locale| {
                    let texts: Vec<&str> = documented
                        .iter()
                        .filter(|(l, _, _)| l == locale)
                        .map(|(_, _, text)| *text)
                        .collect();
                    (!texts.is_empty()).then(|| settled_description(texts).to_owned())
                })
                .unwrap_or_default();
            let mut products: Vec<&str> = documented.iter().map(|(_, p, _)| *p).collect();
            products.sort_unstable();
            entries.push(CodeEntry {
                code: code.to_owned(),
                variant,
                description,
                products: products.into_iter().map(str::to_owned).collect(),
            });
        }

        let sources = docs
            .pages
            .iter()
            .map(|page| SourceNote {
                product: page.product().to_owned(),
                file: page.source.file.replace('\\', "/"),
                updated: page.source.updated.clone(),
            })
            .collect();
        Ok(Model {
            sources,
            codes: entries,
        })
    }
}
