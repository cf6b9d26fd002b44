//! `show`, `audit` and `policy explain` fit the width they are given
//! (COLUMNS): no line is wider, case IDs and timestamps are never split,
//! colour changes no column, and piped output (no width) is one record a line.
//! On the sample ledger and on a ledger imported from the real CFPB data.

mod common;

use common::redress;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The command's stdout at `width` columns (None: piped, no COLUMNS), with
/// colour on or off.
fn run(root: &Path, args: &[&str], width: Option<usize>, color: bool) -> String {
    let mut cmd = redress(root);
    cmd.env_remove("COLUMNS")
        .args(["--color", if color { "always" } else { "never" }])
        .args(args);
    if let Some(w) = width {
        cmd.env("COLUMNS", w.to_string());
    }
    let out = cmd.output().expect("runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn width_of(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

/// Every case ID of the ledger, from `list --format json`.
fn ids(root: &Path) -> Vec<String> {
    let out = run(root, &["list", "--all", "--format", "json"], None, false);
    let items: serde_json::Value = serde_json::from_str(&out).expect("json");
    items
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|i| i["id"].as_str().map(String::from))
        .collect()
}

/// The checks every output must pass at `width`: no visible line wider;
/// the same text with colour on once the colour is taken out; every word
/// in `whole` (IDs, timestamps) on one line.
fn check(root: &Path, args: &[&str], width: usize, whole: &[String]) {
    let plain = run(root, args, Some(width), false);
    let painted = run(root, args, Some(width), true);
    assert!(painted.contains('\x1b'), "{args:?}: colour is on");
    assert_eq!(strip_ansi(&painted), plain, "{args:?}: colour moved text");
    for line in plain.lines() {
        assert!(
            width_of(line) <= width,
            "{args:?} at {width}: {} columns: {line:?}",
            width_of(line)
        );
    }
    for word in whole {
        assert!(
            plain.lines().any(|l| l.contains(word.as_str())),
            "{args:?} at {width}: `{word}` split or missing"
        );
    }
}

/// The case's timestamps as `show` prints them, from its JSON.
fn timestamps(root: &Path, id: &str) -> Vec<String> {
    let out = run(root, &["show", id, "--format", "json"], None, false);
    let case: serde_json::Value = serde_json::from_str(&out).expect("json");
    case["history"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["at"].as_str())
        .filter_map(|at| at.get(..16))
        .map(|at| at.replacen('T', " ", 1))
        .collect()
}

fn check_ledger(root: &Path, cases: &[String]) {
    for width in [80, 200] {
        for id in cases {
            let mut whole = timestamps(root, id);
            whole.push(id.clone());
            check(root, &["show", id], width, &whole);
            check(
                root,
                &["policy", "explain", id],
                width,
                std::slice::from_ref(id),
            );
        }
        let out = run(root, &["audit", "--format", "json"], None, false);
        let audit: serde_json::Value = serde_json::from_str(&out).expect("json");
        let mut whole: Vec<String> = Vec::new();
        for f in audit["findings"].as_array().into_iter().flatten() {
            whole.extend(f["case"].as_str().map(String::from));
            whole.extend(
                f["at"]
                    .as_str()
                    .and_then(|a| a.get(..16))
                    .map(|a| a.replacen('T', " ", 1)),
            );
        }
        check(root, &["audit"], width, &whole);
    }
}

#[test]
fn sample_ledger_fits_80_and_200_columns() {
    let root = repo();
    let cases = ids(&root);
    assert!(cases.len() > 50, "the sample ledger has its cases");
    check_ledger(&root, &cases);
}

#[test]
fn imported_cfpb_ledger_fits_80_and_200_columns() {
    let dir = common::init();
    let file = repo().join("tests/data/cfpb/cfpb-2019-official-headers.csv");
    let out = redress(dir.path())
        .args(["import", "cfpb"])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cases = ids(dir.path());
    assert_eq!(cases.len(), 268);
    // Every case would take minutes; every ninth covers the long narratives.
    let some: Vec<String> = cases.iter().step_by(9).cloned().collect();
    check_ledger(dir.path(), &some);
}

/// Piped (no COLUMNS, not a tty): nothing is wrapped or cut, so a record
/// is one line that grep finds whole.
#[test]
fn piped_output_is_one_record_a_line() {
    let root = repo();
    let audit = run(&root, &["audit"], None, false);
    let json = run(&root, &["audit", "--format", "json"], None, false);
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    for f in json["findings"].as_array().into_iter().flatten() {
        let (Some(case), Some(message)) = (f["case"].as_str(), f["message"].as_str()) else {
            panic!("finding without case or message: {f}");
        };
        assert!(
            audit
                .lines()
                .any(|l| l.contains(case) && l.ends_with(message)),
            "{case}: `{message}` not on its line"
        );
    }
    let show = run(&root, &["show", "20251101-7hq3"], None, false);
    assert!(
        show.lines().any(|l| l.starts_with("  2025-11-04 14:20")
            && l.ends_with("réclamation transporteur ouverte."))
    );
    let explain = run(&root, &["policy", "explain", "20251101-7hq3"], None, false);
    assert!(
        explain.lines().any(|l| l.contains("acknowledge 1")
            && l.ends_with("stopped 2025-11-03 09:05 · rule: default"))
    );
}

/// At 80 columns a long note wraps under its column (or below the row),
/// and no word of it is lost.
#[test]
fn wrapped_text_keeps_every_word() {
    let root = repo();
    let narrow = run(&root, &["show", "20251101-7hq3"], Some(80), false);
    let piped = run(&root, &["show", "20251101-7hq3"], None, false);
    let words = |t: &str| t.split_whitespace().map(String::from).collect::<Vec<_>>();
    assert_eq!(words(&narrow), words(&piped));
    assert!(
        narrow.lines().count() > piped.lines().count(),
        "80 columns wrap"
    );
}
