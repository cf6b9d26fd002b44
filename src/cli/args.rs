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
    max_term_width = 100,
    after_help = MAIN_AFTER_HELP
)]
pub struct Cli {
    /// The ledger's root (default: the nearest parent folder holding policies/)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "REDRESS_LEDGER",
        value_name = "DIR"
    )]
    pub ledger: Option<PathBuf>,

    /// The current time for every command, e.g. 2026-11-22T12:00:00-05:00 (for reproducible runs)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "REDRESS_NOW",
        value_name = "TIME"
    )]
    pub now: Option<String>,

    /// When to use colour (auto honours NO_COLOR and whether output is a terminal)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorChoice,

    /// Read every case file, neither using nor updating the parse cache in
    /// .redress/cache (also REDRESS_NO_CACHE=1)
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_cache: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new ledger with default policies
    #[command(after_help = EX_INIT)]
    Init(commands::init::Args),
    /// Record a new case (from flags, prompts, or $EDITOR) and print its ID
    #[command(after_help = EX_NEW)]
    New(commands::new::Args),
    /// List cases, filtered and sorted
    #[command(after_help = EX_LIST)]
    List(commands::list::Args),
    /// Show one case: its details, derived status and history
    #[command(after_help = EX_SHOW)]
    Show(commands::show::Args),
    /// Find cases by a word of their text, a customer's name, email or phone, or a source ID
    Search(commands::search::Args),
    /// Record that receipt was acknowledged to the customer
    #[command(after_help = EX_ACK)]
    Ack(commands::event::ack::Args),
    /// Change the case's owner
    #[command(after_help = EX_ASSIGN)]
    Assign(commands::event::assign::Args),
    /// Add an internal note
    #[command(after_help = EX_NOTE)]
    Note(commands::event::note::Args),
    /// Record a progress report sent to the customer
    #[command(after_help = EX_UPDATE)]
    Update(commands::event::update::Args),
    /// Send the case to a level or a department
    #[command(after_help = EX_ESCALATE)]
    Escalate(commands::event::escalate::Args),
    /// Stop the clocks: waiting on the customer or a third party
    #[command(after_help = EX_PAUSE)]
    Pause(commands::event::pause::Args),
    /// Restart the clocks after a pause
    #[command(after_help = EX_RESUME)]
    Resume(commands::event::resume::Args),
    /// Record compensation granted to the customer
    #[command(after_help = EX_COMPENSATE)]
    Compensate(commands::event::compensate::Args),
    /// Record the decision communicated to the customer
    #[command(after_help = EX_RESOLVE)]
    Resolve(commands::event::resolve::Args),
    /// Record whether the customer was satisfied with the settlement
    #[command(after_help = EX_FOLLOW_UP)]
    #[command(name = "follow-up")]
    FollowUp(commands::event::follow_up::Args),
    /// Close a resolved case
    #[command(after_help = EX_CLOSE)]
    Close(commands::event::close::Args),
    /// Reopen a case whose fix failed (a double deviation)
    #[command(after_help = EX_REOPEN)]
    Reopen(commands::event::reopen::Args),
    /// Validate every case and policy file, reporting every problem
    #[command(after_help = EX_CHECK)]
    Check(commands::check::Args),
    /// Audit the ledger: deadlines, follow-ups, compensation, escalations, KPIs
    #[command(after_help = EX_AUDIT)]
    Audit(commands::audit::Args),
    /// Statistics for decision-makers: periods, causes, channels, costs
    #[command(after_help = EX_REPORT)]
    Report(commands::report::Args),
    /// Validate policies, explain them for one case, or measure a change
    #[command(after_help = EX_POLICY)]
    Policy(commands::policy::Args),
    /// Import cases from another system's export
    #[command(after_help = EX_IMPORT)]
    Import(commands::import::Args),
    /// Export every case with its derived status and clock figures
    #[command(after_help = EX_EXPORT)]
    Export(commands::export::Args),
    /// Git merge driver for case files (see `redress git-setup`)
    #[command(after_help = EX_MERGE_FILE)]
    #[command(name = "merge-file")]
    MergeFile(commands::merge_file::Args),
    /// Configure this git repository to merge case files with redress
    #[command(after_help = EX_GIT_SETUP)]
    #[command(name = "git-setup")]
    GitSetup(commands::git_setup::Args),
    /// Print shell completions
    #[command(after_help = EX_COMPLETIONS)]
    Completions(commands::completions::Args),
    /// Print the man page (roff), or write one page per subcommand with -o
    #[command(after_help = EX_MAN)]
    Man(commands::man::Args),
}

