//! The user's language: which one is in force, and the catalogue of
//! messages in `i18n/en/*.ftl` and `i18n/fr/*.ftl` (Project Fluent).
//!
//! A leaf module: it knows nothing of cases or policies, so every layer may
//! name it. Machine formats (JSON, CSV, the case files) never go through it.

mod catalogue;
mod msg;

pub use catalogue::{tr, tr_args, try_tr};
pub use msg::{Arg, Msg, VERBATIM, reason, reason_for, recall, span};

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language redress speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// `en`, `fr`, `fr-CA`, `fr_CA.UTF-8`, `en_US`…: the language part.
    /// `C`, `POSIX` and languages redress does not speak give `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let lower = tag.trim().to_ascii_lowercase();
        let primary = lower.split(['-', '_', '.', '@']).next().unwrap_or_default();
        match primary {
            "fr" | "français" | "francais" | "french" => Some(Lang::Fr),
            "en" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }

    /// The tag used in files and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// Where the language comes from, in order of precedence: `--lang`, then
/// `REDRESS_LANG`, then the ledger's default, then the POSIX locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`: the first one set decides, except that
/// `C` and `POSIX` are skipped: they mean "no locale chosen", and many
/// containers set `LC_ALL=C.UTF-8` beside a user's `LANG=fr_CA.UTF-8`), then
/// English. `env` reads a variable (the process environment in production).
pub fn choose(
    flag: Option<Lang>,
    ledger_default: Option<Lang>,
    env: impl Fn(&str) -> Option<String>,
) -> Lang {
    let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let chosen = |name: &str| set(name).filter(|v| !is_no_locale(v));
    flag.or_else(|| set("REDRESS_LANG").and_then(|v| Lang::from_tag(&v)))
        .or(ledger_default)
        .or_else(|| {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|name| chosen(name))
                .and_then(|v| Lang::from_tag(&v))
        })
        .unwrap_or(Lang::En)
}

/// `C`, `C.UTF-8`, `POSIX`: the locale of no language.
fn is_no_locale(value: &str) -> bool {
    let base = value.trim().split(['.', '@']).next().unwrap_or_default();
    base.eq_ignore_ascii_case("C") || base.eq_ignore_ascii_case("POSIX")
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A test's language, so tests in one process can render both.
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the language of the process (once, when the command line is read).
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language in force.
pub fn current() -> Lang {
    if let Some(lang) = OVERRIDE.with(Cell::get) {
        return lang;
    }
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Fr,
        _ => Lang::En,
    }
}

/// Runs `f` with `lang` in force on this thread (tests).
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(lang)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn tags_read_the_language_part() {
        assert_eq!(Lang::from_tag("fr_CA.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C.UTF-8"), None);
        assert_eq!(Lang::from_tag("de_DE"), None);
    }

    #[test]
    fn precedence_is_flag_env_ledger_locale_english() {
        let all = [("REDRESS_LANG", "en"), ("LANG", "fr_CA.UTF-8")];
        assert_eq!(choose(Some(Lang::Fr), Some(Lang::En), env(&all)), Lang::Fr);
        assert_eq!(choose(None, Some(Lang::Fr), env(&all)), Lang::En);
        assert_eq!(
            choose(None, Some(Lang::Fr), env(&[("LANG", "en_US")])),
            Lang::Fr
        );
        assert_eq!(
            choose(None, None, env(&[("LANG", "fr_CA.UTF-8")])),
            Lang::Fr
        );
        // LC_ALL wins over LANG, even when it names a language we lack...
        let de = [("LC_ALL", "de_DE.UTF-8"), ("LANG", "fr_CA.UTF-8")];
        assert_eq!(choose(None, None, env(&de)), Lang::En);
        // ...but C and POSIX name no language: LANG decides.
        let c = [("LC_ALL", "C.UTF-8"), ("LANG", "fr_CA.UTF-8")];
        assert_eq!(choose(None, None, env(&c)), Lang::Fr);
        let posix = [("LC_ALL", "POSIX"), ("LC_MESSAGES", "C"), ("LANG", "en_CA")];
        assert_eq!(choose(None, None, env(&posix)), Lang::En);
        assert_eq!(choose(None, None, env(&[])), Lang::En);
    }

    #[test]
    fn a_thread_can_override_the_language() {
        assert_eq!(with_lang(Lang::Fr, current), Lang::Fr);
        assert_eq!(with_lang(Lang::En, current), Lang::En);
    }
}
