//! `redress merge-file BASE OURS THEIRS`: git's merge driver for case files.
//!
//! git runs it as `redress merge-file %O %A %B` (see `redress git-setup`)
//! when both branches changed a case file. The merged text replaces OURS (%A)
//! in place; the exit code is 0 for a clean merge and 1 when conflict markers
//! were written, so that git reports the conflict. A union of appended events
//! that `redress check` would reject (two `resolved`, `paused` twice, an event
//! after `closed`) is a conflict too, never a clean merge. The merge itself is
//! `crate::ledger::merge`; this command only reads, writes and reports.

use crate::cli::exit::Verdict;
use crate::cli::session::Session;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Set up by `redress git-setup`, which tells git to run `redress merge-file %O %A %B` for cases/**/*.yaml.\nClean: events appended on both sides (kept once each, in time order), keys changed on one side.\nConflict (exit 1, markers in OURS): a key changed differently on both sides, an existing event edited or removed, or a union of events that `redress check` would reject (two `resolved`, `paused` twice, an event after `closed`); the message names the rule and the two events."
)]
pub struct Args {
    /// The common ancestor's version (git's %O)
    pub base: PathBuf,
    /// Our version (git's %A); the merged result is written over it
    pub ours: PathBuf,
    /// Their version (git's %B)
    pub theirs: PathBuf,
}

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let read = |p: &Path| std::fs::read(p).with_context(|| format!("reading {}", p.display()));
    let base = read(&args.base)?;
    let ours = read(&args.ours)?;
    let theirs = read(&args.theirs)?;
    let (merged, conflicts) =
        crate::ledger::merge::merge_bytes_in(&base, &ours, &theirs, ledger_tz(session));
    if merged != ours {
        crate::ledger::write_atomic(&args.ours, &merged)?;
    }
    if conflicts.is_empty() {
        return Ok(Verdict::Pass);
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "redress merge-file: {} conflict(s), marked with <<<<<<< ours / ======= / >>>>>>> theirs:",
        conflicts.len()
    );
    for c in &conflicts {
        let _ = writeln!(err, "  - {c}");
    }
    let _ = writeln!(
        err,
        "  = help: edit the file to keep the right text (and every event, in time order), delete the markers, then run `redress check`"
    );
    if conflicts.iter().any(|c| c.contains("`event-sequence`")) {
        let _ = writeln!(
            err,
            "  = help: both branches moved the case on: record what really happened, e.g. keep the first `resolved` and make the other a `noted` event, or put a `reopened` (or `resumed`) before the later event"
        );
    }
    Ok(Verdict::Fail)
}

/// The ledger's time zone when the merge runs inside a ledger (git runs the
/// driver at the top of the work tree), so that bare dates are read as
/// `check` reads them; UTC otherwise.
fn ledger_tz(session: &Session) -> chrono_tz::Tz {
    session
        .ledger()
        .ok()
        .and_then(|l| crate::policy::load(&l.root).ok())
        .map_or(chrono_tz::UTC, |p| p.tz())
}
