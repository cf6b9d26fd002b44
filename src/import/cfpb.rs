//! `redress import cfpb FILE`: the US CFPB consumer complaint export, under
//! any of its header spellings; its closing responses become events.

use super::dates::DateFormat;
use super::layout::Layout;
use super::mapped::{Defaults, Values};
use super::source::{Row, Table};
use crate::case::Event;
use crate::case::time::Timestamp;
use crate::case::vocab::{self, Channel, EventKind, Kind, Severity};
use crate::i18n::Msg;
use chrono_tz::Tz;
use std::fmt::Write as _;

/// The CFPB columns redress reads, besides keeping every column in `fields`.
#[derive(Debug, Clone)]
pub(super) struct CfpbColumns {
    pub(super) product: usize,
    pub(super) sub_product: Option<usize>,
    pub(super) issue: usize,
    pub(super) sub_issue: Option<usize>,
    /// "Company response to consumer": Closed with explanation, … In progress.
    pub(super) response: Option<usize>,
    pub(super) sent: Option<usize>,
    pub(super) disputed: Option<usize>,
}

/// `Date received`, `date_received`, `Date_received` → `datereceived`.
fn header_key(h: &str) -> String {
    h.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the response column says a case is closed.
fn is_closing(response: &str) -> bool {
    response.trim().to_lowercase().starts_with("closed")
}

impl Layout {
    /// The CFPB consumer complaint export, under any of its header spellings.
    pub fn cfpb(headers: &[String]) -> Result<Layout, Msg> {
        let find = |key: &str| headers.iter().position(|h| header_key(h) == key);
        let need = |key: &str, name: &str| {
            find(key).ok_or_else(|| {
                Msg::new("import-not-cfpb")
                    .arg("name", name)
                    .arg("columns", headers.join(", "))
            })
        };
        let id = need("complaintid", "Complaint ID")?;
        let received = need("datereceived", "Date received")?;
        let product = need("product", "Product")?;
        let issue = need("issue", "Issue")?;
        let channel = find("submittedvia");
        let mut values = Values::default();
        for (raw, ch) in [
            ("Web", Channel::Web),
            ("Phone", Channel::Phone),
            ("Email", Channel::Email),
            ("Postal mail", Channel::Letter),
            ("Fax", Channel::Letter),
            ("Referral", Channel::ThirdParty),
            ("Web Referral", Channel::ThirdParty),
            // Anything else still reached the company through the CFPB.
            ("*", Channel::ThirdParty),
        ] {
            values.channel.insert(raw.into(), ch);
        }
        Ok(Layout {
            system: "cfpb".into(),
            id,
            received,
            title: Some(issue),
            customer: None,
            email: None,
            phone: None,
            category: Some(product),
            channel,
            severity: None,
            kind: None,
            description: find("consumercomplaintnarrative"),
            cfpb: Some(CfpbColumns {
                product,
                sub_product: find("subproduct"),
                issue,
                sub_issue: find("subissue"),
                response: find("companyresponsetoconsumer"),
                sent: find("datesenttocompany"),
                disputed: find("consumerdisputed"),
            }),
            defaults: Defaults {
                kind: Some(Kind::Complaint),
                severity: Some(Severity::Medium),
                channel: Some(Channel::ThirdParty),
                category: None,
            },
            values,
            date_format: None,
            recorder: None,
        })
    }

    /// Whether some row of a CFPB export reports a closing response.
    pub fn reports_closings(&self, table: &Table) -> bool {
        self.cfpb
            .as_ref()
            .and_then(|c| c.response)
            .is_some_and(|i| {
                table
                    .rows
                    .iter()
                    .any(|r| r.values.get(i).is_some_and(|v| is_closing(v)))
            })
    }
}

/// What a CFPB row says happened, as events. The export holds the company's
/// final response but no date for it: a closing response becomes a
/// `resolved` (relief → founded; an explanation, or no relief → unfounded)
/// and a `closed`, dated when the CFPB sent the complaint to the company,
/// the earliest the company can have answered (else at receipt), with the
/// approximation in the note. "Consumer disputed? = Yes" becomes a
/// dissatisfied follow-up. "In progress" and "Untimely response" stay open.
pub(super) fn history(
    row: &Row,
    c: &CfpbColumns,
    format: &DateFormat,
    tz: Tz,
    received: &Timestamp,
    by: &str,
) -> Vec<Event> {
    let get = |i: Option<usize>| i.map(|i| row.values[i].trim()).filter(|v| !v.is_empty());
    let Some(response) = get(c.response).filter(|r| is_closing(r)) else {
        return Vec::new();
    };
    let sent = get(c.sent)
        .and_then(|t| format.read(t, tz).ok())
        .filter(|t| *t >= received.at);
    let (at, dated) = match sent {
        Some(t) => (
            Timestamp {
                at: t,
                date_only: false,
            },
            "dated when the CFPB sent the complaint to the company (`Date sent to company`), the earliest it can have answered",
        ),
        None => (
            *received,
            "dated at receipt: `Date sent to company` is missing, unreadable or before the receipt",
        ),
    };
    let lower = response.to_lowercase();
    let outcome = if lower.contains("relief") && !lower.contains("without relief") {
        vocab::Outcome::Founded
    } else {
        vocab::Outcome::Unfounded
    };
    let event = |kind: EventKind, note: String| {
        let mut e = Event::new(kind, at, by);
        e.note = Some(note);
        e
    };
    let mut resolved = event(
        EventKind::Resolved,
        format!("Imported from the CFPB export, which holds no response date: {dated}."),
    );
    resolved.outcome = Some(outcome);
    resolved.summary = Some(format!(
        "{response} (the company's response, as reported to the CFPB)"
    ));
    let mut out = vec![
        resolved,
        event(
            EventKind::Closed,
            format!("The CFPB export reports the complaint as \"{response}\"; {dated}."),
        ),
    ];
    if get(c.disputed).is_some_and(|d| d.eq_ignore_ascii_case("yes")) {
        let mut f = event(
            EventKind::FollowedUp,
            format!(
                "The consumer disputed the company's response (CFPB `Consumer disputed?` = Yes); the export holds no dispute date: {dated}."
            ),
        );
        f.satisfied = Some(false);
        out.push(f);
    }
    out
}

/// "CFPB complaint about Mortgage (Other mortgage): Loan servicing (Escrow)."
pub(super) fn summary(row: &Row, c: &CfpbColumns) -> String {
    let get = |i: Option<usize>| i.map(|i| row.values[i].trim()).filter(|v| !v.is_empty());
    let mut s = String::from("CFPB complaint about ");
    s.push_str(get(Some(c.product)).unwrap_or("an unnamed product"));
    if let Some(sp) = get(c.sub_product) {
        let _ = write!(s, " ({sp})");
    }
    if let Some(issue) = get(Some(c.issue)) {
        let _ = write!(s, ": {issue}");
        if let Some(si) = get(c.sub_issue) {
            let _ = write!(s, " ({si})");
        }
    }
    s.push('.');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_keys_match_every_spelling() {
        for h in ["Date received", "date_received", "Date_received"] {
            assert_eq!(header_key(h), "datereceived");
        }
        for h in [
            "Consumer consent provided?",
            "consumer_consent_provided",
            "Consumer_consent_provided?",
        ] {
            assert_eq!(header_key(h), "consumerconsentprovided");
        }
    }
}
