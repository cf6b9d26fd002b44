//! The audit: findings with stable codes, and the KPIs.

pub mod compliance;
pub mod impact;
pub mod routes;

use crate::case::Event;
use crate::case::history::History;
use crate::case::money;
use crate::case::time::local;
use crate::case::vocab::{EventKind, Status};
use crate::clock::{self, Clock, ClockState};
use crate::i18n::{Arg, Msg};
use crate::ledger::LoadedCase;
use crate::policy::calendar::{Mode, Target, Unit};
use crate::policy::compensation::{self, BandCheck, BandPosition};
use crate::policy::{ClockKind, Policies};
use chrono::{DateTime, Utc};
use rayon::prelude::*;
use routes::RouteState;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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

/// What a finding is about; written as its kebab-case name (`ack-late`)
/// everywhere: text, JSON, CSV and `--code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingCode {
    AckLate,
    ResolveLate,
    UpdateOverdue,
    FollowUpMissing,
    ClosedDissatisfied,
    CompensationBelowBand,
    CompensationAboveBand,
    HarmMissing,
    AuthorityExceeded,
    EscalationMissing,
    Reopened,
    ExtensionBeyondPolicy,
    ExtensionUnannounced,
    ExtensionLate,
    RetentionDue,
    RecordedLate,
}

impl FindingCode {
    /// Every code, in the order the documentation and the report list them.
    pub const ALL: [FindingCode; 16] = [
        FindingCode::AckLate,
        FindingCode::ResolveLate,
        FindingCode::UpdateOverdue,
        FindingCode::FollowUpMissing,
        FindingCode::ClosedDissatisfied,
        FindingCode::CompensationBelowBand,
        FindingCode::CompensationAboveBand,
        FindingCode::HarmMissing,
        FindingCode::AuthorityExceeded,
        FindingCode::EscalationMissing,
        FindingCode::Reopened,
        FindingCode::ExtensionBeyondPolicy,
        FindingCode::ExtensionUnannounced,
        FindingCode::ExtensionLate,
        FindingCode::RetentionDue,
        FindingCode::RecordedLate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingCode::AckLate => "ack-late",
            FindingCode::ResolveLate => "resolve-late",
            FindingCode::UpdateOverdue => "update-overdue",
            FindingCode::FollowUpMissing => "follow-up-missing",
            FindingCode::ClosedDissatisfied => "closed-dissatisfied",
            FindingCode::CompensationBelowBand => "compensation-below-band",
            FindingCode::CompensationAboveBand => "compensation-above-band",
            FindingCode::HarmMissing => "harm-missing",
            FindingCode::AuthorityExceeded => "authority-exceeded",
            FindingCode::EscalationMissing => "escalation-missing",
            FindingCode::Reopened => "reopened",
            FindingCode::ExtensionBeyondPolicy => "extension-beyond-policy",
            FindingCode::ExtensionUnannounced => "extension-unannounced",
            FindingCode::ExtensionLate => "extension-late",
            FindingCode::RetentionDue => "retention-due",
            FindingCode::RecordedLate => "recorded-late",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            FindingCode::AckLate
            | FindingCode::ResolveLate
            | FindingCode::AuthorityExceeded
            | FindingCode::EscalationMissing
            | FindingCode::ExtensionBeyondPolicy
            | FindingCode::ExtensionUnannounced
            | FindingCode::ExtensionLate
            | FindingCode::RecordedLate => Severity::Error,
            FindingCode::UpdateOverdue
            | FindingCode::FollowUpMissing
            | FindingCode::ClosedDissatisfied
            | FindingCode::CompensationBelowBand
            | FindingCode::CompensationAboveBand
            | FindingCode::HarmMissing
            | FindingCode::RetentionDue => Severity::Warning,
            FindingCode::Reopened => Severity::Info,
        }
    }

    /// The code of a name as `--code` takes it.
    pub fn parse(name: &str) -> Option<FindingCode> {
        FindingCode::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// Every name, for "did you mean" and the list of valid codes.
    pub fn names() -> Vec<&'static str> {
        FindingCode::ALL.iter().map(|c| c.as_str()).collect()
    }
}

