//! `redress list`: cases filtered and sorted, as a table, JSON or CSV.

use crate::audit::Window;
use crate::case::history::History;
use crate::case::vocab::{Kind, Severity, Status};
use crate::cli::exit::Verdict;
use crate::cli::session::{Open, Session};
use crate::clock;
use crate::ledger::LoadedCase;
use anyhow::Result;
use chrono::{DateTime, Utc};
use comfy_table::{ContentArrangement, Table, presets::UTF8_BORDERS_ONLY};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only cases in this derived status (repeatable)
    #[arg(long, value_parser = crate::cli::vocab::parser::<Status>())]
    pub status: Vec<Status>,
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

struct Row<'a> {
    case: &'a LoadedCase,
    /// The title as it may be printed (contacts masked unless asked).
    title: String,
    status: Status,
    assignee: Option<&'a str>,
    due: Option<DateTime<Utc>>,
    overdue: bool,
}

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let open = session.open()?;
    let scan = open.ledger.scan(&open.policies);
    args.invalid.refuse_or_warn(&scan.problems, "list")?;
    let window = open.window(args.since.as_deref(), args.until.as_deref(), None)?;
    let mut rows: Vec<Row> = scan
        .cases
        .iter()
        .filter_map(|lc| row(lc, &args, &open, &window))
        .collect();
    sort(&mut rows, args.sort);
    let out = match args.format {
        Format::Json => {
            let items: Vec<serde_json::Value> = rows.iter().map(|r| json(r, open.tz)).collect();
            serde_json::to_string_pretty(&items)? + "\n"
        }
        Format::Csv => csv(&rows, open.tz)?,
        Format::Table => table(&rows, open.tz, session.color),
    };
    crate::cli::render::style::print(&out)?;
    Ok(Verdict::Pass)
}

/// The case's row, unless a filter leaves it out. The cheap filters go
/// first: the clocks are computed only for the cases that pass them.
fn row<'a>(lc: &'a LoadedCase, args: &Args, open: &Open, window: &Window) -> Option<Row<'a>> {
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
    if !args.status.is_empty() && !args.status.contains(&status) {
        return None;
    }
    let assignee = c.history.assignee();
    if args
        .assignee
        .as_deref()
        .is_some_and(|a| Some(a) != assignee)
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
    Some(Row {
        case: lc,
        title,
        status,
        assignee,
        due: clock::next_due(&clocks),
        overdue,
    })
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
            r.assignee.unwrap_or(""),
            &r.due
                .map(|d| crate::case::time::local(d, tz))
                .unwrap_or_default(),
            if r.overdue { "true" } else { "false" },
            &r.case.path,
        ])?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

fn table(rows: &[Row], tz: chrono_tz::Tz, color: bool) -> String {
    if rows.is_empty() {
        return "no cases match\n".into();
    }
    let mut t = Table::new();
    t.load_style(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header([
            "ID", "Kind", "Status", "Received", "Sev.", "Category", "Due", "Title",
        ]);
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        // Piped output stays one line per case, for grep and friends.
        t.set_content_arrangement(ContentArrangement::Disabled);
    }
    for r in rows {
        let c = &r.case.case;
        let due = match r.due {
            Some(d) if r.overdue => crate::cli::render::style::paint(
                color,
                crate::cli::render::style::RED,
                &format!("{} late", crate::case::time::short(d, tz)),
            ),
            Some(d) => crate::case::time::short(d, tz),
            None => String::new(),
        };
        t.add_row([
            c.id.clone(),
            c.kind.to_string(),
            r.status.to_string(),
            c.received
                .at
                .with_timezone(&tz)
                .format("%Y-%m-%d")
                .to_string(),
            c.severity.to_string(),
            c.category.clone(),
            due,
            r.title.clone(),
        ]);
    }
    format!("{t}\n{} case(s)\n", rows.len())
}
