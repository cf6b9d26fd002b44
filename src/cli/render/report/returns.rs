//! A regulator return (`report --return fca|amf`) as markdown, HTML or CSV.
//! Every format states the period and the rules the counts follow.

use super::doc::{Card, Doc, Section};
use crate::i18n::{Lang, tr, tr_args, with_lang};
use crate::report::{Regime, Return, ReturnRow};
use fluent_bundle::FluentValue;
use std::fmt::Write as _;

fn regulator(r: &Return) -> String {
    tr(match r.regime {
        Regime::Fca => "return-fca",
        Regime::Amf => "return-amf",
    })
}

fn stamp(t: &chrono::DateTime<chrono::FixedOffset>, with_time: bool) -> FluentValue<'static> {
    let pattern = if with_time {
        "%Y-%m-%d %H:%M"
    } else {
        "%Y-%m-%d"
    };
    t.format(pattern).to_string().into()
}

/// The rules applied, as sentences: every format prints them (the CSV in
/// English: see [`csv`]).
pub fn rules(r: &Return) -> Vec<String> {
    let period = r.period.clone().unwrap_or_else(|| tr("return-given"));
    let mut out = vec![
        tr_args(
            "return-rules-period",
            &[
                ("period", period.into()),
                ("since", stamp(&r.since, true)),
                ("until", stamp(&r.until, true)),
                ("asof", stamp(&r.as_of, true)),
                ("zone", r.timezone.to_string().into()),
            ],
        ),
        tr("return-rules-outcomes"),
    ];
    match r.regime {
        Regime::Fca => out.push(tr_args(
            "return-rules-fca-timing",
            &[
                ("workdays", r.workdays.join(", ").into()),
                ("holidays", holidays_text(r).into()),
            ],
        )),
        Regime::Amf => out.push(tr("return-rules-amf-nature")),
    }
    let code = match r.regime {
        Regime::Fca => "FCA",
        Regime::Amf => "AMF",
    };
    out.push(tr_args("return-rules-check", &[("regulator", code.into())]));
    out
}

fn holidays_text(r: &Return) -> String {
    if r.holidays.is_empty() {
        tr("return-holidays-none")
    } else {
        tr_args(
            "return-holidays-in",
            &[("list", r.holidays.join(", ").into())],
        )
    }
}

fn headers(regime: Regime, first: &str) -> Vec<String> {
    let mut h = vec![tr(first)];
    let mut add = |ids: &[&str]| h.extend(ids.iter().map(|id| tr(&format!("return-col-{id}"))));
    add(&["opened", "closed", "upheld", "partly", "rejected"]);
    if regime == Regime::Fca {
        add(&["3-days", "8-weeks", "later"]);
    }
    add(&["open-at-end"]);
    h
}

fn cells(regime: Regime, row: &ReturnRow) -> Vec<String> {
    let mut v = vec![
        row.key.clone(),
        row.opened.to_string(),
        row.closed.to_string(),
        row.upheld.to_string(),
        row.partly.to_string(),
        row.rejected.to_string(),
    ];
    if regime == Regime::Fca {
        v.extend([
            row.within_3_business_days.to_string(),
            row.within_8_weeks.to_string(),
            row.later.to_string(),
        ]);
    }
    v.push(row.open_at_end.to_string());
    v
}

/// A row for people: its key worded in the language in force.
fn human_cells(regime: Regime, row: &ReturnRow) -> Vec<String> {
    let mut v = cells(regime, row);
    if let Some(key) = v.first_mut() {
        *key = tr_args("return-key", &[("key", row.key.clone().into())]);
    }
    v
}

fn section(r: &Return, id: &str, title: &str, first: &str, rows: &[ReturnRow]) -> Section {
    let mut s = Section::new(id, title, &headers(r.regime, first));
    s.rows = rows.iter().map(|x| human_cells(r.regime, x)).collect();
    s.rows.push(human_cells(r.regime, &r.total));
    s
}

fn cards(r: &Return) -> Vec<Card> {
    let t = &r.total;
    let n = |x: usize| FluentValue::from(x.to_string());
    let mut cards = vec![
        Card {
            label: tr("return-col-opened"),
            value: t.opened.to_string(),
            note: tr("return-card-opened-note"),
        },
        Card {
            label: tr("return-col-closed"),
            value: t.closed.to_string(),
            note: tr_args(
                "return-card-closed-note",
                &[
                    ("upheld", n(t.upheld)),
                    ("partly", n(t.partly)),
                    ("rejected", n(t.rejected)),
                ],
            ),
        },
    ];
    if r.regime == Regime::Fca {
        cards.push(Card {
            label: tr("return-card-3-days"),
            value: t.within_3_business_days.to_string(),
            note: tr_args(
                "return-card-3-days-note",
                &[("weeks", n(t.within_8_weeks)), ("later", n(t.later))],
            ),
        });
    }
    cards.push(Card {
        label: tr("return-col-open-at-end"),
        value: t.open_at_end.to_string(),
        note: tr("return-card-open-note"),
    });
    cards
}

pub fn doc(r: &Return) -> Doc {
    let by = match r.regime {
        Regime::Fca => "return-by-product",
        Regime::Amf => "return-by-nature",
    };
    let period = r.period.clone().unwrap_or_else(|| tr("return-window"));
    Doc {
        eyebrow: tr("return-eyebrow"),
        title: tr_args(
            "return-title",
            &[
                ("regulator", regulator(r).into()),
                ("period", period.into()),
            ],
        ),
        subtitle: tr_args(
            "return-subtitle",
            &[
                ("since", stamp(&r.since, false)),
                ("until", stamp(&r.until, false)),
                ("asof", stamp(&r.as_of, true)),
            ],
        ),
        notes: rules(r),
        cards: cards(r),
        sections: vec![
            section(
                r,
                "categories",
                &tr(by),
                "return-col-category",
                &r.categories,
            ),
            section(
                r,
                "kinds",
                &tr("return-by-kind"),
                "return-col-kind",
                &r.kinds,
            ),
        ],
    }
}

/// The CSV names of the columns after the key, in [`cells`]'s order.
fn csv_metrics(regime: Regime) -> Vec<&'static str> {
    let mut m = vec!["opened", "closed", "upheld", "partly", "rejected"];
    if regime == Regime::Fca {
        m.extend(["within_3_business_days", "within_8_weeks", "later"]);
    }
    m.push("open_at_end");
    m
}

/// One figure per line: `section,key,metric,value`, after the rules as
/// `#` comment lines.
pub fn csv(r: &Return) -> String {
    let mut out = String::new();
    // A machine format: the same in every language.
    for rule in with_lang(Lang::En, || rules(r)) {
        let _ = writeln!(out, "# {rule}");
    }
    out.push_str("section,key,metric,value\n");
    let q = |s: &str| {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    let groups: [(&str, &[ReturnRow]); 3] = [
        ("total", std::slice::from_ref(&r.total)),
        ("category", &r.categories),
        ("kind", &r.kinds),
    ];
    for (name, rows) in groups {
        for row in rows {
            for (metric, value) in csv_metrics(r.regime)
                .iter()
                .zip(cells(r.regime, row).into_iter().skip(1))
            {
                let _ = writeln!(out, "{name},{},{},{value}", q(&row.key), q(metric));
            }
        }
    }
    out
}
