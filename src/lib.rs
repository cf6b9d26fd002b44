//! redress: a complaint ledger kept in git.
//!
//! `run()` parses the command line and hands it to `cli`; everything below
//! `cli` is the domain, which computes and never prints.

pub mod audit;
pub mod case;
pub mod cli;
pub mod clock;
pub mod diag;
pub mod import;
pub mod ledger;
pub mod policy;
pub mod report;
pub mod suggest;

// Kept at the root while commands written in parallel still name it here.
pub use cli::exit::Verdict;

/// Parses the command line and runs the command.
pub fn run() -> anyhow::Result<Verdict> {
    let cli = <cli::Cli as clap::Parser>::try_parse()?;
    cli::dispatch(cli)
}
