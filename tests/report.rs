//! `redress report` on a small hand-written fixture ledger
//! (tests/fixtures/report): 13 case files, one received after the report's
//! as-of time. The figures asserted here were computed by hand from the
//! fixture (24/7 clocks, so every duration is plain wall-clock hours).
//! The markdown and JSON snapshots and the usage errors are declarative cases
//! in tests/cmd/report/.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/report");
const NOW: &str = "2026-06-15T12:00:00-04:00";

/// Customer details and titles from the fixture that no report may show.
const PRIVATE: &[&str] = &[
    "Zoé",
    "Fictif-Secret",
    "zoe.secret@example.org",
    "+1 555 010 9999",
    "Omar Privé-Nom",
    "+1 555 010 7777",
    "lea.confidentielle@example.org",
    "Léa Confidentielle",
    "ines.masquee@example.org",
    "rita.occulte@example.org",
    "Hugo Anonyme",
    "@example.org",
    "Parcel for",
    "Lost parcel",
    "Charged twice",
];

fn redress(ledger: &Path) -> Command {
    let mut cmd = Command::cargo_bin("redress").expect("binary built");
    cmd.env("REDRESS_NOW", NOW)
        .env_remove("REDRESS_LEDGER")
        .env("NO_COLOR", "1")
        .arg("--ledger")
        .arg(ledger);
    cmd
}

fn report(args: &[&str]) -> String {
    let out = redress(Path::new(FIXTURE))
        .arg("report")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&report(&all)).expect("valid JSON")
}

fn counts(v: &Value, key: &str) -> BTreeMap<String, u64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|r| {
            (
                r[key].as_str().expect("label").to_string(),
                r["cases"].as_u64().expect("count"),
            )
        })
        .collect()
}

/// The months are counted again straight from the files: each case lives
/// under cases/YYYY/MM of its local receipt date; the one received after
/// --now is left out.
#[test]
fn periods_match_an_independent_count_of_the_files() {
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(Path::new(FIXTURE).join("cases")) {
        let entry = entry.expect("readable");
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("readable");
        let received = text
            .lines()
            .find_map(|l| l.strip_prefix("received: "))
            .expect("received");
        let at = chrono::DateTime::parse_from_rfc3339(received).expect("rfc 3339");
        if at > chrono::DateTime::parse_from_rfc3339(NOW).expect("now") {
            continue;
        }
        let dir: PathBuf = entry.path().parent().expect("month").to_path_buf();
        let month = dir.file_name().expect("MM").to_string_lossy().to_string();
        let year = dir
            .parent()
            .and_then(|y| y.file_name())
            .expect("YYYY")
            .to_string_lossy()
            .to_string();
        *expected.entry(format!("{year}-{month}")).or_default() += 1;
    }
    let v = json(&[]);
    assert_eq!(counts(&v["periods"], "period"), expected);
    assert_eq!(v["cases"], 12);
    // Kinds per month, by hand.
    let kinds: Vec<(String, u64, u64)> = v["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|p| {
            (
                p["period"].as_str().expect("period").to_string(),
                p["complaints"].as_u64().expect("n"),
                p["claims"].as_u64().expect("n"),
            )
        })
        .collect();
    let want: Vec<(String, u64, u64)> = [
        ("2026-01", 2, 1),
        ("2026-02", 1, 1),
        ("2026-03", 2, 1),
        ("2026-04", 1, 1),
        ("2026-05", 0, 1),
        ("2026-06", 1, 0),
    ]
    .iter()
    .map(|(p, a, b)| (p.to_string(), *a, *b))
    .collect();
    assert_eq!(kinds, want);
}

#[test]
fn quarters_and_years_follow_the_ledger_time_zone() {
    // 20260331-hhh8 arrived at 23:30 in Toronto on 31 March: Q1, not Q2.
    let q = json(&["--period", "quarter"]);
    let want: BTreeMap<String, u64> =
        [("2026-Q1".to_string(), 8), ("2026-Q2".to_string(), 4)].into();
    assert_eq!(counts(&q["periods"], "period"), want);
    let y = json(&["--period", "year"]);
    assert_eq!(
        counts(&y["periods"], "period"),
        [("2026".to_string(), 12)].into()
    );
}

