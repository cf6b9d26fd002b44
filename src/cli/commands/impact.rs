//! `redress policy impact --base REV`: what a policy change does to the
//! audit, for pull requests.

use super::Ctx;
use crate::Verdict;
use crate::audit::Kpis;
use crate::audit::impact::{self, Impact};
use crate::diag::Diagnostics;
use crate::policy::{self, PolicyTexts};
use anyhow::{Context, Result, bail};
use chrono::Utc;
use std::fmt::Write;
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The git revision whose policies to compare against (e.g. origin/main)
    #[arg(long, value_name = "REV")]
    pub base: String,
    /// Audit as of this time (default: --now)
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
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
    Markdown,
    Json,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    let texts = texts_at(&open.ledger.root, &args.base)?;
    let base = policy::load_texts(&texts).map_err(|d| {
        anyhow::Error::new(Diagnostics(d))
            .context(format!("the policies at {} are invalid", args.base))
    })?;
    let as_of = match &args.as_of {
        Some(t) => crate::case::time::parse_in(t, open.tz)
            .map_err(anyhow::Error::msg)
            .context("reading --as-of")?,
        None => open.now,
    }
    .with_timezone(&Utc);
    let scan = open.ledger.scan(&open.policies);
    args.invalid
        .refuse_or_warn(&scan.problems, "policy impact")?;
    let mut result = impact::compare(&scan.cases, &base, &open.policies, as_of);
    if !args.include_contacts {
        mask_contacts(&mut result, &scan.cases);
    }
    let out = match args.format {
        Format::Json => {
            let mut v = serde_json::to_value(&result)?;
            if let Some(o) = v.as_object_mut() {
                o.insert("base".into(), serde_json::json!(args.base));
            }
            serde_json::to_string_pretty(&v)? + "\n"
        }
        Format::Markdown => markdown(&result, &args.base),
        Format::Table => table(&result, &args.base),
    };
    crate::cli::render::style::print(&out)?;
    Ok(Verdict::Pass)
}

/// Masks each case's contact details where its findings quote its text.
fn mask_contacts(result: &mut Impact, cases: &[crate::ledger::LoadedCase]) {
    let by_id: std::collections::HashMap<&str, &crate::case::Case> = cases
        .iter()
        .map(|lc| (lc.case.id.as_str(), &lc.case))
        .collect();
    for f in result
        .findings_added
        .iter_mut()
        .chain(result.findings_removed.iter_mut())
    {
        if let Some(case) = by_id.get(f.case.as_str()) {
            f.message = crate::case::privacy::mask_quoted(&f.message, case);
        }
    }
}

/// The policy files as they are at `rev`, read with `git show`.
fn texts_at(root: &Path, rev: &str) -> Result<PolicyTexts> {
    let git = |args: &[&str]| -> Result<std::process::Output> {
        crate::ledger::git::run(root, args).context("running git (is it installed?)")
    };
    let prefix = git(&["rev-parse", "--show-prefix"])?;
    if !prefix.status.success() {
        bail!(
            "{} is not in a git repository: policy impact compares against a git revision",
            root.display()
        );
    }
    let prefix = String::from_utf8_lossy(&prefix.stdout).trim().to_string();
    let verify = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ])?;
    if !verify.status.success() {
        bail!(
            "unknown revision `{rev}`\n  = help: name a branch, tag or commit, e.g. --base origin/main"
        );
    }
    let show = |file: &str| -> Result<Option<String>> {
        let out = git(&["show", &format!("{rev}:{prefix}{file}")])?;
        Ok(out
            .status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned()))
    };
    Ok(PolicyTexts {
        deadlines: show(policy::DEADLINES)?,
        escalation: show(policy::ESCALATION)?,
        compensation: show(policy::COMPENSATION)?,
        categories: show(policy::CATEGORIES)?,
    })
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

fn kpi_lines(k: &Kpis) -> Vec<(&'static str, String)> {
    let r = |v: Option<f64>| v.map_or("—".to_string(), |x| format!("{:.1} %", x * 100.0));
    vec![
        ("Acknowledged on time", r(k.acknowledged_on_time_rate)),
        ("Resolved on time", r(k.resolved_on_time_rate)),
        ("Open cases", k.open.to_string()),
        ("Compensation / harm", r(k.compensation_to_harm_ratio)),
    ]
}

fn shift(h: Option<f64>) -> String {
    match h {
        Some(h) if h.abs() >= 48.0 => format!("{:+.1} d", h / 24.0),
        Some(h) => format!("{h:+.1} h"),
        None => "—".into(),
    }
}

fn markdown(r: &Impact, base: &str) -> String {
    let esc = |s: &str| s.replace('|', "\\|");
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
                esc(&f.message)
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
                shift(d.shift_hours)
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

fn table(r: &Impact, base: &str) -> String {
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
                shift(d.shift_hours)
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
