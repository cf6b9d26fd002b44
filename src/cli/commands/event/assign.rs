//! `redress assign ID MEMBER`: change the case's owner.

use super::append::{Common, append};
use crate::case::vocab::EventKind;
use crate::cli::exit::Verdict;
use crate::cli::session::Session;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// The team member who now owns the case
    pub member: String,
    /// An internal note to keep with the event
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(session: &Session, args: Args) -> anyhow::Result<Verdict> {
    append(session, &args.common, EventKind::Assigned, move |e| {
        e.to = Some(args.member);
        e.note = args.note;
    })
}
