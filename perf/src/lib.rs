//! Benchmark support: a 5,000-code generated enum and synthetic docs sets.
//!
//! `benches/lookup.rs` compares `from_code` with a `HashMap` at 26 codes (the crate itself) and
//! at 5,026 codes ([`large`]); `benches/generator.rs` times the generator. The `synthetic-docs`
//! binary writes a docs set to disk for the `check` and rebuild measurements.

pub mod synthetic;

/// The enum generated from the 5,026-code synthetic docs set, as the crate's build script would
/// generate it.
#[allow(dead_code, rustdoc::bare_urls)]
pub mod large {
    include!(concat!(env!("OUT_DIR"), "/large.rs"));

    /// The variant of `code`, through the generated perfect hash (as `ErrorCode::from_code`).
    pub fn from_code(code: &str) -> Option<ErrorCode> {
        lookup(code)
    }

    /// Every wire code, sorted.
    pub fn codes() -> &'static [&'static str] {
        &CODES
    }
}
