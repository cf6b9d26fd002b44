//! Working in git: `redress git-setup`, the `redress merge-file` driver in
//! real merges, and what `redress check` reports after them. Every test builds
//! a real repository in a temp folder, with a fixed identity and no user or
//! system git config, so it runs the same on any machine.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

const NOW: &str = "2026-11-23T18:00:00-05:00";
const RECEIVED: &str = "2026-11-22T09:14:00-05:00";

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_redress"))
}

/// A git repository holding a ledger, with its own empty HOME.
struct Repo {
    dir: tempfile::TempDir,
    home: tempfile::TempDir,
}

impl Repo {
    /// `git init` + `redress init`, not yet set up for merges.
    fn bare_ledger() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().expect("temp dir"),
            home: tempfile::tempdir().expect("temp home"),
        };
        repo.git_ok(&["-c", "init.defaultBranch=main", "init", "-q", "."]);
        repo.redress().arg("init").assert().success();
        repo
    }

    /// A ledger set up with `redress git-setup`, all committed on `main`.
    fn new() -> Repo {
        let repo = Repo::bare_ledger();
        repo.redress().arg("git-setup").assert().success();
        repo.commit("a new ledger");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn envs<'a>(&'a self, cmd: &'a mut std::process::Command) -> &'a mut std::process::Command {
        let ceiling = self.path().parent().expect("a parent folder");
        cmd.current_dir(self.path())
            .env("HOME", self.home.path())
            .env("XDG_CONFIG_HOME", self.home.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CEILING_DIRECTORIES", ceiling)
            .env("GIT_AUTHOR_NAME", "Test Author")
            .env("GIT_AUTHOR_EMAIL", "author@example.com")
            .env("GIT_COMMITTER_NAME", "Test Committer")
            .env("GIT_COMMITTER_EMAIL", "committer@example.com")
            .env("GIT_MERGE_AUTOEDIT", "no")
            .env("REDRESS_NOW", NOW)
            .env("NO_COLOR", "1")
            .env_remove("REDRESS_LEDGER")
            .env_remove("REDRESS_USER")
    }

    fn git(&self, args: &[&str]) -> Output {
        let mut cmd = std::process::Command::new("git");
        self.envs(&mut cmd).args(args).output().expect("git runs")
    }

    fn git_ok(&self, args: &[&str]) -> String {
        let out = self.git(args);
        assert!(
            out.status.success(),
            "git {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn redress(&self) -> Command {
        let mut std = std::process::Command::new(bin());
        self.envs(&mut std);
        Command::from_std(std)
    }

    fn commit(&self, message: &str) {
        self.git_ok(&["add", "-A"]);
        self.git_ok(&["commit", "-q", "-m", message]);
    }

    /// `redress new` with every flag; returns the ID and the file's path.
    fn new_case(&self) -> (String, String) {
        let out = self
            .redress()
            .args([
                "new",
                "--kind",
                "claim",
                "--title",
                "Parcel twelve days late",
                "--customer",
                "Marie Tremblay",
                "--channel",
                "email",
                "--category",
                "delivery",
                "--severity",
                "medium",
                "--received",
                RECEIVED,
            ])
            .assert()
            .success();
        let id = String::from_utf8_lossy(&out.get_output().stdout)
            .trim()
            .to_string();
        let rel = format!("cases/2026/11/{id}.yaml");
        assert!(self.path().join(&rel).is_file(), "{rel} was created");
        (id, rel)
    }

    fn event(&self, verb: &str, id: &str, at: &str, by: &str, text: Option<&str>) {
        let mut cmd = self.redress();
        cmd.args([verb, id, "--at", at, "--by", by]);
        if let Some(t) = text {
            cmd.arg(t);
        }
        cmd.assert().success();
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path().join(rel)).expect("readable")
    }

    fn write(&self, rel: &str, text: &str) {
        let path = self.path().join(rel);
        fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        fs::write(path, text).expect("writable");
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert!(text.contains(from), "{from:?} not in {rel}:\n{text}");
        self.write(rel, &text.replacen(from, to, 1));
    }

    fn merge(&self, branch: &str) -> Output {
        self.git(&["merge", "--no-edit", branch])
    }

    /// `redress check` as (exit code, stdout).
    fn check(&self) -> (i32, String) {
        let out = self.redress().arg("check").output().expect("redress runs");
        (
            out.status.code().expect("an exit code"),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    fn config(&self, key: &str) -> String {
        self.git_ok(&["config", "--local", "--get", key])
            .trim_end()
            .to_string()
    }
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// PATH without any folder that holds a `redress`.
fn path_without_redress() -> std::ffi::OsString {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let dirs: Vec<PathBuf> = std::env::split_paths(&path)
        .filter(|d| !d.join("redress").exists())
        .collect();
    std::env::join_paths(dirs).expect("a PATH")
}

#[test]
fn git_setup_writes_the_attribute_and_the_local_driver_once() {
    let repo = Repo::bare_ledger();
    repo.write(".gitattributes", "*.png binary");
    let first = repo
        .redress()
        .env("PATH", path_without_redress())
        .arg("git-setup")
        .assert()
        .success();
    let out = String::from_utf8_lossy(&first.get_output().stdout).into_owned();
    assert!(out.contains("cases/**/*.yaml merge=redress"), "{out}");
    assert!(out.contains("merge.redress.driver"), "{out}");

    // redress is not in PATH: the driver names this program by its absolute path.
    let driver = repo.config("merge.redress.driver");
    let program = driver
        .strip_suffix(" merge-file %O %A %B")
        .unwrap_or_else(|| panic!("driver: {driver}"));
    assert_eq!(
        Path::new(program)
            .canonicalize()
            .expect("an existing program"),
        bin().canonicalize().expect("the binary")
    );
    assert_eq!(repo.config("merge.redress.name"), "redress case merge");

    let again = repo
        .redress()
        .env("PATH", path_without_redress())
        .arg("git-setup")
        .assert()
        .success();
    let out = String::from_utf8_lossy(&again.get_output().stdout).into_owned();
    assert!(out.starts_with("already set up"), "{out}");
    assert_eq!(
        repo.read(".gitattributes"),
        "*.png binary\ncases/**/*.yaml merge=redress\n"
    );
    // Local config only: nothing was written to the (empty) global config.
    assert!(!repo.home.path().join(".gitconfig").exists());
    // git now knows which files the driver merges.
    let attr = repo.git_ok(&[
        "check-attr",
        "merge",
        "--",
        "cases/2026/11/20261122-k7q2.yaml",
    ]);
    assert!(attr.trim_end().ends_with("merge: redress"), "{attr}");
    let attr = repo.git_ok(&["check-attr", "merge", "--", "policies/deadlines.toml"]);
    assert!(attr.trim_end().ends_with("merge: unspecified"), "{attr}");
}

#[cfg(unix)]
#[test]
fn git_setup_names_redress_when_path_finds_this_program() {
    let repo = Repo::bare_ledger();
    let tools = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(bin(), tools.path().join("redress")).expect("symlink");
    let mut dirs = vec![tools.path().to_path_buf()];
    dirs.extend(std::env::split_paths(&path_without_redress()));
    repo.redress()
        .env("PATH", std::env::join_paths(dirs).expect("a PATH"))
        .arg("git-setup")
        .assert()
        .success();
    assert_eq!(
        repo.config("merge.redress.driver"),
        "redress merge-file %O %A %B"
    );
}

#[test]
fn git_setup_outside_a_git_work_tree_is_a_clear_error() {
    let repo = Repo {
        dir: tempfile::tempdir().expect("temp dir"),
        home: tempfile::tempdir().expect("temp home"),
    };
    repo.redress().arg("init").assert().success();
    let out = repo.redress().arg("git-setup").output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not inside a git work tree"), "{err}");
    assert!(err.contains("git init"), "{err}");
    assert!(!repo.path().join(".gitattributes").exists());
}

#[test]
fn events_appended_on_two_branches_merge_cleanly_in_time_order() {
    let repo = Repo::new();
    let (id, rel) = repo.new_case();
    // A hand comment in the shared part must survive the merge.
    repo.edit(
        &rel,
        "severity: medium\n",
        "# bumped if the lamp was a gift\nseverity: medium\n",
    );
    repo.commit("a new case");
    let base = repo.read(&rel);
    repo.git_ok(&["branch", "other"]);

    repo.event("ack", &id, "2026-11-22T11:00:00-05:00", "alice", None);
    repo.commit("acknowledged");

    repo.git_ok(&["switch", "-q", "other"]);
    repo.event(
        "note",
        &id,
        "2026-11-22T10:00:00-05:00",
        "bob",
        Some("Called the carrier."),
    );
    repo.event(
        "update",
        &id,
        "2026-11-22T11:30:00-05:00",
        "carole",
        Some("Told the customer."),
    );
    repo.commit("noted and updated");

    repo.git_ok(&["switch", "-q", "main"]);
    let out = repo.merge("other");
    assert!(
        out.status.success(),
        "the merge conflicted:\n{}",
        text(&out)
    );
    assert_eq!(repo.git_ok(&["ls-files", "-u"]), "", "no unmerged paths");
    assert_eq!(
        repo.git_ok(&["status", "--porcelain"]),
        "",
        "merge committed"
    );

    let merged = repo.read(&rel);
    assert!(!merged.contains("<<<<<<<"), "{merged}");
    assert!(
        merged.starts_with(&base),
        "the common part is kept byte for byte:\n{merged}"
    );
    let events: Vec<&str> = merged
        .lines()
        .filter_map(|l| l.trim().strip_prefix("event: "))
        .collect();
    assert_eq!(events, ["noted", "acknowledged", "updated"], "{merged}");
    assert!(
        merged.contains("note: Called the carrier.") && merged.contains("note: Told the customer.")
    );
    let (code, out) = repo.check();
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("ok: 1 case files"), "{out}");
}

#[test]
fn a_title_change_and_appended_events_merge_cleanly() {
    let repo = Repo::new();
    let (id, rel) = repo.new_case();
    repo.commit("a new case");
    repo.git_ok(&["branch", "other"]);
    repo.edit(
        &rel,
        "title: Parcel twelve days late\n",
        "title: Parcel twelve days late, lamp broken\n",
    );
    repo.event("ack", &id, "2026-11-22T11:00:00-05:00", "alice", None);
    repo.commit("retitled and acknowledged");
    repo.git_ok(&["switch", "-q", "other"]);
    repo.edit(&rel, "severity: medium\n", "severity: high\n");
    repo.event(
        "note",
        &id,
        "2026-11-22T10:00:00-05:00",
        "bob",
        Some("Called."),
    );
    repo.commit("severity and a note");
    repo.git_ok(&["switch", "-q", "main"]);
    let out = repo.merge("other");
    assert!(out.status.success(), "{}", text(&out));
    let merged = repo.read(&rel);
    assert!(
        merged.contains("title: Parcel twelve days late, lamp broken\n"),
        "{merged}"
    );
    assert!(merged.contains("severity: high\n"), "{merged}");
    assert!(merged.contains("event: noted") && merged.contains("event: acknowledged"));
    assert_eq!(repo.check().0, 0);
}

#[test]
fn a_key_changed_differently_on_both_branches_conflicts_and_loses_nothing() {
    let repo = Repo::new();
    let (id, rel) = repo.new_case();
    repo.commit("a new case");
    repo.git_ok(&["branch", "other"]);
    repo.edit(&rel, "severity: medium\n", "severity: high\n");
    repo.event("ack", &id, "2026-11-22T11:00:00-05:00", "alice", None);
    repo.commit("high");
    repo.git_ok(&["switch", "-q", "other"]);
    repo.edit(&rel, "severity: medium\n", "severity: low\n");
    repo.event(
        "note",
        &id,
        "2026-11-22T10:00:00-05:00",
        "bob",
        Some("Minor, per the customer."),
    );
    repo.commit("low");
    repo.git_ok(&["switch", "-q", "main"]);

    let out = repo.merge("other");
    assert!(
        !out.status.success(),
        "git must report the conflict:\n{}",
        text(&out)
    );
    assert!(text(&out).contains("CONFLICT"), "{}", text(&out));
    assert!(
        text(&out).contains("`severity` was changed on both sides"),
        "{}",
        text(&out)
    );
    assert!(repo.git_ok(&["ls-files", "-u"]).contains(&rel));
    let merged = repo.read(&rel);
    assert!(
        merged.contains("<<<<<<< ours\nseverity: high\n=======\nseverity: low\n>>>>>>> theirs\n"),
        "{merged}"
    );
    // Both values and both events are there; only the severity is in question.
    assert!(
        merged.contains("event: acknowledged") && merged.contains("note: Minor, per the customer.")
    );

    let (code, out) = repo.check();
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("{rel}:")), "{out}");
    assert!(out.contains("error[conflict-marker]"), "{out}");
    assert!(out.contains("= help: resolve the conflict"), "{out}");
}

/// `redress resolve` on a case, as a team member would run it.
fn resolve(repo: &Repo, id: &str, at: &str, by: &str, summary: &str) {
    repo.redress()
        .args(["resolve", id, "--at", at, "--by", by])
        .args(["--outcome", "founded", "--summary", summary])
        .assert()
        .success();
}

#[test]
fn two_branches_resolving_the_same_case_is_not_a_clean_merge() {
    let repo = Repo::new();
    let (id, rel) = repo.new_case();
    repo.event("ack", &id, "2026-11-22T11:00:00-05:00", "alice", None);
    repo.commit("a new case, acknowledged");
    repo.git_ok(&["switch", "-q", "-c", "other"]);
    resolve(
        &repo,
        &id,
        "2026-11-23T10:00:00-05:00",
        "bob",
        "Refund agreed.",
    );
    repo.commit("bob resolves");
    repo.git_ok(&["switch", "-q", "main"]);
    resolve(
        &repo,
        &id,
        "2026-11-23T09:00:00-05:00",
        "carole",
        "Replacement sent.",
    );
    repo.commit("carole resolves");

    let out = repo.merge("other");
    let said = text(&out);
    assert!(!out.status.success(), "git merged cleanly:\n{said}");
    assert!(said.contains("CONFLICT"), "{said}");
    // The rule and both events are named, with what to do.
    for named in [
        "`event-sequence`",
        "`resolved` at 2026-11-23T10:00:00-05:00 by bob (from theirs)",
        "`resolved` at 2026-11-23T09:00:00-05:00 by carole (from ours)",
        "already resolved",
        "= help:",
    ] {
        assert!(said.contains(named), "{named:?} not said:\n{said}");
    }
    assert!(repo.git_ok(&["ls-files", "-u"]).contains(&rel));
    let merged = repo.read(&rel);
    for kept in [
        "<<<<<<< ours",
        "summary: Refund agreed.",
        "summary: Replacement sent.",
        ">>>>>>> theirs",
    ] {
        assert!(merged.contains(kept), "{kept:?} missing:\n{merged}");
    }
    let (code, out) = repo.check();
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[conflict-marker]"), "{out}");
}

#[test]
fn an_edited_event_conflicts_instead_of_being_lost() {
    let repo = Repo::new();
    let (id, rel) = repo.new_case();
    repo.event("ack", &id, "2026-11-22T11:00:00-05:00", "alice", None);
    repo.commit("a new case, acknowledged");
    repo.git_ok(&["switch", "-q", "-c", "other"]);
    repo.event(
        "note",
        &id,
        "2026-11-22T12:00:00-05:00",
        "bob",
        Some("Called."),
    );
    repo.commit("a note");
    repo.git_ok(&["switch", "-q", "main"]);
    // Rewriting history by hand: the driver must not pick a side silently.
    repo.edit(&rel, "    by: alice\n", "    by: carole\n");
    repo.event(
        "update",
        &id,
        "2026-11-22T13:00:00-05:00",
        "alice",
        Some("Told her."),
    );
    repo.commit("rewrote who acknowledged");

    let out = repo.merge("other");
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("append-only"), "{}", text(&out));
    let merged = repo.read(&rel);
    for kept in [
        "by: alice",
        "by: carole",
        "note: Called.",
        "note: Told her.",
        "<<<<<<< ours",
    ] {
        assert!(merged.contains(kept), "{kept:?} missing:\n{merged}");
    }
    assert_eq!(repo.check().0, 1);
}

