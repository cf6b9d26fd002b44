//! The management review (`report --review 2026-Q3`; ISO 10002 §8.7, ISO
//! 9001 §9.3): one period against the one before it.
//!
//! - **KPIs** of the cases received in each period (the audit's, as in
//!   `report`), side by side.
//! - **Causes**: the Pareto of categories of the period, each with its count
//!   in the previous period.
//! - **Repeat customers**: a customer with a case in the period and at least
//!   two cases received up to its end. Two cases share a customer when they
//!   share an email (letter case ignored), a phone (its last ten digits) or a
//!   name (letter case, accents and spacing ignored).
//! - **Double deviations**: the service failed, then the recovery failed
//!   too. Either a case reopened in the period, or a case received in the
//!   period from a customer whose earlier case was resolved in the
//!   [`CAME_BACK_DAYS`] days before it: the customer came back.
//! - **Compensation** against the band and **findings** of the period's
//!   cases, with the **open findings**: those on cases still open.
//! - **Corrective actions** and their effect: see [`ActionEffect`].

use super::*;
use crate::ledger::actions::{Action, Status};

/// A case received within this many days after a resolution of the same
/// customer's earlier case is a double deviation.
pub const CAME_BACK_DAYS: i64 = 90;

/// The longest window, in days, on each side of an action's date.
pub const EFFECT_MAX_DAYS: i64 = 90;

