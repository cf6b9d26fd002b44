//! `redress pause ID`: stop the clocks while waiting on the customer or a third party.

use super::append::{Common, append};
use crate::case::vocab::EventKind;
use crate::cli::exit::Verdict;
use crate::cli::session::Session;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// What the case waits for (the customer, the carrier…)
    #[arg(long)]
    pub reason: String,
    /// An internal note to keep with the event
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(session: &Session, args: Args) -> anyhow::Result<Verdict> {
    append(session, &args.common, EventKind::Paused, move |e| {
        e.reason = Some(args.reason);
        e.note = args.note;
    })
}
