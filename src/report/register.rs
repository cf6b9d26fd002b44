//! The complaint register (`export --format register`): the table a
//! regulator inspects, one row per case: receipt, acknowledgement,
//! extension, final response, outcome, remedy, days taken, on time or not.
//! Computed here; written as CSV or XLSX by the command line.

use crate::case::Case;
use crate::case::history::History;
use crate::case::vocab::{EventKind, Outcome, Status};
use crate::clock::{self, ClockState};
use crate::policy::{ClockKind, Policies};
use chrono::{DateTime, Utc};

/// Whether the final response met its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnTime {
    Yes,
    No,
    /// Still open and not yet late.
    Open,
}

impl OnTime {
    pub fn as_str(self) -> &'static str {
        match self {
            OnTime::Yes => "yes",
            OnTime::No => "no",
            OnTime::Open => "open",
        }
    }
}

/// One case of the register, as of an instant.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub case: &'a Case,
    pub status: Status,
    pub received: DateTime<Utc>,
    /// The first `acknowledged` event.
    pub acknowledged: Option<DateTime<Utc>>,
    /// The latest `extended` event and its new target.
    pub extended: Option<(DateTime<Utc>, String)>,
    /// The latest resolution: the final response.
    pub final_response: Option<DateTime<Utc>>,
    /// The resolve deadline of the latest cycle (extension included).
    pub due: Option<DateTime<Utc>>,
    pub rule: String,
    pub outcome: Option<Outcome>,
    /// Every remedy granted, in order, without repeats.
    pub remedies: Vec<String>,
    pub compensation: String,
    /// Calendar days (in the ledger's zone) from receipt to the final response.
    pub days_taken: Option<i64>,
    pub on_time: OnTime,
}

/// The register's rows, in the order of `cases`.
pub fn rows<'a>(cases: &[&'a Case], p: &Policies, as_of: DateTime<Utc>) -> Vec<Row<'a>> {
    cases.iter().map(|c| row(c, p, as_of)).collect()
}

/// One case's row of the register as of `as_of`.
pub fn row<'a>(case: &'a Case, p: &Policies, as_of: DateTime<Utc>) -> Row<'a> {
    let history = clock::history_at(case, as_of);
    let clocks = clock::clocks(case, p, as_of);
    let resolve = clocks.iter().rfind(|c| c.clock == ClockKind::Resolve);
    let final_response = history.last_of(EventKind::Resolved).map(|e| e.at.utc());
    let tz = p.tz();
    let date = |t: DateTime<Utc>| t.with_timezone(&tz).date_naive();
    let received = case.received.utc();
    let mut remedies: Vec<String> = Vec::new();
    for e in history.iter().filter(|e| e.event == EventKind::Compensated) {
        if let Some(r) = &e.remedy
            && !remedies.contains(r)
        {
            remedies.push(r.clone());
        }
    }
    Row {
        case,
        status: crate::case::history::status_of(history),
        received,
        acknowledged: history
            .first_of(EventKind::Acknowledged)
            .map(|e| e.at.utc()),
        extended: history
            .last_of(EventKind::Extended)
            .map(|e| (e.at.utc(), e.to.clone().unwrap_or_default())),
        final_response,
        due: resolve.and_then(|c| c.due),
        rule: resolve.map(|c| c.rule.clone()).unwrap_or_default(),
        outcome: history.latest_outcome(),
        remedies,
        compensation: crate::case::money::Money(history.granted()).to_string(),
        days_taken: final_response.map(|f| (date(f) - date(received)).num_days()),
        on_time: match resolve.map(|c| c.state) {
            Some(ClockState::Met) => OnTime::Yes,
            Some(ClockState::Breached) => OnTime::No,
            _ => OnTime::Open,
        },
    }
}
