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
