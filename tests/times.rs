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

fn at_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| l.contains("- at: "))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_late_entry_is_inserted_in_time_order_as_pure_additions() {
    let (dir, path) = ledger_with_case();
    let note = |at: &str, text: &str| {
        redress(dir.path())
            .args(["note", "k7q2", text, "--at", at])
            .assert()
            .success()
    };
    note("2026-11-21 11:00", "colleague's note");
    let before = fs::read_to_string(&path).unwrap();
    // Logged after the colleague's note, but it happened earlier; a tie at
    // 11:00 goes after the existing event at that instant.
    note("2026-11-21 10:00", "the call").stdout(predicate::str::contains(
        "noted (acknowledged), inserted before the noted of 2026-11-21 11:00",
    ));
    let after = fs::read_to_string(&path).unwrap();
    let block =
        "  - at: 2026-11-21T10:00:00-05:00\n    by: alice\n    event: noted\n    note: the call\n";
    let at = after.find(block).expect("the inserted block");
    assert_eq!(
        format!("{}{}", &after[..at], &after[at + block.len()..]),
        before
    );
    let ats = at_lines(&after);
    let mut sorted = ats.clone();
    sorted.sort();
    assert_eq!(ats, sorted, "history out of order");
    note("2026-11-21 11:00", "same instant");
    let last = fs::read_to_string(&path).unwrap();
    assert!(last.ends_with("note: same instant\n"), "{last}");
}

#[test]
fn an_insertion_that_breaks_the_sequence_is_refused() {
    let (dir, _) = ledger_with_case();
    redress(dir.path())
        .args([
            "pause",
            "k7q2",
            "--reason",
            "customer",
            "--at",
            "2026-11-21 12:00",
        ])
        .assert()
        .success();
    let before = snapshot(dir.path());
    redress(dir.path())
        .args(["pause", "k7q2", "--reason", "carrier", "--at", "2026-11-21 10:00"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "cannot insert `paused` at 2026-11-21T10:00:00-05:00 on 20261120-k7q2: the later `paused` of 2026-11-21T12:00:00-05:00",
        ));
    assert_eq!(
        before,
        snapshot(dir.path()),
        "a refused insertion changed files"
    );
}

#[test]
fn check_warns_about_events_in_the_future() {
    let (dir, _) = ledger_with_case();
    redress(dir.path())
        .args([
            "note",
            "k7q2",
            "planned",
            "--at",
            "2026-12-01 10:00",
            "--future",
        ])
        .assert()
        .success();
    // A warning, not a problem: the file is valid and the exit code is 0.
    redress(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: "))
        .stderr(predicate::str::contains(
            "warning: cases/2026/11/20261120-k7q2.yaml: `noted` at 2026-12-01T10:00:00-05:00 is after now",
        ));
    redress(dir.path())
        .args(["check", "--now", "2026-12-02T00:00:00-05:00"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning").not());
}
