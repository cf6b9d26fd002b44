//! Québec's statutory holidays (Act respecting labour standards, and the
//! National Holiday Act for June 24), computed for any year so that `init`
//! can write a calendar that is right for the year it runs in.
//!
//! Easter: the Act lets the employer give Good Friday *or* Easter Monday;
//! we write Good Friday (the federal choice too). The National Day for
//! Truth and Reconciliation (Sept 30) is federal, not a Québec statutory
//! holiday, so it is left out; add it by hand if your business observes it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The year's holidays in date order, each with its name.
pub fn quebec(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let mut days = vec![
        (fixed(1, 1), "New Year's Day"),
        (easter(year).map(|d| d - Duration::days(2)), "Good Friday"),
        (
            fixed(5, 25).and_then(|d| last_weekday_before(d, Weekday::Mon)),
            "Journée nationale des patriotes",
        ),
        (fixed(6, 24), "Fête nationale du Québec"),
        (fixed(7, 1), "Canada Day"),
        (nth_weekday(year, 9, Weekday::Mon, 1), "Labour Day"),
        (nth_weekday(year, 10, Weekday::Mon, 2), "Thanksgiving"),
        (fixed(12, 25), "Christmas Day"),
    ];
    days.sort_by_key(|(d, _)| *d);
    days.into_iter()
        .filter_map(|(d, name)| d.map(|d| (d, name)))
        .collect()
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of
/// Meeus/Jones/Butcher).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The last `weekday` strictly before `date`.
fn last_weekday_before(date: NaiveDate, weekday: Weekday) -> Option<NaiveDate> {
    (1..=7)
        .map(|n| date - Duration::days(n))
        .find(|d| d.weekday() == weekday)
}

/// The `n`th `weekday` of a month (n from 1).
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn easter_matches_known_dates() {
        for (year, day) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter(year), Some(date(day)), "{year}");
        }
    }

    #[test]
    fn quebec_2026_is_the_published_list() {
        let got: Vec<String> = quebec(2026).iter().map(|(d, _)| d.to_string()).collect();
        assert_eq!(
            got,
            [
                "2026-01-01",
                "2026-04-03",
                "2026-05-18",
                "2026-06-24",
                "2026-07-01",
                "2026-09-07",
                "2026-10-12",
                "2026-12-25"
            ]
        );
    }

    #[test]
    fn patriotes_day_is_the_monday_before_may_25_even_when_may_25_is_a_monday() {
        // 2020-05-25 was a Monday: the holiday was May 18.
        assert!(quebec(2020).contains(&(date("2020-05-18"), "Journée nationale des patriotes")));
        assert!(quebec(2027).contains(&(date("2027-05-24"), "Journée nationale des patriotes")));
    }
}
