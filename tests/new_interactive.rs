//! `redress new` on a real terminal (a pseudo-terminal driven by rexpect):
//! each answer is checked as it is typed, Ctrl-D cancels with nothing
//! written, and a failure after the questions keeps the answers.
//! The flow of questions itself is unit-tested with scripted answers
//! (src/cli/commands/new/ask/tests.rs).

mod common;
use common::*;
use rexpect::session::{PtySession, spawn_command};
use std::path::Path;
use std::process::Command;

const ENTER: &str = "\r";

fn spawn(dir: &Path, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_redress"));
    cmd.current_dir(dir)
        .env("REDRESS_NOW", NOW)
        .env("REDRESS_USER", "alice")
        .env_remove("REDRESS_LEDGER")
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .arg("new")
        .args(args);
    spawn_command(cmd, Some(20_000)).expect("spawn on a pty")
}

/// Types `text` then Enter at the prompt that shows `prompt`.
fn answer(p: &mut PtySession, prompt: &str, text: &str) {
    p.exp_string(prompt).expect(prompt);
    type_line(p, text);
}

/// Types `text` then Enter, at the prompt showing now.
fn type_line(p: &mut PtySession, text: &str) {
    p.send(text).unwrap();
    p.send(ENTER).unwrap();
    p.flush().unwrap();
}

/// Erases `n` characters of the current answer.
fn erase(p: &mut PtySession, n: usize) {
    p.send(&"\x7f".repeat(n)).unwrap();
    p.flush().unwrap();
}

fn exit_code(p: &mut PtySession) -> i32 {
    match p.process_mut().wait().expect("wait") {
        rexpect::process::WaitStatus::Exited(_, code) => code,
        other => panic!("not a normal exit: {other:?}"),
    }
}

fn case_files(dir: &Path) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(dir.join("cases"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        .map(|e| e.path().to_path_buf())
        .collect()
}

#[test]
fn each_answer_is_checked_as_typed_and_the_case_is_written() {
    let dir = init();
    let mut p = spawn(dir.path(), &[]);
    answer(&mut p, "Kind", "clam");
    p.exp_string("did you mean `claim`?").unwrap();
    erase(&mut p, 4);
    type_line(&mut p, "claim");
    answer(&mut p, "Title", "");
    p.exp_string("Title cannot be empty").unwrap();
    type_line(&mut p, "Lamp broken");
    answer(&mut p, "Customer's name", "Marie Tremblay");
    answer(&mut p, "Email", "marie");
    p.exp_string("is not an email address").unwrap();
    type_line(&mut p, "@example.com");
    answer(&mut p, "Phone", "");
    answer(&mut p, "Channel", "email");
    answer(&mut p, "Category", "delivry");
    p.exp_string("did you mean `delivery`?").unwrap();
    erase(&mut p, 7);
    type_line(&mut p, "delivery");
    answer(&mut p, "Severity", "high");
    answer(&mut p, "Harm", "12O");
    p.exp_string("invalid amount").unwrap();
    erase(&mut p, 1);
    type_line(&mut p, "0");
    answer(&mut p, "What the customer asks for", "refund, apology");
    answer(&mut p, "Justice", "procedural");
    answer(&mut p, "Assign to", "bobb");
    p.exp_string("did you mean `bob`?").unwrap();
    erase(&mut p, 1);
    type_line(&mut p, "");
    answer(&mut p, "Received", "today 09:14");
    answer(&mut p, "Description", "It arrived in pieces");
    p.exp_regex(r"20261122-[0-9a-z]{4}").expect("the new ID");
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let files = case_files(dir.path());
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(&files[0]).unwrap();
    for line in [
        "kind: claim",
        "title: Lamp broken",
        "received: 2026-11-22T09:14:00-05:00",
        "  email: marie@example.com",
        "category: delivery",
        "severity: high",
        "harm: 120.00",
        "wants: [refund, apology]",
        "justice: procedural",
        "description: It arrived in pieces",
        "    by: alice",
        "    event: assigned",
        "    to: bob",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} missing in\n{text}");
    }
}

#[test]
fn ctrl_d_cancels_and_writes_nothing() {
    let dir = init();
    let before = snapshot(dir.path());
    let mut p = spawn(dir.path(), &[]);
    answer(&mut p, "Kind", "claim");
    answer(&mut p, "Title", "Lamp broken");
    p.exp_string("Customer's name").unwrap();
    p.send_control('d').unwrap();
    p.exp_string("cancelled, nothing written").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 130);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_failure_after_the_questions_keeps_the_answers_as_a_command() {
    let dir = init();
    // The case's folder cannot be made: a file stands where it goes.
    std::fs::create_dir_all(dir.path().join("cases")).unwrap();
    std::fs::write(dir.path().join("cases/2026"), "").unwrap();
    let mut p = spawn(
        dir.path(),
        &[
            "--kind",
            "complaint",
            "--channel",
            "chat",
            "--severity",
            "low",
        ],
    );
    answer(&mut p, "Title", "It's late");
    answer(&mut p, "Customer's name", "Jo");
    answer(&mut p, "Email", "");
    answer(&mut p, "Phone", "");
    answer(&mut p, "Category", "billing");
    answer(&mut p, "What the customer asks for", "");
    answer(&mut p, "Justice", "");
    answer(&mut p, "Assign to", "");
    answer(&mut p, "Received", "2h ago");
    answer(&mut p, "Description", "");
    p.exp_string("nothing was recorded; your answers are kept")
        .unwrap();
    p.exp_string("redress new --kind complaint --title 'It'\\''s late' --customer Jo")
        .unwrap();
    // The relative time is pinned, so the command means the same later.
    p.exp_string("--received 2026-11-22T10:00:00-05:00")
        .unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&mut p), 2);
}
