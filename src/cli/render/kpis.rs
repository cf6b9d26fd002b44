//! The KPI rows (label, value) that the report and the audit both show:
//! one builder, so a label or a format changes in one place. Each renderer
//! picks the rows it shows, in its own order.

use crate::audit::Kpis;
use crate::cli::render::fmt::{hours_pair, percent1};

pub type Row = (&'static str, String);

pub struct KpiRows<'a> {
    k: &'a Kpis,
}

impl<'a> KpiRows<'a> {
    pub fn new(k: &'a Kpis) -> Self {
        KpiRows { k }
    }

    pub fn cases(&self) -> Row {
        ("Cases", format!("{} ({} open)", self.k.cases, self.k.open))
    }

    pub fn acknowledged_on_time(&self) -> Row {
        (
            "Acknowledged on time",
            percent1(self.k.acknowledged_on_time_rate),
        )
    }

    pub fn resolved_on_time(&self) -> Row {
        ("Resolved on time", percent1(self.k.resolved_on_time_rate))
    }

    pub fn satisfied(&self) -> Row {
        ("Satisfied at follow-up", percent1(self.k.satisfaction_rate))
    }

    pub fn follow_up_coverage(&self) -> Row {
        ("Follow-up coverage", percent1(self.k.follow_up_coverage))
    }

    pub fn time_to_acknowledge(&self) -> Row {
        (
            "Time to acknowledge (median / p90)",
            hours_pair(
                self.k.median_hours_to_acknowledge,
                self.k.p90_hours_to_acknowledge,
            ),
        )
    }

    pub fn time_to_resolve(&self) -> Row {
        (
            "Time to resolve (median / p90)",
            hours_pair(self.k.median_hours_to_resolve, self.k.p90_hours_to_resolve),
        )
    }
}
