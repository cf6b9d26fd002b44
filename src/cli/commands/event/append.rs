//! What every lifecycle verb shares: name the case, build one event, refuse
//! impossible sequences, append it as pure new bytes.

use crate::case::history;
use crate::case::time::Timestamp;
use crate::case::vocab::EventKind;
use crate::case::yaml;
use crate::case::{Case, Event};
use crate::cli::exit::Verdict;
use crate::cli::render::fmt::word;
use crate::cli::session::Session;
use crate::i18n::tr_args;
use crate::policy::Policies;
use anyhow::{Context, Result, bail};

/// The arguments every lifecycle verb takes.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// The case: its ID, or any unique prefix or suffix of it (e.g. k7q2)
    pub id: String,
    /// When it happened (default: now): 2026-11-22T11:02:00-05:00,
    /// 2026-11-22 11:02 (ledger's zone), today 14:30, yesterday 09:00, 14:30, 2h ago
    #[arg(long, value_name = "TIME")]
    pub at: Option<String>,
    /// Accept an --at more than a minute after now (refused by default as a likely typo)
    #[arg(long)]
    pub future: bool,
    /// Who did it (default: REDRESS_USER, then USER)
    #[arg(long, value_name = "MEMBER")]
    pub by: Option<String>,
    /// Refuse the event (exit 2, nothing written) when it breaks a policy;
    /// by default it is recorded with a warning
    #[arg(long)]
    pub strict: bool,
}

