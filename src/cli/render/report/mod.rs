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
use crate::i18n::{tr, tr_args};
use crate::report::{self, Dim, Report};
use rust_decimal::Decimal;

/// What the estimates are, with the file of their parameters.
pub(crate) fn estimate_note(source: &str) -> String {
    t("report-estimate-note", &[("source", source.to_string())])
}

/// `70–80 %`.
fn band_text(c: &report::CompensationSummary) -> String {
    let p = crate::cli::render::fmt::share_of_hundred;
    format!("{}–{} %", p(c.band_min), p(c.band_max))
}

fn estimate_value(e: &report::Estimate) -> String {
    match &e.unit {
        report::Unit::Currency(code) => crate::cli::render::fmt::amount_whole(e.value, code),
        unit => format!(
            "{} {}",
            whole(e.value),
            t("estimate-unit", &[("unit", unit.to_string())])
        ),
    }
}

/// An estimate's formula in the language in force, its numbers as the
/// parameters file writes them.
fn formula(e: &report::Estimate) -> String {
    e.text.render(&crate::cli::render::fmt::amount)
}

/// An estimate's name in the language in force (by its key).
fn estimate_label(e: &report::Estimate) -> String {
    crate::i18n::try_tr(&format!("estimate-{}", e.key).replace('_', "-"))
        .unwrap_or_else(|| e.label.to_string())
}

/// `3-7 d`, `< 1 d`: a span of days in the language's unit (`3-7 j`).
fn days_label(label: &str) -> String {
    match label.strip_suffix(" d") {
        Some(head) => format!("{head} {}", crate::cli::render::fmt::day_unit()),
        None => label.to_string(),
    }
}

/// `below`, `within`, `above`: a position against the band, in words.
fn position_word(name: &str) -> String {
    t("report-position", &[("position", name.to_string())])
}

/// A column header for a dimension: `Category`, but `fields.State` as typed.
fn dim_header(dim: &Dim) -> String {
    match dim {
        Dim::Field(_) => dim.to_string(),
        _ => capitalise(&dim_word(dim)),
    }
}

