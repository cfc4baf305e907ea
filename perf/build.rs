//! Generates a 5,026-code `ErrorCode` (the 26 common codes of `docs/` and 25 codes of its own
//! for each of 200 synthetic products) into `OUT_DIR/large.rs`, with the real generator.

#[path = "src/synthetic.rs"]
mod synthetic;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/synthetic.rs");
    println!("cargo:rerun-if-changed=../docs");
    match generate() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn generate() -> Result<(), tencentcloud_error_codes_build::Error> {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let docs = out.join("docs-5000");
    let _ = std::fs::remove_dir_all(&docs);
    let common = synthetic::common_rows(Path::new("../docs"))?;
    synthetic::write_docs(&docs, &common, 200, 25);
    let generated = tencentcloud_error_codes_build::generate_from_dir(
        &docs,
        tencentcloud_error_codes_build::Layout::OutDir,
    )?;
    // The common enum (every code of the set) and the lookup it uses; `src/lib.rs` gives them
    // the crate items they name.
    for file in generated
        .files
        .iter()
        .filter(|f| matches!(f.path.as_str(), "common.rs" | "lookup.rs"))
    {
        tencentcloud_error_codes_build::write::write_if_changed(
            &out.join("large").join(&file.path),
            file.contents.as_bytes(),
        )?;
    }
    Ok(())
}
