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
            Err(anyhow::Error::new(Diagnostics(problems))
                .context(format!("{n} problem(s) in the policies")))
        }
    }
}

/// The policies, or every problem in them and in the optional estimates.toml
/// (report parameters), which is checked too.
fn load_all(root: &std::path::Path) -> Result<Policies, Vec<Diagnostic>> {
    let loaded = crate::policy::load(root);
    let estimates = crate::policy::estimates::load(root);
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

/// One line: what the valid policies hold.
fn summary(p: &Policies) -> String {
    let cats = p
        .categories
        .as_ref()
        .map_or("any".to_string(), |c| c.len().to_string());
    format!(
        "ok: policies are valid — calendar {} ({}), {} deadline rule(s), {} level(s), {} member(s), {} route(s), band {}–{} with {} rule(s), {} categories\n",
        p.calendar.tz,
        p.mode,
        p.rules.len(),
        p.levels.len(),
        p.team.len(),
        p.routes.len(),
        crate::case::money::fixed(p.band.min, 2),
        crate::case::money::fixed(p.band.max, 2),
        p.band_rules.len(),
        cats
    )
}
