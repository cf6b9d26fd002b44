//! Fixing a case file by hand (`redress edit`): where the draft lives, the
//! problems written at its top, what the edit changed, and installing the
//! result, in place or, when the receipt date changed, under the new ID.

use super::{Ledger, parse_and_validate, read_case_text};
use crate::case::{self, Case, Event, id, yaml};
use crate::diag::{DiagCode, Diagnostic};
use crate::files::{Existing, Lock};
use crate::policy::Policies;
use anyhow::{Context, Result, bail};
use std::fs;
use std::path::{Path, PathBuf};

/// Where drafts are kept, relative to the ledger's root: outside `cases/`,
/// so neither `check` nor a scan ever reads one as a case.
pub const DRAFTS: &str = ".redress/drafts";

/// How the lines redress writes at the top of a draft begin; every leading
/// line that begins so is removed before the draft is read.
pub const MARK: &str = "# redress:";

/// The edited case, checked and ready to install.
#[derive(Debug)]
pub struct Prepared {
    /// The text to write: the draft's, with `id:` rewritten on a move.
    pub text: String,
    /// Where it goes (the case's own file unless it moves).
    pub rel: String,
    pub case: Case,
}

impl Ledger {
    /// A case file's text for editing: only a regular file inside the
    /// ledger, UTF-8 and within the size limit; it need not be valid.
    pub fn read_for_edit(&self, rel: &str) -> Result<String> {
        let path = self.inside(rel)?;
        read_case_text(&path, rel).map_err(|d| {
            anyhow::Error::new(crate::diag::Diagnostics(vec![d]))
                .context(format!("cannot edit {rel}"))
        })
    }

    /// A new draft of case `id` holding `text`: `.redress/drafts/<id>.yaml`,
    /// or `<id>-2.yaml`, `-3`, … when earlier drafts were kept.
    pub fn new_draft(&self, id: &str, text: &str) -> Result<PathBuf> {
        let dir = self.inside(DRAFTS)?;
        fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        for n in 1..1000 {
            let name = match n {
                1 => format!("{id}.yaml"),
                _ => format!("{id}-{n}.yaml"),
            };
            let path = dir.join(name);
            if fs::symlink_metadata(&path).is_ok() {
                continue;
            }
            crate::files::write(&path, text.as_bytes(), Existing::Absent, None)?;
            return Ok(path);
        }
        bail!(
            "{} holds 999 drafts of {id}; remove the ones you no longer need",
            dir.display()
        )
    }

    /// Checks a saved draft with exactly the rules `check` applies to a case
    /// file, at the place the case will have: its own file, or the file of
    /// its new ID when the receipt date changed. `old_id` is the case's ID
    /// before the edit; `rel` its file.
    pub fn prepare_edit(
        &self,
        rel: &str,
        old_id: &str,
        text: &str,
        policies: &Policies,
    ) -> Result<Prepared, Vec<Diagnostic>> {
        // Most edits keep the ID: one read of the text settles them.
        let problems = match parse_and_validate(text, rel, policies) {
            Ok(case) if case.id == old_id => {
                return Ok(Prepared {
                    text: text.to_string(),
                    rel: rel.to_string(),
                    case,
                });
            }
            Ok(_) => Vec::new(),
            Err(problems) => problems,
        };
        let (text, target) = self.retarget(rel, old_id, text, policies)?;
        if target == rel && !problems.is_empty() {
            return Err(problems);
        }
        let case = parse_and_validate(&text, &target, policies)?;
        Ok(Prepared {
            text,
            rel: target,
            case,
        })
    }

