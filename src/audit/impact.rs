//! The audit difference a policy change makes: the same cases audited under
//! two sets of policies (a base revision's and the working tree's).

use crate::audit::{self, Finding, FindingCode, Kpis};
use crate::clock;
use crate::ledger::LoadedCase;
use crate::policy::{ClockKind, Policies};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct DueMove {
    pub case: String,
    pub clock: &'static str,
    pub cycle: u32,
    pub before: Option<String>,
    pub after: Option<String>,
    /// after − before, in hours (positive: later, more lenient).
    pub shift_hours: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BandChange {
    pub case: String,
    pub before: BandView,
    pub after: BandView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BandView {
    pub rule: String,
    pub min: String,
    pub max: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct KpiPair {
    pub before: Kpis,
    pub after: Kpis,
}

#[derive(Debug, Clone, Serialize)]
pub struct Impact {
    pub as_of: String,
    pub cases: usize,
    pub findings_added: Vec<Finding>,
    pub findings_removed: Vec<Finding>,
    pub due_moved: Vec<DueMove>,
    pub bands_changed: Vec<BandChange>,
    pub kpis: KpiPair,
}

/// Findings of `a` not matched in `b`, pairing by (case, code) occurrence so
/// that a finding whose due time merely moved is neither added nor removed.
fn unmatched(a: &[Finding], b: &[Finding]) -> Vec<Finding> {
    let mut available: BTreeMap<(&str, FindingCode), usize> = BTreeMap::new();
    for f in b {
        *available.entry((f.case.as_str(), f.code)).or_default() += 1;
    }
    a.iter()
        .filter(|f| {
            let n = available.entry((f.case.as_str(), f.code)).or_default();
            if *n > 0 {
                *n -= 1;
                false
            } else {
                true
            }
        })
        .cloned()
        .collect()
}

fn band_view(case: &crate::case::Case, p: &Policies) -> BandView {
    let (rule, band) = p.band_for(case);
    BandView {
        rule: rule.to_string(),
        min: crate::case::money::fixed(band.min, 2).to_string(),
        max: crate::case::money::fixed(band.max, 2).to_string(),
    }
}

pub fn compare(
    cases: &[LoadedCase],
    before: &Policies,
    after: &Policies,
    as_of: DateTime<Utc>,
) -> Impact {
    let a = audit::run(cases, before, as_of);
    let b = audit::run(cases, after, as_of);
    let tz = after.tz();
    let mut added = unmatched(&b.findings, &a.findings);
    let mut removed = unmatched(&a.findings, &b.findings);
    // Largest effects first: errors, then warnings, then info; then by case.
    let order = |f: &Finding| (std::cmp::Reverse(f.severity), f.case.clone(), f.code);
    added.sort_by_key(order);
    removed.sort_by_key(order);

    let mut due_moved = Vec::new();
    let mut bands_changed = Vec::new();
    for lc in cases.iter().filter(|c| c.case.received.utc() <= as_of) {
        let c = &lc.case;
        let key = |k: &clock::Clock| (k.clock, k.cycle);
        let before_clocks: BTreeMap<(ClockKind, u32), Option<DateTime<Utc>>> =
            clock::clocks(c, before, as_of)
                .iter()
                .map(|k| (key(k), k.due))
                .collect();
        let after_clocks: BTreeMap<(ClockKind, u32), Option<DateTime<Utc>>> =
            clock::clocks(c, after, as_of)
                .iter()
                .map(|k| (key(k), k.due))
                .collect();
        let mut keys: Vec<&(ClockKind, u32)> =
            before_clocks.keys().chain(after_clocks.keys()).collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            let (x, y) = (
                before_clocks.get(k).copied().flatten(),
                after_clocks.get(k).copied().flatten(),
            );
            if x != y {
                due_moved.push(DueMove {
                    case: c.id.clone(),
                    clock: k.0.as_str(),
                    cycle: k.1,
                    before: x.map(|d| crate::case::time::local(d, tz)),
                    after: y.map(|d| crate::case::time::local(d, tz)),
                    shift_hours: x.zip(y).map(|(x, y)| (y - x).num_seconds() as f64 / 3600.0),
                });
            }
        }
        let (x, y) = (band_view(c, before), band_view(c, after));
        if x != y {
            bands_changed.push(BandChange {
                case: c.id.clone(),
                before: x,
                after: y,
            });
        }
    }
    due_moved.sort_by(|x, y| {
        let mag = |d: &DueMove| d.shift_hours.map_or(f64::INFINITY, f64::abs);
        mag(y)
            .total_cmp(&mag(x))
            .then_with(|| (&x.case, x.clock, x.cycle).cmp(&(&y.case, y.clock, y.cycle)))
    });
    Impact {
        as_of: b.as_of,
        cases: b.cases,
        findings_added: added,
        findings_removed: removed,
        due_moved,
        bands_changed,
        kpis: KpiPair {
            before: a.kpis,
            after: b.kpis,
        },
    }
}
