//! Which language this run speaks, decided before clap parses the command
//! line so that `--help` and clap's own errors can already be French.

use crate::i18n::{self, Lang};
use std::ffi::OsString;

/// `--lang X` or `--lang=X` anywhere on the command line (the last wins,
/// as clap would have it). An unknown tag is left for clap to refuse.
fn flag(args: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::from_tag) {
            found = Some(lang);
        }
    }
    found
}

/// `--ledger DIR` / `--ledger=DIR` as typed, for finding the ledger's default.
fn ledger_flag(args: &[OsString]) -> Option<std::path::PathBuf> {
    let mut found = None;
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        let s = a.to_string_lossy();
        if s == "--" {
            break;
        }
        if s == "--ledger" {
            found = it.next().map(std::path::PathBuf::from);
        } else if let Some(v) = s.strip_prefix("--ledger=") {
            found = Some(v.into());
        }
    }
    found.or_else(|| std::env::var_os("REDRESS_LEDGER").map(Into::into))
}

/// Decides the language from the command line, the environment, the
/// ledger's `policies/ledger.toml` and the locale, and puts it in force.
pub fn settle(args: &[OsString]) {
    let flag = flag(args);
    let _ = FLAG.set(flag);
    let env = |name: &str| std::env::var(name).ok();
    // The ledger is only looked for when nothing before it decided.
    let ledger_default = if flag.is_none() && env("REDRESS_LANG").is_none() {
        crate::ledger::Ledger::discover(ledger_flag(args).as_deref())
            .ok()
            .and_then(|l| l.default_language().ok().flatten())
            .and_then(|tag| Lang::from_tag(&tag))
    } else {
        None
    };
    i18n::set(i18n::choose(flag, ledger_default, env));
}

static FLAG: std::sync::OnceLock<Option<Lang>> = std::sync::OnceLock::new();

/// The language typed on the command line (`--lang`), if any: what
/// `init --lang fr` records as the ledger's default. `REDRESS_LANG` is a
/// person's choice, not the ledger's, so it is not recorded.
pub fn from_flag() -> Option<Lang> {
    FLAG.get().copied().flatten()
}

/// clap's check of `--lang`: a language redress speaks.
pub fn parse_lang(s: &str) -> Result<String, String> {
    match Lang::from_tag(s) {
        Some(l) => Ok(l.code().to_string()),
        None => Err(i18n::tr_args(
            "error-unknown-language",
            &[("value", s.to_string().into())],
        )),
    }
}

/// [`crate::suggest::unknown_value`] worded in the language in force: for a value typed
/// on the command line. Diagnostics of files keep its
/// English, since machine formats carry them.
pub fn unknown_value(what: &str, value: &str, names: &[&str]) -> String {
    crate::suggest::unknown_value_msg(what, value, names).plain()
}

/// clap's refusal of a command line in the language in force: `None` in
/// English (clap words it itself) and for `--help` and `--version`, which
/// are not refusals. clap writes only English, so the French is built from
/// the error's kind and context, in clap's own layout: the problem, the
/// possible values, tips, usage, and where to learn more.
pub fn clap_error(e: &clap::Error) -> Option<String> {
    use clap::error::ErrorKind as K;
    if i18n::current() == Lang::En
        || matches!(
            e.kind(),
            K::DisplayHelp | K::DisplayVersion | K::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return None;
    }
    let mut out = i18n::tr_args("error-line", &[("error", clap_problem(e).into())]);
    out.push_str(&clap_tips(e));
    if let Some(usage) = clap_text(e, clap::error::ContextKind::Usage) {
        let usage = usage.strip_prefix("Usage:").map_or(usage.clone(), |rest| {
            format!("{}{rest}", i18n::tr("clap-usage-label"))
        });
        out.push_str(&format!("\n\n{usage}"));
    }
    out.push_str(&format!("\n\n{}\n", i18n::tr("clap-more-information")));
    Some(out)
}

