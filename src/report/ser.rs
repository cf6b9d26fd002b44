//! How the typed model reads in JSON (and so in CSV): the same text as the
//! rest of redress writes (RFC 3339 times, money with cents).

use super::*;
use serde::Serializer;

pub fn time<S: Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false))
}

pub fn opt_time<S: Serializer>(t: &Option<DateTime<FixedOffset>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => time(t, s),
        None => s.serialize_none(),
    }
}

pub fn tz<S: Serializer>(tz: &Tz, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(tz.name())
}

pub fn names<S: Serializer>(dims: &[Dim], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(dims.iter().map(Dim::to_string))
}

/// `{"category": [...], "channel": [...]}`, keys in name order.
pub fn breakdowns<S: Serializer>(list: &[Breakdown], s: S) -> Result<S::Ok, S::Error> {
    let by_name: BTreeMap<String, &Vec<BreakdownRow>> =
        list.iter().map(|b| (b.dim.to_string(), &b.rows)).collect();
    s.collect_map(by_name)
}

pub fn money<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&crate::case::money::Money(*d))
}

pub fn fraction<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&crate::case::money::fixed(*d, 2))
}

pub fn position<S: Serializer>(p: &BandPosition, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(position_name(*p))
}
