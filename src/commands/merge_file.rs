//! `redress merge-file BASE OURS THEIRS`: git's merge driver for case files.
//!
//! git runs it as `redress merge-file %O %A %B` (see `redress git-setup`)
//! when both branches changed a case file. The merged text replaces OURS (%A)
//! in place; the exit code is 0 for a clean merge and 1 when conflict markers
//! were written, so that git reports the conflict. The merge itself is
//! `crate::merge`; this command only reads, writes and reports.

use super::Ctx;
use crate::Verdict;
use anyhow::{Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Set up by `redress git-setup`, which tells git to run `redress merge-file %O %A %B` for cases/**/*.yaml.\nClean: events appended on both sides (kept once each, in time order), keys changed on one side.\nConflict (exit 1, markers in OURS): a key changed differently on both sides, an existing event edited or removed."
)]
pub struct Args {
    /// The common ancestor's version (git's %O)
    pub base: PathBuf,
    /// Our version (git's %A); the merged result is written over it
    pub ours: PathBuf,
    /// Their version (git's %B)
    pub theirs: PathBuf,
}

pub fn run(_ctx: &Ctx, args: Args) -> Result<Verdict> {
    let read = |p: &Path| std::fs::read(p).with_context(|| format!("reading {}", p.display()));
    let base = read(&args.base)?;
    let ours = read(&args.ours)?;
    let theirs = read(&args.theirs)?;
    let (merged, conflicts) = crate::merge::merge_bytes(&base, &ours, &theirs);
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
    Ok(Verdict::Fail)
}
