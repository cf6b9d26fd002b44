//! The KPI rows (label, value) that the report and the audit both show:
//! one builder, so a label or a format changes in one place. Each renderer
//! picks the rows it shows, in its own order.

use crate::audit::Kpis;
use crate::cli::render::fmt::{hours_pair, percent1};
use crate::i18n::{tr, tr_args};

pub type Row = (String, String);

pub struct KpiRows<'a> {
    k: &'a Kpis,
}

impl<'a> KpiRows<'a> {
    pub fn new(k: &'a Kpis) -> Self {
        KpiRows { k }
    }

    pub fn cases(&self) -> Row {
        (
            tr("kpi-cases"),
            tr_args(
                "kpi-cases-value",
                &[
                    ("cases", self.k.cases.to_string().into()),
                    ("open", self.k.open.to_string().into()),
                ],
            ),
        )
    }

    pub fn acknowledged_on_time(&self) -> Row {
        (
            tr("kpi-acknowledged-on-time"),
            percent1(self.k.acknowledged_on_time_rate),
        )
    }

    pub fn resolved_on_time(&self) -> Row {
        (
            tr("kpi-resolved-on-time"),
            percent1(self.k.resolved_on_time_rate),
        )
    }

    pub fn satisfied(&self) -> Row {
        (tr("kpi-satisfied"), percent1(self.k.satisfaction_rate))
    }

    pub fn follow_up_coverage(&self) -> Row {
        (
            tr("kpi-follow-up-coverage"),
            percent1(self.k.follow_up_coverage),
        )
    }

    pub fn time_to_acknowledge(&self) -> Row {
        (
            tr("kpi-time-to-acknowledge"),
            hours_pair(
                self.k.median_hours_to_acknowledge,
                self.k.p90_hours_to_acknowledge,
            ),
        )
    }

    pub fn time_to_resolve(&self) -> Row {
        (
            tr("kpi-time-to-resolve"),
            hours_pair(self.k.median_hours_to_resolve, self.k.p90_hours_to_resolve),
        )
    }
}
