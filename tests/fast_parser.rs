//! The fast reader of the writer's own layout (`case::fast`) is equal to
//! the general YAML reader wherever it accepts a file: over generated
//! cases written by the writer, over damaged versions of them, and over
//! every case file of the sample ledger and the test fixtures. The packed
//! form the parse cache keeps (`case::packed`) reads back every such case
//! whole.

use proptest::prelude::*;
use redress::case::{self, Case, Event, fast, packed, yaml};
use std::path::Path;

/// What both readers must agree on: the whole case, field by field.
fn same(a: &Case, b: &Case) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

const BASE: &str = "id: 20261102-k7q2\nkind: claim\ntitle: Lamp\nreceived: 2026-11-02T09:00:00-05:00\nchannel: email\ncustomer:\n  name: M\ncategory: delivery\nseverity: low\nhistory:\n";

fn base() -> Case {
    case::parse_general(BASE, "base.yaml").unwrap()
}

/// Any text, with a bias towards what YAML treats specially.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z][a-zA-Z0-9 ,.'()/@%-]{0,20}",
        "[ -~]{0,12}",
        "(yes|no|null|true|~|12.50|- x|#x|a: b|a #b|\\[x\\]|'q'|\"q\"|O'Brien|R&D|\\*a|&a|!t)",
        "[a-z]{1,6}(\n[a-z ]{0,6}){0,3}\n?",
        ".{0,10}",
    ]
}

fn tags() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(text(), 0..3)
}

fn event_kinds() -> impl Strategy<Value = usize> {
    0..5usize
}

fn build(
    title: String,
    name: String,
    desc: String,
    tags: Vec<String>,
    notes: Vec<(usize, String)>,
) -> Case {
    use redress::case::money::Money;
    use redress::case::vocab::{EventKind, Outcome};
    let mut c = base();
    c.title = title;
    c.customer.name = name.clone();
    c.customer.email = (!name.is_empty()).then(|| format!("{name}@x"));
    c.customer.phone = Some(name.clone());
    c.description = desc;
    c.tags = tags;
    c.fields.insert(name.clone(), name.clone());
    let mut at = c.received;
    for (i, (kind, note)) in notes.into_iter().enumerate() {
        at.at += chrono::Duration::minutes(i as i64 + 1);
        let kind = [
            EventKind::Acknowledged,
            EventKind::Updated,
            EventKind::Compensated,
            EventKind::Resolved,
            EventKind::FollowedUp,
        ][kind];
        let mut e = Event::new(kind, at, note.clone());
        e.note = Some(note.clone());
        match kind {
            EventKind::Compensated => {
                e.remedy = Some(note);
                e.amount = Some(Money("12.50".parse().unwrap()));
            }
            EventKind::Resolved => {
                e.outcome = Some(Outcome::Founded);
                e.summary = Some(note);
            }
            EventKind::FollowedUp => e.satisfied = Some(i % 2 == 0),
            _ => {}
        }
        c.history.push(e);
    }
    c
}

fn a_case() -> impl Strategy<Value = Case> {
    (
        text(),
        text(),
        text(),
        tags(),
        proptest::collection::vec((event_kinds(), text()), 0..4),
    )
        .prop_map(|(t, n, d, g, e)| build(t, n, d, g, e))
}

