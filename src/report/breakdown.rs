//! Breakdowns by a dimension, and the Pareto of categories.

use super::*;

/// The rows of one dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub dim: Dim,
    pub rows: Vec<BreakdownRow>,
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

/// (key, cases) by descending count, then key.
pub(super) fn count_by(
    cases: &[&LoadedCase],
    dim: &Dim,
    as_of: DateTime<Utc>,
) -> Vec<(String, usize)> {
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