/// Findings are listed by code name, alphabetically, as they always were:
/// the order of the variants is the documentation's, not the output's.
impl Ord for FindingCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for FindingCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for FindingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `pad`, so that `{:<24}` aligns a code like a string.
        f.pad(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: FindingCode,
    pub severity: Severity,
    pub case: String,
    pub path: String,
    /// RFC 3339 in the ledger's zone, for deadline findings.
    pub due: Option<String>,
    /// When it happened, RFC 3339 in the ledger's zone: a deadline's due
    /// time, the event that broke a rule, the closing, the resolution.
    pub at: String,
    /// What was found, as a catalogue message: human formats word it in
    /// the language in force; JSON and CSV carry its English wording
    /// ([`Finding::message`]), worded only when they ask for it.
    #[serde(rename = "message", serialize_with = "english_message")]
    pub text: Msg,
    /// `at` as an instant, for `--since`/`--until`.
    #[serde(skip)]
    pub at_utc: DateTime<Utc>,
}

impl Finding {
    /// The message in English, always: what JSON and CSV carry.
    pub fn message(&self) -> String {
        self.text.english(&english_amount)
    }
}

fn english_message<S: serde::Serializer>(text: &Msg, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&text.english(&english_amount))
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
        let quoted = crate::case::privacy::QuotedTexts::of(case);
        for f in &mut self.findings {
            f.text.map_texts(&|t| quoted.mask(t));
        }
        self
    }

    /// Adds `recorded-late` findings (`audit --git`): events dated before a
    /// deadline but committed after it.
    pub fn with_recorded_late(
        mut self,
        lc: &LoadedCase,
        p: &Policies,
        as_of: DateTime<Utc>,
        committed: &compliance::CommitTimes,
    ) -> CaseAudit {
        let clocks = clock::clocks(&lc.case, p, as_of);
        let mut out = Findings {
            lc,
            tz: p.tz(),
            found: std::mem::take(&mut self.findings),
        };
        out.extend(compliance::recorded_late(&lc.case, &clocks, p, committed));
        self.findings = out.found;
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
    sort_findings(&mut findings);
    Audit {
        findings,
        ..header(kpis, p, as_of, window)
    }
}

/// The audit without its findings: the time, the window and the KPIs.
pub fn header(kpis: Kpis, p: &Policies, as_of: DateTime<Utc>, window: Window) -> Audit {
    Audit {
        as_of: local(as_of, p.tz()),
        since: window.since.map(|t| local(t, p.tz())),
        until: window.until.map(|t| local(t, p.tz())),
        cases: kpis.cases,
        kpis,
        findings: Vec::new(),
    }
}

/// The audit's order of findings: by case, code, due time, English
/// message, time. Messages are worded only to part two findings that tie
/// on the rest, which is rare.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (&a.case, a.code, &a.due)
            .cmp(&(&b.case, b.code, &b.due))
            .then_with(|| a.message().cmp(&b.message()))
            .then_with(|| a.at.cmp(&b.at))
    });
}

/// Audits one case as it stood at `as_of`.
pub fn audit_case(lc: &LoadedCase, p: &Policies, as_of: DateTime<Utc>) -> CaseAudit {
    let case = &lc.case;
    let history = clock::history_at(case, as_of);
    let clocks = clock::clocks(case, p, as_of);
    let status = crate::case::history::status_of(history);
    let band = compensation::band_check(case, history, p);
    let mut out = Findings {
        lc,
        tz: p.tz(),
        found: Vec::new(),
    };
    out.breached_clocks(&clocks, as_of);
    if status == Status::Closed {
        out.closed_dissatisfied(history);
    }
    out.band(history, &band, &p.currency);
    out.harm_missing(history, &band, &p.currency);
    out.authority(history, p);
    out.escalations(history, &clocks, p);
    out.reopened(history);
    out.extend(compliance::extensions(case, p, as_of));
    out.extend(compliance::retention(case, p, as_of));
    CaseAudit {
        findings: out.found,
        received: case.received.utc(),
        tally: tally_of(lc, history, &clocks, status, &band),
    }
}

/// The findings of one case, as the rules find them.
struct Findings<'a> {
    lc: &'a LoadedCase,
    tz: chrono_tz::Tz,
    found: Vec<Finding>,
}

