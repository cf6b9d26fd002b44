//! Regulator returns (`report --return fca|amf`): the counts a complaints
//! return asks for, over a window of receipt and resolution dates.
//!
//! - **Opened**: cases received in `[since, until)` (and by `as_of`): the
//!   same cases, and so the same counts per category, as `report` for that
//!   window.
//! - **Closed**: cases with a `resolved` event in the window (seen as of
//!   `as_of`), counted once, by their last resolution in the window.
//! - **Outcome** of that resolution: `founded` → upheld, `partly-founded` →
//!   partly upheld, `unfounded` and `bad-faith` → rejected.
//! - **Timing** (FCA): resolved by the end of the third business day after
//!   the day of receipt (business days of the ledger's calendar: its workdays
//!   less its holidays), else within 8 weeks (by the end of the 56th
//!   calendar day after the day of receipt), else later.
//! - **Open at the end**: cases received before `until` still open at
//!   `until` (or `as_of` when earlier).

use super::*;

/// Which regulator's return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Regime {
    /// UK Financial Conduct Authority (DISP 1.10 complaints return).
    Fca,
    /// Québec Autorité des marchés financiers (complaints handling report).
    Amf,
}

impl Regime {
    pub fn as_str(self) -> &'static str {
        match self {
            Regime::Fca => "fca",
            Regime::Amf => "amf",
        }
    }
}

/// How a resolution reads in a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReturnOutcome {
    Upheld,
    Partly,
    Rejected,
}

impl ReturnOutcome {
    pub fn of(o: Outcome) -> ReturnOutcome {
        match o {
            Outcome::Founded => ReturnOutcome::Upheld,
            Outcome::PartlyFounded => ReturnOutcome::Partly,
            Outcome::Unfounded | Outcome::BadFaith => ReturnOutcome::Rejected,
        }
    }
}

/// When a closed case was resolved, against the FCA's time limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Timing {
    WithinThreeBusinessDays,
    WithinEightWeeks,
    Later,
}

/// One line of a return: a category, or the total.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReturnRow {
    pub key: String,
    pub opened: usize,
    pub closed: usize,
    pub upheld: usize,
    pub partly: usize,
    pub rejected: usize,
    pub within_3_business_days: usize,
    pub within_8_weeks: usize,
    pub later: usize,
    pub open_at_end: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Return {
    pub regime: Regime,
    /// The period as named (`2026-Q3`), when one was.
    pub period: Option<String>,
    #[serde(serialize_with = "ser::time")]
    pub since: DateTime<FixedOffset>,
    #[serde(serialize_with = "ser::time")]
    pub until: DateTime<FixedOffset>,
    #[serde(serialize_with = "ser::time")]
    pub as_of: DateTime<FixedOffset>,
    #[serde(serialize_with = "ser::tz")]
    pub timezone: Tz,
    /// The business days of the ledger's calendar (`mon`, …).
    pub workdays: Vec<&'static str>,
    /// The holidays of the ledger's calendar that fall in the window.
    pub holidays: Vec<String>,
    pub total: ReturnRow,
    /// By category (the FCA's product or service, the AMF's nature), by name.
    pub categories: Vec<ReturnRow>,
    /// By kind (complaint, claim).
    pub kinds: Vec<ReturnRow>,
}

/// What one case adds to a return.
#[derive(Debug, Clone, Copy, Default)]
struct Counted {
    opened: bool,
    closed: Option<(ReturnOutcome, Timing)>,
    open_at_end: bool,
}

/// The return over `[since, until)` as of `as_of`, of cases held whole.
pub fn build_return(
    all: &[LoadedCase],
    p: &Policies,
    regime: Regime,
    period: Option<String>,
    window: (DateTime<Utc>, DateTime<Utc>),
    as_of: DateTime<Utc>,
) -> Return {
    let mut sum = ReturnSum::new();
    for f in all
        .iter()
        .filter_map(|lc| return_facts(lc, p, window, as_of))
    {
        sum.add(f);
    }
    sum.finish(p, regime, period, window, as_of)
}

/// What one case adds to a return: its category, its kind and its counts.
#[derive(Debug)]
pub struct ReturnFacts {
    category: String,
    kind: String,
    counted: Counted,
}

/// What `lc` adds to the return over `window` as of `as_of` (on any
/// thread, as the ledger is read); `None` when it was received after.
pub fn return_facts(
    lc: &LoadedCase,
    p: &Policies,
    (since, until): (DateTime<Utc>, DateTime<Utc>),
    as_of: DateTime<Utc>,
) -> Option<ReturnFacts> {
    (lc.case.received.utc() <= as_of).then(|| ReturnFacts {
        category: lc.case.category.clone(),
        kind: lc.case.kind.to_string(),
        counted: count(lc, p, since, until, as_of),
    })
}

