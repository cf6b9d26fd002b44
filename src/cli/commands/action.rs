//! `redress action new | list | close`: corrective actions, the external
//! loop (ISO 10002 §8.7). The model and its files are `ledger::actions`;
//! this module reads flags, refuses bad links before anything is written,
//! and prints.

use crate::cli::exit::Verdict;
use crate::cli::render::table::{Cell, Column, Columns};
use crate::cli::session::{Open, Session};
use crate::diag::Diagnostics;
use crate::i18n::{tr, tr_args};
use crate::ledger::actions::{self, Action, LoadedAction, Status};
use anyhow::{Result, bail};
use chrono::NaiveDate;
use std::collections::BTreeSet;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: ActionCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum ActionCommand {
    /// Record a corrective action against a cause and print its ID
    #[command(after_help = EX_NEW)]
    New(NewArgs),
    /// List corrective actions (open and overdue ones unless --all)
    #[command(after_help = EX_LIST)]
    List(ListArgs),
    /// Close a corrective action, saying what was done
    #[command(after_help = EX_CLOSE)]
    Close(CloseArgs),
}

const EX_NEW: &str = "Examples:\n  redress action new --cause \"Carrier leaves fragile parcels at the door\" \\\n    --owner bob --due 2027-01-15 --category delivery --case n9c3 --case v4ka";
const EX_LIST: &str = "Examples:\n  redress action list\n  redress action list --all --format json";
const EX_CLOSE: &str =
    "Examples:\n  redress action close 3xk9 --note \"New carrier contract requires a signature\"";

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The cause the action removes (one line)
    #[arg(long)]
    pub cause: String,
    /// The team member who owns it (default: REDRESS_USER, then USER)
    #[arg(long, value_name = "MEMBER")]
    pub owner: Option<String>,
    /// When it must be done: a date (YYYY-MM-DD) or any time --at accepts
    #[arg(long, value_name = "DATE")]
    pub due: String,
    /// A case it answers: an ID or a unique prefix or suffix (repeatable, at least one)
    #[arg(long = "case", value_name = "ID", required = true)]
    pub cases: Vec<String>,
    /// The cause category it addresses (default: those of its cases)
    #[arg(long)]
    pub category: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Also list closed actions
    #[arg(long)]
    pub all: bool,
    /// Show a customer's name, email or phone written in a cause or note
    /// (masked by default, like every output)
    #[arg(long)]
    pub include_contacts: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CloseArgs {
    /// The action's ID, or a unique prefix or suffix of it
    pub id: String,
    /// What was done (stored as the action's `note`)
    #[arg(long)]
    pub note: String,
    /// When it was done (default: today)
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
}

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let open = session.open()?;
    match args.command {
        ActionCommand::New(a) => new(&open, a),
        ActionCommand::List(a) => list(&open, a, session.color),
        ActionCommand::Close(a) => close(&open, a),
    }
}

/// A date flag: a bare date, or any time the one reader accepts, as its
/// date in the ledger's zone.
fn date_flag(open: &Open, flag: &str, text: &str) -> Result<NaiveDate> {
    Ok(open
        .time_flag(flag, Some(text))?
        .with_timezone(&open.tz)
        .date_naive())
}

fn new(open: &Open, a: NewArgs) -> Result<Verdict> {
    let ids = open.ledger.case_ids();
    let mut cases = Vec::new();
    for q in &a.cases {
        let id = match open.ledger.find(q) {
            Ok(rel) => rel
                .rsplit('/')
                .next()
                .and_then(|n| n.strip_suffix(".yaml"))
                .unwrap_or(&rel)
                .to_string(),
            Err(_) => bail!(
                "{}\n  = help: {}",
                tr_args(
                    "flag-problem",
                    &[
                        ("flag", "--case".into()),
                        ("problem", actions::unknown_case(q, &ids).to_string().into())
                    ]
                ),
                tr("action-unknown-case-help")
            ),
        };
        if !cases.contains(&id) {
            cases.push(id);
        }
    }
    let owner = match a.owner {
        Some(o) => o,
        None => crate::cli::session::default_member()?,
    };
    let created = open.now.date_naive();
    let (existing, _) = open.ledger.action_files();
    let id = actions::fresh_id(created, |id| existing.contains(&actions::relative_path(id)));
    let action = Action {
        id,
        created,
        cause: a.cause.trim().to_string(),
        category: a.category,
        owner,
        due: date_flag(open, "--due", &a.due)?,
        cases,
        closed: None,
        note: None,
    };
    let rel = actions::relative_path(&action.id);
    let text = actions::to_yaml(&action);
    refuse_bad(open, &rel, &text, &ids)?;
    open.ledger
        .write_action(&rel, None, &text, &|t| refuse_bad(open, &rel, t, &ids))?;
    println!("{}", action.id);
    Ok(Verdict::Pass)
}

