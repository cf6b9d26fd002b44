//! The cost estimates: figures commonly quoted in customer-service
//! training applied to the ledger's counts, each with its formula.

use super::*;
use crate::case::history::History;
use crate::i18n::Msg;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimates {
    pub source: String,
    pub parameters: Params,
    pub figures: Vec<Estimate>,
}

/// One estimated figure, with the formula that produced it, numbers filled in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub key: &'static str,
    pub label: &'static str,
    pub value: f64,
    pub unit: Unit,
    /// In English: what JSON and CSV carry.
    pub formula: String,
    /// The same formula as a catalogue message, for human formats.
    #[serde(skip)]
    pub text: Msg,
}

/// What an estimate counts: serialised as `customers`, `people` or the
/// ledger's currency code.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    Customers,
    People,
    Currency(String),
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Customers => f.write_str("customers"),
            Unit::People => f.write_str("people"),
            Unit::Currency(code) => f.write_str(code),
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `12`, `0.91`, `1 234.5`: a parameter or figure as the formulas show it.
/// The formula is part of the figure (JSON carries it), so it is written here.
fn num(x: f64) -> String {
    let r = round(x, 2);
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_string()
    }
}

/// The ledger's counts the estimates start from.
struct Basis {
    /// Cases in scope.
    n: f64,
    /// Resolved, and not dissatisfied at their latest follow-up.
    recovered: usize,
    /// Still open, or dissatisfied.
    not_recovered: usize,
    /// Σ lost share × annual value, over the complainants.
    lost_value: f64,
    /// Complainants whose annual value is recorded.
    known: usize,
}

/// What one case adds to the [`Basis`].
#[derive(Debug, Clone, Copy)]
pub(super) struct LostFacts {
    recovered: bool,
    known: bool,
    /// Its lost share × its annual value.
    lost: f64,
}

/// A case's part of the basis, seen through `history` (its history at
/// `as_of`).
pub(super) fn lost_facts(lc: &LoadedCase, history: &[crate::case::Event], e: &Params) -> LostFacts {
    let status = crate::case::history::status_of(history);
    let dissatisfied = history
        .last_of(EventKind::FollowedUp)
        .is_some_and(|ev| ev.satisfied == Some(false));
    let recovered = !status.is_open() && !dissatisfied;
    let lost_share = if recovered {
        1.0 - e.resolved_retained_share
    } else {
        e.unresolved_lost_share
    };
    let (known, value) = match lc.case.customer.annual_value {
        Some(v) => (true, v.0.to_f64().unwrap_or(e.average_annual_value)),
        None => (false, e.average_annual_value),
    };
    LostFacts {
        recovered,
        known,
        lost: lost_share * value,
    }
}

/// The basis, added up one case at a time. The lost values are kept (an ID
/// and a number each) and summed in the order of the cases' IDs at the end:
/// a sum of floating-point numbers depends on its order, and the report
/// must not depend on the order the cases were read in.
#[derive(Debug, Default)]
pub(super) struct BasisSum {
    recovered: usize,
    not_recovered: usize,
    known: usize,
    lost: Vec<(Box<str>, f64)>,
}

impl BasisSum {
    pub(super) fn add(&mut self, id: &str, f: LostFacts) {
        if f.recovered {
            self.recovered += 1;
        } else {
            self.not_recovered += 1;
        }
        self.known += usize::from(f.known);
        self.lost.push((id.into(), f.lost));
    }

    fn finish(mut self) -> Basis {
        if !self.lost.is_sorted_by(|a, b| a.0 <= b.0) {
            self.lost.sort_by(|a, b| a.0.cmp(&b.0));
        }
        Basis {
            n: self.lost.len() as f64,
            recovered: self.recovered,
            not_recovered: self.not_recovered,
            lost_value: self.lost.iter().fold(0.0, |sum, (_, v)| sum + v),
            known: self.known,
        }
    }
}

/// The cost estimates (see `policy::estimates`). Cases are split into the
/// recovered (resolved, and not dissatisfied at their latest follow-up) and
/// the rest.
pub(super) fn estimate(
    sum: BasisSum,
    currency: &str,
    loaded: &crate::policy::estimates::Loaded,
) -> Estimates {
    let e = &loaded.params;
    let b = sum.finish();
    let mut figures = customer_figures(&b, e);
    figures.extend(revenue_figures(&b, e, currency));
    Estimates {
        source: loaded.source.clone(),
        parameters: *e,
        figures,
    }
}

fn figure(key: &'static str, label: &'static str, value: f64, unit: Unit, text: Msg) -> Estimate {
    Estimate {
        key,
        label,
        value: round(value, 2),
        unit,
        formula: text.english(&|d, cur| format!("{d} {cur}")),
        text,
    }
}

