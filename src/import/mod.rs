//! Importing other systems' exports: CSV rows become cases.
//!
//! Pure mapping logic: bytes and texts in, drafts of cases and bad rows out.
//! Nothing here prints, reads files or writes to the ledger; that is
//! `commands::import`'s job.

use crate::case::time::{Timestamp, midnight};
use crate::case::vocab::{self, Channel, EventKind, Kind, Severity};
use crate::case::{Case, Customer, Event, Source};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::str::FromStr;

// ---------------------------------------------------------------------------
// Reading the CSV

/// A CSV file read as text: its header and its data rows, each with the line
/// of the file it starts on (a quoted field may span several lines).
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Rows whose every cell is empty (spreadsheets leave `,,,,` lines).
    pub blank: usize,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub values: Vec<String>,
}

/// A row that cannot become a case, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub message: String,
}

/// Parses a CSV file. Rows with the wrong number of columns or bytes that are
/// not UTF-8 are bad rows; an unreadable header is an error for the file.
pub fn read_csv(bytes: &[u8]) -> Result<(Table, Vec<BadRow>), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => return Err("the file is empty: it has no header row".into()),
        Some(Err(e)) => return Err(format!("cannot read the header row: {e}")),
        Some(Ok(h)) => h,
    };
    let mut headers = Vec::with_capacity(header.len());
    for (i, h) in header.iter().enumerate() {
        let h = std::str::from_utf8(h).map_err(|_| {
            format!(
                "line 1: column {} of the header is not valid UTF-8; save the file as UTF-8",
                i + 1
            )
        })?;
        headers.push(h.to_string());
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(first) = seen.insert(h.as_str(), i) {
            return Err(format!(
                "line 1: the header names column `{h}` twice (columns {} and {}); every column is kept under `fields` by its name, so names must be unique",
                first + 1,
                i + 1
            ));
        }
    }
    let mut table = Table {
        headers,
        ..Table::default()
    };
    let mut bad = Vec::new();
    for record in records {
        let record = record.map_err(|e| format!("cannot read the file: {e}"))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            table.blank += 1;
            continue;
        }
        if record.len() != table.headers.len() {
            bad.push(BadRow {
                line,
                message: format!(
                    "{} columns where the header has {}",
                    record.len(),
                    table.headers.len()
                ),
            });
            continue;
        }
        let mut values = Vec::with_capacity(record.len());
        let mut utf8_error = None;
        for (i, f) in record.iter().enumerate() {
            match std::str::from_utf8(f) {
                Ok(s) => values.push(s.to_string()),
                Err(_) => {
                    utf8_error = Some(i);
                    break;
                }
            }
        }
        if let Some(i) = utf8_error {
            bad.push(BadRow {
                line,
                message: format!(
                    "column `{}` is not valid UTF-8; save the file as UTF-8",
                    table.headers[i]
                ),
            });
            continue;
        }
        table.rows.push(Row { line, values });
    }
    Ok((table, bad))
}

// ---------------------------------------------------------------------------
// Dates

/// How the received column is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateFormat {
    /// `2026-11-22T09:14:00-05:00`
    Rfc3339,
    /// A strftime pattern with a date only: midnight in the ledger's zone.
    Date(String),
    /// A strftime pattern with a time but no offset: local to the ledger.
    Local(String),
    /// A strftime pattern with an offset (`%z`, `%:z`).
    Zoned(String),
}

/// The formats tried when the file does not say, with their human names.
const CANDIDATES: &[(&str, &str)] = &[
    ("YYYY-MM-DD", "%Y-%m-%d"),
    ("M/D/YYYY", "%m/%d/%Y"),
    ("D/M/YYYY", "%d/%m/%Y"),
    ("DD-MM-YYYY", "%d-%m-%Y"),
    ("MM-DD-YYYY", "%m-%d-%Y"),
    ("DD.MM.YYYY", "%d.%m.%Y"),
    ("YYYY/MM/DD", "%Y/%m/%d"),
    ("RFC 3339", "rfc3339"),
    ("YYYY-MM-DDTHH:MM:SS", "%Y-%m-%dT%H:%M:%S"),
    ("YYYY-MM-DD HH:MM:SS", "%Y-%m-%d %H:%M:%S"),
    ("YYYY-MM-DD HH:MM", "%Y-%m-%d %H:%M"),
    ("M/D/YYYY HH:MM", "%m/%d/%Y %H:%M"),
    ("D/M/YYYY HH:MM", "%d/%m/%Y %H:%M"),
    ("M/D/YYYY HH:MM:SS", "%m/%d/%Y %H:%M:%S"),
    ("D/M/YYYY HH:MM:SS", "%d/%m/%Y %H:%M:%S"),
];

