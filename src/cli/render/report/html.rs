//! The report as one self-contained HTML page: cards, SVG charts, tables.

use super::{
    Readings, acknowledge_pair, breakdowns, charts, dim_header, estimate_label, estimate_note,
    estimate_value, judged, period_word, readings, resolve_pair, subtitle, t, title,
};
use crate::cli::render::fmt::{amount, capitalise, compact, hours, money, percent, short_number};
use crate::i18n::tr;
use crate::policy::compensation::BandPosition;
use crate::report::{CompensationCase, Report, position_name};
use anyhow::Result;
use minijinja::value::{Enumerator, Object, ObjectRepr, Value};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

const TEMPLATE: &str = include_str!("../../../templates/report/report.html");

#[derive(Serialize)]
struct Page {
    /// `en` or `fr`: the page's `<html lang>`.
    lang: &'static str,
    /// The template's own words, in the language in force.
    words: BTreeMap<&'static str, String>,
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
    /// A sequence of rows, each a sequence of cells (see
    /// [`CompensationRows`] for the longest).
    rows: Value,
}

/// The rows of the compensation table, each written only when the template
/// reads it: a large ledger has tens of thousands, and holding them all as
/// text, then as template values, would cost several times the report.
#[derive(Debug)]
struct CompensationRows(Vec<CompensationCase>);

impl CompensationRows {
    fn row(x: &CompensationCase) -> Vec<String> {
        vec![
            x.case.clone(),
            money(x.harm),
            money(x.granted),
            percent(Some(x.share)),
            format!("{}–{}", money(x.band_min), money(x.band_max)),
            super::position_word(position_name(x.position)),
        ]
    }
}

impl Object for CompensationRows {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let x = self.0.get(key.as_usize()?)?;
        Some(Value::from(Self::row(x)))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.0.len())
    }
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

/// The page. It takes the report, for the compensation table moves the
/// cases outside their band out of it rather than copying them.
pub fn render(mut r: Report) -> Result<String> {
    let rd = readings(&r);
    let kpis = cards(&r);
    let charts = charts(&r, &rd)?;
    let mut outside = std::mem::take(&mut r.compensation.cases);
    outside.retain(|x| x.position != BandPosition::Within);
    let r = &r;
    let page = Page {
        lang: crate::i18n::current().code(),
        words: words(),
        title: title(r),
        subtitle: subtitle(r),
        kpis,
        charts,
        tables: tables(r, outside),
        estimates: r
            .estimates
            .figures
            .iter()
            .map(|e| EstimateRow {
                label: estimate_label(e),
                value: format!("≈ {}", estimate_value(e)),
                formula: super::formula(e),
            })
            .collect(),
        estimate_note: estimate_note(&r.estimates.source),
        parameters: parameters(r)?,
    };
    let mut env = minijinja::Environment::new();
    env.add_template("table.html", super::doc::TABLE_TEMPLATE)?;
    env.add_template("report.html", TEMPLATE)?;
    env.add_template("table_body.html", super::doc::TABLE_BODY_TEMPLATE)?;
    let html = env
        .get_template("report.html")?
        .render(minijinja::value::Serde(&page))?;
    Ok(html)
}

/// The words the template writes itself.
fn words() -> BTreeMap<&'static str, String> {
    [
        ("eyebrow", "html-eyebrow"),
        ("key_figures", "html-key-figures"),
        ("charts", "html-charts"),
        ("estimates_title", "report-estimates"),
        ("badge", "html-badge"),
        ("col_estimate", "html-col-estimate"),
        ("col_value", "audit-md-value"),
        ("col_how", "html-col-how"),
        ("parameters", "html-parameters"),
        ("tables", "html-tables"),
        ("none", "html-none"),
        ("footer", "html-footer"),
    ]
    .into_iter()
    .map(|(k, id)| (k, tr(id)))
    .collect()
}

fn card(label: &str, value: String, note: String, tone: &'static str) -> Card {
    Card {
        label: label.into(),
        value,
        note,
        tone,
    }
}

fn cards(r: &Report) -> Vec<Card> {
    let k = &r.kpis;
    let mut cards = vec![
        card(
            &tr("kpi-cases"),
            k.cases.to_string(),
            t("html-open", &[("open", k.open.to_string())]),
            "",
        ),
        card(
            &tr("kpi-acknowledged-on-time"),
            percent(k.acknowledged_on_time_rate),
            t(
                "html-median",
                &[("median", hours(k.median_hours_to_acknowledge))],
            ),
            tone(k.acknowledged_on_time_rate, 0.9, 0.75),
        ),
        card(
            &tr("kpi-resolved-on-time"),
            percent(k.resolved_on_time_rate),
            t(
                "html-median-p90",
                &[
                    ("median", hours(k.median_hours_to_resolve)),
                    ("p90", hours(k.p90_hours_to_resolve)),
                ],
            ),
            tone(k.resolved_on_time_rate, 0.9, 0.75),
        ),
        card(
            &tr("kpi-satisfied"),
            percent(k.satisfaction_rate),
            t(
                "html-follow-up-on",
                &[("share", percent(k.follow_up_coverage))],
            ),
            tone(k.satisfaction_rate, 0.85, 0.7),
        ),
    ];
    cards.extend(outcome_cards(r));
    cards
}

