//! Keeping a customer's contact details out of output.
//!
//! Without `--include-contacts`, every command that prints text from a case
//! passes that text through [`Contacts::mask`] first. What is masked:
//!
//! - the customer's email, in any letter case → `[email]`;
//! - the customer's phone, however it is punctuated (spaces, dashes, dots,
//!   parentheses, slashes, a leading `+`): any run of digits whose digits are
//!   the phone's (the last ten when the phone has more, so a country code
//!   written or not makes no difference) → `[phone]`;
//! - the customer's full name, then each part of it of three letters or more,
//!   as whole words in any letter case → `[name]`.
//!
//! Over-masking (a word that happens to be the customer's first name) is the
//! safe error here; the same files always give the same masked text.

use crate::case::{Case, Customer};

pub const EMAIL: &str = "[email]";
pub const PHONE: &str = "[phone]";
pub const NAME: &str = "[name]";

/// Digits a phone must have before it is matched by its digits alone;
/// shorter ones are matched as written.
const MIN_PHONE_DIGITS: usize = 7;
/// A phone's significant digits: enough for a national number, without the
/// country code that one text writes and another leaves out.
const PHONE_KEY_DIGITS: usize = 10;

/// One customer's name, email and phone, ready to be found in text.
#[derive(Debug, Clone, Default)]
pub struct Contacts {
    email: Option<Vec<char>>,
    phone_digits: Option<Vec<char>>,
    phone_literal: Option<Vec<char>>,
    /// The full name first, then its parts: longest match wins.
    names: Vec<Vec<char>>,
    /// Every needle above in lower case, for [`Contacts::may_occur`].
    lowered: Vec<String>,
}

impl Contacts {
    pub fn of(customer: &Customer) -> Contacts {
        let chars = |s: &str| -> Option<Vec<char>> {
            let t = s.trim();
            (!t.is_empty()).then(|| t.chars().collect())
        };
        let email = customer.email.as_deref().and_then(chars);
        let phone = customer.phone.as_deref().unwrap_or("");
        let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
        let (phone_digits, phone_literal) = if digits.len() >= MIN_PHONE_DIGITS {
            let skip = digits.len().saturating_sub(PHONE_KEY_DIGITS);
            (Some(digits[skip..].to_vec()), None)
        } else {
            (None, chars(phone))
        };
        let full = customer
            .name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut names: Vec<Vec<char>> = chars(&full).into_iter().collect();
        // A name with a number in it is a reference an import made up
        // ("CFPB consumer 2010655"), not a person's: its parts ("consumer",
        // the complaint number) are ordinary words, so only the whole is masked.
        let placeholder = full.chars().any(|c| c.is_ascii_digit());
        for part in full.split(|c: char| !c.is_alphanumeric()) {
            if !placeholder
                && part.chars().count() >= 3
                && !names.iter().any(|n| n.iter().copied().eq(part.chars()))
            {
                names.push(part.chars().collect());
            }
        }
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let lowered = email
            .iter()
            .chain(&phone_literal)
            .chain(&names)
            .map(|n| n.iter().flat_map(|c| c.to_lowercase()).collect())
            .collect();
        Contacts {
            email,
            phone_digits,
            phone_literal,
            names,
            lowered,
        }
    }

    /// `text` with every occurrence of the customer's email, phone and name
    /// replaced by `[email]`, `[phone]` and `[name]`.
    pub fn mask(&self, text: &str) -> String {
        if !self.may_occur(text) {
            return text.to_string();
        }
        let mut chars: Vec<char> = text.chars().collect();
        if let Some(e) = &self.email {
            chars = replace_literal(&chars, e, EMAIL, false);
        }
        if let Some(d) = &self.phone_digits {
            chars = replace_phone(&chars, d);
        }
        if let Some(p) = &self.phone_literal {
            chars = replace_literal(&chars, p, PHONE, true);
        }
        for n in &self.names {
            chars = replace_literal(&chars, n, NAME, true);
        }
        chars.into_iter().collect()
    }

    /// A quick, sound test: false only when nothing can match, so most
    /// texts (which name no one) skip the character-by-character search.
    fn may_occur(&self, text: &str) -> bool {
        if let Some(d) = &self.phone_digits
            && text.chars().filter(char::is_ascii_digit).count() >= d.len()
        {
            return true;
        }
        let text: String = text.chars().flat_map(char::to_lowercase).collect();
        self.lowered.iter().any(|n| text.contains(n.as_str()))
    }

