//! The one place redress starts git: a ledger is a git repository, and
//! `init`, `git-setup` and `policy impact` ask git about it.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `git ARGS` in `dir` and collects its exit status, stdout and
/// stderr (never inherited: git's own messages are the caller's to
/// report or drop). An error means git could not be started.
pub fn run(dir: &Path, args: &[&str]) -> std::io::Result<Output> {
    Command::new("git").args(args).current_dir(dir).output()
}

/// Starts `git ARGS` in `dir` with its stdout piped, for output too large
/// to hold (a whole `git log -p`); stderr is collected by `wait_with_output`.
pub fn spawn(dir: &Path, args: &[&str]) -> std::io::Result<std::process::Child> {
    use std::process::Stdio;
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
}
