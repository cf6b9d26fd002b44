//! `redress show ID`: one case, its derived status, clocks and history.

use crate::case::Case;
use crate::case::history::History;
use crate::case::vocab::Status;
use crate::cli::exit::Verdict;
use crate::cli::render::fmt::{amount, word};
use crate::cli::render::style::{BOLD, DIM, GREEN, RED, YELLOW, paint};
use crate::cli::render::table::{Cell, Column, Columns, Layout, available_width, fit};
use crate::cli::session::Session;
use crate::clock::{self, Clock, ClockState};
use crate::i18n::{Lang, tr, tr_args};
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
        "{} {}",
        paint(c, BOLD, &word(sh.status.as_str())),
        tr_args(
            "show-kind-line",
            &[
                ("kind", word(case.kind.as_str()).into()),
                ("category", case.category.to_string().into()),
                ("severity", word(case.severity.as_str()).into()),
                ("channel", word(case.channel.as_str()).into()),
            ]
        )
    );
    let _ = writeln!(s, "{}", fit(&status, width, 0));
    let _ = writeln!(
        s,
        "{}{}",
        label("show-received"),
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
        let _ = writeln!(s, "{}", fit(line, width, label_width()));
    }
    if !description.is_empty() || details.contains("\n\n") {
        s.push('\n');
        for line in description.lines() {
            let _ = writeln!(s, "{}", fit(line, width, 0));
        }
    }
}

/// `customer  `: the width of the details' labels (longer in French).
fn label_width() -> usize {
    match crate::i18n::current() {
        Lang::En => 10,
        Lang::Fr => 13,
    }
}

/// A detail's label, padded so that values line up: `received  `.
fn label(id: &str) -> String {
    format!("{:<width$}", tr(id), width = label_width())
}

/// An amount as `show` writes it: `120.00 CAD` (English, as stored) or
/// `120,00 $`.
fn show_amount(d: rust_decimal::Decimal, currency: &str, with_currency: bool) -> String {
    match crate::i18n::current() {
        Lang::Fr => amount(d, currency),
        Lang::En if with_currency => format!("{} {currency}", crate::case::money::Money(d)),
        Lang::En => crate::case::money::Money(d).to_string(),
    }
}

/// Customer, owner, level, harm, risks, tags, source, fields, file and
/// description: every key the case file stores besides its history.
fn details(s: &mut String, sh: &Shown, include_contacts: bool, c: bool) {
    let case = sh.case;
    let mut who = case.customer.name.clone();
    if let Some(p) = case.customer.profile {
        who.push_str(&format!(" ({})", word(p.as_str())));
    }
    for extra in [&case.customer.email, &case.customer.phone]
        .into_iter()
        .flatten()
    {
        who.push_str(&format!(" · {extra}"));
    }
    if !include_contacts {
        who.push_str(&paint(c, DIM, &format!("  {}", tr("show-contacts-hint"))));
    }
    let _ = writeln!(s, "{}{who}", label("show-customer"));
    let unassigned = tr("show-unassigned");
    let owner = case.history.assignee().unwrap_or(&unassigned);
    let _ = writeln!(s, "{}{owner}", label("show-assignee"));
    if let Some(level) = sh.level {
        let _ = writeln!(s, "{}{level}", label("show-level"));
    }
    if let Some(h) = case.harm {
        let _ = writeln!(
            s,
            "{}{}",
            label("show-harm"),
            tr_args(
                "show-harm-value",
                &[
                    ("harm", show_amount(h.0, sh.currency, true).into()),
                    (
                        "total",
                        show_amount(case.compensation_total().0, sh.currency, false).into()
                    ),
                ]
            )
        );
    }
    if !case.wants.is_empty() {
        let wants: Vec<String> = case.wants.iter().map(|w| word(&w.to_string())).collect();
        let _ = writeln!(s, "{}{}", label("show-wants"), wants.join(", "));
    }
    if let Some(j) = case.justice {
        let _ = writeln!(
            s,
            "{}{}",
            label("show-justice"),
            tr_args(
                "show-justice-value",
                &[("justice", word(&j.to_string()).into())]
            )
        );
    }
    if !case.risks.is_empty() {
        let risks: Vec<String> = case.risks.iter().map(|r| word(r.as_str())).collect();
        let _ = writeln!(s, "{}{}", label("show-risks"), risks.join(", "));
    }
    if !case.tags.is_empty() {
        let _ = writeln!(s, "{}{}", label("show-tags"), case.tags.join(", "));
    }
    if let Some(src) = &case.source {
        let _ = writeln!(s, "{}{} {}", label("show-source"), src.system, src.id);
    }
    for (name, value) in &case.fields {
        let _ = writeln!(s, "{}{name}: {value}", label("show-field"));
    }
    let _ = writeln!(s, "{}{}", label("show-file"), sh.rel);
    if !case.description.is_empty() {
        let _ = writeln!(s, "\n{}", case.description.trim_end());
    }
}

