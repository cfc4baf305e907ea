//! `show`: one code on every source.

use serde::Serialize;

use super::{to_json, with_checked, DocsArg, Output, TextOrJson, EXIT_DIFFER, EXIT_OK};
use crate::agreement::summarize;
use crate::catalog::{Catalog, CodeView, SourceRef};
use crate::error::{escape, quote, Error};
use crate::ident::variant_names;
use crate::locale::Locale;

#[derive(Debug, clap::Args)]
pub(super) struct ShowArgs {
    /// The error code, e.g. AuthFailure.SignatureExpire.
    code: String,
    #[command(flatten)]
    docs: DocsArg,
    /// Only this product's own codes (the common table is always shown).
    #[arg(long, value_name = "PRODUCT")]
    product: Option<String>,
    /// The output format.
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
}

/// The code in one table: its variant and what every source says.
#[derive(Serialize)]
struct Shown {
    table: crate::agreement::TableKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    product: Option<String>,
    variant: String,
    locales: Vec<ShownLocale>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lacking: Vec<String>,
}

#[derive(Serialize)]
struct ShownLocale {
    locale: Locale,
    settled: Option<String>,
    settled_from: Option<String>,
    texts: Vec<ShownText>,
}

#[derive(Serialize)]
struct ShownText {
    text: String,
    sources: Vec<String>,
}

fn shown(
    catalog: &Catalog<'_>,
    views: &std::collections::BTreeMap<&str, CodeView<'_>>,
    view: &CodeView<'_>,
    table: crate::agreement::TableKind,
    product: Option<&str>,
) -> Shown {
    // The variant as the generated enum names it, among the table's codes.
    let codes: Vec<&str> = views.keys().copied().collect();
    let variant = match variant_names(&codes) {
        Ok(names) => codes
            .iter()
            .position(|c| *c == view.code)
            .map_or_else(String::new, |i| names[i].clone()),
        Err(reason) => format!("no variant ({reason})"),
    };
    let locales = Locale::ALL
        .into_iter()
        .filter(|&l| !view.in_locale(l).is_empty())
        .map(|locale| {
            let mut texts: Vec<ShownText> = Vec::new();
            for m in view.in_locale(locale) {
                let who = format!("{} ({})", catalog.who(m.source), catalog.file(m.source));
                match texts.iter_mut().find(|t| t.text == m.text) {
                    Some(t) => t.sources.push(who),
                    None => texts.push(ShownText {
                        text: m.text.to_owned(),
                        sources: vec![who],
                    }),
                }
            }
            let settled = view.settled_in(locale);
            ShownLocale {
                locale,
                settled: settled.map(|s| s.text.to_owned()),
                settled_from: settled.map(|s| catalog.file(s.from).to_owned()),
                texts,
            }
        })
        .collect();
    let lacking = match table {
        crate::agreement::TableKind::Common => {
            let documented: std::collections::BTreeSet<usize> = view
                .mentions
                .iter()
                .flatten()
                .filter_map(|m| match m.source {
                    SourceRef::Page(i) => Some(i),
                    SourceRef::ErrorCenter(..) => None,
                })
                .collect();
            (0..catalog.docs.pages.len())
                .filter(|i| !documented.contains(i))
                .map(|i| catalog.docs.pages[i].file.clone())
                .collect()
        }
        crate::agreement::TableKind::Product => Vec::new(),
    };
    Shown {
        table,
        product: product.map(str::to_owned),
        variant,
        locales,
        lacking,
    }
}

pub(super) fn run(args: &ShowArgs) -> Result<Output, Error> {
    with_checked(&args.docs.docs, |catalog, _| {
        let code = args.code.as_str();
        let mut found = Vec::new();
        if let Some(view) = catalog.common.get(code) {
            found.push(shown(
                catalog,
                &catalog.common,
                view,
                crate::agreement::TableKind::Common,
                None,
            ));
        }
        for product in catalog.products.values() {
            if args
                .product
                .as_deref()
                .is_some_and(|p| p != product.product)
            {
                continue;
            }
            if let Some(view) = product.codes.get(code) {
                found.push(shown(
                    catalog,
                    &product.codes,
                    view,
                    crate::agreement::TableKind::Product,
                    Some(product.product),
                ));
            }
        }
        let status = if found.is_empty() {
            EXIT_DIFFER
        } else {
            EXIT_OK
        };
        let stdout = match args.format {
            TextOrJson::Json => {
                #[derive(Serialize)]
                struct Json<'a> {
                    code: &'a str,
                    documented: bool,
                    tables: &'a [Shown],
                }
                to_json(&Json {
                    code,
                    documented: !found.is_empty(),
                    tables: &found,
                })?
            }
            TextOrJson::Text => text(code, &found),
        };
        Ok(Output::new(status, stdout))
    })
}

fn text(code: &str, found: &[Shown]) -> String {
    let code = escape(code);
    if found.is_empty() {
        let why = if crate::read::is_code(&code) {
            String::new()
        } else {
            " (and it is not a well-formed code, so it can have no variant)".to_owned()
        };
        return format!("{code}: documented by no source{why}\n");
    }
    let mut out = String::new();
    for shown in found {
        let path = match &shown.product {
            Some(product) => format!(
                "{}::ErrorCode::{}",
                crate::ident::module_name(product),
                shown.variant
            ),
            None => format!("ErrorCode::{}", shown.variant),
        };
        out.push_str(&format!("{code}: {path}\n"));
        for locale in &shown.locales {
            for text in &locale.texts {
                let settled = if locale.settled.as_deref() == Some(text.text.as_str()) {
                    "*"
                } else {
                    " "
                };
                out.push_str(&format!(
                    "  {settled}{} {}: {}\n",
                    locale.locale,
                    quote(&text.text),
                    summarize(&text.sources)
                ));
            }
        }
        if shown.table == crate::agreement::TableKind::Common {
            out.push_str(&format!(
                "  lacking: {}\n",
                if shown.lacking.is_empty() {
                    "none".to_owned()
                } else {
                    summarize(&shown.lacking)
                }
            ));
        }
    }
    out.push_str("  (* the text the locale settles on)\n");
    out
}
