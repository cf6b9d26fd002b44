//! The management review (`report --review PERIOD`) on the hand-made ledger
//! of tests/fixtures/returns (see tests/returns.rs for its cases) and its two
//! corrective actions: figures worked out by hand.

mod common;

use serde_json::{Value, json};
use std::path::PathBuf;

fn fixture() -> PathBuf {
    common::returns_fixture()
}

fn run(args: &[&str]) -> String {
    common::report_on_returns_fixture(args)
}

fn review() -> Value {
    serde_json::from_str(&run(&["--review", "2026-Q3", "--format", "json"])).unwrap()
}

#[test]
fn kpis_against_the_previous_period() {
    let v = review();
    assert_eq!(
        (v["period"].as_str(), v["previous_period"].as_str()),
        (Some("2026-Q3"), Some("2026-Q2"))
    );
    assert_eq!(v["kpis"]["cases"], 6);
    assert_eq!(v["kpis"]["open"], 1);
    assert_eq!(v["previous_kpis"]["cases"], 1);
    // The same figures as the report of each window.
    let q3: Value = serde_json::from_str(&run(&[
        "--since",
        "2026-07-01",
        "--until",
        "2026-09-30",
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(v["kpis"], q3["kpis"]);
    let delivery = v["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["category"] == "delivery")
        .unwrap();
    assert_eq!(
        (
            delivery["cases"].as_u64(),
            delivery["previous_cases"].as_u64()
        ),
        (Some(3), Some(1))
    );
    assert_eq!(delivery["vital_few"], true);
}

#[test]
fn repeat_customers_and_double_deviations() {
    let v = review();
    assert_eq!(
        v["repeat_customers"],
        json!([{"customer": "customer 1", "cases": ["20260716-aaaa", "20260904-eeee"]}])
    );
    let dd: Vec<(String, String)> = v["double_deviations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["case"].as_str().unwrap().to_string(),
                d["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        dd,
        [
            ("20260717-bbbb".to_string(), "reopened".to_string()),
            ("20260904-eeee".to_string(), "came-back".to_string())
        ]
    );
    let named: Value = serde_json::from_str(&run(&[
        "--review",
        "2026-Q3",
        "--format",
        "json",
        "--include-contacts",
    ]))
    .unwrap();
    assert_eq!(named["repeat_customers"][0]["customer"], "Marie Tremblay");
}

#[test]
fn actions_show_cases_before_and_after() {
    let v = review();
    let a = &v["actions"][0];
    assert_eq!(a["id"], "a-20260801-aaaa");
    assert_eq!(
        (
            a["status"].as_str(),
            a["date"].as_str(),
            a["window_days"].as_u64()
        ),
        (Some("closed"), Some("2026-08-15"), Some(90))
    );
    assert_eq!(
        a["categories"],
        json!([{"category": "delivery", "before": 3, "after": 1}])
    );
    let b = &v["actions"][1];
    assert_eq!(
        (b["status"].as_str(), b["window_days"].as_u64()),
        (Some("overdue"), Some(52))
    );
    assert_eq!(
        b["categories"],
        json!([{"category": "billing", "before": 0, "after": 0}]),
        "categories from its cases"
    );
}

/// Opening and closing tags balance: the page parses as the browser reads it.
fn balanced(html: &str, tag: &str) -> bool {
    let open =
        html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
    open > 0 && open == html.matches(&format!("</{tag}>")).count()
}

#[test]
fn html_page_parses_and_holds_every_section() {
    let html = run(&["--review", "2026-Q3", "--format", "html"]);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.trim_end().ends_with("</html>"));
    for tag in [
        "html", "head", "body", "main", "section", "table", "thead", "tbody", "tr", "h1", "h2",
        "style",
    ] {
        assert!(balanced(&html, tag), "<{tag}> does not balance");
    }
    for id in [
        "kpis",
        "causes",
        "repeat-customers",
        "double-deviations",
        "compensation",
        "findings",
        "open-findings",
        "actions",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "no section {id}");
    }
    assert!(html.contains("--accent"), "the report's styles are shared");
    assert!(!html.contains("<script"), "no scripts");
    assert!(
        !html.contains("Tremblay") && !html.contains("@example.com"),
        "contacts masked"
    );
    assert!(html.contains("Carrier leaves fragile parcels at the door"));
    assert!(html.contains("delivery: 3 → 1"));
    let md = run(&["--review", "2026-Q3"]);
    assert!(md.starts_with("# Management review — 2026-Q3"));
    assert!(md.contains("| Cases received | 6 | 1 | +5 |"), "{md}");
}

#[test]
fn bad_periods_are_refused() {
    for args in [
        vec!["--review", "2026-Q0"],
        vec!["--review", "2026-Q3", "--format", "csv"],
        vec!["--review", "2026-Q3", "--since", "2026-01-01"],
    ] {
        let out = common::redress(&fixture())
            .args(["--ledger", fixture().to_str().unwrap(), "report"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}