#[test]
fn since_and_until_filter_on_receipt_and_until_includes_its_day() {
    let march = json(&["--since", "2026-03-01", "--until", "2026-03-31"]);
    assert_eq!(march["cases"], 3, "the bare --until date includes 31 March");
    let before = json(&["--since", "2026-03-01", "--until", "2026-03-30"]);
    assert_eq!(before["cases"], 2);
    let exact = json(&["--until", "2026-03-31T23:30:00-04:00"]);
    assert_eq!(exact["cases"], 7, "a time is exclusive");
}

#[test]
fn headline_figures_computed_by_hand() {
    let v = json(&[]);
    let k = &v["kpis"];
    assert_eq!(k["open"], 3);
    assert_eq!(k["resolved_on_time_rate"], 0.75); // 9 of 12 resolve clocks
    assert_eq!(k["median_hours_to_resolve"], 48.0);
    assert_eq!(k["p90_hours_to_resolve"], 336.0); // 20260216-eee5, 14 days
    assert_eq!(k["median_hours_to_acknowledge"], 1.0);
    assert_eq!(k["satisfaction_rate"], 0.875); // 7 of 8
    // Pareto: ties in count go by name, so billing comes before defect.
    let p = v["pareto"].as_array().expect("pareto");
    let names: Vec<&str> = p
        .iter()
        .map(|r| r["category"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["delivery", "billing", "defect", "service"]);
    let vital: Vec<bool> = p.iter().map(|r| r["vital_few"] == true).collect();
    assert_eq!(vital, [true, true, true, false]);
    assert_eq!(p[2]["cumulative_share"], 0.8333);
    // Backlog: opened 1, 26 and 48 calendar days before --now.
    let ageing: Vec<u64> = v["ageing"]
        .as_array()
        .expect("ageing")
        .iter()
        .map(|b| b["cases"].as_u64().expect("n"))
        .collect();
    assert_eq!(ageing, [1, 0, 1, 1]);
    assert_eq!(v["ageing"][3]["ids"][0], "20260428-kkk0");
    // Compensation: 885 granted for 1130 of harm; one below, one above.
    let c = &v["compensation"];
    assert_eq!(c["granted_total"], "885.00");
    assert_eq!(c["harm_total"], "1130.00");
    assert_eq!(c["ratio"], 0.7832);
    assert_eq!(
        (
            c["below_band"].clone(),
            c["within_band"].clone(),
            c["above_band"].clone()
        ),
        (1.into(), 4.into(), 1.into())
    );
    // Reopen rate: 20260203-ddd4 of the 9 resolved cases.
    assert_eq!(v["reopen"]["reopened"], 1);
    assert_eq!(v["reopen"]["resolved"], 9);
    // Findings per code match the audit of the same ledger.
    let f: BTreeMap<String, u64> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|x| {
            (
                x["code"].as_str().expect("code").to_string(),
                x["findings"].as_u64().expect("n"),
            )
        })
        .collect();
    assert_eq!(f["resolve-late"], 3);
    assert_eq!(f["ack-late"], 1);
    assert_eq!(f["authority-exceeded"], 0);
    // Estimates, with average_annual_value = 1000 and 2 years from the fixture's estimates.toml.
    let e: BTreeMap<String, f64> = v["estimates"]["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .map(|x| {
            (
                x["key"].as_str().expect("key").to_string(),
                x["value"].as_f64().expect("value"),
            )
        })
        .collect();
    assert_eq!(e["silent_customers"], 312.0); // 12 × 26
    assert_eq!(e["customers_at_risk"], 289.0); // 312 × 0.91 + 8 × 0.18 + 4 × 0.91
    assert_eq!(e["revenue_at_risk"], 578_180.0); // (283.92 × 1000 + 5170) × 2
    assert_eq!(e["people_told"], 3888.0); // (12 + 312) × 12
    assert_eq!(e["prospects_avoiding"], 162.0); // 324 × 250 × 0.1 × 0.02
}

