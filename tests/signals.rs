//! A writer stopped mid-write: by a signal it can catch, it leaves nothing
//! behind; by kill -9, `check` reports what it left and how to remove it.
//! `REDRESS_TEST_PAUSE_WRITE_MS` (test-only) holds the write between the
//! temporary file and the rename, so the tests can stop it there.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const ID: &str = "20261102-k7q2";

fn leftovers(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir.join("cases"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.path().to_path_buf())
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".tmp") || name.ends_with(".lock")
        })
        .collect()
}

/// Starts a note that pauses mid-write, and waits until its temporary file
/// exists (bounded: the test fails rather than hangs).
fn writer_paused_mid_write(dir: &Path) -> Child {
    let child = Command::new(env!("CARGO_BIN_EXE_redress"))
        .current_dir(dir)
        .env("REDRESS_NOW", NOW)
        .env("REDRESS_USER", "alice")
        .env("REDRESS_TEST_PAUSE_WRITE_MS", "20000")
        .env_remove("REDRESS_LEDGER")
        .args(["note", "k7q2", "stopped mid-write"])
        .spawn()
        .expect("the binary runs");
    let deadline = Instant::now() + Duration::from_secs(30);
    while !leftovers(dir)
        .iter()
        .any(|p| p.to_string_lossy().ends_with(".tmp"))
    {
        assert!(
            Instant::now() < deadline,
            "the writer never made its temporary file"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

#[test]
fn a_terminated_writer_leaves_nothing_behind() {
    for (signal, name) in [
        (libc::SIGTERM, "TERM"),
        (libc::SIGINT, "INT"),
        (libc::SIGHUP, "HUP"),
    ] {
        let dir = init();
        let rel = add_case(dir.path(), ID);
        let before = fs::read(dir.path().join(&rel)).expect("case");
        let mut child = writer_paused_mid_write(dir.path());
        let status = Command::new("kill")
            .args([format!("-{name}"), child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let status = child.wait().expect("the writer ends");
        assert_eq!(status.code(), Some(128 + signal), "SIG{name}: {status}");
        assert_eq!(leftovers(dir.path()), Vec::<PathBuf>::new(), "SIG{name}");
        assert_eq!(fs::read(dir.path().join(&rel)).expect("case"), before);
        redress(dir.path()).arg("check").assert().success();
    }
}

#[test]
fn check_reports_what_a_killed_writer_left() {
    let dir = init();
    let rel = add_case(dir.path(), ID);
    let mut child = writer_paused_mid_write(dir.path());
    child.kill().expect("kill -9");
    child.wait().expect("the writer ends");
    let left = leftovers(dir.path());
    assert_eq!(left.len(), 2, "a temporary file and the lock: {left:?}");

    let out = redress(dir.path()).arg("check").output().expect("runs");
    assert!(!out.status.success(), "check fails while they are there");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("error[leftover-temp]"), "{text}");
    assert!(
        text.contains(&format!("{rel}.lock:1:1: error[stale-lock]")),
        "{text}"
    );
    assert!(text.contains("if no redress is running"), "{text}");
    assert!(text.contains(&format!("rm '{rel}.lock'")), "{text}");

    // While the lock is there, writes are refused with a message naming it.
    let out = redress(dir.path())
        .args(["note", "k7q2", "blocked"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{rel}.lock")) && err.contains("remove"),
        "{err}"
    );

    // Removing them as the help says makes the ledger whole again.
    for p in left {
        fs::remove_file(p).expect("rm");
    }
    redress(dir.path()).arg("check").assert().success();
    redress(dir.path())
        .args(["note", "k7q2", "now it works"])
        .assert()
        .success();
}
