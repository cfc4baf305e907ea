#!/usr/bin/env bash
# Measures what criterion cannot: clean builds of a crate that depends on this one, the rebuild
# of a 5,000-code generated crate after a page edit, `check` over 1,000 pages, and the build
# script on the vendored docs. Each figure is the median of RUNS (default 3) runs, with its
# baseline measured in the same run. Usage: perf/measure.sh [RUNS]
set -euo pipefail
runs=${1:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TERM_QUIET=true

now() { date +%s.%N; }
# median SECONDS...: the middle value.
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
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a - b}'; }

echo "machine: $(nproc) cores, $(uname -m), $(rustc --version)"
echo

# 1. A consumer's clean build, against an empty crate.
make_crate() { # NAME DEPENDENCY-LINE
  mkdir -p "$work/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n%s\n\n[workspace]\n' "$1" "$2" > "$work/$1/Cargo.toml"
  if [ -n "$2" ]; then
    printf 'pub fn code(s: &str) -> Option<tencentcloud_error_codes::ErrorCode> {\n    tencentcloud_error_codes::ErrorCode::from_code(s)\n}\n' > "$work/$1/src/lib.rs"
  else
    : > "$work/$1/src/lib.rs"
  fi
  cp "$repo/Cargo.lock" "$work/$1/Cargo.lock"
}
make_crate empty ""
make_crate lean "tencentcloud-error-codes = { path = \"$repo\", default-features = false }"
make_crate default "tencentcloud-error-codes = { path = \"$repo\" }"
echo "consumer clean build (cargo build, debug, fresh target directory)"
empty=$(time_runs "rm -rf $work/target" "cd $work/empty && CARGO_TARGET_DIR=$work/target cargo build --offline")
for name in lean default; do
  t=$(time_runs "rm -rf $work/target" "cd $work/$name && CARGO_TARGET_DIR=$work/target cargo build --offline")
  crates=$(cd "$work/$name" && cargo tree --offline -e normal,build --prefix none | sort -u | wc -l)
  label=$([ $name = lean ] && echo "default-features = false" || echo "default features")
  printf '  %-26s %6.2f s  (%sx the empty crate, %s crates)\n' "$label" "$t" "$(ratio "$t" "$empty")" "$crates"
done
printf '  %-26s %6.2f s\n' "empty crate (baseline)" "$empty"
echo

# 2. The 5,000-code generated crate: release rebuild after a page edit.
cargo run -q --release -p tencentcloud-error-codes-perf --bin synthetic-docs -- "$work/docs-5000" 200 25
mkdir -p "$work/large/src"
cp -r "$work/docs-5000" "$work/large/docs"
cp "$repo/Cargo.lock" "$work/large/Cargo.lock"
printf '[package]\nname = "large"\nversion = "0.0.0"\nedition = "2021"\n\n[build-dependencies]\ntencentcloud-error-codes-build = { path = "%s/codegen", default-features = false }\n\n[workspace]\n' "$repo" > "$work/large/Cargo.toml"
printf 'fn main() -> std::process::ExitCode {\n    tencentcloud_error_codes_build::cargo::run("docs", "error_codes.rs")\n}\n' > "$work/large/build.rs"
printf '#[allow(dead_code)]\npub mod generated {\n    include!(concat!(env!("OUT_DIR"), "/error_codes.rs"));\n}\npub fn from_code(code: &str) -> Option<generated::ErrorCode> {\n    generated::lookup(code)\n}\n' > "$work/large/src/lib.rs"
(cd "$work/large" && CARGO_TARGET_DIR=$work/large-target cargo build --offline --release)
edit=0
edit_page() { edit=$((edit + 1)); sed -i "s/specific error 3:.*/specific error 3: edit $edit./" "$work/large/docs/pages/p0000.txt"; }
build_large="cd $work/large && CARGO_TARGET_DIR=$work/large-target cargo build --offline --release"
noop=$(time_runs ":" "$build_large")
rebuild=$(time_runs "edit_page" "$build_large")
touch_lib=$(time_runs "touch $work/large/src/lib.rs" "$build_large")
echo "5,026-code crate (200 products), cargo build --release"
printf '  %-26s %6.2f s\n' "no-op build" "$noop"
printf '  %-26s %6.2f s  (build script %.2f s + compiling the crate)\n' "after editing one page" "$rebuild" "$(minus "$rebuild" "$touch_lib")"
printf '  %-26s %6.2f s  (baseline: no build script run)\n' "after touching src/lib.rs" "$touch_lib"
echo

# 3. check over 1,000 pages (text, Markdown and HTML in turn), release binary.
cargo build -q --release -p tencentcloud-error-codes-build
cargo run -q --release -p tencentcloud-error-codes-perf --bin synthetic-docs -- "$work/docs-1000" 1000 0
tool=$repo/target/release/tencentcloud-error-codes
check=$(time_runs ":" "$tool check --docs $work/docs-1000")
vendored=$(time_runs ":" "$tool check --docs $repo/docs")
echo "tencentcloud-error-codes check (release)"
printf '  %-26s %6.3f s\n' "1,000 pages, 26 codes each" "$check"
printf '  %-26s %6.3f s  (baseline)\n' "the 5 vendored pages" "$vendored"
echo

# 4. The crate's own build script on docs/, as Cargo runs it (unoptimized).
(cd "$repo" && cargo build -q -p tencentcloud-error-codes)
script=$(ls -t "$repo"/target/debug/build/tencentcloud-error-codes-*/build-script-build | head -1)
out=$(mktemp -d -p "$work")
build_script=$(time_runs ":" "cd $repo && OUT_DIR=$out $script")
echo "build script on docs/ (debug, as Cargo runs it)"
printf '  %-26s %6.3f s\n' "5 pages" "$build_script"
