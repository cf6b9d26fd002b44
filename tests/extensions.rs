//! `redress extend ID --to D --reason R`: the `extended` event, what it
//! does to the resolve deadline, and what the audit and `check` say of it.

mod common;

use common::{redress, write};
use predicates::str::contains;

/// An AMF ledger with one case received 2026-09-01 10:00 (EDT), acknowledged.
fn ledger() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    redress(dir.path())
        .args(["init", "--preset", "amf-quebec", "."])
        .assert()
        .success();
    write(
        dir.path(),
        "cases/2026/09/20260901-k7q2.yaml",
        "id: 20260901-k7q2\nkind: complaint\ntitle: Claim on a policy denied\nreceived: 2026-09-01T10:00:00-04:00\nchannel: letter\ncustomer:\n  name: Jane Doe\ncategory: billing\nseverity: medium\nhistory:\n  - at: 2026-09-01T11:00:00-04:00\n    by: alice\n    event: acknowledged\n",
    );
    dir
}

fn resolve_due(dir: &std::path::Path) -> String {
    let out = redress(dir)
        .args(["show", "k7q2", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["clock"] == "resolve")
        .map(|c| c["due"].as_str().unwrap_or_default().to_string())
        .unwrap()
}

#[test]
fn an_announced_extension_moves_the_deadline_to_90_days() {
    let dir = ledger();
    let p = dir.path();
    assert_eq!(resolve_due(p), "2026-10-31T10:00:00-04:00");
    redress(p)
        .args([
            "update",
            "k7q2",
            "We need more time, the expert's report is due in November",
            "--at",
            "2026-10-20 09:00",
        ])
        .assert()
        .success();
    redress(p)
        .args([
            "extend",
            "k7q2",
            "--to",
            "90d",
            "--reason",
            "Expert report awaited",
            "--at",
            "2026-10-20 09:05",
        ])
        .assert()
        .success()
        .stdout(contains("20260901-k7q2: extended (in-progress)"))
        .stderr(predicates::str::contains("warning").not());
    // 90 days of 24 hours from 10:00 EDT: the clocks went back on 1 November.
    assert_eq!(resolve_due(p), "2026-11-30T09:00:00-05:00");
    let text = std::fs::read_to_string(p.join("cases/2026/09/20260901-k7q2.yaml")).unwrap();
    assert!(
        text.ends_with("    event: extended\n    to: \"90d\"\n    reason: Expert report awaited\n"),
        "{text}"
    );
    redress(p).arg("check").assert().success();
    redress(p)
        .args([
            "audit",
            "--case",
            "k7q2",
            "--code",
            "extension-unannounced",
            "--code",
            "extension-beyond-policy",
            "--code",
            "resolve-late",
        ])
        .assert()
        .success()
        .stdout(contains("0 error(s)"));
}

#[test]
fn an_unannounced_extension_warns_at_once_and_leaves_the_deadline() {
    let dir = ledger();
    let p = dir.path();
    redress(p)
        .args([
            "extend",
            "k7q2",
            "--to",
            "90d",
            "--reason",
            "Expert report awaited",
            "--at",
            "2026-10-20 09:05",
        ])
        .assert()
        .success()
        .stderr(contains("extension-unannounced"));
    assert_eq!(resolve_due(p), "2026-10-31T10:00:00-04:00");
    redress(p)
        .args(["audit", "--case", "k7q2", "--format", "csv"])
        .assert()
        .code(1)
        .stdout(contains("extension-unannounced"))
        .stdout(contains("resolve-late"));
}

#[test]
fn strict_refuses_an_extension_beyond_the_policy() {
    let dir = ledger();
    let p = dir.path();
    let before = common::snapshot(p);
    redress(p)
        .args([
            "update",
            "k7q2",
            "More time needed",
            "--at",
            "2026-10-20 09:00",
        ])
        .assert()
        .success();
    let after_update = common::snapshot(p);
    redress(p)
        .args([
            "extend",
            "k7q2",
            "--to",
            "120d",
            "--reason",
            "Busy",
            "--at",
            "2026-10-20 09:05",
            "--strict",
        ])
        .assert()
        .code(2)
        .stderr(contains("extension-beyond-policy"));
    assert_eq!(common::snapshot(p), after_update);
    assert_ne!(before, after_update);
}

#[test]
fn a_bad_duration_or_a_resolved_case_is_refused_and_nothing_changes() {
    let dir = ledger();
    let p = dir.path();
    let before = common::snapshot(p);
    redress(p)
        .args(["extend", "k7q2", "--to", "90 days", "--reason", "x"])
        .assert()
        .code(2)
        .stderr(contains("--to 90 days"));
    redress(p)
        .args(["extend", "k7q2", "--to", "90d", "--reason", "  "])
        .assert()
        .code(2)
        .stderr(contains("--reason is empty"));
    assert_eq!(common::snapshot(p), before);
    redress(p)
        .args([
            "resolve",
            "k7q2",
            "--outcome",
            "unfounded",
            "--summary",
            "Withdrawn",
            "--at",
            "2026-10-01 10:00",
        ])
        .assert()
        .success();
    let resolved = common::snapshot(p);
    redress(p)
        .args(["extend", "k7q2", "--to", "90d", "--reason", "x"])
        .assert()
        .code(2)
        .stderr(contains("the case is resolved"));
    assert_eq!(common::snapshot(p), resolved);
}

#[test]
fn check_reports_a_bad_extension_in_a_file() {
    let dir = ledger();
    let p = dir.path();
    let path = p.join("cases/2026/09/20260901-k7q2.yaml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("  - at: 2026-10-20T09:05:00-04:00\n    by: alice\n    event: extended\n    to: ninety days\n");
    std::fs::write(&path, &text).unwrap();
    redress(p)
        .arg("check")
        .assert()
        .code(1)
        .stdout(contains("error[invalid-value]: `to`: invalid duration"))
        .stdout(contains(
            "error[missing-field]: a `extended` event needs `reason`",
        ));
    std::fs::write(&path, text.replace("event: extended", "event: extnded")).unwrap();
    redress(p)
        .arg("check")
        .assert()
        .code(1)
        .stdout(contains("did you mean `extended`?"));
}

use predicates::prelude::PredicateBooleanExt;
