//! Tencent Cloud API error codes as a Rust enum.
//!
//! Every Tencent Cloud product documents the common error codes of the API 3.0 on its
//! "Responses" page. This crate turns those tables into [`ErrorCode`], generated from the pages
//! vendored in its `docs/` directory after checking that every product's copy agrees, so that
//! callers match on a type instead of on strings.
//!
//! ```
//! use tencentcloud_error_codes::ErrorCode;
//!
//! let code: ErrorCode = "AuthFailure.SignatureExpire".parse()?;
//! assert_eq!(code, ErrorCode::AuthFailureSignatureExpire);
//! assert_eq!(code.as_str(), "AuthFailure.SignatureExpire");
//! assert_eq!(code.description(), "Signature expired.");
//! assert!(code.products().contains(&"cvm"));
//! assert_eq!(ErrorCode::from_code("NoSuchCode"), None);
//! # Ok::<(), tencentcloud_error_codes::UnknownErrorCode>(())
//! ```
//!
//! # Features
//!
//! - `generate` (default): regenerate the enum from `docs/` at build time, which builds the
//!   generator (an HTML parser, syn) as a build dependency.
//! - Without it (`default-features = false`) the crate compiles the checked-in copy of the same
//!   generated code, which a test keeps byte-identical, and builds no dependency at all.

#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

mod error_code;

pub use error_code::UnknownErrorCode;

// Descriptions are documentation text and may hold bare URLs; rustdoc shows them as written.
#[allow(rustdoc::bare_urls)]
#[cfg(feature = "generate")]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/error_codes.rs"));
}

// The same code as `generate` writes, checked in; `tests/golden.rs` keeps it current.
#[allow(rustdoc::bare_urls)]
// `include!` rather than `#[path]`: rustfmt would reformat a module file, and the copy must stay
// byte-identical to the generator's output.
#[cfg(not(feature = "generate"))]
mod generated {
    include!("../tests/golden/error_codes.rs");
}

pub use generated::ErrorCode;
