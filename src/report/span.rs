//! A named period for returns and reviews: `2026` (a year), `2026-H2` (a
//! half), `2026-Q3` (a quarter) or `2026-09` (a month), as whole local days
//! in the ledger's zone, with the period before it of the same length.

use super::*;

/// `[start, end)` in local dates, and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub label: String,
    pub start: NaiveDate,
    /// The first day after the period.
    pub end: NaiveDate,
    unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Year,
    Half,
    Quarter,
    Month,
}

impl Unit {
    fn months(self) -> u32 {
        match self {
            Unit::Year => 12,
            Unit::Half => 6,
            Unit::Quarter => 3,
            Unit::Month => 1,
        }
    }
}

const SPAN_HELP: &str =
    "write a year (2026), a half (2026-H2), a quarter (2026-Q3) or a month (2026-09)";

impl FromStr for Span {
    type Err = String;

    fn from_str(text: &str) -> Result<Span, String> {
        let t = text.trim();
        let bad = || format!("`{t}` is not a period: {SPAN_HELP}");
        let (year, rest) = t.split_once('-').map_or((t, None), |(y, r)| (y, Some(r)));
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let (unit, n) = match rest {
            None => (Unit::Year, 1),
            Some(r) => {
                let (unit, digits) = match r.chars().next() {
                    Some('Q' | 'q') => (Unit::Quarter, &r[1..]),
                    Some('H' | 'h') => (Unit::Half, &r[1..]),
                    _ => (Unit::Month, r),
                };
                let n: u32 = digits.parse().map_err(|_| bad())?;
                if n == 0 || n > 12 / unit.months() || (unit == Unit::Month && digits.len() != 2) {
                    return Err(bad());
                }
                (unit, n)
            }
        };
        Span::of(year, unit, n).ok_or_else(bad)
    }
}

impl Span {
    fn of(year: i32, unit: Unit, n: u32) -> Option<Span> {
        let first_month = (n - 1) * unit.months() + 1;
        let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
        let end = start.checked_add_months(chrono::Months::new(unit.months()))?;
        let label = match unit {
            Unit::Year => format!("{year:04}"),
            Unit::Half => format!("{year:04}-H{n}"),
            Unit::Quarter => format!("{year:04}-Q{n}"),
            Unit::Month => format!("{year:04}-{n:02}"),
        };
        Some(Span {
            label,
            start,
            end,
            unit,
        })
    }

    /// The period of the same kind just before this one (2026-Q1 → 2025-Q4).
    pub fn previous(&self) -> Option<Span> {
        let start = self
            .start
            .checked_sub_months(chrono::Months::new(self.unit.months()))?;
        let n = (start.month() - 1) / self.unit.months() + 1;
        Span::of(start.year(), self.unit, n)
    }

    /// The first instant of the period in `tz`.
    pub fn since(&self, tz: Tz) -> DateTime<Utc> {
        crate::case::time::midnight(self.start, tz).with_timezone(&Utc)
    }

    /// The first instant after the period in `tz`.
    pub fn until(&self, tz: Tz) -> DateTime<Utc> {
        crate::case::time::midnight(self.end, tz).with_timezone(&Utc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_form_reads_as_whole_days() {
        let s: Span = "2026-Q3".parse().unwrap();
        assert_eq!((s.start, s.end), (d(2026, 7, 1), d(2026, 10, 1)));
        assert_eq!(s.previous().unwrap().label, "2026-Q2");
        let s: Span = "2026".parse().unwrap();
        assert_eq!((s.start, s.end), (d(2026, 1, 1), d(2027, 1, 1)));
        assert_eq!(s.previous().unwrap().label, "2025");
        let s: Span = "2026-01".parse().unwrap();
        assert_eq!(s.previous().unwrap().label, "2025-12");
        let s: Span = "2026-h2".parse().unwrap();
        assert_eq!((s.label.as_str(), s.start), ("2026-H2", d(2026, 7, 1)));
        assert_eq!(
            "2026-Q1".parse::<Span>().unwrap().previous().unwrap().label,
            "2025-Q4"
        );
    }

    #[test]
    fn nonsense_is_refused_with_the_forms() {
        for bad in [
            "2026-Q5", "2026-13", "2026-9", "26", "2026-Q", "Q3", "", "2026-H3", "2026-00",
        ] {
            let e = bad.parse::<Span>().unwrap_err();
            assert!(e.contains("2026-Q3"), "{bad}: {e}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_or_is_refused_without_panic(text in "\\PC{0,12}") {
            let _ = text.parse::<Span>();
        }

        #[test]
        fn labels_read_back_and_periods_tile(year in 1900i32..2200, kind in 0usize..4, n in 1u32..13) {
            let text = match kind {
                0 => format!("{year}"),
                1 => format!("{year}-H{}", (n - 1) % 2 + 1),
                2 => format!("{year}-Q{}", (n - 1) % 4 + 1),
                _ => format!("{year}-{n:02}"),
            };
            let s: Span = text.parse().unwrap();
            proptest::prop_assert_eq!(&s.label, &text);
            proptest::prop_assert!(s.start < s.end);
            let p = s.previous().unwrap();
            proptest::prop_assert_eq!(p.end, s.start);
            proptest::prop_assert_eq!(p.label.parse::<Span>().unwrap(), p);
        }
    }
}
