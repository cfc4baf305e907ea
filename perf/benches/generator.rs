//! The generator: reading one page per format, `check` over 1,000 pages, and the whole
//! generation the build script runs on `docs/`.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use tencentcloud_error_codes_build::read::read_page;
use tencentcloud_error_codes_build::{generate_from_dir, Agreement, Catalog, Docs, Layout};
use tencentcloud_error_codes_perf::synthetic;

fn docs_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs"))
}

fn read_pages(c: &mut Criterion) {
    let common = synthetic::common_rows(docs_dir()).expect("the vendored docs");
    let captured = std::fs::read_to_string(docs_dir().join("pages/cls.txt")).expect("cls page");
    let pages = [
        ("txt-captured", "cls.txt", captured),
        ("md", "page.md", synthetic::page("md", &common)),
        ("html", "page.html", synthetic::page("html", &common)),
    ];
    let mut group = c.benchmark_group("read-page");
    group.throughput(Throughput::Elements(common.len() as u64));
    for (name, file, text) in &pages {
        group.bench_function(*name, |b| {
            b.iter(|| read_page(Path::new(file), black_box(text)).expect("readable"))
        });
    }
    group.finish();
}

fn check_1000_pages(c: &mut Criterion) {
    let common = synthetic::common_rows(docs_dir()).expect("the vendored docs");
    let dir = tempfile::tempdir().expect("temporary directory");
    synthetic::write_docs(dir.path(), &common, 1000, 0);
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function("1000-pages", |b| {
        b.iter(|| {
            let docs = Docs::load(dir.path()).expect("readable");
            let catalog = Catalog::build(&docs).expect("a catalog");
            black_box(Agreement::check(&catalog).findings.len())
        })
    });
    group.finish();
}

fn generate_vendored(c: &mut Criterion) {
    c.bench_function("generate/vendored-docs", |b| {
        b.iter(|| generate_from_dir(docs_dir(), Layout::Src).expect("the vendored docs agree"))
    });
}

criterion_group!(benches, read_pages, check_1000_pages, generate_vendored);
criterion_main!(benches);
