//! Anonymisation (`redress anonymise`): a case's personal data replaced by
//! a pseudonym derived from the case ID, so the same case always gets the
//! same one and nothing about the person can be recovered from it (a hash
//! of the name could be reversed by trying names).

use crate::case::Case;
use crate::case::privacy::{self, masked_case};

/// The pseudonym of a case's customer: `anon-20261122-k7q2`.
pub fn pseudonym(id: &str) -> String {
    format!("anon-{id}")
}

/// The pseudonymous email: an address under `.invalid`, which can never be
/// delivered (RFC 2606).
pub fn pseudonymous_email(id: &str) -> String {
    format!("{}@anonymised.invalid", pseudonym(id))
}

/// `case` with the customer's name, email and phone replaced by the
/// pseudonym, and every occurrence of them in its texts (title,
/// description, tags, `fields` values, reasons, remedies, summaries,
/// notes) too, found as the masking of every output finds them. History,
/// times, amounts and codes are kept: clocks and audits do not change.
pub fn anonymised(case: &Case) -> Case {
    let name = pseudonym(&case.id);
    let email = pseudonymous_email(&case.id);
    let swap = |text: &str| {
        text.replace(privacy::NAME, &name)
            .replace(privacy::EMAIL, &email)
            .replace(privacy::PHONE, &name)
    };
    let mut c = masked_case(case);
    c.customer.name = name.clone();
    c.customer.email = case.customer.email.as_ref().map(|_| email.clone());
    c.customer.phone = case.customer.phone.as_ref().map(|_| name.clone());
    c.title = swap(&c.title);
    c.description = swap(&c.description);
    for t in &mut c.tags {
        *t = swap(t);
    }
    for v in c.fields.values_mut() {
        *v = swap(v);
    }
    for e in &mut c.history {
        for text in [&mut e.reason, &mut e.remedy, &mut e.summary, &mut e.note] {
            *text = text.as_deref().map(swap);
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_trace_of_the_person_is_replaced() {
        let text = "id: 20261122-k7q2\nkind: claim\ntitle: Marie Tremblay's lamp\nreceived: 2026-11-22T09:14:00-05:00\nchannel: email\ncustomer:\n  name: Marie Tremblay\n  email: marie@example.com\n  phone: \"+1 514 555 0199\"\ncategory: delivery\nseverity: low\ntags: [tremblay]\ndescription: Call 514-555-0199 or MARIE@EXAMPLE.COM\nfields:\n  contact: Mme Tremblay\nhistory:\n  - at: 2026-11-22T10:00:00-05:00\n    by: alice\n    event: noted\n    note: Marie called back\n";
        let case = crate::case::parse(text, "x.yaml").unwrap();
        let out = crate::case::yaml::case_to_yaml(&anonymised(&case)).to_lowercase();
        for trace in ["marie", "tremblay", "example.com", "555", "0199"] {
            assert!(!out.contains(trace), "{trace} left in:\n{out}");
        }
        assert!(out.contains("name: anon-20261122-k7q2"));
        assert!(out.contains("anon-20261122-k7q2@anonymised.invalid"));
        assert_eq!(
            anonymised(&case).customer.name,
            anonymised(&case).customer.name
        );
    }
}
