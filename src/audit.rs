//! The audit (design §5): findings with stable codes, and the KPIs.

use crate::calendar::{Mode, Target, Unit};
use crate::clock::{self, Clock, ClockState};
use crate::compensation::{self, BandPosition};
use crate::ledger::LoadedCase;
use crate::money;
use crate::policy::{ClockKind, Policies};
use crate::routes::{self, RouteState};
use crate::time::{local, span};
use crate::vocab::{EventKind, Status};
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
    pub message: String,
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
    tally: Tally,
}

impl CaseAudit {
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

/// The whole audit from per-case audits: findings sorted by case, then
/// code, and the KPIs.
pub fn assemble(per_case: Vec<CaseAudit>, p: &Policies, as_of: DateTime<Utc>) -> Audit {
    let kpis = kpis_of(&per_case);
    let mut findings: Vec<Finding> = per_case.into_iter().flat_map(|c| c.findings).collect();
    findings.sort_by(|a, b| {
        (&a.case, a.code, &a.due, &a.message).cmp(&(&b.case, b.code, &b.due, &b.message))
    });
    Audit {
        as_of: local(as_of, p.tz()),
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
    let status = crate::history::status_of(history);
    let mut out = Vec::new();
    let mut push = |code: &'static str, due: Option<DateTime<Utc>>, message: String| {
        out.push(Finding {
            code,
            severity: severity_of(code),
            case: case.id.clone(),
            path: lc.path.clone(),
            due: due.map(|d| local(d, tz)),
            message,
        });
    };

    for c in clocks.iter().filter(|c| c.state == ClockState::Breached) {
        let code = match c.clock {
            ClockKind::Acknowledge => "ack-late",
            ClockKind::Resolve => "resolve-late",
            ClockKind::UpdateEvery => "update-overdue",
            ClockKind::FollowUp => "follow-up-missing",
        };
        push(code, c.due, clock_message(c, as_of, tz));
    }

    let last_follow_up = history
        .iter()
        .rev()
        .find(|e| e.event == EventKind::FollowedUp);
    if status == Status::Closed
        && let Some(f) = last_follow_up
        && f.satisfied == Some(false)
    {
        push(
            "closed-dissatisfied",
            None,
            format!(
                "closed although the customer said on {} they were not satisfied, and not reopened",
                crate::time::short(f.at.utc(), tz)
            ),
        );
    }

    let last_resolution = history
        .iter()
        .rev()
        .find(|e| e.event == EventKind::Resolved);
    let band = compensation::band_check(case, history, p);
    let currency = &p.currency;
    if let (Some(r), Some(harm), Some(pos), Some((lo, hi))) =
        (last_resolution, band.harm, band.position, band.range)
        && r.outcome.is_some_and(|o| o.calls_for_compensation())
    {
        let pct = |d: Decimal| format!("{}%", crate::money::mul(d, Decimal::from(100)).normalize());
        let grant = format!(
            "{} {currency} granted for a harm of {} {currency}",
            crate::money::Money(band.total),
            crate::money::Money(harm)
        );
        let policy = format!(
            "the band is {}–{} of the harm, {lo}–{hi} {currency} (rule: {})",
            pct(band.band.min),
            pct(band.band.max),
            band.rule
        );
        match pos {
            BandPosition::Below => push(
                "compensation-below-band",
                None,
                format!("{grant}; {policy}"),
            ),
            BandPosition::Above => push(
                "compensation-above-band",
                None,
                format!("{grant}; {policy}"),
            ),
            BandPosition::Within => {}
        }
    }
    if band.harm.is_none() && band.total > Decimal::ZERO {
        push(
            "harm-missing",
            None,
            format!(
                "{} {currency} granted but no harm is recorded, so the band cannot be checked",
                crate::money::Money(band.total)
            ),
        );
    }
    for b in compensation::authority_breaches(history, p) {
        push(
            "authority-exceeded",
            None,
            format!(
                "{} ({}) brought the case total to {} {currency}; a {} may grant up to {} {currency} per case",
                b.by,
                b.level,
                crate::money::Money(b.total_after),
                b.level,
                crate::money::Money(b.limit)
            ),
        );
    }
    for r in routes::evaluate(case, history, &clocks, p)
        .into_iter()
        .filter(|r| r.state == RouteState::Missing)
    {
        push(
            "escalation-missing",
            r.due,
            format!("route \"{}\": {}", r.name, r.detail),
        );
    }
    let reopenings = history
        .iter()
        .filter(|e| e.event == EventKind::Reopened)
        .count();
    if reopenings > 0 {
        let last = history
            .iter()
            .rev()
            .find(|e| e.event == EventKind::Reopened);
        push(
            "reopened",
            None,
            format!(
                "reopened {} (a double deviation){}",
                if reopenings == 1 {
                    "once".to_string()
                } else {
                    format!("{reopenings} times")
                },
                last.and_then(|e| e.reason.as_deref())
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
        tally,
    }
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
    let due = c.due.map(|d| crate::time::short(d, tz)).unwrap_or_default();
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
        compensation_total: crate::money::Money(total).to_string(),
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
