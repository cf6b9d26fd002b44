//! `redress compensate ID --remedy R`: compensation granted to the customer.

use super::append::{Common, append};
use crate::case::money::Money;
use crate::case::vocab::EventKind;
use crate::cli::exit::Verdict;
use crate::cli::session::Session;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// The remedy (policies/compensation.toml), e.g. refund, credit, apology
    #[arg(long)]
    pub remedy: String,
    /// The amount in the ledger's currency, e.g. 90.00 (none for an apology)
    #[arg(long, value_parser = parse_money)]
    pub amount: Option<Money>,
    /// An internal note to keep with the event
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(session: &Session, args: Args) -> anyhow::Result<Verdict> {
    append(session, &args.common, EventKind::Compensated, move |e| {
        e.remedy = Some(args.remedy);
        e.amount = args.amount;
        e.note = args.note;
    })
}

fn parse_money(s: &str) -> Result<Money, String> {
    Money::parse(s)
}
