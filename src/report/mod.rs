//! The report (design §7, `redress report`): statistics for decision-makers,
//! computed as plain serialisable structs. Nothing here prints or renders;
//! `commands::report` turns a [`Report`] into a table, markdown, JSON, CSV or
//! HTML.
//!
//! Every case is seen as it stood at `as_of` (its history up to then), and
//! only cases received at or before `as_of` count. Rates and clock figures
//! come from [`audit::run`] over the cases of each group, so that a report
//! and an audit of the same cases always agree.

use crate::audit::{self, Kpis};
use crate::case::vocab::{EventKind, Kind, Outcome, Profile, Risk};
use crate::clock;
use crate::ledger::LoadedCase;
use crate::policy::Policies;
use crate::policy::compensation::{self, BandPosition};
use crate::policy::estimates::{self, Params};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;
use rayon::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

/// The label of cases that have no value for a dimension.
pub const NONE: &str = "(none)";

/// The Pareto threshold: the categories that together reach it are the vital few.
pub const VITAL_FEW: f64 = 0.80;

// ---------------------------------------------------------------------------
// Periods

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Month,
    Quarter,
    Year,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }
}

/// One bucket of a period kind: a year and the month (1–12), quarter (1–4)
/// or 1 for a whole year. Ordered in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PeriodKey {
    pub year: i32,
    pub n: u32,
}

impl PeriodKey {
    pub fn of_date(date: NaiveDate, period: Period) -> PeriodKey {
        let n = match period {
            Period::Month => date.month(),
            Period::Quarter => (date.month() - 1) / 3 + 1,
            Period::Year => 1,
        };
        PeriodKey {
            year: date.year(),
            n,
        }
    }

    /// The bucket of an instant, by its calendar date in the ledger's zone.
    pub fn of(at: DateTime<Utc>, tz: Tz, period: Period) -> PeriodKey {
        Self::of_date(at.with_timezone(&tz).date_naive(), period)
    }

    pub fn next(self, period: Period) -> PeriodKey {
        let last = match period {
            Period::Month => 12,
            Period::Quarter => 4,
            Period::Year => 1,
        };
        if self.n >= last {
            PeriodKey {
                year: self.year + 1,
                n: 1,
            }
        } else {
            PeriodKey {
                year: self.year,
                n: self.n + 1,
            }
        }
    }

    /// `2026-03`, `2026-Q1`, `2026`.
    pub fn label(self, period: Period) -> String {
        match period {
            Period::Month => format!("{:04}-{:02}", self.year, self.n),
            Period::Quarter => format!("{:04}-Q{}", self.year, self.n),
            Period::Year => format!("{:04}", self.year),
        }
    }
}

// ---------------------------------------------------------------------------
// Dimensions

/// What a breakdown groups by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Dim {
    Kind,
    Category,
    Channel,
    Severity,
    Profile,
    Risk,
    Outcome,
    Tag,
    Assignee,
    /// `fields.NAME`: an extra field kept verbatim (e.g. an imported column).
    Field(String),
}

/// The dimension names `--by` accepts, `fields.NAME` last.
pub const DIM_NAMES: &[&str] = &[
    "kind",
    "category",
    "channel",
    "severity",
    "profile",
    "risk",
    "outcome",
    "tag",
    "assignee",
    "fields.NAME",
];

impl FromStr for Dim {
    type Err = String;
    fn from_str(s: &str) -> Result<Dim, String> {
        Ok(match s {
            "kind" => Dim::Kind,
            "category" => Dim::Category,
            "channel" => Dim::Channel,
            "severity" => Dim::Severity,
            "profile" => Dim::Profile,
            "risk" => Dim::Risk,
            "outcome" => Dim::Outcome,
            "tag" => Dim::Tag,
            "assignee" => Dim::Assignee,
            _ => match s.strip_prefix("fields.") {
                Some(name) if !name.trim().is_empty() => Dim::Field(name.to_string()),
                Some(_) => {
                    return Err(
                        "`fields.` needs the name of an extra field, e.g. fields.State".into(),
                    );
                }
                None => {
                    let plain: Vec<&str> = DIM_NAMES[..DIM_NAMES.len() - 1].to_vec();
                    let hint = crate::suggest::closest(s, plain.iter().copied())
                        .map(|h| format!(" (did you mean `{h}`?)"))
                        .unwrap_or_default();
                    return Err(format!(
                        "unknown dimension `{s}`{hint}; valid: {}",
                        DIM_NAMES.join(", ")
                    ));
                }
            },
        })
    }
}

impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dim::Kind => f.write_str("kind"),
            Dim::Category => f.write_str("category"),
            Dim::Channel => f.write_str("channel"),
            Dim::Severity => f.write_str("severity"),
            Dim::Profile => f.write_str("profile"),
            Dim::Risk => f.write_str("risk"),
            Dim::Outcome => f.write_str("outcome"),
            Dim::Tag => f.write_str("tag"),
            Dim::Assignee => f.write_str("assignee"),
            Dim::Field(name) => write!(f, "fields.{name}"),
        }
    }
}

impl Dim {
    /// The values a case counts under, as it stood at `as_of`: one for most
    /// dimensions, each distinct value for risk and tag, `(none)` when it has none.
    pub fn keys(&self, lc: &LoadedCase, as_of: DateTime<Utc>) -> Vec<String> {
        let case = &lc.case;
        let history = clock::history_at(case, as_of);
        let one = |v: Option<String>| vec![v.filter(|s| !s.is_empty()).unwrap_or(NONE.into())];
        let many = |v: BTreeSet<String>| {
            if v.is_empty() {
                vec![NONE.to_string()]
            } else {
                v.into_iter().collect()
            }
        };
        match self {
            Dim::Kind => vec![case.kind.as_str().into()],
            Dim::Category => vec![case.category.clone()],
            Dim::Channel => vec![case.channel.as_str().into()],
            Dim::Severity => vec![case.severity.as_str().into()],
            Dim::Profile => one(case.customer.profile.map(|p: Profile| p.as_str().into())),
            Dim::Risk => many(
                case.risks
                    .iter()
                    .map(|r: &Risk| r.as_str().into())
                    .collect(),
            ),
            Dim::Tag => many(case.tags.iter().cloned().collect()),
            Dim::Outcome => one(latest_outcome(history).map(|o| o.as_str().into())),
            Dim::Assignee => one(history
                .iter()
                .rev()
                .find(|e| e.event == EventKind::Assigned)
                .and_then(|e| e.to.clone())),
            Dim::Field(name) => one(case.fields.get(name).cloned()),
        }
    }
}

fn latest_outcome(history: &[crate::case::Event]) -> Option<Outcome> {
    history
        .iter()
        .rev()
        .find(|e| e.event == EventKind::Resolved)
        .and_then(|e| e.outcome)
}

// ---------------------------------------------------------------------------
// The report

/// What to report on.
#[derive(Debug, Clone)]
pub struct Options {
    pub period: Period,
    /// Received at or after.
    pub since: Option<DateTime<Utc>>,
    /// Received before.
    pub until: Option<DateTime<Utc>>,
    /// Breakdowns, in the order given (duplicates dropped).
    pub by: Vec<Dim>,
    pub as_of: DateTime<Utc>,
    pub estimates: estimates::Loaded,
    /// Without it, a breakdown value (a tag, a `fields` value) that repeats
    /// the customer's name, email or phone is masked.
    pub include_contacts: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub scope: Scope,
    /// Cases in scope.
    pub cases: usize,
    /// The audit's KPIs over the cases in scope (design §5).
    pub kpis: Kpis,
    pub periods: Vec<PeriodRow>,
    pub breakdowns: BTreeMap<String, Vec<BreakdownRow>>,
    pub pareto: Vec<ParetoRow>,
    pub resolve_distribution: Vec<Bin>,
    pub compensation: CompensationSummary,
    pub ageing: Vec<AgeBucket>,
    pub reopen: Reopen,
    pub findings: Vec<FindingCount>,
    pub estimates: Estimates,
}

