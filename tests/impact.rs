//! `policy impact --base REV` in real git repositories: a tightened deadline
//! lists the cases that become late; a widened band lists the findings that
//! disappear.

mod common;
use common::*;
use predicates::prelude::*;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", "2026-11-22T12:00:00-05:00")
        .env("GIT_COMMITTER_DATE", "2026-11-22T12:00:00-05:00")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A committed ledger with one case acknowledged after 5 working hours, and
/// one compensated at 60 % of its harm.
fn repo() -> tempfile::TempDir {
    let dir = init();
    git(dir.path(), &["init", "-q"]);
    let p = dir.path();
    write(
        p,
        &case_path("20261102-k7q2"),
        &case_text("20261102-k7q2")
            .replace("2026-11-02T11:02:00-05:00", "2026-11-02T14:14:00-05:00"),
    );
    let text = case_text("20261103-m2xk")
        + "  - at: 2026-11-03T12:00:00-05:00\n    by: bob\n    event: compensated\n    remedy: refund\n    amount: 60.00\n"
        + "  - at: 2026-11-03T12:05:00-05:00\n    by: bob\n    event: resolved\n    outcome: founded\n    summary: Refunded.\n"
        + "  - at: 2026-11-04T12:00:00-05:00\n    by: alice\n    event: followed-up\n    satisfied: true\n";
    write(p, &case_path("20261103-m2xk"), &text);
    git(p, &["add", "."]);
    git(p, &["commit", "-qm", "ledger"]);
    dir
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join("policies").join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from));
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

fn impact_json(dir: &Path) -> serde_json::Value {
    let out = redress(dir)
        .args(["policy", "impact", "--base", "main", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn a_tighter_deadline_lists_the_cases_that_become_late() {
    let dir = repo();
    git(dir.path(), &["checkout", "-qb", "tighter"]);
    edit(
        dir.path(),
        "deadlines.toml",
        "acknowledge = \"1d\"",
        "acknowledge = \"4h\"",
    );
    git(
        dir.path(),
        &["commit", "-qam", "acknowledge within 4 working hours"],
    );
    let v = impact_json(dir.path());
    let added = v["findings_added"].as_array().unwrap();
    assert_eq!(added.len(), 1, "{v:#}");
    assert_eq!(added[0]["case"], "20261102-k7q2");
    assert_eq!(added[0]["code"], "ack-late");
    assert!(v["findings_removed"].as_array().unwrap().is_empty());
    let moved = &v["due_moved"][0];
    assert_eq!(moved["clock"], "acknowledge");
    assert_eq!(moved["before"], "2026-11-03T09:14:00-05:00");
    assert_eq!(moved["after"], "2026-11-02T13:14:00-05:00");
    assert_eq!(v["kpis"]["before"]["acknowledged_on_time_rate"], 1.0);
    assert_eq!(v["kpis"]["after"]["acknowledged_on_time_rate"], 0.5);
    let md = redress(dir.path())
        .args(["policy", "impact", "--base", "main", "--format", "markdown"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains("adds 1 finding(s) (1 error(s))"), "{md}");
    assert!(
        md.contains("| `20261102-k7q2` | `ack-late` | error |"),
        "{md}"
    );
}

#[test]
fn a_wider_band_lists_the_findings_that_disappear() {
    let dir = repo();
    redress(dir.path())
        .args(["audit", "--format", "csv", "--fail-on", "never"])
        .assert()
        .stdout(predicates::str::contains(
            "20261103-m2xk,compensation-below-band",
        ));
    git(dir.path(), &["checkout", "-qb", "wider"]);
    edit(
        dir.path(),
        "compensation.toml",
        "min = 0.70\nmax = 0.80",
        "min = 0.50\nmax = 0.90",
    );
    let v = impact_json(dir.path()); // uncommitted edits count: the working tree against main
    let removed = v["findings_removed"].as_array().unwrap();
    assert_eq!(removed.len(), 1, "{v:#}");
    assert_eq!(removed[0]["case"], "20261103-m2xk");
    assert_eq!(removed[0]["code"], "compensation-below-band");
    let bands = v["bands_changed"].as_array().unwrap();
    assert!(bands.iter().any(|b| b["case"] == "20261103-m2xk"
        && b["before"]["min"] == "0.70"
        && b["after"]["min"] == "0.50"));
}

#[test]
fn no_change_says_so() {
    let dir = repo();
    let out = redress(dir.path())
        .args(["policy", "impact", "--base", "HEAD"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("No effect on the audit of 2 cases.")
    );
}

#[test]
fn bad_revisions_and_invalid_base_policies_are_usage_errors() {
    let dir = repo();
    redress(dir.path())
        .args(["policy", "impact", "--base", "nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown revision `nope`"));
    edit(
        dir.path(),
        "compensation.toml",
        "min = 0.70\nmax = 0.80",
        "min = 0.90\nmax = 0.80",
    );
    git(dir.path(), &["commit", "-qam", "broken band"]);
    edit(
        dir.path(),
        "compensation.toml",
        "min = 0.90\nmax = 0.80",
        "min = 0.70\nmax = 0.80",
    );
    redress(dir.path())
        .args(["policy", "impact", "--base", "HEAD"])
        .assert()
        .code(2)
        .stderr(
            predicates::str::contains("the policies at HEAD are invalid")
                .and(predicates::str::contains("policies/compensation.toml:")),
        );
    let plain = init();
    redress(plain.path())
        .args(["policy", "impact", "--base", "main"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not in a git repository"));
}
