//! Corrective actions: the external loop that turns complaints into
//! improvements. One YAML file per action under `actions/`, named by its ID
//! (`a-20261201-3xk9`, minted like a case ID with an `a-` in front):
//!
//! ```yaml
//! id: a-20261201-3xk9
//! created: 2026-12-01
//! cause: Carrier leaves fragile parcels at the door
//! category: delivery
//! owner: bob
//! due: 2027-01-15
//! cases: [20261029-n9c3, 20261117-v4ka]
//! closed: 2027-01-10
//! note: New carrier contract requires a signature
//! ```
//!
//! The status is derived, like a case's: `closed` once `closed` is set,
//! `overdue` when open past its due date, else `open`. Nothing here prints;
//! every write goes through the one writer under the file's lock.

use super::Ledger;
use crate::diag::{DiagCode, Diagnostic};
use crate::files::Existing;
use crate::i18n::Msg;
use crate::policy::Policies;
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The folder of the action files, under the ledger root.
pub const DIR: &str = "actions";
/// Every action ID starts with this, so it never reads as a case ID.
pub const PREFIX: &str = "a-";

/// A corrective action, as its file states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    pub id: String,
    #[serde(serialize_with = "date")]
    pub created: NaiveDate,
    pub cause: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub owner: String,
    #[serde(serialize_with = "date")]
    pub due: NaiveDate,
    pub cases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "opt_date")]
    pub closed: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn opt_date<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}

/// Derived from `closed` and `due`, never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Overdue,
    Closed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Overdue => "overdue",
            Status::Closed => "closed",
        }
    }
}

impl Action {
    /// The status on `today` (a date in the ledger's zone).
    pub fn status(&self, today: NaiveDate) -> Status {
        match self.closed {
            Some(_) => Status::Closed,
            None if today > self.due => Status::Overdue,
            None => Status::Open,
        }
    }

    /// The date its effect is measured from: its closing, else its creation.
    pub fn anchor(&self) -> NaiveDate {
        self.closed.unwrap_or(self.created)
    }

    /// The categories it answers: its own, else those of its cases (given).
    pub fn categories(&self, category_of: impl Fn(&str) -> Option<String>) -> Vec<String> {
        match &self.category {
            Some(c) => vec![c.clone()],
            None => {
                let set: BTreeSet<String> =
                    self.cases.iter().filter_map(|id| category_of(id)).collect();
                set.into_iter().collect()
            }
        }
    }
}

/// `text` with the contact details of each customer masked (see
/// `case::privacy`): an action's cause and note are free text, and may name
/// the customer of a case they answer.
pub fn mask_for<'a>(
    text: &str,
    customers: impl IntoIterator<Item = &'a crate::case::Customer>,
) -> String {
    customers.into_iter().fold(text.to_string(), |t, c| {
        crate::case::privacy::Contacts::of(c).mask(&t)
    })
}

/// `actions/<id>.yaml`.
pub fn relative_path(id: &str) -> String {
    format!("{DIR}/{id}.yaml")
}

/// A new action ID for `date` that `taken` says is not in use.
pub fn fresh_id(date: NaiveDate, mut taken: impl FnMut(&str) -> bool) -> String {
    let id = crate::case::id::fresh(date, |id| taken(&format!("{PREFIX}{id}")));
    format!("{PREFIX}{id}")
}

/// Whether `id` has the shape `a-YYYYMMDD-xxxx`.
pub fn is_id(id: &str) -> bool {
    id.strip_prefix(PREFIX)
        .and_then(crate::case::id::date_of)
        .is_some()
}

