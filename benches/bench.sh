#!/usr/bin/env bash
# Speed and memory of redress on synthetic ledgers (issue 7's targets).
#
#   bash benches/bench.sh [N_LARGE] [N_SMALL]     (defaults 100000 and 10000)
#
# Generates two ledgers under $BENCH_DIR (default: a temporary folder; kept
# and reused when it already holds them), then measures, in the same run:
# reading every case file (cat), audit, report and check, the audit/read
# ratio, the peak memory of audit and check, and `show` on both sizes. Each
# time is the best of 3 runs with a warm page cache.
set -euo pipefail
cd "$(dirname "$0")/.."
large=${1:-100000}
small=${2:-10000}
work=${BENCH_DIR:-$(mktemp -d)}
export REDRESS_NOW=2026-11-22T12:00:00-05:00 NO_COLOR=1

cargo build --release --quiet --bin redress --example gen_ledger
target=${CARGO_TARGET_DIR:-target}
bin=$target/release/redress
gen=$target/release/examples/gen_ledger

make_ledger() { # dir n
  if [ ! -f "$1/.generated-$2" ]; then
    rm -rf "$1"
    "$bin" init "$1" >/dev/null
    "$gen" "$1" "$2"
    touch "$1/.generated-$2"
  fi
}

tfile=$(mktemp)
best() { # the best wall time in seconds of 3 runs of "$@"
  local best=999999 t
  for _ in 1 2 3; do
    /usr/bin/time -f %e -o "$tfile" "$@" >/dev/null 2>&1 || true
    t=$(tail -1 "$tfile")
    best=$(python3 -c "print(min($best, $t))")
  done
  echo "$best"
}

peak_mb() { # peak resident memory in MB of one run of "$@"
  /usr/bin/time -f %M -o "$tfile" "$@" >/dev/null 2>&1 || true
  awk '{printf "%.0f", $1/1024}' "$tfile"
}

read_all() { find "$1/cases" -name '*.yaml' -print0 | xargs -0 cat >/dev/null; }
export -f read_all

for n in "$small" "$large"; do
  dir="$work/ledger-$n"
  make_ledger "$dir" "$n"
  read_all "$dir" # warm the cache
  cat_t=$(best bash -c "read_all '$dir'")
  audit_t=$(best "$bin" --ledger "$dir" audit --format json --fail-on never)
  report_t=$(best "$bin" --ledger "$dir" report --format json)
  check_t=$(best "$bin" --ledger "$dir" check)
  audit_mb=$(peak_mb "$bin" --ledger "$dir" audit --format json --fail-on never)
  check_mb=$(peak_mb "$bin" --ledger "$dir" check)
  id=$(basename "$(find "$dir/cases" -name '*.yaml' -print -quit)" .yaml)
  show_t=$(best "$bin" --ledger "$dir" show "$id")
  ratio=$(python3 -c "print(f'{$audit_t/$cat_t:.2f}')")
  printf '%7s cases: cat %ss  audit %ss (%sx cat)  report %ss  check %ss  show %ss  peak MB: audit %s, check %s\n' \
    "$n" "$cat_t" "$audit_t" "$ratio" "$report_t" "$check_t" "$show_t" "$audit_mb" "$check_mb"
done
rm -f "$tfile"