impl DateFormat {
    /// A `--date-format` / `date_format` value: a strftime pattern (`%d/%m/%Y`),
    /// `rfc3339`, or one of the names above (`M/D/YYYY`, `DD-MM-YYYY`, `iso`).
    pub fn parse(text: &str) -> Result<DateFormat, String> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("rfc3339") || t.eq_ignore_ascii_case("rfc 3339") {
            return Ok(DateFormat::Rfc3339);
        }
        if t.eq_ignore_ascii_case("iso") {
            return Ok(DateFormat::Date("%Y-%m-%d".into()));
        }
        if let Some((_, pattern)) = CANDIDATES.iter().find(|(name, _)| *name == t) {
            return DateFormat::parse(pattern);
        }
        if !t.contains('%') {
            return Err(format!(
                "invalid date format `{t}`: write a strftime pattern such as `%d/%m/%Y` or `%m/%d/%Y`, or one of {}",
                CANDIDATES
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let has = |specs: &[&str]| specs.iter().any(|s| t.contains(s));
        // A pattern chrono cannot read at all is caught on the first value.
        if has(&["%z", "%:z", "%#z", "%::z"]) {
            Ok(DateFormat::Zoned(t.into()))
        } else if has(&["%H", "%I", "%M", "%S", "%T", "%R", "%k", "%l", "%p", "%P"]) {
            Ok(DateFormat::Local(t.into()))
        } else {
            Ok(DateFormat::Date(t.into()))
        }
    }

    /// The human name when it is one of the known formats, else the pattern.
    pub fn describe(&self) -> String {
        let pattern = match self {
            DateFormat::Rfc3339 => return "RFC 3339".into(),
            DateFormat::Date(p) | DateFormat::Local(p) | DateFormat::Zoned(p) => p,
        };
        CANDIDATES
            .iter()
            .find(|(_, p)| p == pattern)
            .map_or_else(|| pattern.clone(), |(n, _)| (*n).to_string())
    }

    /// Reads one value as an instant in the ledger's zone.
    pub fn read(&self, text: &str, tz: Tz) -> Result<DateTime<FixedOffset>, String> {
        let t = text.trim();
        // An empty message means "not in this format"; the caller names it.
        let no = |_: chrono::ParseError| String::new();
        let at = match self {
            DateFormat::Rfc3339 => DateTime::parse_from_rfc3339(t).map_err(no)?,
            DateFormat::Zoned(p) => DateTime::parse_from_str(t, p).map_err(no)?,
            DateFormat::Date(p) => midnight(NaiveDate::parse_from_str(t, p).map_err(no)?, tz),
            DateFormat::Local(p) => local(NaiveDateTime::parse_from_str(t, p).map_err(no)?, tz),
        }
        .with_timezone(&tz)
        .fixed_offset();
        let year = chrono::Datelike::year(&at);
        if !(1900..=2200).contains(&year) {
            return Err(format!("the year {year} is out of range"));
        }
        Ok(at)
    }
}

/// A local time in `tz`; in a DST gap, the first instant after it.
fn local(t: NaiveDateTime, tz: Tz) -> DateTime<FixedOffset> {
    crate::case::zone::local_to_utc(tz, t).map_or_else(
        || t.and_utc().fixed_offset(),
        |u| u.with_timezone(&tz).fixed_offset(),
    )
}

/// Detects the format of a date column: the one format that reads every
/// value. When several do and they disagree on some value (`3/4/2023`), the
/// file is ambiguous; when none does, the one that reads the most values wins
/// (the others become bad rows) unless that too is a tie.
pub fn detect_date_format(column: &str, values: &[&str], tz: Tz) -> Result<DateFormat, String> {
    let values: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    let Some(example) = values.first() else {
        return Err(format!(
            "column `{column}` has no values to read dates from"
        ));
    };
    let formats: Vec<DateFormat> = CANDIDATES
        .iter()
        .filter_map(|(_, p)| DateFormat::parse(p).ok())
        .collect();
    let mut scores: Vec<(usize, &DateFormat)> = formats
        .iter()
        .map(|f| (values.iter().filter(|v| f.read(v, tz).is_ok()).count(), f))
        .filter(|(n, _)| *n > 0)
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.0));
    let Some(&(best, _)) = scores.first() else {
        return Err(format!(
            "the values of column `{column}` (e.g. `{example}`) are not dates in a format redress knows\n  = help: say how they are written with --date-format, e.g. --date-format '%d/%m/%Y'"
        ));
    };
    let top: Vec<&DateFormat> = scores
        .iter()
        .filter(|(n, _)| *n == best)
        .map(|(_, f)| *f)
        .collect();
    if top.len() == 1 {
        return Ok(top[0].clone());
    }
    // Several formats read as many values: harmless only if they agree.
    let disagreement = values.iter().find(|v| {
        let mut readings = top.iter().map(|f| f.read(v, tz).ok());
        let first = readings.next().flatten();
        readings.any(|r| r != first)
    });
    match disagreement {
        None => Ok(top[0].clone()),
        Some(v) => {
            let names: Vec<String> = top.iter().map(|f| f.describe()).collect();
            let patterns: Vec<String> = top
                .iter()
                .map(|f| match f {
                    DateFormat::Rfc3339 => "rfc3339".to_string(),
                    DateFormat::Date(p) | DateFormat::Local(p) | DateFormat::Zoned(p) => {
                        format!("'{p}'")
                    }
                })
                .collect();
            Err(format!(
                "the dates in column `{column}` are ambiguous: they read as {} (e.g. `{v}`)\n  = help: say which with --date-format, e.g. --date-format {}",
                names.join(" or "),
                patterns.join(" or --date-format ")
            ))
        }
    }
}

