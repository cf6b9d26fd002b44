//! Dates: how the received column is written, given or detected, and one
//! value read as an instant in the ledger's zone.

use super::source::Table;
use crate::case::time::midnight;
use crate::i18n::Msg;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use chrono_tz::Tz;

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
    pub fn parse(text: &str) -> Result<DateFormat, Msg> {
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
            let names: Vec<&str> = CANDIDATES.iter().map(|(n, _)| *n).collect();
            return Err(Msg::new("import-date-format-invalid")
                .arg("format", t)
                .arg("names", names.join(", ")));
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
    /// The error is `None` when the value is not in this format (the
    /// caller names the format), else why the date cannot be used.
    pub fn read(&self, text: &str, tz: Tz) -> Result<DateTime<FixedOffset>, Option<Msg>> {
        let t = text.trim();
        let no = |_: chrono::ParseError| None;
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
            return Err(Some(
                Msg::new("import-year-range").arg("year", year.to_string()),
            ));
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
pub fn detect_date_format(column: &str, values: &[&str], tz: Tz) -> Result<DateFormat, Msg> {
    let values: Vec<&str> = values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    let Some(example) = values.first() else {
        return Err(Msg::new("import-date-no-values").arg("column", column));
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
        return Err(Msg::new("import-date-unknown")
            .arg("column", column)
            .arg("example", *example));
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
            Err(Msg::new("import-date-ambiguous")
                .arg("column", column)
                .arg("names", either(&names, "or"))
                .arg("value", *v)
                .arg("patterns", either(&patterns, "or-date-format")))
        }
    }
}

/// `a or b or c` (`joiner` is `or`), `'a' or --date-format 'b'`
/// (`or-date-format`): alternatives in the language in force.
fn either(items: &[String], joiner: &str) -> Msg {
    let mut items = items.iter();
    let first = Msg::from(items.next().map_or("", String::as_str));
    items.fold(first, |a, b| {
        Msg::new("import-either")
            .arg("joiner", joiner)
            .arg("a", a)
            .arg("b", b.as_str())
    })
}

/// The format of the date column `column`: the one given (`--date-format`,
/// else the mapping's `date_format`), else the one its values are written
/// in. `None` when the file has no rows to read.
pub(super) fn column_format(
    table: &Table,
    column: usize,
    given: Option<&str>,
    tz: Tz,
) -> Result<Option<DateFormat>, Msg> {
    match given {
        Some(f) => Ok(Some(DateFormat::parse(f)?)),
        None if table.rows.is_empty() => Ok(None),
        None => {
            let values: Vec<&str> = table
                .rows
                .iter()
                .map(|r| r.values[column].as_str())
                .collect();
            detect_date_format(&table.headers[column], &values, tz).map(Some)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz() -> Tz {
        "America/Toronto".parse().unwrap()
    }

    #[test]
    fn detects_date_formats() {
        let f = detect_date_format("d", &["8/30/2013", "9/2/2013"], tz()).unwrap();
        assert_eq!(f.describe(), "M/D/YYYY");
        let f = detect_date_format("d", &["27-04-2023", "01-04-2023"], tz()).unwrap();
        assert_eq!(f.describe(), "DD-MM-YYYY");
        let f = detect_date_format("d", &["2019-09-24"], tz()).unwrap();
        assert_eq!(f.describe(), "YYYY-MM-DD");
        let e = detect_date_format("d", &["3/4/2023", "5/6/2023"], tz())
            .unwrap_err()
            .plain_english();
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
}
