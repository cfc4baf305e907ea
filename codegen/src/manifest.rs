//! `docs/sources.json`: the sources (pages and Error Center exports), pinned texts, and the
//! differences between sources that are accepted.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::agreement::{Kind, TableKind};
use crate::error::{describe_unsafe, is_unsafe, quote, Error};
use crate::locale::Locale;

/// The file name of the manifest inside a docs directory.
pub const MANIFEST_FILE: &str = "sources.json";

/// The parsed `sources.json` of a docs directory.
///
/// ```json
/// {
///   "pages": [
///     {"file": "pages/cdn.txt", "product": "cdn", "locale": "en", "kind": "responses",
///      "name": "Content Delivery Network (CDN)", "updated": "2025-12-24 10:38:44"}
///   ],
///   "error_center": [
///     {"file": "error-center/api-all-errorcodes.json", "locale": "zh", "updated": "2026-08-21"}
///   ],
///   "pin": [
///     {"code": "InternalError", "locale": "en", "text": "Internal error.", "reason": "..."}
///   ],
///   "accept": [
///     {"product": "cls", "code": "UnsupportedRegion", "reason": "CLS documents an older table"},
///     {"file": "pages/tag-responses-zh.md", "reason": "this page carries the 2018 table"},
///     {"kind": "cosmetic", "reason": "punctuation and spacing"}
///   ]
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Manifest {
    /// The documentation pages, in the order reports list them.
    pub pages: Vec<PageSource>,
    /// The API Error Center exports: every product's own codes.
    pub error_center: Vec<ErrorCenterSource>,
    /// Texts a locale settles on for a code, chosen by hand.
    pub pin: Vec<Pin>,
    /// Differences between sources that are known and accepted.
    pub accept: Vec<Acceptance>,
}

/// One documentation page of one product, in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSource {
    /// The page, relative to the docs directory (`/` separators). Its extension picks the
    /// reader: `.html`/`.htm`, `.md`/`.markdown` or `.txt`. A page is identified by its file.
    pub file: String,
    /// The API service name, as in the endpoint `cdn.tencentcloudapi.com`: `cdn`, `cvm`, `mdl`.
    pub product: String,
    /// The language of the page's tables.
    pub locale: Locale,
    /// Which page of the product's documentation it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PageKind>,
    /// The product's display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where the page is fetched from by `update`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the page last changed, as the page prints it (`2025-12-24 10:38:44`, `2019-07-25`).
    /// A page without one counts as the oldest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Updated>,
    /// Where the vendored copy comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// The kinds of product pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// The "Responses" / "返回结果" page: ends with the common table.
    Responses,
    /// The "Error Codes" / "错误码" page: the common table, then often the product's own.
    ErrorCodes,
}

/// An API Error Center export: one JSON array of every product's codes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorCenterSource {
    /// The export, relative to the docs directory.
    pub file: String,
    /// The language of its descriptions.
    #[serde(default = "chinese")]
    pub locale: Locale,
    /// Where `update` fetches it from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The date of the copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Updated>,
    /// Where the vendored copy comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

fn chinese() -> Locale {
    Locale::Zh
}

/// Where a vendored file comes from: a repository, a path in it and a commit, or a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The repository, `owner/name` on GitHub.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    /// The file's path in the repository.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The commit the file was taken at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// The file's git blob id at that commit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blob: Option<String>,
    /// What else is known (for captures of rendered pages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The text a locale settles on for a code, chosen by hand instead of by the rule (see
/// [`crate::catalog`]). The text must be one a source of that locale gives, so that the
/// generated code can say which page it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    /// The code.
    pub code: String,
    /// The locale.
    pub locale: Locale,
    /// For a product's own code, the product; absent for a common code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// The text.
    pub text: String,
    /// Why.
    pub reason: String,
}

