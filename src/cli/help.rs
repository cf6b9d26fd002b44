//! The command line as clap sees it, in the language in force: English
//! help lives in the derive attributes of `args.rs` and the commands; in
//! French every about and help line is replaced from the catalogue
//! (`help-<command path>` and `help-<command path>-arg-<arg id>`), and
//! clap's headings are translated.

use crate::cli::Cli;
use crate::i18n::{self, Lang};
use clap::{Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// Parses `args` with the help of the language in force.
pub fn parse(args: Vec<OsString>) -> Result<Cli, clap::Error> {
    let mut cmd = command();
    let matches = cmd.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// The clap command in the language in force (also used by `man` and
/// `completions`).
pub fn command() -> Command {
    let mut cmd = Cli::command();
    match i18n::current() {
        Lang::En => cmd,
        Lang::Fr => {
            // Built first, so that global flags and --help/--version are
            // present in every subcommand to be translated.
            cmd.build();
            localise(cmd, "help")
        }
    }
}

/// The catalogue id of a command's about line: `help`, `help-list`,
/// `help-policy-explain`.
pub fn command_id(prefix: &str, name: &str) -> String {
    format!("{prefix}-{name}")
}

/// What clap appends to a help line (`[default: …] [possible values: …]
/// [env: …]`), in the language in force, since clap writes it in English.
fn suffix(a: &clap::Arg) -> String {
    let mut s = String::new();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() && a.get_action().takes_values() {
        s.push_str(&i18n::tr_args(
            "clap-default",
            &[("value", defaults.join(", ").into())],
        ));
    }
    let values: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && !a.is_hide_possible_values_set() {
        s.push_str(&i18n::tr_args(
            "clap-possible",
            &[("values", values.join(", ").into())],
        ));
    }
    if let Some(env) = a.get_env().filter(|_| !a.is_hide_env_set()) {
        s.push_str(&i18n::tr_args(
            "clap-env",
            &[("name", env.to_string_lossy().into_owned().into())],
        ));
    }
    s
}

fn localise(cmd: Command, id: &str) -> Command {
    let mut cmd = cmd
        .help_template(i18n::tr("clap-help-template"))
        .subcommand_help_heading(i18n::tr("clap-heading-commands"))
        .next_help_heading(i18n::tr("clap-heading-options"));
    // clap's own `help` subcommand has no id of its own.
    let about = i18n::try_tr(id)
        .or_else(|| (cmd.get_name() == "help").then(|| i18n::tr("clap-help-subcommand")));
    if let Some(about) = about {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    if let Some(after) = i18n::try_tr(&format!("{id}-after")) {
        cmd = cmd.after_help(after).after_long_help(None::<&str>);
    }
    let global = i18n::tr("clap-heading-global");
    let args = i18n::tr("clap-heading-arguments");
    let options = i18n::tr("clap-heading-options");
    cmd = cmd.mut_args(|a| {
        let key = format!("{id}-arg-{}", a.get_id());
        let heading = match a.get_help_heading() {
            Some("Global options") => global.clone(),
            Some(h) => h.to_string(),
            None if a.is_positional() => args.clone(),
            None => options.clone(),
        };
        let a = a.help_heading(heading);
        let help = i18n::try_tr(&key)
            .or_else(|| i18n::try_tr(&format!("help-arg-{}", a.get_id())))
            .unwrap_or_default();
        let help = format!("{help}{}", suffix(&a)).trim().to_string();
        match (!help.is_empty()).then_some(help) {
            Some(help) => a
                .help(help)
                .long_help(None::<&str>)
                .hide_possible_values(true)
                .hide_default_value(true)
                .hide_env(true),
            None => a,
        }
    });
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let sub_id = command_id(id, &name);
        cmd = cmd.mut_subcommand(&name, |s| localise(s, &sub_id));
    }
    cmd
}