fn clocks(s: &mut String, sh: &Shown, c: bool, width: Option<usize>) {
    let _ = writeln!(s, "\n{}", paint(c, BOLD, &tr("show-clocks")));
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
                || tr("show-due-paused"),
                |d| crate::case::time::short(d, sh.tz),
            );
            vec![
                Cell::plain(format!("{} {}", word(k.clock.as_str()), k.cycle)),
                Cell::plain(format!(
                    "{} ({})",
                    target_text(&k.target.to_string()),
                    word(&k.mode.to_string())
                )),
                Cell::plain(tr_args("show-due", &[("due", due.into())])),
                Cell {
                    text: word(state),
                    style: Some(style),
                },
                Cell {
                    text: tr_args("show-rule", &[("rule", k.rule.to_string().into())]),
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

/// `10d` as typed in the policies, `10j` in French.
fn target_text(t: &str) -> String {
    match (crate::i18n::current(), t.strip_suffix('d')) {
        (Lang::Fr, Some(n)) => format!("{n}{}", crate::cli::render::fmt::day_unit()),
        _ => t.to_string(),
    }
}

fn history(s: &mut String, sh: &Shown, c: bool, width: Option<usize>) {
    let _ = writeln!(s, "\n{}", paint(c, BOLD, &tr("show-history")));
    if sh.case.history.is_empty() {
        let _ = writeln!(s, "  {}", tr("show-no-events"));
    }
    let rows = sh
        .case
        .history
        .iter()
        .map(|e| {
            vec![
                Cell::plain(crate::case::time::short(e.at.utc(), sh.tz)),
                Cell::plain(word(e.event.as_str())),
                Cell::plain(e.by.clone()),
                Cell::plain(event_detail(e, sh.currency)),
            ]
        })
        .collect();
    let table = Columns {
        columns: (0..4).map(|_| column("")).collect(),
        rows,
    };
    s.push_str(&table.render_as(Layout::section(), width, c));
}

/// `note: …`, `note : …`.
fn pair(key: &str, value: &str) -> String {
    tr_args(
        "show-detail",
        &[
            ("key", word(key).into()),
            ("value", value.to_string().into()),
        ],
    )
}

/// An event's keys beyond when, what and who: `to: …· note: …`.
fn event_detail(e: &crate::case::Event, currency: &str) -> String {
    let mut detail = Vec::new();
    for (k, v) in [
        ("to", &e.to),
        ("remedy", &e.remedy),
        ("reason", &e.reason),
        ("summary", &e.summary),
        ("note", &e.note),
    ] {
        if let Some(v) = v {
            detail.push(pair(k, v));
        }
    }
    if let Some(a) = e.amount {
        detail.push(pair("amount", &show_amount(a.0, currency, false)));
    }
    if let Some(o) = e.outcome {
        detail.push(pair("outcome", &word(o.as_str())));
    }
    if let Some(sat) = e.satisfied {
        let answer = if sat { "yes" } else { "no" };
        detail.push(pair("satisfied", &word(answer)));
    }
    detail.join(" · ")
}
