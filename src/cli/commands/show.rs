//! `redress show ID`: one case, its derived status, clocks and history.

use crate::case::Case;
use crate::case::history::History;
use crate::case::vocab::Status;
use crate::cli::exit::Verdict;
use crate::cli::render::style::{BOLD, DIM, GREEN, RED, YELLOW, paint};
use crate::cli::render::table::{Cell, Column, Columns, Layout, available_width, fit};
use crate::cli::session::Session;
use crate::clock::{self, Clock, ClockState};
use anyhow::Result;
use chrono::Utc;
use chrono_tz::Tz;
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case: its ID, any unique prefix or suffix of it, or its
    /// `source.id` (the other system's number, e.g. Z-1001)
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

/// What `show` prints, computed before anything is rendered.
struct Shown<'a> {
    /// The case as it may be printed (contacts masked unless asked).
    case: &'a Case,
    rel: &'a str,
    status: Status,
    clocks: Vec<Clock>,
    currency: &'a str,
    tz: Tz,
    /// The escalation level the case sits at (the lowest until escalated).
    level: Option<&'a str>,
}

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let open = session.open()?;
    let id = open.ledger.id_or_source_id(&args.id, &open.policies)?;
    let (rel, loaded) = open.case(&id)?;
    let now = open.now.with_timezone(&Utc);
    // Computed on the real case; only what is printed is masked.
    let shown = crate::case::privacy::shown(&loaded.case, args.include_contacts);
    let s = Shown {
        case: &shown,
        rel: &rel,
        status: crate::case::history::status(&loaded.case),
        clocks: clock::clocks(&loaded.case, &open.policies, now),
        currency: &open.policies.currency,
        tz: open.tz,
        level: crate::audit::routes::current_level(&loaded.case.history, &open.policies),
    };
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&json(&s)?)? + "\n",
        Format::Text => text(&s, args.include_contacts, session.color),
    };
    crate::cli::render::style::print(&out)?;
    Ok(Verdict::Pass)
}

fn json(s: &Shown) -> Result<serde_json::Value> {
    let (clocks, tz) = (&s.clocks, s.tz);
    let mut v = serde_json::to_value(s.case)?;
    if let Some(obj) = v.as_object_mut() {
        obj.insert("status".into(), serde_json::json!(s.status));
        obj.insert("path".into(), serde_json::json!(s.rel));
        obj.insert("level".into(), serde_json::json!(s.level));
        obj.insert(
            "assignee".into(),
            serde_json::json!(s.case.history.assignee()),
        );
        obj.insert(
            "clocks".into(),
            clocks.iter().map(|c| c.to_json(tz)).collect(),
        );
        obj.insert(
            "due".into(),
            serde_json::json!(clock::next_due(clocks).map(|d| crate::case::time::local(d, tz))),
        );
        obj.insert(
            "overdue".into(),
            serde_json::json!(clock::is_overdue(clocks)),
        );
    }
    Ok(v)
}

fn text(sh: &Shown, include_contacts: bool, c: bool) -> String {
    let width = available_width();
    let case = sh.case;
    let mut s = String::new();
    let head = Columns {
        columns: vec![column(""), column("")],
        rows: vec![vec![
            Cell {
                text: case.id.clone(),
                style: Some(BOLD),
            },
            Cell::plain(case.title.clone()),
        ]],
    };
    let flush = Layout {
        indent: 0,
        ..Layout::section()
    };
    s.push_str(&head.render_as(flush, width, c));
    let status = format!(
        "{} {} · {} · {} severity · {}",
        paint(c, BOLD, sh.status.as_str()),
        case.kind,
        case.category,
        case.severity,
        case.channel
    );
    let _ = writeln!(s, "{}", fit(&status, width, 0));
    let _ = writeln!(
        s,
        "received  {}",
        crate::case::time::short(case.received.utc(), sh.tz)
    );
    let mut d = String::new();
    details(&mut d, sh, include_contacts, c);
    fit_details(&mut s, &d, width);
    clocks(&mut s, sh, c, width);
    history(&mut s, sh, c, width);
    s
}

fn column(header: &'static str) -> Column {
    Column {
        header,
        drop_rank: 0,
    }
}

