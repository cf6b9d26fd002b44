//! `redress report`: statistics for decision-makers, as a table (80
//! columns), markdown, JSON, CSV or a self-contained HTML page with charts.
//! The figures come from `crate::report`; this module only renders them.
//! No format ever shows a customer's contact details or a case title: cases
//! are named by ID only, and a breakdown value repeating a customer's name,
//! email or phone is masked unless `--include-contacts`.

mod charts;

use super::Ctx;
use crate::Verdict;
use crate::cli::render::style::{BOLD, DIM, paint};
use crate::diag::Diagnostics;
use crate::report::{self, Dim, Period, Report};
use anyhow::Result;
use chrono::Utc;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets::UTF8_BORDERS_ONLY};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bucket cases by the month, quarter or year they were received (ledger time zone)
    #[arg(long, value_enum, default_value = "month")]
    pub period: PeriodArg,
    /// Only cases received at or after this time or date
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only cases received before this time; a bare date includes that whole day
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Break down by a dimension (repeatable; default: category and channel):
    /// kind, category, channel, severity, profile, risk, outcome, tag, assignee, fields.NAME
    #[arg(long, value_name = "DIM", value_parser = parse_dim)]
    pub by: Vec<Dim>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report on the ledger as it stood at this time (default: --now)
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    /// Show a breakdown value (tag, `fields` value) that repeats a customer's
    /// name, email or phone as it is (masked by default)
    #[arg(long)]
    pub include_contacts: bool,
    #[command(flatten)]
    pub invalid: super::SkipInvalid,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PeriodArg {
    Month,
    Quarter,
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Markdown,
    Json,
    Csv,
    Html,
}

fn parse_dim(s: &str) -> Result<Dim, String> {
    s.parse()
}

pub fn run(ctx: &Ctx, args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    let estimates = crate::policy::estimates::load(&open.ledger.root).map_err(|d| {
        anyhow::Error::new(Diagnostics(d))
            .context("policies/estimates.toml is invalid; fix it or delete it to use the defaults")
    })?;
    let as_of = open
        .time_flag("--as-of", args.as_of.as_deref())?
        .with_timezone(&Utc);
    let window = open.window(args.since.as_deref(), args.until.as_deref(), Some(as_of))?;
    let (since, until) = (window.since, window.until);
    let by = if args.by.is_empty() {
        vec![Dim::Category, Dim::Channel]
    } else {
        args.by
    };
    let scan = open.ledger.scan(&open.policies);
    args.invalid.refuse_or_warn(&scan.problems, "report")?;
    let options = report::Options {
        period: match args.period {
            PeriodArg::Month => Period::Month,
            PeriodArg::Quarter => Period::Quarter,
            PeriodArg::Year => Period::Year,
        },
        since,
        until,
        by,
        as_of,
        estimates,
        include_contacts: args.include_contacts,
    };
    let r = report::build(&scan.cases, &open.policies, &options);
    let color = ctx.color && args.output.is_none();
    let text = match args.format {
        Format::Json => json(&r)?,
        Format::Csv => csv(&r)?,
        Format::Markdown => markdown(&r),
        Format::Table => table(&r, color),
        Format::Html => html(&r, &open.policies)?,
    };
    match &args.output {
        Some(path) => {
            crate::ledger::write_atomic(path, text.as_bytes())?;
            eprintln!("report written to {}", path.display());
        }
        None => crate::cli::render::style::print(&text)?,
    }
    Ok(Verdict::Pass)
}

// ---------------------------------------------------------------------------
// Formatting helpers

/// `70–80 %`.
fn band_text(c: &report::CompensationSummary) -> String {
    let p = |s: &str| {
        s.parse::<f64>()
            .map_or_else(|_| s.to_string(), |x| format!("{:.0}", x * 100.0))
    };
    format!("{}–{} %", p(&c.band_min), p(&c.band_max))
}

fn pct(r: Option<f64>) -> String {
    r.map_or_else(|| "—".into(), |r| format!("{:.0} %", r * 100.0))
}

fn pct1(r: Option<f64>) -> String {
    r.map_or_else(|| "—".into(), |r| format!("{:.1} %", r * 100.0))
}

fn dur(h: Option<f64>) -> String {
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
}

/// `1234567.891` → `1,234,568` (estimates are shown to the unit).
fn whole(x: f64) -> String {
    group(&format!("{:.0}", x.round()))
}

