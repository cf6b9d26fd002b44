//! The report as one self-contained HTML page: cards, SVG charts, tables.

use super::{
    ESTIMATE_NOTE, Readings, acknowledge_pair, breakdowns, charts, dim_header, estimate_value,
    judged, readings, resolve_pair, subtitle, title,
};
use crate::cli::render::fmt::{amount, capitalise, compact, hours, money, percent, short_number};
use crate::policy::compensation::BandPosition;
use crate::report::{Report, position_name};
use anyhow::Result;
use serde::Serialize;

const TEMPLATE: &str = include_str!("../../../templates/report/report.html");

#[derive(Serialize)]
struct Page {
    title: String,
    subtitle: String,
    kpis: Vec<Card>,
    charts: Vec<Chart>,
    tables: Vec<HtmlTable>,
    estimates: Vec<EstimateRow>,
    estimate_note: String,
    parameters: Vec<(String, String)>,
}

#[derive(Serialize)]
struct Card {
    label: String,
    value: String,
    note: String,
    tone: &'static str,
}

#[derive(Serialize)]
struct Chart {
    id: &'static str,
    title: String,
    reading: String,
    svg: String,
    wide: bool,
}

#[derive(Serialize)]
struct HtmlTable {
    title: String,
    reading: String,
    headers: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    numeric: Vec<bool>,
    rows: Vec<Vec<String>>,
}

#[derive(Serialize)]
struct EstimateRow {
    label: String,
    value: String,
    formula: String,
}

fn tone(rate: Option<f64>, good: f64, fair: f64) -> &'static str {
    match rate {
        Some(r) if r >= good => "good",
        Some(r) if r >= fair => "fair",
        Some(_) => "poor",
        None => "",
    }
}

pub fn render(r: &Report) -> Result<String> {
    let rd = readings(r);
    let page = Page {
        title: title(r),
        subtitle: subtitle(r),
        kpis: cards(r),
        charts: charts(r, &rd)?,
        tables: tables(r),
        estimates: r
            .estimates
            .figures
            .iter()
            .map(|e| EstimateRow {
                label: e.label.to_string(),
                value: format!("≈ {}", estimate_value(e)),
                formula: e.formula.clone(),
            })
            .collect(),
        estimate_note: format!("{ESTIMATE_NOTE} Parameters: {}.", r.estimates.source),
        parameters: parameters(r)?,
    };
    let mut env = minijinja::Environment::new();
    env.add_template("report.html", TEMPLATE)?;
    let html = env
        .get_template("report.html")?
        .render(minijinja::value::Serde(&page))?;
    Ok(html)
}

fn cards(r: &Report) -> Vec<Card> {
    let k = &r.kpis;
    let c = &r.compensation;
    let at_risk = r
        .estimates
        .figures
        .iter()
        .find(|e| e.key == "revenue_at_risk");
    let card = |label: &str, value: String, note: String, tone: &'static str| Card {
        label: label.into(),
        value,
        note,
        tone,
    };
    vec![
        card("Cases", k.cases.to_string(), format!("{} open", k.open), ""),
        card(
            "Acknowledged on time",
            percent(k.acknowledged_on_time_rate),
            format!("median {}", hours(k.median_hours_to_acknowledge)),
            tone(k.acknowledged_on_time_rate, 0.9, 0.75),
        ),
        card(
            "Resolved on time",
            percent(k.resolved_on_time_rate),
            format!(
                "median {}, p90 {}",
                hours(k.median_hours_to_resolve),
                hours(k.p90_hours_to_resolve)
            ),
            tone(k.resolved_on_time_rate, 0.9, 0.75),
        ),
        card(
            "Satisfied at follow-up",
            percent(k.satisfaction_rate),
            format!("follow-up on {} of resolved", percent(k.follow_up_coverage)),
            tone(k.satisfaction_rate, 0.85, 0.7),
        ),
        card(
            "Reopened",
            percent(r.reopen.rate),
            format!(
                "{} of {} resolved: double deviation",
                r.reopen.reopened, r.reopen.resolved
            ),
            // Fewer is better: the tone reads the rate the other way round.
            match r.reopen.rate {
                Some(x) if x <= 0.05 => "good",
                Some(x) if x <= 0.10 => "fair",
                Some(_) => "poor",
                None => "",
            },
        ),
        card(
            "Compensation / harm",
            percent(c.ratio),
            format!("{} of {} within band", c.within_band, judged(c)),
            "",
        ),
        card(
            "Revenue at risk (estimate)",
            at_risk.map_or_else(|| "—".into(), |e| format!("≈ {}", compact(e.value))),
            format!("{} of lifetime revenue; see below", r.scope.currency),
            "estimate",
        ),
    ]
}

