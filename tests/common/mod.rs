//! Shared helpers for integration tests: fixture ledgers in temp folders.
#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub const NOW: &str = "2026-11-22T12:00:00-05:00";

/// The binary, with a fixed clock and no colour, run inside `dir`.
pub fn redress(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("redress").expect("binary built");
    cmd.current_dir(dir)
        .env("REDRESS_NOW", NOW)
        .env("REDRESS_USER", "alice")
        .env_remove("REDRESS_LEDGER")
        .env("REDRESS_LANG", "en")
        .env("NO_COLOR", "1");
    cmd
}

/// A fresh ledger made by `redress init`.
pub fn init() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    redress(dir.path()).arg("init").assert().success();
    dir
}

/// Every file under `dir` with its bytes, to prove nothing changed.
/// Every file of the ledger at `dir` with its bytes; caches aside (they
/// are rebuilt from the files, and reading a ledger may write them).
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            !e.path()
                .strip_prefix(dir)
                .is_ok_and(|p| p.starts_with(".redress/cache"))
        })
        .map(|e| {
            (
                e.path().to_path_buf(),
                fs::read(e.path()).expect("readable"),
            )
        })
        .collect()
}

pub fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(&path, text).expect("write");
    path
}

/// A valid case text with the given id (received on the id's date, 09:14).
pub fn case_text(id: &str) -> String {
    let d = &id[..8];
    format!(
        "id: {id}
kind: claim
title: Parcel late, lamp broken
received: {}-{}-{}T09:14:00-05:00
channel: email
customer:
  name: Marie Tremblay
  email: marie@example.com
  profile: voicer
category: delivery
severity: medium
harm: 120.00
description: |
  The parcel arrived late and the lamp was broken.
history:
  - at: {}-{}-{}T11:02:00-05:00
    by: alice
    event: acknowledged
",
        &d[..4],
        &d[4..6],
        &d[6..8],
        &d[..4],
        &d[4..6],
        &d[6..8]
    )
}

pub fn case_path(id: &str) -> String {
    format!("cases/{}/{}/{id}.yaml", &id[..4], &id[4..6])
}

/// Writes a valid case into the ledger and returns its relative path.
pub fn add_case(dir: &Path, id: &str) -> String {
    let rel = case_path(id);
    write(dir, &rel, &case_text(id));
    rel
}

/// The hand-made ledger of the returns and the review (tests/fixtures/returns).
pub fn returns_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/returns")
}

/// `redress report ARGS` on the returns fixture: its stdout, after checking
/// it succeeded.
pub fn report_on_returns_fixture(args: &[&str]) -> String {
    let dir = returns_fixture();
    let out = redress(&dir)
        .args(["--ledger", dir.to_str().unwrap(), "report"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
