//! Periods: the month, quarter or year a case was received in, and the
//! volume and timing of each.

use super::*;

// ---------------------------------------------------------------------------
// Periods

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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

/// A bucket with its kind: shown and serialised as its label (`2026-03`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PeriodBucket {
    pub key: PeriodKey,
    pub period: Period,
}

impl fmt::Display for PeriodBucket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key.label(self.period))
    }
}

impl Serialize for PeriodBucket {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodRow {
    pub period: PeriodBucket,
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

/// What the cases received in one period add up to.
#[derive(Debug, Default)]
struct PeriodSum {
    kpis: audit::KpiSum,
    complaints: usize,
    claims: usize,
}

/// The periods' figures, added up one case at a time.
#[derive(Debug, Default)]
pub(super) struct Periods {
    buckets: BTreeMap<PeriodKey, PeriodSum>,
}

impl Periods {
    /// Adds a case received in period `key`.
    pub(super) fn add(&mut self, key: PeriodKey, kind: Kind, audit: &audit::CaseAudit) {
        let s = self.buckets.entry(key).or_default();
        s.kpis.add(audit);
        s.complaints += usize::from(kind == Kind::Complaint);
        s.claims += usize::from(kind == Kind::Claim);
    }

    /// The periods from the first to the last (or from --since to --until,
    /// no later than `as_of`), every one listed even when it has no case.
    pub(super) fn finish(mut self, tz: Tz, o: &Options) -> Vec<PeriodRow> {
        let first = self.buckets.keys().next().copied();
        let last = self.buckets.keys().next_back().copied();
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
            let s = self.buckets.remove(&k).unwrap_or_default();
            let kpis = s.kpis.kpis();
            out.push(PeriodRow {
                period: PeriodBucket {
                    key: k,
                    period: o.period,
                },
                cases: kpis.cases,
                complaints: s.complaints,
                claims: s.claims,
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
}
