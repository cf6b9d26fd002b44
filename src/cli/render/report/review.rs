//! The management review (`report --review PERIOD`) as one printable HTML
//! page or markdown: KPIs against the previous period, causes and their
//! trend, repeat customers, double deviations, compensation, findings and
//! corrective actions with their effect.

use super::doc::{Card, Doc, Section};
use crate::audit::Kpis;
use crate::cli::render::fmt::{amount, hours, percent1, point, share_of_hundred, word};
use crate::cli::render::kpis::KpiRows;
use crate::i18n::{tr, tr_args};
use crate::report::{ActionEffect, Review};

/// A signed change: `+3`, `-2`, `0`.
fn change(now: usize, before: usize) -> String {
    let d = now as i64 - before as i64;
    if d == 0 { "0".into() } else { format!("{d:+}") }
}

/// A change of rate in points: `+4.2 pts`.
fn points(now: Option<f64>, before: Option<f64>) -> String {
    match (now, before) {
        (Some(a), Some(b)) => tr_args(
            "review-points",
            &[("points", point(&format!("{:+.1}", (a - b) * 100.0)).into())],
        ),
        _ => "—".into(),
    }
}

fn kpi_section(r: &Review) -> Section {
    let (a, b) = (&r.kpis, &r.previous_kpis);
    let mut s = Section::new(
        "kpis",
        &tr("review-kpis"),
        &[
            &tr("review-col-indicator"),
            &r.period,
            &r.previous_period,
            &tr("review-col-change"),
        ],
    );
    let rate = |label: &str, f: fn(&Kpis) -> Option<f64>| {
        vec![
            label.to_string(),
            percent1(f(a)),
            percent1(f(b)),
            points(f(a), f(b)),
        ]
    };
    let time = |label: &str, f: fn(&Kpis) -> Option<f64>| {
        vec![label.to_string(), hours(f(a)), hours(f(b)), "".into()]
    };
    let rows = [KpiRows::new(a), KpiRows::new(b)];
    s.rows = vec![
        vec![
            tr("review-cases-received"),
            a.cases.to_string(),
            b.cases.to_string(),
            change(a.cases, b.cases),
        ],
        vec![
            tr("review-still-open"),
            a.open.to_string(),
            b.open.to_string(),
            change(a.open, b.open),
        ],
        rate(&rows[0].acknowledged_on_time().0, |k| {
            k.acknowledged_on_time_rate
        }),
        rate(&rows[0].resolved_on_time().0, |k| k.resolved_on_time_rate),
        rate(&rows[0].satisfied().0, |k| k.satisfaction_rate),
        rate(&rows[0].follow_up_coverage().0, |k| k.follow_up_coverage),
        rate(&tr("review-reopened"), |k| k.reopen_rate),
        time(&tr("review-median-ack"), |k| k.median_hours_to_acknowledge),
        time(&tr("review-median-resolve"), |k| k.median_hours_to_resolve),
        vec![
            tr("review-compensation-granted"),
            amount_str(&a.compensation_total, &r.currency),
            amount_str(&b.compensation_total, &r.currency),
            "".into(),
        ],
    ];
    s
}

fn amount_str(text: &str, currency: &str) -> String {
    text.parse::<rust_decimal::Decimal>()
        .map_or_else(|_| format!("{text} {currency}"), |d| amount(d, currency))
}

fn causes(r: &Review) -> Section {
    let mut s = Section::new(
        "causes",
        &tr("review-causes"),
        &[
            &tr("review-col-category"),
            &tr("review-col-cases"),
            &tr("review-col-share"),
            &tr("review-col-cumulative"),
            &tr("review-col-vital-few"),
            &r.previous_period,
            &tr("review-col-trend"),
        ],
    )
    .reading(tr("review-causes-reading"))
    .text_columns(&[4]);
    s.rows = r
        .causes
        .iter()
        .map(|c| {
            vec![
                c.category.clone(),
                c.cases.to_string(),
                percent1(Some(c.share)),
                percent1(Some(c.cumulative_share)),
                if c.vital_few {
                    tr("review-yes")
                } else {
                    "".into()
                },
                c.previous_cases.to_string(),
                change(c.cases, c.previous_cases),
            ]
        })
        .collect();
    s
}

fn customers(r: &Review) -> [Section; 2] {
    let mut repeat = Section::new(
        "repeat-customers",
        &tr("review-repeat"),
        &[
            &tr("review-col-customer"),
            &tr("review-col-cases"),
            &tr("review-col-case-ids"),
        ],
    )
    .reading(tr("review-repeat-reading"))
    .text_columns(&[2]);
    repeat.rows = r
        .repeat_customers
        .iter()
        .map(|c| {
            let who = match c.pseudonym {
                Some(n) => tr_args("review-customer-n", &[("n", n.to_string().into())]),
                None => c.customer.clone(),
            };
            vec![who, c.cases.len().to_string(), c.cases.join(", ")]
        })
        .collect();
    let mut dd = Section::new(
        "double-deviations",
        &tr("review-double"),
        &[
            &tr("review-col-case"),
            &tr("review-col-what"),
            &tr("review-col-when"),
        ],
    )
    .reading(tr("review-double-reading"))
    .text_columns(&[1, 2]);
    dd.rows = r
        .double_deviations
        .iter()
        .map(|d| {
            let what = match &d.after {
                Some(e) => tr_args("review-came-back", &[("case", e.clone().into())]),
                None => tr_args("review-kind", &[("kind", d.kind.into())]),
            };
            vec![
                d.case.clone(),
                what,
                d.at.format("%Y-%m-%d %H:%M").to_string(),
            ]
        })
        .collect();
    [repeat, dd]
}

