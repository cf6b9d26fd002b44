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

/// Parses a command-line time (`--at`, `--now`, `--as-of`, `--since`) in the ledger's zone.
pub fn parse_in(text: &str, tz: Tz) -> Result<DateTime<FixedOffset>, String> {
    let mut t = Timestamp::parse(text)?;
    t.resolve(tz);
    Ok(t.at)
}

/// A `--since`/`--until` bound in the ledger's zone. As an end bound
/// (exclusive), a bare date includes that whole day.
pub fn bound(text: &str, tz: Tz, end_of_day: bool) -> Result<DateTime<Utc>, String> {
    let mut t = Timestamp::parse(text)?;
    let date_only = t.date_only;
    t.resolve(tz);
    if date_only && end_of_day {
        let next = t.at.date_naive().succ_opt().ok_or("date out of range")?;
        return Ok(midnight(next, tz).with_timezone(&Utc));
    }
    Ok(t.utc())
}

/// A `--since`/`--until` bound that may also be a span back from `now`:
/// `24h`, `7d`, `2w` (hours, days of 24 hours, weeks of 7 such days).
/// Anything else is read as by [`bound`].
pub fn bound_back_from(
    text: &str,
    tz: Tz,
    end_of_day: bool,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>, String> {
    let t = text.trim();
    let split = t.len().saturating_sub(1);
    if let (Some(unit), Ok(n)) = (t.get(split..), t.get(..split).unwrap_or("").parse::<u32>()) {
        let hours = match unit {
            "h" => Some(1),
            "d" => Some(24),
            "w" => Some(24 * 7),
            _ => None,
        };
        if let Some(h) = hours {
            return chrono::Duration::try_hours(i64::from(n) * h)
                .and_then(|d| now.checked_sub_signed(d))
                .ok_or_else(|| format!("`{t}` reaches back too far"));
        }
    }
    bound(t, tz, end_of_day).map_err(|e| format!("{e}, or a span back from now (24h, 7d, 2w)"))
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
        let t = parse_in("2026-11-22", tz).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-22T00:00:00-05:00");
        assert!(Timestamp::parse("2026-13-01").is_err());
        assert!(Timestamp::parse("2026-11-22T09:14:00").is_err());
    }

    #[test]
    fn bounds_count_spans_back_from_now() {
        let tz: Tz = "America/Toronto".parse().unwrap();
        let now = parse_in("2026-11-22T12:00:00-05:00", tz)
            .unwrap()
            .with_timezone(&Utc);
        let back = |t: &str| bound_back_from(t, tz, false, now).map(|d| local(d, tz));
        assert_eq!(back("24h").unwrap(), "2026-11-21T12:00:00-05:00");
        assert_eq!(back("7d").unwrap(), "2026-11-15T12:00:00-05:00");
        assert_eq!(back("2w").unwrap(), "2026-11-08T12:00:00-05:00");
        assert_eq!(back("2026-11-20").unwrap(), "2026-11-20T00:00:00-05:00");
        for bad in ["-3d", "3y", "d", "é", "yesterday"] {
            assert!(back(bad).unwrap_err().contains("24h, 7d, 2w"), "{bad}");
        }
    }

    #[test]
    fn spans_read_naturally() {
        assert_eq!(span(45 * 60), "45 minutes");
        assert_eq!(span(2 * 86_400 + 3 * 3600 + 60), "2 days 3 hours");
        assert_eq!(span(3600), "1 hour");
    }
}
