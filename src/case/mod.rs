//! The case file: one YAML document per complaint or claim.

pub mod anonymise;
pub mod contact;
pub mod fast;
pub mod history;
pub mod id;
pub mod money;
pub mod packed;
pub mod privacy;
pub mod search;
pub mod time;
pub mod vocab;
pub mod yaml;
pub mod yaml_guard;
pub mod zone;

use crate::case::money::Money;
use crate::case::time::Timestamp;
use crate::case::vocab::{Channel, EventKind, Justice, Kind, Outcome, Profile, Risk, Severity};
use crate::diag::DiagCode;
use crate::diag::{self, Diagnostic};
use crate::suggest;
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub received: Timestamp,
    pub channel: Channel,
    pub customer: Customer,
    pub category: String,
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub harm: Option<Money>,
    /// The remedies the customer asks for, from policies/compensation.toml.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wants: Vec<String>,
    /// The justice dimension the customer judged deficient, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justice: Option<Justice>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<Risk>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_keys"
    )]
    pub fields: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "null_is_empty")]
    pub history: Vec<Event>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_value: Option<Money>,
    /// The language to write to the customer in (`fr` or `en`): letters
    /// use it by default.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "language_out",
        deserialize_with = "language_in"
    )]
    pub language: Option<crate::i18n::Lang>,
}

/// `fr` or `en`, exactly: a file holds the code, never a name.
fn language_in<'de, D: Deserializer<'de>>(d: D) -> Result<Option<crate::i18n::Lang>, D::Error> {
    let text = String::deserialize(d)?;
    crate::i18n::Lang::ALL
        .into_iter()
        .find(|l| l.code() == text)
        .map(Some)
        .ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "unknown language `{text}`: expected `fr` or `en`"
            ))
        })
}

fn language_out<S: serde::Serializer>(
    lang: &Option<crate::i18n::Lang>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match lang {
        Some(l) => s.serialize_str(l.code()),
        None => s.serialize_none(),
    }
}

/// Where an imported case came from; (system, id) is unique in a ledger.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub system: String,
    pub id: String,
}

/// One history entry. All event kinds share one flat shape so that a key
/// that does not belong to an event kind is reported by name, not lost.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub at: Timestamp,
    pub by: String,
    pub event: EventKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remedy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfied: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A map of strings where a repeated key is an error, as it is everywhere
/// else in a case file (a plain map would silently keep the last value).
fn unique_keys<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = BTreeMap<String, String>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a mapping of names to texts")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<String, String>()? {
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(format_args!(
                        "duplicate field `{k}`"
                    )));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(BTreeMap::new())
        }
    }
    d.deserialize_map(V)
}

fn null_is_empty<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Event>, D::Error> {
    Ok(Option::<Vec<Event>>::deserialize(d)?.unwrap_or_default())
}

impl Event {
    pub fn new(kind: EventKind, at: Timestamp, by: impl Into<String>) -> Event {
        Event {
            at,
            by: by.into(),
            event: kind,
            to: None,
            reason: None,
            remedy: None,
            amount: None,
            outcome: None,
            summary: None,
            satisfied: None,
            note: None,
        }
    }

    /// The keys this event carries besides `at`, `by`, `event`, in file
    /// order (without a list: every case's every event is checked).
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + Clone {
        let present = [
            ("to", self.to.is_some()),
            ("reason", self.reason.is_some()),
            ("remedy", self.remedy.is_some()),
            ("amount", self.amount.is_some()),
            ("outcome", self.outcome.is_some()),
            ("summary", self.summary.is_some()),
            ("satisfied", self.satisfied.is_some()),
            ("note", self.note.is_some()),
        ];
        present.into_iter().filter(|(_, p)| *p).map(|(k, _)| k)
    }
}

/// Which keys each event kind takes (`note` goes with all), and which it needs.
pub fn event_keys(kind: EventKind) -> (&'static [&'static str], &'static [&'static str]) {
    use EventKind::*;
    match kind {
        Acknowledged | Closed => (&[], &[]),
        Assigned => (&["to"], &["to"]),
        Noted | Updated => (&[], &["note"]),
        Escalated => (&["to", "reason"], &["to"]),
        Paused | Resumed | Reopened => (&["reason"], &[]),
        Compensated => (&["remedy", "amount"], &["remedy"]),
        Resolved => (&["outcome", "summary"], &["outcome"]),
        FollowedUp => (&["satisfied"], &["satisfied"]),
        Extended => (&["to", "reason"], &["to", "reason"]),
        Anonymised => (&[], &[]),
    }
}

