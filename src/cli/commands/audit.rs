//! `redress audit`: findings and KPIs, for people (table, markdown) and
//! scripts (json, csv). Same files and `--as-of`, same bytes.

use super::Ctx;
use crate::Verdict;
use crate::audit::{self, Audit, Finding, Kpis, Severity};
use crate::cli::render::style::{BOLD, RED, YELLOW, paint};
use crate::diag::Diagnostic;
use anyhow::{Context, Result, bail};
use chrono::{DateTime, Utc};
use comfy_table::{ContentArrangement, Table, presets::UTF8_BORDERS_ONLY};
use std::fmt::Write;
use std::io::Write as _;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Audit the ledger as it stood at this time (default: --now)
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Exit 1 when a finding at or above this severity exists
    #[arg(long, value_enum, default_value = "error")]
    pub fail_on: FailOn,
    /// Audit one case only (ID, prefix or suffix)
    #[arg(long, value_name = "ID")]
    pub case: Option<String>,
    /// Only findings with this code (repeatable)
    #[arg(long, value_name = "CODE")]
    pub code: Vec<String>,
    /// Only findings that happened at or after TIME: a date, a time, or a
    /// span back from --as-of (24h, 7d, 2w). KPIs cover the cases received
    /// in the window, as in `report`
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only findings that happened before TIME (a bare date: up to the end of that day)
    #[arg(long, value_name = "TIME")]
    pub until: Option<String>,
    /// Show the customer's name, email and phone where a finding quotes
    /// them (masked by default)
    #[arg(long)]
    pub include_contacts: bool,
    #[command(flatten)]
    pub invalid: super::SkipInvalid,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    for code in &args.code {
        if audit::FindingCode::parse(code).is_none() {
            let names = audit::FindingCode::names();
            bail!(
                "{}",
                crate::suggest::unknown_value("finding code", code, &names)
            );
        }
    }
    let as_of = match &args.as_of {
        Some(t) => crate::case::time::parse_in(t, open.tz)
            .map_err(anyhow::Error::msg)
            .context("reading --as-of")?,
        None => open.now,
    }
    .with_timezone(&Utc);
    let window = window_of(&args, open.tz, as_of)?;
    let p = &open.policies;
    let audit_one = |c: &crate::ledger::LoadedCase| {
        (c.case.received.utc() <= as_of).then(|| {
            let a = audit::audit_case(c, p, as_of);
            if args.include_contacts {
                a
            } else {
                a.mask_contacts(&c.case)
            }
        })
    };
    let (per_case, problems) = match &args.case {
        Some(q) => {
            let rel = open.ledger.find(q)?;
            match open.ledger.load(&rel, p) {
                Ok(c) => (audit_one(&c).into_iter().collect(), vec![]),
                Err(d) => (vec![], d),
            }
        }
        None => {
            // Each case is audited as it is read and then dropped.
            let scan = open.ledger.scan_map(p, |c| audit_one(&c));
            (scan.items.into_iter().flatten().collect(), scan.problems)
        }
    };
    let mut result = audit::assemble_in(per_case, p, as_of, window);
    if !args.code.is_empty() {
        result
            .findings
            .retain(|f| args.code.iter().any(|c| c == f.code.as_str()));
    }
    // Scripts' formats stream straight out: a large audit is never held
    // twice in memory as text.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match args.format {
        Format::Json => json(&result, &problems, &mut out)?,
        Format::Csv => {
            // CSV has no place for them; --skip-invalid warns about them below.
            if !args.invalid.skip_invalid {
                for p in &problems {
                    eprintln!("{p}");
                }
            }
            csv(&result, &mut out)?
        }
        Format::Markdown => {
            out.write_all(markdown(&result, &problems, &open.policies.currency).as_bytes())?
        }
        Format::Table => {
            out.write_all(table(&result, &problems, ctx.color, &open.policies.currency).as_bytes())?
        }
    }
    out.flush()?;
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failed = args.invalid.fails(&problems)
        || threshold.is_some_and(|t| result.findings.iter().any(|f| f.severity >= t));
    Ok(if failed { Verdict::Fail } else { Verdict::Pass })
}

/// `--since`/`--until`, spans counted back from `as_of`.
fn window_of(args: &Args, tz: chrono_tz::Tz, as_of: DateTime<Utc>) -> Result<audit::Window> {
    let bound = |text: &Option<String>, end_of_day: bool, flag: &str| {
        text.as_deref()
            .map(|t| crate::case::time::bound_back_from(t, tz, end_of_day, as_of))
            .transpose()
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("reading {flag}"))
    };
    Ok(audit::Window {
        since: bound(&args.since, false, "--since")?,
        until: bound(&args.until, true, "--until")?,
    })
}

