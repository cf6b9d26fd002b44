//! The management review (`report --review PERIOD`) as one printable HTML
//! page or markdown: KPIs against the previous period, causes and their
//! trend, repeat customers, double deviations, compensation, findings and
//! corrective actions with their effect.

use super::doc::{Card, Doc, Section};
use crate::audit::Kpis;
use crate::cli::render::fmt::{amount, hours, percent1, share_of_hundred};
use crate::cli::render::kpis::KpiRows;
use crate::report::{ActionEffect, Review};

/// A signed change: `+3`, `-2`, `0`.
fn change(now: usize, before: usize) -> String {
    let d = now as i64 - before as i64;
    if d == 0 { "0".into() } else { format!("{d:+}") }
}

/// A change of rate in points: `+4.2 pts`.
fn points(now: Option<f64>, before: Option<f64>) -> String {
    match (now, before) {
        (Some(a), Some(b)) => format!("{:+.1} pts", (a - b) * 100.0),
        _ => "—".into(),
    }
}

fn kpi_section(r: &Review) -> Section {
    let (a, b) = (&r.kpis, &r.previous_kpis);
    let mut s = Section::new(
        "kpis",
        "Indicators against the previous period",
        &["Indicator", &r.period, &r.previous_period, "Change"],
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
            "Cases received".into(),
            a.cases.to_string(),
            b.cases.to_string(),
            change(a.cases, b.cases),
        ],
        vec![
            "Still open".into(),
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
        rate("Reopened (double deviation)", |k| k.reopen_rate),
        time("Median time to acknowledge", |k| {
            k.median_hours_to_acknowledge
        }),
        time("Median time to resolve", |k| k.median_hours_to_resolve),
        vec![
            "Compensation granted".into(),
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
        "Top causes (Pareto) and their trend",
        &[
            "Category",
            "Cases",
            "Share",
            "Cumulative",
            "Vital few",
            &r.previous_period,
            "Trend",
        ],
    )
    .reading(
        "The vital few are the fewest categories that together reach 80 % of the period's cases.",
    )
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
                if c.vital_few { "yes".into() } else { "".into() },
                c.previous_cases.to_string(),
                change(c.cases, c.previous_cases),
            ]
        })
        .collect();
    s
}

fn customers(r: &Review) -> [Section; 2] {
    let mut repeat = Section::new("repeat-customers", "Repeat customers", &["Customer", "Cases", "Case IDs"])
        .reading("Customers with a case in the period and at least two cases up to its end (same email, phone or name). Names are shown only with --include-contacts.")
        .text_columns(&[2]);
    repeat.rows = r
        .repeat_customers
        .iter()
        .map(|c| {
            vec![
                c.customer.clone(),
                c.cases.len().to_string(),
                c.cases.join(", "),
            ]
        })
        .collect();
    let mut dd = Section::new("double-deviations", "Double deviations", &["Case", "What", "When"])
        .reading("The recovery failed too: a case reopened in the period, or a customer who came back within 90 days of the resolution of an earlier case.")
        .text_columns(&[1, 2]);
    dd.rows = r
        .double_deviations
        .iter()
        .map(|d| {
            let what = match &d.after {
                Some(e) => format!("came back after {e}"),
                None => d.kind.to_string(),
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
    let mut s = Section::new("compensation", "Compensation against the band", &["Figure", "Value"]).reading(format!(
        "The policy's band is {}–{} % of the harm; founded and partly-founded cases with a harm are judged against the band that applies to each.",
        share_of_hundred(c.band_min),
        share_of_hundred(c.band_max)
    ));
    s.rows = vec![
        vec!["Granted".into(), amount(c.granted_total, &r.currency)],
        vec!["Granted / harm".into(), percent1(c.ratio)],
        vec!["Below the band".into(), c.below_band.to_string()],
        vec!["Within the band".into(), c.within_band.to_string()],
        vec!["Above the band".into(), c.above_band.to_string()],
    ];
    s
}

fn findings(r: &Review) -> [Section; 2] {
    let mut all = Section::new(
        "findings",
        "Audit findings of the period's cases",
        &["Finding", "Severity", "Findings", "Cases"],
    )
    .text_columns(&[1]);
    all.rows = r
        .findings
        .iter()
        .filter(|f| f.findings > 0)
        .map(|f| {
            vec![
                f.code.to_string(),
                f.severity.as_str().to_string(),
                f.findings.to_string(),
                f.cases.to_string(),
            ]
        })
        .collect();
    let mut open = Section::new("open-findings", "Open findings", &["Case", "Finding", "At"])
        .reading("Findings on cases still open: what the team can still put right.")
        .text_columns(&[1, 2]);
    open.rows = r
        .open_findings
        .iter()
        .map(|f| vec![f.case.clone(), f.code.to_string(), f.at.clone()])
        .collect();
    [all, open]
}

fn effect_text(a: &ActionEffect) -> String {
    if a.window_days == 0 {
        return "too early to measure".into();
    }
    a.categories
        .iter()
        .map(|c| format!("{}: {} → {}", c.category, c.before, c.after))
        .collect::<Vec<_>>()
        .join("; ")
}

fn actions(r: &Review) -> Section {
    let mut s = Section::new("actions", "Corrective actions", &["Action", "Status", "Owner", "Due", "Cause", "From", "Days", "Cases before → after"])
        .reading("Per category the action answers: cases received in the days before its date (its closing, else its creation) and in as many days from it, up to 90.")
        .text_columns(&[1, 2, 3, 4, 5, 7]);
    s.rows = r
        .actions
        .iter()
        .map(|a| {
            vec![
                a.id.clone(),
                a.status.as_str().into(),
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

pub fn doc(r: &Review) -> Doc {
    let k = &r.kpis;
    let [repeat, dd] = customers(r);
    let [all, open] = findings(r);
    Doc {
        eyebrow: "redress management review".into(),
        title: format!("Management review — {}", r.period),
        subtitle: format!(
            "Cases received {} to {}, against {} · as of {}",
            r.since.format("%Y-%m-%d"),
            r.until.format("%Y-%m-%d"),
            r.previous_period,
            r.as_of.format("%Y-%m-%d %H:%M")
        ),
        notes: vec!["Inputs to the management review of ISO 10002 §8.7 and ISO 9001 §9.3: performance, causes, customers, compensation, findings and corrective actions.".into()],
        cards: vec![
            Card { label: "Cases".into(), value: k.cases.to_string(), note: format!("{} in {}", r.previous_kpis.cases, r.previous_period) },
            Card { label: "Resolved on time".into(), value: percent1(k.resolved_on_time_rate), note: points(k.resolved_on_time_rate, r.previous_kpis.resolved_on_time_rate) },
            Card { label: "Repeat customers".into(), value: r.repeat_customers.len().to_string(), note: "two cases or more".into() },
            Card { label: "Double deviations".into(), value: r.double_deviations.len().to_string(), note: "reopened or came back".into() },
            Card { label: "Open findings".into(), value: r.open_findings.len().to_string(), note: "on cases still open".into() },
            Card { label: "Corrective actions".into(), value: r.actions.len().to_string(), note: format!("{} open", r.actions.iter().filter(|a| a.status != crate::ledger::actions::Status::Closed).count()) },
        ],
        sections: vec![kpi_section(r), causes(r), repeat, dd, compensation(r), all, open, actions(r)],
    }
}
