//! The three-way merge of case files, as git's merge driver does it
//! (`redress merge-file BASE OURS THEIRS`): a pure function on texts.
//!
//! The merge works on the text, so that every byte the two sides share is
//! kept as it is (hand comments, quoting, layout):
//!
//! - A file is a sequence of top-level key blocks: a line at column 0 with
//!   `key:`, its indented or continuation lines, and the column-0 comment lines
//!   directly above it. `history:` is the last block. Lines before the first
//!   key (a `---`, a comment set apart by a blank line) form a block of their own.
//! - Every block but the history merges three-way as a whole: changed on one
//!   side only, that side's text wins; changed the same way on both, once;
//!   changed differently on both, conflict markers around that block.
//! - The history is append-only. When both sides changed it and the base's
//!   history is, byte for byte, the start of both, the result is that common
//!   part followed by the union of the items each side appended (an item
//!   appended identically on both sides is kept once), sorted by `at` (a
//!   stable sort: for equal times, ours first). Otherwise (a side edited or
//!   removed an existing event) conflict markers go around the history.
//! - An input that does not read as a case file gets a conservative merge:
//!   conflict markers around the whole region where the two sides differ.
//!
//! YAML is parsed only to check that the text layout is what it seems, to read
//! the `at` of appended items, and to validate a clean result. A clean result
//! must pass what `redress check` asks of a case's content (the case parses;
//! `history::problems`: keys per event, time order, event sequence), like any
//! other write: a union that would not (two `resolved`, `paused` twice, an
//! event after `closed`) is a conservative conflict instead, whose message
//! names the rule and the two events. Nothing is ever dropped.

use crate::case::history::Problem;
use crate::case::time::Timestamp;
use crate::case::vocab::EventKind;
use crate::case::{Case, Locus};
use crate::diag::DiagCode;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use std::collections::BTreeSet;

pub const OURS_MARKER: &str = "<<<<<<< ours\n";
pub const SEPARATOR: &str = "=======\n";
pub const THEIRS_MARKER: &str = ">>>>>>> theirs\n";

/// The merged text, and what conflicted (empty for a clean merge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<String>,
}

impl Merged {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    fn clean(text: &str) -> Merged {
        Merged {
            text: text.to_string(),
            conflicts: Vec::new(),
        }
    }
}

/// Merges raw file contents, bare dates read in UTC; see [`merge_bytes_in`].
pub fn merge_bytes(base: &[u8], ours: &[u8], theirs: &[u8]) -> (Vec<u8>, Vec<String>) {
    merge_bytes_in(base, ours, theirs, chrono_tz::UTC)
}

/// Merges raw file contents, bare dates (`2026-11-22`) meaning midnight in
/// `tz` as `check` reads them; files that are not UTF-8 get the conservative
/// merge on their bytes. Returns the bytes and the conflicts.
pub fn merge_bytes_in(base: &[u8], ours: &[u8], theirs: &[u8], tz: Tz) -> (Vec<u8>, Vec<String>) {
    match (
        std::str::from_utf8(base),
        std::str::from_utf8(ours),
        std::str::from_utf8(theirs),
    ) {
        (Ok(b), Ok(o), Ok(t)) => {
            let m = merge_in(b, o, t, tz);
            (m.text.into_bytes(), m.conflicts)
        }
        _ => {
            let (b, o, t) = (terminated(base), terminated(ours), terminated(theirs));
            if o == t || b == t {
                (o, Vec::new())
            } else if b == o {
                (t, Vec::new())
            } else {
                (
                    conflict_region(&o, &t),
                    vec!["a version is not UTF-8 text: the two sides are shown whole".into()],
                )
            }
        }
    }
}

/// Merges three versions of a case file, bare dates read in UTC.
pub fn merge(base: &str, ours: &str, theirs: &str) -> Merged {
    merge_in(base, ours, theirs, chrono_tz::UTC)
}

/// Merges three versions of a case file, bare dates read in `tz`.
pub fn merge_in(base: &str, ours: &str, theirs: &str, tz: Tz) -> Merged {
    let (base, ours, theirs) = (
        terminated_str(base),
        terminated_str(ours),
        terminated_str(theirs),
    );
    if ours == theirs || base == theirs {
        return Merged::clean(&ours);
    }
    if base == ours {
        return Merged::clean(&theirs);
    }
    if let Some(why) = anonymised_on_one_side(&base, &ours, &theirs) {
        return conservative(&ours, &theirs, vec![why]);
    }
    let (b, o, t) = match (
        analyze(&base, true),
        analyze(&ours, false),
        analyze(&theirs, false),
    ) {
        (Ok(b), Ok(o), Ok(t)) => (b, o, t),
        (b, o, t) => {
            let why = [
                ("the base", b.err()),
                ("ours", o.err()),
                ("theirs", t.err()),
            ]
            .into_iter()
            .filter_map(|(side, e)| e.map(|e| format!("{side} does not read as a case file ({e})")))
            .collect();
            return conservative(&ours, &theirs, why);
        }
    };
    let mut conflicts = Vec::new();
    let mut text = merge_keys(&b, &o, &t, &mut conflicts);
    let sides = Sides {
        b: &b,
        o: &o,
        t: &t,
        tz,
    };
    let (history, origins) = merge_history(&sides, &mut conflicts);
    text.push_str(&history);
    // Inputs that are not all cases (a hand-made YAML file under cases/) only
    // need a result that reads back; a result that is a case must pass the rules.
    let strict = [&base, &ours, &theirs]
        .iter()
        .all(|s| s.trim().is_empty() || crate::case::parse(s, "case").is_ok());
    if conflicts.is_empty()
        && let Err(why) = validate(&text, &origins, tz, strict)
    {
        return conservative(&ours, &theirs, why);
    }
    Merged { text, conflicts }
}

