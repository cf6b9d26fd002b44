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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Ledger;
    use std::path::Path;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// A ledger of this repository: its policies, valid cases (in file
    /// order) and corrective actions.
    struct Fixture {
        p: Policies,
        cases: Vec<LoadedCase>,
        actions: Vec<Action>,
        estimates: crate::policy::estimates::Loaded,
    }

    fn ledger(dir: &str) -> Fixture {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let p = crate::policy::load(&root).unwrap();
        let estimates = crate::policy::estimates::load(&root).unwrap();
        let ledger = Ledger { root };
        let cases = ledger.scan_map(&p, |lc| lc).items;
        let (actions, problems) = ledger.actions();
        assert!(problems.is_empty(), "{dir}: {problems:?}");
        let actions = actions.into_iter().map(|a| a.action).collect();
        Fixture {
            p,
            cases,
            actions,
            estimates,
        }
    }

    fn options(f: &Fixture, window: bool, by: Vec<Dim>, include_contacts: bool) -> Options {
        Options {
            period: if window {
                Period::Quarter
            } else {
                Period::Month
            },
            since: window.then(|| at("2026-02-01T00:00:00-05:00")),
            until: window.then(|| at("2026-10-01T00:00:00-04:00")),
            by,
            as_of: at("2026-11-22T12:00:00-05:00"),
            estimates: f.estimates.clone(),
            include_contacts,
        }
    }

    /// The report of `cases` read one at a time in the order given.
    fn streamed(cases: &[&LoadedCase], p: &Policies, o: &Options, actions: &[Action]) -> Report {
        let reader = Reader::new(p, o, actions);
        let mut sum = ReportSum::new(o);
        for f in cases.iter().filter_map(|lc| reader.facts(lc)) {
            sum.add(f);
        }
        sum.finish(p, o, actions)
    }

    /// The same cases in other orders: reversed, and the odd ones first.
    fn orders(cases: &[LoadedCase]) -> [Vec<&LoadedCase>; 3] {
        let forward: Vec<&LoadedCase> = cases.iter().collect();
        let reversed = forward.iter().rev().copied().collect();
        let (odd, even): (Vec<(usize, &LoadedCase)>, _) = forward
            .iter()
            .copied()
            .enumerate()
            .partition(|(i, _)| i % 2 == 1);
        let shuffled = odd.into_iter().chain(even).map(|(_, c)| c).collect();
        [forward, reversed, shuffled]
    }

    #[test]
    fn the_order_cases_are_read_in_changes_nothing() {
        let every = vec![
            Dim::Category,
            Dim::Tag,
            Dim::Assignee,
            Dim::Risk,
            Dim::Outcome,
        ];
        for dir in ["", "tests/fixtures/report", "tests/fixtures/returns"] {
            let f = ledger(dir);
            let (p, cases, actions) = (&f.p, &f.cases, &f.actions);
            assert!(cases.len() >= 5, "{dir}: a multi-case ledger");
            for (window, by, contacts) in [
                (false, vec![Dim::Category, Dim::Channel], false),
                (true, every.clone(), false),
                (false, every.clone(), true),
            ] {
                let o = options(&f, window, by, contacts);
                let [forward, reversed, shuffled] = orders(cases);
                let expected = streamed(&forward, p, &o, actions);
                assert!(expected.cases > 0, "{dir}");
                let json = |r: &Report| serde_json::to_string_pretty(r).unwrap();
                for other in [&reversed, &shuffled] {
                    assert_eq!(
                        json(&streamed(other, p, &o, actions)),
                        json(&expected),
                        "{dir}"
                    );
                }
                // The review's way, from the cases in memory, agrees too.
                let mut built = build(cases, p, &o);
                built.actions = expected.actions.clone();
                assert_eq!(json(&built), json(&expected), "{dir}");
            }
        }
    }

    /// Each group's figures are those of an audit of its cases, the whole
    /// ledger at hand: the sums add up what a whole-ledger pass would find.
    #[test]
    fn each_group_has_the_figures_of_its_cases() {
        let f = ledger("");
        let by = vec![Dim::Category, Dim::Tag, Dim::Outcome];
        let o = options(&f, false, by.clone(), false);
        let r = build(&f.cases, &f.p, &o);
        let mut scope: Vec<&LoadedCase> = f
            .cases
            .iter()
            .filter(|c| c.case.received.utc() <= o.as_of)
            .collect();
        scope.sort_by(|a, b| a.case.id.cmp(&b.case.id));
        let audits: Vec<audit::CaseAudit> = scope
            .iter()
            .map(|c| audit::audit_case(c, &f.p, o.as_of))
            .collect();
        assert_eq!(r.kpis, audit::kpis_of(&audits));
        let pick = |keep: &dyn Fn(&LoadedCase) -> bool| {
            audit::kpis_of(
                scope
                    .iter()
                    .zip(&audits)
                    .filter(|(c, _)| keep(c))
                    .map(|(_, a)| a),
            )
        };
        for (b, dim) in r.breakdowns.iter().zip(&by) {
            assert!(!b.rows.is_empty());
            for row in &b.rows {
                let k = pick(&|c| dim.keys(c, o.as_of).contains(&row.key));
                assert_eq!(row.cases, k.cases, "{dim} {}", row.key);
                assert_eq!(row.open, k.open, "{dim} {}", row.key);
                assert_eq!(
                    row.median_hours_to_resolve,
                    hours(k.median_hours_to_resolve)
                );
                assert_eq!(row.satisfaction_rate, rate(k.satisfaction_rate));
            }
        }
        let tz = f.p.tz();
        for row in &r.periods {
            let key = |c: &LoadedCase| PeriodKey::of(c.case.received.utc(), tz, o.period);
            let k = pick(&|c| key(c) == row.period.key);
            assert_eq!((row.cases, row.open), (k.cases, k.open), "{}", row.period);
            assert_eq!(row.p90_hours_to_resolve, hours(k.p90_hours_to_resolve));
        }
        let mut open: Vec<(DateTime<Utc>, &str)> = scope
            .iter()
            .filter(|c| is_open(c, o.as_of))
            .map(|c| (c.case.received.utc(), c.case.id.as_str()))
            .collect();
        open.sort();
        assert!(!open.is_empty());
        for (i, bucket) in r.ageing.iter().enumerate() {
            let mine: Vec<&str> = open
                .iter()
                .filter(|(t, _)| age_bucket(calendar_days(*t, o.as_of, tz)) == i)
                .map(|(_, id)| *id)
                .collect();
            assert_eq!(bucket.ids, mine, "{}", bucket.bucket);
        }
        let ids: Vec<&str> = r
            .compensation
            .cases
            .iter()
            .map(|c| c.case.as_str())
            .collect();
        assert!(!ids.is_empty() && ids.is_sorted(), "{ids:?}");
    }
}
