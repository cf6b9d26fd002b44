//! Fuzzing the case reader: arbitrary bytes and mutated sample cases never
//! make it panic; it returns a case or diagnostics with a real position.
//! And any text a user could type is stored exactly by the writer.
//!
//! Bounded for CI (proptest's default of 256 cases per property). A long
//! run: `PROPTEST_CASES=100000 cargo test --release --test fuzz_case`.

use proptest::prelude::*;
use redress::case::time::Timestamp;
use redress::case::vocab::EventKind;
use redress::case::{self, Event};
use redress::ledger::parse_and_validate;
use redress::policy::Policies;
use std::path::Path;
use std::sync::OnceLock;

const REL: &str = "cases/2026/11/20261102-k7q2.yaml";

fn policies() -> &'static Policies {
    static P: OnceLock<Policies> = OnceLock::new();
    P.get_or_init(|| {
        redress::policy::load(Path::new(env!("CARGO_MANIFEST_DIR"))).expect("sample policies")
    })
}

/// Every sample case under cases/, as text.
fn samples() -> &'static [String] {
    static S: OnceLock<Vec<String>> = OnceLock::new();
    S.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
        let mut out: Vec<String> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "yaml"))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        out.sort();
        assert!(!out.is_empty(), "no sample cases");
        out
    })
}

/// Reads bytes the way the ledger does, and checks the outcome's shape.
fn read_never_panics(bytes: Vec<u8>) {
    let lines = bytes.split(|b| *b == b'\n').count();
    let result = case::text_of(bytes, REL)
        .map_err(|d| vec![d])
        .and_then(|text| parse_and_validate(&text, REL, policies()).map(|_| ()));
    if let Err(diags) = result {
        assert!(!diags.is_empty());
        for d in diags {
            assert!(d.line >= 1 && d.column >= 1, "{d}");
            assert!(d.line <= lines + 1, "{d} is past the end ({lines} lines)");
            assert!(!d.message.is_empty());
        }
    }
}

/// Pieces of YAML syntax and awkward characters that mutations splice in.
const SPLICES: &[&str] = &[
    "&a ",
    "*a",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "|",
    ">-",
    "- ",
    ": ",
    "#",
    "\t",
    "\u{85}",
    "\u{2028}",
    "\u{7f}",
    "\0",
    "\u{feff}",
    "\r",
    "\n",
    "  ",
    "---\n",
    "? ",
    "!!str ",
    "99999999999999999999999999999",
    "0.001",
    "2026-13-45",
    "~",
    "null",
    "é",
    "\\",
];

#[derive(Debug, Clone)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    Truncate(usize),
    Splice(usize, usize),
    Indent(usize, bool),
    Byte(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Splice(a, b)),
        (any::<usize>(), any::<bool>()).prop_map(|(a, b)| Mutation::Indent(a, b)),
        (any::<usize>(), any::<u8>()).prop_map(|(a, b)| Mutation::Byte(a, b)),
    ]
}

fn apply(text: &[u8], m: &Mutation) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = text.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    let n = lines.len();
    match *m {
        Mutation::DeleteLine(i) => {
            lines.remove(i % n);
        }
        Mutation::DuplicateLine(i) => {
            let l = lines[i % n].clone();
            lines.insert(i % n, l);
        }
        Mutation::SwapLines(a, b) => lines.swap(a % n, b % n),
        Mutation::Indent(i, deeper) => {
            let l = &mut lines[i % n];
            if deeper {
                l.splice(0..0, *b"  ");
            } else if l.first() == Some(&b' ') {
                l.remove(0);
            }
        }
        Mutation::Truncate(at) => return text[..at % (text.len() + 1)].to_vec(),
        Mutation::Splice(at, which) => {
            let mut out = text.to_vec();
            let at = at % (out.len() + 1);
            out.splice(at..at, SPLICES[which % SPLICES.len()].bytes());
            return out;
        }
        Mutation::Byte(at, b) => {
            let mut out = text.to_vec();
            if !out.is_empty() {
                let at = at % out.len();
                out[at] = b;
            }
            return out;
        }
    }
    lines.join(&b'\n')
}

/// Text a user could type: any characters, with the awkward ones frequent.
fn typed_text() -> impl Strategy<Value = String> {
    let awkward = prop::sample::select(vec![
        '\n', '\r', '\t', ' ', '"', '\'', '\\', '#', ':', '-', '&', '*', '|', '>', '[', '{', ',',
        '\0', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{a0}', '\u{2028}', '\u{2029}', '\u{feff}',
        '\u{fffe}', '\u{ffff}', 'é', '😀',
    ]);
    let c = prop_oneof![3 => any::<char>(), 3 => awkward, 4 => prop::char::range('a', 'z')];
    prop::collection::vec(c, 0..40).prop_map(|v| v.into_iter().collect())
}

/// Fragments of YAML from which to build texts that probe the guard's lexer.
const TOKENS: &[&str] = &[
    "*x", "*x", "*x", "&a ", "[", "]", "{", "}", ",", ":", ": ", "?", "? ", "- ", "-", "\n",
    "\n  ", "  ", " ", "\t", "\"q\"", "\"e\\\"", "'s'", "'", "\"", "|", "|-", ">", "#c", "k",
    "a b", "!t ", "!!str ", "---", "...", "\\", "%", "@", "&", "*", "\r\n", "|2", "\n   ",
    "\n    ", "k: ", "- k: ", "*x:", "{k: ", "[k, ", "!<t> ", "''",
];

proptest! {
    /// Whatever the guard accepts holds no alias the YAML reader would see:
    /// an alias to an anchor that does not exist is an "unknown anchor".
    #[test]
    fn the_guard_lets_no_alias_through(
        parts in prop::collection::vec(prop::sample::select(TOKENS), 0..40),
    ) {
        let text = parts.concat();
        if redress::case::yaml_guard::check(&text).is_ok()
            && let Err(e) = serde_yaml::from_str::<serde_yaml::Value>(&text)
        {
            prop_assert!(!e.to_string().contains("unknown anchor"), "{:?}: {}", text, e);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        read_never_panics(bytes);
    }

    #[test]
    fn mutated_samples_never_panic(
        which in any::<usize>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let samples = samples();
        let mut text = samples[which % samples.len()].clone().into_bytes();
        for m in &mutations {
            text = apply(&text, m);
        }
        read_never_panics(text);
    }

    #[test]
    fn typed_text_is_stored_exactly(note in typed_text(), title in typed_text(), key in typed_text()) {
        let mut case = case::parse(&samples()[0], REL).expect("sample parses");
        case.title = title.clone();
        case.fields.insert(key.clone(), note.clone());
        let mut event = Event::new(
            EventKind::Noted,
            Timestamp::parse("2030-01-01T00:00:00Z").expect("time"),
            note.clone(),
        );
        event.note = Some(note.clone());
        case.history.push(event);
        let text = redress::case::yaml::case_to_yaml(&case);
        let back = case::parse(&text, REL).map_err(|d| format!("{d}\n{text}"));
        prop_assert!(back.is_ok(), "{}", back.err().unwrap_or_default());
        let back = back.unwrap_or_else(|_| unreachable!());
        let last = back.history.last().expect("the event");
        prop_assert_eq!(&back.title, &title);
        prop_assert_eq!(back.fields.get(&key), Some(&note));
        prop_assert_eq!(last.note.as_ref(), Some(&note));
        prop_assert_eq!(&last.by, &note);
    }
}
