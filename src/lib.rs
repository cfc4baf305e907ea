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
//! println!("{code}: {}", code.description().unwrap_or("(no description)"));
//! assert!(code.products().contains(&"cvm"));
//! assert_eq!(ErrorCode::from_code("NoSuchCode"), None);
//! # Ok::<(), tencentcloud_error_codes::UnknownErrorCode>(())
//! ```
//!
//! # Typed API errors
//!
//! A failed call answers `{"Response": {"Error": {"Code": ..., "Message": ...}, "RequestId": ...}}`.
//! [`parse_response`] reads the body into a success or an [`ApiError`], whose [`Code`] is an
//! [`ErrorCode`] or, for a product's own codes (`FailedOperation.CdnConfigError`) and codes newer
//! than the vendored pages, the exact string. Branch on the code: Tencent Cloud says the message
//! is for people and may change at any time. An error keeps its code even when the body leaves
//! out the message or the request id, so [`ApiError::message`] and [`ApiError::request_id`] are
//! `Option`s; a success must carry its request id.
//!
//! ```
//! # #[cfg(feature = "json")] {
//! use tencentcloud_error_codes::{parse_response, Code, ErrorCode, ResponseError};
//!
//! // A failed call, as the CLS documentation prints it.
//! let body = r#"{
//!     "Response": {
//!         "Error": {
//!             "Code": "AuthFailure.SignatureFailure",
//!             "Message": "The provided credentials could not be validated. Please ensure your signature is correct."
//!         },
//!         "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"
//!     }
//! }"#;
//!
//! match parse_response(body) {
//!     Ok(success) => println!("request {} succeeded", success.request_id()),
//!     Err(ResponseError::Api(error)) => match error.code() {
//!         Code::Known(ErrorCode::AuthFailureSignatureFailure) => {
//!             // Check the secret key and sign again.
//!             assert_eq!(error.request_id(), Some("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"));
//!         }
//!         code if code.is_throttling() => { /* wait, then retry */ }
//!         // Any code of the family: `InvalidParameterValue.InvalidDomain`, ...
//!         code if code.family() == ErrorCode::InvalidParameterValue => { /* fix the input */ }
//!         _ => panic!("{error}"),
//!     },
//!     Err(ResponseError::Malformed(error)) => panic!("not an API response: {error}"),
//! }
//! # }
//! ```
//!
//! [`parse_response_as`] reads the body once and, on success, gives the action's own fields as a
//! type of the caller's, next to the request id; fields that do not fit that type make a
//! [`MalformedResponse`] naming the field.
//!
//! ```
//! # #[cfg(not(feature = "json"))]
//! # fn main() {}
//! # #[cfg(feature = "json")]
//! # fn main() -> Result<(), tencentcloud_error_codes::ResponseError> {
//! use tencentcloud_error_codes::parse_response_as;
//!
//! #[derive(serde::Deserialize)]
//! #[serde(rename_all = "PascalCase")]
//! struct DescribeInstancesStatus {
//!     total_count: u64,
//! }
//!
//! let body = r#"{"Response": {"TotalCount": 0, "InstanceStatusSet": [], "RequestId": "b5b41468"}}"#;
//! let (status, request_id) = parse_response_as::<DescribeInstancesStatus>(body)?.into_parts();
//! assert_eq!((status.total_count, request_id.as_str()), (0, "b5b41468"));
//! # Ok(())
//! # }
//! ```
//!
//! # Product codes and languages
//!
//! Each product's own codes are an enum in a module named by the product's API service name,
//! behind a cargo feature of the same name (`features = ["cvm"]`, or `all-products`):
//! `tencentcloud_error_codes::cvm::ErrorCode`. A service name that is a Rust keyword gets a
//! trailing underscore (`as` is `as_`). [`Code::for_product`] resolves a response's code for a
//! known [`Product`]: a common code, that product's code, or an unknown code kept byte for byte.
//!
//! ```
//! # #[cfg(feature = "cvm")] {
//! use tencentcloud_error_codes::{cvm, Code, Locale, Product, ProductCode};
//!
//! let code = cvm::ErrorCode::from_code("InvalidInstanceId.NotFound").unwrap();
//! assert!(code.description_in(Locale::Zh).is_some());
//!
//! // Match the codes this program handles; anything else (a new code, another product's) is
//! // kept as it came, and a code added later turns up as a new variant, never a broken match.
//! match Code::for_product(Product::Cvm, "InvalidInstanceId.NotFound") {
//!     Code::Product(ProductCode::Cvm(cvm::ErrorCode::InvalidInstanceIdNotFound)) => {}
//!     code if code.is_throttling() => { /* wait, then retry */ }
//!     other => panic!("unexpected {other}"),
//! }
//! # }
//! ```
//!
//! Every description is available in English and Chinese where the documentation gives it:
//! `description_in(Locale::En)`, `description_in(Locale::Zh)`; `description()` gives the English
//! text where there is one, otherwise the Chinese.
//!
//! # Features
//!
//! - `json` (default): [`parse_response`] and [`parse_response_as`], which read a response body
//!   with `serde_json` (built without `std`). On by default so that the example above works as
//!   written; it implies `serde`. [`ApiError`] and [`Code`] themselves need no feature.
//! - `serde`: `Serialize` and `Deserialize` for [`ErrorCode`] and [`Code`], as the wire string;
//!   deserializing a [`Code`] keeps unknown codes. Hand-written, so that no `serde_derive` (nor
//!   `syn`) is built for it.
//! - one feature per product with codes of its own (`cvm`, `vpc`, `as`, ...), and
//!   `all-products`: the product modules. None is on by default.
//! - `generate`: regenerate every enum from `docs/` at build time instead of compiling the
//!   checked-in copy (`src/generated/`, which a test keeps byte-identical to what the generator
//!   makes of `docs/`). It builds the generator (an HTML parser, syn) as a build dependency;
//!   `TENCENTCLOUD_ERROR_CODES_DOCS=DIR` points it at another docs directory.
//!
//! `default-features = false` builds no dependency at all.
//!
//! # `no_std` and MSRV
//!
//! The crate is `#![no_std]` and needs only `alloc`, with every feature: `serde` and `serde_json`
//! are built with `default-features = false, features = ["alloc"]`. The minimum supported Rust
//! version is 1.83 (`core::error::Error`, and `const fn` methods that read the generated
//! `static` tables).
//!

