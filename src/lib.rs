//! redress: a complaint ledger kept in git.
//!
//! `run()` parses the command line and dispatches to `commands`; everything
//! below `commands` is the domain, which computes and never prints.

pub mod audit;
pub mod calendar;
pub mod case;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod compensation;
pub mod diag;
pub mod estimates;
pub mod history;
pub mod id;
pub mod impact;
pub mod import;
pub mod ledger;
pub mod merge;
pub mod money;
pub mod output;
pub mod policy;
pub mod policy_check;
pub mod report;
pub mod routes;
pub mod suggest;
pub mod time;
pub mod vocab;
// Modules added by later issues are registered below, one line each.
pub mod yaml;
pub mod yaml_guard;

use clap::Parser;

/// How a successful run ended: fine, or a check/audit that found problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
}

impl Verdict {
    pub fn code(self) -> u8 {
        match self {
            Verdict::Pass => 0,
            Verdict::Fail => 1,
        }
    }
}

pub fn run() -> anyhow::Result<Verdict> {
    let cli = cli::Cli::try_parse()?;
    commands::dispatch(cli)
}

/// Prints an error the way a user should see it and returns the exit code:
/// clap's own for usage errors, 0 for a closed pipe (`redress list | head`),
/// 2 for everything else.
pub fn report_error(err: &anyhow::Error) -> u8 {
    if let Some(e) = err.downcast_ref::<clap::Error>() {
        let _ = e.print();
        return e.exit_code().clamp(0, 2) as u8;
    }
    let broken_pipe = err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return 0;
    }
    let mut chain = err.chain();
    if let Some(top) = chain.next() {
        eprintln!("error: {top}");
    }
    for cause in chain {
        // Diagnostics already say where and what; they print as they are.
        if cause.downcast_ref::<diag::Diagnostics>().is_some() {
            eprintln!("{cause}");
        } else {
            eprintln!("  caused by: {cause}");
        }
    }
    2
}
