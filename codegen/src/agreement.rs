//! Agreement: do the sources say the same thing?
//!
//! Derived from the [`Catalog`]. Every difference is one [`Finding`], of a [`Kind`], accepted or
//! not by the manifest:
//!
//! - common table, per locale: a page that **lacks** a code at least half of the locale's pages
//!   document, a page with an **extra** code most pages lack, a text that differs from the
//!   settled one (**wording**, or **cosmetic** when it differs only in punctuation, spacing or
//!   case, see [`cosmetic_key`]); across locales, a code no page of a locale documents
//!   (**locale-lacks**);
//! - each product's own table: its codes on its English and Chinese pages (**locale-lacks**),
//!   the pages against the Error Center (**not-in-error-center**, **not-on-pages**), texts that
//!   differ from the settled one, a common code that a product lists with another text than the
//!   common table, and Error Center entries that contradict each other (**duplicate**);
//! - the Error Center's list of common codes (`PLATFORM`) against the pages' common tables.
//!
//! A product in the Error Center lists the codes its actions return, not the whole common
//! table: its not listing a common code is not a difference.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, CodeView, Mention, SourceRef};
use crate::error::quote;
use crate::locale::Locale;
use crate::manifest::{normalize_file, Acceptance};

/// The kinds of differences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A page lacks a code that at least half of its locale's pages document.
    Lacks,
    /// A page documents a code that most of its locale's pages lack.
    Extra,
    /// A text differs from the settled one in its words.
    Wording,
    /// A text differs from the settled one only in punctuation, spacing or case.
    Cosmetic,
    /// No source of a locale documents a code that another locale's sources document.
    LocaleLacks,
    /// A product's pages document a code the Error Center does not list for it.
    NotInErrorCenter,
    /// The Error Center lists a code for a product whose pages do not document it.
    NotOnPages,
    /// The Error Center lists one product's code twice with different texts.
    Duplicate,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 8] = [
        Kind::Lacks,
        Kind::Extra,
        Kind::Wording,
        Kind::Cosmetic,
        Kind::LocaleLacks,
        Kind::NotInErrorCenter,
        Kind::NotOnPages,
        Kind::Duplicate,
    ];

    /// The name the manifest and JSON use: `lacks`, `cosmetic`, `not-on-pages`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Lacks => "lacks",
            Kind::Extra => "extra",
            Kind::Wording => "wording",
            Kind::Cosmetic => "cosmetic",
            Kind::LocaleLacks => "locale-lacks",
            Kind::NotInErrorCenter => "not-in-error-center",
            Kind::NotOnPages => "not-on-pages",
            Kind::Duplicate => "duplicate",
        }
    }
}

/// The two kinds of tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TableKind {
    /// The Common Error Codes table.
    Common,
    /// A product's own codes.
    Product,
}

impl TableKind {
    /// `common` or `product`.
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Common => "common",
            TableKind::Product => "product",
        }
    }
}

/// One way one source (or one locale) differs from the others.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Difference {
    /// The table.
    pub table: TableKind,
    /// The code.
    pub code: String,
    /// The kind.
    pub kind: Kind,
    /// The product it is about, if any (none for the common table across locales).
    pub product: Option<String>,
    /// The file (relative to the docs directory) it is on, if any.
    pub file: Option<String>,
    /// The line, where it is known.
    pub line: Option<usize>,
    /// The locale.
    pub locale: Option<Locale>,
    /// The texts: for a wording, the source's text then the settled one; for a duplicate, each
    /// text the export gives.
    pub texts: Vec<String>,
    /// Who else: the products (or sources) that document the code, lack it, or give the
    /// settled text, sorted.
    pub others: Vec<String>,
    /// The path of the file, for messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// At most this many names are listed in a message; the rest are counted.
pub const MAX_LISTED: usize = 5;

