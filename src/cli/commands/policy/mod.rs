//! `redress policy check | explain ID | impact --base REV`.

pub mod check;
pub mod explain;
pub mod impact;

use crate::cli::exit::Verdict;
use crate::cli::session::Session;
use anyhow::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: PolicyCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum PolicyCommand {
    /// Validate the policy files (exit 2 when they are invalid)
    #[command(
        after_help = "Examples:\n  redress policy check\n  redress policy check && git commit -am \"Tighter acknowledgement target\""
    )]
    Check,
    /// Show which rules apply to one case and why, with its clocks
    #[command(
        after_help = "Examples:\n  redress policy explain \"$id\"\n  redress policy explain 2vtd --include-contacts"
    )]
    Explain(explain::Args),
    /// The audit difference a policy change makes, for pull requests
    #[command(
        after_help = "Examples:\n  redress policy impact --base main\n  redress policy impact --base HEAD~1 --format markdown > impact.md"
    )]
    Impact(impact::Args),
}

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    match args.command {
        PolicyCommand::Check => check::run(session),
        PolicyCommand::Explain(a) => explain::run(session, a),
        PolicyCommand::Impact(a) => impact::run(session, a),
    }
}
