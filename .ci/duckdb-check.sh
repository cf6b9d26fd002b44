#!/usr/bin/env bash
# `export --format jsonl` as the hand-off to DuckDB (issue 16): loads the
# sample ledger's export into DuckDB and checks that its counts of cases per
# category and per month of receipt equal `report --format json`'s.
# Installs DuckDB's Python package from PyPI into a throw-away venv.
#
#   bash .ci/duckdb-check.sh [REDRESS_BINARY]     (default target/debug/redress)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/debug/redress}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check duckdb
export REDRESS_NOW=2026-11-22T12:00:00-05:00
"$bin" --ledger . export --format jsonl >"$work/cases.jsonl"
"$bin" --ledger . report --format json >"$work/report.json"
"$work/venv/bin/python" - "$work" <<'PY'
import json, sys
import duckdb

work = sys.argv[1]
report = json.load(open(f"{work}/report.json"))
con = duckdb.connect()
con.execute(
    f"CREATE TABLE cases AS SELECT * FROM read_json_auto('{work}/cases.jsonl', format='newline_delimited')"
)
(n,) = con.execute("SELECT count(*) FROM cases").fetchone()
assert n == report["cases"], (n, report["cases"])
by_category = dict(con.execute("SELECT category, count(*) FROM cases GROUP BY category").fetchall())
want = {row["key"]: row["cases"] for row in report["breakdowns"]["category"]}
assert by_category == want, (by_category, want)
# Months of receipt in the ledger's time zone, as the report counts them.
con.execute(f"SET TimeZone = '{report['scope']['timezone']}'")
by_month = dict(
    con.execute("SELECT strftime(received, '%Y-%m'), count(*) FROM cases GROUP BY 1").fetchall()
)
want = {row["period"]: row["cases"] for row in report["periods"]}
assert by_month == want, (by_month, want)
print(f"duckdb: {n} cases, {len(by_category)} categories, {len(by_month)} months agree with report --format json")
PY