// Without `json` there are no `parse_response*` to link to; the docs above still mention them.
#![cfg_attr(
    not(feature = "json"),
    doc = "[`parse_response`]: https://docs.rs/tencentcloud-error-codes/latest/tencentcloud_error_codes/fn.parse_response.html"
)]
#![cfg_attr(
    not(feature = "json"),
    doc = "[`parse_response_as`]: https://docs.rs/tencentcloud-error-codes/latest/tencentcloud_error_codes/fn.parse_response_as.html"
)]
#![cfg_attr(
    not(feature = "json"),
    doc = "[`MalformedResponse`]: https://docs.rs/tencentcloud-error-codes/latest/tencentcloud_error_codes/struct.MalformedResponse.html"
)]
#![no_std]
// docs.rs: mark what a feature enables. `ErrorCode` comes from a `generate`-gated module or its
// checked-in twin, so it is always there: hide that feature.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![cfg_attr(docsrs, doc(auto_cfg(hide(feature = "generate"))))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

mod api_error;
mod code;
mod error_code;
mod locale;
mod product;
#[cfg(feature = "json")]
mod response;
#[cfg(feature = "serde")]
mod serde_impls;

pub use api_error::ApiError;
pub use code::{Code, Family, UnknownCode};
pub use error_code::UnknownErrorCode;
pub use locale::{Locale, UnknownLocale};
pub use product::UnknownProduct;
#[cfg(feature = "json")]
pub use response::{
    parse_response, parse_response_as, MalformedKind, MalformedResponse, ResponseError, Success,
};

// The generated code, checked in (`tencentcloud-error-codes generate` writes it; a test keeps it
// byte-identical to what the generator makes of `docs/`), kept as written.
#[cfg(not(feature = "generate"))]
#[rustfmt::skip]
// Descriptions are documentation text and may hold bare URLs; rustdoc shows them as written.
#[allow(rustdoc::bare_urls)]
mod generated;

// The same code, generated from `docs/` (or `TENCENTCLOUD_ERROR_CODES_DOCS`) by the build script.
#[cfg(feature = "generate")]
#[allow(rustdoc::bare_urls)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated/mod.rs"));
}

pub use generated::common::ErrorCode;
pub use generated::product::Product;
pub use generated::product_code::ProductCode;
// Each product module is behind its feature: without any, there is nothing to re-export.
#[allow(unused_imports)]
pub use generated::products::*;
