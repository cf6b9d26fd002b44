//! `redress extend ID --to 90d --reason R`: the holding response some
//! regulations allow: the customer is told the final response will take
//! longer, and the resolve deadline moves within the policy's
//! `max_extension` (docs/clocks-and-audit.md, Extensions).

use crate::case::vocab::EventKind;
use crate::cli::commands::event::append::{Common, append};
use crate::cli::exit::Verdict;
use crate::cli::session::Session;
use crate::i18n::{tr, tr_args};
use crate::policy::calendar::Target;
use anyhow::bail;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// The new resolve target, counted from receipt (or the reopening) like
    /// the policy's own: 90d, 35d, 12w
    #[arg(long, value_name = "DURATION")]
    pub to: String,
    /// Why the final response needs more time (told to the customer)
    #[arg(long)]
    pub reason: String,
    /// An internal note to keep with the event
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(session: &Session, args: Args) -> anyhow::Result<Verdict> {
    if let Err(msg) = Target::read(args.to.trim()) {
        let args = [
            ("to", args.to.clone().into()),
            ("problem", msg.plain().into()),
        ];
        bail!("{}", tr_args("extend-bad-to", &args));
    }
    if args.reason.trim().is_empty() {
        bail!("{}", tr("extend-blank-reason"));
    }
    append(session, &args.common, EventKind::Extended, move |e| {
        e.to = Some(args.to.trim().to_string());
        e.reason = Some(args.reason);
        e.note = args.note;
    })
}
