//! Exact money. Amounts are read from the YAML text itself, never through a
//! binary float, so `90.10` stays 90.10.

use crate::i18n::Msg;
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(pub Decimal);

/// The most digits an amount may have before the decimal point. With at most
/// two decimals, an amount is at most 999 999 999 999.99: far above any real
/// claim, and far enough below `Decimal`'s limit (about 7.9 × 10^28) that no
/// sum of the amounts in any ledger that fits on a disk can reach it.
pub const MAX_INTEGER_DIGITS: u32 = 12;

impl Money {
    /// The error is in English, as a reader of files needs it; its wording
    /// is kept for the diagnostic ([`crate::i18n::reason`]).
    pub fn parse(text: &str) -> Result<Money, String> {
        Money::read(text).map_err(crate::i18n::reason)
    }

    fn read(text: &str) -> Result<Money, Msg> {
        let t = text.trim();
        let integer_part = t.split('.').next().unwrap_or_default();
        if integer_part.bytes().all(|b| b.is_ascii_digit())
            && integer_part.trim_start_matches('0').len() > MAX_INTEGER_DIGITS as usize
        {
            return Err(too_large(text));
        }
        let invalid = |why: &str| Msg::new("money-invalid").arg("text", text).arg("why", why);
        let value = Decimal::from_str_exact(t).map_err(|_| invalid("plain"))?;
        if value.is_sign_negative() {
            return Err(invalid("negative"));
        }
        if value.scale() > 2 {
            return Err(invalid("cents"));
        }
        if value.trunc().abs() >= Decimal::from(10_i64.pow(MAX_INTEGER_DIGITS)) {
            return Err(too_large(text));
        }
        Ok(Money(value))
    }
}

impl Money {
    /// An amount typed by a person: what [`Money::parse`] reads, and also a
    /// decimal comma (`12,50`) and thousands grouped by spaces (ordinary,
    /// no-break or narrow no-break), commas or dots: `1 234,50`,
    /// `1,234.50`, `1.234,50`. When both a comma and a dot appear, the last
    /// one is the decimal mark. A lone comma followed by exactly three
    /// digits (`1,234`) could be either, so it is refused rather than
    /// guessed. The value is the same whichever way it was written; files
    /// store it as `1234.50`.
    /// The error is worded in the language in force: for the command line.
    pub fn parse_input(text: &str) -> Result<Money, String> {
        let plain = plain_numeral(text).map_err(|m| m.to_string())?;
        Money::read(&plain).map_err(|mut m| {
            m.map_texts(&|t| {
                if t == plain {
                    text.to_string()
                } else {
                    t.to_string()
                }
            });
            m.to_string()
        })
    }
}

/// `1 234,50` → `1234.50`: the grouping removed, the decimal mark a dot.
fn plain_numeral(text: &str) -> Result<String, Msg> {
    let t: String = text
        .trim()
        .chars()
        .map(|c| {
            if matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let (commas, dots) = (t.matches(',').count(), t.matches('.').count());
    let decimal = match (commas, dots) {
        (0, _) => t.rfind('.').filter(|_| dots == 1),
        (_, 0) if commas > 1 => None,
        (1, 0) => {
            let after = t.len() - t.rfind(',').unwrap_or(0) - 1;
            let digits_only = t.chars().all(|c| c.is_ascii_digit() || c == ',');
            if after == 3 && digits_only {
                return Err(Msg::new("money-ambiguous").arg("text", text));
            }
            t.rfind(',')
        }
        _ => t.rfind([',', '.']),
    };
    let (int, frac) = match decimal {
        Some(i) => (&t[..i], Some(&t[i + 1..])),
        None => (t.as_str(), None),
    };
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    let digits = ungroup(int).filter(|_| frac_ok).ok_or_else(|| {
        Msg::new("money-invalid")
            .arg("text", text)
            .arg("why", "typed")
    })?;
    Ok(match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    })
}

/// The digits of an integer part grouped in threes by one separator
/// (space, comma or dot), or ungrouped; None when the groups are wrong.
fn ungroup(int: &str) -> Option<String> {
    let Some(sep) = int.chars().find(|c| matches!(c, ' ' | ',' | '.')) else {
        return Some(int.to_string());
    };
    let mut groups = int.split(sep);
    let first = groups.next()?;
    let ok_first = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
    let mut out = first.to_string();
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push_str(g);
    }
    ok_first.then_some(out)
}

fn too_large(text: &str) -> Msg {
    Msg::new("money-invalid")
        .arg("text", text)
        .arg("why", "too-large")
        .arg("digits", MAX_INTEGER_DIGITS.to_string())
}

/// Adds money without ever panicking: amounts are bounded on input, so a
/// total only saturates for a policy value far outside any real range
/// (shown as `Decimal::MAX` rather than crashing every command).
pub fn add(a: Decimal, b: Decimal) -> Decimal {
    a.checked_add(b).unwrap_or(Decimal::MAX)
}

