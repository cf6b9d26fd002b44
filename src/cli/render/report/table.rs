//! The report as 80-column text tables with bars, for a terminal.

use super::{
    Readings, band_text, breakdowns, dim_header, estimate_note, estimate_value, kpi_rows,
    period_word, readings, resolve_pair, subtitle, t, title,
};
use crate::cli::render::fmt::{amount, bar, capitalise, clip, hours, percent, percent1, wrap};
use crate::cli::render::style::{BOLD, DIM, paint};
use crate::cli::render::table::{new_table, right};
use crate::i18n::tr;
use crate::report::Report;
use std::fmt::Write as _;

/// A text being written, with or without colour.
struct Out {
    s: String,
    color: bool,
}

impl Out {
    fn head(&mut self, text: &str) {
        let _ = writeln!(self.s, "\n{}", paint(self.color, BOLD, text));
    }

    fn note(&mut self, text: &str) {
        let _ = writeln!(self.s, "{}", paint(self.color, DIM, &wrap(text, 80, "")));
    }

    fn table(&mut self, t: &comfy_table::Table) {
        let _ = writeln!(self.s, "{t}");
    }
}

pub fn render(r: &Report, color: bool) -> String {
    let rd = readings(r);
    let mut o = Out {
        s: String::new(),
        color,
    };
    let _ = writeln!(o.s, "{}", paint(color, BOLD, &title(r)));
    o.note(&subtitle(r));
    let mut t = new_table();
    for (label, value) in kpi_rows(r) {
        t.add_row([label, value]);
    }
    o.table(&t);
    volume(&mut o, r, &rd);
    by_dimension(&mut o, r);
    pareto(&mut o, r, &rd);
    resolve(&mut o, r, &rd);
    compensation(&mut o, r, &rd);
    ageing(&mut o, r, &rd);
    findings(&mut o, r);
    actions(&mut o, r);
    estimates(&mut o, r);
    o.s
}

fn volume(o: &mut Out, r: &Report, rd: &Readings) {
    let word = period_word(r);
    o.head(&t(
        "report-volume-per",
        &[("period", r.scope.period.as_str().into())],
    ));
    o.note(&rd.volume);
    let max = r.periods.iter().map(|p| p.cases).max().unwrap_or(0) as f64;
    let mut tb = new_table();
    tb.set_header([
        capitalise(&word),
        tr("col-cases"),
        tr("col-complaints-short"),
        tr("col-claims"),
        String::new(),
        tr("col-resolve-pair-short"),
    ]);
    for p in &r.periods {
        tb.add_row([
            p.period.to_string(),
            p.cases.to_string(),
            p.complaints.to_string(),
            p.claims.to_string(),
            bar(p.cases as f64, max, 16),
            resolve_pair(p),
        ]);
    }
    right(&mut tb, &[1, 2, 3, 5]);
    o.table(&tb);
}

fn by_dimension(o: &mut Out, r: &Report) {
    for (dim, rows) in breakdowns(r) {
        o.head(&t("report-by", &[("dim", super::dim_word(dim))]));
        let max = rows.iter().map(|b| b.cases).max().unwrap_or(0) as f64;
        let mut tb = new_table();
        tb.set_header([
            dim_header(dim),
            tr("col-cases"),
            tr("col-share"),
            String::new(),
            tr("col-on-time"),
            tr("col-resolve"),
            tr("col-satisfied-short"),
        ]);
        for b in rows {
            tb.add_row([
                clip(&b.key, 17),
                b.cases.to_string(),
                percent(Some(b.share)),
                bar(b.cases as f64, max, 10),
                percent(b.resolved_on_time_rate),
                hours(b.median_hours_to_resolve),
                percent(b.satisfaction_rate),
            ]);
        }
        right(&mut tb, &[1, 2, 4, 5, 6]);
        o.table(&tb);
    }
}

fn pareto(o: &mut Out, r: &Report, rd: &Readings) {
    o.head(&tr("report-pareto-head"));
    o.note(&rd.pareto);
    let mut t = new_table();
    t.set_header([
        tr("col-category"),
        tr("col-cases"),
        tr("col-share"),
        tr("col-cumulative-short"),
        String::new(),
        String::new(),
    ]);
    for p in &r.pareto {
        t.add_row([
            clip(&p.category, 22),
            p.cases.to_string(),
            percent(Some(p.share)),
            percent(Some(p.cumulative_share)),
            bar(p.cumulative_share, 1.0, 20),
            if p.vital_few { "●" } else { "" }.to_string(),
        ]);
    }
    right(&mut t, &[1, 2, 3]);
    o.table(&t);
}