    /// The text and file of the edited case. A case whose `received` date
    /// no longer matches its ID's date moves to the same four characters
    /// under the new date (or fresh ones, if taken); a new ID typed by hand
    /// is taken as it is, unless another case holds it.
    fn retarget(
        &self,
        rel: &str,
        old_id: &str,
        text: &str,
        policies: &Policies,
    ) -> Result<(String, String), Vec<Diagnostic>> {
        let Ok(mut draft) = case::parse(text, rel) else {
            return Ok((text.to_string(), rel.to_string()));
        };
        draft.resolve_times(policies.tz());
        let date = draft.received.at.date_naive();
        let taken = |id: &str| id::relative_path(id).is_some_and(|r| self.abs(&r).exists());
        if draft.id == old_id {
            if id::date_of(old_id).is_none_or(|d| d == date) {
                return Ok((text.to_string(), rel.to_string()));
            }
            let new_id = id::with_date(old_id, date)
                .filter(|n| !taken(n))
                .unwrap_or_else(|| id::fresh(date, taken));
            let target = id::relative_path(&new_id).unwrap_or_else(|| rel.to_string());
            return Ok((set_id(text, &new_id), target));
        }
        match id::relative_path(&draft.id) {
            Some(target) if self.abs(&target).exists() => Err(vec![
                Diagnostic::new(
                    rel,
                    DiagCode::DuplicateId,
                    crate::i18n::Msg::new("diag-id-taken")
                        .arg("id", draft.id.as_str())
                        .arg("target", target.as_str()),
                )
                .at(id_line(text), 1)
                .help(crate::i18n::Msg::new("diag-id-taken-help").arg("old", old_id)),
            ]),
            Some(target) => Ok((text.to_string(), target)),
            None => Ok((text.to_string(), rel.to_string())),
        }
    }

