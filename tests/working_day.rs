//! Issue 13 item 10: a new ledger is ready for a working day.

mod common;
use common::{init, redress};

#[test]
fn init_creates_reports_and_exports_and_this_years_quebec_holidays() {
    let dir = init();
    assert!(dir.path().join("reports").is_dir());
    assert!(dir.path().join("exports").is_dir());
    let deadlines = std::fs::read_to_string(dir.path().join("policies/deadlines.toml")).unwrap();
    // --now is 2026-11-22: 2026 and 2027, Good Friday and the patriotes' Monday computed.
    for day in [
        "2026-04-03",
        "2026-05-18",
        "2027-03-26",
        "2027-05-24",
        "2027-12-25",
    ] {
        assert!(deadlines.contains(&format!("\"{day}\"")), "{day} missing");
    }
    assert!(!deadlines.contains("2028-"));
}

#[test]
fn report_and_export_o_create_a_missing_folder() {
    let dir = init();
    redress(dir.path())
        .args([
            "report",
            "--format",
            "markdown",
            "-o",
            "reports/2026-11/summary.md",
        ])
        .assert()
        .success();
    assert!(dir.path().join("reports/2026-11/summary.md").is_file());
    redress(dir.path())
        .args(["export", "--format", "csv", "-o", "exports/new/all.csv"])
        .assert()
        .success();
    assert!(dir.path().join("exports/new/all.csv").is_file());
}

#[test]
fn o_under_a_file_is_refused_with_a_clear_error() {
    let dir = init();
    std::fs::write(dir.path().join("plain"), "x").unwrap();
    let out = redress(dir.path())
        .args(["export", "--format", "csv", "-o", "plain/sub/all.csv"])
        .assert()
        .failure()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("cannot create the folder plain/sub"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plain")).unwrap(),
        "x"
    );
}
