//! Command-line parsers for the case vocabularies: the domain's types know
//! nothing of clap, so the possible values (for `--help`, errors and
//! completions) are built here from each vocabulary's names.
//!
//! A flag accepts a file value or one of its French words, in any case and
//! with or without accents (`--outcome fondée`, `--severity Elevee`); what
//! is written to files is always the file value.

use crate::case::vocab::Vocabulary;
use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use std::marker::PhantomData;

/// A parser for `T`'s words; `--help` and completions list its file values.
pub fn parser<T: Vocabulary>() -> WordParser<T> {
    WordParser(PhantomData)
}

/// See [`parser`].
#[derive(Clone, Copy)]
pub struct WordParser<T>(PhantomData<T>);

impl<T: Vocabulary> TypedValueParser for WordParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        StringValueParser::new()
            .try_map(|text| T::from_word(&text))
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(T::NAMES.iter().map(|n| PossibleValue::new(*n))))
    }
}
