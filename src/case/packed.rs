//! A case as the parse cache keeps it: the case exactly as read from its
//! file (bare dates not yet pinned to the ledger's zone, nothing from the
//! policies applied), in a compact binary form that is quick to read back.
//!
//! Layout: the length of the texts (a varint), every text of the case one
//! after the other in UTF-8, then the rest in field order: each text's
//! length (a varint; an optional text's length plus one, 0 for none),
//! each word of the vocabulary by its place in its list (the customer's
//! language by its code), times as seconds
//! since 1970 (i64), nanoseconds (u32), offset in seconds (i32) and a byte
//! for a bare date, amounts as their 128-bit mantissa and scale, lists as
//! their length then their items. Integers little-endian.
//!
//! The texts come first so that one UTF-8 check covers them all; each text
//! is then a slice of them, checked only to fall on character boundaries.
//! Reading fails (`None`, and the file is read again) on anything it did
//! not write: a cut, a stray byte, a word or time out of range.
//!
//! [`pack`] destructures every struct it writes, so a field added to the
//! case does not compile until it is kept here too; a property test in
//! `tests/fast_parser.rs` reads back every generated case whole.

use crate::case::money::Money;
use crate::case::time::Timestamp;
use crate::case::vocab::{Channel, EventKind, Justice, Kind, Outcome, Profile, Risk, Severity};
use crate::case::{Case, Customer, Event, Source};
use crate::i18n::Lang;
use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The case in its packed form.
pub fn pack(case: &Case) -> Vec<u8> {
    let mut w = Writer::default();
    w.case(case);
    let mut out = Vec::with_capacity(w.texts.len() + w.rest.len() + 4);
    varint(w.texts.len(), &mut out);
    out.extend_from_slice(w.texts.as_bytes());
    out.extend_from_slice(&w.rest);
    out
}

/// The case `bytes` hold, or `None` when they are not a case packed by
/// [`pack`] (then the file must be read).
pub fn unpack(bytes: &[u8]) -> Option<Case> {
    let mut head = Reader {
        texts: "",
        b: bytes,
        at: 0,
        text_at: 0,
    };
    let len = head.varint()?;
    let start = head.at;
    let end = start.checked_add(len)?;
    let texts = std::str::from_utf8(bytes.get(start..end)?).ok()?;
    let mut r = Reader {
        texts,
        b: bytes,
        at: end,
        text_at: 0,
    };
    let case = r.case()?;
    (r.at == bytes.len() && r.text_at == texts.len()).then_some(case)
}

