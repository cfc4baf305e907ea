//! `parse_response` on the response bodies printed on the documentation pages, against parsing
//! the same body into a `serde_json::Value` (the baseline any hand-written parsing starts from).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use tencentcloud_error_codes::parse_response;

const FAILURE: &str = r#"{
    "Response": {
        "Error": {
            "Code": "AuthFailure.SignatureFailure",
            "Message": "The provided credentials could not be validated. Please ensure your signature is correct."
        },
        "RequestId": "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"
    }
}"#;

const SUCCESS: &str = r#"{
    "Response": {
        "TotalCount": 0,
        "InstanceStatusSet": [],
        "RequestId": "b5b41468-520d-4192-b42f-595cc34b6c1c"
    }
}"#;

fn envelope(c: &mut Criterion) {
    let mut group = c.benchmark_group("envelope");
    for (name, body) in [("failure", FAILURE), ("success", SUCCESS)] {
        group.bench_function(format!("parse_response/{name}"), |b| {
            b.iter(|| parse_response(black_box(body)))
        });
        group.bench_function(format!("serde_json_value/{name}"), |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(body)))
        });
    }
    group.finish();
}

criterion_group!(benches, envelope);
criterion_main!(benches);
