//! Agreement: do the pages' tables say the same thing?
//!
//! Pages of the same locale are compared code by code (row order does not matter): a page that
//! lacks a code most pages document, a page that documents a code most pages lack, and a page
//! whose description of a code differs from the one most pages give. The locales' code sets are
//! compared too. Every difference is one [`Finding`], accepted or not by the manifest.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::PathBuf;

use crate::docs::{Docs, Page};
use crate::manifest::Acceptance;

/// One way one page (or one locale) differs from the others.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Difference {
    /// The page lacks a code that at least half of its locale's pages document.
    Lacks {
        /// The product whose page lacks the code.
        product: String,
        /// That page.
        file: PathBuf,
        /// The code.
        code: String,
        /// The products whose pages document it, sorted.
        documented_by: Vec<String>,
    },
    /// The page documents a code that most of its locale's pages lack.
    Extra {
        /// The product whose page documents the code.
        product: String,
        /// That page.
        file: PathBuf,
        /// The code.
        code: String,
        /// The products whose pages lack it, sorted.
        absent_from: Vec<String>,
    },
    /// The page describes a code differently from the description its locale settles on
    /// (see [`settled_description`]).
    Wording {
        /// The product whose page words the description differently.
        product: String,
        /// That page.
        file: PathBuf,
        /// The code.
        code: String,
        /// The page's description.
        text: String,
        /// The description the locale settles on.
        settled: String,
        /// The products whose pages give the settled description, sorted.
        settled_by: Vec<String>,
    },
    /// No page of a locale documents a code that pages of another locale document.
    LocaleLacks {
        /// The locale.
        locale: String,
        /// The products of that locale, sorted.
        products: Vec<String>,
        /// The code.
        code: String,
        /// The locales that document the code, sorted.
        documented_in: Vec<String>,
    },
}

impl Difference {
    /// The code the difference is about.
    pub fn code(&self) -> &str {
        match self {
            Difference::Lacks { code, .. }
            | Difference::Extra { code, .. }
            | Difference::Wording { code, .. }
            | Difference::LocaleLacks { code, .. } => code,
        }
    }

    /// The product the difference is about (none for a locale's difference).
    pub fn product(&self) -> Option<&str> {
        match self {
            Difference::Lacks { product, .. }
            | Difference::Extra { product, .. }
            | Difference::Wording { product, .. } => Some(product),
            Difference::LocaleLacks { .. } => None,
        }
    }

    /// The sort key of a report: by code, then kind, then product or locale.
    fn sort_key(&self) -> (&str, u8, &str) {
        match self {
            Difference::Lacks { code, product, .. } => (code, 0, product),
            Difference::Extra { code, product, .. } => (code, 1, product),
            Difference::Wording { code, product, .. } => (code, 2, product),
            Difference::LocaleLacks { code, locale, .. } => (code, 3, locale),
        }
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Lacks {
                product,
                file,
                code,
                documented_by,
            } => write!(
                f,
                "{product} ({}) lacks {code}, documented by {}",
                file.display(),
                documented_by.join(", ")
            ),
            Difference::Extra {
                product,
                file,
                code,
                absent_from,
            } => write!(
                f,
                "{product} ({}) documents {code}, which {} lack{}",
                file.display(),
                absent_from.join(", "),
                if absent_from.len() == 1 { "s" } else { "" }
            ),
            Difference::Wording {
                product,
                file,
                code,
                text,
                settled,
                settled_by,
            } => write!(
                f,
                "{product} ({}) describes {code} as {text:?}, but {} {} {settled:?}",
                file.display(),
                settled_by.join(", "),
                if settled_by.len() == 1 { "says" } else { "say" }
            ),
            Difference::LocaleLacks {
                locale,
                products,
                code,
                documented_in,
            } => write!(
                f,
                "locale {locale} ({}) lacks {code}, documented in locale {}",
                products.join(", "),
                documented_in.join(", ")
            ),
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
            Some(reason) => write!(f, "accepted: {} (reason: {reason})", self.difference),
            None => self.difference.fmt(f),
        }
    }
}

/// The result of comparing every page of a docs set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Agreement {
    /// Every difference, sorted by code, kind, then product or locale.
    pub findings: Vec<Finding>,
    /// Manifest acceptances that match no difference (stale entries to remove).
    pub unused: Vec<Acceptance>,
}

