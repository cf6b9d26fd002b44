//! The clocks of a case (docs/clocks-and-audit.md): when each started, when it is due, when
//! it stopped, and whether it was met or breached as of an instant.

pub mod extension;

use crate::case::vocab::EventKind;
use crate::case::{Case, Event};
use crate::policy::calendar::{Mode, Pause, Target};
use crate::policy::{ClockKind, Policies};
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClockState {
    Met,
    Breached,
    Running,
    Paused,
}

impl ClockState {
    pub fn as_str(self) -> &'static str {
        match self {
            ClockState::Met => "met",
            ClockState::Breached => "breached",
            ClockState::Running => "running",
            ClockState::Paused => "paused",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    pub clock: ClockKind,
    /// 1, 2, … per kind: resolve cycles, update gaps, resolutions.
    pub cycle: u32,
    pub rule: String,
    pub mode: Mode,
    pub target: Target,
    pub started: DateTime<Utc>,
    /// None while an unresumed pause holds the count short of the target.
    pub due: Option<DateTime<Utc>>,
    pub stopped: Option<DateTime<Utc>>,
    pub state: ClockState,
}

impl Clock {
    pub fn is_open(&self) -> bool {
        self.stopped.is_none()
    }
}

/// The events that had happened at `as_of`: an audit as of a past instant
/// sees the ledger as it stood then.
pub fn history_at(case: &Case, as_of: DateTime<Utc>) -> &[Event] {
    let n = case
        .history
        .iter()
        .take_while(|e| e.at.utc() <= as_of)
        .count();
    &case.history[..n]
}

/// Pauses from `paused` to the next `resumed` (open when not resumed). A
/// resolution ends an unresumed pause: the decision is what the case waited
/// for, and clocks that start with it (follow-up, a later reopening) run.
pub fn pauses(history: &[Event]) -> Vec<Pause> {
    indexed_pauses(history)
        .into_iter()
        .map(|(_, p)| p)
        .collect()
}

/// [`pauses`], each with the index in the history of the `paused` event that
/// began it: "before a clock stopped" is decided in file order, so that
/// events at the same instant keep the order they stand in.
fn indexed_pauses(history: &[Event]) -> Vec<(usize, Pause)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, e) in history.iter().enumerate() {
        match e.event {
            EventKind::Paused if start.is_none() => start = Some((i, e.at.utc())),
            EventKind::Resumed | EventKind::Resolved => {
                if let Some((at, s)) = start.take() {
                    let end = Some(e.at.utc());
                    out.push((at, Pause { start: s, end }));
                }
            }
            _ => {}
        }
    }
    if let Some((at, s)) = start {
        out.push((
            at,
            Pause {
                start: s,
                end: None,
            },
        ));
    }
    out
}

/// The pauses that move a clock's due time. A clock that has stopped keeps
/// the due time it had: pauses that begin after its stop (in file order)
/// do not move it. A running clock waits on every pause.
fn pauses_for(indexed: &[(usize, Pause)], stop_index: Option<usize>) -> Vec<Pause> {
    indexed
        .iter()
        .filter(|(at, _)| stop_index.is_none_or(|stop| *at < stop))
        .map(|(_, p)| *p)
        .collect()
}

/// A clock's span: its kind, when it started, and the event that stopped it
/// (its index in the history and its time), if any.
type Span = (ClockKind, DateTime<Utc>, Option<(usize, DateTime<Utc>)>);

/// Every clock of a case as of `as_of`, in this order: acknowledge,
/// resolve cycles, update gaps, follow-ups.
pub fn clocks(case: &Case, p: &Policies, as_of: DateTime<Utc>) -> Vec<Clock> {
    let history = history_at(case, as_of);
    let received = case.received.utc();
    let mut spans: Vec<Span> = Vec::new();
    spans.push((ClockKind::Acknowledge, received, ack_stop(history)));
    resolve_spans(history, received, &mut spans);
    update_spans(history, received, &mut spans);
    follow_up_spans(history, &mut spans);
    measure(case, p, as_of, history, &indexed_pauses(history), &spans)
}

/// acknowledge: received → first acknowledged, updated or resolved.
fn ack_stop(history: &[Event]) -> Option<(usize, DateTime<Utc>)> {
    history
        .iter()
        .enumerate()
        .find(|(_, e)| {
            matches!(
                e.event,
                EventKind::Acknowledged | EventKind::Updated | EventKind::Resolved
            )
        })
        .map(|(i, e)| (i, e.at.utc()))
}

