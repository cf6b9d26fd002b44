//! `redress policy explain ID`: which rules apply to one case and why.

use crate::audit::routes::RouteOutcome;
use crate::case::Case;
use crate::case::vocab::Status;
use crate::cli::exit::Verdict;
use crate::cli::render::style::{BOLD, DIM, GREEN, paint};
use crate::cli::render::table::{Cell, Column, Columns, Layout, available_width, fit};
use crate::cli::session::Session;
use crate::clock::{self, Clock};
use crate::policy::compensation::BandCheck;
use crate::policy::{ClockKind, DeadlineRule, Policies};
use anyhow::Result;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::fmt::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
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

/// Everything the explanation shows, computed by the domain at `now`.
struct Explained<'a> {
    case: &'a Case,
    p: &'a Policies,
    tz: Tz,
    now: DateTime<Utc>,
    status: Status,
    clocks: Vec<Clock>,
    band: BandCheck,
    routes: Vec<RouteOutcome>,
    /// Every deadline rule, in order, and how it relates to the case.
    rules: Vec<(&'a DeadlineRule, RuleMatch)>,
    /// The clocks no policy sets a target for.
    untargeted: Vec<ClockKind>,
}

/// How one deadline rule relates to the case: the first match wins.
enum RuleMatch {
    Applies,
    Shadowed,
    NoMatch,
}

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let open = session.open()?;
    let (_, loaded) = open.case(&args.id)?;
    let (case, p) = (&loaded.case, &open.policies);
    let now = open.now.with_timezone(&Utc);
    let history = clock::history_at(case, now);
    let clocks = clock::clocks(case, p, now);
    let e = Explained {
        case,
        p,
        tz: open.tz,
        now,
        status: crate::case::history::status_of(history),
        band: crate::policy::compensation::band_check(case, history, p),
        routes: crate::audit::routes::evaluate(case, history, &clocks, p),
        clocks,
        rules: rule_matches(case, p),
        untargeted: ClockKind::ALL
            .into_iter()
            .filter(|&kind| p.clock_policy(case, kind).is_none())
            .collect(),
    };
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&json(&e))? + "\n",
        Format::Text => text(&e, args.include_contacts, session.color),
    };
    crate::cli::render::style::print(&out)?;
    Ok(Verdict::Pass)
}

fn rule_matches<'a>(case: &Case, p: &'a Policies) -> Vec<(&'a DeadlineRule, RuleMatch)> {
    let first = p.deadline_rule(case).map(|r| r.name.as_str());
    p.rules
        .iter()
        .map(|r| {
            let m = if Some(r.name.as_str()) == first {
                RuleMatch::Applies
            } else if r.when.matches(case) {
                RuleMatch::Shadowed
            } else {
                RuleMatch::NoMatch
            };
            (r, m)
        })
        .collect()
}

fn fixed(d: rust_decimal::Decimal) -> String {
    crate::case::money::fixed(d, 2).to_string()
}

fn json(e: &Explained) -> serde_json::Value {
    let (band, tz) = (&e.band, e.tz);
    serde_json::json!({
        "case": e.case.id,
        "status": e.status,
        "as_of": crate::case::time::local(e.now, tz),
        "deadline_rule": e.p.deadline_rule(e.case).map_or("default", |r| r.name.as_str()),
        "clocks": e.clocks.iter().map(|c| c.to_json(tz)).collect::<Vec<_>>(),
        "band": {
            "rule": band.rule,
            "min": fixed(band.band.min),
            "max": fixed(band.band.max),
            "harm": band.harm.map(fixed),
            "compensation": fixed(band.total),
            "range": band.range.map(|(lo, hi)| [lo.to_string(), hi.to_string()]),
        },
        "routes": e.routes.iter().map(|r| serde_json::json!({
            "name": r.name,
            "to": r.to,
            "state": r.state.as_str(),
            "due": r.due.map(|d| crate::case::time::local(d, tz)),
            "detail": r.detail,
        })).collect::<Vec<_>>(),
    })
}

fn text(e: &Explained, include_contacts: bool, c: bool) -> String {
    let width = available_width();
    let case = e.case;
    let mut s = String::new();
    let title = crate::case::privacy::shown(case, include_contacts)
        .title
        .clone();
    let head = section(vec![vec![
        Cell {
            text: case.id.clone(),
            style: Some(BOLD),
        },
        Cell::plain(format!("{title} ({})", e.status)),
    ]]);
    let flush = Layout {
        indent: 0,
        ..Layout::section()
    };
    s.push_str(&head.render_as(flush, width, c));
    let line = format!(
        "{} · {} · {} · {} · profile {}",
        case.kind,
        case.category,
        case.severity,
        case.channel,
        case.customer.profile.map_or("—", |p| p.as_str())
    );
    let _ = writeln!(s, "{}", fit(&line, width, 0));
    deadline_rules(&mut s, e, c, width);
    clocks(&mut s, e, c, width);
    band(&mut s, e, c, width);
    routes(&mut s, e, c, width);
    s
}

