//! `redress list`: cases filtered and sorted, as a table, JSON or CSV.

use crate::audit::Window;
use crate::case::history::History;
use crate::case::vocab::{Kind, Severity, Status};
use crate::cli::exit::Verdict;
use crate::cli::render::fmt::word;
use crate::cli::render::table::{Cell, Column, Columns};
use crate::cli::session::{Open, Session};
use crate::clock;
use crate::ledger::LoadedCase;
use crate::policy::ClockKind;
use anyhow::Result;
use chrono::{DateTime, Utc};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only cases in this derived status (repeatable): new, acknowledged,
    /// in-progress, waiting, resolved, closed, or `open` for the first four
    #[arg(long, value_parser = status_word)]
    pub status: Vec<StatusWord>,
    /// Every case, resolved and closed ones too (default: open cases only)
    #[arg(long, conflicts_with = "status")]
    pub all: bool,
    /// Only cases whose texts, contacts, source.id or fields contain TEXT,
    /// ignoring case and accents (as `redress search`)
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,
    /// Only cases assigned to the current member (REDRESS_USER, then USER)
    #[arg(long, conflicts_with_all = ["assignee", "unassigned"])]
    pub mine: bool,
    /// Only cases with a running clock due by the end of: today, tomorrow,
    /// week (through Sunday) or a DATE (YYYY-MM-DD), in the ledger's zone
    #[arg(long, value_name = "WHEN")]
    pub due: Option<String>,
    /// Only cases nobody is assigned to
    #[arg(long, conflicts_with = "assignee")]
    pub unassigned: bool,
    #[arg(long, value_parser = crate::cli::vocab::parser::<Kind>())]
    pub kind: Option<Kind>,
    #[arg(long)]
    pub category: Option<String>,
    #[arg(long, value_parser = crate::cli::vocab::parser::<Severity>())]
    pub severity: Option<Severity>,
    /// Only cases whose latest `assigned` names this member
    #[arg(long, value_name = "MEMBER")]
    pub assignee: Option<String>,
    /// Only cases with a running clock past its due time (at --now)
    #[arg(long)]
    pub overdue: bool,
    /// Received at or after this time or date
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Received before this time; a bare date includes that whole day
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    #[arg(long, value_enum, default_value = "received")]
    pub sort: Sort,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Show the customer's name, email and phone where a title repeats them
    /// (masked by default)
    #[arg(long)]
    pub include_contacts: bool,
    #[command(flatten)]
    pub invalid: crate::cli::session::SkipInvalid,
}

/// A `--status` word: one derived status, or `open` for every open one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StatusWord {
    Open,
    Is(Status),
}

fn status_word(text: &str) -> Result<StatusWord, String> {
    if text == "open" {
        return Ok(StatusWord::Open);
    }
    text.parse::<Status>().map(StatusWord::Is).map_err(|_| {
        let mut names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        names.push("open");
        crate::cli::lang::unknown_value("status", text, &names)
    })
}

impl StatusWord {
    fn admits(self, status: Status) -> bool {
        match self {
            StatusWord::Open => status.is_open(),
            StatusWord::Is(s) => s == status,
        }
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Sort {
    Received,
    Id,
    Due,
    Severity,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

struct Row {
    /// The case, without what no column shows (see [`slim`]).
    case: LoadedCase,
    /// The title as it may be printed (contacts masked unless asked).
    title: String,
    status: Status,
    assignee: Option<String>,
    due: Option<DateTime<Utc>>,
    /// Which running clock falls due first.
    due_clock: Option<ClockKind>,
    overdue: bool,
}

pub fn run(session: &Session, mut args: Args) -> Result<Verdict> {
    let open = session.open()?;
    known_names(&args, &open)?;
    if args.mine {
        args.assignee = Some(crate::cli::session::default_member()?);
    }
    if args.status.is_empty() && !args.all {
        args.status.push(StatusWord::Open);
    }
    let query = match args.grep.as_deref() {
        Some(text) => Some(
            crate::case::search::Query::new(text)
                .ok_or_else(|| anyhow::anyhow!("--grep needs some text to look for"))?,
        ),
        None => None,
    };
    let window = open.window(args.since.as_deref(), args.until.as_deref(), None);
    // Each case is filtered as it is read; only the rows that pass are
    // kept, and of them only the fields the columns show.
    let mut rows: Vec<Row> = Vec::new();
    let scan = open.ledger.scan_each(
        &open.policies,
        |lc| {
            let window = window.as_ref().ok()?;
            let found = query
                .as_ref()
                .is_none_or(|q| crate::case::search::matches(&lc.case, q).is_some());
            found.then(|| row(lc, &args, &open, window)).flatten()
        },
        |r| rows.extend(r),
    );
    args.invalid.refuse_or_warn(&scan.problems, "list")?;
    window?;
    if let Some(when) = args.due.as_deref() {
        let end = due_by(when, &open)?;
        rows.retain(|r| r.due.is_some_and(|d| d < end));
    }
    sort(&mut rows, args.sort);
    let out = match args.format {
        Format::Json => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            write_json(&rows, open.tz, &mut out)?;
            std::io::Write::flush(&mut out)?;
            return Ok(Verdict::Pass);
        }
        Format::Csv => csv(&rows, open.tz)?,
        Format::Table => table(&rows, &open, session.color),
    };
    crate::cli::render::style::print(&out)?;
    Ok(Verdict::Pass)
}

/// The end of the day (or week) `--due` names: midnight after it, in the
/// ledger's zone.
fn due_by(when: &str, open: &Open) -> Result<DateTime<Utc>> {
    use chrono::{Datelike, Days, NaiveDate, TimeZone};
    let today = open.now.with_timezone(&open.tz).date_naive();
    let last_day = match when {
        "today" => today,
        "tomorrow" => today + Days::new(1),
        "week" => today + Days::new(6 - u64::from(today.weekday().num_days_from_monday())),
        date => NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
            anyhow::anyhow!(
                "--due `{date}`: expected today, tomorrow, week or a date like 2026-11-24"
            )
        })?,
    };
    let midnight = (last_day + Days::new(1)).and_hms_opt(0, 0, 0);
    midnight
        .and_then(|m| open.tz.from_local_datetime(&m).earliest())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| anyhow::anyhow!("--due `{when}`: no such day in {}", open.tz))
}

