//! What the customer wants (`wants:`) and the justice dimension they judged
//! deficient (`justice:`): recorded by `new`, checked by `check`, shown by
//! `show`, `list --format json`, `export` and `report --by wants|justice`;
//! and `new --edit`'s template, which explains every key.

mod common;
use common::*;
use predicates::prelude::*;
use std::fs;

fn new_case(dir: &std::path::Path, extra: &[&str]) -> String {
    let mut args = vec![
        "new",
        "--kind",
        "claim",
        "--title",
        "Lamp broken",
        "--customer",
        "Marie Tremblay",
        "--channel",
        "email",
        "--category",
        "delivery",
        "--severity",
        "medium",
        "--received",
        "2026-11-16T09:14:00-05:00",
    ];
    args.extend_from_slice(extra);
    let out = redress(dir)
        .args(&args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap().trim().to_string()
}

fn stdout(dir: &std::path::Path, args: &[&str]) -> String {
    let out = redress(dir)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn new_records_wants_and_justice_after_harm() {
    let dir = init();
    let id = new_case(
        dir.path(),
        &[
            "--harm",
            "120",
            "--wants",
            "refund",
            "--wants",
            "apology",
            "--justice",
            "interactional",
            "--tag",
            "wismo",
        ],
    );
    let text = fs::read_to_string(dir.path().join(case_path(&id))).unwrap();
    assert!(
        text.contains(
            "harm: 120.00\nwants: [refund, apology]\njustice: interactional\ntags: [wismo]\n"
        ),
        "{text}"
    );
}

#[test]
fn an_unknown_remedy_or_justice_is_refused_with_a_suggestion_and_nothing_written() {
    let dir = init();
    let before = snapshot(dir.path());
    redress(dir.path())
        .args([
            "new",
            "--kind",
            "claim",
            "--title",
            "T",
            "--customer",
            "C",
            "--channel",
            "email",
            "--category",
            "delivery",
            "--severity",
            "low",
            "--wants",
            "refnd",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown remedy `refnd`: did you mean `refund`?",
        ));
    redress(dir.path())
        .args([
            "new",
            "--kind",
            "claim",
            "--title",
            "T",
            "--customer",
            "C",
            "--channel",
            "email",
            "--category",
            "delivery",
            "--severity",
            "low",
            "--justice",
            "procedual",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("procedural"));
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn check_reports_a_bad_wants_or_justice_where_it_is() {
    let dir = init();
    let id = new_case(dir.path(), &["--wants", "refund"]);
    let path = dir.path().join(case_path(&id));
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("wants: [refund]", "wants: [refund, aplogy]"),
    )
    .unwrap();
    redress(dir.path())
        .arg("check")
        .assert()
        .failure()
        .stdout(
            predicate::str::contains("unknown remedy `aplogy`: did you mean `apology`?")
                .or(predicate::str::contains("unknown remedy `aplogy`")),
        )
        .stdout(predicate::str::contains(":10:"));
    fs::write(
        &path,
        text.replace("wants: [refund]", "wants: [refund]\njustice: fair"),
    )
    .unwrap();
    let out = redress(dir.path())
        .arg("check")
        .assert()
        .failure()
        .get_output()
        .clone();
    let all =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(all.contains("unknown justice dimension `fair`"), "{all}");
}

#[test]
fn show_list_export_and_report_carry_them() {
    let dir = init();
    let a = new_case(
        dir.path(),
        &[
            "--wants",
            "refund",
            "--wants",
            "apology",
            "--justice",
            "procedural",
        ],
    );
    new_case(dir.path(), &["--wants", "refund"]);
    new_case(dir.path(), &[]);
    let show = stdout(dir.path(), &["show", &a]);
    assert!(show.contains("wants     refund, apology\n"), "{show}");
    assert!(show.contains("justice   procedural"), "{show}");
    let show_json: serde_json::Value =
        serde_json::from_str(&stdout(dir.path(), &["show", &a, "--format", "json"])).unwrap();
    assert_eq!(show_json["wants"], serde_json::json!(["refund", "apology"]));
    assert_eq!(show_json["justice"], "procedural");

    let list: serde_json::Value =
        serde_json::from_str(&stdout(dir.path(), &["list", "--format", "json"])).unwrap();
    let row = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == a.as_str())
        .unwrap();
    assert_eq!(row["wants"], serde_json::json!(["refund", "apology"]));
    assert_eq!(row["justice"], "procedural");

    let jsonl = stdout(dir.path(), &["export", "--format", "jsonl"]);
    let line = jsonl.lines().find(|l| l.contains(&a)).unwrap();
    let v: serde_json::Value = serde_json::from_str(line).unwrap();
    assert_eq!(v["wants"], serde_json::json!(["refund", "apology"]));
    assert_eq!(v["justice"], "procedural");
    let csv = stdout(dir.path(), &["export", "--format", "csv"]);
    let mut rows = csv.lines();
    let header: Vec<&str> = rows.next().unwrap().split(',').collect();
    let wants_col = header.iter().position(|h| *h == "wants").unwrap();
    assert_eq!(header[wants_col + 1], "justice");
    let row = rows.find(|r| r.contains(&a)).unwrap();
    assert!(row.contains(",refund;apology,procedural,"), "{row}");

    let report: serde_json::Value = serde_json::from_str(&stdout(
        dir.path(),
        &[
            "report", "--by", "wants", "--by", "justice", "--format", "json",
        ],
    ))
    .unwrap();
    let text = report.to_string();
    for needle in [
        "\"wants\"",
        "\"refund\"",
        "\"apology\"",
        "\"justice\"",
        "\"procedural\"",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    for format in ["table", "markdown", "csv", "html"] {
        let out = stdout(dir.path(), &["report", "--by", "wants", "--format", format]);
        assert!(
            out.contains("refund") && out.contains("apology"),
            "{format}: {out}"
        );
    }
}

fn editor(dir: &std::path::Path, script: &str) -> std::path::PathBuf {
    let path = write(dir, "ed.sh", &format!("#!/bin/sh\n{script}\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

#[test]
fn the_edit_template_explains_every_key_and_an_unchanged_one_aborts() {
    let dir = init();
    // The "editor" keeps a copy of the template and changes nothing.
    let ed = editor(dir.path(), "cp \"$1\" \"$(dirname \"$0\")/seen.yaml\"");
    let before = snapshot(dir.path());
    redress(dir.path())
        .env("EDITOR", &ed)
        .args(["new", "--edit", "--kind", "claim"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "left unchanged; nothing was recorded",
        ));
    let seen = fs::read_to_string(dir.path().join("seen.yaml")).unwrap();
    fs::remove_file(dir.path().join("seen.yaml")).unwrap();
    assert_eq!(snapshot(dir.path()), before, "nothing written");
    for note in [
        "# kind: complaint | claim",
        "# channel: phone | email | chat | web | letter | in-person | social |\n#   third-party",
        "# severity: low | medium | high | critical",
        "# category: ",
        "delivery",
        "# wants: optional list of what the customer asks for: refund | credit |",
        "#wants: []",
        "# justice: optional: the fairness judged lacking: distributive | procedural |\n#   interactional",
        "  # email: optional",
        "  # profile: optional: passive | voicer | irate | activist",
        "# risks: optional list: knowledge | attitude",
    ] {
        assert!(seen.contains(note), "{note} missing in\n{seen}");
    }
}

#[test]
fn an_edited_template_with_wants_uncommented_is_recorded() {
    let dir = init();
    let ed = editor(
        dir.path(),
        "sed -i -e 's/^title: \"\"$/title: From the editor/' -e 's/^  name: \"\"$/  name: Jo/' \
         -e 's/^category: \"\"$/category: billing/' -e 's/^#wants: \\[\\]$/wants: [refund]/' \"$1\"",
    );
    let out = redress(dir.path())
        .env("EDITOR", &ed)
        .args(["new", "--edit", "--kind", "claim"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let id = String::from_utf8(out).unwrap().trim().to_string();
    let text = fs::read_to_string(dir.path().join(case_path(&id))).unwrap();
    assert!(text.contains("\nwants: [refund]\n"), "{text}");
    assert!(
        !text.contains("# kind:"),
        "the template's notes are dropped: {text}"
    );
    assert!(text.starts_with("id: "), "{text}");
}

/// `new --assign MEMBER` (the flag behind the "Assign to" question).
#[test]
fn new_assign_records_an_assignment_and_refuses_an_unknown_member() {
    let dir = init();
    let id = new_case(dir.path(), &["--assign", "bob"]);
    let text = fs::read_to_string(dir.path().join(case_path(&id))).unwrap();
    assert!(
        text.ends_with("history:\n  - at: 2026-11-22T12:00:00-05:00\n    by: alice\n    event: assigned\n    to: bob\n"),
        "{text}"
    );
    let before = snapshot(dir.path());
    redress(dir.path())
        .args([
            "new",
            "--kind",
            "claim",
            "--title",
            "T",
            "--customer",
            "C",
            "--channel",
            "email",
            "--category",
            "delivery",
            "--severity",
            "low",
            "--assign",
            "bobb",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unknown team member `bobb`: did you mean `bob`?",
        ));
    assert_eq!(snapshot(dir.path()), before);
}