#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub period: String,
    pub previous_period: String,
    #[serde(serialize_with = "ser::time")]
    pub since: DateTime<FixedOffset>,
    #[serde(serialize_with = "ser::time")]
    pub until: DateTime<FixedOffset>,
    #[serde(serialize_with = "ser::time")]
    pub as_of: DateTime<FixedOffset>,
    pub currency: String,
    pub kpis: Kpis,
    pub previous_kpis: Kpis,
    pub causes: Vec<CauseRow>,
    pub repeat_customers: Vec<RepeatCustomer>,
    pub double_deviations: Vec<DoubleDeviation>,
    pub compensation: CompensationSummary,
    pub findings: Vec<FindingCount>,
    pub open_findings: Vec<OpenFinding>,
    pub actions: Vec<ActionEffect>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CauseRow {
    pub category: String,
    pub cases: usize,
    pub share: f64,
    pub cumulative_share: f64,
    pub vital_few: bool,
    pub previous_cases: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RepeatCustomer {
    /// `customer 1`, … in order of first case; the name with --include-contacts.
    /// In English: JSON carries it in every language.
    pub customer: String,
    /// The pseudonym's number (`customer 1` is 1), for human formats to
    /// word in their language; `None` when the name is shown.
    #[serde(skip)]
    pub pseudonym: Option<usize>,
    /// Every case of the customer received up to the period's end, by ID.
    pub cases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DoubleDeviation {
    pub case: String,
    /// `reopened` or `came-back`.
    pub kind: &'static str,
    /// For `came-back`: the earlier case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    #[serde(serialize_with = "ser::time")]
    pub at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenFinding {
    pub case: String,
    pub code: &'static str,
    pub at: String,
}

/// An action's effect: per category it answers, the cases received in the
/// `window_days` before its date (its closing, else its creation) and in as
/// many days from it. The window is as long as the time since that date
/// allows, at most [`EFFECT_MAX_DAYS`]; 0 when the date is today or later
/// (too early to tell, and no counts are given).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionEffect {
    pub id: String,
    pub cause: String,
    pub owner: String,
    pub due: String,
    pub status: Status,
    pub cases: Vec<String>,
    /// Closed, else created.
    pub date: String,
    pub window_days: i64,
    pub categories: Vec<EffectRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EffectRow {
    pub category: String,
    pub before: usize,
    pub after: usize,
}

/// What the review covers and how.
pub struct ReviewOptions<'a> {
    pub span: &'a Span,
    pub previous: &'a Span,
    pub as_of: DateTime<Utc>,
    pub estimates: crate::policy::estimates::Loaded,
    pub include_contacts: bool,
}

/// The review of `all`, the cases in memory (`report --review` streams the
/// ledger through a [`ReviewReader`] and a [`ReviewSum`] instead).
pub fn build_review(
    all: &[LoadedCase],
    actions: &[Action],
    p: &Policies,
    o: &ReviewOptions,
) -> Review {
    let scopes = ReviewScopes::new(p, o);
    let reader = ReviewReader::new(p, o, &scopes, actions);
    let facts: Vec<ReviewFacts> = all.par_iter().filter_map(|lc| reader.facts(lc)).collect();
    let mut sum = ReviewSum::new(&scopes);
    for f in facts {
        sum.add(f);
    }
    sum.finish(p, o, &scopes, actions)
}

/// The options of the review's two reports: its period's and the one
/// before's.
pub struct ReviewScopes {
    now: Options,
    before: Options,
}

impl ReviewScopes {
    pub fn new(p: &Policies, o: &ReviewOptions) -> ReviewScopes {
        let tz = p.tz();
        let report_of = |s: &Span| Options {
            period: Period::Month,
            since: Some(s.since(tz)),
            until: Some(s.until(tz)),
            by: vec![Dim::Category],
            as_of: o.as_of,
            estimates: o.estimates.clone(),
            include_contacts: o.include_contacts,
        };
        ReviewScopes {
            now: report_of(o.span),
            before: report_of(o.previous),
        }
    }
}

/// Reads cases for a review: what each case adds to it ([`ReviewFacts`]),
/// on any thread, as the ledger is read.
pub struct ReviewReader<'a> {
    p: &'a Policies,
    now: Reader<'a>,
    before: Reader<'a>,
    named: Option<BTreeSet<String>>,
    /// The period, cut at `as_of`.
    since: DateTime<Utc>,
    until: DateTime<Utc>,
    as_of: DateTime<Utc>,
    include_contacts: bool,
}

/// What one case received at or before `as_of` adds to the review.
#[derive(Debug)]
pub struct ReviewFacts {
    now: Option<Facts>,
    before: Option<Facts>,
    /// For repeat customers and customers who came back: only cases
    /// received before the period's end.
    customer: Option<CustomerFacts>,
    reopened: Option<DoubleDeviation>,
    open_findings: Vec<OpenFinding>,
    action: Option<ActionFacts>,
}

/// What the customer sections need of a case.
#[derive(Debug)]
struct CustomerFacts {
    id: String,
    received: DateTime<Utc>,
    keys: Vec<String>,
    /// Its customer's name, with --include-contacts.
    name: Option<String>,
    /// Each resolution, as (the latest time of the events up to it, its
    /// time): it is in the history as it stood at `t` when the first is
    /// at or before `t` ([`clock::history_at`] stops at the first later event).
    resolutions: Vec<(DateTime<Utc>, DateTime<Utc>)>,
}

impl CustomerFacts {
    /// The last resolution in the history as it stood at `t`.
    fn last_resolution(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.resolutions
            .iter()
            .take_while(|(seen_by, _)| *seen_by <= t)
            .map(|(_, at)| *at)
            .last()
    }
}

impl<'a> ReviewReader<'a> {
    pub fn new(
        p: &'a Policies,
        o: &ReviewOptions,
        scopes: &'a ReviewScopes,
        actions: &[Action],
    ) -> ReviewReader<'a> {
        let tz = p.tz();
        ReviewReader {
            p,
            now: Reader::new(p, &scopes.now, &[]),
            before: Reader::new(p, &scopes.before, &[]),
            named: ActionBasis::named(actions),
            since: o.span.since(tz),
            until: o.span.until(tz).min(o.as_of),
            as_of: o.as_of,
            include_contacts: o.include_contacts,
        }
    }

    /// What `lc` adds to the review; `None` when it was received after
    /// `as_of`.
    pub fn facts(&self, lc: &LoadedCase) -> Option<ReviewFacts> {
        let c = &lc.case;
        let received = c.received.utc();
        if received > self.as_of {
            return None;
        }
        let in_period = received >= self.since && received < self.until;
        Some(ReviewFacts {
            now: self.now.facts(lc),
            before: self.before.facts(lc),
            customer: (received < self.until).then(|| self.customer(lc)),
            reopened: self.reopened(lc),
            open_findings: if in_period && is_open(lc, self.as_of) {
                open_findings(lc, self.p, self.as_of)
            } else {
                Vec::new()
            },
            action: ActionBasis::facts(lc, self.named.as_ref(), self.p.tz()),
        })
    }

    fn customer(&self, lc: &LoadedCase) -> CustomerFacts {
        let c = &lc.case;
        let mut latest = None;
        let mut resolutions = Vec::new();
        for e in &c.history {
            let at = e.at.utc();
            let seen_by = latest.map_or(at, |l: DateTime<Utc>| l.max(at));
            latest = Some(seen_by);
            if e.event == EventKind::Resolved {
                resolutions.push((seen_by, at));
            }
        }
        CustomerFacts {
            id: c.id.clone(),
            received: c.received.utc(),
            keys: customer_keys(c),
            name: self.include_contacts.then(|| c.customer.name.clone()),
            resolutions,
        }
    }

    /// The case's last reopening in the period, as its history stood at
    /// `as_of`.
    fn reopened(&self, lc: &LoadedCase) -> Option<DoubleDeviation> {
        let (since, until) = (self.since, self.until);
        let e = clock::history_at(&lc.case, self.as_of).iter().rfind(|e| {
            e.event == EventKind::Reopened && e.at.utc() >= since && e.at.utc() < until
        })?;
        Some(DoubleDeviation {
            case: lc.case.id.clone(),
            kind: "reopened",
            after: None,
            at: local(e.at.utc(), self.p.tz()),
        })
    }
}

