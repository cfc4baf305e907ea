//! The generator behind the `tencentcloud-error-codes` crate.
//!
//! Tencent Cloud documents the common error codes of its API 3.0 on every product's "Responses"
//! page, each with its own copy of the table. This crate reads those pages, checks that the
//! copies agree, and generates the `ErrorCode` enum. It runs in three stages, one direction:
//!
//! 1. **read**: [`Docs::load`] reads `docs/sources.json` ([`Manifest`]) and the table of every
//!    page it lists ([`read`]: HTML, Markdown or plain-text captures);
//! 2. **agree**: [`Agreement::check`] compares the tables;
//! 3. **emit**: [`Model::from_docs`] builds the union of the codes, and [`generate`] turns it
//!    into Rust source, a pure function.
//!
//! [`cargo::run`] is the whole build script of the `tencentcloud-error-codes` crate; the
//! `tencentcloud-error-codes` command-line tool (feature `cli`) runs the same stages on any docs
//! set; with feature `update`, it also refreshes a docs set from its sources (module `update`), the
//! only part of the crate that talks to the network.
//!
//! ```
//! use std::path::Path;
//! use tencentcloud_error_codes_build::{generate, Agreement, Docs, Model};
//!
//! let docs = Docs::load(Path::new("../docs"))?;
//! assert!(Agreement::check(&docs).is_clean());
//! let source = generate(&Model::from_docs(&docs)?);
//! assert!(source.starts_with("// @generated"));
//! # Ok::<(), tencentcloud_error_codes_build::Error>(())
//! ```

pub mod agreement;
pub mod cargo;
pub mod changes;
#[cfg(feature = "cli")]
pub mod cli;
pub mod docs;
pub mod emit;
pub mod error;
pub mod ident;
pub mod lookup;
pub mod manifest;
pub mod matrix;
pub mod model;
pub mod read;
#[cfg(feature = "update")]
pub mod update;

pub use agreement::{Agreement, Difference, Finding};
pub use docs::{Docs, Page};
pub use emit::generate;
pub use error::{Error, Warning};
pub use manifest::Manifest;
pub use model::Model;

use std::path::Path;

/// Reads the docs set in `dir`, checks that its pages agree, and generates the enum's source.
///
/// Returns the docs and agreement with the source, so that callers can report warnings and
/// accepted differences. Fails with the whole report, one difference a line, when pages
/// differ in ways the manifest does not accept.
pub fn generate_from_dir(dir: &Path) -> Result<Generated, Error> {
    let docs = Docs::load(dir)?;
    let agreement = Agreement::check(&docs);
    if !agreement.is_clean() {
        return Err(disagreement_error(&docs, &agreement));
    }
    let source = generate(&Model::from_docs(&docs)?);
    Ok(Generated {
        docs,
        agreement,
        source,
    })
}

/// The output of [`generate_from_dir`].
#[derive(Debug, Clone)]
pub struct Generated {
    /// The docs set that was read.
    pub docs: Docs,
    /// How its pages compare; every difference in it is accepted.
    pub agreement: Agreement,
    /// The generated Rust source.
    pub source: String,
}

/// The error for pages that disagree: a summary line, then each difference the manifest does
/// not accept, one a line.
fn disagreement_error(docs: &Docs, agreement: &Agreement) -> Error {
    let rejected: Vec<String> = agreement.rejected().map(ToString::to_string).collect();
    let manifest = docs.dir.join(manifest::MANIFEST_FILE);
    Error::new(format!(
        "the documentation pages disagree ({} difference{}); fix the pages or accept the \
         difference in {}:\n{}",
        rejected.len(),
        if rejected.len() == 1 { "" } else { "s" },
        manifest.display(),
        rejected.join("\n")
    ))
}