/// A side that anonymised the case while the other changed it: the other
/// side's changes may quote the customer, so they never merge silently.
fn anonymised_on_one_side(base: &str, ours: &str, theirs: &str) -> Option<String> {
    let count = |s: &str| {
        crate::case::parse(s, "case").map_or(0, |c| {
            c.history
                .iter()
                .filter(|e| e.event == EventKind::Anonymised)
                .count()
        })
    };
    let b = count(base);
    let side = if count(ours) > b {
        "ours"
    } else if count(theirs) > b {
        "theirs"
    } else {
        return None;
    };
    Some(format!(
        "{side} anonymised the case while the other side changed it: keep the anonymised version, add the other side's events to it, delete its `anonymised` event and run `redress anonymise` again"
    ))
}

/// The three versions, analyzed, and the zone bare dates are read in.
struct Sides<'a> {
    b: &'a Doc,
    o: &'a Doc,
    t: &'a Doc,
    tz: Tz,
}

/// Where an event of the merged history came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    Base,
    Ours,
    Theirs,
    Both,
}

impl Origin {
    fn name(self) -> &'static str {
        match self {
            Origin::Base => "in the common base",
            Origin::Ours => "from ours",
            Origin::Theirs => "from theirs",
            Origin::Both => "from both sides",
        }
    }
}

/// Adds a final newline when missing, so that every line is terminated.
fn terminated_str(s: &str) -> String {
    let mut s = s.to_string();
    if !s.is_empty() && !s.ends_with('\n') {
        s.push('\n');
    }
    s
}

fn terminated(s: &[u8]) -> Vec<u8> {
    let mut s = s.to_vec();
    if !s.is_empty() && !s.ends_with(b"\n") {
        s.push(b'\n');
    }
    s
}

/// A case file's text cut into blocks.
#[derive(Debug, Default)]
struct Doc {
    /// Every block but the history, in file order; `""` names the lines
    /// before the first key.
    blocks: Vec<Block>,
    history: Option<History>,
}

#[derive(Debug)]
struct Block {
    key: String,
    text: String,
}

#[derive(Debug)]
struct History {
    /// The whole block, from its comments and `history:` line to the file's end.
    text: String,
    /// The part before the first item.
    header: String,
    /// The indentation of the item dashes, when there are items.
    indent: Option<String>,
    items: usize,
}

/// Cuts a text into blocks and checks, with a YAML parser, that the cut
/// matches what the YAML means. An empty base is allowed (git passes one
/// when both sides added the file).
fn analyze(text: &str, allow_empty: bool) -> Result<Doc, String> {
    if text.trim().is_empty() {
        return if allow_empty {
            Ok(Doc::default())
        } else {
            Err("the file is empty".into())
        };
    }
    if let Some(line) = crate::diag::conflict_markers(text).first() {
        return Err(format!("conflict markers at line {line}"));
    }
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    let map = value
        .as_mapping()
        .ok_or("the file is not a mapping of keys")?;
    let doc = split(text)?;
    let mut yaml_keys = BTreeSet::new();
    for k in map.keys() {
        yaml_keys.insert(k.as_str().ok_or("a top-level key is not a string")?);
    }
    let text_keys: BTreeSet<&str> = doc
        .blocks
        .iter()
        .map(|b| b.key.as_str())
        .filter(|k| !k.is_empty())
        .chain(doc.history.as_ref().map(|_| "history"))
        .collect();
    if yaml_keys != text_keys {
        return Err("the top-level keys are not written one per line at column 0".into());
    }
    let items = match map.get("history") {
        None | Some(serde_yaml::Value::Null) => 0,
        Some(serde_yaml::Value::Sequence(s)) => s.len(),
        Some(_) => return Err("`history` is not a list".into()),
    };
    if doc.history.as_ref().is_some_and(|h| h.items != items) {
        return Err("the history is not written as a block list of items".into());
    }
    Ok(doc)
}

/// The line without its line ending.
fn body(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

/// The key of a top-level `key:` line, if it is one.
fn key_of(line: &str) -> Option<String> {
    let b = body(line);
    let quote = b.chars().next().filter(|c| *c == '"' || *c == '\'');
    let (key, rest) = match quote {
        Some(q) => {
            let end = b[1..].find(q)? + 1;
            (b[1..end].to_string(), &b[end + 1..])
        }
        None => {
            let i = b.find(':')?;
            (b[..i].trim_end().to_string(), &b[i..])
        }
    };
    let after = rest.trim_start().strip_prefix(':')?;
    (after.is_empty() || after.starts_with([' ', '\t'])).then_some(key)
}

fn is_item_start(trimmed: &str) -> bool {
    trimmed == "-" || trimmed.starts_with("- ") || trimmed.starts_with("-\t")
}

fn split(text: &str) -> Result<Doc, String> {
    let mut blocks = vec![Block {
        key: String::new(),
        text: String::new(),
    }];
    // Column-0 comments that will belong to the next key if one follows.
    let mut pending = String::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let b = body(line);
        match b.chars().next() {
            Some('#') => pending.push_str(line),
            None | Some(' ' | '\t' | '-') => {
                let current = blocks.last_mut().map(|b| &mut b.text);
                if let Some(current) = current {
                    current.push_str(&pending);
                    current.push_str(line);
                }
                pending.clear();
            }
            Some(_) => {
                let key = key_of(line).ok_or_else(|| {
                    format!("line {}: `{b}` is not a top-level `key:` line", i + 1)
                })?;
                if blocks.iter().any(|x| x.key == key) {
                    return Err(format!("line {}: `{key}` appears twice", i + 1));
                }
                blocks.push(Block {
                    key,
                    text: std::mem::take(&mut pending) + line,
                });
            }
        }
    }
    if let Some(last) = blocks.last_mut() {
        last.text.push_str(&pending);
    }
    if blocks[0].text.is_empty() {
        blocks.remove(0);
    }
    let history = match blocks.iter().position(|b| b.key == "history") {
        None => None,
        Some(i) if i + 1 == blocks.len() => Some(history(blocks.remove(i).text)),
        Some(_) => return Err("`history` is not the last key".into()),
    };
    Ok(Doc { blocks, history })
}