/// Headerless rows of a section, laid out by `render::table::Columns`.
fn section(rows: Vec<Vec<Cell>>) -> Columns {
    let n = rows.first().map_or(0, Vec::len);
    Columns {
        columns: (0..n)
            .map(|_| Column {
                header: "",
                drop_rank: 0,
            })
            .collect(),
        rows,
    }
}

fn deadline_rules(s: &mut String, e: &Explained, c: bool, width: Option<usize>) {
    let _ = writeln!(
        s,
        "\n{}",
        paint(c, BOLD, "Deadline rules (first match wins)")
    );
    let rows = e
        .rules
        .iter()
        .map(|(r, m)| {
            let mark = match m {
                RuleMatch::Applies => Cell {
                    text: "applies".into(),
                    style: Some(GREEN),
                },
                RuleMatch::Shadowed => Cell::plain("matches (shadowed)"),
                RuleMatch::NoMatch => Cell {
                    text: "no match".into(),
                    style: Some(DIM),
                },
            };
            vec![
                Cell::plain(r.name.clone()),
                mark,
                Cell::plain(r.when.describe()),
            ]
        })
        .collect();
    s.push_str(&section(rows).render_as(Layout::section(), width, c));
    if !e.rules.iter().any(|(_, m)| matches!(m, RuleMatch::Applies)) {
        let _ = writeln!(s, "  no rule matches: [default] applies");
    }
}

fn clocks(s: &mut String, e: &Explained, c: bool, width: Option<usize>) {
    let tz = e.tz;
    let _ = writeln!(s, "\n{}", paint(c, BOLD, "Clocks"));
    let mut rows: Vec<Vec<Cell>> = e
        .clocks
        .iter()
        .map(|k| {
            let due = k
                .due
                .map_or_else(|| "— (paused)".into(), |d| crate::case::time::short(d, tz));
            let stopped = k
                .stopped
                .map_or_else(|| "—".into(), |d| crate::case::time::short(d, tz));
            vec![
                Cell::plain(format!("{} {}", k.clock.as_str(), k.cycle)),
                Cell::plain(crate::audit::describe_target(k.target, k.mode)),
                Cell::plain(k.state.as_str()),
                Cell::plain(format!(
                    "started {} · due {due} · stopped {stopped} · rule: {}",
                    crate::case::time::short(k.started, tz),
                    k.rule
                )),
            ]
        })
        .collect();
    for kind in &e.untargeted {
        rows.push(vec![
            Cell::plain(kind.as_str()),
            Cell::plain("no target"),
            Cell::plain(""),
            Cell::plain(""),
        ]);
    }
    s.push_str(&section(rows).render_as(Layout::section(), width, c));
}

fn band(s: &mut String, e: &Explained, c: bool, width: Option<usize>) {
    let (band, cur) = (&e.band, &e.p.currency);
    let _ = writeln!(s, "\n{}", paint(c, BOLD, "Compensation band"));
    let mut b = String::new();
    let _ = writeln!(
        b,
        "  rule {}: {}–{} of the harm",
        band.rule,
        fixed(band.band.min),
        fixed(band.band.max)
    );
    match (band.harm, band.range) {
        (Some(h), Some((lo, hi))) => {
            let _ = writeln!(
                b,
                "  harm {} {cur}: the band is {lo}–{hi} {cur}; granted so far {} {cur}",
                fixed(h),
                fixed(band.total),
            );
        }
        _ => {
            let _ = writeln!(
                b,
                "  no harm recorded; granted so far {} {cur}",
                fixed(band.total),
            );
        }
    }
    for line in b.lines() {
        let _ = writeln!(s, "{}", fit(line, width, 0));
    }
}

fn routes(s: &mut String, e: &Explained, c: bool, width: Option<usize>) {
    let _ = writeln!(s, "\n{}", paint(c, BOLD, "Escalation routes"));
    if e.routes.is_empty() {
        let _ = writeln!(s, "  no route applies to this case");
    }
    let rows = e
        .routes
        .iter()
        .map(|r| {
            vec![
                Cell::plain(r.name.clone()),
                Cell::plain(format!("→ {}", r.to)),
                Cell::plain(format!("{}: {}", r.state.as_str(), r.detail)),
            ]
        })
        .collect();
    s.push_str(&section(rows).render_as(Layout::section(), width, c));
}
