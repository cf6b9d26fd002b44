//! The report as long ("tidy") CSV: one figure per line.

use super::json::sort_keys;
use crate::report::Report;
use anyhow::Result;
use serde::Serialize;

/// Long ("tidy") CSV: one figure per line, `section,dimension,key,metric,value`.
/// It takes the report, for the compensation cases (most of a large report)
/// are moved out of it rather than copied; every record is written as it is
/// made.
pub fn render(mut r: Report) -> Result<String> {
    let cases = std::mem::take(&mut r.compensation.cases);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["section", "dimension", "key", "metric", "value"])?;
    w.write_record(["summary", "", "", "cases", r.cases.to_string().as_str()])?;
    let word = r.scope.period.as_str();
    flatten(&mut w, "kpi", "", "", value(&r.kpis)?)?;
    flatten(&mut w, "period", word, "period", value(&r.periods)?)?;
    // By dimension name, as the JSON object lists them.
    let mut by_name: Vec<(String, &Vec<crate::report::BreakdownRow>)> = r
        .breakdowns
        .iter()
        .map(|b| (b.dim.to_string(), &b.rows))
        .collect();
    by_name.sort_by(|a, b| a.0.cmp(&b.0));
    for (dim, rows) in by_name {
        flatten(&mut w, "breakdown", &dim, "key", value(rows)?)?;
    }
    flatten(&mut w, "pareto", "category", "category", value(&r.pareto)?)?;
    let bins = value(&r.resolve_distribution)?;
    flatten(&mut w, "resolve_distribution", "days", "label", bins)?;
    flatten(&mut w, "compensation", "", "", value(&r.compensation)?)?;
    for c in &cases {
        flatten(&mut w, "compensation_case", "case", "case", value(c)?)?;
    }
    flatten(&mut w, "ageing", "days", "bucket", value(&r.ageing)?)?;
    flatten(&mut w, "reopen", "", "", value(&r.reopen)?)?;
    flatten(&mut w, "findings", "code", "code", value(&r.findings)?)?;
    let figures = value(&r.estimates.figures)?;
    flatten(&mut w, "estimate", "", "key", figures)?;
    let parameters = value(&r.estimates.parameters)?;
    flatten(&mut w, "estimate_parameter", "", "", parameters)?;
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
    w: &mut csv::Writer<Vec<u8>>,
    section: &str,
    dim: &str,
    key_field: &str,
    v: serde_json::Value,
) -> Result<()> {
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
            w.write_record([
                section,
                dim,
                key.as_str(),
                metric.as_str(),
                cell(value).as_str(),
            ])?;
        }
    }
    Ok(())
}
