//! The model the code is generated from: the common enum's codes, each product's own codes and
//! the products, with their texts per locale and where each text comes from. Sorted.

use std::collections::BTreeSet;

use crate::catalog::{Catalog, CodeView, SourceRef};
use crate::error::{Error, Place};
use crate::ident::{feature_name, module_name, product_variant, variant_names};
use crate::locale::Locale;

/// A text of one locale and the source it was settled from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text.
    pub text: String,
    /// The file it comes from, relative to the docs directory.
    pub from: String,
}

/// One variant of a generated enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeEntry {
    /// The wire code, e.g. `AuthFailure.SignatureExpire`.
    pub code: String,
    /// The variant name, e.g. `AuthFailureSignatureExpire`.
    pub variant: String,
    /// Per locale ([`Locale::index`]), the settled text, where a source gives one.
    pub texts: [Option<Text>; 2],
    /// The Error Center's solution, where it is real text.
    pub solution: Option<String>,
    /// For a common code, the products whose pages document it, sorted; empty for a product's
    /// own code.
    pub products: Vec<String>,
}

impl CodeEntry {
    /// The text of `locale`, if any.
    pub fn text(&self, locale: Locale) -> Option<&Text> {
        self.texts[locale.index()].as_ref()
    }
}

/// One product: its identity and, if it has any, its own codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProductEntry {
    /// The API service name (`cvm`).
    pub service: String,
    /// The module and feature names (`cvm`, `as_` and `as`).
    pub module: String,
    /// The cargo feature.
    pub feature: String,
    /// The `Product` variant (`Cvm`).
    pub variant: String,
    /// The display name the manifest gives.
    pub name: Option<String>,
    /// The Chinese name the Error Center gives.
    pub name_zh: Option<String>,
    /// The API versions the Error Center lists, sorted.
    pub versions: Vec<String>,
    /// The product's own codes, sorted by code; empty for a product that documents none.
    pub codes: Vec<CodeEntry>,
    /// The files its texts come from, sorted.
    pub sources: Vec<String>,
}

/// One source of the docs set, for banners.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceNote {
    /// The product of a page; none for an export.
    pub product: Option<String>,
    /// The locale.
    pub locale: Locale,
    /// The file, relative to the docs directory.
    pub file: String,
    /// The `updated` date, where the manifest gives one.
    pub updated: Option<String>,
}

/// Everything the generator needs, sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    /// The sources, pages in manifest order then the exports.
    pub sources: Vec<SourceNote>,
    /// The common codes, sorted by code (byte order).
    pub common: Vec<CodeEntry>,
    /// The products whose pages document the common codes, sorted.
    pub common_products: Vec<String>,
    /// Every product, sorted by service name.
    pub products: Vec<ProductEntry>,
}

impl Model {
    /// Builds the model from the catalog.
    ///
    /// Fails when two codes of one enum map to the same variant name, a code cannot become one,
    /// or two products to the same module.
    pub fn from_catalog(catalog: &Catalog<'_>) -> Result<Model, Error> {
        let docs = catalog.docs;
        let text = |view: &CodeView<'_>, locale: Locale| {
            view.settled_in(locale).map(|s| Text {
                text: s.text.to_owned(),
                from: catalog.file(s.from).to_owned(),
            })
        };
        let entries = |views: Vec<&CodeView<'_>>,
                       products: &dyn Fn(&CodeView<'_>) -> Vec<String>|
         -> Result<Vec<CodeEntry>, Error> {
            let codes: Vec<&str> = views.iter().map(|v| v.code).collect();
            let names = variant_names(&codes).map_err(|e| {
                // At the first row that lists the code, naming the other code's too.
                let place_of = |code: &str| {
                    views
                        .iter()
                        .find(|v| v.code == code)
                        .and_then(|v| first_place(catalog, v))
                };
                let also = e
                    .other
                    .as_deref()
                    .and_then(|other| Some((other, place_of(other)?)))
                    .map_or_else(String::new, |(other, place)| {
                        format!(" ({other} is at {})", show_place(&place))
                    });
                Error::naming(place_of(&e.code), format!("{}{also}", e.message))
            })?;
            Ok(views
                .into_iter()
                .zip(names)
                .map(|(view, variant)| CodeEntry {
                    code: view.code.to_owned(),
                    variant,
                    texts: [text(view, Locale::En), text(view, Locale::Zh)],
                    solution: view.solution.map(str::to_owned),
                    products: products(view),
                })
                .collect())
        };
        let common = entries(catalog.common.values().collect(), &|view| {
            view.mentions
                .iter()
                .flatten()
                .filter_map(|m| match m.source {
                    SourceRef::Page(i) => Some(docs.pages[i].product().to_owned()),
                    SourceRef::ErrorCenter(..) => None,
                })
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        })?;
        let common_products = docs
            .pages
            .iter()
            .map(|p| p.product().to_owned())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();

        let mut products = Vec::with_capacity(catalog.products.len());
        let mut modules: std::collections::BTreeMap<String, &str> = Default::default();
        for view in catalog.products.values() {
            let module = module_name(view.product);
            if let Some(other) = modules.insert(module.clone(), view.product) {
                return Err(Error::naming(
                    None,
                    format!(
                        "products {other} and {} both become the module name {module}",
                        view.product
                    ),
                ));
            }
            let codes = entries(view.codes.values().collect(), &|_| Vec::new()).map_err(|e| {
                Error::naming(
                    e.place().cloned(),
                    format!("{}: {}", view.product, e.message()),
                )
            })?;
            let sources: BTreeSet<String> = codes
                .iter()
                .flat_map(|c| c.texts.iter().flatten().map(|t| t.from.clone()))
                .collect();
            products.push(ProductEntry {
                service: view.product.to_owned(),
                feature: feature_name(view.product),
                variant: product_variant(view.product),
                module,
                name: view.name.map(str::to_owned),
                name_zh: view.name_zh.map(str::to_owned),
                versions: view.versions.iter().map(|v| (*v).to_owned()).collect(),
                codes,
                sources: sources.into_iter().collect(),
            });
        }

        let sources = docs
            .pages
            .iter()
            .map(|page| SourceNote {
                product: Some(page.product().to_owned()),
                locale: page.locale(),
                file: page.file.clone(),
                updated: page.source.updated.as_ref().map(|u| u.as_str().to_owned()),
            })
            .chain(docs.error_centers.iter().map(|export| {
                SourceNote {
                    product: None,
                    locale: export.source.locale,
                    file: export.file.clone(),
                    updated: export
                        .source
                        .updated
                        .as_ref()
                        .map(|u| u.as_str().to_owned()),
                }
            }))
            .collect();
        Ok(Model {
            sources,
            common,
            common_products,
            products,
        })
    }

    /// The products that have codes of their own (and so a module and a feature).
    pub fn products_with_codes(&self) -> impl Iterator<Item = &ProductEntry> {
        self.products.iter().filter(|p| !p.codes.is_empty())
    }
}

/// The place of the first row (in manifest order) that lists a code.
fn first_place(catalog: &Catalog<'_>, view: &CodeView<'_>) -> Option<Place> {
    view.mentions
        .iter()
        .flatten()
        .min_by_key(|m| (m.source, m.line))
        .map(|m| Place {
            file: catalog.path(m.source).to_path_buf(),
            line: m.line,
        })
}

/// `path:line`, or `path` where the line is not known.
fn show_place(place: &Place) -> String {
    match place.line {
        Some(line) => format!("{}:{line}", place.file.display()),
        None => place.file.display().to_string(),
    }
}
