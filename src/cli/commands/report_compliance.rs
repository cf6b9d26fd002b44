//! `redress report --return fca|amf` and `redress report --review PERIOD`:
//! the compliance pages. The counts come from `crate::report` (returns.rs,
//! review.rs) and `cli::render::report::{returns, review, doc}` writes them.
//! `--format table` prints the markdown; `csv` is for returns only.

use crate::cli::commands::report::{Args, Format};
use crate::cli::exit::Verdict;
use crate::cli::render::report::{doc, returns as render_return, review as render_review};
use crate::cli::session::{Open, Session};
use crate::diag::Diagnostics;
use crate::i18n::{tr, tr_args};
use crate::report::{self, Regime, Span};
use anyhow::{Result, bail};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum RegulatorArg {
    // UK Financial Conduct Authority
    Fca,
    // Québec Autorité des marchés financiers
    Amf,
}

pub fn run(ctx: &Session, args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    let as_of = open
        .time_flag("--as-of", args.as_of.as_deref())?
        .with_timezone(&Utc);
    let text = match (args.regulator, &args.review) {
        (Some(reg), _) => a_return(&open, &args, reg, as_of)?,
        (None, Some(span)) => a_review(&open, &args, span, as_of)?,
        (None, None) => {
            bail!("{}", tr("report-for-needs-return"))
        }
    };
    match &args.output {
        Some(path) => {
            crate::files::write_output(path, text.as_bytes())?;
            let shown = [("path", path.display().to_string().into())];
            eprintln!("{}", tr_args("report-written", &shown));
        }
        None => crate::cli::render::style::print(&text)?,
    }
    Ok(Verdict::Pass)
}

/// The window of a return: `--for PERIOD`, or both `--since` and `--until`.
fn window(
    open: &Open,
    args: &Args,
    as_of: DateTime<Utc>,
) -> Result<(Option<String>, DateTime<Utc>, DateTime<Utc>)> {
    if let Some(span) = &args.for_period {
        return Ok((
            Some(span.label.clone()),
            span.since(open.tz),
            span.until(open.tz),
        ));
    }
    let w = open.window(args.since.as_deref(), args.until.as_deref(), Some(as_of))?;
    match (w.since, w.until) {
        (Some(s), Some(u)) if s < u => Ok((None, s, u)),
        (Some(_), Some(_)) => bail!("{}", tr("report-since-after-until")),
        _ => bail!("{}", tr("report-return-needs-period")),
    }
}

/// A return, added up one case at a time as the ledger is read: it never
/// holds the ledger. The ledger's problems are reported before a wrong
/// window, as when every case was read first.
fn a_return(open: &Open, args: &Args, reg: RegulatorArg, as_of: DateTime<Utc>) -> Result<String> {
    let window = window(open, args, as_of);
    let span = window
        .as_ref()
        .ok()
        .map(|(_, since, until)| (*since, *until));
    let p = &open.policies;
    let mut sum = report::ReturnSum::new();
    let scan = open.ledger.scan_each(
        p,
        |lc| span.and_then(|span| report::return_facts(&lc, p, span, as_of)),
        |facts| facts.into_iter().for_each(|f| sum.add(f)),
    );
    args.invalid.refuse_or_warn(&scan.problems, "report")?;
    let (label, since, until) = window?;
    let regime = match reg {
        RegulatorArg::Fca => Regime::Fca,
        RegulatorArg::Amf => Regime::Amf,
    };
    let r = sum.finish(p, regime, label, (since, until), as_of);
    Ok(match args.format {
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&r)?),
        Format::Csv => render_return::csv(&r),
        Format::Html => doc::html(&render_return::doc(&r))?,
        Format::Table | Format::Markdown => doc::markdown(&render_return::doc(&r)),
    })
}

/// The management review, added up one case at a time as the ledger is
/// read: it never holds the ledger. What it needs besides the cases is
/// read first, and its errors come after the ledger's problems, as when
/// every case was read first.
fn a_review(open: &Open, args: &Args, span: &Span, as_of: DateTime<Utc>) -> Result<String> {
    let previous = span.previous();
    let estimates = crate::policy::estimates::load(&open.ledger.root);
    let (loaded, action_problems) = open.ledger.actions();
    let actions: Vec<_> = loaded.into_iter().map(|l| l.action).collect();
    let options = match (&previous, &estimates) {
        (Some(previous), Ok(estimates)) => Some(report::ReviewOptions {
            span,
            previous,
            as_of,
            estimates: estimates.clone(),
            include_contacts: args.include_contacts,
        }),
        _ => None,
    };
    let p = &open.policies;
    let scopes = options.as_ref().map(|o| report::ReviewScopes::new(p, o));
    let reader = options
        .as_ref()
        .zip(scopes.as_ref())
        .map(|(o, scopes)| report::ReviewReader::new(p, o, scopes, &actions));
    let mut sum = scopes.as_ref().map(report::ReviewSum::new);
    let scan = open.ledger.scan_each(
        p,
        |lc| reader.as_ref().and_then(|r| r.facts(&lc)),
        |facts| {
            if let (Some(sum), Some(f)) = (sum.as_mut(), facts) {
                sum.add(f);
            }
        },
    );
    args.invalid.refuse_or_warn(&scan.problems, "report")?;
    let period = [("period", span.label.clone().into())];
    if previous.is_none() {
        bail!("{}", tr_args("review-no-previous", &period));
    }
    if let Err(d) = estimates {
        return Err(anyhow::Error::new(Diagnostics(d)).context(tr("review-estimates-invalid")));
    }
    if !action_problems.is_empty() {
        return Err(
            anyhow::Error::new(Diagnostics(action_problems)).context(tr("action-files-problems"))
        );
    }
    // Made whenever there is a previous period and the estimates load.
    let (Some(options), Some(scopes), Some(sum)) = (options, scopes, sum) else {
        bail!("{}", tr_args("review-no-previous", &period));
    };
    let r = sum.finish(p, &options, &scopes, &actions);
    Ok(match args.format {
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&r)?),
        Format::Csv => bail!("{}", tr("review-no-csv")),
        Format::Html => doc::html(&render_review::doc(&r))?,
        Format::Table | Format::Markdown => doc::markdown(&render_review::doc(&r)),
    })
}
