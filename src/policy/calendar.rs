//! Pure time arithmetic for clocks (docs/clocks-and-audit.md): targets, calendars,
//! elapsed counted time and due times.
//!
//! Nothing in this module does I/O. Every computation walks *counted
//! segments*: in [`Mode::Always`] the whole time line, in [`Mode::Business`]
//! one working interval per local day (open..close, local time in the
//! calendar's time zone, on workdays that are not holidays), and in both modes
//! minus the union of all pauses. The walk is day by day, never minute by
//! minute.
//!
//! Semantics, in short:
//! - `elapsed(from, to)` is the number of counted seconds in `[from, to)`.
//! - `due(start, target)` is the *earliest* instant `t >= start` at which
//!   `elapsed(start, t)` reaches the target: a target reached exactly at
//!   closing time is due at closing time (17:00), not at the next opening; a
//!   target reached exactly when a pause starts is due at the pause's start.
//! - A start outside working hours (evening, weekend, holiday) counts from the
//!   next opening.
//! - Working hours are local times: a working day that falls on a daylight
//!   saving change still runs from local open to local close, so its UTC
//!   instants shift by the change. In `24/7` mode a day is 24 real hours.
//! - Local times that do not exist (skipped by a spring-forward change) map to
//!   the first instant after the gap; ambiguous local times (repeated by a
//!   fall-back change) map to their earliest instant.

use crate::case::zone::local_to_utc;
use crate::i18n::Msg;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use std::collections::BTreeSet;

/// How a clock counts time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Mode {
    /// Only working hours of workdays that are not holidays count (`"business"`).
    #[serde(rename = "business")]
    Business,
    /// Every real second counts (`"24/7"`).
    #[serde(rename = "24/7")]
    Always,
}

impl Mode {
    /// `"business"` or `"24/7"`, as written in policy files.
    pub fn as_str(&self) -> &'static str {
        match self {
            Mode::Business => "business",
            Mode::Always => "24/7",
        }
    }

    /// Parses `"business"` or `"24/7"` (exactly); anything else is `None`.
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "business" => Some(Mode::Business),
            "24/7" => Some(Mode::Always),
            _ => None,
        }
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The unit of a [`Target`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// `m`: 60 seconds.
    Minutes,
    /// `h`: 3600 seconds.
    Hours,
    /// `d`: 24 h in `24/7` mode, one working day (close - open) in business mode.
    Days,
    /// `w`: 7 d in `24/7` mode, (number of workdays) working days in business mode.
    Weeks,
}

impl Unit {
    /// The suffix of this unit: `m`, `h`, `d` or `w`.
    pub fn suffix(&self) -> char {
        match self {
            Unit::Minutes => 'm',
            Unit::Hours => 'h',
            Unit::Days => 'd',
            Unit::Weeks => 'w',
        }
    }

    fn from_suffix(c: char) -> Option<Unit> {
        match c {
            'm' => Some(Unit::Minutes),
            'h' => Some(Unit::Hours),
            'd' => Some(Unit::Days),
            'w' => Some(Unit::Weeks),
            _ => None,
        }
    }
}

/// A clock target such as `2h` or `10d`: a positive whole amount and a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub amount: u32,
    pub unit: Unit,
}

impl Target {
    /// Parses `"30m"`, `"2h"`, `"1d"`, `"2w"`: one or more ASCII digits
    /// followed by exactly one of `m`, `h`, `d`, `w`, with nothing else (no
    /// sign, no fraction, no spaces, lower-case unit).
    ///
    /// Errors, with a message saying what is expected, on anything else,
    /// including `"0h"` (a target must be positive), `"1.5d"`, `"-2h"` and
    /// `"2 days"`.
    pub fn parse(s: &str) -> Result<Target, String> {
        Target::read(s).map_err(crate::i18n::reason)
    }

    /// [`Target::parse`] with the reason as a message, for people.
    pub fn read(s: &str) -> Result<Target, Msg> {
        let invalid = |id| Msg::new(id).arg("q", format!("{s:?}"));
        let mut chars = s.chars();
        let Some(last) = chars.next_back() else {
            return Err(Msg::new("duration-empty"));
        };
        let digits = chars.as_str();
        let Some(unit) = Unit::from_suffix(last) else {
            return Err(invalid("duration-invalid"));
        };
        if digits.is_empty() {
            return Err(invalid("duration-no-amount").arg("last", last.to_string()));
        }
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid("duration-not-whole"));
        }
        let amount: u32 = digits
            .parse()
            .map_err(|_| invalid("duration-too-large").arg("digits", digits))?;
        if amount == 0 {
            return Err(invalid("duration-zero"));
        }
        Ok(Target { amount, unit })
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.amount, self.unit.suffix())
    }
}

impl std::str::FromStr for Target {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Target::parse(s)
    }
}

/// A working calendar: time zone, workdays, daily working hours and holidays.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub tz: Tz,
    /// Index 0 = Monday … 6 = Sunday.
    pub workdays: [bool; 7],
    /// Local opening time, e.g. 08:30.
    pub open: NaiveTime,
    /// Local closing time, e.g. 17:00; expected to be after `open` (validated
    /// elsewhere). If it is not, business days are empty.
    pub close: NaiveTime,
    /// Local dates on which nothing counts in business mode.
    pub holidays: BTreeSet<NaiveDate>,
    /// Each day's working interval, once worked out (see [`Intervals`]).
    pub intervals: Intervals,
}

/// The first year whose days' working intervals are kept.
const FIRST_YEAR: i32 = 1970;
/// How many years are kept from [`FIRST_YEAR`]; days outside are worked
/// out on each call.
const YEARS: usize = 300;

type Interval = Option<(DateTime<Utc>, DateTime<Utc>)>;

/// Each day's working interval, worked out a year at a time on first use
/// and shared by every thread. A large audit asks for the same few
/// thousand days millions of times, and each answer costs two time-zone
/// conversions. Made from the calendar's other fields, which nothing
/// changes after the policies are read (a calendar made from another with
/// `..` takes a fresh `Intervals::default()` unless nothing was asked yet).
#[derive(Clone)]
pub struct Intervals(Vec<std::sync::OnceLock<Year>>);

/// One year's working intervals, and the working time before each day,
/// so that a due time far ahead is found without walking every day.
#[derive(Clone)]
struct Year {
    days: Box<[Interval]>,
    /// `before[i]`: the working time of days `0..i` (one more than `days`).
    before: Box<[TimeDelta]>,
}

impl Year {
    /// The working time of days `from..to`.
    fn between(&self, from: usize, to: usize) -> Option<TimeDelta> {
        Some(*self.before.get(to)? - *self.before.get(from)?)
    }

    /// The first working day at or after `from`, if any.
    fn next_working(&self, from: usize) -> Option<usize> {
        let base = *self.before.get(from)?;
        let rest = self.before.get(from + 1..)?;
        let k = rest.partition_point(|b| *b <= base);
        (k < rest.len()).then_some(from + k)
    }

    /// Days idle at the end of the year.
    fn idle_at_end(&self) -> usize {
        let total = self.before.last().copied().unwrap_or_default();
        self.before
            .iter()
            .rev()
            .take_while(|b| **b == total)
            .count()
            - 1
    }
}

/// What [`Calendar::leap`] found.
enum Leap {
    /// The search is over: the due time, or never.
    Done(Option<DateTime<Utc>>),
    /// The year ran out first: go on from the next year's first day.
    On {
        remaining: TimeDelta,
        idle: u32,
        days: u32,
    },
}

impl Default for Intervals {
    fn default() -> Intervals {
        Intervals((0..YEARS).map(|_| std::sync::OnceLock::new()).collect())
    }
}

impl std::fmt::Debug for Intervals {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Intervals")
    }
}

/// A pause: clocks do not run in `[start, end)`. `end` `None` = not resumed
/// yet (the pause runs forever).
///
/// Pauses may overlap each other and may start before a clock's start. A
/// pause whose `end` is not after its `start` pauses nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
}

/// Give up a business-mode search after this many consecutive local days
/// without working hours (a calendar with no workdays, or only holidays).
const IDLE_LIMIT_DAYS: u32 = 3 * 366;