#[test]
fn a_case_recorded_twice_is_a_duplicate_id_after_the_merge() {
    // The same case reached two branches, and one copy was filed under the
    // wrong month: git merges two different paths without complaint.
    let repo = Repo::new();
    repo.git_ok(&["branch", "other"]);
    let (id, rel) = repo.new_case();
    repo.event("ack", &id, "2026-11-22T11:00:00-05:00", "alice", None);
    repo.commit("a new case");
    let copy = repo.read(&rel);
    repo.git_ok(&["switch", "-q", "other"]);
    let wrong = format!("cases/2026/12/{id}.yaml");
    repo.write(&wrong, &copy);
    repo.commit("the same case, filed in December");
    repo.git_ok(&["switch", "-q", "main"]);
    let out = repo.merge("other");
    assert!(out.status.success(), "{}", text(&out));

    let (code, out) = repo.check();
    assert_eq!(code, 1, "{out}");
    for path in [&rel, &wrong] {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("{path}:"))
                && l.contains("error[duplicate-id]")
                && l.contains(&format!("case ID `{id}` is also used by"))),
            "no duplicate-id on {path}:\n{out}"
        );
    }
    assert!(out.contains("= help: the same ID is in two files"), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with(&format!("{wrong}:"))
            && l.contains("error[id-mismatch]")
            && l.contains("wrong folder")),
        "{out}"
    );
}