// ---------------------------------------------------------------------------
// Mappings: which column is which case key

/// A mapping file for `redress import csv FILE --map MAPPING.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingFile {
    /// `source.system` of every imported case, e.g. "zendesk".
    pub source_system: String,
    #[serde(default)]
    pub date_format: Option<String>,
    pub columns: Columns,
    #[serde(default)]
    pub defaults: Defaults,
    #[serde(default)]
    pub values: Values,
}

/// Case key → the header of the column that holds it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    pub id: String,
    pub received: String,
    pub title: Option<String>,
    pub customer: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub category: Option<String>,
    pub channel: Option<String>,
    pub severity: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
}

/// Used when a column is not mapped or a cell is empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    pub kind: Option<Kind>,
    pub severity: Option<Severity>,
    pub channel: Option<Channel>,
    pub category: Option<String>,
}

/// Source value → redress value, per key. `"*"` catches every other value.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Values {
    #[serde(default)]
    pub channel: BTreeMap<String, Channel>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    pub kind: BTreeMap<String, Kind>,
    #[serde(default)]
    pub category: BTreeMap<String, String>,
}

impl MappingFile {
    pub fn parse(text: &str) -> Result<MappingFile, String> {
        let m: MappingFile = toml::from_str(text).map_err(|e| e.to_string())?;
        if m.source_system.trim().is_empty() {
            return Err("`source_system` is empty: name the system the file comes from, e.g. source_system = \"zendesk\"".into());
        }
        for (raw, cat) in &m.values.category {
            if slugify(cat) != *cat {
                return Err(format!(
                    "[values.category] maps `{raw}` to `{cat}`, which is not a category name; write it as `{}`",
                    slugify(cat)
                ));
            }
        }
        if let Some(cat) = &m.defaults.category
            && slugify(cat) != *cat
        {
            return Err(format!(
                "defaults.category `{cat}` is not a category name; write it as `{}`",
                slugify(cat)
            ));
        }
        Ok(m)
    }
}

/// The CFPB columns redress reads, besides keeping every column in `fields`.
#[derive(Debug, Clone)]
struct CfpbColumns {
    product: usize,
    sub_product: Option<usize>,
    issue: usize,
    sub_issue: Option<usize>,
    /// "Company response to consumer": Closed with explanation, … In progress.
    response: Option<usize>,
    sent: Option<usize>,
    disputed: Option<usize>,
}

/// A mapping resolved against a file's header: column indices.
#[derive(Debug, Clone)]
pub struct Plan {
    pub system: String,
    id: usize,
    received: usize,
    title: Option<usize>,
    customer: Option<usize>,
    email: Option<usize>,
    phone: Option<usize>,
    category: Option<usize>,
    channel: Option<usize>,
    severity: Option<usize>,
    kind: Option<usize>,
    description: Option<usize>,
    cfpb: Option<CfpbColumns>,
    defaults: Defaults,
    values: Values,
    /// The mapping's `date_format`, if any.
    pub date_format: Option<String>,
    /// The team member who records what the source says happened (the
    /// CFPB's closing responses); without one, cases get no history.
    pub recorder: Option<String>,
}