/// `700.0` → `700`, `0.91` → `0.91`.
fn short_number(x: f64) -> String {
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `6642940` → `6.6 M`, `66429` → `66 k`: for a headline card.
fn compact(x: f64) -> String {
    let a = x.abs();
    if a >= 1e6 {
        format!("{:.1} M", x / 1e6)
    } else if a >= 1e4 {
        format!("{:.0} k", x / 1e3)
    } else {
        whole(x)
    }
}

/// Thousands separators in the integer part of a decimal string.
fn group(s: &str) -> String {
    let (sign, s) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

fn amount(s: &str, currency: &str) -> String {
    format!("{} {currency}", group(s))
}

fn estimate_value(e: &report::Estimate) -> String {
    format!("{} {}", whole(e.value), e.unit)
}

/// A bar of `width` cells scaled to `max`, with eighth blocks.
fn bar(value: f64, max: f64, width: usize) -> String {
    if max <= 0.0 || value <= 0.0 {
        return String::new();
    }
    const PARTS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    let eighths = ((value / max) * (width * 8) as f64).round().max(1.0) as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(PARTS[eighths % 8 - 1]);
    }
    s
}

fn period_word(p: Period) -> &'static str {
    match p {
        Period::Month => "month",
        Period::Quarter => "quarter",
        Period::Year => "year",
    }
}

