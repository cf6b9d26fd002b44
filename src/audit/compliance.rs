//! Findings of regulated complaint handling: extensions (`extension-*`),
//! personal data kept past its retention (`retention-due`), and events
//! dated before a deadline but recorded after it (`recorded-late`, from
//! `audit --git`).

use super::{FindingCode, target_arg};
use crate::case::Case;
use crate::case::history::{History, status_of};
use crate::case::time::short;
use crate::case::vocab::{EventKind, Status};
use crate::clock::{self, Clock, ClockState};
use crate::i18n::{Arg, Msg};
use crate::policy::Policies;
use chrono::{DateTime, Utc};

/// A finding before it is attached to its case: code, due, at, message.
pub type Raw = (FindingCode, Option<DateTime<Utc>>, DateTime<Utc>, Msg);

/// One finding per fault of each `extended` event.
pub fn extensions(case: &Case, p: &Policies, as_of: DateTime<Utc>) -> Vec<Raw> {
    let tz = p.tz();
    let mode = p
        .clock_policy(case, crate::policy::ClockKind::Resolve)
        .map(|c| c.mode);
    let mut out = Vec::new();
    for x in clock::extension::of_case(case, p, as_of) {
        let Some(to) = x.to else { continue };
        let to_text: Arg = mode.map_or_else(|| to.to_string().into(), |m| target_arg(to, m));
        if x.beyond {
            let message = match (&x.max, mode) {
                (Some((rule, max)), Some(m)) => Msg::new("finding-extension-beyond")
                    .arg("to", to_text.clone())
                    .arg("max", target_arg(*max, m))
                    .arg("rule", rule.to_string()),
                _ => Msg::new("finding-extension-none").arg("to", to_text.clone()),
            };
            out.push((FindingCode::ExtensionBeyondPolicy, None, x.at, message));
        }
        if !x.announced {
            let message = Msg::new("finding-extension-unannounced").arg("to", to_text.clone());
            out.push((FindingCode::ExtensionUnannounced, None, x.at, message));
        }
        if x.late
            && let Some(due) = x.original_due
        {
            let message = Msg::new("finding-extension-late")
                .arg("to", to_text.clone())
                .arg("at", short(x.at, tz))
                .arg("due", short(due, tz));
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
        let message = Msg::new("finding-retention-due")
            .arg("closed", short(closed, p.tz()))
            .arg("keep", keep.to_string())
            .arg("rule", rule.to_string())
            .arg("id", case.id.clone());
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
                let message = Msg::new("finding-recorded-late")
                    .arg("event", e.event.to_string())
                    .arg("stopped", short(stopped, tz))
                    .arg("clock", c.clock.as_str())
                    .arg("due", short(due, tz))
                    .arg("at", short(at, tz))
                    .arg("late", Arg::Span((at - due).num_seconds()));
                out.push((FindingCode::RecordedLate, Some(due), at, message));
                break;
            }
        }
    }
    out
}