/// `Date received`, `date_received`, `Date_received` → `datereceived`.
fn header_key(h: &str) -> String {
    h.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Plan {
    /// The CFPB consumer complaint export, under any of its header spellings.
    pub fn cfpb(headers: &[String]) -> Result<Plan, String> {
        let find = |key: &str| headers.iter().position(|h| header_key(h) == key);
        let need = |key: &str, name: &str| {
            find(key).ok_or_else(|| {
                format!(
                    "this is not a CFPB complaint export: it has no `{name}` column (its columns are: {})\n  = help: for other exports, use `redress import csv FILE --map MAPPING.toml`",
                    headers.join(", ")
                )
            })
        };
        let id = need("complaintid", "Complaint ID")?;
        let received = need("datereceived", "Date received")?;
        let product = need("product", "Product")?;
        let issue = need("issue", "Issue")?;
        let channel = find("submittedvia");
        let mut values = Values::default();
        for (raw, ch) in [
            ("Web", Channel::Web),
            ("Phone", Channel::Phone),
            ("Email", Channel::Email),
            ("Postal mail", Channel::Letter),
            ("Fax", Channel::Letter),
            ("Referral", Channel::ThirdParty),
            ("Web Referral", Channel::ThirdParty),
            // Anything else still reached the company through the CFPB.
            ("*", Channel::ThirdParty),
        ] {
            values.channel.insert(raw.into(), ch);
        }
        Ok(Plan {
            system: "cfpb".into(),
            id,
            received,
            title: Some(issue),
            customer: None,
            email: None,
            phone: None,
            category: Some(product),
            channel,
            severity: None,
            kind: None,
            description: find("consumercomplaintnarrative"),
            cfpb: Some(CfpbColumns {
                product,
                sub_product: find("subproduct"),
                issue,
                sub_issue: find("subissue"),
                response: find("companyresponsetoconsumer"),
                sent: find("datesenttocompany"),
                disputed: find("consumerdisputed"),
            }),
            defaults: Defaults {
                kind: Some(Kind::Complaint),
                severity: Some(Severity::Medium),
                channel: Some(Channel::ThirdParty),
                category: None,
            },
            values,
            date_format: None,
            recorder: None,
        })
    }

    /// A mapping file resolved against the header; every named column must exist.
    pub fn from_mapping(m: MappingFile, headers: &[String]) -> Result<Plan, String> {
        let names: Vec<&str> = headers.iter().map(String::as_str).collect();
        let find = |key: &str, name: &Option<String>| -> Result<Option<usize>, String> {
            let Some(name) = name else { return Ok(None) };
            match headers.iter().position(|h| h == name) {
                Some(i) => Ok(Some(i)),
                None => Err(format!(
                    "[columns] {key} = {:?}: {}",
                    name,
                    crate::suggest::unknown_value("column", name, &names)
                )),
            }
        };
        let c = &m.columns;
        let id = find("id", &Some(c.id.clone()))?.unwrap_or_default();
        let received = find("received", &Some(c.received.clone()))?.unwrap_or_default();
        let plan = Plan {
            system: m.source_system.trim().to_string(),
            id,
            received,
            title: find("title", &c.title)?,
            customer: find("customer", &c.customer)?,
            email: find("email", &c.email)?,
            phone: find("phone", &c.phone)?,
            category: find("category", &c.category)?,
            channel: find("channel", &c.channel)?,
            severity: find("severity", &c.severity)?,
            kind: find("kind", &c.kind)?,
            description: find("description", &c.description)?,
            cfpb: None,
            defaults: m.defaults,
            values: m.values,
            date_format: m.date_format,
            recorder: None,
        };
        if plan.channel.is_none() && plan.defaults.channel.is_none() {
            return Err("no channel: map a column with [columns] channel = \"…\", or set [defaults] channel = \"web\"".into());
        }
        if plan.category.is_none() && plan.defaults.category.is_none() {
            return Err("no category: map a column with [columns] category = \"…\", or set [defaults] category = \"other\"".into());
        }
        if plan.title.is_none() && plan.description.is_none() {
            return Err("no title: map a column with [columns] title = \"…\" (or a description, whose first line then serves as the title)".into());
        }
        Ok(plan)
    }
}

// ---------------------------------------------------------------------------
// Rows → cases

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

/// What a file holds for the ledger.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub drafts: Vec<Draft>,
    pub bad: Vec<BadRow>,
    /// Rows whose (system, id) the ledger already holds.
    pub present: usize,
    /// Rows that repeat an earlier row of the file exactly.
    pub repeated: usize,
    pub blank: usize,
    pub date_format: Option<DateFormat>,
}