/// A return added up one case at a time, so that a ledger of any size is
/// never held whole; the result does not depend on the order of the cases.
#[derive(Debug)]
pub struct ReturnSum {
    total: ReturnRow,
    categories: BTreeMap<String, ReturnRow>,
    kinds: BTreeMap<String, ReturnRow>,
}

impl Default for ReturnSum {
    fn default() -> Self {
        Self::new()
    }
}

impl ReturnSum {
    pub fn new() -> ReturnSum {
        ReturnSum {
            total: ReturnRow {
                key: "total".into(),
                ..ReturnRow::default()
            },
            categories: BTreeMap::new(),
            kinds: BTreeMap::new(),
        }
    }

    pub fn add(&mut self, f: ReturnFacts) {
        let c = f.counted;
        for (rows, key) in [
            (&mut self.categories, f.category),
            (&mut self.kinds, f.kind),
        ] {
            let row = rows.entry(key).or_insert_with_key(|key| ReturnRow {
                key: key.clone(),
                ..ReturnRow::default()
            });
            add(row, c);
        }
        add(&mut self.total, c);
    }

    /// The return over `window` as of `as_of`.
    pub fn finish(
        self,
        p: &Policies,
        regime: Regime,
        period: Option<String>,
        (since, until): (DateTime<Utc>, DateTime<Utc>),
        as_of: DateTime<Utc>,
    ) -> Return {
        let tz = p.tz();
        let keep = |r: &ReturnRow| r.opened + r.closed + r.open_at_end > 0;
        Return {
            regime,
            period,
            since: local(since, tz),
            until: local(until, tz),
            as_of: local(as_of, tz),
            timezone: tz,
            workdays: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                .into_iter()
                .zip(p.calendar.workdays)
                .filter_map(|(d, on)| on.then_some(d))
                .collect(),
            holidays: holidays_in(p, since, until),
            total: self.total,
            categories: self.categories.into_values().filter(keep).collect(),
            kinds: self.kinds.into_values().filter(keep).collect(),
        }
    }
}

fn add(row: &mut ReturnRow, c: Counted) {
    row.opened += usize::from(c.opened);
    row.open_at_end += usize::from(c.open_at_end);
    if let Some((outcome, timing)) = c.closed {
        row.closed += 1;
        match outcome {
            ReturnOutcome::Upheld => row.upheld += 1,
            ReturnOutcome::Partly => row.partly += 1,
            ReturnOutcome::Rejected => row.rejected += 1,
        }
        match timing {
            Timing::WithinThreeBusinessDays => row.within_3_business_days += 1,
            Timing::WithinEightWeeks => row.within_8_weeks += 1,
            Timing::Later => row.later += 1,
        }
    }
}

fn count(
    lc: &LoadedCase,
    p: &Policies,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
    as_of: DateTime<Utc>,
) -> Counted {
    let received = lc.case.received.utc();
    let history = clock::history_at(&lc.case, as_of);
    let last_in_window = history
        .iter()
        .filter(|e| e.event == EventKind::Resolved)
        .filter(|e| {
            let at = e.at.utc();
            at >= since && at < until
        })
        .filter_map(|e| e.outcome.map(|o| (o, e.at.utc())))
        .next_back();
    let end = until.min(as_of);
    let at_end = clock::history_at(&lc.case, end);
    Counted {
        opened: received >= since && received < until,
        closed: last_in_window.map(|(o, at)| (ReturnOutcome::of(o), timing(received, at, p))),
        open_at_end: received < end && crate::case::history::status_of(at_end).is_open(),
    }
}

/// When a case received at `received` and resolved at `resolved` stands
/// against the FCA's limits, in the ledger's calendar.
pub fn timing(received: DateTime<Utc>, resolved: DateTime<Utc>, p: &Policies) -> Timing {
    let tz = p.tz();
    let day_received = received.with_timezone(&tz).date_naive();
    let day_resolved = resolved.with_timezone(&tz).date_naive();
    if third_business_day(day_received, &p.calendar).is_some_and(|d| day_resolved <= d) {
        Timing::WithinThreeBusinessDays
    } else if day_received
        .checked_add_days(chrono::Days::new(56))
        .is_some_and(|d| day_resolved <= d)
    {
        Timing::WithinEightWeeks
    } else {
        Timing::Later
    }
}