/// resolve: received, then each reopened → the next resolved.
fn resolve_spans(history: &[Event], received: DateTime<Utc>, spans: &mut Vec<Span>) {
    let mut start = Some(received);
    for (i, e) in history.iter().enumerate() {
        match e.event {
            EventKind::Resolved => {
                if let Some(s) = start.take() {
                    spans.push((ClockKind::Resolve, s, Some((i, e.at.utc()))));
                }
            }
            EventKind::Reopened if start.is_none() => start = Some(e.at.utc()),
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((ClockKind::Resolve, s, None));
    }
}

/// update_every: each customer-facing contact while unresolved → the next
/// such contact or resolved. A contact after a resolution starts no gap:
/// there is nothing left to report progress on until a reopening.
fn update_spans(history: &[Event], received: DateTime<Utc>, spans: &mut Vec<Span>) {
    let mut gap = Some(received);
    for (i, e) in history.iter().enumerate() {
        let stop = Some((i, e.at.utc()));
        match e.event {
            EventKind::Acknowledged | EventKind::Updated => {
                if let Some(s) = gap.take() {
                    spans.push((ClockKind::UpdateEvery, s, stop));
                    gap = Some(e.at.utc());
                }
            }
            EventKind::Reopened => {
                if let Some(s) = gap.take() {
                    spans.push((ClockKind::UpdateEvery, s, stop));
                }
                gap = Some(e.at.utc());
            }
            EventKind::Resolved => {
                if let Some(s) = gap.take() {
                    spans.push((ClockKind::UpdateEvery, s, stop));
                }
            }
            _ => {}
        }
    }
    if let Some(s) = gap {
        spans.push((ClockKind::UpdateEvery, s, None));
    }
}

/// follow_up: each resolved → the next followed-up. A reopening also ends
/// it: the customer came back before anyone asked.
fn follow_up_spans(history: &[Event], spans: &mut Vec<Span>) {
    let mut waiting = None;
    for (i, e) in history.iter().enumerate() {
        match e.event {
            EventKind::Resolved => {
                if let Some(s) = waiting.take() {
                    spans.push((ClockKind::FollowUp, s, None));
                }
                waiting = Some(e.at.utc());
            }
            EventKind::FollowedUp | EventKind::Reopened => {
                if let Some(s) = waiting.take() {
                    spans.push((ClockKind::FollowUp, s, Some((i, e.at.utc()))));
                }
            }
            _ => {}
        }
    }
    if let Some(s) = waiting {
        spans.push((ClockKind::FollowUp, s, None));
    }
}

/// Due times and states of the spans, grouped by kind and numbered.
fn measure(
    case: &Case,
    p: &Policies,
    as_of: DateTime<Utc>,
    history: &[Event],
    pauses: &[(usize, Pause)],
    spans: &[Span],
) -> Vec<Clock> {
    let paused_now = pauses
        .iter()
        .any(|(_, ps)| ps.start <= as_of && ps.end.is_none_or(|e| e > as_of));
    let mut out = Vec::with_capacity(spans.len());
    for kind in ClockKind::ALL {
        let Some(policy) = p.clock_policy(case, kind) else {
            continue;
        };
        for (cycle, (_, started, stop)) in spans.iter().filter(|s| s.0 == kind).enumerate() {
            let moving = pauses_for(pauses, stop.map(|(i, _)| i));
            let (target, rule) = if kind == ClockKind::Resolve {
                let stop = stop.map(|(i, _)| i);
                let ext = extension::in_cycle(case, history, p, &policy, *started, stop, &moving);
                extension::effective(&ext, &policy)
            } else {
                (policy.target, policy.rule.clone())
            };
            let from = if policy.following {
                p.calendar.end_of_day(policy.mode, *started)
            } else {
                *started
            };
            let due = p.calendar.due(policy.mode, from, target, &moving);
            let stopped = stop.map(|(_, t)| t);
            let state = match (stopped, due) {
                (Some(_), None) => ClockState::Met,
                (Some(s), Some(d)) if s <= d => ClockState::Met,
                (Some(_), Some(_)) => ClockState::Breached,
                (None, Some(d)) if as_of > d => ClockState::Breached,
                (None, _) if paused_now => ClockState::Paused,
                (None, _) => ClockState::Running,
            };
            out.push(Clock {
                clock: kind,
                cycle: u32::try_from(cycle + 1).unwrap_or(u32::MAX),
                rule,
                mode: policy.mode,
                target,
                started: *started,
                due,
                stopped,
                state,
            });
        }
    }
    out
}

/// The earliest due time among clocks still running (or paused).
pub fn next_due(clocks: &[Clock]) -> Option<DateTime<Utc>> {
    clocks
        .iter()
        .filter(|c| c.is_open())
        .filter_map(|c| c.due)
        .min()
}

/// A running clock already past its due time.
pub fn is_overdue(clocks: &[Clock]) -> bool {
    clocks
        .iter()
        .any(|c| c.is_open() && c.state == ClockState::Breached)
}

impl Clock {
    /// The `policy explain` JSON shape; times in the ledger's zone.
    pub fn to_json(&self, tz: chrono_tz::Tz) -> serde_json::Value {
        let t = |d: Option<DateTime<Utc>>| d.map(|d| crate::case::time::local(d, tz));
        serde_json::json!({
            "clock": self.clock.as_str(),
            "cycle": self.cycle,
            "rule": self.rule,
            "mode": self.mode.as_str(),
            "target": self.target.to_string(),
            "started": crate::case::time::local(self.started, tz),
            "due": t(self.due),
            "stopped": t(self.stopped),
            "state": self.state.as_str(),
        })
    }
}
