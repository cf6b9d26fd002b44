//! Many `redress note` processes on one case at once: every append that
//! exits 0 is in the file, every other one is refused with a clear message,
//! and the ledger stays valid.
//!
//! Bounded for CI: 12 writers × 25 notes by default. A bigger run by hand:
//! `REDRESS_STRESS_WRITERS=16 REDRESS_STRESS_NOTES=400 cargo test --release --test concurrency`.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::process::Command;

fn knob(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn concurrent_notes_lose_nothing() {
    let dir = init();
    let rel = add_case(dir.path(), "20261102-k7q2");
    let writers = knob("REDRESS_STRESS_WRITERS", 12);
    let notes = knob("REDRESS_STRESS_NOTES", 25);
    let root = dir.path().to_path_buf();
    let handles: Vec<_> = (0..writers)
        .map(|w| {
            let root = root.clone();
            std::thread::spawn(move || {
                let mut ok = Vec::new();
                let mut refused = Vec::new();
                for n in 0..notes {
                    let text = format!("note-w{w}-n{n}-end");
                    let out = Command::new(env!("CARGO_BIN_EXE_redress"))
                        .current_dir(&root)
                        .env("REDRESS_NOW", NOW)
                        .env("REDRESS_USER", "alice")
                        .env_remove("REDRESS_LEDGER")
                        .args(["note", "k7q2", &text])
                        .output()
                        .expect("the binary runs");
                    if out.status.success() {
                        ok.push(text);
                    } else {
                        refused.push((text, String::from_utf8_lossy(&out.stderr).into_owned()));
                    }
                }
                (ok, refused)
            })
        })
        .collect();
    let mut succeeded = BTreeSet::new();
    let mut refused = Vec::new();
    for h in handles {
        let (ok, bad) = h.join().expect("writer thread");
        succeeded.extend(ok);
        refused.extend(bad);
    }
    let text = std::fs::read_to_string(dir.path().join(&rel)).expect("case file");
    let stored: BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("note: "))
        .map(|n| n.trim_matches('"').to_string())
        .collect();
    let lost: Vec<&String> = succeeded.difference(&stored).collect();
    let phantom: Vec<&String> = stored.difference(&succeeded).collect();
    eprintln!(
        "{} appends: {} exit 0, {} refused, {} lost",
        writers * notes,
        succeeded.len(),
        refused.len(),
        lost.len()
    );
    assert!(
        lost.is_empty(),
        "{} appends exited 0 but are not in the file: {lost:?}",
        lost.len()
    );
    assert!(
        phantom.is_empty(),
        "refused appends were written anyway: {phantom:?}"
    );
    for (note, err) in &refused {
        assert!(
            err.contains("lock") || err.contains("changed while redress was writing"),
            "{note} was refused without a clear reason: {err}"
        );
    }
    redress(dir.path()).arg("check").assert().success();
    let leftovers: Vec<_> = walkdir::WalkDir::new(dir.path().join("cases"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name().to_string_lossy();
            name.ends_with(".tmp") || name.ends_with(".lock")
        })
        .map(|e| e.path().to_path_buf())
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}
