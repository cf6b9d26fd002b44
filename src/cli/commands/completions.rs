//! Shell completion. `redress completions SHELL` prints a static script
//! (clap_complete's generator: subcommands, flags and fixed values). With
//! `COMPLETE=SHELL` in the environment, `redress` itself answers the shell
//! (clap_complete's dynamic engine, see `command`): then case IDs, members,
//! escalation targets and categories are completed from the ledger.

use crate::cli::exit::Verdict;
use crate::ledger::Ledger;
use clap::{Arg, Command, CommandFactory};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// bash, zsh, fish, elvish or powershell
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args) -> anyhow::Result<Verdict> {
    let mut cmd = crate::cli::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "redress", &mut out);
    crate::cli::render::style::print(&String::from_utf8_lossy(&out))?;
    Ok(Verdict::Pass)
}

/// Answers the shell and exits when `COMPLETE` is set (`COMPLETE=bash
/// redress` prints the script to source; the script then calls
/// `redress -- redress show 2026…`); does nothing otherwise.
pub fn answer_shell() {
    clap_complete::CompleteEnv::with_factory(command).complete();
}

/// The command line with the ledger's completers attached: every argument
/// named `id` or shown as `ID` completes case IDs, `MEMBER` (or `member`)
/// the team, `--category` the categories, `escalate --to` the levels and
/// departments. Attached by name here, so the subcommands' files stay plain.
pub fn command() -> Command {
    with_completers(crate::cli::Cli::command())
}

fn with_completers(cmd: Command) -> Command {
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut cmd = cmd;
    for name in subcommands {
        cmd = cmd.mut_subcommand(name, with_completers);
    }
    let attach: Vec<(String, Source)> = cmd
        .get_arguments()
        .filter_map(|a| source(cmd.get_name(), a).map(|s| (a.get_id().to_string(), s)))
        .collect();
    for (id, src) in attach {
        cmd = cmd.mut_arg(id, |a| a.add(ArgValueCompleter::new(src.completer())));
    }
    cmd
}

/// Where an argument's values come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Case,
    Member,
    Category,
    /// `escalate --to`: a level or a department.
    Escalation,
}

impl Source {
    fn completer(self) -> fn(&OsStr) -> Vec<CompletionCandidate> {
        match self {
            Source::Case => |c| case_ids(ledger_root(), c),
            Source::Member => |c| members(ledger_root(), c),
            Source::Category => |c| categories(ledger_root(), c),
            Source::Escalation => |c| escalation_targets(ledger_root(), c),
        }
    }
}

/// The values an argument completes from, by its name (None: clap's own).
pub fn source(command: &str, arg: &Arg) -> Option<Source> {
    let value_name = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map(|s| s.as_str());
    match (arg.get_id().as_str(), value_name) {
        ("id", _) | (_, Some("ID")) => Some(Source::Case),
        ("member", _) | (_, Some("MEMBER")) => Some(Source::Member),
        ("category", _) => Some(Source::Category),
        ("to", _) if command == "escalate" => Some(Source::Escalation),
        _ => None,
    }
}

