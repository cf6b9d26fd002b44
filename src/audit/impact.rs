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

/// One case's part of the impact: its KPI inputs under both policy sets,
/// the findings one set has and the other not, and what moved. Made as
/// each case is read, so that no audit of the whole ledger is held twice.
pub struct CaseImpact {
    before: audit::CaseAudit,
    after: audit::CaseAudit,
    pub added: Vec<Finding>,
    pub removed: Vec<Finding>,
    due_moved: Vec<DueMove>,
    band: Option<BandChange>,
}

/// The case's impact, or `None` when it was received after `as_of`.
pub fn case_impact(
    lc: &LoadedCase,
    before: &Policies,
    after: &Policies,
    as_of: DateTime<Utc>,
) -> Option<CaseImpact> {
    if lc.case.received.utc() > as_of {
        return None;
    }
    let mut a = audit::audit_case(lc, before, as_of);
    let mut b = audit::audit_case(lc, after, as_of);
    audit::sort_findings(&mut a.findings);
    audit::sort_findings(&mut b.findings);
    // Pairs never cross cases: one case's findings compare alone.
    let added = unmatched(&b.findings, &a.findings);
    let removed = unmatched(&a.findings, &b.findings);
    a.findings = Vec::new();
    b.findings = Vec::new();
    Some(CaseImpact {
        before: a,
        after: b,
        added,
        removed,
        due_moved: due_moves(&lc.case, before, after, as_of),
        band: band_change(&lc.case, before, after),
    })
}

/// The whole impact from every case's, in the files' order.
pub fn assemble(per_case: Vec<CaseImpact>, after: &Policies, as_of: DateTime<Utc>) -> Impact {
    let mut sum = ImpactSum::default();
    for c in per_case {
        sum.add(c);
    }
    sum.finish(after, as_of)
}

/// The impact summed one case at a time: the KPIs of both sides as they
/// go, and only what differs, so that a large ledger's cases are never
/// held (see [`assemble`]).
#[derive(Debug, Default)]
pub struct ImpactSum {
    before: audit::KpiSum,
    after: audit::KpiSum,
    added: Vec<Finding>,
    removed: Vec<Finding>,
    due_moved: Vec<DueMove>,
    bands_changed: Vec<BandChange>,
}

impl ImpactSum {
    pub fn add(&mut self, c: CaseImpact) {
        self.before.add(&c.before);
        self.after.add(&c.after);
        self.added.extend(c.added);
        self.removed.extend(c.removed);
        self.due_moved.extend(c.due_moved);
        self.bands_changed.extend(c.band);
    }

    /// [`add`](Self::add) for a case that has an impact.
    pub fn add_some(&mut self, c: Option<CaseImpact>) {
        if let Some(c) = c {
            self.add(c);
        }
    }

    pub fn finish(self, after: &Policies, as_of: DateTime<Utc>) -> Impact {
        let kpis = KpiPair {
            before: self.before.kpis(),
            after: self.after.kpis(),
        };
        let (mut added, mut removed, mut due_moved) = (self.added, self.removed, self.due_moved);
        // Largest effects first: errors, then warnings, then info; then by case.
        let order = |f: &Finding| (std::cmp::Reverse(f.severity), f.case.clone(), f.code);
        added.sort_by_key(order);
        removed.sort_by_key(order);
        due_moved.sort_by(|x, y| {
            let mag = |d: &DueMove| d.shift_hours.map_or(f64::INFINITY, f64::abs);
            mag(y)
                .total_cmp(&mag(x))
                .then_with(|| (&x.case, x.clock, x.cycle).cmp(&(&y.case, y.clock, y.cycle)))
        });
        Impact {
            as_of: crate::case::time::local(as_of, after.tz()),
            cases: kpis.after.cases,
            findings_added: added,
            findings_removed: removed,
            due_moved,
            bands_changed: self.bands_changed,
            kpis,
        }
    }
}

/// The clocks whose due time differs between the two policy sets.
fn due_moves(
    c: &crate::case::Case,
    before: &Policies,
    after: &Policies,
    as_of: DateTime<Utc>,
) -> Vec<DueMove> {
    let tz = after.tz();
    let key = |k: &clock::Clock| (k.clock, k.cycle);
    let dues = |p: &Policies| -> BTreeMap<(ClockKind, u32), Option<DateTime<Utc>>> {
        clock::clocks(c, p, as_of)
            .iter()
            .map(|k| (key(k), k.due))
            .collect()
    };
    let (before_clocks, after_clocks) = (dues(before), dues(after));
    let mut keys: Vec<&(ClockKind, u32)> =
        before_clocks.keys().chain(after_clocks.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut moved = Vec::new();
    for k in keys {
        let (x, y) = (
            before_clocks.get(k).copied().flatten(),
            after_clocks.get(k).copied().flatten(),
        );
        if x != y {
            moved.push(DueMove {
                case: c.id.clone(),
                clock: k.0.as_str(),
                cycle: k.1,
                before: x.map(|d| crate::case::time::local(d, tz)),
                after: y.map(|d| crate::case::time::local(d, tz)),
                shift_hours: x.zip(y).map(|(x, y)| (y - x).num_seconds() as f64 / 3600.0),
            });
        }
    }
    moved
}

/// The compensation band the case falls in, when the policy sets differ.
fn band_change(c: &crate::case::Case, before: &Policies, after: &Policies) -> Option<BandChange> {
    let (x, y) = (band_view(c, before), band_view(c, after));
    (x != y).then(|| BandChange {
        case: c.id.clone(),
        before: x,
        after: y,
    })
}
