//! One module per subcommand: parse arguments, call the domain, render.

pub mod ack;
pub mod append;
pub mod assign;
pub mod audit;
pub mod check;
pub mod close;
pub mod compensate;
pub mod completions;
pub mod escalate;
pub mod export;
pub mod follow_up;
pub mod git_setup;
pub mod impact;
pub mod import;
pub mod init;
pub mod list;
pub mod man;
pub mod merge_file;
pub mod new;
pub mod note;
pub mod pause;
pub mod policy;
pub mod reopen;
pub mod report;
pub mod resolve;
pub mod resume;
pub mod show;
pub mod update;

use crate::Verdict;
use crate::cli::{Cli, Command};
use crate::diag::{Diagnostic, Diagnostics};
use crate::ledger::Ledger;
use crate::policy::Policies;
use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use std::path::PathBuf;

/// What every command may need from the global flags.
pub struct Ctx {
    pub ledger_dir: Option<PathBuf>,
    pub now: Option<String>,
    pub color: bool,
}

/// An opened ledger: its root, its valid policies, and the current time.
pub struct Open {
    pub ledger: Ledger,
    pub policies: Policies,
    pub tz: Tz,
    pub now: DateTime<FixedOffset>,
}

impl Ctx {
    pub fn ledger(&self) -> Result<Ledger> {
        Ledger::discover(self.ledger_dir.as_deref())
    }

    /// Finds the ledger and loads its policies; invalid policies stop here.
    pub fn open(&self) -> Result<Open> {
        let ledger = self.ledger()?;
        let policies = crate::policy::load(&ledger.root)
            .map_err(|d| anyhow::Error::new(Diagnostics(d)).context("the ledger's policies are invalid; fix them first (`redress policy check` lists every problem)"))?;
        let tz = policies.tz();
        let now = self.now_in(tz)?;
        Ok(Open {
            ledger,
            policies,
            tz,
            now,
        })
    }

    /// `--now`/`REDRESS_NOW`, else the wall clock, in the ledger's zone.
    pub fn now_in(&self, tz: Tz) -> Result<DateTime<FixedOffset>> {
        match &self.now {
            Some(text) => crate::case::time::parse_in(text, tz)
                .map_err(anyhow::Error::msg)
                .context("reading --now / REDRESS_NOW"),
            None => Ok(chrono::Utc::now().with_timezone(&tz).fixed_offset()),
        }
    }
}

/// `--skip-invalid`, shared by every command that reads the whole ledger:
/// what to do about case files that cannot be used. By default a command
/// never leaves a file out quietly: `list`, `report`, `export` and `policy
/// impact` refuse (exit 2, nothing on standard output) and `audit` lists the
/// files and exits 1. With the flag, each problem is a warning on stderr and
/// the command goes on with the valid cases (exit 0 unless it fails for
/// another reason).
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct SkipInvalid {
    /// Go on with the valid cases when some case files have problems (each
    /// is a warning on stderr); by default the command fails instead
    #[arg(long)]
    pub skip_invalid: bool,
}

impl SkipInvalid {
    /// For a command whose output cannot show invalid files: an error that
    /// lists them, unless --skip-invalid, which warns and lets it go on.
    pub fn refuse_or_warn(self, problems: &[Diagnostic], command: &str) -> Result<()> {
        if problems.is_empty() {
            return Ok(());
        }
        let n = problems.len();
        let s = if n == 1 { "" } else { "s" };
        if !self.skip_invalid {
            anyhow::bail!(
                "{}
{n} case file problem{s}; `{command}` would leave those files out, so it printed nothing
  = help: fix them (`redress check`), or pass --skip-invalid to go on with the valid cases only",
                Diagnostics(problems.to_vec()),
            );
        }
        self.warn(problems);
        Ok(())
    }

    /// For a command whose output lists invalid files (`audit`): whether they
    /// make the run fail. With --skip-invalid they are also warned about.
    pub fn fails(self, problems: &[Diagnostic]) -> bool {
        if self.skip_invalid {
            self.warn(problems);
        }
        !problems.is_empty() && !self.skip_invalid
    }

    fn warn(self, problems: &[Diagnostic]) {
        if problems.is_empty() {
            return;
        }
        for d in problems {
            eprintln!("warning: {d}");
        }
        let n = problems.len();
        eprintln!(
            "warning: {n} case file problem{} above; --skip-invalid leaves those files out",
            if n == 1 { "" } else { "s" }
        );
    }
}

pub fn dispatch(cli: Cli) -> Result<Verdict> {
    let ctx = Ctx {
        ledger_dir: cli.ledger,
        now: cli.now,
        color: crate::cli::render::style::use_color(cli.color),
    };
    match cli.command {
        Command::Init(a) => init::run(&ctx, a),
        Command::New(a) => new::run(&ctx, a),
        Command::List(a) => list::run(&ctx, a),
        Command::Show(a) => show::run(&ctx, a),
        Command::Ack(a) => ack::run(&ctx, a),
        Command::Assign(a) => assign::run(&ctx, a),
        Command::Note(a) => note::run(&ctx, a),
        Command::Update(a) => update::run(&ctx, a),
        Command::Escalate(a) => escalate::run(&ctx, a),
        Command::Pause(a) => pause::run(&ctx, a),
        Command::Resume(a) => resume::run(&ctx, a),
        Command::Compensate(a) => compensate::run(&ctx, a),
        Command::Resolve(a) => resolve::run(&ctx, a),
        Command::FollowUp(a) => follow_up::run(&ctx, a),
        Command::Close(a) => close::run(&ctx, a),
        Command::Reopen(a) => reopen::run(&ctx, a),
        Command::Check(a) => check::run(&ctx, a),
        Command::Audit(a) => audit::run(&ctx, a),
        Command::Report(a) => report::run(&ctx, a),
        Command::Policy(a) => policy::run(&ctx, a),
        Command::Import(a) => import::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
        Command::MergeFile(a) => merge_file::run(&ctx, a),
        Command::GitSetup(a) => git_setup::run(&ctx, a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => man::run(a),
    }
}