/// Silent customers (those who did not complain) × the share lost.
fn silent_lost(b: &Basis, e: &Params) -> (f64, f64) {
    let silent = b.n * e.silent_per_complaint;
    (silent, silent * e.silent_lost_share)
}

fn complainants_lost(b: &Basis, e: &Params) -> f64 {
    b.recovered as f64 * (1.0 - e.resolved_retained_share)
        + b.not_recovered as f64 * e.unresolved_lost_share
}

fn customer_figures(b: &Basis, e: &Params) -> Vec<Estimate> {
    let (silent, silent_lost) = silent_lost(b, e);
    let complainants_lost = complainants_lost(b, e);
    vec![
        figure(
            "silent_customers",
            "Dissatisfied customers who did not complain",
            silent,
            Unit::Customers,
            Msg::new("formula-silent-customers")
                .arg("cases", num(b.n))
                .arg("silent", num(e.silent_per_complaint)),
        ),
        figure(
            "silent_lost",
            "Silent customers who will not buy again",
            silent_lost,
            Unit::Customers,
            Msg::new("formula-product")
                .arg("a", num(silent))
                .arg("b", num(e.silent_lost_share)),
        ),
        figure(
            "complainants_lost",
            "Complainants likely lost",
            complainants_lost,
            Unit::Customers,
            Msg::new("formula-complainants-lost")
                .arg("recovered", b.recovered.to_string())
                .arg("retained", num(e.resolved_retained_share))
                .arg("open", b.not_recovered.to_string())
                .arg("lost", num(e.unresolved_lost_share)),
        ),
        figure(
            "customers_at_risk",
            "Customers at risk",
            silent_lost + complainants_lost,
            Unit::Customers,
            Msg::new("formula-sum")
                .arg("a", num(silent_lost))
                .arg("b", num(complainants_lost)),
        ),
    ]
}

fn revenue_figures(b: &Basis, e: &Params, currency: &str) -> Vec<Estimate> {
    let (silent, silent_lost) = silent_lost(b, e);
    let value = e.average_annual_value;
    let years = e.relationship_years;
    let dissatisfied = b.n + silent;
    let avoiding = dissatisfied * e.circle_of_influence * e.target_market_share * e.avoid_share;
    let money = || Unit::Currency(currency.to_string());
    vec![
        figure(
            "revenue_at_risk",
            "Lifetime revenue at risk",
            (silent_lost * value + b.lost_value) * years,
            money(),
            Msg::new("formula-revenue-at-risk")
                .arg("silent", num(silent_lost))
                .arg("value", num(value))
                .arg("known", b.known.to_string())
                .arg("cases", num(b.n))
                .arg("lost", num(b.lost_value))
                .arg("years", num(years)),
        ),
        figure(
            "people_told",
            "People told by dissatisfied customers",
            dissatisfied * e.word_of_mouth_told,
            Unit::People,
            Msg::new("formula-people-told")
                .arg("cases", num(b.n))
                .arg("silent", num(silent))
                .arg("told", num(e.word_of_mouth_told)),
        ),
        figure(
            "prospects_avoiding",
            "Prospects who will avoid the company",
            avoiding,
            Unit::People,
            Msg::new("formula-prospects-avoiding")
                .arg("dissatisfied", num(dissatisfied))
                .arg("circle", num(e.circle_of_influence))
                .arg("market", num(e.target_market_share))
                .arg("avoid", num(e.avoid_share)),
        ),
        figure(
            "prospect_revenue_lost",
            "Lifetime revenue of prospects lost",
            avoiding * value * years,
            money(),
            Msg::new("formula-prospect-revenue")
                .arg("avoiding", num(avoiding))
                .arg("value", num(value))
                .arg("years", num(years)),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_formulas_are_short() {
        assert_eq!(num(26.0), "26");
        assert_eq!(num(0.91), "0.91");
        assert_eq!(num(0.1), "0.1");
        assert_eq!(num(1234.567), "1234.57");
    }

    #[test]
    fn lost_values_add_up_in_the_order_of_ids_whatever_the_order_read() {
        // 1e16 + 1 + 1 is 1e16 when summed left to right, 1e16 + 2 when the
        // small ones come first: the order of IDs decides.
        let f = |lost| LostFacts {
            recovered: true,
            known: true,
            lost,
        };
        let by_id: f64 = (1e16 + 1.0) + 1.0;
        assert_ne!(by_id, 1e16 + (1.0 + 1.0));
        for order in [["a", "b", "c"], ["c", "b", "a"], ["b", "c", "a"]] {
            let mut sum = BasisSum::default();
            for id in order {
                sum.add(id, f(if id == "a" { 1e16 } else { 1.0 }));
            }
            let b = sum.finish();
            assert_eq!(b.lost_value.to_bits(), by_id.to_bits(), "{order:?}");
            assert_eq!((b.n, b.recovered, b.known), (3.0, 3, 3));
        }
    }
}
