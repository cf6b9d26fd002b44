//! The report one case at a time: [`Reader::facts`] turns a case into the
//! few figures the report needs of it (on any thread, as the ledger is
//! read), and [`ReportSum`] adds them up, so that a ledger of any size is
//! never held whole. Every section is a sum of its own: the periods and
//! the breakdowns' values each keep an [`audit::KpiSum`], and the sections
//! that list cases or need an order (ageing, compensation, the estimates'
//! lost value) keep a few numbers and the ID of each case and sort at the
//! end. The result does not depend on the order the cases come in.

use super::*;
use crate::ledger::actions::Action;

/// What one case received at or before `as_of` adds to the report.
#[derive(Debug)]
pub struct Facts {
    /// For the corrective actions, which count every case up to `as_of`.
    action: Option<ActionFacts>,
    /// For everything else: only cases received in [since, until).
    scoped: Option<Scoped>,
}

/// What a case in scope adds.
#[derive(Debug)]
struct Scoped {
    id: String,
    received: DateTime<Utc>,
    kind: Kind,
    period: PeriodKey,
    /// Its audit, without the findings' words: a report only counts them.
    audit: audit::CaseAudit,
    codes: Vec<audit::FindingCode>,
    /// Its values for each breakdown, in the breakdowns' order.
    keys: Vec<Vec<String>>,
    category: String,
    comp: CompFacts,
    open: bool,
    resolved: bool,
    reopened: bool,
    lost: LostFacts,
}

/// Reads cases for a report: what each case adds, given the policies, the
/// options and the cases the corrective actions name.
pub struct Reader<'a> {
    p: &'a Policies,
    o: &'a Options,
    by: Vec<Dim>,
    named: Option<BTreeSet<String>>,
}

/// The breakdowns asked for, in order, duplicates dropped.
fn dims(o: &Options) -> Vec<Dim> {
    let mut by: Vec<Dim> = Vec::new();
    for d in &o.by {
        if !by.contains(d) {
            by.push(d.clone());
        }
    }
    by
}

impl<'a> Reader<'a> {
    /// `actions` are the corrective actions whose effects the report
    /// shows (none: no case is read for them).
    pub fn new(p: &'a Policies, o: &'a Options, actions: &[Action]) -> Reader<'a> {
        Reader {
            p,
            o,
            by: dims(o),
            named: ActionBasis::named(actions),
        }
    }

    /// What `lc` adds to the report; `None` when it was received after
    /// `as_of`.
    pub fn facts(&self, lc: &LoadedCase) -> Option<Facts> {
        let o = self.o;
        let received = lc.case.received.utc();
        if received > o.as_of {
            return None;
        }
        let in_scope =
            o.since.is_none_or(|s| received >= s) && o.until.is_none_or(|u| received < u);
        Some(Facts {
            action: ActionBasis::facts(lc, self.named.as_ref(), self.p.tz()),
            scoped: in_scope.then(|| self.scoped(lc)),
        })
    }

    fn scoped(&self, lc: &LoadedCase) -> Scoped {
        let (p, o) = (self.p, self.o);
        let case = &lc.case;
        let history = clock::history_at(case, o.as_of);
        let mut audit = audit::audit_case(lc, p, o.as_of);
        let codes = audit.findings.drain(..).map(|f| f.code).collect();
        audit.findings.shrink_to_fit();
        let resolved = history.iter().any(|e| e.event == EventKind::Resolved);
        Scoped {
            id: case.id.clone(),
            received: case.received.utc(),
            kind: case.kind,
            period: PeriodKey::of(case.received.utc(), p.tz(), o.period),
            audit,
            codes,
            keys: keys_of(lc, &self.by, o.as_of, o.include_contacts),
            category: case.category.clone(),
            comp: comp_facts(lc, history, p),
            open: crate::case::history::status_of(history).is_open(),
            resolved,
            reopened: resolved && history.iter().any(|e| e.event == EventKind::Reopened),
            lost: lost_facts(lc, history, &o.estimates.params),
        }
    }
}

/// For each finding code, how many findings and on how many cases.
#[derive(Debug, Default)]
struct FindingSum {
    counts: BTreeMap<audit::FindingCode, (usize, usize)>,
}

