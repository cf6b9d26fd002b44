//! The report as long ("tidy") CSV: one figure per line.

use super::json::sort_keys;
use crate::report::Report;
use anyhow::Result;
use serde::Serialize;

/// Long ("tidy") CSV: one figure per line, `section,dimension,key,metric,value`.
pub fn render(r: &Report) -> Result<String> {
    let mut out: Vec<[String; 5]> = vec![[
        "summary".into(),
        String::new(),
        String::new(),
        "cases".into(),
        r.cases.to_string(),
    ]];
    let word = r.scope.period.as_str();
    flatten(&mut out, "kpi", "", "", value(&r.kpis)?);
    flatten(&mut out, "period", word, "period", value(&r.periods)?);
    // By dimension name, as the JSON object lists them.
    let mut by_name: Vec<(String, &Vec<crate::report::BreakdownRow>)> = r
        .breakdowns
        .iter()
        .map(|b| (b.dim.to_string(), &b.rows))
        .collect();
    by_name.sort_by(|a, b| a.0.cmp(&b.0));
    for (dim, rows) in by_name {
        flatten(&mut out, "breakdown", &dim, "key", value(rows)?);
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