fn history(text: String) -> History {
    let mut indent: Option<String> = None;
    let mut header_end = text.len();
    let mut items = 0;
    let mut offset = 0;
    let mut seen_key_line = false;
    for line in text.split_inclusive('\n') {
        let b = body(line);
        let trimmed = b.trim_start();
        let ind = &b[..b.len() - trimmed.len()];
        if !seen_key_line {
            // Comments above the key, then the `history:` line itself.
            seen_key_line = !b.starts_with('#');
        } else if is_item_start(trimmed) {
            if indent.is_none() {
                indent = Some(ind.to_string());
                header_end = offset;
            }
            if indent.as_deref() == Some(ind) {
                items += 1;
            }
        }
        offset += line.len();
    }
    History {
        header: text[..header_end].to_string(),
        text,
        indent,
        items,
    }
}

/// Every block but the history, merged three-way, as text.
fn merge_keys(b: &Doc, o: &Doc, t: &Doc, conflicts: &mut Vec<String>) -> String {
    fn get<'a>(d: &'a Doc, key: &str) -> Option<&'a str> {
        d.blocks
            .iter()
            .find(|x| x.key == key)
            .map(|x| x.text.as_str())
    }
    // Ours' order; a key only theirs has goes after the key it follows there.
    let mut order: Vec<&str> = o.blocks.iter().map(|x| x.key.as_str()).collect();
    let mut previous: Option<&str> = None;
    for x in &t.blocks {
        if !order.contains(&x.key.as_str()) {
            let at = previous
                .and_then(|p| order.iter().position(|k| *k == p))
                .map_or(0, |i| i + 1);
            order.insert(at, &x.key);
        }
        previous = Some(&x.key);
    }
    let mut out = String::new();
    for key in order {
        let (bb, oo, tt) = (get(b, key), get(o, key), get(t, key));
        let chosen = if oo == tt || tt == bb {
            oo
        } else if oo == bb {
            tt
        } else {
            conflicts.push(describe(key, bb, oo, tt));
            out.push_str(&markers(oo.unwrap_or(""), tt.unwrap_or("")));
            continue;
        };
        if let Some(text) = chosen {
            out.push_str(text);
        }
    }
    out
}

fn describe(key: &str, b: Option<&str>, o: Option<&str>, t: Option<&str>) -> String {
    let name = if key.is_empty() {
        "the lines before the first key".to_string()
    } else {
        format!("`{key}`")
    };
    match (b, o, t) {
        (None, _, _) => format!("{name} was added on both sides, differently"),
        (Some(_), None, _) => format!("{name} was removed by ours and changed by theirs"),
        (Some(_), _, None) => format!("{name} was changed by ours and removed by theirs"),
        _ => format!("{name} was changed on both sides, differently"),
    }
}

fn markers(ours: &str, theirs: &str) -> String {
    format!("{OURS_MARKER}{ours}{SEPARATOR}{theirs}{THEIRS_MARKER}")
}

/// The merged history's text and where each of its events came from.
fn merge_history(sides: &Sides, conflicts: &mut Vec<String>) -> (String, Vec<Origin>) {
    fn text(h: Option<&History>) -> Option<&str> {
        h.map(|h| h.text.as_str())
    }
    let (b, o, t) = (
        sides.b.history.as_ref(),
        sides.o.history.as_ref(),
        sides.t.history.as_ref(),
    );
    let base_items = b.map_or(0, |h| h.items);
    // One side's history as it is: the events past the base's are that side's.
    let whole = |h: Option<&History>, side: Origin| {
        let items = h.map_or(0, |h| h.items);
        let origins = (0..items)
            .map(|i| if i < base_items { Origin::Base } else { side })
            .collect();
        (h.map_or_else(String::new, |h| h.text.clone()), origins)
    };
    if text(o) == text(t) {
        return whole(o, Origin::Both);
    }
    if text(t) == text(b) {
        return whole(o, Origin::Ours);
    }
    if text(o) == text(b) {
        return whole(t, Origin::Theirs);
    }
    match union(b, o, t, sides.tz) {
        Ok(merged) => merged,
        Err(why) => {
            conflicts.push(format!("`history`: {why}"));
            let o = o.map_or("", |h| h.text.as_str());
            let t = t.map_or("", |h| h.text.as_str());
            (conflict_text(o, t), Vec::new())
        }
    }
}

/// One appended item: its text (with the comments directly above it) and time.
#[derive(Debug, Clone)]
struct Item {
    at: Option<DateTime<Utc>>,
    text: String,
    origin: Origin,
}

