//! `redress export --format csv|jsonl [--include-contacts] [-o FILE]`: every
//! case with its derived status and key clock figures, for other tools.
//! Read-only: the ledger is never written.

mod stream;

use crate::case::Case;
use crate::case::history::History;
use crate::case::vocab::{EventKind, Status};
use crate::cli::exit::Verdict;
use crate::cli::session::Session;
use crate::clock::{self, Clock};
use crate::ledger::LoadedCase;
use crate::policy::ClockKind;
use anyhow::Result;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rayon::prelude::*;
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// csv: one row per case, `fields` flattened as `fields.<name>` columns;
    /// jsonl: one JSON object per line, nested; register: the complaint
    /// register regulators inspect, as CSV (XLSX when -o ends in .xlsx);
    /// register-xlsx: the register as an XLSX workbook (needs -o)
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    /// Include the customer's name, email and phone (left out by default,
    /// and masked wherever a text or `fields` value repeats them)
    #[arg(long)]
    pub include_contacts: bool,
    /// Write to FILE instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub invalid: crate::cli::session::SkipInvalid,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Jsonl,
    Register,
    RegisterXlsx,
}

/// One case and what is derived from it at `now`.
struct Row<'a> {
    case: &'a Case,
    path: &'a str,
    status: Status,
    ack: Option<Clock>,
    resolve: Option<Clock>,
    hours_to_acknowledge: Option<f64>,
    hours_to_resolve: Option<f64>,
    overdue: bool,
}

pub fn run(ctx: &Session, args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    let xlsx = register_xlsx(&args)?;
    let now = open.now.with_timezone(&Utc);
    // The workbook is made in memory whatever is done here; the rest streams.
    if xlsx != Some(true) && stream::run(&args, &open, now)? {
        return Ok(Verdict::Pass);
    }
    let scan = open.ledger.scan(&open.policies);
    args.invalid.refuse_or_warn(&scan.problems, "export")?;
    if let Some(xlsx) = xlsx {
        return register(&args, &open, &scan.cases, now, xlsx);
    }
    let out = whole(&open, &scan.cases, now, args.format, args.include_contacts)?;
    match &args.output {
        None => crate::cli::render::style::print(&out)?,
        Some(path) => write_file(path, &out)?,
    }
    Ok(Verdict::Pass)
}

/// The export (csv or jsonl) of `cases` held whole, sorted by ID: for a
/// ledger whose files are not in the order of their IDs (see [`stream`]).
fn whole(
    open: &crate::cli::session::Open,
    cases: &[LoadedCase],
    now: DateTime<Utc>,
    format: Format,
    contacts: bool,
) -> Result<String> {
    if let Format::Register | Format::RegisterXlsx = format {
        return Ok(String::from_utf8(register_bytes(
            open, cases, now, contacts, false,
        )?)?);
    }
    let mut cases: Vec<&LoadedCase> = cases.iter().collect();
    cases.sort_by(|a, b| a.case.id.cmp(&b.case.id).then_with(|| a.path.cmp(&b.path)));
    // Figures come from the real cases; only the texts printed are masked.
    let shown: Vec<std::borrow::Cow<Case>> = cases
        .par_iter()
        .map(|lc| crate::case::privacy::shown(&lc.case, contacts))
        .collect();
    let rows: Vec<Row> = cases
        .iter()
        .zip(&shown)
        .map(|(lc, shown)| derive(lc, shown, &open.policies, now))
        .collect();
    match format {
        Format::Jsonl => jsonl(&rows, open.tz, contacts),
        _ => csv(&rows, open.tz, contacts),
    }
}

/// For the register formats, whether to write XLSX (None for the others).
fn register_xlsx(args: &Args) -> Result<Option<bool>> {
    let to_xlsx = args.output.as_ref().is_some_and(|p| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    });
    match args.format {
        Format::Register => Ok(Some(to_xlsx)),
        Format::RegisterXlsx if args.output.is_none() => anyhow::bail!(
            "--format register-xlsx writes a binary workbook: give -o FILE.xlsx (or use --format register for CSV)"
        ),
        Format::RegisterXlsx => Ok(Some(true)),
        _ => Ok(None),
    }
}

