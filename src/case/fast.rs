//! A reader for the layout redress itself writes ([`crate::case::yaml`]):
//! block mappings indented by two spaces, history items as `  - at: …`,
//! plain scalars the writer leaves unquoted, double-quoted scalars with the
//! writer's escapes, literal blocks (`|`, `|-`) and one-line flow lists.
//!
//! It turns such a file into a document tree ([`tree`]) that the case's own serde
//! code reads, exactly as it reads the YAML reader's events, so a key or an
//! event kind added to the case is read the same way by both. Anything
//! outside that layout (a comment, a tab, a `---`, a key written twice, a
//! quoting style the writer does not use) makes it give up, and the general
//! YAML reader reads the file: this reader only has to be right about what
//! it accepts. `tests/fast_parser.rs` proves it equal to the general reader
//! over generated cases and over every file of the sample ledger.

pub mod tree;

use crate::case::Case;
use std::borrow::Cow;

/// The document tree of `text` in the compact form of [`tree`], or `None`
/// when the text is not in the writer's layout (then the general YAML
/// reader must read it).
pub fn encode(text: &str) -> Option<Vec<u8>> {
    if text.contains(['\t', '\r']) || text.starts_with('\u{FEFF}') {
        return None;
    }
    let mut p = Parser {
        lines: text.split('\n').collect(),
        at: 0,
        carry: None,
        out: Vec::with_capacity(text.len()),
    };
    // A final line break leaves one empty piece after it.
    if p.lines.last() == Some(&"") {
        p.lines.pop();
    }
    let entries = p.map(0)?;
    p.skip_blank();
    (p.at == p.lines.len() && entries > 0).then_some(p.out)
}

/// The case in `text` when it is in the writer's layout and valid as a
/// case; `None` sends the caller to the general reader, which also words
/// any error.
pub fn parse(text: &str) -> Option<Case> {
    tree::case(&encode(text)?)
}

/// The deepest indentation of a mapping this reader takes: a case's is 4.
/// It keeps this reader's recursion shallow, and what it accepts well
/// under [`yaml_guard`](crate::case::yaml_guard)'s depth limit (each
/// level indents by two), so that the guard's scan for anchors and depth
/// need only run on what it gives up on.
const MAX_INDENT: usize = 16;

/// The most keys of one mapping this reader takes (a case has about 20).
const MAX_KEYS: usize = 256;

struct Parser<'a> {
    lines: Vec<&'a str>,
    at: usize,
    /// The rest of a `- ` line: the first key of a history item, read as
    /// if it stood on its own line at this indentation.
    carry: Option<(usize, &'a str)>,
    out: Vec<u8>,
}

impl<'a> Parser<'a> {
    fn skip_blank(&mut self) {
        while self.carry.is_none() && self.lines.get(self.at).is_some_and(|l| l.is_empty()) {
            self.at += 1;
        }
    }

    /// The next line as (indentation, content), blank lines skipped.
    fn peek(&mut self) -> Option<(usize, &'a str)> {
        if let Some(c) = self.carry {
            return Some(c);
        }
        self.skip_blank();
        let line = *self.lines.get(self.at)?;
        let content = line.trim_start_matches(' ');
        Some((line.len() - content.len(), content))
    }

    fn advance(&mut self) {
        if self.carry.take().is_none() {
            self.at += 1;
        }
    }

    /// A block mapping whose keys stand at exactly `indent` spaces; the
    /// number of its keys.
    fn map(&mut self, indent: usize) -> Option<usize> {
        if indent > MAX_INDENT {
            return None;
        }
        self.out.push(tree::MAP);
        let mut keys: Vec<Cow<'a, str>> = Vec::new();
        while let Some((ind, content)) = self.peek() {
            if ind < indent {
                break;
            }
            if ind > indent {
                return None;
            }
            let (key, rest) = split_key(content)?;
            // A mapping with more keys than any case has is left to the
            // general reader: checking for repeats stays cheap.
            if keys.len() >= MAX_KEYS || keys.contains(&key) {
                return None;
            }
            tree::key(&key, &mut self.out);
            keys.push(key);
            self.advance();
            self.value(indent, rest)?;
        }
        self.out.push(tree::MAP_END);
        Some(keys.len())
    }