/// A filter naming a member or category the policies do not know is a
/// mistake, not an empty list.
fn known_names(args: &Args, open: &Open) -> Result<()> {
    if let Some(member) = &args.assignee {
        let team = &open.policies.team;
        if !team.is_empty() && !team.contains_key(member) {
            let names: Vec<&str> = team.keys().map(String::as_str).collect();
            let problem = crate::cli::lang::unknown_value("member", member, &names);
            anyhow::bail!(
                "{}",
                crate::i18n::tr_args("list-assignee-unknown", &[("problem", problem.into())])
            );
        }
    }
    if let (Some(category), Some(known)) = (&args.category, &open.policies.categories)
        && !known.contains_key(category)
    {
        let names: Vec<&str> = known.keys().map(String::as_str).collect();
        let problem = crate::cli::lang::unknown_value("category", category, &names);
        anyhow::bail!(
            "{}",
            crate::i18n::tr_args("list-category-unknown", &[("problem", problem.into())])
        );
    }
    Ok(())
}

/// The case's row, unless a filter leaves it out. The cheap filters go
/// first: the clocks are computed only for the cases that pass them.
fn row(lc: LoadedCase, args: &Args, open: &Open, window: &Window) -> Option<Row> {
    let c = &lc.case;
    if !window.contains(c.received.utc()) {
        return None;
    }
    if args.kind.is_some_and(|k| k != c.kind)
        || args.severity.is_some_and(|s| s != c.severity)
        || args.category.as_ref().is_some_and(|cat| *cat != c.category)
    {
        return None;
    }
    let status = crate::case::history::status(c);
    if !args.status.is_empty() && !args.status.iter().any(|w| w.admits(status)) {
        return None;
    }
    let assignee = c.history.assignee().map(str::to_string);
    if args.unassigned && assignee.is_some() {
        return None;
    }
    if args
        .assignee
        .as_deref()
        .is_some_and(|a| Some(a) != assignee.as_deref())
    {
        return None;
    }
    let clocks = clock::clocks(c, &open.policies, open.now.with_timezone(&Utc));
    let overdue = clock::is_overdue(&clocks);
    if args.overdue && !overdue {
        return None;
    }
    let title = if args.include_contacts {
        c.title.clone()
    } else {
        crate::case::privacy::Contacts::of(&c.customer).mask(&c.title)
    };
    let (due, due_clock) = (clock::next_due(&clocks), first_due(&clocks));
    Some(Row {
        case: slim(lc),
        title,
        status,
        assignee,
        due,
        due_clock,
        overdue,
    })
}

/// The case without its history, texts and contacts: a row keeps only
/// what the columns show, so a large ledger is never held whole.
fn slim(mut lc: LoadedCase) -> LoadedCase {
    let c = &mut lc.case;
    c.history = Vec::new();
    c.description = String::new();
    c.customer.name = String::new();
    (c.customer.email, c.customer.phone) = (None, None);
    c.risks = Vec::new();
    c.tags = Vec::new();
    c.fields = Default::default();
    c.source = None;
    lc
}

/// `--sort`, then the ID, so equal keys keep a stable order.
fn sort(rows: &mut [Row], by: Sort) {
    rows.sort_by(|a, b| {
        let (x, y) = (&a.case.case, &b.case.case);
        let key = match by {
            Sort::Received => x.received.utc().cmp(&y.received.utc()),
            Sort::Id => std::cmp::Ordering::Equal,
            Sort::Due => (a.due.is_none(), a.due).cmp(&(b.due.is_none(), b.due)),
            Sort::Severity => y.severity.cmp(&x.severity),
        };
        key.then_with(|| x.id.cmp(&y.id))
    });
}