#[test]
fn a_case_moved_to_the_wrong_month_is_reported_after_the_merge() {
    let repo = Repo::new();
    let (id, rel) = repo.new_case();
    repo.commit("a new case");
    repo.git_ok(&["branch", "other"]);
    let wrong = format!("cases/2026/12/{id}.yaml");
    fs::create_dir_all(repo.path().join("cases/2026/12")).expect("mkdir");
    repo.git_ok(&["mv", &rel, &wrong]);
    repo.commit("moved (by mistake)");
    repo.git_ok(&["switch", "-q", "other"]);
    repo.event("ack", &id, "2026-11-22T11:00:00-05:00", "alice", None);
    repo.commit("acknowledged");
    repo.git_ok(&["switch", "-q", "main"]);
    let out = repo.merge("other");
    assert!(out.status.success(), "{}", text(&out));
    // git followed the move: the event is in the moved file.
    assert!(repo.read(&wrong).contains("event: acknowledged"));
    assert!(!repo.path().join(&rel).exists());

    let (code, out) = repo.check();
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines().any(|l| l.starts_with(&format!("{wrong}:"))
            && l.contains("error[id-mismatch]")
            && l.contains("wrong folder")),
        "{out}"
    );
    assert!(out.contains(&format!("= help: move it to {rel}")), "{out}");
}

