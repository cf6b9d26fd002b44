//! Dynamic completion: the shell runs `COMPLETE=SHELL redress -- redress …`
//! (clap_complete's protocol, `_CLAP_COMPLETE_INDEX` naming the word being
//! completed for bash and zsh; fish completes the last word) and redress
//! answers with the ledger's case IDs, members, escalation targets and
//! categories. A missing or broken ledger answers nothing, never a panic.

mod common;

use common::redress;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The candidates `redress` offers bash for the last of `words`, one a line.
fn bash(dir: &Path, words: &[&str]) -> Vec<String> {
    let out = redress(dir)
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
        .env_remove("_CLAP_IFS")
        .arg("--")
        .arg("redress")
        .args(words)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{words:?}: {err}");
    assert!(err.is_empty(), "{words:?}: {err}");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(String::from)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The candidates that are values, not flags (with nothing typed, clap
/// offers the command's flags too).
fn values(candidates: Vec<String>) -> Vec<String> {
    candidates
        .into_iter()
        .filter(|c| !c.starts_with('-'))
        .collect()
}

#[test]
fn case_ids_complete_by_prefix_then_suffix() {
    let ids = bash(&repo(), &["show", "202511"]);
    assert!(ids.contains(&"20251101-7hq3".to_string()), "{ids:?}");
    assert!(ids.iter().all(|i| i.starts_with("202511")), "{ids:?}");
    // `show` takes a suffix: it completes to the whole ID.
    assert_eq!(bash(&repo(), &["show", "2vtd"]), ["20261026-2vtd"]);
    assert_eq!(bash(&repo(), &["ack", "2vtd"]), ["20261026-2vtd"]);
    assert_eq!(
        bash(&repo(), &["policy", "explain", "2vtd"]),
        ["20261026-2vtd"]
    );
    let audit = bash(&repo(), &["audit", "--case", "20251101"]);
    assert_eq!(audit, ["20251101-7hq3"]);
    assert!(bash(&repo(), &["show", "nothing-like-it"]).is_empty());
}

#[test]
fn members_categories_and_escalation_targets() {
    let members = bash(&repo(), &["list", "--assignee", ""]);
    assert!(
        members.contains(&"julien".into()) && members.contains(&"sofia".into()),
        "{members:?}"
    );
    assert_eq!(bash(&repo(), &["assign", "2vtd", "jul"]), ["julien"]);
    assert_eq!(bash(&repo(), &["note", "2vtd", "--by", "car"]), ["carole"]);
    let categories = bash(&repo(), &["new", "--category", "de"]);
    assert_eq!(categories, ["defect", "delivery"]);
    assert_eq!(bash(&repo(), &["list", "--category", "bil"]), ["billing"]);
    let targets = bash(&repo(), &["escalate", "2vtd", "--to", ""]);
    assert!(
        targets.contains(&"supervisor".into()) && targets.contains(&"legal".into()),
        "{targets:?}"
    );
}

#[test]
fn fish_gets_help_beside_each_candidate() {
    let out = redress(&repo())
        .env("COMPLETE", "fish")
        .args(["--", "redress", "list", "--category", "deliv"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim_end(),
        "delivery\tLate, lost or damaged deliveries"
    );
}

#[test]
fn the_ledger_flag_on_the_line_is_the_ledger_completed() {
    let dir = common::init();
    redress(dir.path())
        .args([
            "new",
            "--kind",
            "claim",
            "--category",
            "billing",
            "--title",
            "Charged twice",
        ])
        .args([
            "--customer",
            "A B",
            "--channel",
            "email",
            "--severity",
            "low",
        ])
        .args(["--description", "x"])
        .assert()
        .success();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_str().expect("utf-8 path");
    let ids = values(bash(elsewhere.path(), &["--ledger", root, "show", ""]));
    assert_eq!(ids.len(), 1, "{ids:?}");
    let ids = values(bash(
        elsewhere.path(),
        &[&format!("--ledger={root}"), "show", ""],
    ));
    assert_eq!(ids.len(), 1, "{ids:?}");
}

#[test]
fn no_or_broken_ledger_offers_nothing() {
    let outside = tempfile::tempdir().expect("temp dir");
    assert!(values(bash(outside.path(), &["show", ""])).is_empty());
    assert!(bash(outside.path(), &["list", "--assignee", ""]).is_empty());
    assert!(
        values(bash(
            outside.path(),
            &["--ledger", "/no/such/dir", "show", ""]
        ))
        .is_empty()
    );
    // Policy files that cannot be read as files, or are not TOML, and a
    // cases/ that is not a folder.
    let dir = common::init();
    let policies = dir.path().join("policies");
    std::fs::remove_file(policies.join("categories.toml")).expect("rm");
    std::fs::create_dir(policies.join("categories.toml")).expect("mkdir");
    std::fs::write(policies.join("escalation.toml"), "[team\nnot toml").expect("write");
    std::fs::remove_dir_all(dir.path().join("cases")).ok();
    std::fs::write(dir.path().join("cases"), "not a folder").expect("write");
    for words in [
        &["show", ""][..],
        &["list", "--category", ""],
        &["list", "--assignee", ""],
        &["escalate", "x", "--to", ""],
    ] {
        assert!(values(bash(dir.path(), words)).is_empty(), "{words:?}");
    }
}

#[test]
fn static_scripts_still_print() {
    let out = redress(&repo())
        .args(["completions", "bash"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let script = String::from_utf8_lossy(&out.stdout);
    assert!(
        script.contains("_redress()") && script.contains("explain"),
        "{script}"
    );
    // `COMPLETE=bash redress` alone prints the script to source.
    let out = redress(&repo())
        .env("COMPLETE", "bash")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let script = String::from_utf8_lossy(&out.stdout);
    assert!(
        script.contains("_CLAP_COMPLETE_INDEX") && script.contains("complete "),
        "{script}"
    );
}
