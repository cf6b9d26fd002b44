//! The report as 80-column text tables with bars, for a terminal.

use super::{
    ESTIMATE_NOTE, Readings, band_text, breakdowns, dim_header, estimate_value, kpi_rows, readings,
    resolve_pair, subtitle, title,
};
use crate::cli::render::fmt::{amount, bar, capitalise, clip, hours, percent, percent1, wrap};
use crate::cli::render::style::{BOLD, DIM, paint};
use crate::cli::render::table::{new_table, right};
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
        t.add_row([label.to_string(), value]);
    }
    o.table(&t);
    volume(&mut o, r, &rd);
    by_dimension(&mut o, r);
    pareto(&mut o, r, &rd);
    resolve(&mut o, r, &rd);
    compensation(&mut o, r, &rd);
    ageing(&mut o, r, &rd);
    findings(&mut o, r);
    estimates(&mut o, r);
    o.s
}

fn volume(o: &mut Out, r: &Report, rd: &Readings) {
    let word = r.scope.period.as_str();
    o.head(&format!("Volume per {word}"));
    o.note(&rd.volume);
    let max = r.periods.iter().map(|p| p.cases).max().unwrap_or(0) as f64;
    let mut t = new_table();
    t.set_header([
        capitalise(word).as_str(),
        "Cases",
        "Compl.",
        "Claims",
        "",
        "Resolve med/p90",
    ]);
    for p in &r.periods {
        t.add_row([
            p.period.to_string(),
            p.cases.to_string(),
            p.complaints.to_string(),
            p.claims.to_string(),
            bar(p.cases as f64, max, 16),
            resolve_pair(p),
        ]);
    }
    right(&mut t, &[1, 2, 3, 5]);
    o.table(&t);
}

fn by_dimension(o: &mut Out, r: &Report) {
    for (dim, rows) in breakdowns(r) {
        o.head(&format!("By {dim}"));
        let max = rows.iter().map(|b| b.cases).max().unwrap_or(0) as f64;
        let mut t = new_table();
        t.set_header([
            dim_header(dim).as_str(),
            "Cases",
            "Share",
            "",
            "On time",
            "Resolve",
            "Satisf.",
        ]);
        for b in rows {
            t.add_row([
                clip(&b.key, 17),
                b.cases.to_string(),
                percent(Some(b.share)),
                bar(b.cases as f64, max, 10),
                percent(b.resolved_on_time_rate),
                hours(b.median_hours_to_resolve),
                percent(b.satisfaction_rate),
            ]);
        }
        right(&mut t, &[1, 2, 4, 5, 6]);
        o.table(&t);
    }
}

fn pareto(o: &mut Out, r: &Report, rd: &Readings) {
    o.head("Pareto of categories (● = vital few, to 80 %)");
    o.note(&rd.pareto);
    let mut t = new_table();
    t.set_header(["Category", "Cases", "Share", "Cumul.", "", ""]);
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
    o.head("Time to resolve (first decision, wall clock)");
    o.note(&rd.resolve);
    let bins = &r.resolve_distribution;
    let max = bins.iter().map(|b| b.cases).max().unwrap_or(0) as f64;
    let mut t = new_table();
    for b in bins {
        t.add_row([
            b.label.clone(),
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
    o.head("Compensation");
    o.note(&rd.compensation);
    let mut t = new_table();
    t.add_row(["Granted in all".to_string(), amount(c.granted_total, cur)]);
    t.add_row([
        "On resolved cases with a harm".to_string(),
        format!(
            "{} for {} of harm ({})",
            amount(c.granted_with_harm, cur),
            amount(c.harm_total, cur),
            percent1(c.ratio)
        ),
    ]);
    t.add_row([
        format!("Against the band ({} default)", band_text(c)),
        format!(
            "{} below, {} within, {} above",
            c.below_band, c.within_band, c.above_band
        ),
    ]);
    o.table(&t);
}

fn ageing(o: &mut Out, r: &Report, rd: &Readings) {
    o.head("Backlog ageing (open cases, calendar days since receipt)");
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
            b.bucket.to_string(),
            b.cases.to_string(),
            bar(b.cases as f64, max, 12),
            ids,
        ]);
    }
    right(&mut t, &[1]);
    o.table(&t);
}

fn findings(o: &mut Out, r: &Report) {
    o.head("Audit findings");
    let _ = writeln!(
        o.s,
        "Reopened (double deviation): {} of {} resolved cases ({}).",
        r.reopen.reopened,
        r.reopen.resolved,
        percent1(r.reopen.rate)
    );
    let mut t = new_table();
    t.set_header(["Code", "Severity", "Findings", "Cases"]);
    for f in r.findings.iter().filter(|f| f.findings > 0) {
        t.add_row([
            f.code.to_string(),
            f.severity.as_str().to_string(),
            f.findings.to_string(),
            f.cases.to_string(),
        ]);
    }
    right(&mut t, &[2, 3]);
    o.table(&t);
}

fn estimates(o: &mut Out, r: &Report) {
    o.head("Cost estimates (ESTIMATES, not measurements)");
    o.note(&format!(
        "{ESTIMATE_NOTE} Parameters: {}.",
        r.estimates.source
    ));
    let mut t = new_table();
    for e in &r.estimates.figures {
        t.add_row([
            e.label.to_string(),
            format!("≈ {}", estimate_value(e)),
            e.formula.clone(),
        ]);
    }
    right(&mut t, &[1]);
    o.table(&t);
}