/// The common history followed by both sides' appended items, in time order.
fn union(
    b: Option<&History>,
    o: Option<&History>,
    t: Option<&History>,
    tz: Tz,
) -> Result<(String, Vec<Origin>), String> {
    let (Some(o), Some(t)) = (o, t) else {
        return Err("one side removed the history and the other changed it".into());
    };
    let (common, common_items) = match b {
        Some(b) => (b.text.as_str(), b.items),
        None if o.header == t.header => (o.header.as_str(), 0),
        None => return Err("both sides added a history, differently".into()),
    };
    let indent = b
        .and_then(|b| b.indent.as_deref())
        .or(o.indent.as_deref())
        .or(t.indent.as_deref())
        .unwrap_or("  ");
    for (side, h) in [("ours", o), ("theirs", t)] {
        if h.indent.as_deref().is_some_and(|i| i != indent) {
            return Err(format!(
                "{side} indents the history items differently; merge by hand"
            ));
        }
    }
    let ours = appended(&o.text, common, indent, Origin::Ours, tz)?;
    let theirs = appended(&t.text, common, indent, Origin::Theirs, tz)?;
    let mut used = vec![false; ours.len()];
    let mut all = ours.clone();
    for item in theirs {
        match (0..ours.len()).find(|&i| !used[i] && ours[i].text == item.text) {
            Some(i) => {
                used[i] = true;
                all[i].origin = Origin::Both;
            }
            None => all.push(item),
        }
    }
    all.sort_by_key(|i| i.at); // stable: ours first at equal times
    let mut text = common.to_string();
    let mut origins = vec![Origin::Base; common_items];
    for item in &all {
        text.push_str(&item.text);
        if item.at.is_some() {
            origins.push(item.origin);
        }
    }
    Ok((text, origins))
}

/// The items a side appended after `common`, or why its change is not an append.
fn appended(
    side: &str,
    common: &str,
    indent: &str,
    origin: Origin,
    tz: Tz,
) -> Result<Vec<Item>, String> {
    let who = if origin == Origin::Ours {
        "ours"
    } else {
        "theirs"
    };
    let edited = || {
        format!(
            "{who} edited or removed an existing event (history is append-only); keep every event, in time order"
        )
    };
    let rest = side.strip_prefix(common).ok_or_else(edited)?;
    let mut done: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    // Comments at most as indented as the dashes, directly above an item, go
    // with it; deeper lines (block scalar text, even blank or `#`) stay put.
    let mut pending = String::new();
    for line in rest.split_inclusive('\n') {
        let b = body(line);
        let trimmed = b.trim_start();
        let ind = &b[..b.len() - trimmed.len()];
        if trimmed.starts_with('#') && ind.len() <= indent.len() {
            pending.push_str(line);
        } else if is_item_start(trimmed) && ind == indent {
            done.extend(current.take());
            current = Some(std::mem::take(&mut pending) + line);
        } else if let Some(c) = current.as_mut() {
            c.push_str(&std::mem::take(&mut pending));
            c.push_str(line);
        } else if trimmed.is_empty() || trimmed.starts_with('#') {
            pending.push_str(line); // before the first new item
        } else {
            return Err(edited()); // more lines for the last existing event
        }
    }
    match current.as_mut() {
        Some(c) => c.push_str(&pending),
        None if !pending.is_empty() => done.push(pending),
        None => {}
    }
    done.extend(current);
    done.into_iter()
        .map(|text| {
            let at = item_time(&text, tz).map_err(|e| format!("an event {who} added: {e}"))?;
            Ok(Item { at, text, origin })
        })
        .collect()
}

/// The `at` of one item's text (`None` for comment lines alone).
fn item_time(text: &str, tz: Tz) -> Result<Option<DateTime<Utc>>, String> {
    #[derive(Deserialize)]
    struct At {
        at: Timestamp,
    }
    let items: Option<Vec<At>> = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    match items.as_deref() {
        None => Ok(None),
        Some([one]) => {
            let mut at = one.at;
            at.resolve(tz);
            Ok(Some(at.utc()))
        }
        Some(_) => Err("not one history item".into()),
    }
}

/// Checks that a clean merge reads back as a mapping with the expected
/// number of history items, as a case when the inputs were cases, and that a
/// case passes the content rules `redress check` applies; returns what is
/// wrong otherwise, one line per problem.
fn validate(text: &str, origins: &[Origin], tz: Tz, strict: bool) -> Result<(), Vec<String>> {
    let unreadable = |e: String| vec![format!("the merged file would not be a valid case ({e})")];
    let value: serde_yaml::Value =
        serde_yaml::from_str(text).map_err(|e| unreadable(e.to_string()))?;
    let map = value
        .as_mapping()
        .ok_or_else(|| unreadable("not a mapping of keys".into()))?;
    let n = match map.get("history") {
        None | Some(serde_yaml::Value::Null) => 0,
        Some(serde_yaml::Value::Sequence(s)) => s.len(),
        Some(_) => return Err(unreadable("`history` is not a list".into())),
    };
    if n != origins.len() {
        return Err(unreadable(format!(
            "{n} history items instead of {}",
            origins.len()
        )));
    }
    let mut case = match crate::case::parse(text, "case") {
        Ok(case) => case,
        Err(d) if strict => return Err(unreadable(d.message)),
        Err(_) => return Ok(()),
    };
    case.resolve_times(tz);
    let problems = crate::case::history::problems(&case, None);
    if problems.is_empty() {
        return Ok(());
    }
    Err(problems
        .iter()
        .map(|p| explain(p, &case, origins))
        .collect())
}