impl Findings<'_> {
    fn push(
        &mut self,
        code: FindingCode,
        due: Option<DateTime<Utc>>,
        at: DateTime<Utc>,
        text: Msg,
    ) {
        self.found.push(Finding {
            code,
            severity: code.severity(),
            case: self.lc.case.id.clone(),
            path: self.lc.path.clone(),
            due: due.map(|d| local(d, self.tz)),
            at: local(at, self.tz),
            text,
            at_utc: at,
        });
    }

    fn extend(&mut self, raw: impl IntoIterator<Item = compliance::Raw>) {
        for (code, due, at, message) in raw {
            self.push(code, due, at, message);
        }
    }

    fn breached_clocks(&mut self, clocks: &[Clock], as_of: DateTime<Utc>) {
        for c in clocks.iter().filter(|c| c.state == ClockState::Breached) {
            let code = match c.clock {
                ClockKind::Acknowledge => FindingCode::AckLate,
                ClockKind::Resolve => FindingCode::ResolveLate,
                ClockKind::UpdateEvery => FindingCode::UpdateOverdue,
                ClockKind::FollowUp => FindingCode::FollowUpMissing,
            };
            // A breached clock always has a due time; it is when the breach happened.
            if let Some(due) = c.due {
                let message = clock_message(c, as_of, self.tz);
                self.push(code, Some(due), due, message);
            }
        }
    }

    fn closed_dissatisfied(&mut self, history: &[Event]) {
        if let Some((at, f)) = closed_dissatisfied(history) {
            let message = Msg::new("finding-closed-dissatisfied")
                .arg("date", crate::case::time::short(f.at.utc(), self.tz));
            self.push(FindingCode::ClosedDissatisfied, None, at, message);
        }
    }

    /// Outside the band, judged at the latest resolution when its outcome
    /// calls for compensation.
    fn band(&mut self, history: &[Event], band: &BandCheck, currency: &str) {
        let (Some(r), Some(harm), Some(pos), Some((lo, hi))) = (
            history.last_index_of(EventKind::Resolved),
            band.harm,
            band.position,
            band.range,
        ) else {
            return;
        };
        if !history[r]
            .outcome
            .is_some_and(|o| o.calls_for_compensation())
        {
            return;
        }
        let pct = |d: Decimal| money::mul(d, Decimal::from(100)).normalize().to_string();
        let message = Msg::new("finding-band")
            .arg("granted", Arg::Money(band.total, currency.to_string()))
            .arg("harm", Arg::Money(harm, currency.to_string()))
            .arg("min", pct(band.band.min))
            .arg("max", pct(band.band.max))
            .arg("low", Arg::Money(lo, String::new()))
            .arg("high", Arg::Money(hi, String::new()))
            .arg("highc", Arg::Money(hi, currency.to_string()))
            .arg("currency", currency)
            .arg("rule", band.rule.to_string());
        // Below: the resolution decided too little (grants only add up).
        // Above: the grant that took the total over the band.
        let resolved_at = history[r].at.utc();
        match pos {
            BandPosition::Below => {
                self.push(
                    FindingCode::CompensationBelowBand,
                    None,
                    resolved_at,
                    message,
                );
            }
            BandPosition::Above => {
                let at = band
                    .band
                    .max
                    .checked_mul(harm)
                    .and_then(|max| first_grant_above(history, max))
                    .unwrap_or(resolved_at);
                self.push(FindingCode::CompensationAboveBand, None, at, message);
            }
            BandPosition::Within => {}
        }
    }

    fn harm_missing(&mut self, history: &[Event], band: &BandCheck, currency: &str) {
        if band.harm.is_none()
            && band.total > Decimal::ZERO
            && let Some(first_grant) = first_grant_above(history, Decimal::ZERO)
        {
            let message = Msg::new("finding-harm-missing")
                .arg("granted", Arg::Money(band.total, currency.to_string()));
            self.push(FindingCode::HarmMissing, None, first_grant, message);
        }
    }

    fn authority(&mut self, history: &[Event], p: &Policies) {
        let currency = &p.currency;
        for b in compensation::authority_breaches(history, p) {
            let message = Msg::new("finding-authority")
                .arg("by", b.by.to_string())
                .arg("level", b.level.to_string())
                .arg("total", Arg::Money(b.total_after, currency.to_string()))
                .arg("limit", Arg::Money(b.limit, currency.to_string()));
            self.push(
                FindingCode::AuthorityExceeded,
                None,
                history[b.event].at.utc(),
                message,
            );
        }
    }

    /// A fixed route is missed at the first resolution; an overdue one at
    /// the breach.
    fn escalations(&mut self, history: &[Event], clocks: &[Clock], p: &Policies) {
        let first_resolution = routes::nth_resolution(history, 1).map(|(_, at)| at);
        for r in routes::evaluate(&self.lc.case, history, clocks, p)
            .into_iter()
            .filter(|r| r.state == RouteState::Missing)
        {
            if let Some(at) = r.due.or(first_resolution) {
                let message = Msg::new("finding-route")
                    .arg("route", r.name.clone())
                    .arg("detail", r.text.clone());
                self.push(FindingCode::EscalationMissing, r.due, at, message);
            }
        }
    }

    fn reopened(&mut self, history: &[Event]) {
        let Some(last) = history.last_of(EventKind::Reopened) else {
            return;
        };
        let times = history.count_of(EventKind::Reopened) as i64;
        let message = match &last.reason {
            Some(r) => Msg::new("finding-reopened-reason").arg("reason", r.clone()),
            None => Msg::new("finding-reopened"),
        }
        .arg("times", Arg::Count(times));
        self.push(FindingCode::Reopened, None, last.at.utc(), message);
    }
}

