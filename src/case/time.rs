//! Times as users write them: RFC 3339 with an offset, or a bare date meaning
//! midnight in the ledger's time zone.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A point in time as written in a case file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timestamp {
    pub at: DateTime<FixedOffset>,
    /// Written as a bare date; `at` is midnight UTC until the ledger's zone is known.
    pub date_only: bool,
}

impl Timestamp {
    pub fn parse(text: &str) -> Result<Timestamp, String> {
        let t = text.trim();
        if let Ok(at) = DateTime::parse_from_rfc3339(t) {
            return Ok(Timestamp {
                at,
                date_only: false,
            });
        }
        if let Ok(date) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            let at = date.and_time(NaiveTime::MIN).and_utc().fixed_offset();
            return Ok(Timestamp {
                at,
                date_only: true,
            });
        }
        Err(format!(
            "invalid time `{t}`: write RFC 3339 with an offset (2026-11-22T09:14:00-05:00) or a date (2026-11-22)"
        ))
    }

    /// Pins a bare date to midnight in the ledger's time zone.
    pub fn resolve(&mut self, tz: Tz) {
        if self.date_only {
            let date = self.at.date_naive();
            self.at = midnight(date, tz);
            self.date_only = false;
        }
    }

    pub fn utc(&self) -> DateTime<Utc> {
        self.at.with_timezone(&Utc)
    }
}

/// The first instant of `date` in `tz` (a DST gap at midnight moves it later).
pub fn midnight(date: NaiveDate, tz: Tz) -> DateTime<FixedOffset> {
    let t = date.and_time(NaiveTime::MIN);
    crate::case::zone::local_to_utc(tz, t).map_or_else(
        || t.and_utc().fixed_offset(),
        |u| u.with_timezone(&tz).fixed_offset(),
    )
}

/// The one reader of command-line times (`--now`, `--at`, `--received`,
/// `--as-of`, `--since`, `--until`): RFC 3339 with an offset (kept as
/// written), or a bare date pinned to midnight in the ledger's zone. With
/// `end_of_day`, the exclusive end of a window, a bare date includes that
/// whole day. With `spans_back_from`, it may also be a span back from that
/// instant: `24h`, `7d`, `2w` (hours, days of 24 hours, weeks of 7 such days).
pub fn parse_flag(
    text: &str,
    tz: Tz,
    end_of_day: bool,
    spans_back_from: Option<DateTime<Utc>>,
) -> Result<DateTime<FixedOffset>, String> {
    let Some(now) = spans_back_from else {
        return parse_point(text, tz, end_of_day);
    };
    let t = text.trim();
    if let Some(hours) = span_hours(t) {
        return chrono::Duration::try_hours(hours)
            .and_then(|d| now.checked_sub_signed(d))
            .map(|at| at.fixed_offset())
            .ok_or_else(|| format!("`{t}` reaches back too far"));
    }
    parse_point(t, tz, end_of_day)
        .map_err(|e| format!("{e}, or a span back from now (24h, 7d, 2w)"))
}

/// A time or a bare date (see [`parse_flag`]).
fn parse_point(text: &str, tz: Tz, end_of_day: bool) -> Result<DateTime<FixedOffset>, String> {
    let mut t = Timestamp::parse(text)?;
    let date_only = t.date_only;
    t.resolve(tz);
    if date_only && end_of_day {
        let next = t.at.date_naive().succ_opt().ok_or("date out of range")?;
        return Ok(midnight(next, tz));
    }
    Ok(t.at)
}

/// `24h`, `7d`, `2w` as a number of hours; anything else is not a span.
fn span_hours(t: &str) -> Option<i64> {
    let split = t.len().saturating_sub(1);
    let n = t.get(..split)?.parse::<u32>().ok()?;
    let hours = match t.get(split..)? {
        "h" => 1,
        "d" => 24,
        "w" => 24 * 7,
        _ => return None,
    };
    Some(i64::from(n) * hours)
}