fn json(a: &Audit, problems: &[Diagnostic], out: &mut impl std::io::Write) -> Result<()> {
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

fn csv(a: &Audit, out: &mut impl std::io::Write) -> Result<()> {
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
fn kpi_rows(k: &Kpis, currency: Option<&str>) -> Vec<(&'static str, String)> {
    let pct = |r: Option<f64>| r.map_or_else(|| "—".into(), |r| format!("{:.1} %", r * 100.0));
    let hours = |h: Option<f64>| {
        h.map_or_else(
            || "—".into(),
            |h| {
                if h >= 48.0 {
                    format!("{:.1} d", h / 24.0)
                } else {
                    format!("{h:.1} h")
                }
            },
        )
    };
    let ratio = k
        .compensation_to_harm_ratio
        .map_or_else(|| "—".into(), |r| format!("{:.1} % of harm", r * 100.0));
    vec![
        ("Cases", format!("{} ({} open)", k.cases, k.open)),
        ("Acknowledged on time", pct(k.acknowledged_on_time_rate)),
        ("Resolved on time", pct(k.resolved_on_time_rate)),
        ("Satisfied at follow-up", pct(k.satisfaction_rate)),
        ("Follow-up coverage", pct(k.follow_up_coverage)),
        ("Reopened (double deviation)", pct(k.reopen_rate)),
        (
            "Time to acknowledge (median / p90)",
            format!(
                "{} / {}",
                hours(k.median_hours_to_acknowledge),
                hours(k.p90_hours_to_acknowledge)
            ),
        ),
        (
            "Time to resolve (median / p90)",
            format!(
                "{} / {}",
                hours(k.median_hours_to_resolve),
                hours(k.p90_hours_to_resolve)
            ),
        ),
        (
            "Compensation granted",
            format!("{} {}", k.compensation_total, currency.unwrap_or("")),
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

fn table(a: &Audit, problems: &[Diagnostic], color: bool, currency: &str) -> String {
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
    let mut t = Table::new();
    t.load_style(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(80);
    for (label, value) in kpi_rows(&a.kpis, Some(currency)) {
        t.add_row([label.to_string(), value]);
    }
    let _ = writeln!(s, "{t}");
    for (sev, findings) in by_severity(a) {
        let style = match sev {
            Severity::Error => RED,
            Severity::Warning => YELLOW,
            Severity::Info => BOLD,
        };
        let _ = writeln!(
            s,
            "\n{}",
            paint(
                color,
                style,
                &format!("{} ({})", sev.as_str().to_uppercase(), findings.len())
            )
        );
        for f in findings {
            let _ = writeln!(
                s,
                "  {} {}  {}",
                f.case,
                paint(color, style, f.code.as_str()),
                short_at(&f.at)
            );
            let _ = writeln!(s, "{}", wrap(&f.message, 76, "    "));
        }
    }
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
            let _ = writeln!(s, "  {p}");
        }
    }
    let _ = writeln!(s, "\n{}", counts_line(a));
    s
}

/// `2026-11-22 09:14` from the finding's RFC 3339 `at`, for the table.
fn short_at(at: &str) -> String {
    at.get(..16).unwrap_or(at).replacen('T', " ", 1)
}

/// Greedy word wrap, for messages under an 80-column table.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut lines = vec![indent.to_string()];
    for word in text.split_whitespace() {
        let last = lines.last_mut().map_or(0, |l| l.chars().count());
        if last > indent.len() && last + 1 + word.chars().count() > width {
            lines.push(indent.to_string());
        }
        if let Some(l) = lines.last_mut() {
            if l.len() > indent.len() {
                l.push(' ');
            }
            l.push_str(word);
        }
    }
    lines.join("\n")
}

fn markdown(a: &Audit, problems: &[Diagnostic], currency: &str) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
    let mut s = String::new();
    let _ = writeln!(s, "## redress audit — {}{}\n", a.as_of, window_note(a));
    let _ = writeln!(s, "**{}** across {} cases.\n", counts_line(a), a.cases);
    let _ = writeln!(s, "| Indicator | Value |\n|---|---|");
    for (label, value) in kpi_rows(&a.kpis, Some(currency)) {
        let _ = writeln!(s, "| {label} | {} |", esc(&value));
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
                esc(&f.message)
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
                esc(&p.message)
            );
        }
    }
    s
}