impl Case {
    /// Pins bare dates to the ledger's time zone.
    pub fn resolve_times(&mut self, tz: Tz) {
        self.received.resolve(tz);
        for e in &mut self.history {
            e.at.resolve(tz);
        }
    }

    pub fn compensation_total(&self) -> Money {
        use crate::case::history::History;
        Money(self.history.granted())
    }
}

/// Where in a case file a problem sits, resolved to a line only when reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locus {
    File,
    Key(&'static str),
    Event(usize),
    EventKey(usize, &'static str),
}

/// A case file's bytes as text, or an error at the first byte that is not
/// UTF-8, or where the size limit is passed.
pub fn text_of(bytes: Vec<u8>, path: &str) -> Result<String, Diagnostic> {
    if bytes.len() > crate::case::yaml_guard::MAX_CASE_BYTES {
        let head = String::from_utf8_lossy(&bytes[..crate::case::yaml_guard::MAX_CASE_BYTES]);
        let r = crate::case::yaml_guard::too_large(&head);
        let (line, column) = diag::line_col(&head, r.offset);
        return Err(Diagnostic::new(path, r.code, r.message)
            .at(line, column)
            .help(r.help));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = String::from_utf8_lossy(&bytes[..valid]);
        let (line, column) = diag::line_col(&before, valid);
        let bad: Vec<String> = bytes[valid..]
            .iter()
            .take(e.utf8_error().error_len().unwrap_or(1))
            .map(|b| format!("0x{b:02X}"))
            .collect();
        Diagnostic::new(
            path,
            DiagCode::NotUtf8,
            crate::i18n::Msg::new("diag-not-utf8").arg("bytes", bad.join(" ")),
        )
        .at(line, column)
        .help(crate::i18n::Msg::new("diag-not-utf8-help"))
    })
}

/// Parses a case file's text: through the reader of the writer's own
/// layout ([`fast`]) when it takes it, else the general YAML reader. The
/// error is a diagnostic at the reader's position.
pub fn parse(text: &str, path: &str) -> Result<Case, Diagnostic> {
    // The guard's scan for anchors and depth waits until the fast reader
    // gives up: it accepts neither (see `fast::MAX_INDENT`), and the
    // refusals come out the same, since the other checks still come first.
    prechecks_but_structure(text, path)?;
    if let Some(case) = fast::parse(text) {
        return Ok(case);
    }
    guard_refusal(text, path, crate::case::yaml_guard::check_structure(text))?;
    serde_yaml::from_str::<Case>(text).map_err(|e| yaml_diagnostic(&e, text, path))
}

/// [`parse`] through the general YAML reader only, never [`fast`]: what
/// the fast reader is proven equal to.
pub fn parse_general(text: &str, path: &str) -> Result<Case, Diagnostic> {
    prechecks(text, path)?;
    serde_yaml::from_str::<Case>(text).map_err(|e| yaml_diagnostic(&e, text, path))
}

/// What refuses a file before any reader sees it: conflict markers, and
/// the hostile-YAML scan ([`yaml_guard`]).
fn prechecks(text: &str, path: &str) -> Result<(), Diagnostic> {
    prechecks_but_structure(text, path)?;
    guard_refusal(text, path, crate::case::yaml_guard::check_structure(text))
}

/// [`prechecks`] but the guard's scan for anchors and depth.
fn prechecks_but_structure(text: &str, path: &str) -> Result<(), Diagnostic> {
    if let Some(line) = diag::conflict_markers(text).first() {
        return Err(Diagnostic::new(
            path,
            DiagCode::ConflictMarker,
            crate::i18n::Msg::new("diag-conflict"),
        )
        .at(*line, 1)
        .help(crate::i18n::Msg::new("diag-conflict-case-help")));
    }
    guard_refusal(
        text,
        path,
        crate::case::yaml_guard::check_size_and_characters(text),
    )
}

/// The guard's refusal as a diagnostic at its line and column.
fn guard_refusal(
    text: &str,
    path: &str,
    checked: Result<(), crate::case::yaml_guard::Refusal>,
) -> Result<(), Diagnostic> {
    checked.map_err(|r| {
        let (line, column) = diag::line_col(text, r.offset);
        Diagnostic::new(path, r.code, r.message)
            .at(line, column)
            .help(r.help)
    })
}