/// An action read from disk, with its path relative to the root.
#[derive(Debug, Clone)]
pub struct LoadedAction {
    pub path: String,
    pub text: String,
    pub action: Action,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: String,
    created: String,
    cause: String,
    #[serde(default)]
    category: Option<String>,
    owner: String,
    due: String,
    cases: Vec<String>,
    #[serde(default)]
    closed: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

/// Parses an action file and checks what needs no other file: the ID and
/// its file name, the dates, a blank cause or owner, an empty case list.
pub fn parse(text: &str, rel: &str) -> Result<Action, Vec<Diagnostic>> {
    if let Err(r) = crate::case::yaml_guard::check(text) {
        let (line, column) = crate::diag::line_col(text, r.offset);
        return Err(vec![
            Diagnostic::new(rel, r.code, r.message)
                .at(line, column)
                .help(r.help),
        ]);
    }
    let raw: Raw = serde_yaml::from_str(text).map_err(|e| vec![yaml_problem(&e, rel)])?;
    let mut problems = Vec::new();
    let mut date = |key: &str, value: &str| -> Option<NaiveDate> {
        let d = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok();
        if d.is_none() {
            problems.push(at_key(
                text,
                rel,
                key,
                DiagCode::InvalidValue,
                Msg::new("diag-action-date")
                    .arg("key", key)
                    .arg("value", value),
            ));
        }
        d
    };
    let created = date("created", &raw.created);
    let due = date("due", &raw.due);
    let closed = raw.closed.as_deref().map(|c| date("closed", c));
    shape_problems(&raw, text, rel, &mut problems);
    let (Some(created), Some(due)) = (created, due) else {
        return Err(problems);
    };
    let closed = match closed {
        Some(None) => return Err(problems),
        Some(Some(c)) => Some(c),
        None => None,
    };
    order_problems(created, due, closed, text, rel, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Action {
        id: raw.id,
        created,
        cause: raw.cause,
        category: raw.category,
        owner: raw.owner,
        due,
        cases: raw.cases,
        closed,
        note: raw.note,
    })
}

fn shape_problems(raw: &Raw, text: &str, rel: &str, out: &mut Vec<Diagnostic>) {
    let stem = rel
        .rsplit('/')
        .next()
        .and_then(|n| n.strip_suffix(".yaml"))
        .unwrap_or(rel);
    if !is_id(&raw.id) {
        out.push(at_key(
            text,
            rel,
            "id",
            DiagCode::InvalidValue,
            Msg::new("diag-action-id").arg("id", raw.id.as_str()),
        ));
    } else if stem != raw.id {
        out.push(
            at_key(
                text,
                rel,
                "id",
                DiagCode::IdMismatch,
                Msg::new("diag-action-file-name")
                    .arg("stem", stem)
                    .arg("id", raw.id.as_str()),
            )
            .help(Msg::new("diag-action-rename").arg("path", relative_path(&raw.id))),
        );
    }
    for (key, value) in [("cause", &raw.cause), ("owner", &raw.owner)] {
        if value.trim().is_empty() {
            out.push(at_key(
                text,
                rel,
                key,
                DiagCode::InvalidValue,
                Msg::new("diag-action-blank").arg("key", key),
            ));
        }
    }
    if raw.cases.is_empty() {
        out.push(
            at_key(
                text,
                rel,
                "cases",
                DiagCode::InvalidValue,
                Msg::new("diag-action-no-cases"),
            )
            .help(Msg::new("diag-action-no-cases-help")),
        );
    }
}

fn order_problems(
    created: NaiveDate,
    due: NaiveDate,
    closed: Option<NaiveDate>,
    text: &str,
    rel: &str,
    out: &mut Vec<Diagnostic>,
) {
    if due < created {
        out.push(at_key(
            text,
            rel,
            "due",
            DiagCode::InvalidValue,
            Msg::new("diag-action-due-early")
                .arg("due", due.to_string())
                .arg("created", created.to_string()),
        ));
    }
    if let Some(c) = closed
        && c < created
    {
        out.push(at_key(
            text,
            rel,
            "closed",
            DiagCode::InvalidValue,
            Msg::new("diag-action-closed-early")
                .arg("closed", c.to_string())
                .arg("created", created.to_string()),
        ));
    }
}

/// The links an action makes to the rest of the ledger: its owner must be a
/// team member, its category declared, each case an existing case.
pub fn link_problems(
    loaded: &LoadedAction,
    policies: &Policies,
    case_ids: &BTreeSet<String>,
) -> Vec<Diagnostic> {
    let (a, text, rel) = (&loaded.action, &loaded.text, loaded.path.as_str());
    let mut out = Vec::new();
    if !policies.team.contains_key(&a.owner) {
        let names: Vec<&str> = policies.team.keys().map(String::as_str).collect();
        out.push(
            at_key(
                text,
                rel,
                "owner",
                DiagCode::UnknownMember,
                crate::suggest::unknown_value_msg("member", &a.owner, &names),
            )
            .help(Msg::new("diag-action-owner-help")),
        );
    }
    if let (Some(c), Some(declared)) = (&a.category, &policies.categories)
        && !declared.contains_key(c)
    {
        let names: Vec<&str> = declared.keys().map(String::as_str).collect();
        out.push(
            at_key(
                text,
                rel,
                "category",
                DiagCode::UnknownCategory,
                crate::suggest::unknown_value_msg("category", c, &names),
            )
            .help(Msg::new("diag-action-category-help")),
        );
    }
    for id in &a.cases {
        if !case_ids.contains(id) {
            out.push(
                at_value(
                    text,
                    rel,
                    id,
                    DiagCode::InvalidValue,
                    unknown_case(id, case_ids),
                )
                .help(Msg::new("diag-action-cases-help")),
            );
        }
    }
    out
}

/// "unknown case `…`: did you mean `…`?", also when a unique prefix or
/// suffix was written instead of the full ID.
pub fn unknown_case(id: &str, case_ids: &BTreeSet<String>) -> Msg {
    let partial: Vec<&str> = case_ids
        .iter()
        .map(String::as_str)
        .filter(|c| !id.is_empty() && (c.starts_with(id) || c.ends_with(id)))
        .collect();
    if let [one] = partial.as_slice() {
        return Msg::new("unknown-case-hint")
            .arg("id", id)
            .arg("hint", *one);
    }
    // A mistyped short form is compared with the same length of each ID.
    let n = id.chars().count();
    let near = |c: &String| {
        let chars: Vec<char> = c.chars().collect();
        let head: String = chars.iter().take(n).collect();
        let tail: String = chars[chars.len().saturating_sub(n)..].iter().collect();
        strsim::levenshtein(id, &head).min(strsim::levenshtein(id, &tail))
    };
    let short = case_ids
        .iter()
        .map(|c| (near(c), c))
        .filter(|(d, _)| *d <= (n / 4).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.as_str());
    match crate::suggest::closest(id, case_ids.iter().map(String::as_str)).or(short) {
        Some(hint) => Msg::new("unknown-case-hint")
            .arg("id", id)
            .arg("hint", hint),
        None => Msg::new("unknown-case-none").arg("id", id),
    }
}

fn yaml_problem(e: &serde_yaml::Error, rel: &str) -> Diagnostic {
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full.clone(),
    };
    let code = if message.contains("unknown field") {
        DiagCode::UnknownField
    } else if message.contains("missing field") {
        DiagCode::MissingField
    } else if message.contains("invalid type") {
        DiagCode::InvalidValue
    } else {
        DiagCode::YamlSyntax
    };
    let message = crate::diag::shorten_quotes(&crate::suggest::improve_serde_message(&message));
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    Diagnostic::new(rel, code, crate::diag::reader_message(&message))
        .at(line, column)
        .help(Msg::new("diag-action-format-help"))
}

