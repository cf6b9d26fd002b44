//! The parse cache never changes a result: after same-second edits, edits
//! with the old modification time put back, swapped files, a truncated or
//! damaged cache, and runs killed while they work, every command gives the
//! bytes it gives with `--no-cache`.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

const NOW: &str = "2026-11-22T12:00:00-05:00";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// A copy of the sample ledger, old enough that its files are cached
/// (a file changed within the last two seconds is never kept).
fn ledger(settle: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&root.join("policies"), &dir.path().join("policies"));
    copy_dir(&root.join("cases"), &dir.path().join("cases"));
    if settle {
        std::thread::sleep(Duration::from_millis(2100));
    }
    dir
}

fn cache_file(dir: &Path) -> PathBuf {
    dir.join(".redress/cache/cases.bin")
}

fn cmd(dir: &Path, no_cache: bool, args: &[&str]) -> Command {
    let mut c = Command::cargo_bin("redress").unwrap();
    c.env("REDRESS_NOW", NOW)
        .env("NO_COLOR", "1")
        .env_remove("REDRESS_NO_CACHE")
        .arg("--ledger")
        .arg(dir);
    if no_cache {
        c.arg("--no-cache");
    }
    c.args(args);
    c
}

/// stdout, stderr and exit code of a command.
fn run(dir: &Path, no_cache: bool, args: &[&str]) -> (Vec<u8>, Vec<u8>, Option<i32>) {
    let out = cmd(dir, no_cache, args).output().unwrap();
    (out.stdout, out.stderr, out.status.code())
}

const COMMANDS: &[&[&str]] = &[
    &["audit", "--format", "json", "--fail-on", "never"],
    &["check"],
    &["export", "--format", "jsonl"],
    &["list"],
];

/// Every command gives the same result with the cache as without it.
fn assert_same_as_uncached(dir: &Path) {
    for args in COMMANDS {
        let cached = run(dir, false, args);
        let fresh = run(dir, true, args);
        assert_eq!(
            String::from_utf8_lossy(&cached.0),
            String::from_utf8_lossy(&fresh.0),
            "{args:?}"
        );
        assert_eq!(
            String::from_utf8_lossy(&cached.1),
            String::from_utf8_lossy(&fresh.1),
            "{args:?}"
        );
        assert_eq!(cached.2, fresh.2, "{args:?}");
    }
}

fn case_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.join("cases")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "yaml") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Rewrites the first `by:` value of a file with as many `z`s (or `y`s
/// when it is all `z`s already): same size, other content.
fn edit_same_size(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let at = text.find("    by: ").expect("an event") + "    by: ".len();
    let end = at + text[at..].find('\n').unwrap();
    let mut new = text.clone();
    let letter = if text[at..end].chars().all(|c| c == 'z') {
        "y"
    } else {
        "z"
    };
    new.replace_range(at..end, &letter.repeat(end - at));
    assert_ne!(new, text);
    std::fs::write(path, &new).unwrap();
    new
}

fn set_mtime(path: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

#[test]
fn the_cache_is_built_used_and_equal_to_reading_every_file() {
    let dir = ledger(true);
    let d = dir.path();
    let first = run(d, false, COMMANDS[0]);
    assert!(cache_file(d).is_file(), "the first run writes the cache");
    let second = run(d, false, COMMANDS[0]);
    assert_eq!(first, second);
    assert_same_as_uncached(d);
    // Never committed.
    assert_eq!(
        std::fs::read_to_string(d.join(".redress/cache/.gitignore")).unwrap(),
        "*\n"
    );
}

#[test]
fn no_cache_and_its_variable_neither_read_nor_write_it() {
    let dir = ledger(true);
    let d = dir.path();
    run(d, true, COMMANDS[0]);
    assert!(!cache_file(d).exists());
    let out = cmd(d, false, COMMANDS[0])
        .env("REDRESS_NO_CACHE", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!cache_file(d).exists());
    // A cache that lies is not read with --no-cache: its entries are
    // checksummed, so a damaged one is never trusted either.
    run(d, false, COMMANDS[0]);
    assert!(cache_file(d).exists());
}

#[test]
fn an_edit_with_its_old_mtime_put_back_is_seen() {
    let dir = ledger(true);
    let d = dir.path();
    let before = run(d, false, &["export", "--format", "jsonl"]);
    let file = &case_files(d)[0];
    let mtime = std::fs::metadata(file).unwrap().modified().unwrap();
    edit_same_size(file);
    set_mtime(file, mtime);
    let after = run(d, false, &["export", "--format", "jsonl"]);
    assert_ne!(before.0, after.0, "the edit must show");
    assert_same_as_uncached(d);
}

#[test]
fn edits_in_the_same_second_as_the_cache_write_are_seen() {
    // No settling: every file is racy at first and is read each time.
    let dir = ledger(false);
    let d = dir.path();
    let file = case_files(d)[1].clone();
    for _ in 0..3 {
        run(d, false, COMMANDS[0]);
        let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
        edit_same_size(&file);
        set_mtime(&file, mtime);
        assert_same_as_uncached(d);
    }
    // And once the files settle, a same-second edit right after the cache
    // is written is seen too.
    std::thread::sleep(Duration::from_millis(2100));
    run(d, false, COMMANDS[0]);
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("by: z", "by: y")).unwrap();
    set_mtime(&file, mtime);
    assert_same_as_uncached(d);
}

#[test]
fn swapped_files_are_seen() {
    let dir = ledger(true);
    let d = dir.path();
    run(d, false, COMMANDS[0]);
    let files = case_files(d);
    let (a, b) = (&files[0], &files[files.len() - 1]);
    let tmp = d.join("swap");
    std::fs::rename(a, &tmp).unwrap();
    std::fs::rename(b, a).unwrap();
    std::fs::rename(&tmp, b).unwrap();
    assert_same_as_uncached(d);
    // Contents swapped in place, keeping each path's inode.
    let (ta, tb) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    std::fs::write(a, tb).unwrap();
    std::fs::write(b, ta).unwrap();
    assert_same_as_uncached(d);
}

#[test]
fn a_damaged_cache_is_discarded_and_rebuilt() {
    let dir = ledger(true);
    let d = dir.path();
    let good = run(d, true, COMMANDS[0]);
    run(d, false, COMMANDS[0]);
    let bytes = std::fs::read(cache_file(d)).unwrap();
    assert!(bytes.len() > 100);
    let mut flipped = bytes.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x20;
    let mut damages: Vec<Vec<u8>> = vec![
        bytes[..bytes.len() / 2].to_vec(),
        bytes[..10].to_vec(),
        Vec::new(),
        b"not a cache at all".to_vec(),
        flipped,
    ];
    // Another format version: the same entries under another hash.
    let mut foreign = bytes.clone();
    foreign[8] ^= 1;
    damages.push(foreign);
    for damaged in damages {
        std::fs::write(cache_file(d), &damaged).unwrap();
        assert_eq!(run(d, false, COMMANDS[0]), good);
        assert_same_as_uncached(d);
    }
    // Rebuilt whole.
    assert_eq!(std::fs::read(cache_file(d)).unwrap().len(), bytes.len());
}

#[test]
fn runs_killed_midway_leave_a_correct_cache() {
    let dir = ledger(true);
    let d = dir.path();
    let good = run(d, true, COMMANDS[0]);
    for i in 0..8u64 {
        if i % 2 == 0 {
            let _ = std::fs::remove_file(cache_file(d));
        }
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("redress"))
            .env("REDRESS_NOW", NOW)
            .env_remove("REDRESS_NO_CACHE")
            .args(["--ledger"])
            .arg(d)
            .args(COMMANDS[0])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(5 + 7 * i));
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(run(d, false, COMMANDS[0]), good);
    }
    assert_same_as_uncached(d);
}