    /// Installs an edit of `rel` (which held `original` when it was read
    /// under `lock`): replaced in place through the atomic writer, or, for
    /// a move, written under its new name (refused if that exists) and the
    /// old file removed. Either way nothing is written if `rel` changed.
    pub fn install_edit(
        &self,
        lock: &Lock,
        rel: &str,
        original: &str,
        prepared: &Prepared,
        policies: &Policies,
    ) -> Result<()> {
        if prepared.rel == rel {
            return self.write_locked(lock, rel, Some(original), &prepared.text, policies);
        }
        let old = self.inside(rel)?;
        let now = fs::read(&old).with_context(|| format!("reading {rel}"))?;
        if now != original.as_bytes() {
            bail!("{rel} changed while it was being edited; nothing was written");
        }
        let to = &prepared.rel;
        let dir = Path::new(to).parent().context("a case file has a folder")?;
        let abs_dir = self.inside(&dir.to_string_lossy())?;
        fs::create_dir_all(&abs_dir).with_context(|| format!("creating {}", abs_dir.display()))?;
        let new_lock = self.lock(to)?;
        self.write_locked(&new_lock, to, None, &prepared.text, policies)?;
        fs::remove_file(&old).with_context(|| {
            format!("{to} was written but {rel} could not be removed: remove it by hand (both hold the case)")
        })?;
        if let Some(parent) = old.parent()
            && let Ok(d) = fs::File::open(parent)
        {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// `text` without the lines redress wrote at its top.
pub fn strip_marks(text: &str) -> &str {
    let mut rest = text;
    while rest.starts_with(MARK) {
        rest = rest.split_once('\n').map_or("", |(_, after)| after);
    }
    rest
}

/// `text` with `problems` written above it as comment lines, their line
/// numbers counted in the file as it will be (comment lines included).
pub fn with_marks(problems: &[Diagnostic], draft: &str, text: &str) -> String {
    // A heading line, the problems' lines, a closing line.
    let shift = 2 + problems
        .iter()
        .map(|d| d.english().lines().count())
        .sum::<usize>();
    let mut out =
        format!("{MARK} the case is not valid; fix it and save (these lines are removed)\n");
    for d in problems {
        let mut d = d.clone();
        d.path = draft.to_string();
        d.line += shift;
        for line in d.english().lines() {
            out.push_str(&format!("{MARK} {line}\n"));
        }
    }
    out.push_str(&format!("{MARK}\n"));
    out.push_str(text);
    out
}

/// `text` with the value of its top-level `id:` line replaced.
fn set_id(text: &str, new_id: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut done = false;
    for line in text.split_inclusive('\n') {
        if !done && line.starts_with("id:") {
            let end = if line.ends_with('\n') { "\n" } else { "" };
            out.push_str(&format!("id: {new_id}{end}"));
            done = true;
        } else {
            out.push_str(line);
        }
    }
    out
}

/// The 1-based line of the top-level `id:` key.
fn id_line(text: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with("id:"))
        .map_or(1, |i| i + 1)
}

/// A header key whose value the edit changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub key: String,
    pub before: String,
    pub after: String,
}

/// How the history changed: the events from `at` on that were `removed`
/// and the ones `added` in their place (a common beginning and end are
/// left out, the way a diff shows them).
#[derive(Debug, Clone)]
pub struct HistoryChange {
    pub at: usize,
    pub removed: Vec<Event>,
    pub added: Vec<Event>,
}

impl HistoryChange {
    /// Only new events, every earlier one kept as it was (an event added at
    /// the end, or a late one inserted at its place in time).
    pub fn only_additions(&self) -> bool {
        self.removed.is_empty()
    }
}

/// Every header key whose value differs between `before` and `after`.
pub fn field_changes(before: &Case, after: &Case) -> Vec<FieldChange> {
    let old = header(before);
    let new = header(after);
    let keys: Vec<&String> = old.iter().chain(new.iter()).map(|(k, _)| k).collect();
    let mut seen = std::collections::BTreeSet::new();
    let value = |list: &[(String, String)], key: &str| {
        list.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for key in keys {
        if !seen.insert(key.clone()) {
            continue;
        }
        let (b, a) = (value(&old, key), value(&new, key));
        if b != a {
            out.push(FieldChange {
                key: key.clone(),
                before: b,
                after: a,
            });
        }
    }
    out
}

/// The header of a case as (key, value) pairs, in file order; an absent
/// optional key has an empty value.
fn header(c: &Case) -> Vec<(String, String)> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let join = |v: Vec<String>| v.join(", ");
    let mut out: Vec<(String, String)> = vec![
        ("id".into(), c.id.clone()),
        ("kind".into(), c.kind.to_string()),
        ("title".into(), c.title.clone()),
        ("received".into(), c.received.to_string()),
        ("channel".into(), c.channel.to_string()),
        ("customer.name".into(), c.customer.name.clone()),
        ("customer.email".into(), opt(c.customer.email.clone())),
        ("customer.phone".into(), opt(c.customer.phone.clone())),
        (
            "customer.profile".into(),
            opt(c.customer.profile.map(|p| p.to_string())),
        ),
        (
            "customer.annual_value".into(),
            opt(c.customer.annual_value.map(|v| v.to_string())),
        ),
        ("category".into(), c.category.clone()),
        ("severity".into(), c.severity.to_string()),
        ("harm".into(), opt(c.harm.map(|h| h.to_string()))),
        (
            "risks".into(),
            join(c.risks.iter().map(|r| r.to_string()).collect()),
        ),
        ("tags".into(), join(c.tags.clone())),
        ("description".into(), c.description.clone()),
        (
            "source".into(),
            opt(c.source.as_ref().map(|s| format!("{} {}", s.system, s.id))),
        ),
    ];
    for (k, v) in &c.fields {
        out.push((format!("fields.{k}"), v.clone()));
    }
    out
}

/// How `after`'s history differs from `before`'s, or `None` when it does not.
pub fn history_change(before: &[Event], after: &[Event]) -> Option<HistoryChange> {
    let text = |e: &Event| yaml::event_to_yaml(e, "");
    let same = |a: &Event, b: &Event| text(a) == text(b);
    let prefix = before
        .iter()
        .zip(after)
        .take_while(|(a, b)| same(a, b))
        .count();
    let room = before.len().min(after.len()) - prefix;
    let suffix = before
        .iter()
        .rev()
        .zip(after.iter().rev())
        .take(room)
        .take_while(|(a, b)| same(a, b))
        .count();
    let removed = before[prefix..before.len() - suffix].to_vec();
    let added = after[prefix..after.len() - suffix].to_vec();
    if removed.is_empty() && added.is_empty() {
        return None;
    }
    Some(HistoryChange {
        at: prefix,
        removed,
        added,
    })
}

/// The most line pairs [`line_diff`] compares before it falls back to
/// comparing line by line in place (an event with a huge note).
const DIFF_LIMIT: usize = 40_000;

/// `old` and `new` as a diff shows them: each line with ' ' (kept), '-'
/// (removed) or '+' (added), by their longest common subsequence.
pub fn line_diff(old: &[String], new: &[String]) -> Vec<(char, String)> {
    let (n, m) = (old.len(), new.len());
    if n.saturating_mul(m) > DIFF_LIMIT {
        let mut out = Vec::new();
        for j in 0..n.max(m) {
            match (old.get(j), new.get(j)) {
                (Some(o), Some(w)) if o == w => out.push((' ', o.clone())),
                (o, w) => {
                    out.extend(o.map(|l| ('-', l.clone())));
                    out.extend(w.map(|l| ('+', l.clone())));
                }
            }
        }
        return out;
    }
    // common[i][j]: the longest common subsequence of old[i..] and new[j..].
    let mut common = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            common[i][j] = if old[i] == new[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            out.push((' ', old[i].clone()));
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || common[i + 1][j] >= common[i][j + 1]) {
            out.push(('-', old[i].clone()));
            i += 1;
        } else {
            out.push(('+', new[j].clone()));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = "id: 20261102-k7q2\nkind: claim\ntitle: Lamp\nreceived: 2026-11-02T09:00:00-05:00\nchannel: email\ncustomer:\n  name: M\ncategory: delivery\nseverity: low\nhistory:\n  - at: 2026-11-02T10:00:00-05:00\n    by: alice\n    event: acknowledged\n  - at: 2026-11-02T11:00:00-05:00\n    by: alice\n    event: noted\n    note: one\n";

    fn parse(text: &str) -> Case {
        case::parse(text, "x.yaml").unwrap()
    }

    #[test]
    fn marks_are_stripped_and_only_they() {
        let d = Diagnostic::new("cases/x.yaml", DiagCode::InvalidValue, "bad").at(3, 1);
        let marked = with_marks(&[d], ".redress/drafts/x.yaml", "# mine\nid: x\n");
        assert!(marked.starts_with(MARK));
        // One line of heading, one of problem, one closing: line 3 is now line 6.
        assert!(marked.contains(".redress/drafts/x.yaml:6:1"), "{marked}");
        assert_eq!(strip_marks(&marked), "# mine\nid: x\n");
        assert_eq!(strip_marks("id: x\n"), "id: x\n");
    }

    #[test]
    fn header_changes_are_listed_by_key() {
        let after = parse(&CASE.replace("title: Lamp", "title: Broken lamp"));
        let changes = field_changes(&parse(CASE), &after);
        assert_eq!(
            changes,
            vec![FieldChange {
                key: "title".into(),
                before: "Lamp".into(),
                after: "Broken lamp".into()
            }]
        );
    }

    #[test]
    fn an_appended_event_is_an_addition_and_a_changed_one_is_not() {
        let before = parse(CASE);
        let appended = parse(&format!(
            "{CASE}  - at: 2026-11-02T12:00:00-05:00\n    by: alice\n    event: noted\n    note: two\n"
        ));
        let change = history_change(&before.history, &appended.history).unwrap();
        assert!(change.only_additions());
        assert_eq!((change.at, change.added.len()), (2, 1));
        let changed = parse(&CASE.replace("note: one", "note: uno"));
        let change = history_change(&before.history, &changed.history).unwrap();
        assert!(!change.only_additions());
        assert_eq!(
            (change.at, change.removed.len(), change.added.len()),
            (1, 1, 1)
        );
        assert!(history_change(&before.history, &before.history).is_none());
    }

    #[test]
    fn a_line_added_inside_an_event_is_one_plus() {
        let v = |s: &str| s.lines().map(String::from).collect::<Vec<_>>();
        let old = v("- at: x\n  event: escalated\n  to: legal\n  note: n");
        let new = v("- at: x\n  event: escalated\n  to: legal\n  reason: r\n  note: n");
        let signs: String = line_diff(&old, &new).iter().map(|(s, _)| *s).collect();
        assert_eq!(signs, "   + ");
        let changed = v("- at: y\n  event: escalated\n  to: legal\n  note: n");
        let signs: String = line_diff(&old, &changed).iter().map(|(s, _)| *s).collect();
        assert_eq!(signs, "-+   ");
    }

    #[test]
    fn the_id_line_is_rewritten_alone() {
        let moved = set_id(CASE, "20261101-k7q2");
        assert!(moved.starts_with("id: 20261101-k7q2\nkind: claim\n"));
        assert_eq!(moved.len(), CASE.len());
    }
}
