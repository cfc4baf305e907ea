//! `from_code` against a `HashMap` built from the same codes, in the same run: the common
//! `ErrorCode`, and the two largest product enums (`vpc` and `teo`, about 500 codes each), hits
//! and misses.
//!
//! Each iteration looks up every code of the set once; criterion reports the time per
//! iteration and the lookups per second.

use std::collections::HashMap;
use std::hash::Hash;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use tencentcloud_error_codes::{teo, vpc, ErrorCode};

/// Codes that are not in the set but look like it: the same families and lengths, the usual
/// miss in practice (a code of another product, or a newer one).
fn misses(codes: &[&str]) -> Vec<String> {
    codes
        .iter()
        .map(|c| {
            let mut miss = c.to_string();
            let last = miss.pop().unwrap_or('x');
            miss.push(if last == 'Z' { 'Y' } else { 'Z' });
            miss
        })
        .collect()
}

fn compare<T: Copy + Eq + Hash>(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    codes: &[&'static str],
    from_code: fn(&str) -> Option<T>,
) {
    let map: HashMap<&str, T> = codes
        .iter()
        .map(|&c| (c, from_code(c).expect("every code is found")))
        .collect();
    let misses = misses(codes);
    let misses: Vec<&str> = misses.iter().map(String::as_str).collect();
    group.throughput(Throughput::Elements(codes.len() as u64));
    for (kind, keys) in [("hit", codes), ("miss", &misses[..])] {
        group.bench_function(format!("from_code/{kind}"), |b| {
            b.iter(|| {
                for key in keys {
                    black_box(from_code(black_box(key)));
                }
            })
        });
        group.bench_function(format!("hashmap/{kind}"), |b| {
            b.iter(|| {
                for key in keys {
                    black_box(map.get(black_box(key)));
                }
            })
        });
    }
}

fn lookup(c: &mut Criterion) {
    let codes: Vec<&'static str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    let mut group = c.benchmark_group(format!("lookup-common-{}", codes.len()));
    compare(&mut group, &codes, ErrorCode::from_code);
    group.finish();

    let codes: Vec<&'static str> = teo::ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    let mut group = c.benchmark_group(format!("lookup-teo-{}", codes.len()));
    compare(&mut group, &codes, teo::ErrorCode::from_code);
    group.finish();

    let codes: Vec<&'static str> = vpc::ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    let mut group = c.benchmark_group(format!("lookup-vpc-{}", codes.len()));
    compare(&mut group, &codes, vpc::ErrorCode::from_code);
    group.finish();
}

criterion_group!(benches, lookup);
criterion_main!(benches);