/// The review, added up one case at a time: the two reports are sums
/// ([`ReportSum`]); the customer sections keep a few facts per case
/// received before the period's end, and group them at the end.
pub struct ReviewSum {
    now: ReportSum,
    before: ReportSum,
    customers: Vec<CustomerFacts>,
    reopened: Vec<DoubleDeviation>,
    open_findings: Vec<OpenFinding>,
    actions: ActionBasis,
}

impl ReviewSum {
    pub fn new(scopes: &ReviewScopes) -> ReviewSum {
        ReviewSum {
            now: ReportSum::new(&scopes.now),
            before: ReportSum::new(&scopes.before),
            customers: Vec::new(),
            reopened: Vec::new(),
            open_findings: Vec::new(),
            actions: ActionBasis::default(),
        }
    }

    /// Adds what [`ReviewReader::facts`] made of one case.
    pub fn add(&mut self, f: ReviewFacts) {
        if let Some(now) = f.now {
            self.now.add(now);
        }
        if let Some(before) = f.before {
            self.before.add(before);
        }
        self.customers.extend(f.customer);
        self.reopened.extend(f.reopened);
        self.open_findings.extend(f.open_findings);
        self.actions.add(f.action);
    }

    /// The review; `actions` are those [`ReviewReader::new`] was given.
    pub fn finish(
        mut self,
        p: &Policies,
        o: &ReviewOptions,
        scopes: &ReviewScopes,
        actions: &[Action],
    ) -> Review {
        let tz = p.tz();
        let now = self.now.finish(p, &scopes.now, &[]);
        let before = self.before.finish(p, &scopes.before, &[]);
        let since = o.span.since(tz);
        // Cases by receipt, then ID: the order groups and labels follow.
        self.customers
            .sort_by(|a, b| (a.received, &a.id).cmp(&(b.received, &b.id)));
        let groups = customers(&self.customers);
        let mut double = self.reopened;
        double.extend(came_back(&self.customers, &groups, since, tz));
        double.sort_by(|a, b| (a.at, &a.case).cmp(&(b.at, &b.case)));
        self.open_findings
            .sort_by(|a, b| (&a.case, a.code).cmp(&(&b.case, b.code)));
        Review {
            period: o.span.label.clone(),
            previous_period: o.previous.label.clone(),
            since: local(since, tz),
            until: local(o.span.until(tz), tz),
            as_of: local(o.as_of, tz),
            currency: p.currency.clone(),
            causes: causes(&now.pareto, &before.pareto),
            repeat_customers: repeat_customers(&self.customers, &groups, since),
            double_deviations: double,
            compensation: now.compensation,
            findings: now.findings,
            open_findings: self.open_findings,
            actions: self
                .actions
                .effects(actions, (o.as_of, tz, o.include_contacts)),
            kpis: now.kpis,
            previous_kpis: before.kpis,
        }
    }
}

