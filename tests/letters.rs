//! `redress letter` (issue 14, item 4): the letters of complaint handling,
//! in the customer's language, from the ledger's templates; `--record`
//! appends the matching event.

mod common;

use common::{add_case, redress, snapshot};
use predicates::prelude::*;
use std::fs;

const ID: &str = "20261122-k7q2";

/// A new ledger (with its letters) holding one case, in French when `fr`.
fn ledger(fr: bool) -> (tempfile::TempDir, String) {
    let dir = common::init();
    let rel = add_case(dir.path(), ID);
    if fr {
        let path = dir.path().join(&rel);
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("  profile: voicer\n", "  profile: voicer\n  language: fr\n");
        fs::write(&path, text).unwrap();
    }
    (dir, rel)
}

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn french_acknowledgement_names_the_customer_and_the_due_date() {
    let (dir, rel) = ledger(true);
    let before = fs::read_to_string(dir.path().join(&rel)).unwrap();
    let out = redress(dir.path())
        .args(["letter", "k7q2", "--template", "acknowledgement"])
        .output()
        .unwrap();
    let letter = stdout(&out);
    assert!(letter.contains("Bonjour Marie Tremblay,"), "{letter}");
    // Received Sunday 22 at 09:14; resolve in 10 business days (the
    // default policy) falls on Friday, December 4.
    assert!(
        letter.contains("au plus tard le vendredi 4 décembre 2026"),
        "{letter}"
    );
    assert!(
        letter.contains("le dimanche 22 novembre 2026, votre réclamation"),
        "{letter}"
    );
    assert!(letter.contains("dossier 20261122-k7q2"), "{letter}");
    // Addressed to the customer: the contacts are not masked.
    assert!(letter.contains("marie@example.com"), "{letter}");
    // Nothing recorded without --record.
    assert_eq!(before, fs::read_to_string(dir.path().join(&rel)).unwrap());
}

#[test]
fn english_by_default_without_a_language_and_lang_overrides() {
    let (dir, _) = ledger(false);
    let out = redress(dir.path())
        .env("REDRESS_LANG", "en")
        .args(["letter", "k7q2", "--template", "acknowledgement"])
        .output()
        .unwrap();
    let letter = stdout(&out);
    assert!(letter.contains("Dear Marie Tremblay,"), "{letter}");
    assert!(letter.contains("by Friday, December 4, 2026"), "{letter}");
    let out = redress(dir.path())
        .args([
            "letter",
            "k7q2",
            "--template",
            "acknowledgement",
            "--lang",
            "fr",
        ])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("Bonjour Marie Tremblay,"));
}

#[test]
fn output_file_and_record_append_the_event() {
    let (dir, rel) = ledger(true);
    let d = dir.path();
    // The fixture case is already acknowledged: a holding letter records `updated`.
    let out = redress(d)
        .args([
            "letter",
            "k7q2",
            "--template",
            "holding",
            "-o",
            "out/attente.txt",
        ])
        .args(["--record", "--note", "Pièce commandée."])
        .output()
        .unwrap();
    let summary = stdout(&out);
    assert_eq!(summary, "20261122-k7q2: updated (in-progress)\n");
    let letter = fs::read_to_string(d.join("out/attente.txt")).unwrap();
    assert!(letter.contains("Pièce commandée."), "{letter}");
    let text = fs::read_to_string(d.join(&rel)).unwrap();
    assert!(
        text.ends_with(
            "    event: updated\n    note: \"Letter sent: holding (fr). Pièce commandée.\"\n"
        ),
        "{text}"
    );
    // A decision in French words, recorded with the English values.
    redress(d)
        .args([
            "compensate",
            "k7q2",
            "--remedy",
            "remboursement",
            "--amount",
            "90,00",
        ])
        .assert()
        .success();
    let out = redress(d)
        .args([
            "letter",
            "k7q2",
            "--template",
            "decision",
            "--outcome",
            "fondée",
        ])
        .args([
            "--summary",
            "Frais remboursés.",
            "--record",
            "-o",
            "decision.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(stdout(&out), "20261122-k7q2: resolved (resolved)\n");
    let letter = fs::read_to_string(d.join("decision.txt")).unwrap();
    assert!(letter.contains("remboursement : 90,00 $"), "{letter}");
    assert!(letter.contains("est fondée"), "{letter}");
    let text = fs::read_to_string(d.join(&rel)).unwrap();
    assert!(
        text.contains(
            "    event: resolved\n    outcome: founded\n    summary: Frais remboursés.\n"
        ),
        "{text}"
    );
    redress(d).arg("check").assert().success();
}

#[test]
fn a_refused_record_writes_nothing() {
    let (dir, _) = ledger(false);
    let before = snapshot(dir.path());
    // Already acknowledged: a second acknowledgement is refused.
    redress(dir.path())
        .args([
            "letter",
            "k7q2",
            "--template",
            "acknowledgement",
            "--record",
            "-o",
            "a.txt",
        ])
        .assert()
        .code(2);
    // A follow-up needs the customer's answer to be recorded.
    redress(dir.path())
        .args([
            "letter",
            "k7q2",
            "--template",
            "follow-up",
            "--record",
            "-o",
            "f.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--satisfied"));
    // A decision needs an outcome.
    redress(dir.path())
        .args([
            "letter",
            "k7q2",
            "--template",
            "decision",
            "--record",
            "-o",
            "d.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--outcome"));
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn a_missing_template_names_its_path_and_the_fix() {
    let (dir, _) = ledger(true);
    fs::remove_file(dir.path().join("policies/letters/fr/decision.txt")).unwrap();
    redress(dir.path())
        .args([
            "letter",
            "k7q2",
            "--template",
            "decision",
            "--outcome",
            "founded",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("policies/letters/fr/decision.txt"))
        .stderr(predicate::str::contains("redress init --letters"));
    redress(dir.path())
        .args(["init", "--letters"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Added 1 letter template(s)"));
    redress(dir.path())
        .args([
            "letter",
            "k7q2",
            "--template",
            "decision",
            "--outcome",
            "founded",
        ])
        .assert()
        .success();
}

#[test]
fn a_broken_template_is_an_error_naming_it() {
    let (dir, _) = ledger(false);
    fs::write(
        dir.path().join("policies/letters/en/holding.txt"),
        "Dear {{ custmer }},\n",
    )
    .unwrap();
    redress(dir.path())
        .args(["letter", "k7q2", "--template", "holding"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("policies/letters/en/holding.txt"));
}

#[test]
fn init_writes_every_letter_in_both_languages() {
    let dir = common::init();
    for lang in ["fr", "en"] {
        for t in ["acknowledgement", "holding", "decision", "follow-up"] {
            let path = dir.path().join(format!("policies/letters/{lang}/{t}.txt"));
            assert!(path.is_file(), "{}", path.display());
        }
    }
}

#[test]
fn the_sample_ledger_has_the_default_letters() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (rel, text) in redress::cli::commands::letter::DEFAULTS {
        let sample = fs::read_to_string(root.join("policies/letters").join(rel)).unwrap();
        assert_eq!(
            &sample, text,
            "policies/letters/{rel} differs from the default"
        );
    }
}

#[test]
fn a_language_other_than_fr_or_en_is_invalid_in_a_file() {
    let (dir, rel) = ledger(true);
    let path = dir.path().join(&rel);
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("  language: fr\n", "  language: français\n");
    fs::write(&path, text).unwrap();
    redress(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("invalid-value"))
        .stdout(predicate::str::contains(
            "unknown language `français`: expected `fr` or `en`",
        ));
}
