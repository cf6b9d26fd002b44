//! What a policy change does to the audit (`crate::audit::impact::Impact`),
//! as a table or markdown for a pull request.

use crate::audit::Kpis;
use crate::audit::impact::Impact;
use crate::cli::render::fmt::{hours_shift, md_escape, percent1};
use crate::cli::render::kpis::{KpiRows, Row};
use crate::i18n::tr;
use std::fmt::Write;

fn summary(r: &Impact) -> String {
    let errors = |fs: &[crate::audit::Finding]| {
        fs.iter()
            .filter(|f| f.severity == crate::audit::Severity::Error)
            .count()
    };
    if r.findings_added.is_empty()
        && r.findings_removed.is_empty()
        && r.due_moved.is_empty()
        && r.bands_changed.is_empty()
    {
        return format!("No effect on the audit of {} cases.", r.cases);
    }
    format!(
        "Across {} cases this change adds {} finding(s) ({} error(s)) and removes {} ({} error(s)); {} due time(s) move; {} case(s) change band.",
        r.cases,
        r.findings_added.len(),
        errors(&r.findings_added),
        r.findings_removed.len(),
        errors(&r.findings_removed),
        r.due_moved.len(),
        r.bands_changed.len()
    )
}

fn kpi_lines(k: &Kpis) -> Vec<Row> {
    let rows = KpiRows::new(k);
    vec![
        rows.acknowledged_on_time(),
        rows.resolved_on_time(),
        (tr("impact-open-cases"), k.open.to_string()),
        (
            tr("kpi-compensation-ratio"),
            percent1(k.compensation_to_harm_ratio),
        ),
    ]
}

pub fn markdown(r: &Impact, base: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## Policy impact against `{base}`\n\n{}\n", summary(r));
    let _ = writeln!(s, "| Indicator | Before | After |\n|---|---|---|");
    for ((label, b), (_, a)) in kpi_lines(&r.kpis.before)
        .into_iter()
        .zip(kpi_lines(&r.kpis.after))
    {
        let _ = writeln!(s, "| {label} | {b} | {a} |");
    }
    for (title, list) in [
        ("Findings added", &r.findings_added),
        ("Findings removed", &r.findings_removed),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "\n### {title} ({})\n\n| Case | Finding | Severity | Details |\n|---|---|---|---|",
            list.len()
        );
        for f in list {
            let _ = writeln!(
                s,
                "| `{}` | `{}` | {} | {} |",
                f.case,
                f.code,
                f.severity.as_str(),
                md_escape(&f.message)
            );
        }
    }
    if !r.due_moved.is_empty() {
        let _ = writeln!(
            s,
            "\n### Due times moved ({})\n\n| Case | Clock | Before | After | Shift |\n|---|---|---|---|---|",
            r.due_moved.len()
        );
        for d in r.due_moved.iter().take(50) {
            let _ = writeln!(
                s,
                "| `{}` | {} {} | {} | {} | {} |",
                d.case,
                d.clock,
                d.cycle,
                d.before.as_deref().unwrap_or("—"),
                d.after.as_deref().unwrap_or("—"),
                hours_shift(d.shift_hours)
            );
        }
        if r.due_moved.len() > 50 {
            let _ = writeln!(
                s,
                "\n…and {} more (`--format json` lists them all).",
                r.due_moved.len() - 50
            );
        }
    }
    if !r.bands_changed.is_empty() {
        let _ = writeln!(
            s,
            "\n### Compensation bands changed ({})\n\n| Case | Before | After |\n|---|---|---|",
            r.bands_changed.len()
        );
        for b in &r.bands_changed {
            let _ = writeln!(
                s,
                "| `{}` | {}–{} ({}) | {}–{} ({}) |",
                b.case,
                b.before.min,
                b.before.max,
                b.before.rule,
                b.after.min,
                b.after.max,
                b.after.rule
            );
        }
    }
    s
}

pub fn table(r: &Impact, base: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Policy impact against {base}, as of {}\n{}\n",
        r.as_of,
        summary(r)
    );
    for ((label, b), (_, a)) in kpi_lines(&r.kpis.before)
        .into_iter()
        .zip(kpi_lines(&r.kpis.after))
    {
        let _ = writeln!(s, "  {label:<22} {b:>9} → {a}");
    }
    for (title, sign, list) in [
        ("Findings added", "+", &r.findings_added),
        ("Findings removed", "-", &r.findings_removed),
    ] {
        if !list.is_empty() {
            let _ = writeln!(s, "\n{title} ({}):", list.len());
            for f in list {
                let _ = writeln!(s, "  {sign} {} {:<24} {}", f.case, f.code, f.message);
            }
        }
    }
    if !r.due_moved.is_empty() {
        let _ = writeln!(s, "\nDue times moved ({}):", r.due_moved.len());
        for d in r.due_moved.iter().take(20) {
            let _ = writeln!(
                s,
                "  {} {:<14} {} → {}  ({})",
                d.case,
                format!("{} {}", d.clock, d.cycle),
                d.before.as_deref().unwrap_or("—"),
                d.after.as_deref().unwrap_or("—"),
                hours_shift(d.shift_hours)
            );
        }
    }
    if !r.bands_changed.is_empty() {
        let _ = writeln!(s, "\nBands changed ({}):", r.bands_changed.len());
        for b in &r.bands_changed {
            let _ = writeln!(
                s,
                "  {} {}–{} → {}–{}",
                b.case, b.before.min, b.before.max, b.after.min, b.after.max
            );
        }
    }
    s
}
