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

pub(super) fn compensation_summary(
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
        let band = crate::policy::compensation::band_check(&lc.case, history, p);
        let resolved = history.has(EventKind::Resolved);
        let compensated = history.grants().next().is_some();
        if let (true, true, Some(h)) = (resolved, compensated, band.harm) {
            granted_with_harm = crate::case::money::add(granted_with_harm, band.total);
            harm_total = crate::case::money::add(harm_total, h);
        }
        let calls = latest_outcome(history).is_some_and(|o| o.calls_for_compensation());
        if let (true, Some(harm), Some(pos), Some((lo, hi))) =
            (calls, band.harm, band.position, band.range)
        {
            match pos {
                BandPosition::Below => below += 1,
                BandPosition::Within => within += 1,
                BandPosition::Above => above += 1,
            }
            let share = if harm.is_zero() {
                0.0
            } else {
                crate::case::money::ratio(band.total, harm).map_or(0.0, |s| round(s, 4))
            };
            rows.push(CompensationCase {
                case: lc.case.id.clone(),
                harm,
                granted: band.total,
                share,
                band_min: lo,
                band_max: hi,
                position: pos,
            });
        }
    }
    CompensationSummary {
        // The audit keeps its total as text; it wrote it from a Decimal.
        granted_total: Decimal::from_str(&kpis.compensation_total).unwrap_or_default(),
        granted_with_harm,
        harm_total,
        ratio: rate(kpis.compensation_to_harm_ratio),
        band_min: p.band.min,
        band_max: p.band.max,
        below_band: below,
        within_band: within,
        above_band: above,
        cases: rows,
    }
}