/// `a, b, c` or `a, b, c, d, e and 7 more`.
pub fn summarize(names: &[String]) -> String {
    if names.len() <= MAX_LISTED {
        names.join(", ")
    } else {
        format!(
            "{} and {} more",
            names[..MAX_LISTED].join(", "),
            names.len() - MAX_LISTED
        )
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = match (&self.path, self.line) {
            (Some(path), Some(line)) => format!(" ({}:{line})", path.display()),
            (Some(path), None) => format!(" ({})", path.display()),
            _ => String::new(),
        };
        let who = self.product.as_deref().unwrap_or("error-center");
        let others = summarize(&self.others);
        let code = &self.code;
        let table = match self.table {
            TableKind::Common => "",
            TableKind::Product => " (product table)",
        };
        match self.kind {
            Kind::Lacks => write!(f, "{who}{place} lacks {code}{table}, documented by {others}"),
            Kind::Extra => write!(
                f,
                "{who}{place} documents {code}{table}, which {others} lack{}",
                if self.others.len() == 1 { "s" } else { "" }
            ),
            Kind::Wording | Kind::Cosmetic => write!(
                f,
                "{}{who}{place} describes {code}{table} as {}, but {others} {} {}",
                if self.kind == Kind::Cosmetic { "cosmetic: " } else { "" },
                quote(self.texts.first().map_or("", String::as_str)),
                if self.others.len() == 1 { "says" } else { "say" },
                quote(self.texts.get(1).map_or("", String::as_str)),
            ),
            Kind::LocaleLacks => write!(
                f,
                "locale {} lacks {code}{}, documented in {others}",
                self.locale.map_or("?", Locale::as_str),
                match &self.product {
                    Some(product) => format!(" ({product} product table)"),
                    None => String::new(),
                }
            ),
            // The common table's list in the export (`PLATFORM`) against every page's.
            Kind::NotInErrorCenter if self.table == TableKind::Common => write!(
                f,
                "the Error Center{place} does not list common code {code}, which {others} \
                 document{}",
                if self.others.len() == 1 { "s" } else { "" }
            ),
            Kind::NotOnPages if self.table == TableKind::Common => write!(
                f,
                "the Error Center{place} lists common code {code}, which no page documents"
            ),
            Kind::NotInErrorCenter => write!(
                f,
                "{who}{place} documents {code} (product table), which the Error Center does not \
                 list for {who}"
            ),
            Kind::NotOnPages => write!(
                f,
                "the Error Center{place} lists {code} for {who}, which {who}'s pages do not document"
            ),
            Kind::Duplicate => {
                let texts: Vec<String> = self.texts.iter().map(|t| quote(t)).collect();
                let times = self.texts.len();
                // Exports are the only JSON sources: a page cannot be one.
                if self
                    .path
                    .as_ref()
                    .is_some_and(|p| p.extension().is_some_and(|e| e == "json"))
                {
                    write!(
                        f,
                        "the Error Center{place} lists {code} for {who} {times} times with \
                         different texts: {}",
                        texts.join(", ")
                    )
                } else {
                    write!(
                        f,
                        "{who}{place} lists {code}{table} {times} times with different texts: {}",
                        texts.join(", ")
                    )
                }
            }
        }
    }
}

/// A difference, and the reason the manifest accepts it, if it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The difference.
    pub difference: Difference,
    /// The manifest's reason for accepting it; `None` if it is not accepted.
    pub accepted: Option<String>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.accepted {
            Some(reason) => write!(
                f,
                "accepted: {} (reason: {})",
                self.difference,
                quote(reason)
            ),
            None => self.difference.fmt(f),
        }
    }
}

/// The result of comparing every source of a docs set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Agreement {
    /// Every difference, sorted by table, code, kind, then product and file.
    pub findings: Vec<Finding>,
    /// Manifest acceptances that match no difference (stale entries to remove).
    pub unused: Vec<Acceptance>,
}

impl Agreement {
    /// Compares every source of the catalog's docs set.
    pub fn check(catalog: &Catalog<'_>) -> Agreement {
        let mut differences = Vec::new();
        common_table(catalog, &mut differences);
        for product in catalog.products.values() {
            product_table(catalog, product, &mut differences);
        }
        conflicts(catalog, &mut differences);
        differences.sort();
        differences.dedup();
        let acceptances = Acceptances::new(&catalog.docs.manifest.accept);
        let mut used = vec![false; catalog.docs.manifest.accept.len()];
        let findings = differences
            .into_iter()
            .map(|difference| {
                let matching = acceptances.matching(&difference);
                for &index in &matching {
                    used[index] = true;
                }
                let accepted = matching
                    .iter()
                    .min()
                    .map(|&index| catalog.docs.manifest.accept[index].reason.clone());
                Finding {
                    difference,
                    accepted,
                }
            })
            .collect();
        let unused = catalog
            .docs
            .manifest
            .accept
            .iter()
            .zip(used)
            .filter(|(_, used)| !used)
            .map(|(a, _)| a.clone())
            .collect();
        Agreement { findings, unused }
    }