/// "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A column header for a dimension: `Category`, but `fields.State` as typed.
fn dim_header(dim: &str) -> String {
    if dim.starts_with("fields.") {
        dim.to_string()
    } else {
        capitalise(dim)
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The date part of an RFC 3339 time.
fn day(t: &str) -> &str {
    t.get(..10).unwrap_or(t)
}

/// One-line readings of each chart, shared by every format.
struct Readings {
    volume: String,
    pareto: String,
    resolve: String,
    compensation: String,
    timing: String,
    ageing: String,
}

fn readings(r: &Report) -> Readings {
    let word = period_word(r.scope.period);
    let complaints: usize = r.periods.iter().map(|p| p.complaints).sum();
    let claims: usize = r.periods.iter().map(|p| p.claims).sum();
    let busiest = r
        .periods
        .iter()
        .filter(|p| p.cases > 0)
        .max_by(|a, b| a.cases.cmp(&b.cases).then_with(|| b.period.cmp(&a.period)));
    let volume = match busiest {
        Some(b) => format!(
            "{} cases over {} {word}s ({complaints} complaints, {claims} claims); the busiest {word} was {} with {}.",
            r.cases,
            r.periods.len(),
            b.period,
            b.cases
        ),
        None => "No case was received in the period.".into(),
    };
    let vital: Vec<&report::ParetoRow> = r.pareto.iter().filter(|p| p.vital_few).collect();
    let pareto = match vital.last() {
        Some(last) => {
            let names: Vec<String> = vital.iter().map(|p| p.category.clone()).collect();
            format!(
                "{} account{} for {:.0} % of cases{}.",
                capitalise(&and_list(&names)),
                if names.len() == 1 { "s" } else { "" },
                last.cumulative_share * 100.0,
                match &r.pareto[vital.len()..] {
                    [] => String::new(),
                    [one] => format!("; {} makes up the rest", one.category),
                    rest => format!("; the other {} categories share the rest", rest.len()),
                }
            )
        }
        None => "No case to classify.".into(),
    };
    let k = &r.kpis;
    let resolve = match (k.median_hours_to_resolve, k.p90_hours_to_resolve) {
        (Some(m), Some(p)) => format!(
            "Half the cases were resolved within {}, nine in ten within {} (first decision, wall clock).",
            dur(Some(m)),
            dur(Some(p))
        ),
        _ => "No case has been resolved yet.".into(),
    };
    let c = &r.compensation;
    let judged = c.below_band + c.within_band + c.above_band;
    let compensation = if judged == 0 {
        "No founded case with a recorded harm has been resolved yet.".into()
    } else {
        format!(
            "{} of {judged} founded cases with a harm were compensated within their band, {} below and {} above; overall, {} of the harm was granted.",
            c.within_band,
            c.below_band,
            c.above_band,
            pct1(c.ratio)
        )
    };
    let timing = match (r.periods.first(), r.periods.last()) {
        (Some(_), Some(_)) => {
            let with: Vec<&report::PeriodRow> = r
                .periods
                .iter()
                .filter(|p| p.median_hours_to_resolve.is_some())
                .collect();
            match (with.first(), with.last()) {
                (Some(a), Some(b)) if a.period != b.period => format!(
                    "The median time to resolve went from {} ({}) to {} ({}).",
                    dur(a.median_hours_to_resolve),
                    a.period,
                    dur(b.median_hours_to_resolve),
                    b.period
                ),
                (Some(a), _) => format!(
                    "The median time to resolve was {} ({}).",
                    dur(a.median_hours_to_resolve),
                    a.period
                ),
                _ => "No case has been resolved yet.".into(),
            }
        }
        _ => "No case was received in the period.".into(),
    };
    let open: usize = r.ageing.iter().map(|b| b.cases).sum();
    let old = r.ageing.last().map_or(0, |b| b.cases);
    let ageing = match open {
        0 => format!("No case was open on {}.", day(&r.scope.as_of)),
        _ => format!(
            "{open} case{} open on {}; {old} received more than 30 days earlier.",
            if open == 1 { " was" } else { "s were" },
            day(&r.scope.as_of)
        ),
    };
    Readings {
        volume,
        pareto,
        resolve,
        compensation,
        timing,
        ageing,
    }
}

/// The headline figures, label and value.
fn kpi_rows(r: &Report) -> Vec<(&'static str, String)> {
    let k = &r.kpis;
    let cur = &r.scope.currency;
    let c = &r.compensation;
    let judged = c.below_band + c.within_band + c.above_band;
    vec![
        ("Cases", format!("{} ({} open)", k.cases, k.open)),
        ("Acknowledged on time", pct1(k.acknowledged_on_time_rate)),
        ("Resolved on time", pct1(k.resolved_on_time_rate)),
        (
            "Time to acknowledge (median / p90)",
            format!(
                "{} / {}",
                dur(k.median_hours_to_acknowledge),
                dur(k.p90_hours_to_acknowledge)
            ),
        ),
        (
            "Time to resolve (median / p90)",
            format!(
                "{} / {}",
                dur(k.median_hours_to_resolve),
                dur(k.p90_hours_to_resolve)
            ),
        ),
        ("Satisfied at follow-up", pct1(k.satisfaction_rate)),
        ("Follow-up coverage", pct1(k.follow_up_coverage)),
        (
            "Reopened (double deviation)",
            format!(
                "{} ({} of {} resolved)",
                pct1(r.reopen.rate),
                r.reopen.reopened,
                r.reopen.resolved
            ),
        ),
        ("Compensation granted", amount(&c.granted_total, cur)),
        (
            "Compensation / harm",
            format!(
                "{} ({} / {})",
                pct1(c.ratio),
                amount(&c.granted_with_harm, cur),
                amount(&c.harm_total, cur)
            ),
        ),
        (
            "Within the band",
            format!(
                "{} of {judged} ({} below, {} above)",
                c.within_band, c.below_band, c.above_band
            ),
        ),
    ]
}

fn title(r: &Report) -> String {
    match (r.periods.first(), r.periods.last()) {
        (Some(a), Some(b)) if a.period != b.period => {
            format!("Complaints and claims, {} to {}", a.period, b.period)
        }
        (Some(a), _) => format!("Complaints and claims, {}", a.period),
        _ => "Complaints and claims".into(),
    }
}

fn subtitle(r: &Report) -> String {
    let mut s = format!(
        "{} cases, by {} received; as of {} ({})",
        r.cases,
        period_word(r.scope.period),
        r.scope.as_of.replacen('T', " ", 1),
        r.scope.timezone
    );
    if let Some(since) = &r.scope.since {
        let _ = write!(s, "; since {since}");
    }
    if let Some(until) = &r.scope.until {
        let _ = write!(s, "; before {until}");
    }
    s
}

const ESTIMATE_NOTE: &str = "Estimates, not measurements: each applies a figure commonly quoted in customer-service training to this ledger's counts. Change the parameters in policies/estimates.toml.";

// ---------------------------------------------------------------------------
// JSON and CSV

/// The report as JSON: object keys sorted, arrays in the report's order.
fn json(r: &Report) -> Result<String> {
    let mut v = serde_json::to_value(r)?;
    sort_keys(&mut v);
    Ok(serde_json::to_string_pretty(&v)? + "\n")
}

fn sort_keys(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.sort_keys();
            for (_, x) in map.iter_mut() {
                sort_keys(x);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(sort_keys),
        _ => {}
    }
}

/// Long ("tidy") CSV: one figure per line, `section,dimension,key,metric,value`.
fn csv(r: &Report) -> Result<String> {
    let mut out: Vec<[String; 5]> = vec![[
        "summary".into(),
        String::new(),
        String::new(),
        "cases".into(),
        r.cases.to_string(),
    ]];
    let word = period_word(r.scope.period);
    flatten(&mut out, "kpi", "", "", value(&r.kpis)?);
    flatten(&mut out, "period", word, "period", value(&r.periods)?);
    for (dim, list) in &r.breakdowns {
        flatten(&mut out, "breakdown", dim, "key", value(list)?);
    }
    flatten(
        &mut out,
        "pareto",
        "category",
        "category",
        value(&r.pareto)?,
    );
    flatten(
        &mut out,
        "resolve_distribution",
        "days",
        "label",
        value(&r.resolve_distribution)?,
    );
    let mut comp = r.compensation.clone();
    let cases = std::mem::take(&mut comp.cases);
    flatten(&mut out, "compensation", "", "", value(&comp)?);
    flatten(
        &mut out,
        "compensation_case",
        "case",
        "case",
        value(&cases)?,
    );
    flatten(&mut out, "ageing", "days", "bucket", value(&r.ageing)?);
    flatten(&mut out, "reopen", "", "", value(&r.reopen)?);
    flatten(&mut out, "findings", "code", "code", value(&r.findings)?);
    flatten(
        &mut out,
        "estimate",
        "",
        "key",
        value(&r.estimates.figures)?,
    );
    flatten(
        &mut out,
        "estimate_parameter",
        "",
        "",
        value(&r.estimates.parameters)?,
    );
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["section", "dimension", "key", "metric", "value"])?;
    for rec in out {
        w.write_record(&rec)?;
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

/// A report part as JSON, object keys sorted.
fn value<T: Serialize>(x: &T) -> Result<serde_json::Value> {
    let mut v = serde_json::to_value(x)?;
    sort_keys(&mut v);
    Ok(v)
}

fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a.iter().map(cell).collect::<Vec<_>>().join(" "),
        other => other.to_string(),
    }
}

/// One record per field of each object (of an array, or a single object);
/// `key_field` names the field that identifies the object.
fn flatten(
    out: &mut Vec<[String; 5]>,
    section: &str,
    dim: &str,
    key_field: &str,
    v: serde_json::Value,
) {
    let items = match v {
        serde_json::Value::Array(a) => a,
        other => vec![other],
    };
    for item in items {
        let Some(obj) = item.as_object() else {
            continue;
        };
        let key = obj.get(key_field).map(cell).unwrap_or_default();
        for (metric, value) in obj {
            if metric == key_field {
                continue;
            }
            out.push([
                section.to_string(),
                dim.to_string(),
                key.clone(),
                metric.clone(),
                cell(value),
            ]);
        }
    }
}

// ---------------------------------------------------------------------------
// Markdown

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

fn markdown(r: &Report) -> String {
    let rd = readings(r);
    let cur = &r.scope.currency;
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", title(r));
    let _ = writeln!(s, "_{}._\n", subtitle(r));
    let _ = writeln!(s, "| Indicator | Value |\n|---|---|");
    for (label, value) in kpi_rows(r) {
        let _ = writeln!(s, "| {label} | {} |", md_escape(&value));
    }

    let word = period_word(r.scope.period);
    let _ = writeln!(s, "\n## Volume per {word}\n\n{}\n", rd.volume);
    let _ = writeln!(
        s,
        "| {} | Cases | Complaints | Claims | Open | Resolved on time | Ack. median / p90 | Resolve median / p90 |\n|---|--:|--:|--:|--:|--:|--:|--:|",
        capitalise(word)
    );
    for p in &r.periods {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} / {} | {} / {} |",
            p.period,
            p.cases,
            p.complaints,
            p.claims,
            p.open,
            pct(p.resolved_on_time_rate),
            dur(p.median_hours_to_acknowledge),
            dur(p.p90_hours_to_acknowledge),
            dur(p.median_hours_to_resolve),
            dur(p.p90_hours_to_resolve)
        );
    }
    let _ = writeln!(s, "\n{}", rd.timing);

    for dim in &r.scope.by {
        let Some(rows) = r.breakdowns.get(dim) else {
            continue;
        };
        let _ = writeln!(
            s,
            "\n## By {dim}\n\n| {} | Cases | Share | Open | Resolved on time | Median to resolve | Satisfied |\n|---|--:|--:|--:|--:|--:|--:|",
            dim_header(dim)
        );
        for b in rows {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} | {} | {} |",
                md_escape(&b.key),
                b.cases,
                pct(Some(b.share)),
                b.open,
                pct(b.resolved_on_time_rate),
                dur(b.median_hours_to_resolve),
                pct(b.satisfaction_rate)
            );
        }
    }

    let _ = writeln!(
        s,
        "\n## Pareto of categories\n\n{}\n\n| Category | Cases | Share | Cumulative | Vital few |\n|---|--:|--:|--:|:-:|",
        rd.pareto
    );
    for p in &r.pareto {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            md_escape(&p.category),
            p.cases,
            pct(Some(p.share)),
            pct(Some(p.cumulative_share)),
            if p.vital_few { "●" } else { "" }
        );
    }

    let _ = writeln!(
        s,
        "\n## Time to resolve\n\n{}\n\n| Days | Cases |\n|---|--:|",
        rd.resolve
    );
    for b in &r.resolve_distribution {
        let _ = writeln!(s, "| {} | {} |", b.label, b.cases);
    }

    let c = &r.compensation;
    let _ = writeln!(s, "\n## Compensation\n\n{}\n", rd.compensation);
    let _ = writeln!(
        s,
        "- Granted in all: {}\n- On resolved cases with a harm: {} for a harm of {} ({})\n- Against the band (default {} of the harm; rules may set others): {} below, {} within, {} above",
        amount(&c.granted_total, cur),
        amount(&c.granted_with_harm, cur),
        amount(&c.harm_total, cur),
        pct1(c.ratio),
        band_text(c),
        c.below_band,
        c.within_band,
        c.above_band
    );
    let off: Vec<&report::CompensationCase> =
        c.cases.iter().filter(|x| x.position != "within").collect();
    if !off.is_empty() {
        let _ = writeln!(
            s,
            "\n| Case | Harm | Granted | Share | Band | Position |\n|---|--:|--:|--:|--:|---|"
        );
        for x in off {
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {} | {}–{} | {} |",
                x.case,
                group(&x.harm),
                group(&x.granted),
                pct(Some(x.share)),
                group(&x.band_min),
                group(&x.band_max),
                x.position
            );
        }
    }

    let _ = writeln!(
        s,
        "\n## Backlog ageing\n\n{}\n\n| Age | Open cases | Cases |\n|---|--:|---|",
        rd.ageing
    );
    for b in &r.ageing {
        let ids: Vec<String> = b.ids.iter().map(|i| format!("`{i}`")).collect();
        let _ = writeln!(s, "| {} | {} | {} |", b.bucket, b.cases, ids.join(" "));
    }

    let _ = writeln!(
        s,
        "\n## Reopened cases (double deviation)\n\n{} of {} resolved cases {} reopened ({}).",
        r.reopen.reopened,
        r.reopen.resolved,
        if r.reopen.reopened == 1 {
            "was"
        } else {
            "were"
        },
        pct1(r.reopen.rate)
    );

    let _ = writeln!(
        s,
        "\n## Audit findings\n\n| Code | Severity | Findings | Cases |\n|---|---|--:|--:|"
    );
    for f in &r.findings {
        let _ = writeln!(
            s,
            "| `{}` | {} | {} | {} |",
            f.code,
            f.severity.as_str(),
            f.findings,
            f.cases
        );
    }

    let _ = writeln!(
        s,
        "\n## Cost estimates\n\n> {ESTIMATE_NOTE} Parameters: {}.\n\n| Estimate | Value | Formula |\n|---|--:|---|",
        r.estimates.source
    );
    for e in &r.estimates.figures {
        let _ = writeln!(
            s,
            "| {} | ≈ {} | {} |",
            e.label,
            estimate_value(e),
            md_escape(&e.formula)
        );
    }
    s
}

