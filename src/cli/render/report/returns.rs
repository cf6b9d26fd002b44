//! A regulator return (`report --return fca|amf`) as markdown, HTML or CSV.
//! Every format states the period and the rules the counts follow.

use super::doc::{Card, Doc, Section};
use crate::report::{Regime, Return, ReturnRow};
use std::fmt::Write as _;

fn regulator(r: &Return) -> &'static str {
    match r.regime {
        Regime::Fca => "FCA complaints return",
        Regime::Amf => "AMF complaints report",
    }
}

/// The rules applied, as sentences: every format prints them.
pub fn rules(r: &Return) -> Vec<String> {
    let mut out = vec![
        format!(
            "Period {}: opened = cases received from {} up to {} (not included); closed = cases with a resolution in that window, counted once, by their last resolution in it; open at end = cases received before the end and still open then. Seen as of {}, times in {}.",
            r.period.as_deref().unwrap_or("given"),
            r.since.format("%Y-%m-%d %H:%M"),
            r.until.format("%Y-%m-%d %H:%M"),
            r.as_of.format("%Y-%m-%d %H:%M"),
            r.timezone
        ),
        "Outcomes: founded → upheld; partly-founded → partly upheld; unfounded and bad-faith → rejected.".to_string(),
    ];
    match r.regime {
        Regime::Fca => out.push(format!(
            "Timing: within 3 business days = resolved by the end of the third business day after the day of receipt (business days: {}, less the holidays of policies/deadlines.toml{}); within 8 weeks = by the end of the 56th calendar day after the day of receipt; later = after that. Categories stand for the return's products or services.",
            r.workdays.join(", "),
            holidays_text(r)
        )),
        Regime::Amf => out.push(
            "Nature = the case's category (and its kind: complaint or claim); map each to the AMF's own nature codes when filing.".to_string(),
        ),
    }
    out.push(format!(
        "Check these figures against the {}'s current form and instructions before filing: redress computes them from the ledger; it does not know the form.",
        match r.regime {
            Regime::Fca => "FCA",
            Regime::Amf => "AMF",
        }
    ));
    out
}

fn holidays_text(r: &Return) -> String {
    if r.holidays.is_empty() {
        "; none falls in the period".into()
    } else {
        format!("; in the period: {}", r.holidays.join(", "))
    }
}

fn headers(regime: Regime, first: &'static str) -> Vec<&'static str> {
    let mut h = vec![first, "Opened", "Closed", "Upheld", "Partly", "Rejected"];
    if regime == Regime::Fca {
        h.extend(["≤ 3 business days", "≤ 8 weeks", "Later"]);
    }
    h.push("Open at end");
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

fn section(r: &Return, id: &str, title: &str, first: &'static str, rows: &[ReturnRow]) -> Section {
    let mut s = Section::new(id, title, &headers(r.regime, first));
    s.rows = rows.iter().map(|x| cells(r.regime, x)).collect();
    s.rows.push(cells(r.regime, &r.total));
    s
}

pub fn doc(r: &Return) -> Doc {
    let t = &r.total;
    let mut cards = vec![
        Card {
            label: "Opened".into(),
            value: t.opened.to_string(),
            note: "received in the period".into(),
        },
        Card {
            label: "Closed".into(),
            value: t.closed.to_string(),
            note: format!(
                "{} upheld, {} partly, {} rejected",
                t.upheld, t.partly, t.rejected
            ),
        },
    ];
    if r.regime == Regime::Fca {
        cards.push(Card {
            label: "Closed within 3 business days".into(),
            value: t.within_3_business_days.to_string(),
            note: format!(
                "{} more within 8 weeks, {} later",
                t.within_8_weeks, t.later
            ),
        });
    }
    cards.push(Card {
        label: "Open at end".into(),
        value: t.open_at_end.to_string(),
        note: "still open when the period ended".into(),
    });
    let by = match r.regime {
        Regime::Fca => "By product or service (category)",
        Regime::Amf => "By nature (category)",
    };
    Doc {
        eyebrow: "redress return".into(),
        title: format!(
            "{} — {}",
            regulator(r),
            r.period.as_deref().unwrap_or("window")
        ),
        subtitle: format!(
            "{} to {} · as of {}",
            r.since.format("%Y-%m-%d"),
            r.until.format("%Y-%m-%d"),
            r.as_of.format("%Y-%m-%d %H:%M")
        ),
        notes: rules(r),
        cards,
        sections: vec![
            section(r, "categories", by, "Category", &r.categories),
            section(r, "kinds", "By kind", "Kind", &r.kinds),
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
    for rule in rules(r) {
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
