//! Immediate feedback (issue 13, item 8): a verb that breaks a policy says
//! so at once on stderr, in the audit's words, and still records the event
//! (exit 0); with `--strict` it refuses and writes nothing (exit 2).

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-11-23T10:00:00-05:00";

fn redress(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("redress").unwrap();
    c.current_dir(dir)
        .env_clear()
        .env("REDRESS_NOW", NOW)
        .env("REDRESS_USER", "alice")
        .env("NO_COLOR", "1");
    c
}

/// A fresh ledger with one claim (harm 120.00 CAD) received at 08:00.
fn ledger() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    redress(dir.path()).args(["init", "l"]).assert().success();
    let root = dir.path().join("l");
    let out = redress(&root)
        .args([
            "new",
            "--kind",
            "claim",
            "--title",
            "Lamp",
            "--customer",
            "Test Person",
            "--channel",
            "email",
            "--category",
            "delivery",
            "--severity",
            "medium",
            "--harm",
            "120",
            "--description",
            "x",
            "--received",
            "2026-11-23 08:00",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    (dir, root, id)
}

fn case_file(root: &Path, id: &str) -> PathBuf {
    root.join(format!("cases/2026/11/{id}.yaml"))
}

#[test]
fn a_grant_above_the_authority_is_recorded_with_the_audits_words() {
    let (_dir, root, id) = ledger();
    redress(&root)
        .args(["compensate", &id, "--remedy", "refund", "--amount", "60", "--at", "09:30"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "warning: {id} authority-exceeded: alice (frontline) brought the case total to 60.00 CAD"
        )));
    let text = std::fs::read_to_string(case_file(&root, &id)).unwrap();
    assert!(text.contains("amount: 60"), "{text}");
}

#[test]
fn strict_refuses_a_founded_resolution_below_the_band_and_writes_nothing() {
    let (_dir, root, id) = ledger();
    redress(&root)
        .args([
            "compensate",
            &id,
            "--remedy",
            "refund",
            "--amount",
            "40",
            "--at",
            "09:30",
        ])
        .assert()
        .success();
    let before = std::fs::read(case_file(&root, &id)).unwrap();
    let resolve = [
        "resolve",
        &id,
        "--outcome",
        "founded",
        "--summary",
        "ok",
        "--at",
        "09:40",
    ];
    redress(&root)
        .args(resolve)
        .arg("--strict")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing was written (--strict)"))
        .stderr(predicate::str::contains("compensation-below-band"));
    assert_eq!(before, std::fs::read(case_file(&root, &id)).unwrap());
    // Without --strict: recorded, with the same words as a warning.
    redress(&root)
        .args(resolve)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "warning: {id} compensation-below-band: 40.00 CAD granted for a harm of 120.00 CAD"
        )));
}

#[test]
fn a_grant_within_every_rule_says_nothing() {
    let (_dir, root, id) = ledger();
    redress(&root)
        .args([
            "compensate",
            &id,
            "--remedy",
            "refund",
            "--amount",
            "45",
            "--at",
            "09:30",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning").not());
}

#[test]
fn closing_with_a_follow_up_due_warns_and_strict_refuses() {
    let (_dir, root, id) = ledger();
    for args in [
        vec![
            "compensate",
            &id,
            "--remedy",
            "refund",
            "--amount",
            "45",
            "--at",
            "09:30",
        ],
        vec![
            "compensate",
            &id,
            "--remedy",
            "credit",
            "--amount",
            "45",
            "--at",
            "09:31",
            "--by",
            "bob",
        ],
        vec![
            "resolve",
            &id,
            "--outcome",
            "founded",
            "--summary",
            "ok",
            "--at",
            "09:40",
            "--by",
            "bob",
        ],
    ] {
        redress(&root).args(&args).assert().success();
    }
    let before = std::fs::read(case_file(&root, &id)).unwrap();
    redress(&root)
        .args(["close", &id, "--at", "09:50", "--strict"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("follow-up is still due"));
    assert_eq!(before, std::fs::read(case_file(&root, &id)).unwrap());
    redress(&root)
        .args(["close", &id, "--at", "09:50"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "warning: {id} is closed but its follow-up is still due"
        )));
}
