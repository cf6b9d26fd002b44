//! The audit (design §5): findings with stable codes, and the KPIs.

pub mod impact;

use crate::case::Event;
use crate::case::money;
use crate::case::time::{local, span};
use crate::case::vocab::{EventKind, Status};
use crate::clock::calendar::{Mode, Target, Unit};
use crate::clock::{self, Clock, ClockState};
use crate::ledger::LoadedCase;
use crate::policy::compensation::{self, BandPosition};
use crate::policy::routes::{self, RouteState};
use crate::policy::{ClockKind, Policies};
use chrono::{DateTime, Utc};
use rayon::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Every finding code with its severity, in the design's order.
pub const CODES: &[(&str, Severity)] = &[
    ("ack-late", Severity::Error),
    ("resolve-late", Severity::Error),
    ("update-overdue", Severity::Warning),
    ("follow-up-missing", Severity::Warning),
    ("closed-dissatisfied", Severity::Warning),
    ("compensation-below-band", Severity::Warning),
    ("compensation-above-band", Severity::Warning),
    ("harm-missing", Severity::Warning),
    ("authority-exceeded", Severity::Error),
    ("escalation-missing", Severity::Error),
    ("reopened", Severity::Info),
];

pub fn severity_of(code: &str) -> Severity {
    CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(Severity::Info, |(_, s)| *s)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub case: String,
    pub path: String,
    /// RFC 3339 in the ledger's zone, for deadline findings.
    pub due: Option<String>,
    /// When it happened, RFC 3339 in the ledger's zone: a deadline's due
    /// time, the event that broke a rule, the closing, the resolution.
    pub at: String,
    pub message: String,
    /// `at` as an instant, for `--since`/`--until`.
    #[serde(skip)]
    pub at_utc: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kpis {
    pub cases: usize,
    pub open: usize,
    pub acknowledged_on_time_rate: Option<f64>,
    pub resolved_on_time_rate: Option<f64>,
    pub satisfaction_rate: Option<f64>,
    pub follow_up_coverage: Option<f64>,
    pub reopen_rate: Option<f64>,
    pub median_hours_to_acknowledge: Option<f64>,
    pub p90_hours_to_acknowledge: Option<f64>,
    pub median_hours_to_resolve: Option<f64>,
    pub p90_hours_to_resolve: Option<f64>,
    /// A decimal string: every `compensated` amount in the ledger.
    pub compensation_total: String,
    pub compensation_to_harm_ratio: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    pub as_of: String,
    /// The window of `--since`/`--until`, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    pub cases: usize,
    pub kpis: Kpis,
    pub findings: Vec<Finding>,
}

/// What one case contributes to the KPIs.
#[derive(Debug, Default, Clone)]
struct Tally {
    open: bool,
    ack: Option<bool>,
    resolve: Vec<bool>,
    ack_hours: Option<f64>,
    resolve_hours: Option<f64>,
    resolved: bool,
    followed_up: Option<bool>,
    reopened: bool,
    compensation: Decimal,
    ratio_part: Option<(Decimal, Decimal)>,
}

/// One case's audit: its findings and what it contributes to the KPIs.
/// Computed once per case; any group of them aggregates with [`kpis_of`].
#[derive(Debug, Clone)]
pub struct CaseAudit {
    pub findings: Vec<Finding>,
    /// When the case was received: what places it in a window.
    pub received: DateTime<Utc>,
    tally: Tally,
}

impl CaseAudit {
    /// Masks the case's contact details where a finding's message quotes
    /// the case's own text (a reopening reason); the words redress wrote
    /// itself are left alone.
    pub fn mask_contacts(mut self, case: &crate::case::Case) -> CaseAudit {
        for f in &mut self.findings {
            f.message = crate::case::privacy::mask_quoted(&f.message, case);
        }
        self
    }

    /// Wall-clock hours from receipt to the first resolution, if resolved.
    pub fn first_resolve_hours(&self) -> Option<f64> {
        self.tally.resolve_hours
    }
}

/// Audits the cases received at or before `as_of`, each seen as it stood then.
pub fn run(cases: &[LoadedCase], p: &Policies, as_of: DateTime<Utc>) -> Audit {
    let per_case: Vec<CaseAudit> = cases
        .par_iter()
        .filter(|c| c.case.received.utc() <= as_of)
        .map(|c| audit_case(c, p, as_of))
        .collect();
    assemble(per_case, p, as_of)
}

/// `[since, until)`: either end open when not given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Window {
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

impl Window {
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.since.is_none_or(|s| t >= s) && self.until.is_none_or(|u| t < u)
    }
}

/// The whole audit from per-case audits: findings sorted by case, then
/// code, and the KPIs.
pub fn assemble(per_case: Vec<CaseAudit>, p: &Policies, as_of: DateTime<Utc>) -> Audit {
    assemble_in(per_case, p, as_of, Window::default())
}

