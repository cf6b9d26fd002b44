//! The report (`crate::report::Report`) as a table, markdown, JSON, CSV or
//! HTML. What several formats share lives here: the title, the one-line
//! readings of each chart and the headline figures.

pub mod charts;
pub mod csv;
pub mod doc;
pub mod html;
pub mod json;
pub mod markdown;
pub mod returns;
pub mod review;
pub mod table;

use crate::cli::render::fmt::{and_list, capitalise, hours, hours_pair, percent1, whole};
use crate::cli::render::kpis::KpiRows;
use crate::report::{self, Dim, Report};
use rust_decimal::Decimal;
use std::fmt::Write as _;

pub(crate) const ESTIMATE_NOTE: &str = "Estimates, not measurements: each applies a figure commonly quoted in customer-service training to this ledger's counts. Change the parameters in policies/estimates.toml.";

/// `70–80 %`.
fn band_text(c: &report::CompensationSummary) -> String {
    let p = crate::cli::render::fmt::share_of_hundred;
    format!("{}–{} %", p(c.band_min), p(c.band_max))
}

fn estimate_value(e: &report::Estimate) -> String {
    format!("{} {}", whole(e.value), e.unit)
}

/// A column header for a dimension: `Category`, but `fields.State` as typed.
fn dim_header(dim: &Dim) -> String {
    match dim {
        Dim::Field(_) => dim.to_string(),
        _ => capitalise(&dim.to_string()),
    }
}

/// The breakdowns in the order asked for, with their dimension.
fn breakdowns(r: &Report) -> impl Iterator<Item = (&Dim, &Vec<report::BreakdownRow>)> {
    r.breakdowns.iter().map(|b| (&b.dim, &b.rows))
}

/// How many founded cases with a harm were judged against their band.
fn judged(c: &report::CompensationSummary) -> usize {
    c.below_band + c.within_band + c.above_band
}

/// One-line readings of each chart, shared by every format.
struct Readings {
    volume: String,
    pareto: String,
    resolve: String,
    compensation: String,
    timing: String,
    ageing: String,
}

fn readings(r: &Report) -> Readings {
    Readings {
        volume: volume_reading(r),
        pareto: pareto_reading(r),
        resolve: resolve_reading(r),
        compensation: compensation_reading(r),
        timing: timing_reading(r),
        ageing: ageing_reading(r),
    }
}

fn volume_reading(r: &Report) -> String {
    let word = r.scope.period.as_str();
    let complaints: usize = r.periods.iter().map(|p| p.complaints).sum();
    let claims: usize = r.periods.iter().map(|p| p.claims).sum();
    let busiest = r
        .periods
        .iter()
        .filter(|p| p.cases > 0)
        .max_by(|a, b| a.cases.cmp(&b.cases).then_with(|| b.period.cmp(&a.period)));
    match busiest {
        Some(b) => format!(
            "{} cases over {} {word}s ({complaints} complaints, {claims} claims); the busiest {word} was {} with {}.",
            r.cases,
            r.periods.len(),
            b.period,
            b.cases
        ),
        None => "No case was received in the period.".into(),
    }
}

fn pareto_reading(r: &Report) -> String {
    let vital: Vec<&report::ParetoRow> = r.pareto.iter().filter(|p| p.vital_few).collect();
    let Some(last) = vital.last() else {
        return "No case to classify.".into();
    };
    let names: Vec<String> = vital.iter().map(|p| p.category.clone()).collect();
    format!(
        "{} account{} for {:.0} % of cases{}.",
        capitalise(&and_list(&names)),
        if names.len() == 1 { "s" } else { "" },
        last.cumulative_share * 100.0,
        match &r.pareto[vital.len()..] {
            [] => String::new(),
            [one] => format!("; {} makes up the rest", one.category),
            rest => format!("; the other {} categories share the rest", rest.len()),
        }
    )
}

fn resolve_reading(r: &Report) -> String {
    match (r.kpis.median_hours_to_resolve, r.kpis.p90_hours_to_resolve) {
        (Some(m), Some(p)) => format!(
            "Half the cases were resolved within {}, nine in ten within {} (first decision, wall clock).",
            hours(Some(m)),
            hours(Some(p))
        ),
        _ => "No case has been resolved yet.".into(),
    }
}

