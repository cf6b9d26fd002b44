//! `redress report`: statistics for decision-makers, as a table (80
//! columns), markdown, JSON, CSV or a self-contained HTML page with charts.
//! The figures come from `crate::report` and `crate::cli::render::report`
//! writes them; this module reads the arguments and picks the renderer.
//! No format ever shows a customer's contact details or a case title: cases
//! are named by ID only, and a breakdown value repeating a customer's name,
//! email or phone is masked unless `--include-contacts`.

use crate::cli::exit::Verdict;
use crate::cli::render::report as render;
use crate::cli::session::Session;
use crate::diag::Diagnostics;
use crate::report::{self, Dim, Period};
use anyhow::Result;
use chrono::Utc;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bucket cases by the month, quarter or year they were received (ledger time zone)
    #[arg(long, value_enum, default_value = "month")]
    pub period: PeriodArg,
    /// Only cases received at or after this time or date
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only cases received before this time; a bare date includes that whole day
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Break down by a dimension (repeatable; default: category and channel):
    /// kind, category, channel, severity, profile, risk, outcome, tag, assignee, wants, justice,
    /// fields.NAME
    #[arg(long, value_name = "DIM", value_parser = parse_dim)]
    pub by: Vec<Dim>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report on the ledger as it stood at this time (default: --now)
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    /// Show a breakdown value (tag, `fields` value) that repeats a customer's
    /// name, email or phone as it is (masked by default)
    #[arg(long)]
    pub include_contacts: bool,
    #[command(flatten)]
    pub invalid: crate::cli::session::SkipInvalid,
    /// A regulator's complaints return instead of the report: fca or amf
    /// (needs --for PERIOD, or --since and --until)
    #[arg(
        long = "return",
        value_enum,
        value_name = "WHO",
        conflicts_with_all = ["review", "by"]
    )]
    pub regulator: Option<crate::cli::commands::report_compliance::RegulatorArg>,
    /// The period of a return: 2026, 2026-H2, 2026-Q3 or 2026-09
    #[arg(long = "for", value_name = "PERIOD", value_parser = parse_span, conflicts_with_all = ["since", "until", "review"])]
    pub for_period: Option<report::Span>,
    /// The management review of a period (2026-Q3, 2026-09, 2026) against
    /// the one before it: HTML (-o FILE) or markdown
    #[arg(long, value_name = "PERIOD", value_parser = parse_span, conflicts_with_all = ["since", "until", "by"])]
    pub review: Option<report::Span>,
}

fn parse_span(s: &str) -> Result<report::Span, String> {
    s.parse()
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PeriodArg {
    Month,
    Quarter,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Markdown,
    Json,
    Csv,
    Html,
}

fn parse_dim(s: &str) -> Result<Dim, String> {
    s.parse()
}

pub fn run(ctx: &Session, args: Args) -> Result<Verdict> {
    if args.regulator.is_some() || args.review.is_some() || args.for_period.is_some() {
        return crate::cli::commands::report_compliance::run(ctx, args);
    }
    // Reading a large ledger frees as much as the report keeps: without
    // this, the report's memory came on top of the reading's.
    crate::cli::alloc::purge_delay(0);
    let open = ctx.open()?;
    let estimates = crate::policy::estimates::load(&open.ledger.root).map_err(|d| {
        anyhow::Error::new(Diagnostics(d))
            .context("policies/estimates.toml is invalid; fix it or delete it to use the defaults")
    })?;
    let as_of = open
        .time_flag("--as-of", args.as_of.as_deref())?
        .with_timezone(&Utc);
    let window = open.window(args.since.as_deref(), args.until.as_deref(), Some(as_of))?;
    let (since, until) = (window.since, window.until);
    let by = if args.by.is_empty() {
        vec![Dim::Category, Dim::Channel]
    } else {
        args.by
    };
    let options = report::Options {
        period: match args.period {
            PeriodArg::Month => Period::Month,
            PeriodArg::Quarter => Period::Quarter,
            PeriodArg::Year => Period::Year,
        },
        since,
        until,
        by,
        as_of,
        estimates,
        include_contacts: args.include_contacts,
    };
    let actions = valid_actions(&open);
    // One case at a time: the report keeps a few figures of each, never
    // the ledger (see `report::stream`).
    let reader = report::Reader::new(&open.policies, &options, actions.as_deref().unwrap_or(&[]));
    let mut sum = report::ReportSum::new(&options);
    let scan = open.ledger.scan_each(
        &open.policies,
        |lc| reader.facts(&lc),
        |facts| {
            if let Some(f) = facts {
                sum.add(f);
            }
        },
    );
    args.invalid.refuse_or_warn(&scan.problems, "report")?;
    if actions.is_none() {
        eprintln!("{}", crate::i18n::tr("report-actions-invalid"));
    }
    let r = sum.finish(&open.policies, &options, actions.as_deref().unwrap_or(&[]));
    let color = ctx.color && args.output.is_none();
    let text = match args.format {
        Format::Json => render::json::render(r)?,
        Format::Csv => render::csv::render(r)?,
        Format::Markdown => render::markdown::render(&r),
        Format::Table => render::table::render(&r, color),
        Format::Html => render::html::render(r)?,
    };
    match &args.output {
        Some(path) => {
            crate::files::write_output(path, text.as_bytes())?;
            eprintln!(
                "{}",
                crate::i18n::tr_args(
                    "report-written",
                    &[("path", path.display().to_string().into())]
                )
            );
        }
        None => crate::cli::render::style::print(&text)?,
    }
    Ok(Verdict::Pass)
}

/// The corrective actions of `actions/`, whose effects the report shows
/// (each with the cases before and after it); `None` when an action file
/// has problems: the report then leaves the section out, with a warning,
/// for it is about cases, and `check` names what is wrong.
fn valid_actions(open: &crate::cli::session::Open) -> Option<Vec<crate::ledger::actions::Action>> {
    let (loaded, problems) = open.ledger.actions();
    problems
        .is_empty()
        .then(|| loaded.into_iter().map(|l| l.action).collect())
}
