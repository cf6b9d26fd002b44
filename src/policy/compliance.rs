//! Policy keys for regulated complaint handling (docs/format.md): a
//! target's own counting mode (`"8w 24/7"` beside business-day targets),
//! `max_extension`, `retention` after closing, and the tolerance of the
//! backdating check (`[audit] recorded_late_tolerance`).

use crate::policy::calendar::{Mode, Target};
use chrono::{DateTime, Months, TimeDelta, Utc};
use chrono_tz::Tz;

/// How long a closed case keeps its personal data: `7y`, `18m` (months),
/// `90d` (calendar days). Counted in the ledger's zone from the closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retention {
    Years(u32),
    Months(u32),
    Days(u32),
}

/// The reason a retention is refused, in English (see [`crate::i18n::reason`]).
fn invalid_retention(s: &str) -> String {
    crate::i18n::reason(crate::i18n::Msg::new("retention-invalid").arg("q", format!("{s:?}")))
}

impl Retention {
    pub fn parse(s: &str) -> Result<Retention, String> {
        let mut chars = s.chars();
        let unit = chars.next_back();
        let digits = chars.as_str();
        let amount: u32 = match digits.parse() {
            Ok(n) if n > 0 && digits.bytes().all(|b| b.is_ascii_digit()) => n,
            _ => return Err(invalid_retention(s)),
        };
        match unit {
            Some('y') => Ok(Retention::Years(amount)),
            Some('m') => Ok(Retention::Months(amount)),
            Some('d') => Ok(Retention::Days(amount)),
            _ => Err(invalid_retention(s)),
        }
    }

    /// When data kept since `from` is due for anonymisation: the same local
    /// time that many years, months or days later (the end of a shorter
    /// month when the day does not exist). Saturates far in the future.
    pub fn due(self, from: DateTime<Utc>, tz: Tz) -> DateTime<Utc> {
        let local = from.with_timezone(&tz);
        let later = match self {
            Retention::Years(y) => local.checked_add_months(Months::new(y.saturating_mul(12))),
            Retention::Months(m) => local.checked_add_months(Months::new(m)),
            Retention::Days(d) => local.checked_add_signed(TimeDelta::days(i64::from(d))),
        };
        later.map_or(DateTime::<Utc>::MAX_UTC, |t| t.with_timezone(&Utc))
    }
}

impl std::fmt::Display for Retention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Retention::Years(n) => write!(f, "{n}y"),
            Retention::Months(n) => write!(f, "{n}m"),
            Retention::Days(n) => write!(f, "{n}d"),
        }
    }
}

/// A clock target with an optional counting mode of its own: `"3d"`,
/// `"3d business"`, `"8w 24/7"`. The mode lets business-day and
/// calendar-day targets stand side by side in one rule.
pub fn parse_target(s: &str) -> Result<(Target, Option<Mode>), String> {
    parse_target_spec(s).map(|t| (t.target, t.mode))
}

/// A target as a policy writes it: the duration, its own mode if any, and
/// whether it counts from the end of the day of receipt (`following`, as
/// regulations word it: "the third business day following receipt").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetSpec {
    pub target: Target,
    pub mode: Option<Mode>,
    pub following: bool,
}

/// Parses `"3d"`, `"3d business"`, `"8w 24/7"`, `"3d business following"`:
/// a duration, then at most one mode and `following`, in any order.
pub fn parse_target_spec(s: &str) -> Result<TargetSpec, String> {
    let mut words = s.split_whitespace();
    let target = Target::parse(words.next().unwrap_or_default())?;
    let mut spec = TargetSpec {
        target,
        mode: None,
        following: false,
    };
    for word in words {
        if word == "following" && !spec.following {
            spec.following = true;
        } else if let (Some(mode), None) = (Mode::parse(word), spec.mode) {
            spec.mode = Some(mode);
        } else {
            return Err(crate::i18n::reason(crate::suggest::unknown_value_msg(
                "mode",
                word,
                &["business", "24/7", "following"],
            )));
        }
    }
    Ok(spec)
}

/// The tolerance of `audit --git` when none is set: an hour.
pub const DEFAULT_TOLERANCE: TimeDelta = TimeDelta::hours(1);

/// A tolerance as real time: a plain target read in 24/7 mode.
pub fn tolerance_of(t: Target) -> TimeDelta {
    use crate::policy::calendar::Unit;
    let unit = match t.unit {
        Unit::Minutes => 60,
        Unit::Hours => 3600,
        Unit::Days => 86_400,
        Unit::Weeks => 7 * 86_400,
    };
    TimeDelta::seconds(i64::from(t.amount).saturating_mul(unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_take_an_optional_mode() {
        let (t, m) = parse_target("8w 24/7").unwrap();
        assert_eq!(t.to_string(), "8w");
        assert_eq!(m, Some(Mode::Always));
        assert_eq!(parse_target("3d").unwrap().1, None);
        assert_eq!(parse_target("3d business").unwrap().1, Some(Mode::Business));
        let f = parse_target_spec("3d business following").unwrap();
        assert_eq!((f.mode, f.following), (Some(Mode::Business), true));
        assert!(parse_target_spec("15d following").unwrap().following);
        assert!(parse_target_spec("3d following following").is_err());
        assert!(parse_target_spec("3d business 24/7").is_err());
        let err = parse_target("3d busines").unwrap_err();
        assert!(err.contains("did you mean `business`"), "{err}");
    }

    #[test]
    fn retention_counts_calendar_years_from_the_closing() {
        let r = Retention::parse("7y").unwrap();
        let closed: DateTime<Utc> = "2020-02-29T15:00:00Z".parse().unwrap();
        let due = r.due(closed, chrono_tz::America::Toronto);
        assert_eq!(due.to_rfc3339(), "2027-02-28T15:00:00+00:00");
        assert!(Retention::parse("7").is_err());
        assert!(Retention::parse("0y").is_err());
        assert!(Retention::parse("7w").is_err());
        assert!(Retention::parse("").is_err());
        assert!(Retention::parse("7é").is_err());
    }
}