    /// Whether every difference is accepted (or there are none).
    pub fn is_clean(&self) -> bool {
        self.findings.iter().all(|f| f.accepted.is_some())
    }

    /// The verdict in words: `all sources agree`, `2 differences`, `2 differences, all
    /// accepted` or `3 differences (1 accepted)`.
    pub fn verdict(&self) -> String {
        let total = self.findings.len();
        match (total, self.accepted().count()) {
            (0, _) => "all sources agree".to_owned(),
            (t, a) if t == a => format!("{t} difference{}, all accepted", plural(t)),
            (t, 0) => format!("{t} difference{}", plural(t)),
            (t, a) => format!("{t} difference{} ({a} accepted)", plural(t)),
        }
    }

    /// The differences the manifest does not accept.
    pub fn rejected(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.accepted.is_none())
    }

    /// The differences the manifest accepts.
    pub fn accepted(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.accepted.is_some())
    }

    /// How many differences of each kind there are, in [`Kind::ALL`] order, leaving out kinds
    /// with none.
    pub fn counts(&self) -> Vec<(Kind, usize)> {
        let mut counts: BTreeMap<Kind, usize> = BTreeMap::new();
        for finding in &self.findings {
            *counts.entry(finding.difference.kind).or_default() += 1;
        }
        counts.into_iter().collect()
    }
}

/// `"s"` unless `n` is 1, for counts in reports.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A text reduced to what a cosmetic change leaves alone: full-width punctuation and spaces as
/// their half-width forms, `。` as `.`, a trailing `.` or `!` dropped, whitespace collapsed,
/// spaces next to CJK text dropped, and the first letter in lowercase. Two texts with the same
/// key differ only cosmetically.
pub fn cosmetic_key(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            '。' => '.',
            '、' => ',',
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            c => c,
        })
        .collect();
    let words = crate::read::normalize(&folded);
    let mut out = String::with_capacity(words.len());
    let chars: Vec<char> = words.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            if before.is_some_and(is_cjk) || after.is_some_and(is_cjk) {
                continue;
            }
        }
        out.push(c);
    }
    let trimmed = out.trim_end_matches(['.', '!', ' ']);
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{2fa1f}')
}

/// Whether `text` differs from `settled` only cosmetically.
pub fn is_cosmetic(text: &str, settled: &str) -> bool {
    cosmetic_key(text) == cosmetic_key(settled)
}

fn sorted_unique(names: impl IntoIterator<Item = String>) -> Vec<String> {
    names
        .into_iter()
        .collect::<BTreeSet<String>>()
        .into_iter()
        .collect()
}

/// A difference about one source.
fn at_source(
    catalog: &Catalog<'_>,
    source: SourceRef,
    line: Option<usize>,
    table: TableKind,
    kind: Kind,
    code: &str,
) -> Difference {
    Difference {
        table,
        code: code.to_owned(),
        kind,
        product: catalog.product_of(source).map(str::to_owned),
        file: Some(catalog.file(source).to_owned()),
        line,
        locale: Some(catalog.locale(source)),
        texts: Vec::new(),
        others: Vec::new(),
        path: Some(catalog.path(source).to_path_buf()),
    }
}

/// Wording and cosmetic differences of one code's mentions against its settled text.
fn wordings(
    catalog: &Catalog<'_>,
    table: TableKind,
    view: &CodeView<'_>,
    locale: Locale,
    out: &mut Vec<Difference>,
) {
    let Some(settled) = view.settled_in(locale) else {
        return;
    };
    let mentions = view.in_locale(locale);
    if mentions.iter().all(|m| m.text == settled.text) {
        return;
    }
    let settled_by: Vec<SourceRef> = mentions
        .iter()
        .filter(|m| m.text == settled.text)
        .map(|m| m.source)
        .collect();
    for mention in mentions.iter().filter(|m| m.text != settled.text) {
        // Another page of the same product is named by its file: "cdn says" would not say which.
        let own = catalog.product_of(mention.source);
        let others = sorted_unique(settled_by.iter().map(|&source| match source {
            SourceRef::Page(_) if catalog.product_of(source) == own => {
                format!("{} ({})", catalog.who(source), catalog.file(source))
            }
            _ => catalog.who(source),
        }));
        out.push(text_differs(
            catalog,
            mention,
            settled.text,
            table,
            view.code,
            others,
        ));
    }
}

