//! Benchmark support: synthetic docs sets for the generator's benches and the `synthetic-docs`
//! binary (`benches/generator.rs`, `perf/measure.sh`). The lookups are benched on the crate's
//! real enums (`benches/lookup.rs`).

pub mod synthetic;
