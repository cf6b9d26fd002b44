//! redress: a complaint ledger kept in git.
//!
//! `run()` parses the command line and hands it to `cli`; everything below
//! `cli` is the domain, which computes and never prints.

// No production function over 80 lines (clippy.toml sets the threshold);
// CI denies warnings, so a longer one fails the build.
#![warn(clippy::too_many_lines)]

pub mod audit;
pub mod case;
pub mod cli;
pub mod clock;
pub mod diag;
pub mod files;
pub mod i18n;
pub mod import;
pub mod ledger;
pub mod policy;
pub mod report;
pub mod suggest;

/// Parses the command line and runs the command.
pub fn run() -> anyhow::Result<cli::exit::Verdict> {
    // `COMPLETE=SHELL redress …`: the shell asking for completions.
    cli::commands::completions::answer_shell();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    cli::lang::settle(&args);
    let cli = cli::help::parse(args)?;
    cli::dispatch(cli)
}
