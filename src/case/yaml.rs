//! Writing case files by hand, key by key, so that the layout is ours and
//! stable: appends stay pure additions and diffs stay readable.

use crate::case::{Case, Event};
use std::fmt::Write;

/// A scalar as YAML: plain when that reads back as the same string, else
/// double-quoted (JSON string syntax is valid YAML).
pub fn scalar(s: &str) -> String {
    quote_unless_plain(s, false)
}

/// A scalar inside a flow list (`[a, b]`), where `,[]{}` are syntax, and
/// `:` and `?` may be (`[A:?]` does not parse).
fn flow_scalar(s: &str) -> String {
    quote_unless_plain(s, true)
}

fn quote_unless_plain(s: &str, flow: bool) -> String {
    if is_plain_safe(s) && !(flow && s.contains([',', '[', ']', '{', '}', ':', '?', '#'])) {
        s.to_string()
    } else {
        double_quoted(s)
    }
}

/// A YAML double-quoted scalar that reads back as exactly `s`: every
/// character a YAML reader would not keep as itself (control characters,
/// DEL, U+0085, U+2028, U+2029, a byte order mark) is written as an escape.
pub fn double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if !crate::case::yaml_guard::is_allowed_raw(c, false) && u32::from(c) <= 0xFF => {
                let _ = write!(out, "\\x{:02X}", u32::from(c));
            }
            c if !crate::case::yaml_guard::is_allowed_raw(c, false) => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether every character of `s` is one YAML keeps as itself outside
/// quotes, on one line (no tab, which YAML may trim, and no line break).
fn all_raw(s: &str) -> bool {
    s.chars().all(|c| {
        !matches!(c, '\t' | '\r' | '\n') && crate::case::yaml_guard::is_allowed_raw(c, false)
    })
}

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let reserved = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ];
    if reserved.contains(&s.to_lowercase().as_str()) {
        return false;
    }
    // Anything a YAML reader could take for a number, a date or a time.
    if s.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == '+' || c == '-') {
        return false;
    }
    if !(first.is_alphabetic() || first == '_' || first == '(' || first == '/') {
        return false;
    }
    !s.ends_with(' ')
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && all_raw(s)
        && !s.contains(['"', '\\'])
}

/// A key with a string value at `indent`; multi-line text as a literal block.
fn string_field(out: &mut String, indent: &str, key: &str, value: &str) {
    let lines: Vec<&str> = value.lines().collect();
    // A literal block keeps each line as typed, and one final line break at
    // most (`|`) or none (`|-`); anything else is written double-quoted.
    let block_ok = value.contains('\n')
        && !value.ends_with("\n\n")
        && value.split('\n').all(all_raw)
        && lines
            .first()
            .is_some_and(|l| !l.starts_with(' ') && !l.is_empty())
        && lines.iter().all(|l| !l.ends_with(' '));
    if block_ok {
        let chomp = if value.ends_with('\n') { "" } else { "-" };
        let _ = writeln!(out, "{indent}{key}: |{chomp}");
        for l in value.trim_end_matches('\n').lines() {
            if l.is_empty() {
                out.push('\n');
            } else {
                let _ = writeln!(out, "{indent}  {l}");
            }
        }
    } else {
        let _ = writeln!(out, "{indent}{key}: {}", scalar(value));
    }
}

fn list(items: &[String]) -> String {
    let parts: Vec<String> = items.iter().map(|s| flow_scalar(s)).collect();
    format!("[{}]", parts.join(", "))
}

/// A whole case file, history last.
pub fn case_to_yaml(case: &Case) -> String {
    let mut out = String::with_capacity(1024);
    let _ = writeln!(out, "id: {}", case.id);
    let _ = writeln!(out, "kind: {}", case.kind);
    string_field(&mut out, "", "title", &case.title);
    let _ = writeln!(out, "received: {}", case.received);
    let _ = writeln!(out, "channel: {}", case.channel);
    out.push_str("customer:\n");
    let c = &case.customer;
    string_field(&mut out, "  ", "name", &c.name);
    if let Some(e) = &c.email {
        string_field(&mut out, "  ", "email", e);
    }
    if let Some(p) = &c.phone {
        // Phone numbers are always quoted: `+1 514…` must stay a string.
        let _ = writeln!(out, "  phone: {}", double_quoted(p));
    }
    if let Some(p) = c.profile {
        let _ = writeln!(out, "  profile: {p}");
    }
    if let Some(v) = c.annual_value {
        let _ = writeln!(out, "  annual_value: {v}");
    }
    if let Some(l) = c.language {
        let _ = writeln!(out, "  language: {}", l.code());
    }
    string_field(&mut out, "", "category", &case.category);
    let _ = writeln!(out, "severity: {}", case.severity);
    if let Some(h) = case.harm {
        let _ = writeln!(out, "harm: {h}");
    }
    if !case.wants.is_empty() {
        let _ = writeln!(out, "wants: {}", list(&case.wants));
    }
    if let Some(j) = case.justice {
        let _ = writeln!(out, "justice: {j}");
    }
    if !case.risks.is_empty() {
        let risks: Vec<String> = case.risks.iter().map(|r| r.to_string()).collect();
        let _ = writeln!(out, "risks: {}", list(&risks));
    }
    if !case.tags.is_empty() {
        let _ = writeln!(out, "tags: {}", list(&case.tags));
    }
    if !case.description.is_empty() {
        string_field(&mut out, "", "description", &case.description);
    }
    if let Some(s) = &case.source {
        out.push_str("source:\n");
        string_field(&mut out, "  ", "system", &s.system);
        let _ = writeln!(out, "  id: {}", double_quoted(&s.id));
    }
    if !case.fields.is_empty() {
        out.push_str("fields:\n");
        for (k, v) in &case.fields {
            let key = double_quoted(k);
            string_field(&mut out, "  ", &key, v);
        }
    }
    out.push_str("history:\n");
    for e in &case.history {
        out.push_str(&event_to_yaml(e, "  "));
    }
    out
}