/// A diagnostic at the line of `key:` (line 1 when it is not found).
fn at_key(
    text: &str,
    rel: &str,
    key: &str,
    code: DiagCode,
    message: impl Into<crate::i18n::Msg>,
) -> Diagnostic {
    let prefix = format!("{key}:");
    let line = text
        .lines()
        .position(|l| l.starts_with(&prefix))
        .map_or(1, |i| i + 1);
    Diagnostic::new(rel, code, message).at(line, 1)
}

/// A diagnostic at the first occurrence of `value` in the text.
fn at_value(
    text: &str,
    rel: &str,
    value: &str,
    code: DiagCode,
    message: impl Into<crate::i18n::Msg>,
) -> Diagnostic {
    let (line, column) = text
        .find(value)
        .map_or((1, 1), |o| crate::diag::line_col(text, o));
    Diagnostic::new(rel, code, message).at(line, column)
}

/// The file text of a new action, keys in the documented order.
pub fn to_yaml(a: &Action) -> String {
    let s = crate::case::yaml::scalar;
    let mut out = format!(
        "id: {}\ncreated: {}\ncause: {}\n",
        a.id,
        a.created,
        s(&a.cause)
    );
    if let Some(c) = &a.category {
        out.push_str(&format!("category: {}\n", s(c)));
    }
    out.push_str(&format!("owner: {}\ndue: {}\ncases:\n", s(&a.owner), a.due));
    for id in &a.cases {
        out.push_str(&format!("  - {}\n", s(id)));
    }
    out.push_str(&closing_yaml(a.closed, a.note.as_deref()));
    out
}

