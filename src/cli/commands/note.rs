use super::Ctx;
use super::append::{Common, append};
use crate::Verdict;
use crate::case::vocab::EventKind;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// The internal note
    pub text: String,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Verdict> {
    append(ctx, &args.common, EventKind::Noted, move |e| {
        e.note = Some(args.text);
    })
}
