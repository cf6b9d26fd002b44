//! Hostile case files are refused quickly with a position, and large
//! legitimate ones stay usable: every command is linear in a case's size.

mod common;
use common::*;
use std::path::Path;

const ID: &str = "20261102-k7q2";

fn case_head() -> String {
    case_text(ID).split("history:").next().unwrap().to_string()
}

fn check_output(dir: &Path) -> String {
    let out = redress(dir)
        .arg("check")
        .assert()
        .code(1)
        .get_output()
        .clone();
    String::from_utf8(out.stdout).unwrap()
}

/// The classic "billion laughs": nine levels of ten aliases each.
fn alias_bomb() -> String {
    let mut text = case_head() + "fields:\n  l0: &l0 \"lol\"\n";
    for level in 1..10 {
        let refs = vec![format!("*l{}", level - 1); 10].join(", ");
        text.push_str(&format!("  l{level}: &l{level} [{refs}]\n"));
    }
    text + "history:\n"
}

#[test]
fn an_alias_bomb_is_refused_at_its_first_anchor() {
    let dir = init();
    let text = alias_bomb();
    write(dir.path(), &case_path(ID), &text);
    let line = text.lines().position(|l| l.starts_with("  l0:")).unwrap() + 1;
    let out = check_output(dir.path());
    assert!(
        out.contains(&format!("{}:{line}:7: error[yaml-anchor]", case_path(ID))),
        "{out}"
    );
    for args in [&["show", ID][..], &["note", ID, "x"], &["audit"]] {
        let out = redress(dir.path()).args(args).output().unwrap();
        assert_ne!(out.status.code(), Some(0), "{args:?}");
        assert_ne!(out.status.code(), Some(101), "{args:?} panicked");
    }
}

#[test]
fn an_alias_inside_the_history_is_refused() {
    let dir = init();
    let text = case_text(ID) + "  - *first\n";
    write(dir.path(), &case_path(ID), &text);
    let line = text.lines().count();
    let out = check_output(dir.path());
    assert!(
        out.contains(&format!("{}:{line}:5: error[yaml-anchor]", case_path(ID))),
        "{out}"
    );
}

#[test]
fn ampersands_and_stars_in_text_are_accepted() {
    let dir = init();
    let text = case_text(ID).replace("title: Parcel late, lamp broken", "title: R&D 5 * 3")
        + "  - at: 2026-11-02T12:00:00-05:00\n    by: alice\n    event: noted\n    note: |\n      *bold* & more\n      & co\n";
    write(dir.path(), &case_path(ID), &text);
    redress(dir.path()).arg("check").assert().success();
    redress(dir.path())
        .args(["note", ID, "&anchor-like *alias-like"])
        .assert()
        .success();
    redress(dir.path()).arg("check").assert().success();
}

#[test]
fn deep_nesting_is_refused_quickly_with_a_position() {
    for nested in [
        format!("{}{}", "[".repeat(200_000), "]".repeat(200_000)),
        format!("{}x", "- ".repeat(200_000)),
    ] {
        let dir = init();
        let text = case_head().replace("history:", "") + "tags: " + &nested + "\nhistory:\n";
        write(dir.path(), &case_path(ID), &text);
        let line = text.lines().position(|l| l.starts_with("tags:")).unwrap() + 1;
        let out = check_output(dir.path());
        assert!(
            out.contains(&format!("{}:{line}:", case_path(ID))) && out.contains("error[too-deep]"),
            "{out}"
        );
    }
}

#[test]
fn an_oversized_case_file_is_refused_where_the_limit_is_passed() {
    let dir = init();
    let mut text = case_text(ID);
    let event =
        "  - at: 2026-11-02T12:00:00-05:00\n    by: alice\n    event: noted\n    note: padding\n";
    while text.len() <= redress::case::yaml_guard::MAX_CASE_BYTES {
        text.push_str(event);
    }
    write(dir.path(), &case_path(ID), &text);
    let out = check_output(dir.path());
    assert!(out.contains("error[too-large]"), "{out}");
    assert!(!out.contains(":1:1:"), "{out}");
}

/// A long but legitimate history: `check`, `note`, `show` and `audit` all
/// finish (the sequence check used to be quadratic: 11 s for 20,000 events
/// in a debug build). Timing figures for 100,000 events are in the README.
#[test]
fn a_case_with_many_events_stays_usable() {
    const EVENTS: usize = 10_000;
    let dir = init();
    let mut text = case_text(ID);
    for i in 0..EVENTS {
        let (h, m, s) = (12 + i / 3600, (i / 60) % 60, i % 60);
        text.push_str(&format!(
            "  - at: 2026-11-02T{h:02}:{m:02}:{s:02}-05:00\n    by: alice\n    event: noted\n    note: n{i}\n"
        ));
    }
    write(dir.path(), &case_path(ID), &text);
    redress(dir.path()).arg("check").assert().success();
    redress(dir.path())
        .args(["note", ID, "one more"])
        .assert()
        .success();
    let after = std::fs::read_to_string(dir.path().join(case_path(ID))).unwrap();
    let case = redress::case::parse(&after, "x.yaml").unwrap();
    assert_eq!(case.history.len(), EVENTS + 2);
    redress(dir.path()).args(["show", ID]).assert().success();
}
