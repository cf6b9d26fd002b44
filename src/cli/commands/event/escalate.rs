//! `redress escalate ID --to LEVEL --reason WHY`: send the case to a level or a department.

use super::append::{Common, append};
use crate::case::vocab::EventKind;
use crate::cli::exit::Verdict;
use crate::cli::session::Session;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// A level or department (policies/escalation.toml)
    #[arg(long)]
    pub to: String,
    /// Why it goes there
    #[arg(long)]
    pub reason: String,
    /// An internal note to keep with the event
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(session: &Session, args: Args) -> anyhow::Result<Verdict> {
    append(session, &args.common, EventKind::Escalated, move |e| {
        e.to = Some(args.to);
        e.reason = Some(args.reason);
        e.note = args.note;
    })
}
