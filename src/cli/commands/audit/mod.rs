//! `redress audit`: findings and KPIs, for people (table, markdown) and
//! scripts (json, csv). Same files and `--as-of`, same bytes. The
//! formats are written by `crate::cli::render::audit`.

use crate::audit::{self, Severity};
use crate::cli::exit::Verdict;
use crate::cli::render::audit as render;
use crate::cli::session::Session;
use anyhow::{Result, bail};
use chrono::Utc;
use std::io::Write as _;

mod stream;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Audit the ledger as it stood at this time (default: --now)
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Exit 1 when a finding at or above this severity exists
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Audit one case only (ID, prefix or suffix)
    #[arg(long, value_name = "ID")]
    pub case: Option<String>,
    /// Only findings with this code (repeatable)
    #[arg(long, value_name = "CODE")]
    pub code: Vec<String>,
    /// Only findings that happened at or after TIME: a date, a time, or a
    /// span back from --as-of (24h, 7d, 2w). KPIs cover the cases received
    /// in the window, as in `report`
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only findings that happened before TIME (a bare date: up to the end of that day)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Show the customer's name, email and phone where a finding quotes
    /// them (masked by default)
    #[arg(long)]
    pub include_contacts: bool,
    /// Also compare each event's time with the commit that first added it
    /// (one `git log` over cases/): an event that stopped a clock, dated
    /// before its deadline but committed after it (beyond `[audit]
    /// recorded_late_tolerance`, default 1h), is `recorded-late`
    #[arg(long)]
    pub git: bool,
    #[command(flatten)]
    pub invalid: crate::cli::session::SkipInvalid,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

pub fn run(ctx: &Session, args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    for code in &args.code {
        if audit::FindingCode::parse(code).is_none() {
            let names = audit::FindingCode::names();
            bail!(
                "{}",
                crate::cli::lang::unknown_value("finding code", code, &names)
            );
        }
    }
    let as_of = open
        .time_flag("--as-of", args.as_of.as_deref())?
        .with_timezone(&Utc);
    let window = open.window(args.since.as_deref(), args.until.as_deref(), Some(as_of))?;
    let p = &open.policies;
    let committed = commit_times(args.git, &open)?;
    let audit_one = |c: &crate::ledger::LoadedCase| {
        (c.case.received.utc() <= as_of).then(|| {
            let mut a = audit::audit_case(c, p, as_of);
            if let Some(t) = &committed {
                a = a.with_recorded_late(c, p, as_of, t);
            }
            if args.include_contacts {
                a
            } else {
                a.mask_contacts(&c.case)
            }
        })
    };
    if args.case.is_none()
        && let Some(verdict) = streamed(&args, &open, ctx.color, (as_of, window), &audit_one)?
    {
        return Ok(verdict);
    }
    let (per_case, problems) = match &args.case {
        Some(q) => {
            let rel = open.ledger.find(q)?;
            match open.ledger.load(&rel, p) {
                Ok(c) => (audit_one(&c).into_iter().collect(), vec![]),
                Err(d) => (vec![], d),
            }
        }
        None => {
            // Each case is audited as it is read and then dropped.
            let scan = open.ledger.scan_map(p, |c| audit_one(&c));
            (scan.items.into_iter().flatten().collect(), scan.problems)
        }
    };
    let mut result = audit::assemble_in(per_case, p, as_of, window);
    if !args.code.is_empty() {
        result
            .findings
            .retain(|f| args.code.iter().any(|c| c == f.code.as_str()));
    }
    // Scripts' formats stream straight out: a large audit is never held
    // twice in memory as text.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match args.format {
        Format::Json => render::json(&result, &problems, &mut out)?,
        Format::Csv => {
            // CSV has no place for them; --skip-invalid warns about them below.
            if !args.invalid.skip_invalid {
                for p in &problems {
                    eprintln!("{p}");
                }
            }
            render::csv(&result, &mut out)?
        }
        Format::Markdown => {
            out.write_all(render::markdown(&result, &problems, &open.policies.currency).as_bytes())?
        }
        Format::Table => out.write_all(
            render::table(&result, &problems, ctx.color, &open.policies.currency).as_bytes(),
        )?,
    }
    out.flush()?;
    let worst = result.findings.iter().map(|f| f.severity).max();
    Ok(verdict(&args, &problems, worst))
}

/// `--format table|json|csv` on the whole ledger: streamed (see
/// [`stream`]); `None` when the whole audit must be made instead.
fn streamed(
    args: &Args,
    open: &crate::cli::session::Open,
    color: bool,
    (as_of, window): (chrono::DateTime<Utc>, audit::Window),
    audit_one: &(dyn Fn(&crate::ledger::LoadedCase) -> Option<audit::CaseAudit> + Sync),
) -> Result<Option<Verdict>> {
    let currency = &open.policies.currency;
    let rows = match args.format {
        Format::Json => stream::Rows::Json,
        Format::Csv => stream::Rows::Csv,
        Format::Table => stream::Rows::Table { color, currency },
        Format::Markdown => stream::Rows::Markdown { currency },
    };
    let filters = stream::Filters {
        window,
        codes: &args.code,
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let p = &open.policies;
    let Some(done) = stream::run(&open.ledger, p, as_of, &filters, rows, audit_one, &mut out)?
    else {
        return Ok(None);
    };
    out.flush()?;
    if rows == stream::Rows::Csv && !args.invalid.skip_invalid {
        for p in &done.problems {
            eprintln!("{p}");
        }
    }
    Ok(Some(verdict(args, &done.problems, done.worst)))
}

/// Fails on invalid files (unless skipped) or on a finding at or above
/// `--fail-on`.
fn verdict(args: &Args, problems: &[crate::diag::Diagnostic], worst: Option<Severity>) -> Verdict {
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failed =
        args.invalid.fails(problems) || threshold.is_some_and(|t| worst.is_some_and(|w| w >= t));
    if failed { Verdict::Fail } else { Verdict::Pass }
}

/// `--git`: when each event was first committed (None without the flag).
fn commit_times(
    git: bool,
    open: &crate::cli::session::Open,
) -> Result<Option<crate::ledger::git_times::CommitTimes>> {
    if !git {
        return Ok(None);
    }
    crate::ledger::git_times::commit_times(&open.ledger.root, open.policies.tz())
        .map(Some)
        .map_err(|e| {
            anyhow::anyhow!(
                "audit --git needs the ledger in a git repository with git installed: {e}"
            )
        })
}
