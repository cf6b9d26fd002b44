//! Regulator returns (`report --return fca|amf`) on a hand-made ledger
//! (tests/fixtures/returns) whose every count was worked out by hand:
//!
//! | case | received | resolved | outcome | category | FCA timing |
//! |---|---|---|---|---|---|
//! | aaaa | Thu 07-16 | Tue 07-21 | founded | delivery | business day 3 across a weekend: within 3 days |
//! | bbbb | Fri 07-17 | 07-23, reopened, 08-03 | partly-founded (last) | delivery | within 8 weeks |
//! | cccc | Mon 08-03 | 09-29 | unfounded | billing | 8 weeks + 1 day: later |
//! | dddd | Tue 08-04 | 09-29 | bad-faith | billing | exactly 8 weeks: within 8 weeks |
//! | eeee | Fri 09-04 | Thu 09-10 | founded | delivery | Labour Day skipped: within 3 days |
//! | ffff | Thu 06-25 (Q2) | 07-02 | founded | delivery | closed in Q3, not opened; within 8 weeks |
//! | gggg | 09-20 | — | — | service | open at the end |
//! | hhhh | 10-02 | 10-05 | founded | other | outside Q3 |

mod common;

use serde_json::Value;
use std::path::PathBuf;

fn fixture() -> PathBuf {
    common::returns_fixture()
}

fn run(args: &[&str]) -> String {
    common::report_on_returns_fixture(args)
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&run(&all)).unwrap()
}

fn n(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or_else(|| panic!("{key} in {v}"))
}

fn row<'a>(v: &'a Value, group: &str, key: &str) -> &'a Value {
    v[group]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == key)
        .unwrap_or_else(|| panic!("no {key} in {group}"))
}

#[test]
fn fca_counts_computed_by_hand() {
    let v = json(&["--return", "fca", "--for", "2026-Q3"]);
    let t = &v["total"];
    let got: Vec<u64> = [
        "opened",
        "closed",
        "upheld",
        "partly",
        "rejected",
        "within_3_business_days",
        "within_8_weeks",
        "later",
        "open_at_end",
    ]
    .iter()
    .map(|k| n(t, k))
    .collect();
    assert_eq!(got, [6, 6, 3, 1, 2, 2, 3, 1, 1]);
    let delivery = row(&v, "categories", "delivery");
    assert_eq!((n(delivery, "opened"), n(delivery, "closed")), (3, 4));
    assert_eq!(n(delivery, "within_3_business_days"), 2);
    let billing = row(&v, "categories", "billing");
    assert_eq!((n(billing, "rejected"), n(billing, "later")), (2, 1));
    assert_eq!(
        v["holidays"],
        serde_json::json!(["2026-07-01", "2026-09-07"])
    );
    assert_eq!(v["period"], "2026-Q3");
}

#[test]
fn since_and_until_give_the_same_return_as_the_period() {
    let a = json(&["--return", "fca", "--for", "2026-Q3"]);
    let b = json(&[
        "--return",
        "fca",
        "--since",
        "2026-07-01",
        "--until",
        "2026-09-30",
    ]);
    assert_eq!(a["total"], b["total"]);
    assert_eq!(a["categories"], b["categories"]);
}

#[test]
fn opened_counts_agree_with_the_report_for_the_same_window() {
    let r = json(&[
        "--since",
        "2026-07-01",
        "--until",
        "2026-09-30",
        "--by",
        "category",
    ]);
    let ret = json(&["--return", "amf", "--for", "2026-Q3"]);
    assert_eq!(r["cases"], ret["total"]["opened"]);
    for b in r["breakdowns"]["category"].as_array().unwrap() {
        let key = b["key"].as_str().unwrap();
        assert_eq!(
            n(b, "cases"),
            n(row(&ret, "categories", key), "opened"),
            "{key}"
        );
    }
}

#[test]
fn every_format_prints_the_period_and_the_rules() {
    for format in ["markdown", "csv", "html", "table"] {
        let out = run(&["--return", "fca", "--for", "2026-Q3", "--format", format]);
        assert!(out.contains("2026-Q3"), "{format}");
        assert!(out.contains("partly-founded → partly upheld"), "{format}");
        assert!(out.contains("third business day"), "{format}");
        assert!(
            out.contains("current form"),
            "{format}: must say to verify the regulator's form"
        );
        assert!(!out.contains("Marie"), "{format} shows a customer name");
    }
    let amf = run(&["--return", "amf", "--for", "2026-Q3"]);
    assert!(amf.contains("By nature (category)"));
    assert!(
        !amf.contains("business days"),
        "the AMF return has no FCA timing columns"
    );
    let csv = run(&["--return", "fca", "--for", "2026-Q3", "--format", "csv"]);
    assert!(csv.contains("\ncategory,billing,later,1\n"), "{csv}");
}

#[test]
fn a_return_without_a_period_is_refused() {
    for args in [
        vec!["--return", "fca"],
        vec!["--return", "fca", "--since", "2026-07-01"],
        vec!["--return", "fca", "--for", "2026-Q5"],
        vec!["--for", "2026-Q3"],
    ] {
        let out = common::redress(&fixture())
            .args(["--ledger", fixture().to_str().unwrap(), "report"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("2026-Q3") || err.contains("--return"),
            "{args:?}: {err}"
        );
    }
}
