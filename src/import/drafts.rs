//! Drafts: one row → the values of one case (without its ID yet), or why
//! not. Text columns are kept as written; vocabulary columns go through the
//! layout's value maps and defaults.

use super::cfpb;
use super::dates::DateFormat;
use super::layout::Layout;
use super::source::{Row, Table};
use crate::case::time::Timestamp;
use crate::case::vocab::{Kind, Severity};
use crate::case::{Case, Customer, Source};
use crate::i18n::Msg;
use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use std::collections::BTreeMap;

/// A row turned into a case, before it gets its ID.
#[derive(Debug, Clone)]
pub struct Draft {
    pub line: u64,
    pub source_id: String,
    /// The case; `id` is empty until the command assigns one.
    pub case: Case,
    /// How to describe the category if it must be declared.
    pub category_description: String,
}

/// One row → one case, or why not.
pub fn draft(
    table: &Table,
    layout: &Layout,
    row: &Row,
    format: &DateFormat,
    tz: Tz,
) -> Result<Draft, Msg> {
    let headers = &table.headers;
    let source_id = row.values[layout.id].trim().to_string();
    if source_id.is_empty() {
        return Err(Msg::new("import-no-id").arg("column", headers[layout.id].as_str()));
    }
    let received = received(headers, layout, row, format, tz)?;
    let (title, description) = texts(layout, row)?;
    let (category, category_description) = category(headers, layout, row)?;
    let channel = vocab(
        row,
        layout.channel,
        &layout.values.channel,
        layout.defaults.channel,
        "channel",
    )?;
    let severity = vocab(
        row,
        layout.severity,
        &layout.values.severity,
        layout.defaults.severity.or(Some(Severity::Medium)),
        "severity",
    )?;
    let kind = vocab(
        row,
        layout.kind,
        &layout.values.kind,
        layout.defaults.kind.or(Some(Kind::Complaint)),
        "kind",
    )?;
    let mut case = Case {
        id: String::new(),
        kind,
        title,
        received: Timestamp {
            at: received,
            date_only: false,
        },
        channel,
        customer: customer(layout, row, &source_id),
        category,
        severity,
        harm: None,
        wants: Vec::new(),
        justice: None,
        risks: Vec::new(),
        tags: Vec::new(),
        description,
        source: Some(Source {
            system: layout.system.clone(),
            id: source_id.clone(),
        }),
        fields: headers
            .iter()
            .cloned()
            .zip(row.values.iter().cloned())
            .collect(),
        history: Vec::new(),
    };
    if let (Some(c), Some(by)) = (&layout.cfpb, &layout.recorder) {
        case.history = cfpb::history(row, c, format, tz, &case.received, by);
    }
    Ok(Draft {
        line: row.line,
        source_id,
        case,
        category_description,
    })
}

/// The trimmed cell of a mapped column, unless it is empty.
fn cell(row: &Row, column: Option<usize>) -> Option<&str> {
    column
        .map(|i| row.values[i].trim())
        .filter(|v| !v.is_empty())
}

/// When the case was received: the row's date, read in `format`.
fn received(
    headers: &[String],
    layout: &Layout,
    row: &Row,
    format: &DateFormat,
    tz: Tz,
) -> Result<DateTime<FixedOffset>, Msg> {
    let column = &headers[layout.received];
    let text = row.values[layout.received].trim();
    if text.is_empty() {
        return Err(Msg::new("import-no-date").arg("column", column.as_str()));
    }
    format.read(text, tz).map_err(|why| {
        let why =
            why.unwrap_or_else(|| Msg::new("import-expected").arg("format", format.describe()));
        Msg::new("import-bad-date")
            .arg("text", text)
            .arg("column", column.as_str())
            .arg("why", why)
    })
}

/// The title and the description. A CFPB row without a narrative is
/// described by its product and issue; a row without a title takes the
/// product (CFPB) or the description's first line.
fn texts(layout: &Layout, row: &Row) -> Result<(String, String), Msg> {
    let description = match layout.description.map(|i| row.values[i].as_str()) {
        Some(d) if !d.trim().is_empty() => d.to_string(),
        _ => match &layout.cfpb {
            Some(c) => cfpb::summary(row, c),
            None => String::new(),
        },
    };
    let title = match cell(row, layout.title) {
        Some(t) => t.to_string(),
        None => match &layout.cfpb {
            Some(c) => row.values[c.product].trim().to_string(),
            None => first_line(&description),
        },
    };
    if title.trim().is_empty() {
        return Err(Msg::new("import-no-title"));
    }
    Ok((title, description))
}