/// RFC 3339 in the ledger's time zone, to the second: `2026-11-22T09:14:00-05:00`.
pub fn local(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz)
        .fixed_offset()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// A short human form: `2026-11-22 09:14`.
pub fn short(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

/// `2 days 3 hours`, `45 minutes`: a wall-clock span for messages.
pub fn span(seconds: i64) -> String {
    let s = seconds.abs();
    let (d, h, m) = (s / 86_400, (s % 86_400) / 3600, (s % 3600) / 60);
    let unit = |n: i64, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    match (d, h, m) {
        (0, 0, m) => unit(m, "minute"),
        (0, h, 0) => unit(h, "hour"),
        (0, h, m) => format!("{} {}", unit(h, "hour"), unit(m, "minute")),
        (d, 0, _) => unit(d, "day"),
        (d, h, _) => format!("{} {}", unit(d, "day"), unit(h, "hour")),
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            &self
                .at
                .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false),
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a time like 2026-11-22T09:14:00-05:00")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Timestamp::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_dates_are_local_midnight() {
        let tz: Tz = "America/Toronto".parse().unwrap();
        let t = parse_flag("2026-11-22", tz, false, None).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-22T00:00:00-05:00");
        assert!(Timestamp::parse("2026-13-01").is_err());
        assert!(Timestamp::parse("2026-11-22T09:14:00").is_err());
    }

    #[test]
    fn bounds_count_spans_back_from_now() {
        let tz: Tz = "America/Toronto".parse().unwrap();
        let now = parse_flag("2026-11-22T12:00:00-05:00", tz, false, None)
            .unwrap()
            .with_timezone(&Utc);
        let back =
            |t: &str| parse_flag(t, tz, false, Some(now)).map(|d| local(d.with_timezone(&Utc), tz));
        assert_eq!(back("24h").unwrap(), "2026-11-21T12:00:00-05:00");
        assert_eq!(back("7d").unwrap(), "2026-11-15T12:00:00-05:00");
        assert_eq!(back("2w").unwrap(), "2026-11-08T12:00:00-05:00");
        assert_eq!(back("2026-11-20").unwrap(), "2026-11-20T00:00:00-05:00");
        for bad in ["-3d", "3y", "d", "é", "yesterday"] {
            assert!(back(bad).unwrap_err().contains("24h, 7d, 2w"), "{bad}");
        }
    }

    #[test]
    fn one_reader_for_every_time_flag() {
        let tz: Tz = "America/Toronto".parse().unwrap();
        let read = |t: &str, end: bool| parse_flag(t, tz, end, None).map(|d| d.to_rfc3339());
        // An instant keeps the offset it was written with (--at writes it).
        assert_eq!(
            read("2026-11-22T09:14:00+01:00", false).unwrap(),
            "2026-11-22T09:14:00+01:00"
        );
        // As the exclusive end of a window, a bare date takes in its whole day.
        assert_eq!(
            read("2026-11-22", true).unwrap(),
            "2026-11-23T00:00:00-05:00"
        );
        assert_eq!(
            read("2026-11-22T09:14:00-05:00", true).unwrap(),
            "2026-11-22T09:14:00-05:00"
        );
        // Spans only where a command allows them, and then the error says so.
        let no_span = read("7d", false).unwrap_err();
        assert!(!no_span.contains("24h, 7d, 2w"), "{no_span}");
        let now = parse_flag("2026-11-22T12:00:00-05:00", tz, false, None)
            .unwrap()
            .with_timezone(&Utc);
        let far = parse_flag("99999999w", tz, false, Some(now)).unwrap_err();
        assert_eq!(far, "`99999999w` reaches back too far");
    }

    #[test]
    fn spans_read_naturally() {
        assert_eq!(span(45 * 60), "45 minutes");
        assert_eq!(span(2 * 86_400 + 3 * 3600 + 60), "2 days 3 hours");
        assert_eq!(span(3600), "1 hour");
    }
}