// One "Examples:" block per subcommand, shown under its --help.
const EX_INIT: &str =
    "Examples:\n  redress init\n  redress init ~/ledgers/support && cd ~/ledgers/support";
const EX_NEW: &str = "Examples:\n  id=$(redress new --kind complaint --title \"Parcel never arrived\" --customer \"Anne Roy\" \\\n         --channel email --category delivery --severity medium)\n  redress new --edit";
const EX_LIST: &str = "Examples:\n  redress list --status acknowledged --overdue\n  redress list --assignee alice --sort due --format csv";
const EX_SHOW: &str = "Examples:\n  redress show \"$id\"\n  redress show 7f3a --format json";
const EX_ACK: &str = "Examples:\n  redress ack \"$id\"\n  redress ack \"$id\" --at 2026-11-22T09:15:00-05:00 --by bob";
const EX_ASSIGN: &str = "Examples:\n  redress assign \"$id\" bob";
const EX_NOTE: &str = "Examples:\n  redress note \"$id\" \"Carrier says the parcel is in Laval\"";
const EX_UPDATE: &str =
    "Examples:\n  redress update \"$id\" \"We opened an inquiry with the carrier\"";
const EX_ESCALATE: &str =
    "Examples:\n  redress escalate \"$id\" --to supervisor --reason \"Second failed delivery\"";
const EX_PAUSE: &str =
    "Examples:\n  redress pause \"$id\" --reason \"Waiting for the customer's receipt\"";
const EX_RESUME: &str = "Examples:\n  redress resume \"$id\"";
const EX_COMPENSATE: &str =
    "Examples:\n  redress compensate \"$id\" --remedy refund --amount 90.00";
const EX_RESOLVE: &str =
    "Examples:\n  redress resolve \"$id\" --outcome founded --summary \"Refunded and reshipped\"";
const EX_FOLLOW_UP: &str = "Examples:\n  redress follow-up \"$id\" --satisfied yes";
const EX_CLOSE: &str = "Examples:\n  redress close \"$id\"";
const EX_REOPEN: &str =
    "Examples:\n  redress reopen \"$id\" --reason \"The replacement never came either\"";
const EX_CHECK: &str =
    "Examples:\n  redress check\n  redress check && git commit -am \"Day's cases\"";
const EX_AUDIT: &str = "Examples:\n  redress audit\n  redress audit --fail-on warning --since 2026-11-01 --format markdown";
const EX_REPORT: &str = "Examples:\n  redress report --period month\n  redress report --format html -o reports/2026-11.html";
const EX_POLICY: &str = "Examples:\n  redress policy check\n  redress policy explain \"$id\"\n  redress policy impact --base HEAD~1";
const EX_IMPORT: &str = "Examples:\n  redress import csv --map mapping.toml old-system.csv\n  redress import cfpb complaints.csv";
const EX_EXPORT: &str = "Examples:\n  redress export --format csv -o exports/cases.csv\n  redress export --format jsonl | jq .status";
const EX_MERGE_FILE: &str = "Examples:\n  git config merge.redress.driver \"redress merge-file %O %A %B\"   # redress git-setup does this";
const EX_GIT_SETUP: &str = "Examples:\n  git init && redress git-setup";
const EX_COMPLETIONS: &str = "Examples:\n  redress completions bash > ~/.local/share/bash-completion/completions/redress\n  redress completions zsh > ~/.zfunc/_redress";
const EX_MAN: &str = "Examples:\n  redress man | man -l -\n  redress man -o ~/.local/share/man/man1 && man redress-new";

/// `redress --help`'s closing text: what scripts and shells need to know.
const MAIN_AFTER_HELP: &str = "\
Exit status:
  0  success (also when output stops early, e.g. `redress list | head`)
  1  check or audit found problems (audit: at or above --fail-on);\n     merge-file left conflicts
  2  error: bad input, bad usage, unreadable files; nothing was changed

Environment:
  REDRESS_LEDGER  the ledger's root, as --ledger
  REDRESS_NOW     the current time, as --now
  REDRESS_USER    who records events (default for --by), then USER
  NO_COLOR        no colour when --color is auto
  EDITOR          the editor for `new --edit`

Examples:
  redress init && redress new
  redress list --overdue
  redress <COMMAND> --help";