/// Never search more than this many local days ahead in business mode (about
/// 200 years): a due time beyond it is reported as never (`None`).
const HORIZON_DAYS: u32 = 200 * 366;

/// Stands for "never" as the end of an open pause or of the 24/7 time line.
const FOREVER: DateTime<Utc> = DateTime::<Utc>::MAX_UTC;

/// Merged, sorted pause spans `[start, end)`; an open pause ends at
/// [`FOREVER`]. Spans are disjoint and not adjacent.
struct Spans {
    spans: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    /// Index of the first span that may still matter for the walk; only moves
    /// forward, since the walk visits intervals in increasing order.
    cursor: usize,
}

impl Spans {
    fn new(pauses: &[Pause]) -> Spans {
        let mut raw: Vec<(DateTime<Utc>, DateTime<Utc>)> = pauses
            .iter()
            .filter_map(|p| {
                let end = p.end.unwrap_or(FOREVER);
                (end > p.start).then_some((p.start, end))
            })
            .collect();
        raw.sort_unstable();
        let mut spans: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::with_capacity(raw.len());
        for (s, e) in raw {
            match spans.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => spans.push((s, e)),
            }
        }
        Spans { spans, cursor: 0 }
    }

    /// Start of the pause that never ends, if any: nothing counts from it on.
    fn forever_from(&self) -> Option<DateTime<Utc>> {
        self.spans
            .last()
            .filter(|(_, e)| *e == FOREVER)
            .map(|(s, _)| *s)
    }

    /// Calls `f(s, e)` for each maximal sub-interval of `[a, b)` outside every
    /// pause, in order, until `f` returns `true` (stop). Returns whether `f`
    /// asked to stop. Successive calls must have non-decreasing `a`.
    fn each_unpaused(
        &mut self,
        a: DateTime<Utc>,
        b: DateTime<Utc>,
        mut f: impl FnMut(DateTime<Utc>, DateTime<Utc>) -> bool,
    ) -> bool {
        while self.cursor < self.spans.len() && self.spans[self.cursor].1 <= a {
            self.cursor += 1;
        }
        let mut cur = a;
        let mut j = self.cursor;
        while cur < b {
            match self.spans.get(j) {
                Some(&(ps, pe)) if ps < b => {
                    if ps > cur && f(cur, ps) {
                        return true;
                    }
                    cur = cur.max(pe);
                    j += 1;
                }
                _ => {
                    return f(cur, b);
                }
            }
        }
        false
    }
}

impl Calendar {
    /// Seconds in one working day: close - open (nominal local hours; 0 if
    /// close is not after open).
    pub fn working_day_seconds(&self) -> i64 {
        (self.close - self.open).num_seconds().max(0)
    }

    /// Number of workdays in a week.
    pub fn workdays_per_week(&self) -> i64 {
        self.workdays.iter().filter(|&&w| w).count() as i64
    }

