//! Properties of the merge driver (`redress merge-file`, `redress::ledger::merge`).
//!
//! - Random valid two-branch histories from a common base: each branch
//!   appends a random valid sequence of lifecycle events (by an independent
//!   model of the verbs' rules). The merge is either a conflict, or its result
//!   passes the validation `redress check` runs and holds every event of both
//!   sides.
//! - Arbitrary and mutated inputs (random bytes, truncated files, conflict
//!   markers, swapped lines): the driver never panics, and a clean merge it
//!   makes of its own still reads as a valid case.
//!
//! Bounded by proptest's default of 256 cases (a few seconds in a debug
//! build). A larger run, by hand, prints its figures:
//! `PROPTEST_CASES=10000 cargo test --release --test merge_property -- --nocapture`

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use redress::ledger::merge::{OURS_MARKER, THEIRS_MARKER, merge, merge_bytes};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

const REL: &str = "cases/2026/11/20261102-k7q2.yaml";
const HEADER: &str = "id: 20261102-k7q2\nkind: claim\ntitle: Lamp\nreceived: 2026-11-02T09:00:00-05:00\nchannel: email\ncustomer:\n  name: M\ncategory: delivery\nseverity: low\nhistory:\n";
const PEOPLE: [&str; 3] = ["alice", "bob", "carole"];
const NOTES: [&str; 3] = [
    "Called.",
    "Called the carrier.",
    "\"Wants: a refund # now\"",
];

fn policies() -> redress::policy::Policies {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    redress::policy::load(root).unwrap_or_else(|d| panic!("the project's policies load: {d:?}"))
}

/// Where a case stands, for the model of which verb may come next. Written
/// from the domain's rules, not from `history::sequence_error`, so that the
/// generator does not borrow the code under test.
#[derive(Debug, Clone, Copy, Default)]
struct Model {
    paused: bool,
    resolved: bool,
    closed: bool,
}

impl Model {
    /// The event kinds a user may record next.
    fn allowed(self) -> Vec<&'static str> {
        let mut out = vec!["noted"];
        if self.closed {
            out.push("reopened");
            return out;
        }
        out.extend([
            "acknowledged",
            "assigned",
            "escalated",
            "updated",
            "compensated",
        ]);
        if self.paused {
            out.push("resumed");
        } else if !self.resolved {
            out.push("paused");
        }
        if self.resolved {
            out.extend(["followed-up", "closed", "reopened"]);
        } else {
            out.push("resolved");
        }
        out
    }

    fn apply(&mut self, kind: &str) {
        match kind {
            "paused" => self.paused = true,
            "resumed" => self.paused = false,
            "resolved" => {
                self.resolved = true;
                self.paused = false;
            }
            "closed" => self.closed = true,
            "reopened" => *self = Model::default(),
            _ => {}
        }
    }
}

/// One history item as `redress` writes it.
fn item(kind: &str, minute: u32, pick: u8) -> String {
    let at = format!(
        "2026-11-{:02}T{:02}:{:02}:00-05:00",
        3 + minute / 480,
        10 + (minute / 60) % 8,
        minute % 60
    );
    let by = PEOPLE[usize::from(pick) % PEOPLE.len()];
    let note = NOTES[usize::from(pick / 3) % NOTES.len()];
    let extra = match kind {
        "assigned" => "    to: bob\n".to_string(),
        "noted" | "updated" => format!("    note: {note}\n"),
        "escalated" => "    to: supervisor\n    reason: Over the limit.\n".into(),
        "paused" | "resumed" | "reopened" if pick.is_multiple_of(2) => {
            format!("    reason: {note}\n")
        }
        "compensated" => "    remedy: apology\n".into(),
        "resolved" => "    outcome: founded\n    summary: Refund agreed.\n".into(),
        "followed-up" => "    satisfied: true\n".into(),
        _ => String::new(),
    };
    format!("  - at: {at}\n    by: {by}\n    event: {kind}\n{extra}")
}

/// Steps `(choice, gap in minutes, pick)` turned into valid items, starting
/// from `model` at `minute`; returns the items and where the case stands.
fn events(steps: &[(u8, u8, u8)], mut model: Model, mut minute: u32) -> (Vec<String>, Model, u32) {
    let mut items = Vec::new();
    for &(choice, gap, pick) in steps {
        let allowed = model.allowed();
        let kind = allowed[usize::from(choice) % allowed.len()];
        minute += u32::from(gap);
        items.push(item(kind, minute, pick));
        model.apply(kind);
    }
    (items, model, minute)
}

type Steps = Vec<(u8, u8, u8)>;

fn steps(max: usize) -> impl Strategy<Value = Steps> {
    proptest::collection::vec((any::<u8>(), 0u8..4, any::<u8>()), 0..max)
}

static MERGES: AtomicUsize = AtomicUsize::new(0);
static CONFLICTS: AtomicUsize = AtomicUsize::new(0);
static CLEAN: AtomicUsize = AtomicUsize::new(0);