/// Turns every row into a draft or a bad row. `existing` holds the source
/// IDs of this system already in the ledger. An error is about the whole
/// file (e.g. ambiguous dates).
pub fn build(
    table: &Table,
    plan: &Plan,
    date_format: Option<&str>,
    tz: Tz,
    existing: &HashSet<String>,
) -> Result<Outcome, String> {
    let column = &table.headers[plan.received];
    let format = match date_format.or(plan.date_format.as_deref()) {
        Some(f) => Some(DateFormat::parse(f)?),
        None if table.rows.is_empty() => None,
        None => {
            let values: Vec<&str> = table
                .rows
                .iter()
                .map(|r| r.values[plan.received].as_str())
                .collect();
            Some(detect_date_format(column, &values, tz)?)
        }
    };
    let mut out = Outcome {
        blank: table.blank,
        date_format: format.clone(),
        ..Outcome::default()
    };
    let Some(format) = format else {
        return Ok(out);
    };
    let mut first_seen: HashMap<String, &Row> = HashMap::new();
    for row in &table.rows {
        let draft = match draft(table, plan, row, &format, tz) {
            Ok(d) => d,
            Err(message) => {
                out.bad.push(BadRow {
                    line: row.line,
                    message,
                });
                continue;
            }
        };
        if existing.contains(&draft.source_id) {
            out.present += 1;
            continue;
        }
        if let Some(first) = first_seen.get(&draft.source_id) {
            if first.values == row.values {
                out.repeated += 1;
            } else {
                out.bad.push(BadRow {
                    line: row.line,
                    message: format!(
                        "{} `{}` is also on line {}, with different values",
                        table.headers[plan.id], draft.source_id, first.line
                    ),
                });
            }
            continue;
        }
        first_seen.insert(draft.source_id.clone(), row);
        out.drafts.push(draft);
    }
    Ok(out)
}

/// One row → one case, or why not.
pub fn draft(
    table: &Table,
    plan: &Plan,
    row: &Row,
    format: &DateFormat,
    tz: Tz,
) -> Result<Draft, String> {
    let raw = |i: usize| row.values[i].as_str();
    let cell = |i: Option<usize>| i.map(|i| raw(i).trim()).filter(|v| !v.is_empty());
    let headers = &table.headers;

    let source_id = raw(plan.id).trim().to_string();
    if source_id.is_empty() {
        return Err(format!("missing {}: the cell is empty", headers[plan.id]));
    }
    let received_text = raw(plan.received).trim();
    if received_text.is_empty() {
        return Err(format!("missing date in `{}`", headers[plan.received]));
    }
    let received = format.read(received_text, tz).map_err(|why| {
        let why = if why.is_empty() {
            format!("expected {}", format.describe())
        } else {
            why
        };
        format!(
            "invalid date `{received_text}` in `{}` ({why})",
            headers[plan.received]
        )
    })?;

    let description = match plan.description.map(raw) {
        Some(d) if !d.trim().is_empty() => d.to_string(),
        _ => match &plan.cfpb {
            Some(c) => cfpb_summary(row, c),
            None => String::new(),
        },
    };
    let title = match cell(plan.title) {
        Some(t) => t.to_string(),
        None => match &plan.cfpb {
            Some(c) => raw(c.product).trim().to_string(),
            None => first_line(&description),
        },
    };
    if title.trim().is_empty() {
        return Err("no title: the title column and the description are empty".into());
    }

    let (category, category_description) = match cell(plan.category) {
        Some(v) => {
            let cat = lookup(&plan.values.category, v)
                .cloned()
                .unwrap_or_else(|| slugify(v));
            if cat.is_empty() {
                return Err(format!(
                    "`{v}` in `{}` gives no usable category name",
                    headers[plan.category.unwrap_or_default()]
                ));
            }
            (cat, v.to_string())
        }
        None => match &plan.defaults.category {
            Some(c) => (c.clone(), c.clone()),
            None => {
                let col = plan.category.map_or("category", |i| headers[i].as_str());
                return Err(format!("missing category in `{col}`"));
            }
        },
    };

    let channel = vocab(
        row,
        plan.channel,
        &plan.values.channel,
        plan.defaults.channel,
        "channel",
    )?;
    let severity = vocab(
        row,
        plan.severity,
        &plan.values.severity,
        plan.defaults.severity.or(Some(Severity::Medium)),
        "severity",
    )?;
    let kind = vocab(
        row,
        plan.kind,
        &plan.values.kind,
        plan.defaults.kind.or(Some(Kind::Complaint)),
        "kind",
    )?;

    let name = match cell(plan.customer) {
        Some(n) => n.to_string(),
        None if plan.cfpb.is_some() => format!("CFPB consumer {source_id}"),
        None => format!("{} customer {source_id}", plan.system),
    };
    let fields: BTreeMap<String, String> = headers
        .iter()
        .cloned()
        .zip(row.values.iter().cloned())
        .collect();
    let case = Case {
        id: String::new(),
        kind,
        title,
        received: Timestamp {
            at: received,
            date_only: false,
        },
        channel,
        customer: Customer {
            name,
            email: cell(plan.email).map(str::to_string),
            phone: cell(plan.phone).map(str::to_string),
            profile: None,
            annual_value: None,
        },
        category,
        severity,
        harm: None,
        risks: Vec::new(),
        tags: Vec::new(),
        description,
        source: Some(Source {
            system: plan.system.clone(),
            id: source_id.clone(),
        }),
        fields,
        history: Vec::new(),
    };
    let mut case = case;
    if let (Some(c), Some(by)) = (&plan.cfpb, &plan.recorder) {
        case.history = cfpb_history(row, c, format, tz, &case.received, by);
    }
    Ok(Draft {
        line: row.line,
        source_id,
        case,
        category_description,
    })
}