    /// What follows `key:` on a line at `indent`.
    fn value(&mut self, indent: usize, rest: &'a str) -> Option<()> {
        match rest {
            "" => self.nested(indent),
            " |" | " |-" => self.literal(indent + 2, rest == " |"),
            _ => {
                let v = rest.strip_prefix(' ')?;
                match v.as_bytes().first()? {
                    b'"' => {
                        let (s, after) = double_quoted(v)?;
                        after.is_empty().then(|| tree::text(&s, &mut self.out))
                    }
                    b'[' => flow_list(v, &mut self.out),
                    _ => plain(v, false, &mut self.out),
                }
            }
        }
    }

    /// The block under `key:`: a mapping or a list indented by two more
    /// spaces, else nothing (null).
    fn nested(&mut self, indent: usize) -> Option<()> {
        match self.peek() {
            Some((ind, content)) if ind == indent + 2 => {
                if content.starts_with("- ") {
                    self.list(ind)
                } else {
                    self.map(ind).map(|_| ())
                }
            }
            Some((ind, _)) if ind > indent => None,
            _ => {
                self.out.push(tree::NULL);
                Some(())
            }
        }
    }

    /// A block list of mappings, each item's dash at `indent`.
    fn list(&mut self, indent: usize) -> Option<()> {
        self.out.push(tree::LIST);
        while let Some((ind, content)) = self.peek() {
            if ind < indent {
                break;
            }
            let first = content.strip_prefix("- ")?;
            if ind > indent || first.starts_with(' ') {
                return None;
            }
            self.advance();
            self.carry = Some((indent + 2, first));
            self.map(indent + 2)?;
        }
        self.out.push(tree::END);
        Some(())
    }

    /// A literal block scalar whose lines are indented by `indent` spaces;
    /// `clip` keeps one final line break (`|`), else none (`|-`).
    fn literal(&mut self, indent: usize, clip: bool) -> Option<()> {
        if self.carry.is_some() {
            return None;
        }
        let mut out = String::new();
        let mut blank = 0;
        let mut first = true;
        while let Some(line) = self.lines.get(self.at) {
            if line.is_empty() {
                if first {
                    return None;
                }
                blank += 1;
                self.at += 1;
                continue;
            }
            let content = line.trim_start_matches(' ');
            let ind = line.len() - content.len();
            if content.is_empty() || (first && ind != indent) {
                return None;
            }
            if ind < indent {
                break;
            }
            if !all_raw(content) {
                return None;
            }
            if !first {
                out.push('\n');
            }
            for _ in 0..blank {
                out.push('\n');
            }
            blank = 0;
            first = false;
            out.push_str(line.get(indent..)?);
            self.at += 1;
        }
        if first {
            return None;
        }
        if clip {
            out.push('\n');
        }
        tree::text(&out, &mut self.out);
        Some(())
    }
}

/// `key: rest` → (key, rest after the colon). Keys are plain words, or
/// double-quoted (the writer quotes the names under `fields:`).
fn split_key(content: &str) -> Option<(Cow<'_, str>, &str)> {
    if content.starts_with('"') {
        let (key, after) = double_quoted(content)?;
        return Some((Cow::Owned(key), after.strip_prefix(':')?));
    }
    let end = content.find(':')?;
    let key = &content[..end];
    let word = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && key.as_bytes()[0].is_ascii_alphabetic();
    word.then(|| (Cow::Borrowed(key), &content[end + 1..]))
}

/// Whether every character stands for itself outside quotes.
fn all_raw(s: &str) -> bool {
    // Printable ASCII, most of a case, stands for itself.
    s.bytes().all(|b| matches!(b, b' '..=b'~'))
        || s.chars()
            .all(|c| crate::case::yaml_guard::is_allowed_raw(c, false))
}

