//! `accept --all`: accept every difference not yet accepted, in as few manifest entries as the
//! differences allow, written into `sources.json` without touching the rest of its text.
//!
//! The scopes, widest first, each used only for differences not accepted yet:
//! 1. every cosmetic difference: `{"kind": "cosmetic"}`;
//! 2. a page that differs wholesale (on at least half of the codes of its common table, and at
//!    least three): `{"file": ...}`;
//! 3. a product's own table that differs on three codes or more: `{"product": ..., "table":
//!    "product"}`;
//! 4. a code that differs for two products or more (a common code on several products' pages,
//!    or listed by several products with another text): `{"table": ..., "code": ...}`;
//! 5. the rest, one product and code at a time (`{"product", "code"}`), a locale's code
//!    (`{"locale", "code"}`) or an export's code (`{"file", "code"}`).

use std::collections::{BTreeMap, BTreeSet};

use super::{load_checked, DocsArg, Output, EXIT_OK};
use crate::agreement::{Agreement, Difference, Kind, TableKind};
use crate::catalog::Catalog;
use crate::error::{escape, Error};
use crate::manifest::{one_line_json, Acceptance, Manifest};

#[derive(Debug, clap::Args)]
pub(super) struct AcceptArgs {
    #[command(flatten)]
    docs: DocsArg,
    /// Accept every difference not yet accepted (the only mode: acceptances of single
    /// differences are written by hand, with their own reasons).
    #[arg(long, required = true)]
    all: bool,
    /// Why the differences are accepted; written into every new entry.
    #[arg(long, value_name = "TEXT")]
    reason: String,
}

pub(super) fn run(args: &AcceptArgs) -> Result<Output, Error> {
    let dir = &args.docs.docs;
    // As the build reads it: docs it would refuse (codes that collide) get no acceptances.
    let docs = load_checked(dir)?;
    let path = docs.manifest_path();
    if args.reason.trim().is_empty() || args.reason.chars().any(crate::error::is_unsafe) {
        return Err(Error::new(
            "--reason must be a non-empty text on one line, without control characters",
        ));
    }
    let (entries, accepted) = {
        let catalog = Catalog::build(&docs)?;
        let agreement = Agreement::check(&catalog);
        let pending: Vec<&Difference> = agreement.rejected().map(|f| &f.difference).collect();
        (plan(&catalog, &pending, &args.reason), pending.len())
    };
    if entries.is_empty() {
        return Ok(Output::new(
            EXIT_OK,
            "nothing to accept: every difference is accepted\n".to_owned(),
        ));
    }
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, "cannot read", e))?;
    let new_text = insert_entries(&text, &entries).map_err(|m| Error::in_file(&path, m))?;
    // The new manifest must parse, and accept every difference, before it is written.
    let manifest = Manifest::parse(&path, new_text.as_bytes())?;
    let mut check = docs.clone();
    check.manifest = manifest;
    let catalog = Catalog::build(&check)?;
    let agreement = Agreement::check(&catalog);
    if let Some(left) = agreement.rejected().next() {
        return Err(Error::new(format!(
            "the planned entries leave a difference unaccepted (a bug): {}",
            left.difference
        )));
    }
    crate::write::write_if_changed(&path, new_text.as_bytes())?;
    let mut stdout = String::new();
    for entry in &entries {
        stdout.push_str(&format!("added: {}\n", escape(&one_line_json(entry))));
    }
    stdout.push_str(&format!(
        "{} accept entr{} added to {} for {accepted} difference{}; `check` now agrees\n",
        entries.len(),
        if entries.len() == 1 { "y" } else { "ies" },
        path.display(),
        crate::agreement::plural(accepted),
    ));
    Ok(Output::new(EXIT_OK, stdout))
}