/// The category name, and how to describe it if it must be declared (the
/// source value that named it).
fn category(headers: &[String], layout: &Layout, row: &Row) -> Result<(String, String), Msg> {
    match cell(row, layout.category) {
        Some(v) => {
            let cat = lookup(&layout.values.category, v)
                .cloned()
                .unwrap_or_else(|| slugify(v));
            if cat.is_empty() {
                return Err(Msg::new("import-no-category-name").arg("value", v).arg(
                    "column",
                    headers[layout.category.unwrap_or_default()].as_str(),
                ));
            }
            Ok((cat, v.to_string()))
        }
        None => match &layout.defaults.category {
            Some(c) => Ok((c.clone(), c.clone())),
            None => {
                let col = layout.category.map_or("category", |i| headers[i].as_str());
                Err(Msg::new("import-no-category").arg("column", col))
            }
        },
    }
}

/// The customer's name and contacts; a source without names gets one that
/// says where the case came from.
fn customer(layout: &Layout, row: &Row, source_id: &str) -> Customer {
    let name = match cell(row, layout.customer) {
        Some(n) => n.to_string(),
        None if layout.cfpb.is_some() => format!("CFPB consumer {source_id}"),
        None => format!("{} customer {source_id}", layout.system),
    };
    Customer {
        name,
        email: cell(row, layout.email).map(str::to_string),
        phone: cell(row, layout.phone).map(str::to_string),
        profile: None,
        annual_value: None,
        language: None,
    }
}

fn first_line(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() <= 80 {
        line.to_string()
    } else {
        let cut: String = line.chars().take(79).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The value mapped from `raw`: exact match, then case-insensitive.
fn mapped<'a, T>(map: &'a BTreeMap<String, T>, raw: &str) -> Option<&'a T> {
    map.get(raw).or_else(|| {
        map.iter()
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(raw))
            .map(|(_, v)| v)
    })
}

/// Exact match, then case-insensitive, then `"*"`.
fn lookup<'a, T>(map: &'a BTreeMap<String, T>, raw: &str) -> Option<&'a T> {
    mapped(map, raw).or_else(|| map.get("*"))
}

/// A vocabulary value from its column: the values map, the word itself (in
/// English or French, as on the command line), then the catch-all; an empty
/// cell or unmapped column takes the default.
fn vocab<T: crate::case::vocab::Vocabulary>(
    row: &Row,
    column: Option<usize>,
    map: &BTreeMap<String, T>,
    default: Option<T>,
    what: &str,
) -> Result<T, Msg> {
    let Some(v) = cell(row, column) else {
        return default.ok_or_else(|| {
            Msg::new("import-no-value")
                .arg("what", what)
                .arg("empty", if column.is_some() { "yes" } else { "no" })
        });
    };
    if let Some(x) = mapped(map, v) {
        return Ok(*x);
    }
    if let Ok(x) = T::from_word(v) {
        return Ok(x);
    }
    if let Some(x) = map.get("*") {
        return Ok(*x);
    }
    Err(Msg::new("import-unknown-value")
        .arg("what", what)
        .arg("value", v)
        .arg("quoted", serde_json::to_string(v).unwrap_or_default()))
}

/// "Credit reporting" → `credit-reporting`; "Bank account or service" →
/// `bank-account-or-service`. Letters and digits kept (lower-cased), every
/// other run of characters becomes one `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Credit reporting"), "credit-reporting");
        assert_eq!(
            slugify("Credit reporting, credit repair services, or other personal consumer reports"),
            "credit-reporting-credit-repair-services-or-other-personal-consumer-reports"
        );
        assert_eq!(slugify("  Consumer Loan "), "consumer-loan");
        assert_eq!(
            slugify("Money transfer, virtual currency, or money service"),
            "money-transfer-virtual-currency-or-money-service"
        );
        assert_eq!(slugify("???"), "");
    }
}