impl Agreement {
    /// Compares every page of `docs`.
    pub fn check(docs: &Docs) -> Agreement {
        let mut differences = Vec::new();
        let by_locale = pages_by_locale(docs);
        for pages in by_locale.values() {
            compare_locale(pages, &mut differences);
        }
        compare_locales(&by_locale, &mut differences);
        differences.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()).then_with(|| a.cmp(b)));

        // Acceptances by (product or locale, code): one lookup per difference, however many.
        let accept = &docs.manifest.accept;
        let mut by_key: HashMap<(&str, &str, &str), usize> = HashMap::with_capacity(accept.len());
        for (index, a) in accept.iter().enumerate().rev() {
            let key = match (&a.product, &a.locale) {
                (Some(product), _) => ("product", product.as_str(), a.code.as_str()),
                (None, Some(locale)) => ("locale", locale.as_str(), a.code.as_str()),
                (None, None) => continue,
            };
            by_key.insert(key, index);
        }
        let mut used = vec![false; accept.len()];
        let findings = differences
            .into_iter()
            .map(|difference| {
                let key = match &difference {
                    Difference::LocaleLacks { locale, code, .. } => {
                        ("locale", locale.as_str(), code.as_str())
                    }
                    other => ("product", other.product().unwrap_or_default(), other.code()),
                };
                let accepted = by_key.get(&key).map(|&index| {
                    used[index] = true;
                    accept[index].reason.clone()
                });
                Finding {
                    difference,
                    accepted,
                }
            })
            .collect();
        let unused = accept
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

    /// The verdict in words: `all pages agree`, `2 differences`, `2 differences, all
    /// accepted` or `3 differences (1 accepted)`.
    pub fn verdict(&self) -> String {
        let total = self.findings.len();
        match (total, self.accepted().count()) {
            (0, _) => "all pages agree".to_owned(),
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
}

/// `"s"` unless `n` is 1, for counts in reports.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The pages of each locale, in manifest order.
pub fn pages_by_locale(docs: &Docs) -> BTreeMap<&str, Vec<&Page>> {
    let mut by_locale: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
    for page in &docs.pages {
        by_locale.entry(page.locale()).or_default().push(page);
    }
    by_locale
}

/// The description a locale settles on for a code, from the descriptions its pages give in
/// manifest order: the most common non-empty text; on a tie, the one the earliest page gives.
/// Empty only if every page gives an empty description.
pub fn settled_description<'a>(texts: impl IntoIterator<Item = &'a str>) -> &'a str {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for text in texts {
        match counts.iter_mut().find(|(t, _)| *t == text) {
            Some((_, n)) => *n += 1,
            None => counts.push((text, 1)),
        }
    }
    // `max_by_key` keeps the last maximum; reversing makes it the earliest page's text.
    counts
        .into_iter()
        .rev()
        .max_by_key(|(text, n)| (!text.is_empty(), *n))
        .map_or("", |(text, _)| text)
}

fn compare_locale(pages: &[&Page], differences: &mut Vec<Difference>) {
    // Per code, the (page index, description) of every page that documents it, in page order.
    let mut codes: BTreeMap<&str, Vec<(usize, &str)>> = BTreeMap::new();
    for (index, page) in pages.iter().enumerate() {
        for row in &page.rows {
            codes
                .entry(&row.code)
                .or_default()
                .push((index, &row.description));
        }
    }
    // Page indices sorted by product: lists of products come out sorted without a sort each.
    let mut by_product: Vec<usize> = (0..pages.len()).collect();
    by_product.sort_by_key(|&i| pages[i].product());
    let names = |include: &dyn Fn(usize) -> bool| -> Vec<String> {
        by_product
            .iter()
            .filter(|&&i| include(i))
            .map(|&i| pages[i].product().to_owned())
            .collect()
    };
    let mut documents = vec![false; pages.len()];
    for (code, having) in &codes {
        documents.fill(false);
        for (index, _) in having {
            documents[*index] = true;
        }
        if having.len() < pages.len() {
            if having.len() * 2 >= pages.len() {
                let documented_by = names(&|i| documents[i]);
                let lacking = pages.iter().zip(&documents).filter(|(_, d)| !**d);
                differences.extend(lacking.map(|(page, _)| Difference::Lacks {
                    product: page.product().to_owned(),
                    file: page.path.clone(),
                    code: (*code).to_owned(),
                    documented_by: documented_by.clone(),
                }));
            } else {
                let absent_from = names(&|i| !documents[i]);
                differences.extend(having.iter().map(|(i, _)| Difference::Extra {
                    product: pages[*i].product().to_owned(),
                    file: pages[*i].path.clone(),
                    code: (*code).to_owned(),
                    absent_from: absent_from.clone(),
                }));
            }
        }
        let settled = settled_description(having.iter().map(|(_, text)| *text));
        if having.iter().all(|(_, text)| *text == settled) {
            continue;
        }
        // Reuse the per-page flags: now "gives the settled description".
        documents.fill(false);
        for (index, text) in having {
            documents[*index] = *text == settled;
        }
        let settled_by = names(&|i| documents[i]);
        differences.extend(
            having
                .iter()
                .filter(|(_, text)| *text != settled)
                .map(|(i, text)| Difference::Wording {
                    product: pages[*i].product().to_owned(),
                    file: pages[*i].path.clone(),
                    code: (*code).to_owned(),
                    text: (*text).to_owned(),
                    settled: settled.to_owned(),
                    settled_by: settled_by.clone(),
                }),
        );
    }
}

fn compare_locales(by_locale: &BTreeMap<&str, Vec<&Page>>, differences: &mut Vec<Difference>) {
    if by_locale.len() < 2 {
        return;
    }
    let codes: BTreeMap<&str, BTreeSet<&str>> = by_locale
        .iter()
        .map(|(locale, pages)| {
            let codes = pages
                .iter()
                .flat_map(|p| p.rows.iter().map(|r| r.code.as_str()))
                .collect();
            (*locale, codes)
        })
        .collect();
    let all: BTreeSet<&str> = codes.values().flatten().copied().collect();
    for code in all {
        let documented_in: Vec<String> = sorted(
            codes
                .iter()
                .filter(|(_, set)| set.contains(code))
                .map(|(locale, _)| *locale),
        );
        for (locale, set) in &codes {
            if !set.contains(code) {
                differences.push(Difference::LocaleLacks {
                    locale: (*locale).to_owned(),
                    products: sorted(by_locale[locale].iter().map(|p| p.product())),
                    code: code.to_owned(),
                    documented_in: documented_in.clone(),
                });
            }
        }
    }
}

fn sorted<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let set: BTreeSet<&str> = names.collect();
    set.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settles_on_most_common_then_earliest_non_empty() {
        assert_eq!(settled_description(["a", "b", "b"]), "b");
        assert_eq!(settled_description(["a", "b"]), "a");
        assert_eq!(settled_description(["b", "a", "a", "b"]), "b");
        assert_eq!(settled_description(["", "", "x"]), "x");
        assert_eq!(settled_description(["", ""]), "");
        assert_eq!(settled_description([]), "");
    }
}