/// A context value as text (a list joined by ", ").
fn clap_text(e: &clap::Error, kind: clap::error::ContextKind) -> Option<String> {
    use clap::error::ContextValue as V;
    match e.get(kind)? {
        V::String(s) => Some(s.clone()),
        V::Strings(v) => Some(v.join(", ")),
        V::StyledStr(s) => Some(s.to_string()),
        V::Number(n) => Some(n.to_string()),
        V::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The first line: what is wrong with the command line.
fn clap_problem(e: &clap::Error) -> String {
    use clap::error::{ContextKind as C, ErrorKind as K};
    let text = |k| clap_text(e, k).unwrap_or_default();
    let (arg, value) = (text(C::InvalidArg), text(C::InvalidValue));
    let kind = match e.kind() {
        K::InvalidValue if value.is_empty() => "value-required",
        K::InvalidValue => "invalid-value",
        K::ValueValidation if std::error::Error::source(e).is_some() => "invalid-value-reason",
        K::ValueValidation => "invalid-value",
        K::UnknownArgument => "unknown-argument",
        K::InvalidSubcommand => "unknown-subcommand",
        K::MissingRequiredArgument => "missing-required",
        K::MissingSubcommand => "missing-subcommand",
        K::ArgumentConflict if text(C::PriorArg) == arg => "used-twice",
        K::ArgumentConflict => "conflict",
        K::NoEquals => "no-equals",
        K::TooManyValues => "too-many-values",
        K::TooFewValues | K::WrongNumberOfValues => "wrong-number",
        _ => "other",
    };
    let reason = std::error::Error::source(e).map(ToString::to_string);
    let required: Vec<String> = match e.get(C::InvalidArg) {
        Some(clap::error::ContextValue::Strings(v)) => {
            v.iter().map(|a| format!("\n  {a}")).collect()
        }
        _ => Vec::new(),
    };
    let args = [
        ("kind", kind.into()),
        ("arg", arg.into()),
        ("value", value.into()),
        ("prior", text(C::PriorArg).into()),
        ("sub", text(C::InvalidSubcommand).into()),
        ("required", required.concat().into()),
        ("expected", text(C::ExpectedNumValues).into()),
        ("actual", text(C::ActualNumValues).into()),
        ("reason", reason.unwrap_or_default().into()),
    ];
    i18n::tr_args("clap-problem", &args)
}

/// The possible values and the "did you mean" tips, each on its line.
fn clap_tips(e: &clap::Error) -> String {
    use clap::error::ContextKind as C;
    let mut out = String::new();
    if matches!(e.kind(), clap::error::ErrorKind::InvalidValue)
        && let Some(values) = clap_text(e, C::ValidValue).filter(|v| !v.is_empty())
    {
        out.push_str(&format!(
            "\n  {}",
            i18n::tr_args("clap-error-possible", &[("values", values.into())])
        ));
    }
    let mut tips = Vec::new();
    for (kind, what) in [
        (C::SuggestedSubcommand, "subcommand"),
        (C::SuggestedArg, "argument"),
        (C::SuggestedValue, "value"),
    ] {
        if let Some(similar) = clap_text(e, kind) {
            let args = [("what", what.into()), ("similar", similar.into())];
            tips.push(i18n::tr_args("clap-tip-similar", &args));
        }
    }
    if let Some(clap::error::ContextValue::StyledStrs(more)) = e.get(C::Suggested) {
        tips.extend(more.iter().map(|t| clap_suggestion(&t.to_string())));
    }
    if !tips.is_empty() {
        out.push('\n');
    }
    for tip in tips {
        out.push_str(&format!(
            "\n  {}",
            i18n::tr_args("clap-tip", &[("tip", tip.into())])
        ));
    }
    out
}

/// clap's other tip, `to pass '-x' as a value, use '-- -x'`, in French;
/// any other as clap wrote it.
fn clap_suggestion(tip: &str) -> String {
    let parts: Vec<&str> = tip.split('\'').collect();
    match parts.as_slice() {
        ["to pass ", arg, " as a value, use ", use_, ""] => i18n::tr_args(
            "clap-tip-as-value",
            &[("arg", (*arg).into()), ("use", (*use_).into())],
        ),
        _ => tip.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(v: &[&str]) -> Vec<OsString> {
        v.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_flag_is_found_before_parsing() {
        assert_eq!(
            flag(&args(&["redress", "--lang", "fr", "audit"])),
            Some(Lang::Fr)
        );
        assert_eq!(
            flag(&args(&["redress", "audit", "--lang=fr-CA"])),
            Some(Lang::Fr)
        );
        assert_eq!(flag(&args(&["redress", "audit"])), None);
        assert_eq!(
            flag(&args(&["redress", "note", "x", "--", "--lang", "fr"])),
            None
        );
        assert_eq!(
            ledger_flag(&args(&["redress", "--ledger", "/x", "list"])),
            Some("/x".into())
        );
    }
}