/// The details fitted to the width: `label  value` lines wrap under their
/// value, the description's lines under themselves (its own breaks kept).
fn fit_details(s: &mut String, details: &str, width: Option<usize>) {
    let (labelled, description) = details.split_once("\n\n").unwrap_or((details, ""));
    for line in labelled.lines() {
        let _ = writeln!(s, "{}", fit(line, width, LABEL));
    }
    if !description.is_empty() || details.contains("\n\n") {
        s.push('\n');
        for line in description.lines() {
            let _ = writeln!(s, "{}", fit(line, width, 0));
        }
    }
}

/// `customer  `: the width of the details' labels.
const LABEL: usize = 10;

/// Customer, owner, level, harm, risks, tags, source, fields, file and
/// description: every key the case file stores besides its history.
fn details(s: &mut String, sh: &Shown, include_contacts: bool, c: bool) {
    let case = sh.case;
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
    if !include_contacts {
        who.push_str(&paint(c, DIM, "  (--include-contacts shows them)"));
    }
    let _ = writeln!(s, "customer  {who}");
    let owner = case.history.assignee().unwrap_or("(unassigned)");
    let _ = writeln!(s, "assignee  {owner}");
    if let Some(level) = sh.level {
        let _ = writeln!(s, "level     {level}");
    }
    if let Some(h) = case.harm {
        let _ = writeln!(
            s,
            "harm      {h} {}  (compensated {})",
            sh.currency,
            case.compensation_total()
        );
    }
    if !case.wants.is_empty() {
        let _ = writeln!(s, "wants     {}", case.wants.join(", "));
    }
    if let Some(j) = case.justice {
        let _ = writeln!(s, "justice   {j} (judged deficient)");
    }
    if !case.risks.is_empty() {
        let risks: Vec<&str> = case.risks.iter().map(|r| r.as_str()).collect();
        let _ = writeln!(s, "risks     {}", risks.join(", "));
    }
    if !case.tags.is_empty() {
        let _ = writeln!(s, "tags      {}", case.tags.join(", "));
    }
    if let Some(src) = &case.source {
        let _ = writeln!(s, "source    {} {}", src.system, src.id);
    }
    for (name, value) in &case.fields {
        let _ = writeln!(s, "field     {name}: {value}");
    }
    let _ = writeln!(s, "file      {}", sh.rel);
    if !case.description.is_empty() {
        let _ = writeln!(s, "\n{}", case.description.trim_end());
    }
}

fn clocks(s: &mut String, sh: &Shown, c: bool, width: Option<usize>) {
    let _ = writeln!(s, "\n{}", paint(c, BOLD, "Clocks"));
    let rows = sh
        .clocks
        .iter()
        .map(|k| {
            let (state, style) = match k.state {
                ClockState::Met => ("met", GREEN),
                ClockState::Breached => ("breached", RED),
                ClockState::Running => ("running", YELLOW),
                ClockState::Paused => ("paused", DIM),
            };
            let due = k.due.map_or_else(
                || "— (paused)".into(),
                |d| crate::case::time::short(d, sh.tz),
            );
            vec![
                Cell::plain(format!("{} {}", k.clock.as_str(), k.cycle)),
                Cell::plain(format!("{} ({})", k.target, k.mode)),
                Cell::plain(format!("due {due}")),
                Cell {
                    text: state.into(),
                    style: Some(style),
                },
                Cell {
                    text: format!("rule: {}", k.rule),
                    style: Some(DIM),
                },
            ]
        })
        .collect();
    let table = Columns {
        columns: (0..5).map(|_| column("")).collect(),
        rows,
    };
    s.push_str(&table.render_as(Layout::section(), width, c));
}

fn history(s: &mut String, sh: &Shown, c: bool, width: Option<usize>) {
    let _ = writeln!(s, "\n{}", paint(c, BOLD, "History"));
    if sh.case.history.is_empty() {
        let _ = writeln!(s, "  (no events yet)");
    }
    let rows = sh
        .case
        .history
        .iter()
        .map(|e| {
            vec![
                Cell::plain(crate::case::time::short(e.at.utc(), sh.tz)),
                Cell::plain(e.event.as_str()),
                Cell::plain(e.by.clone()),
                Cell::plain(event_detail(e)),
            ]
        })
        .collect();
    let table = Columns {
        columns: (0..4).map(|_| column("")).collect(),
        rows,
    };
    s.push_str(&table.render_as(Layout::section(), width, c));
}

/// An event's keys beyond when, what and who: `to: …· note: …`.
fn event_detail(e: &crate::case::Event) -> String {
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
    detail.join(" · ")
}
