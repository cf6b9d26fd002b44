//! Contact details stay out of every output unless `--include-contacts`:
//! a case repeats its customer's name, email and phone (in other letter
//! cases and phone formats) in its title, description, tags, `fields`,
//! notes, reasons and summaries; every command in every format is searched
//! for them.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

const ID: &str = "20261102-p7v4";

/// Written three ways in the case; none may show without the flag.
const NAME: &str = "Marie-Claire Tremblay";
const EMAIL: &str = "Marie.Tremblay@Example.com";
const PHONE: &str = "+1 514-555-0147";

fn seeded_case() -> String {
    format!(
        "id: {ID}
kind: claim
title: Call back MARIE-CLAIRE TREMBLAY on (514) 555-0147
received: 2026-11-02T09:14:00-05:00
channel: email
customer:
  name: {NAME}
  email: {EMAIL}
  phone: '{PHONE}'
  profile: voicer
category: delivery
severity: medium
harm: 100.00
tags: [tremblay, urgent]
description: |
  Mme Tremblay writes from marie.tremblay@example.com and asks us to call
  514.555.0147 in the morning.
fields:
  Contact: {EMAIL}
  Phone: 514 555 0147
  Name: {NAME}
  Note: ask for marie-claire tremblay
  State: QC
history:
  - at: 2026-11-02T10:00:00-05:00
    by: alice
    event: acknowledged
  - at: 2026-11-02T11:00:00-05:00
    by: alice
    event: noted
    note: Left a message at 5145550147 for Ms Tremblay.
  - at: 2026-11-02T12:00:00-05:00
    by: alice
    event: paused
    reason: Waiting for MARIE.TREMBLAY@EXAMPLE.COM to send photos.
  - at: 2026-11-03T09:00:00-05:00
    by: alice
    event: resumed
  - at: 2026-11-03T10:00:00-05:00
    by: bob
    event: compensated
    remedy: refund
    amount: 75.00
  - at: 2026-11-03T10:30:00-05:00
    by: bob
    event: escalated
    to: supervisor
    reason: Marie-Claire Tremblay asks for a manager.
  - at: 2026-11-03T11:00:00-05:00
    by: bob
    event: resolved
    outcome: founded
    summary: Refunded; told Marie-Claire on 514 555 0147.
  - at: 2026-11-04T09:00:00-05:00
    by: alice
    event: reopened
    reason: Ms Tremblay (marie.tremblay@example.com) says the refund never came.
"
    )
}

/// What must not appear, compared on the output lower-cased with every
/// phone separator removed (so `514 555-0147` is caught as well).
fn leaks(output: &str) -> Vec<&'static str> {
    let flat: String = output
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '/'))
        .collect();
    ["tremblay", "marieclaire", "mariet", "@example", "5550147"]
        .into_iter()
        .filter(|s| flat.contains(s))
        .collect()
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@test.invalid"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?} failed");
}

fn ledger() -> tempfile::TempDir {
    let dir = init();
    write(dir.path(), &case_path(ID), &seeded_case());
    redress(dir.path()).arg("check").assert().success();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "ledger"]);
    dir
}

/// Every command that prints case data, in every format.
fn every_output() -> Vec<Vec<&'static str>> {
    let by = [
        "--by",
        "fields.Contact",
        "--by",
        "fields.Phone",
        "--by",
        "fields.Name",
        "--by",
        "fields.Note",
        "--by",
        "tag",
    ];
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for f in ["text", "json"] {
        runs.push(vec!["show", ID, "--format", f]);
        runs.push(vec!["policy", "explain", ID, "--format", f]);
    }
    for f in ["table", "json", "csv"] {
        runs.push(vec!["list", "--format", f]);
    }
    // Found by the very details it must not print.
    for text in ["tremblay", "marie.tremblay@example.com", "514 555 0147"] {
        for f in ["table", "json"] {
            runs.push(vec!["search", text, "--format", f]);
        }
    }
    for f in ["table", "json", "csv", "markdown"] {
        runs.push(vec!["audit", "--fail-on", "never", "--format", f]);
        runs.push(vec![
            "audit",
            "--fail-on",
            "never",
            "--case",
            ID,
            "--format",
            f,
        ]);
    }
    for f in ["table", "markdown", "json", "csv", "html"] {
        let mut run = vec!["report", "--format", f];
        run.extend(by);
        runs.push(run);
    }
    for f in ["csv", "jsonl"] {
        runs.push(vec!["export", "--format", f]);
    }
    for f in ["table", "markdown", "json"] {
        runs.push(vec!["policy", "impact", "--base", "HEAD", "--format", f]);
    }
    runs
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = redress(dir).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
fn no_output_shows_a_contact_detail_without_the_flag() {
    let dir = ledger();
    let mut found = Vec::new();
    for args in every_output() {
        let out = run(dir.path(), &args);
        let l = leaks(&out);
        if !l.is_empty() {
            found.push(format!("{args:?}: {l:?}"));
        }
    }
    assert!(
        found.is_empty(),
        "contact details shown:\n{}",
        found.join("\n")
    );
}

#[test]
fn masked_text_says_what_was_there() {
    let dir = ledger();
    let show = run(dir.path(), &["show", ID]);
    assert!(show.contains("Call back [name] on [phone]"), "{show}");
    assert!(
        show.contains("customer  [name] (voicer) · [email] · [phone]"),
        "{show}"
    );
    assert!(
        show.contains("Left a message at [phone] for Ms [name]."),
        "{show}"
    );
    let report = run(
        dir.path(),
        &["report", "--format", "csv", "--by", "fields.Contact"],
    );
    assert!(report.contains("[email]"), "{report}");
    let audit = run(
        dir.path(),
        &["audit", "--fail-on", "never", "--format", "csv"],
    );
    assert!(
        audit.contains("Ms [name] ([email]) says the refund never came"),
        "{audit}"
    );
}

#[test]
fn include_contacts_shows_them_where_they_are() {
    let dir = ledger();
    let with = |args: &[&str]| {
        let mut a = args.to_vec();
        a.push("--include-contacts");
        run(dir.path(), &a)
    };
    let show = with(&["show", ID, "--format", "json"]);
    for s in [NAME, EMAIL, PHONE, "(514) 555-0147", "5145550147"] {
        assert!(show.contains(s), "show json lacks {s}: {show}");
    }
    let text = with(&["show", ID]);
    assert!(
        text.contains(&format!("{NAME} (voicer) · {EMAIL} · {PHONE}")),
        "{text}"
    );
    let list = with(&["list", "--format", "csv"]);
    assert!(
        list.contains("MARIE-CLAIRE TREMBLAY on (514) 555-0147"),
        "{list}"
    );
    let audit = with(&["audit", "--fail-on", "never", "--format", "json"]);
    assert!(
        audit.contains("Ms Tremblay (marie.tremblay@example.com)"),
        "{audit}"
    );
    let report = with(&["report", "--format", "json", "--by", "fields.Contact"]);
    assert!(report.contains(EMAIL), "{report}");
    let export = with(&["export", "--format", "jsonl"]);
    for s in [
        NAME,
        EMAIL,
        PHONE,
        "514.555.0147",
        "MARIE.TREMBLAY@EXAMPLE.COM",
    ] {
        assert!(export.contains(s), "export lacks {s}");
    }
    let explain = with(&["policy", "explain", ID]);
    assert!(explain.contains("MARIE-CLAIRE TREMBLAY"), "{explain}");
}