/// Differences that are known and accepted, with the reason.
///
/// Every field given must match a difference for the entry to accept it; the fields left out
/// match anything. The scopes this gives:
/// - `product` + `code`: one product's difference about one code (on any of its pages);
/// - `file`: every difference of one page ("this page carries the 2019 table");
/// - `code`: a code's differences on every page;
/// - `locale` + `code`: the pages of a locale, taken together, lack the code;
/// - `kind`: every difference of a kind, e.g. `"cosmetic"` (punctuation, spacing, case).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acceptance {
    /// The page whose differences are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The product whose differences are accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
    /// The locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The table: `common` or `product`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableKind>,
    /// The kind of difference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    /// The error code the difference is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Why the difference is accepted.
    pub reason: String,
}

/// `product cls, code UnsupportedRegion`, `file pages/a.md`, `kind cosmetic`.
impl fmt::Display for Acceptance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            parts.push(format!("file {file}"));
        }
        if let Some(product) = &self.product {
            parts.push(format!("product {product}"));
        }
        if let Some(locale) = &self.locale {
            parts.push(format!("locale {locale}"));
        }
        if let Some(table) = &self.table {
            parts.push(format!("table {}", table.as_str()));
        }
        if let Some(kind) = &self.kind {
            parts.push(format!("kind {}", kind.as_str()));
        }
        if let Some(code) = &self.code {
            parts.push(format!("code {code}"));
        }
        f.write_str(&parts.join(", "))
    }
}

/// A date as a page prints it: `2019-07-25`, `2025-12-24 10:38` or `2025-12-24 10:38:44`,
/// compared as a point in time (a date alone is its midnight).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Updated {
    text: String,
    key: [u16; 6],
}

