//! The parameters of the report's cost estimates, from the optional
//! `policies/estimates.toml`. Every default is a figure people quote
//! (figures commonly quoted in customer-service training); every result computed from them is an estimate, and is
//! labelled so wherever it is shown.

use crate::diag::DiagCode;
use crate::diag::{Diagnostic, line_col};
use crate::i18n::Msg;
use crate::suggest;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

pub const ESTIMATES: &str = "policies/estimates.toml";

/// The parameters, each with its default (the figures commonly quoted).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Params {
    /// Dissatisfied customers who say nothing, for each case (only 4 % complain: 96 / 4 = 24, quoted as 26).
    pub silent_per_complaint: f64,
    /// Share of dissatisfied customers who do not complain and never buy again (0.91).
    pub silent_lost_share: f64,
    /// Share of complainants whose problem was solved who stay loyal (0.82–0.95; the low end).
    pub resolved_retained_share: f64,
    /// Share of complainants lost when the case is still open or ended
    /// dissatisfied: they are treated like the silent dissatisfied (0.91).
    pub unresolved_lost_share: f64,
    /// A customer's yearly spend when the case gives no `annual_value`
    /// (the café example: 3.50 × 200 transactions a year = 700).
    pub average_annual_value: f64,
    /// Years a customer stays (the café example: 5).
    pub relationship_years: f64,
    /// People a dissatisfied customer tells (8–16: the middle, 12).
    pub word_of_mouth_told: f64,
    /// A dissatisfied customer's circle of influence (~250 people).
    pub circle_of_influence: f64,
    /// Share of that circle in the target market (~10 %).
    pub target_market_share: f64,
    /// Share of those who will avoid the company (~2 %).
    pub avoid_share: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            silent_per_complaint: 26.0,
            silent_lost_share: 0.91,
            resolved_retained_share: 0.82,
            unresolved_lost_share: 0.91,
            average_annual_value: 700.0,
            relationship_years: 5.0,
            word_of_mouth_told: 12.0,
            circle_of_influence: 250.0,
            target_market_share: 0.10,
            avoid_share: 0.02,
        }
    }
}

/// Where the parameters came from, for the report's footnote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loaded {
    pub params: Params,
    /// `policies/estimates.toml` when it exists, else `defaults`.
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    silent_per_complaint: Option<Spanned<f64>>,
    silent_lost_share: Option<Spanned<f64>>,
    resolved_retained_share: Option<Spanned<f64>>,
    unresolved_lost_share: Option<Spanned<f64>>,
    average_annual_value: Option<Spanned<f64>>,
    relationship_years: Option<Spanned<f64>>,
    word_of_mouth_told: Option<Spanned<f64>>,
    circle_of_influence: Option<Spanned<f64>>,
    target_market_share: Option<Spanned<f64>>,
    avoid_share: Option<Spanned<f64>>,
}

/// Reads `policies/estimates.toml` under `root`; defaults when it is absent.
pub fn load(root: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    match crate::policy::read_inside(root, ESTIMATES) {
        Ok(text) => parse(&text).map(|params| Loaded {
            params,
            source: ESTIMATES.into(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Loaded {
            params: Params::default(),
            source: "defaults".into(),
        }),
        Err(e) => Err(vec![crate::files::unreadable(ESTIMATES, &e)]),
    }
}

/// Parses and validates the file's text; every problem, with line and column.
pub fn parse(text: &str) -> Result<Params, Vec<Diagnostic>> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let (line, col) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        let message = suggest::improve_serde_message(e.message().trim());
        vec![
            Diagnostic::new(
                ESTIMATES,
                DiagCode::PolicyInvalid,
                crate::diag::reader_message(&message),
            )
            .at(line, col)
            .help(Msg::new("est-help")),
        ]
    })?;
    let mut problems = Vec::new();
    let mut p = Params::default();
    // Each key once: its field in Params and Raw, its name in messages.
    macro_rules! slot {
        ($key:ident, $check:ident) => {
            (&mut p.$key, raw.$key, stringify!($key), Check::$check)
        };
    }
    let slots = [
        slot!(silent_per_complaint, NonNegative),
        slot!(silent_lost_share, Share),
        slot!(resolved_retained_share, Share),
        slot!(unresolved_lost_share, Share),
        slot!(average_annual_value, NonNegative),
        slot!(relationship_years, Positive),
        slot!(word_of_mouth_told, NonNegative),
        slot!(circle_of_influence, NonNegative),
        slot!(target_market_share, Share),
        slot!(avoid_share, Share),
    ];
    for (slot, raw, name, check) in slots {
        let Some(v) = raw else { continue };
        let value = *v.get_ref();
        if check.accepts(value) {
            *slot = value;
        } else {
            problems.push(error(text, v.span(), name, check, value));
        }
    }
    if problems.is_empty() {
        Ok(p)
    } else {
        problems.sort();
        Err(problems)
    }
}

