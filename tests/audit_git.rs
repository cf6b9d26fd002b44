//! `redress audit --git`: an event dated before its deadline but first
//! committed after it (beyond the policy's tolerance) is `recorded-late`.
//! Real repositories, commit times set with GIT_COMMITTER_DATE.

mod common;

use predicates::str::contains;
use std::path::Path;
use std::process::Command;

const NOW: &str = "2026-11-22T12:00:00-05:00";

struct Repo {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
            home: tempfile::tempdir().unwrap(),
        };
        repo.git(&["-c", "init.defaultBranch=main", "init", "-q", "."], NOW);
        repo.redress().arg("init").assert().success();
        repo.commit("a ledger", "2026-11-01T09:00:00-05:00");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn env<'a>(&self, cmd: &'a mut Command) -> &'a mut Command {
        cmd.current_dir(self.path())
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CEILING_DIRECTORIES", self.path().parent().unwrap())
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .env("REDRESS_NOW", NOW)
            .env("REDRESS_USER", "alice")
            .env("NO_COLOR", "1")
            .env_remove("REDRESS_LEDGER")
    }

    fn git(&self, args: &[&str], date: &str) {
        let mut cmd = Command::new("git");
        let out = self
            .env(&mut cmd)
            .env("GIT_COMMITTER_DATE", date)
            .env("GIT_AUTHOR_DATE", date)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn redress(&self) -> assert_cmd::Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_redress"));
        self.env(&mut cmd);
        assert_cmd::Command::from_std(cmd)
    }

    fn commit(&self, message: &str, date: &str) {
        self.git(&["add", "-A"], date);
        self.git(&["commit", "-q", "-m", message], date);
    }

    /// Writes a case received Monday 2026-11-16 09:00 (acknowledge within
    /// one working day: due Tuesday 09:00) with `events`.
    fn case(&self, id: &str, events: &[(&str, &str)]) {
        let mut text = format!(
            "id: {id}\nkind: complaint\ntitle: Late parcel\nreceived: 2026-11-16T09:00:00-05:00\nchannel: email\ncustomer:\n  name: Jane Doe\ncategory: delivery\nseverity: medium\nhistory:\n"
        );
        for (at, kind) in events {
            let note = if *kind == "noted" {
                "    note: Called the carrier\n"
            } else {
                ""
            };
            text.push_str(&format!(
                "  - at: {at}\n    by: alice\n    event: {kind}\n{note}"
            ));
        }
        common::write(self.path(), &format!("cases/2026/11/{id}.yaml"), &text);
    }

    fn findings(&self, git: bool) -> String {
        let mut cmd = self.redress();
        cmd.args([
            "audit",
            "--code",
            "recorded-late",
            "--format",
            "csv",
            "--fail-on",
            "never",
        ]);
        if git {
            cmd.arg("--git");
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

const ACK: (&str, &str) = ("2026-11-17T08:00:00-05:00", "acknowledged");

#[test]
fn an_acknowledgement_committed_after_its_deadline_is_recorded_late() {
    let repo = Repo::new();
    for id in [
        "20261116-aaaa",
        "20261116-bbbb",
        "20261116-cccc",
        "20261116-dddd",
    ] {
        repo.case(id, &[]);
    }
    repo.case("20261116-dddd", &[("2026-11-16T10:00:00-05:00", "noted")]);
    repo.commit("four cases", "2026-11-16T10:05:00-05:00");
    // aaaa: dated Tuesday 08:00, committed Wednesday noon: backdated.
    repo.case("20261116-aaaa", &[ACK]);
    repo.commit("ack aaaa", "2026-11-18T12:00:00-05:00");
    // bbbb: committed 30 minutes after the deadline, within the hour allowed.
    repo.case("20261116-bbbb", &[ACK]);
    repo.commit("ack bbbb", "2026-11-17T09:30:00-05:00");
    // cccc: committed on time, then anonymised (the file rewritten) later.
    repo.case("20261116-cccc", &[ACK]);
    repo.commit("ack cccc", "2026-11-17T08:05:00-05:00");
    repo.redress()
        .args(["anonymise", "cccc"])
        .assert()
        .success();
    repo.commit("anonymise cccc", "2026-11-20T08:00:00-05:00");
    // dddd: a late entry inserted before a later note, committed Thursday.
    repo.case(
        "20261116-dddd",
        &[
            ("2026-11-16T09:30:00-05:00", "acknowledged"),
            ("2026-11-16T10:00:00-05:00", "noted"),
        ],
    );
    repo.commit("ack dddd", "2026-11-19T09:00:00-05:00");

    let found = repo.findings(true);
    assert!(
        found.contains("20261116-aaaa,recorded-late,error,2026-11-17T09:00:00-05:00"),
        "{found}"
    );
    assert!(
        found.contains("was first committed 2026-11-18 12:00, 1 day 3 hours after it"),
        "{found}"
    );
    assert!(
        found.contains("20261116-dddd,recorded-late,error,2026-11-17T09:00:00-05:00"),
        "{found}"
    );
    assert!(
        !found.contains("bbbb") && !found.contains("cccc"),
        "{found}"
    );
    assert_eq!(found.lines().count(), 3, "{found}");
    // Without --git the audit does not look at commits.
    assert_eq!(repo.findings(false).lines().count(), 1);
    repo.redress()
        .args(["audit", "--git", "--case", "aaaa"])
        .assert()
        .code(1)
        .stdout(contains("recorded-late"));

    // A tolerance of 30 hours forgives aaaa (27 h late) but not dddd (48 h).
    let path = repo.path().join("policies/deadlines.toml");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\n[audit]\nrecorded_late_tolerance = \"30h\"\n");
    std::fs::write(&path, text).unwrap();
    let found = repo.findings(true);
    assert!(!found.contains("aaaa") && found.contains("dddd"), "{found}");
}

#[test]
fn audit_git_outside_a_repository_is_an_error() {
    let dir = common::init();
    common::redress(dir.path())
        .args(["audit", "--git"])
        .assert()
        .code(2)
        .stderr(contains("audit --git needs the ledger in a git repository"));
}
