//! Benchmark support: a 5,000-code generated enum and synthetic docs sets.
//!
//! `benches/lookup.rs` compares `from_code` with a `HashMap` at 26 codes (the crate itself) and
//! at 5,026 codes ([`large`]); `benches/generator.rs` times the generator. The `synthetic-docs`
//! binary writes a docs set to disk for the `check` and rebuild measurements.

pub mod synthetic;

// The items the generated code names through `crate::` and `$crate::`, as the crate's own
// `src/lib.rs` gives them: the methods' macro (the crate's own file), `Locale` and the lookup.
extern crate alloc;

#[allow(dead_code, unused_imports)]
#[path = "../../src/error_code.rs"]
mod error_code;

pub use error_code::UnknownErrorCode;
pub use tencentcloud_error_codes::Locale;

#[allow(dead_code)]
mod generated {
    pub mod lookup {
        include!(concat!(env!("OUT_DIR"), "/large/lookup.rs"));
    }
}

/// The enum generated from the 5,026-code synthetic docs set, as the crate's build script would
/// generate it.
#[allow(dead_code, rustdoc::bare_urls)]
pub mod large {
    include!(concat!(env!("OUT_DIR"), "/large/common.rs"));

    /// The variant of `code`, through the generated perfect hash (as `ErrorCode::from_code`).
    pub fn from_code(code: &str) -> Option<ErrorCode> {
        ErrorCode::from_code(code)
    }

    /// Every wire code, sorted.
    pub fn codes() -> &'static [&'static str] {
        &CODES
    }
}
