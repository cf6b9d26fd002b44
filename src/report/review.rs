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

pub fn build_review(
    all: &[LoadedCase],
    actions: &[Action],
    p: &Policies,
    o: &ReviewOptions,
) -> Review {
    let tz = p.tz();
    let report_of = |s: &Span| {
        build(
            all,
            p,
            &Options {
                period: Period::Month,
                since: Some(s.since(tz)),
                until: Some(s.until(tz)),
                by: vec![Dim::Category],
                as_of: o.as_of,
                estimates: o.estimates.clone(),
                include_contacts: o.include_contacts,
            },
        )
    };
    let now = report_of(o.span);
    let before = report_of(o.previous);
    let (since, until) = (o.span.since(tz), o.span.until(tz).min(o.as_of));
    let seen: Vec<&LoadedCase> = all
        .iter()
        .filter(|c| c.case.received.utc() <= o.as_of)
        .collect();
    let in_period = |c: &&LoadedCase| {
        let r = c.case.received.utc();
        r >= since && r < until
    };
    let period_cases: Vec<&LoadedCase> = seen.iter().copied().filter(in_period).collect();
    Review {
        period: o.span.label.clone(),
        previous_period: o.previous.label.clone(),
        since: local(since, tz),
        until: local(o.span.until(tz), tz),
        as_of: local(o.as_of, tz),
        currency: p.currency.clone(),
        causes: causes(&now.pareto, &before.pareto),
        repeat_customers: repeat_customers(&seen, since, until, o.include_contacts),
        double_deviations: double_deviations(&seen, since, until, o.as_of, tz),
        compensation: now.compensation,
        findings: now.findings,
        open_findings: open_findings(&period_cases, p, o.as_of),
        actions: action_effects(actions, &seen, (o.as_of, tz, o.include_contacts)),
        kpis: now.kpis,
        previous_kpis: before.kpis,
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
fn customers(cases: &[&LoadedCase]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..cases.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    for (i, c) in cases.iter().enumerate() {
        for k in customer_keys(&c.case) {
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

/// Cases by receipt, then ID: the order groups and labels follow.
fn by_receipt<'a>(seen: &[&'a LoadedCase], until: DateTime<Utc>) -> Vec<&'a LoadedCase> {
    let mut v: Vec<&LoadedCase> = seen
        .iter()
        .copied()
        .filter(|c| c.case.received.utc() < until)
        .collect();
    v.sort_by(|a, b| (a.case.received.utc(), &a.case.id).cmp(&(b.case.received.utc(), &b.case.id)));
    v
}

fn repeat_customers(
    seen: &[&LoadedCase],
    since: DateTime<Utc>,
    until: DateTime<Utc>,
    include_contacts: bool,
) -> Vec<RepeatCustomer> {
    let cases = by_receipt(seen, until);
    customers(&cases)
        .into_iter()
        .filter(|g| g.len() >= 2 && g.iter().any(|&i| cases[i].case.received.utc() >= since))
        .enumerate()
        .map(|(n, g)| {
            let named = g.first().filter(|_| include_contacts);
            RepeatCustomer {
                customer: match named {
                    Some(&i) => cases[i].case.customer.name.clone(),
                    None => format!("customer {}", n + 1),
                },
                pseudonym: named.is_none().then_some(n + 1),
                cases: g.iter().map(|&i| cases[i].case.id.clone()).collect(),
            }
        })
        .collect()
}

fn double_deviations(
    seen: &[&LoadedCase],
    since: DateTime<Utc>,
    until: DateTime<Utc>,
    as_of: DateTime<Utc>,
    tz: Tz,
) -> Vec<DoubleDeviation> {
    let mut out = Vec::new();
    for c in seen {
        let reopened = clock::history_at(&c.case, as_of)
            .iter()
            .rfind(|e| e.event == EventKind::Reopened && e.at.utc() >= since && e.at.utc() < until);
        if let Some(e) = reopened {
            out.push(DoubleDeviation {
                case: c.case.id.clone(),
                kind: "reopened",
                after: None,
                at: local(e.at.utc(), tz),
            });
        }
    }
    let cases = by_receipt(seen, until);
    for g in customers(&cases) {
        for (k, &i) in g.iter().enumerate() {
            let later = cases[i];
            let r = later.case.received.utc();
            if r < since {
                continue;
            }
            let earlier = g[..k].iter().rev().find(|&&j| {
                last_resolution(cases[j], r).is_some_and(|at| (r - at).num_days() <= CAME_BACK_DAYS)
            });
            if let Some(&j) = earlier {
                out.push(DoubleDeviation {
                    case: later.case.id.clone(),
                    kind: "came-back",
                    after: Some(cases[j].case.id.clone()),
                    at: local(r, tz),
                });
            }
        }
    }
    out.sort_by(|a, b| (a.at, &a.case).cmp(&(b.at, &b.case)));
    out
}

/// The last resolution of a case at or before `t`.
fn last_resolution(c: &LoadedCase, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
    clock::history_at(&c.case, t)
        .iter()
        .filter(|e| e.event == EventKind::Resolved)
        .map(|e| e.at.utc())
        .next_back()
}

fn open_findings(cases: &[&LoadedCase], p: &Policies, as_of: DateTime<Utc>) -> Vec<OpenFinding> {
    let mut out: Vec<OpenFinding> = cases
        .iter()
        .filter(|c| is_open(c, as_of))
        .flat_map(|c| audit::audit_case(c, p, as_of).findings)
        .map(|f| OpenFinding {
            case: f.case,
            code: f.code.as_str(),
            at: f.at,
        })
        .collect();
    out.sort_by(|a, b| (&a.case, a.code).cmp(&(&b.case, b.code)));
    out
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
