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

/// The values a case counts under for each of `dims` (see
/// [`Dim::keys`]); a value that repeats the customer's name, email or phone
/// is masked unless `include_contacts`.
pub(super) fn keys_of(
    lc: &LoadedCase,
    dims: &[Dim],
    as_of: DateTime<Utc>,
    include_contacts: bool,
) -> Vec<Vec<String>> {
    let contacts =
        (!include_contacts).then(|| crate::case::privacy::Contacts::of(&lc.case.customer));
    dims.iter()
        .map(|dim| {
            let keys = dim.keys(lc, as_of);
            match &contacts {
                Some(c) => keys.into_iter().map(|k| c.mask(&k)).collect(),
                None => keys,
            }
        })
        .collect()
}

/// One dimension's groups, added up one case at a time: the KPIs of the
/// cases under each value. A case whose values mask to the same text
/// counts once for each.
#[derive(Debug, Default)]
pub(super) struct DimSum {
    groups: BTreeMap<String, audit::KpiSum>,
}

impl DimSum {
    pub(super) fn add(&mut self, keys: Vec<String>, audit: &audit::CaseAudit) {
        for key in keys {
            self.groups.entry(key).or_default().add(audit);
        }
    }

    /// One row per value, most cases first (then by key); `total` is the
    /// number of cases in scope.
    pub(super) fn finish(self, total: usize) -> Vec<BreakdownRow> {
        let mut rows: Vec<BreakdownRow> = self
            .groups
            .into_iter()
            .map(|(key, sum)| {
                let k = sum.kpis();
                BreakdownRow {
                    key,
                    cases: k.cases,
                    share: ratio(k.cases, total),
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
