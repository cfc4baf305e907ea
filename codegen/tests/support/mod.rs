//! What the agreement, compare and cli tests share: the fixtures, scratch docs directories, and
//! the command-line tool run in-process as a shell would run it.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use tencentcloud_error_codes_build::cli::{self, Console};

/// The package directory; tests run in it, so fixture paths are given relative to it.
pub const PACKAGE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The repository's vendored docs directory.
pub fn vendored_docs() -> PathBuf {
    Path::new(PACKAGE_DIR).join("../docs")
}

/// The repository's root: the crate with the checked-in generated code.
pub fn repository_root() -> PathBuf {
    Path::new(PACKAGE_DIR).join("..")
}

/// A docs fixture, relative to the package directory (`tests/fixtures/docs/<case>`), so that
/// the paths in messages are the same on every machine.
pub fn fixture(case: &str) -> String {
    let dir = format!("tests/fixtures/docs/{case}");
    assert!(
        Path::new(PACKAGE_DIR)
            .join(&dir)
            .join("sources.json")
            .is_file(),
        "no fixture {dir}"
    );
    dir
}

/// A real Error Center export kept under `tests/fixtures/error-center/`, or the vendored one.
pub fn error_center_export(date: &str) -> PathBuf {
    let name = format!("api-all-errorcodes-{date}.json");
    let fixture = Path::new(PACKAGE_DIR)
        .join("tests/fixtures/error-center")
        .join(&name);
    if fixture.is_file() {
        fixture
    } else {
        vendored_docs().join("error-center").join(name)
    }
}

/// What one run of the tool printed, and its exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ran {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the tool with `args` (without the program name), off a terminal, as from a shell with
/// neither `NO_COLOR` nor `CLICOLOR_FORCE`.
pub fn run(args: &[&str]) -> Ran {
    run_on(Console::default(), args)
}

/// [`run`] on a given console.
pub fn run_on(console: Console, args: &[&str]) -> Ran {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let code = cli::run(
        std::iter::once("tencentcloud-error-codes").chain(args.iter().copied()),
        console,
        &mut stdout,
        &mut stderr,
    );
    Ran {
        code,
        stdout: String::from_utf8(stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(stderr).expect("UTF-8 errors"),
    }
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

    /// A copy of a fixture (every file, byte for byte), to change in a test.
    pub fn copy_of(case: &str) -> DocsDir {
        let docs = DocsDir::new();
        copy_tree(&Path::new(PACKAGE_DIR).join(fixture(case)), docs.path());
        docs
    }

    /// The docs directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The docs directory as an argument.
    pub fn arg(&self) -> String {
        self.path().display().to_string()
    }

    /// Writes `contents` to `file` (relative to the docs directory).
    pub fn write(&self, file: &str, contents: impl AsRef<[u8]>) -> &Self {
        let path = self.path().join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    /// The text of `file`.
    pub fn read(&self, file: &str) -> String {
        std::fs::read_to_string(self.path().join(file)).unwrap()
    }

    /// Replaces `from`, which `file` must contain, with `to`.
    pub fn edit(&self, file: &str, from: &str, to: &str) -> &Self {
        let text = self.read(file);
        assert!(text.contains(from), "{file} lacks {from:?}");
        self.write(file, text.replacen(from, to, 1))
    }

    /// `text` with the docs directory written as `DOCS`, so that expected messages do not
    /// depend on where the temporary folder is.
    /// Writes a text-capture page with `rows` as (code, description).
    pub fn text_page(&self, file: &str, rows: &[(&str, &str)]) -> &Self {
        self.write(file, text_page(rows))
    }

    pub fn relative(&self, text: &str) -> String {
        text.replace(&self.arg(), "DOCS")
    }
}

/// Copies every file under `from` into `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A Markdown "Error Codes" page as the intlcloud-documents repository writes them: the common
/// table, then the product's table if `product` has rows.
pub fn error_codes_page(common: &[(&str, &str)], product: &[(&str, &str)]) -> String {
    let mut page = String::from("## Error Code List\n\n### Common Error Codes\n\n");
    page.push_str("| Error Code | Description |\n|---|---|\n");
    for (code, text) in common {
        page.push_str(&format!("| {code} | {text} |\n"));
    }
    if !product.is_empty() {
        page.push_str("\n### Business Error Codes\n\n| Error Code | Description |\n|---|---|\n");
        for (code, text) in product {
            page.push_str(&format!("| {code} | {text} |\n"));
        }
    }
    page
}

/// A manifest listing `pages` as (file, product, locale), one entry a line, then `rest` (more
/// top-level fields, each with its leading comma) as given.
pub fn manifest(pages: &[(&str, &str, &str)], rest: &str) -> String {
    let entries: Vec<String> = pages
        .iter()
        .map(|(file, product, locale)| {
            format!(r#"    {{"file": "{file}", "product": "{product}", "locale": "{locale}"}}"#)
        })
        .collect();
    format!(
        "{{\n  \"pages\": [\n{}\n  ]{rest}\n}}\n",
        entries.join(",\n")
    )
}

/// A plain-text capture with the given rows, laid out as the captured pages are.
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

/// The 26 rows of the 2019 generation of the common table, as the captured pages word them.
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