/// A `mention` whose text differs from `settled`: a wording, or a cosmetic difference.
fn text_differs(
    catalog: &Catalog<'_>,
    mention: &Mention<'_>,
    settled: &str,
    table: TableKind,
    code: &str,
    others: Vec<String>,
) -> Difference {
    let kind = if is_cosmetic(mention.text, settled) {
        Kind::Cosmetic
    } else {
        Kind::Wording
    };
    let mut d = at_source(catalog, mention.source, mention.line, table, kind, code);
    d.texts = vec![mention.text.to_owned(), settled.to_owned()];
    d.others = others;
    d
}

fn common_table(catalog: &Catalog<'_>, out: &mut Vec<Difference>) {
    let docs = catalog.docs;
    for locale in Locale::ALL {
        let pages: Vec<usize> = (0..docs.pages.len())
            .filter(|&i| docs.pages[i].locale() == locale)
            .collect();
        let mut documents = vec![false; docs.pages.len()];
        for view in catalog.common.values() {
            let on_pages: Vec<&Mention> = view
                .in_locale(locale)
                .iter()
                .filter(|m| matches!(m.source, SourceRef::Page(_)))
                .collect();
            if !on_pages.is_empty() && on_pages.len() < pages.len() {
                documents.fill(false);
                for m in &on_pages {
                    if let SourceRef::Page(i) = m.source {
                        documents[i] = true;
                    }
                }
                if on_pages.len() * 2 >= pages.len() {
                    let documented_by = sorted_unique(
                        pages
                            .iter()
                            .filter(|&&i| documents[i])
                            .map(|&i| docs.pages[i].product().to_owned()),
                    );
                    for &i in pages.iter().filter(|&&i| !documents[i]) {
                        let mut d = at_source(
                            catalog,
                            SourceRef::Page(i),
                            None,
                            TableKind::Common,
                            Kind::Lacks,
                            view.code,
                        );
                        d.others = documented_by.clone();
                        out.push(d);
                    }
                } else {
                    let absent_from = sorted_unique(
                        pages
                            .iter()
                            .filter(|&&i| !documents[i])
                            .map(|&i| docs.pages[i].product().to_owned()),
                    );
                    for m in &on_pages {
                        let mut d = at_source(
                            catalog,
                            m.source,
                            m.line,
                            TableKind::Common,
                            Kind::Extra,
                            view.code,
                        );
                        d.others = absent_from.clone();
                        out.push(d);
                    }
                }
            }
            wordings(catalog, TableKind::Common, view, locale, out);
        }
    }
    // Across locales: the codes each locale's sources document.
    let locales: Vec<Locale> = Locale::ALL
        .into_iter()
        .filter(|&l| catalog.common.values().any(|v| !v.in_locale(l).is_empty()))
        .collect();
    if locales.len() > 1 {
        for view in catalog.common.values() {
            let documented_in: Vec<String> = locales
                .iter()
                .filter(|&&l| !view.in_locale(l).is_empty())
                .map(|l| l.as_str().to_owned())
                .collect();
            for &locale in locales.iter().filter(|&&l| view.in_locale(l).is_empty()) {
                out.push(Difference {
                    table: TableKind::Common,
                    code: view.code.to_owned(),
                    kind: Kind::LocaleLacks,
                    product: None,
                    file: None,
                    line: None,
                    locale: Some(locale),
                    texts: Vec::new(),
                    others: documented_in.clone(),
                    path: None,
                });
            }
        }
    }
    // The Error Center's list of common codes against the pages' tables.
    for (e, export) in docs.error_centers.iter().enumerate() {
        let listed: BTreeSet<&str> = catalog
            .common
            .values()
            .filter(|v| {
                v.mentions
                    .iter()
                    .flatten()
                    .any(|m| matches!(m.source, SourceRef::ErrorCenter(x, _) if x == e))
            })
            .map(|v| v.code)
            .collect();
        // As for a product's table: only a docs set with both has two lists to compare.
        if listed.is_empty() || docs.pages.is_empty() {
            continue;
        }
        for view in catalog.common.values() {
            let documented_by =
                sorted_unique(
                    view.mentions
                        .iter()
                        .flatten()
                        .filter_map(|m| match m.source {
                            SourceRef::Page(i) => Some(docs.pages[i].product().to_owned()),
                            SourceRef::ErrorCenter(..) => None,
                        }),
                );
            let kind = match (!documented_by.is_empty(), listed.contains(view.code)) {
                (true, false) => Kind::NotInErrorCenter,
                (false, true) => Kind::NotOnPages,
                _ => continue,
            };
            out.push(Difference {
                table: TableKind::Common,
                code: view.code.to_owned(),
                kind,
                product: None,
                file: Some(export.file.clone()),
                // The export's entry, for a code it lists.
                line: view
                    .mentions
                    .iter()
                    .flatten()
                    .find(|m| matches!(m.source, SourceRef::ErrorCenter(x, _) if x == e))
                    .and_then(|m| m.line),
                locale: Some(export.source.locale),
                texts: Vec::new(),
                others: if kind == Kind::NotInErrorCenter {
                    documented_by
                } else {
                    Vec::new()
                },
                path: Some(export.path.clone()),
            });
        }
    }
}

