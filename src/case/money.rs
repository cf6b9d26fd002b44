//! Exact money. Amounts are read from the YAML text itself, never through a
//! binary float, so `90.10` stays 90.10.

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
    pub fn parse(text: &str) -> Result<Money, String> {
        let t = text.trim();
        let integer_part = t.split('.').next().unwrap_or_default();
        if integer_part.bytes().all(|b| b.is_ascii_digit())
            && integer_part.trim_start_matches('0').len() > MAX_INTEGER_DIGITS as usize
        {
            return Err(too_large(text));
        }
        let value = Decimal::from_str_exact(t)
            .map_err(|_| format!("invalid amount `{text}`: write a plain number like 90.00"))?;
        if value.is_sign_negative() {
            return Err(format!(
                "invalid amount `{text}`: amounts cannot be negative"
            ));
        }
        if value.scale() > 2 {
            return Err(format!(
                "invalid amount `{text}`: at most two decimal places (cents)"
            ));
        }
        if value.trunc().abs() >= Decimal::from(10_i64.pow(MAX_INTEGER_DIGITS)) {
            return Err(too_large(text));
        }
        Ok(Money(value))
    }
}

fn too_large(text: &str) -> String {
    format!(
        "invalid amount `{text}`: at most {MAX_INTEGER_DIGITS} digits before the decimal point (999999999999.99 at most)"
    )
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
