#!/usr/bin/env bash
# Renders the sample ledger's HTML report and opens it in a real browser
# (headless Chromium): fails unless the page loads and holds at least four
# inline SVG charts. With `--screenshot`, also saves docs/report.png.
#
#   .ci/browser-check.sh [BINARY] [--screenshot]
#
# BINARY defaults to target/release/redress, else target/debug/redress
# (built with `cargo build` when neither exists). Installs Debian's
# chromium when it is missing (CI runs as root).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

bin=${1:-}
shot=no
if [[ "$bin" == "--screenshot" ]]; then
  bin=""
  shot=yes
fi
if [[ "${2:-}" == "--screenshot" ]]; then
  shot=yes
fi
if [[ -z "$bin" ]]; then
  if [[ -x target/release/redress ]]; then
    bin=target/release/redress
  elif [[ -x target/debug/redress ]]; then
    bin=target/debug/redress
  else
    cargo build --quiet
    bin=target/debug/redress
  fi
fi
[[ "$bin" == /* ]] || bin="$root/$bin"
if [[ ! -x "$bin" ]]; then
  echo "browser-check: no redress binary at $bin" >&2
  exit 2
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "browser-check: installing chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
page="$work/report.html"
"$bin" --ledger "$root" --now 2026-11-22T12:00:00-05:00 report --format html -o "$page"

browser() {
  # --virtual-time-budget lets the page settle; nothing on it needs the network.
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --disable-dev-shm-usage --hide-scrollbars \
    --user-data-dir="$work/profile" "$@" 2>"$work/chromium.log"
}

if ! browser --dump-dom "file://$page" >"$work/dom.html"; then
  echo "browser-check: FAIL: chromium could not load the report" >&2
  tail -n 20 "$work/chromium.log" >&2 || true
  exit 1
fi
svgs=$(grep -o '<svg' "$work/dom.html" | wc -l)
figures=$(grep -o '<figure' "$work/dom.html" | wc -l)
bytes=$(wc -c <"$work/dom.html")
title=$(grep -o '<title>[^<]*</title>' "$work/dom.html" | head -n 1 || true)
echo "browser-check: chromium loaded the report: $bytes bytes of DOM, $svgs <svg> element(s), $figures figure(s), $title"
if ! grep -q '</html>' "$work/dom.html"; then
  echo "browser-check: FAIL: the dumped DOM is incomplete" >&2
  exit 1
fi
if (( svgs < 4 )); then
  echo "browser-check: FAIL: expected at least 4 <svg> charts, found $svgs" >&2
  exit 1
fi

# The management review: one page of tables, no charts; it must load whole
# with every section.
review="$work/review.html"
"$bin" --ledger "$root" --now 2026-11-22T12:00:00-05:00 report --review 2026-Q3 --format html -o "$review"
if ! browser --dump-dom "file://$review" >"$work/review-dom.html"; then
  echo "browser-check: FAIL: chromium could not load the review" >&2
  exit 1
fi
for id in kpis causes repeat-customers double-deviations compensation findings open-findings actions; do
  if ! grep -q "id=\"$id\"" "$work/review-dom.html"; then
    echo "browser-check: FAIL: the review has no section $id" >&2
    exit 1
  fi
done
if ! grep -q '</html>' "$work/review-dom.html"; then
  echo "browser-check: FAIL: the review's DOM is incomplete" >&2
  exit 1
fi
echo "browser-check: chromium loaded the management review with its 8 sections"

if [[ "$shot" == yes ]]; then
  mkdir -p docs
  browser --screenshot="$root/docs/report.png" --window-size=1280,2400 "file://$page" >/dev/null
  echo "browser-check: screenshot saved to docs/report.png"
fi
echo "browser-check: ok"
