//! What a case's history means: its derived status, and whether the history
//! makes sense (time order, event sequence, the keys each event needs).

use crate::case::id;
use crate::case::vocab::{EventKind, Status};
use crate::case::{Case, Event, Locus, event_keys};
use crate::diag::DiagCode;
use crate::i18n::Msg;
use rust_decimal::Decimal;

/// A problem found in one case, located lazily.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: DiagCode,
    pub locus: Locus,
    pub message: Msg,
    pub help: Option<Msg>,
}

impl Problem {
    fn new(code: DiagCode, locus: Locus, message: Msg) -> Problem {
        Problem {
            code,
            locus,
            message,
            help: None,
        }
    }

    fn help(mut self, help: Msg) -> Problem {
        self.help = Some(help);
        self
    }

    /// Whether it concerns event `n` (used to vet a single appended event).
    pub fn is_about_event(&self, n: usize) -> bool {
        matches!(self.locus, Locus::Event(i) | Locus::EventKey(i, _) if i == n)
    }
}

/// The questions asked of a history again and again: "the first/latest
/// event of kind K", "is there one", "how many". One copy of each, so a
/// reader does not have to check that every hand-written search agrees.
pub trait History {
    /// The first event of `kind`.
    fn first_of(&self, kind: EventKind) -> Option<&Event>;
    /// The latest event of `kind`.
    fn last_of(&self, kind: EventKind) -> Option<&Event>;
    /// Where the latest event of `kind` stands in the history.
    fn last_index_of(&self, kind: EventKind) -> Option<usize>;
    /// Whether any event is of `kind`.
    fn has(&self, kind: EventKind) -> bool;
    /// How many events are of `kind`.
    fn count_of(&self, kind: EventKind) -> usize;
    /// Every grant: a `compensated` event with an amount, and the amount
    /// (an apology has none).
    fn grants(&self) -> impl Iterator<Item = (&Event, Decimal)>;
    /// What the grants add up to.
    fn granted(&self) -> Decimal {
        crate::case::money::sum(self.grants().map(|(_, amount)| amount))
    }
    /// The case's owner: the member named by the latest `assigned`.
    fn assignee(&self) -> Option<&str> {
        self.last_of(EventKind::Assigned)?.to.as_deref()
    }
    /// The outcome of the latest resolution.
    fn latest_outcome(&self) -> Option<crate::case::vocab::Outcome> {
        self.last_of(EventKind::Resolved)?.outcome
    }
}

impl History for [Event] {
    fn first_of(&self, kind: EventKind) -> Option<&Event> {
        self.iter().find(|e| e.event == kind)
    }

    fn last_of(&self, kind: EventKind) -> Option<&Event> {
        self.iter().rev().find(|e| e.event == kind)
    }

    fn last_index_of(&self, kind: EventKind) -> Option<usize> {
        self.iter().rposition(|e| e.event == kind)
    }

    fn has(&self, kind: EventKind) -> bool {
        self.iter().any(|e| e.event == kind)
    }

    fn count_of(&self, kind: EventKind) -> usize {
        self.iter().filter(|e| e.event == kind).count()
    }

    fn grants(&self) -> impl Iterator<Item = (&Event, Decimal)> {
        self.iter()
            .filter(|e| e.event == EventKind::Compensated)
            .filter_map(|e| Some((e, e.amount?.0)))
    }
}

/// The status after each event, from `new` on.
pub fn status(case: &Case) -> Status {
    status_of(&case.history)
}

pub fn status_of(history: &[Event]) -> Status {
    let mut status = Status::New;
    let mut before_pause = Status::InProgress;
    for e in history {
        status = step(status, &mut before_pause, e.event);
    }
    status
}

fn step(status: Status, before_pause: &mut Status, event: EventKind) -> Status {
    use EventKind as E;
    use Status as S;
    match event {
        E::Acknowledged if status == S::New => S::Acknowledged,
        // A second acknowledgement tells the customer nothing new.
        E::Acknowledged => status,
        E::Assigned | E::Escalated | E::Updated | E::Compensated | E::Extended => match status {
            S::New | S::Acknowledged => S::InProgress,
            other => other,
        },
        E::Paused if status.is_open() => {
            *before_pause = status;
            S::Waiting
        }
        E::Resumed if status == S::Waiting => match *before_pause {
            S::New | S::Acknowledged | S::Waiting => S::InProgress,
            other => other,
        },
        E::Resolved => S::Resolved,
        E::Closed => S::Closed,
        E::Reopened => S::InProgress,
        _ => status,
    }
}

