//! What every command starts from: the global flags, the ledger and its
//! policies opened once, and the command-line times read by one function.

use crate::audit::Window;
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::tr_args;
use crate::ledger::Ledger;
use crate::policy::Policies;
use anyhow::{Context, Result};
use chrono::{DateTime, FixedOffset, Timelike, Utc};
use chrono_tz::Tz;
use std::path::PathBuf;

/// The global flags, as every command may need them.
pub struct Session {
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

impl Session {
    pub fn new(cli: &crate::cli::Cli) -> Session {
        if cli.no_cache {
            crate::ledger::cache::disable();
        }
        Session {
            ledger_dir: cli.ledger.clone(),
            now: cli.now.clone(),
            color: crate::cli::render::style::use_color(cli.color),
        }
    }

    pub fn ledger(&self) -> Result<Ledger> {
        Ledger::discover(self.ledger_dir.as_deref())
    }

    /// Finds the ledger and loads its policies; invalid policies stop here.
    pub fn open(&self) -> Result<Open> {
        let ledger = self.ledger()?;
        let policies = crate::policy::load(&ledger.root).map_err(|d| {
            anyhow::Error::new(Diagnostics(d)).context(crate::i18n::tr("error-policies-invalid"))
        })?;
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
            Some(text) => read_time("--now / REDRESS_NOW", text, tz, false, None, None),
            // Whole seconds: files store no fractions.
            None => {
                let now = Utc::now().with_timezone(&tz).fixed_offset();
                Ok(now.with_nanosecond(0).unwrap_or(now))
            }
        }
    }
}

impl Open {
    /// A point-in-time flag (`--at`, `--as-of`, `--received`): the time
    /// given, in the ledger's zone, else now.
    pub fn time_flag(&self, flag: &str, text: Option<&str>) -> Result<DateTime<FixedOffset>> {
        match text {
            Some(t) => read_time(flag, t, self.tz, false, Some(self.now_utc()), None),
            None => Ok(self.now),
        }
    }

    /// When an event happened (`--at`, `--received`): like [`Open::time_flag`],
    /// but a time more than a minute after now is refused unless `future`,
    /// since it is most often a typo (a year, a month) that would skew every clock.
    pub fn event_time(
        &self,
        flag: &str,
        text: Option<&str>,
        future: bool,
    ) -> Result<DateTime<FixedOffset>> {
        let at = self.time_flag(flag, text)?;
        let ahead = at.signed_duration_since(self.now).num_seconds();
        if !future && ahead > 60 {
            anyhow::bail!(
                "{}",
                crate::i18n::tr_args(
                    "error-future-time",
                    &[
                        ("flag", flag.to_string().into()),
                        ("text", format!("{:?}", text.unwrap_or_default()).into()),
                        (
                            "at",
                            crate::case::time::local(at.with_timezone(&Utc), self.tz).into()
                        ),
                        ("ahead", crate::i18n::span(ahead).into()),
                        (
                            "now",
                            crate::case::time::local(self.now_utc(), self.tz).into()
                        ),
                    ]
                )
            );
        }
        Ok(at)
    }

    fn now_utc(&self) -> DateTime<Utc> {
        self.now.with_timezone(&Utc)
    }

    /// Commands that write say once that `REDRESS_NOW` sets their clock, so a
    /// variable left exported is not silently stamping every event.
    pub fn note_fixed_clock(&self) {
        if let Ok(v) = std::env::var("REDRESS_NOW")
            && !v.trim().is_empty()
        {
            let value = [("value", v.into())];
            eprintln!("{}", crate::i18n::tr_args("fixed-clock-note", &value));
        }
    }

    /// The case a command names (ID, or a unique prefix or suffix of it):
    /// its path in the ledger and the case, or an error listing its problems.
    pub fn case(&self, query: &str) -> Result<(String, crate::ledger::LoadedCase)> {
        let rel = self.ledger.find(query)?;
        let loaded = self.ledger.load(&rel, &self.policies).map_err(|d| {
            anyhow::Error::new(Diagnostics(d))
                .context(tr_args("file-has-problems", &[("rel", rel.clone().into())]))
        })?;
        Ok((rel, loaded))
    }

    /// `--since`/`--until`; a bare `--until` date includes that whole day.
    /// With `spans_back_from`, either may be a span back from it (`7d`).
    pub fn window(
        &self,
        since: Option<&str>,
        until: Option<&str>,
        spans_back_from: Option<DateTime<Utc>>,
    ) -> Result<Window> {
        let bound = |flag: &str, text: Option<&str>, end_of_day: bool| {
            text.map(|t| {
                let now = Some(self.now_utc());
                read_time(flag, t, self.tz, end_of_day, now, spans_back_from)
            })
            .transpose()
            .map(|at| at.map(|at| at.with_timezone(&Utc)))
        };
        Ok(Window {
            since: bound("--since", since, false)?,
            until: bound("--until", until, true)?,
        })
    }
}

/// [`crate::case::time::parse_flag`], with an error that names the flag.
fn read_time(
    flag: &str,
    text: &str,
    tz: Tz,
    end_of_day: bool,
    now: Option<DateTime<Utc>>,
    spans_back_from: Option<DateTime<Utc>>,
) -> Result<DateTime<FixedOffset>> {
    crate::case::time::parse_flag(text, tz, end_of_day, now, spans_back_from)
        .map_err(|m| anyhow::Error::msg(m.plain()))
        .with_context(|| crate::i18n::tr_args("reading-flag", &[("flag", flag.into())]))
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
        if !self.skip_invalid {
            anyhow::bail!(
                "{}\n{}",
                Diagnostics(problems.to_vec()),
                crate::i18n::tr_args(
                    "error-invalid-cases",
                    &[
                        ("count", (problems.len() as i64).into()),
                        ("command", command.to_string().into())
                    ]
                )
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
        let warn = |line: String| {
            eprintln!("{}", tr_args("warning-line", &[("line", line.into())]));
        };
        for d in problems {
            warn(d.to_string());
        }
        let count = [("count", problems.len().into())];
        warn(tr_args("skip-invalid-left-out", &count));
    }
}

/// REDRESS_USER, then USER.
pub fn default_member() -> Result<String> {
    ["REDRESS_USER", "USER"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .context(crate::i18n::tr("error-no-member"))
}
