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
    /// (or in French: remboursement, crédit, excuses…)
    #[arg(long)]
    pub remedy: String,
    /// The amount in the ledger's currency, e.g. 90.00 or 90,00 (none for an apology)
    #[arg(long, value_parser = Money::parse_input, value_name = "AMOUNT")]
    pub amount: Option<Money>,
    /// An internal note to keep with the event
    #[arg(long)]
    pub note: Option<String>,
}

pub fn run(session: &Session, args: Args) -> anyhow::Result<Verdict> {
    // A French remedy becomes the ledger's word; if the policies cannot be
    // read, `append` says so.
    let remedies = session
        .open()
        .map(|o| o.policies.remedies)
        .unwrap_or_default();
    let remedy = crate::case::vocab::remedy_word(&args.remedy, &remedies);
    append(session, &args.common, EventKind::Compensated, move |e| {
        e.remedy = Some(remedy);
        e.amount = args.amount;
        e.note = args.note;
    })
}