fn yaml_diagnostic(e: &serde_yaml::Error, text: &str, path: &str) -> Diagnostic {
    let full = e.to_string();
    // The message carries " at line L column C"; the location is reported apart.
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full.clone(),
    };
    let code = classify(&message);
    let message = diag::shorten_quotes(&suggest::improve_serde_message(&message));
    let (mut line, mut column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    // The reader reports a repeated key at the start of its mapping.
    if let Some(key) = duplicated_key(&message)
        && let Some(at) = second_occurrence(text, line, key)
    {
        (line, column) = at;
    }
    let mut d = Diagnostic::new(path, code, diag::reader_message(&message)).at(line, column);
    if code == DiagCode::DuplicateKey {
        d = d.help(crate::i18n::Msg::new("diag-duplicate-key-help"));
    }
    if code == DiagCode::YamlSyntax {
        d = d.help(crate::i18n::Msg::new("diag-yaml-syntax-help"));
    }
    d
}

/// `x` in "duplicate field `x`".
fn duplicated_key(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once("duplicate field `")?;
    rest.split('`').next()
}

/// The (line, column) of the second key `key` at one column, from line `from`:
/// where a mapping repeats a key.
fn second_occurrence(text: &str, from: usize, key: &str) -> Option<(usize, usize)> {
    let mut first_col = None;
    for (i, line) in text.lines().enumerate().skip(from.saturating_sub(1)) {
        let Some(col) = key_column(line, key) else {
            continue;
        };
        match first_col {
            None => first_col = Some(col),
            Some(c) if c == col => return Some((i + 1, col + 1)),
            Some(_) => {}
        }
    }
    None
}