    pub fn mask_opt(&self, text: &Option<String>) -> Option<String> {
        text.as_deref().map(|t| self.mask(t))
    }
}

/// A copy of `case` fit to print without contact details: the customer's
/// name, email and phone become tokens, and every free text of the case
/// (title, description, tags, `fields` values, reasons, remedies, summaries
/// and notes) is masked.
/// Only for display: rules and clocks are computed on the real case.
pub fn masked_case(case: &Case) -> Case {
    let m = Contacts::of(&case.customer);
    let mut c = case.clone();
    c.customer.name = NAME.into();
    c.customer.email = c.customer.email.as_ref().map(|_| EMAIL.into());
    c.customer.phone = c.customer.phone.as_ref().map(|_| PHONE.into());
    c.title = m.mask(&c.title);
    c.description = m.mask(&c.description);
    for t in &mut c.tags {
        *t = m.mask(t);
    }
    for v in c.fields.values_mut() {
        *v = m.mask(v);
    }
    for e in &mut c.history {
        // `by` and `to` name team members and routes, not the customer.
        for text in [&mut e.reason, &mut e.remedy, &mut e.summary, &mut e.note] {
            *text = m.mask_opt(text);
        }
    }
    c
}

/// `message` (written by redress) with each text of `case` it quotes
/// masked: only the quoted words are touched, so a customer named
/// "Customer" does not turn redress's own sentences into tokens.
pub fn mask_quoted(message: &str, case: &Case) -> String {
    QuotedTexts::of(case).mask(message)
}

/// The texts of one case, ready to be found in the messages about it.
/// Its customer's contacts are worked out only when a message quotes one
/// of its texts, and a text is searched for only in messages at least as
/// long: most messages quote nothing and cost a few length comparisons.
pub struct QuotedTexts<'a> {
    case: &'a Case,
    /// In the order of [`case_texts`], empty ones left out.
    texts: Vec<&'a str>,
    contacts: std::cell::OnceCell<Contacts>,
}

impl<'a> QuotedTexts<'a> {
    pub fn of(case: &'a Case) -> QuotedTexts<'a> {
        QuotedTexts {
            case,
            texts: case_texts(case).filter(|t| !t.is_empty()).collect(),
            contacts: std::cell::OnceCell::new(),
        }
    }

    /// `message` with the texts it quotes masked (see [`mask_quoted`]).
    pub fn mask(&self, message: &str) -> String {
        let mut quoted: Vec<&str> = self
            .texts
            .iter()
            .copied()
            .filter(|t| t.len() <= message.len() && message.contains(t))
            .collect();
        if quoted.is_empty() {
            return message.to_string();
        }
        // Longest first: a tag `tremblay` must not cut into a quoted reason
        // before the reason is masked whole.
        quoted.sort_by_key(|t| std::cmp::Reverse(t.len()));
        let contacts = self
            .contacts
            .get_or_init(|| Contacts::of(&self.case.customer));
        let mut out = message.to_string();
        for text in quoted {
            let masked = contacts.mask(text);
            if masked != text {
                out = out.replace(text, &masked);
            }
        }
        out
    }
}

/// Every free text of a case that the team or customer wrote.
fn case_texts(case: &Case) -> impl Iterator<Item = &str> {
    let events = case.history.iter().flat_map(|e| {
        [&e.reason, &e.remedy, &e.summary, &e.note]
            .into_iter()
            .flatten()
            .map(String::as_str)
    });
    [case.title.as_str(), case.description.as_str()]
        .into_iter()
        .chain(case.tags.iter().map(String::as_str))
        .chain(case.fields.values().map(String::as_str))
        .chain(events)
}

/// The case as it may be shown: itself with `--include-contacts`, else masked.
pub fn shown(case: &Case, include_contacts: bool) -> std::borrow::Cow<'_, Case> {
    if include_contacts {
        std::borrow::Cow::Borrowed(case)
    } else {
        std::borrow::Cow::Owned(masked_case(case))
    }
}

