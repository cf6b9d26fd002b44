//! Special files and links out of the ledger: only regular files inside the
//! ledger are read or written; anything else is reported, never followed,
//! never waited on, never echoed.

mod common;

use common::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const ID: &str = "20261102-k7q2";
const SECRET: &str = "SECRET-hunter2-TOKEN";

/// Runs the binary in `dir`, failing the test (not hanging it) if it has
/// not finished after 30 s.
fn run(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_redress"))
        .current_dir(dir)
        .env("REDRESS_NOW", NOW)
        .env("REDRESS_USER", "alice")
        .env("NO_COLOR", "1")
        .env_remove("REDRESS_LEDGER")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().expect("waits").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("`redress {}` hangs", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn all_output(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
}

#[test]
fn a_fifo_policy_file_is_reported_not_waited_on() {
    let dir = init();
    add_case(dir.path(), ID);
    let policy = dir.path().join("policies/deadlines.toml");
    fs::remove_file(&policy).expect("rm");
    mkfifo(&policy);
    for args in [
        &["check"][..],
        &["list"],
        &["show", "k7q2"],
        &["policy", "check"],
    ] {
        let out = run(dir.path(), args);
        assert!(!out.status.success(), "{args:?}");
        let text = all_output(&out);
        assert!(
            text.contains("policies/deadlines.toml") && text.contains("FIFO"),
            "{args:?}: {text}"
        );
        assert!(text.contains("regular file"), "{args:?}: {text}");
    }
}

#[test]
fn a_folder_or_fifo_named_like_a_case_is_reported() {
    let dir = init();
    add_case(dir.path(), ID);
    fs::create_dir_all(dir.path().join("cases/2026/11/folder.yaml")).expect("mkdir");
    mkfifo(&dir.path().join("cases/2026/11/pipe.yaml"));
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = all_output(&out);
    assert!(
        text.contains("cases/2026/11/folder.yaml:1:1: error[not-a-file]")
            && text.contains("a folder"),
        "{text}"
    );
    assert!(
        text.contains("cases/2026/11/pipe.yaml:1:1: error[not-a-file]") && text.contains("FIFO"),
        "{text}"
    );
    assert!(
        text.contains("= help: a case is a regular YAML file"),
        "{text}"
    );
    // Commands that read every case see them too, and still finish.
    let out = run(dir.path(), &["list"]);
    assert!(all_output(&out).contains("pipe.yaml"));
}

/// A ledger whose `cases/` is a link to a folder outside it.
#[test]
fn nothing_is_written_through_a_linked_cases_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let outside = tmp.path().join("outside");
    let ledger = tmp.path().join("ledger");
    redress(tmp.path())
        .args(["init", "ledger"])
        .assert()
        .success();
    let case = outside.join(format!("2026/11/{ID}.yaml"));
    fs::create_dir_all(case.parent().expect("parent")).expect("mkdir");
    fs::write(&case, case_text(ID)).expect("write");
    fs::remove_dir(ledger.join("cases")).expect("rmdir");
    std::os::unix::fs::symlink(&outside, ledger.join("cases")).expect("symlink");
    let before = snapshot(&outside);

    for id in [ID, "k7q2"] {
        let out = run(&ledger, &["note", id, "written outside?"]);
        assert!(!out.status.success(), "note {id}: {}", all_output(&out));
    }
    let out = run(&ledger, &["note", ID, "written outside?"]);
    assert!(
        all_output(&out).contains("outside the ledger"),
        "{}",
        all_output(&out)
    );
    let out = run(
        &ledger,
        &[
            "new",
            "--kind",
            "claim",
            "--title",
            "T",
            "--customer",
            "M",
            "--channel",
            "email",
            "--category",
            "delivery",
            "--severity",
            "low",
        ],
    );
    assert!(!out.status.success(), "new: {}", all_output(&out));
    assert_eq!(
        snapshot(&outside),
        before,
        "nothing changed outside the ledger"
    );
    let out = run(&ledger, &["check"]);
    assert!(all_output(&out).contains("error[outside-ledger]"));
}

#[test]
fn a_case_linked_to_a_file_outside_is_never_echoed() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ledger = tmp.path().join("ledger");
    redress(tmp.path())
        .args(["init", "ledger"])
        .assert()
        .success();
    let secret = tmp.path().join("passwd");
    fs::write(
        &secret,
        format!("root:x:0:0:root:/root:/bin/bash {SECRET}\nid: {ID}\n{SECRET}: yes\n"),
    )
    .expect("write");
    let rel = format!("cases/2026/11/{ID}.yaml");
    fs::create_dir_all(ledger.join("cases/2026/11")).expect("mkdir");
    std::os::unix::fs::symlink(&secret, ledger.join(&rel)).expect("symlink");
    let before = fs::read(&secret).expect("read");
    let commands: &[&[&str]] = &[
        &["show", ID],
        &["show", "k7q2"],
        &["show", ID, "--format", "json"],
        &["check"],
        &["check", "--format", "json"],
        &["audit"],
        &["list"],
        &["report"],
        &["export"],
        &["note", ID, "x"],
    ];
    for args in commands {
        let out = run(&ledger, args);
        let text = all_output(&out);
        assert!(!text.contains(SECRET), "{args:?} echoed the file:\n{text}");
        assert!(
            !text.contains("root:x:0:0"),
            "{args:?} echoed the file:\n{text}"
        );
    }
    assert!(!run(&ledger, &["show", ID]).status.success());
    assert_eq!(fs::read(&secret).expect("read"), before);
}

/// A file inside the ledger that is not a case: its errors quote at most a
/// few dozen characters of it.
#[test]
fn a_foreign_file_inside_is_not_echoed_whole() {
    let dir = init();
    let mut text = String::from("root:x:0:0:root:/root:/bin/bash:with-a-long-first-line\n");
    text.push_str(&format!(
        "daemon:x:1:1:{SECRET}:/usr/sbin:/usr/sbin/nologin\n"
    ));
    write(dir.path(), &case_path(ID), &text);
    for args in [&["show", ID][..], &["check"]] {
        let out = run(dir.path(), args);
        assert!(!out.status.success());
        let text = all_output(&out);
        assert!(!text.contains(SECRET), "{args:?}:\n{text}");
        assert!(
            text.contains(&format!("{}:1:1", case_path(ID))),
            "{args:?}:\n{text}"
        );
    }
}