/// Whether the response column says a case is closed.
fn is_closing(response: &str) -> bool {
    response.trim().to_lowercase().starts_with("closed")
}

impl Plan {
    /// Whether some row of a CFPB export reports a closing response.
    pub fn reports_closings(&self, table: &Table) -> bool {
        self.cfpb
            .as_ref()
            .and_then(|c| c.response)
            .is_some_and(|i| {
                table
                    .rows
                    .iter()
                    .any(|r| r.values.get(i).is_some_and(|v| is_closing(v)))
            })
    }
}

/// What a CFPB row says happened, as events. The export holds the company's
/// final response but no date for it: a closing response becomes a
/// `resolved` (relief → founded; an explanation, or no relief → unfounded)
/// and a `closed`, dated when the CFPB sent the complaint to the company,
/// the earliest the company can have answered (else at receipt), with the
/// approximation in the note. "Consumer disputed? = Yes" becomes a
/// dissatisfied follow-up. "In progress" and "Untimely response" stay open.
fn cfpb_history(
    row: &Row,
    c: &CfpbColumns,
    format: &DateFormat,
    tz: Tz,
    received: &Timestamp,
    by: &str,
) -> Vec<Event> {
    let get = |i: Option<usize>| i.map(|i| row.values[i].trim()).filter(|v| !v.is_empty());
    let Some(response) = get(c.response).filter(|r| is_closing(r)) else {
        return Vec::new();
    };
    let sent = get(c.sent)
        .and_then(|t| format.read(t, tz).ok())
        .filter(|t| *t >= received.at);
    let (at, dated) = match sent {
        Some(t) => (
            Timestamp {
                at: t,
                date_only: false,
            },
            "dated when the CFPB sent the complaint to the company (`Date sent to company`), the earliest it can have answered",
        ),
        None => (
            *received,
            "dated at receipt: `Date sent to company` is missing, unreadable or before the receipt",
        ),
    };
    let lower = response.to_lowercase();
    let outcome = if lower.contains("relief") && !lower.contains("without relief") {
        vocab::Outcome::Founded
    } else {
        vocab::Outcome::Unfounded
    };
    let event = |kind: EventKind, note: String| {
        let mut e = Event::new(kind, at, by);
        e.note = Some(note);
        e
    };
    let mut resolved = event(
        EventKind::Resolved,
        format!("Imported from the CFPB export, which holds no response date: {dated}."),
    );
    resolved.outcome = Some(outcome);
    resolved.summary = Some(format!(
        "{response} (the company's response, as reported to the CFPB)"
    ));
    let mut out = vec![
        resolved,
        event(
            EventKind::Closed,
            format!("The CFPB export reports the complaint as \"{response}\"; {dated}."),
        ),
    ];
    if get(c.disputed).is_some_and(|d| d.eq_ignore_ascii_case("yes")) {
        let mut f = event(
            EventKind::FollowedUp,
            format!(
                "The consumer disputed the company's response (CFPB `Consumer disputed?` = Yes); the export holds no dispute date: {dated}."
            ),
        );
        f.satisfied = Some(false);
        out.push(f);
    }
    out
}