/// The rows as a pretty JSON list, one row's tree at a time (never all
/// of them at once): the bytes of `to_string_pretty` of the whole list.
fn write_json(rows: &[Row], tz: chrono_tz::Tz, out: &mut impl std::io::Write) -> Result<()> {
    use serde::Serializer as _;
    let pretty = serde_json::ser::PrettyFormatter::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, pretty);
    ser.collect_seq(rows.iter().map(|r| json(r, tz)))?;
    out.write_all(b"\n")?;
    Ok(())
}

fn json(r: &Row, tz: chrono_tz::Tz) -> serde_json::Value {
    let c = &r.case.case;
    serde_json::json!({
        "id": c.id,
        "kind": c.kind,
        "status": r.status,
        "received": c.received.to_string(),
        "category": c.category,
        "severity": c.severity,
        "channel": c.channel,
        "wants": c.wants,
        "justice": c.justice,
        "title": r.title,
        "assignee": r.assignee,
        "due": r.due.map(|d| crate::case::time::local(d, tz)),
        "overdue": r.overdue,
        "path": r.case.path,
    })
}

fn csv(rows: &[Row], tz: chrono_tz::Tz) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "id", "kind", "status", "received", "category", "severity", "channel", "title", "assignee",
        "due", "overdue", "path",
    ])?;
    for r in rows {
        let c = &r.case.case;
        w.write_record([
            c.id.as_str(),
            c.kind.as_str(),
            r.status.as_str(),
            &c.received.to_string(),
            &c.category,
            c.severity.as_str(),
            c.channel.as_str(),
            &r.title,
            r.assignee.as_deref().unwrap_or(""),
            &r.due
                .map(|d| crate::case::time::local(d, tz))
                .unwrap_or_default(),
            if r.overdue { "true" } else { "false" },
            &r.case.path,
        ])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// The kind of the running clock that falls due first (`next_due`'s clock).
fn first_due(clocks: &[clock::Clock]) -> Option<ClockKind> {
    clocks
        .iter()
        .filter(|c| c.is_open())
        .filter_map(|c| c.due.map(|d| (d, c.clock)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// `ack 11-24 09:00`: the clock and when it is due, the year only when it is
/// not the current one, so the column stays narrow.
fn due_text(r: &Row, open: &Open) -> String {
    let (Some(at), Some(kind)) = (r.due, r.due_clock) else {
        return String::new();
    };
    let label = crate::i18n::tr_args(
        "list-due-clock",
        &[(
            "clock",
            match kind {
                ClockKind::Acknowledge => "ack",
                ClockKind::Resolve => "resolve",
                ClockKind::UpdateEvery => "update",
                ClockKind::FollowUp => "follow-up",
            }
            .into(),
        )],
    );
    let local = at.with_timezone(&open.tz);
    let format = if chrono::Datelike::year(&local) == chrono::Datelike::year(&open.now) {
        "%m-%d %H:%M"
    } else {
        "%Y-%m-%d"
    };
    let late = if r.overdue {
        format!(" {}", crate::i18n::tr("list-late"))
    } else {
        String::new()
    };
    format!("{label} {}{late}", local.format(format))
}

/// Plain aligned columns that fit the terminal (see `render::table::Columns`):
/// IDs whole, the title cut with `…`; piped output is never cut.
fn table(rows: &[Row], open: &Open, color: bool) -> String {
    if rows.is_empty() {
        return format!("{}\n", crate::i18n::tr("list-none"));
    }
    let col = |header, drop_rank| Column { header, drop_rank };
    let columns = vec![
        col("ID", 0),
        col("Kind", 2),
        col("Status", 0),
        col("Received", 1),
        col("Sev.", 3),
        col("Category", 4),
        col("Due", 0),
        col("Title", 0),
    ];
    let cells = rows
        .iter()
        .map(|r| {
            let c = &r.case.case;
            let due = Cell {
                text: due_text(r, open),
                style: r.overdue.then_some(crate::cli::render::style::RED),
            };
            vec![
                Cell::plain(c.id.clone()),
                Cell::plain(word(c.kind.as_str())),
                Cell::plain(word(r.status.as_str())),
                Cell::plain(
                    c.received
                        .at
                        .with_timezone(&open.tz)
                        .format("%Y-%m-%d")
                        .to_string(),
                ),
                Cell::plain(word(c.severity.as_str())),
                Cell::plain(c.category.clone()),
                due,
                Cell::plain(r.title.clone()),
            ]
        })
        .collect();
    let listing = Columns {
        columns,
        rows: cells,
    };
    let width = crate::cli::render::table::available_width();
    format!(
        "{}{}\n",
        listing.render(width, color),
        crate::i18n::tr_args("list-count", &[("count", rows.len().to_string().into())])
    )
}
