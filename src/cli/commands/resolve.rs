use super::Ctx;
use super::append::{Common, append};
use crate::Verdict;
use crate::case::vocab::{EventKind, Outcome};

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

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Verdict> {
    append(ctx, &args.common, EventKind::Resolved, move |e| {
        e.outcome = Some(args.outcome);
        e.summary = Some(args.summary);
        e.note = args.note;
    })
}