/// What one case contributes to the KPIs.
fn tally_of(
    lc: &LoadedCase,
    history: &[Event],
    clocks: &[Clock],
    status: Status,
    band: &BandCheck,
) -> Tally {
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
    let resolved = history.has(EventKind::Resolved);
    let ratio_part = match (resolved, lc.case.harm) {
        (true, Some(h)) if history.grants().next().is_some() => Some((band.total, h.0)),
        _ => None,
    };
    Tally {
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
        followed_up: history
            .last_of(EventKind::FollowedUp)
            .and_then(|e| e.satisfied),
        reopened: history.has(EventKind::Reopened),
        compensation: band.total,
        ratio_part,
    }
}

/// The latest cycle's closing and its last follow-up, when that found the
/// customer dissatisfied (before or after the closing). A reopening acts on
/// an earlier dissatisfaction, so only the latest cycle counts.
fn closed_dissatisfied(history: &[Event]) -> Option<(DateTime<Utc>, &Event)> {
    let cycle_start = history
        .last_index_of(EventKind::Reopened)
        .map_or(0, |i| i + 1);
    let cycle = &history[cycle_start..];
    let follow_up = cycle.last_index_of(EventKind::FollowedUp)?;
    let closing = cycle.last_index_of(EventKind::Closed)?;
    (cycle[follow_up].satisfied == Some(false))
        .then(|| (cycle[closing].at.utc(), &cycle[follow_up]))
}

