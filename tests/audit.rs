//! The audit (issue 4): one fixture case per finding code, traps where a
//! finding must not appear, KPIs computed by hand, determinism. Exit codes,
//! filters, --as-of and invalid files are declarative cases in tests/cmd/audit/.

mod common;
use common::*;
use std::path::Path;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/audit");
const AS_OF: &str = "2026-11-30T12:00:00-05:00";

fn audit(args: &[&str]) -> assert_cmd::assert::Assert {
    redress(Path::new(FIXTURE))
        .args(["audit", "--as-of", AS_OF])
        .args(args)
        .assert()
}

/// Floats compared to the last bit would test serde_json's parser, not ours.
fn close(v: &serde_json::Value, expected: f64) {
    let got = v.as_f64().unwrap_or(f64::NAN);
    assert!((got - expected).abs() < 1e-12, "{got} != {expected}");
}

fn json() -> serde_json::Value {
    let out = audit(&["--format", "json"])
        .code(1)
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn every_code_appears_where_it_should_and_nowhere_else() {
    let v = json();
    let pairs: Vec<(String, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["case"].as_str().unwrap()[9..].to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [
        ("b001", "ack-late"),
        ("b003", "escalation-missing"), // overdue and never escalated
        ("b003", "resolve-late"),
        ("b004", "resolve-late"), // escalated after the breach: no escalation-missing
        ("b005", "update-overdue"),
        ("b006", "follow-up-missing"),
        ("b007", "closed-dissatisfied"),
        ("b008", "compensation-below-band"),
        ("b009", "compensation-above-band"),
        ("b013", "harm-missing"),
        ("b014", "authority-exceeded"),
        ("b015", "escalation-missing"), // activist never sent to legal
        ("b017", "reopened"),
        // Issue 11: b019 (a contact after the resolution starts no update
        // gap), b022 (a second acknowledgement), b023 (followed up after
        // closing), b024 (an apology above the apologiser's authority) have
        // no finding.
        ("b020", "follow-up-missing"), // resolved while paused: the pause ended
        ("b021", "escalation-missing"), // cycle 3 runs after a paused resolution
        ("b021", "reopened"),
        ("b021", "resolve-late"),
        ("b021", "update-overdue"),
        ("b025", "follow-up-missing"), // the second resolution's; no closed-dissatisfied
        ("b025", "reopened"),
        ("b026", "escalation-missing"), // escalated at the resolution's instant, written after
    ]
    .iter()
    .map(|(c, k)| (c.to_string(), k.to_string()))
    .collect();
    // Traps with no finding: b002 (on time thanks to a pause), b010/b011
    // (70 % and 80 %: the band is inclusive), b012 (unfounded, nothing owed),
    // b016 (activist escalated to legal in time), b018 (apology only, no harm).
    assert_eq!(pairs, expected);
    for f in v["findings"].as_array().unwrap() {
        let code = f["code"].as_str().unwrap();
        let severity = redress::audit::FindingCode::parse(code)
            .unwrap_or_else(|| panic!("unknown code {code}"))
            .severity()
            .as_str();
        assert_eq!(f["severity"], severity, "{code}");
        assert!(f["path"].as_str().unwrap().starts_with("cases/2026/11/"));
        assert!(!f["message"].as_str().unwrap().is_empty());
    }
}

#[test]
fn messages_say_what_happened_and_what_the_policy_allows() {
    let v = json();
    let find = |case: &str, code: &str| -> serde_json::Value {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["case"] == case && f["code"] == code)
            .unwrap()
            .clone()
    };
    let ack = find("20261102-b001", "ack-late");
    assert_eq!(
        ack["message"],
        "acknowledged 2 days after receipt; the policy allows 1 working day (rule: default)"
    );
    assert_eq!(ack["due"], "2026-11-03T09:00:00-05:00");
    let band = find("20261102-b008", "compensation-below-band");
    assert_eq!(
        band["message"],
        "60.00 CAD granted for a harm of 100.00 CAD; the band is 70%–80% of the harm, 70.00–80.00 CAD (rule: default)"
    );
    let auth = find("20261102-b014", "authority-exceeded");
    assert!(
        auth["message"]
            .as_str()
            .unwrap()
            .contains("alice (frontline) brought the case total to 150.00 CAD")
    );
}

#[test]
fn kpis_match_hand_computed_values() {
    let k = json()["kpis"].clone();
    assert_eq!(k["cases"], 26);
    // b021 (reopened) and b022 (acknowledged only).
    assert_eq!(k["open"], 2);
    // 26 acknowledge clocks, b001's breached.
    close(&k["acknowledged_on_time_rate"], 25.0 / 26.0);
    // 29 judged resolve clocks: b017 and b025 two cycles, b021 three, b022's
    // still running; b003, b004 and b021's third breached.
    close(&k["resolved_on_time_rate"], 26.0 / 29.0);
    // 22 cases followed up (not b006, b020, b021, b022); the latest is
    // unsatisfied in b007 and b025.
    close(&k["satisfaction_rate"], 20.0 / 22.0);
    // 25 cases resolved (all but b022).
    close(&k["follow_up_coverage"], 22.0 / 25.0);
    close(&k["reopen_rate"], 3.0 / 25.0);
    // Hours to acknowledge: 22 × 5 min, 2 × 10 min, 30 min, 48 h. Even count:
    // the mean of the 13th and 14th (both 5 min); p90 = the ⌈23.4⌉ = 24th = 10 min.
    close(&k["median_hours_to_acknowledge"], 5.0 / 60.0);
    close(&k["p90_hours_to_acknowledge"], 10.0 / 60.0);
    // Hours to resolve (first cycle): 19 × 25 h, 49, 49 (b020), 247, 385,
    // 385, 439: the 13th is 25 h, the ⌈22.5⌉ = 23rd 385 h.
    close(&k["median_hours_to_resolve"], 25.0);
    close(&k["p90_hours_to_resolve"], 385.0);
    // 60 + 85 + 70 + 80 + 20 + 150 + 60 (b024).
    assert_eq!(k["compensation_total"], "525.00");
    // Resolved, with harm and an amount: (60+85+70+80+150+60) / (4×100 + 200 + 80).
    close(&k["compensation_to_harm_ratio"], 505.0 / 680.0);
}

#[test]
fn rates_are_null_without_a_denominator() {
    let dir = init();
    let out = redress(dir.path())
        .args(["audit", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["cases"], 0);
    assert!(v["kpis"]["acknowledged_on_time_rate"].is_null());
    assert!(v["kpis"]["median_hours_to_resolve"].is_null());
    assert_eq!(v["kpis"]["compensation_total"], "0.00");
}

#[test]
fn output_is_byte_identical_across_runs() {
    for format in ["table", "json", "csv", "markdown"] {
        let a = audit(&["--format", format]).get_output().stdout.clone();
        let b = audit(&["--format", format]).get_output().stdout.clone();
        assert_eq!(a, b, "{format}");
        assert!(!a.is_empty());
    }
}

#[test]
fn table_fits_eighty_columns_and_markdown_snapshot() {
    // The table fits the width it is given (piped, it is one finding a line).
    let out = redress(Path::new(FIXTURE))
        .env("COLUMNS", "80")
        .args(["audit", "--as-of", AS_OF])
        .output()
        .unwrap()
        .stdout;
    let out = String::from_utf8(out).unwrap();
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    let md = audit(&["--format", "markdown"]).get_output().stdout.clone();
    insta::assert_snapshot!("audit_markdown", String::from_utf8(md).unwrap());
}
