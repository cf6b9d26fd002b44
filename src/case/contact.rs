//! The shape of a customer's email and phone, checked when a case is
//! recorded (`new`'s flags and prompts alike). Loose on purpose: a typo
//! (no `@`, letters in a phone number) is caught, a real address never refused.

/// An email address: something, `@`, a domain with a dot; no spaces.
pub fn email(s: &str) -> Result<String, String> {
    let s = s.trim();
    let ok = s.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    }) && !s.contains(char::is_whitespace);
    if ok {
        Ok(s.to_string())
    } else {
        Err(format!(
            "`{s}` is not an email address: expected name@domain.tld"
        ))
    }
}

/// A phone number: digits with the usual separators (`+ - . ( )` and
/// spaces), at least 7 digits, optionally an extension (`x123`, `ext 123`).
pub fn phone(s: &str) -> Result<String, String> {
    let s = s.trim();
    let lower = s.to_lowercase();
    let main = lower
        .split_once("ext")
        .or_else(|| lower.split_once('x'))
        .map_or(lower.as_str(), |(m, ext)| {
            if ext
                .trim_start_matches(['.', ' '])
                .chars()
                .all(|c| c.is_ascii_digit())
            {
                m
            } else {
                "?"
            }
        });
    let digits = main.chars().filter(char::is_ascii_digit).count();
    let allowed = main
        .chars()
        .all(|c| c.is_ascii_digit() || " +-.()".contains(c));
    if allowed && digits >= 7 {
        Ok(s.to_string())
    } else {
        Err(format!(
            "`{s}` is not a phone number: expected digits (at least 7), e.g. +1 514 555 0199"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(email("marie@example.com").is_ok());
        assert!(email(" a.b+c@d.example.org ").is_ok());
        for bad in [
            "",
            "marie",
            "marie@",
            "@x.com",
            "marie@example",
            "m @x.com",
            "a@b@c.com",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones() {
        for good in [
            "+1 514 555 0199",
            "(514) 555-0199",
            "514.555.0199 x12",
            "5145550199 ext 3",
        ] {
            assert!(phone(good).is_ok(), "{good}");
        }
        for bad in ["", "555", "call me", "514-555-01x9y", "+1 514 555 O199"] {
            assert!(phone(bad).is_err(), "{bad}");
        }
    }

    proptest::proptest! {
        /// Any text: an answer or an error, never a panic; what is accepted
        /// is accepted again (the rule is stable on its own output).
        #[test]
        fn never_panics_and_is_stable(s in "\\PC{0,40}") {
            if let Ok(e) = email(&s) {
                proptest::prop_assert_eq!(email(&e), Ok(e.clone()));
            }
            if let Ok(p) = phone(&s) {
                proptest::prop_assert_eq!(phone(&p), Ok(p.clone()));
            }
        }
    }
}
