//! Compensation granted against the harm and the band.

use super::*;
use crate::case::history::History;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompensationSummary {
    /// Every `compensated` amount of the cases in scope.
    #[serde(serialize_with = "ser::money")]
    pub granted_total: Decimal,
    /// Over the cases resolved at least once with a harm and a compensated amount:
    /// their compensation, their harm, and the ratio (the audit's definition).
    #[serde(serialize_with = "ser::money")]
    pub granted_with_harm: Decimal,
    #[serde(serialize_with = "ser::money")]
    pub harm_total: Decimal,
    pub ratio: Option<f64>,
    /// The policy's default band, as fractions of the harm.
    #[serde(serialize_with = "ser::fraction")]
    pub band_min: Decimal,
    #[serde(serialize_with = "ser::fraction")]
    pub band_max: Decimal,
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
    #[serde(serialize_with = "ser::money")]
    pub harm: Decimal,
    #[serde(serialize_with = "ser::money")]
    pub granted: Decimal,
    /// granted / harm.
    pub share: f64,
    #[serde(serialize_with = "ser::money")]
    pub band_min: Decimal,
    #[serde(serialize_with = "ser::money")]
    pub band_max: Decimal,
    #[serde(serialize_with = "ser::position")]
    pub position: BandPosition,
}

/// The word for where a granted amount falls against its band.
pub fn position_name(p: BandPosition) -> &'static str {
    match p {
        BandPosition::Below => "below",
        BandPosition::Within => "within",
        BandPosition::Above => "above",
    }
}

/// What one case adds to the compensation summary.
#[derive(Debug)]
pub(super) struct CompFacts {
    /// Its compensation and harm, when resolved with both.
    with_harm: Option<(Decimal, Decimal)>,
    /// Its row, when its outcome calls for compensation against a band.
    row: Option<CompensationCase>,
}

/// A case's part of the compensation summary, seen through `history` (its
/// history at `as_of`).
pub(super) fn comp_facts(
    lc: &LoadedCase,
    history: &[crate::case::Event],
    p: &Policies,
) -> CompFacts {
    let band = crate::policy::compensation::band_check(&lc.case, history, p);
    let resolved = history.has(EventKind::Resolved);
    let compensated = history.grants().next().is_some();
    let with_harm = match (resolved, compensated, band.harm) {
        (true, true, Some(h)) => Some((band.total, h)),
        _ => None,
    };
    let calls = latest_outcome(history).is_some_and(|o| o.calls_for_compensation());
    let row = match (calls, band.harm, band.position, band.range) {
        (true, Some(harm), Some(position), Some((lo, hi))) => Some(CompensationCase {
            case: lc.case.id.clone(),
            harm,
            granted: band.total,
            share: if harm.is_zero() {
                0.0
            } else {
                crate::case::money::ratio(band.total, harm).map_or(0.0, |s| round(s, 4))
            },
            band_min: lo,
            band_max: hi,
            position,
        }),
        _ => None,
    };
    CompFacts { with_harm, row }
}

/// The compensation summary, added up one case at a time.
#[derive(Debug, Default)]
pub(super) struct CompSum {
    granted_with_harm: Decimal,
    harm_total: Decimal,
    rows: Vec<CompensationCase>,
}

impl CompSum {
    pub(super) fn add(&mut self, f: CompFacts) {
        if let Some((granted, harm)) = f.with_harm {
            self.granted_with_harm = crate::case::money::add(self.granted_with_harm, granted);
            self.harm_total = crate::case::money::add(self.harm_total, harm);
        }
        self.rows.extend(f.row);
    }

    /// The summary; `kpis` are the audit's over the same cases. Rows are
    /// by case ID whatever order the cases came in.
    pub(super) fn finish(mut self, p: &Policies, kpis: &Kpis) -> CompensationSummary {
        // Usually already in order (files are read in the order of their
        // IDs); a sort would need room for half the rows again.
        if !self.rows.is_sorted_by(|a, b| a.case <= b.case) {
            self.rows.sort_by(|a, b| a.case.cmp(&b.case));
        }
        let count = |pos: BandPosition| self.rows.iter().filter(|r| r.position == pos).count();
        CompensationSummary {
            // The audit keeps its total as text; it wrote it from a Decimal.
            granted_total: Decimal::from_str(&kpis.compensation_total).unwrap_or_default(),
            granted_with_harm: self.granted_with_harm,
            harm_total: self.harm_total,
            ratio: rate(kpis.compensation_to_harm_ratio),
            band_min: p.band.min,
            band_max: p.band.max,
            below_band: count(BandPosition::Below),
            within_band: count(BandPosition::Within),
            above_band: count(BandPosition::Above),
            cases: self.rows,
        }
    }
}
