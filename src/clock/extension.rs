//! Deadline extensions (`extended` events): the holding response that some
//! regulations allow, which moves a resolve cycle's target within the
//! policy's `max_extension` — when the customer was told.
//!
//! An extension counts (moves the clock) when it is within `max_extension`,
//! recorded before the original deadline, and preceded (at or before it, in
//! the same cycle) by an `updated` event: the notice to the customer. One
//! that fails any of these leaves the deadline where it was, and the audit
//! says why.

use crate::case::vocab::EventKind;
use crate::case::{Case, Event};
use crate::policy::calendar::{Pause, Target};
use crate::policy::{ClockKind, ClockPolicy, Policies};
use chrono::{DateTime, Utc};

/// One `extended` event of a resolve cycle, judged against the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extension {
    /// Its index in the history.
    pub index: usize,
    pub at: DateTime<Utc>,
    /// The new resolve target (None when `to` is not a duration: `check`
    /// reports it).
    pub to: Option<Target>,
    /// The policy's limit and the rule it comes from; None = no extension allowed.
    pub max: Option<(String, Target)>,
    /// `to` is longer than `max` (or no extension is allowed).
    pub beyond: bool,
    /// An `updated` at or before it in the same cycle told the customer.
    pub announced: bool,
    /// The resolve deadline before the extension, and whether it was
    /// recorded after it.
    pub original_due: Option<DateTime<Utc>>,
    pub late: bool,
}

impl Extension {
    /// Whether it moves the clock.
    pub fn counts(&self) -> bool {
        self.to.is_some() && !self.beyond && self.announced && !self.late
    }
}

/// The extensions recorded in one resolve cycle (from `started` to the
/// event at `stop`, in file order).
pub fn in_cycle(
    case: &Case,
    history: &[Event],
    p: &Policies,
    policy: &ClockPolicy,
    started: DateTime<Utc>,
    stop: Option<usize>,
    pauses: &[Pause],
) -> Vec<Extension> {
    let end = stop.unwrap_or(history.len()).min(history.len());
    let cycle = history.get(..end).unwrap_or_default();
    if !cycle.iter().any(|e| e.event == EventKind::Extended) {
        return Vec::new();
    }
    let from = if policy.following {
        p.calendar.end_of_day(policy.mode, started)
    } else {
        started
    };
    let original_due = p.calendar.due(policy.mode, from, policy.target, pauses);
    let max = p.max_extension(case);
    let seconds = |t: Target| p.calendar.target_seconds(policy.mode, t);
    cycle
        .iter()
        .enumerate()
        .filter(|(_, e)| e.event == EventKind::Extended && e.at.utc() >= started)
        .map(|(index, e)| {
            let at = e.at.utc();
            let to = e.to.as_deref().and_then(|s| Target::parse(s.trim()).ok());
            let beyond = match (&max, to) {
                (None, _) => true,
                (Some((_, m)), Some(t)) => seconds(t) > seconds(*m),
                (Some(_), None) => false,
            };
            let announced = cycle.iter().take(index + 1).any(|u| {
                u.event == EventKind::Updated && u.at.utc() >= started && u.at.utc() <= at
            });
            Extension {
                index,
                at,
                to,
                max: max.clone(),
                beyond,
                announced,
                original_due,
                late: original_due.is_some_and(|d| at > d),
            }
        })
        .collect()
}

/// The target and rule name a resolve cycle runs on: the last extension
/// that counts, else the policy's.
pub fn effective(extensions: &[Extension], policy: &ClockPolicy) -> (Target, String) {
    match extensions
        .iter()
        .rev()
        .find(|x| x.counts())
        .and_then(|x| x.to)
    {
        Some(t) => (t, format!("{}, extended to {t}", policy.rule)),
        None => (policy.target, policy.rule.clone()),
    }
}

/// Every extension of a case as of `as_of`, cycle by cycle.
pub fn of_case(case: &Case, p: &Policies, as_of: DateTime<Utc>) -> Vec<Extension> {
    let history = super::history_at(case, as_of);
    let Some(policy) = p.clock_policy(case, ClockKind::Resolve) else {
        return Vec::new();
    };
    let mut spans = Vec::new();
    super::resolve_spans(history, case.received.utc(), &mut spans);
    let pauses = super::indexed_pauses(history);
    spans
        .iter()
        .flat_map(|(_, started, stop)| {
            let stop = stop.map(|(i, _)| i);
            let moving = super::pauses_for(&pauses, stop);
            in_cycle(case, history, p, &policy, *started, stop, &moving)
        })
        .collect()
}