impl Updated {
    /// Parses one of the accepted forms.
    pub fn parse(text: &str) -> Result<Updated, String> {
        let bad = || {
            format!(
                "updated {} is not a date such as \"2019-07-25\" or \"2025-12-24 10:38:44\"",
                quote(text)
            )
        };
        let (date, time) = match text.split_once(' ') {
            Some((date, time)) => (date, Some(time)),
            None => (text, None),
        };
        let number = |s: &str, len: usize| -> Option<u16> {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let mut key = [0u16; 6];
        let mut parts = date.split('-');
        for (i, len) in [4, 2, 2].into_iter().enumerate() {
            key[i] = parts.next().and_then(|p| number(p, len)).ok_or_else(bad)?;
        }
        if parts.next().is_some() || !(1..=12).contains(&key[1]) || !(1..=31).contains(&key[2]) {
            return Err(bad());
        }
        if let Some(time) = time {
            let fields: Vec<&str> = time.split(':').collect();
            if !(2..=3).contains(&fields.len()) {
                return Err(bad());
            }
            for (i, field) in fields.iter().enumerate() {
                key[3 + i] = number(field, 2).ok_or_else(bad)?;
            }
            if key[3] > 23 || key[4] > 59 || key[5] > 60 {
                return Err(bad());
            }
        }
        Ok(Updated {
            text: text.to_owned(),
            key,
        })
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl PartialOrd for Updated {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Updated {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key
            .cmp(&other.key)
            .then_with(|| self.text.cmp(&other.text))
    }
}

impl fmt::Display for Updated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Updated {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Updated {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Updated::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The top level, with each entry kept as raw JSON so that errors can name its line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest<'a> {
    #[serde(default, borrow)]
    pages: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    error_center: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    pin: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    accept: Vec<&'a RawValue>,
}

/// The largest manifest read, in bytes.
pub const MAX_MANIFEST_BYTES: u64 = 16 << 20;

impl Manifest {
    /// Reads and checks `sources.json` in `docs_dir`: a regular file inside the directory, at
    /// most [`MAX_MANIFEST_BYTES`] long.
    ///
    /// Errors name the manifest file (and line, where there is one).
    pub fn load(docs_dir: &Path) -> Result<Manifest, Error> {
        let path = docs_dir.join(MANIFEST_FILE);
        let bytes = crate::files::read_confined_as(
            docs_dir,
            MANIFEST_FILE,
            MAX_MANIFEST_BYTES,
            "cannot read the manifest",
        )?;
        Manifest::parse(&path, &bytes)
    }

    /// Parses and checks manifest text (a leading byte-order mark is allowed); `path` is only
    /// used in error messages.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Manifest, Error> {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let offset = e.valid_up_to();
            Error::at_line(
                path,
                line_at(bytes, offset),
                format!("malformed manifest: not UTF-8 (invalid byte at offset {offset})"),
            )
        })?;
        let malformed = |e: serde_json::Error, first_line: usize| {
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message);
            let line = (e.line() > 0).then(|| first_line + e.line() - 1);
            Error::at(path, line, format!("malformed manifest: {message}"))
        };
        let raw: RawManifest = serde_json::from_str(text).map_err(|e| malformed(e, 1))?;
        // The offset of every line break, found once: a manifest can list many entries.
        let breaks: Vec<usize> = bytes
            .iter()
            .enumerate()
            .filter_map(|(i, &b)| (b == b'\n').then_some(i))
            .collect();
        let line_of = |entry: &RawValue| {
            let offset = entry.get().as_ptr() as usize - text.as_ptr() as usize;
            breaks.partition_point(|&b| b < offset) + 1
        };
        fn entries<'a, T: Deserialize<'a>>(
            raw: &[&'a RawValue],
            line_of: &dyn Fn(&RawValue) -> usize,
            malformed: &dyn Fn(serde_json::Error, usize) -> Error,
        ) -> Result<Vec<(T, usize)>, Error> {
            raw.iter()
                .map(|entry| {
                    let line = line_of(entry);
                    serde_json::from_str(entry.get())
                        .map(|value| (value, line))
                        .map_err(|e| malformed(e, line))
                })
                .collect()
        }
        let pages: Vec<(PageSource, usize)> = entries(&raw.pages, &line_of, &malformed)?;
        let error_center: Vec<(ErrorCenterSource, usize)> =
            entries(&raw.error_center, &line_of, &malformed)?;
        let pin: Vec<(Pin, usize)> = entries(&raw.pin, &line_of, &malformed)?;
        let accept: Vec<(Acceptance, usize)> = entries(&raw.accept, &line_of, &malformed)?;
        validate(path, &pages, &error_center, &pin, &accept)?;
        Ok(Manifest {
            pages: pages.into_iter().map(|(p, _)| p).collect(),
            error_center: error_center.into_iter().map(|(p, _)| p).collect(),
            pin: pin.into_iter().map(|(p, _)| p).collect(),
            accept: accept.into_iter().map(|(p, _)| p).collect(),
        })
    }

    /// The manifest as JSON, two-space indented, every list entry on one line.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\n");
        let sections: [(&str, Vec<String>); 4] = [
            ("pages", self.pages.iter().map(one_line_json).collect()),
            (
                "error_center",
                self.error_center.iter().map(one_line_json).collect(),
            ),
            ("pin", self.pin.iter().map(one_line_json).collect()),
            ("accept", self.accept.iter().map(one_line_json).collect()),
        ];
        let sections: Vec<_> = sections
            .into_iter()
            .filter(|(name, entries)| !entries.is_empty() || matches!(*name, "pages" | "accept"))
            .collect();
        for (i, (name, entries)) in sections.iter().enumerate() {
            if entries.is_empty() {
                out.push_str(&format!("  \"{name}\": []"));
            } else {
                out.push_str(&format!("  \"{name}\": [\n    "));
                out.push_str(&entries.join(",\n    "));
                out.push_str("\n  ]");
            }
            out.push_str(if i + 1 < sections.len() { ",\n" } else { "\n" });
        }
        out.push_str("}\n");
        out
    }
}

/// A value as JSON on one line, with a space after `:` and `,`.
pub fn one_line_json(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .map(|v| spaced(&v))
        .unwrap_or_default()
}