fn product_table(
    catalog: &Catalog<'_>,
    product: &crate::catalog::ProductView<'_>,
    out: &mut Vec<Difference>,
) {
    let name = product.product;
    // Locales of the product's pages that have a product table.
    let page_locales: BTreeSet<Locale> = product
        .pages
        .iter()
        .filter(|&&i| catalog.docs.pages[i].product.is_some())
        .map(|&i| catalog.docs.pages[i].locale())
        .collect();
    for view in product.codes.values() {
        let on_pages = |locale: Locale| {
            view.in_locale(locale)
                .iter()
                .any(|m| matches!(m.source, SourceRef::Page(_)))
        };
        let in_error_center = view
            .mentions
            .iter()
            .flatten()
            .any(|m| matches!(m.source, SourceRef::ErrorCenter(..)));
        let any_page = page_locales.iter().any(|&l| on_pages(l));
        // English and Chinese pages: the same code set.
        if page_locales.len() > 1 && any_page {
            let documented_in: Vec<String> = page_locales
                .iter()
                .filter(|&&l| on_pages(l))
                .map(|l| l.as_str().to_owned())
                .collect();
            for &locale in page_locales.iter().filter(|&&l| !on_pages(l)) {
                out.push(Difference {
                    table: TableKind::Product,
                    code: view.code.to_owned(),
                    kind: Kind::LocaleLacks,
                    product: Some(name.to_owned()),
                    file: None,
                    line: None,
                    locale: Some(locale),
                    texts: Vec::new(),
                    others: documented_in.clone(),
                    path: None,
                });
            }
        }
        // Pages against the Error Center, for products that have both.
        if product.has_product_pages && product.in_error_center {
            if any_page && !in_error_center {
                for m in view.mentions.iter().flatten() {
                    out.push(at_source(
                        catalog,
                        m.source,
                        m.line,
                        TableKind::Product,
                        Kind::NotInErrorCenter,
                        view.code,
                    ));
                }
            } else if !any_page && in_error_center {
                for m in view.mentions.iter().flatten() {
                    out.push(at_source(
                        catalog,
                        m.source,
                        m.line,
                        TableKind::Product,
                        Kind::NotOnPages,
                        view.code,
                    ));
                }
            }
        }
        for locale in Locale::ALL {
            wordings(catalog, TableKind::Product, view, locale, out);
        }
    }
    // Common codes the product lists with another text than the common table's.
    for (code, mentions) in &product.common_mentions {
        let Some(common) = catalog.common.get(code) else {
            continue;
        };
        for mention in mentions {
            let locale = catalog.locale(mention.source);
            let Some(settled) = common.settled_in(locale) else {
                continue;
            };
            if mention.text == settled.text || mention.text.is_empty() {
                continue;
            }
            out.push(text_differs(
                catalog,
                mention,
                settled.text,
                TableKind::Product,
                code,
                vec!["the common table".to_owned()],
            ));
        }
    }
}

