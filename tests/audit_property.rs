//! Property (issue 11): on random valid histories, built event by event
//! through the model's own sequence rules, the clocks and the audit keep
//! their invariants: no update gap starts while the case stands resolved, a
//! paused clock never outlives a resolution, and findings are sorted and the
//! same bytes on every run.

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;
use redress::case::history;
use redress::case::time::Timestamp;
use redress::case::vocab::{EventKind, Outcome, Status};
use redress::case::{Case, Event};
use redress::clock::{self, ClockState};
use redress::ledger::LoadedCase;
use redress::policy::{ClockKind, Policies};
use std::path::Path;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/audit");
const KINDS: [EventKind; 12] = [
    EventKind::Acknowledged,
    EventKind::Assigned,
    EventKind::Noted,
    EventKind::Updated,
    EventKind::Escalated,
    EventKind::Paused,
    EventKind::Resumed,
    EventKind::Compensated,
    EventKind::Resolved,
    EventKind::FollowedUp,
    EventKind::Closed,
    EventKind::Reopened,
];

fn policies() -> Policies {
    redress::policy::load(Path::new(FIXTURE)).expect("the fixture's policies load")
}

fn base_case(id: &str) -> String {
    format!(
        "id: {id}\nkind: claim\ntitle: Random history\nreceived: 2026-11-02T09:14:00-05:00\n\
         channel: email\ncustomer:\n  name: Test Customer\n  profile: activist\n\
         category: delivery\nseverity: medium\nharm: 100.00\n"
    )
}

/// One step: which event, minutes after the previous one (0 makes a tie),
/// and a free choice (satisfied, amount, level).
type Step = (usize, u32, u8);

/// A valid case: each step is kept only when the model accepts it.
fn build(id: &str, steps: &[Step], p: &Policies) -> LoadedCase {
    let rel = format!("cases/2026/11/{id}.yaml");
    let mut case = redress::ledger::parse_and_validate(&base_case(id), &rel, p)
        .expect("the base case is valid");
    let mut at = case.received.at;
    for &(k, minutes, choice) in steps {
        let kind = KINDS[k % KINDS.len()];
        if history::sequence_error(&case.history, kind).is_some()
            || history::verb_refusal(&case.history, kind).is_some()
        {
            continue;
        }
        at += Duration::minutes(i64::from(minutes));
        let mut e = Event::new(
            kind,
            Timestamp {
                at,
                date_only: false,
            },
            ["alice", "bob", "carole"][usize::from(choice % 3)],
        );
        fill(&mut e, choice);
        case.history.push(e);
    }
    // The history must be one the checks accept, through its YAML.
    let text = redress::case::yaml::case_to_yaml(&case);
    let case = redress::ledger::parse_and_validate(&text, &rel, p)
        .unwrap_or_else(|d| panic!("generated an invalid case: {d:?}\n{text}"));
    LoadedCase { path: rel, case }
}

fn fill(e: &mut Event, choice: u8) {
    match e.event {
        EventKind::Assigned => e.to = Some("bob".into()),
        EventKind::Noted | EventKind::Updated => e.note = Some("progress".into()),
        EventKind::Escalated => {
            e.to = Some(["supervisor", "management", "legal"][usize::from(choice % 3)].into());
            e.reason = Some("why".into());
        }
        EventKind::Paused | EventKind::Reopened => e.reason = Some("waiting".into()),
        EventKind::Compensated if choice.is_multiple_of(4) => e.remedy = Some("apology".into()),
        EventKind::Compensated => {
            e.remedy = Some("refund".into());
            e.amount = Some(redress::case::money::Money(rust_decimal::Decimal::from(
                10 * u32::from(choice),
            )));
        }
        EventKind::Resolved => {
            e.outcome = Some(if choice.is_multiple_of(2) {
                Outcome::Founded
            } else {
                Outcome::Unfounded
            });
            e.summary = Some("done".into());
        }
        EventKind::FollowedUp => e.satisfied = Some(choice.is_multiple_of(2)),
        _ => {}
    }
}

/// `[resolution, next reopening)` spans, by instant.
fn resolved_spans(case: &Case) -> Vec<(DateTime<Utc>, Option<DateTime<Utc>>)> {
    let mut out = Vec::new();
    let mut from = None;
    for e in &case.history {
        match e.event {
            EventKind::Resolved if from.is_none() => from = Some(e.at.utc()),
            EventKind::Reopened => {
                if let Some(f) = from.take() {
                    out.push((f, Some(e.at.utc())));
                }
            }
            _ => {}
        }
    }
    out.extend(from.map(|f| (f, None)));
    out
}

fn check_clocks(lc: &LoadedCase, p: &Policies, as_of: DateTime<Utc>) -> Result<(), TestCaseError> {
    let case = &lc.case;
    let seen = clock::history_at(case, as_of);
    let status = history::status_of(seen);
    let clocks = clock::clocks(case, p, as_of);
    let spans = resolved_spans(&Case {
        history: seen.to_vec(),
        ..case.clone()
    });
    for c in &clocks {
        if c.clock == ClockKind::UpdateEvery {
            // Strictly inside a resolved span: no contact there starts a gap.
            let inside = spans
                .iter()
                .any(|(r, end)| c.started > *r && end.is_none_or(|e| c.started < e));
            prop_assert!(
                !inside,
                "update gap started at {} while resolved: {c:?}",
                c.started
            );
            if c.stopped.is_none() {
                prop_assert!(status.is_open(), "an open update gap on a {status} case");
            }
        }
        if c.due.is_none() || c.state == ClockState::Paused {
            // Only an unresumed pause with no resolution after it holds a clock.
            prop_assert_eq!(status, Status::Waiting, "{:?}", c);
        }
    }
    Ok(())
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    proptest::collection::vec(
        (0usize..12, prop_oneof![Just(0u32), 1u32..4000], any::<u8>()),
        0..28,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]
    #[test]
    fn clocks_keep_their_invariants(s in steps(), offset in 0i64..30 * 24 * 60) {
        let p = policies();
        let lc = build("20261102-a001", &s, &p);
        let received = lc.case.received.utc();
        let last = lc.case.history.last().map_or(received, |e| e.at.utc());
        // At the end, later, and in the middle of the history.
        for as_of in [last, last + Duration::minutes(offset), received + (last - received) / 2] {
            check_clocks(&lc, &p, as_of)?;
        }
    }

    #[test]
    fn findings_are_sorted_and_deterministic(
        histories in proptest::collection::vec(steps(), 1..5),
        offset in 0i64..60 * 24 * 60,
    ) {
        let p = policies();
        // IDs out of order, to prove the sort.
        let cases: Vec<LoadedCase> = histories
            .iter()
            .enumerate()
            .map(|(i, s)| build(&format!("20261102-a00{}", 9 - i), s, &p))
            .collect();
        let as_of = DateTime::parse_from_rfc3339("2026-11-02T09:14:00-05:00")
            .map(|t| t.with_timezone(&Utc))
            .unwrap()
            + Duration::minutes(offset);
        let a = redress::audit::run(&cases, &p, as_of);
        let b = redress::audit::run(&cases, &p, as_of);
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
        let keys: Vec<(&str, &str)> = a.findings.iter().map(|f| (f.case.as_str(), f.code.as_str())).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
        for f in &a.findings {
            prop_assert!(f.at_utc <= as_of, "{f:?} after {as_of}");
        }
    }
}