/// Appends `kind`, filled in by `fill`, to the named case.
pub fn append(
    session: &Session,
    common: &Common,
    kind: EventKind,
    fill: impl FnOnce(&mut Event),
) -> Result<Verdict> {
    let open = session.open()?;
    open.note_fixed_clock();
    let rel = open.ledger.find(&common.id)?;
    // Held from before the read until after the rename: no other writer can
    // slip an event in between, so none is lost.
    let lock = open.ledger.lock(&rel)?;
    let original = open.ledger.read(&rel)?;
    let case = crate::ledger::parse_and_validate(&original, &rel, &open.policies).map_err(|d| {
        anyhow::Error::new(crate::diag::Diagnostics(d))
            .context(format!("{rel} has problems; fix them before adding events"))
    })?;
    let at = open.event_time("--at", common.at.as_deref(), common.future)?;
    let by = match &common.by {
        Some(b) => b.clone(),
        None => crate::cli::session::default_member()
            .context("say who did it with --by MEMBER, or set REDRESS_USER")?,
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

    // After every event at or before it: ties keep file order.
    let place = case
        .history
        .partition_point(|e| e.at.utc() <= event.at.utc());
    refuse_impossible(&case, &event, place, &open.policies)?;
    let breaches = policy_breaches(&case, &event, place, &rel, &open.policies);
    if common.strict && !breaches.is_empty() {
        bail!(
            "{}\n  {}",
            crate::i18n::tr("event-strict-refused"),
            breaches.join("\n  ")
        );
    }
    write_event(&open, &lock, &rel, &original, &event, place)?;
    drop(lock);
    for b in &breaches {
        eprintln!(
            "{}",
            crate::i18n::tr_args("event-warning", &[("warning", b.clone().into())])
        );
    }
    let mut after = case;
    let inserted = after.history.get(place).map(|next| {
        crate::i18n::tr_args(
            "event-inserted",
            &[
                ("event", word(next.event.as_str()).into()),
                (
                    "at",
                    crate::case::time::short(next.at.utc(), open.tz).into(),
                ),
            ],
        )
    });
    after.history.insert(place, event);
    crate::cli::render::style::print(&format!(
        "{}: {} ({}){}\n",
        after.id,
        word(&kind.to_string()),
        word(history::status_of(&after.history).as_str()),
        inserted.as_deref().unwrap_or_default()
    ))?;
    Ok(Verdict::Pass)
}

/// What the event breaks, in the audit's own words, said at once: the
/// findings about compensation and escalation that the case would gain
/// with it, and a follow-up still due when it closes the case. Deadline
/// findings are left to the audit: they depend on when one looks.
fn policy_breaches(
    case: &Case,
    event: &Event,
    place: usize,
    rel: &str,
    p: &Policies,
) -> Vec<String> {
    use crate::audit::FindingCode as F;
    let as_of = case
        .history
        .iter()
        .map(|e| e.at.utc())
        .chain([event.at.utc()])
        .max()
        .unwrap_or_else(|| event.at.utc());
    let mut after = case.clone();
    after.history.insert(place, event.clone());
    let findings = |c: &Case| {
        let lc = crate::ledger::LoadedCase {
            path: rel.to_string(),
            case: c.clone(),
        };
        crate::audit::audit_case(&lc, p, as_of)
            .findings
            .into_iter()
            .filter(|f| {
                matches!(
                    f.code,
                    F::AuthorityExceeded
                        | F::CompensationBelowBand
                        | F::CompensationAboveBand
                        | F::HarmMissing
                        | F::EscalationMissing
                        | F::ExtensionBeyondPolicy
                        | F::ExtensionUnannounced
                        | F::ExtensionLate
                )
            })
            .map(|f| {
                let message = f.text.render(&crate::cli::render::fmt::amount);
                format!("{} {}: {message}", f.case, f.code.as_str())
            })
            .collect::<Vec<_>>()
    };
    let before = findings(case);
    let mut out: Vec<String> = findings(&after)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect();
    if event.event == EventKind::Closed && place == case.history.len() {
        out.extend(follow_up_due(&after, p));
    }
    out
}

/// Writes `event` as history item number `place`: appended at the end, or
/// (a late entry) inserted before the first later event. Either way the
/// diff is only new lines.
fn write_event(
    open: &crate::cli::session::Open,
    lock: &crate::files::Lock,
    rel: &str,
    original: &str,
    event: &Event,
    place: usize,
) -> Result<()> {
    let indent = yaml::history_indent(original)
        .map_err(anyhow::Error::msg)
        .with_context(|| format!("adding an event to {rel}"))?;
    let addition = yaml::event_to_yaml(event, &indent);
    match yaml::history_item_offset(original, &indent, place) {
        Some(offset) => open
            .ledger
            .insert(lock, rel, original, offset, &addition, &open.policies),
        None => open
            .ledger
            .append(lock, rel, original, &addition, &open.policies),
    }
}

/// Refuses an event the case cannot take: before receipt, out of sequence
/// (for a late entry, also for every event after it), by someone not on the
/// team, or one the verb's rules forbid.
fn refuse_impossible(case: &Case, event: &Event, place: usize, p: &Policies) -> Result<()> {
    if event.at.utc() < case.received.utc() {
        let args = [
            ("at", event.at.to_string().into()),
            ("id", case.id.clone().into()),
            ("received", case.received.to_string().into()),
        ];
        bail!("{}", tr_args("event-before-receipt", &args));
    }
    let mut history = case.history.clone();
    history.insert(place, event.clone());
    for i in place..history.len() {
        let Some(msg) = history::sequence_error(&history[..i], history[i].event) else {
            continue;
        };
        if i == place {
            bail!("{}", cannot_record(case, event, &msg));
        }
        let args = [
            ("event", event.event.to_string().into()),
            ("at", event.at.to_string().into()),
            ("id", case.id.clone().into()),
            ("later", history[i].event.to_string().into()),
            ("later_at", history[i].at.to_string().into()),
            ("problem", worded(&msg).into()),
        ];
        bail!("{}", tr_args("event-cannot-insert", &args));
    }
    if !p.team.contains_key(&event.by) {
        let names: Vec<&str> = p.team.keys().map(String::as_str).collect();
        bail!(
            "{}\n  = help: {}",
            crate::cli::lang::unknown_value("team member", &event.by, &names),
            crate::i18n::tr_args(
                "anonymise-by-unknown-help",
                &[("by", event.by.clone().into())]
            )
        );
    }
    if let Some(msg) = history::verb_refusal(&case.history[..place], event.event) {
        bail!("{}", cannot_record(case, event, &msg));
    }
    Ok(())
}

/// A refusal from the case's rules, in the language in force.
fn worded(msg: &crate::i18n::Msg) -> String {
    msg.render(&|d, cur| crate::cli::render::fmt::amount(d, cur))
}

fn cannot_record(case: &Case, event: &Event, msg: &crate::i18n::Msg) -> String {
    let args = [
        ("event", event.event.to_string().into()),
        ("id", case.id.clone().into()),
        ("problem", worded(msg).into()),
    ];
    tr_args("event-cannot-record", &args)
}

/// Closing does not stop the follow-up clock: say so when one is still due.
fn follow_up_due(case: &Case, p: &Policies) -> Option<String> {
    let closed = case.history.last().map(|e| e.at.utc())?;
    let c = crate::clock::clocks(case, p, closed)
        .into_iter()
        .find(|c| c.clock == crate::policy::ClockKind::FollowUp && c.is_open())?;
    let when = c.due.map_or_else(
        || crate::i18n::tr("event-when-pause-ends"),
        |d| crate::case::time::short(d, p.tz()),
    );
    Some(crate::i18n::tr_args(
        "event-follow-up-due",
        &[("id", case.id.clone().into()), ("when", when.into())],
    ))
}
