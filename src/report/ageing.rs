//! The backlog: open cases by calendar days since receipt.

use super::*;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgeBucket {
    pub bucket: &'static str,
    pub min_days: i64,
    pub max_days: Option<i64>,
    pub cases: usize,
    /// The open cases in the bucket, oldest first.
    pub ids: Vec<String>,
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

/// The backlog, one case at a time: the open cases' receipt and ID.
#[derive(Debug, Default)]
pub(super) struct Ageing {
    open: Vec<(DateTime<Utc>, String)>,
}

impl Ageing {
    /// Adds a case still open at `as_of`.
    pub(super) fn add(&mut self, received: DateTime<Utc>, id: String) {
        self.open.push((received, id));
    }

    /// The open cases at `as_of`, by calendar days since they were received;
    /// in each bucket oldest first, then by ID.
    pub(super) fn finish(mut self, tz: Tz, as_of: DateTime<Utc>) -> Vec<AgeBucket> {
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
        self.open.sort();
        for (received, id) in self.open {
            if let Some(b) = buckets.get_mut(age_bucket(calendar_days(received, as_of, tz))) {
                b.cases += 1;
                b.ids.push(id);
            }
        }
        buckets
    }
}
