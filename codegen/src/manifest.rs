//! `docs/sources.json`: the list of pages, and the differences between them that are accepted.

use std::path::Path;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use crate::error::Error;

/// The file name of the manifest inside a docs directory.
pub const MANIFEST_FILE: &str = "sources.json";

/// The parsed `sources.json` of a docs directory.
///
/// ```json
/// {
///   "pages": [
///     {"product": "cdn", "locale": "en", "file": "pages/cdn.txt",
///      "name": "Content Delivery Network (CDN)", "updated": "2025-12-24 10:38:44"}
///   ],
///   "accept": [
///     {"product": "cls", "code": "UnsupportedRegion", "reason": "CLS is global-only"}
///   ]
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// The product pages, in the order reports and exports list them.
    pub pages: Vec<PageSource>,
    /// Differences between pages that are known and accepted.
    pub accept: Vec<Acceptance>,
}

/// One product's documentation page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageSource {
    /// The API service name, as in the endpoint `cdn.tencentcloudapi.com`: `cdn`, `cvm`, `mdl`.
    pub product: String,
    /// The language of the page's table: `en`, `zh`.
    pub locale: String,
    /// The page, relative to the docs directory. Its extension picks the reader:
    /// `.html`/`.htm`, `.md`/`.markdown` or `.txt`.
    pub file: String,
    /// The product's display name.
    pub name: Option<String>,
    /// Where the page was captured from.
    pub url: Option<String>,
    /// The last-updated date printed on the page.
    pub updated: Option<String>,
}

/// A difference between pages that is known and accepted, with the reason.
///
/// `product` accepts the differences of that product's page for `code` (it lacks the code,
/// documents it alone, or words it differently); `locale` instead accepts that the pages of that
/// locale, taken together, lack `code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    /// The product whose page differs.
    pub product: Option<String>,
    /// The locale whose pages lack the code.
    pub locale: Option<String>,
    /// The error code the difference is about.
    pub code: String,
    /// Why the difference is accepted.
    pub reason: String,
}

/// `Deserialize` for a struct from a JSON object, written out rather than derived: the
/// generator is a build dependency of every user of the crate, and `serde_derive` would add
/// seconds to their clean builds. Unknown, duplicate and missing fields are errors, which
/// serde_json reports with their line.
macro_rules! deserialize_object {
    ($ty:ident, $expecting:literal, required { $($req:ident),* }, optional { $($opt:ident),* }) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const FIELDS: &[&str] = &[$(stringify!($req),)* $(stringify!($opt)),*];
                struct ObjectVisitor;
                impl<'de> Visitor<'de> for ObjectVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        $(let mut $req = None;)*
                        $(let mut $opt = None;)*
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                $(stringify!($req) => {
                                    if $req.is_some() {
                                        return Err(de::Error::duplicate_field(stringify!($req)));
                                    }
                                    $req = Some(map.next_value()?);
                                })*
                                $(stringify!($opt) => {
                                    if $opt.is_some() {
                                        return Err(de::Error::duplicate_field(stringify!($opt)));
                                    }
                                    $opt = Some(map.next_value()?);
                                })*
                                other => return Err(de::Error::unknown_field(other, FIELDS)),
                            }
                        }
                        Ok($ty {
                            $($req: $req.ok_or_else(|| de::Error::missing_field(stringify!($req)))?,)*
                            $($opt: $opt.unwrap_or_default(),)*
                        })
                    }
                }
                deserializer.deserialize_struct(stringify!($ty), FIELDS, ObjectVisitor)
            }
        }
    };
}

deserialize_object!(
    Manifest,
    "a manifest object",
    required { pages },
    optional { accept }
);
deserialize_object!(
    PageSource,
    "a page object",
    required {
        product,
        locale,
        file
    },
    optional { name, url, updated }
);
deserialize_object!(
    Acceptance,
    "an accept object",
    required { code, reason },
    optional { product, locale }
);

/// `cls UnsupportedRegion`, or `locale zh UnsupportedRegion`.
impl std::fmt::Display for Acceptance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.product, &self.locale) {
            (Some(product), _) => write!(f, "{product} {}", self.code),
            (None, Some(locale)) => write!(f, "locale {locale} {}", self.code),
            (None, None) => f.write_str(&self.code),
        }
    }
}

impl Manifest {
    /// Reads and checks `sources.json` in `docs_dir`.
    ///
    /// Errors name the manifest file (and line, for JSON errors).
    pub fn load(docs_dir: &Path) -> Result<Manifest, Error> {
        let path = docs_dir.join(MANIFEST_FILE);
        let bytes = std::fs::read(&path)
            .map_err(|e| Error::in_file(&path, format!("cannot read the manifest: {e}")))?;
        Manifest::parse(&path, &bytes)
    }

