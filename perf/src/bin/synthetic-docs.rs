//! `synthetic-docs DIR PRODUCTS SPECIFIC`: writes a docs set of PRODUCTS pages (text, Markdown
//! and HTML in turn), each with the common codes of `docs/` and SPECIFIC codes of its own.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tencentcloud_error_codes_perf::synthetic;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, products, specific] = args.as_slice() else {
        eprintln!("usage: synthetic-docs DIR PRODUCTS SPECIFIC");
        return ExitCode::from(2);
    };
    let (Ok(products), Ok(specific)) = (products.parse(), specific.parse()) else {
        eprintln!("error: PRODUCTS and SPECIFIC are numbers");
        return ExitCode::from(2);
    };
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
    match synthetic::common_rows(&docs) {
        Ok(common) => {
            synthetic::write_docs(&PathBuf::from(dir), &common, products, specific);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}
