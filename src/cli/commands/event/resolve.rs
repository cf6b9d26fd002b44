//! `redress resolve ID`: the decision communicated to the customer.

use super::append::{Common, append};
use crate::case::vocab::{EventKind, Outcome};
use crate::cli::exit::Verdict;
use crate::cli::session::Session;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// founded, partly-founded, unfounded or bad-faith
    #[arg(long, value_parser = crate::cli::vocab::parser::<Outcome>())]
    pub outcome: Outcome,
    /// The decision as communicated to the customer
    #[arg(long)]
    pub summary: String,
    /// An internal note to keep with the event
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(session: &Session, args: Args) -> anyhow::Result<Verdict> {
    append(session, &args.common, EventKind::Resolved, move |e| {
        e.outcome = Some(args.outcome);
        e.summary = Some(args.summary);
        e.note = args.note;
    })
}