/// "CFPB complaint about Mortgage (Other mortgage): Loan servicing (Escrow)."
fn cfpb_summary(row: &Row, c: &CfpbColumns) -> String {
    let get = |i: Option<usize>| i.map(|i| row.values[i].trim()).filter(|v| !v.is_empty());
    let mut s = String::from("CFPB complaint about ");
    s.push_str(get(Some(c.product)).unwrap_or("an unnamed product"));
    if let Some(sp) = get(c.sub_product) {
        let _ = write!(s, " ({sp})");
    }
    if let Some(issue) = get(Some(c.issue)) {
        let _ = write!(s, ": {issue}");
        if let Some(si) = get(c.sub_issue) {
            let _ = write!(s, " ({si})");
        }
    }
    s.push('.');
    s
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

/// Exact match, then case-insensitive, then `"*"`.
fn lookup<'a, T>(map: &'a BTreeMap<String, T>, raw: &str) -> Option<&'a T> {
    map.get(raw)
        .or_else(|| {
            map.iter()
                .find(|(k, _)| k.trim().eq_ignore_ascii_case(raw))
                .map(|(_, v)| v)
        })
        .or_else(|| map.get("*"))
}

/// A vocabulary value from its column: the values map, the word itself,
/// then the catch-all; an empty cell or unmapped column takes the default.
fn vocab<T: FromStr + Copy>(
    row: &Row,
    column: Option<usize>,
    map: &BTreeMap<String, T>,
    default: Option<T>,
    what: &str,
) -> Result<T, String> {
    let value = column
        .map(|i| row.values[i].trim())
        .filter(|v| !v.is_empty());
    let Some(v) = value else {
        return default.ok_or_else(|| {
            let col = column.map_or("", |_| " (the cell is empty)");
            format!("no {what}{col} and no [defaults] {what}")
        });
    };
    let exact = map.get(v).or_else(|| {
        map.iter()
            .find(|(k, _)| k.trim().eq_ignore_ascii_case(v))
            .map(|(_, x)| x)
    });
    if let Some(x) = exact {
        return Ok(*x);
    }
    if let Ok(x) = v.to_lowercase().parse::<T>() {
        return Ok(x);
    }
    if let Some(x) = map.get("*") {
        return Ok(*x);
    }
    Err(format!(
        "unknown {what} `{v}`\n    = help: map it in the mapping file: [values.{what}] {} = \"…\" (or \"*\" = \"…\" for every other value)",
        serde_json::to_string(v).unwrap_or_default()
    ))
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

// ---------------------------------------------------------------------------
// Declaring categories

/// The categories the drafts use that `declared` lacks, sorted, each with
/// the first source value that named it.
pub fn undeclared_categories(
    drafts: &[Draft],
    declared: &BTreeMap<String, crate::policy::Category>,
) -> Vec<(String, String)> {
    let mut out: BTreeMap<&str, &str> = BTreeMap::new();
    for d in drafts {
        if !declared.contains_key(&d.case.category) {
            out.entry(&d.case.category)
                .or_insert(&d.category_description);
        }
    }
    out.into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The text to append to `policies/categories.toml` (whose current text is
/// `existing`) to declare `categories`: existing bytes stay as they are.
pub fn categories_addition(existing: &str, categories: &[(String, String)]) -> String {
    let mut out = String::new();
    if !existing.is_empty() && !existing.ends_with('\n') {
        out.push('\n');
    }
    for (name, description) in categories {
        let bare = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let key = if bare {
            name.clone()
        } else {
            serde_json::to_string(name).unwrap_or_default()
        };
        let _ = writeln!(
            out,
            "\n[{key}]\ndescription = {}",
            serde_json::to_string(description).unwrap_or_default()
        );
    }
    out
}

/// The source IDs among `sources` that belong to `system`.
pub fn ids_of_system<'a>(
    sources: impl IntoIterator<Item = &'a Source>,
    system: &str,
) -> HashSet<String> {
    sources
        .into_iter()
        .filter(|s| s.system == system)
        .map(|s| s.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz() -> Tz {
        "America/Toronto".parse().unwrap()
    }

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

    #[test]
    fn header_keys_match_every_spelling() {
        for h in ["Date received", "date_received", "Date_received"] {
            assert_eq!(header_key(h), "datereceived");
        }
        for h in [
            "Consumer consent provided?",
            "consumer_consent_provided",
            "Consumer_consent_provided?",
        ] {
            assert_eq!(header_key(h), "consumerconsentprovided");
        }
    }

    #[test]
    fn detects_date_formats() {
        let f = detect_date_format("d", &["8/30/2013", "9/2/2013"], tz()).unwrap();
        assert_eq!(f.describe(), "M/D/YYYY");
        let f = detect_date_format("d", &["27-04-2023", "01-04-2023"], tz()).unwrap();
        assert_eq!(f.describe(), "DD-MM-YYYY");
        let f = detect_date_format("d", &["2019-09-24"], tz()).unwrap();
        assert_eq!(f.describe(), "YYYY-MM-DD");
        let e = detect_date_format("d", &["3/4/2023", "5/6/2023"], tz()).unwrap_err();
        assert!(
            e.contains("ambiguous") && e.contains("--date-format"),
            "{e}"
        );
        // the same reading either way is not ambiguous
        assert!(detect_date_format("d", &["3/3/2023"], tz()).is_ok());
        // two-digit years are not read as year 13
        assert!(detect_date_format("d", &["8/30/13"], tz()).is_err());
        // one bad value among good ones: the format still wins
        let f = detect_date_format("d", &["8/30/2013", "13/45/2013"], tz()).unwrap();
        assert_eq!(f.describe(), "M/D/YYYY");
    }

    #[test]
    fn bare_dates_are_local_midnight() {
        let f = DateFormat::parse("%m/%d/%Y").unwrap();
        let at = f.read("8/30/2013", tz()).unwrap();
        assert_eq!(at.to_rfc3339(), "2013-08-30T00:00:00-04:00");
        let f = DateFormat::parse("rfc3339").unwrap();
        let at = f.read("2013-08-30T12:00:00Z", tz()).unwrap();
        assert_eq!(at.to_rfc3339(), "2013-08-30T08:00:00-04:00");
    }

    #[test]
    fn reads_rows_with_lines() {
        let csv = b"a,b\n1,\"two\nlines\"\n,\n3\n4,5\n";
        let (t, bad) = read_csv(csv).unwrap();
        assert_eq!(t.headers, ["a", "b"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[0].values[1], "two\nlines");
        assert_eq!(t.rows[1].line, 6);
        assert_eq!(t.blank, 1);
        assert_eq!(
            bad,
            [BadRow {
                line: 5,
                message: "1 columns where the header has 2".into()
            }]
        );
    }

    #[test]
    fn repeated_complaint_ids() {
        let csv = b"Date received,Product,Issue,Complaint ID\n\
2019-09-24,Mortgage,Late fees,1\n\
2019-09-24,Mortgage,Late fees,1\n\
2019-09-25,Mortgage,Late fees,1\n\
2019-09-25,Mortgage,Late fees,2\n";
        let (t, bad) = read_csv(csv).unwrap();
        assert!(bad.is_empty());
        let plan = Plan::cfpb(&t.headers).unwrap();
        let existing: HashSet<String> = ["2".to_string()].into();
        let out = build(&t, &plan, None, tz(), &existing).unwrap();
        assert_eq!(out.drafts.len(), 1);
        assert_eq!(out.repeated, 1, "an identical row is ignored");
        assert_eq!(out.present, 1, "2 is already in the ledger");
        assert_eq!(out.bad.len(), 1);
        assert_eq!(out.bad[0].line, 4);
        assert!(
            out.bad[0].message.contains("also on line 2"),
            "{:?}",
            out.bad
        );
        let c = &out.drafts[0].case;
        assert_eq!(c.channel, Channel::ThirdParty, "no Submitted via column");
        assert_eq!(c.customer.name, "CFPB consumer 1");
        assert_eq!(c.received.to_string(), "2019-09-24T00:00:00-04:00");
    }

    #[test]
    fn appends_categories_as_toml() {
        let add = categories_addition(
            "[a]\ndescription = \"x\"",
            &[
                ("credit-card".into(), "Credit \"card\"".into()),
                ("crédit".into(), "Crédit".into()),
            ],
        );
        let text = format!("[a]\ndescription = \"x\"{add}");
        let v: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(
            v["credit-card"]["description"].as_str(),
            Some("Credit \"card\"")
        );
        assert_eq!(v["crédit"]["description"].as_str(), Some("Crédit"));
    }
}
