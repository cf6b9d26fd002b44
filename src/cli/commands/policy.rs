//! `redress policy check | explain ID | impact --base REV`.

use super::Ctx;
use crate::Verdict;
use crate::cli::render::style::{BOLD, DIM, GREEN, paint};
use crate::clock;
use crate::diag::Diagnostics;
use crate::policy::ClockKind;
use anyhow::Result;
use chrono::Utc;
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: PolicyCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum PolicyCommand {
    /// Validate the policy files (exit 2 when they are invalid)
    Check,
    /// Show which rules apply to one case and why, with its clocks
    Explain(ExplainArgs),
    /// The audit difference a policy change makes, for pull requests
    Impact(super::impact::Args),
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The case: its ID, or any unique prefix or suffix of it
    pub id: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Show the customer's name, email and phone where the title repeats
    /// them (masked by default)
    #[arg(long)]
    pub include_contacts: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Verdict> {
    match args.command {
        PolicyCommand::Check => check(ctx),
        PolicyCommand::Explain(a) => explain(ctx, a),
        PolicyCommand::Impact(a) => super::impact::run(ctx, a),
    }
}

fn check(ctx: &Ctx) -> Result<Verdict> {
    let ledger = ctx.ledger()?;
    // The optional estimates.toml (report parameters) is checked too.
    let loaded = crate::policy::load(&ledger.root);
    let estimates = crate::policy::estimates::load(&ledger.root);
    let loaded = match (loaded, estimates) {
        (Ok(p), Ok(_)) => Ok(p),
        (Ok(_), Err(e)) => Err(e),
        (Err(mut d), Err(e)) => {
            d.extend(e);
            Err(d)
        }
        (Err(d), Ok(_)) => Err(d),
    };
    match loaded {
        Ok(p) => {
            let cats = p
                .categories
                .as_ref()
                .map_or("any".to_string(), |c| c.len().to_string());
            crate::cli::render::style::print(&format!(
                "ok: policies are valid — calendar {} ({}), {} deadline rule(s), {} level(s), {} member(s), {} route(s), band {}–{} with {} rule(s), {} categories\n",
                p.calendar.tz,
                p.mode,
                p.rules.len(),
                p.levels.len(),
                p.team.len(),
                p.routes.len(),
                crate::case::money::fixed(p.band.min, 2),
                crate::case::money::fixed(p.band.max, 2),
                p.band_rules.len(),
                cats
            ))?;
            Ok(Verdict::Pass)
        }
        Err(problems) => {
            let n = problems.len();
            Err(anyhow::Error::new(Diagnostics(problems))
                .context(format!("{n} problem(s) in the policies")))
        }
    }
}

fn explain(ctx: &Ctx, args: ExplainArgs) -> Result<Verdict> {
    let open = ctx.open()?;
    let rel = open.ledger.find(&args.id)?;
    let loaded = open
        .ledger
        .load(&rel, &open.policies)
        .map_err(|d| anyhow::Error::new(Diagnostics(d)).context(format!("{rel} has problems")))?;
    let (case, p, tz) = (&loaded.case, &open.policies, open.tz);
    let now = open.now.with_timezone(&Utc);
    let history = clock::history_at(case, now);
    let clocks = clock::clocks(case, p, now);
    let band = crate::policy::compensation::band_check(case, history, p);
    let routes = crate::policy::routes::evaluate(case, history, &clocks, p);
    let status = crate::case::history::status_of(history);
    let fixed = |d| crate::case::money::fixed(d, 2).to_string();
    let out = match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "case": case.id,
                "status": status,
                "as_of": crate::case::time::local(now, tz),
                "deadline_rule": p.deadline_rule(case).map_or("default", |r| r.name.as_str()),
                "clocks": clocks.iter().map(|c| c.to_json(tz)).collect::<Vec<_>>(),
                "band": {
                    "rule": band.rule,
                    "min": fixed(band.band.min),
                    "max": fixed(band.band.max),
                    "harm": band.harm.map(fixed),
                    "compensation": fixed(band.total),
                    "range": band.range.map(|(lo, hi)| [lo.to_string(), hi.to_string()]),
                },
                "routes": routes.iter().map(|r| serde_json::json!({
                    "name": r.name,
                    "to": r.to,
                    "state": r.state.as_str(),
                    "due": r.due.map(|d| crate::case::time::local(d, tz)),
                    "detail": r.detail,
                })).collect::<Vec<_>>(),
            });
            serde_json::to_string_pretty(&doc)? + "\n"
        }
        Format::Text => {
            let c = ctx.color;
            let mut s = String::new();
            let title = crate::case::privacy::shown(case, args.include_contacts)
                .title
                .clone();
            let _ = writeln!(s, "{}  {title} ({status})", paint(c, BOLD, &case.id));
            let _ = writeln!(
                s,
                "{} · {} · {} · {} · profile {}",
                case.kind,
                case.category,
                case.severity,
                case.channel,
                case.customer.profile.map_or("—", |p| p.as_str())
            );
            let _ = writeln!(
                s,
                "\n{}",
                paint(c, BOLD, "Deadline rules (first match wins)")
            );
            let first = p.deadline_rule(case).map(|r| r.name.clone());
            for r in &p.rules {
                let mark = if Some(&r.name) == first.as_ref() {
                    paint(c, GREEN, "applies")
                } else if r.when.matches(case) {
                    "matches (shadowed)".into()
                } else {
                    paint(c, DIM, "no match")
                };
                let _ = writeln!(s, "  {:<28} {:<40} {mark}", r.name, r.when.describe());
            }
            if first.is_none() {
                let _ = writeln!(s, "  no rule matches: [default] applies");
            }
            let _ = writeln!(s, "\n{}", paint(c, BOLD, "Clocks"));
            for k in &clocks {
                let due = k
                    .due
                    .map_or_else(|| "— (paused)".into(), |d| crate::case::time::short(d, tz));
                let stopped = k
                    .stopped
                    .map_or_else(|| "—".into(), |d| crate::case::time::short(d, tz));
                let _ = writeln!(
                    s,
                    "  {:<15} {:<22} started {}  due {due}  stopped {stopped}  {}  (rule: {})",
                    format!("{} {}", k.clock.as_str(), k.cycle),
                    crate::audit::describe_target(k.target, k.mode),
                    crate::case::time::short(k.started, tz),
                    k.state.as_str(),
                    k.rule
                );
            }
            for kind in ClockKind::ALL {
                if p.clock_policy(case, kind).is_none() {
                    let _ = writeln!(s, "  {:<15} no target", kind.as_str());
                }
            }
            let _ = writeln!(s, "\n{}", paint(c, BOLD, "Compensation band"));
            let _ = writeln!(
                s,
                "  rule {}: {}–{} of the harm",
                band.rule,
                fixed(band.band.min),
                fixed(band.band.max)
            );
            match (band.harm, band.range) {
                (Some(h), Some((lo, hi))) => {
                    let _ = writeln!(
                        s,
                        "  harm {} {cur}: the band is {lo}–{hi} {cur}; granted so far {} {cur}",
                        fixed(h),
                        fixed(band.total),
                        cur = p.currency
                    );
                }
                _ => {
                    let _ = writeln!(
                        s,
                        "  no harm recorded; granted so far {} {}",
                        fixed(band.total),
                        p.currency
                    );
                }
            }
            let _ = writeln!(s, "\n{}", paint(c, BOLD, "Escalation routes"));
            if routes.is_empty() {
                let _ = writeln!(s, "  no route applies to this case");
            }
            for r in &routes {
                let _ = writeln!(
                    s,
                    "  {:<40} → {:<12} {}: {}",
                    r.name,
                    r.to,
                    r.state.as_str(),
                    r.detail
                );
            }
            s
        }
    };
    crate::cli::render::style::print(&out)?;
    Ok(Verdict::Pass)
}
