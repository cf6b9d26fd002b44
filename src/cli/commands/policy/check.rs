//! `redress policy check`: validate the policy files, estimates.toml too.

use crate::cli::exit::Verdict;
use crate::cli::session::Session;
use crate::diag::{Diagnostic, Diagnostics};
use crate::policy::Policies;
use anyhow::Result;

pub fn run(session: &Session) -> Result<Verdict> {
    let ledger = session.ledger()?;
    match load_all(&ledger.root) {
        Ok(p) => {
            crate::cli::render::style::print(&summary(&p))?;
            Ok(Verdict::Pass)
        }
        Err(problems) => {
            let n = problems.len();
            Err(
                anyhow::Error::new(Diagnostics(problems)).context(crate::i18n::tr_args(
                    "policy-check-problems",
                    &[("count", (n as i64).into())],
                )),
            )
        }
    }
}

/// The policies, or every problem in them and in the optional estimates.toml
/// (report parameters), which is checked too.
fn load_all(root: &std::path::Path) -> Result<Policies, Vec<Diagnostic>> {
    let loaded = crate::policy::load(root);
    let mut estimates = crate::policy::estimates::load(root);
    let settings = settings_problems(root);
    if !settings.is_empty() {
        estimates = Err(match estimates {
            Ok(_) => settings,
            Err(mut e) => {
                e.extend(settings);
                e
            }
        });
    }
    match (loaded, estimates) {
        (Ok(p), Ok(_)) => Ok(p),
        (Ok(_), Err(e)) => Err(e),
        (Err(mut d), Err(e)) => {
            d.extend(e);
            Err(d)
        }
        (Err(d), Ok(_)) => Err(d),
    }
}

/// `policies/ledger.toml`, when present: TOML whose `language` is a
/// language redress speaks (what `init --lang` writes).
fn settings_problems(root: &std::path::Path) -> Vec<Diagnostic> {
    use crate::diag::DiagCode;
    let rel = crate::ledger::LEDGER_SETTINGS;
    let Ok(text) = std::fs::read_to_string(root.join(rel)) else {
        return Vec::new();
    };
    let table: toml::Table = match toml::from_str(&text) {
        Ok(t) => t,
        Err(e) => {
            let message = crate::diag::reader_message(e.message());
            return vec![Diagnostic::new(rel, DiagCode::PolicyInvalid, message)];
        }
    };
    let mut out = Vec::new();
    for (key, value) in &table {
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with(key.as_str()))
            .map_or(1, |i| i + 1);
        let problem = match (key.as_str(), value.as_str()) {
            ("language", Some(tag)) if crate::i18n::Lang::from_tag(tag).is_some() => continue,
            ("language", _) => crate::suggest::unknown_value_msg(
                "language",
                value.to_string().trim_matches('"'),
                &["en", "fr"],
            ),
            _ => crate::suggest::unknown_value_msg("setting", key, &["language"]),
        };
        out.push(Diagnostic::new(rel, DiagCode::PolicyInvalid, problem).at(line, 1));
    }
    out
}

/// One line: what the valid policies hold.
fn summary(p: &Policies) -> String {
    let cats = p
        .categories
        .as_ref()
        .map_or(crate::i18n::tr("policy-check-any"), |c| c.len().to_string());
    let n = |x: usize| x.to_string().into();
    crate::i18n::tr_args(
        "policy-check-ok",
        &[
            ("tz", p.calendar.tz.to_string().into()),
            (
                "mode",
                crate::cli::render::fmt::word(&p.mode.to_string()).into(),
            ),
            ("rules", n(p.rules.len())),
            ("levels", n(p.levels.len())),
            ("members", n(p.team.len())),
            ("routes", n(p.routes.len())),
            (
                "min",
                crate::cli::render::fmt::decimal(crate::case::money::fixed(p.band.min, 2)).into(),
            ),
            (
                "max",
                crate::cli::render::fmt::decimal(crate::case::money::fixed(p.band.max, 2)).into(),
            ),
            ("band_rules", n(p.band_rules.len())),
            ("categories", cats.into()),
        ],
    ) + "\n"
}