/// `--format register[-xlsx]`: the complaint register, by case ID.
fn register(
    args: &Args,
    open: &crate::cli::session::Open,
    cases: &[LoadedCase],
    now: DateTime<Utc>,
    xlsx: bool,
) -> Result<Verdict> {
    let bytes = register_bytes(open, cases, now, args.include_contacts, xlsx)?;
    match &args.output {
        None => {
            use std::io::Write as _;
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
        }
        Some(path) => crate::files::write_output(path, &bytes)?,
    }
    Ok(Verdict::Pass)
}

/// The register of `cases` held whole, by case ID: CSV, or an XLSX
/// workbook.
fn register_bytes(
    open: &crate::cli::session::Open,
    cases: &[LoadedCase],
    now: DateTime<Utc>,
    contacts: bool,
    xlsx: bool,
) -> Result<Vec<u8>> {
    let mut sorted: Vec<&Case> = cases.iter().map(|lc| &lc.case).collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let rows = crate::report::register::rows(&sorted, &open.policies, now);
    use crate::cli::commands::register as write;
    if xlsx {
        write::xlsx(&rows, open.tz, contacts)
    } else {
        write::csv(&rows, open.tz, contacts)
    }
}

fn derive<'a>(
    lc: &'a LoadedCase,
    shown: &'a Case,
    p: &crate::policy::Policies,
    now: DateTime<Utc>,
) -> Row<'a> {
    let case = &lc.case;
    let clocks = clock::clocks(case, p, now);
    let first = |k: ClockKind| clocks.iter().find(|c| c.clock == k).cloned();
    let history = clock::history_at(case, now);
    let received = case.received.utc();
    let hours = |stop: Option<DateTime<Utc>>| {
        stop.map(|s| ((s - received).num_seconds() as f64 / 36.0).round() / 100.0)
    };
    let ack_stop = history
        .iter()
        .find(|e| {
            matches!(
                e.event,
                EventKind::Acknowledged | EventKind::Updated | EventKind::Resolved
            )
        })
        .map(|e| e.at.utc());
    let resolve_stop = history.first_of(EventKind::Resolved).map(|e| e.at.utc());
    Row {
        case: shown,
        path: &lc.path,
        status: crate::case::history::status(case),
        ack: first(ClockKind::Acknowledge),
        resolve: first(ClockKind::Resolve),
        hours_to_acknowledge: hours(ack_stop),
        hours_to_resolve: hours(resolve_stop),
        overdue: clock::is_overdue(&clocks),
    }
}

fn t(d: Option<DateTime<Utc>>, tz: Tz) -> Option<String> {
    d.map(|d| crate::case::time::local(d, tz))
}

fn clock_json(c: &Option<Clock>, tz: Tz) -> Value {
    match c {
        None => Value::Null,
        Some(c) => json!({
            "rule": c.rule,
            "target": c.target.to_string(),
            "due": t(c.due, tz),
            "stopped": t(c.stopped, tz),
            "state": c.state.as_str(),
        }),
    }
}

fn jsonl(rows: &[Row], tz: Tz, contacts: bool) -> Result<String> {
    let mut out = String::new();
    for r in rows {
        out.push_str(&jsonl_line(r, tz, contacts)?);
        out.push('\n');
    }
    Ok(out)
}

/// One case's line of JSON Lines, without its line break.
fn jsonl_line(r: &Row, tz: Tz, contacts: bool) -> Result<String> {
    {
        let c = r.case;
        let mut customer = Map::new();
        if contacts {
            customer.insert("name".into(), json!(c.customer.name));
            customer.insert("email".into(), json!(c.customer.email));
            customer.insert("phone".into(), json!(c.customer.phone));
        }
        customer.insert("profile".into(), json!(c.customer.profile));
        customer.insert(
            "annual_value".into(),
            json!(c.customer.annual_value.map(|m| m.to_string())),
        );
        let v = json!({
            "id": c.id,
            "kind": c.kind,
            "status": r.status,
            "title": c.title,
            "received": c.received.to_string(),
            "channel": c.channel,
            "customer": customer,
            "category": c.category,
            "severity": c.severity,
            "harm": c.harm.map(|m| m.to_string()),
            "wants": c.wants,
            "justice": c.justice,
            "risks": c.risks,
            "tags": c.tags,
            "description": c.description,
            "source": c.source,
            "fields": c.fields,
            "history": c.history,
            "compensation_total": c.compensation_total().to_string(),
            "acknowledge": clock_json(&r.ack, tz),
            "resolve": clock_json(&r.resolve, tz),
            "hours_to_acknowledge": r.hours_to_acknowledge,
            "hours_to_resolve": r.hours_to_resolve,
            "overdue": r.overdue,
            "path": r.path,
        });
        Ok(serde_json::to_string(&v)?)
    }
}

