//! Case IDs: `YYYYMMDD-xxxx`, the receipt date and four random Crockford
//! base32 characters, so two branches never mint the same ID by counting.

use chrono::{Datelike, NaiveDate};

/// Lower-case Crockford base32: no i, l, o, u.
pub const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

pub fn generate(date: NaiveDate) -> String {
    let suffix: String = (0..4)
        .map(|_| ALPHABET[fastrand::usize(..ALPHABET.len())] as char)
        .collect();
    format!("{}-{suffix}", date.format("%Y%m%d"))
}

/// A new ID for `date` that `taken` says is not in use: the one rule by
/// which every command that records cases (`new`, `import`) mints IDs.
pub fn fresh(date: NaiveDate, mut taken: impl FnMut(&str) -> bool) -> String {
    loop {
        let id = generate(date);
        if !taken(&id) {
            return id;
        }
    }
}

/// The receipt date an ID carries, if it is a well-formed ID.
pub fn date_of(id: &str) -> Option<NaiveDate> {
    let (date, suffix) = id.split_once('-')?;
    if date.len() != 8
        || !date.bytes().all(|b| b.is_ascii_digit())
        || suffix.len() != 4
        || !suffix.bytes().all(|b| ALPHABET.contains(&b))
    {
        return None;
    }
    // Eight digits already checked: read them as numbers rather than
    // through a format string, which every scan does once per case.
    let n = |r: std::ops::Range<usize>| date.get(r)?.parse::<u32>().ok();
    let year = i32::try_from(n(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, n(4..6)?, n(6..8)?)
}

/// The ID a case gets when its receipt date is corrected to `date`: the
/// same four characters under the new date (`edit` moves the case there).
pub fn with_date(id: &str, date: NaiveDate) -> Option<String> {
    date_of(id)?;
    let (_, suffix) = id.split_once('-')?;
    Some(format!("{}-{suffix}", date.format("%Y%m%d")))
}

/// `cases/2026/11/20261122-k7q2.yaml`
pub fn relative_path(id: &str) -> Option<String> {
    let date = date_of(id)?;
    Some(format!(
        "cases/{:04}/{:02}/{id}.yaml",
        date.year(),
        date.month()
    ))
}

/// Whether `rel` is the [`relative_path`] of `id`, worked out without
/// making that path (every scan asks it of every case).
pub fn filed_at(id: &str, rel: &str) -> bool {
    let (Some(year), Some(month)) = (id.get(0..4), id.get(4..6)) else {
        return false;
    };
    date_of(id).is_some()
        && rel
            .strip_prefix("cases/")
            .and_then(|r| r.strip_prefix(year))
            .and_then(|r| r.strip_prefix('/'))
            .and_then(|r| r.strip_prefix(month))
            .and_then(|r| r.strip_prefix('/'))
            .and_then(|r| r.strip_prefix(id))
            .is_some_and(|r| r == ".yaml")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_from_ids_are_real_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(date_of("20261122-k7q2"), d(2026, 11, 22));
        assert_eq!(date_of("20240229-k7q2"), d(2024, 2, 29));
        for bad in [
            "20250229-k7q2",
            "20261322-k7q2",
            "20261100-k7q2",
            "2026112-k7q2",
            "2026112x-k7q2",
        ] {
            assert_eq!(date_of(bad), None, "{bad}");
        }
        assert_eq!(
            relative_path("00010102-k7q2").as_deref(),
            Some("cases/0001/01/00010102-k7q2.yaml")
        );
        assert_eq!(
            relative_path("20261122-k7q2").as_deref(),
            Some("cases/2026/11/20261122-k7q2.yaml")
        );
    }

    #[test]
    fn filed_at_agrees_with_relative_path() {
        let ids = [
            "20261122-k7q2",
            "00010102-k7q2",
            "20250229-k7q2",
            "2026112-k7q2",
            "x",
            "",
        ];
        let rels = [
            "cases/2026/11/20261122-k7q2.yaml",
            "cases/2026/12/20261122-k7q2.yaml",
            "cases/0001/01/00010102-k7q2.yaml",
            "cases/2025/02/20250229-k7q2.yaml",
            "cases/2026/11/20261122-k7q2.yml",
            "cases/2026/11/sub/20261122-k7q2.yaml",
            "elsewhere/20261122-k7q2.yaml",
            "",
        ];
        for id in ids {
            for rel in rels {
                assert_eq!(
                    filed_at(id, rel),
                    relative_path(id).as_deref() == Some(rel),
                    "{id} {rel}"
                );
            }
        }
    }

    #[test]
    fn generated_ids_are_valid() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for _ in 0..100 {
            let id = generate(d);
            assert_eq!(date_of(&id), Some(d), "{id}");
        }
    }

    #[test]
    fn fresh_ids_skip_the_taken_ones() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let mut asked = Vec::new();
        let id = fresh(d, |id| {
            asked.push(id.to_string());
            asked.len() < 4
        });
        assert_eq!(asked.len(), 4, "three taken candidates, then a free one");
        assert_eq!(asked.last(), Some(&id));
        assert_eq!(date_of(&id), Some(d), "{id}");
    }

    #[test]
    fn a_new_date_keeps_the_suffix() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        assert_eq!(
            with_date("20261122-k7q2", d).as_deref(),
            Some("20261031-k7q2")
        );
        assert_eq!(with_date("nonsense", d), None);
    }

    #[test]
    fn rejects_malformed_ids() {
        assert!(date_of("20261122-k7q2").is_some());
        assert!(date_of("20261122-k7qi").is_none());
        assert!(date_of("20261322-k7q2").is_none());
        assert!(date_of("2026112-k7q2").is_none());
        assert_eq!(
            relative_path("20261122-k7q2").as_deref(),
            Some("cases/2026/11/20261122-k7q2.yaml")
        );
    }
}