// ---------------------------------------------------------------------------
// Table (80 columns)

fn new_table() -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(80);
    t
}

fn right(t: &mut Table, cols: &[usize]) {
    for c in cols {
        if let Some(col) = t.column_mut(*c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
}

fn table(r: &Report, color: bool) -> String {
    let rd = readings(r);
    let cur = &r.scope.currency;
    let mut s = String::new();
    let head = |s: &mut String, text: &str| {
        let _ = writeln!(s, "\n{}", paint(color, BOLD, text));
    };
    let note = |s: &mut String, text: &str| {
        let _ = writeln!(s, "{}", paint(color, DIM, &wrap(text, 80)));
    };
    let _ = writeln!(s, "{}", paint(color, BOLD, &title(r)));
    note(&mut s, &subtitle(r));
    let mut t = new_table();
    for (label, value) in kpi_rows(r) {
        t.add_row([label.to_string(), value]);
    }
    let _ = writeln!(s, "{t}");

    let word = period_word(r.scope.period);
    head(&mut s, &format!("Volume per {word}"));
    note(&mut s, &rd.volume);
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
            p.period.clone(),
            p.cases.to_string(),
            p.complaints.to_string(),
            p.claims.to_string(),
            bar(p.cases as f64, max, 16),
            format!(
                "{} / {}",
                dur(p.median_hours_to_resolve),
                dur(p.p90_hours_to_resolve)
            ),
        ]);
    }
    right(&mut t, &[1, 2, 3, 5]);
    let _ = writeln!(s, "{t}");

    for dim in &r.scope.by {
        let Some(rows) = r.breakdowns.get(dim) else {
            continue;
        };
        head(&mut s, &format!("By {dim}"));
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
                pct(Some(b.share)),
                bar(b.cases as f64, max, 10),
                pct(b.resolved_on_time_rate),
                dur(b.median_hours_to_resolve),
                pct(b.satisfaction_rate),
            ]);
        }
        right(&mut t, &[1, 2, 4, 5, 6]);
        let _ = writeln!(s, "{t}");
    }

    head(&mut s, "Pareto of categories (● = vital few, to 80 %)");
    note(&mut s, &rd.pareto);
    let mut t = new_table();
    t.set_header(["Category", "Cases", "Share", "Cumul.", "", ""]);
    for p in &r.pareto {
        t.add_row([
            clip(&p.category, 22),
            p.cases.to_string(),
            pct(Some(p.share)),
            pct(Some(p.cumulative_share)),
            bar(p.cumulative_share, 1.0, 20),
            if p.vital_few { "●" } else { "" }.to_string(),
        ]);
    }
    right(&mut t, &[1, 2, 3]);
    let _ = writeln!(s, "{t}");

    head(&mut s, "Time to resolve (first decision, wall clock)");
    note(&mut s, &rd.resolve);
    let max = r
        .resolve_distribution
        .iter()
        .map(|b| b.cases)
        .max()
        .unwrap_or(0) as f64;
    let mut t = new_table();
    for b in &r.resolve_distribution {
        t.add_row([
            b.label.clone(),
            b.cases.to_string(),
            bar(b.cases as f64, max, 30),
        ]);
    }
    right(&mut t, &[1]);
    let _ = writeln!(s, "{t}");

    let c = &r.compensation;
    head(&mut s, "Compensation");
    note(&mut s, &rd.compensation);
    let mut t = new_table();
    t.add_row(["Granted in all".to_string(), amount(&c.granted_total, cur)]);
    t.add_row([
        "On resolved cases with a harm".to_string(),
        format!(
            "{} for {} of harm ({})",
            amount(&c.granted_with_harm, cur),
            amount(&c.harm_total, cur),
            pct1(c.ratio)
        ),
    ]);
    t.add_row([
        format!("Against the band ({} default)", band_text(c)),
        format!(
            "{} below, {} within, {} above",
            c.below_band, c.within_band, c.above_band
        ),
    ]);
    let _ = writeln!(s, "{t}");

    head(
        &mut s,
        "Backlog ageing (open cases, calendar days since receipt)",
    );
    note(&mut s, &rd.ageing);
    let max = r.ageing.iter().map(|b| b.cases).max().unwrap_or(0) as f64;
    let mut t = new_table();
    for b in &r.ageing {
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
    let _ = writeln!(s, "{t}");

    head(&mut s, "Audit findings");
    let _ = writeln!(
        s,
        "Reopened (double deviation): {} of {} resolved cases ({}).",
        r.reopen.reopened,
        r.reopen.resolved,
        pct1(r.reopen.rate)
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
    let _ = writeln!(s, "{t}");

    head(&mut s, "Cost estimates (ESTIMATES, not measurements)");
    note(
        &mut s,
        &format!("{ESTIMATE_NOTE} Parameters: {}.", r.estimates.source),
    );
    let mut t = new_table();
    for e in &r.estimates.figures {
        t.add_row([
            e.label.to_string(),
            format!("≈ {}", estimate_value(e)),
            e.formula.clone(),
        ]);
    }
    right(&mut t, &[1]);
    let _ = writeln!(s, "{t}");
    s
}

/// A value cut to `width` characters with an ellipsis, so that table rows
/// stay one line each.
fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Greedy word wrap.
fn wrap(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let len = lines.last().map_or(0, |l| l.chars().count());
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(String::new());
        }
        if let Some(l) = lines.last_mut() {
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(word);
        }
    }
    lines.join("\n")
}

