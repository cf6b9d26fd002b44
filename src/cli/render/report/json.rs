//! The report as JSON: object keys sorted, arrays in the report's order.

use crate::report::Report;
use anyhow::Result;
use serde::Serialize;
use serde_json::Value;

/// What the compensation cases stand in for while the rest of the report
/// is made a tree of values (see [`render`]).
const CASES_MARK: &str = "\u{0}compensation cases\u{0}";

/// The report. It takes the report, for the compensation cases (one per
/// case owed compensation: most of a large report) are moved out of it
/// and written one at a time into the text of the rest, instead of all
/// becoming a tree of values with it first.
pub fn render(mut r: Report) -> Result<String> {
    let cases = std::mem::take(&mut r.compensation.cases);
    let mut v = serde_json::to_value(&r)?;
    sort_keys(&mut v);
    let Some(slot) = v.get_mut("compensation").and_then(|c| c.get_mut("cases")) else {
        return Ok(serde_json::to_string_pretty(&v)? + "\n");
    };
    *slot = Value::String(CASES_MARK.into());
    let text = serde_json::to_string_pretty(&v)? + "\n";
    drop(v);
    let mark = serde_json::to_string(CASES_MARK)?;
    let at = match text
        .match_indices(&mark)
        .map(|(i, _)| i)
        .collect::<Vec<_>>()[..]
    {
        [at] => at,
        // The mark is also in some text of the ledger's: the whole tree.
        _ => {
            r.compensation.cases = cases;
            let mut v = serde_json::to_value(&r)?;
            sort_keys(&mut v);
            return Ok(serde_json::to_string_pretty(&v)? + "\n");
        }
    };
    let line = text[..at].rsplit('\n').next().unwrap_or("");
    let indent = line.len() - line.trim_start_matches(' ').len();
    let mut out = String::with_capacity(text.len() + cases.len() * 256);
    out.push_str(&text[..at]);
    write_array(&mut out, &cases, indent)?;
    out.push_str(&text[at + mark.len()..]);
    Ok(out)
}

/// `items` as `serde_json::to_string_pretty` writes an array whose line
/// starts `indent` spaces in, keys sorted.
fn write_array<T: Serialize>(out: &mut String, items: &[T], indent: usize) -> Result<()> {
    if items.is_empty() {
        out.push_str("[]");
        return Ok(());
    }
    let pad = " ".repeat(indent + 2);
    out.push_str("[\n");
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        let mut v = serde_json::to_value(item)?;
        sort_keys(&mut v);
        for (j, line) in serde_json::to_string_pretty(&v)?.split('\n').enumerate() {
            if j > 0 {
                out.push('\n');
            }
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    out.push('\n');
    out.push_str(&pad[2..]);
    out.push(']');
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Dim, Options, Period};
    use chrono::{DateTime, Utc};

    #[test]
    fn cases_written_one_at_a_time_read_as_the_whole_tree() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let p = crate::policy::load(root).unwrap();
        let ledger = crate::ledger::Ledger {
            root: root.to_path_buf(),
        };
        let cases = ledger.scan_map(&p, |lc| lc).items;
        let as_of = DateTime::parse_from_rfc3339("2026-11-22T12:00:00-05:00").unwrap();
        let o = Options {
            period: Period::Month,
            since: None,
            until: None,
            by: vec![Dim::Category, Dim::Tag],
            as_of: as_of.with_timezone(&Utc),
            estimates: crate::policy::estimates::load(root).unwrap(),
            include_contacts: false,
        };
        let r = crate::report::build(&cases, &p, &o);
        assert!(r.compensation.cases.len() > 2, "the sample ledger has some");
        let mut v = serde_json::to_value(&r).unwrap();
        sort_keys(&mut v);
        let whole = serde_json::to_string_pretty(&v).unwrap() + "\n";
        assert_eq!(render(r.clone()).unwrap(), whole);
        let mut none = r;
        none.compensation.cases.clear();
        let mut v = serde_json::to_value(&none).unwrap();
        sort_keys(&mut v);
        assert_eq!(
            render(none).unwrap(),
            serde_json::to_string_pretty(&v).unwrap() + "\n"
        );
    }
}
