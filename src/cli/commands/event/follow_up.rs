//! `redress follow-up ID --satisfied yes|no`: was the customer satisfied?

use super::append::{Common, append};
use crate::case::vocab::EventKind;
use crate::cli::exit::Verdict;
use crate::cli::session::Session;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// Whether the customer was satisfied: yes or no (also oui or non)
    #[arg(long, value_parser = crate::case::vocab::yes_no, action = clap::ArgAction::Set, value_name = "yes|no")]
    pub satisfied: bool,
    /// An internal note to keep with the event
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(session: &Session, args: Args) -> anyhow::Result<Verdict> {
    append(session, &args.common, EventKind::FollowedUp, move |e| {
        e.satisfied = Some(args.satisfied);
        e.note = args.note;
    })
}