/// The audit of a window: the findings that happened in it (by `at`), and
/// the KPIs of the cases received in it, the same cases as `report
/// --since/--until` counts, so both agree on every indicator.
pub fn assemble_in(
    per_case: Vec<CaseAudit>,
    p: &Policies,
    as_of: DateTime<Utc>,
    window: Window,
) -> Audit {
    let kpis = kpis_of(per_case.iter().filter(|c| window.contains(c.received)));
    let mut findings: Vec<Finding> = per_case
        .into_iter()
        .flat_map(|c| c.findings)
        .filter(|f| window.contains(f.at_utc))
        .collect();
    findings.sort_by(|a, b| {
        (&a.case, a.code, &a.due, &a.message, &a.at)
            .cmp(&(&b.case, b.code, &b.due, &b.message, &b.at))
    });
    Audit {
        as_of: local(as_of, p.tz()),
        since: window.since.map(|t| local(t, p.tz())),
        until: window.until.map(|t| local(t, p.tz())),
        cases: kpis.cases,
        kpis,
        findings,
    }
}

/// Audits one case as it stood at `as_of`.
pub fn audit_case(lc: &LoadedCase, p: &Policies, as_of: DateTime<Utc>) -> CaseAudit {
    let case = &lc.case;
    let tz = p.tz();
    let history = clock::history_at(case, as_of);
    let clocks = clock::clocks(case, p, as_of);
    let status = crate::case::history::status_of(history);
    let mut out = Vec::new();
    let mut push =
        |code: &'static str, due: Option<DateTime<Utc>>, at: DateTime<Utc>, message: String| {
            out.push(Finding {
                code,
                severity: severity_of(code),
                case: case.id.clone(),
                path: lc.path.clone(),
                due: due.map(|d| local(d, tz)),
                at: local(at, tz),
                message,
                at_utc: at,
            });
        };

    for c in clocks.iter().filter(|c| c.state == ClockState::Breached) {
        let code = match c.clock {
            ClockKind::Acknowledge => "ack-late",
            ClockKind::Resolve => "resolve-late",
            ClockKind::UpdateEvery => "update-overdue",
            ClockKind::FollowUp => "follow-up-missing",
        };
        // A breached clock always has a due time; it is when the breach happened.
        if let Some(due) = c.due {
            push(code, Some(due), due, clock_message(c, as_of, tz));
        }
    }

    let last_follow_up = history
        .iter()
        .rev()
        .find(|e| e.event == EventKind::FollowedUp);
    if status == Status::Closed
        && let Some((at, f)) = closed_dissatisfied(history)
    {
        push(
            "closed-dissatisfied",
            None,
            at,
            format!(
                "closed although the customer said on {} they were not satisfied, and not reopened",
                crate::case::time::short(f.at.utc(), tz)
            ),
        );
    }

    let last_resolution = history.iter().rposition(|e| e.event == EventKind::Resolved);
    let band = compensation::band_check(case, history, p);
    let currency = &p.currency;
    if let (Some(r), Some(harm), Some(pos), Some((lo, hi))) =
        (last_resolution, band.harm, band.position, band.range)
        && history[r]
            .outcome
            .is_some_and(|o| o.calls_for_compensation())
    {
        let pct = |d: Decimal| {
            format!(
                "{}%",
                crate::case::money::mul(d, Decimal::from(100)).normalize()
            )
        };
        let grant = format!(
            "{} {currency} granted for a harm of {} {currency}",
            crate::case::money::Money(band.total),
            crate::case::money::Money(harm)
        );
        let policy = format!(
            "the band is {}–{} of the harm, {lo}–{hi} {currency} (rule: {})",
            pct(band.band.min),
            pct(band.band.max),
            band.rule
        );
        // Below: the resolution decided too little (grants only add up).
        // Above: the grant that took the total over the band.
        let resolved_at = history[r].at.utc();
        match pos {
            BandPosition::Below => push(
                "compensation-below-band",
                None,
                resolved_at,
                format!("{grant}; {policy}"),
            ),
            BandPosition::Above => push(
                "compensation-above-band",
                None,
                band.band
                    .max
                    .checked_mul(harm)
                    .and_then(|max| first_grant_above(history, max))
                    .unwrap_or(resolved_at),
                format!("{grant}; {policy}"),
            ),
            BandPosition::Within => {}
        }
    }
    if band.harm.is_none()
        && band.total > Decimal::ZERO
        && let Some(first_grant) = first_grant_above(history, Decimal::ZERO)
    {
        push(
            "harm-missing",
            None,
            first_grant,
            format!(
                "{} {currency} granted but no harm is recorded, so the band cannot be checked",
                crate::case::money::Money(band.total)
            ),
        );
    }
    for b in compensation::authority_breaches(history, p) {
        push(
            "authority-exceeded",
            None,
            history[b.event].at.utc(),
            format!(
                "{} ({}) brought the case total to {} {currency}; a {} may grant up to {} {currency} per case",
                b.by,
                b.level,
                crate::case::money::Money(b.total_after),
                b.level,
                crate::case::money::Money(b.limit)
            ),
        );
    }
    // A fixed route is missed at the first resolution; an overdue one at
    // the breach.
    let first_resolution = routes::nth_resolution(history, 1).map(|(_, at)| at);
    for r in routes::evaluate(case, history, &clocks, p)
        .into_iter()
        .filter(|r| r.state == RouteState::Missing)
    {
        if let Some(at) = r.due.or(first_resolution) {
            push(
                "escalation-missing",
                r.due,
                at,
                format!("route \"{}\": {}", r.name, r.detail),
            );
        }
    }
    let reopenings = history
        .iter()
        .filter(|e| e.event == EventKind::Reopened)
        .count();
    let last_reopening = history
        .iter()
        .rev()
        .find(|e| e.event == EventKind::Reopened);
    if let Some(last) = last_reopening {
        push(
            "reopened",
            None,
            last.at.utc(),
            format!(
                "reopened {} (a double deviation){}",
                if reopenings == 1 {
                    "once".to_string()
                } else {
                    format!("{reopenings} times")
                },
                last.reason
                    .as_deref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default()
            ),
        );
    }

    let hours = |c: &Clock| {
        c.stopped
            .map(|s| (s - c.started).num_seconds() as f64 / 3600.0)
    };
    let judged = |c: &Clock| match c.state {
        ClockState::Met => Some(true),
        ClockState::Breached => Some(false),
        _ => None,
    };
    let ack = clocks.iter().find(|c| c.clock == ClockKind::Acknowledge);
    let first_resolve = clocks
        .iter()
        .find(|c| c.clock == ClockKind::Resolve && c.cycle == 1);
    let resolved = history.iter().any(|e| e.event == EventKind::Resolved);
    let ratio_part = match (resolved, case.harm) {
        (true, Some(h))
            if history
                .iter()
                .any(|e| e.event == EventKind::Compensated && e.amount.is_some()) =>
        {
            Some((band.total, h.0))
        }
        _ => None,
    };
    let tally = Tally {
        open: status.is_open(),
        ack: ack.and_then(judged),
        resolve: clocks
            .iter()
            .filter(|c| c.clock == ClockKind::Resolve)
            .filter_map(judged)
            .collect(),
        ack_hours: ack.and_then(hours),
        resolve_hours: first_resolve.and_then(hours),
        resolved,
        followed_up: last_follow_up.and_then(|e| e.satisfied),
        reopened: reopenings > 0,
        compensation: band.total,
        ratio_part,
    };
    CaseAudit {
        findings: out,
        received: case.received.utc(),
        tally,
    }
}

