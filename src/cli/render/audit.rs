//! The audit (`crate::audit::Audit`) as a table, markdown, JSON or CSV.

use crate::audit::{Audit, Finding, Kpis, Severity};
use crate::cli::render::fmt::{NONE, amount, md_escape, percent1};
use crate::cli::render::kpis::{KpiRows, Row};
use crate::cli::render::style::{BOLD, RED, YELLOW, paint};
use crate::cli::render::table::{Cell, Column, Columns, Layout, available_width, fit, widen};
use crate::diag::Diagnostic;
use crate::i18n::{Lang, tr, tr_args};
use anyhow::Result;
use rayon::prelude::*;
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

/// The JSON document [`json`] writes, with its findings written by
/// `findings` instead of taken from `a` (whose own are ignored): the
/// streamed audit hands over findings rendered by [`json_findings`],
/// `count` of them, and the bytes are the same as [`json`]'s.
pub fn json_around<W: std::io::Write>(
    a: &Audit,
    problems: &[Diagnostic],
    count: usize,
    out: &mut W,
    findings: impl FnOnce(&mut W) -> Result<()>,
) -> Result<()> {
    const EMPTY: &str = "\n  \"findings\": []";
    let header = Audit {
        findings: Vec::new(),
        ..a.clone()
    };
    let mut doc = Vec::new();
    json(&header, problems, &mut doc)?;
    let doc = String::from_utf8(doc)?;
    let at = doc
        .find(EMPTY)
        .ok_or_else(|| anyhow::anyhow!("the audit's JSON has no findings key"))?;
    let (head, tail) = doc.split_at(at + EMPTY.len() - 1);
    out.write_all(head.as_bytes())?;
    if count > 0 {
        findings(out)?;
        out.write_all(b"\n  ")?;
    }
    out.write_all(tail.as_bytes())?;
    Ok(())
}

/// Findings as [`json_around`] takes them: each on its own lines, indented
/// as inside the document, separated by commas (one more comma goes
/// between two such runs).
pub fn json_findings(findings: &[Finding], out: &mut Vec<u8>) -> Result<()> {
    for (i, f) in findings.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let one = serde_json::to_string_pretty(f)?;
        for line in one.lines() {
            out.extend_from_slice(b"\n    ");
            out.extend_from_slice(line.as_bytes());
        }
    }
    Ok(())
}

pub fn csv(a: &Audit, out: &mut impl std::io::Write) -> Result<()> {
    out.write_all(CSV_HEADER)?;
    let mut rows = Vec::new();
    csv_findings(&a.findings, &mut rows)?;
    out.write_all(&rows)?;
    Ok(())
}

pub const CSV_HEADER: &[u8] = b"case,code,severity,due,path,message,at\n";