/// A dimension's name in a sentence: `category`, `catégorie`.
fn dim_word(dim: &Dim) -> String {
    match dim {
        Dim::Field(_) => dim.to_string(),
        _ => t("report-dimension", &[("dim", dim.to_string())]),
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

/// A message with its arguments, all given as text.
fn t(id: &str, args: &[(&str, String)]) -> String {
    let values: Vec<(&str, fluent_bundle::FluentValue)> =
        args.iter().map(|(k, v)| (*k, v.clone().into())).collect();
    tr_args(id, &values)
}

/// A message with a count that drives its plural, and other text arguments.
fn tn(id: &str, count: usize, args: &[(&str, String)]) -> String {
    let mut values: Vec<(&str, fluent_bundle::FluentValue)> =
        args.iter().map(|(k, v)| (*k, v.clone().into())).collect();
    values.push(("count", (count as i64).into()));
    tr_args(id, &values)
}

/// The period's word: `month`, `mois`.
fn period_word(r: &Report) -> String {
    t(
        "report-period",
        &[("period", r.scope.period.as_str().into())],
    )
}

fn volume_reading(r: &Report) -> String {
    let complaints: usize = r.periods.iter().map(|p| p.complaints).sum();
    let claims: usize = r.periods.iter().map(|p| p.claims).sum();
    let busiest = r
        .periods
        .iter()
        .filter(|p| p.cases > 0)
        .max_by(|a, b| a.cases.cmp(&b.cases).then_with(|| b.period.cmp(&a.period)));
    match busiest {
        Some(b) => tn(
            "reading-volume",
            r.periods.len(),
            &[
                ("cases", r.cases.to_string()),
                ("period", r.scope.period.as_str().into()),
                ("complaints", complaints.to_string()),
                ("claims", claims.to_string()),
                ("busiest", b.period.to_string()),
                ("most", b.cases.to_string()),
            ],
        ),
        None => tr("reading-no-case-received"),
    }
}

fn pareto_reading(r: &Report) -> String {
    let vital: Vec<&report::ParetoRow> = r.pareto.iter().filter(|p| p.vital_few).collect();
    let Some(last) = vital.last() else {
        return tr("reading-no-case-to-classify");
    };
    let names: Vec<String> = vital.iter().map(|p| p.category.clone()).collect();
    let rest = match &r.pareto[vital.len()..] {
        [] => String::new(),
        [one] => t(
            "reading-pareto-rest-one",
            &[("category", one.category.clone())],
        ),
        rest => tn("reading-pareto-rest", rest.len(), &[]),
    };
    tn(
        "reading-pareto",
        names.len(),
        &[
            ("names", capitalise(&and_list(&names))),
            ("share", format!("{:.0}", last.cumulative_share * 100.0)),
            ("rest", rest),
        ],
    )
}

fn resolve_reading(r: &Report) -> String {
    match (r.kpis.median_hours_to_resolve, r.kpis.p90_hours_to_resolve) {
        (Some(m), Some(p)) => t(
            "reading-resolve",
            &[("median", hours(Some(m))), ("p90", hours(Some(p)))],
        ),
        _ => tr("reading-none-resolved"),
    }
}

fn compensation_reading(r: &Report) -> String {
    let c = &r.compensation;
    match judged(c) {
        0 => tr("reading-no-compensation"),
        n => t(
            "reading-compensation",
            &[
                ("within", c.within_band.to_string()),
                ("judged", n.to_string()),
                ("below", c.below_band.to_string()),
                ("above", c.above_band.to_string()),
                ("ratio", percent1(c.ratio)),
            ],
        ),
    }
}

fn timing_reading(r: &Report) -> String {
    if r.periods.is_empty() {
        return tr("reading-no-case-received");
    }
    let with: Vec<&report::PeriodRow> = r
        .periods
        .iter()
        .filter(|p| p.median_hours_to_resolve.is_some())
        .collect();
    match (with.first(), with.last()) {
        (Some(a), Some(b)) if a.period != b.period => t(
            "reading-timing-change",
            &[
                ("from", hours(a.median_hours_to_resolve)),
                ("first", a.period.to_string()),
                ("to", hours(b.median_hours_to_resolve)),
                ("last", b.period.to_string()),
            ],
        ),
        (Some(a), _) => t(
            "reading-timing-one",
            &[
                ("median", hours(a.median_hours_to_resolve)),
                ("period", a.period.to_string()),
            ],
        ),
        _ => tr("reading-none-resolved"),
    }
}

fn ageing_reading(r: &Report) -> String {
    let open: usize = r.ageing.iter().map(|b| b.cases).sum();
    let old = r.ageing.last().map_or(0, |b| b.cases);
    let day = r.scope.as_of.format("%Y-%m-%d").to_string();
    match open {
        0 => t("reading-ageing-none", &[("day", day)]),
        _ => tn(
            "reading-ageing",
            open,
            &[("day", day), ("old", old.to_string())],
        ),
    }
}

/// The headline figures, label and value.
fn kpi_rows(r: &Report) -> Vec<(String, String)> {
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
            tr("kpi-reopened"),
            t(
                "report-reopened-value",
                &[
                    ("rate", percent1(r.reopen.rate)),
                    ("reopened", r.reopen.reopened.to_string()),
                    ("resolved", r.reopen.resolved.to_string()),
                ],
            ),
        ),
        (tr("kpi-compensation"), money(c.granted_total)),
        (
            tr("kpi-compensation-ratio"),
            format!(
                "{} ({} / {})",
                percent1(c.ratio),
                money(c.granted_with_harm),
                money(c.harm_total)
            ),
        ),
        (
            tr("kpi-within-band"),
            t(
                "report-within-band-value",
                &[
                    ("within", c.within_band.to_string()),
                    ("judged", judged(c).to_string()),
                    ("below", c.below_band.to_string()),
                    ("above", c.above_band.to_string()),
                ],
            ),
        ),
    ]
}

fn title(r: &Report) -> String {
    match (r.periods.first(), r.periods.last()) {
        (Some(a), Some(b)) if a.period != b.period => t(
            "report-title-range",
            &[
                ("first", a.period.to_string()),
                ("last", b.period.to_string()),
            ],
        ),
        (Some(a), _) => t("report-title-one", &[("period", a.period.to_string())]),
        _ => tr("report-title"),
    }
}

fn subtitle(r: &Report) -> String {
    let rfc3339 = |t: &chrono::DateTime<chrono::FixedOffset>| {
        t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    };
    let mut s = t(
        "report-subtitle",
        &[
            ("cases", r.cases.to_string()),
            ("period", r.scope.period.as_str().into()),
            (
                "as_of",
                r.scope.as_of.format("%Y-%m-%d %H:%M:%S%:z").to_string(),
            ),
            ("zone", r.scope.timezone.name().into()),
        ],
    );
    if let Some(since) = &r.scope.since {
        s.push_str(&t("report-subtitle-since", &[("since", rfc3339(since))]));
    }
    if let Some(until) = &r.scope.until {
        s.push_str(&t("report-subtitle-until", &[("until", rfc3339(until))]));
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

/// The corrective actions as a table: headers and rows, the same in every
/// human format (the review shows them with their due date and cause too).
fn action_table(r: &Report) -> (Vec<String>, Vec<Vec<String>>) {
    let headers = ["action", "status", "owner", "from", "before-after"]
        .iter()
        .map(|h| tr(&format!("review-col-{h}")))
        .collect();
    let rows = r
        .actions
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                tr_args("action-status", &[("status", a.status.as_str().into())]),
                a.owner.clone(),
                a.date.clone(),
                review::effect_text(a),
            ]
        })
        .collect();
    (headers, rows)
}