/// When the running total of grants first went above `limit`.
fn first_grant_above(history: &[Event], limit: Decimal) -> Option<DateTime<Utc>> {
    let mut running = Decimal::ZERO;
    history.grants().find_map(|(e, amount)| {
        running = running.checked_add(amount)?;
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

fn clock_message(c: &Clock, as_of: DateTime<Utc>, tz: chrono_tz::Tz) -> Msg {
    let clock = match c.clock {
        ClockKind::Acknowledge => "acknowledge",
        ClockKind::Resolve if c.cycle == 1 => "resolve",
        ClockKind::Resolve => "resolve-again",
        ClockKind::UpdateEvery => "update",
        ClockKind::FollowUp => "follow-up",
    };
    let (id, end) = match c.stopped {
        Some(s) => ("finding-clock-late", s),
        None => ("finding-clock-overdue", as_of),
    };
    let due = c
        .due
        .map(|d| crate::case::time::short(d, tz))
        .unwrap_or_default();
    Msg::new(id)
        .arg("clock", clock)
        .arg("span", Arg::Span((end - c.started).num_seconds()))
        .arg("due", due)
        .arg("allowed", target_arg(c.target, c.mode))
        .arg("rule", c.rule.to_string())
}

/// A policy's allowance as a message argument.
pub fn target_arg(target: Target, mode: Mode) -> Arg {
    Arg::Target {
        n: i64::from(target.amount),
        unit: match target.unit {
            Unit::Minutes => "minute",
            Unit::Hours => "hour",
            Unit::Days => "day",
            Unit::Weeks => "week",
        },
        working: mode == Mode::Business,
    }
}

/// A policy's allowance in words, in the language in force: `2 working
/// hours`, `2 heures ouvrables`.
pub fn target_words(target: Target, mode: Mode) -> String {
    Msg::new("target")
        .arg("target", target_arg(target, mode))
        .render(&english_amount)
}

/// An amount as the English messages write it: `65.00 CAD`.
pub fn english_amount(d: Decimal, currency: &str) -> String {
    if currency.is_empty() {
        money::Money(d).to_string()
    } else {
        format!("{} {currency}", money::Money(d))
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
    let mut sum = KpiSum::default();
    for c in cases {
        sum.add(c);
    }
    sum.kpis()
}

/// The KPIs counted one case at a time, so that a streamed audit keeps
/// only the hours the medians need, not every case's tally.
#[derive(Debug, Default)]
pub struct KpiSum {
    cases: usize,
    open: usize,
    acks: (usize, usize),
    resolves: (usize, usize),
    resolved: usize,
    followed: usize,
    satisfied: usize,
    reopened: usize,
    ack_hours: Vec<f64>,
    resolve_hours: Vec<f64>,
    total: Decimal,
    compensation: Decimal,
    harm: Decimal,
}

impl KpiSum {
    pub fn add(&mut self, c: &CaseAudit) {
        let x = &c.tally;
        let on_time = |(yes, all): (usize, usize), b: bool| (yes + usize::from(b), all + 1);
        self.cases += 1;
        self.open += usize::from(x.open);
        if let Some(a) = x.ack {
            self.acks = on_time(self.acks, a);
        }
        for &r in &x.resolve {
            self.resolves = on_time(self.resolves, r);
        }
        self.resolved += usize::from(x.resolved);
        self.followed += usize::from(x.followed_up.is_some());
        self.satisfied += usize::from(x.followed_up == Some(true));
        self.reopened += usize::from(x.reopened && x.resolved);
        self.ack_hours.extend(x.ack_hours);
        self.resolve_hours.extend(x.resolve_hours);
        self.total = money::add(self.total, x.compensation);
        if let Some((comp, harm)) = x.ratio_part {
            self.compensation = money::add(self.compensation, comp);
            self.harm = money::add(self.harm, harm);
        }
    }

    pub fn kpis(mut self) -> Kpis {
        let (ack_h, res_h) = (&mut self.ack_hours, &mut self.resolve_hours);
        Kpis {
            cases: self.cases,
            open: self.open,
            acknowledged_on_time_rate: rate(self.acks.0, self.acks.1),
            resolved_on_time_rate: rate(self.resolves.0, self.resolves.1),
            satisfaction_rate: rate(self.satisfied, self.followed),
            follow_up_coverage: rate(self.followed, self.resolved),
            reopen_rate: rate(self.reopened, self.resolved),
            median_hours_to_acknowledge: median(ack_h),
            p90_hours_to_acknowledge: p90(ack_h),
            median_hours_to_resolve: median(res_h),
            p90_hours_to_resolve: p90(res_h),
            compensation_total: crate::case::money::Money(self.total).to_string(),
            compensation_to_harm_ratio: money::ratio(self.compensation, self.harm),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_codes_serialize_as_their_names_and_sort_by_them() {
        for code in FindingCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(FindingCode::parse(code.as_str()), Some(code));
            assert_eq!(format!("{code:<24}|").len(), 25);
        }
        assert_eq!(FindingCode::parse("ack_late"), None);
        let mut sorted = FindingCode::ALL;
        sorted.sort();
        let names: Vec<&str> = sorted.iter().map(|c| c.as_str()).collect();
        let mut alphabetical = FindingCode::names();
        alphabetical.sort_unstable();
        assert_eq!(names, alphabetical);
    }

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
