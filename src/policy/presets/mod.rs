//! Policy presets for known complaint-handling regimes (`redress init
//! --preset NAME`): the deadlines file of each, citing its source, and
//! the holidays its business days need.
//!
//! Each preset is a starting point that its own comments tell the user to
//! verify against the current text of the rules; redress cannot follow a
//! regulator's amendments.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The presets `init` knows, the default first.
pub const NAMES: &[&str] = &["iso10002", "amf-quebec", "fca-disp", "cfpb"];

/// Which public holidays a preset's business calendar lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holidays {
    Quebec,
    EnglandWales,
    None,
}

/// A preset's deadlines.toml (with `@HOLIDAYS@` to fill in), its holidays
/// and its currency. `iso10002` is `init`'s own default template.
#[derive(Debug, Clone, Copy)]
pub struct Preset {
    pub name: &'static str,
    pub deadlines: &'static str,
    pub holidays: Holidays,
    pub currency: &'static str,
}

pub fn get(name: &str) -> Option<Preset> {
    let (deadlines, holidays, currency) = match name {
        "iso10002" => (
            include_str!("../../templates/deadlines.toml"),
            Holidays::Quebec,
            "CAD",
        ),
        "amf-quebec" => (include_str!("amf-quebec.toml"), Holidays::Quebec, "CAD"),
        "fca-disp" => (include_str!("fca-disp.toml"), Holidays::EnglandWales, "GBP"),
        "cfpb" => (include_str!("cfpb.toml"), Holidays::None, "USD"),
        _ => return None,
    };
    let name = NAMES.iter().find(|n| **n == name)?;
    Some(Preset {
        name,
        deadlines,
        holidays,
        currency,
    })
}

/// Bank holidays in England and Wales for a year, in date order, each with
/// its name: New Year's Day, Good Friday, Easter Monday, the early May and
/// spring bank holidays, the summer bank holiday, Christmas and Boxing
/// Day, with the substitute days when one falls on a weekend. One-off
/// holidays proclaimed for a year (a coronation, a jubilee) and moved
/// dates (VE Day 2020) are not computed: add them by hand.
pub fn england_wales(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let easter = crate::policy::holidays::easter(year);
    let mut days = vec![
        (fixed(1, 1).map(next_weekday), "New Year's Day"),
        (easter.map(|d| d - Duration::days(2)), "Good Friday"),
        (easter.map(|d| d + Duration::days(1)), "Easter Monday"),
        (first_monday(year, 5), "Early May bank holiday"),
        (last_monday(year, 5), "Spring bank holiday"),
        (last_monday(year, 8), "Summer bank holiday"),
    ];
    days.extend(christmas(year));
    days.sort_by_key(|(d, _)| *d);
    days.into_iter()
        .filter_map(|(d, name)| d.map(|d| (d, name)))
        .collect()
}

/// Christmas and Boxing Day, each moved to the next free weekday when it
/// falls on a weekend (Christmas on a Saturday: Monday 27 and Tuesday 28).
fn christmas(year: i32) -> Vec<(Option<NaiveDate>, &'static str)> {
    let Some(xmas) = NaiveDate::from_ymd_opt(year, 12, 25) else {
        return Vec::new();
    };
    let first = next_weekday(xmas);
    let boxing = next_weekday(xmas + Duration::days(1));
    let boxing = if boxing == first {
        next_weekday(boxing + Duration::days(1))
    } else {
        boxing
    };
    vec![(Some(first), "Christmas Day"), (Some(boxing), "Boxing Day")]
}

fn next_weekday(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Sat => d + Duration::days(2),
        Weekday::Sun => d + Duration::days(1),
        _ => d,
    }
}

fn first_monday(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1)
}

fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
    (1..=5)
        .rev()
        .find_map(|n| NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(year: i32) -> Vec<String> {
        england_wales(year)
            .into_iter()
            .map(|(d, _)| d.to_string())
            .collect()
    }

    #[test]
    fn england_and_wales_2026_is_the_published_list() {
        assert_eq!(
            dates(2026),
            [
                "2026-01-01",
                "2026-04-03",
                "2026-04-06",
                "2026-05-04",
                "2026-05-25",
                "2026-08-31",
                "2026-12-25",
                "2026-12-28"
            ]
        );
    }

    #[test]
    fn substitute_days_follow_weekends() {
        // 2021: Christmas on a Saturday, Boxing Day on a Sunday.
        let d = dates(2021);
        assert!(d.contains(&"2021-12-27".to_string()) && d.contains(&"2021-12-28".to_string()));
        // 2022: Christmas on a Sunday; New Year's Day 2022 a Saturday.
        let d = dates(2022);
        assert!(d.contains(&"2022-12-26".to_string()) && d.contains(&"2022-12-27".to_string()));
        assert!(d.contains(&"2022-01-03".to_string()));
        // 2027: Christmas on a Saturday again.
        assert_eq!(&dates(2027)[6..], ["2027-12-27", "2027-12-28"]);
    }

    #[test]
    fn every_preset_exists() {
        for n in NAMES {
            assert_eq!(get(n).map(|p| p.name), Some(*n));
        }
        assert!(get("fca").is_none());
    }
}
