#!/usr/bin/env bash
# Speed and memory of redress on synthetic ledgers (issues 7 and 16), as
# ratios to ripgrep measured in the same run, so that a busy machine slows
# both alike.
#
#   bash benches/bench.sh [N...]          (default: 100000)
#
# Generates each ledger under $BENCH_DIR (default: a temporary folder; kept
# and reused when it already holds it), then measures, in the same run:
#   rg        `rg -c event: cases/` (reads every case file);
#   cold      `audit --format json` with no cache (the first run; it also
#             writes the cache);
#   warm      audit (json, and the default table), check and list with
#             the cache in place;
#   peak MB   audit --format json and table, check, report --format html,
#             policy impact; and audit, report and policy impact on a first
#             run (no cache);
#   one case  `show` and `audit --case` by a 4-character suffix.
# Each time is the best of $RUNS runs (default 3) with a warm page cache.
# ripgrep is installed (apt-get, else cargo install) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-100000}")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000)
work=${BENCH_DIR:-$(mktemp -d)}
runs=${RUNS:-3}
export REDRESS_NOW=2026-11-22T12:00:00-05:00 NO_COLOR=1
unset REDRESS_NO_CACHE

if ! command -v rg >/dev/null; then
  (apt-get install -y ripgrep >/dev/null 2>&1 ||
    { apt-get update >/dev/null 2>&1 && apt-get install -y ripgrep >/dev/null 2>&1; } ||
    cargo install --quiet ripgrep) || { echo "cannot install ripgrep" >&2; exit 1; }
fi
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --release --quiet --bin redress --example gen_ledger
target=${CARGO_TARGET_DIR:-target}
bin=$(realpath "$target/release/redress")
gen=$(realpath "$target/release/examples/gen_ledger")

make_ledger() { # dir n
  if [ ! -f "$1/.generated-$2" ]; then
    rm -rf "$1"
    "$bin" init "$1" >/dev/null
    "$gen" "$1" "$2"
    (cd "$1" && git init -q && git add policies && git -c user.name=bench -c user.email=b@x commit -qm base)
    touch "$1/.generated-$2"
    sleep 2 # files changed in the last two seconds are never cached
  fi
}

tfile=$(mktemp)
best() { # the best wall time in seconds of $runs runs of "$@" (in $dir)
  local best=999999 t
  for _ in $(seq "$runs"); do
    (cd "$dir" && /usr/bin/time -f %e -o "$tfile" "$@" >/dev/null 2>&1) || true
    t=$(tail -1 "$tfile")
    best=$(python3 -c "print(min($best, $t))")
  done
  echo "$best"
}
cold() { # like best, with the cache removed before each run
  local best=999999 t
  for _ in $(seq "$runs"); do
    rm -rf "$dir/.redress/cache"
    (cd "$dir" && /usr/bin/time -f %e -o "$tfile" "$@" >/dev/null 2>&1) || true
    t=$(tail -1 "$tfile")
    best=$(python3 -c "print(min($best, $t))")
  done
  echo "$best"
}
peak_mb() { # peak resident memory in MB of one run of "$@"
  (cd "$dir" && /usr/bin/time -f %M -o "$tfile" "$@" >/dev/null 2>&1) || true
  awk '{printf "%.0f", $1/1024}' "$tfile"
}
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }

for n in "${sizes[@]}"; do
  dir="$work/ledger-$n"
  make_ledger "$dir" "$n"
  rg -c event: "$dir/cases" >/dev/null # warm the page cache
  rg_t=$(best rg -c event: cases/)
  cold_t=$(cold "$bin" audit --format json --fail-on never)
  "$bin" --ledger "$dir" audit --fail-on never >/dev/null # the cache is in place
  audit_t=$(best "$bin" audit --format json --fail-on never)
  table_t=$(best "$bin" audit --fail-on never)
  check_t=$(best "$bin" check)
  list_t=$(best "$bin" list)
  rg2_t=$(best rg -c event: cases/)
  rg_t=$(python3 -c "print(min($rg_t, $rg2_t))")
  id=$(basename "$(find "$dir/cases" -name '*.yaml' -print -quit)" .yaml)
  suffix=${id: -4}
  show_t=$(best "$bin" show "$suffix")
  one_t=$(best "$bin" audit --case "$suffix" --fail-on never)
  audit_mb=$(peak_mb "$bin" audit --format json --fail-on never)
  table_mb=$(peak_mb "$bin" audit --fail-on never)
  check_mb=$(peak_mb "$bin" check)
  html_mb=$(peak_mb "$bin" report --format html)
  impact_mb=$(peak_mb "$bin" policy impact --base HEAD --format json)
  # The same on a first run, which also writes the cache.
  rm -rf "$dir/.redress/cache"
  cold_audit_mb=$(peak_mb "$bin" audit --format json --fail-on never)
  rm -rf "$dir/.redress/cache"
  cold_html_mb=$(peak_mb "$bin" report --format html)
  rm -rf "$dir/.redress/cache"
  cold_impact_mb=$(peak_mb "$bin" policy impact --base HEAD --format json)
  printf '%s cases (best of %s; rg -c event: cases/ %ss)\n' "$n" "$runs" "$rg_t"
  printf '  audit cold  %6ss  %sx rg   (target <= 2.0)\n' "$cold_t" "$(ratio "$cold_t" "$rg_t")"
  printf '  audit warm  %6ss  %sx rg   (target <= 1.0)\n' "$audit_t" "$(ratio "$audit_t" "$rg_t")"
  printf '  audit table %6ss  %sx rg   (the default format, to a pipe)\n' "$table_t" "$(ratio "$table_t" "$rg_t")"
  printf '  check warm  %6ss  %sx rg   (target <= 1.0)\n' "$check_t" "$(ratio "$check_t" "$rg_t")"
  printf '  list warm   %6ss  %sx rg   (target <= 0.5)\n' "$list_t" "$(ratio "$list_t" "$rg_t")"
  printf '  show by suffix %ss, audit --case by suffix %ss (target < 0.02)\n' "$show_t" "$one_t"
  printf '  peak MB: audit json %s (<= 100), audit table %s, check %s, report html %s (<= 100), policy impact %s (<= 150)\n' \
    "$audit_mb" "$table_mb" "$check_mb" "$html_mb" "$impact_mb"
  printf '  peak MB on a first run: audit json %s, report html %s, policy impact %s\n' \
    "$cold_audit_mb" "$cold_html_mb" "$cold_impact_mb"
done
rm -f "$tfile"
