//! `redress export --format register`: the complaint register as CSV and
//! as an XLSX workbook, read back with calamine.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::{redress, write};
use predicates::str::contains;

/// An AMF ledger: one case answered in time after an announced extension,
/// one late with a refund, one still open.
fn ledger() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    redress(dir.path())
        .args(["init", "--preset", "amf-quebec", "."])
        .assert()
        .success();
    let head = |id: &str, received: &str| {
        format!(
            "id: {id}\nkind: complaint\ntitle: Marie Tremblay's claim\nreceived: {received}\nchannel: letter\ncustomer:\n  name: Marie Tremblay\n  email: marie@example.com\n  phone: \"+1 514 555 0199\"\ncategory: billing\nseverity: medium\nhistory:\n"
        )
    };
    let ev = |at: &str, kind: &str, extra: &str| {
        format!("  - at: {at}\n    by: alice\n    event: {kind}\n{extra}")
    };
    let p = dir.path();
    write(
        p,
        "cases/2026/06/20260601-aaaa.yaml",
        &(head("20260601-aaaa", "2026-06-01T10:00:00-04:00")
            + &ev("2026-06-02T09:00:00-04:00", "acknowledged", "")
            + &ev(
                "2026-07-20T09:00:00-04:00",
                "updated",
                "    note: More time needed\n",
            )
            + &ev(
                "2026-07-20T09:05:00-04:00",
                "extended",
                "    to: 90d\n    reason: Expert report\n",
            )
            + &ev(
                "2026-08-20T10:00:00-04:00",
                "resolved",
                "    outcome: unfounded\n",
            )),
    );
    write(
        p,
        "cases/2026/07/20260701-bbbb.yaml",
        &(head("20260701-bbbb", "2026-07-01T10:00:00-04:00")
            + &ev("2026-07-02T09:00:00-04:00", "acknowledged", "")
            + &ev(
                "2026-09-15T10:00:00-04:00",
                "compensated",
                "    remedy: refund\n    amount: 40.00\n",
            )
            + &ev(
                "2026-09-15T10:05:00-04:00",
                "resolved",
                "    outcome: founded\n",
            )),
    );
    write(
        p,
        "cases/2026/11/20261101-cccc.yaml",
        &head("20261101-cccc", "2026-11-01T10:00:00-05:00"),
    );
    dir
}

const HEADER: &str = "id,kind,channel,category,severity,received,acknowledged,extended,extended_to,final_response,due,outcome,remedy,compensation,days_taken,on_time,status,rule";

#[test]
fn the_csv_register_has_one_row_per_case_and_no_contacts() {
    let dir = ledger();
    let out = redress(dir.path())
        .args(["export", "--format", "register"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], HEADER);
    assert_eq!(
        lines[1],
        "20260601-aaaa,complaint,letter,billing,medium,2026-06-01 10:00,2026-06-02 09:00,2026-07-20 09:05,90d,2026-08-20 10:00,2026-08-30 10:00,unfounded,,0.00,80,yes,resolved,\"default, extended to 90d\""
    );
    assert_eq!(
        lines[2],
        "20260701-bbbb,complaint,letter,billing,medium,2026-07-01 10:00,2026-07-02 09:00,,,2026-09-15 10:05,2026-08-30 10:00,founded,refund,40.00,76,no,resolved,default"
    );
    assert_eq!(
        lines[3],
        "20261101-cccc,complaint,letter,billing,medium,2026-11-01 10:00,,,,,2026-12-31 10:00,,,0.00,,open,new,default"
    );
    assert_eq!(lines.len(), 4);
    for trace in ["Marie", "Tremblay", "marie@", "555"] {
        assert!(!text.contains(trace), "{trace}");
    }
}

#[test]
fn contacts_appear_only_when_asked() {
    let dir = ledger();
    redress(dir.path())
        .args(["export", "--format", "register", "--include-contacts"])
        .assert()
        .success()
        .stdout(contains("customer_name,customer_email,customer_phone"))
        .stdout(contains("Marie Tremblay,marie@example.com,+1 514 555 0199"));
}

fn read_xlsx(path: &std::path::Path) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("a workbook");
    let range = book.worksheet_range("Register").expect("a Register sheet");
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn the_register_opens_as_xlsx_with_the_same_rows_and_real_dates() {
    let dir = ledger();
    let p = dir.path();
    redress(p)
        .args([
            "export",
            "--format",
            "register",
            "-o",
            "exports/register.xlsx",
        ])
        .assert()
        .success();
    redress(p)
        .args(["export", "--format", "register-xlsx", "-o", "exports/other"])
        .assert()
        .success();
    let rows = read_xlsx(&p.join("exports/register.xlsx"));
    assert_eq!(rows, read_xlsx(&p.join("exports/other")));
    assert_eq!(rows.len(), 4);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(header.join(","), HEADER);
    assert_eq!(rows[1][0].to_string(), "20260601-aaaa");
    assert_eq!(rows[2][12].to_string(), "refund");
    assert_eq!(rows[2][14], Data::Float(76.0));
    assert_eq!(rows[2][15].to_string(), "no");
    assert_eq!(rows[3][15].to_string(), "open");
    // Receipt is a date cell: 2026-06-01 10:00.
    match &rows[1][5] {
        Data::DateTime(d) => {
            assert!(d.is_datetime());
            assert_eq!(d.to_ymd_hms_milli(), (2026, 6, 1, 10, 0, 0, 0));
        }
        other => panic!("received is not a date cell: {other:?}"),
    }
    let bytes = std::fs::read(p.join("exports/register.xlsx")).unwrap();
    for trace in ["Marie", "Tremblay", "marie@"] {
        assert!(!String::from_utf8_lossy(&bytes).contains(trace));
    }
}

#[test]
fn register_xlsx_needs_a_file() {
    let dir = ledger();
    redress(dir.path())
        .args(["export", "--format", "register-xlsx"])
        .assert()
        .code(2)
        .stderr(contains("give -o FILE.xlsx"));
}