/// The third business day after `day` (the day of receipt does not count),
/// or `None` when the calendar has no business day within ten years.
pub fn third_business_day(
    day: NaiveDate,
    cal: &crate::policy::calendar::Calendar,
) -> Option<NaiveDate> {
    let mut d = day;
    let mut counted = 0;
    for _ in 0..3660 {
        d = d.succ_opt()?;
        if cal.is_working_day(d) {
            counted += 1;
            if counted == 3 {
                return Some(d);
            }
        }
    }
    None
}

/// The calendar's holidays in `[since, until)`, as dates.
fn holidays_in(p: &Policies, since: DateTime<Utc>, until: DateTime<Utc>) -> Vec<String> {
    let tz = p.tz();
    let (a, b) = (
        since.with_timezone(&tz).date_naive(),
        until.with_timezone(&tz).date_naive(),
    );
    let mut days: Vec<NaiveDate> = p
        .calendar
        .holidays
        .iter()
        .copied()
        .filter(|d| *d >= a && *d < b)
        .collect();
    days.sort();
    days.iter().map(NaiveDate::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policies() -> Policies {
        crate::policy::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/returns"
        )))
        .unwrap()
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn third_business_day_skips_weekends_and_holidays() {
        let p = policies();
        // Thursday → Tuesday (Fri, Mon, Tue).
        assert_eq!(third_business_day(d(7, 16), &p.calendar), Some(d(7, 21)));
        // Friday before Labour Day (Mon 09-07) → Thursday.
        assert_eq!(third_business_day(d(9, 4), &p.calendar), Some(d(9, 10)));
        // Received on a Saturday: Mon, Tue, Wed.
        assert_eq!(third_business_day(d(7, 18), &p.calendar), Some(d(7, 22)));
    }

    #[test]
    fn timing_edges() {
        let p = policies();
        let t = |r: &str, s: &str| timing(at(r), at(s), &p);
        // Late on the third business day is still within.
        assert_eq!(
            t("2026-07-16T10:00:00-04:00", "2026-07-21T23:59:00-04:00"),
            Timing::WithinThreeBusinessDays
        );
        assert_eq!(
            t("2026-07-16T10:00:00-04:00", "2026-07-22T00:00:00-04:00"),
            Timing::WithinEightWeeks
        );
        // 56 days after receipt is within 8 weeks; 57 is later.
        assert_eq!(
            t("2026-08-04T09:00:00-04:00", "2026-09-29T23:00:00-04:00"),
            Timing::WithinEightWeeks
        );
        assert_eq!(
            t("2026-08-03T09:00:00-04:00", "2026-09-29T10:00:00-04:00"),
            Timing::Later
        );
    }

    #[test]
    fn a_return_does_not_depend_on_the_order_cases_come_in() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let p = crate::policy::load(root).unwrap();
        let ledger = crate::ledger::Ledger {
            root: root.to_path_buf(),
        };
        let cases = ledger.scan(&p).cases;
        let window = (
            at("2026-01-01T00:00:00-05:00"),
            at("2026-10-01T00:00:00-04:00"),
        );
        let as_of = at("2026-11-22T12:00:00-05:00");
        let json = |r: &Return| serde_json::to_string(r).unwrap();
        let whole = build_return(&cases, &p, Regime::Fca, None, window, as_of);
        assert!(
            whole.total.opened > 20 && whole.total.closed > 20,
            "{whole:?}"
        );
        let (odd, even): (Vec<_>, Vec<_>) = cases.iter().enumerate().partition(|(i, _)| i % 2 == 1);
        let shuffled: Vec<&LoadedCase> = odd.into_iter().chain(even).map(|(_, c)| c).collect();
        for order in [cases.iter().rev().collect::<Vec<_>>(), shuffled] {
            let mut sum = ReturnSum::new();
            for f in order
                .iter()
                .filter_map(|lc| return_facts(lc, &p, window, as_of))
            {
                sum.add(f);
            }
            let r = sum.finish(&p, Regime::Fca, None, window, as_of);
            assert_eq!(json(&r), json(&whole));
        }
    }

    #[test]
    fn outcomes_map_to_the_return_words() {
        assert_eq!(ReturnOutcome::of(Outcome::Founded), ReturnOutcome::Upheld);
        assert_eq!(
            ReturnOutcome::of(Outcome::PartlyFounded),
            ReturnOutcome::Partly
        );
        assert_eq!(
            ReturnOutcome::of(Outcome::Unfounded),
            ReturnOutcome::Rejected
        );
        assert_eq!(
            ReturnOutcome::of(Outcome::BadFaith),
            ReturnOutcome::Rejected
        );
    }
}
