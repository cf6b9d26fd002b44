//! Compensation against policy: the band that applies to a case and the
//! authority of whoever granted it. All in exact decimals.

use crate::case::history::History;
use crate::case::money::{self, fixed};
use crate::case::vocab::EventKind;
use crate::case::{Case, Event};
use crate::policy::{Band, Policies};
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandPosition {
    Below,
    Within,
    Above,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandCheck {
    pub rule: String,
    pub band: Band,
    pub harm: Option<Decimal>,
    /// Every `compensated` amount so far (an apology counts 0).
    pub total: Decimal,
    /// min × harm and max × harm, when the harm is known.
    pub range: Option<(Decimal, Decimal)>,
    pub position: Option<BandPosition>,
}

/// For display: rounded to cents, always with two decimals.
fn cents(d: Decimal) -> Decimal {
    fixed(d.round_dp(2), 2)
}

pub fn band_check(case: &Case, history: &[Event], p: &Policies) -> BandCheck {
    let (rule, band) = p.band_for(case);
    let harm = case.harm.map(|h| h.0);
    let total = history.granted();
    let range = harm.map(|h| {
        (
            cents(money::mul(band.min, h)),
            cents(money::mul(band.max, h)),
        )
    });
    // Compared with the exact products, not the rounded display range.
    let position = harm.map(|h| {
        if total < money::mul(band.min, h) {
            BandPosition::Below
        } else if total > money::mul(band.max, h) {
            BandPosition::Above
        } else {
            BandPosition::Within
        }
    });
    BandCheck {
        rule: rule.to_string(),
        band,
        harm,
        total,
        range,
        position,
    }
}

/// A `compensated` event that took the case total above its grantor's authority.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorityBreach {
    pub event: usize,
    pub by: String,
    pub level: String,
    pub limit: Decimal,
    pub total_after: Decimal,
}

pub fn authority_breaches(history: &[Event], p: &Policies) -> Vec<AuthorityBreach> {
    let mut running = Decimal::ZERO;
    let mut out = Vec::new();
    for (i, e) in history.iter().enumerate() {
        // Only a grant can exceed an authority: an apology (no amount)
        // never does, whatever the case total already is.
        let Some(amount) = e.amount.filter(|_| e.event == EventKind::Compensated) else {
            continue;
        };
        running = money::add(running, amount.0);
        if let (Some(limit), Some(level)) = (p.authority_of(&e.by), p.member_level(&e.by))
            && running > limit
        {
            out.push(AuthorityBreach {
                event: i,
                by: e.by.clone(),
                level: level.to_string(),
                limit,
                total_after: running,
            });
        }
    }
    out
}