impl FindingSum {
    fn add(&mut self, codes: &[audit::FindingCode]) {
        for code in audit::FindingCode::ALL {
            let n = codes.iter().filter(|c| **c == code).count();
            if n > 0 {
                let (findings, cases) = self.counts.entry(code).or_default();
                *findings += n;
                *cases += 1;
            }
        }
    }

    fn finish(self) -> Vec<FindingCount> {
        audit::FindingCode::ALL
            .into_iter()
            .map(|code| {
                let (findings, cases) = self.counts.get(&code).copied().unwrap_or_default();
                FindingCount {
                    code: code.as_str(),
                    severity: code.severity(),
                    findings,
                    cases,
                }
            })
            .collect()
    }
}

/// The report, added up one case at a time (see the module's notes).
#[derive(Debug)]
pub struct ReportSum {
    kpis: audit::KpiSum,
    periods: Periods,
    breakdowns: Vec<DimSum>,
    categories: BTreeMap<String, usize>,
    resolve: ResolveBins,
    compensation: CompSum,
    ageing: Ageing,
    resolved: usize,
    reopened: usize,
    findings: FindingSum,
    basis: BasisSum,
    actions: ActionBasis,
}

impl ReportSum {
    pub fn new(o: &Options) -> ReportSum {
        ReportSum {
            kpis: audit::KpiSum::default(),
            periods: Periods::default(),
            breakdowns: dims(o).iter().map(|_| DimSum::default()).collect(),
            categories: BTreeMap::new(),
            resolve: ResolveBins::new(),
            compensation: CompSum::default(),
            ageing: Ageing::default(),
            resolved: 0,
            reopened: 0,
            findings: FindingSum::default(),
            basis: BasisSum::default(),
            actions: ActionBasis::default(),
        }
    }

    /// Adds what [`Reader::facts`] made of one case.
    pub fn add(&mut self, f: Facts) {
        self.actions.add(f.action);
        let Some(s) = f.scoped else { return };
        self.kpis.add(&s.audit);
        self.periods.add(s.period, s.kind, &s.audit);
        for (sum, keys) in self.breakdowns.iter_mut().zip(s.keys) {
            sum.add(keys, &s.audit);
        }
        *self.categories.entry(s.category).or_default() += 1;
        self.resolve.add(s.audit.first_resolve_hours());
        self.compensation.add(s.comp);
        self.resolved += usize::from(s.resolved);
        self.reopened += usize::from(s.reopened);
        self.findings.add(&s.codes);
        self.basis.add(&s.id, s.lost);
        if s.open {
            self.ageing.add(s.received, s.id);
        }
    }

    /// The report; `actions` are those [`Reader::new`] was given.
    pub fn finish(self, p: &Policies, o: &Options, actions: &[Action]) -> Report {
        let tz = p.tz();
        let by = dims(o);
        let kpis = self.kpis.kpis();
        let total = kpis.cases;
        let categories: Vec<(String, usize)> = self.categories.into_iter().collect();
        Report {
            scope: Scope {
                as_of: local(o.as_of, tz),
                since: o.since.map(|s| local(s, tz)),
                until: o.until.map(|u| local(u, tz)),
                period: o.period,
                timezone: tz,
                currency: p.currency.clone(),
                by: by.clone(),
            },
            cases: total,
            periods: self.periods.finish(tz, o),
            breakdowns: by
                .into_iter()
                .zip(self.breakdowns)
                .map(|(dim, sum)| Breakdown {
                    dim,
                    rows: sum.finish(total),
                })
                .collect(),
            pareto: pareto(&categories),
            resolve_distribution: self.resolve.finish(),
            compensation: self.compensation.finish(p, &kpis),
            ageing: self.ageing.finish(tz, o.as_of),
            reopen: Reopen {
                resolved: self.resolved,
                reopened: self.reopened,
                rate: kpis.reopen_rate,
            },
            findings: self.findings.finish(),
            estimates: estimate(self.basis, &p.currency, &o.estimates),
            kpis,
            actions: self
                .actions
                .effects(actions, (o.as_of, tz, o.include_contacts)),
        }
    }
}