fn causes(now: &[ParetoRow], before: &[ParetoRow]) -> Vec<CauseRow> {
    now.iter()
        .map(|r| CauseRow {
            category: r.category.clone(),
            cases: r.cases,
            share: r.share,
            cumulative_share: r.cumulative_share,
            vital_few: r.vital_few,
            previous_cases: before
                .iter()
                .find(|b| b.category == r.category)
                .map_or(0, |b| b.cases),
        })
        .collect()
}

/// The keys by which two cases share a customer.
fn customer_keys(c: &crate::case::Case) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(e) = c
        .customer
        .email
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        keys.push(format!("email:{}", e.to_lowercase()));
    }
    let digits: String = c
        .customer
        .phone
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    if digits.len() >= 7 {
        keys.push(format!(
            "phone:{}",
            &digits[digits.len().saturating_sub(10)..]
        ));
    }
    let name = crate::case::search::fold(&c.customer.name);
    let name: Vec<&str> = name.split_whitespace().collect();
    if !name.is_empty() {
        keys.push(format!("name:{}", name.join(" ")));
    }
    keys
}

/// Groups of case indices that share a customer (union by any key), in
/// order of their first case.
fn customers(cases: &[CustomerFacts]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..cases.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, c) in cases.iter().enumerate() {
        for k in &c.keys {
            let j = *first.entry(k).or_insert(i);
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..cases.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups.into_values().collect()
}

/// `cases` by receipt, grouped by [`customers`].
fn repeat_customers(
    cases: &[CustomerFacts],
    groups: &[Vec<usize>],
    since: DateTime<Utc>,
) -> Vec<RepeatCustomer> {
    groups
        .iter()
        .filter(|g| g.len() >= 2 && g.iter().any(|&i| cases[i].received >= since))
        .enumerate()
        .map(|(n, g)| {
            let named = g.first().and_then(|&i| cases[i].name.clone());
            RepeatCustomer {
                pseudonym: named.is_none().then_some(n + 1),
                customer: named.unwrap_or_else(|| format!("customer {}", n + 1)),
                cases: g.iter().map(|&i| cases[i].id.clone()).collect(),
            }
        })
        .collect()
}

/// Cases received in the period from a customer whose earlier case was
/// resolved in the [`CAME_BACK_DAYS`] days before.
fn came_back(
    cases: &[CustomerFacts],
    groups: &[Vec<usize>],
    since: DateTime<Utc>,
    tz: Tz,
) -> Vec<DoubleDeviation> {
    let mut out = Vec::new();
    for g in groups {
        for (k, &i) in g.iter().enumerate() {
            let later = &cases[i];
            let r = later.received;
            if r < since {
                continue;
            }
            let earlier = g[..k].iter().rev().find(|&&j| {
                cases[j]
                    .last_resolution(r)
                    .is_some_and(|at| (r - at).num_days() <= CAME_BACK_DAYS)
            });
            if let Some(&j) = earlier {
                out.push(DoubleDeviation {
                    case: later.id.clone(),
                    kind: "came-back",
                    after: Some(cases[j].id.clone()),
                    at: local(r, tz),
                });
            }
        }
    }
    out
}

/// The findings of an open case, as the review lists them.
fn open_findings(lc: &LoadedCase, p: &Policies, as_of: DateTime<Utc>) -> Vec<OpenFinding> {
    audit::audit_case(lc, p, as_of)
        .findings
        .into_iter()
        .map(|f| OpenFinding {
            case: f.case,
            code: f.code.as_str(),
            at: f.at,
        })
        .collect()
}

/// Each corrective action with, per category it answers, the cases
/// received before and after its date; `seen` are the cases to count.
/// The review and the plain report both show these.
pub fn action_effects(
    actions: &[Action],
    seen: &[&LoadedCase],
    (as_of, tz, include_contacts): (DateTime<Utc>, Tz, bool),
) -> Vec<ActionEffect> {
    let named = ActionBasis::named(actions);
    let mut basis = ActionBasis::default();
    for c in seen {
        basis.add(ActionBasis::facts(c, named.as_ref(), tz));
    }
    basis.effects(actions, (as_of, tz, include_contacts))
}

/// What one case adds to the [`ActionBasis`].
#[derive(Debug)]
pub struct ActionFacts {
    category: String,
    /// Its date of receipt in the ledger's zone.
    date: NaiveDate,
    /// Its ID and customer, when an action names it.
    named: Option<(String, crate::case::Customer)>,
}

/// What the actions' effects need of the cases, gathered one case at a
/// time: how many cases of each category were received on each date, and
/// the category and customer of the cases the actions name.
#[derive(Debug, Default)]
pub struct ActionBasis {
    received: BTreeMap<String, BTreeMap<NaiveDate, usize>>,
    named: Vec<(String, String, crate::case::Customer)>,
}

impl ActionBasis {
    /// The IDs of the cases the actions name; `None` without actions, when
    /// no case need be looked at.
    pub fn named(actions: &[Action]) -> Option<BTreeSet<String>> {
        (!actions.is_empty()).then(|| actions.iter().flat_map(|a| a.cases.clone()).collect())
    }

    /// What `lc` adds, given [`named`](Self::named); `None` without actions.
    pub fn facts(lc: &LoadedCase, named: Option<&BTreeSet<String>>, tz: Tz) -> Option<ActionFacts> {
        let named = named?;
        let c = &lc.case;
        Some(ActionFacts {
            category: c.category.clone(),
            date: c.received.utc().with_timezone(&tz).date_naive(),
            named: named
                .contains(&c.id)
                .then(|| (c.id.clone(), c.customer.clone())),
        })
    }

    pub fn add(&mut self, f: Option<ActionFacts>) {
        let Some(f) = f else { return };
        if let Some((id, customer)) = f.named {
            self.named.push((id, f.category.clone(), customer));
        }
        *self
            .received
            .entry(f.category)
            .or_default()
            .entry(f.date)
            .or_default() += 1;
    }

    /// Cases of `category` received on dates in [from, to).
    fn count(&self, category: &str, from: NaiveDate, to: NaiveDate) -> usize {
        match self.received.get(category) {
            Some(days) if from < to => days.range(from..to).map(|(_, n)| n).sum(),
            _ => 0,
        }
    }

    /// Each corrective action's effect (see [`ActionEffect`]), by action ID.
    pub fn effects(
        mut self,
        actions: &[Action],
        (as_of, tz, include_contacts): (DateTime<Utc>, Tz, bool),
    ) -> Vec<ActionEffect> {
        // By case ID, whatever order the cases came in.
        self.named.sort_by(|a, b| a.0.cmp(&b.0));
        let today = as_of.with_timezone(&tz).date_naive();
        let category_of = |id: &str| {
            self.named
                .iter()
                .find(|(named, _, _)| named == id)
                .map(|(_, category, _)| category.clone())
        };
        let mut out: Vec<ActionEffect> = actions
            .iter()
            .filter(|a| a.created <= today)
            .map(|a| {
                let date = a.anchor();
                let days = (today - date).num_days().clamp(0, EFFECT_MAX_DAYS);
                let categories = a
                    .categories(category_of)
                    .into_iter()
                    .map(|cat| self.effect_row(&cat, date, days))
                    .collect();
                ActionEffect {
                    id: a.id.clone(),
                    cause: if include_contacts {
                        a.cause.clone()
                    } else {
                        crate::ledger::actions::mask_for(&a.cause, self.customers(a))
                    },
                    owner: a.owner.clone(),
                    due: a.due.to_string(),
                    status: a.status(today),
                    cases: a.cases.clone(),
                    date: date.to_string(),
                    window_days: days,
                    categories,
                }
            })
            .collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// The customers of the cases `a` names.
    fn customers(&self, a: &Action) -> Vec<&crate::case::Customer> {
        self.named
            .iter()
            .filter(|(id, _, _)| a.cases.contains(id))
            .map(|(_, _, customer)| customer)
            .collect()
    }

    /// Cases of `category` received in the `days` before `date` and from it.
    fn effect_row(&self, category: &str, date: NaiveDate, days: i64) -> EffectRow {
        let span = chrono::Days::new(u64::try_from(days).unwrap_or(0));
        let start = date.checked_sub_days(span).unwrap_or(date);
        let end = date.checked_add_days(span).unwrap_or(date);
        EffectRow {
            category: category.to_string(),
            before: self.count(category, start, date),
            after: self.count(category, date, end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn a_review_does_not_depend_on_the_order_cases_come_in() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for (dir, period, previous) in [
            (root.join("tests/fixtures/returns"), "2026-Q3", "2026-Q2"),
            (root.to_path_buf(), "2026", "2025"),
        ] {
            let p = crate::policy::load(&dir).unwrap();
            let ledger = crate::ledger::Ledger { root: dir.clone() };
            let cases = ledger.scan(&p).cases;
            let (span, previous): (Span, Span) =
                (period.parse().unwrap(), previous.parse().unwrap());
            let o = ReviewOptions {
                span: &span,
                previous: &previous,
                as_of: at("2026-11-22T12:00:00-05:00"),
                estimates: crate::policy::estimates::load(&dir).unwrap(),
                include_contacts: true,
            };
            let (loaded, _) = ledger.actions();
            let actions: Vec<Action> = loaded.into_iter().map(|l| l.action).collect();
            let json = |r: &Review| serde_json::to_string(r).unwrap();
            let whole = build_review(&cases, &actions, &p, &o);
            let scopes = ReviewScopes::new(&p, &o);
            let reader = ReviewReader::new(&p, &o, &scopes, &actions);
            let (odd, even): (Vec<_>, Vec<_>) =
                cases.iter().enumerate().partition(|(i, _)| i % 2 == 1);
            let shuffled: Vec<&LoadedCase> = odd.into_iter().chain(even).map(|(_, c)| c).collect();
            for order in [cases.iter().rev().collect::<Vec<_>>(), shuffled] {
                let mut sum = ReviewSum::new(&scopes);
                order
                    .iter()
                    .filter_map(|lc| reader.facts(lc))
                    .for_each(|f| sum.add(f));
                let r = sum.finish(&p, &o, &scopes, &actions);
                assert_eq!(json(&r), json(&whole), "{}", dir.display());
            }
            if period == "2026-Q3" {
                // The fixture's repeat customer, reopening and return.
                assert_eq!(whole.repeat_customers.len(), 1);
                let kinds: Vec<&str> = whole.double_deviations.iter().map(|d| d.kind).collect();
                assert_eq!(kinds, ["reopened", "came-back"]);
            }
        }
    }

    #[test]
    fn a_resolution_counts_once_every_event_before_it_had_happened() {
        // As `clock::history_at` sees it: the history up to the first event
        // later than `t`, even when a later one stands before an earlier.
        let r = |seen_by: &str, at_: &str| (at(seen_by), at(at_));
        let c = CustomerFacts {
            id: "x".into(),
            received: at("2026-07-01T00:00:00Z"),
            keys: vec![],
            name: None,
            resolutions: vec![
                r("2026-07-02T00:00:00Z", "2026-07-02T00:00:00Z"),
                r("2026-07-10T00:00:00Z", "2026-07-05T00:00:00Z"),
            ],
        };
        assert_eq!(c.last_resolution(at("2026-07-01T00:00:00Z")), None);
        assert_eq!(
            c.last_resolution(at("2026-07-06T00:00:00Z")),
            Some(at("2026-07-02T00:00:00Z"))
        );
        assert_eq!(
            c.last_resolution(at("2026-07-10T00:00:00Z")),
            Some(at("2026-07-05T00:00:00Z"))
        );
    }
}