    /// Whether `date` (local) has working hours in business mode: a workday
    /// that is not a holiday.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.workdays[date.weekday().num_days_from_monday() as usize]
            && !self.holidays.contains(&date)
    }

    /// The working interval `[open, close)` of local `date` as UTC instants,
    /// or `None` if the day has no working hours. Open and close are local
    /// times, so on a daylight-saving change the interval is an hour shorter
    /// or longer in real time.
    pub fn working_interval(&self, date: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let year = usize::try_from(date.year() - FIRST_YEAR).ok();
        match year.and_then(|y| self.intervals.0.get(y)) {
            Some(kept) => {
                let year = kept.get_or_init(|| self.year_intervals(date.year()));
                year.days.get(date.ordinal0() as usize).copied().flatten()
            }
            None => self.work_out_interval(date),
        }
    }

    /// Every day of `year`'s working interval, in order.
    fn year_intervals(&self, year: i32) -> Year {
        let mut day = NaiveDate::from_yo_opt(year, 1);
        let mut days = Vec::with_capacity(366);
        let mut before = Vec::with_capacity(367);
        let mut total = TimeDelta::zero();
        while let Some(d) = day.filter(|d| d.year() == year) {
            let interval = self.work_out_interval(d);
            before.push(total);
            total += interval.map_or(TimeDelta::zero(), |(open, close)| close - open);
            days.push(interval);
            day = d.succ_opt();
        }
        before.push(total);
        Year {
            days: days.into_boxed_slice(),
            before: before.into_boxed_slice(),
        }
    }

    /// The year table of `date`'s year, when it is one that is kept.
    fn year_of(&self, date: NaiveDate) -> Option<&Year> {
        let y = usize::try_from(date.year() - FIRST_YEAR).ok()?;
        let kept = self.intervals.0.get(y)?;
        Some(kept.get_or_init(|| self.year_intervals(date.year())))
    }

    /// [`Calendar::due_seconds`]' walk from `date`, whose working time (and
    /// every later day's) counts whole, nothing paused, taken a year at a
    /// time: the same answer as walking day by day with the same limits
    /// (`idle` idle days so far, `days` days walked). `None` when the year
    /// is not kept (then walk).
    fn leap(&self, date: NaiveDate, remaining: TimeDelta, idle: u32, days: u32) -> Option<Leap> {
        let year = self.year_of(date)?;
        let from = date.ordinal0() as usize;
        let n = year.days.len();
        let Some(first) = year.next_working(from) else {
            // No working day left this year: all of it is idle.
            let left = u32::try_from(n - from).ok()?;
            if idle + left > IDLE_LIMIT_DAYS || days + left > HORIZON_DAYS {
                return Some(Leap::Done(None));
            }
            return Some(Leap::On {
                remaining,
                idle: idle + left,
                days: days + left,
            });
        };
        let lead = u32::try_from(first - from).ok()?;
        if idle + lead > IDLE_LIMIT_DAYS {
            return Some(Leap::Done(None));
        }
        let left = year.between(from, n)?;
        if remaining > left {
            let walked = u32::try_from(n - from).ok()?;
            if days + walked > HORIZON_DAYS {
                return Some(Leap::Done(None));
            }
            let idle = u32::try_from(year.idle_at_end()).ok()?;
            return Some(Leap::On {
                remaining: remaining - left,
                idle,
                days: days + walked,
            });
        }
        // The first day by whose close `remaining` is worked.
        let goal = year.before.get(from)?.checked_add(&remaining)?;
        let ends = year.before.get(from + 1..)?;
        let k = from + ends.partition_point(|b| *b < goal);
        if days + u32::try_from(k - from).ok()? >= HORIZON_DAYS {
            return Some(Leap::Done(None));
        }
        let (open, _) = year.days.get(k).copied().flatten()?;
        let done = year.between(from, k)?;
        Some(Leap::Done(open.checked_add_signed(remaining - done)))
    }

    fn work_out_interval(&self, date: NaiveDate) -> Interval {
        if !self.is_working_day(date) {
            return None;
        }
        let open = local_to_utc(self.tz, date.and_time(self.open))?;
        let close = local_to_utc(self.tz, date.and_time(self.close))?;
        (close > open).then_some((open, close))
    }

    /// Where a target counted "following the day of receipt" starts: the end
    /// of `t`'s local day. In business mode, the close of that day when `t`
    /// falls on a working day before its close (otherwise `t` itself, whose
    /// count starts at the next opening anyway); in 24/7 mode, the next local
    /// midnight. So `3d business following` from Monday 10:00 is due at the
    /// close of Thursday, the third business day after the day of receipt.
    pub fn end_of_day(&self, mode: Mode, t: DateTime<Utc>) -> DateTime<Utc> {
        let date = t.with_timezone(&self.tz).date_naive();
        match mode {
            Mode::Business => match self.working_interval(date) {
                Some((_, close)) if t < close => close,
                _ => t,
            },
            Mode::Always => date
                .succ_opt()
                .and_then(|next| local_to_utc(self.tz, next.and_time(NaiveTime::MIN)))
                .filter(|m| *m > t)
                .unwrap_or(t),
        }
    }

    /// The local date of an instant, minus one day (so that the walk never
    /// misses an interval that could contain the instant).
    fn first_date(&self, t: DateTime<Utc>) -> NaiveDate {
        let d = t.with_timezone(&self.tz).date_naive();
        d.pred_opt().unwrap_or(d)
    }

    /// Seconds a target is worth in this mode: `m` = 60, `h` = 3600; `d` =
    /// 86 400 in 24/7 mode, the length of one working day (close - open) in
    /// business mode; `w` = 7 d in 24/7 mode, (number of workdays) × working
    /// day in business mode.
    pub fn target_seconds(&self, mode: Mode, target: Target) -> i64 {
        let unit = match (target.unit, mode) {
            (Unit::Minutes, _) => 60,
            (Unit::Hours, _) => 3600,
            (Unit::Days, Mode::Always) => 86_400,
            (Unit::Weeks, Mode::Always) => 7 * 86_400,
            (Unit::Days, Mode::Business) => self.working_day_seconds(),
            (Unit::Weeks, Mode::Business) => self.workdays_per_week() * self.working_day_seconds(),
        };
        i64::from(target.amount).saturating_mul(unit)
    }

    /// Counted seconds in `[from, to)`: in 24/7 mode real elapsed seconds, in
    /// business mode only seconds inside working hours (open..close local
    /// time in `tz`) of workdays that are not holidays; in both modes seconds
    /// inside any pause are excluded. 0 if `to <= from`. Fractions of a second
    /// are truncated from the total.
    pub fn elapsed(
        &self,
        mode: Mode,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        pauses: &[Pause],
    ) -> i64 {
        if to <= from {
            return 0;
        }
        let mut spans = Spans::new(pauses);
        let mut total = TimeDelta::zero();
        let mut add = |s: DateTime<Utc>, e: DateTime<Utc>| {
            total += e - s;
            false
        };
        match mode {
            Mode::Always => {
                spans.each_unpaused(from, to, &mut add);
            }
            Mode::Business => {
                let last = to.with_timezone(&self.tz).date_naive();
                let mut date = self.first_date(from);
                while date <= last {
                    if let Some((open, close)) = self.working_interval(date) {
                        let a = open.max(from);
                        let b = close.min(to);
                        if a < b {
                            spans.each_unpaused(a, b, &mut add);
                        }
                    }
                    match date.succ_opt() {
                        Some(next) => date = next,
                        None => break,
                    }
                }
            }
        }
        total.num_seconds()
    }

    /// The due time of a clock started at `start` with `target`: the
    /// *earliest* instant `t >= start` at which `elapsed(start, t)` reaches
    /// [`Calendar::target_seconds`].
    ///
    /// - A target reached exactly at closing time is due at closing time
    ///   (received Monday 08:30, `1d` in business mode → Monday 17:00), not
    ///   at the next opening. Received Monday 16:00, `2d` → Wednesday 16:00;
    ///   received Thursday 16:30, `2h` → Friday 10:00.
    /// - A start outside working hours counts from the next opening.
    /// - `None` when a pause that never ends stops the count before the
    ///   target is reached, when the target is worth no time at all on this
    ///   calendar (`1w` in business mode with no workdays), when no working
    ///   hours occur for about 3 years, or when the due time would be more
    ///   than about 200 years ahead.
    pub fn due(
        &self,
        mode: Mode,
        start: DateTime<Utc>,
        target: Target,
        pauses: &[Pause],
    ) -> Option<DateTime<Utc>> {
        let seconds = self.target_seconds(mode, target);
        if target.amount > 0 && seconds <= 0 {
            return None;
        }
        self.due_seconds(mode, start, seconds, pauses)
    }

    /// Same as [`Calendar::due`] with a target already converted to seconds.
    /// A target of 0 (or less) seconds is due at `start`.
    pub fn due_seconds(
        &self,
        mode: Mode,
        start: DateTime<Utc>,
        seconds: i64,
        pauses: &[Pause],
    ) -> Option<DateTime<Utc>> {
        if seconds <= 0 {
            return Some(start);
        }
        // Cells: the walk below reads and sets them between calls.
        let remaining = std::cell::Cell::new(TimeDelta::try_seconds(seconds)?);
        let mut spans = Spans::new(pauses);
        let forever_from = spans.forever_from();
        // Some(due) once found; Some(None) if the due time overflows.
        let found: std::cell::Cell<Option<Option<DateTime<Utc>>>> = std::cell::Cell::new(None);
        let consume = |s: DateTime<Utc>, e: DateTime<Utc>| {
            let len = e - s;
            if remaining.get() <= len {
                found.set(Some(s.checked_add_signed(remaining.get())));
                true
            } else {
                remaining.set(remaining.get() - len);
                false
            }
        };
        match mode {
            Mode::Always => {
                spans.each_unpaused(start, FOREVER, consume);
                found.get().flatten()
            }
            Mode::Business => {
                let start_day = start.with_timezone(&self.tz).date_naive();
                // As `first_date`, without converting `start` again.
                let mut date = start_day.pred_opt().unwrap_or(start_day);
                let mut idle = 0;
                // Once past the day of `start`, with no pause after it,
                // every day counts whole: take a year at a time.
                let unpaused = spans.spans.iter().all(|&(_, e)| e <= start);
                let mut days = 0;
                while days < HORIZON_DAYS {
                    if unpaused
                        && date > start_day
                        && let Some(leap) = self.leap(date, remaining.get(), idle, days)
                    {
                        match leap {
                            Leap::Done(due) => return due,
                            Leap::On {
                                remaining: r,
                                idle: i,
                                days: d,
                            } => {
                                remaining.set(r);
                                (idle, days) = (i, d);
                                date = NaiveDate::from_yo_opt(date.year() + 1, 1)?;
                                continue;
                            }
                        }
                    }
                    days += 1;
                    match self.working_interval(date) {
                        Some((open, close)) => {
                            idle = 0;
                            let a = open.max(start);
                            if a < close {
                                if forever_from.is_some_and(|f| f <= a) {
                                    return None;
                                }
                                if spans.each_unpaused(a, close, consume) {
                                    return found.get().flatten();
                                }
                            }
                        }
                        None => {
                            idle += 1;
                            if idle > IDLE_LIMIT_DAYS {
                                return None;
                            }
                        }
                    }
                    date = date.succ_opt()?;
                }
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .unwrap_or_else(|e| panic!("bad test time {s}: {e}"))
            .with_timezone(&Utc)
    }

    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// America/Toronto, Mon–Fri 08:30–17:00, holidays 2026-12-25 and 2027-01-01.
    fn toronto() -> Calendar {
        Calendar {
            tz: chrono_tz::America::Toronto,
            workdays: [true, true, true, true, true, false, false],
            open: hm(8, 30),
            close: hm(17, 0),
            holidays: [date("2026-12-25"), date("2027-01-01")]
                .into_iter()
                .collect(),
            intervals: Intervals::default(),
        }
    }

    /// Same as [`toronto`] but every day of the week is a workday, so that
    /// working days fall on the DST Sundays.
    fn toronto_every_day() -> Calendar {
        Calendar {
            workdays: [true; 7],
            ..toronto()
        }
    }

    /// Every day, working hours at night across the DST changes.
    fn toronto_night(open: NaiveTime, close: NaiveTime) -> Calendar {
        Calendar {
            workdays: [true; 7],
            open,
            close,
            ..toronto()
        }
    }

    const B: Mode = Mode::Business;
    const A: Mode = Mode::Always;

    /// Taking a year at a time (no pause) gives what walking day by day
    /// does: a pause far beyond every due time makes `due_seconds` walk.
    /// Across years, DST changes, holidays, a working night, a calendar
    /// idle for most of a year, one idle past the idle limit, and targets
    /// from a minute to past the horizon.
    #[test]
    fn leaping_a_year_at_a_time_agrees_with_walking() {
        let idle_2027: BTreeSet<NaiveDate> = (0..330)
            .filter_map(|d| date("2027-01-20").checked_add_days(chrono::Days::new(d)))
            .collect();
        // From Saturday 2027-02-27 on: idle for the gap's length plus two
        // days; 1 096 days is the longest gap under the idle limit.
        let gap = |len: u64| Calendar {
            holidays: (0..len)
                .filter_map(|d| date("2027-03-01").checked_add_days(chrono::Days::new(d)))
                .collect(),
            intervals: Intervals::default(),
            ..toronto()
        };
        let cals = [
            toronto(),
            toronto_every_day(),
            toronto_night(hm(2, 30), hm(4, 0)),
            Calendar {
                holidays: idle_2027,
                intervals: Intervals::default(),
                ..toronto()
            },
            gap(4 * 366),
            gap(1096),
            gap(1097),
        ];
        let far = [Pause {
            start: t("2400-01-01T00:00:00Z"),
            end: Some(t("2400-01-01T01:00:00Z")),
        }];
        let day = 8 * 3600 + 1800;
        let targets = [
            60,
            9 * 3600,
            3 * day,
            10 * day + 7,
            45 * day,
            300 * day,
            700 * day,
        ];
        let mut start = t("2026-12-20T07:13:00-05:00");
        let mut checked = 0;
        while start < t("2027-03-05T00:00:00-05:00") {
            for cal in &cals {
                for secs in targets {
                    let leapt = cal.due_seconds(B, start, secs, &[]);
                    let walked = cal.due_seconds(B, start, secs, &far);
                    assert_eq!(leapt, walked, "{start} + {secs}s");
                    checked += 1;
                }
            }
            start += TimeDelta::minutes(17 * 60 + 11);
        }
        assert!(checked > 3000);
        // Past the horizon and past the idle limit: never, either way.
        let cal = toronto();
        let huge = i64::from(HORIZON_DAYS) * day;
        assert_eq!(cal.due_seconds(B, start, huge, &[]), None);
        assert_eq!(cal.due_seconds(B, start, huge, &far), None);
        let friday = t("2027-02-26T09:00:00-05:00");
        assert_eq!(cals[4].due_seconds(B, friday, 3 * day, &[]), None);
        assert_eq!(cals[6].due_seconds(B, friday, 3 * day, &[]), None);
        assert_eq!(
            cals[5].due_seconds(B, friday, 3 * day, &[]),
            Some(t("2030-03-05T09:00:00-05:00"))
        );
    }

    /// (mode, start, target, pauses (start, end), expected due)
    type Row = (
        Mode,
        &'static str,
        &'static str,
        &'static [(&'static str, Option<&'static str>)],
        Option<&'static str>,
    );

    fn pauses_of(row: &[(&str, Option<&str>)]) -> Vec<Pause> {
        row.iter()
            .map(|&(s, e)| Pause {
                start: t(s),
                end: e.map(t),
            })
            .collect()
    }

    /// Checks each row's due time, and that it is the earliest instant at
    /// which elapsed() reaches the target.
    fn check(cal: &Calendar, rows: &[Row]) {
        let mut failures = Vec::new();
        for (i, &(mode, start, target, pauses, expected)) in rows.iter().enumerate() {
            let target = Target::parse(target).unwrap();
            let pauses = pauses_of(pauses);
            let start = t(start);
            let got = cal.due(mode, start, target, &pauses);
            let expected = expected.map(t);
            if got != expected {
                failures.push(format!(
                    "row {i}: {} {start} + {target}: expected {expected:?}, got {got:?}",
                    mode.as_str()
                ));
                continue;
            }
            if let Some(due) = got {
                let secs = cal.target_seconds(mode, target);
                let el = cal.elapsed(mode, start, due, &pauses);
                if el != secs {
                    failures.push(format!("row {i}: elapsed(start, due) = {el}, want {secs}"));
                }
                let before = due - TimeDelta::seconds(1);
                if before >= start && cal.elapsed(mode, start, before, &pauses) >= secs {
                    failures.push(format!("row {i}: target already reached 1 s before due"));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn due_times_toronto() {
        // Working day = 08:30–17:00 = 8.5 h; business week = 5 × 8.5 h = 42.5 h.
        // Winter offsets -05:00, summer -04:00.
        #[rustfmt::skip]
        let rows: &[Row] = &[
            // ---- plain business days (Feb 2026: Mon 9 … Fri 13, Mon 16) ----
            // Mon 08:30 + 8.5 h = Mon 17:00 exactly at close: due at close
            (B, "2026-02-09T08:30:00-05:00", "1d", &[], Some("2026-02-09T17:00:00-05:00")),
            // Mon 16:00: 1 h Mon + 8.5 h Tue + 7.5 h Wed (08:30→16:00) = 17 h
            (B, "2026-02-09T16:00:00-05:00", "2d", &[], Some("2026-02-11T16:00:00-05:00")),
            // Thu 16:30 + 30 min Thu, 1 h 30 Fri from 08:30 -> Fri 10:00
            (B, "2026-02-12T16:30:00-05:00", "2h", &[], Some("2026-02-13T10:00:00-05:00")),
            // Thu 16:30 + 30 min = Thu 17:00 exactly at close
            (B, "2026-02-12T16:30:00-05:00", "30m", &[], Some("2026-02-12T17:00:00-05:00")),
            // Fri 16:00: 1 h Fri, weekend, 1 h Mon from 08:30 -> Mon 09:30
            (B, "2026-02-13T16:00:00-05:00", "2h", &[], Some("2026-02-16T09:30:00-05:00")),
            // Received Sat 10:00: counts from Mon 08:30, + 1 h -> Mon 09:30
            (B, "2026-02-14T10:00:00-05:00", "1h", &[], Some("2026-02-16T09:30:00-05:00")),
            // Received Mon 18:00 (evening): Tue 08:30 + 30 min -> Tue 09:00
            (B, "2026-02-09T18:00:00-05:00", "30m", &[], Some("2026-02-10T09:00:00-05:00")),
            // Received Tue 06:00 (before opening): Tue 08:30 + 8.5 h -> Tue 17:00
            (B, "2026-02-10T06:00:00-05:00", "1d", &[], Some("2026-02-10T17:00:00-05:00")),
            // Mon 09:00 + 42.5 h: Mon 8 h, Tue–Fri 34 h (42 h at Fri 17:00), Mon 0.5 h -> Mon 09:00
            (B, "2026-02-09T09:00:00-05:00", "1w", &[], Some("2026-02-16T09:00:00-05:00")),
            // Wed 12:00 + 42.5 h: Wed 5, Thu 8.5 (13.5), Fri 8.5 (22), Mon 8.5 (30.5), Tue 8.5 (39), Wed 3.5 -> Wed 12:00
            (B, "2026-02-11T12:00:00-05:00", "1w", &[], Some("2026-02-18T12:00:00-05:00")),
            // Mon 08:30 + 90 min -> 10:00
            (B, "2026-02-09T08:30:00-05:00", "90m", &[], Some("2026-02-09T10:00:00-05:00")),
            // Mon 08:30 + 510 min (= 8.5 h) -> Mon 17:00 exactly at close
            (B, "2026-02-09T08:30:00-05:00", "510m", &[], Some("2026-02-09T17:00:00-05:00")),
            // Received Fri 17:00 exactly at close: nothing left Fri, Mon 08:30 + 1 min -> 08:31
            (B, "2026-02-13T17:00:00-05:00", "1m", &[], Some("2026-02-16T08:31:00-05:00")),
            // Received Mon 08:29: counts from 08:30, + 1 min -> 08:31
            (B, "2026-02-09T08:29:00-05:00", "1m", &[], Some("2026-02-09T08:31:00-05:00")),
            // Fri 08:30 + 8.5 h -> Fri 17:00 (not Monday)
            (B, "2026-02-13T08:30:00-05:00", "1d", &[], Some("2026-02-13T17:00:00-05:00")),
            // 24/7: Mon 16:00 + 48 h -> Wed 16:00
            (A, "2026-02-09T16:00:00-05:00", "2d", &[], Some("2026-02-11T16:00:00-05:00")),
            // 24/7: received Sat 10:00 + 30 min -> Sat 10:30 (weekends count)
            (A, "2026-02-14T10:00:00-05:00", "30m", &[], Some("2026-02-14T10:30:00-05:00")),
            // 24/7, summer: Thu 16:30 + 2 h -> Thu 18:30
            (A, "2026-06-11T16:30:00-04:00", "2h", &[], Some("2026-06-11T18:30:00-04:00")),
            // Summer business: Fri 2026-06-12 16:00: 1 h Fri, Mon 06-15 08:30 + 7.5 h -> Mon 16:00
            (B, "2026-06-12T16:00:00-04:00", "1d", &[], Some("2026-06-15T16:00:00-04:00")),

            // ---- holidays (Fri 2026-12-25, Fri 2027-01-01) ----
            // Thu 12-24 16:00: 1 h Thu, Fri holiday, weekend, Mon 12-28 08:30 + 1 h -> 09:30
            (B, "2026-12-24T16:00:00-05:00", "2h", &[], Some("2026-12-28T09:30:00-05:00")),
            // Received on Christmas (holiday) 10:00: counts from Mon 12-28 08:30, + 8.5 h -> 17:00
            (B, "2026-12-25T10:00:00-05:00", "1d", &[], Some("2026-12-28T17:00:00-05:00")),
            // Thu 12-31 12:00: 5 h Thu, Fri 01-01 holiday, Mon 01-04 08:30 + 3.5 h -> 12:00
            (B, "2026-12-31T12:00:00-05:00", "1d", &[], Some("2027-01-04T12:00:00-05:00")),
            // Mon 12-21 08:30 + 42.5 h: Mon–Thu 34 h (to Thu 17:00), Fri holiday, Mon 12-28 8.5 h -> 17:00
            (B, "2026-12-21T08:30:00-05:00", "1w", &[], Some("2026-12-28T17:00:00-05:00")),
            // Wed 12-23 09:00 + 42.5 h: Wed 8, Thu 8.5 (16.5), Mon 8.5 (25), Tue (33.5), Wed (42), Thu 12-31 0.5 -> 09:00
            (B, "2026-12-23T09:00:00-05:00", "5d", &[], Some("2026-12-31T09:00:00-05:00")),
            // 24/7 ignores holidays: Thu 12-24 16:00 + 2 h -> 18:00
            (A, "2026-12-24T16:00:00-05:00", "2h", &[], Some("2026-12-24T18:00:00-05:00")),
            // 24/7 ignores holidays: Fri 12-25 10:00 + 24 h -> Sat 12-26 10:00
            (A, "2026-12-25T10:00:00-05:00", "1d", &[], Some("2026-12-26T10:00:00-05:00")),

            // ---- pauses ----
            // Mon 16:00: 30 min to 16:30, paused until Tue 10:00, then 1 h 30 -> Tue 11:30
            (B, "2026-02-09T16:00:00-05:00", "2h", &[("2026-02-09T16:30:00-05:00", Some("2026-02-10T10:00:00-05:00"))], Some("2026-02-10T11:30:00-05:00")),
            // Fri 15:00: 1 h Fri, paused Fri 16:00 → Tue 09:00 (weekend and Monday), Tue 09:00 + 3 h -> 12:00
            (B, "2026-02-13T15:00:00-05:00", "4h", &[("2026-02-13T16:00:00-05:00", Some("2026-02-17T09:00:00-05:00"))], Some("2026-02-17T12:00:00-05:00")),
            // 24/7 Fri 15:00: 5 h to 20:00, paused overnight to Sat 08:00, 19 h more -> Sun 03:00
            (A, "2026-02-13T15:00:00-05:00", "1d", &[("2026-02-13T20:00:00-05:00", Some("2026-02-14T08:00:00-05:00"))], Some("2026-02-15T03:00:00-05:00")),
            // Mon 09:00: 1 h, then a pause that is never resumed -> never due
            (B, "2026-02-09T09:00:00-05:00", "1d", &[("2026-02-09T10:00:00-05:00", None)], None),
            // 24/7 Mon 09:00: 1 h, then open pause -> never due
            (A, "2026-02-09T09:00:00-05:00", "2h", &[("2026-02-09T10:00:00-05:00", None)], None),
            // Open pause from before the start -> nothing ever counts
            (A, "2026-02-09T09:00:00-05:00", "1m", &[("2026-02-01T00:00:00-05:00", None)], None),
            // Open pause starting after the due time does not matter: 09:00 + 1 h -> 10:00
            (B, "2026-02-09T09:00:00-05:00", "1h", &[("2026-02-09T12:00:00-05:00", None)], Some("2026-02-09T10:00:00-05:00")),
            // Pause started before receipt (08:00–11:00): counts from 11:00, + 1 h -> 12:00
            (B, "2026-02-09T09:00:00-05:00", "1h", &[("2026-02-09T08:00:00-05:00", Some("2026-02-09T11:00:00-05:00"))], Some("2026-02-09T12:00:00-05:00")),
            // Overlapping pauses 13:00–14:00 and 13:30–15:00 = 13:00–15:00: 1 h (12–13), + 2 h from 15:00 -> 17:00
            (A, "2026-02-09T12:00:00-05:00", "3h", &[("2026-02-09T13:00:00-05:00", Some("2026-02-09T14:00:00-05:00")), ("2026-02-09T13:30:00-05:00", Some("2026-02-09T15:00:00-05:00"))], Some("2026-02-09T17:00:00-05:00")),
            // Target reached exactly when a pause starts: due at 13:00, not at 14:00
            (A, "2026-02-09T12:00:00-05:00", "1h", &[("2026-02-09T13:00:00-05:00", Some("2026-02-09T14:00:00-05:00"))], Some("2026-02-09T13:00:00-05:00")),
            // Pause Mon 16:30–20:00 (ends after hours): 30 min Mon, Tue 08:30 + 1 h 30 -> 10:00
            (B, "2026-02-09T16:00:00-05:00", "2h", &[("2026-02-09T16:30:00-05:00", Some("2026-02-09T20:00:00-05:00"))], Some("2026-02-10T10:00:00-05:00")),
            // Pause only on the weekend changes nothing: 1 h Fri, 1 h Mon -> Mon 09:30
            (B, "2026-02-13T16:00:00-05:00", "2h", &[("2026-02-14T10:00:00-05:00", Some("2026-02-15T10:00:00-05:00"))], Some("2026-02-16T09:30:00-05:00")),
            // 24/7, pause over the weekend Fri 17:00 → Mon 08:30: Fri 16:00–17:00 (1 h), Mon 08:30 + 2 h -> 10:30
            (A, "2026-02-13T16:00:00-05:00", "3h", &[("2026-02-13T17:00:00-05:00", Some("2026-02-16T08:30:00-05:00"))], Some("2026-02-16T10:30:00-05:00")),
            // Pause resumed, then paused again forever: 1 h (09–10), pause 10–11, 1 h (11–12), open from 12:00; 3 h never reached
            (B, "2026-02-09T09:00:00-05:00", "3h", &[("2026-02-09T10:00:00-05:00", Some("2026-02-09T11:00:00-05:00")), ("2026-02-09T12:00:00-05:00", None)], None),
            // Same but 2 h: reached exactly when the open pause starts -> 12:00
            (B, "2026-02-09T09:00:00-05:00", "2h", &[("2026-02-09T10:00:00-05:00", Some("2026-02-09T11:00:00-05:00")), ("2026-02-09T12:00:00-05:00", None)], Some("2026-02-09T12:00:00-05:00")),

            // ---- DST spring forward: Sun 2026-03-08 02:00 EST -> 03:00 EDT ----
            // 24/7 Sat 12:00 EST (17:00 UTC) + 24 h = Sun 17:00 UTC = 13:00 EDT
            (A, "2026-03-07T12:00:00-05:00", "1d", &[], Some("2026-03-08T13:00:00-04:00")),
            // 24/7 Sun 01:00 EST (06:00 UTC) + 2 h = 08:00 UTC = 04:00 EDT
            (A, "2026-03-08T01:00:00-05:00", "2h", &[], Some("2026-03-08T04:00:00-04:00")),
            // 24/7 Sat 12:00 EST + 168 h = Sat 03-14 17:00 UTC = 13:00 EDT
            (A, "2026-03-07T12:00:00-05:00", "1w", &[], Some("2026-03-14T13:00:00-04:00")),
            // Business Fri 03-06 16:00 EST: 1 h Fri, Mon 03-09 08:30 EDT + 1 h -> 09:30 EDT
            (B, "2026-03-06T16:00:00-05:00", "2h", &[], Some("2026-03-09T09:30:00-04:00")),
            // Business Fri 12:00 EST: 5 h Fri, Mon 08:30 EDT + 3.5 h -> 12:00 EDT (local hours, not real 24 h steps)
            (B, "2026-03-06T12:00:00-05:00", "1d", &[], Some("2026-03-09T12:00:00-04:00")),

            // ---- DST fall back: Sun 2026-11-01 02:00 EDT -> 01:00 EST ----
            // 24/7 Sat 12:00 EDT (16:00 UTC) + 24 h = Sun 16:00 UTC = 11:00 EST
            (A, "2026-10-31T12:00:00-04:00", "1d", &[], Some("2026-11-01T11:00:00-05:00")),
            // 24/7 Sun 00:30 EDT (04:30 UTC) + 2 h = 06:30 UTC = the second 01:30 (EST)
            (A, "2026-11-01T00:30:00-04:00", "2h", &[], Some("2026-11-01T01:30:00-05:00")),
            // 24/7 Fri 10-30 12:00 EDT (16:00 UTC) + 168 h = Fri 11-06 16:00 UTC = 11:00 EST
            (A, "2026-10-30T12:00:00-04:00", "1w", &[], Some("2026-11-06T11:00:00-05:00")),
            // Business Fri 10-30 16:00 EDT: 1 h Fri, Mon 11-02 08:30 EST + 1 h -> 09:30 EST
            (B, "2026-10-30T16:00:00-04:00", "2h", &[], Some("2026-11-02T09:30:00-05:00")),
            // Business Fri 12:00 EDT: 5 h Fri, Mon 08:30 EST + 3.5 h -> 12:00 EST
            (B, "2026-10-30T12:00:00-04:00", "1d", &[], Some("2026-11-02T12:00:00-05:00")),
        ];
        assert!(rows.len() >= 30);
        check(&toronto(), rows);
    }

    #[test]
    fn due_times_on_dst_days() {
        // Every day is a workday, 08:30–17:00, so the DST Sundays are working days
        // that still run from local 08:30 to local 17:00.
        #[rustfmt::skip]
        let rows: &[Row] = &[
            // Sat 03-07 16:00 EST: 1 h Sat, Sun 03-08 08:30 EDT + 1 h -> 09:30 EDT
            (B, "2026-03-07T16:00:00-05:00", "2h", &[], Some("2026-03-08T09:30:00-04:00")),
            // Sun 03-08 (spring day) 08:30 EDT + 8.5 h -> 17:00 EDT
            (B, "2026-03-08T08:30:00-04:00", "1d", &[], Some("2026-03-08T17:00:00-04:00")),
            // Sun 11-01 (autumn day) 08:30 EST + 8.5 h -> 17:00 EST
            (B, "2026-11-01T08:30:00-05:00", "1d", &[], Some("2026-11-01T17:00:00-05:00")),
            // Sat 10-31 12:00 EDT: 5 h Sat, Sun 08:30 EST + 3.5 h -> 12:00 EST
            (B, "2026-10-31T12:00:00-04:00", "1d", &[], Some("2026-11-01T12:00:00-05:00")),
            // 1w = 7 × 8.5 h = 59.5 h: Mon 02-09 08:30 + 7 full days -> Sun 02-15 17:00
            (B, "2026-02-09T08:30:00-05:00", "1w", &[], Some("2026-02-15T17:00:00-05:00")),
            // Holidays still apply: Thu 12-24 16:00: 1 h Thu, Fri holiday, Sat 12-26 08:30 + 1 h -> 09:30
            (B, "2026-12-24T16:00:00-05:00", "2h", &[], Some("2026-12-26T09:30:00-05:00")),
        ];
        check(&toronto_every_day(), rows);
    }

    #[test]
    fn due_times_with_nonexistent_and_ambiguous_hours() {
        // 01:00–03:00 every day. Spring day: 01:00 EST (06:00 UTC) to 03:00 EDT (07:00 UTC)
        // is only 1 real hour. Autumn day: 01:00 is ambiguous -> earliest, 01:00 EDT
        // (05:00 UTC), to 03:00 EST (08:00 UTC): 3 real hours.
        #[rustfmt::skip]
        let rows: &[Row] = &[
            // Sat 12:00: Sun window 1 h, Mon 03-09 01:00 EDT + 1 h -> 02:00 EDT
            (B, "2026-03-07T12:00:00-05:00", "2h", &[], Some("2026-03-09T02:00:00-04:00")),
            // Sat 12:00: Sun window 05:00–08:00 UTC, 3 h exactly at close -> 03:00 EST
            (B, "2026-10-31T12:00:00-04:00", "3h", &[], Some("2026-11-01T03:00:00-05:00")),
            // 05:00 UTC + 2 h = 07:00 UTC = 02:00 EST
            (B, "2026-10-31T12:00:00-04:00", "2h", &[], Some("2026-11-01T02:00:00-05:00")),
            // 05:00 UTC + 90 min = 06:30 UTC = the second 01:30 (EST)
            (B, "2026-10-31T12:00:00-04:00", "90m", &[], Some("2026-11-01T01:30:00-05:00")),
            // 1d = 2 h nominal: Sat 12:00 EDT -> same as 2h
            (B, "2026-10-31T12:00:00-04:00", "1d", &[], Some("2026-11-01T02:00:00-05:00")),
        ];
        check(&toronto_night(hm(1, 0), hm(3, 0)), rows);

        // 02:30–04:00 every day. On the spring day 02:30 does not exist: the day opens
        // at the end of the gap, 03:00 EDT (07:00 UTC), and closes at 04:00 EDT.
        #[rustfmt::skip]
        let rows: &[Row] = &[
            // Sun window 03:00–04:00 EDT: + 30 min -> 03:30 EDT
            (B, "2026-03-07T12:00:00-05:00", "30m", &[], Some("2026-03-08T03:30:00-04:00")),
            // Sun 1 h, Mon 03-09 02:30 EDT + 1 h -> 03:30 EDT
            (B, "2026-03-07T12:00:00-05:00", "2h", &[], Some("2026-03-09T03:30:00-04:00")),
            // 24/7 is not affected by working hours
            (A, "2026-03-08T01:30:00-05:00", "1h", &[], Some("2026-03-08T03:30:00-04:00")),
        ];
        check(&toronto_night(hm(2, 30), hm(4, 0)), rows);

        // Both ends inside the gap: the spring day has no working time at all.
        // 02:10–02:50: Sat 03-07 12:00 -> Sun empty, Mon 03-09 02:10 EDT + 30 min -> 02:40 EDT
        check(
            &toronto_night(hm(2, 10), hm(2, 50)),
            &[(
                B,
                "2026-03-07T12:00:00-05:00",
                "30m",
                &[],
                Some("2026-03-09T02:40:00-04:00"),
            )],
        );
    }

    #[test]
    fn local_to_utc_mappings() {
        let tz = chrono_tz::America::Toronto;
        let at = |d: &str, h: u32, m: u32| local_to_utc(tz, date(d).and_time(hm(h, m)));
        // Ordinary times.
        assert_eq!(
            at("2026-02-09", 8, 30),
            Some(t("2026-02-09T08:30:00-05:00"))
        );
        assert_eq!(
            at("2026-06-09", 8, 30),
            Some(t("2026-06-09T08:30:00-04:00"))
        );
        // In the spring gap (02:00–03:00 does not exist): end of the gap.
        assert_eq!(at("2026-03-08", 2, 0), Some(t("2026-03-08T03:00:00-04:00")));
        assert_eq!(
            at("2026-03-08", 2, 30),
            Some(t("2026-03-08T03:00:00-04:00"))
        );
        assert_eq!(at("2026-03-08", 3, 0), Some(t("2026-03-08T03:00:00-04:00")));
        // Ambiguous autumn time: the earliest (EDT) instant.
        assert_eq!(
            at("2026-11-01", 1, 30),
            Some(t("2026-11-01T01:30:00-04:00"))
        );
        assert_eq!(at("2026-11-01", 2, 0), Some(t("2026-11-01T02:00:00-05:00")));
    }

    #[test]
    fn end_of_day_is_the_close_or_the_next_midnight() {
        let cal = toronto_every_day();
        let b = |s| cal.end_of_day(Mode::Business, t(s));
        assert_eq!(
            b("2026-11-16T10:00:00-05:00"),
            t("2026-11-16T17:00:00-05:00")
        );
        assert_eq!(
            b("2026-11-16T07:00:00-05:00"),
            t("2026-11-16T17:00:00-05:00")
        );
        // After the close, the count starts at the next opening anyway.
        assert_eq!(
            b("2026-11-16T18:00:00-05:00"),
            t("2026-11-16T18:00:00-05:00")
        );
        let a = |s| cal.end_of_day(Mode::Always, t(s));
        assert_eq!(
            a("2026-11-16T10:00:00-05:00"),
            t("2026-11-17T00:00:00-05:00")
        );
        assert_eq!(
            a("2026-03-08T01:00:00-05:00"),
            t("2026-03-09T00:00:00-04:00")
        );
    }

    #[test]
    fn working_interval_on_dst_days() {
        let cal = toronto_every_day();
        let (o, c) = cal.working_interval(date("2026-03-08")).unwrap();
        assert_eq!(
            (o, c),
            (
                t("2026-03-08T08:30:00-04:00"),
                t("2026-03-08T17:00:00-04:00")
            )
        );
        let (o, c) = cal.working_interval(date("2026-11-01")).unwrap();
        assert_eq!(
            (o, c),
            (
                t("2026-11-01T08:30:00-05:00"),
                t("2026-11-01T17:00:00-05:00")
            )
        );
        assert_eq!(toronto().working_interval(date("2026-03-08")), None); // Sunday
        assert_eq!(cal.working_interval(date("2026-12-25")), None); // holiday
    }

    #[test]
    #[allow(clippy::too_many_lines)] // one table of hand-computed figures
    fn elapsed_counts() {
        let cal = toronto();
        let h = 3600;
        let none: &[Pause] = &[];
        let e = |mode, a: &str, b: &str, p: &[Pause]| cal.elapsed(mode, t(a), t(b), p);
        // Mon 16:00 → Wed 16:00: 1 + 8.5 + 7.5 = 17 h
        assert_eq!(
            e(
                B,
                "2026-02-09T16:00:00-05:00",
                "2026-02-11T16:00:00-05:00",
                none
            ),
            17 * h
        );
        // 24/7: the same span is 48 h
        assert_eq!(
            e(
                A,
                "2026-02-09T16:00:00-05:00",
                "2026-02-11T16:00:00-05:00",
                none
            ),
            48 * h
        );
        // Fri 12:00 → Mon 12:00: 5 h Fri + 3.5 h Mon = 8.5 h
        assert_eq!(
            e(
                B,
                "2026-02-13T12:00:00-05:00",
                "2026-02-16T12:00:00-05:00",
                none
            ),
            30_600
        );
        // to <= from → 0
        assert_eq!(
            e(
                B,
                "2026-02-11T12:00:00-05:00",
                "2026-02-10T12:00:00-05:00",
                none
            ),
            0
        );
        assert_eq!(
            e(
                A,
                "2026-02-11T12:00:00-05:00",
                "2026-02-11T12:00:00-05:00",
                none
            ),
            0
        );
        // Evening to next morning before opening: nothing
        assert_eq!(
            e(
                B,
                "2026-02-09T18:00:00-05:00",
                "2026-02-10T08:00:00-05:00",
                none
            ),
            0
        );
        // Whole weekend: nothing in business mode, 48 h in 24/7
        assert_eq!(
            e(
                B,
                "2026-02-14T00:00:00-05:00",
                "2026-02-16T00:00:00-05:00",
                none
            ),
            0
        );
        assert_eq!(
            e(
                A,
                "2026-02-14T00:00:00-05:00",
                "2026-02-16T00:00:00-05:00",
                none
            ),
            48 * h
        );
        // Christmas week Mon 12-21 08:30 → Mon 12-28 08:30: Mon–Thu 4 × 8.5 h, Fri holiday
        assert_eq!(
            e(
                B,
                "2026-12-21T08:30:00-05:00",
                "2026-12-28T08:30:00-05:00",
                none
            ),
            34 * h
        );
        // DST: Sat 12:00 EST → Sun 12:00 EDT is 23 real hours; autumn is 25
        assert_eq!(
            e(
                A,
                "2026-03-07T12:00:00-05:00",
                "2026-03-08T12:00:00-04:00",
                none
            ),
            23 * h
        );
        assert_eq!(
            e(
                A,
                "2026-10-31T12:00:00-04:00",
                "2026-11-01T12:00:00-05:00",
                none
            ),
            25 * h
        );
        // Business across spring DST: Fri 03-06 08:30 EST → Mon 03-09 17:00 EDT = 2 days = 17 h
        assert_eq!(
            e(
                B,
                "2026-03-06T08:30:00-05:00",
                "2026-03-09T17:00:00-04:00",
                none
            ),
            17 * h
        );
        // Within one day with a lunch pause 12:00–13:00: 8.5 − 1 = 7.5 h
        let lunch = [Pause {
            start: t("2026-02-09T12:00:00-05:00"),
            end: Some(t("2026-02-09T13:00:00-05:00")),
        }];
        assert_eq!(
            e(
                B,
                "2026-02-09T08:30:00-05:00",
                "2026-02-09T17:00:00-05:00",
                &lunch
            ),
            27_000
        );
        // Open pause from 10:00: Mon 09:00 → 12:00 counts 1 h in both modes
        let open = [Pause {
            start: t("2026-02-09T10:00:00-05:00"),
            end: None,
        }];
        assert_eq!(
            e(
                A,
                "2026-02-09T09:00:00-05:00",
                "2026-02-09T12:00:00-05:00",
                &open
            ),
            h
        );
        assert_eq!(
            e(
                B,
                "2026-02-09T09:00:00-05:00",
                "2026-02-20T12:00:00-05:00",
                &open
            ),
            h
        );
        // Overlapping pauses, one starting before `from`: 08:00–10:00 and 09:30–11:00 → count 11:00–12:00
        let overlapping = [
            Pause {
                start: t("2026-02-09T09:30:00-05:00"),
                end: Some(t("2026-02-09T11:00:00-05:00")),
            },
            Pause {
                start: t("2026-02-09T08:00:00-05:00"),
                end: Some(t("2026-02-09T10:00:00-05:00")),
            },
        ];
        assert_eq!(
            e(
                A,
                "2026-02-09T09:00:00-05:00",
                "2026-02-09T12:00:00-05:00",
                &overlapping
            ),
            h
        );
        assert_eq!(
            e(
                B,
                "2026-02-09T09:00:00-05:00",
                "2026-02-09T12:00:00-05:00",
                &overlapping
            ),
            h
        );
        // A pause whose end is before its start pauses nothing
        let inverted = [Pause {
            start: t("2026-02-09T11:00:00-05:00"),
            end: Some(t("2026-02-09T10:00:00-05:00")),
        }];
        assert_eq!(
            e(
                A,
                "2026-02-09T09:00:00-05:00",
                "2026-02-09T12:00:00-05:00",
                &inverted
            ),
            3 * h
        );
        // Holidays do not matter in 24/7 mode
        assert_eq!(
            e(
                A,
                "2026-12-25T00:00:00-05:00",
                "2026-12-26T00:00:00-05:00",
                none
            ),
            24 * h
        );
        assert_eq!(
            e(
                B,
                "2026-12-25T00:00:00-05:00",
                "2026-12-26T00:00:00-05:00",
                none
            ),
            0
        );
        // Fractions of a second are truncated
        assert_eq!(
            e(
                A,
                "2026-02-09T09:00:00-05:00",
                "2026-02-09T09:00:01.900-05:00",
                none
            ),
            1
        );
    }

    #[test]
    fn target_seconds_per_mode() {
        let cal = toronto();
        let s = |mode, x: &str| cal.target_seconds(mode, Target::parse(x).unwrap());
        assert_eq!(s(B, "30m"), 1800);
        assert_eq!(s(A, "30m"), 1800);
        assert_eq!(s(B, "2h"), 7200);
        assert_eq!(s(A, "1d"), 86_400);
        assert_eq!(s(B, "1d"), 30_600); // 8.5 h
        assert_eq!(s(A, "2w"), 2 * 7 * 86_400);
        assert_eq!(s(B, "1w"), 5 * 30_600); // 42.5 h
        assert_eq!(
            toronto_every_day().target_seconds(B, Target::parse("1w").unwrap()),
            7 * 30_600
        );
        // No overflow on the largest amount
        let big = Target {
            amount: u32::MAX,
            unit: Unit::Weeks,
        };
        assert_eq!(cal.target_seconds(A, big), i64::from(u32::MAX) * 604_800);
    }

    #[test]
    fn kept_intervals_are_the_worked_out_ones() {
        let cal = toronto();
        let mut d = date("2025-12-20");
        while d < date("2027-03-20") {
            assert_eq!(cal.working_interval(d), cal.work_out_interval(d), "{d}");
            d = d.succ_opt().unwrap();
        }
        for far in ["1960-03-01", "2300-03-01", "2026-12-25", "2024-02-29"] {
            let d = date(far);
            assert_eq!(cal.working_interval(d), cal.work_out_interval(d), "{far}");
        }
        assert!(cal.working_interval(date("2300-03-01")).is_some());
        assert!(cal.working_interval(date("2026-12-25")).is_none());
    }

    #[test]
    fn no_workdays_terminates() {
        let cal = Calendar {
            workdays: [false; 7],
            ..toronto()
        };
        let start = t("2026-02-09T09:00:00-05:00");
        assert_eq!(cal.due(B, start, Target::parse("1d").unwrap(), &[]), None);
        assert_eq!(cal.due(B, start, Target::parse("1h").unwrap(), &[]), None);
        // 1w is worth 0 s with no workdays: never due rather than due at once
        assert_eq!(cal.due(B, start, Target::parse("1w").unwrap(), &[]), None);
        // 24/7 mode does not care about workdays
        let due = cal.due(A, start, Target::parse("1w").unwrap(), &[]);
        assert_eq!(due, Some(t("2026-02-16T09:00:00-05:00")));
        // Closing before opening: business days are empty
        let inverted = Calendar {
            open: hm(17, 0),
            close: hm(8, 30),
            ..toronto()
        };
        assert_eq!(
            inverted.due(B, start, Target::parse("1h").unwrap(), &[]),
            None
        );
    }

    #[test]
    fn huge_targets_do_not_hang_or_panic() {
        let cal = toronto();
        let start = t("2026-02-09T09:00:00-05:00");
        let big = Target {
            amount: u32::MAX,
            unit: Unit::Weeks,
        };
        // 24/7: about 82 million years: beyond chrono's range -> None
        assert_eq!(cal.due(A, start, big, &[]), None);
        // Business: beyond the 200-year horizon -> None
        assert_eq!(cal.due(B, start, big, &[]), None);
        assert_eq!(cal.due_seconds(A, start, i64::MAX, &[]), None);
        // 52 weeks in business mode is found: 52 × 42.5 h = 260 working days
        let due = cal
            .due(B, start, Target::parse("52w").unwrap(), &[])
            .unwrap();
        assert_eq!(cal.elapsed(B, start, due, &[]), 52 * 5 * 30_600);
        // Without holidays: Mon 2027-02-08 09:00; holidays 2026-12-25 and 2027-01-01 (both
        // Fridays) fall inside: 2 more working days -> Wed 2027-02-10 09:00
        assert_eq!(due, t("2027-02-10T09:00:00-05:00"));
    }

    #[test]
    fn due_seconds_zero_is_start() {
        let cal = toronto();
        let sat = t("2026-02-14T10:00:00-05:00");
        assert_eq!(cal.due_seconds(B, sat, 0, &[]), Some(sat));
        assert_eq!(cal.due_seconds(A, sat, -5, &[]), Some(sat));
        assert_eq!(
            cal.due_seconds(B, sat, 60, &[]),
            Some(t("2026-02-16T08:31:00-05:00"))
        );
    }

    /// due() is the earliest instant where elapsed() reaches the target, for
    /// many starts (every 37 minutes over five weeks spanning both DST
    /// changes and Christmas) and targets, with and without pauses.
    #[test]
    fn due_agrees_with_elapsed() {
        let cals = [
            toronto(),
            toronto_every_day(),
            toronto_night(hm(2, 30), hm(4, 0)),
        ];
        let targets = ["1m", "30m", "2h", "9h", "1d", "3d", "1w"];
        let windows = [
            ("2026-03-02T00:00:00-05:00", "2026-03-16T00:00:00-04:00"),
            ("2026-10-26T00:00:00-04:00", "2026-11-09T00:00:00-05:00"),
            ("2026-12-21T00:00:00-05:00", "2027-01-04T00:00:00-05:00"),
        ];
        for cal in &cals {
            for &(from, to) in &windows {
                let (from, to) = (t(from), t(to));
                let pauses = [
                    Pause {
                        start: from + TimeDelta::hours(40),
                        end: Some(from + TimeDelta::hours(70)),
                    },
                    Pause {
                        start: from + TimeDelta::hours(100),
                        end: Some(from + TimeDelta::minutes(100 * 60 + 45)),
                    },
                ];
                let mut start = from;
                while start < to {
                    for mode in [B, A] {
                        for target in targets {
                            let target = Target::parse(target).unwrap();
                            let secs = cal.target_seconds(mode, target);
                            for p in [&pauses[..0], &pauses[..]] {
                                let due = cal.due(mode, start, target, p).unwrap();
                                assert!(due >= start);
                                assert_eq!(
                                    cal.elapsed(mode, start, due, p),
                                    secs,
                                    "{start} {target}"
                                );
                                let before = due - TimeDelta::seconds(1);
                                assert!(
                                    cal.elapsed(mode, start, before, p) < secs,
                                    "{start} {target}"
                                );
                            }
                        }
                    }
                    start += TimeDelta::minutes(37);
                }
            }
        }
    }

    #[test]
    fn target_parse_accepts() {
        let ok = |s: &str, amount, unit| assert_eq!(Target::parse(s), Ok(Target { amount, unit }));
        ok("30m", 30, Unit::Minutes);
        ok("2h", 2, Unit::Hours);
        ok("1d", 1, Unit::Days);
        ok("2w", 2, Unit::Weeks);
        ok("10d", 10, Unit::Days);
        ok("4294967295m", u32::MAX, Unit::Minutes);
        for s in ["30m", "2h", "1d", "2w", "10d"] {
            assert_eq!(Target::parse(s).unwrap().to_string(), s);
            assert_eq!(s.parse::<Target>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn target_parse_rejects() {
        for s in [
            "",
            "0h",
            "0m",
            "00d",
            "1.5d",
            "-2h",
            "+2h",
            "2 days",
            "2days",
            "2",
            "h",
            "2x",
            " 2h",
            "2h ",
            "2H",
            "2 h",
            "1e3m",
            "4294967296m",
            "2hh",
            "½h",
            "٣h",
        ] {
            let err = Target::parse(s).expect_err(s);
            assert!(!err.is_empty());
        }
        let err = Target::parse("0h").unwrap_err();
        assert!(err.contains("positive"), "{err}");
        let err = Target::parse("1.5d").unwrap_err();
        assert!(err.contains("whole number"), "{err}");
        let err = Target::parse("2 days").unwrap_err();
        assert!(err.contains("\"2 days\""), "{err}");
        assert!(err.contains("m, h, d or w"), "{err}");
        let err = Target::parse("99999999999h").unwrap_err();
        assert!(err.contains("too large"), "{err}");
    }

    #[test]
    fn mode_names() {
        assert_eq!(Mode::parse("business"), Some(Mode::Business));
        assert_eq!(Mode::parse("24/7"), Some(Mode::Always));
        assert_eq!(Mode::parse("always"), None);
        assert_eq!(Mode::parse("Business"), None);
        assert_eq!(Mode::Business.as_str(), "business");
        assert_eq!(Mode::Always.as_str(), "24/7");
        assert_eq!(Mode::Always.to_string(), "24/7");
        for m in [Mode::Business, Mode::Always] {
            assert_eq!(Mode::parse(m.as_str()), Some(m));
        }
    }
}