/// A rule the merged file breaks, naming the event it concerns and the event
/// that makes it wrong (the nearest earlier one from another origin, which for
/// a sequence rule is the nearest earlier event that is not a note).
fn explain(p: &Problem, case: &Case, origins: &[Origin]) -> String {
    let intro = format!("the merged history breaks the rule `{}`", p.code);
    let (Locus::Event(i) | Locus::EventKey(i, _)) = p.locus else {
        return format!("{intro}: {}", p.message.plain_english());
    };
    let origin = |k: usize| origins.get(k).copied().unwrap_or(Origin::Base);
    let describe = |k: usize| {
        case.history.get(k).map_or_else(String::new, |e| {
            format!(
                "`{}` at {} by {} ({})",
                e.event,
                e.at,
                e.by,
                origin(k).name()
            )
        })
    };
    let relevant = |j: &usize| {
        p.code != DiagCode::EventSequence
            || case
                .history
                .get(*j)
                .is_some_and(|e| e.event != EventKind::Noted)
    };
    let cause = (0..i)
        .rev()
        .filter(relevant)
        .find(|&j| origin(j) != origin(i))
        .or_else(|| (0..i).rev().find(relevant));
    match cause {
        Some(j) => format!(
            "{intro}: {} comes after {}: {}",
            describe(i),
            describe(j),
            p.message.plain_english()
        ),
        None => format!("{intro}: {}: {}", describe(i), p.message.plain_english()),
    }
}

/// Conflict markers around the whole region where the two sides differ.
fn conservative(ours: &str, theirs: &str, why: Vec<String>) -> Merged {
    Merged {
        text: conflict_text(ours, theirs),
        conflicts: why,
    }
}

fn conflict_text(ours: &str, theirs: &str) -> String {
    String::from_utf8_lossy(&conflict_region(ours.as_bytes(), theirs.as_bytes())).into_owned()
}

