//! `redress reopen ID`: the fix failed (a double deviation).

use super::append::{Common, append};
use crate::case::vocab::EventKind;
use crate::cli::exit::Verdict;
use crate::cli::session::Session;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// Why: what failed in the fix (a double deviation)
    #[arg(long)]
    pub reason: String,
    /// An internal note to keep with the event
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(session: &Session, args: Args) -> anyhow::Result<Verdict> {
    append(session, &args.common, EventKind::Reopened, move |e| {
        e.reason = Some(args.reason);
        e.note = args.note;
    })
}