/// A plain scalar as the YAML reader hands it to the case's serde code:
/// its own text, except the booleans and null it resolves; `None` for any
/// text whose plain reading is not certain.
fn plain(s: &str, flow: bool, out: &mut Vec<u8>) -> Option<()> {
    let first = s.chars().next()?;
    let starts_ok = first.is_alphanumeric()
        || matches!(first, '_' | '(' | '/')
        || (matches!(first, '+' | '-' | '.') && s[1..].starts_with(|c: char| c.is_ascii_digit()));
    let ok = starts_ok
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains(['"', '\\'])
        // In a flow list `:` and `?` are syntax too (`[A:?]` is refused
        // by the general reader), so such items fall back.
        && (!flow || !s.contains([',', '[', ']', '{', '}', '#', ':', '?']))
        && all_raw(s);
    if !ok {
        return None;
    }
    match s {
        "true" => out.push(tree::TRUE),
        "false" => out.push(tree::FALSE),
        "null" | "Null" | "NULL" => out.push(tree::NULL),
        _ => tree::text(s, out),
    }
    Some(())
}

/// A double-quoted scalar at the start of `s` with only the writer's
/// escapes; returns it and what follows the closing quote.
fn double_quoted(s: &str) -> Option<(String, &str)> {
    let body = s.strip_prefix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, &body[i + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                match e {
                    '"' => out.push('"'),
                    '\\' => out.push('\\'),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'x' | 'u' => {
                        let n = if e == 'x' { 2 } else { 4 };
                        let mut code = 0u32;
                        for _ in 0..n {
                            let (_, h) = chars.next()?;
                            code = code * 16 + h.to_digit(16)?;
                        }
                        out.push(char::from_u32(code)?);
                    }
                    _ => return None,
                }
            }
            c if crate::case::yaml_guard::is_allowed_raw(c, false) => out.push(c),
            _ => return None,
        }
    }
    None
}

/// `[a, "b, c"]` on one line: plain or double-quoted items.
fn flow_list(s: &str, out: &mut Vec<u8>) -> Option<()> {
    let mut rest = s.strip_prefix('[')?;
    out.push(tree::LIST);
    if rest != "]" {
        loop {
            let after = if rest.starts_with('"') {
                let (q, after) = double_quoted(rest)?;
                tree::text(&q, out);
                after
            } else {
                let end = rest.find([',', ']'])?;
                plain(&rest[..end], true, out)?;
                &rest[end..]
            };
            if after == "]" {
                break;
            }
            rest = after.strip_prefix(", ")?;
            if rest.starts_with(' ') {
                return None;
            }
        }
    }
    out.push(tree::END);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_up_on_a_mapping_with_more_keys_than_a_case_has() {
        let keys = |n: usize| -> String { (0..n).map(|i| format!("k{i}: x\n")).collect() };
        assert!(encode(&keys(MAX_KEYS)).is_some());
        assert!(encode(&keys(MAX_KEYS + 1)).is_none());
    }

    #[test]
    fn gives_up_past_its_deepest_indentation() {
        let nested = |levels: usize| -> String {
            (0..levels)
                .map(|level| format!("{}k:\n", " ".repeat(2 * level)))
                .collect()
        };
        // Mappings up to MAX_INDENT are encoded (a case needs 4), deeper
        // ones are left to the guard and the general reader.
        assert!(encode(&nested(MAX_INDENT / 2 + 1)).is_some());
        assert!(encode(&nested(MAX_INDENT / 2 + 2)).is_none());
    }

    #[test]
    fn reads_the_writers_layout() {
        let text = "id: 20261102-k7q2\nkind: claim\ntitle: Lamp\nreceived: 2026-11-02T09:00:00-05:00\nchannel: email\ncustomer:\n  name: \"M \\\"x\\\"\"\ncategory: delivery\nseverity: low\ntags: [a, \"b, c\"]\ndescription: |\n  one\n\n  two\nhistory:\n  - at: 2026-11-02T10:00:00-05:00\n    by: alice\n    event: followed-up\n    satisfied: true\n";
        let case = parse(text).expect("fast path");
        assert_eq!(case.customer.name, "M \"x\"");
        assert_eq!(case.tags, vec!["a".to_string(), "b, c".to_string()]);
        assert_eq!(case.description, "one\n\ntwo\n");
        assert_eq!(case.history[0].satisfied, Some(true));
    }

    #[test]
    fn gives_up_outside_the_layout() {
        for text in [
            "id: x # comment\n",
            "id: x\nid: y\n",
            "---\nid: x\n",
            "id: &a x\n",
            "id:\ttab\n",
            "id: 'single'\n",
            "history:\n- at: x\n",
            "a: |\n\n  late start\n",
        ] {
            assert!(encode(text).is_none(), "{text:?}");
        }
    }
}
