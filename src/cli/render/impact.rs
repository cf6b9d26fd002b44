//! What a policy change does to the audit (`crate::audit::impact::Impact`),
//! as a table or markdown for a pull request.

use crate::audit::Kpis;
use crate::audit::impact::Impact;
use crate::cli::render::fmt::{amount, hours_shift, md_escape, percent1, word};
use crate::cli::render::kpis::{KpiRows, Row};
use crate::i18n::{tr, tr_args};
use std::fmt::Write;

/// A message with text arguments.
fn t(id: &str, args: &[(&str, String)]) -> String {
    let values: Vec<(&str, fluent_bundle::FluentValue)> =
        args.iter().map(|(k, v)| (*k, v.clone().into())).collect();
    tr_args(id, &values)
}

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
        return t("impact-no-effect", &[("cases", r.cases.to_string())]);
    }
    t(
        "impact-summary",
        &[
            ("cases", r.cases.to_string()),
            ("added", r.findings_added.len().to_string()),
            ("added_errors", errors(&r.findings_added).to_string()),
            ("removed", r.findings_removed.len().to_string()),
            ("removed_errors", errors(&r.findings_removed).to_string()),
            ("moved", r.due_moved.len().to_string()),
            ("bands", r.bands_changed.len().to_string()),
        ],
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
    let _ = writeln!(
        s,
        "## {}\n\n{}\n",
        t("impact-md-title", &[("base", base.to_string())]),
        summary(r)
    );
    let _ = writeln!(s, "| {} |\n|---|---|---|", tr("impact-md-kpi-columns"));
    for ((label, b), (_, a)) in kpi_lines(&r.kpis.before)
        .into_iter()
        .zip(kpi_lines(&r.kpis.after))
    {
        let _ = writeln!(s, "| {label} | {b} | {a} |");
    }
    for (title, list) in [
        (tr("impact-added"), &r.findings_added),
        (tr("impact-removed"), &r.findings_removed),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "\n### {title} ({})\n\n| {} |\n|---|---|---|---|",
            list.len(),
            tr("impact-md-finding-columns")
        );
        for f in list {
            let _ = writeln!(
                s,
                "| `{}` | `{}` | {} | {} |",
                f.case,
                f.code,
                word(f.severity.as_str()),
                md_escape(&f.text.render(&amount))
            );
        }
    }
    md_moves(&mut s, r);
    s
}

/// The due times moved and bands changed, as markdown sections.
fn md_moves(s: &mut String, r: &Impact) {
    if !r.due_moved.is_empty() {
        let _ = writeln!(
            *s,
            "\n### {} ({})\n\n| {} |\n|---|---|---|---|---|",
            tr("impact-due-moved"),
            r.due_moved.len(),
            tr("impact-md-due-columns")
        );
        for d in r.due_moved.iter().take(50) {
            let _ = writeln!(
                *s,
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
                *s,
                "\n{}",
                t(
                    "impact-more",
                    &[("more", (r.due_moved.len() - 50).to_string())]
                )
            );
        }
    }
    if !r.bands_changed.is_empty() {
        let _ = writeln!(
            *s,
            "\n### {} ({})\n\n| {} |\n|---|---|---|",
            tr("impact-bands-changed"),
            r.bands_changed.len(),
            tr("impact-md-band-columns")
        );
        for b in &r.bands_changed {
            let _ = writeln!(
                *s,
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
}

pub fn table(r: &Impact, base: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}\n{}\n",
        t(
            "impact-title",
            &[("base", base.to_string()), ("as_of", r.as_of.clone())]
        ),
        summary(r)
    );
    for ((label, b), (_, a)) in kpi_lines(&r.kpis.before)
        .into_iter()
        .zip(kpi_lines(&r.kpis.after))
    {
        let _ = writeln!(s, "  {label:<22} {b:>9} → {a}");
    }
    for (title, sign, list) in [
        (tr("impact-added"), "+", &r.findings_added),
        (tr("impact-removed"), "-", &r.findings_removed),
    ] {
        if !list.is_empty() {
            let _ = writeln!(s, "\n{title} ({}):", list.len());
            for f in list {
                let message = f.text.render(&amount);
                let _ = writeln!(s, "  {sign} {} {:<24} {message}", f.case, f.code);
            }
        }
    }
    if !r.due_moved.is_empty() {
        let _ = writeln!(s, "\n{} ({}):", tr("impact-due-moved"), r.due_moved.len());
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
        let _ = writeln!(
            s,
            "\n{} ({}):",
            tr("impact-bands-short"),
            r.bands_changed.len()
        );
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
