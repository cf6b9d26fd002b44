//! `redress resume ID`: restart the clocks after a pause.

use super::append::{Common, append};
use crate::case::vocab::EventKind;
use crate::cli::exit::Verdict;
use crate::cli::session::Session;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// Why the clocks restart
    #[arg(long)]
    pub reason: Option<String>,
    /// An internal note to keep with the event
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(session: &Session, args: Args) -> anyhow::Result<Verdict> {
    append(session, &args.common, EventKind::Resumed, move |e| {
        e.reason = args.reason;
        e.note = args.note;
    })
}