/// Every structural problem of a case's content: id, keys per event, time
/// order, and event sequence. Policy-dependent checks live with the policies.
pub fn problems(case: &Case, file_stem: Option<&str>) -> Vec<Problem> {
    let mut out = Vec::new();
    check_id(case, file_stem, &mut out);
    if case.title.trim().is_empty() {
        out.push(Problem::new(
            DiagCode::InvalidValue,
            Locus::Key("title"),
            Msg::new("diag-title-empty"),
        ));
    }
    if case.customer.name.trim().is_empty() {
        out.push(Problem::new(
            DiagCode::InvalidValue,
            Locus::Key("customer"),
            Msg::new("diag-customer-empty"),
        ));
    }
    for (i, e) in case.history.iter().enumerate() {
        check_event_keys(i, e, &mut out);
    }
    check_order(case, &mut out);
    check_sequence(&case.history, &mut out);
    out
}

fn check_id(case: &Case, file_stem: Option<&str>, out: &mut Vec<Problem>) {
    let Some(date) = id::date_of(&case.id) else {
        out.push(
            Problem::new(
                DiagCode::InvalidValue,
                Locus::Key("id"),
                Msg::new("diag-not-an-id").arg("id", case.id.as_str()),
            )
            .help(Msg::new("diag-not-an-id-help")),
        );
        return;
    };
    if let Some(stem) = file_stem
        && stem != case.id
    {
        out.push(
            Problem::new(
                DiagCode::IdMismatch,
                Locus::Key("id"),
                Msg::new("diag-file-name")
                    .arg("stem", stem)
                    .arg("id", case.id.as_str()),
            )
            .help(Msg::new("diag-file-name-help")),
        );
    }
    let received = case.received.at.date_naive();
    if date != received {
        out.push(
            Problem::new(
                DiagCode::IdMismatch,
                Locus::Key("id"),
                Msg::new("diag-id-date")
                    .arg("id", case.id.as_str())
                    .arg("date", date.to_string())
                    .arg("received", received.to_string()),
            )
            .help(Msg::new("diag-id-date-help")),
        );
    }
}

fn check_event_keys(i: usize, e: &Event, out: &mut Vec<Problem>) {
    let (allowed, required) = event_keys(e.event);
    for key in e.keys() {
        if key != "note" && !allowed.contains(&key) {
            out.push(
                Problem::new(
                    DiagCode::UnknownField,
                    Locus::EventKey(i, key),
                    Msg::new("diag-event-key")
                        .arg("key", key)
                        .arg("event", e.event.to_string()),
                )
                .help(keys_help(e.event)),
            );
        }
    }
    for key in required {
        let present = e.keys().any(|k| k == *key);
        let blank = match *key {
            "note" => e.note.as_deref().is_some_and(|s| s.trim().is_empty()),
            "to" => e.to.as_deref().is_some_and(|s| s.trim().is_empty()),
            "reason" => e.reason.as_deref().is_some_and(|s| s.trim().is_empty()),
            _ => false,
        };
        if !present || blank {
            out.push(
                Problem::new(
                    DiagCode::MissingField,
                    Locus::Event(i),
                    Msg::new("diag-event-needs")
                        .arg("key", *key)
                        .arg("event", e.event.to_string()),
                )
                .help(keys_help(e.event)),
            );
        }
    }
    if e.by.trim().is_empty() {
        out.push(Problem::new(
            DiagCode::MissingField,
            Locus::EventKey(i, "by"),
            Msg::new("diag-by-empty"),
        ));
    }
    if e.event == EventKind::Compensated {
        let apology = e.remedy.as_deref() == Some("apology");
        match (apology, e.amount) {
            (false, None) => out.push(Problem::new(
                DiagCode::MissingField,
                Locus::Event(i),
                Msg::new("diag-amount-needed"),
            )),
            (true, Some(_)) => out.push(Problem::new(
                DiagCode::InvalidValue,
                Locus::EventKey(i, "amount"),
                Msg::new("diag-apology-amount"),
            )),
            (false, Some(m)) if m.0.is_zero() => out.push(Problem::new(
                DiagCode::InvalidValue,
                Locus::EventKey(i, "amount"),
                Msg::new("diag-amount-positive"),
            )),
            _ => {}
        }
    }
}

