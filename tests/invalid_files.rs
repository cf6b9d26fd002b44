//! A command that reads the whole ledger never leaves an invalid case file
//! out quietly: `list`, `report`, `export` and `policy impact` refuse (exit
//! 2, nothing on standard output), `audit` lists the file and exits 1, in
//! every format. With `--skip-invalid` each goes on with the valid cases,
//! warns on stderr and exits 0.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

const GOOD: &str = "20261102-k7q2";
const BAD: &str = "cases/2026/11/20261103-m2xk.yaml";

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@test.invalid"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?} failed");
}

/// One valid case, one file that is not a valid case, committed (for
/// `policy impact --base HEAD`).
fn ledger() -> tempfile::TempDir {
    let dir = init();
    add_case(dir.path(), GOOD);
    write(dir.path(), BAD, "id: [20261103-m2xk\nkind claim\n");
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "ledger"]);
    dir
}

/// Every ledger-wide command in every format, and its exit code when it
/// meets an invalid file without --skip-invalid.
fn every_scan() -> Vec<(Vec<&'static str>, i32)> {
    let mut runs = Vec::new();
    for f in ["table", "json", "csv"] {
        runs.push((vec!["list", "--format", f], 2));
    }
    for f in ["table", "markdown", "json", "csv", "html"] {
        runs.push((vec!["report", "--format", f], 2));
    }
    for f in ["csv", "jsonl", "register"] {
        runs.push((vec!["export", "--format", f], 2));
    }
    for f in ["table", "json", "csv"] {
        runs.push((
            vec!["report", "--return", "fca", "--for", "2026", "--format", f],
            2,
        ));
    }
    for f in ["table", "json", "html"] {
        runs.push((vec!["report", "--review", "2026-Q4", "--format", f], 2));
    }
    for f in ["table", "markdown", "json"] {
        runs.push((vec!["policy", "impact", "--base", "HEAD", "--format", f], 2));
    }
    for f in ["table", "json", "csv", "markdown"] {
        runs.push((vec!["audit", "--fail-on", "never", "--format", f], 1));
    }
    runs.push((vec!["audit", "--fail-on", "never", "--case", "m2xk"], 1));
    runs
}

struct Ran {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Ran {
    let out = redress(dir).args(args).output().expect("runs");
    Ran {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn an_invalid_file_fails_every_ledger_wide_command() {
    let dir = ledger();
    let before = snapshot(dir.path());
    for (args, code) in every_scan() {
        let r = run(dir.path(), &args);
        assert_eq!(r.code, code, "{args:?}\n{}", r.stderr);
        // The file is named wherever the run reports it.
        assert!(
            r.stderr.contains(BAD) || r.stdout.contains(BAD),
            "{args:?} does not name {BAD}:\n{}{}",
            r.stdout,
            r.stderr
        );
        if code == 2 {
            assert!(r.stdout.is_empty(), "{args:?} printed:\n{}", r.stdout);
            assert!(
                r.stderr.contains("--skip-invalid"),
                "{args:?}:\n{}",
                r.stderr
            );
        }
    }
    assert_eq!(before, snapshot(dir.path()), "nothing is written");
    // Once the file is fixed (here: gone), no flag is needed.
    std::fs::remove_file(dir.path().join(BAD)).expect("remove");
    for (args, _) in every_scan() {
        if !args.contains(&"--case") {
            let r = run(dir.path(), &args);
            assert_eq!(r.code, 0, "{args:?}\n{}", r.stderr);
            assert!(!r.stderr.contains("warning:"), "{args:?}:\n{}", r.stderr);
        }
    }
}

#[test]
fn skip_invalid_warns_and_goes_on_with_the_valid_cases() {
    let dir = ledger();
    for (mut args, _) in every_scan() {
        args.push("--skip-invalid");
        let r = run(dir.path(), &args);
        assert_eq!(r.code, 0, "{args:?}\n{}", r.stderr);
        assert!(
            r.stderr.contains("warning:") && r.stderr.contains(BAD),
            "{args:?} does not warn about {BAD}:\n{}",
            r.stderr
        );
        assert!(!r.stdout.is_empty(), "{args:?} printed nothing");
        if args[0] == "list" || args[0] == "export" {
            assert!(r.stdout.contains(GOOD), "{args:?}:\n{}", r.stdout);
        }
    }
}

#[test]
fn an_export_to_a_file_writes_nothing_when_it_refuses() {
    let dir = ledger();
    for f in ["jsonl", "csv", "register"] {
        let r = run(
            dir.path(),
            &["export", "--format", f, "-o", "out/cases.txt"],
        );
        assert_eq!(r.code, 2, "{f}: {}", r.stderr);
        assert!(!dir.path().join("out").exists(), "{f}");
    }
    let r = run(
        dir.path(),
        &[
            "export",
            "--format",
            "jsonl",
            "--skip-invalid",
            "-o",
            "cases.jsonl",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let written = std::fs::read_to_string(dir.path().join("cases.jsonl")).expect("written");
    assert!(
        written.contains(GOOD) && written.ends_with('\n'),
        "{written}"
    );
}

#[test]
fn report_to_a_file_writes_nothing_when_it_refuses() {
    let dir = ledger();
    let r = run(dir.path(), &["report", "--format", "html", "-o", "r.html"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!dir.path().join("r.html").exists());
}
