//! Builds throwaway docs directories for the tests.

#![allow(dead_code)] // Each test file uses its own part of this module.

use std::path::{Path, PathBuf};

/// The repository's vendored docs directory.
pub fn vendored_docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

/// A docs directory in a temporary folder, removed when dropped.
pub struct DocsDir {
    dir: tempfile::TempDir,
}

impl DocsDir {
    /// An empty docs directory.
    pub fn new() -> DocsDir {
        DocsDir {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    /// The docs directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `contents` to `file` (relative to the docs directory).
    pub fn write(&self, file: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    /// Writes `sources.json` listing `pages` as (product, locale, file), with `accept` as the
    /// JSON text of the accept list.
    pub fn manifest(&self, pages: &[(&str, &str, &str)], accept: &str) -> &Self {
        let pages: Vec<String> = pages
            .iter()
            .map(|(product, locale, file)| {
                format!(r#"{{"product": "{product}", "locale": "{locale}", "file": "{file}"}}"#)
            })
            .collect();
        self.write(
            "sources.json",
            format!(
                "{{\"pages\": [\n{}\n], \"accept\": {accept}}}\n",
                pages.join(",\n")
            ),
        )
    }

    /// Writes a text-capture page with `rows` as (code, description).
    pub fn text_page(&self, file: &str, rows: &[(&str, &str)]) -> &Self {
        self.write(file, text_page(rows))
    }

    /// Replaces every occurrence of the docs directory in `text` with `DOCS`, so that expected
    /// messages do not depend on where the temporary folder is.
    pub fn relative(&self, text: &str) -> String {
        text.replace(&self.path().display().to_string(), "DOCS")
    }
}

/// A plain-text capture with the given rows, laid out as the vendored pages are.
pub fn text_page(rows: &[(&str, &str)]) -> String {
    let mut page = String::from(
        "Responses\n\nCommon Error Codes\n\nThe following table lists the common error codes.\n\n\
         Error Code Description\n",
    );
    for (code, description) in rows {
        page.push_str(&format!("{code} {description}\n"));
    }
    page.push_str("\nFeedback\n");
    page
}

/// The 26 rows of the vendored pages.
pub const CURRENT: [(&str, &str); 26] = [
    ("AuthFailure.InvalidSecretId", "Invalid key (not a TencentCloud API key type)."),
    ("AuthFailure.MFAFailure", "MFA failed."),
    ("AuthFailure.SecretIdNotFound", "The key does not exist."),
    ("AuthFailure.SignatureExpire", "Signature expired."),
    ("AuthFailure.SignatureFailure", "Signature error."),
    ("AuthFailure.TokenFailure", "Token error."),
    ("AuthFailure.UnauthorizedOperation", "The request does not have CAM authorization."),
    ("DryRunOperation", "DryRun Operation. It means that the request would have succeeded, but the DryRun parameter was used."),
    ("FailedOperation", "Operation failed."),
    ("InternalError", "Internal error."),
    ("InvalidAction", "The API does not exist."),
    ("InvalidParameter", "Incorrect parameter."),
    ("InvalidParameterValue", "Invalid parameter value."),
    ("LimitExceeded", "Quota limit exceeded."),
    ("MissingParameter", "A parameter is missing."),
    ("NoSuchVersion", "The API version does not exist."),
    ("RequestLimitExceeded", "The number of requests exceeds the frequency limit."),
    ("ResourceInUse", "Resource is in use."),
    ("ResourceInsufficient", "Insufficient resource."),
    ("ResourceNotFound", "The resource does not exist."),
    ("ResourceUnavailable", "Resource is unavailable."),
    ("UnauthorizedOperation", "Unauthorized operation."),
    ("UnknownParameter", "Unknown parameter."),
    ("UnsupportedOperation", "Unsupported operation."),
    ("UnsupportedProtocol", "HTTPS request method error. Only GET and POST requests are supported."),
    ("UnsupportedRegion", "API does not support the requested region."),
];

/// `CURRENT` without the rows whose code is in `without`.
pub fn current_without(without: &[&str]) -> Vec<(&'static str, &'static str)> {
    CURRENT
        .iter()
        .copied()
        .filter(|(code, _)| !without.contains(code))
        .collect()
}

/// `CURRENT` plus `extra` rows.
pub fn current_with<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    CURRENT
        .iter()
        .copied()
        .chain(extra.iter().copied())
        .collect()
}