/// Sets every field `a_case` leaves alone from `pick`: words of the
/// vocabulary by their place, amounts of any scale, times in any offset,
/// with fractions, or bare dates.
fn fill(mut c: Case, pick: &[u32]) -> Case {
    use redress::case::money::Money;
    use redress::case::vocab::{Channel, Justice, Kind, Outcome, Profile, Risk, Severity};
    let at = |i: usize| pick.get(i).copied().unwrap_or(0);
    let code = |i: usize| (at(i) % 16) as u8;
    let money = |i: usize| {
        let d = rust_decimal::Decimal::try_from_i128_with_scale(
            i128::from(at(i)) - 2_000_000_000,
            at(i + 1) % 29,
        );
        d.ok().map(Money)
    };
    let time = |i: usize, base: case::time::Timestamp| {
        let offset = chrono::FixedOffset::east_opt((at(i) % 100_000) as i32 - 50_000);
        let mut t = base;
        if let Some(o) = offset {
            t.at = (t.at + chrono::Duration::nanoseconds(i64::from(at(i + 1)))).with_timezone(&o);
        }
        t.date_only = at(i + 2) % 2 == 0;
        t
    };
    c.kind = Kind::from_code(code(0)).unwrap_or(c.kind);
    c.channel = Channel::from_code(code(1)).unwrap_or(c.channel);
    c.severity = Severity::from_code(code(2)).unwrap_or(c.severity);
    c.justice = Justice::from_code(code(3));
    c.customer.profile = Profile::from_code(code(4));
    c.customer.language = redress::i18n::Lang::ALL.get(at(5) as usize % 3).copied();
    c.risks = (0..code(6))
        .filter_map(|i| Risk::from_code(i * 3 % 14))
        .collect();
    c.harm = money(7);
    c.customer.annual_value = money(9);
    c.wants = c.tags.iter().rev().cloned().collect();
    c.source = (at(11) % 2 == 0).then(|| case::Source {
        system: c.title.clone(),
        id: c.customer.name.clone(),
    });
    c.received = time(12, c.received);
    for (n, e) in c.history.iter_mut().enumerate() {
        e.at = time(15 + n, e.at);
        e.to = (n % 2 == 0).then(|| format!("to{n}"));
        e.reason = e.note.clone().filter(|_| n % 3 == 0);
        e.outcome = Outcome::from_code(code(20 + n));
        e.amount = money(25 + n);
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn packed_cases_read_back_whole(
        c in a_case(),
        pick in proptest::collection::vec(any::<u32>(), 32),
    ) {
        let c = fill(c, &pick);
        let bytes = packed::pack(&c);
        let back = packed::unpack(&bytes);
        prop_assert!(back.is_some(), "not read back: {c:?}");
        prop_assert!(same(&c, &back.unwrap()));
        // A cut never reads as a case.
        let cut = &bytes[..bytes.len() / 2];
        prop_assert!(packed::unpack(cut).is_none());
    }
}

/// When the fast reader accepts `text`, the general one reads the same case.
fn agree(text: &str) -> Result<bool, TestCaseError> {
    let Some(fast_case) = fast::parse(text) else {
        return Ok(false);
    };
    // The guard's scan for anchors, aliases and depth runs only when the
    // fast reader gives up: what it accepts must pass that scan.
    prop_assert!(
        redress::case::yaml_guard::check(text).is_ok(),
        "fast accepted what the guard refuses:\n{text}"
    );
    let general = case::parse_general(text, "x.yaml");
    prop_assert!(
        general.is_ok(),
        "fast accepted what the general reader refuses:\n{text}\n{general:?}"
    );
    prop_assert!(
        same(&fast_case, &general.unwrap()),
        "readers differ on:\n{text}"
    );
    Ok(true)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_writers_files_read_the_same(c in a_case()) {
        let text = yaml::case_to_yaml(&c);
        let general = case::parse_general(&text, "x.yaml");
        let fast = agree(&text)?;
        // Whatever the writer writes, the fast reader takes when the
        // general reader does (only odd texts may fall back).
        if general.is_ok() && !text.contains('#') {
            prop_assert!(fast, "fast reader gave up on the writer's own layout:\n{text}");
        }
    }

    #[test]
    fn damaged_files_never_read_differently(
        c in a_case(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), "[ #:'\"|>&*\\[\\]{}\n\t\\\\a-]|", ), 1..4),
    ) {
        let mut text = yaml::case_to_yaml(&c);
        for (at, insert) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            if insert.is_empty() {
                // Delete a character.
                if let Some(ch) = text[i..].chars().next() {
                    text.replace_range(i..i + ch.len_utf8(), "");
                }
            } else {
                text.insert_str(i, &insert);
            }
        }
        agree(&text)?;
    }
}

fn yaml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            yaml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

#[test]
fn every_sample_and_fixture_file_reads_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    yaml_files(&root.join("cases"), &mut files);
    yaml_files(&root.join("tests/fixtures"), &mut files);
    assert!(files.len() > 20, "the sample ledger is missing");
    let mut fast_count = 0;
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        let general = case::parse_general(&text, "x.yaml");
        if let Some(c) = fast::parse(&text) {
            fast_count += 1;
            let back = packed::unpack(&packed::pack(&c));
            assert!(back.is_some_and(|b| same(&b, &c)), "{} packs", f.display());
            let g = general
                .as_ref()
                .unwrap_or_else(|e| panic!("{}: fast accepted, general: {e}", f.display()));
            assert!(same(&c, g), "{} reads differently", f.display());
        }
        // And through the entry point, both readers give the same result.
        let via = case::parse(&text, "x.yaml");
        match (&via, &general) {
            (Ok(a), Ok(b)) => assert!(same(a, b), "{}", f.display()),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{}", f.display()),
            _ => panic!("{}: parse and parse_general disagree", f.display()),
        }
    }
    // The sample ledger is written by redress: most of it takes the fast path.
    let sample: Vec<_> = files
        .iter()
        .filter(|f| f.starts_with(root.join("cases")))
        .collect();
    assert!(
        fast_count * 2 > sample.len(),
        "only {fast_count} of {} files took the fast path",
        files.len()
    );
}

/// A case file of the writer's layout with `levels` mappings nested under
/// its title's key.
fn nested(levels: usize) -> String {
    let mut text = String::from("id: 20261101-abcd\n");
    for level in 0..levels {
        text.push_str(&" ".repeat(2 * level));
        text.push_str("k:\n");
    }
    text
}

#[test]
fn the_guards_refusals_stand_though_its_scan_waits_for_the_fast_reader() {
    // Anchors, aliases and depth are refused through the ledger's entry
    // point exactly as through the general reader's, at the same place.
    let deep = nested(40);
    let very_deep = nested(3000); // 9 MB: no stack overflow either
    let anchored = "id: 20261101-abcd\ntitle: &a Parcel\nsummary: *a\n".to_string();
    for (text, code) in [
        (&deep, "too-deep"),
        (&very_deep, "too-deep"),
        (&anchored, "yaml-anchor"),
    ] {
        assert!(fast::parse(text).is_none());
        let via = case::parse(text, "x.yaml").unwrap_err();
        let general = case::parse_general(text, "x.yaml").unwrap_err();
        assert_eq!(via.to_string(), general.to_string());
        assert_eq!(via.code.to_string(), code, "{via}");
    }
}
