//! `phases DOCS_DIR`: times each stage of the generator on a docs set, once. Run it without
//! `--release` to see what a build script pays (build scripts and their dependencies are
//! compiled without optimization, even in release builds).

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use tencentcloud_error_codes_build::{
    generate, lookup::PerfectHash, Agreement, Catalog, Docs, Error, Layout, Model,
};

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: phases DOCS_DIR");
        return ExitCode::from(2);
    };
    match run(Path::new(&dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn run(dir: &Path) -> Result<(), Error> {
    let start = Instant::now();
    let docs = Docs::load(dir)?;
    let loaded = start.elapsed();
    let catalog = Catalog::build(&docs)?;
    let agreement = Agreement::check(&catalog);
    let agreed = start.elapsed();
    let model = Model::from_catalog(&catalog)?;
    let modelled = start.elapsed();
    let codes: Vec<&str> = model.common.iter().map(|c| c.code.as_str()).collect();
    let hash_start = Instant::now();
    PerfectHash::build(&codes);
    let hashed = hash_start.elapsed();
    let emit_start = Instant::now();
    let files = generate(&model, Layout::Src);
    let emitted = emit_start.elapsed();
    println!(
        "{} pages, {} common codes, {} differences, {} bytes generated",
        docs.pages.len(),
        model.common.len(),
        agreement.findings.len(),
        files.iter().map(|f| f.contents.len()).sum::<usize>()
    );
    println!("read pages      {loaded:>10.1?}");
    println!("catalog, agree  {:>10.1?}", agreed - loaded);
    println!("model           {:>10.1?}", modelled - agreed);
    println!("generate        {emitted:>10.1?} (perfect hash alone: {hashed:.1?})");
    Ok(())
}