/// The latest cycle's closing and its last follow-up, when that found the
/// customer dissatisfied (before or after the closing). A reopening acts on
/// an earlier dissatisfaction, so only the latest cycle counts.
fn closed_dissatisfied(history: &[Event]) -> Option<(DateTime<Utc>, &Event)> {
    let cycle_start = history
        .iter()
        .rposition(|e| e.event == EventKind::Reopened)
        .map_or(0, |i| i + 1);
    let cycle = &history[cycle_start..];
    let follow_up = cycle
        .iter()
        .rposition(|e| e.event == EventKind::FollowedUp)?;
    let closing = cycle.iter().rposition(|e| e.event == EventKind::Closed)?;
    (cycle[follow_up].satisfied == Some(false))
        .then(|| (cycle[closing].at.utc(), &cycle[follow_up]))
}

/// When the running total of grants first went above `limit`.
fn first_grant_above(history: &[Event], limit: Decimal) -> Option<DateTime<Utc>> {
    let mut running = Decimal::ZERO;
    history
        .iter()
        .filter(|e| e.event == EventKind::Compensated)
        .find_map(|e| {
            running = running.checked_add(e.amount?.0)?;
            (running > limit).then(|| e.at.utc())
        })
}

/// "2 working hours", "1 day", "2 working weeks".
pub fn describe_target(target: Target, mode: Mode) -> String {
    let (n, unit) = (target.amount, target.unit);
    let word = match unit {
        Unit::Minutes => "minute",
        Unit::Hours => "hour",
        Unit::Days => "day",
        Unit::Weeks => "week",
    };
    let working = if mode == Mode::Business {
        "working "
    } else {
        ""
    };
    format!("{n} {working}{word}{}", if n == 1 { "" } else { "s" })
}

