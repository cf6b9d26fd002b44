//! `redress init --preset NAME`: each preset's ledger passes `check`, and
//! hand-made cases are audited to the regime's deadlines: business days
//! that skip bank holidays beside calendar-day targets in one ledger.

mod common;

use common::{redress, write};
use serde_json::Value;
use std::path::Path;

fn init(preset: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    redress(dir.path())
        .args(["init", "--preset", preset, "."])
        .assert()
        .success();
    dir
}

/// A case file: received at `received`, with `tags`, then `events`
/// (each `(at, kind, extra yaml lines)`).
fn case(dir: &Path, id: &str, received: &str, tags: &str, events: &[(&str, &str, &str)]) {
    let mut text = format!(
        "id: {id}\nkind: complaint\ntitle: Fees charged twice\nreceived: {received}\nchannel: letter\ncustomer:\n  name: Jane Doe\ncategory: billing\nseverity: medium\ntags: [{tags}]\nhistory:\n"
    );
    for (at, kind, extra) in events {
        text.push_str(&format!("  - at: {at}\n    by: alice\n    event: {kind}\n"));
        for line in extra.lines() {
            text.push_str(&format!("    {line}\n"));
        }
    }
    let rel = format!("cases/{}/{}/{id}.yaml", &id[..4], &id[4..6]);
    write(dir, &rel, &text);
}