fn keys_help(kind: EventKind) -> Msg {
    let (allowed, required) = event_keys(kind);
    let mut keys: Vec<Msg> = ["at", "by", "event"].map(Msg::from).to_vec();
    let optional = |k: &str| Msg::new("diag-optional-key").arg("key", k);
    keys.extend(allowed.iter().map(|k| {
        if required.contains(k) {
            Msg::from(*k)
        } else {
            optional(k)
        }
    }));
    if !allowed.contains(&"note") {
        keys.push(if required.contains(&"note") {
            Msg::from("note")
        } else {
            optional("note")
        });
    }
    Msg::new("diag-event-takes")
        .arg("event", kind.to_string())
        .arg("keys", crate::i18n::Arg::List(keys))
}

fn check_order(case: &Case, out: &mut Vec<Problem>) {
    let received = case.received.utc();
    let mut last = received;
    for (i, e) in case.history.iter().enumerate() {
        let at = e.at.utc();
        if at < received {
            out.push(
                Problem::new(
                    DiagCode::HistoryOrder,
                    Locus::EventKey(i, "at"),
                    Msg::new("diag-before-receipt")
                        .arg("event", e.event.to_string())
                        .arg("at", e.at.to_string())
                        .arg("received", case.received.to_string()),
                )
                .help(Msg::new("diag-before-receipt-help")),
            );
        } else if at < last {
            out.push(
                Problem::new(
                    DiagCode::HistoryOrder,
                    Locus::EventKey(i, "at"),
                    Msg::new("diag-out-of-order")
                        .arg("event", e.event.to_string())
                        .arg("at", e.at.to_string()),
                )
                .help(Msg::new("diag-out-of-order-help")),
            );
        }
        last = last.max(at);
    }
}

/// Whether `event` may follow `history`. The message says what to do instead.
pub fn sequence_error(history: &[Event], event: EventKind) -> Option<Msg> {
    let mut state = Sequence::default();
    for e in history {
        state.push(e.event);
    }
    state.error(event)
}

/// What the sequence rules need to know about a history so far, kept up to
/// date event by event so that checking a whole history is linear.
#[derive(Debug, Clone, Copy)]
struct Sequence {
    status: Status,
    before_pause: Status,
    /// A `resolved` since the last `reopened` (or the start).
    resolved_this_cycle: bool,
}

impl Default for Sequence {
    fn default() -> Self {
        Sequence {
            status: Status::New,
            before_pause: Status::InProgress,
            resolved_this_cycle: false,
        }
    }
}

impl Sequence {
    fn push(&mut self, event: EventKind) {
        self.status = step(self.status, &mut self.before_pause, event);
        match event {
            EventKind::Resolved => self.resolved_this_cycle = true,
            EventKind::Reopened => self.resolved_this_cycle = false,
            _ => {}
        }
    }

    /// Whether `event` may come next (with `paused` meaning an unresumed pause).
    fn error(&self, event: EventKind) -> Option<Msg> {
        use EventKind as E;
        let status = self.status;
        let paused = status == Status::Waiting;
        let resolved_this_cycle = self.resolved_this_cycle;
        match event {
            E::Noted | E::Anonymised => None,
            // The satisfaction check is not a change to the case: a case closed
            // before it can still get its follow-up.
            _ if status == Status::Closed && !matches!(event, E::Reopened | E::FollowedUp) => {
                Some(Msg::new("seq-closed").arg("event", event.to_string()))
            }
            E::FollowedUp if !resolved_this_cycle => Some(Msg::new("seq-follow-up-first")),
            E::Resolved if resolved_this_cycle => Some(Msg::new("seq-already-resolved")),
            E::Reopened if status.is_open() => Some(Msg::new("seq-reopen-open")),
            E::Closed if !resolved_this_cycle => Some(Msg::new("seq-close-unresolved")),
            E::Paused if paused => Some(Msg::new("seq-already-paused")),
            E::Paused if !status.is_open() => Some(Msg::new("seq-pause-resolved")),
            E::Resumed if !paused => Some(Msg::new("seq-not-paused")),
            E::Extended if resolved_this_cycle => Some(Msg::new("seq-extend-resolved")),
            _ => None,
        }
    }
}

