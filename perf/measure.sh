#!/usr/bin/env bash
# Measures the generator where criterion cannot: the command-line tool on the vendored docs
# (`check`, and `generate --check`, which reads, agrees, names and emits every enum), optimized
# and as a build script runs it (unoptimized); `check` over a synthetic docs set of 1,000 pages;
# and the `generate` feature's build script rerun after a page edit in a dependent crate. Each
# figure is the median of RUNS (default 3) runs. Build costs of dependent crates are in
# perf/build-costs.sh. Usage: perf/measure.sh [RUNS]
set -euo pipefail
runs=${1:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TERM_QUIET=true

now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
# time_runs SETUP COMMAND: median seconds of COMMAND over $runs runs, SETUP before each.
time_runs() {
  local setup=$1 command=$2 times=()
  for _ in $(seq "$runs"); do
    eval "$setup"
    local start; start=$(now)
    eval "$command" >/dev/null 2>&1 || { echo "failed: $command" >&2; eval "$command" >&2; exit 1; }
    times+=("$(awk -v a="$(now)" -v b="$start" 'BEGIN {print a - b}')")
  done
  median "${times[@]}"
}

echo "machine: $(nproc) cores, $(uname -m), $(rustc --version)"
cd "$repo"
cargo build -q -p tencentcloud-error-codes-build
cargo build -q --release -p tencentcloud-error-codes-build
cargo build -q --release -p tencentcloud-error-codes-perf --bin synthetic-docs
echo "the vendored docs ($(grep -c '"file": "pages/.*"locale"' docs/sources.json) pages, the Error Center export):"
for profile in release debug; do
  tool="target/$profile/tencentcloud-error-codes"
  printf '  %-8s check %6.2f s   generate --check %6.2f s\n' "$profile" \
    "$(time_runs : "$tool check")" "$(time_runs : "$tool generate --check")"
done

target/release/synthetic-docs "$work/docs-1000" 1000 0 >/dev/null
printf '  check over 1,000 synthetic pages (text, Markdown, HTML in turn): release %.2f s, debug %.2f s\n' \
  "$(time_runs : "target/release/tencentcloud-error-codes check --docs $work/docs-1000")" \
  "$(time_runs : "target/debug/tencentcloud-error-codes check --docs $work/docs-1000")"

# A dependent crate with `generate`: the build script's rerun after a page edit (the crate's
# dependencies built once beforehand).
mkdir -p "$work/consumer/src"
printf '[package]\nname = "consumer"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\ntencentcloud-error-codes = { path = "%s", features = ["generate"] }\n\n[workspace]\n' "$repo" > "$work/consumer/Cargo.toml"
printf 'pub fn code(s: &str) -> Option<tencentcloud_error_codes::ErrorCode> {\n    tencentcloud_error_codes::ErrorCode::from_code(s)\n}\n' > "$work/consumer/src/lib.rs"
cp Cargo.lock "$work/consumer/Cargo.lock"
cp -R docs "$work/docs"
export TENCENTCLOUD_ERROR_CODES_DOCS="$work/docs"
(cd "$work/consumer" && CARGO_TARGET_DIR="$work/target" cargo build --offline)
edit() { printf '\n' >> "$work/docs/pages/cdn.txt"; }
printf '  generate feature: rebuild after a page edit (build script + crate) %.2f s\n' \
  "$(time_runs edit "cd $work/consumer && CARGO_TARGET_DIR=$work/target cargo build --offline")"