/// The CSV rows of `findings`, header aside.
pub fn csv_findings(findings: &[Finding], out: &mut Vec<u8>) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for f in findings {
        w.write_record([
            &f.case,
            f.code.as_str(),
            f.severity.as_str(),
            f.due.as_deref().unwrap_or(""),
            &f.path,
            &f.message(),
            &f.at,
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// The KPIs as (label, value) pairs, formatted for people.
fn kpi_rows(k: &Kpis, currency: &str) -> Vec<Row> {
    let rows = KpiRows::new(k);
    let ratio = k.compensation_to_harm_ratio.map_or_else(
        || NONE.into(),
        |r| tr_args("kpi-ratio-of-harm", &[("ratio", percent1(Some(r)).into())]),
    );
    vec![
        rows.cases(),
        rows.acknowledged_on_time(),
        rows.resolved_on_time(),
        rows.satisfied(),
        rows.follow_up_coverage(),
        (tr("kpi-reopened"), percent1(k.reopen_rate)),
        rows.time_to_acknowledge(),
        rows.time_to_resolve(),
        (
            tr("kpi-compensation"),
            total(&k.compensation_total, currency),
        ),
        (tr("kpi-compensation-ratio"), ratio),
    ]
}

/// The compensation total: in English as the audit computed it, ungrouped
/// (`6588.96 CAD`); in French as a Québec reader expects (`6 588,96 $`).
fn total(computed: &str, currency: &str) -> String {
    match (crate::i18n::current(), computed.parse()) {
        (Lang::Fr, Ok(d)) => amount(d, currency),
        _ => format!("{computed} {currency}"),
    }
}

/// A finding's message in the language in force.
fn message(f: &Finding) -> String {
    f.text.render(&amount)
}

/// "; findings since …, before …" when a window was given.
fn window_note(a: &Audit) -> String {
    let mut s = String::new();
    if let Some(since) = &a.since {
        s.push_str(&tr_args(
            "audit-window-since",
            &[("since", since.clone().into())],
        ));
    }
    if let Some(until) = &a.until {
        let first = if s.is_empty() { "yes" } else { "no" };
        s.push_str(&tr_args(
            "audit-window-until",
            &[("first", first.into()), ("until", until.clone().into())],
        ));
    }
    s
}

/// The severities in the order the human formats show them.
const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

fn by_severity(a: &Audit) -> Vec<(Severity, Vec<&Finding>)> {
    SEVERITIES
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

fn counts_line(counts: [usize; 3]) -> String {
    tr_args(
        "audit-counts",
        &[
            ("errors", count(counts[0])),
            ("warnings", count(counts[1])),
            ("infos", count(counts[2])),
        ],
    )
}

/// A count as a number, so that French words its plural.
fn count(n: usize) -> fluent_bundle::FluentValue<'static> {
    i64::try_from(n).unwrap_or(i64::MAX).into()
}

/// `ERROR (3)` or `Errors (3)`: `id` names the form.
fn severity_heading(id: &str, sev: Severity, count: usize) -> String {
    tr_args(
        id,
        &[
            ("severity", sev.as_str().into()),
            ("count", count.to_string().into()),
        ],
    )
}

pub fn table(a: &Audit, problems: &[Diagnostic], color: bool, currency: &str) -> String {
    let mut shape = TableShape::default();
    let groups = by_severity(a);
    let rows: Vec<(Severity, Vec<RowTexts>)> = groups
        .iter()
        .map(|(sev, findings)| (*sev, findings.iter().map(|f| row_texts(f)).collect()))
        .collect();
    for (sev, texts) in &rows {
        texts.iter().for_each(|t| shape.add(*sev, t));
    }
    let mut out = Vec::new();
    let written = table_around(
        a,
        problems,
        color,
        currency,
        &shape,
        &mut out,
        |sev, each| {
            rows.iter()
                .filter(|(s, _)| *s == sev)
                .try_for_each(|(_, texts)| each(texts))
        },
    );
    // Writing to memory fails only if a row does not, which cannot happen.
    debug_assert!(written.is_ok());
    String::from_utf8_lossy(&out).into_owned()
}

/// What the table shows of one finding: case, code, when, and the message
/// in the language in force.
pub type RowTexts = [String; 4];

/// The texts of a finding's row in the table.
pub fn row_texts(f: &Finding) -> RowTexts {
    [
        f.case.clone(),
        f.code.as_str().to_string(),
        short_at(&f.at),
        message(f),
    ]
}

/// What the table must know of its findings before it writes the first:
/// how many of each severity, and how wide each column is.
#[derive(Debug, Default, Clone, Copy)]
pub struct TableShape {
    pub counts: [usize; 3],
    pub widths: [usize; 4],
}

impl TableShape {
    pub fn add(&mut self, sev: Severity, texts: &RowTexts) {
        if let Some(c) = self.counts.get_mut(shown_at(sev)) {
            *c += 1;
        }
        // The message is the free-text column, whose width lays out nothing.
        widen(&mut self.widths, texts.iter().take(3).map(String::as_str));
    }

    pub fn merge(&mut self, other: &TableShape) {
        for (c, o) in self.counts.iter_mut().zip(other.counts) {
            *c += o;
        }
        for (w, o) in self.widths.iter_mut().zip(other.widths) {
            *w = (*w).max(o);
        }
    }
}

/// Hands each row of one severity, in order, to the callback it is given.
pub type EachRow<'a> = dyn FnMut(&[RowTexts]) -> std::io::Result<()> + 'a;

/// The table [`table`] writes, with its findings handed over by `rows`
/// (called once per severity that has any, in the table's order) and
/// measured beforehand in `shape`: the streamed audit's rows come from
/// spools, and the bytes are the same.
pub fn table_around<W: std::io::Write>(
    a: &Audit,
    problems: &[Diagnostic],
    color: bool,
    currency: &str,
    shape: &TableShape,
    out: &mut W,
    mut rows: impl FnMut(Severity, &mut EachRow) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let width = available_width();
    out.write_all(table_head(a, color, currency, width).as_bytes())?;
    let columns = Columns {
        columns: (0..4)
            .map(|_| Column {
                header: "",
                drop_rank: 0,
            })
            .collect(),
        rows: Vec::new(),
    };
    let writer = columns.row_writer(shape.widths.to_vec(), Layout::section(), width, color);
    for (sev, count) in SEVERITIES.into_iter().zip(shape.counts) {
        if count == 0 {
            continue;
        }
        let heading = severity_heading("audit-severity-heading", sev, count);
        writeln!(out, "\n{}", paint(color, style_of(sev), &heading))?;
        // Laid out on every core (a large audit has a hundred thousand
        // rows, and the layout comes after the reading), written in order.
        rows(sev, &mut |batch: &[RowTexts]| {
            let laid: Vec<String> = batch
                .par_iter()
                .map(|t| writer.render(&row_cells(sev, t)))
                .collect();
            laid.iter()
                .try_for_each(|row| out.write_all(row.as_bytes()))
        })?;
    }
    out.write_all(table_tail(problems, shape.counts, color, width).as_bytes())
}

/// Where a severity's rows come in the table: 0 for errors, 1 for
/// warnings, 2 for infos.
pub fn shown_at(sev: Severity) -> usize {
    SEVERITIES.iter().position(|s| *s == sev).unwrap_or(0)
}

fn style_of(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => RED,
        Severity::Warning => YELLOW,
        Severity::Info => BOLD,
    }
}

fn row_cells(sev: Severity, t: &RowTexts) -> [Cell; 4] {
    let [case, code, at, message] = t.clone();
    [
        Cell::plain(case),
        Cell {
            text: code,
            style: Some(style_of(sev)),
        },
        Cell::plain(at),
        Cell::plain(message),
    ]
}

/// The title and the KPIs.
fn table_head(a: &Audit, color: bool, currency: &str, width: Option<usize>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        paint(
            color,
            BOLD,
            &format!(
                "{}{}",
                tr_args("audit-title", &[("as_of", a.as_of.clone().into())]),
                window_note(a)
            )
        )
    );
    let kpis = section(
        kpi_rows(&a.kpis, currency)
            .into_iter()
            .map(|(label, value)| vec![Cell::plain(label), Cell::plain(value)])
            .collect(),
    );
    s.push_str(&kpis.render_as(Layout::section(), width, color));
    s
}

/// The invalid files, then the counts.
fn table_tail(
    problems: &[Diagnostic],
    counts: [usize; 3],
    color: bool,
    width: Option<usize>,
) -> String {
    let mut s = String::new();
    if !problems.is_empty() {
        let _ = writeln!(
            s,
            "\n{}",
            paint(
                color,
                RED,
                &tr_args(
                    "audit-invalid-heading",
                    &[("count", problems.len().to_string().into())]
                )
            )
        );
        for p in problems {
            let _ = writeln!(s, "{}", fit(&format!("  {p}"), width, 0));
        }
    }
    let _ = writeln!(s, "\n{}", counts_line(counts));
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

fn severity_counts(a: &Audit) -> [usize; 3] {
    SEVERITIES.map(|s| a.findings.iter().filter(|f| f.severity == s).count())
}

/// `2026-11-22 09:14` from the finding's RFC 3339 `at`, for the table.
fn short_at(at: &str) -> String {
    at.get(..16).unwrap_or(at).replacen('T', " ", 1)
}

pub fn markdown(a: &Audit, problems: &[Diagnostic], currency: &str) -> String {
    let mut out = Vec::new();
    let written = markdown_around(
        a,
        problems,
        currency,
        severity_counts(a),
        &mut out,
        |sev, out| {
            a.findings
                .iter()
                .filter(|f| f.severity == sev)
                .try_for_each(|f| std::io::Write::write_all(out, markdown_row(f).as_bytes()))
        },
    );
    // Writing to memory fails only if a row does not, which cannot happen.
    debug_assert!(written.is_ok());
    String::from_utf8_lossy(&out).into_owned()
}

/// The markdown audit around its findings: the title, the summary and
/// the KPIs, then each severity's heading with `counts` of its findings,
/// whose rows `rows` writes ([`markdown_row`]), then the invalid files.
pub fn markdown_around<W: std::io::Write>(
    a: &Audit,
    problems: &[Diagnostic],
    currency: &str,
    counts: [usize; 3],
    out: &mut W,
    mut rows: impl FnMut(Severity, &mut W) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "## {}{}\n",
        tr_args("audit-md-title", &[("as_of", a.as_of.clone().into())]),
        window_note(a)
    );
    let _ = writeln!(
        s,
        "{}\n",
        tr_args(
            "audit-md-summary",
            &[
                ("counts", counts_line(counts).into()),
                ("cases", a.cases.to_string().into())
            ]
        )
    );
    let _ = writeln!(
        s,
        "| {} | {} |\n|---|---|",
        tr("audit-md-indicator"),
        tr("audit-md-value")
    );
    for (label, value) in kpi_rows(&a.kpis, currency) {
        let _ = writeln!(s, "| {label} | {} |", md_escape(&value));
    }
    out.write_all(s.as_bytes())?;
    for (sev, count) in SEVERITIES.into_iter().zip(counts) {
        if count == 0 {
            continue;
        }
        write!(
            out,
            "\n### {}\n\n{}\n|---|---|---|---|---|\n",
            severity_heading("audit-severity-title", sev, count),
            tr("audit-md-columns")
        )?;
        rows(sev, out)?;
    }
    out.write_all(markdown_problems(problems).as_bytes())
}

/// One finding's row in the markdown audit, with its line break.
pub fn markdown_row(f: &Finding) -> String {
    format!(
        "| `{}` | `{}` | {} | {} | {} |\n",
        f.case,
        f.code,
        f.at,
        f.due.as_deref().unwrap_or(""),
        md_escape(&message(f))
    )
}

/// The markdown audit's list of invalid files (nothing when there is none).
fn markdown_problems(problems: &[Diagnostic]) -> String {
    let mut s = String::new();
    if !problems.is_empty() {
        let _ = writeln!(
            s,
            "\n### {}\n",
            tr_args(
                "audit-invalid-title",
                &[("count", problems.len().to_string().into())]
            )
        );
        for p in problems {
            let _ = writeln!(
                s,
                "- `{}:{}:{}` {}: {}",
                p.path,
                p.line,
                p.column,
                p.code,
                md_escape(&p.worded())
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with_lang;

    #[test]
    fn the_counts_line_has_french_plurals_and_keeps_its_english() {
        let fr = |c| with_lang(Lang::Fr, || counts_line(c));
        assert_eq!(
            fr([1, 0, 2]),
            "1 erreur, 0 avertissement, 2 pour information"
        );
        assert_eq!(
            fr([2, 3, 0]),
            "2 erreurs, 3 avertissements, 0 pour information"
        );
        let en = with_lang(Lang::En, || counts_line([67630, 1, 0]));
        assert_eq!(en, "67630 error(s), 1 warning(s), 0 info");
    }
}
