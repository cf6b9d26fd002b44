//! `redress edit` (issue 13, item 5), driven by a scripted `$EDITOR`: a
//! shell script that changes the draft with `sed` (the expression comes
//! from `SED`), so each test says in one line what the "person" typed.

mod common;

use common::{case_text, init, redress, snapshot, write};
use std::fs;
use std::path::{Path, PathBuf};

const ID: &str = "20261122-k7q2";
const REL: &str = "cases/2026/11/20261122-k7q2.yaml";
const DRAFT: &str = ".redress/drafts/20261122-k7q2.yaml";

/// A ledger holding one case, and a scripted editor beside it.
fn ledger() -> (tempfile::TempDir, PathBuf) {
    let dir = init();
    write(dir.path(), REL, &case_text(ID));
    let editor = script(
        dir.path(),
        "ed.sh",
        "#!/bin/sh\n[ -n \"$BEFORE\" ] && sh -c \"$BEFORE\"\nsed -i \"$SED\" \"$1\"\n",
    );
    (dir, editor)
}

fn script(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = write(dir, name, text);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

/// `redress edit ID` with the scripted editor applying `sed`.
fn edit(dir: &Path, editor: &Path, sed: &str, extra: &[&str]) -> assert_cmd::assert::Assert {
    redress(dir)
        .env("EDITOR", editor)
        .env_remove("VISUAL")
        .env("SED", sed)
        .arg("edit")
        .arg(ID)
        .args(extra)
        .assert()
}

fn read(dir: &Path, rel: &str) -> String {
    fs::read_to_string(dir.join(rel)).unwrap()
}

fn out(a: &assert_cmd::assert::Assert) -> (String, String) {
    let o = a.get_output();
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn drafts(dir: &Path) -> Vec<String> {
    match fs::read_dir(dir.join(".redress/drafts")) {
        Ok(d) => d
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[test]
fn edit_fixes_a_title_and_changes_nothing_else() {
    let (dir, editor) = ledger();
    let before = read(dir.path(), REL);
    let a = edit(
        dir.path(),
        &editor,
        "s/^title: .*/title: Lamp arrived broken/",
        &[],
    )
    .success();
    let (stdout, _) = out(&a);
    assert_eq!(
        stdout,
        format!("{ID}: edited\n  title: Parcel late, lamp broken → Lamp arrived broken\n")
    );
    let after = read(dir.path(), REL);
    assert_eq!(
        after,
        before.replace(
            "title: Parcel late, lamp broken",
            "title: Lamp arrived broken"
        )
    );
    assert!(drafts(dir.path()).is_empty(), "the draft is removed");
    redress(dir.path()).arg("check").assert().success();
}

#[test]
fn edit_refuses_an_invalid_save_at_its_line_and_keeps_the_draft() {
    let (dir, editor) = ledger();
    let files = snapshot(&dir.path().join("cases"));
    let a = edit(
        dir.path(),
        &editor,
        "s/^severity: .*/severity: urgent/",
        &[],
    )
    .failure()
    .code(2);
    let (stdout, stderr) = out(&a);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(&format!("{DRAFT}:11:11: error[invalid-value]")),
        "{stderr}"
    );
    assert!(stderr.contains("is unchanged"), "{stderr}");
    assert!(
        stderr.contains(&format!("draft is kept at {DRAFT}")),
        "{stderr}"
    );
    assert_eq!(snapshot(&dir.path().join("cases")), files, "case unchanged");
    // The draft holds what was typed, its lines where the message says.
    let draft = read(dir.path(), DRAFT);
    assert_eq!(draft.lines().nth(10), Some("severity: urgent"));
}

#[test]
fn an_unchanged_save_writes_nothing() {
    let (dir, editor) = ledger();
    let files = snapshot(dir.path());
    let a = edit(dir.path(), &editor, "s/x/x/", &[]).success();
    assert_eq!(out(&a).0, format!("{ID}: no changes\n"));
    assert_eq!(snapshot(dir.path()), files);
}

#[test]
fn a_changed_earlier_event_needs_yes_when_not_in_a_terminal() {
    let (dir, editor) = ledger();
    let before = read(dir.path(), REL);
    let sed = "s/T11:02:00/T11:05:00/";
    let a = edit(dir.path(), &editor, sed, &[]).failure().code(2);
    let (_, stderr) = out(&a);
    assert!(
        stderr.contains("-  - at: 2026-11-22T11:02:00-05:00\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("+  - at: 2026-11-22T11:05:00-05:00\n"),
        "{stderr}"
    );
    assert!(stderr.contains("--yes"), "{stderr}");
    assert_eq!(read(dir.path(), REL), before, "refused: case unchanged");
    assert_eq!(drafts(dir.path()), vec![format!("{ID}.yaml")], "draft kept");

    let a = edit(dir.path(), &editor, sed, &["--yes"]).success();
    let (stdout, _) = out(&a);
    assert!(
        stdout.contains("+  - at: 2026-11-22T11:05:00-05:00\n"),
        "{stdout}"
    );
    assert_eq!(
        read(dir.path(), REL),
        before.replace("T11:02:00", "T11:05:00")
    );
}

#[test]
fn an_event_added_at_the_end_needs_no_confirmation() {
    let (dir, editor) = ledger();
    let sed = "$a\\  - at: 2026-11-22T11:30:00-05:00\\n    by: alice\\n    event: noted\\n    note: Called back";
    let a = edit(dir.path(), &editor, sed, &[]).success();
    let (stdout, _) = out(&a);
    assert!(stdout.contains("history (adds from event 2)"), "{stdout}");
    assert!(read(dir.path(), REL).ends_with("    note: Called back\n"));
}

#[test]
fn a_new_receipt_date_moves_the_case_and_names_the_old_id() {
    let (dir, editor) = ledger();
    let a = edit(
        dir.path(),
        &editor,
        "s/^received: 2026-11-22/received: 2026-11-21/",
        &[],
    )
    .success();
    let (stdout, _) = out(&a);
    let new_rel = "cases/2026/11/20261121-k7q2.yaml";
    assert!(
        stdout.starts_with(&format!("moved {ID} → 20261121-k7q2 ({new_rel})\n")),
        "{stdout}"
    );
    assert!(!dir.path().join(REL).exists(), "the old file is gone");
    assert!(read(dir.path(), new_rel).starts_with("id: 20261121-k7q2\n"));
    redress(dir.path()).arg("check").assert().success();
}

#[test]
fn a_move_onto_a_taken_id_picks_fresh_characters() {
    let (dir, editor) = ledger();
    write(
        dir.path(),
        "cases/2026/11/20261121-k7q2.yaml",
        &case_text("20261121-k7q2"),
    );
    let a = edit(
        dir.path(),
        &editor,
        "s/^received: 2026-11-22/received: 2026-11-21/",
        &[],
    )
    .success();
    let (stdout, _) = out(&a);
    assert!(
        stdout.starts_with(&format!("moved {ID} → 20261121-")),
        "{stdout}"
    );
    assert!(!stdout.contains("→ 20261121-k7q2"), "{stdout}");
    assert_eq!(
        read(dir.path(), "cases/2026/11/20261121-k7q2.yaml"),
        case_text("20261121-k7q2"),
        "the other case is untouched"
    );
    redress(dir.path()).arg("check").assert().success();
}

#[test]
fn a_hand_typed_id_that_is_taken_is_refused() {
    let (dir, editor) = ledger();
    write(
        dir.path(),
        "cases/2026/11/20261121-k7q2.yaml",
        &case_text("20261121-k7q2"),
    );
    let files = snapshot(&dir.path().join("cases"));
    let a = edit(
        dir.path(),
        &editor,
        "s/^id: .*/id: 20261121-k7q2/;s/^received: 2026-11-22/received: 2026-11-21/",
        &[],
    )
    .failure()
    .code(2);
    let (_, stderr) = out(&a);
    assert!(stderr.contains("error[duplicate-id]"), "{stderr}");
    assert_eq!(snapshot(&dir.path().join("cases")), files);
}

#[test]
fn a_note_while_editing_is_refused_never_lost() {
    let (dir, editor) = ledger();
    let bin = assert_cmd::cargo::cargo_bin("redress");
    // While the editor is open, a colleague records a note.
    let before = format!(
        "'{}' note k7q2 'Colleague note' > note.out 2>&1; echo $? > note.status",
        bin.display()
    );
    redress(dir.path())
        .env("EDITOR", &editor)
        .env("BEFORE", &before)
        .env("SED", "s/^title: .*/title: Lamp arrived broken/")
        .args(["edit", "k7q2"])
        .assert()
        .success();
    let status = read(dir.path(), "note.status");
    let note = read(dir.path(), "note.out");
    assert_ne!(status.trim(), "0", "the note waited, then was refused");
    assert!(note.contains("lock"), "{note}");
    let after = read(dir.path(), REL);
    assert!(after.contains("title: Lamp arrived broken"));
    assert!(!after.contains("Colleague note"));
}

#[test]
fn a_file_changed_behind_the_lock_is_refused_and_the_draft_kept() {
    let (dir, editor) = ledger();
    let other = "printf '  - at: 2026-11-22T11:30:00-05:00\\n    by: alice\\n    event: noted\\n    note: Written by hand\\n' >> cases/2026/11/20261122-k7q2.yaml";
    let a = redress(dir.path())
        .env("EDITOR", &editor)
        .env("BEFORE", other)
        .env("SED", "s/^title: .*/title: Lamp arrived broken/")
        .args(["edit", "k7q2"])
        .assert()
        .failure()
        .code(2);
    let (_, stderr) = out(&a);
    assert!(stderr.contains("changed while"), "{stderr}");
    assert!(stderr.contains(DRAFT), "{stderr}");
    let after = read(dir.path(), REL);
    assert!(after.contains("Written by hand"), "the other change stays");
    assert!(after.contains("title: Parcel late, lamp broken"));
}

#[test]
fn an_editor_that_fails_abandons_the_edit_and_keeps_the_draft() {
    let (dir, _) = ledger();
    let files = snapshot(&dir.path().join("cases"));
    let a = redress(dir.path())
        .env("EDITOR", "false")
        .env_remove("VISUAL")
        .args(["edit", "k7q2"])
        .assert()
        .failure()
        .code(2);
    assert!(out(&a).1.contains("edit abandoned"), "{}", out(&a).1);
    assert_eq!(snapshot(&dir.path().join("cases")), files);
    assert_eq!(read(dir.path(), DRAFT), case_text(ID));
}

#[test]
fn visual_wins_over_editor_and_an_editor_may_take_arguments() {
    let (dir, editor) = ledger();
    // `sh ed.sh` is a command with an argument; EDITOR would fail.
    let a = redress(dir.path())
        .env("VISUAL", format!("sh {}", editor.display()))
        .env("EDITOR", "false")
        .env("SED", "s/^category: .*/category: defect/")
        .args(["edit", "k7q2"])
        .assert()
        .success();
    assert_eq!(
        out(&a).0,
        format!("{ID}: edited\n  category: delivery → defect\n")
    );
}

#[test]
fn what_edit_prints_masks_contacts() {
    let (dir, editor) = ledger();
    let sed =
        "s/^title: .*/title: Call Marie Tremblay/;s/marie@example.com/m.tremblay@example.com/";
    let a = edit(dir.path(), &editor, sed, &[]).success();
    let (stdout, _) = out(&a);
    assert!(
        !stdout.contains("Marie") && !stdout.contains("example.com"),
        "{stdout}"
    );
    assert!(
        stdout.contains("customer.email: [email] → [email]"),
        "{stdout}"
    );
    assert!(
        stdout.contains("title: Parcel late, lamp broken → Call [name]"),
        "{stdout}"
    );
    // The file itself holds what was typed.
    assert!(read(dir.path(), REL).contains("m.tremblay@example.com"));

    let a = edit(
        dir.path(),
        &editor,
        "s/^title: .*/title: Call Marie/",
        &["--include-contacts"],
    )
    .success();
    assert!(out(&a).0.contains("→ Call Marie\n"), "{}", out(&a).0);
}

#[test]
fn a_comment_alone_is_written_and_said_to_be_layout() {
    let (dir, editor) = ledger();
    let a = edit(dir.path(), &editor, "1i # checked with the carrier", &[]).success();
    assert_eq!(
        out(&a).0,
        format!("{ID}: edited\n  comments and layout only\n")
    );
    assert!(read(dir.path(), REL).starts_with("# checked with the carrier\nid: "));
}

#[test]
fn a_file_that_does_not_parse_is_repaired_with_yes() {
    let (dir, editor) = ledger();
    let broken = case_text(ID).replace("severity: medium", "severity: urgent");
    write(dir.path(), REL, &broken);
    let sed = "s/^severity: urgent/severity: high/";
    let a = edit(dir.path(), &editor, sed, &[]).failure().code(2);
    assert!(out(&a).1.contains("did not parse before"), "{}", out(&a).1);
    assert_eq!(read(dir.path(), REL), broken);
    edit(dir.path(), &editor, sed, &["--yes"]).success();
    assert_eq!(
        read(dir.path(), REL),
        case_text(ID).replace("severity: medium", "severity: high")
    );
    redress(dir.path()).arg("check").assert().success();
}