/// How many times `needle` occurs in `hay`.
fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// One merge, checked: a conflict keeps every line of both sides; a clean
/// result passes `check`'s validation and holds every event of both sides.
fn check_merge(
    base: &str,
    ours: &str,
    theirs: &str,
    appended: [&[String]; 2],
    policies: &redress::policy::Policies,
) -> Result<(), TestCaseError> {
    for side in [ours, theirs] {
        // The model must only produce histories `check` accepts.
        let valid = redress::ledger::parse_and_validate(side, REL, policies);
        prop_assert!(
            valid.is_ok(),
            "the model made an invalid side: {valid:?}\n{side}"
        );
    }
    let merged = merge(base, ours, theirs);
    MERGES.fetch_add(1, Relaxed);
    if !merged.is_clean() {
        CONFLICTS.fetch_add(1, Relaxed);
        for line in ours.lines().chain(theirs.lines()) {
            prop_assert!(merged.text.contains(line), "a conflict lost {line:?}");
        }
        prop_assert!(merged.text.contains(OURS_MARKER) && merged.text.contains(THEIRS_MARKER));
        return Ok(());
    }
    CLEAN.fetch_add(1, Relaxed);
    let valid = redress::ledger::parse_and_validate(&merged.text, REL, policies);
    prop_assert!(
        valid.is_ok(),
        "a clean merge that check rejects: {valid:?}\n--- ours\n{ours}--- theirs\n{theirs}--- merged\n{}",
        merged.text
    );
    prop_assert!(merged.text.starts_with(base));
    for event in appended.iter().flat_map(|s| s.iter()) {
        let most = appended.iter().map(|s| count(&s.concat(), event)).max();
        prop_assert!(
            Some(count(&merged.text, event)) >= most,
            "an event was lost: {event}"
        );
    }
    Ok(())
}

#[test]
fn a_merge_of_two_valid_branches_is_a_conflict_or_passes_check() {
    let policies = policies();
    let config = Config {
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let strategy = (steps(6), steps(7), steps(7));
    let result = runner.run(&strategy, |(base_steps, our_steps, their_steps)| {
        let (common, model, minute) = events(&base_steps, Model::default(), 0);
        let base = format!("{HEADER}{}", common.concat());
        let (ours, _, _) = events(&our_steps, model, minute);
        let (theirs, _, _) = events(&their_steps, model, minute);
        let our_text = format!("{base}{}", ours.concat());
        let their_text = format!("{base}{}", theirs.concat());
        check_merge(&base, &our_text, &their_text, [&ours, &theirs], &policies)?;
        check_merge(&base, &their_text, &our_text, [&theirs, &ours], &policies)
    });
    let (merges, conflicts, clean) = (
        MERGES.load(Relaxed),
        CONFLICTS.load(Relaxed),
        CLEAN.load(Relaxed),
    );
    eprintln!(
        "merges: {merges}, conflicts: {conflicts}, clean: {clean} (every clean one passes check)"
    );
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// A valid case text to mutate.
fn valid_case() -> impl Strategy<Value = String> {
    steps(8).prop_map(|s| format!("{HEADER}{}", events(&s, Model::default(), 0).0.concat()))
}

/// A case text damaged one way or another.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..300),
        valid_case().prop_map(String::into_bytes),
        (valid_case(), any::<prop::sample::Index>())
            .prop_map(|(t, i)| t.as_bytes()[..i.index(t.len() + 1)].to_vec()),
        (valid_case(), any::<prop::sample::Index>(), 0usize..4).prop_map(|(t, i, m)| {
            let lines: Vec<&str> = t.split_inclusive('\n').collect();
            let at = i.index(lines.len() + 1);
            let marker = [
                "<<<<<<< ours\n",
                "=======\n",
                ">>>>>>> theirs\n",
                "|||||||\n",
            ][m];
            [&lines[..at], &[marker], &lines[at..]]
                .concat()
                .concat()
                .into_bytes()
        }),
        (valid_case(), any::<prop::sample::Index>(), any::<u8>()).prop_map(|(t, i, b)| {
            let mut bytes = t.into_bytes();
            let at = i.index(bytes.len());
            bytes[at] = b;
            bytes
        }),
        (
            valid_case(),
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>()
        )
            .prop_map(|(t, i, j)| {
                let mut lines: Vec<&str> = t.split_inclusive('\n').collect();
                let (a, b) = (i.index(lines.len()), j.index(lines.len()));
                lines.swap(a, b);
                lines.concat().into_bytes()
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_merge_driver_never_panics(base in mutated(), ours in mutated(), theirs in mutated()) {
        let (merged, conflicts) = merge_bytes(&base, &ours, &theirs);
        let trivial = [&ours, &theirs]
            .iter()
            .any(|s| merged.trim_ascii_end() == s.trim_ascii_end());
        if conflicts.is_empty() && !trivial {
            // A union the driver made reads back as a case when the inputs
            // were cases, and a case it made passes check's content rules.
            let text = String::from_utf8(merged).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let cases = [&base, &ours, &theirs].iter().all(|s| {
                std::str::from_utf8(s).is_ok_and(|s| s.trim().is_empty() || redress::case::parse(s, REL).is_ok())
            });
            match redress::case::parse(&text, REL) {
                Ok(case) => {
                    let problems = redress::case::history::problems(&case, None);
                    prop_assert!(problems.is_empty(), "{problems:?}\n{text}");
                }
                Err(d) => prop_assert!(!cases, "{d:?}\n{text}"),
            }
        }
    }

    #[test]
    fn merging_a_valid_base_with_damaged_sides_never_panics(
        base in valid_case(),
        ours in mutated(),
        extra in valid_case(),
    ) {
        // Theirs appends to the base, ours is damaged: the usual shape of a bad merge.
        let theirs = format!("{base}{}", &extra[HEADER.len()..]);
        let _ = merge_bytes(base.as_bytes(), &ours, theirs.as_bytes());
        let _ = merge_bytes(base.as_bytes(), theirs.as_bytes(), &ours);
    }
}
