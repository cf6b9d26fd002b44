//! Policies (issue 3): hand-computed due times through `policy explain`, and
//! every validation error with its file:line, exit 2, and no file changed.

mod common;
use common::*;
use std::path::Path;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/clocks");
const LATER: &str = "2027-01-15T12:00:00-05:00";

fn explain(id: &str) -> serde_json::Value {
    let out = redress(Path::new(FIXTURE))
        .env("REDRESS_NOW", LATER)
        .args(["policy", "explain", id, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

fn due(v: &serde_json::Value, clock: &str, cycle: u64) -> String {
    v["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["clock"] == clock && c["cycle"] == cycle)
        .unwrap_or_else(|| panic!("no {clock} {cycle} in {v}"))["due"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn due_times_match_hand_computed_values() {
    // (case, clock, cycle, due, the arithmetic) on Mon–Fri 08:30–17:00
    // Toronto (8.5 h a working day), holidays 2026-12-25 and 2027-01-01.
    let rows = [
        (
            "a001",
            "acknowledge",
            1,
            "2026-11-05T17:00:00-05:00",
            "chat rule 30m: Thu 16:30 + 30 min ends exactly at closing",
        ),
        (
            "a001",
            "resolve",
            1,
            "2026-11-19T16:30:00-05:00",
            "10d = 85 h: Thu 0.5 h + 9 full days (76.5 h) + 8 h on Thu 19th from 08:30",
        ),
        (
            "a002",
            "acknowledge",
            1,
            "2026-11-09T17:00:00-05:00",
            "received Saturday: counting starts Mon 08:30, 8.5 h → Mon 17:00",
        ),
        (
            "a002",
            "resolve",
            1,
            "2026-11-20T17:00:00-05:00",
            "10 full working days from Mon 9th 08:30 → Fri 20th 17:00",
        ),
        (
            "a003",
            "acknowledge",
            1,
            "2026-12-28T15:00:00-05:00",
            "Thu 24th 15:00–17:00 = 2 h, Fri 25th holiday, weekend, Mon 28th 6.5 h → 15:00",
        ),
        (
            "a004",
            "acknowledge",
            1,
            "2026-11-11T17:00:00-05:00",
            "received Tue 20:00, after hours: Wed 08:30 + 8.5 h → Wed 17:00",
        ),
        (
            "a005",
            "acknowledge",
            1,
            "2026-10-31T14:00:00-04:00",
            "critical, 24/7: Sat 12:00 EDT + 2 h",
        ),
        (
            "a005",
            "resolve",
            1,
            "2026-11-02T11:00:00-05:00",
            "24/7 2d = 48 real hours across the autumn DST change: Sat 12:00 EDT → Mon 11:00 EST",
        ),
        (
            "a006",
            "acknowledge",
            1,
            "2026-11-03T09:00:00-05:00",
            "Mon 09:00–17:00 = 8 h, Tue 08:30 + 0.5 h → Tue 09:00",
        ),
        (
            "a006",
            "resolve",
            1,
            "2026-11-20T09:00:00-05:00",
            "Mon 8 h + Tue 1.5 h (to the pause at 10:00); paused to Mon 9th 10:00; Mon 7 h, 8 days × 8.5 = 68 h (to Thu 19th), 0.5 h Fri → 09:00",
        ),
        (
            "a007",
            "resolve",
            1,
            "2026-11-16T09:00:00-05:00",
            "10d from Mon 2nd 09:00: Mon 8 h + 9 days 76.5 h + 0.5 h on Mon 16th",
        ),
        (
            "a007",
            "resolve",
            2,
            "2026-11-30T14:00:00-05:00",
            "reopened Mon 16th 14:00: Mon 3 h + 9 days (76.5 h) to Fri 27th + 5.5 h Mon 30th → 14:00",
        ),
    ];
    for (case, clock, cycle, expected, why) in rows {
        let v = explain(case);
        assert_eq!(
            due(&v, clock, cycle),
            expected,
            "{case} {clock} {cycle}: {why}"
        );
    }
}

#[test]
fn explain_names_the_rule_mode_and_states() {
    let v = explain("a005");
    assert_eq!(v["case"], "20261031-a005");
    let ack = &v["clocks"][0];
    assert_eq!(ack["rule"], "critical cases");
    assert_eq!(ack["mode"], "24/7");
    assert_eq!(ack["target"], "2h");
    assert_eq!(ack["state"], "breached");
    assert_eq!(v["band"]["min"], "0.70");
    assert_eq!(v["band"]["max"], "0.80");
    let v = explain("a007");
    assert_eq!(v["status"], "in-progress");
    let cycle1 = v["clocks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["clock"] == "resolve" && c["cycle"] == 1)
        .unwrap();
    assert_eq!(cycle1["state"], "met");
    assert_eq!(cycle1["stopped"], "2026-11-04T10:00:00-05:00");
    // cycle 2 ran out on Nov 30, unresolved in January: the overdue route is missing.
    assert_eq!(v["routes"][0]["state"], "missing");
    assert_eq!(v["routes"][0]["to"], "supervisor");
}

#[test]
fn explain_json_snapshot() {
    let v = explain("a006");
    insta::assert_json_snapshot!("explain_a006", v);
}

#[test]
fn fixture_passes_policy_check_and_check() {
    redress(Path::new(FIXTURE))
        .args(["policy", "check"])
        .assert()
        .success();
    redress(Path::new(FIXTURE)).arg("check").assert().success();
}

/// Edits one policy file of a fresh ledger; `policy check` must exit 2 with a
/// message at `file:line` of the edit, and change nothing.
fn policy_error(file: &str, from: &str, to: &str) -> String {
    policy_error_at(file, from, to, to.trim_start())
}

/// Like `policy_error`, with the error expected on the line holding `at`.
fn policy_error_at(file: &str, from: &str, to: &str, at: &str) -> String {
    let dir = init();
    let path = dir.path().join("policies").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no `{from}`");
    let edited = text.replacen(from, to, 1);
    std::fs::write(&path, &edited).unwrap();
    let line = edited[..edited.find(at).unwrap()].matches('\n').count() + 1;
    let before = snapshot(dir.path());
    let out = redress(dir.path())
        .args(["policy", "check"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert_eq!(before, snapshot(dir.path()), "policy check changed a file");
    // Every other command refuses to run, with the same message.
    let audit = redress(dir.path())
        .arg("audit")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let out = String::from_utf8(out).unwrap();
    let first = out.lines().nth(1).unwrap_or_default().to_string();
    assert!(
        String::from_utf8_lossy(&audit).contains(&first),
        "audit did not repeat `{first}`"
    );
    let at = format!("policies/{file}:{line}:");
    assert!(out.contains(&at), "expected {at} in:\n{out}");
    out
}

#[test]
fn unknown_key_with_hint() {
    let out = policy_error(
        "deadlines.toml",
        "acknowledge = \"1d\"",
        "acknowlege = \"1d\"",
    );
    assert!(
        out.contains("unknown field `acknowlege`") && out.contains("did you mean `acknowledge`?"),
        "{out}"
    );
}

#[test]
fn unknown_level() {
    let out = policy_error(
        "escalation.toml",
        "bob = \"supervisor\"",
        "bob = \"supervisr\"",
    );
    assert!(
        out.contains("unknown level `supervisr`: did you mean `supervisor`?"),
        "{out}"
    );
}

#[test]
fn unknown_member_in_authority() {
    let out = policy_error_at(
        "compensation.toml",
        "management = 5000",
        "management = 5000\nzed = 100",
        "zed = 100",
    );
    assert!(out.contains("unknown level or team member `zed`"), "{out}");
}

#[test]
fn unknown_route_target() {
    let out = policy_error("escalation.toml", "to = \"legal\"", "to = \"legl\"");
    assert!(
        out.contains("unknown escalation target `legl`: did you mean `legal`?"),
        "{out}"
    );
}

#[test]
fn unknown_category_in_a_rule_never_matches() {
    let out = policy_error(
        "deadlines.toml",
        "when = { severity = \"critical\" }",
        "when = { category = \"delivry\" }",
    );
    assert!(
        out.contains(
            "unknown category `delivry`: did you mean `delivery`?; this rule can never match"
        ),
        "{out}"
    );
}

#[test]
fn unknown_value_in_a_rule_never_matches() {
    let out = policy_error(
        "deadlines.toml",
        "when = { severity = \"critical\" }",
        "when = { severity = \"urgent\" }",
    );
    assert!(
        out.contains("unknown severity `urgent`") && out.contains("can never match"),
        "{out}"
    );
    let out = policy_error(
        "deadlines.toml",
        "when = { severity = \"critical\" }",
        "when = { severity = [] }",
    );
    assert!(
        out.contains("`severity` is an empty list: this rule can never match"),
        "{out}"
    );
}

#[test]
fn inverted_band() {
    let out = policy_error(
        "compensation.toml",
        "min = 0.70\nmax = 0.80",
        "min = 0.85\nmax = 0.80",
    );
    assert!(
        out.contains("the band is empty: min 0.85 is above max 0.80"),
        "{out}"
    );
}

#[test]
fn non_positive_duration() {
    let out = policy_error("deadlines.toml", "resolve = \"10d\"", "resolve = \"0d\"");
    assert!(
        out.contains("`resolve`:") && out.contains("durations are a positive whole number"),
        "{out}"
    );
}

#[test]
fn bad_time_zone() {
    let out = policy_error(
        "deadlines.toml",
        "timezone = \"America/Toronto\"",
        "timezone = \"America/Torotno\"",
    );
    assert!(out.contains("unknown time zone `America/Torotno`"), "{out}");
}

#[test]
fn hours_must_start_before_they_end() {
    let out = policy_error(
        "deadlines.toml",
        "hours = [\"08:30\", \"17:00\"]",
        "hours = [\"17:00\", \"08:30\"]",
    );
    assert!(
        out.contains("working hours start at 17:00 but end at 08:30"),
        "{out}"
    );
}

#[test]
fn a_rule_shadowed_by_an_earlier_one() {
    let out = policy_error_at(
        "deadlines.toml",
        "[[rule]]                       # the first matching rule wins",
        "[[rule]]\nname = \"high and critical\"\nwhen = { severity = [\"high\", \"critical\"] }\nacknowledge = \"4h\"\n\n[[rule]]                       # the first matching rule wins",
        "name = \"critical cases\"",
    );
    assert!(out.contains("deadline rule `critical cases` can never apply: the earlier rule `high and critical` matches every case it matches"), "{out}");
}

#[test]
fn a_missing_policy_file() {
    let dir = init();
    std::fs::remove_file(dir.path().join("policies/escalation.toml")).unwrap();
    let out = redress(dir.path())
        .args(["policy", "check"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("policies/escalation.toml is missing"));
}

#[test]
fn cases_are_checked_against_the_policies() {
    let dir = init();
    let rel = add_case(dir.path(), "20261102-k7q2");
    let text = std::fs::read_to_string(dir.path().join(&rel)).unwrap()
        + "  - at: 2026-11-03T10:00:00-05:00\n    by: bob\n    event: compensated\n    remedy: voucher\n    amount: 10.00\n"
        + "  - at: 2026-11-03T11:00:00-05:00\n    by: bob\n    event: escalated\n    to: legl\n";
    std::fs::write(dir.path().join(&rel), text).unwrap();
    let out = redress(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("unknown remedy `voucher`"), "{out}");
    assert!(
        out.contains("unknown escalation target `legl`: did you mean `legal`?"),
        "{out}"
    );
}

#[test]
fn policy_check_validates_estimates_too() {
    let dir = init();
    write(
        dir.path(),
        "policies/estimates.toml",
        "silent_per_complaint = 26\nsilent_lost_shar = 0.9\n",
    );
    let before = snapshot(dir.path());
    let out = redress(dir.path())
        .args(["policy", "check"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("policies/estimates.toml:2:1:")
            && out.contains("did you mean `silent_lost_share`?"),
        "{out}"
    );
    assert_eq!(before, snapshot(dir.path()));
}
