//! The lifecycle of a case through the real binary: new, every event verb,
//! with the clock fixed. What needs no logic beyond comparing the output
//! (show, list filters, init, ledger discovery) is in tests/cmd/lifecycle/.

mod common;
use common::*;
use predicates::prelude::*;
use std::fs;

fn new_case(dir: &std::path::Path) -> String {
    let out = redress(dir)
        .args([
            "new",
            "--kind",
            "claim",
            "--title",
            "Parcel twelve days late, lamp arrived broken",
            "--customer",
            "Marie Tremblay",
            "--email",
            "marie.tremblay@example.com",
            "--phone",
            "+1 514 555 0199",
            "--profile",
            "voicer",
            "--channel",
            "email",
            "--category",
            "delivery",
            "--severity",
            "medium",
            "--harm",
            "120.00",
            "--received",
            "2026-11-16T09:14:00-05:00",
            "--tag",
            "wismo",
            "--risk",
            "temporal",
            "--description",
            "-",
        ])
        .write_stdin("The parcel arrived twelve days late.\nThe lamp inside was broken.\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let id = String::from_utf8(out).unwrap().trim().to_string();
    assert!(redress::case::id::date_of(&id).is_some(), "not an id: {id}");
    assert!(id.starts_with("20261116-"));
    id
}

#[test]
fn a_case_goes_from_new_to_resolved_by_pure_appends() {
    let dir = init();
    let id = new_case(dir.path());
    let path = dir.path().join(case_path(&id));
    let suffix = &id[id.len() - 4..];
    let mut previous = fs::read(&path).unwrap();
    let steps: Vec<Vec<&str>> = vec![
        vec!["ack", suffix, "--at", "2026-11-16T11:02:00-05:00"],
        vec!["assign", suffix, "bob", "--at", "2026-11-16T11:05:00-05:00"],
        vec![
            "note",
            suffix,
            "Carrier confirms the delay.",
            "--at",
            "2026-11-16T12:00:00-05:00",
        ],
        vec![
            "pause",
            suffix,
            "--reason",
            "waiting for photos",
            "--at",
            "2026-11-16T13:00:00-05:00",
        ],
        vec!["resume", suffix, "--at", "2026-11-17T09:00:00-05:00"],
        vec![
            "update",
            suffix,
            "Replacement ordered.",
            "--at",
            "2026-11-17T10:00:00-05:00",
        ],
        vec![
            "escalate",
            suffix,
            "--to",
            "supervisor",
            "--reason",
            "refund above frontline authority",
            "--at",
            "2026-11-17T10:30:00-05:00",
        ],
        vec![
            "compensate",
            suffix,
            "--remedy",
            "refund",
            "--amount",
            "90.00",
            "--by",
            "bob",
            "--at",
            "2026-11-18T10:00:00-05:00",
        ],
        vec![
            "resolve",
            suffix,
            "--outcome",
            "founded",
            "--summary",
            "Shipping fees refunded; lamp replaced.",
            "--by",
            "bob",
            "--at",
            "2026-11-18T10:05:00-05:00",
        ],
        vec![
            "follow-up",
            suffix,
            "--satisfied",
            "yes",
            "--at",
            "2026-11-19T15:00:00-05:00",
        ],
        vec!["close", suffix, "--at", "2026-11-19T15:05:00-05:00"],
        vec![
            "reopen",
            suffix,
            "--reason",
            "the new lamp flickers",
            "--at",
            "2026-11-20T09:00:00-05:00",
        ],
        vec![
            "resolve",
            suffix,
            "--outcome",
            "founded",
            "--summary",
            "Second lamp sent.",
            "--by",
            "bob",
            "--at",
            "2026-11-20T11:00:00-05:00",
        ],
    ];
    for step in &steps {
        redress(dir.path()).args(step).assert().success();
        let now = fs::read(&path).unwrap();
        assert!(
            now.len() > previous.len() && now.starts_with(&previous),
            "{step:?} rewrote existing bytes"
        );
        let added = String::from_utf8_lossy(&now[previous.len()..]).to_string();
        assert_eq!(added.matches("- at:").count(), 1, "{step:?} added {added}");
        previous = now;
    }
    let json = redress(dir.path())
        .args(["show", suffix, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["id"], id.as_str());
    assert_eq!(v["status"], "resolved");
    assert_eq!(v["history"].as_array().unwrap().len(), steps.len());
    assert_eq!(v["harm"], "120.00");
    assert_eq!(v["assignee"], "bob");
    assert_eq!(v["clocks"][0]["clock"], "acknowledge");
    redress(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("ok: 1 case files"));
}

#[test]
fn new_writes_the_documented_layout() {
    let dir = init();
    let id = new_case(dir.path());
    let text = fs::read_to_string(dir.path().join(case_path(&id))).unwrap();
    let expected = format!(
        "id: {id}
kind: claim
title: Parcel twelve days late, lamp arrived broken
received: 2026-11-16T09:14:00-05:00
channel: email
customer:
  name: Marie Tremblay
  email: marie.tremblay@example.com
  phone: \"+1 514 555 0199\"
  profile: voicer
category: delivery
severity: medium
harm: 120.00
risks: [temporal]
tags: [wismo]
description: |-
  The parcel arrived twelve days late.
  The lamp inside was broken.
history:
"
    );
    assert_eq!(text, expected);
}

#[test]
fn new_with_an_editor_takes_the_edited_case() {
    let dir = init();
    // A scripted "editor" that fills in the title.
    let editor = write(
        dir.path(),
        "ed.sh",
        "#!/bin/sh\nsed -i 's/^title: \"\"$/title: Written in the editor/' \"$1\"\n",
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&editor, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = redress(dir.path())
        .env("EDITOR", &editor)
        .args([
            "new",
            "--edit",
            "--kind",
            "complaint",
            "--customer",
            "Jean Gagnon",
            "--channel",
            "phone",
            "--category",
            "service",
            "--severity",
            "low",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let id = String::from_utf8(out).unwrap().trim().to_string();
    let text = fs::read_to_string(dir.path().join(case_path(&id))).unwrap();
    assert!(text.contains("title: Written in the editor"), "{text}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let dir = init();
    for i in 0..40 {
        add_case(
            dir.path(),
            &format!("202611{:02}-k7q{}", 1 + i % 28, i % 10),
        );
    }
    let bin = assert_cmd::cargo::cargo_bin("redress");
    for args in [
        &["list"][..],
        &["list", "--format", "csv"],
        &["export", "--format", "jsonl"],
    ] {
        // The reading end is closed before the command starts, so every write
        // it makes meets a closed pipe, as with `redress list | head -0`.
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let out = std::process::Command::new(&bin)
            .args(args)
            .current_dir(dir.path())
            .env("REDRESS_NOW", NOW)
            .env_remove("REDRESS_LEDGER")
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?} printed: {stderr}");
    }
}
