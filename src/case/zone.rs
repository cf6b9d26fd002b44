//! Local wall-clock times to instants: the one rule for daylight-saving
//! gaps and overlaps, used by working hours, bare dates and imports alike.

use chrono::offset::LocalResult;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Maps a local wall-clock time to UTC without panicking: a single mapping as
/// is, an ambiguous one (fall-back) to its earliest instant, a nonexistent one
/// (spring-forward gap) to the first instant after the gap. `None` only at the
/// edges of the representable range.
pub fn local_to_utc(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(a, b) => Some(a.min(b).with_timezone(&Utc)),
        LocalResult::None => first_instant_at_or_after(tz, local),
    }
}

/// The earliest instant (whole second) whose local wall-clock time in `tz` is
/// at or after `local`. Used for local times inside a gap. Searches the range
/// in which any UTC offset (at most ±16 h) could place it.
fn first_instant_at_or_after(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let wall_at =
        |ts: i64| DateTime::from_timestamp(ts, 0).map(|u| u.with_timezone(&tz).naive_local());
    let guess = local.and_utc().timestamp();
    let mut lo = guess.checked_sub(16 * 3600)?;
    let mut hi = guess.checked_add(16 * 3600)?;
    // Invariant: wall(lo) < local <= wall(hi).
    if wall_at(lo)? >= local || wall_at(hi)? < local {
        return None;
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if wall_at(mid)? >= local {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    DateTime::from_timestamp(hi, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// Liberia moved from GMT-0:44:30 to GMT at midnight on 1972-01-07:
    /// the local times 00:00:00–00:44:29 never happened. A bare date that
    /// day starts at the first instant after the gap, as working hours do.
    #[test]
    fn a_gap_at_midnight_ends_at_the_first_instant_after_it() {
        let tz = chrono_tz::Africa::Monrovia;
        let date = NaiveDate::from_ymd_opt(1972, 1, 7).unwrap();
        let midnight = date.and_hms_opt(0, 0, 0).unwrap();
        let expected = date.and_hms_opt(0, 44, 30).unwrap().and_utc();
        assert_eq!(local_to_utc(tz, midnight), Some(expected));
        assert_eq!(crate::case::time::midnight(date, tz), expected);
    }
}