fn csv(rows: &[Row], tz: Tz, contacts: bool) -> Result<String> {
    let field_keys: BTreeSet<&str> = rows
        .iter()
        .flat_map(|r| r.case.fields.keys().map(String::as_str))
        .collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(csv_header(&field_keys, contacts))?;
    for r in rows {
        let mut rec = csv_record(r, tz, contacts);
        rec.extend(field_cells(&r.case.fields, &field_keys));
        w.write_record(rec)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// The CSV columns: the case's, contacts if asked, the derived figures, then
/// one `fields.<name>` column per field name any case has.
fn csv_header(field_keys: &BTreeSet<&str>, contacts: bool) -> Vec<String> {
    let mut header: Vec<String> = [
        "id", "kind", "status", "title", "received", "channel", "category", "severity",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    if contacts {
        header.extend(["customer_name", "customer_email", "customer_phone"].map(String::from));
    }
    header.extend(
        [
            "customer_profile",
            "customer_annual_value",
            "harm",
            "wants",
            "justice",
            "risks",
            "tags",
            "description",
            "source_system",
            "source_id",
            "events",
            "compensation_total",
            "acknowledge_due",
            "acknowledge_stopped",
            "acknowledge_state",
            "resolve_due",
            "resolve_stopped",
            "resolve_state",
            "hours_to_acknowledge",
            "hours_to_resolve",
            "overdue",
            "path",
        ]
        .map(String::from),
    );
    header.extend(field_keys.iter().map(|k| format!("fields.{k}")));
    header
}

/// One case's CSV row, in `csv_header`'s order, up to the `fields.`
/// columns ([`field_cells`]).
fn csv_record(r: &Row, tz: Tz, contacts: bool) -> Vec<String> {
    let opt = |s: Option<String>| s.unwrap_or_default();
    let num = |h: Option<f64>| h.map(|h| h.to_string()).unwrap_or_default();
    let c = r.case;
    let mut rec: Vec<String> = vec![
        c.id.clone(),
        c.kind.to_string(),
        r.status.to_string(),
        c.title.clone(),
        c.received.to_string(),
        c.channel.to_string(),
        c.category.clone(),
        c.severity.to_string(),
    ];
    if contacts {
        rec.push(c.customer.name.clone());
        rec.push(opt(c.customer.email.clone()));
        rec.push(opt(c.customer.phone.clone()));
    }
    let clock_cols = |k: &Option<Clock>| match k {
        None => [String::new(), String::new(), String::new()],
        Some(k) => [
            opt(t(k.due, tz)),
            opt(t(k.stopped, tz)),
            k.state.as_str().to_string(),
        ],
    };
    rec.extend([
        opt(c.customer.profile.map(|p| p.to_string())),
        opt(c.customer.annual_value.map(|m| m.to_string())),
        opt(c.harm.map(|m| m.to_string())),
        c.wants.join(";"),
        opt(c.justice.map(|j| j.to_string())),
        c.risks
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        c.tags.join(";"),
        c.description.clone(),
        opt(c.source.as_ref().map(|s| s.system.clone())),
        opt(c.source.as_ref().map(|s| s.id.clone())),
        c.history.len().to_string(),
        c.compensation_total().to_string(),
    ]);
    rec.extend(clock_cols(&r.ack));
    rec.extend(clock_cols(&r.resolve));
    rec.extend([
        num(r.hours_to_acknowledge),
        num(r.hours_to_resolve),
        r.overdue.to_string(),
        r.path.to_string(),
    ]);
    rec
}

/// A case's cells under the `fields.<name>` columns, one per name in
/// `field_keys` (empty where it has no such field).
fn field_cells<'a>(
    fields: &'a std::collections::BTreeMap<String, String>,
    field_keys: &'a BTreeSet<&str>,
) -> impl Iterator<Item = String> + 'a {
    field_keys
        .iter()
        .map(|k| fields.get(*k).cloned().unwrap_or_default())
}

/// `-o FILE`: written by the one atomic writer, so a reader never sees
/// half an export and a replaced file keeps its mode; missing folders are made.
fn write_file(path: &Path, text: &str) -> Result<()> {
    crate::files::write_output(path, text.as_bytes())
}