/// What a verb refuses on top of [`sequence_error`], though a file may hold
/// it: events that would record nothing new.
pub fn verb_refusal(history: &[Event], event: EventKind) -> Option<Msg> {
    if event == EventKind::Acknowledged
        && let Some(first) = history.first_of(EventKind::Acknowledged)
    {
        return Some(Msg::new("seq-already-acknowledged").arg("at", first.at.to_string()));
    }
    None
}

fn check_sequence(history: &[Event], out: &mut Vec<Problem>) {
    let mut state = Sequence::default();
    for (i, e) in history.iter().enumerate() {
        if let Some(msg) = state.error(e.event) {
            // JSON carries its English; people read it in their language.
            out.push(Problem::new(DiagCode::EventSequence, Locus::Event(i), msg));
        }
        state.push(e.event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::time::Timestamp;

    fn ev(kind: EventKind) -> Event {
        Event::new(
            kind,
            Timestamp::parse("2026-11-22T10:00:00-05:00").unwrap(),
            "alice",
        )
    }

    #[test]
    fn history_queries() {
        let mut grant = ev(EventKind::Compensated);
        grant.amount = Some(crate::case::money::Money(Decimal::new(2500, 2)));
        let apology = ev(EventKind::Compensated);
        let mut h = vec![ev(EventKind::Reopened), apology, grant.clone(), grant];
        h[0].reason = Some("first".into());
        h.push(ev(EventKind::Reopened));
        h[4].reason = Some("second".into());
        let h = h.as_slice();
        assert_eq!(
            h.first_of(EventKind::Reopened).unwrap().reason.as_deref(),
            Some("first")
        );
        assert_eq!(
            h.last_of(EventKind::Reopened).unwrap().reason.as_deref(),
            Some("second")
        );
        assert_eq!(h.last_index_of(EventKind::Compensated), Some(3));
        assert_eq!(h.count_of(EventKind::Compensated), 3);
        assert!(!h.has(EventKind::Closed));
        assert_eq!(h.grants().count(), 2);
        assert_eq!(h.granted(), Decimal::new(5000, 2));
    }

    #[test]
    fn status_follows_the_lifecycle() {
        use EventKind::*;
        let mut h = vec![];
        assert_eq!(status_of(&h), Status::New);
        for (k, s) in [
            (Acknowledged, Status::Acknowledged),
            (Assigned, Status::InProgress),
            (Paused, Status::Waiting),
            (Noted, Status::Waiting),
            (Resumed, Status::InProgress),
            (Resolved, Status::Resolved),
            (FollowedUp, Status::Resolved),
            (Closed, Status::Closed),
            (Reopened, Status::InProgress),
        ] {
            h.push(ev(k));
            assert_eq!(status_of(&h), s, "after {k}");
        }
    }

    #[test]
    fn refuses_impossible_sequences() {
        use EventKind::*;
        assert!(sequence_error(&[], FollowedUp).is_some());
        assert!(sequence_error(&[], Resumed).is_some());
        assert!(sequence_error(&[ev(Resolved)], Resolved).is_some());
        assert!(sequence_error(&[ev(Resolved)], FollowedUp).is_none());
        assert!(sequence_error(&[ev(Resolved), ev(Closed)], Updated).is_some());
        assert!(sequence_error(&[ev(Resolved), ev(Closed)], Reopened).is_none());
        assert!(sequence_error(&[ev(Resolved), ev(Reopened)], FollowedUp).is_some());
    }
}
