//! Escalation routes: which routes a case matches and whether
//! the escalation each requires happened.

use crate::case::vocab::EventKind;
use crate::case::{Case, Event};
use crate::clock::{Clock, ClockState};
use crate::i18n::{Arg, Msg};
use crate::policy::{ClockKind, Policies, RouteTo};
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RouteState {
    /// The required escalation happened.
    Satisfied,
    /// Not yet required to have happened (the case is unresolved).
    Pending,
    /// Required, and it did not happen in time.
    Missing,
    /// The route's condition holds but nothing is required (no breach yet,
    /// or already at the top level).
    NotApplicable,
}

impl RouteState {
    pub fn as_str(self) -> &'static str {
        match self {
            RouteState::Satisfied => "satisfied",
            RouteState::Pending => "pending",
            RouteState::Missing => "missing",
            RouteState::NotApplicable => "not-applicable",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteOutcome {
    pub name: String,
    /// The destination: a level, a department, or the level required by an
    /// overdue route.
    pub to: String,
    pub state: RouteState,
    /// For overdue routes: the breached resolve clock's due time.
    pub due: Option<DateTime<Utc>>,
    /// In English (JSON, `policy explain --format json`).
    pub detail: String,
    /// The same, as a catalogue message for human formats.
    pub text: Msg,
}

/// The level a case sits at before `before`: the lowest, raised by each
/// escalation to a level.
fn level_before(history: &[Event], p: &Policies, before: DateTime<Utc>) -> usize {
    history
        .iter()
        .filter(|e| e.event == EventKind::Escalated && e.at.utc() < before)
        .filter_map(|e| e.to.as_deref().and_then(|t| p.level_index(t)))
        .max()
        .unwrap_or(0)
}

/// The level a case sits at now: the lowest, raised by each escalation to
/// a level (an escalation to a department leaves it where it was).
pub fn current_level<'p>(history: &[Event], p: &'p Policies) -> Option<&'p str> {
    let index = level_before(history, p, DateTime::<Utc>::MAX_UTC);
    p.levels.get(index).map(String::as_str)
}

pub fn evaluate(
    case: &Case,
    history: &[Event],
    clocks: &[Clock],
    p: &Policies,
) -> Vec<RouteOutcome> {
    let mut out = Vec::new();
    // Positions, not times: events at the same instant happen in the order
    // they are written, so an escalation written after the resolution is late.
    let first_resolved = nth_resolution(history, 1);
    for route in p.routes.iter().filter(|r| r.when.matches(case)) {
        if route.overdue {
            overdue_route(route, history, clocks, p, &mut out);
            continue;
        }
        let reaches = |e: &&Event| {
            e.event == EventKind::Escalated
                && e.to.as_deref().is_some_and(|t| match &route.to {
                    RouteTo::Level(l) => match (p.level_index(t), p.level_index(l)) {
                        (Some(got), Some(want)) => got >= want,
                        _ => false,
                    },
                    RouteTo::Department(d) => t == d,
                    RouteTo::NextLevel => false,
                })
        };
        let before_resolution = history[..first_resolved.map_or(history.len(), |(i, _)| i)]
            .iter()
            .find(reaches);
        let (state, detail) = match (before_resolution, first_resolved) {
            (Some(e), _) => (
                RouteState::Satisfied,
                Msg::new("route-escalated")
                    .arg("to", e.to.clone().unwrap_or_default())
                    .arg("at", e.at.to_string()),
            ),
            (None, Some(_)) => (
                RouteState::Missing,
                Msg::new("route-missed").arg("to", route.to.name().to_string()),
            ),
            (None, None) => (
                RouteState::Pending,
                Msg::new("route-pending").arg("to", route.to.name().to_string()),
            ),
        };
        out.push(RouteOutcome {
            name: route.name.clone(),
            to: route.to.name().to_string(),
            state,
            due: None,
            detail: detail.english(&super::english_amount),
            text: detail,
        });
    }
    out
}

/// The `n`-th resolution (from 1): its position in the history and instant.
/// Resolve cycle `n` ends with it.
pub fn nth_resolution(history: &[Event], n: u32) -> Option<(usize, DateTime<Utc>)> {
    history
        .iter()
        .enumerate()
        .filter(|(_, e)| e.event == EventKind::Resolved)
        .nth(n.checked_sub(1)? as usize)
        .map(|(i, e)| (i, e.at.utc()))
}

fn overdue_route(
    route: &crate::policy::Route,
    history: &[Event],
    clocks: &[Clock],
    p: &Policies,
    out: &mut Vec<RouteOutcome>,
) {
    let breached: Vec<&Clock> = clocks
        .iter()
        .filter(|c| c.clock == ClockKind::Resolve && c.state == ClockState::Breached)
        .collect();
    if breached.is_empty() {
        out.push(RouteOutcome {
            name: route.name.clone(),
            to: "next-level".into(),
            state: RouteState::NotApplicable,
            due: None,
            detail: Msg::new("route-no-breach").english(&super::english_amount),
            text: Msg::new("route-no-breach"),
        });
        return;
    }
    for clock in breached {
        let Some(due) = clock.due else { continue };
        let current = level_before(history, p, due);
        let Some(next) = p.levels.get(current + 1) else {
            let top = Msg::new("route-top").arg("level", p.levels[current].clone());
            out.push(RouteOutcome {
                name: route.name.clone(),
                to: "next-level".into(),
                state: RouteState::NotApplicable,
                due: Some(due),
                detail: top.english(&super::english_amount),
                text: top,
            });
            continue;
        };
        let end = clock
            .stopped
            .and_then(|_| nth_resolution(history, clock.cycle))
            .map(|(i, _)| i);
        let escalation = history[..end.unwrap_or(history.len())].iter().find(|e| {
            e.event == EventKind::Escalated
                && e.at.utc() >= due
                && e.to
                    .as_deref()
                    .and_then(|t| p.level_index(t))
                    .is_some_and(|l| l > current)
        });
        let (state, detail) = match (escalation, end) {
            (Some(e), _) => (
                RouteState::Satisfied,
                Msg::new("route-escalated-late")
                    .arg("to", e.to.clone().unwrap_or_default())
                    .arg("at", e.at.to_string()),
            ),
            (None, Some(_)) => (
                RouteState::Missing,
                Msg::new("route-overdue-missed")
                    .arg("cycle", Arg::Count(i64::from(clock.cycle)))
                    .arg("level", p.levels[current].clone()),
            ),
            (None, None) => (
                RouteState::Missing,
                Msg::new("route-overdue-pending")
                    .arg("cycle", Arg::Count(i64::from(clock.cycle)))
                    .arg("level", p.levels[current].clone()),
            ),
        };
        out.push(RouteOutcome {
            name: route.name.clone(),
            to: next.clone(),
            state,
            due: Some(due),
            detail: detail.english(&super::english_amount),
            text: detail,
        });
    }
}