#[derive(Clone, Copy)]
enum Check {
    Share,
    NonNegative,
    Positive,
}

impl Check {
    fn accepts(self, value: f64) -> bool {
        value.is_finite()
            && match self {
                Check::Share => (0.0..=1.0).contains(&value),
                Check::NonNegative => value >= 0.0,
                Check::Positive => value > 0.0,
            }
    }
}

fn error(text: &str, span: Range<usize>, name: &str, check: Check, value: f64) -> Diagnostic {
    let (line, col) = line_col(text, span.start);
    let what = match check {
        Check::Share => "share",
        Check::NonNegative => "non-negative",
        Check::Positive => "positive",
    };
    Diagnostic::new(
        ESTIMATES,
        DiagCode::PolicyInvalid,
        Msg::new("est-value")
            .arg("name", name)
            .arg("value", value.to_string())
            .arg("what", what),
    )
    .at(line, col)
    .help(Msg::new("est-value-help").arg("what", what))
}

/// The text `redress report` documents: every key with its default.
pub const TEMPLATE: &str = "# Parameters of the report's cost estimates. Every key is optional; the
# defaults are figures commonly quoted in customer-service training.
silent_per_complaint = 26      # dissatisfied customers who say nothing, per case
silent_lost_share = 0.91       # of those, the share who never buy again
resolved_retained_share = 0.82 # complainants whose problem was solved who stay (0.82-0.95)
unresolved_lost_share = 0.91   # complainants lost when open or ended dissatisfied
average_annual_value = 700.00  # yearly spend when a case has no annual_value (3.50 x 200)
relationship_years = 5         # years a customer stays
word_of_mouth_told = 12        # people a dissatisfied customer tells (8-16)
circle_of_influence = 250      # people in a customer's circle
target_market_share = 0.10     # share of that circle in the target market
avoid_share = 0.02             # share of those who will avoid the company
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_parses_to_the_defaults() {
        assert_eq!(parse(TEMPLATE).unwrap(), Params::default());
        assert_eq!(parse("").unwrap(), Params::default());
    }

    #[test]
    fn integers_are_accepted_and_override() {
        let p = parse("relationship_years = 3\naverage_annual_value = 1200").unwrap();
        assert_eq!(p.relationship_years, 3.0);
        assert_eq!(p.average_annual_value, 1200.0);
        assert_eq!(p.silent_per_complaint, 26.0);
    }

    #[test]
    fn unknown_key_has_position_and_hint() {
        let d = parse("silent_per_complaint = 26\nsilent_lost_shar = 0.9\n").unwrap_err();
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].column), (2, 1));
        assert!(
            d[0].message.contains("did you mean `silent_lost_share`"),
            "{}",
            d[0].message
        );
        assert!(d[0].to_string().starts_with("policies/estimates.toml:2:1:"));
    }

    #[test]
    fn out_of_range_values_are_all_reported() {
        let d = parse("avoid_share = 2\nrelationship_years = 0\n").unwrap_err();
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].line, d[0].column), (1, 15));
        assert_eq!(d[1].line, 2);
        assert!(d[1].message.contains("above 0"));
    }
}
