//! Policies (issue 3): hand-computed due times through `policy explain`.
//! Every validation error (file:line, exit 2, no file changed) is a
//! declarative case in tests/cmd/policy/.

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
