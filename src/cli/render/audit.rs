//! The audit (`crate::audit::Audit`) as a table, markdown, JSON or CSV.

use crate::audit::{Audit, Finding, Kpis, Severity};
use crate::cli::render::fmt::{NONE, md_escape, percent1};
use crate::cli::render::kpis::{KpiRows, Row};
use crate::cli::render::style::{BOLD, RED, YELLOW, paint};
use crate::cli::render::table::{Cell, Column, Columns, Layout, available_width, fit};
use crate::diag::Diagnostic;
use anyhow::Result;
use std::fmt::Write;

pub fn json(a: &Audit, problems: &[Diagnostic], out: &mut impl std::io::Write) -> Result<()> {
    #[derive(serde::Serialize)]
    struct Doc<'a> {
        #[serde(flatten)]
        audit: &'a Audit,
        problems: &'a [Diagnostic],
    }
    serde_json::to_writer_pretty(&mut *out, &Doc { audit: a, problems })?;
    out.write_all(b"\n")?;
    Ok(())
}

pub fn csv(a: &Audit, out: &mut impl std::io::Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["case", "code", "severity", "due", "path", "message", "at"])?;
    for f in &a.findings {
        w.write_record([
            &f.case,
            f.code.as_str(),
            f.severity.as_str(),
            f.due.as_deref().unwrap_or(""),
            &f.path,
            &f.message,
            &f.at,
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// The KPIs as (label, value) pairs, formatted for people.
fn kpi_rows(k: &Kpis, currency: &str) -> Vec<Row> {
    let rows = KpiRows::new(k);
    let ratio = k
        .compensation_to_harm_ratio
        .map_or_else(|| NONE.into(), |r| format!("{} of harm", percent1(Some(r))));
    vec![
        rows.cases(),
        rows.acknowledged_on_time(),
        rows.resolved_on_time(),
        rows.satisfied(),
        rows.follow_up_coverage(),
        ("Reopened (double deviation)", percent1(k.reopen_rate)),
        rows.time_to_acknowledge(),
        rows.time_to_resolve(),
        // The audit shows the total as the audit computed it, ungrouped.
        (
            "Compensation granted",
            format!("{} {currency}", k.compensation_total),
        ),
        ("Compensation / harm", ratio),
    ]
}

/// "; findings since …, before …" when a window was given.
fn window_note(a: &Audit) -> String {
    let mut s = String::new();
    if let Some(since) = &a.since {
        let _ = write!(s, "; findings since {since}");
    }
    if let Some(until) = &a.until {
        let _ = write!(
            s,
            "{} before {until}",
            if s.is_empty() { "; findings" } else { "," }
        );
    }
    s
}

fn by_severity(a: &Audit) -> Vec<(Severity, Vec<&Finding>)> {
    [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .map(|s| {
            (
                s,
                a.findings
                    .iter()
                    .filter(|f| f.severity == s)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, f)| !f.is_empty())
        .collect()
}

fn counts_line(a: &Audit) -> String {
    let n = |s: Severity| a.findings.iter().filter(|f| f.severity == s).count();
    format!(
        "{} error(s), {} warning(s), {} info",
        n(Severity::Error),
        n(Severity::Warning),
        n(Severity::Info)
    )
}

pub fn table(a: &Audit, problems: &[Diagnostic], color: bool, currency: &str) -> String {
    let width = available_width();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        paint(
            color,
            BOLD,
            &format!("Audit as of {}{}", a.as_of, window_note(a))
        )
    );
    let kpis = section(
        kpi_rows(&a.kpis, currency)
            .into_iter()
            .map(|(label, value)| vec![Cell::plain(label), Cell::plain(value)])
            .collect(),
    );
    s.push_str(&kpis.render_as(Layout::section(), width, color));
    findings(&mut s, a, color, width);
    if !problems.is_empty() {
        let _ = writeln!(
            s,
            "\n{}",
            paint(
                color,
                RED,
                &format!("INVALID FILES ({}): not audited", problems.len())
            )
        );
        for p in problems {
            let _ = writeln!(s, "{}", fit(&format!("  {p}"), width, 0));
        }
    }
    let _ = writeln!(s, "\n{}", counts_line(a));
    s
}

/// Headerless rows laid out by `render::table::Columns`.
fn section(rows: Vec<Vec<Cell>>) -> Columns {
    let n = rows.first().map_or(0, Vec::len);
    Columns {
        columns: (0..n)
            .map(|_| Column {
                header: "",
                drop_rank: 0,
            })
            .collect(),
        rows,
    }
}

/// The findings by severity, one line each (case, code, when, message),
/// aligned across the groups; the message wraps to the width.
fn findings(s: &mut String, a: &Audit, color: bool, width: Option<usize>) {
    let groups = by_severity(a);
    let style = |sev: Severity| match sev {
        Severity::Error => RED,
        Severity::Warning => YELLOW,
        Severity::Info => BOLD,
    };
    let rows = groups
        .iter()
        .flat_map(|(sev, findings)| findings.iter().map(move |f| (*sev, f)))
        .map(|(sev, f)| {
            vec![
                Cell::plain(f.case.clone()),
                Cell {
                    text: f.code.as_str().to_string(),
                    style: Some(style(sev)),
                },
                Cell::plain(short_at(&f.at)),
                Cell::plain(f.message.clone()),
            ]
        })
        .collect();
    let mut lines = section(rows)
        .rendered_rows(Layout::section(), width, color)
        .into_iter();
    for (sev, findings) in &groups {
        let _ = writeln!(
            s,
            "\n{}",
            paint(
                color,
                style(*sev),
                &format!("{} ({})", sev.as_str().to_uppercase(), findings.len())
            )
        );
        for line in lines.by_ref().take(findings.len()) {
            s.push_str(&line);
        }
    }
}

/// `2026-11-22 09:14` from the finding's RFC 3339 `at`, for the table.
fn short_at(at: &str) -> String {
    at.get(..16).unwrap_or(at).replacen('T', " ", 1)
}

pub fn markdown(a: &Audit, problems: &[Diagnostic], currency: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "## redress audit — {}{}\n", a.as_of, window_note(a));
    let _ = writeln!(s, "**{}** across {} cases.\n", counts_line(a), a.cases);
    let _ = writeln!(s, "| Indicator | Value |\n|---|---|");
    for (label, value) in kpi_rows(&a.kpis, currency) {
        let _ = writeln!(s, "| {label} | {} |", md_escape(&value));
    }
    for (sev, findings) in by_severity(a) {
        let title = match sev {
            Severity::Error => "Errors",
            Severity::Warning => "Warnings",
            Severity::Info => "For information",
        };
        let _ = writeln!(
            s,
            "\n### {title} ({})\n\n| Case | Finding | At | Due | Details |\n|---|---|---|---|---|",
            findings.len()
        );
        for f in findings {
            let _ = writeln!(
                s,
                "| `{}` | `{}` | {} | {} | {} |",
                f.case,
                f.code,
                f.at,
                f.due.as_deref().unwrap_or(""),
                md_escape(&f.message)
            );
        }
    }
    if !problems.is_empty() {
        let _ = writeln!(s, "\n### Invalid files ({}), not audited\n", problems.len());
        for p in problems {
            let _ = writeln!(
                s,
                "- `{}:{}:{}` {}: {}",
                p.path,
                p.line,
                p.column,
                p.code,
                md_escape(&p.message)
            );
        }
    }
    s
}