fn varint(mut n: usize, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

#[derive(Default)]
struct Writer {
    texts: String,
    rest: Vec<u8>,
}

impl Writer {
    fn text(&mut self, s: &str) {
        self.texts.push_str(s);
        varint(s.len(), &mut self.rest);
    }

    fn opt_text(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.texts.push_str(s);
                varint(s.len() + 1, &mut self.rest);
            }
            None => self.rest.push(0),
        }
    }

    fn texts<'a>(&mut self, list: impl ExactSizeIterator<Item = &'a String>) {
        varint(list.len(), &mut self.rest);
        for s in list {
            self.text(s);
        }
    }

    fn byte(&mut self, b: u8) {
        self.rest.push(b);
    }

    /// A word of the vocabulary (its code plus one) or none (0).
    fn opt_code(&mut self, code: Option<u8>) {
        self.byte(code.map_or(0, |c| c + 1));
    }

    fn time(&mut self, t: &Timestamp) {
        let Timestamp { at, date_only } = *t;
        self.rest.extend_from_slice(&at.timestamp().to_le_bytes());
        self.rest
            .extend_from_slice(&at.timestamp_subsec_nanos().to_le_bytes());
        self.rest
            .extend_from_slice(&at.offset().local_minus_utc().to_le_bytes());
        self.byte(u8::from(date_only));
    }

    fn money(&mut self, m: Option<&Money>) {
        match m {
            Some(Money(d)) => {
                self.byte(1);
                self.rest.extend_from_slice(&d.mantissa().to_le_bytes());
                self.byte(d.scale() as u8);
            }
            None => self.byte(0),
        }
    }

    fn case(&mut self, case: &Case) {
        let Case {
            id,
            kind,
            title,
            received,
            channel,
            customer,
            category,
            severity,
            harm,
            wants,
            justice,
            risks,
            tags,
            description,
            source,
            fields,
            history,
        } = case;
        self.text(id);
        self.byte(kind.code());
        self.text(title);
        self.time(received);
        self.byte(channel.code());
        self.customer(customer);
        self.text(category);
        self.byte(severity.code());
        self.money(harm.as_ref());
        self.texts(wants.iter());
        self.opt_code(justice.map(Justice::code));
        varint(risks.len(), &mut self.rest);
        for r in risks {
            self.byte(r.code());
        }
        self.texts(tags.iter());
        self.text(description);
        self.source(source.as_ref());
        varint(fields.len(), &mut self.rest);
        for (k, v) in fields {
            self.text(k);
            self.text(v);
        }
        varint(history.len(), &mut self.rest);
        for e in history {
            self.event(e);
        }
    }

    fn customer(&mut self, c: &Customer) {
        let Customer {
            name,
            email,
            phone,
            profile,
            annual_value,
            language,
        } = c;
        self.text(name);
        self.opt_text(email.as_deref());
        self.opt_text(phone.as_deref());
        self.opt_code(profile.map(Profile::code));
        self.money(annual_value.as_ref());
        // By its code: the order of `Lang::ALL` is not the cache's to fix.
        self.opt_text(language.map(Lang::code));
    }

    fn source(&mut self, s: Option<&Source>) {
        match s {
            Some(Source { system, id }) => {
                self.byte(1);
                self.text(system);
                self.text(id);
            }
            None => self.byte(0),
        }
    }

    fn event(&mut self, e: &Event) {
        let Event {
            at,
            by,
            event,
            to,
            reason,
            remedy,
            amount,
            outcome,
            summary,
            satisfied,
            note,
        } = e;
        self.time(at);
        self.text(by);
        self.byte(event.code());
        self.opt_text(to.as_deref());
        self.opt_text(reason.as_deref());
        self.opt_text(remedy.as_deref());
        self.money(amount.as_ref());
        self.opt_code(outcome.map(Outcome::code));
        self.opt_text(summary.as_deref());
        self.opt_code(satisfied.map(u8::from));
        self.opt_text(note.as_deref());
    }
}