/// The entries that accept `pending`, by the scopes of the module documentation.
fn plan(catalog: &Catalog<'_>, pending: &[&Difference], reason: &str) -> Vec<Acceptance> {
    let entry = |f: &dyn Fn(&mut Acceptance)| {
        let mut a = Acceptance {
            file: None,
            product: None,
            locale: None,
            table: None,
            kind: None,
            code: None,
            reason: reason.to_owned(),
        };
        f(&mut a);
        a
    };
    let mut entries = Vec::new();
    let mut left: Vec<&Difference> = pending.to_vec();

    if left.iter().any(|d| d.kind == Kind::Cosmetic) {
        entries.push(entry(&|a| a.kind = Some(Kind::Cosmetic)));
        left.retain(|d| d.kind != Kind::Cosmetic);
    }

    // Pages that differ wholesale.
    let mut by_file: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for d in &left {
        if let (Some(file), TableKind::Common) = (&d.file, d.table) {
            by_file.entry(file).or_default().insert(&d.code);
        }
    }
    let wholesale: BTreeSet<&str> = catalog
        .docs
        .pages
        .iter()
        .filter(|page| {
            by_file
                .get(page.file.as_str())
                .is_some_and(|codes| codes.len() >= 3 && codes.len() * 2 >= page.common.len())
        })
        .map(|page| page.file.as_str())
        .collect();
    // In manifest order.
    for page in &catalog.docs.pages {
        if wholesale.contains(page.file.as_str()) {
            entries.push(entry(&|a| a.file = Some(page.file.clone())));
        }
    }
    left.retain(|d| !d.file.as_deref().is_some_and(|f| wholesale.contains(f)));

    // Products whose own table differs on three codes or more.
    let mut by_product: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for d in &left {
        if let (Some(product), TableKind::Product) = (&d.product, d.table) {
            by_product.entry(product).or_default().insert(&d.code);
        }
    }
    let products: BTreeSet<&str> = by_product
        .iter()
        .filter(|(_, codes)| codes.len() >= 3)
        .map(|(p, _)| *p)
        .collect();
    for product in &products {
        entries.push(entry(&|a| {
            a.product = Some((*product).to_owned());
            a.table = Some(TableKind::Product);
        }));
    }
    left.retain(|d| {
        !(d.table == TableKind::Product
            && d.product.as_deref().is_some_and(|p| products.contains(p)))
    });

    // Codes that differ for two products or more (a common code on several products' pages, or
    // listed by several products with another text).
    // A locale's difference (no product) is no product's: it does not make a code widespread.
    let mut by_code: BTreeMap<(TableKind, &str), BTreeSet<&str>> = BTreeMap::new();
    for d in &left {
        if let Some(product) = &d.product {
            by_code
                .entry((d.table, &d.code))
                .or_default()
                .insert(product);
        }
    }
    let codes: BTreeSet<(TableKind, &str)> = by_code
        .iter()
        .filter(|(_, products)| products.len() >= 2)
        .map(|(key, _)| *key)
        .collect();
    for (table, code) in &codes {
        entries.push(entry(&|a| {
            a.table = Some(*table);
            a.code = Some((*code).to_owned());
        }));
    }
    left.retain(|d| !codes.contains(&(d.table, d.code.as_str())));

    // One at a time.
    let mut seen = BTreeSet::new();
    for d in left {
        let a = match (&d.product, d.kind, &d.file) {
            (Some(product), _, _) => entry(&|a| {
                a.product = Some(product.clone());
                a.table = Some(d.table);
                a.code = Some(d.code.clone());
            }),
            (None, Kind::LocaleLacks, _) => entry(&|a| {
                a.locale = d.locale;
                a.table = Some(d.table);
                a.code = Some(d.code.clone());
            }),
            (None, _, Some(file)) => entry(&|a| {
                a.file = Some(file.clone());
                a.code = Some(d.code.clone());
            }),
            (None, _, None) => entry(&|a| a.code = Some(d.code.clone())),
        };
        if seen.insert(one_line_json(&a)) {
            entries.push(a);
        }
    }
    entries
}

/// `text` (a manifest) with `entries` appended to its `accept` list, the rest of the text as it
/// was: each entry on a line of its own.
fn insert_entries(text: &str, entries: &[Acceptance]) -> Result<String, String> {
    #[derive(serde::Deserialize)]
    struct Top<'a> {
        #[serde(borrow, default)]
        accept: Option<&'a serde_json::value::RawValue>,
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let offset = text.len() - body.len();
    let top: Top = serde_json::from_str(body).map_err(|e| format!("malformed manifest: {e}"))?;
    let lines: Vec<String> = entries.iter().map(one_line_json).collect();
    match top.accept {
        Some(raw) => {
            let start = offset + (raw.get().as_ptr() as usize - body.as_ptr() as usize);
            let end = start + raw.get().len();
            let array = &text[start..end];
            let inner = array[1..array.len() - 1].trim_end();
            let mut out = String::with_capacity(
                text.len() + lines.iter().map(|l| l.len() + 8).sum::<usize>(),
            );
            out.push_str(&text[..start]);
            if inner.trim().is_empty() {
                out.push_str("[\n    ");
                out.push_str(&lines.join(",\n    "));
                out.push_str("\n  ]");
            } else {
                out.push('[');
                out.push_str(inner);
                out.push_str(",\n    ");
                out.push_str(&lines.join(",\n    "));
                out.push_str("\n  ]");
            }
            out.push_str(&text[end..]);
            Ok(out)
        }
        None => {
            let close = text
                .rfind('}')
                .ok_or("malformed manifest: no closing brace")?;
            let before = text[..close].trim_end();
            Ok(format!(
                "{before},\n  \"accept\": [\n    {}\n  ]\n{}",
                lines.join(",\n    "),
                &text[close..]
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(code: &str) -> Acceptance {
        Acceptance {
            file: None,
            product: Some("cls".into()),
            locale: None,
            table: None,
            kind: None,
            code: Some(code.into()),
            reason: "r".into(),
        }
    }

    #[test]
    fn entries_go_at_the_end_of_the_list_and_nothing_else_moves() {
        let text = "{\n  \"pages\": [{\"file\": \"a.txt\"}],\n  \"accept\": [\n    {\"code\": \"A\", \"reason\": \"x\"}\n  ]\n}\n";
        assert_eq!(
            insert_entries(text, &[entry("B")]).unwrap(),
            "{\n  \"pages\": [{\"file\": \"a.txt\"}],\n  \"accept\": [\n    {\"code\": \"A\", \"reason\": \"x\"},\n    {\"product\": \"cls\", \"code\": \"B\", \"reason\": \"r\"}\n  ]\n}\n"
        );
        let empty = "{\"pages\": [], \"accept\": []}\n";
        assert_eq!(
            insert_entries(empty, &[entry("B"), entry("C")]).unwrap(),
            "{\"pages\": [], \"accept\": [\n    {\"product\": \"cls\", \"code\": \"B\", \"reason\": \"r\"},\n    {\"product\": \"cls\", \"code\": \"C\", \"reason\": \"r\"}\n  ]}\n"
        );
        let none = "{\n  \"pages\": []\n}\n";
        assert_eq!(
            insert_entries(none, &[entry("B")]).unwrap(),
            "{\n  \"pages\": [],\n  \"accept\": [\n    {\"product\": \"cls\", \"code\": \"B\", \"reason\": \"r\"}\n  ]\n}\n"
        );
    }
}
