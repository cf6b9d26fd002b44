//! Applying a plan, all or nothing: the new categories are declared, then
//! every case is written by the ledger's one writer; on any failure, what
//! this run wrote is removed and `categories.toml` restored.

use super::plan::{Plan, Planned};
use crate::ledger::Ledger;
use crate::policy::{CATEGORIES, Policies};
use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

/// Threads writing case files (I/O-bound: they mostly wait on fsync).
const WRITERS: usize = 8;

/// Writes what `plan` says. `tick` is called once per case written (a
/// progress bar's step); it runs on the writing threads.
pub fn apply(ledger: &Ledger, plan: &Plan, tick: &(dyn Fn() + Sync)) -> Result<()> {
    if plan.cases.is_empty() {
        return Ok(());
    }
    let new_dirs = new_dirs(ledger, &plan.cases);
    if let Some(c) = &plan.categories {
        replace_file(&ledger.abs(CATEGORIES), &c.original, &c.text)
            .with_context(|| format!("declaring the imported categories in {CATEGORIES}"))?;
    }
    let results = write_cases(ledger, &plan.policies, &plan.cases, tick);
    let Some(pos) = results.iter().position(|(_, r)| r.is_err()) else {
        return Ok(());
    };
    let left = roll_back(ledger, plan, &results, &new_dirs);
    let (i, result) = &results[pos];
    let line = plan.cases[*i].draft.line;
    let why = result
        .as_ref()
        .err()
        .map(|e| format!("{e:#}"))
        .unwrap_or_default();
    let mut msg = format!("writing the case for line {line} failed: {why}");
    if left.is_empty() {
        msg.push_str("\nnothing was imported: the cases this run had written were removed");
    } else {
        msg.push_str(&format!(
            "\nthe rollback could not remove everything; left behind:\n  {}",
            left.join("\n  ")
        ));
    }
    bail!(msg)
}

/// The folders writing `cases` creates, to remove on rollback.
fn new_dirs(ledger: &Ledger, cases: &[Planned]) -> BTreeSet<PathBuf> {
    let mut new_dirs = BTreeSet::new();
    for p in cases {
        let mut dir = ledger.abs(&p.rel);
        while dir.pop() && dir.starts_with(&ledger.root) && dir != ledger.root {
            if !dir.exists() {
                new_dirs.insert(dir.clone());
            }
        }
    }
    new_dirs
}

/// Writes every case, stopping the others at the first failure; each
/// result with the index of its case.
fn write_cases(
    ledger: &Ledger,
    policies: &Policies,
    cases: &[Planned],
    tick: &(dyn Fn() + Sync),
) -> Vec<(usize, Result<()>)> {
    let failed = AtomicBool::new(false);
    // Each write waits on its own fsync: many in flight let the disk batch them.
    let write_one = |(i, p): (usize, &Planned)| {
        if failed.load(Ordering::Relaxed) {
            return None;
        }
        let r = ledger.write(&p.rel, None, &p.text, policies);
        if r.is_err() {
            failed.store(true, Ordering::Relaxed);
        }
        tick();
        Some((i, r))
    };
    match rayon::ThreadPoolBuilder::new().num_threads(WRITERS).build() {
        Ok(pool) => pool.install(|| cases.par_iter().enumerate().filter_map(write_one).collect()),
        Err(_) => cases.par_iter().enumerate().filter_map(write_one).collect(),
    }
}

/// Removes every file this run wrote, then the folders it made (deepest
/// first), then restores `categories.toml`; what could not be undone.
fn roll_back(
    ledger: &Ledger,
    plan: &Plan,
    results: &[(usize, Result<()>)],
    new_dirs: &BTreeSet<PathBuf>,
) -> Vec<String> {
    let mut left = Vec::new();
    for (i, r) in results {
        if r.is_ok() {
            let rel = &plan.cases[*i].rel;
            if let Err(e) = std::fs::remove_file(ledger.abs(rel)) {
                left.push(format!("{rel} ({e})"));
            }
        }
    }
    for dir in new_dirs.iter().rev() {
        let _ = std::fs::remove_dir(dir);
    }
    if let Some(c) = &plan.categories
        && let Err(e) = replace_file(&ledger.abs(CATEGORIES), &c.text, &c.original)
    {
        left.push(format!("{CATEGORIES} (could not restore it: {e})"));
    }
    left
}

/// Replaces a file's whole text atomically, under its lock, refusing if it
/// no longer holds `expected` (someone else changed it meanwhile).
fn replace_file(path: &Path, expected: &str, text: &str) -> Result<()> {
    use crate::files::Existing;
    let _lock = crate::files::Lock::acquire(path)?;
    let existing = Existing::Holds(expected.as_bytes());
    crate::files::write(path, text.as_bytes(), existing, None)
}
