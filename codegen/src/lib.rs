//! The generator behind the `tencentcloud-error-codes` crate.
//!
//! Tencent Cloud documents the common error codes of its API 3.0 on every product's
//! "Responses" and "Error Codes" pages, in English and Chinese, each page with its own copy of
//! the table, and every product's own codes in the API Error Center's export. This crate reads
//! those sources, checks that they agree, and generates the crate's enums. It runs in stages, one
//! direction:
//!
//! 1. **read**: [`Docs::load`] reads `docs/sources.json` ([`Manifest`]), the tables of every
//!    page it lists ([`read`]: HTML, Markdown or plain-text captures) and every Error Center
//!    export ([`read::error_center`]);
//! 2. **view**: [`Catalog::build`] gathers, per code, what every source says of it, and settles
//!    the text of each locale;
//! 3. **agree**: [`Agreement::check`] lists the differences, accepted or not by the manifest;
//! 4. **emit**: [`Model::from_catalog`] names every code, and [`generate`] turns the model into
//!    Rust source files, a pure function.
//!
//! [`cargo::run`] is the whole build script of the `tencentcloud-error-codes` crate with its
//! `generate` feature; the `tencentcloud-error-codes` command-line tool (feature `cli`) runs the
//! same stages on any docs set, and `generate` writes the checked-in copy; with feature `update`, it also refreshes a docs set from
//! its sources (module `update`), the only part of the crate that talks to the network.
//!
//! ```
//! use std::path::Path;
//! use tencentcloud_error_codes_build::{generate_from_dir, Layout};
//!
//! let generated = generate_from_dir(Path::new("../docs"), Layout::Src)?;
//! assert!(generated.agreement.is_clean());
//! assert!(generated.files.iter().any(|f| f.path == "common.rs"));
//! # Ok::<(), tencentcloud_error_codes_build::Error>(())
//! ```

pub mod agreement;
pub mod cargo;
pub mod catalog;
pub mod changes;
#[cfg(feature = "cli")]
pub mod cli;
pub mod docs;
pub mod emit;
pub mod error;
pub mod files;
pub mod ident;
pub mod locale;
pub mod lookup;
pub mod manifest;
pub mod model;
pub mod read;
pub mod report;
#[cfg(feature = "update")]
pub mod update;
pub mod write;

pub use agreement::{Agreement, Difference, Finding, Kind, TableKind};
pub use catalog::Catalog;
pub use docs::{Docs, Page};
pub use emit::{generate, GeneratedFile, Layout, REFRESH_COMMAND};
pub use error::{Error, ErrorKind, Warning};
pub use locale::Locale;
pub use manifest::Manifest;
pub use model::Model;

use std::path::Path;

/// Reads the docs set in `dir`, checks that its sources agree, and generates the sources.
///
/// Fails with the report (the differences the manifest does not accept, kept in
/// [`Error::findings`]) when sources differ in ways the manifest does not accept.
pub fn generate_from_dir(dir: &Path, layout: Layout) -> Result<Generated, Error> {
    let docs = Docs::load(dir)?;
    let (agreement, model) = {
        let catalog = Catalog::build(&docs)?;
        let agreement = Agreement::check(&catalog);
        if !agreement.is_clean() {
            return Err(disagreement_error(&docs, &agreement));
        }
        (agreement, Model::from_catalog(&catalog)?)
    };
    let files = generate(&model, layout);
    let features = emit::cargo_features(&model);
    Ok(Generated {
        docs,
        agreement,
        model,
        files,
        features,
    })
}

/// The output of [`generate_from_dir`].
#[derive(Debug, Clone)]
pub struct Generated {
    /// The docs set that was read.
    pub docs: Docs,
    /// How its sources compare; every difference in it is accepted.
    pub agreement: Agreement,
    /// The model the files were generated from.
    pub model: Model,
    /// The generated files, sorted by path.
    pub files: Vec<GeneratedFile>,
    /// The block of cargo features for the crate's `Cargo.toml`.
    pub features: String,
}

/// The error for sources that disagree: a summary line naming the first difference and how many
/// there are; the differences are kept in the error.
pub fn disagreement_error(docs: &Docs, agreement: &Agreement) -> Error {
    let rejected: Vec<Finding> = agreement.rejected().cloned().collect();
    let first = rejected
        .first()
        .map(|f| format!("; the first: {}", f.difference))
        .unwrap_or_default();
    Error::disagreement(
        format!(
            "the documentation sources disagree ({} difference{} not accepted in {}){first}",
            rejected.len(),
            agreement::plural(rejected.len()),
            docs.manifest_path().display(),
        ),
        rejected,
    )
}