fn compensation(r: &Review) -> Section {
    let c = &r.compensation;
    let mut s = Section::new(
        "compensation",
        &tr("review-compensation"),
        &[&tr("doc-figure"), &tr("doc-value")],
    )
    .reading(tr_args(
        "review-compensation-reading",
        &[
            ("min", share_of_hundred(c.band_min).into()),
            ("max", share_of_hundred(c.band_max).into()),
        ],
    ));
    s.rows = vec![
        vec![tr("review-granted"), amount(c.granted_total, &r.currency)],
        vec![tr("review-granted-harm"), percent1(c.ratio)],
        vec![tr("review-below-band"), c.below_band.to_string()],
        vec![tr("review-within-band"), c.within_band.to_string()],
        vec![tr("review-above-band"), c.above_band.to_string()],
    ];
    s
}

fn findings(r: &Review) -> [Section; 2] {
    let mut all = Section::new(
        "findings",
        &tr("review-findings"),
        &[
            &tr("review-col-finding"),
            &tr("review-col-severity"),
            &tr("review-col-findings"),
            &tr("review-col-cases"),
        ],
    )
    .text_columns(&[1]);
    all.rows = r
        .findings
        .iter()
        .filter(|f| f.findings > 0)
        .map(|f| {
            vec![
                f.code.to_string(),
                word(f.severity.as_str()),
                f.findings.to_string(),
                f.cases.to_string(),
            ]
        })
        .collect();
    let mut open = Section::new(
        "open-findings",
        &tr("review-open-findings"),
        &[
            &tr("review-col-case"),
            &tr("review-col-finding"),
            &tr("review-col-at"),
        ],
    )
    .reading(tr("review-open-findings-reading"))
    .text_columns(&[1, 2]);
    open.rows = r
        .open_findings
        .iter()
        .map(|f| vec![f.case.clone(), f.code.to_string(), f.at.clone()])
        .collect();
    [all, open]
}

pub(super) fn effect_text(a: &ActionEffect) -> String {
    if a.window_days == 0 {
        return tr("review-too-early");
    }
    a.categories
        .iter()
        .map(|c| format!("{}: {} → {}", c.category, c.before, c.after))
        .collect::<Vec<_>>()
        .join("; ")
}

fn actions(r: &Review) -> Section {
    let mut s = Section::new("actions", &tr("review-actions"), &action_headers())
        .reading(tr("review-actions-reading"))
        .text_columns(&[1, 2, 3, 4, 5, 7]);
    s.rows = r
        .actions
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                tr_args("action-status", &[("status", a.status.as_str().into())]),
                a.owner.clone(),
                a.due.clone(),
                a.cause.clone(),
                a.date.clone(),
                a.window_days.to_string(),
                effect_text(a),
            ]
        })
        .collect();
    s
}

fn action_headers() -> Vec<String> {
    [
        "action",
        "status",
        "owner",
        "due",
        "cause",
        "from",
        "days",
        "before-after",
    ]
    .iter()
    .map(|h| tr(&format!("review-col-{h}")))
    .collect()
}

fn cards(r: &Review) -> Vec<Card> {
    let k = &r.kpis;
    let card = |label: String, value: String, note: String| Card { label, value, note };
    let open_actions = r
        .actions
        .iter()
        .filter(|a| a.status != crate::ledger::actions::Status::Closed)
        .count();
    vec![
        card(
            tr("review-card-cases"),
            k.cases.to_string(),
            tr_args(
                "review-card-cases-note",
                &[
                    ("count", r.previous_kpis.cases.to_string().into()),
                    ("period", r.previous_period.clone().into()),
                ],
            ),
        ),
        card(
            tr("review-card-resolved"),
            percent1(k.resolved_on_time_rate),
            points(
                k.resolved_on_time_rate,
                r.previous_kpis.resolved_on_time_rate,
            ),
        ),
        card(
            tr("review-repeat"),
            r.repeat_customers.len().to_string(),
            tr("review-card-repeat-note"),
        ),
        card(
            tr("review-double"),
            r.double_deviations.len().to_string(),
            tr("review-card-double-note"),
        ),
        card(
            tr("review-open-findings"),
            r.open_findings.len().to_string(),
            tr("review-card-open-findings-note"),
        ),
        card(
            tr("review-actions"),
            r.actions.len().to_string(),
            tr_args(
                "review-card-actions-note",
                &[("count", (open_actions as i64).into())],
            ),
        ),
    ]
}

pub fn doc(r: &Review) -> Doc {
    let [repeat, dd] = customers(r);
    let [all, open] = findings(r);
    let day = |d: chrono::DateTime<chrono::FixedOffset>| d.format("%Y-%m-%d").to_string();
    Doc {
        eyebrow: tr("review-eyebrow"),
        title: tr_args("review-title", &[("period", r.period.clone().into())]),
        subtitle: tr_args(
            "review-subtitle",
            &[
                ("since", day(r.since).into()),
                ("until", day(r.until).into()),
                ("previous", r.previous_period.clone().into()),
                ("asof", r.as_of.format("%Y-%m-%d %H:%M").to_string().into()),
            ],
        ),
        notes: vec![tr("review-note")],
        cards: cards(r),
        sections: vec![
            kpi_section(r),
            causes(r),
            repeat,
            dd,
            compensation(r),
            all,
            open,
            actions(r),
        ],
    }
}
