//! Text a user types is stored exactly, and every error in a case file
//! points at the line and column of what is wrong.

mod common;
use common::*;
use std::path::Path;

const ID: &str = "20261102-k7q2";

fn check_output(dir: &Path) -> String {
    let out = redress(dir)
        .arg("check")
        .assert()
        .code(1)
        .get_output()
        .clone();
    String::from_utf8(out.stdout).unwrap()
}

/// The note of the last event, as the case file reads back.
fn last_note(dir: &Path) -> String {
    let text = std::fs::read_to_string(dir.join(case_path(ID))).unwrap();
    let case = redress::case::parse(&text, "x.yaml").unwrap();
    case.history.last().unwrap().note.clone().unwrap()
}

#[test]
fn notes_with_line_separators_and_controls_are_stored_exactly() {
    for note in [
        "next\u{85}line",
        "line\u{2028}separator",
        "para\u{2029}graph",
        "del\u{7f}ete",
        "bell\u{7}",
        "tab\tinside and trailing\t",
        "two lines\nwith\u{85}next line",
        "ends with blank lines\n\n\n",
        "\u{feff}bom first",
        "escape \u{1b}[31m",
        "R&D * 3 #1 \"quoted\" \\ back",
    ] {
        let dir = init();
        add_case(dir.path(), ID);
        redress(dir.path())
            .args(["note", ID, note])
            .assert()
            .success();
        assert_eq!(last_note(dir.path()), note, "{note:?}");
        redress(dir.path()).arg("check").assert().success();
    }
}

#[test]
fn a_duplicate_key_in_fields_is_an_error_at_the_second_key() {
    let dir = init();
    let text = case_text(ID).replace(
        "history:\n",
        "fields:\n  order: \"A-1\"\n  shop: north\n  order: \"A-2\"\nhistory:\n",
    );
    write(dir.path(), &case_path(ID), &text);
    let line = text.lines().position(|l| l == "  order: \"A-2\"").unwrap() + 1;
    let out = check_output(dir.path());
    assert!(
        out.contains(&format!(
            "{}:{line}:3: error[duplicate-key]: fields: duplicate field `order`",
            case_path(ID)
        )),
        "{out}"
    );
}

#[test]
fn a_duplicate_top_level_key_is_an_error_at_its_line() {
    let dir = init();
    let text = case_text(ID).replace("severity: medium\n", "severity: medium\nkind: claim\n");
    write(dir.path(), &case_path(ID), &text);
    let lines: Vec<&str> = text.lines().collect();
    let line = lines.iter().rposition(|l| *l == "kind: claim").unwrap() + 1;
    let out = check_output(dir.path());
    assert!(
        out.contains(&format!("{}:{line}:1: error[duplicate-key]", case_path(ID))),
        "{out}"
    );
}

#[test]
fn a_raw_control_character_is_an_error_at_its_position() {
    let dir = init();
    let text = case_text(ID).replace("title: Parcel late", "title: Parcel\u{7f} late");
    write(dir.path(), &case_path(ID), &text);
    let line = text.lines().position(|l| l.starts_with("title:")).unwrap() + 1;
    let out = check_output(dir.path());
    assert!(
        out.contains(&format!(
            "{}:{line}:14: error[invalid-character]: U+007F (DEL)",
            case_path(ID)
        )),
        "{out}"
    );
}

#[test]
fn a_byte_that_is_not_utf8_is_an_error_at_its_line() {
    let dir = init();
    let text = case_text(ID);
    let mut bytes = text
        .replace("title: Parcel", "title: Parc\u{1}l")
        .into_bytes();
    let at = bytes.iter().position(|b| *b == 1).unwrap();
    bytes[at] = 0xE9; // "Parcél" in Latin-1
    std::fs::create_dir_all(dir.path().join("cases/2026/11")).unwrap();
    std::fs::write(dir.path().join(case_path(ID)), bytes).unwrap();
    let line = text.lines().position(|l| l.starts_with("title:")).unwrap() + 1;
    let out = check_output(dir.path());
    assert!(
        out.contains(&format!("{}:{line}:12: error[not-utf8]", case_path(ID))),
        "{out}"
    );
    redress(dir.path())
        .args(["note", ID, "x"])
        .assert()
        .failure()
        .stderr(predicates::str::contains(format!(":{line}:12:")));
}