fn compensation_reading(r: &Report) -> String {
    let c = &r.compensation;
    match judged(c) {
        0 => "No founded case with a recorded harm has been resolved yet.".into(),
        n => format!(
            "{} of {n} founded cases with a harm were compensated within their band, {} below and {} above; overall, {} of the harm was granted.",
            c.within_band,
            c.below_band,
            c.above_band,
            percent1(c.ratio)
        ),
    }
}

fn timing_reading(r: &Report) -> String {
    if r.periods.is_empty() {
        return "No case was received in the period.".into();
    }
    let with: Vec<&report::PeriodRow> = r
        .periods
        .iter()
        .filter(|p| p.median_hours_to_resolve.is_some())
        .collect();
    match (with.first(), with.last()) {
        (Some(a), Some(b)) if a.period != b.period => format!(
            "The median time to resolve went from {} ({}) to {} ({}).",
            hours(a.median_hours_to_resolve),
            a.period,
            hours(b.median_hours_to_resolve),
            b.period
        ),
        (Some(a), _) => format!(
            "The median time to resolve was {} ({}).",
            hours(a.median_hours_to_resolve),
            a.period
        ),
        _ => "No case has been resolved yet.".into(),
    }
}

fn ageing_reading(r: &Report) -> String {
    let open: usize = r.ageing.iter().map(|b| b.cases).sum();
    let old = r.ageing.last().map_or(0, |b| b.cases);
    let day = r.scope.as_of.format("%Y-%m-%d");
    match open {
        0 => format!("No case was open on {day}."),
        _ => format!(
            "{open} case{} open on {day}; {old} received more than 30 days earlier.",
            if open == 1 { " was" } else { "s were" },
        ),
    }
}

/// The headline figures, label and value.
fn kpi_rows(r: &Report) -> Vec<(&'static str, String)> {
    let k = KpiRows::new(&r.kpis);
    let cur = &r.scope.currency;
    let c = &r.compensation;
    let money = |d: Decimal| crate::cli::render::fmt::amount(d, cur);
    vec![
        k.cases(),
        k.acknowledged_on_time(),
        k.resolved_on_time(),
        k.time_to_acknowledge(),
        k.time_to_resolve(),
        k.satisfied(),
        k.follow_up_coverage(),
        (
            "Reopened (double deviation)",
            format!(
                "{} ({} of {} resolved)",
                percent1(r.reopen.rate),
                r.reopen.reopened,
                r.reopen.resolved
            ),
        ),
        ("Compensation granted", money(c.granted_total)),
        (
            "Compensation / harm",
            format!(
                "{} ({} / {})",
                percent1(c.ratio),
                money(c.granted_with_harm),
                money(c.harm_total)
            ),
        ),
        (
            "Within the band",
            format!(
                "{} of {} ({} below, {} above)",
                c.within_band,
                judged(c),
                c.below_band,
                c.above_band
            ),
        ),
    ]
}

fn title(r: &Report) -> String {
    match (r.periods.first(), r.periods.last()) {
        (Some(a), Some(b)) if a.period != b.period => {
            format!("Complaints and claims, {} to {}", a.period, b.period)
        }
        (Some(a), _) => format!("Complaints and claims, {}", a.period),
        _ => "Complaints and claims".into(),
    }
}

fn subtitle(r: &Report) -> String {
    let rfc3339 = |t: &chrono::DateTime<chrono::FixedOffset>| {
        t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    };
    let mut s = format!(
        "{} cases, by {} received; as of {} ({})",
        r.cases,
        r.scope.period.as_str(),
        r.scope.as_of.format("%Y-%m-%d %H:%M:%S%:z"),
        r.scope.timezone.name()
    );
    if let Some(since) = &r.scope.since {
        let _ = write!(s, "; since {}", rfc3339(since));
    }
    if let Some(until) = &r.scope.until {
        let _ = write!(s, "; before {}", rfc3339(until));
    }
    s
}

/// Per-period median / p90 pairs, as the tables show them.
fn resolve_pair(p: &report::PeriodRow) -> String {
    hours_pair(p.median_hours_to_resolve, p.p90_hours_to_resolve)
}

fn acknowledge_pair(p: &report::PeriodRow) -> String {
    hours_pair(p.median_hours_to_acknowledge, p.p90_hours_to_acknowledge)
}