fn resolve(o: &mut Out, r: &Report, rd: &Readings) {
    o.head(&tr("report-resolve-head"));
    o.note(&rd.resolve);
    let bins = &r.resolve_distribution;
    let max = bins.iter().map(|b| b.cases).max().unwrap_or(0) as f64;
    let mut t = new_table();
    for b in bins {
        t.add_row([
            super::days_label(&b.label),
            b.cases.to_string(),
            bar(b.cases as f64, max, 30),
        ]);
    }
    right(&mut t, &[1]);
    o.table(&t);
}

fn compensation(o: &mut Out, r: &Report, rd: &Readings) {
    let c = &r.compensation;
    let cur = &r.scope.currency;
    o.head(&tr("report-compensation"));
    o.note(&rd.compensation);
    let mut t = new_table();
    t.add_row([tr("report-granted-in-all"), amount(c.granted_total, cur)]);
    t.add_row([
        tr("report-on-resolved-with-harm"),
        super::t(
            "report-granted-for-harm",
            &[
                ("granted", amount(c.granted_with_harm, cur)),
                ("harm", amount(c.harm_total, cur)),
                ("ratio", percent1(c.ratio)),
            ],
        ),
    ]);
    t.add_row([
        super::t("report-against-band", &[("band", band_text(c))]),
        super::t(
            "report-band-counts",
            &[
                ("below", c.below_band.to_string()),
                ("within", c.within_band.to_string()),
                ("above", c.above_band.to_string()),
            ],
        ),
    ]);
    o.table(&t);
}

fn ageing(o: &mut Out, r: &Report, rd: &Readings) {
    o.head(&tr("report-ageing-head"));
    o.note(&rd.ageing);
    let max = r.ageing.iter().map(|b| b.cases).max().unwrap_or(0) as f64;
    let mut t = new_table();
    for b in &r.ageing {
        // Only the oldest cases are named: they are the ones to chase.
        let ids = if b.min_days > 30 && !b.ids.is_empty() {
            let mut list: Vec<String> = b.ids.iter().take(4).cloned().collect();
            if b.ids.len() > 4 {
                list.push(format!("+{}", b.ids.len() - 4));
            }
            list.join(" ")
        } else {
            String::new()
        };
        t.add_row([
            super::days_label(b.bucket),
            b.cases.to_string(),
            bar(b.cases as f64, max, 12),
            ids,
        ]);
    }
    right(&mut t, &[1]);
    o.table(&t);
}

fn findings(o: &mut Out, r: &Report) {
    o.head(&tr("report-findings"));
    let _ = writeln!(
        o.s,
        "{}",
        t(
            "report-reopened-line",
            &[
                ("reopened", r.reopen.reopened.to_string()),
                ("resolved", r.reopen.resolved.to_string()),
                ("rate", percent1(r.reopen.rate)),
            ]
        )
    );
    let mut tb = new_table();
    tb.set_header([
        tr("col-code"),
        tr("col-severity"),
        tr("col-findings"),
        tr("col-cases"),
    ]);
    for f in r.findings.iter().filter(|f| f.findings > 0) {
        tb.add_row([
            f.code.to_string(),
            crate::cli::render::fmt::word(f.severity.as_str()),
            f.findings.to_string(),
            f.cases.to_string(),
        ]);
    }
    right(&mut tb, &[2, 3]);
    o.table(&tb);
}

fn actions(o: &mut Out, r: &Report) {
    if r.actions.is_empty() {
        return;
    }
    o.head(&tr("review-actions"));
    o.note(&tr("review-actions-reading"));
    let (headers, rows) = super::action_table(r);
    let mut tb = new_table();
    tb.set_header(headers);
    for row in rows {
        tb.add_row(row);
    }
    o.table(&tb);
}

fn estimates(o: &mut Out, r: &Report) {
    o.head(&tr("report-estimates-head"));
    o.note(&estimate_note(&r.estimates.source));
    let mut t = new_table();
    for e in &r.estimates.figures {
        t.add_row([
            super::estimate_label(e),
            format!("≈ {}", estimate_value(e)),
            super::formula(e),
        ]);
    }
    right(&mut t, &[1]);
    o.table(&t);
}