/// The lines `close` appends: `closed:` and, when given, `note:`.
pub fn closing_yaml(closed: Option<NaiveDate>, note: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(c) = closed {
        out.push_str(&format!("closed: {c}\n"));
    }
    if let Some(n) = note {
        out.push_str(&format!("note: {}\n", crate::case::yaml::scalar(n)));
    }
    out
}

impl Ledger {
    /// Every `actions/*.yaml`, by name, and the entries that cannot be read.
    pub fn action_files(&self) -> (Vec<String>, Vec<Diagnostic>) {
        let dir = self.root.join(DIR);
        let mut files = Vec::new();
        let mut problems = Vec::new();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return (files, problems);
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".yaml") && !crate::files::is_temp_name(&name) {
                let rel = format!("{DIR}/{name}");
                match entry.file_type() {
                    Ok(t) if t.is_file() => files.push(rel),
                    Ok(t) => problems.push(super::not_a_file(&rel, &t)),
                    Err(e) => problems.push(crate::files::unreadable(&rel, &e)),
                }
            }
        }
        files.sort();
        (files, problems)
    }

    /// Every action that parses, and the problems of those that do not.
    pub fn actions(&self) -> (Vec<LoadedAction>, Vec<Diagnostic>) {
        let (files, mut problems) = self.action_files();
        let mut out = Vec::new();
        for rel in files {
            match self.read_action(&rel) {
                Ok(la) => out.push(la),
                Err(mut d) => problems.append(&mut d),
            }
        }
        (out, problems)
    }

    fn read_action(&self, rel: &str) -> Result<LoadedAction, Vec<Diagnostic>> {
        let path = self
            .inside(rel)
            .map_err(|e| vec![Diagnostic::new(rel, DiagCode::OutsideLedger, e.to_string())])?;
        let limit = crate::case::yaml_guard::MAX_CASE_BYTES as u64 + 1;
        let bytes = crate::files::read_bytes_at_most(&path, limit)
            .map_err(|e| vec![crate::files::unreadable(rel, &e)])?;
        let text = crate::case::text_of(bytes, rel).map_err(|d| vec![d])?;
        let action = parse(&text, rel)?;
        Ok(LoadedAction {
            path: rel.to_string(),
            text,
            action,
        })
    }

    /// The customers of the cases an action answers (those that load).
    pub fn customers_of(&self, a: &Action, policies: &Policies) -> Vec<crate::case::Customer> {
        a.cases
            .iter()
            .filter_map(|id| crate::case::id::relative_path(id))
            .filter_map(|rel| self.load(&rel, policies).ok())
            .map(|lc| lc.case.customer)
            .collect()
    }

    /// The IDs of every case file (from file names alone, nothing parsed).
    pub fn case_ids(&self) -> BTreeSet<String> {
        self.case_files()
            .0
            .iter()
            .map(|rel| super::file_stem(rel).to_string())
            .collect()
    }

    /// The action a command names: its ID, or a unique prefix or suffix.
    pub fn find_action(&self, query: &str) -> Result<LoadedAction> {
        let (files, _) = self.action_files();
        let q = query.trim();
        let hits: Vec<&String> = files
            .iter()
            .filter(|rel| {
                let id = super::file_stem(rel);
                !q.is_empty() && (id == q || id.starts_with(q) || id.ends_with(q))
            })
            .collect();
        match hits.as_slice() {
            [one] => self.read_action(one).map_err(|d| {
                anyhow::Error::new(crate::diag::Diagnostics(d)).context(crate::i18n::tr_args(
                    "find-action-problems",
                    &[("path", one.to_string().into())],
                ))
            }),
            [] => {
                bail!(
                    "{}\n  = help: {}",
                    crate::i18n::tr_args("find-no-action", &[("query", q.to_string().into())]),
                    crate::i18n::tr("find-no-action-help")
                )
            }
            many => {
                let list: Vec<&str> = many.iter().map(|r| super::file_stem(r)).collect();
                let args = [
                    ("query", q.to_string().into()),
                    ("list", list.join(", ").into()),
                ];
                bail!("{}", crate::i18n::tr_args("find-several-actions", &args))
            }
        }
    }

    /// Writes an action file under its lock with the one writer. With
    /// `expected`, refuses unless the file still holds exactly those bytes;
    /// without, refuses to overwrite. `validate` judges the bytes read back.
    pub fn write_action(
        &self,
        rel: &str,
        expected: Option<&str>,
        text: &str,
        validate: &dyn Fn(&str) -> Result<()>,
    ) -> Result<()> {
        self.inside(DIR)?;
        let dir = self.abs(DIR);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let path = self.inside(rel)?;
        let _lock = self.lock(rel)?;
        if let Some(before) = expected {
            let now = crate::files::read_text(&path).with_context(|| format!("reading {rel}"))?;
            if now != before {
                bail!(
                    "{rel} changed while this command ran; nothing was written\n  = help: run the command again"
                );
            }
        }
        let check = |bytes: &[u8]| -> Result<()> {
            let t = std::str::from_utf8(bytes).context("the new text is not UTF-8")?;
            validate(t)
        };
        let existing = match expected {
            Some(before) => Existing::Holds(before.as_bytes()),
            None => Existing::Absent,
        };
        crate::files::write(&path, text.as_bytes(), existing, Some(&check))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "id: a-20261201-3xk9\ncreated: 2026-12-01\ncause: Carrier drops parcels\ncategory: delivery\nowner: bob\ndue: 2027-01-15\ncases:\n  - \"20261029-n9c3\"\n";

    #[test]
    fn parses_and_writes_back_the_same_text() {
        let a = parse(GOOD, "actions/a-20261201-3xk9.yaml").unwrap();
        assert_eq!(a.cases, ["20261029-n9c3"]);
        assert_eq!(to_yaml(&a), GOOD);
        let today = NaiveDate::from_ymd_opt(2027, 1, 16).unwrap();
        assert_eq!(a.status(today), Status::Overdue);
        assert_eq!(a.anchor(), a.created);
    }

    #[test]
    fn bad_dates_and_names_are_reported_at_their_line() {
        let text = GOOD.replace("due: 2027-01-15", "due: 2026-11-30");
        let e = parse(&text, "actions/a-20261201-3xk9.yaml").unwrap_err();
        assert_eq!((e[0].line, e[0].code), (6, DiagCode::InvalidValue), "{e:?}");
        let e = parse(GOOD, "actions/a-20261201-zzzz.yaml").unwrap_err();
        assert_eq!(e[0].code, DiagCode::IdMismatch);
        let e = parse(
            &GOOD.replace("owner:", "ownr:"),
            "actions/a-20261201-3xk9.yaml",
        )
        .unwrap_err();
        assert_eq!(e[0].code, DiagCode::UnknownField);
        assert!(
            e[0].message.contains("did you mean `owner`"),
            "{}",
            e[0].message
        );
    }

    #[test]
    fn unknown_cases_get_a_hint() {
        let ids: BTreeSet<String> = ["20261029-n9c3".to_string()].into();
        assert!(
            unknown_case("n9c3", &ids)
                .plain_english()
                .contains("did you mean `20261029-n9c3`")
        );
        assert!(
            unknown_case("20261029-n9c4", &ids)
                .plain_english()
                .contains("did you mean")
        );
    }

    #[test]
    fn fresh_ids_have_the_action_shape() {
        let id = fresh_id(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), |_| false);
        assert!(is_id(&id), "{id}");
        assert!(id.starts_with("a-20261201-"));
    }
}