/// The audit's findings of one case: (code, due) pairs.
fn findings(dir: &Path, id: &str) -> Vec<(String, String)> {
    let out = redress(dir)
        .args([
            "audit",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--case",
            id,
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap_or_default().to_string(),
                f["due"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn has(found: &[(String, String)], code: &str) -> bool {
    found.iter().any(|(c, _)| c == code)
}

fn due_of(found: &[(String, String)], code: &str) -> String {
    found
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, d)| d.clone())
        .unwrap_or_else(|| panic!("no {code} in {found:?}"))
}

#[test]
fn every_preset_makes_a_ledger_that_checks_clean_and_cites_its_source() {
    for (preset, cites) in [
        ("iso10002", "ISO 10002"),
        ("amf-quebec", "Autorité des marchés financiers"),
        ("fca-disp", "DISP 1"),
        ("cfpb", "Consumer Financial"),
    ] {
        let dir = init(preset);
        redress(dir.path()).arg("check").assert().success();
        let deadlines =
            std::fs::read_to_string(dir.path().join("policies/deadlines.toml")).unwrap();
        assert!(deadlines.contains(cites), "{preset}: {deadlines}");
        assert!(
            deadlines.to_lowercase().contains("verify"),
            "{preset} tells to verify"
        );
    }
}

#[test]
fn an_unknown_preset_is_refused_with_a_suggestion_and_nothing_is_created() {
    let dir = tempfile::tempdir().unwrap();
    redress(dir.path())
        .args(["init", "--preset", "fca", "x"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("fca-disp"));
    assert!(!dir.path().join("x").exists());
}

#[test]
fn fca_lists_the_bank_holidays_of_england_and_wales_and_counts_in_pounds() {
    let dir = init("fca-disp");
    let d = std::fs::read_to_string(dir.path().join("policies/deadlines.toml")).unwrap();
    for day in [
        "\"2026-04-03\",  # Good Friday",
        "\"2026-04-06\",  # Easter Monday",
        "\"2026-12-28\",  # Boxing Day",
    ] {
        assert!(d.contains(day), "{day}");
    }
    assert!(d.contains("Europe/London"));
    let c = std::fs::read_to_string(dir.path().join("policies/compensation.toml")).unwrap();
    assert!(c.contains("currency = \"GBP\""));
}

#[test]
fn fca_summary_resolution_is_due_after_three_business_days() {
    let dir = init("fca-disp");
    let p = dir.path();
    // Monday 2026-11-16 10:00: 7 h Monday, 8 h Tuesday and Wednesday, the
    // last hour on Thursday: due Thursday 10:00.
    case(
        p,
        "20261116-aaaa",
        "2026-11-16T10:00:00Z",
        "summary-resolution",
        &[("2026-11-18T15:00:00Z", "resolved", "outcome: founded")],
    );
    case(
        p,
        "20261116-bbbb",
        "2026-11-16T10:00:00Z",
        "summary-resolution",
        &[("2026-11-20T10:00:00Z", "resolved", "outcome: founded")],
    );
    redress(p).arg("check").assert().success();
    let on_time = findings(p, "20261116-aaaa");
    assert!(
        !has(&on_time, "resolve-late") && !has(&on_time, "ack-late"),
        "{on_time:?}"
    );
    let late = findings(p, "20261116-bbbb");
    assert_eq!(due_of(&late, "resolve-late"), "2026-11-19T10:00:00+00:00");
}

#[test]
fn fca_final_response_counts_eight_calendar_weeks_across_bank_holidays() {
    let dir = init("fca-disp");
    let p = dir.path();
    // Wednesday 1 April 2026 (BST): Good Friday, Easter Monday and two May
    // bank holidays fall inside; eight weeks are 56 calendar days anyway.
    // The acknowledgement (3 business days) skips Good Friday and Easter
    // Monday: due Wednesday 8 April 10:00, not Monday 6 April.
    case(
        p,
        "20260401-aaaa",
        "2026-04-01T10:00:00+01:00",
        "",
        &[
            ("2026-04-07T16:00:00+01:00", "acknowledged", ""),
            (
                "2026-05-27T09:00:00+01:00",
                "resolved",
                "outcome: unfounded",
            ),
        ],
    );
    case(
        p,
        "20260401-bbbb",
        "2026-04-01T10:00:00+01:00",
        "",
        &[
            ("2026-04-08T11:00:00+01:00", "acknowledged", ""),
            (
                "2026-05-28T09:00:00+01:00",
                "resolved",
                "outcome: unfounded",
            ),
        ],
    );
    redress(p).arg("check").assert().success();
    let on_time = findings(p, "20260401-aaaa");
    assert!(
        !has(&on_time, "resolve-late") && !has(&on_time, "ack-late"),
        "{on_time:?}"
    );
    let late = findings(p, "20260401-bbbb");
    assert_eq!(due_of(&late, "resolve-late"), "2026-05-27T10:00:00+01:00");
    assert_eq!(due_of(&late, "ack-late"), "2026-04-08T10:00:00+01:00");
}

#[test]
fn fca_payment_services_take_fifteen_business_days_or_thirty_five_extended() {
    let dir = init("fca-disp");
    let p = dir.path();
    // Monday 26 October 2026 09:00: 15 business days end Friday 13 November 17:00.
    case(
        p,
        "20261026-aaaa",
        "2026-10-26T09:00:00Z",
        "payment-services",
        &[
            ("2026-10-26T10:00:00Z", "acknowledged", ""),
            ("2026-11-16T09:00:00Z", "resolved", "outcome: founded"),
        ],
    );
    case(
        p,
        "20261026-bbbb",
        "2026-10-26T09:00:00Z",
        "payment-services",
        &[
            ("2026-10-26T10:00:00Z", "acknowledged", ""),
            (
                "2026-11-10T10:00:00Z",
                "updated",
                "note: \"Holding reply, we need the merchant's records.\"",
            ),
            (
                "2026-11-10T10:05:00Z",
                "extended",
                "to: 35d\nreason: Merchant records awaited",
            ),
            ("2026-11-16T09:00:00Z", "resolved", "outcome: founded"),
        ],
    );
    redress(p).arg("check").assert().success();
    assert_eq!(
        due_of(&findings(p, "20261026-aaaa"), "resolve-late"),
        "2026-11-13T17:00:00+00:00"
    );
    let extended = findings(p, "20261026-bbbb");
    assert!(!has(&extended, "resolve-late"), "{extended:?}");
    assert!(
        !extended.iter().any(|(c, _)| c.starts_with("extension")),
        "{extended:?}"
    );
}

/// The AMF cases: received 1 June 2026 10:00 (EDT), 60 calendar days to
/// 31 July, 90 with notice to 30 August; resolved 20 August.
fn amf(dir: &Path, id: &str, before: &[(&str, &str, &str)]) {
    let mut events = vec![("2026-06-01T11:00:00-04:00", "acknowledged", "")];
    events.extend_from_slice(before);
    events.push(("2026-08-20T10:00:00-04:00", "resolved", "outcome: founded"));
    case(dir, id, "2026-06-01T10:00:00-04:00", "", &events);
}

#[test]
fn amf_final_response_within_60_days_extended_to_90_only_with_notice() {
    let dir = init("amf-quebec");
    let p = dir.path();
    let notice = (
        "2026-07-20T09:00:00-04:00",
        "updated",
        "note: We need until August 30, the insurer's report is late.",
    );
    let extend = |to: &'static str| ("2026-07-20T09:05:00-04:00", "extended", to);
    amf(p, "20260601-aaaa", &[]);
    amf(
        p,
        "20260601-bbbb",
        &[notice, extend("to: 90d\nreason: Insurer's report awaited")],
    );
    amf(
        p,
        "20260601-cccc",
        &[extend("to: 90d\nreason: Insurer's report awaited")],
    );
    amf(
        p,
        "20260601-dddd",
        &[notice, extend("to: 120d\nreason: Insurer's report awaited")],
    );
    amf(
        p,
        "20260601-eeee",
        &[
            (
                "2026-08-05T09:00:00-04:00",
                "updated",
                "note: More time needed.",
            ),
            (
                "2026-08-05T09:05:00-04:00",
                "extended",
                "to: 90d\nreason: Late",
            ),
        ],
    );
    redress(p).arg("check").assert().success();

    let plain = findings(p, "20260601-aaaa");
    assert_eq!(due_of(&plain, "resolve-late"), "2026-07-31T10:00:00-04:00");

    let with_notice = findings(p, "20260601-bbbb");
    assert!(!has(&with_notice, "resolve-late"), "{with_notice:?}");
    assert!(
        !with_notice.iter().any(|(c, _)| c.starts_with("extension")),
        "{with_notice:?}"
    );

    let without = findings(p, "20260601-cccc");
    assert!(has(&without, "extension-unannounced"), "{without:?}");
    assert_eq!(
        due_of(&without, "resolve-late"),
        "2026-07-31T10:00:00-04:00"
    );

    let beyond = findings(p, "20260601-dddd");
    assert!(has(&beyond, "extension-beyond-policy"), "{beyond:?}");
    assert!(has(&beyond, "resolve-late"), "{beyond:?}");

    let late = findings(p, "20260601-eeee");
    assert_eq!(due_of(&late, "extension-late"), "2026-07-31T10:00:00-04:00");
    assert!(has(&late, "resolve-late"), "{late:?}");
}

#[test]
fn cfpb_counts_calendar_days() {
    let dir = init("cfpb");
    let p = dir.path();
    // Friday 6 November 2026 10:00 EST: 15 calendar days → Saturday 21 November.
    case(
        p,
        "20261106-aaaa",
        "2026-11-06T10:00:00-05:00",
        "",
        &[(
            "2026-11-21T11:00:00-05:00",
            "updated",
            "note: In progress, we are reviewing the account.",
        )],
    );
    redress(p).arg("check").assert().success();
    let f = findings(p, "20261106-aaaa");
    assert_eq!(due_of(&f, "ack-late"), "2026-11-21T10:00:00-05:00");
}

#[test]
fn a_target_with_an_unknown_mode_is_a_policy_error_with_a_suggestion() {
    let dir = init("fca-disp");
    let path = dir.path().join("policies/deadlines.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"8w 24/7\"", "\"8w 24/8\"");
    std::fs::write(&path, text).unwrap();
    redress(dir.path())
        .args(["policy", "check"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "unknown mode `24/8`: did you mean `24/7`?",
        ));
}

#[test]
fn unknown_compliance_keys_are_errors_with_did_you_mean() {
    let dir = init("amf-quebec");
    let path = dir.path().join("policies/deadlines.toml");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("max_extension", "max_extention");
    std::fs::write(&path, text).unwrap();
    redress(dir.path())
        .args(["policy", "check"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("max_extension"));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("max_extention", "max_extension")
        .replace("retention = \"7y\"", "retention = \"7 years\"");
    std::fs::write(&path, text).unwrap();
    redress(dir.path())
        .args(["policy", "check"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invalid retention"));
}
