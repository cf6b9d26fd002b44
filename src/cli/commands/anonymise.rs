//! `redress anonymise ID… | --all-due`: replaces a customer's name, email
//! and phone, and every occurrence of them in the case's texts, with a
//! pseudonym derived from the case ID, and records an `anonymised` event.
//! The one command that rewrites earlier bytes of a case file.

use crate::case::anonymise::{anonymised, pseudonym};
use crate::case::history::History;
use crate::case::time::Timestamp;
use crate::case::vocab::EventKind;
use crate::case::{Event, yaml};
use crate::cli::exit::Verdict;
use crate::cli::session::{Open, Session};
use crate::i18n::{tr, tr_args};
use anyhow::{Context, Result, bail};
use chrono::Utc;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The cases: IDs, or unique prefixes or suffixes of them
    #[arg(required_unless_present = "all_due", value_name = "ID")]
    pub ids: Vec<String>,
    /// Every closed case whose retention (`retention` in deadlines.toml) has
    /// run out: what `audit` reports as `retention-due`
    #[arg(long)]
    pub all_due: bool,
    /// Who did it (default: REDRESS_USER, then USER)
    #[arg(long, value_name = "MEMBER")]
    pub by: Option<String>,
}

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let open = session.open()?;
    open.note_fixed_clock();
    let by = match &args.by {
        Some(b) => b.clone(),
        None => crate::cli::session::default_member().context(tr("anonymise-by-help"))?,
    };
    if !open.policies.team.contains_key(&by) {
        let names: Vec<&str> = open.policies.team.keys().map(String::as_str).collect();
        bail!(
            "{}\n  = help: {}",
            crate::cli::lang::unknown_value("team member", &by, &names),
            tr_args("anonymise-by-unknown-help", &[("by", by.clone().into())])
        );
    }
    let mut files = Vec::new();
    for q in &args.ids {
        files.push(open.ledger.find(q)?);
    }
    if args.all_due {
        files.extend(due_files(&open)?);
    }
    files.sort();
    files.dedup();
    if files.is_empty() {
        crate::cli::render::style::print(&format!("{}\n", tr("anonymise-none-due")))?;
    }
    for rel in &files {
        let line = anonymise_one(&open, rel, &by)?;
        crate::cli::render::style::print(&format!("{line}\n"))?;
    }
    Ok(Verdict::Pass)
}

/// The files of the cases `audit` finds `retention-due` now.
fn due_files(open: &Open) -> Result<Vec<String>> {
    let now = open.now.with_timezone(&Utc);
    let p = &open.policies;
    let scan = open.ledger.scan_map(p, |lc| {
        crate::audit::compliance::retention(&lc.case, p, now).map(|_| lc.path)
    });
    if !scan.problems.is_empty() {
        bail!(
            "{}\n{}",
            crate::diag::Diagnostics(scan.problems),
            tr("anonymise-invalid-files")
        );
    }
    Ok(scan.items.into_iter().flatten().collect())
}

/// Rewrites one case under its lock; the line to print.
fn anonymise_one(open: &Open, rel: &str, by: &str) -> Result<String> {
    let lock = open.ledger.lock(rel)?;
    let original = open.ledger.read(rel)?;
    let case = crate::ledger::parse_and_validate(&original, rel, &open.policies).map_err(|d| {
        anyhow::Error::new(crate::diag::Diagnostics(d)).context(tr_args(
            "anonymise-has-problems",
            &[("path", rel.to_string().into())],
        ))
    })?;
    if let Some(done) = case.history.last_of(EventKind::Anonymised) {
        let args = [
            ("id", case.id.clone().into()),
            ("at", done.at.to_string().into()),
        ];
        return Ok(tr_args("anonymise-already", &args));
    }
    let last = case.history.iter().map(|e| e.at.utc()).max();
    let now = open.now;
    if last.is_some_and(|l| l > now.with_timezone(&Utc)) {
        bail!(
            "{}",
            tr_args("anonymise-future", &[("id", case.id.clone().into())])
        );
    }
    let mut out = anonymised(&case);
    out.history.push(Event::new(
        EventKind::Anonymised,
        Timestamp {
            at: now,
            date_only: false,
        },
        by,
    ));
    open.ledger.rewrite(
        &lock,
        rel,
        &original,
        &yaml::case_to_yaml(&out),
        &open.policies,
    )?;
    let args = [
        ("id", case.id.clone().into()),
        ("pseudonym", pseudonym(&case.id).into()),
    ];
    Ok(tr_args("anonymise-done", &args))
}
