//! `redress policy explain ID`: which rules apply to one case and why.

use crate::audit::routes::RouteOutcome;
use crate::case::Case;
use crate::case::vocab::Status;
use crate::cli::exit::Verdict;
use crate::cli::render::fmt::{amount, word};
use crate::cli::render::style::{BOLD, DIM, GREEN, paint};
use crate::cli::render::table::{Cell, Column, Columns, Layout, available_width, fit};
use crate::cli::session::Session;
use crate::clock::{self, Clock};
use crate::i18n::{tr, tr_args};
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
        Cell::plain(format!("{title} ({})", word(e.status.as_str()))),
    ]]);
    let flush = Layout {
        indent: 0,
        ..Layout::section()
    };
    s.push_str(&head.render_as(flush, width, c));
    let line = tr_args(
        "explain-kind-line",
        &[
            ("kind", word(case.kind.as_str()).into()),
            ("category", case.category.to_string().into()),
            ("severity", word(case.severity.as_str()).into()),
            ("channel", word(case.channel.as_str()).into()),
            (
                "profile",
                case.customer
                    .profile
                    .map_or("—".to_string(), |p| word(p.as_str()))
                    .into(),
            ),
        ],
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
    let _ = writeln!(s, "\n{}", paint(c, BOLD, &tr("explain-deadline-rules")));
    let rows = e
        .rules
        .iter()
        .map(|(r, m)| {
            let mark = match m {
                RuleMatch::Applies => Cell {
                    text: tr("explain-applies"),
                    style: Some(GREEN),
                },
                RuleMatch::Shadowed => Cell::plain(tr("explain-shadowed")),
                RuleMatch::NoMatch => Cell {
                    text: tr("explain-no-match"),
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
        let _ = writeln!(s, "  {}", tr("explain-default-applies"));
    }
}

fn clocks(s: &mut String, e: &Explained, c: bool, width: Option<usize>) {
    let tz = e.tz;
    let _ = writeln!(s, "\n{}", paint(c, BOLD, &tr("show-clocks")));
    let mut rows: Vec<Vec<Cell>> = e
        .clocks
        .iter()
        .map(|k| {
            let due = k.due.map_or_else(
                || tr("show-due-paused"),
                |d| crate::case::time::short(d, tz),
            );
            let stopped = k
                .stopped
                .map_or_else(|| "—".into(), |d| crate::case::time::short(d, tz));
            vec![
                Cell::plain(format!("{} {}", word(k.clock.as_str()), k.cycle)),
                Cell::plain(crate::audit::target_words(k.target, k.mode)),
                Cell::plain(word(k.state.as_str())),
                Cell::plain(tr_args(
                    "explain-clock",
                    &[
                        ("started", crate::case::time::short(k.started, tz).into()),
                        ("due", due.into()),
                        ("stopped", stopped.into()),
                        ("rule", k.rule.to_string().into()),
                    ],
                )),
            ]
        })
        .collect();
    for kind in &e.untargeted {
        rows.push(vec![
            Cell::plain(word(kind.as_str())),
            Cell::plain(tr("explain-no-target")),
            Cell::plain(""),
            Cell::plain(""),
        ]);
    }
    s.push_str(&section(rows).render_as(Layout::section(), width, c));
}

fn band(s: &mut String, e: &Explained, c: bool, width: Option<usize>) {
    let (band, cur) = (&e.band, &e.p.currency);
    let _ = writeln!(s, "\n{}", paint(c, BOLD, &tr("explain-band")));
    let mut b = String::new();
    let _ = writeln!(
        b,
        "  {}",
        tr_args(
            "explain-band-rule",
            &[
                ("rule", band.rule.to_string().into()),
                ("min", number(fixed(band.band.min)).into()),
                ("max", number(fixed(band.band.max)).into()),
            ]
        )
    );
    let money = |text: String| explain_amount(text, cur);
    let line = match (band.harm, band.range) {
        (Some(h), Some((lo, hi))) => tr_args(
            "explain-band-harm",
            &[
                ("harm", money(fixed(h)).into()),
                ("low", money(lo.to_string()).into()),
                ("lowbare", number(lo.to_string()).into()),
                ("high", money(hi.to_string()).into()),
                ("granted", money(fixed(band.total)).into()),
            ],
        ),
        _ => tr_args(
            "explain-band-no-harm",
            &[("granted", money(fixed(band.total)).into())],
        ),
    };
    let _ = writeln!(b, "  {line}");
    for line in b.lines() {
        let _ = writeln!(s, "{}", fit(line, width, 0));
    }
}

/// A number as typed in the policies (`0.70`), with the language's decimal mark.
fn number(text: String) -> String {
    text.parse().map_or(text, crate::cli::render::fmt::decimal)
}

/// `90.00 CAD` as the policies compute it; `90,00 $` in French.
fn explain_amount(text: String, currency: &str) -> String {
    match (crate::i18n::current(), text.parse()) {
        (crate::i18n::Lang::Fr, Ok(d)) => amount(d, currency),
        _ => format!("{text} {currency}"),
    }
}

fn routes(s: &mut String, e: &Explained, c: bool, width: Option<usize>) {
    let _ = writeln!(s, "\n{}", paint(c, BOLD, &tr("explain-routes")));
    if e.routes.is_empty() {
        let _ = writeln!(s, "  {}", tr("explain-no-route"));
    }
    let rows = e
        .routes
        .iter()
        .map(|r| {
            vec![
                Cell::plain(r.name.clone()),
                Cell::plain(format!("→ {}", r.to)),
                Cell::plain(format!(
                    "{}: {}",
                    word(r.state.as_str()),
                    r.text.render(&amount)
                )),
            ]
        })
        .collect();
    s.push_str(&section(rows).render_as(Layout::section(), width, c));
}
