//! The distribution of the first-cycle time to resolve.

use super::*;

/// A bin of the first-cycle time to resolve, wall-clock days: from ≤ t < to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bin {
    pub label: String,
    pub from_days: u32,
    pub to_days: Option<u32>,
    pub cases: usize,
}

/// The bins of the time to resolve, in wall-clock days: [from, to).
pub const RESOLVE_BINS: &[(u32, Option<u32>)] = &[
    (0, Some(1)),
    (1, Some(2)),
    (2, Some(3)),
    (3, Some(5)),
    (5, Some(7)),
    (7, Some(10)),
    (10, Some(15)),
    (15, Some(30)),
    (30, None),
];

/// The distribution of the first-cycle time to resolve, one case at a time.
#[derive(Debug)]
pub(super) struct ResolveBins {
    bins: Vec<Bin>,
}

impl ResolveBins {
    pub(super) fn new() -> ResolveBins {
        let bins = RESOLVE_BINS
            .iter()
            .map(|(from, to)| Bin {
                label: match to {
                    Some(1) => "< 1 d".to_string(),
                    Some(t) => format!("{from}–{t} d"),
                    None => format!("≥ {from} d"),
                },
                from_days: *from,
                to_days: *to,
                cases: 0,
            })
            .collect();
        ResolveBins { bins }
    }

    /// Adds a case's hours from receipt to its first resolution.
    pub(super) fn add(&mut self, first_resolve_hours: Option<f64>) {
        let Some(h) = first_resolve_hours else {
            return;
        };
        let days = h / 24.0;
        if let Some(b) = self.bins.iter_mut().find(|b| {
            days >= f64::from(b.from_days) && b.to_days.is_none_or(|t| days < f64::from(t))
        }) {
            b.cases += 1;
        }
    }

    pub(super) fn finish(self) -> Vec<Bin> {
        self.bins
    }
}