#[test]
fn check_reports_a_file_broken_after_it_was_cached() {
    let dir = ledger(true);
    let d = dir.path();
    let (_, _, code) = run(d, false, &["check"]);
    assert_eq!(code, Some(0));
    let file = &case_files(d)[0];
    let mtime = std::fs::metadata(file).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(file).unwrap();
    // Same size, now invalid: an unknown event kind.
    let broken = text.replacen("event: ", "evenx: ", 1);
    assert_eq!(broken.len(), text.len());
    std::fs::write(file, broken).unwrap();
    set_mtime(file, mtime);
    let (out, _, code) = run(d, false, &["check"]);
    assert_ne!(code, Some(0));
    assert!(String::from_utf8_lossy(&out).contains("evenx"));
    assert_same_as_uncached(d);
}

#[test]
fn files_outside_the_writers_layout_are_cached_too() {
    // Files as hands and other tools write them (a comment, other quoting,
    // lists not indented under their key) are read by the general YAML
    // reader; they are kept like the others, and give the same results.
    let dir = ledger(false);
    let d = dir.path();
    let files = case_files(d);
    let restyled: Vec<(PathBuf, String)> = files
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, path)| {
            let text = std::fs::read_to_string(path).unwrap();
            let new = match i {
                0 => format!("# written by hand\n{text}"),
                1 => text.replacen("\nkind: ", "\nkind: !!str ", 1),
                _ => text.replace("\n  - ", "\n- ").replace("\n    ", "\n  "),
            };
            assert!(redress::case::fast::parse(&new).is_none(), "{new}");
            redress::case::parse_general(&new, "x.yaml").expect("still a valid case");
            std::fs::write(path, &new).unwrap();
            let rel = path.strip_prefix(d).unwrap().to_string_lossy().into_owned();
            (path.clone(), rel)
        })
        .collect();
    std::thread::sleep(Duration::from_millis(2100));
    let first = run(d, false, COMMANDS[0]);
    let index = std::fs::read(cache_file(d)).unwrap();
    for (_, rel) in &restyled {
        let kept = index.windows(rel.len()).any(|w| w == rel.as_bytes());
        assert!(kept, "{rel} is not in the cache");
    }
    assert_eq!(first, run(d, false, COMMANDS[0]));
    assert_same_as_uncached(d);
    // An edit to one of them is seen.
    let (path, _) = &restyled[0];
    edit_same_size(path);
    assert_same_as_uncached(d);
}
