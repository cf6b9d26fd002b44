//! `redress search TEXT`: the cases where a text occurs, ignoring letter
//! case and accents, with the keys where it was found.

use crate::case::search::{MatchedField, Query, matches};
use crate::case::vocab::Status;
use crate::cli::exit::Verdict;
use crate::cli::render::fmt::word;
use crate::cli::session::Session;
use crate::i18n::{tr, tr_args};
use crate::ledger::LoadedCase;
use anyhow::{Result, bail};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  redress search eve            # finds Ève Côté, and \"Geneviève\" in a note
  redress search z-1001         # the other system's ID (source.id)
  redress search 514-555-0199   # a phone, however it is punctuated

Exit status: 0 when a case matches, 1 when none does (like grep).")]
pub struct Args {
    /// The text to find in titles, descriptions, event notes, reasons,
    /// remedies and summaries, the customer's name, email and phone,
    /// `source.id` and `fields` values
    pub text: String,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Show the customer's name, email and phone in titles (masked by
    /// default; a match on them is still named)
    #[arg(long)]
    pub include_contacts: bool,
    #[command(flatten)]
    pub invalid: crate::cli::session::SkipInvalid,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

/// A matching case: what is shown of it, never the case itself, so that
/// a search of a large ledger holds only its hits.
struct Hit {
    id: String,
    path: String,
    status: Status,
    /// The title as it may be printed (contacts masked unless asked).
    title: String,
    fields: Vec<MatchedField>,
}

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let Some(query) = Query::new(&args.text) else {
        bail!(
            "{}\n  = help: {}",
            tr("search-empty"),
            tr("search-empty-help")
        );
    };
    let open = session.open()?;
    let mut hits: Vec<Hit> = Vec::new();
    let scan = open.ledger.scan_each(
        &open.policies,
        |lc| hit(lc, &query, args.include_contacts),
        |found| hits.extend(found),
    );
    args.invalid.refuse_or_warn(&scan.problems, "search")?;
    hits.sort_by(|a, b| a.id.cmp(&b.id));
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&json(&hits))? + "\n",
        Format::Table => table(&hits),
    };
    crate::cli::render::style::print(&out)?;
    Ok(if hits.is_empty() {
        Verdict::Fail
    } else {
        Verdict::Pass
    })
}

/// `lc` as a hit, when `query` occurs in it.
fn hit(lc: LoadedCase, query: &Query, include_contacts: bool) -> Option<Hit> {
    let fields = matches(&lc.case, query)?;
    let title = if include_contacts {
        lc.case.title.clone()
    } else {
        crate::case::privacy::Contacts::of(&lc.case.customer).mask(&lc.case.title)
    };
    Some(Hit {
        status: crate::case::history::status(&lc.case),
        title,
        fields,
        id: lc.case.id,
        path: lc.path,
    })
}

fn json(hits: &[Hit]) -> serde_json::Value {
    hits.iter()
        .map(|h| {
            let keys: Vec<&str> = h.fields.iter().map(|f| f.key.as_str()).collect();
            serde_json::json!({
                "id": h.id,
                "status": h.status,
                "title": h.title,
                "matched": keys,
                "path": h.path,
            })
        })
        .collect()
}

/// One line per case: ID, status, where the text was found, then the title
/// cut to the terminal's width (`COLUMNS` honoured; piped output without
/// `COLUMNS` is never cut).
fn table(hits: &[Hit]) -> String {
    if hits.is_empty() {
        return format!("{}\n", tr("search-none"));
    }
    let statuses: Vec<String> = hits.iter().map(|h| word(h.status.as_str())).collect();
    let status_w = statuses.iter().map(|s| s.chars().count()).max();
    let status_w = status_w.unwrap_or(0);
    let matched: Vec<String> = hits.iter().map(|h| matched_keys(&h.fields)).collect();
    let matched_w = matched.iter().map(|m| m.chars().count()).max();
    let matched_w = matched_w.unwrap_or(0);
    let width = terminal_width();
    let mut out = String::new();
    for ((h, m), status) in hits.iter().zip(&matched).zip(&statuses) {
        let head = format!("{}  {:<status_w$}  {:<matched_w$}  ", h.id, status, m);
        let title = match width {
            Some(w) => crate::cli::render::fmt::clip(
                &h.title,
                w.saturating_sub(head.chars().count()).max(10),
            ),
            None => h.title.clone(),
        };
        out.push_str(&head);
        out.push_str(&title);
        out.push('\n');
    }
    let count = [("count", (hits.len() as i64).into())];
    out.push_str(&format!("{}\n", tr_args("list-count", &count)));
    out
}

/// `title, history[2].note`: the first three keys, then how many more.
fn matched_keys(fields: &[MatchedField]) -> String {
    const SHOWN: usize = 3;
    let mut keys: Vec<&str> = fields.iter().take(SHOWN).map(|f| f.key.as_str()).collect();
    let more;
    if fields.len() > SHOWN {
        more = format!("+{}", fields.len() - SHOWN);
        keys.push(&more);
    }
    keys.join(", ")
}

/// The width to fit lines in: `COLUMNS`, else the terminal's when stdout is
/// one; None (never cut) when piped.
fn terminal_width() -> Option<usize> {
    if let Some(w) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|w| *w > 0)
    {
        return Some(w);
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return None;
    }
    comfy_table::Table::new().width().map(usize::from)
}