fn same_ignoring_case(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

/// Replaces every occurrence of `needle` (any letter case); with `words`,
/// only where it is not part of a longer word.
fn replace_literal(text: &[char], needle: &[char], token: &str, words: bool) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    let is_word = |c: char| c.is_alphanumeric();
    while i < text.len() {
        let end = i + needle.len();
        let hit = end <= text.len()
            && text[i..end]
                .iter()
                .zip(needle)
                .all(|(a, b)| same_ignoring_case(*a, *b))
            && (!words
                || ((i == 0 || !is_word(text[i - 1]))
                    && (end == text.len() || !is_word(text[end]))));
        if hit {
            out.extend(token.chars());
            i = end;
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    out
}

/// Characters that may sit between the digits of a written phone number.
fn phone_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}')
}

/// Replaces every written form of the phone whose digits are `key`: the
/// digits in order with only separators between them.
fn replace_phone(text: &[char], key: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match phone_at(text, i, key) {
            Some(end) => {
                // `(514) 555-0199`: the opening parenthesis goes too.
                if out.last() == Some(&'(') {
                    out.pop();
                }
                out.extend(PHONE.chars());
                i = end;
            }
            None => {
                out.push(text[i]);
                i += 1;
            }
        }
    }
    out
}

/// Where the phone written at `start` ends, if it starts there.
fn phone_at(text: &[char], start: usize, key: &[char]) -> Option<usize> {
    let mut matched = 0;
    let mut i = start;
    while matched < key.len() {
        let c = *text.get(i)?;
        if c == key[matched] {
            matched += 1;
        } else if matched == 0 || !phone_separator(c) {
            return None;
        }
        i += 1;
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contacts(name: &str, email: Option<&str>, phone: Option<&str>) -> Contacts {
        Contacts::of(&Customer {
            name: name.into(),
            email: email.map(Into::into),
            phone: phone.map(Into::into),
            profile: None,
            annual_value: None,
            language: None,
        })
    }

    #[test]
    fn masks_email_in_any_case() {
        let c = contacts("Zoé Lin", Some("Zoe.Lin@Example.com"), None);
        assert_eq!(c.mask("write ZOE.LIN@EXAMPLE.COM now"), "write [email] now");
    }

    #[test]
    fn masks_phone_however_written() {
        let c = contacts("X", None, Some("+1 514-555-0199"));
        for written in [
            "5145550199",
            "514 555 0199",
            "(514) 555-0199",
            "514.555.0199",
            "+1 514 555 0199",
        ] {
            let out = c.mask(&format!("call {written} today"));
            assert!(!out.contains("555"), "{written} → {out}");
            assert!(out.contains("[phone]"), "{written} → {out}");
        }
        assert_eq!(c.mask("order 5145550198"), "order 5145550198");
    }

    #[test]
    fn an_imported_reference_is_masked_whole_not_by_parts() {
        let c = contacts("CFPB consumer 2010655", None, None);
        assert_eq!(
            c.mask("CFPB consumer 2010655 wrote; Complaint ID: 2010655; Consumer disputed"),
            "[name] wrote; Complaint ID: 2010655; Consumer disputed"
        );
    }

    #[test]
    fn masks_full_name_and_parts_as_words() {
        let c = contacts("Marie Tremblay", None, None);
        assert_eq!(
            c.mask("MARIE TREMBLAY called; Mme Tremblay again. Tremblayville stays"),
            "[name] called; Mme [name] again. Tremblayville stays"
        );
    }

    #[test]
    fn quoted_text_is_masked_but_not_redress_words() {
        let text = "id: 20261102-k7q2\nkind: claim\ntitle: T\nreceived: 2026-11-02T09:00:00-05:00\nchannel: email\ncustomer:\n  name: Test Customer\ncategory: delivery\nseverity: low\nhistory:\n  - at: 2026-11-03T09:00:00-05:00\n    by: alice\n    event: noted\n    note: Customer Test called\n";
        let case = crate::case::parse(text, "t.yaml").expect("a case");
        assert_eq!(
            mask_quoted("the customer said: Customer Test called", &case),
            "the customer said: [name] [name] called"
        );
    }

    #[test]
    fn short_phone_is_matched_as_written() {
        let c = contacts("Al", None, Some("ext 42"));
        assert_eq!(c.mask("EXT 42 or ext 420"), "[phone] or ext 420");
    }
}