/// Every problem `check` would report on this text, as an error.
fn refuse_bad(open: &Open, rel: &str, text: &str, ids: &BTreeSet<String>) -> Result<()> {
    let problems = match actions::parse(text, rel) {
        Ok(action) => {
            let loaded = LoadedAction {
                path: rel.to_string(),
                text: text.to_string(),
                action,
            };
            actions::link_problems(&loaded, &open.policies, ids)
        }
        Err(p) => p,
    };
    if problems.is_empty() {
        return Ok(());
    }
    Err(anyhow::Error::new(Diagnostics(problems)).context(tr_args(
        "action-refusing",
        &[("path", rel.to_string().into())],
    )))
}

fn close(open: &Open, a: CloseArgs) -> Result<Verdict> {
    let la = open.ledger.find_action(&a.id)?;
    if let Some(c) = la.action.closed {
        bail!(
            "{}",
            tr_args(
                "action-already-closed",
                &[
                    ("id", la.action.id.clone().into()),
                    ("date", c.to_string().into())
                ]
            )
        );
    }
    if a.note.trim().is_empty() {
        bail!("{}", tr("action-blank-note"));
    }
    let on = match &a.at {
        Some(t) => date_flag(open, "--at", t)?,
        None => open.now.date_naive(),
    };
    let mut text = la.text.clone();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&actions::closing_yaml(Some(on), Some(a.note.trim())));
    let ids = open.ledger.case_ids();
    refuse_bad(open, &la.path, &text, &ids)?;
    open.ledger
        .write_action(&la.path, Some(&la.text), &text, &|t| {
            refuse_bad(open, &la.path, t, &ids)
        })?;
    let done = [
        ("id", la.action.id.clone().into()),
        ("date", on.to_string().into()),
    ];
    println!("{}", tr_args("action-closed", &done));
    Ok(Verdict::Pass)
}

fn list(open: &Open, a: ListArgs, color: bool) -> Result<Verdict> {
    let (loaded, problems) = open.ledger.actions();
    if !problems.is_empty() {
        return Err(anyhow::Error::new(Diagnostics(problems)).context(tr("action-files-problems")));
    }
    let today = open.now.date_naive();
    let masked: Vec<Action> = loaded
        .into_iter()
        .map(|l| masked(open, l.action, a.include_contacts))
        .collect();
    let shown: Vec<&Action> = masked
        .iter()
        .filter(|x| a.all || x.status(today) != Status::Closed)
        .collect();
    let text = match a.format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = shown
                .iter()
                .map(|x| {
                    let mut v = serde_json::to_value(x)?;
                    v["status"] = x.status(today).as_str().into();
                    Ok(v)
                })
                .collect::<Result<_>>()?;
            format!("{}\n", serde_json::to_string_pretty(&rows)?)
        }
        Format::Table => table(&shown, today, color),
    };
    crate::cli::render::style::print(&text)?;
    Ok(Verdict::Pass)
}

/// The action with the contacts of its cases' customers masked in its
/// cause and note, unless `include`.
fn masked(open: &Open, mut a: Action, include: bool) -> Action {
    if include {
        return a;
    }
    let customers = open.ledger.customers_of(&a, &open.policies);
    a.cause = actions::mask_for(&a.cause, &customers);
    a.note = a.note.map(|n| actions::mask_for(&n, &customers));
    a
}

/// The list's column layout: IDs whole, the cause cut to fit.
fn table(rows: &[&Action], today: NaiveDate, color: bool) -> String {
    if rows.is_empty() {
        return format!("{}\n", tr("action-none"));
    }
    let col = |header, drop_rank| Column { header, drop_rank };
    let columns = vec![
        col("ID", 0),
        col("Status", 0),
        col("Owner", 0),
        col("Due", 0),
        col("Cases", 2),
        col("Category", 1),
        col("Cause", 0),
    ];
    let cells = rows
        .iter()
        .map(|x| {
            let status = x.status(today);
            vec![
                Cell::plain(x.id.clone()),
                Cell {
                    text: tr_args("action-status", &[("status", status.as_str().into())]),
                    style: (status == Status::Overdue).then_some(crate::cli::render::style::RED),
                },
                Cell::plain(x.owner.clone()),
                Cell::plain(x.due.to_string()),
                Cell::plain(x.cases.len().to_string()),
                Cell::plain(x.category.clone().unwrap_or_else(|| "—".into())),
                Cell::plain(x.cause.clone()),
            ]
        })
        .collect();
    let listing = Columns {
        columns,
        rows: cells,
    };
    let width = crate::cli::render::table::available_width();
    let count = tr_args("action-count", &[("count", (rows.len() as i64).into())]);
    format!("{}{count}\n", listing.render(width, color))
}
