//! Issue 11: the lifecycle rules around the clocks, every finding's `at`,
//! the audit of a window, and what the verbs refuse or accept.

mod common;
use common::*;
use predicates::prelude::*;
use std::path::Path;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/audit");
const AS_OF: &str = "2026-11-30T12:00:00-05:00";

fn audit_json(args: &[&str]) -> serde_json::Value {
    let out = redress(Path::new(FIXTURE))
        .args(["audit", "--as-of", AS_OF, "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

fn at_of(v: &serde_json::Value, case: &str, code: &str) -> String {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["case"].as_str().unwrap().ends_with(case) && f["code"] == code)
        .unwrap_or_else(|| panic!("no {code} on {case}"))["at"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn every_finding_says_when_it_happened() {
    let v = audit_json(&[]);
    for (case, code, at) in [
        // Deadlines: the due time.
        ("b001", "ack-late", "2026-11-03T09:00:00-05:00"),
        ("b003", "resolve-late", "2026-11-16T09:00:00-05:00"),
        ("b005", "update-overdue", "2026-11-09T09:05:00-05:00"),
        // An overdue route: the breach; a fixed route: the first resolution.
        ("b003", "escalation-missing", "2026-11-16T09:00:00-05:00"),
        ("b015", "escalation-missing", "2026-11-03T10:00:00-05:00"),
        // The closing.
        ("b007", "closed-dissatisfied", "2026-11-04T11:00:00-05:00"),
        // Compensation: the event that broke the rule.
        (
            "b008",
            "compensation-below-band",
            "2026-11-03T10:00:00-05:00",
        ),
        ("b014", "authority-exceeded", "2026-11-03T09:00:00-05:00"),
        // The grant that went over the band, though resolved an hour later.
        (
            "b009",
            "compensation-above-band",
            "2026-11-03T09:00:00-05:00",
        ),
        // The latest reopening.
        ("b021", "reopened", "2026-11-09T10:00:00-05:00"),
    ] {
        assert_eq!(at_of(&v, case, code), at, "{case} {code}");
    }
    for f in v["findings"].as_array().unwrap() {
        if !f["due"].is_null() {
            assert_eq!(f["at"], f["due"], "{f}");
        }
    }
}

#[test]
fn at_is_in_csv_and_markdown() {
    let out = redress(Path::new(FIXTURE))
        .args([
            "audit", "--as-of", AS_OF, "--format", "csv", "--case", "b014",
        ])
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("case,code,severity,due,path,message,at\n"),
        "{csv}"
    );
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .ends_with(",2026-11-03T09:00:00-05:00"),
        "{csv}"
    );
    let out = redress(Path::new(FIXTURE))
        .args(["audit", "--as-of", AS_OF, "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("| Case | Finding | At | Due | Details |"),
        "{md}"
    );
}

#[test]
fn a_window_reports_and_fails_on_what_happened_in_it() {
    // Nov 16 (a Monday) to the end of Nov 16: b003's and b004's resolve
    // deadlines, b003's overdue route, b025's follow-up.
    let v = audit_json(&["--since", "2026-11-16", "--until", "2026-11-16"]);
    let got: Vec<(String, String)> = v["findings"]
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
    let want: Vec<(String, String)> = [
        ("b003", "escalation-missing"),
        ("b003", "resolve-late"),
        ("b004", "resolve-late"),
        ("b021", "update-overdue"),
        ("b025", "follow-up-missing"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want);
    assert_eq!(v["since"], "2026-11-16T00:00:00-05:00");
    assert_eq!(v["until"], "2026-11-17T00:00:00-05:00");
    // KPIs cover the cases received in the window, as `report` does: none.
    assert_eq!(v["cases"], 0);

    // The last 24 hours before Nov 30 noon: nothing happened, exit 0.
    redress(Path::new(FIXTURE))
        .args(["audit", "--as-of", AS_OF, "--since", "24h"])
        .assert()
        .success()
        .stdout(predicate::str::contains("0 error(s), 0 warning(s), 0 info"));
    // A week back is empty; eight days reach b021's third cycle (due Nov 23
    // 10:00): an error and its route, exit 1.
    let v = audit_json(&["--since", "7d"]);
    assert_eq!(v["since"], "2026-11-23T12:00:00-05:00");
    assert!(v["findings"].as_array().unwrap().is_empty());
    let v = audit_json(&["--since", "8d"]);
    assert_eq!(v["findings"].as_array().unwrap().len(), 2, "{v}");
    redress(Path::new(FIXTURE))
        .args(["audit", "--as-of", AS_OF, "--since", "8d"])
        .assert()
        .code(1);
    redress(Path::new(FIXTURE))
        .args(["audit", "--as-of", AS_OF, "--since", "last week"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("reading --since"))
        .stderr(predicate::str::contains("24h, 7d, 2w"));
}

#[test]
fn audit_and_report_agree_on_a_window() {
    // A day, and a span back from --as-of (4 weeks: from Nov 2 at noon).
    for window in [
        ["--since", "2026-11-02", "--until", "2026-11-02"],
        ["--since", "4w", "--until", "2026-11-30"],
    ] {
        let a = audit_json(&window);
        assert!(a["cases"].as_u64().unwrap() > 0, "{a}");
        let out = redress(Path::new(FIXTURE))
            .args(["report", "--as-of", AS_OF, "--format", "json"])
            .args(window)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rk = &r["kpis"];
        assert!(rk.is_object(), "{r}");
        for (k, v) in a["kpis"].as_object().unwrap() {
            assert_eq!(&rk[k], v, "{window:?} {k}");
        }
    }
}

fn explain(case: &str) -> serde_json::Value {
    let out = redress(Path::new(FIXTURE))
        .args([
            "--now", AS_OF, "policy", "explain", case, "--format", "json",
        ])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_second_acknowledgement_changes_nothing() {
    assert_eq!(explain("b022")["status"], "acknowledged");
}

#[test]
fn a_resolution_ends_an_unresumed_pause() {
    let v = explain("b020");
    let follow_up = v["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["clock"] == "follow_up")
        .unwrap()
        .clone();
    assert_eq!(follow_up["started"], "2026-11-04T10:00:00-05:00");
    assert_eq!(follow_up["due"], "2026-11-13T10:00:00-05:00");
    assert_eq!(follow_up["state"], "breached");
    // No clock of the case is left paused.
    assert!(
        v["clocks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["state"] != "paused" && !c["due"].is_null()),
        "{v}"
    );
}

/// A ledger with one case received Mon Nov 16 09:14, acknowledged 11:02.
fn ledger_with_case() -> tempfile::TempDir {
    let dir = init();
    add_case(dir.path(), "20261116-k7q2");
    dir
}

fn verb(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    redress(dir).args(args).assert()
}

#[test]
fn a_second_ack_is_refused() {
    let dir = ledger_with_case();
    let before = snapshot(dir.path());
    verb(
        dir.path(),
        &["ack", "k7q2", "--at", "2026-11-16T12:00:00-05:00"],
    )
    .code(2)
    .stderr(predicate::str::contains(
        "already acknowledged at 2026-11-16T11:02:00-05:00",
    ));
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn resolving_a_paused_case_is_accepted_and_ends_the_pause() {
    let dir = ledger_with_case();
    verb(
        dir.path(),
        &[
            "pause",
            "k7q2",
            "--reason",
            "photos",
            "--at",
            "2026-11-17T10:00:00-05:00",
        ],
    )
    .success();
    verb(
        dir.path(),
        &[
            "resolve",
            "k7q2",
            "--outcome",
            "unfounded",
            "--summary",
            "No fault found.",
            "--at",
            "2026-11-18T10:00:00-05:00",
        ],
    )
    .success();
    verb(dir.path(), &["resume", "k7q2"])
        .code(2)
        .stderr(predicate::str::contains("not paused"));
    redress(dir.path()).arg("check").assert().success();
    // The follow-up clock runs from the resolution: 7 working days.
    let out = redress(dir.path())
        .args(["policy", "explain", "k7q2", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fu = v["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["clock"] == "follow_up")
        .unwrap()
        .clone();
    assert_eq!(fu["due"], "2026-11-27T10:00:00-05:00", "{v}");
    assert_eq!(fu["state"], "running");
}

#[test]
fn a_follow_up_after_closing_is_accepted_and_close_warns() {
    let dir = ledger_with_case();
    verb(
        dir.path(),
        &[
            "resolve",
            "k7q2",
            "--outcome",
            "founded",
            "--summary",
            "Refund.",
            "--at",
            "2026-11-17T10:00:00-05:00",
        ],
    )
    .success();
    verb(
        dir.path(),
        &["close", "k7q2", "--at", "2026-11-17T11:00:00-05:00"],
    )
    .success()
    .stderr(predicate::str::contains(
        "its follow-up is still due (2026-11-26 10:00)",
    ));
    verb(
        dir.path(),
        &[
            "follow-up",
            "k7q2",
            "--satisfied",
            "yes",
            "--at",
            "2026-11-18T10:00:00-05:00",
        ],
    )
    .success()
    .stdout(predicate::str::contains("followed-up (closed)"));
    redress(dir.path()).arg("check").assert().success();
    // Closing after the follow-up: no warning.
    let dir = ledger_with_case();
    verb(
        dir.path(),
        &[
            "resolve",
            "k7q2",
            "--outcome",
            "founded",
            "--summary",
            "Refund.",
            "--at",
            "2026-11-17T10:00:00-05:00",
        ],
    )
    .success();
    verb(
        dir.path(),
        &[
            "follow-up",
            "k7q2",
            "--satisfied",
            "yes",
            "--at",
            "2026-11-18T10:00:00-05:00",
        ],
    )
    .success();
    verb(
        dir.path(),
        &["close", "k7q2", "--at", "2026-11-18T11:00:00-05:00"],
    )
    .success()
    // Only the note that REDRESS_NOW sets the clock; no warning.
    .stderr(predicate::str::contains("warning").not());
}

#[test]
fn a_clock_stopped_before_an_unresumed_pause_shows_its_real_due_time() {
    let dir = ledger_with_case();
    verb(
        dir.path(),
        &[
            "pause",
            "k7q2",
            "--reason",
            "photos",
            "--at",
            "2026-11-16T15:00:00-05:00",
        ],
    )
    .success();
    // A stopped clock keeps the due time it had: a pause that begins after
    // its stop does not move it (not even an open one), in JSON as in text.
    let out = redress(dir.path())
        .args(["policy", "explain", "k7q2", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ack = &v["clocks"][0];
    assert_eq!(ack["clock"], "acknowledge");
    assert_eq!(ack["due"], "2026-11-17T09:14:00-05:00", "{v}");
    assert_eq!(ack["state"], "met");
    // People see the due time it had when it stopped, not "— (paused)".
    for args in [["show", "k7q2"], ["policy", "explain"]] {
        let mut args = args.to_vec();
        if args[0] == "policy" {
            args.push("k7q2");
        }
        let out = redress(dir.path()).args(&args).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with("acknowledge"))
            .unwrap_or_default();
        assert!(line.contains("due 2026-11-17 09:14"), "{args:?}: {text}");
    }
}
