//! Times as users write them: RFC 3339 with an offset, or a bare date meaning
//! midnight in the ledger's time zone.

use crate::i18n::Msg;
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
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
    /// The error is in English, as a reader of files needs it; its wording
    /// is kept for the diagnostic ([`crate::i18n::reason`]).
    pub fn parse(text: &str) -> Result<Timestamp, String> {
        Timestamp::read(text).map_err(crate::i18n::reason)
    }

    fn read(text: &str) -> Result<Timestamp, Msg> {
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
        Err(Msg::new("time-invalid").arg("t", t))
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
/// written), a bare date pinned to midnight in the ledger's zone, or a local
/// wall-clock time without an offset (`2026-11-23 10:00`,
/// `2026-11-23T10:00`) read in the ledger's zone (a DST gap moves it to the
/// first instant after the gap, an overlap to its earliest instant). With
/// `now` (every flag but `--now` itself), also `today 14:30`,
/// `yesterday 09:00`, `14:30` (today), `today`, `yesterday` and spans back
/// such as `2h ago`, `3d ago`, `1w ago`. With `end_of_day`, the exclusive end
/// of a window, a bare date includes that whole day. With `spans_back_from`,
/// a bare span (`24h`, `7d`, `2w`) also counts back from that instant. The
/// result is truncated to whole seconds: files store no fractions.
pub fn parse_flag(
    text: &str,
    tz: Tz,
    end_of_day: bool,
    now: Option<DateTime<Utc>>,
    spans_back_from: Option<DateTime<Utc>>,
) -> Result<DateTime<FixedOffset>, Msg> {
    let t = text.trim();
    let at = match spans_back_from.and_then(|from| span_hours(t).map(|h| (from, h))) {
        Some((from, hours)) => back(t, from, hours, tz),
        None => parse_point(t, tz, end_of_day, now).map_err(|e| match spans_back_from {
            Some(_) => Msg::new("time-or-span").arg("e", e),
            None => e,
        }),
    }?;
    Ok(at.with_nanosecond(0).unwrap_or(at))
}

/// `hours` before `from`, in the ledger's zone, or an error naming what was typed.
fn back(t: &str, from: DateTime<Utc>, hours: i64, tz: Tz) -> Result<DateTime<FixedOffset>, Msg> {
    chrono::Duration::try_hours(hours)
        .and_then(|d| from.checked_sub_signed(d))
        .map(|at| at.with_timezone(&tz).fixed_offset())
        .ok_or_else(|| Msg::new("time-too-far").arg("t", t))
}

/// A time, a bare date, a local time or (given `now`) a relative form; see
/// [`parse_flag`].
fn parse_point(
    t: &str,
    tz: Tz,
    end_of_day: bool,
    now: Option<DateTime<Utc>>,
) -> Result<DateTime<FixedOffset>, Msg> {
    if let Some(now) = now
        && let Some(at) = relative(t, tz, end_of_day, now)
    {
        return at;
    }
    if let Some(local) = naive_local(t) {
        return in_zone(local, tz);
    }
    let mut ts = Timestamp::read(t).map_err(|e| match now {
        Some(_) => Msg::new("time-or-relative").arg("e", e),
        None => Msg::new("time-or-local").arg("e", e),
    })?;
    let date_only = ts.date_only;
    ts.resolve(tz);
    if date_only && end_of_day {
        let next = ts
            .at
            .date_naive()
            .succ_opt()
            .ok_or_else(|| Msg::new("time-date-range"))?;
        return Ok(midnight(next, tz));
    }
    Ok(ts.at)
}

/// `2h ago`, `today 14:30`, `yesterday 09:00`, `14:30`, `today`,
/// `yesterday`; `None` when `t` is none of these.
fn relative(
    t: &str,
    tz: Tz,
    end_of_day: bool,
    now: DateTime<Utc>,
) -> Option<Result<DateTime<FixedOffset>, Msg>> {
    if let Some(span) = t.strip_suffix(" ago") {
        let hours = span_hours(span.trim())?;
        return Some(back(t, now, hours, tz));
    }
    let today = now.with_timezone(&tz).date_naive();
    let (day, clock) = match t.split_once(' ') {
        Some(("today", c)) => (today, Some(c.trim())),
        Some(("yesterday", c)) => (today.pred_opt()?, Some(c.trim())),
        None if t == "today" => (today, None),
        None if t == "yesterday" => (today.pred_opt()?, None),
        None => (today, Some(t)),
        Some(_) => return None,
    };
    let Some(clock) = clock else {
        let day = if end_of_day { day.succ_opt()? } else { day };
        return Some(Ok(midnight(day, tz)));
    };
    let time = clock_time(clock)?;
    Some(in_zone(day.and_time(time), tz))
}

/// `14:30` or `14:30:05`.
fn clock_time(t: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(t, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(t, "%H:%M:%S"))
        .ok()
}

/// `2026-11-23 10:00`, `2026-11-23T10:00` (seconds optional), no offset.
fn naive_local(t: &str) -> Option<NaiveDateTime> {
    let (date, clock) = t.split_once([' ', 'T'])?;
    let date = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok()?;
    Some(date.and_time(clock_time(clock.trim())?))
}

/// A local wall-clock time in `tz`, by the one DST rule of [`crate::case::zone`].
fn in_zone(local: NaiveDateTime, tz: Tz) -> Result<DateTime<FixedOffset>, Msg> {
    crate::case::zone::local_to_utc(tz, local)
        .map(|u| u.with_timezone(&tz).fixed_offset())
        .ok_or_else(|| Msg::new("time-out-of-range").arg("local", local.to_string()))
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
        let t = parse_flag("2026-11-22", tz, false, None, None).unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-22T00:00:00-05:00");
        assert!(Timestamp::parse("2026-13-01").is_err());
        assert!(Timestamp::parse("2026-11-22T09:14:00").is_err());
    }

    #[test]
    fn bounds_count_spans_back_from_now() {
        let tz: Tz = "America/Toronto".parse().unwrap();
        let now = parse_flag("2026-11-22T12:00:00-05:00", tz, false, None, None)
            .unwrap()
            .with_timezone(&Utc);
        let back = |t: &str| {
            parse_flag(t, tz, false, None, Some(now)).map(|d| local(d.with_timezone(&Utc), tz))
        };
        assert_eq!(back("24h").unwrap(), "2026-11-21T12:00:00-05:00");
        assert_eq!(back("7d").unwrap(), "2026-11-15T12:00:00-05:00");
        assert_eq!(back("2w").unwrap(), "2026-11-08T12:00:00-05:00");
        assert_eq!(back("2026-11-20").unwrap(), "2026-11-20T00:00:00-05:00");
        for bad in ["-3d", "3y", "d", "é", "yesterday"] {
            assert!(
                back(bad)
                    .unwrap_err()
                    .plain_english()
                    .contains("24h, 7d, 2w"),
                "{bad}"
            );
        }
    }

    #[test]
    fn one_reader_for_every_time_flag() {
        let tz: Tz = "America/Toronto".parse().unwrap();
        let read = |t: &str, end: bool| parse_flag(t, tz, end, None, None).map(|d| d.to_rfc3339());
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
        let no_span = read("7d", false).unwrap_err().plain_english();
        assert!(!no_span.contains("24h, 7d, 2w"), "{no_span}");
        let now = parse_flag("2026-11-22T12:00:00-05:00", tz, false, None, None)
            .unwrap()
            .with_timezone(&Utc);
        let far = parse_flag("99999999w", tz, false, None, Some(now))
            .unwrap_err()
            .plain_english();
        assert_eq!(far, "`99999999w` reaches back too far");
    }

    #[test]
    fn times_as_people_type_them() {
        let tz: Tz = "America/Toronto".parse().unwrap();
        let now = parse_flag("2026-11-22T12:00:00.5-05:00", tz, false, None, None).unwrap();
        assert_eq!(
            now.to_rfc3339(),
            "2026-11-22T12:00:00-05:00",
            "whole seconds"
        );
        let now = Some(now.with_timezone(&Utc));
        let read = |t: &str, end: bool| parse_flag(t, tz, end, now, None).map(|d| d.to_rfc3339());
        assert_eq!(
            read("2026-11-23 10:00", false).unwrap(),
            "2026-11-23T10:00:00-05:00"
        );
        assert_eq!(
            read("2026-07-23T10:00:30", false).unwrap(),
            "2026-07-23T10:00:30-04:00"
        );
        assert_eq!(
            read("today 14:30", false).unwrap(),
            "2026-11-22T14:30:00-05:00"
        );
        assert_eq!(
            read("yesterday 09:00", false).unwrap(),
            "2026-11-21T09:00:00-05:00"
        );
        assert_eq!(read("08:05", false).unwrap(), "2026-11-22T08:05:00-05:00");
        assert_eq!(read("3d ago", false).unwrap(), "2026-11-19T12:00:00-05:00");
        assert_eq!(read("today", false).unwrap(), "2026-11-22T00:00:00-05:00");
        assert_eq!(read("today", true).unwrap(), "2026-11-23T00:00:00-05:00");
        // A spring-forward gap: 02:30 never happened, the first instant after it is 03:00.
        assert_eq!(
            read("2026-03-08 02:30", false).unwrap(),
            "2026-03-08T03:00:00-04:00"
        );
        // A fall-back overlap: 01:30 happened twice, the earliest is kept.
        assert_eq!(
            read("2026-11-01 01:30", false).unwrap(),
            "2026-11-01T01:30:00-04:00"
        );
        for bad in ["25:00", "today 9h", "tomorrow 10:00", "2h later", "x ago"] {
            let err = read(bad, false).unwrap_err().plain_english();
            assert!(err.contains("2h ago"), "{bad}");
        }
        // --now itself is never relative.
        assert!(parse_flag("2h ago", tz, false, None, None).is_err());
    }

    #[test]
    fn spans_read_naturally() {
        assert_eq!(span(45 * 60), "45 minutes");
        assert_eq!(span(2 * 86_400 + 3 * 3600 + 60), "2 days 3 hours");
        assert_eq!(span(3600), "1 hour");
    }
}
