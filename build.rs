//! With the `generate` feature, generates every enum from the documentation in `docs/` (or the
//! directory `TENCENTCLOUD_ERROR_CODES_DOCS` names) into `OUT_DIR`. Without it, the crate
//! compiles the checked-in `src/generated/` and this script does nothing.
//!
//! All the work is in the `tencentcloud-error-codes-build` crate, where it is tested.

fn main() -> std::process::ExitCode {
    #[cfg(feature = "generate")]
    return tencentcloud_error_codes_build::cargo::run("docs");
    #[cfg(not(feature = "generate"))]
    {
        println!("cargo:rerun-if-changed=build.rs");
        std::process::ExitCode::SUCCESS
    }
}
