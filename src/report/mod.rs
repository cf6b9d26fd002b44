//! The report (`redress report`): statistics for decision-makers, computed
//! as a typed [`Report`]: counts and rates as numbers, money as `Decimal`,
//! times as `DateTime`, dimensions and periods as enums. Nothing here prints
//! or formats for people; `cli::render::report` turns a [`Report`] into a
//! table, markdown, JSON, CSV or HTML, and [`ser`] fixes how the typed
//! values read in JSON.
//!
//! One file per concern: [`period`] (months, quarters, years), [`dim`] and
//! [`breakdown`] (breakdowns, Pareto), [`resolve`] (time to resolve),
//! [`compensation`], [`ageing`] (the backlog) and [`estimates`] (costs);
//! [`stream`] adds them up one case at a time.
//!
//! Every case is seen as it stood at `as_of` (its history up to then), and
//! only cases received at or before `as_of` count. Rates and clock figures
//! come from the audit's own sums ([`audit::KpiSum`]) over the cases of
//! each group, so that a report and an audit of the same cases always agree.

use crate::audit::{self, Kpis};
use crate::case::vocab::{EventKind, Kind, Outcome, Profile, Risk};
use crate::clock;
use crate::ledger::LoadedCase;
use crate::policy::Policies;
use crate::policy::compensation::BandPosition;
use crate::policy::estimates::Params;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
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

mod ageing;
mod breakdown;
mod compensation;
mod dim;
mod estimates;
mod period;
pub mod register;
mod resolve;
mod returns;
mod review;
mod ser;
mod span;
mod stream;

pub use ageing::*;
pub use breakdown::*;
pub use compensation::*;
pub use dim::*;
pub use estimates::*;
pub use period::*;
pub use resolve::*;
pub use returns::*;
pub use review::*;
pub use span::*;
pub use stream::*;

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
    pub estimates: crate::policy::estimates::Loaded,
    /// Without it, a breakdown value (a tag, a `fields` value) that repeats
    /// the customer's name, email or phone is masked.
    pub include_contacts: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub scope: Scope,
    /// Cases in scope.
    pub cases: usize,
    /// The audit's KPIs over the cases in scope.
    pub kpis: Kpis,
    pub periods: Vec<PeriodRow>,
    /// In the order asked for; serialised as an object keyed by dimension.
    #[serde(serialize_with = "ser::breakdowns")]
    pub breakdowns: Vec<Breakdown>,
    pub pareto: Vec<ParetoRow>,
    pub resolve_distribution: Vec<Bin>,
    pub compensation: CompensationSummary,
    pub ageing: Vec<AgeBucket>,
    pub reopen: Reopen,
    pub findings: Vec<FindingCount>,
    pub estimates: Estimates,
    /// The corrective actions of `actions/` with the cases before and after
    /// each (see [`action_effects`]); filled in by the caller, which reads
    /// the action files. Absent from JSON when the ledger has none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionEffect>,
}

/// Times are in the ledger's zone, serialised as RFC 3339 to the second.
#[derive(Debug, Clone, Serialize)]
pub struct Scope {
    #[serde(serialize_with = "ser::time")]
    pub as_of: DateTime<FixedOffset>,
    #[serde(serialize_with = "ser::opt_time")]
    pub since: Option<DateTime<FixedOffset>>,
    #[serde(serialize_with = "ser::opt_time")]
    pub until: Option<DateTime<FixedOffset>>,
    pub period: Period,
    #[serde(serialize_with = "ser::tz")]
    pub timezone: Tz,
    pub currency: String,
    /// The breakdowns' dimensions, in the order asked for.
    #[serde(serialize_with = "ser::names")]
    pub by: Vec<Dim>,
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

/// Computes the report over the cases received in [since, until) and at or
/// before `as_of`, from cases in memory (the review's way; `redress report`
/// streams the ledger through a [`Reader`] and a [`ReportSum`] instead).
pub fn build(all: &[LoadedCase], p: &Policies, o: &Options) -> Report {
    let reader = Reader::new(p, o, &[]);
    let facts: Vec<Facts> = all.par_iter().filter_map(|lc| reader.facts(lc)).collect();
    let mut sum = ReportSum::new(o);
    for f in facts {
        sum.add(f);
    }
    sum.finish(p, o, &[])
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

/// An instant in the ledger's zone.
fn local(at: DateTime<Utc>, tz: Tz) -> DateTime<FixedOffset> {
    at.with_timezone(&tz).fixed_offset()
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
}
