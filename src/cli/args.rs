//! The command line: one clap-derive `Command` enum, one file per subcommand.

use crate::cli::commands;
use crate::cli::render::style::ColorChoice;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// A complaint and claim ledger kept in git: one YAML file per case, policies
/// in TOML, audits and reports computed from the files.
#[derive(Debug, Parser)]
#[command(
    name = "redress",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// The ledger's root (default: the nearest parent folder holding policies/)
    #[arg(long, global = true, env = "REDRESS_LEDGER", value_name = "DIR")]
    pub ledger: Option<PathBuf>,

    /// The current time for every command, e.g. 2026-11-22T12:00:00-05:00 (for reproducible runs)
    #[arg(long, global = true, env = "REDRESS_NOW", value_name = "TIME")]
    pub now: Option<String>,

    /// When to use colour (auto honours NO_COLOR and whether output is a terminal)
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new ledger with default policies
    Init(commands::init::Args),
    /// Record a new case (from flags, prompts, or $EDITOR) and print its ID
    New(commands::new::Args),
    /// List cases, filtered and sorted
    List(commands::list::Args),
    /// Show one case: its details, derived status and history
    Show(commands::show::Args),
    /// Find cases by a word of their text, a customer's name, email or phone, or a source ID
    Search(commands::search::Args),
    /// Record that receipt was acknowledged to the customer
    Ack(commands::event::ack::Args),
    /// Change the case's owner
    Assign(commands::event::assign::Args),
    /// Add an internal note
    Note(commands::event::note::Args),
    /// Record a progress report sent to the customer
    Update(commands::event::update::Args),
    /// Send the case to a level or a department
    Escalate(commands::event::escalate::Args),
    /// Stop the clocks: waiting on the customer or a third party
    Pause(commands::event::pause::Args),
    /// Restart the clocks after a pause
    Resume(commands::event::resume::Args),
    /// Record compensation granted to the customer
    Compensate(commands::event::compensate::Args),
    /// Record the decision communicated to the customer
    Resolve(commands::event::resolve::Args),
    /// Record whether the customer was satisfied with the settlement
    #[command(name = "follow-up")]
    FollowUp(commands::event::follow_up::Args),
    /// Close a resolved case
    Close(commands::event::close::Args),
    /// Reopen a case whose fix failed (a double deviation)
    Reopen(commands::event::reopen::Args),
    /// Validate every case and policy file, reporting every problem
    Check(commands::check::Args),
    /// Audit the ledger: deadlines, follow-ups, compensation, escalations, KPIs
    Audit(commands::audit::Args),
    /// Statistics for decision-makers: periods, causes, channels, costs
    Report(commands::report::Args),
    /// Validate policies, explain them for one case, or measure a change
    Policy(commands::policy::Args),
    /// Import cases from another system's export
    Import(commands::import::Args),
    /// Export every case with its derived status and clock figures
    Export(commands::export::Args),
    /// Git merge driver for case files (see `redress git-setup`)
    #[command(name = "merge-file")]
    MergeFile(commands::merge_file::Args),
    /// Configure this git repository to merge case files with redress
    #[command(name = "git-setup")]
    GitSetup(commands::git_setup::Args),
    /// Print shell completions
    Completions(commands::completions::Args),
    /// Print the man page (roff)
    Man(commands::man::Args),
}