// ---------------------------------------------------------------------------
// HTML

const TEMPLATE: &str = include_str!("../../templates/report/report.html");

#[derive(Serialize)]
struct Page {
    title: String,
    subtitle: String,
    kpis: Vec<Card>,
    charts: Vec<Chart>,
    tables: Vec<HtmlTable>,
    estimates: Vec<EstimateRow>,
    estimate_note: String,
    parameters: Vec<(String, String)>,
}

#[derive(Serialize)]
struct Card {
    label: String,
    value: String,
    note: String,
    tone: &'static str,
}

#[derive(Serialize)]
struct Chart {
    id: &'static str,
    title: String,
    reading: String,
    svg: String,
    wide: bool,
}

#[derive(Serialize)]
struct HtmlTable {
    title: String,
    reading: String,
    headers: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    numeric: Vec<bool>,
    rows: Vec<Vec<String>>,
}

#[derive(Serialize)]
struct EstimateRow {
    label: String,
    value: String,
    formula: String,
}

fn tone(rate: Option<f64>, good: f64, fair: f64) -> &'static str {
    match rate {
        Some(r) if r >= good => "good",
        Some(r) if r >= fair => "fair",
        Some(_) => "poor",
        None => "",
    }
}

fn html(r: &Report, p: &crate::policy::Policies) -> Result<String> {
    let rd = readings(r);
    let k = &r.kpis;
    let c = &r.compensation;
    let cur = &r.scope.currency;
    let word = period_word(r.scope.period);
    let at_risk = r
        .estimates
        .figures
        .iter()
        .find(|e| e.key == "revenue_at_risk");
    let judged = c.below_band + c.within_band + c.above_band;
    let band = (
        rust_decimal::prelude::ToPrimitive::to_f64(&p.band.min).unwrap_or(0.7),
        rust_decimal::prelude::ToPrimitive::to_f64(&p.band.max).unwrap_or(0.8),
    );
    let kpis = vec![
        Card {
            label: "Cases".into(),
            value: k.cases.to_string(),
            note: format!("{} open", k.open),
            tone: "",
        },
        Card {
            label: "Acknowledged on time".into(),
            value: pct(k.acknowledged_on_time_rate),
            note: format!("median {}", dur(k.median_hours_to_acknowledge)),
            tone: tone(k.acknowledged_on_time_rate, 0.9, 0.75),
        },
        Card {
            label: "Resolved on time".into(),
            value: pct(k.resolved_on_time_rate),
            note: format!(
                "median {}, p90 {}",
                dur(k.median_hours_to_resolve),
                dur(k.p90_hours_to_resolve)
            ),
            tone: tone(k.resolved_on_time_rate, 0.9, 0.75),
        },
        Card {
            label: "Satisfied at follow-up".into(),
            value: pct(k.satisfaction_rate),
            note: format!("follow-up on {} of resolved", pct(k.follow_up_coverage)),
            tone: tone(k.satisfaction_rate, 0.85, 0.7),
        },
        Card {
            label: "Reopened".into(),
            value: pct(r.reopen.rate),
            note: format!(
                "{} of {} resolved: double deviation",
                r.reopen.reopened, r.reopen.resolved
            ),
            tone: match r.reopen.rate {
                Some(x) if x <= 0.05 => "good",
                Some(x) if x <= 0.10 => "fair",
                Some(_) => "poor",
                None => "",
            },
        },
        Card {
            label: "Compensation / harm".into(),
            value: pct(c.ratio),
            note: format!("{} of {judged} within band", c.within_band),
            tone: "",
        },
        Card {
            label: "Revenue at risk (estimate)".into(),
            value: at_risk.map_or_else(|| "—".into(), |e| format!("≈ {}", compact(e.value))),
            note: format!("{cur} of lifetime revenue; see below"),
            tone: "estimate",
        },
    ];
    let charts = vec![
        Chart {
            id: "volume",
            title: format!("Cases per {word}, by kind"),
            reading: rd.volume.clone(),
            svg: charts::volume(&r.periods, word)?,
            wide: true,
        },
        Chart {
            id: "pareto",
            title: "Pareto of categories".into(),
            reading: rd.pareto.clone(),
            svg: charts::pareto(&r.pareto)?,
            wide: true,
        },
        Chart {
            id: "resolve",
            title: "Time to resolve".into(),
            reading: rd.resolve.clone(),
            svg: charts::resolve_histogram(&r.resolve_distribution)?,
            wide: false,
        },
        Chart {
            id: "timing",
            title: format!("Time to resolve per {word}"),
            reading: rd.timing.clone(),
            svg: charts::timing(&r.periods, word)?,
            wide: false,
        },
        Chart {
            id: "compensation",
            title: "Compensation as a share of the harm".into(),
            reading: rd.compensation.clone(),
            svg: charts::compensation(&c.cases, band, cur)?,
            wide: false,
        },
        Chart {
            id: "ageing",
            title: "Backlog ageing".into(),
            reading: rd.ageing.clone(),
            svg: charts::ageing(&r.ageing)?,
            wide: false,
        },
    ];

    let mut tables = Vec::new();
    tables.push(HtmlTable {
        title: format!("Per {word}"),
        reading: String::new(),
        headers: [
            capitalise(word).as_str(),
            "Cases",
            "Complaints",
            "Claims",
            "Open",
            "Resolved on time",
            "Acknowledge median / p90",
            "Resolve median / p90",
        ]
        .map(String::from)
        .to_vec(),
        numeric: vec![false, true, true, true, true, true, true, true],
        rows: r
            .periods
            .iter()
            .map(|p| {
                vec![
                    p.period.clone(),
                    p.cases.to_string(),
                    p.complaints.to_string(),
                    p.claims.to_string(),
                    p.open.to_string(),
                    pct(p.resolved_on_time_rate),
                    format!(
                        "{} / {}",
                        dur(p.median_hours_to_acknowledge),
                        dur(p.p90_hours_to_acknowledge)
                    ),
                    format!(
                        "{} / {}",
                        dur(p.median_hours_to_resolve),
                        dur(p.p90_hours_to_resolve)
                    ),
                ]
            })
            .collect(),
    });
    for dim in &r.scope.by {
        let Some(rows) = r.breakdowns.get(dim) else {
            continue;
        };
        tables.push(HtmlTable {
            title: format!("By {dim}"),
            reading: String::new(),
            headers: [
                dim_header(dim).as_str(),
                "Cases",
                "Share",
                "Open",
                "Resolved on time",
                "Median to resolve",
                "Satisfied",
            ]
            .map(String::from)
            .to_vec(),
            numeric: vec![false, true, true, true, true, true, true],
            rows: rows
                .iter()
                .map(|b| {
                    vec![
                        b.key.clone(),
                        b.cases.to_string(),
                        pct(Some(b.share)),
                        b.open.to_string(),
                        pct(b.resolved_on_time_rate),
                        dur(b.median_hours_to_resolve),
                        pct(b.satisfaction_rate),
                    ]
                })
                .collect(),
        });
    }
    tables.push(HtmlTable {
        title: "Backlog ageing".into(),
        reading: "Open cases by calendar days since receipt, oldest first.".into(),
        headers: ["Age", "Open cases", "Cases"].map(String::from).to_vec(),
        numeric: vec![false, true, false],
        rows: r
            .ageing
            .iter()
            .map(|b| vec![b.bucket.to_string(), b.cases.to_string(), b.ids.join(" ")])
            .collect(),
    });
    let off: Vec<&report::CompensationCase> =
        c.cases.iter().filter(|x| x.position != "within").collect();
    tables.push(HtmlTable {
        title: "Compensation outside the band".into(),
        reading: format!(
            "Granted in all: {}. On resolved cases with a harm: {} for {} of harm.",
            amount(&c.granted_total, cur),
            amount(&c.granted_with_harm, cur),
            amount(&c.harm_total, cur)
        ),
        headers: ["Case", "Harm", "Granted", "Share", "Band", "Position"]
            .map(String::from)
            .to_vec(),
        numeric: vec![false, true, true, true, true, false],
        rows: off
            .iter()
            .map(|x| {
                vec![
                    x.case.clone(),
                    group(&x.harm),
                    group(&x.granted),
                    pct(Some(x.share)),
                    format!("{}–{}", group(&x.band_min), group(&x.band_max)),
                    x.position.to_string(),
                ]
            })
            .collect(),
    });
    tables.push(HtmlTable {
        title: "Audit findings".into(),
        reading: format!(
            "Reopened (double deviation): {} of {} resolved cases.",
            r.reopen.reopened, r.reopen.resolved
        ),
        headers: ["Code", "Severity", "Findings", "Cases"]
            .map(String::from)
            .to_vec(),
        numeric: vec![false, false, true, true],
        rows: r
            .findings
            .iter()
            .map(|f| {
                vec![
                    f.code.to_string(),
                    f.severity.as_str().to_string(),
                    f.findings.to_string(),
                    f.cases.to_string(),
                ]
            })
            .collect(),
    });

    let params = serde_json::to_value(r.estimates.parameters)?;
    let parameters = params
        .as_object()
        .map(|m| {
            let mut v: Vec<(String, String)> = m
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_f64().map_or_else(|| v.to_string(), short_number),
                    )
                })
                .collect();
            v.sort();
            v
        })
        .unwrap_or_default();
    let page = Page {
        title: title(r),
        subtitle: subtitle(r),
        kpis,
        charts,
        tables,
        estimates: r
            .estimates
            .figures
            .iter()
            .map(|e| EstimateRow {
                label: e.label.to_string(),
                value: format!("≈ {}", estimate_value(e)),
                formula: e.formula.clone(),
            })
            .collect(),
        estimate_note: format!("{ESTIMATE_NOTE} Parameters: {}.", r.estimates.source),
        parameters,
    };
    let mut env = minijinja::Environment::new();
    env.add_template("report.html", TEMPLATE)?;
    let html = env
        .get_template("report.html")?
        .render(minijinja::value::Serde(&page))?;
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_maximum() {
        assert_eq!(bar(10.0, 10.0, 4), "████");
        assert_eq!(bar(5.0, 10.0, 4), "██");
        assert_eq!(bar(1.0, 10.0, 4), "▍"); // 3.2 eighths → 3
        assert_eq!(bar(0.0, 10.0, 4), "");
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(group("1234567.50"), "1,234,567.50");
        assert_eq!(group("999"), "999");
        assert_eq!(whole(12345.6), "12,346");
    }

    #[test]
    fn lists_read_naturally() {
        let l = |v: &[&str]| and_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["a"]), "a");
        assert_eq!(l(&["a", "b"]), "a and b");
        assert_eq!(l(&["a", "b", "c"]), "a, b and c");
    }
}