fn charts(r: &Report, rd: &Readings) -> Result<Vec<Chart>> {
    let word = r.scope.period.as_str();
    let c = &r.compensation;
    let band = (
        rust_decimal::prelude::ToPrimitive::to_f64(&c.band_min).unwrap_or(0.7),
        rust_decimal::prelude::ToPrimitive::to_f64(&c.band_max).unwrap_or(0.8),
    );
    let chart = |id, title: String, reading: &String, svg, wide| Chart {
        id,
        title,
        reading: reading.clone(),
        svg,
        wide,
    };
    Ok(vec![
        chart(
            "volume",
            format!("Cases per {word}, by kind"),
            &rd.volume,
            charts::volume(&r.periods, word)?,
            true,
        ),
        chart(
            "pareto",
            "Pareto of categories".into(),
            &rd.pareto,
            charts::pareto(&r.pareto)?,
            true,
        ),
        chart(
            "resolve",
            "Time to resolve".into(),
            &rd.resolve,
            charts::resolve_histogram(&r.resolve_distribution)?,
            false,
        ),
        chart(
            "timing",
            format!("Time to resolve per {word}"),
            &rd.timing,
            charts::timing(&r.periods, word)?,
            false,
        ),
        chart(
            "compensation",
            "Compensation as a share of the harm".into(),
            &rd.compensation,
            charts::compensation(&c.cases, band, &r.scope.currency)?,
            false,
        ),
        chart(
            "ageing",
            "Backlog ageing".into(),
            &rd.ageing,
            charts::ageing(&r.ageing)?,
            false,
        ),
    ])
}

fn headers(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

fn tables(r: &Report) -> Vec<HtmlTable> {
    let mut tables = vec![period_table(r)];
    tables.extend(breakdown_tables(r));
    tables.push(HtmlTable {
        title: "Backlog ageing".into(),
        reading: "Open cases by calendar days since receipt, oldest first.".into(),
        headers: headers(&["Age", "Open cases", "Cases"]),
        numeric: vec![false, true, false],
        rows: r
            .ageing
            .iter()
            .map(|b| vec![b.bucket.to_string(), b.cases.to_string(), b.ids.join(" ")])
            .collect(),
    });
    tables.push(compensation_table(r));
    tables.push(HtmlTable {
        title: "Audit findings".into(),
        reading: format!(
            "Reopened (double deviation): {} of {} resolved cases.",
            r.reopen.reopened, r.reopen.resolved
        ),
        headers: headers(&["Code", "Severity", "Findings", "Cases"]),
        numeric: vec![false, false, true, true],
        rows: r
            .findings
            .iter()
            .map(|f| {
                vec![
                    f.code.to_string(),
                    f.severity.as_str().to_string(),
                    f.findings.to_string(),
                    f.cases.to_string(),
                ]
            })
            .collect(),
    });
    tables
}

fn period_table(r: &Report) -> HtmlTable {
    let word = r.scope.period.as_str();
    HtmlTable {
        title: format!("Per {word}"),
        reading: String::new(),
        headers: headers(&[
            capitalise(word).as_str(),
            "Cases",
            "Complaints",
            "Claims",
            "Open",
            "Resolved on time",
            "Acknowledge median / p90",
            "Resolve median / p90",
        ]),
        numeric: vec![false, true, true, true, true, true, true, true],
        rows: r
            .periods
            .iter()
            .map(|p| {
                vec![
                    p.period.to_string(),
                    p.cases.to_string(),
                    p.complaints.to_string(),
                    p.claims.to_string(),
                    p.open.to_string(),
                    percent(p.resolved_on_time_rate),
                    acknowledge_pair(p),
                    resolve_pair(p),
                ]
            })
            .collect(),
    }
}

fn breakdown_tables(r: &Report) -> Vec<HtmlTable> {
    breakdowns(r)
        .map(|(dim, rows)| HtmlTable {
            title: format!("By {dim}"),
            reading: String::new(),
            headers: headers(&[
                dim_header(dim).as_str(),
                "Cases",
                "Share",
                "Open",
                "Resolved on time",
                "Median to resolve",
                "Satisfied",
            ]),
            numeric: vec![false, true, true, true, true, true, true],
            rows: rows
                .iter()
                .map(|b| {
                    vec![
                        b.key.clone(),
                        b.cases.to_string(),
                        percent(Some(b.share)),
                        b.open.to_string(),
                        percent(b.resolved_on_time_rate),
                        hours(b.median_hours_to_resolve),
                        percent(b.satisfaction_rate),
                    ]
                })
                .collect(),
        })
        .collect()
}

fn compensation_table(r: &Report) -> HtmlTable {
    let c = &r.compensation;
    let cur = &r.scope.currency;
    HtmlTable {
        title: "Compensation outside the band".into(),
        reading: format!(
            "Granted in all: {}. On resolved cases with a harm: {} for {} of harm.",
            amount(c.granted_total, cur),
            amount(c.granted_with_harm, cur),
            amount(c.harm_total, cur)
        ),
        headers: headers(&["Case", "Harm", "Granted", "Share", "Band", "Position"]),
        numeric: vec![false, true, true, true, true, false],
        rows: c
            .cases
            .iter()
            .filter(|x| x.position != BandPosition::Within)
            .map(|x| {
                vec![
                    x.case.clone(),
                    money(x.harm),
                    money(x.granted),
                    percent(Some(x.share)),
                    format!("{}–{}", money(x.band_min), money(x.band_max)),
                    position_name(x.position).to_string(),
                ]
            })
            .collect(),
    }
}

/// The estimates' parameters, by name, as short numbers.
fn parameters(r: &Report) -> Result<Vec<(String, String)>> {
    let params = serde_json::to_value(r.estimates.parameters)?;
    Ok(params
        .as_object()
        .map(|m| {
            let mut v: Vec<(String, String)> = m
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_f64().map_or_else(|| v.to_string(), short_number),
                    )
                })
                .collect();
            v.sort();
            v
        })
        .unwrap_or_default())
}
