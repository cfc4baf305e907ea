//! Generates the `ErrorCode` enum from the documentation pages in `docs/` into `OUT_DIR`.
//!
//! All the work is in the `tencentcloud-error-codes-build` crate, where it is tested. Without
//! the `generate` feature the crate compiles the checked-in `tests/golden/error_codes.rs` and
//! this script does nothing.

fn main() -> std::process::ExitCode {
    #[cfg(feature = "generate")]
    return tencentcloud_error_codes_build::cargo::run("docs", "error_codes.rs");
    #[cfg(not(feature = "generate"))]
    {
        println!("cargo:rerun-if-changed=build.rs");
        std::process::ExitCode::SUCCESS
    }
}