/// The lines both sides share at the start and at the end, kept once, and
/// markers around what lies between.
fn conflict_region(ours: &[u8], theirs: &[u8]) -> Vec<u8> {
    let o: Vec<&[u8]> = ours.split_inclusive(|c| *c == b'\n').collect();
    let t: Vec<&[u8]> = theirs.split_inclusive(|c| *c == b'\n').collect();
    let prefix = o.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let suffix = o[prefix..]
        .iter()
        .rev()
        .zip(t[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = Vec::with_capacity(ours.len() + theirs.len() + 40);
    out.extend(o[..prefix].concat());
    out.extend(OURS_MARKER.as_bytes());
    out.extend(o[prefix..o.len() - suffix].concat());
    out.extend(SEPARATOR.as_bytes());
    out.extend(t[prefix..t.len() - suffix].concat());
    out.extend(THEIRS_MARKER.as_bytes());
    out.extend(o[o.len() - suffix..].concat());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A base with hand comments in the common part.
    const BASE: &str = "# Case opened from the shared inbox.
id: 20261122-k7q2
kind: claim
title: Parcel twelve days late
received: 2026-11-22T09:14:00-05:00
channel: email
customer:
  name: Marie Tremblay   # as she signs
  phone: \"+1 514 555 0199\"
category: delivery
# raised after the second call
severity: medium
tags: [wismo]
description: |
  The parcel arrived twelve days late.

  The lamp inside was broken.
history:
  # first contact
  - at: 2026-11-22T11:02:00-05:00
    by: alice
    event: acknowledged
    note: Acknowledgement sent by email.   # template B
";

    fn event(at: &str, by: &str, kind: &str, note: &str) -> String {
        format!("  - at: {at}\n    by: {by}\n    event: {kind}\n    note: {note}\n")
    }

    fn note(at: &str, by: &str, text: &str) -> String {
        event(at, by, "noted", text)
    }

    fn with(text: &str, from: &str, to: &str) -> String {
        assert!(text.contains(from), "{from:?} not in the text");
        text.replacen(from, to, 1)
    }

    fn clean(base: &str, ours: &str, theirs: &str) -> String {
        let m = merge(base, ours, theirs);
        assert!(m.is_clean(), "conflicts: {:?}\n{}", m.conflicts, m.text);
        crate::case::parse(&m.text, "x.yaml").expect("the merge reads back as a case");
        m.text
    }

    #[test]
    fn union_of_appends_keeps_every_event_in_time_order() {
        let n1 = note("2026-11-23T10:00:00-05:00", "bob", "Called the carrier.");
        let n2 = note(
            "2026-11-23T12:00:00-05:00",
            "carole",
            "Carrier confirms loss.",
        );
        let n3 = event(
            "2026-11-23T11:00:00-05:00",
            "alice",
            "updated",
            "Told the customer.",
        );
        let ours = format!("{BASE}{n1}{n2}");
        let theirs = format!("{BASE}{n3}");
        let text = clean(BASE, &ours, &theirs);
        assert_eq!(text, format!("{BASE}{n1}{n3}{n2}"));
        // Symmetric: the same events whichever side is ours.
        assert_eq!(clean(BASE, &theirs, &ours), text);
    }

    #[test]
    fn an_event_added_on_both_sides_is_kept_once() {
        let shared = note("2026-11-23T10:00:00-05:00", "bob", "Called the carrier.");
        let only = note("2026-11-24T10:00:00-05:00", "bob", "Called again.");
        let text = clean(
            BASE,
            &format!("{BASE}{shared}"),
            &format!("{BASE}{shared}{only}"),
        );
        assert_eq!(text, format!("{BASE}{shared}{only}"));
        // Two identical events on one side and one on the other: two remain.
        let text = clean(
            BASE,
            &format!("{BASE}{shared}{shared}"),
            &format!("{BASE}{shared}{only}"),
        );
        assert_eq!(text, format!("{BASE}{shared}{shared}{only}"));
    }

    #[test]
    fn equal_times_put_ours_first() {
        let a = note("2026-11-23T10:00:00-05:00", "bob", "From ours.");
        // The same instant written in another offset.
        let b = note("2026-11-23T15:00:00Z", "alice", "From theirs.");
        let text = clean(BASE, &format!("{BASE}{a}"), &format!("{BASE}{b}"));
        assert_eq!(text, format!("{BASE}{a}{b}"));
        let text = clean(BASE, &format!("{BASE}{b}"), &format!("{BASE}{a}"));
        assert_eq!(text, format!("{BASE}{b}{a}"));
    }

    #[test]
    fn a_key_changed_on_one_side_takes_that_side() {
        let n = note("2026-11-23T10:00:00-05:00", "bob", "Called the carrier.");
        let ours = format!("{BASE}{n}");
        let theirs = with(
            BASE,
            "title: Parcel twelve days late\n",
            "title: Parcel twelve days late, lamp broken\n",
        );
        let text = clean(BASE, &ours, &theirs);
        assert_eq!(text, format!("{theirs}{n}"));
        assert_eq!(clean(BASE, &theirs, &ours), text);
        // Added on one side only, in the place it was added.
        let theirs = with(BASE, "tags: [wismo]\n", "tags: [wismo]\nharm: 120.00\n");
        assert_eq!(clean(BASE, &ours, &theirs), format!("{theirs}{n}"));
        // Removed on one side only.
        let theirs = with(BASE, "tags: [wismo]\n", "");
        assert_eq!(clean(BASE, &ours, &theirs), format!("{theirs}{n}"));
    }

    #[test]
    fn the_same_change_on_both_sides_is_clean() {
        let ours = with(BASE, "severity: medium", "severity: high")
            + &note("2026-11-23T10:00:00-05:00", "bob", "x");
        let theirs = with(BASE, "severity: medium", "severity: high");
        let text = clean(BASE, &ours, &theirs);
        assert_eq!(text, ours);
    }

    #[test]
    fn a_key_changed_differently_on_both_sides_conflicts_and_keeps_both() {
        let n1 = note("2026-11-23T10:00:00-05:00", "bob", "From ours.");
        let n2 = note("2026-11-23T11:00:00-05:00", "alice", "From theirs.");
        let ours = with(BASE, "severity: medium", "severity: high") + &n1;
        let theirs = with(BASE, "severity: medium", "severity: low") + &n2;
        let m = merge(BASE, &ours, &theirs);
        assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
        assert!(m.conflicts[0].contains("`severity`"), "{:?}", m.conflicts);
        let block = "<<<<<<< ours\n# raised after the second call\nseverity: high\n=======\n# raised after the second call\nseverity: low\n>>>>>>> theirs\n";
        let expected = with(
            BASE,
            "# raised after the second call\nseverity: medium\n",
            block,
        ) + &n1
            + &n2;
        assert_eq!(m.text, expected);
        let d = crate::case::parse(&m.text, "x.yaml").unwrap_err();
        assert_eq!(d.code, DiagCode::ConflictMarker);
    }

    #[test]
    fn an_edited_event_conflicts_around_the_history() {
        let n1 = note("2026-11-23T10:00:00-05:00", "bob", "From theirs.");
        let ours = with(
            BASE,
            "Acknowledgement sent by email.",
            "Acknowledged by phone.",
        );
        let theirs = format!("{BASE}{n1}");
        let m = merge(BASE, &ours, &theirs);
        assert_eq!(m.conflicts.len(), 1);
        assert!(m.conflicts[0].contains("append-only"), "{:?}", m.conflicts);
        assert!(m.text.contains("Acknowledged by phone."));
        assert!(m.text.contains("Acknowledgement sent by email."));
        assert!(m.text.contains("From theirs."));
        assert!(m.text.contains(OURS_MARKER) && m.text.contains(THEIRS_MARKER));
        // Everything before the differing line is kept once, outside the markers.
        let before = BASE.split("    note: Acknowledgement").next().unwrap();
        assert!(
            m.text.starts_with(&format!("{before}{OURS_MARKER}")),
            "{}",
            m.text
        );

        // A removed event, or lines added inside the last event, conflict too.
        let ours = BASE.split("  # first contact").next().unwrap().to_string();
        assert!(!merge(BASE, &ours, &theirs).is_clean());
        let ours = format!("{BASE}    # checked twice\n    to: bob\n");
        let m = merge(BASE, &theirs, &ours);
        assert!(!m.is_clean());
        assert!(m.text.contains("to: bob") && m.text.contains("From theirs."));
    }

    #[test]
    fn an_edited_history_on_one_side_only_is_that_sides_change() {
        let ours = with(
            BASE,
            "Acknowledgement sent by email.",
            "Acknowledged by phone.",
        );
        let theirs = with(BASE, "severity: medium", "severity: high");
        let text = clean(BASE, &ours, &theirs);
        assert_eq!(text, with(&ours, "severity: medium", "severity: high"));
    }

    #[test]
    fn the_common_part_is_kept_byte_for_byte() {
        let n1 = "  # the customer called back\n".to_string()
            + &note("2026-11-23T10:00:00-05:00", "bob", "\"Wants: a refund\"");
        let n2 = event(
            "2026-11-22T23:30:00-05:00",
            "alice",
            "updated",
            "Replacement on its way.",
        );
        let ours = format!("{BASE}{n1}");
        let theirs = with(BASE, "severity: medium", "severity: high") + &n2;
        let text = clean(BASE, &ours, &theirs);
        // Comments, quoting, the blank line of the block scalar, the trailing
        // comment of the last shared event: all of the base survives as is.
        let expected = with(BASE, "severity: medium", "severity: high") + &n2 + &n1;
        assert_eq!(text, expected);
        let base_history = &BASE[BASE.find("history:").unwrap()..];
        assert!(text.contains(base_history));
    }

    #[test]
    fn comments_after_the_last_event_stay_in_the_common_part() {
        let base = format!("{BASE}  # waiting for the carrier\n");
        let n1 = note("2026-11-23T10:00:00-05:00", "bob", "A.");
        let n2 = note("2026-11-23T11:00:00-05:00", "carole", "B.");
        let text = clean(&base, &format!("{base}{n1}"), &format!("{base}{n2}"));
        assert_eq!(text, format!("{base}{n1}{n2}"));
    }

    #[test]
    fn a_comment_appended_alone_is_kept_before_the_new_events() {
        let comment = "  # carrier claim filed, see ticket 4411\n";
        let n = note("2026-11-23T10:00:00-05:00", "bob", "A.");
        let text = clean(BASE, &format!("{BASE}{comment}"), &format!("{BASE}{n}"));
        assert_eq!(text, format!("{BASE}{comment}{n}"));
        let text = clean(BASE, &format!("{BASE}{n}"), &format!("{BASE}{comment}"));
        assert_eq!(text, format!("{BASE}{comment}{n}"));
    }

    #[test]
    fn block_scalar_lines_stay_with_their_event_when_sorted() {
        let late = "  - at: 2026-11-23T12:00:00-05:00\n    by: bob\n    event: noted\n    note: |+\n      Steps:\n      # call the carrier\n\n";
        let early = "  # asked by carole\n".to_string()
            + &note("2026-11-23T10:00:00-05:00", "alice", "Early.");
        let text = clean(BASE, &format!("{BASE}{late}"), &format!("{BASE}{early}"));
        assert_eq!(text, format!("{BASE}{early}{late}"));
        let case = crate::case::parse(&text, "x.yaml").unwrap();
        assert_eq!(
            case.history.last().unwrap().note.as_deref(),
            Some("Steps:\n# call the carrier\n\n")
        );
    }

    #[test]
    fn both_sides_adding_the_same_case_merge_as_from_an_empty_base() {
        let n1 = note("2026-11-23T10:00:00-05:00", "bob", "A.");
        let n2 = note("2026-11-23T11:00:00-05:00", "carole", "B.");
        let text = clean("", &format!("{BASE}{n1}"), &format!("{BASE}{n2}"));
        assert_eq!(text, format!("{BASE}{n1}{n2}"));
        let m = merge(
            "",
            &with(BASE, "severity: medium", "severity: high"),
            &format!("{BASE}{n2}"),
        );
        assert_eq!(m.conflicts.len(), 1);
        assert!(m.text.contains("severity: high") && m.text.contains("severity: medium"));
    }

    #[test]
    fn files_that_are_not_cases_get_a_conservative_merge() {
        let ours = "a: 1\nb: [\nc: 3\n";
        let theirs = "a: 1\nb: 2\nc: 3\n";
        let m = merge("a: 1\nb: 0\nc: 3\n", ours, theirs);
        assert!(!m.is_clean());
        assert!(
            m.conflicts[0].contains("ours does not read"),
            "{:?}",
            m.conflicts
        );
        assert_eq!(
            m.text,
            "a: 1\n<<<<<<< ours\nb: [\n=======\nb: 2\n>>>>>>> theirs\nc: 3\n"
        );
        // A file still holding markers is not merged into silently either.
        let marked = format!("{BASE}<<<<<<< ours\n=======\n>>>>>>> theirs\n");
        assert!(!merge(BASE, &marked, &with(BASE, "medium", "low")).is_clean());
        // Not UTF-8: the bytes are kept, in markers.
        let (bytes, conflicts) = merge_bytes(b"x: 1\n", b"x: \xff\n", b"x: 2\n");
        assert_eq!(conflicts.len(), 1);
        assert_eq!(
            bytes,
            b"<<<<<<< ours\nx: \xff\n=======\nx: 2\n>>>>>>> theirs\n".to_vec()
        );
    }

    #[test]
    fn one_sided_and_identical_changes_are_trivial() {
        let n = note("2026-11-23T10:00:00-05:00", "bob", "A.");
        let changed = format!("{BASE}{n}");
        assert_eq!(clean(BASE, &changed, BASE), changed);
        assert_eq!(clean(BASE, BASE, &changed), changed);
        assert_eq!(clean(BASE, &changed, &changed), changed);
    }

    #[test]
    fn a_missing_final_newline_is_not_an_edit() {
        let base = BASE.trim_end_matches('\n');
        let n1 = note("2026-11-23T10:00:00-05:00", "bob", "A.");
        let n2 = note("2026-11-23T11:00:00-05:00", "carole", "B.");
        let text = clean(base, &format!("{BASE}{n1}"), &format!("{BASE}{n2}"));
        assert_eq!(text, format!("{BASE}{n1}{n2}"));
    }

    #[test]
    fn history_items_at_column_zero_merge_too() {
        let base = BASE.replace("\n  - at", "\n- at").replace("\n    ", "\n  ");
        crate::case::parse(&base, "x.yaml").unwrap();
        let item =
            |at: &str, n: &str| format!("- at: {at}\n  by: bob\n  event: noted\n  note: {n}\n");
        let a = item("2026-11-23T11:00:00-05:00", "A.");
        let b = item("2026-11-23T10:00:00-05:00", "B.");
        let text = clean(&base, &format!("{base}{a}"), &format!("{base}{b}"));
        assert_eq!(text, format!("{base}{b}{a}"));
    }

    /// A lifecycle event with the keys its kind needs.
    fn lifecycle(at: &str, by: &str, kind: &str) -> String {
        let extra = match kind {
            "resolved" => "    outcome: founded\n",
            _ => "",
        };
        format!("  - at: {at}\n    by: {by}\n    event: {kind}\n{extra}")
    }

    /// Merges in both directions and expects a conflict whose explanation
    /// names the rule and both events, with nothing lost.
    fn sequence_conflict(base: &str, ours: &str, theirs: &str, events: [&str; 2]) {
        for (o, t) in [(ours, theirs), (theirs, ours)] {
            let m = merge(base, o, t);
            assert!(!m.is_clean(), "a clean merge:\n{}", m.text);
            let why = m.conflicts.join("\n");
            assert!(why.contains("`event-sequence`"), "{why}");
            for e in events {
                assert!(why.contains(e), "{e:?} not named in: {why}");
            }
            assert!(m.text.contains(OURS_MARKER) && m.text.contains(THEIRS_MARKER));
            for line in o.lines().chain(t.lines()) {
                assert!(m.text.contains(line), "{line:?} lost:\n{}", m.text);
            }
        }
    }

    #[test]
    fn both_branches_resolving_is_a_conflict() {
        let ours = lifecycle("2026-11-23T10:00:00-05:00", "bob", "resolved");
        let theirs = lifecycle("2026-11-23T11:00:00-05:00", "carole", "resolved");
        sequence_conflict(
            BASE,
            &format!("{BASE}{ours}"),
            &format!("{BASE}{theirs}"),
            [
                "`resolved` at 2026-11-23T10:00:00-05:00 by bob",
                "`resolved` at 2026-11-23T11:00:00-05:00 by carole",
            ],
        );
        let m = merge(BASE, &format!("{BASE}{ours}"), &format!("{BASE}{theirs}"));
        assert!(
            m.conflicts[0].contains("already resolved"),
            "{:?}",
            m.conflicts
        );
    }

    #[test]
    fn both_branches_pausing_is_a_conflict() {
        let ours = lifecycle("2026-11-23T10:00:00-05:00", "bob", "paused");
        let theirs = lifecycle("2026-11-23T11:00:00-05:00", "carole", "paused");
        let n = note("2026-11-23T10:30:00-05:00", "alice", "In between.");
        sequence_conflict(
            BASE,
            &format!("{BASE}{ours}{n}"),
            &format!("{BASE}{theirs}"),
            [
                "`paused` at 2026-11-23T10:00:00-05:00 by bob",
                "`paused` at 2026-11-23T11:00:00-05:00 by carole",
            ],
        );
    }

    #[test]
    fn an_event_after_the_other_branch_closed_is_a_conflict() {
        let resolved = lifecycle("2026-11-23T09:00:00-05:00", "bob", "resolved");
        let base = format!("{BASE}{resolved}");
        let closed = lifecycle("2026-11-23T10:00:00-05:00", "bob", "closed");
        let later = event(
            "2026-11-23T11:00:00-05:00",
            "carole",
            "updated",
            "Sent the refund.",
        );
        sequence_conflict(
            &base,
            &format!("{base}{closed}"),
            &format!("{base}{later}"),
            [
                "`closed` at 2026-11-23T10:00:00-05:00 by bob",
                "`updated` at 2026-11-23T11:00:00-05:00 by carole",
            ],
        );
        // A note may follow a close: that union stays clean.
        let n = note(
            "2026-11-23T11:00:00-05:00",
            "carole",
            "Customer thanked us.",
        );
        let text = clean(&base, &format!("{base}{closed}"), &format!("{base}{n}"));
        assert_eq!(text, format!("{base}{closed}{n}"));
    }

    #[test]
    fn plain_notes_on_both_sides_stay_a_clean_merge() {
        let a = note("2026-11-23T10:00:00-05:00", "bob", "A.");
        let b = note("2026-11-23T11:00:00-05:00", "carole", "B.");
        let c = note("2026-11-23T12:00:00-05:00", "bob", "C.");
        let ours = format!("{BASE}{a}{c}");
        let theirs = format!("{BASE}{b}");
        assert_eq!(clean(BASE, &ours, &theirs), format!("{BASE}{a}{b}{c}"));
        assert_eq!(clean(BASE, &theirs, &ours), format!("{BASE}{a}{b}{c}"));
    }

    #[test]
    fn bare_dates_are_ordered_in_the_ledger_zone() {
        // Midnight in Toronto is 05:00 UTC: after an event at 01:00 UTC.
        let bare = "  - at: 2026-11-23\n    by: bob\n    event: noted\n    note: A.\n";
        let late = note("2026-11-22T20:00:00-05:00", "carole", "B.");
        let (o, t) = (format!("{BASE}{bare}"), format!("{BASE}{late}"));
        let m = merge_in(BASE, &o, &t, chrono_tz::America::Toronto);
        assert!(m.is_clean(), "{:?}", m.conflicts);
        assert_eq!(m.text, format!("{BASE}{late}{bare}"));
    }

    #[test]
    fn an_unreadable_time_in_an_appended_event_conflicts() {
        let bad = note("yesterday", "bob", "A.");
        let good = note("2026-11-23T11:00:00-05:00", "carole", "B.");
        let m = merge(BASE, &format!("{BASE}{bad}"), &format!("{BASE}{good}"));
        assert!(!m.is_clean());
        assert!(m.text.contains("yesterday") && m.text.contains("B."));
    }
}