/// One history item, its dash at `indent`.
pub fn event_to_yaml(e: &Event, indent: &str) -> String {
    let mut out = String::with_capacity(160);
    let inner = format!("{indent}  ");
    let _ = writeln!(out, "{indent}- at: {}", e.at);
    let _ = writeln!(out, "{inner}by: {}", scalar(&e.by));
    let _ = writeln!(out, "{inner}event: {}", e.event);
    if let Some(v) = &e.to {
        string_field(&mut out, &inner, "to", v);
    }
    if let Some(v) = &e.reason {
        string_field(&mut out, &inner, "reason", v);
    }
    if let Some(v) = &e.remedy {
        string_field(&mut out, &inner, "remedy", v);
    }
    if let Some(v) = e.amount {
        let _ = writeln!(out, "{inner}amount: {v}");
    }
    if let Some(v) = e.outcome {
        let _ = writeln!(out, "{inner}outcome: {v}");
    }
    if let Some(v) = &e.summary {
        string_field(&mut out, &inner, "summary", v);
    }
    if let Some(v) = e.satisfied {
        let _ = writeln!(out, "{inner}satisfied: {v}");
    }
    if let Some(v) = &e.note {
        string_field(&mut out, &inner, "note", v);
    }
    out
}

/// The indentation of history items in an existing file ("  " by default),
/// or an error when the history is not a block list we can append to.
pub fn history_indent(text: &str) -> Result<String, String> {
    let mut lines = text.lines().skip_while(|l| !l.starts_with("history:"));
    let Some(head) = lines.next() else {
        return Err("the file has no `history:` key".into());
    };
    let rest = head["history:".len()..].trim();
    if !rest.is_empty() && !rest.starts_with('#') {
        return Err(format!(
            "`history: {rest}` is written inline; write it as a block list (`history:` then `  - at: …` items) so events can be appended"
        ));
    }
    let mut indent = None;
    for l in lines {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if l.len() == t.len() && !t.starts_with('-') {
            return Err("`history` must be the last key of the file".into());
        }
        if t.starts_with('-') && indent.is_none() {
            indent = Some(l[..l.len() - t.len()].to_string());
        }
    }
    if let Some(i) = indent {
        return Ok(i);
    }
    Ok("  ".into())
}

/// The byte offset where history item number `index` starts (the start of
/// its `- ` line), or `None` when the history has no such item. A late event
/// is inserted there, so every other byte of the file stays as it was.
pub fn history_item_offset(text: &str, indent: &str, index: usize) -> Option<usize> {
    let start = text
        .find("\nhistory:")
        .map(|i| i + 1)
        .or_else(|| text.starts_with("history:").then_some(0))?;
    let mut offset = start;
    let mut seen = 0;
    for line in text[start..].split_inclusive('\n') {
        if line
            .strip_prefix(indent)
            .is_some_and(|r| r.starts_with("- ") || r.trim_end() == "-")
        {
            if seen == index {
                return Some(offset);
            }
            seen += 1;
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_items_are_found_by_index() {
        let text = "id: x\nhistory:\n  - at: a\n    by: b\n  # c\n  - at: d\n";
        assert_eq!(history_item_offset(text, "  ", 0), Some(15));
        assert_eq!(
            &text[history_item_offset(text, "  ", 1).unwrap()..],
            "  - at: d\n"
        );
        assert_eq!(history_item_offset(text, "  ", 2), None);
    }

    #[test]
    fn scalars_round_trip() {
        for s in [
            "plain text",
            "yes",
            "12.50",
            "a: b",
            "#tag",
            "- item",
            "O'Brien",
            "2026-11-22",
            "trailing ",
            "",
            "naïve café",
            "50%",
            "x\ty",
            "m@example.com",
            "l'entrepôt",
            "a, b",
            "[x]",
            "@start",
            "!tag",
            "&anchor",
            "*alias",
            "|pipe",
            ">fold",
        ] {
            let doc = format!("k: {}\n", scalar(s));
            let v: std::collections::BTreeMap<String, String> = serde_yaml::from_str(&doc).unwrap();
            assert_eq!(v["k"], s, "{doc}");
        }
    }

    #[test]
    fn flow_lists_round_trip() {
        let items: Vec<String> = ["a, b", "[x]", "plain", "{y}", "A:?", "a:b", "q?", "x#y"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let doc = format!("k: {}\n", list(&items));
        let v: std::collections::BTreeMap<String, Vec<String>> =
            serde_yaml::from_str(&doc).unwrap();
        assert_eq!(v["k"], items, "{doc}");
    }

    #[test]
    fn finds_history_indent() {
        assert_eq!(history_indent("a: 1\nhistory:\n").unwrap(), "  ");
        assert_eq!(history_indent("history:\n- at: x\n").unwrap(), "");
        assert_eq!(history_indent("history:\n    - at: x\n").unwrap(), "    ");
        assert!(history_indent("history: []\n").is_err());
        assert!(history_indent("history:\n  - at: x\nkind: claim\n").is_err());
    }
}
