//! The compact document tree the fast reader makes, and the serde
//! deserializer that reads a case straight from it. (The parse cache keeps
//! the case itself: [`crate::case::packed`].)
//!
//! A value is one tag byte: [`NULL`], [`FALSE`], [`TRUE`], [`STR`] (then
//! the length as a varint and the UTF-8 bytes), [`LIST`] (values, then
//! [`END`]) or [`MAP`] (entries, each the key's length plus one as a
//! varint and its bytes, then the value; a zero length ends the map).
//! Strings are handed to serde as the plain scalar's own text, as the YAML
//! reader does for the case's string-typed fields.

use crate::case::Case;
use serde::Deserialize as _;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

pub const NULL: u8 = 0;
pub const FALSE: u8 = 1;
pub const TRUE: u8 = 2;
pub const STR: u8 = 3;
pub const LIST: u8 = 4;
pub const MAP: u8 = 5;
pub const END: u8 = 6;
/// A map ends with a key of length zero (its length plus one is 0).
pub const MAP_END: u8 = 0;

/// The deepest tree read: a case needs four levels; more is damage.
const MAX_DEPTH: usize = 32;

pub fn text(s: &str, out: &mut Vec<u8>) {
    out.push(STR);
    varint(s.len(), out);
    out.extend_from_slice(s.as_bytes());
}

pub fn key(s: &str, out: &mut Vec<u8>) {
    varint(s.len() + 1, out);
    out.extend_from_slice(s.as_bytes());
}

fn varint(mut n: usize, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// The case a tree holds, or `None` when it does not hold a valid case
/// (or is damaged): then the file must be read by the general reader.
pub fn case(bytes: &[u8]) -> Option<Case> {
    let mut de = De {
        b: bytes,
        at: 0,
        depth: 0,
    };
    let case = Case::deserialize(&mut de).ok()?;
    (de.at == bytes.len()).then_some(case)
}

type Error = de::value::Error;

fn damaged() -> Error {
    de::Error::custom("damaged tree")
}

struct De<'a> {
    b: &'a [u8],
    at: usize,
    depth: usize,
}

impl<'a> De<'a> {
    fn byte(&mut self) -> Result<u8, Error> {
        let b = *self.b.get(self.at).ok_or_else(damaged)?;
        self.at += 1;
        Ok(b)
    }

    fn peek(&self) -> Result<u8, Error> {
        self.b.get(self.at).copied().ok_or_else(damaged)
    }

    fn varint(&mut self) -> Result<usize, Error> {
        let mut n = 0usize;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7F)
                .checked_shl(shift)
                .ok_or_else(damaged)?;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(damaged())
    }

    fn str_of(&mut self, n: usize) -> Result<&'a str, Error> {
        let end = self.at.checked_add(n).ok_or_else(damaged)?;
        let s = self.b.get(self.at..end).ok_or_else(damaged)?;
        self.at = end;
        std::str::from_utf8(s).map_err(|_| damaged())
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(damaged());
        }
        Ok(())
    }
}

impl<'de> de::Deserializer<'de> for &mut De<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match self.byte()? {
            NULL => v.visit_unit(),
            FALSE => v.visit_bool(false),
            TRUE => v.visit_bool(true),
            STR => {
                let n = self.varint()?;
                v.visit_borrowed_str(self.str_of(n)?)
            }
            LIST => {
                self.enter()?;
                let r = v.visit_seq(Items(&mut *self))?;
                self.depth -= 1;
                Ok(r)
            }
            MAP => {
                self.enter()?;
                let r = v.visit_map(Entries(&mut *self))?;
                self.depth -= 1;
                Ok(r)
            }
            _ => Err(damaged()),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        if self.peek()? == NULL {
            self.at += 1;
            v.visit_none()
        } else {
            v.visit_some(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        if self.byte()? != STR {
            return Err(de::Error::custom("expected a name"));
        }
        let n = self.varint()?;
        let s = self.str_of(n)?;
        v.visit_enum(s.into_deserializer())
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_any(de::IgnoredAny)?;
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier
    }
}

/// The items of a list, up to its [`END`].
struct Items<'a, 'de>(&'a mut De<'de>);

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.0.peek()? == END {
            self.0.at += 1;
            return Ok(None);
        }
        seed.deserialize(&mut *self.0).map(Some)
    }
}

/// The entries of a map, up to its zero-length key.
struct Entries<'a, 'de>(&'a mut De<'de>);

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let n = self.0.varint()?;
        if n == 0 {
            return Ok(None);
        }
        let k = self.0.str_of(n - 1)?;
        seed.deserialize(de::value::BorrowedStrDeserializer::new(k))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "id: 20261102-k7q2\nkind: claim\ntitle: Lamp\nreceived: 2026-11-02T09:00:00-05:00\nchannel: email\ncustomer:\n  name: M\ncategory: delivery\nseverity: low\ntags: [a, b]\nhistory:\n  - at: 2026-11-02T10:00:00-05:00\n    by: alice\n    event: followed-up\n    satisfied: true\n";

    #[test]
    fn damaged_trees_are_refused_without_panicking() {
        let tree = crate::case::fast::encode(TEXT).unwrap();
        assert!(case(&tree).is_some());
        for end in 0..tree.len() {
            assert!(case(&tree[..end]).is_none(), "truncated at {end}");
        }
        for i in 0..tree.len() {
            for flip in [0x01, 0x80, 0xFF] {
                let mut t = tree.clone();
                t[i] ^= flip;
                let _ = case(&t); // anything but a panic
            }
        }
        // Nesting beyond any case is refused, not followed.
        let deep = [vec![LIST; 10_000], vec![END; 10_000]].concat();
        assert!(case(&deep).is_none());
    }
}