/// The ledger the completed command will use: `--ledger DIR` on the line
/// being completed, else `REDRESS_LEDGER`, else the nearest parent holding
/// `policies/`. None when there is none.
fn ledger_root() -> Option<PathBuf> {
    let explicit = ledger_flag(std::env::args_os()).or_else(|| {
        std::env::var_os("REDRESS_LEDGER")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    Ledger::discover(explicit.as_deref()).ok().map(|l| l.root)
}

/// `--ledger DIR` or `--ledger=DIR` among the words the shell passed.
fn ledger_flag(args: impl IntoIterator<Item = OsString>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    let mut found = None;
    while let Some(a) = args.next() {
        if a == "--ledger" {
            found = args.next().map(PathBuf::from);
        } else if let Some(dir) = a.to_str().and_then(|s| s.strip_prefix("--ledger=")) {
            found = Some(PathBuf::from(dir));
        }
    }
    found
}

/// The ledger's case IDs (the file names under `cases/`, nothing parsed)
/// that start with what was typed; when none does, those that end with it
/// (`show` takes a suffix: `k7q2` completes to `20261102-k7q2`).
pub fn case_ids(root: Option<PathBuf>, current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(root) = root else { return vec![] };
    let typed = current.to_string_lossy();
    let (files, _) = Ledger { root }.case_files();
    let ids: Vec<String> = files
        .iter()
        .filter_map(|rel| {
            std::path::Path::new(rel)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .collect();
    let starts: Vec<&String> = ids.iter().filter(|id| id.starts_with(&*typed)).collect();
    let chosen = if starts.is_empty() {
        ids.iter().filter(|id| id.ends_with(&*typed)).collect()
    } else {
        starts
    };
    chosen
        .into_iter()
        .map(|id| CompletionCandidate::new(id.as_str()))
        .collect()
}

/// A policy file as a TOML table; None when it is missing or unreadable
/// or not TOML (completion then offers nothing rather than failing).
fn policy_table(root: Option<PathBuf>, rel: &str) -> Option<toml::Table> {
    let text = crate::policy::read_inside(&root?, rel).ok()?;
    text.parse::<toml::Table>().ok()
}

/// Candidates that start with what was typed, each with its help text.
fn matching(
    pairs: impl IntoIterator<Item = (String, Option<String>)>,
    current: &OsStr,
) -> Vec<CompletionCandidate> {
    let typed = current.to_string_lossy();
    pairs
        .into_iter()
        .filter(|(name, _)| name.starts_with(&*typed))
        .map(|(name, help)| CompletionCandidate::new(name).help(help.map(Into::into)))
        .collect()
}

/// The `[team]` of `policies/escalation.toml`, each with its level.
pub fn members(root: Option<PathBuf>, current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(table) = policy_table(root, crate::policy::ESCALATION) else {
        return vec![];
    };
    let team = table.get("team").and_then(toml::Value::as_table);
    let pairs = team
        .into_iter()
        .flatten()
        .map(|(name, level)| (name.clone(), level.as_str().map(String::from)));
    matching(pairs, current)
}

/// The `levels` and `departments` of `policies/escalation.toml`.
pub fn escalation_targets(root: Option<PathBuf>, current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(table) = policy_table(root, crate::policy::ESCALATION) else {
        return vec![];
    };
    let mut pairs = Vec::new();
    for (key, help) in [("levels", "level"), ("departments", "department")] {
        let names = table.get(key).and_then(toml::Value::as_array);
        for name in names.into_iter().flatten().filter_map(toml::Value::as_str) {
            pairs.push((name.to_string(), Some(help.to_string())));
        }
    }
    matching(pairs, current)
}

/// The categories `policies/categories.toml` declares, with their descriptions.
pub fn categories(root: Option<PathBuf>, current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(table) = policy_table(root, crate::policy::CATEGORIES) else {
        return vec![];
    };
    let pairs = table.iter().map(|(name, v)| {
        let help = v.get("description").and_then(toml::Value::as_str);
        (name.clone(), help.map(String::from))
    });
    matching(pairs, current)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renaming an argument must not silently lose its completion.
    #[test]
    fn the_ledgers_arguments_have_completers() {
        let cmd = command();
        let has = |path: &[&str], arg: &str| {
            let mut c = &cmd;
            for name in path {
                c = c.find_subcommand(name).expect("subcommand");
            }
            c.get_arguments()
                .find(|a| a.get_id() == arg)
                .is_some_and(|a| a.get::<ArgValueCompleter>().is_some())
        };
        for (path, arg) in [
            (&["show"][..], "id"),
            (&["policy", "explain"], "id"),
            (&["ack"], "id"),
            (&["note"], "by"),
            (&["assign"], "member"),
            (&["escalate"], "to"),
            (&["audit"], "case"),
            (&["list"], "assignee"),
            (&["list"], "category"),
            (&["new"], "category"),
        ] {
            assert!(has(path, arg), "{path:?} {arg} has no completer");
        }
        assert!(!has(&["list"], "grep"));
    }

    #[test]
    fn the_ledger_flag_is_read_from_the_line() {
        let words = |w: &[&str]| w.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            ledger_flag(words(&[
                "redress", "--", "redress", "--ledger", "/x", "show", ""
            ])),
            Some(PathBuf::from("/x"))
        );
        assert_eq!(
            ledger_flag(words(&["redress", "--ledger=/y", "show"])),
            Some(PathBuf::from("/y"))
        );
        assert_eq!(ledger_flag(words(&["redress", "show"])), None);
    }

    #[test]
    fn no_ledger_no_candidates() {
        let none = OsStr::new("");
        assert!(case_ids(None, none).is_empty());
        assert!(members(None, none).is_empty());
        assert!(categories(None, none).is_empty());
        assert!(escalation_targets(None, none).is_empty());
    }
}
