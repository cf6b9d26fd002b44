//! `redress anonymise`: no trace of the customer's name, email or phone is
//! left in the case file or in any command's output, even with
//! `--include-contacts`; `retention-due` and `--all-due`.

mod common;

use common::{redress, write};
use predicates::str::contains;
use std::path::Path;

const TRACES: [&str; 6] = [
    "marie",
    "tremblay",
    "marie.t@example.com",
    "514",
    "555",
    "0199",
];

/// A fresh ledger (retention 7 years) with two seeded cases: one closed in
/// 2018 (due), one closed in 2026 (not due).
fn ledger() -> tempfile::TempDir {
    let dir = common::init();
    let p = dir.path();
    let deadlines = p.join("policies/deadlines.toml");
    let text = std::fs::read_to_string(&deadlines).unwrap().replace(
        "follow_up = \"7d\"",
        "follow_up = \"7d\"\nretention = \"7y\"",
    );
    std::fs::write(&deadlines, text).unwrap();
    for (id, year) in [("20180305-k7q2", "2018"), ("20260305-m2xk", "2026")] {
        let text = format!(
            "id: {id}\nkind: claim\ntitle: Marie Tremblay's lamp broke\nreceived: {year}-03-05T09:00:00-05:00\nchannel: phone\ncustomer:\n  name: Marie Tremblay\n  email: Marie.T@example.com\n  phone: \"+1 (514) 555-0199\"\ncategory: delivery\nseverity: low\ntags: [tremblay]\ndescription: |\n  Mme TREMBLAY called from 514.555.0199; write to marie.t@EXAMPLE.com.\nfields:\n  contact: Marie\n# Marie Tremblay asked for a call back\nhistory:\n  - at: {year}-03-05T10:00:00-05:00\n    by: alice\n    event: acknowledged\n    note: Called Marie back at 514 555 0199\n  - at: {year}-03-06T10:00:00-05:00\n    by: alice\n    event: resolved\n    outcome: unfounded\n    summary: Told Ms Tremblay the lamp was fine\n  - at: {year}-03-07T10:00:00-05:00\n    by: alice\n    event: closed\n"
        );
        write(p, &format!("cases/{year}/03/{id}.yaml"), &text);
    }
    redress(p).arg("check").assert().success();
    dir
}

fn assert_no_trace(what: &str, text: &str) {
    let lower = text.to_lowercase();
    for t in TRACES {
        assert!(!lower.contains(t), "{what} still holds {t:?}:\n{text}");
    }
}

