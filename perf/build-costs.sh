#!/usr/bin/env bash
# What depending on this crate costs: clean debug builds of a crate with each `[dependencies]`
# line, each the median of RUNS (default 3) builds in a fresh target directory, beside the
# baselines measured in the same run (an empty crate, and a crate that depends on serde_json
# alone, which the default `json` feature builds). Also the packaged size of the crate.
# Usage: perf/build-costs.sh [RUNS]
set -euo pipefail
runs=${1:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TERM_QUIET=true

now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.2f", a - b}'; }

# make_crate NAME DEPENDENCY-LINE USES-CRATE
make_crate() {
  mkdir -p "$work/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n%s\n\n[workspace]\n' \
    "$1" "$2" > "$work/$1/Cargo.toml"
  case $3 in
    crate) printf 'pub fn code(s: &str) -> Option<tencentcloud_error_codes::ErrorCode> {\n    tencentcloud_error_codes::ErrorCode::from_code(s)\n}\n' ;;
    json) printf 'pub fn parse(s: &str) -> Option<serde_json::Value> {\n    serde_json::from_str(s).ok()\n}\n' ;;
    *) : ;;
  esac > "$work/$1/src/lib.rs"
  cp "$repo/Cargo.lock" "$work/$1/Cargo.lock"
}
build() { # NAME -> median seconds of a clean build
  local times=()
  for _ in $(seq "$runs"); do
    rm -rf "$work/target"
    local start; start=$(now)
    (cd "$work/$1" && CARGO_TARGET_DIR="$work/target" cargo build --offline >/dev/null 2>&1) ||
      { echo "failed: $1" >&2; (cd "$work/$1" && CARGO_TARGET_DIR="$work/target" cargo build --offline); exit 1; }
    times+=("$(awk -v a="$(now)" -v b="$start" 'BEGIN {print a - b}')")
  done
  median "${times[@]}"
}
crates() { (cd "$work/$1" && cargo tree --offline -e normal,build --prefix none | sort -u | wc -l); }

dep="tencentcloud-error-codes = { path = \"$repo\""
make_crate empty "" none
make_crate serde-json 'serde_json = { version = "1", default-features = false, features = ["alloc"] }' json
make_crate lean "$dep, default-features = false }" crate
make_crate default "$dep }" crate
make_crate one-product "$dep, features = [\"cvm\"] }" crate
make_crate all-products "$dep, features = [\"all-products\"] }" crate
make_crate generate "$dep, features = [\"generate\"] }" crate

echo "machine: $(nproc) cores, $(uname -m), $(rustc --version)"
echo "clean debug builds, median of $runs:"
empty=$(build empty)
json=$(build serde-json)
printf '  %-44s %6.2f s  %3s crates\n' "empty crate (baseline)" "$empty" "$(crates empty)"
printf '  %-44s %6.2f s  %3s crates\n' "serde_json alone (baseline)" "$json" "$(crates serde-json)"
lean=$(build lean)
printf '  %-44s %6.2f s  %3s crates  (%s s against the empty crate)\n' "default-features = false" "$lean" "$(crates lean)" "$(minus "$lean" "$empty")"
default=$(build default)
printf '  %-44s %6.2f s  %3s crates  (%s s against serde_json alone)\n' "default features (json)" "$default" "$(crates default)" "$(minus "$default" "$json")"
one=$(build one-product)
printf '  %-44s %6.2f s  %3s crates  (%s s against the default)\n' "features = [\"cvm\"]" "$one" "$(crates one-product)" "$(minus "$one" "$default")"
all=$(build all-products)
printf '  %-44s %6.2f s  %3s crates  (%s s against the default)\n' "features = [\"all-products\"]" "$all" "$(crates all-products)" "$(minus "$all" "$default")"
gen=$(build generate)
printf '  %-44s %6.2f s  %3s crates  (%s s against the default)\n' "features = [\"generate\"]" "$gen" "$(crates generate)" "$(minus "$gen" "$default")"

# The packaged size: the files `cargo package` would take (the root package, without the
# workspace members), compressed as a .crate is.
cd "$repo"
git ls-files | grep -v '^codegen/\|^perf/\|^\.ci/' > "$work/files"
tar czf "$work/crate.tgz" -T "$work/files"
printf 'packaged size: %s files, %s bytes compressed (src/generated: %s bytes uncompressed)\n' \
  "$(wc -l < "$work/files")" "$(stat -c %s "$work/crate.tgz")" "$(cat src/generated/*.rs src/generated/products/*.rs | wc -c)"