/// The sum of amounts, with [`add`].
pub fn sum(amounts: impl IntoIterator<Item = Decimal>) -> Decimal {
    amounts.into_iter().fold(Decimal::ZERO, add)
}

/// A product (amount × policy fraction), saturating like [`add`].
pub fn mul(a: Decimal, b: Decimal) -> Decimal {
    a.checked_mul(b).unwrap_or_else(|| {
        if a.is_sign_negative() != b.is_sign_negative() {
            Decimal::MIN
        } else {
            Decimal::MAX
        }
    })
}

/// A ratio as a float, or None when undefined (zero or overflowing).
pub fn ratio(num: Decimal, den: Decimal) -> Option<f64> {
    use rust_decimal::prelude::ToPrimitive;
    num.checked_div(den).and_then(|r| r.to_f64())
}

impl fmt::Display for Money {
    /// Always with cents: `90.00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", fixed(self.0, 2))
    }
}

/// A decimal written with at least `places` decimals (`0.7` → `0.70`).
pub fn fixed(value: Decimal, places: u32) -> Decimal {
    let mut v = value;
    if v.scale() < places {
        v.rescale(places);
    }
    v
}

impl FromStr for Money {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Money::parse(s)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount like 90.00")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Money, E> {
                Money::parse(v).map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Money, E> {
                Money::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Money, E> {
                Money::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Money, E> {
                // Only reached through formats that have already made a float;
                // the shortest round-trip text is what the author wrote.
                Money::parse(&v.to_string()).map_err(E::custom)
            }
        }
        // The YAML reader hands a plain scalar's own text to `visit_str`.
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly() {
        assert_eq!(Money::parse("90.10").unwrap().to_string(), "90.10");
        assert_eq!(Money::parse("7").unwrap().to_string(), "7.00");
        assert!(Money::parse("-1").is_err());
        assert!(Money::parse("1.005").is_err());
        assert!(Money::parse("12,50").is_err());
        assert_eq!(
            Money::parse("999999999999.99").unwrap().to_string(),
            "999999999999.99"
        );
        assert!(Money::parse("1000000000000").is_err());
        assert!(Money::parse("50000000000000000000000000000").is_err());
        assert!(Money::parse("79228162514264337593543950336").is_err());
    }

    #[test]
    fn reads_what_people_type() {
        let p = |s: &str| Money::parse_input(s).map(|m| m.to_string());
        assert_eq!(p("12,50"), Ok("12.50".into()));
        assert_eq!(p("12.50"), Ok("12.50".into()));
        assert_eq!(p("1 234,50"), Ok("1234.50".into()));
        assert_eq!(p("1\u{a0}234,5"), Ok("1234.50".into()));
        assert_eq!(p("1\u{202f}234"), Ok("1234.00".into()));
        assert_eq!(p("1,234.50"), Ok("1234.50".into()));
        assert_eq!(p("1.234,50"), Ok("1234.50".into()));
        assert_eq!(p("1,234,567"), Ok("1234567.00".into()));
        assert_eq!(p("1 234"), Ok("1234.00".into()));
        assert_eq!(p("90"), Ok("90.00".into()));
        assert!(
            p("1,234")
                .unwrap_err()
                .starts_with("ambiguous amount `1,234`")
        );
        assert!(p("12,505").is_err());
        assert!(p("12,").is_err());
        assert!(p("1 23,50").is_err());
        assert!(p("1,2,3").is_err());
        assert!(p("-12,50").is_err());
        assert!(p("12,5,0").is_err());
        assert!(p("1.2.3").is_err());
        assert!(p("abc").is_err());
        assert!(p("").is_err());
        // Files stay strict.
        assert!(Money::parse("12,50").is_err());
    }

    #[test]
    fn arithmetic_saturates_instead_of_panicking() {
        assert_eq!(add(Decimal::MAX, Decimal::ONE), Decimal::MAX);
        assert_eq!(sum([Decimal::MAX, Decimal::MAX]), Decimal::MAX);
        assert_eq!(mul(Decimal::MAX, Decimal::TWO), Decimal::MAX);
        assert_eq!(ratio(Decimal::ONE, Decimal::ZERO), None);
        assert_eq!(ratio(Decimal::MAX, Decimal::new(1, 2)), None);
    }

    #[test]
    fn reads_yaml_text_not_float() {
        #[derive(serde::Deserialize)]
        struct T {
            a: Money,
        }
        let t: T = serde_yaml::from_str("a: 0.10\n").unwrap();
        assert_eq!(t.a.to_string(), "0.10");
        let sum = (0..10).fold(Decimal::ZERO, |acc, _| acc + t.a.0);
        assert_eq!(sum, Decimal::ONE);
    }
}