#[test]
fn multi_valued_and_missing_dimensions() {
    let v = json(&[
        "--by",
        "risk",
        "--by",
        "tag",
        "--by",
        "fields.Region",
        "--by",
        "profile",
    ]);
    let b = &v["breakdowns"];
    let map = |d: &str| counts(&b[d], "key");
    assert_eq!(
        map("risk"),
        [
            ("(none)".to_string(), 10),
            ("financial".to_string(), 1),
            ("temporal".to_string(), 2)
        ]
        .into()
    );
    assert_eq!(
        map("tag"),
        [
            ("(none)".to_string(), 10),
            ("carrier".to_string(), 1),
            ("late".to_string(), 2)
        ]
        .into()
    );
    assert_eq!(
        map("fields.Region"),
        [
            ("(none)".to_string(), 10),
            ("East".to_string(), 1),
            ("West".to_string(), 1)
        ]
        .into()
    );
    assert_eq!(map("profile")["(none)"], 8);
    let dims: Vec<&String> = b.as_object().expect("object").keys().collect();
    assert_eq!(dims, ["fields.Region", "profile", "risk", "tag"]);
}

#[test]
fn json_contract_and_determinism() {
    let a = report(&["--format", "json", "--by", "channel"]);
    let b = report(&["--format", "json", "--by", "channel"]);
    assert_eq!(a, b, "same files and --now, same bytes");
    let v: Value = serde_json::from_str(&a).expect("json");
    for p in v["periods"].as_array().expect("periods") {
        for key in ["period", "cases", "complaints", "claims"] {
            assert!(p.get(key).is_some(), "periods[] lacks {key}");
        }
    }
    for row in v["breakdowns"]["channel"].as_array().expect("channel") {
        assert!(row.get("key").is_some() && row.get("cases").is_some());
    }
    assert_eq!(v["scope"]["as_of"], NOW);
}

#[test]
fn html_is_self_contained_private_and_has_charts() {
    let html = report(&["--format", "html"]);
    for banned in ["http://", "https://", "<link", "src=", "<script", "url("] {
        assert!(!html.contains(banned), "the page holds {banned:?}");
    }
    assert!(html.matches("<svg").count() >= 4, "fewer than four charts");
    assert!(html.contains("@media print"));
    assert!(html.contains("Pareto of categories"));
    assert!(html.contains("estimates"));
}

#[test]
fn no_format_shows_customer_details_or_titles() {
    for format in ["table", "markdown", "json", "csv", "html"] {
        let out = report(&["--format", format, "--by", "assignee", "--by", "profile"]);
        for p in PRIVATE {
            assert!(!out.contains(p), "{format} shows {p:?}");
        }
    }
}

#[test]
fn table_fits_80_columns() {
    let out = report(&[]);
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
    assert!(out.contains('█'), "bars help read the volumes");
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("report.md");
    let assert = redress(Path::new(FIXTURE))
        .args(["report", "--format", "markdown", "-o"])
        .arg(&file)
        .assert()
        .success();
    assert!(assert.get_output().stdout.is_empty());
    let written = std::fs::read_to_string(&file).expect("written");
    assert_eq!(written, report(&["--format", "markdown"]));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 1, "no temporary file left behind: {left:?}");
}

#[test]
fn every_format_is_byte_identical_across_runs() {
    // The HTML once varied from run to run (a chart's bars came out of a
    // HashMap), so each format is rendered several times.
    for format in ["table", "markdown", "json", "csv", "html"] {
        let first = report(&["--format", format]);
        for _ in 0..4 {
            assert_eq!(
                first,
                report(&["--format", format]),
                "{format} changed between runs"
            );
        }
    }
}
