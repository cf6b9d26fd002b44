//! What every lifecycle verb shares: name the case, build one event, refuse
//! impossible sequences, append it as pure new bytes.

use super::Ctx;
use crate::Verdict;
use crate::case::Event;
use crate::history;
use crate::time::Timestamp;
use crate::vocab::EventKind;
use crate::yaml;
use anyhow::{Context, Result, bail};

/// The arguments every lifecycle verb takes.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// The case: its ID, or any unique prefix or suffix of it (e.g. k7q2)
    pub id: String,
    /// When it happened (default: now), e.g. 2026-11-22T11:02:00-05:00
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Who did it (default: REDRESS_USER, then USER)
    #[arg(long, value_name = "MEMBER")]
    pub by: Option<String>,
}

/// Appends `kind`, filled in by `fill`, to the named case.
pub fn append(
    ctx: &Ctx,
    common: &Common,
    kind: EventKind,
    fill: impl FnOnce(&mut Event),
) -> Result<Verdict> {
    let open = ctx.open()?;
    let rel = open.ledger.find(&common.id)?;
    let original = crate::case::read(&open.ledger.abs(&rel), &rel).map_err(|d| {
        anyhow::Error::new(crate::diag::Diagnostics(vec![d]))
            .context(format!("{rel} has problems; fix them before adding events"))
    })?;
    let case = crate::ledger::parse_and_validate(&original, &rel, &open.policies).map_err(|d| {
        anyhow::Error::new(crate::diag::Diagnostics(d))
            .context(format!("{rel} has problems; fix them before adding events"))
    })?;
    let at = match &common.at {
        Some(t) => crate::time::parse_in(t, open.tz)
            .map_err(anyhow::Error::msg)
            .context("reading --at")?,
        None => open.now,
    };
    let by = match &common.by {
        Some(b) => b.clone(),
        None => default_member().context("say who did it with --by MEMBER, or set REDRESS_USER")?,
    };
    let mut event = Event::new(
        kind,
        Timestamp {
            at,
            date_only: false,
        },
        by,
    );
    fill(&mut event);

    if event.at.utc() < case.received.utc() {
        bail!(
            "{} is before case {} was received ({}): events happen after receipt",
            event.at,
            case.id,
            case.received
        );
    }
    if let Some(last) = case.history.last()
        && event.at.utc() < last.at.utc()
    {
        bail!(
            "{} is earlier than the case's last event (`{}` at {}): history is kept in time order",
            event.at,
            last.event,
            last.at
        );
    }
    if let Some(msg) = history::sequence_error(&case.history, kind) {
        bail!("cannot record `{kind}` on {}: {msg}", case.id);
    }
    if !open.policies.team.contains_key(&event.by) {
        let names: Vec<&str> = open.policies.team.keys().map(String::as_str).collect();
        bail!(
            "{}\n  = help: pass --by MEMBER, or add `{}` to [team] in policies/escalation.toml",
            crate::suggest::unknown_value("team member", &event.by, &names),
            event.by
        );
    }
    let indent = yaml::history_indent(&original)
        .map_err(anyhow::Error::msg)
        .with_context(|| format!("appending to {rel}"))?;
    let addition = yaml::event_to_yaml(&event, &indent);
    open.ledger
        .append(&rel, &original, &addition, &open.policies)?;
    let mut history = case.history.clone();
    history.push(event);
    crate::output::print(&format!(
        "{}: {kind} ({})\n",
        case.id,
        history::status_of(&history)
    ))?;
    Ok(Verdict::Pass)
}

/// REDRESS_USER, then USER.
pub fn default_member() -> Result<String> {
    ["REDRESS_USER", "USER"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .context("no team member given and neither REDRESS_USER nor USER is set")
}