#[test]
fn merge_file_writes_the_result_over_ours() {
    let dir = tempfile::tempdir().expect("temp dir");
    let base = "id: 20261122-k7q2\nseverity: medium\nhistory:\n  - at: 2026-11-22T11:00:00-05:00\n    by: alice\n    event: acknowledged\n";
    let ev = |at: &str, who: &str| {
        format!("  - at: {at}\n    by: {who}\n    event: noted\n    note: x\n")
    };
    let a = ev("2026-11-22T13:00:00-05:00", "bob");
    let b = ev("2026-11-22T12:00:00-05:00", "carole");
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        fs::write(&p, text).expect("write");
        p
    };
    let run = |b: &Path, o: &Path, t: &Path| {
        let mut std = std::process::Command::new(bin());
        std.arg("merge-file")
            .args([b, o, t])
            .env_remove("REDRESS_LEDGER");
        Command::from_std(std).output().expect("runs")
    };

    let (pb, po, pt) = (
        write("base", base),
        write("ours", &format!("{base}{a}")),
        write("theirs", &format!("{base}{b}")),
    );
    let out = run(&pb, &po, &pt);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(fs::read_to_string(&po).unwrap(), format!("{base}{b}{a}"));
    assert_eq!(
        fs::read_to_string(&pt).unwrap(),
        format!("{base}{b}"),
        "theirs untouched"
    );

    let po = write("ours", &base.replace("medium", "high"));
    let pt = write("theirs", &base.replace("medium", "low"));
    let out = run(&pb, &po, &pt);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`severity`"));
    let merged = fs::read_to_string(&po).unwrap();
    assert!(
        merged.contains("<<<<<<< ours\nseverity: high\n=======\nseverity: low\n>>>>>>> theirs\n")
    );

    // A missing input is an error (2), and ours is left as it was.
    let po = write("ours", "kept\n");
    let out = run(&dir.path().join("missing"), &po, &pt);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert_eq!(fs::read_to_string(&po).unwrap(), "kept\n");
}
