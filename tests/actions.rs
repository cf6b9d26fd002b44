//! Corrective actions: `redress action new | list | close`, and `check` on
//! their links. Every refused write leaves every file as it was.

mod common;

use common::{add_case, init, redress, snapshot, write};
use std::path::Path;

fn ledger() -> tempfile::TempDir {
    let dir = init();
    add_case(dir.path(), "20261102-k7q2");
    add_case(dir.path(), "20261103-m2xk");
    dir
}

fn new_action(dir: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    redress(dir)
        .args([
            "action",
            "new",
            "--cause",
            "Carrier drops parcels",
            "--due",
            "2026-12-31",
        ])
        .args(extra)
        .assert()
}

#[test]
fn new_list_close() {
    let dir = ledger();
    let out = new_action(
        dir.path(),
        &[
            "--owner",
            "bob",
            "--case",
            "k7q2",
            "--case",
            "20261103-m2xk",
            "--category",
            "delivery",
        ],
    )
    .success();
    let id = String::from_utf8(out.get_output().stdout.clone())
        .unwrap()
        .trim()
        .to_string();
    assert!(id.starts_with("a-20261122-"), "{id}");
    let text = std::fs::read_to_string(dir.path().join(format!("actions/{id}.yaml"))).unwrap();
    assert!(
        text.contains(
            "owner: bob\ndue: 2026-12-31\ncases:\n  - \"20261102-k7q2\"\n  - \"20261103-m2xk\"\n"
        ),
        "{text}"
    );
    assert!(text.contains("created: 2026-11-22\n"));

    let list = redress(dir.path())
        .args(["action", "list"])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(list.lines().all(|l| l.chars().count() <= 80), "{list}");
    assert!(
        list.contains(&id) && list.contains("open") && list.contains("1 action(s)"),
        "{list}"
    );

    let suffix = &id[id.len() - 4..];
    redress(dir.path())
        .args(["action", "close", suffix, "--note", "New carrier"])
        .assert()
        .success();
    let after = std::fs::read_to_string(dir.path().join(format!("actions/{id}.yaml"))).unwrap();
    assert_eq!(
        after,
        format!("{text}closed: 2026-11-22\nnote: New carrier\n"),
        "close only appends"
    );
    let list = redress(dir.path())
        .args(["action", "list"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(list.stdout).unwrap(),
        "no actions match\n"
    );
    let json = redress(dir.path())
        .args(["action", "list", "--all", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v[0]["status"], "closed");
    redress(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicates::str::contains("1 action files"));

    // Closing twice is refused and changes nothing.
    let before = snapshot(dir.path());
    redress(dir.path())
        .args(["action", "close", suffix, "--note", "again"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already closed"));
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn bad_links_are_refused_and_nothing_is_written() {
    let dir = ledger();
    let before = snapshot(dir.path());
    let cases: [(&[&str], &str); 5] = [
        (
            &["--owner", "bobb", "--case", "k7q2", "--due", "2026-12-31"],
            "did you mean `bob`",
        ),
        (
            &["--owner", "bob", "--case", "k7q3", "--due", "2026-12-31"],
            "did you mean `20261102-k7q2`",
        ),
        (
            &[
                "--owner",
                "bob",
                "--case",
                "k7q2",
                "--category",
                "delivry",
                "--due",
                "2026-12-31",
            ],
            "did you mean `delivery`",
        ),
        (
            &["--owner", "bob", "--case", "k7q2", "--due", "2026-11-01"],
            "before the action was created",
        ),
        (
            &["--owner", "bob", "--case", "k7q2", "--due", "soon"],
            "reading --due",
        ),
    ];
    for (args, needle) in cases {
        redress(dir.path())
            .args(["action", "new", "--cause", "Carrier drops parcels"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(needle));
        assert_eq!(before, snapshot(dir.path()), "{args:?} changed a file");
    }
}

#[test]
fn check_reports_bad_action_files() {
    let dir = ledger();
    write(
        dir.path(),
        "actions/a-20261120-aaaa.yaml",
        "id: a-20261120-aaaa\ncreated: 2026-11-20\ncause: Wrong labels\nowner: zed\ndue: 2026-11-19\ncases: [20261102-k7q3]\n",
    );
    write(
        dir.path(),
        "actions/a-20261121-bbbb.yaml",
        "id: a-20261121-bbbb\ncreated: 2026-11-21\ncause: x\nownr: bob\ndue: 2026-12-01\ncases: [20261102-k7q2]\n",
    );
    let out = redress(dir.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "actions/a-20261120-aaaa.yaml:5:1: error[invalid-value]: due 2026-11-19 is before"
        ),
        "{text}"
    );
    assert!(
        text.contains("actions/a-20261121-bbbb.yaml:4:1: error[unknown-field]"),
        "{text}"
    );
    assert!(text.contains("did you mean `owner`"), "{text}");
    // Links are checked once the file parses.
    write(
        dir.path(),
        "actions/a-20261120-aaaa.yaml",
        "id: a-20261120-aaaa\ncreated: 2026-11-20\ncause: Wrong labels\nowner: zed\ndue: 2026-11-29\ncases: [20261102-k7q3]\n",
    );
    let text =
        String::from_utf8(redress(dir.path()).arg("check").output().unwrap().stdout).unwrap();
    assert!(
        text.contains("a-20261120-aaaa.yaml:4:1: error[unknown-member]: unknown member `zed`"),
        "{text}"
    );
    assert!(text.contains("a-20261120-aaaa.yaml:6:9: error[invalid-value]: unknown case `20261102-k7q3`: did you mean `20261102-k7q2`?"), "{text}");
}

#[test]
fn list_refuses_a_broken_action_file() {
    let dir = ledger();
    write(dir.path(), "actions/a-20261120-aaaa.yaml", "id: [\n");
    let out = redress(dir.path())
        .args(["action", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("actions/a-20261120-aaaa.yaml"));
}

#[test]
fn a_customer_named_in_a_cause_is_masked() {
    let dir = ledger();
    redress(dir.path())
        .args([
            "action",
            "new",
            "--cause",
            "Marie Tremblay got a crushed lamp",
            "--owner",
            "bob",
            "--due",
            "2026-12-31",
            "--case",
            "k7q2",
        ])
        .assert()
        .success();
    for format in ["table", "json"] {
        let out = redress(dir.path())
            .args(["action", "list", "--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("[name] got a crushed lamp") && !text.contains("Tremblay"),
            "{format}: {text}"
        );
    }
    let out = redress(dir.path())
        .args(["action", "list", "--include-contacts"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Marie Tremblay got")
    );
    let review = redress(dir.path())
        .args(["report", "--review", "2026-Q4"])
        .output()
        .unwrap();
    let text = String::from_utf8(review.stdout).unwrap();
    assert!(
        text.contains("[name] got a crushed lamp") && !text.contains("Tremblay"),
        "{text}"
    );
}

#[test]
fn a_lock_left_in_actions_is_reported_and_blocks_writes() {
    // The writer waits 5 s for the lock before it gives up.
    let dir = ledger();
    let out = new_action(dir.path(), &["--owner", "bob", "--case", "k7q2"]).success();
    let id = String::from_utf8(out.get_output().stdout.clone())
        .unwrap()
        .trim()
        .to_string();
    write(dir.path(), &format!("actions/{id}.yaml.lock"), "");
    let text =
        String::from_utf8(redress(dir.path()).arg("check").output().unwrap().stdout).unwrap();
    assert!(
        text.contains(&format!("actions/{id}.yaml.lock:1:1: error[stale-lock]")),
        "{text}"
    );
    let before = snapshot(dir.path());
    redress(dir.path())
        .args(["action", "close", &id, "--note", "done"])
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("lock file"));
    assert_eq!(before, snapshot(dir.path()));
}

/// The plain report shows the actions with their cases before and after in
/// every human format and in JSON; a broken action file leaves the section
/// out with a warning, and the report itself still succeeds.
#[test]
fn report_shows_actions_and_survives_a_broken_action_file() {
    let dir = ledger();
    new_action(
        dir.path(),
        &["--owner", "bob", "--case", "k7q2", "--category", "delivery"],
    )
    .success();
    for (format, needle) in [
        ("table", "Corrective actions"),
        ("markdown", "## Corrective actions"),
        ("html", "Corrective actions"),
        ("json", "\"window_days\""),
    ] {
        let out = redress(dir.path())
            .args(["report", "--format", format])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && text.contains(needle),
            "{format}: {text}"
        );
    }
    write(dir.path(), "actions/a-20261120-aaaa.yaml", "id: [\n");
    let out = redress(dir.path())
        .args(["report", "--format", "markdown"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Corrective actions"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the action files have problems"));
}