    /// Parses and checks manifest text; `path` is only used in error messages.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Manifest, Error> {
        let manifest: Manifest = serde_json::from_slice(bytes).map_err(|e| {
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message);
            if e.line() == 0 {
                Error::in_file(path, format!("malformed manifest: {message}"))
            } else {
                Error::at_line(path, e.line(), format!("malformed manifest: {message}"))
            }
        })?;
        manifest.validate(path)?;
        Ok(manifest)
    }

    fn validate(&self, path: &Path) -> Result<(), Error> {
        let invalid =
            |message: String| Error::in_file(path, format!("invalid manifest: {message}"));
        if self.pages.is_empty() {
            return Err(invalid("\"pages\" is empty".into()));
        }
        let mut products = std::collections::BTreeSet::new();
        let mut files = std::collections::BTreeSet::new();
        for page in &self.pages {
            // Texts end up in the generated file's banner and in one-line reports.
            let texts = [
                ("product", Some(&page.product)),
                ("locale", Some(&page.locale)),
                ("file", Some(&page.file)),
                ("name", page.name.as_ref()),
                ("url", page.url.as_ref()),
                ("updated", page.updated.as_ref()),
            ];
            for (field, text) in texts {
                if text.is_some_and(|t| t.chars().any(char::is_control)) {
                    return Err(invalid(format!(
                        "{field} of page {:?} holds a control character (a line break?)",
                        page.file
                    )));
                }
            }
            if !is_name(&page.product) {
                return Err(invalid(format!(
                    "product {:?} is not a service name (lowercase letters, digits, '-' and '_')",
                    page.product
                )));
            }
            if !is_locale(&page.locale) {
                return Err(invalid(format!(
                    "locale {:?} of {} is not a language tag such as \"en\" or \"zh\"",
                    page.locale, page.product
                )));
            }
            if !products.insert(page.product.as_str()) {
                return Err(invalid(format!("product {} is listed twice", page.product)));
            }
            if page.file.is_empty() || Path::new(&page.file).is_absolute() {
                return Err(invalid(format!(
                    "file {:?} of {} must be a path relative to the docs directory",
                    page.file, page.product
                )));
            }
            if !files.insert(page.file.as_str()) {
                return Err(invalid(format!("file {} is listed twice", page.file)));
            }
        }
        for accepted in &self.accept {
            match (&accepted.product, &accepted.locale) {
                (Some(product), None) if !products.contains(product.as_str()) => {
                    return Err(invalid(format!(
                        "accept names product {product}, which has no page"
                    )));
                }
                (None, Some(locale)) if !self.pages.iter().any(|p| &p.locale == locale) => {
                    return Err(invalid(format!(
                        "accept names locale {locale}, which has no page"
                    )));
                }
                (Some(_), None) | (None, Some(_)) => {}
                _ => {
                    return Err(invalid(format!(
                        "accept entry for {} must name either a product or a locale",
                        accepted.code
                    )));
                }
            }
            if [&accepted.code, &accepted.reason]
                .iter()
                .any(|t| t.chars().any(char::is_control))
            {
                return Err(invalid(format!(
                    "accept entry for {:?} holds a control character (a line break?)",
                    accepted.code
                )));
            }
            if accepted.reason.trim().is_empty() {
                return Err(invalid(format!(
                    "accept entry for {} has no reason",
                    accepted.code
                )));
            }
        }
        Ok(())
    }
}

fn is_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn is_locale(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Manifest, String> {
        Manifest::parse(Path::new("docs/sources.json"), text.as_bytes()).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_pages_and_acceptances() {
        let m = parse(
            r#"{"pages": [{"product": "cdn", "locale": "en", "file": "pages/cdn.txt", "name": "CDN"}],
                "accept": [{"product": "cdn", "code": "InternalError", "reason": "known"}]}"#,
        )
        .unwrap();
        assert_eq!(m.pages[0].product, "cdn");
        assert_eq!(m.pages[0].name.as_deref(), Some("CDN"));
        assert_eq!(m.accept[0].code, "InternalError");
    }

    #[test]
    fn rejects_bad_manifests_with_one_line() {
        let cases = [
            ("not json", "docs/sources.json:1: malformed manifest: expected ident"),
            (
                "{\"pages\": [\n{\"product\": \"cdn\", \"file\": \"a.txt\"}]}",
                "docs/sources.json:2: malformed manifest: missing field `locale`",
            ),
            (
                r#"{"pages": [], "accept": []}"#,
                "docs/sources.json: invalid manifest: \"pages\" is empty",
            ),
            (
                r#"{"pages": [{"product": "CDN", "locale": "en", "file": "a.txt"}]}"#,
                "docs/sources.json: invalid manifest: product \"CDN\" is not a service name (lowercase letters, digits, '-' and '_')",
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt"},
                              {"product": "cdn", "locale": "en", "file": "b.txt"}]}"#,
                "docs/sources.json: invalid manifest: product cdn is listed twice",
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt"}],
                    "accept": [{"product": "cvm", "code": "X", "reason": "r"}]}"#,
                "docs/sources.json: invalid manifest: accept names product cvm, which has no page",
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt"}],
                    "accept": [{"product": "cdn", "code": "X", "reason": " "}]}"#,
                "docs/sources.json: invalid manifest: accept entry for X has no reason",
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt", "updated": "2025-12-24\n10:38"}]}"#,
                "docs/sources.json: invalid manifest: updated of page \"a.txt\" holds a control character (a line break?)",
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt", "extra": 1}]}"#,
                "docs/sources.json:1: malformed manifest: unknown field `extra`, expected one of `product`, `locale`, `file`, `name`, `url`, `updated`",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text).unwrap_err(), expected, "for {text}");
        }
    }
}