#[derive(Debug, Clone, Serialize)]
pub struct Scope {
    pub as_of: String,
    pub since: Option<String>,
    pub until: Option<String>,
    pub period: Period,
    pub timezone: String,
    pub currency: String,
    /// The breakdowns' dimensions, in the order asked for.
    pub by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodRow {
    pub period: String,
    pub cases: usize,
    pub complaints: usize,
    pub claims: usize,
    /// Of the cases received in the period, those still open at `as_of`.
    pub open: usize,
    pub resolved_on_time_rate: Option<f64>,
    pub median_hours_to_acknowledge: Option<f64>,
    pub p90_hours_to_acknowledge: Option<f64>,
    pub median_hours_to_resolve: Option<f64>,
    pub p90_hours_to_resolve: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakdownRow {
    pub key: String,
    pub cases: usize,
    /// cases / all cases in scope; for risk and tag the shares add up to more than 1.
    pub share: f64,
    pub open: usize,
    pub resolved_on_time_rate: Option<f64>,
    pub median_hours_to_resolve: Option<f64>,
    pub satisfaction_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParetoRow {
    pub category: String,
    pub cases: usize,
    pub share: f64,
    pub cumulative_share: f64,
    /// Among the fewest categories that together reach 80 % of the cases.
    pub vital_few: bool,
}

/// A bin of the first-cycle time to resolve, wall-clock days: from ≤ t < to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bin {
    pub label: String,
    pub from_days: u32,
    pub to_days: Option<u32>,
    pub cases: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompensationSummary {
    /// Every `compensated` amount of the cases in scope.
    pub granted_total: String,
    /// Over the cases resolved at least once with a harm and a compensated amount:
    /// their compensation, their harm, and the ratio (the audit's definition).
    pub granted_with_harm: String,
    pub harm_total: String,
    pub ratio: Option<f64>,
    /// The policy's default band, as fractions of the harm.
    pub band_min: String,
    pub band_max: String,
    /// Resolved cases with a harm and a founded or partly-founded outcome,
    /// against the band that applies to each (the audit's band check).
    pub below_band: usize,
    pub within_band: usize,
    pub above_band: usize,
    pub cases: Vec<CompensationCase>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompensationCase {
    pub case: String,
    pub harm: String,
    pub granted: String,
    /// granted / harm.
    pub share: f64,
    pub band_min: String,
    pub band_max: String,
    pub position: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgeBucket {
    pub bucket: &'static str,
    pub min_days: i64,
    pub max_days: Option<i64>,
    pub cases: usize,
    /// The open cases in the bucket, oldest first.
    pub ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reopen {
    pub resolved: usize,
    pub reopened: usize,
    /// Cases reopened at least once / cases resolved at least once.
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingCount {
    pub code: &'static str,
    pub severity: audit::Severity,
    pub findings: usize,
    pub cases: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimates {
    pub source: String,
    pub parameters: Params,
    pub figures: Vec<Estimate>,
}

/// One estimated figure, with the formula that produced it, numbers filled in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub key: &'static str,
    pub label: &'static str,
    pub value: f64,
    /// `customers`, `people` or the ledger's currency.
    pub unit: String,
    pub formula: String,
}

/// Computes the report over the cases received in [since, until) and at or
/// before `as_of`.
pub fn build(all: &[LoadedCase], p: &Policies, o: &Options) -> Report {
    let tz = p.tz();
    let as_of = o.as_of;
    let mut cases: Vec<&LoadedCase> = all
        .iter()
        .filter(|lc| {
            let r = lc.case.received.utc();
            r <= as_of && o.since.is_none_or(|s| r >= s) && o.until.is_none_or(|u| r < u)
        })
        .collect();
    cases.sort_by(|a, b| a.case.id.cmp(&b.case.id));
    // Each case is audited once; every group's figures aggregate these.
    let audits: Vec<audit::CaseAudit> = cases
        .par_iter()
        .map(|c| audit::audit_case(c, p, as_of))
        .collect();
    let overall = audit::assemble(audits.clone(), p, as_of);
    let all_cases = Cases {
        cases: &cases,
        audits: &audits,
    };

    let mut by: Vec<Dim> = Vec::new();
    for d in &o.by {
        if !by.contains(d) {
            by.push(d.clone());
        }
    }

    Report {
        scope: Scope {
            as_of: crate::case::time::local(as_of, tz),
            since: o.since.map(|s| crate::case::time::local(s, tz)),
            until: o.until.map(|u| crate::case::time::local(u, tz)),
            period: o.period,
            timezone: tz.name().to_string(),
            currency: p.currency.clone(),
            by: by.iter().map(Dim::to_string).collect(),
        },
        cases: cases.len(),
        periods: periods(&all_cases, p, o),
        breakdowns: by
            .iter()
            .map(|d| {
                let rows = breakdown(&all_cases, d, as_of, o.include_contacts);
                (d.to_string(), rows)
            })
            .collect(),
        pareto: pareto(&count_by(&cases, &Dim::Category, as_of)),
        resolve_distribution: resolve_distribution(&audits),
        compensation: compensation_summary(&cases, p, as_of, &overall.kpis),
        ageing: ageing(&cases, tz, as_of),
        reopen: Reopen {
            resolved: cases.iter().filter(|c| was_resolved(c, as_of)).count(),
            reopened: cases
                .iter()
                .filter(|c| was_resolved(c, as_of) && was_reopened(c, as_of))
                .count(),
            rate: overall.kpis.reopen_rate,
        },
        findings: finding_counts(&overall.findings),
        estimates: estimate(&cases, as_of, &p.currency, &o.estimates),
        kpis: overall.kpis,
    }
}

fn was_resolved(lc: &LoadedCase, as_of: DateTime<Utc>) -> bool {
    clock::history_at(&lc.case, as_of)
        .iter()
        .any(|e| e.event == EventKind::Resolved)
}

fn was_reopened(lc: &LoadedCase, as_of: DateTime<Utc>) -> bool {
    clock::history_at(&lc.case, as_of)
        .iter()
        .any(|e| e.event == EventKind::Reopened)
}

fn is_open(lc: &LoadedCase, as_of: DateTime<Utc>) -> bool {
    crate::case::history::status_of(clock::history_at(&lc.case, as_of)).is_open()
}

fn round(x: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (x * f).round() / f
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        round(num as f64 / den as f64, 4)
    }
}

fn hours(h: Option<f64>) -> Option<f64> {
    h.map(|h| round(h, 2))
}

fn rate(r: Option<f64>) -> Option<f64> {
    r.map(|r| round(r, 4))
}

/// The periods from the first to the last (or from --since to --until, no
/// later than `as_of`), every one listed even when it has no case.
fn periods(all: &Cases, p: &Policies, o: &Options) -> Vec<PeriodRow> {
    let tz = p.tz();
    let mut buckets: BTreeMap<PeriodKey, Vec<usize>> = BTreeMap::new();
    for (i, lc) in all.cases.iter().enumerate() {
        buckets
            .entry(PeriodKey::of(lc.case.received.utc(), tz, o.period))
            .or_default()
            .push(i);
    }
    let first = buckets.keys().next().copied();
    let last = buckets.keys().next_back().copied();
    let as_of_key = PeriodKey::of(o.as_of, tz, o.period);
    let since_key = o.since.map(|s| PeriodKey::of(s, tz, o.period));
    let until_key = o
        .until
        .map(|u| PeriodKey::of(u - chrono::Duration::seconds(1), tz, o.period).min(as_of_key));
    let start = [first, since_key].into_iter().flatten().min();
    let end = [last, until_key, since_key].into_iter().flatten().max();
    let (Some(start), Some(end)) = (start, end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut k = start;
    while k <= end {
        let group = all.pick(&buckets.remove(&k).unwrap_or_default());
        let kpis = audit::kpis_of(group.audits.iter().copied());
        out.push(PeriodRow {
            period: k.label(o.period),
            cases: group.cases.len(),
            complaints: group
                .cases
                .iter()
                .filter(|c| c.case.kind == Kind::Complaint)
                .count(),
            claims: group
                .cases
                .iter()
                .filter(|c| c.case.kind == Kind::Claim)
                .count(),
            open: kpis.open,
            resolved_on_time_rate: rate(kpis.resolved_on_time_rate),
            median_hours_to_acknowledge: hours(kpis.median_hours_to_acknowledge),
            p90_hours_to_acknowledge: hours(kpis.p90_hours_to_acknowledge),
            median_hours_to_resolve: hours(kpis.median_hours_to_resolve),
            p90_hours_to_resolve: hours(kpis.p90_hours_to_resolve),
        });
        k = k.next(o.period);
    }
    out
}

/// The indices of the cases under each value of a dimension.
fn groups(
    cases: &[&LoadedCase],
    dim: &Dim,
    as_of: DateTime<Utc>,
    include_contacts: bool,
) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, lc) in cases.iter().enumerate() {
        let contacts =
            (!include_contacts).then(|| crate::case::privacy::Contacts::of(&lc.case.customer));
        for key in dim.keys(lc, as_of) {
            let key = match &contacts {
                Some(c) => c.mask(&key),
                None => key,
            };
            out.entry(key).or_default().push(i);
        }
    }
    out
}

/// The report's cases with their audits, index for index.
pub struct Cases<'a> {
    pub cases: &'a [&'a LoadedCase],
    pub audits: &'a [audit::CaseAudit],
}

/// A subset of [`Cases`], by index.
struct Group<'a> {
    cases: Vec<&'a LoadedCase>,
    audits: Vec<&'a audit::CaseAudit>,
}

impl<'a> Cases<'a> {
    fn pick(&self, indices: &[usize]) -> Group<'a> {
        Group {
            cases: indices.iter().map(|&i| self.cases[i]).collect(),
            audits: indices.iter().map(|&i| &self.audits[i]).collect(),
        }
    }
}

/// (key, cases) by descending count, then key.
fn count_by(cases: &[&LoadedCase], dim: &Dim, as_of: DateTime<Utc>) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for lc in cases {
        for key in dim.keys(lc, as_of) {
            *counts.entry(key).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// One row per value, most cases first (then by key).
pub fn breakdown(
    all: &Cases,
    dim: &Dim,
    as_of: DateTime<Utc>,
    include_contacts: bool,
) -> Vec<BreakdownRow> {
    let total = all.cases.len();
    let mut rows: Vec<BreakdownRow> = groups(all.cases, dim, as_of, include_contacts)
        .into_iter()
        .map(|(key, indices)| {
            let group = all.pick(&indices);
            let k = audit::kpis_of(group.audits.iter().copied());
            BreakdownRow {
                key,
                cases: group.cases.len(),
                share: ratio(group.cases.len(), total),
                open: k.open,
                resolved_on_time_rate: rate(k.resolved_on_time_rate),
                median_hours_to_resolve: hours(k.median_hours_to_resolve),
                satisfaction_rate: rate(k.satisfaction_rate),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.cases.cmp(&a.cases).then_with(|| a.key.cmp(&b.key)));
    rows
}

/// The Pareto of counts sorted by descending count: cumulative shares, and
/// the vital few — every row up to and including the one whose cumulative
/// share first reaches 80 %.
pub fn pareto(counts: &[(String, usize)]) -> Vec<ParetoRow> {
    let mut sorted: Vec<&(String, usize)> = counts.iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let total: usize = sorted.iter().map(|c| c.1).sum();
    let mut running = 0;
    let mut out = Vec::with_capacity(sorted.len());
    for (name, n) in sorted {
        let before = ratio(running, total);
        running += n;
        out.push(ParetoRow {
            category: name.clone(),
            cases: *n,
            share: ratio(*n, total),
            cumulative_share: ratio(running, total),
            vital_few: total > 0 && before < VITAL_FEW,
        });
    }
    out
}

/// The bins of the time to resolve, in wall-clock days: [from, to).
pub const RESOLVE_BINS: &[(u32, Option<u32>)] = &[
    (0, Some(1)),
    (1, Some(2)),
    (2, Some(3)),
    (3, Some(5)),
    (5, Some(7)),
    (7, Some(10)),
    (10, Some(15)),
    (15, Some(30)),
    (30, None),
];

fn resolve_distribution(audits: &[audit::CaseAudit]) -> Vec<Bin> {
    let mut bins: Vec<Bin> = RESOLVE_BINS
        .iter()
        .map(|(from, to)| Bin {
            label: match to {
                Some(1) => "< 1 d".to_string(),
                Some(t) => format!("{from}–{t} d"),
                None => format!("≥ {from} d"),
            },
            from_days: *from,
            to_days: *to,
            cases: 0,
        })
        .collect();
    for h in audits
        .iter()
        .filter_map(audit::CaseAudit::first_resolve_hours)
    {
        let days = h / 24.0;
        if let Some(b) = bins.iter_mut().find(|b| {
            days >= f64::from(b.from_days) && b.to_days.is_none_or(|t| days < f64::from(t))
        }) {
            b.cases += 1;
        }
    }
    bins
}

fn money(d: Decimal) -> String {
    crate::case::money::Money(d).to_string()
}

fn compensation_summary(
    cases: &[&LoadedCase],
    p: &Policies,
    as_of: DateTime<Utc>,
    kpis: &Kpis,
) -> CompensationSummary {
    let mut granted_with_harm = Decimal::ZERO;
    let mut harm_total = Decimal::ZERO;
    let mut rows = Vec::new();
    let (mut below, mut within, mut above) = (0, 0, 0);
    for lc in cases {
        let history = clock::history_at(&lc.case, as_of);
        let band = compensation::band_check(&lc.case, history, p);
        let resolved = history.iter().any(|e| e.event == EventKind::Resolved);
        let compensated = history
            .iter()
            .any(|e| e.event == EventKind::Compensated && e.amount.is_some());
        if let (true, true, Some(h)) = (resolved, compensated, band.harm) {
            granted_with_harm = crate::case::money::add(granted_with_harm, band.total);
            harm_total = crate::case::money::add(harm_total, h);
        }
        let calls = latest_outcome(history).is_some_and(|o| o.calls_for_compensation());
        if let (true, Some(harm), Some(pos), Some((lo, hi))) =
            (calls, band.harm, band.position, band.range)
        {
            let position = match pos {
                BandPosition::Below => {
                    below += 1;
                    "below"
                }
                BandPosition::Within => {
                    within += 1;
                    "within"
                }
                BandPosition::Above => {
                    above += 1;
                    "above"
                }
            };
            let share = if harm.is_zero() {
                0.0
            } else {
                crate::case::money::ratio(band.total, harm).map_or(0.0, |s| round(s, 4))
            };
            rows.push(CompensationCase {
                case: lc.case.id.clone(),
                harm: money(harm),
                granted: money(band.total),
                share,
                band_min: money(lo),
                band_max: money(hi),
                position,
            });
        }
    }
    CompensationSummary {
        granted_total: kpis.compensation_total.clone(),
        granted_with_harm: money(granted_with_harm),
        harm_total: money(harm_total),
        ratio: rate(kpis.compensation_to_harm_ratio),
        band_min: crate::case::money::fixed(p.band.min, 2).to_string(),
        band_max: crate::case::money::fixed(p.band.max, 2).to_string(),
        below_band: below,
        within_band: within,
        above_band: above,
        cases: rows,
    }
}

/// The ageing buckets, in calendar days since receipt: label, min, max.
pub const AGE_BUCKETS: &[(&str, i64, Option<i64>)] = &[
    ("0-2 d", 0, Some(2)),
    ("3-7 d", 3, Some(7)),
    ("8-30 d", 8, Some(30)),
    ("> 30 d", 31, None),
];

/// Calendar days between two instants' dates in the ledger's zone.
pub fn calendar_days(from: DateTime<Utc>, to: DateTime<Utc>, tz: Tz) -> i64 {
    (to.with_timezone(&tz).date_naive() - from.with_timezone(&tz).date_naive()).num_days()
}

/// The index of the ageing bucket for an age in days.
pub fn age_bucket(days: i64) -> usize {
    AGE_BUCKETS
        .iter()
        .position(|(_, lo, hi)| days >= *lo && hi.is_none_or(|h| days <= h))
        .unwrap_or(0)
}

/// The open cases at `as_of`, by calendar days since they were received.
pub fn ageing(cases: &[&LoadedCase], tz: Tz, as_of: DateTime<Utc>) -> Vec<AgeBucket> {
    let mut buckets: Vec<AgeBucket> = AGE_BUCKETS
        .iter()
        .map(|(label, lo, hi)| AgeBucket {
            bucket: label,
            min_days: *lo,
            max_days: *hi,
            cases: 0,
            ids: Vec::new(),
        })
        .collect();
    let mut open: Vec<(DateTime<Utc>, &str)> = cases
        .iter()
        .filter(|c| is_open(c, as_of))
        .map(|c| (c.case.received.utc(), c.case.id.as_str()))
        .collect();
    open.sort();
    for (received, id) in open {
        let b = &mut buckets[age_bucket(calendar_days(received, as_of, tz))];
        b.cases += 1;
        b.ids.push(id.to_string());
    }
    buckets
}

fn finding_counts(findings: &[audit::Finding]) -> Vec<FindingCount> {
    audit::FindingCode::ALL
        .into_iter()
        .map(|code| {
            let mine: Vec<&audit::Finding> = findings.iter().filter(|f| f.code == code).collect();
            let cases: BTreeSet<&str> = mine.iter().map(|f| f.case.as_str()).collect();
            FindingCount {
                code: code.as_str(),
                severity: code.severity(),
                findings: mine.len(),
                cases: cases.len(),
            }
        })
        .collect()
}

/// `12`, `0.91`, `1 234.5`: a parameter or figure as the formulas show it.
fn num(x: f64) -> String {
    let r = round(x, 2);
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_string()
    }
}

/// The cost estimates (see `estimates`). Cases are split into the recovered
/// (resolved, and not dissatisfied at their latest follow-up) and the rest.
fn estimate(
    cases: &[&LoadedCase],
    as_of: DateTime<Utc>,
    currency: &str,
    loaded: &estimates::Loaded,
) -> Estimates {
    let e = &loaded.params;
    let n = cases.len() as f64;
    let default_value = e.average_annual_value;
    let mut recovered = 0usize;
    let mut not_recovered = 0usize;
    let mut lost_value = 0.0; // Σ lost share × annual value, over the complainants
    let mut known = 0usize;
    for lc in cases {
        let history = clock::history_at(&lc.case, as_of);
        let status = crate::case::history::status_of(history);
        let dissatisfied = history
            .iter()
            .rev()
            .find(|ev| ev.event == EventKind::FollowedUp)
            .is_some_and(|ev| ev.satisfied == Some(false));
        let lost_share = if !status.is_open() && !dissatisfied {
            recovered += 1;
            1.0 - e.resolved_retained_share
        } else {
            not_recovered += 1;
            e.unresolved_lost_share
        };
        let value = match lc.case.customer.annual_value {
            Some(v) => {
                known += 1;
                v.0.to_f64().unwrap_or(default_value)
            }
            None => default_value,
        };
        lost_value += lost_share * value;
    }
    let silent = n * e.silent_per_complaint;
    let silent_lost = silent * e.silent_lost_share;
    let complainants_lost = recovered as f64 * (1.0 - e.resolved_retained_share)
        + not_recovered as f64 * e.unresolved_lost_share;
    let at_risk = silent_lost + complainants_lost;
    let years = e.relationship_years;
    let revenue = (silent_lost * default_value + lost_value) * years;
    let dissatisfied = n + silent;
    let told = dissatisfied * e.word_of_mouth_told;
    let avoiding = dissatisfied * e.circle_of_influence * e.target_market_share * e.avoid_share;
    let prospects_value = avoiding * default_value * years;
    let people = || "people".to_string();
    let customers = || "customers".to_string();
    let figures = vec![
        Estimate {
            key: "silent_customers",
            label: "Dissatisfied customers who did not complain",
            value: round(silent, 2),
            unit: customers(),
            formula: format!(
                "{} cases × {} silent per case",
                num(n),
                num(e.silent_per_complaint)
            ),
        },
        Estimate {
            key: "silent_lost",
            label: "Silent customers who will not buy again",
            value: round(silent_lost, 2),
            unit: customers(),
            formula: format!("{} × {}", num(silent), num(e.silent_lost_share)),
        },
        Estimate {
            key: "complainants_lost",
            label: "Complainants likely lost",
            value: round(complainants_lost, 2),
            unit: customers(),
            formula: format!(
                "{recovered} recovered × (1 − {}) + {not_recovered} open or dissatisfied × {}",
                num(e.resolved_retained_share),
                num(e.unresolved_lost_share)
            ),
        },
        Estimate {
            key: "customers_at_risk",
            label: "Customers at risk",
            value: round(at_risk, 2),
            unit: customers(),
            formula: format!("{} + {}", num(silent_lost), num(complainants_lost)),
        },
        Estimate {
            key: "revenue_at_risk",
            label: "Lifetime revenue at risk",
            value: round(revenue, 2),
            unit: currency.to_string(),
            formula: format!(
                "({} silent lost × {} a year + Σ complainants' lost share × annual value ({known} of {} known, else {}) = {}) × {} years",
                num(silent_lost),
                num(default_value),
                num(n),
                num(default_value),
                num(lost_value),
                num(years)
            ),
        },
        Estimate {
            key: "people_told",
            label: "People told by dissatisfied customers",
            value: round(told, 2),
            unit: people(),
            formula: format!(
                "({} cases + {} silent) × {} told each",
                num(n),
                num(silent),
                num(e.word_of_mouth_told)
            ),
        },
        Estimate {
            key: "prospects_avoiding",
            label: "Prospects who will avoid the company",
            value: round(avoiding, 2),
            unit: people(),
            formula: format!(
                "{} dissatisfied × {} in circle × {} in target market × {} avoid",
                num(dissatisfied),
                num(e.circle_of_influence),
                num(e.target_market_share),
                num(e.avoid_share)
            ),
        },
        Estimate {
            key: "prospect_revenue_lost",
            label: "Lifetime revenue of prospects lost",
            value: round(prospects_value, 2),
            unit: currency.to_string(),
            formula: format!(
                "{} × {} a year × {} years",
                num(avoiding),
                num(default_value),
                num(years)
            ),
        },
    ];
    Estimates {
        source: loaded.source.clone(),
        parameters: *e,
        figures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz() -> Tz {
        "America/Toronto".parse().unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn months_quarters_and_years() {
        let t = at("2026-08-15T12:00:00-04:00");
        assert_eq!(
            PeriodKey::of(t, tz(), Period::Month).label(Period::Month),
            "2026-08"
        );
        assert_eq!(
            PeriodKey::of(t, tz(), Period::Quarter).label(Period::Quarter),
            "2026-Q3"
        );
        assert_eq!(
            PeriodKey::of(t, tz(), Period::Year).label(Period::Year),
            "2026"
        );
        for (m, q) in [
            (1, 1),
            (3, 1),
            (4, 2),
            (6, 2),
            (7, 3),
            (9, 3),
            (10, 4),
            (12, 4),
        ] {
            let d = NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
            assert_eq!(PeriodKey::of_date(d, Period::Quarter).n, q, "month {m}");
        }
    }

    #[test]
    fn buckets_follow_the_ledger_time_zone_at_month_ends() {
        // 23:30 in Toronto on 31 March is 03:30 UTC on 1 April.
        let t = at("2026-03-31T23:30:00-04:00");
        assert_eq!(
            PeriodKey::of(t, tz(), Period::Month).label(Period::Month),
            "2026-03"
        );
        assert_eq!(
            PeriodKey::of(t, chrono_tz::UTC, Period::Month).label(Period::Month),
            "2026-04"
        );
        assert_eq!(
            PeriodKey::of(t, tz(), Period::Quarter).label(Period::Quarter),
            "2026-Q1"
        );
        // New Year's Eve: still 2025 in Toronto.
        let t = at("2025-12-31T22:00:00-05:00");
        assert_eq!(
            PeriodKey::of(t, tz(), Period::Year).label(Period::Year),
            "2025"
        );
        assert_eq!(
            PeriodKey::of(t, chrono_tz::UTC, Period::Year).label(Period::Year),
            "2026"
        );
    }

    #[test]
    fn next_period_rolls_over_the_year() {
        let k = PeriodKey { year: 2025, n: 12 };
        assert_eq!(k.next(Period::Month), PeriodKey { year: 2026, n: 1 });
        let q = PeriodKey { year: 2025, n: 4 };
        assert_eq!(q.next(Period::Quarter).label(Period::Quarter), "2026-Q1");
        let y = PeriodKey { year: 2025, n: 1 };
        assert_eq!(y.next(Period::Year).label(Period::Year), "2026");
    }

    #[test]
    fn dimensions_parse_and_list_the_valid_ones() {
        assert_eq!("category".parse::<Dim>(), Ok(Dim::Category));
        assert_eq!(
            "fields.State".parse::<Dim>(),
            Ok(Dim::Field("State".into()))
        );
        assert_eq!(Dim::Field("State".into()).to_string(), "fields.State");
        let e = "chanel".parse::<Dim>().unwrap_err();
        assert!(e.contains("did you mean `channel`"), "{e}");
        assert!(e.contains("fields.NAME"), "{e}");
        assert!("fields.".parse::<Dim>().is_err());
    }

    #[test]
    fn pareto_marks_the_vital_few() {
        let counts: Vec<(String, usize)> = [("c", 10), ("a", 50), ("b", 25), ("d", 10), ("e", 5)]
            .iter()
            .map(|(k, n)| (k.to_string(), *n))
            .collect();
        let p = pareto(&counts);
        let names: Vec<&str> = p.iter().map(|r| r.category.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "d", "e"]); // ties by name
        let cum: Vec<f64> = p.iter().map(|r| r.cumulative_share).collect();
        assert_eq!(cum, [0.5, 0.75, 0.85, 0.95, 1.0]);
        // a (0 → 50 %), b (50 → 75 %), c (75 → 85 %) reach 80 %; d and e do not.
        let vital: Vec<bool> = p.iter().map(|r| r.vital_few).collect();
        assert_eq!(vital, [true, true, true, false, false]);
    }

    #[test]
    fn pareto_stops_exactly_at_80_percent() {
        let counts = vec![("a".to_string(), 8), ("b".to_string(), 2)];
        let p = pareto(&counts);
        assert!(p[0].vital_few);
        assert!(!p[1].vital_few, "a alone reaches 80 %");
        assert!(pareto(&[]).is_empty());
    }

    #[test]
    fn ageing_buckets_have_inclusive_edges() {
        let b: Vec<usize> = [0, 2, 3, 7, 8, 30, 31, 400]
            .iter()
            .map(|d| age_bucket(*d))
            .collect();
        assert_eq!(b, [0, 0, 1, 1, 2, 2, 3, 3]);
    }

    #[test]
    fn calendar_days_count_dates_in_the_ledger_zone() {
        // 23:50 on the 1st to 00:10 on the 2nd is one calendar day, 20 minutes.
        let d = calendar_days(
            at("2026-11-01T23:50:00-05:00"),
            at("2026-11-02T00:10:00-05:00"),
            tz(),
        );
        assert_eq!(d, 1);
        // The same instants seen in UTC fall on the same date.
        let d = calendar_days(
            at("2026-11-01T23:50:00-05:00"),
            at("2026-11-02T00:10:00-05:00"),
            chrono_tz::UTC,
        );
        assert_eq!(d, 0);
    }

    #[test]
    fn numbers_in_formulas_are_short() {
        assert_eq!(num(26.0), "26");
        assert_eq!(num(0.91), "0.91");
        assert_eq!(num(0.1), "0.1");
        assert_eq!(num(1234.567), "1234.57");
    }
}
