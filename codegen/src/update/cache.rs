//! `http-cache.json`: the `ETag` and `Last-Modified` of each URL, so that an unchanged source
//! costs a 304.
//!
//! Each entry also names the file it was fetched into and the sha256 of the body it describes:
//! an entry is sent back to the server only while the file still holds that body, so that a file
//! edited (or broken) by hand is fetched whole again.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The file name of the conditional-request state, beside the manifest in the docs directory.
pub const CACHE_FILE: &str = "http-cache.json";

/// The state of every URL fetched, by URL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub(super) struct HttpCache {
    entries: BTreeMap<String, Entry>,
}

/// What the server said about the body of one URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Entry {
    /// The file the body was written to, relative to the docs directory, with `/`.
    pub file: String,
    /// The `ETag` response header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The `Last-Modified` response header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// The sha256 of the body, in lowercase hex.
    pub sha256: String,
}

impl Entry {
    /// The entry for `body` fetched into `file`, or `None` when the server gave neither
    /// validator (there is nothing to send back).
    pub fn new(
        file: &Path,
        etag: Option<String>,
        last_modified: Option<String>,
        body: &[u8],
    ) -> Option<Entry> {
        if etag.is_none() && last_modified.is_none() {
            return None;
        }
        Some(Entry {
            file: file_key(file),
            etag,
            last_modified,
            sha256: sha256_hex(body),
        })
    }
}

impl HttpCache {
    /// Reads the cache file of `docs_dir`. A missing file is an empty cache; an unreadable one
    /// too, with a warning (it only saves bandwidth: the next run writes a good one).
    pub fn load(docs_dir: &Path) -> (HttpCache, Option<String>) {
        let path = docs_dir.join(CACHE_FILE);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (HttpCache::default(), None)
            }
            Err(e) => {
                let warning = format!("{}: cannot read, ignored: {e}", path.display());
                return (HttpCache::default(), Some(warning));
            }
        };
        match serde_json::from_slice(&bytes) {
            Ok(cache) => (cache, None),
            Err(e) => {
                let warning = format!("{}: malformed, ignored: {e}", path.display());
                (HttpCache::default(), Some(warning))
            }
        }
    }

    /// The entry to send back for `url`, if it was fetched into `file` and `current` (the
    /// file's content now) is still the body it describes.
    pub fn trusted(&self, url: &str, file: &Path, current: Option<&[u8]>) -> Option<&Entry> {
        let entry = self.entries.get(url)?;
        let current = current?;
        (entry.file == file_key(file) && entry.sha256 == sha256_hex(current)).then_some(entry)
    }

    /// Sets (or, with `None`, forgets) the entry of `url`.
    pub fn set(&mut self, url: &str, entry: Option<Entry>) {
        match entry {
            Some(entry) => {
                self.entries.insert(url.to_owned(), entry);
            }
            None => {
                self.entries.remove(url);
            }
        }
    }

    /// The file's content: pretty JSON, sorted by URL, ending with a line break.
    pub fn to_json(&self) -> String {
        // Serializing a map of strings cannot fail; an empty object is a safe fallback anyway.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned());
        text.push('\n');
        text
    }
}

/// `pages/cdn.md`, with `/` whatever the platform.
fn file_key(file: &Path) -> String {
    file.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_trusted_only_for_the_body_it_describes() {
        let mut cache = HttpCache::default();
        let file = Path::new("pages/cdn.md");
        let entry = Entry::new(file, Some("\"v1\"".into()), None, b"body");
        cache.set("http://h/cdn.md", entry.clone());
        assert_eq!(
            cache.trusted("http://h/cdn.md", file, Some(b"body")),
            entry.as_ref()
        );
        assert_eq!(
            cache.trusted("http://h/cdn.md", file, Some(b"edited")),
            None
        );
        assert_eq!(cache.trusted("http://h/cdn.md", file, None), None);
        assert_eq!(
            cache.trusted("http://h/cdn.md", Path::new("pages/cls.md"), Some(b"body")),
            None
        );
        assert_eq!(cache.trusted("http://h/other", file, Some(b"body")), None);
    }

    #[test]
    fn no_validator_no_entry() {
        assert_eq!(Entry::new(Path::new("a.md"), None, None, b"x"), None);
    }

    #[test]
    fn json_is_sorted_and_round_trips() {
        let mut cache = HttpCache::default();
        cache.set(
            "https://b",
            Entry::new(Path::new("b.md"), None, Some("Mon".into()), b""),
        );
        cache.set(
            "https://a",
            Entry::new(Path::new("a.md"), Some("\"e\"".into()), None, b""),
        );
        let json = cache.to_json();
        assert_eq!(
            json,
            "{\n  \"https://a\": {\n    \"file\": \"a.md\",\n    \"etag\": \"\\\"e\\\"\",\n    \
             \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"\n  },\n  \
             \"https://b\": {\n    \"file\": \"b.md\",\n    \"last_modified\": \"Mon\",\n    \
             \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"\n  }\n}\n"
        );
        assert_eq!(serde_json::from_str::<HttpCache>(&json).unwrap(), cache);
    }
}
