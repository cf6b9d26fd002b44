//! Times as people type them (--at, --received): local times in the ledger's
//! zone, relative forms, whole seconds, the future refused, REDRESS_NOW named.

mod common;
use common::*;
use predicates::prelude::*;
use std::fs;

const ID: &str = "20261120-k7q2";

fn ledger_with_case() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = init();
    let rel = add_case(dir.path(), ID);
    let path = dir.path().join(rel);
    (dir, path)
}

/// The `at:` of the case's last event after `note --at TYPED`.
fn noted_at(typed: &str) -> String {
    let (dir, path) = ledger_with_case();
    redress(dir.path())
        .args(["note", "k7q2", "called", "--at", typed])
        .assert()
        .success();
    let text = fs::read_to_string(path).unwrap();
    let last = text.lines().rfind(|l| l.contains("- at: "));
    last.unwrap()
        .trim()
        .trim_start_matches("- at: ")
        .to_string()
}

#[test]
fn times_without_an_offset_are_read_in_the_ledger_zone() {
    // NOW is 2026-11-22T12:00:00-05:00, the ledger's zone America/Toronto.
    for (typed, stored) in [
        ("2026-11-21 10:00", "2026-11-21T10:00:00-05:00"),
        ("2026-11-21T10:00", "2026-11-21T10:00:00-05:00"),
        ("today 09:30", "2026-11-22T09:30:00-05:00"),
        ("yesterday 09:00", "2026-11-21T09:00:00-05:00"),
        ("11:15", "2026-11-22T11:15:00-05:00"),
        ("2h ago", "2026-11-22T10:00:00-05:00"),
        ("1d ago", "2026-11-21T12:00:00-05:00"),
        (
            "2026-11-21T10:00:00.123456789-05:00",
            "2026-11-21T10:00:00-05:00",
        ),
    ] {
        assert_eq!(noted_at(typed), stored, "{typed}");
    }
}

#[test]
fn the_default_time_is_whole_seconds() {
    let (dir, path) = ledger_with_case();
    redress(dir.path())
        .env_remove("REDRESS_NOW")
        .args(["note", "k7q2", "called"])
        .assert()
        .success();
    let text = fs::read_to_string(path).unwrap();
    let last = text.lines().rfind(|l| l.contains("- at: ")).unwrap();
    assert!(!last.contains('.'), "fractions written: {last}");
}

#[test]
fn a_time_in_the_future_is_refused_unless_asked_for() {
    let (dir, _) = ledger_with_case();
    let before = snapshot(dir.path());
    redress(dir.path())
        .args(["note", "k7q2", "x", "--at", "2062-11-21 10:00"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--at \"2062-11-21 10:00\" reads as 2062-11-21T10:00:00-05:00",
        ))
        .stderr(predicate::str::contains("pass --future"));
    assert_eq!(before, snapshot(dir.path()), "a refused --at changed files");
    redress(dir.path())
        .args(["new", "--title", "x", "--received", "2026-11-22 12:05"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--received"));
    assert_eq!(
        before,
        snapshot(dir.path()),
        "a refused --received changed files"
    );
    // Within a minute of now is not the future; --future lets it through.
    assert_eq!(noted_at("2026-11-22 12:01"), "2026-11-22T12:01:00-05:00");
    redress(dir.path())
        .args(["note", "k7q2", "x", "--at", "2026-12-01 10:00", "--future"])
        .assert()
        .success();
}

#[test]
fn writers_name_an_exported_redress_now() {
    let (dir, _) = ledger_with_case();
    redress(dir.path())
        .args(["note", "k7q2", "called"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "note: REDRESS_NOW=2026-11-22T12:00:00-05:00 is set; times are relative to it",
        ));
    redress(dir.path())
        .args(["list"])
        .assert()
        .success()
        .stderr(predicate::str::contains("REDRESS_NOW").not());
}

#[test]
fn a_bad_time_says_what_can_be_typed() {
    let (dir, _) = ledger_with_case();
    redress(dir.path())
        .args(["note", "k7q2", "x", "--at", "tomorrow 10:00"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("yesterday 09:00"));
}