/// The cards after the service levels: reopenings, compensation, estimate.
fn outcome_cards(r: &Report) -> Vec<Card> {
    let c = &r.compensation;
    let at_risk = r
        .estimates
        .figures
        .iter()
        .find(|e| e.key == "revenue_at_risk");
    vec![
        card(
            &tr("html-reopened"),
            percent(r.reopen.rate),
            t(
                "html-reopened-note",
                &[
                    ("reopened", r.reopen.reopened.to_string()),
                    ("resolved", r.reopen.resolved.to_string()),
                ],
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
            &tr("kpi-compensation-ratio"),
            percent(c.ratio),
            t(
                "html-within-band",
                &[
                    ("within", c.within_band.to_string()),
                    ("judged", judged(c).to_string()),
                ],
            ),
            "",
        ),
        card(
            &tr("html-revenue-at-risk"),
            at_risk.map_or_else(|| "—".into(), |e| format!("≈ {}", compact(e.value))),
            t(
                "html-revenue-note",
                &[(
                    "currency",
                    crate::cli::render::fmt::currency_sign(&r.scope.currency).to_string(),
                )],
            ),
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
            t("html-chart-volume", &[("period", word.into())]),
            &rd.volume,
            charts::volume(&r.periods, word)?,
            true,
        ),
        chart(
            "pareto",
            tr("report-pareto"),
            &rd.pareto,
            charts::pareto(&r.pareto)?,
            true,
        ),
        chart(
            "resolve",
            tr("report-resolve"),
            &rd.resolve,
            charts::resolve_histogram(&r.resolve_distribution)?,
            false,
        ),
        chart(
            "timing",
            t("html-chart-timing", &[("period", word.into())]),
            &rd.timing,
            charts::timing(&r.periods, word)?,
            false,
        ),
        chart(
            "compensation",
            tr("html-chart-compensation"),
            &rd.compensation,
            charts::compensation(&c.cases, band, &r.scope.currency)?,
            false,
        ),
        chart(
            "ageing",
            tr("report-ageing"),
            &rd.ageing,
            charts::ageing(&r.ageing)?,
            false,
        ),
    ])
}

/// Column headers from catalogue ids.
fn headers(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| tr(id)).collect()
}

fn tables(r: &Report, outside: Vec<CompensationCase>) -> Vec<HtmlTable> {
    let mut tables = vec![period_table(r)];
    tables.extend(breakdown_tables(r));
    tables.push(HtmlTable {
        title: tr("report-ageing"),
        reading: tr("html-ageing-reading"),
        headers: headers(&["col-age", "col-open-cases", "col-cases"]),
        numeric: vec![false, true, false],
        rows: r
            .ageing
            .iter()
            .map(|b| {
                vec![
                    super::days_label(b.bucket),
                    b.cases.to_string(),
                    b.ids.join(" "),
                ]
            })
            .collect::<Vec<_>>()
            .into(),
    });
    tables.push(compensation_table(r, outside));
    tables.push(HtmlTable {
        title: tr("report-findings"),
        reading: t(
            "html-reopened-reading",
            &[
                ("reopened", r.reopen.reopened.to_string()),
                ("resolved", r.reopen.resolved.to_string()),
            ],
        ),
        headers: headers(&["col-code", "col-severity", "col-findings", "col-cases"]),
        numeric: vec![false, false, true, true],
        rows: r
            .findings
            .iter()
            .map(|f| {
                vec![
                    f.code.to_string(),
                    crate::cli::render::fmt::word(f.severity.as_str()),
                    f.findings.to_string(),
                    f.cases.to_string(),
                ]
            })
            .collect::<Vec<_>>()
            .into(),
    });
    if !r.actions.is_empty() {
        let (headers, rows) = super::action_table(r);
        tables.push(HtmlTable {
            title: tr("review-actions"),
            reading: tr("review-actions-reading"),
            numeric: vec![false; headers.len()],
            headers,
            rows: Value::from(rows),
        });
    }
    tables
}

fn period_table(r: &Report) -> HtmlTable {
    let word = period_word(r);
    let mut head = vec![capitalise(&word)];
    head.extend(headers(&[
        "col-cases",
        "col-complaints",
        "col-claims",
        "col-open",
        "col-resolved-on-time",
        "col-ack-pair",
        "col-resolve-pair",
    ]));
    HtmlTable {
        title: t(
            "html-per-period",
            &[("period", r.scope.period.as_str().into())],
        ),
        reading: String::new(),
        headers: head,
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
            .collect::<Vec<_>>()
            .into(),
    }
}

fn breakdown_tables(r: &Report) -> Vec<HtmlTable> {
    breakdowns(r)
        .map(|(dim, rows)| HtmlTable {
            title: t("report-by", &[("dim", super::dim_word(dim))]),
            reading: String::new(),
            headers: std::iter::once(dim_header(dim))
                .chain(headers(&[
                    "col-cases",
                    "col-share",
                    "col-open",
                    "col-resolved-on-time",
                    "col-median-resolve",
                    "col-satisfied",
                ]))
                .collect(),
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
                .collect::<Vec<_>>()
                .into(),
        })
        .collect()
}

/// `outside`: the cases outside their band, by ID.
fn compensation_table(r: &Report, outside: Vec<CompensationCase>) -> HtmlTable {
    let c = &r.compensation;
    let cur = &r.scope.currency;
    HtmlTable {
        title: tr("html-outside-band"),
        reading: t(
            "html-outside-band-reading",
            &[
                ("total", amount(c.granted_total, cur)),
                ("granted", amount(c.granted_with_harm, cur)),
                ("harm", amount(c.harm_total, cur)),
            ],
        ),
        headers: headers(&[
            "col-case",
            "col-harm",
            "col-granted",
            "col-share",
            "col-band",
            "col-position",
        ]),
        numeric: vec![false, true, true, true, true, false],
        rows: Value::from_object(CompensationRows(outside)),
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