fn clock_message(c: &Clock, as_of: DateTime<Utc>, tz: chrono_tz::Tz) -> String {
    let allows = format!(
        "the policy allows {} (rule: {})",
        describe_target(c.target, c.mode),
        c.rule
    );
    let since = match c.clock {
        ClockKind::Acknowledge => "after receipt",
        ClockKind::Resolve if c.cycle == 1 => "after receipt",
        ClockKind::Resolve => "after it was reopened",
        ClockKind::UpdateEvery => "after the last contact with the customer",
        ClockKind::FollowUp => "after the decision",
    };
    let due = c
        .due
        .map(|d| crate::case::time::short(d, tz))
        .unwrap_or_default();
    match (c.clock, c.stopped) {
        (ClockKind::Acknowledge, Some(s)) => format!(
            "acknowledged {} {since}; {allows}",
            span((s - c.started).num_seconds())
        ),
        (ClockKind::Acknowledge, None) => format!(
            "not acknowledged {} {since} (due {due}); {allows}",
            span((as_of - c.started).num_seconds())
        ),
        (ClockKind::Resolve, Some(s)) => format!(
            "resolved {} {since}; {allows}",
            span((s - c.started).num_seconds())
        ),
        (ClockKind::Resolve, None) => format!(
            "still unresolved {} {since} (due {due}); {allows}",
            span((as_of - c.started).num_seconds())
        ),
        (ClockKind::UpdateEvery, Some(s)) => format!(
            "no progress report for {} {since}; {allows} between reports",
            span((s - c.started).num_seconds())
        ),
        (ClockKind::UpdateEvery, None) => format!(
            "no progress report for {} {since} (due {due}); {allows} between reports",
            span((as_of - c.started).num_seconds())
        ),
        (ClockKind::FollowUp, Some(s)) => format!(
            "satisfaction checked {} {since}; {allows}",
            span((s - c.started).num_seconds())
        ),
        (ClockKind::FollowUp, None) => format!(
            "satisfaction not checked {} {since} (due {due}); {allows}",
            span((as_of - c.started).num_seconds())
        ),
    }
}

fn rate(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// The median; of an even count, the mean of the two middle values.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// The nearest-rank 90th percentile: the ⌈0.9·n⌉-th smallest value.
pub fn p90(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let rank = (values.len() * 9).div_ceil(10);
    Some(values[rank.max(1) - 1])
}

/// The KPIs of any group of audited cases.
pub fn kpis_of<'a>(cases: impl IntoIterator<Item = &'a CaseAudit>) -> Kpis {
    let t: Vec<&Tally> = cases.into_iter().map(|c| &c.tally).collect();
    let count = |f: &dyn Fn(&Tally) -> bool| t.iter().filter(|x| f(x)).count();
    let acks: Vec<bool> = t.iter().filter_map(|x| x.ack).collect();
    let resolves: Vec<bool> = t.iter().flat_map(|x| x.resolve.iter().copied()).collect();
    let resolved = count(&|x| x.resolved);
    let followed = count(&|x| x.followed_up.is_some());
    let mut ack_h: Vec<f64> = t.iter().filter_map(|x| x.ack_hours).collect();
    let mut res_h: Vec<f64> = t.iter().filter_map(|x| x.resolve_hours).collect();
    let total = money::sum(t.iter().map(|x| x.compensation));
    let (comp, harm) = t
        .iter()
        .filter_map(|x| x.ratio_part)
        .fold((Decimal::ZERO, Decimal::ZERO), |(a, b), (c, h)| {
            (money::add(a, c), money::add(b, h))
        });
    Kpis {
        cases: t.len(),
        open: count(&|x| x.open),
        acknowledged_on_time_rate: rate(acks.iter().filter(|x| **x).count(), acks.len()),
        resolved_on_time_rate: rate(resolves.iter().filter(|x| **x).count(), resolves.len()),
        satisfaction_rate: rate(count(&|x| x.followed_up == Some(true)), followed),
        follow_up_coverage: rate(followed, resolved),
        reopen_rate: rate(count(&|x| x.reopened && x.resolved), resolved),
        median_hours_to_acknowledge: median(&mut ack_h),
        p90_hours_to_acknowledge: p90(&mut ack_h),
        median_hours_to_resolve: median(&mut res_h),
        p90_hours_to_resolve: p90(&mut res_h),
        compensation_total: crate::case::money::Money(total).to_string(),
        compensation_to_harm_ratio: money::ratio(comp, harm),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_even_count_is_mean_of_middle() {
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&mut [5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn p90_is_nearest_rank() {
        let mut v: Vec<f64> = (1..=10).map(f64::from).collect();
        assert_eq!(p90(&mut v), Some(9.0)); // ⌈0.9·10⌉ = 9th
        let mut v: Vec<f64> = (1..=11).map(f64::from).collect();
        assert_eq!(p90(&mut v), Some(10.0)); // ⌈9.9⌉ = 10th
        assert_eq!(p90(&mut [7.0]), Some(7.0));
    }
}
