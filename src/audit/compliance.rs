//! Findings of regulated complaint handling: extensions (`extension-*`),
//! personal data kept past its retention (`retention-due`), and events
//! dated before a deadline but recorded after it (`recorded-late`, from
//! `audit --git`).

use super::{FindingCode, describe_target};
use crate::case::Case;
use crate::case::history::{History, status_of};
use crate::case::time::short;
use crate::case::vocab::{EventKind, Status};
use crate::clock::{self, Clock, ClockState};
use crate::policy::Policies;
use chrono::{DateTime, Utc};

/// A finding before it is attached to its case: code, due, at, message.
pub type Raw = (FindingCode, Option<DateTime<Utc>>, DateTime<Utc>, String);

/// One finding per fault of each `extended` event.
pub fn extensions(case: &Case, p: &Policies, as_of: DateTime<Utc>) -> Vec<Raw> {
    let tz = p.tz();
    let mode = p
        .clock_policy(case, crate::policy::ClockKind::Resolve)
        .map(|c| c.mode);
    let mut out = Vec::new();
    for x in clock::extension::of_case(case, p, as_of) {
        let Some(to) = x.to else { continue };
        let to_text = mode.map_or_else(|| to.to_string(), |m| describe_target(to, m));
        if x.beyond {
            let message = match (&x.max, mode) {
                (Some((rule, max)), Some(m)) => format!(
                    "extended to {to_text}, beyond the {} the policy allows (rule: {rule}); the deadline stays where it was",
                    describe_target(*max, m)
                ),
                _ => format!(
                    "extended to {to_text}, but the policy allows no extension (no `max_extension`); the deadline stays where it was"
                ),
            };
            out.push((FindingCode::ExtensionBeyondPolicy, None, x.at, message));
        }
        if !x.announced {
            let message = format!(
                "extended to {to_text} without telling the customer: no `updated` at or before it in this cycle; the deadline stays where it was"
            );
            out.push((FindingCode::ExtensionUnannounced, None, x.at, message));
        }
        if x.late
            && let Some(due) = x.original_due
        {
            let message = format!(
                "extended to {to_text} on {}, after the deadline of {} had passed; the deadline stays where it was",
                short(x.at, tz),
                short(due, tz)
            );
            out.push((FindingCode::ExtensionLate, Some(due), x.at, message));
        }
    }
    out
}

/// A closed case whose retention has run out and that is not anonymised.
pub fn retention(case: &Case, p: &Policies, as_of: DateTime<Utc>) -> Option<Raw> {
    let history = clock::history_at(case, as_of);
    if status_of(history) != Status::Closed || history.has(EventKind::Anonymised) {
        return None;
    }
    let (rule, keep) = p.retention(case)?;
    let closed = history.last_of(EventKind::Closed)?.at.utc();
    let due = keep.due(closed, p.tz());
    (as_of >= due).then(|| {
        let message = format!(
            "closed on {}; the policy keeps personal data {keep} after closing (rule: {rule}): run `redress anonymise {}`",
            short(closed, p.tz()),
            case.id
        );
        (FindingCode::RetentionDue, Some(due), due, message)
    })
}

pub use crate::ledger::git_times::CommitTimes;

/// Events that stopped a clock on time by their date, but were committed
/// more than the tolerance after the deadline.
pub fn recorded_late(
    case: &Case,
    clocks: &[Clock],
    p: &Policies,
    committed: &CommitTimes,
) -> Vec<Raw> {
    let tz = p.tz();
    let mut out = Vec::new();
    for c in clocks.iter().filter(|c| c.state == ClockState::Met) {
        let (Some(due), Some(stopped)) = (c.due, c.stopped) else {
            continue;
        };
        for e in case.history.iter().filter(|e| e.at.utc() == stopped) {
            let key = (case.id.clone(), stopped, e.event.to_string());
            let Some(&at) = committed.get(&key) else {
                continue;
            };
            if at > due + p.recorded_late_tolerance {
                let message = format!(
                    "`{}` dated {} stopped the {} clock before its deadline ({}), but was first committed {}, {} after it",
                    e.event,
                    short(stopped, tz),
                    c.clock.as_str(),
                    short(due, tz),
                    short(at, tz),
                    crate::case::time::span((at - due).num_seconds())
                );
                out.push((FindingCode::RecordedLate, Some(due), at, message));
                break;
            }
        }
    }
    out
}
