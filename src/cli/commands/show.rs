//! `redress show ID`: one case, its derived status, clocks and history.

use super::Ctx;
use crate::Verdict;
use crate::cli::render::style::{BOLD, DIM, GREEN, RED, YELLOW, paint};
use crate::clock::{self, ClockState};
use anyhow::Result;
use chrono::Utc;
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case: its ID, or any unique prefix or suffix of it
    pub id: String,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Show the customer's name, email and phone (masked by default, in the
    /// case's texts too)
    #[arg(long)]
    pub include_contacts: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    let rel = open.ledger.find(&args.id)?;
    let loaded = open.ledger.load(&rel, &open.policies).map_err(|d| {
        anyhow::Error::new(crate::diag::Diagnostics(d)).context(format!("{rel} has problems"))
    })?;
    let tz = open.tz;
    let now = open.now.with_timezone(&Utc);
    let status = crate::case::history::status(&loaded.case);
    let clocks = clock::clocks(&loaded.case, &open.policies, now);
    // Computed on the real case above; only what is printed is masked.
    let shown = crate::case::privacy::shown(&loaded.case, args.include_contacts);
    let case: &crate::case::Case = &shown;
    let out = match args.format {
        Format::Json => {
            let mut v = serde_json::to_value(case)?;
            if let Some(obj) = v.as_object_mut() {
                obj.insert("status".into(), serde_json::json!(status));
                obj.insert("path".into(), serde_json::json!(rel));
                obj.insert(
                    "assignee".into(),
                    serde_json::json!(super::list::assignee(case)),
                );
                obj.insert(
                    "clocks".into(),
                    clocks.iter().map(|c| c.to_json(tz)).collect(),
                );
                obj.insert(
                    "due".into(),
                    serde_json::json!(
                        clock::next_due(&clocks).map(|d| crate::case::time::local(d, tz))
                    ),
                );
                obj.insert(
                    "overdue".into(),
                    serde_json::json!(clock::is_overdue(&clocks)),
                );
            }
            serde_json::to_string_pretty(&v)? + "\n"
        }
        Format::Text => {
            let c = ctx.color;
            let mut s = String::new();
            let _ = writeln!(s, "{}  {}", paint(c, BOLD, &case.id), case.title);
            let _ = writeln!(
                s,
                "{} {} · {} · {} severity · {}",
                paint(c, BOLD, status.as_str()),
                case.kind,
                case.category,
                case.severity,
                case.channel
            );
            let _ = writeln!(
                s,
                "received  {}",
                crate::case::time::short(case.received.utc(), tz)
            );
            let mut who = case.customer.name.clone();
            if let Some(p) = case.customer.profile {
                who.push_str(&format!(" ({p})"));
            }
            for extra in [&case.customer.email, &case.customer.phone]
                .into_iter()
                .flatten()
            {
                who.push_str(&format!(" · {extra}"));
            }
            if !args.include_contacts {
                who.push_str(&paint(c, DIM, "  (--include-contacts shows them)"));
            }
            let _ = writeln!(s, "customer  {who}");
            if let Some(a) = super::list::assignee(case) {
                let _ = writeln!(s, "assignee  {a}");
            }
            if let Some(h) = case.harm {
                let _ = writeln!(
                    s,
                    "harm      {h} {}  (compensated {})",
                    open.policies.currency,
                    case.compensation_total()
                );
            }
            if !case.tags.is_empty() {
                let _ = writeln!(s, "tags      {}", case.tags.join(", "));
            }
            let _ = writeln!(s, "file      {rel}");
            if !case.description.is_empty() {
                let _ = writeln!(s, "\n{}", case.description.trim_end());
            }
            let _ = writeln!(s, "\n{}", paint(c, BOLD, "Clocks"));
            for k in &clocks {
                let state = match k.state {
                    ClockState::Met => paint(c, GREEN, "met"),
                    ClockState::Breached => paint(c, RED, "breached"),
                    ClockState::Running => paint(c, YELLOW, "running"),
                    ClockState::Paused => paint(c, DIM, "paused"),
                };
                let due = k
                    .due
                    .map_or_else(|| "— (paused)".into(), |d| crate::case::time::short(d, tz));
                let _ = writeln!(
                    s,
                    "  {:<15} {:>4} ({})  due {due}  {state}  {}",
                    format!("{} {}", k.clock.as_str(), k.cycle),
                    k.target,
                    k.mode,
                    paint(c, DIM, &format!("rule: {}", k.rule))
                );
            }
            let _ = writeln!(s, "\n{}", paint(c, BOLD, "History"));
            if case.history.is_empty() {
                let _ = writeln!(s, "  (no events yet)");
            }
            for e in &case.history {
                let mut detail = Vec::new();
                for (k, v) in [
                    ("to", &e.to),
                    ("remedy", &e.remedy),
                    ("reason", &e.reason),
                    ("summary", &e.summary),
                    ("note", &e.note),
                ] {
                    if let Some(v) = v {
                        detail.push(format!("{k}: {v}"));
                    }
                }
                if let Some(a) = e.amount {
                    detail.push(format!("amount: {a}"));
                }
                if let Some(o) = e.outcome {
                    detail.push(format!("outcome: {o}"));
                }
                if let Some(sat) = e.satisfied {
                    detail.push(format!("satisfied: {}", if sat { "yes" } else { "no" }));
                }
                let _ = writeln!(
                    s,
                    "  {}  {:<12} {:<8} {}",
                    crate::case::time::short(e.at.utc(), tz),
                    e.event.as_str(),
                    e.by,
                    detail.join(" · ")
                );
            }
            s
        }
    };
    crate::cli::render::style::print(&out)?;
    Ok(Verdict::Pass)
}
