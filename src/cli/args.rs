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

    /// The language of messages and human formats, en or fr (default: the ledger's policies/ledger.toml, then the locale)
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "REDRESS_LANG",
        hide_env_values = true,
        value_name = "LANG",
        value_parser = crate::cli::lang::parse_lang
    )]
    pub lang: Option<String>,

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
    /// Fix a mistake in a case in $EDITOR: checked on save, installed atomically
    #[command(after_help = EX_EDIT)]
    Edit(commands::edit::Args),
    /// Write a letter to the customer (acknowledgement, holding, decision, follow-up)
    #[command(after_help = EX_LETTER)]
    Letter(commands::letter::Args),
    /// Validate every case and policy file, reporting every problem
    #[command(after_help = EX_CHECK)]
    Check(commands::check::Args),
    /// Audit the ledger: deadlines, follow-ups, compensation, escalations, KPIs
    #[command(after_help = EX_AUDIT)]
    Audit(commands::audit::Args),
    /// Statistics for decision-makers: periods, causes, channels, costs
    #[command(after_help = EX_REPORT)]
    Report(commands::report::Args),
    /// Corrective actions: record one against a cause, list them, close one
    #[command(after_help = EX_ACTION)]
    Action(commands::action::Args),
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
    /// Extend the deadline of the final response (a holding response), within the policy
    #[command(after_help = EX_EXTEND)]
    Extend(commands::extend::Args),
    /// Replace a customer's name, email and phone with a pseudonym (retention)
    #[command(after_help = EX_ANONYMISE)]
    Anonymise(commands::anonymise::Args),
}

// One "Examples:" block per subcommand, shown under its --help.
const EX_INIT: &str = "Examples:\n  redress init\n  redress init ~/ledgers/support && cd ~/ledgers/support\n  redress init --preset fca-disp complaints-uk";
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
const EX_EDIT: &str = "Examples:\n  redress edit \"$id\"                        # fix a title, an email, a category\n  EDITOR=\"code --wait\" redress edit k7q2\n  redress edit k7q2 --yes                   # accept changes to earlier events (scripts)";
const EX_LETTER: &str = "Examples:\n  redress letter \"$id\" --template acknowledgement\n  redress letter \"$id\" --template acknowledgement --lang fr -o lettre.txt --record\n  redress letter \"$id\" --template decision --outcome fondée --summary \"Remboursé\" --record -o decision.txt";
const EX_CHECK: &str =
    "Examples:\n  redress check\n  redress check && git commit -am \"Day's cases\"";
const EX_AUDIT: &str = "Examples:\n  redress audit\n  redress audit --fail-on warning --since 2026-11-01 --format markdown";
const EX_REPORT: &str = "Examples:\n  redress report --period month\n  redress report --format html -o reports/2026-11.html\n  redress report --return fca --for 2026-Q3 --format csv\n  redress report --review 2026-Q3 --format html -o reports/review-2026-Q3.html";
const EX_ACTION: &str = "Examples:\n  redress action new --cause \"Carrier drops parcels\" --owner bob --due 2027-01-15 --case n9c3\n  redress action list\n  redress action close 3xk9 --note \"New carrier\"";
const EX_POLICY: &str = "Examples:\n  redress policy check\n  redress policy explain \"$id\"\n  redress policy impact --base HEAD~1";
const EX_IMPORT: &str = "Examples:\n  redress import csv --map mapping.toml old-system.csv\n  redress import cfpb complaints.csv";
const EX_EXPORT: &str = "Examples:\n  redress export --format csv -o exports/cases.csv\n  redress export --format jsonl | jq .status\n  redress export --format register -o exports/register.xlsx";
const EX_MERGE_FILE: &str = "Examples:\n  git config merge.redress.driver \"redress merge-file %O %A %B\"   # redress git-setup does this";
const EX_GIT_SETUP: &str = "Examples:\n  git init && redress git-setup";
const EX_COMPLETIONS: &str = "Examples:\n  redress completions bash > ~/.local/share/bash-completion/completions/redress\n  redress completions zsh > ~/.zfunc/_redress";
const EX_MAN: &str = "Examples:\n  redress man | man -l -\n  redress man -o ~/.local/share/man/man1 && man redress-new";

const EX_EXTEND: &str = "Examples:\n  redress update \"$id\" \"We need more time: the insurer's report is due next month\"\n  redress extend \"$id\" --to 90d --reason \"Waiting for the insurer's expert report\"";
const EX_ANONYMISE: &str = "Examples:\n  redress audit --code retention-due\n  redress anonymise 20191104-k7q2\n  redress anonymise --all-due && git commit -am \"Anonymise cases past retention\"";

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
  REDRESS_LANG    the language (en, fr), as --lang; then LC_ALL, LC_MESSAGES, LANG
  NO_COLOR        no colour when --color is auto
  EDITOR          the editor for `new --edit` and `edit` (VISUAL first, then vi)

Examples:
  redress init && redress new
  redress list --overdue
  redress <COMMAND> --help";
