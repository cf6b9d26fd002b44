//! Amounts are bounded (12 digits before the point, 2 after) on every way in,
//! and money arithmetic never panics, whatever the files say.

mod common;
use common::*;
use std::path::Path;

const ID: &str = "20261102-k7q2";
const HUGE: &str = "50000000000000000000000000000";

/// Runs every reading command on the ledger and asserts none of them panics.
fn no_command_panics(dir: &Path) {
    let runs: &[&[&str]] = &[
        &["check"],
        &["list"],
        &["show", ID],
        &["show", ID, "--format", "json"],
        &["audit"],
        &["report"],
        &["report", "--format", "json"],
        &["export"],
        &["export", "--format", "jsonl"],
        &["policy", "explain", ID],
        &["policy", "check"],
    ];
    for args in runs {
        let out = redress(dir).args(*args).output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_huge_compensation_flag_is_refused_with_a_clear_error() {
    let dir = init();
    add_case(dir.path(), ID);
    let before = snapshot(dir.path());
    for _ in 0..2 {
        redress(dir.path())
            .args(["compensate", ID, "--remedy", "refund", "--amount", HUGE])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "at most 12 digits before the decimal point",
            ));
    }
    assert_eq!(before, snapshot(dir.path()));
    no_command_panics(dir.path());
}

#[test]
fn a_huge_harm_flag_is_refused() {
    let dir = init();
    redress(dir.path())
        .args([
            "new",
            "--kind",
            "claim",
            "--title",
            "T",
            "--customer",
            "M",
            "--channel",
            "email",
            "--category",
            "delivery",
            "--severity",
            "low",
            "--harm",
            "1000000000000",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--harm"))
        .stderr(predicates::str::contains("at most 12 digits"));
}

#[test]
fn the_largest_amount_is_accepted() {
    let dir = init();
    add_case(dir.path(), ID);
    redress(dir.path())
        .args([
            "compensate",
            ID,
            "--remedy",
            "refund",
            "--amount",
            "999999999999.99",
        ])
        .assert()
        .success();
}

#[test]
fn a_huge_amount_in_a_file_is_an_error_at_its_line() {
    let dir = init();
    let text = case_text(ID).replace("harm: 120.00", &format!("harm: {HUGE}"));
    let rel = case_path(ID);
    write(dir.path(), &rel, &text);
    let line = text.lines().position(|l| l.starts_with("harm:")).unwrap() + 1;
    redress(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicates::str::contains(format!("{rel}:{line}:7:")))
        .stdout(predicates::str::contains("at most 12 digits"));
    no_command_panics(dir.path());
}

#[test]
fn huge_totals_and_policy_fractions_never_panic() {
    let dir = init();
    // Many maximal amounts on one case, and a band far outside any real range.
    let mut text = case_text(ID).replace("harm: 120.00", "harm: 999999999999.99");
    for day in 10..20 {
        text.push_str(&format!(
            "  - at: 2026-11-{day}T10:00:00-05:00\n    by: alice\n    event: compensated\n    remedy: refund\n    amount: 999999999999.99\n"
        ));
    }
    text.push_str(
        "  - at: 2026-11-20T10:00:00-05:00\n    by: alice\n    event: resolved\n    outcome: founded\n",
    );
    write(dir.path(), &case_path(ID), &text);
    let policy = std::fs::read_to_string(dir.path().join("policies/compensation.toml")).unwrap();
    let policy = policy.replacen("max = 0.80", "max = 7000000000000000000000.0", 1);
    write(dir.path(), "policies/compensation.toml", &policy);
    no_command_panics(dir.path());
}