/// The 0-based column of `key:` on a line (after indentation and `- `),
/// with the key plain or quoted.
fn key_column(line: &str, key: &str) -> Option<usize> {
    let mut rest = line.trim_start();
    while let Some(r) = rest.strip_prefix("- ") {
        rest = r.trim_start();
    }
    let col = line.len() - rest.len();
    let keyed = [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
        .iter()
        .any(|k| {
            rest.strip_prefix(k.as_str())
                .is_some_and(|r| r.trim_start().starts_with(':'))
        });
    keyed.then(|| line[..col].chars().count())
}

/// The code of a reader's message. The YAML reader reports every problem
/// as text, so the code is read from its wording; the tests
/// `serde_messages_map_to_their_codes` pin each class, so that a reader
/// upgrade that rewords a message fails a test instead of silently
/// changing a code scripts match on.
fn classify(message: &str) -> DiagCode {
    if message.contains("duplicate field `") {
        DiagCode::DuplicateKey
    } else if message.contains("unknown field") {
        DiagCode::UnknownField
    } else if message.contains("missing field") {
        DiagCode::MissingField
    } else if message.contains("invalid type")
        || message.contains("invalid value")
        || message.contains("unknown variant")
        || message.contains("invalid length")
        || message.contains("unknown ")
        || message.contains("invalid ")
    {
        DiagCode::InvalidValue
    } else {
        DiagCode::YamlSyntax
    }
}

/// Maps top-level keys and history items to lines, by reading the text
/// the way the files are laid out (block mappings, history last).
pub struct LineIndex<'a> {
    lines: Vec<&'a str>,
    history_items: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let mut history_items = Vec::new();
        if let Some(h) = lines.iter().position(|l| l.starts_with("history:")) {
            let mut item_indent = None;
            for (i, l) in lines.iter().enumerate().skip(h + 1) {
                let trimmed = l.trim_start();
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    continue;
                }
                let indent = l.len() - trimmed.len();
                if trimmed.starts_with("- ") || trimmed == "-" {
                    let want = *item_indent.get_or_insert(indent);
                    if indent == want {
                        history_items.push(i);
                    }
                } else if indent == 0 {
                    break;
                }
            }
        }
        LineIndex {
            lines,
            history_items,
        }
    }

    /// 1-based (line, column).
    pub fn locate(&self, locus: Locus) -> (usize, usize) {
        match locus {
            Locus::File => (1, 1),
            Locus::Key(key) => self
                .lines
                .iter()
                .position(|l| l.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
                .map_or((1, 1), |i| (i + 1, 1)),
            Locus::Event(n) => self.event_line(n).map_or((1, 1), |i| {
                let col = self.lines[i].find('-').unwrap_or(0);
                (i + 1, col + 1)
            }),
            Locus::EventKey(n, key) => {
                let Some(start) = self.event_line(n) else {
                    return (1, 1);
                };
                let end = self.event_line(n + 1).unwrap_or(self.lines.len());
                for i in start..end {
                    let t = self.lines[i].trim_start().trim_start_matches("- ");
                    if t.strip_prefix(key).is_some_and(|r| r.starts_with(':')) {
                        let col = self.lines[i].find(key).unwrap_or(0);
                        return (i + 1, col + 1);
                    }
                }
                self.locate(Locus::Event(n))
            }
        }
    }

    fn event_line(&self, n: usize) -> Option<usize> {
        self.history_items.get(n).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "id: 20261122-k7q2
kind: claim
title: Lamp broken
received: 2026-11-22T09:14:00-05:00
channel: email
customer:
  name: Marie Tremblay
category: delivery
severity: medium
harm: 120.00
history:
  - at: 2026-11-22T11:02:00-05:00
    by: alice
    event: acknowledged
  - at: 2026-11-25T10:00:00-05:00
    by: bob
    event: compensated
    remedy: refund
    amount: 90.00
";

    #[test]
    fn parses_a_case() {
        let c = parse(SAMPLE, "x.yaml").unwrap();
        assert_eq!(c.history.len(), 2);
        assert_eq!(c.compensation_total().to_string(), "90.00");
    }

    #[test]
    fn unknown_key_has_hint_and_line() {
        let text = SAMPLE.replace("severity: medium", "severty: medium");
        let d = parse(&text, "x.yaml").unwrap_err();
        assert_eq!(d.code, DiagCode::UnknownField);
        assert_eq!(d.line, 9);
        assert!(
            d.message.contains("did you mean `severity`"),
            "{}",
            d.message
        );
    }

    /// One case file per class of reader message, and the code each gets.
    #[test]
    fn serde_messages_map_to_their_codes() {
        let cases = [
            // duplicate-key
            (
                SAMPLE.replace("severity: medium", "severity: medium\nseverity: high"),
                DiagCode::DuplicateKey,
                "duplicate field `severity`",
            ),
            // unknown-field
            (
                SAMPLE.replace("severity: medium", "severty: medium"),
                DiagCode::UnknownField,
                "unknown field `severty`",
            ),
            // missing-field
            (
                SAMPLE.replace("title: Lamp broken\n", ""),
                DiagCode::MissingField,
                "missing field `title`",
            ),
            // invalid-value: unknown variant
            (
                SAMPLE.replace("channel: email", "channel: pigeon"),
                DiagCode::InvalidValue,
                "unknown channel `pigeon`",
            ),
            // invalid-value: invalid type
            (
                SAMPLE
                    .replace("history:\n", "history: 3\n")
                    .split("  - at")
                    .next()
                    .unwrap()
                    .to_string(),
                DiagCode::InvalidValue,
                "invalid type: integer `3`",
            ),
            // invalid-value: a value our own deserializers refuse
            (
                SAMPLE.replace("harm: 120.00", "harm: lots"),
                DiagCode::InvalidValue,
                "invalid amount `lots`",
            ),
            // yaml-syntax
            (
                SAMPLE.replace("title: Lamp broken", "title: \"Lamp broken"),
                DiagCode::YamlSyntax,
                "quoted scalar",
            ),
        ];
        for (text, code, words) in cases {
            let d = parse(&text, "x.yaml").unwrap_err();
            assert_eq!(d.code, code, "{}", d.message);
            assert!(d.message.contains(words), "{}", d.message);
        }
    }

    #[test]
    fn empty_history_is_allowed() {
        let text = SAMPLE.split("history:").next().unwrap().to_string() + "history:\n";
        assert!(parse(&text, "x.yaml").unwrap().history.is_empty());
    }

    #[test]
    fn locates_event_keys() {
        let idx = LineIndex::new(SAMPLE);
        assert_eq!(idx.locate(Locus::Key("category")), (8, 1));
        assert_eq!(idx.locate(Locus::Event(1)), (15, 3));
        assert_eq!(idx.locate(Locus::EventKey(1, "amount")), (19, 5));
        assert_eq!(idx.locate(Locus::EventKey(0, "by")), (13, 5));
    }
}