fn conflicts(catalog: &Catalog<'_>, out: &mut Vec<Difference>) {
    for conflict in &catalog.conflicts {
        let last = conflict.mentions[conflict.mentions.len() - 1];
        let mut d = at_source(
            catalog,
            last.source,
            last.line,
            conflict.table,
            Kind::Duplicate,
            conflict.code,
        );
        d.product = conflict.product.map(str::to_owned).or(d.product);
        d.texts = conflict
            .mentions
            .iter()
            .map(|m| m.text.to_owned())
            .collect();
        out.push(d);
    }
}

/// The manifest's acceptances, indexed by the fields each gives: a difference is looked up once
/// per distinct combination of fields (a handful), however many entries there are.
struct Acceptances {
    /// Per combination of fields (a bit set), the entries by their values.
    shapes: Vec<(u8, HashMap<Key, usize>)>,
}

/// The values of the fields an acceptance gives, `None` for those it leaves out.
type Key = (
    Option<String>,
    Option<String>,
    Option<Locale>,
    Option<TableKind>,
    Option<Kind>,
    Option<String>,
);

const FILE: u8 = 1;
const PRODUCT: u8 = 2;
const LOCALE: u8 = 4;
const TABLE: u8 = 8;
const KIND: u8 = 16;
const CODE: u8 = 32;

impl Acceptances {
    fn new(accept: &[Acceptance]) -> Acceptances {
        let mut shapes: BTreeMap<u8, HashMap<Key, usize>> = BTreeMap::new();
        for (index, a) in accept.iter().enumerate().rev() {
            let shape = [
                (a.file.is_some(), FILE),
                (a.product.is_some(), PRODUCT),
                (a.locale.is_some(), LOCALE),
                (a.table.is_some(), TABLE),
                (a.kind.is_some(), KIND),
                (a.code.is_some(), CODE),
            ]
            .into_iter()
            .filter(|(given, _)| *given)
            .fold(0, |shape, (_, bit)| shape | bit);
            let key = (
                a.file
                    .as_deref()
                    .map(|f| normalize_file(f).unwrap_or_else(|_| f.to_owned())),
                a.product.clone(),
                a.locale,
                a.table,
                a.kind,
                a.code.clone(),
            );
            shapes.entry(shape).or_default().insert(key, index);
        }
        Acceptances {
            shapes: shapes.into_iter().collect(),
        }
    }

    /// The entries that accept `d` (one per combination of fields at most).
    fn matching(&self, d: &Difference) -> Vec<usize> {
        self.shapes
            .iter()
            .filter_map(|(shape, entries)| {
                let key = (
                    if shape & FILE != 0 {
                        d.file.clone().map(Some)?
                    } else {
                        None
                    },
                    if shape & PRODUCT != 0 {
                        d.product.clone().map(Some)?
                    } else {
                        None
                    },
                    if shape & LOCALE != 0 {
                        d.locale.map(Some)?
                    } else {
                        None
                    },
                    (shape & TABLE != 0).then_some(d.table),
                    (shape & KIND != 0).then_some(d.kind),
                    (shape & CODE != 0).then(|| d.code.clone()),
                );
                entries.get(&key).copied()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosmetic_differences() {
        for (a, b) in [
            ("Internal error", "Internal error."),
            ("internal error.", "Internal error"),
            ("内部错误", "内部错误。"),
            (
                "参数错误（包括参数格式、类型等错误）",
                "参数错误(包括参数格式,类型等错误)",
            ),
            ("DryRun 操作", "DryRun操作"),
            ("Signature expired!", "Signature  expired."),
        ] {
            assert!(is_cosmetic(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("Internal error.", "Internal failure."),
            (
                "The key does not exist.",
                "The key does not exist. Check the console.",
            ),
            ("", "Internal error."),
        ] {
            assert!(!is_cosmetic(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn long_lists_are_summarized() {
        let names: Vec<String> = (1..=8).map(|i| format!("p{i}")).collect();
        assert_eq!(summarize(&names[..2]), "p1, p2");
        assert_eq!(summarize(&names), "p1, p2, p3, p4, p5 and 3 more");
    }
}
