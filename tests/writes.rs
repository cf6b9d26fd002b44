//! The one writer: modes and groups survive every write, new files get the
//! same mode whichever command makes them, and a read-only file is refused.

mod common;

use common::*;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("exists").permissions().mode() & 0o7777
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

/// A case with no events yet, so that `ack` is allowed.
fn unacknowledged(dir: &Path, id: &str) -> std::path::PathBuf {
    let text = case_text(id);
    let head = &text[..text.find("history:").expect("history") + "history:\n".len()];
    write(dir, &case_path(id), head)
}

#[test]
fn ack_keeps_the_mode_of_the_case() {
    for wanted in [0o644, 0o664, 0o640] {
        let dir = init();
        let path = unacknowledged(dir.path(), "20261102-k7q2");
        set_mode(&path, wanted);
        // Another group, where this user may set one (root, or a member).
        let group = std::os::unix::fs::chown(&path, None, Some(1)).is_ok();
        redress(dir.path()).args(["ack", "k7q2"]).assert().success();
        if group {
            use std::os::unix::fs::MetadataExt;
            assert_eq!(fs::metadata(&path).expect("case").gid(), 1, "group kept");
        }
        assert!(
            fs::read_to_string(&path)
                .expect("case")
                .contains("acknowledged")
        );
        assert_eq!(mode(&path), wanted, "mode after ack, was {wanted:o}");
    }
}

#[test]
fn import_keeps_the_mode_of_categories_toml() {
    let dir = init();
    let cats = dir.path().join("policies/categories.toml");
    set_mode(&cats, 0o664);
    let before = fs::read_to_string(&cats).expect("categories");
    let csv = dir.path().join("in.csv");
    fs::write(
        &csv,
        "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID\n\
2019-09-24,Credit reporting,,Incorrect information,,,,ACME,FL,335XX,,,Web,2019-09-24,Closed with explanation,Yes,N/A,3384392\n",
    )
    .expect("csv");
    redress(dir.path())
        .args(["import", "cfpb", "in.csv"])
        .assert()
        .success();
    assert_ne!(
        fs::read_to_string(&cats).expect("categories"),
        before,
        "a category was declared"
    );
    assert_eq!(mode(&cats), 0o664);
}

/// The mode a new file gets here: 0644 less the umask of this process.
fn expected_new_mode(dir: &Path) -> u32 {
    use std::os::unix::fs::OpenOptionsExt;
    let probe = dir.join("probe");
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(&probe)
        .expect("probe");
    let m = mode(&probe);
    fs::remove_file(&probe).expect("rm probe");
    m
}

#[test]
fn export_and_report_create_files_with_the_same_mode() {
    let dir = init();
    add_case(dir.path(), "20261102-k7q2");
    let wanted = expected_new_mode(dir.path());
    redress(dir.path())
        .args(["export", "-o", "out.csv"])
        .assert()
        .success();
    redress(dir.path())
        .args(["report", "-o", "out.txt"])
        .assert()
        .success();
    assert_eq!(mode(&dir.path().join("out.csv")), wanted, "export -o");
    assert_eq!(mode(&dir.path().join("out.txt")), wanted, "report -o");
    // Replacing keeps what the user chose.
    set_mode(&dir.path().join("out.csv"), 0o600);
    redress(dir.path())
        .args(["export", "-o", "out.csv"])
        .assert()
        .success();
    assert_eq!(mode(&dir.path().join("out.csv")), 0o600);
}

#[test]
fn a_read_only_case_is_refused_and_unchanged() {
    let dir = init();
    let rel = add_case(dir.path(), "20261102-k7q2");
    let path = dir.path().join(&rel);
    set_mode(&path, 0o444);
    let before = snapshot(dir.path());
    let out = redress(dir.path())
        .args(["note", "k7q2", "hello"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("read-only") && err.contains(&rel), "{err}");
    assert_eq!(snapshot(dir.path()), before, "nothing changed");
    assert_eq!(mode(&path), 0o444);
}