struct Reader<'a> {
    /// Every text of the case, checked as UTF-8 once.
    texts: &'a str,
    b: &'a [u8],
    at: usize,
    /// Where the next text starts in `texts`.
    text_at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.b.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        let end = self.at.checked_add(N)?;
        let a = self.b.get(self.at..end)?.try_into().ok()?;
        self.at = end;
        Some(a)
    }

    fn varint(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn slice(&mut self, len: usize) -> Option<String> {
        let end = self.text_at.checked_add(len)?;
        let s = self.texts.get(self.text_at..end)?;
        self.text_at = end;
        Some(s.to_owned())
    }

    fn text(&mut self) -> Option<String> {
        let len = self.varint()?;
        self.slice(len)
    }

    fn opt_text(&mut self) -> Option<Option<String>> {
        match self.varint()? {
            0 => Some(None),
            n => self.slice(n - 1).map(Some),
        }
    }

    /// A list's length, refused when the bytes left cannot hold that many
    /// items of at least `least` bytes (so damage cannot ask for a huge
    /// allocation).
    fn len(&mut self, least: usize) -> Option<usize> {
        let n = self.varint()?;
        (n.checked_mul(least)? <= self.b.len() - self.at).then_some(n)
    }

    fn texts(&mut self) -> Option<Vec<String>> {
        let n = self.len(1)?;
        (0..n).map(|_| self.text()).collect()
    }

    fn opt_code<T>(&mut self, from: impl Fn(u8) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            c => from(c - 1).map(Some),
        }
    }

    fn time(&mut self) -> Option<Timestamp> {
        let secs = i64::from_le_bytes(self.array()?);
        let nanos = u32::from_le_bytes(self.array()?);
        let offset = FixedOffset::east_opt(i32::from_le_bytes(self.array()?))?;
        let date_only = self.flag()?;
        let at = DateTime::from_timestamp(secs, nanos)?.with_timezone(&offset);
        Some(Timestamp { at, date_only })
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn money(&mut self) -> Option<Option<Money>> {
        if !self.flag()? {
            return Some(None);
        }
        let mantissa = i128::from_le_bytes(self.array()?);
        let scale = u32::from(self.byte()?);
        let d = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
        Some(Some(Money(d)))
    }

    fn case(&mut self) -> Option<Case> {
        Some(Case {
            id: self.text()?,
            kind: Kind::from_code(self.byte()?)?,
            title: self.text()?,
            received: self.time()?,
            channel: Channel::from_code(self.byte()?)?,
            customer: self.customer()?,
            category: self.text()?,
            severity: Severity::from_code(self.byte()?)?,
            harm: self.money()?,
            wants: self.texts()?,
            justice: self.opt_code(Justice::from_code)?,
            risks: {
                let n = self.len(1)?;
                (0..n)
                    .map(|_| Risk::from_code(self.byte()?))
                    .collect::<Option<_>>()?
            },
            tags: self.texts()?,
            description: self.text()?,
            source: self.source()?,
            fields: self.fields()?,
            history: {
                let n = self.len(20)?;
                (0..n).map(|_| self.event()).collect::<Option<_>>()?
            },
        })
    }

    fn customer(&mut self) -> Option<Customer> {
        Some(Customer {
            name: self.text()?,
            email: self.opt_text()?,
            phone: self.opt_text()?,
            profile: self.opt_code(Profile::from_code)?,
            annual_value: self.money()?,
            language: match self.opt_text()? {
                Some(code) => Some(Lang::ALL.into_iter().find(|l| l.code() == code)?),
                None => None,
            },
        })
    }

    fn source(&mut self) -> Option<Option<Source>> {
        if !self.flag()? {
            return Some(None);
        }
        Some(Some(Source {
            system: self.text()?,
            id: self.text()?,
        }))
    }

    /// The extra fields, in the strictly increasing order a map keeps them.
    fn fields(&mut self) -> Option<BTreeMap<String, String>> {
        let n = self.len(2)?;
        let mut out = BTreeMap::new();
        for _ in 0..n {
            let k = self.text()?;
            let v = self.text()?;
            if out.last_key_value().is_some_and(|(last, _)| *last >= k) {
                return None;
            }
            out.insert(k, v);
        }
        Some(out)
    }

    fn event(&mut self) -> Option<Event> {
        Some(Event {
            at: self.time()?,
            by: self.text()?,
            event: EventKind::from_code(self.byte()?)?,
            to: self.opt_text()?,
            reason: self.opt_text()?,
            remedy: self.opt_text()?,
            amount: self.money()?,
            outcome: self.opt_code(Outcome::from_code)?,
            summary: self.opt_text()?,
            satisfied: self.opt_code(|c| match c {
                0 => Some(false),
                1 => Some(true),
                _ => None,
            })?,
            note: self.opt_text()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Case {
        let text = include_str!("../../tests/fixtures/packed/case.yaml");
        crate::case::parse(text, "cases/x.yaml").expect("the sample parses")
    }

    #[test]
    fn a_case_reads_back_whole() {
        let case = sample();
        let bytes = pack(&case);
        let back = unpack(&bytes).expect("reads back");
        assert_eq!(format!("{back:?}"), format!("{case:?}"));
    }

    #[test]
    fn every_cut_and_every_extra_byte_is_refused() {
        let bytes = pack(&sample());
        for n in 0..bytes.len() {
            assert!(unpack(&bytes[..n]).is_none(), "cut at {n}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(unpack(&longer).is_none());
    }

    #[test]
    fn damaged_bytes_never_panic() {
        let bytes = pack(&sample());
        for i in 0..bytes.len() {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                let _ = unpack(&b);
            }
        }
    }
}
