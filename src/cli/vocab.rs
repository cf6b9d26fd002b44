//! Command-line parsers for the case vocabularies: the domain's types know
//! nothing of clap, so the possible values (for `--help`, errors and
//! completions) are built here from each vocabulary's names.

use crate::case::vocab::Vocabulary;
use clap::builder::{PossibleValuesParser, TypedValueParser};

/// A parser that accepts exactly `T`'s names, listed as possible values.
pub fn parser<T: Vocabulary>() -> impl TypedValueParser<Value = T> {
    // The names are checked first, so the parse cannot fail; its error,
    // already a full sentence, is passed on all the same.
    PossibleValuesParser::new(T::NAMES).try_map(|name| name.parse::<T>())
}
