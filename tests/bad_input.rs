//! Every kind of bad input gets a clear error naming the file, line and
//! column, a non-zero exit, and leaves every file as it was.

mod common;
use common::*;
use predicates::prelude::*;

/// Runs `check` on a ledger holding `text` as a case file and returns stdout,
/// after asserting exit 1 and that no file changed.
fn check_fails_on(text: &str) -> String {
    let dir = init();
    let rel = case_path("20261102-k7q2");
    write(dir.path(), &rel, text);
    let before = snapshot(dir.path());
    let out = redress(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_eq!(before, snapshot(dir.path()), "check changed a file");
    String::from_utf8(out).unwrap()
}

#[test]
fn malformed_yaml_names_file_and_line() {
    let text = case_text("20261102-k7q2").replace("kind: claim", "kind: claim: oops");
    let out = check_fails_on(&text);
    assert!(out.contains("cases/2026/11/20261102-k7q2.yaml:"), "{out}");
    assert!(out.contains("error[yaml-syntax]"), "{out}");
}

#[test]
fn unknown_key_suggests_the_right_one() {
    let text = case_text("20261102-k7q2").replace("severity: medium", "severty: medium");
    let out = check_fails_on(&text);
    assert!(
        out.contains("cases/2026/11/20261102-k7q2.yaml:11:1: error[unknown-field]"),
        "{out}"
    );
    assert!(out.contains("did you mean `severity`?"), "{out}");
}

#[test]
fn unknown_event_key_is_reported() {
    let text = case_text("20261102-k7q2") + "    remdy: refund\n";
    let out = check_fails_on(&text);
    assert!(
        out.contains("error[unknown-field]") && out.contains("did you mean `remedy`?"),
        "{out}"
    );
}

#[test]
fn wrong_type_is_an_invalid_value() {
    let text = case_text("20261102-k7q2").replace("severity: medium", "severity: urgent");
    let out = check_fails_on(&text);
    assert!(
        out.contains(":11:")
            && out.contains("error[invalid-value]")
            && out.contains("unknown severity `urgent`"),
        "{out}"
    );
}

#[test]
fn bad_date_is_reported() {
    let text = case_text("20261102-k7q2").replace("2026-11-02T09:14:00-05:00", "2026-13-02T09:14");
    let out = check_fails_on(&text);
    assert!(
        out.contains(":4:") && out.contains("invalid time `2026-13-02T09:14`"),
        "{out}"
    );
}

#[test]
fn bad_amount_is_reported() {
    let text = case_text("20261102-k7q2").replace("harm: 120.00", "harm: 12,50");
    let out = check_fails_on(&text);
    assert!(
        out.contains(":12:") && out.contains("invalid amount `12,50`"),
        "{out}"
    );
}

#[test]
fn missing_required_field_is_reported() {
    let text = case_text("20261102-k7q2").replace("title: Parcel late, lamp broken\n", "");
    let out = check_fails_on(&text);
    assert!(
        out.contains("error[missing-field]") && out.contains("missing field `title`"),
        "{out}"
    );
}

#[test]
fn id_and_file_name_must_agree() {
    let dir = init();
    write(
        dir.path(),
        "cases/2026/11/20261102-zzzz.yaml",
        &case_text("20261102-k7q2"),
    );
    let before = snapshot(dir.path());
    redress(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("cases/2026/11/20261102-zzzz.yaml:1:1: error[id-mismatch]: the file is named `20261102-zzzz.yaml` but holds case `20261102-k7q2`"));
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn wrong_folder_is_reported_with_the_right_one() {
    let dir = init();
    write(
        dir.path(),
        "cases/2026/10/20261102-k7q2.yaml",
        &case_text("20261102-k7q2"),
    );
    redress(dir.path()).arg("check").assert().code(1).stdout(
        predicate::str::contains("error[id-mismatch]").and(predicate::str::contains(
            "move it to cases/2026/11/20261102-k7q2.yaml",
        )),
    );
}

#[test]
fn duplicate_ids_are_reported_on_both_files() {
    let dir = init();
    add_case(dir.path(), "20261102-k7q2");
    // The same case copied to a second file, as a bad merge would leave it.
    write(
        dir.path(),
        "cases/2026/11/copy/20261102-k7q2.yaml",
        &case_text("20261102-k7q2"),
    );
    let out = redress(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.matches("error[duplicate-id]").count(), 2, "{out}");
}

#[test]
fn events_out_of_order_are_reported() {
    let text = case_text("20261102-k7q2")
        + "  - at: 2026-11-02T10:00:00-05:00\n    by: alice\n    event: noted\n    note: earlier than the ack\n";
    let out = check_fails_on(&text);
    assert!(out.contains(":19:5: error[history-order]"), "{out}");
    let text = case_text("20261102-k7q2")
        .replace("2026-11-02T11:02:00-05:00", "2026-11-01T11:02:00-05:00");
    let out = check_fails_on(&text);
    assert!(out.contains("before the case was received"), "{out}");
}

#[test]
fn impossible_sequences_are_reported() {
    let text = case_text("20261102-k7q2")
        + "  - at: 2026-11-03T10:00:00-05:00\n    by: alice\n    event: followed-up\n    satisfied: true\n";
    let out = check_fails_on(&text);
    assert!(
        out.contains("error[event-sequence]") && out.contains("needs a `resolved` first"),
        "{out}"
    );
}

#[test]
fn conflict_markers_are_reported() {
    let text = case_text("20261102-k7q2").replace(
        "severity: medium\n",
        "<<<<<<< ours\nseverity: medium\n=======\nseverity: high\n>>>>>>> theirs\n",
    );
    let out = check_fails_on(&text);
    assert!(out.contains(":11:1: error[conflict-marker]"), "{out}");
}

#[test]
fn unknown_category_and_member_are_reported() {
    let text = case_text("20261102-k7q2")
        .replace("category: delivery", "category: delivry")
        .replace("by: alice", "by: alcie");
    let out = check_fails_on(&text);
    assert!(
        out.contains("error[unknown-category]") && out.contains("did you mean `delivery`?"),
        "{out}"
    );
    assert!(
        out.contains("error[unknown-member]") && out.contains("did you mean `alice`?"),
        "{out}"
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let dir = init();
    let rel = case_path("20261102-k7q2");
    write(
        dir.path(),
        &rel,
        &case_text("20261102-k7q2").replace("severity: medium", "severty: medium"),
    );
    write(dir.path(), &case_path("20261103-m2xk"), "id: [broken\n");
    add_case(dir.path(), "20261104-x3pe");
    let out = redress(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("20261102-k7q2.yaml") && out.contains("20261103-m2xk.yaml"),
        "{out}"
    );
    assert!(
        out.contains("2 problem(s) in 2 file(s); 1 of 3 case files are valid"),
        "{out}"
    );
}

#[test]
fn a_file_that_is_not_text_is_reported_at_the_bad_byte() {
    // Unlike permissions, this holds when the tests run as root (as in CI).
    let dir = init();
    write(
        dir.path(),
        &case_path("20261102-k7q2"),
        "id: 20261102-k7q2\n",
    );
    std::fs::write(
        dir.path().join(case_path("20261102-k7q2")),
        b"id: \xff\xfe broken\n",
    )
    .unwrap();
    let before = snapshot(dir.path());
    redress(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "cases/2026/11/20261102-k7q2.yaml:1:5: error[not-utf8]: the file is not UTF-8 text: byte 0xFF",
        ));
    assert_eq!(before, snapshot(dir.path()));
}

#[cfg(unix)]
#[test]
fn a_cases_symlink_outside_the_ledger_is_refused() {
    let dir = init();
    let outside = tempfile::tempdir().unwrap();
    add_case(outside.path(), "20261102-k7q2");
    std::fs::remove_dir(dir.path().join("cases")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("cases"), dir.path().join("cases")).unwrap();
    let before = snapshot(outside.path());
    redress(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[outside-ledger]"));
    assert_eq!(before, snapshot(outside.path()));
}

#[test]
fn ambiguous_and_unknown_ids_are_refused() {
    let dir = init();
    add_case(dir.path(), "20261102-k7q2");
    add_case(dir.path(), "20261103-k7q3");
    let before = snapshot(dir.path());
    redress(dir.path())
        .args(["ack", "2026110", "--by", "alice"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("`2026110` is ambiguous: it names 2 cases")
                .and(predicate::str::contains("20261102-k7q2"))
                .and(predicate::str::contains("20261103-k7q3")),
        );
    redress(dir.path())
        .args(["show", "zzzz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no case matches `zzzz`"));
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn lifecycle_commands_refuse_impossible_events_and_change_nothing() {
    let dir = init();
    add_case(dir.path(), "20261102-k7q2");
    let before = snapshot(dir.path());
    redress(dir.path())
        .args(["follow-up", "k7q2", "--satisfied", "yes"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`followed-up` needs a `resolved` first",
        ));
    redress(dir.path())
        .args([
            "note",
            "k7q2",
            "too early",
            "--at",
            "2026-11-01T09:00:00-05:00",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "before case 20261102-k7q2 was received",
        ));
    redress(dir.path())
        .args(["resume", "k7q2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the case is not paused"));
    redress(dir.path())
        .args(["assign", "k7q2", "zed"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error"));
    redress(dir.path())
        .args(["ack", "k7q2", "--by", "mallory"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown team member `mallory`"));
    redress(dir.path())
        .args(["compensate", "k7q2", "--remedy", "refund", "--amount", "-5"])
        .assert()
        .code(2);
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn an_invalid_case_refuses_new_events() {
    let dir = init();
    let rel = case_path("20261102-k7q2");
    write(
        dir.path(),
        &rel,
        &case_text("20261102-k7q2").replace("category: delivery", "category: nope"),
    );
    let before = snapshot(dir.path());
    redress(dir.path())
        .args(["note", "k7q2", "hello"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown category `nope`"));
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn invalid_policies_stop_every_command() {
    let dir = init();
    add_case(dir.path(), "20261102-k7q2");
    let comp = dir.path().join("policies/compensation.toml");
    let text = std::fs::read_to_string(&comp)
        .unwrap()
        .replace("min = 0.70\nmax = 0.80", "min = 0.90\nmax = 0.80");
    std::fs::write(&comp, text).unwrap();
    let before = snapshot(dir.path());
    for args in [
        vec!["policy", "check"],
        vec!["audit"],
        vec!["list"],
        vec!["note", "k7q2", "x"],
        vec!["check"],
    ] {
        let out = redress(dir.path())
            .args(&args)
            .assert()
            .code(2)
            .get_output()
            .clone();
        let all = String::from_utf8_lossy(&out.stdout).to_string()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(all.contains("policies/compensation.toml:7:7: error[policy-invalid]: the band is empty: min 0.90 is above max 0.80"), "{args:?}: {all}");
    }
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn not_a_ledger_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    redress(dir.path())
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not inside a ledger"));
    redress(dir.path())
        .args(["--ledger", "nowhere", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a ledger"));
}
