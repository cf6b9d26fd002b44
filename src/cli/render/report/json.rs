//! The report as JSON: object keys sorted, arrays in the report's order.

use crate::report::Report;
use anyhow::Result;

pub fn render(r: &Report) -> Result<String> {
    let mut v = serde_json::to_value(r)?;
    sort_keys(&mut v);
    Ok(serde_json::to_string_pretty(&v)? + "\n")
}

pub(super) fn sort_keys(v: &mut serde_json::Value) {
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