fn output(dir: &Path, args: &[&str]) -> String {
    let out = redress(dir).args(args).output().unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn anonymise_leaves_no_trace_in_the_file_or_any_output() {
    let dir = ledger();
    let p = dir.path();
    redress(p)
        .args(["anonymise", "k7q2"])
        .assert()
        .success()
        .stdout("20180305-k7q2: anonymised (the customer is now anon-20180305-k7q2)\n");
    let file = std::fs::read_to_string(p.join("cases/2018/03/20180305-k7q2.yaml")).unwrap();
    assert_no_trace("the case file", &file);
    assert!(file.contains("  name: anon-20180305-k7q2\n"));
    assert!(file.ends_with("    event: anonymised\n"), "{file}");
    redress(p).arg("check").assert().success();
    // Only the other case still holds them.
    std::fs::remove_dir_all(p.join("cases/2026")).unwrap();
    let c = "--include-contacts";
    for args in [
        vec!["show", "k7q2", c],
        vec!["show", "k7q2", c, "--format", "json"],
        vec!["list", "--all", c],
        vec!["list", "--all", "--format", "json", c],
        vec!["search", "marie", c],
        vec!["search", "555", c],
        vec!["export", c],
        vec!["export", "--format", "jsonl", c],
        vec!["export", "--format", "register", c],
        vec!["audit", c],
        vec!["audit", "--format", "json", c],
        vec!["report", "--format", "json"],
        vec!["policy", "explain", "k7q2"],
    ] {
        assert_no_trace(&args.join(" "), &output(p, &args));
    }
}

#[test]
fn retention_due_is_an_audit_finding_and_all_due_anonymises_exactly_those() {
    let dir = ledger();
    let p = dir.path();
    // Closed 2018-03-07: due 2025-03-07 10:00; the 2026 case is not.
    redress(p)
        .args([
            "audit",
            "--code",
            "retention-due",
            "--format",
            "csv",
            "--fail-on",
            "never",
        ])
        .assert()
        .success()
        .stdout(contains(
            "20180305-k7q2,retention-due,warning,2025-03-07T10:00:00-05:00",
        ))
        .stdout(contains("20260305-m2xk").not());
    redress(p)
        .args(["anonymise", "--all-due"])
        .assert()
        .success()
        .stdout("20180305-k7q2: anonymised (the customer is now anon-20180305-k7q2)\n");
    let recent = std::fs::read_to_string(p.join("cases/2026/03/20260305-m2xk.yaml")).unwrap();
    assert!(recent.contains("Marie Tremblay"));
    redress(p)
        .args(["audit", "--code", "retention-due", "--format", "csv"])
        .assert()
        .success()
        .stdout(contains("k7q2").not());
    let before = common::snapshot(p);
    redress(p)
        .args(["anonymise", "--all-due"])
        .assert()
        .success()
        .stdout("no case is due for anonymisation\n");
    redress(p)
        .args(["anonymise", "k7q2"])
        .assert()
        .success()
        .stdout(contains("already anonymised"));
    assert_eq!(common::snapshot(p), before);
}

#[test]
fn the_pseudonym_is_stable_and_bad_input_changes_nothing() {
    let dir = ledger();
    let p = dir.path();
    let before = common::snapshot(p);
    redress(p).args(["anonymise"]).assert().code(2);
    redress(p).args(["anonymise", "zzzz"]).assert().code(2);
    redress(p)
        .args(["anonymise", "k7q2", "--by", "nobody"])
        .assert()
        .code(2)
        .stderr(contains("unknown team member `nobody`"));
    assert_eq!(common::snapshot(p), before);
    // Anonymising the same case in two copies gives the same bytes.
    let other = tempfile::tempdir().unwrap();
    for from in before.keys() {
        let rel = from.strip_prefix(p).unwrap();
        write(
            other.path(),
            rel.to_str().unwrap(),
            &String::from_utf8_lossy(&std::fs::read(from).unwrap()),
        );
    }
    redress(p).args(["anonymise", "k7q2"]).assert().success();
    redress(other.path())
        .args(["anonymise", "k7q2"])
        .assert()
        .success();
    let rel = "cases/2018/03/20180305-k7q2.yaml";
    assert_eq!(
        std::fs::read(p.join(rel)).unwrap(),
        std::fs::read(other.path().join(rel)).unwrap()
    );
}

#[test]
fn the_merge_driver_never_merges_an_anonymised_case_silently() {
    let dir = ledger();
    let p = dir.path();
    let rel = "cases/2018/03/20180305-k7q2.yaml";
    let base = std::fs::read_to_string(p.join(rel)).unwrap();
    let theirs = format!(
        "{base}  - at: 2018-03-08T10:00:00-05:00\n    by: alice\n    event: noted\n    note: Marie called again\n"
    );
    redress(p).args(["anonymise", "k7q2"]).assert().success();
    let ours = std::fs::read_to_string(p.join(rel)).unwrap();
    write(p, "m/base", &base);
    write(p, "m/ours", &ours);
    write(p, "m/theirs", &theirs);
    redress(p)
        .args(["merge-file", "m/base", "m/ours", "m/theirs"])
        .assert()
        .code(1)
        .stderr(contains("ours anonymised the case"));
    // Without a change on the other side there is nothing to merge.
    write(p, "m/ours", &ours);
    write(p, "m/theirs", &base);
    redress(p)
        .args(["merge-file", "m/base", "m/ours", "m/theirs"])
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(p.join("m/ours")).unwrap(), ours);
}

use predicates::prelude::PredicateBooleanExt;