fn spaced(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => {
            let fields: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", serde_json::Value::from(k.as_str()), spaced(v)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
        serde_json::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(spaced).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

/// The 1-based line of byte `offset`.
pub(crate) fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// A file path of the manifest, normalized: `/`-separated components without `.` or empty
/// ones. Refuses absolute paths, `..`, backslashes and unsafe characters.
pub fn normalize_file(file: &str) -> Result<String, String> {
    if let Some(c) = file.chars().find(|&c| is_unsafe(c)) {
        return Err(format!("file {} holds {}", quote(file), describe_unsafe(c)));
    }
    if file.starts_with('/') || file.contains('\\') || Path::new(file).is_absolute() {
        return Err(format!(
            "file {} must be a path relative to the docs directory, with '/' separators",
            quote(file)
        ));
    }
    let parts: Vec<&str> = file
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .collect();
    if parts.contains(&"..") {
        return Err(format!(
            "file {} leaves the docs directory ('..')",
            quote(file)
        ));
    }
    if parts.is_empty() {
        return Err(format!("file {} names no file", quote(file)));
    }
    Ok(parts.join("/"))
}

fn validate(
    path: &Path,
    pages: &[(PageSource, usize)],
    error_center: &[(ErrorCenterSource, usize)],
    pins: &[(Pin, usize)],
    accept: &[(Acceptance, usize)],
) -> Result<(), Error> {
    let invalid = |line: usize, message: String| Error::manifest_at(path, Some(line), message);
    if pages.is_empty() && error_center.is_empty() {
        return Err(Error::manifest(
            path,
            "it lists no source: \"pages\" and \"error_center\" are both empty",
        ));
    }
    // Every file, normalized, with the entry that lists it first.
    let mut files: HashMap<String, (String, usize)> = HashMap::new();
    let mut check_file = |file: &str, entry: String, line: usize| -> Result<String, Error> {
        let normalized =
            normalize_file(file).map_err(|m| invalid(line, format!("{entry}: {m}")))?;
        if let Some((first, first_line)) = files.get(&normalized) {
            return Err(invalid(
                line,
                format!(
                    "{entry} lists the same file as {first} (line {first_line}): {}",
                    normalized
                ),
            ));
        }
        files.insert(normalized.clone(), (entry, line));
        Ok(normalized)
    };
    let texts_safe = |entry: &str, line: usize, texts: &[(&str, Option<&String>)]| {
        for (field, text) in texts {
            if let Some(c) = text.and_then(|text| text.chars().find(|&c| is_unsafe(c))) {
                return Err(invalid(
                    line,
                    format!(
                        "{field} of {entry} holds {}: {}",
                        describe_unsafe(c),
                        quote(text.map_or("", String::as_str))
                    ),
                ));
            }
        }
        Ok(())
    };
    let mut products: BTreeMap<&str, ()> = BTreeMap::new();
    let mut page_files = std::collections::HashSet::new();
    for (index, (page, line)) in pages.iter().enumerate() {
        let entry = format!("pages[{index}] ({})", quote(&page.file));
        let provenance = page.provenance.as_ref();
        texts_safe(
            &entry,
            *line,
            &[
                ("product", Some(&page.product)),
                ("name", page.name.as_ref()),
                ("url", page.url.as_ref()),
                (
                    "provenance.repository",
                    provenance.and_then(|p| p.repository.as_ref()),
                ),
                ("provenance.path", provenance.and_then(|p| p.path.as_ref())),
                (
                    "provenance.commit",
                    provenance.and_then(|p| p.commit.as_ref()),
                ),
                ("provenance.blob", provenance.and_then(|p| p.blob.as_ref())),
                ("provenance.note", provenance.and_then(|p| p.note.as_ref())),
            ],
        )?;
        let normalized = check_file(&page.file, entry.clone(), *line)?;
        page_files.insert(normalized);
        if !is_service_name(&page.product) {
            return Err(invalid(
                *line,
                format!(
                    "product {} of {entry} is not a service name (lowercase letters, digits, '-' and '_')",
                    quote(&page.product)
                ),
            ));
        }
        products.insert(&page.product, ());
    }
    for (index, (source, line)) in error_center.iter().enumerate() {
        let entry = format!("error_center[{index}] ({})", quote(&source.file));
        texts_safe(&entry, *line, &[("url", source.url.as_ref())])?;
        check_file(&source.file, entry, *line)?;
    }
    for (index, (pin, line)) in pins.iter().enumerate() {
        let entry = format!("pin[{index}] ({})", quote(&pin.code));
        texts_safe(
            &entry,
            *line,
            &[
                ("code", Some(&pin.code)),
                ("text", Some(&pin.text)),
                ("reason", Some(&pin.reason)),
                ("product", pin.product.as_ref()),
            ],
        )?;
        if pin.reason.trim().is_empty() {
            return Err(invalid(*line, format!("{entry} has no reason")));
        }
    }
    let locales: std::collections::BTreeSet<Locale> = pages.iter().map(|(p, _)| p.locale).collect();
    for (index, (accepted, line)) in accept.iter().enumerate() {
        let entry = format!("accept[{index}]");
        texts_safe(
            &entry,
            *line,
            &[
                ("file", accepted.file.as_ref()),
                ("product", accepted.product.as_ref()),
                ("code", accepted.code.as_ref()),
                ("reason", Some(&accepted.reason)),
            ],
        )?;
        if accepted.reason.trim().is_empty() {
            return Err(invalid(
                *line,
                format!("{entry} ({accepted}) has no reason"),
            ));
        }
        let scoped = accepted.file.is_some()
            || accepted.product.is_some()
            || accepted.locale.is_some()
            || accepted.table.is_some()
            || accepted.kind.is_some()
            || accepted.code.is_some();
        if !scoped {
            return Err(invalid(
                *line,
                format!("{entry} names nothing to accept: give a file, product, locale, table, kind or code"),
            ));
        }
        if let Some(file) = &accepted.file {
            let normalized =
                normalize_file(file).map_err(|m| invalid(*line, format!("{entry}: {m}")))?;
            if !page_files.contains(&normalized) && !files.contains_key(&normalized) {
                return Err(invalid(
                    *line,
                    format!("{entry} names file {}, which no source lists", quote(file)),
                ));
            }
        }
        if let Some(product) = &accepted.product {
            if !products.contains_key(product.as_str()) && error_center.is_empty() {
                return Err(invalid(
                    *line,
                    format!(
                        "{entry} names product {}, which has no page",
                        quote(product)
                    ),
                ));
            }
        }
        if let Some(locale) = accepted.locale {
            if !locales.contains(&locale) && error_center.iter().all(|(s, _)| s.locale != locale) {
                return Err(invalid(
                    *line,
                    format!("{entry} names locale {locale}, which has no source"),
                ));
            }
        }
    }
    Ok(())
}

/// Whether `s` is an API service name: lowercase letters, digits, `-` and `_`.
pub fn is_service_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
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
            r#"{"pages": [{"product": "cdn", "locale": "en", "file": "pages/cdn.txt", "name": "CDN",
                           "updated": "2019-07-25"}],
                "accept": [{"product": "cdn", "code": "InternalError", "reason": "known"}]}"#,
        )
        .unwrap();
        assert_eq!(m.pages[0].product, "cdn");
        assert_eq!(m.pages[0].name.as_deref(), Some("CDN"));
        assert_eq!(m.pages[0].updated.as_ref().unwrap().as_str(), "2019-07-25");
        assert_eq!(m.accept[0].code.as_deref(), Some("InternalError"));
    }

    #[test]
    fn dates_order_as_points_in_time() {
        let d = |s: &str| Updated::parse(s).unwrap();
        assert!(d("2019-07-25") < d("2019-07-25 00:00:01"));
        assert!(d("2019-07-25 10:38") < d("2019-07-25 10:38:44"));
        assert!(d("2018-12-31 23:59:59") < d("2019-01-01"));
        for bad in [
            "2019-7-25",
            "2019-07-25T10:00:00",
            "25.07.2019",
            "2019-13-01",
            "2019-07-25 25:00",
            "",
        ] {
            assert!(Updated::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn file_spellings_normalize() {
        assert_eq!(normalize_file("./pages/a.md").unwrap(), "pages/a.md");
        assert_eq!(normalize_file("pages//./a.md").unwrap(), "pages/a.md");
        assert!(normalize_file("../a.md").is_err());
        assert!(normalize_file("pages/../../a.md").is_err());
        assert!(normalize_file("/etc/passwd").is_err());
        assert!(normalize_file("pages\\a.md").is_err());
        assert!(normalize_file("./").is_err());
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
                "docs/sources.json: invalid manifest: it lists no source: \"pages\" and \"error_center\" are both empty",
            ),
            (
                r#"{"pages": [{"product": "CDN", "locale": "en", "file": "a.txt"}]}"#,
                "docs/sources.json:1: invalid manifest: product \"CDN\" of pages[0] (\"a.txt\") is not a service name (lowercase letters, digits, '-' and '_')",
            ),
            (
                "{\"pages\": [{\"product\": \"cdn\", \"locale\": \"en\", \"file\": \"pages/a.txt\"},\n{\"product\": \"cvm\", \"locale\": \"en\", \"file\": \"./pages/a.txt\"}]}",
                "docs/sources.json:2: invalid manifest: pages[1] (\"./pages/a.txt\") lists the same file as pages[0] (\"pages/a.txt\") (line 1): pages/a.txt",
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "../outside/secret.txt"}]}"#,
                "docs/sources.json:1: invalid manifest: pages[0] (\"../outside/secret.txt\"): file \"../outside/secret.txt\" leaves the docs directory ('..')",
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt"}],
                    "accept": [{"product": "cvm", "code": "X", "reason": "r"}]}"#,
                "docs/sources.json:2: invalid manifest: accept[0] names product \"cvm\", which has no page",
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt"}],
                    "accept": [{"product": "cdn", "code": "X", "reason": " "}]}"#,
                "docs/sources.json:2: invalid manifest: accept[0] (product cdn, code X) has no reason",
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt"}],
                    "accept": [{"code": "X\nerror: injected", "reason": "r"}]}"#,
                r#"docs/sources.json:2: invalid manifest: code of accept[0] holds a control character (U+000A): "X\nerror: injected""#,
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt", "updated": "2025-12-24\n10:38"}]}"#,
                r#"docs/sources.json:1: malformed manifest: updated "2025-12-24\n10:38" is not a date such as "2019-07-25" or "2025-12-24 10:38:44""#,
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "ja", "file": "a.txt"}]}"#,
                r#"docs/sources.json:1: malformed manifest: locale "ja" is not one the crate describes codes in ("en" or "zh")"#,
            ),
            (
                r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt", "extra": 1}]}"#,
                "docs/sources.json:1: malformed manifest: unknown field `extra`, expected one of `file`, `product`, `locale`, `kind`, `name`, `url`, `updated`, `provenance`",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(parse(text).unwrap_err(), expected, "for {text}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = "\u{feff}{\"pages\": [{\"product\": \"cdn\", \"locale\": \"en\", \"file\": \"a.txt\"}]}";
        assert_eq!(parse(text).unwrap().pages.len(), 1);
    }

    #[test]
    fn writes_one_entry_a_line() {
        let m = parse(
            r#"{"pages": [{"product": "cdn", "locale": "en", "file": "a.txt", "updated": "2019-07-25"}],
                "accept": [{"kind": "cosmetic", "reason": "spacing"}]}"#,
        )
        .unwrap();
        assert_eq!(
            m.to_json(),
            "{\n  \"pages\": [\n    {\"file\": \"a.txt\", \"product\": \"cdn\", \"locale\": \"en\", \"updated\": \"2019-07-25\"}\n  ],\n  \"accept\": [\n    {\"kind\": \"cosmetic\", \"reason\": \"spacing\"}\n  ]\n}\n"
        );
        assert_eq!(parse(&m.to_json()).unwrap(), m);
    }
}
