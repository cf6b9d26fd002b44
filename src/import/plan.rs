//! The plan: which rows become cases (each with its new ID and its YAML
//! text, checked as the ledger will read it back), which are skipped
//! (already in the ledger, repeated, bad), and which categories get declared.
//! Reads the ledger; writes nothing.

use super::BadRow;
use super::categories::{self, CategoriesChange};
use super::dates::{self, DateFormat};
use super::drafts::{Draft, draft};
use super::layout::Layout;
use super::source::{Row, Table};
use crate::case::{Source, id, yaml};
use crate::ledger::Ledger;
use crate::policy::{Policies, PolicyTexts};
use anyhow::{Context, Result, bail};
use chrono_tz::Tz;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

/// A file to import, read and resolved against its layout.
#[derive(Debug, Clone)]
pub struct Input {
    /// How messages name the file.
    pub name: String,
    pub table: Table,
    /// The rows the file could not give as text.
    pub bad: Vec<BadRow>,
    pub layout: Layout,
    /// `--date-format`, which wins over the mapping's.
    pub date_format: Option<String>,
}

/// A case to write: its draft, its file, its text.
#[derive(Debug, Clone)]
pub struct Planned {
    pub draft: Draft,
    pub rel: String,
    pub text: String,
}

/// What an import will do.
#[derive(Debug, Clone)]
pub struct Plan {
    pub cases: Vec<Planned>,
    /// Every bad row, by line.
    pub bad: Vec<BadRow>,
    /// Rows whose (system, id) the ledger already holds.
    pub present: usize,
    /// Rows that repeat an earlier row of the file exactly.
    pub repeated: usize,
    pub blank: usize,
    /// How the received dates were read (none when the file has no rows).
    pub date_format: Option<DateFormat>,
    /// The policies the cases are written under (new categories declared).
    pub policies: Policies,
    pub categories: Option<CategoriesChange>,
}

/// Plans the import of `input` into the ledger, whose policies are
/// `policies`. An error is about the whole file or the ledger.
pub fn plan(ledger: &Ledger, policies: &Policies, tz: Tz, input: Input) -> Result<Plan> {
    let Input {
        name,
        table,
        mut bad,
        layout,
        date_format,
    } = input;
    let existing = Existing::read(ledger)?;
    let known = existing.source_ids(&layout.system);
    let mut outcome = build(&table, &layout, date_format.as_deref(), tz, &known)
        .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    bad.append(&mut outcome.bad);

    // Categories the ledger does not declare yet are declared by appending.
    let texts = PolicyTexts::read(&ledger.root)
        .map_err(|d| anyhow::Error::new(crate::diag::Diagnostics(d)))?;
    let undeclared = match &policies.categories {
        Some(declared) => categories::undeclared_categories(&outcome.drafts, declared),
        None => Vec::new(),
    };
    let policies = categories::policies_declaring(&texts, policies, &undeclared)?;

    // IDs, texts, and a full validation of every case before writing any.
    let mut cases = with_ids(outcome.drafts, existing.ids)?;
    let invalid: Vec<BadRow> = cases
        .par_iter()
        .filter_map(|p| verify(p, &policies).err())
        .collect();
    if !invalid.is_empty() {
        let lines: BTreeSet<u64> = invalid.iter().map(|b| b.line).collect();
        cases.retain(|p| !lines.contains(&p.draft.line));
        bad.extend(invalid);
    }
    bad.sort_by_key(|b| b.line);
    // Declare only what the cases to be written use.
    let used: BTreeSet<&str> = cases
        .iter()
        .map(|p| p.draft.case.category.as_str())
        .collect();
    let categories = categories::change(&texts, undeclared, &used);
    Ok(Plan {
        cases,
        bad,
        present: outcome.present,
        repeated: outcome.repeated,
        blank: outcome.blank,
        date_format: outcome.date_format,
        policies,
        categories,
    })
}

/// The rows of a file sorted out: drafts to create, and what is skipped.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub drafts: Vec<Draft>,
    pub bad: Vec<BadRow>,
    /// Rows whose (system, id) the ledger already holds.
    pub present: usize,
    /// Rows that repeat an earlier row of the file exactly.
    pub repeated: usize,
    pub blank: usize,
    pub date_format: Option<DateFormat>,
}

/// Turns every row into a draft or a bad row, one draft per source ID.
/// `existing` holds the source IDs of this system already in the ledger.
/// An error is about the whole file (e.g. ambiguous dates).
pub fn build(
    table: &Table,
    layout: &Layout,
    date_format: Option<&str>,
    tz: Tz,
    existing: &HashSet<String>,
) -> Result<Outcome, crate::i18n::Msg> {
    let given = date_format.or(layout.date_format.as_deref());
    let format = dates::column_format(table, layout.received, given, tz)?;
    let mut out = Outcome {
        blank: table.blank,
        date_format: format.clone(),
        ..Outcome::default()
    };
    let Some(format) = format else {
        return Ok(out);
    };
    let mut first_seen: HashMap<String, &Row> = HashMap::new();
    for row in &table.rows {
        let draft = match draft(table, layout, row, &format, tz) {
            Ok(d) => d,
            Err(message) => {
                out.bad.push(BadRow {
                    line: row.line,
                    message,
                });
                continue;
            }
        };
        if existing.contains(&draft.source_id) {
            out.present += 1;
            continue;
        }
        if let Some(first) = first_seen.get(&draft.source_id) {
            if first.values == row.values {
                out.repeated += 1;
            } else {
                out.bad.push(BadRow {
                    line: row.line,
                    message: crate::i18n::Msg::new("import-repeated-id")
                        .arg("column", table.headers[layout.id].as_str())
                        .arg("id", draft.source_id.as_str())
                        .arg("first", first.line.to_string()),
                });
            }
            continue;
        }
        first_seen.insert(draft.source_id.clone(), row);
        out.drafts.push(draft);
    }
    Ok(out)
}

/// Gives every draft a new ID, one that neither the ledger nor an earlier
/// draft holds, and its text.
fn with_ids(drafts: Vec<Draft>, mut taken: HashSet<String>) -> Result<Vec<Planned>> {
    let mut planned = Vec::with_capacity(drafts.len());
    for mut draft in drafts {
        let id = id::fresh(draft.case.received.at.date_naive(), |id| taken.contains(id));
        taken.insert(id.clone());
        let rel = id::relative_path(&id).context("a generated ID is valid")?;
        draft.case.id = id;
        let text = yaml::case_to_yaml(&draft.case);
        planned.push(Planned { draft, rel, text });
    }
    Ok(planned)
}

/// The case as the ledger will read it back: valid, and holding every value
/// of its row exactly.
fn verify(p: &Planned, policies: &Policies) -> std::result::Result<(), BadRow> {
    let d = &p.draft;
    let bad = |message: crate::i18n::Msg| BadRow {
        line: d.line,
        message,
    };
    let back = crate::ledger::parse_and_validate(&p.text, &p.rel, policies).map_err(|ds| {
        bad(crate::i18n::Msg::new("import-invalid-case").arg(
            "problems",
            crate::i18n::Arg::Lines(ds.iter().map(crate::diag::Diagnostic::as_msg).collect()),
        ))
    })?;
    let same = back.fields == d.case.fields
        && back.description == d.case.description
        && back.title == d.case.title
        && back.customer.name == d.case.customer.name
        && back.source == d.case.source
        && back.received.at == d.case.received.at;
    if same {
        Ok(())
    } else {
        Err(bad(crate::i18n::Msg::new("import-not-kept")))
    }
}

/// What the ledger already holds: every case's `source`, and every ID.
struct Existing {
    sources: Vec<Source>,
    ids: HashSet<String>,
}

impl Existing {
    /// Reads `source` from every case file, once. A file that does not parse
    /// stops the import: it could be an earlier import of one of these rows.
    fn read(ledger: &Ledger) -> Result<Existing> {
        let (files, problems) = ledger.case_files();
        if let Some(p) = problems.first() {
            bail!(
                "{p}\n  = help: {}",
                crate::i18n::tr("import-fix-ledger-first")
            );
        }
        let results: Vec<std::result::Result<Option<Source>, String>> =
            files.par_iter().map(|rel| source_of(ledger, rel)).collect();
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for r in results {
            match r {
                Ok(Some(s)) => sources.push(s),
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            bail!(
                "{}",
                crate::i18n::tr_args(
                    "import-ledger-unreadable",
                    &[("errors", errors.join("\n").into())]
                )
            );
        }
        let ids = files
            .iter()
            .filter_map(|f| {
                Path::new(f)
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .map(str::to_string)
            })
            .collect();
        Ok(Existing { sources, ids })
    }

    /// The source IDs that belong to `system`.
    fn source_ids(&self, system: &str) -> HashSet<String> {
        self.sources
            .iter()
            .filter(|s| s.system == system)
            .map(|s| s.id.clone())
            .collect()
    }
}

/// The `source` of one case file; a case with another problem still tells
/// where it came from.
fn source_of(ledger: &Ledger, rel: &str) -> std::result::Result<Option<Source>, String> {
    let text = crate::files::read_text(&ledger.abs(rel)).map_err(|e| {
        let reason = crate::i18n::Msg::new("diag-cannot-read").arg("error", e.to_string());
        format!("{rel}: {reason}")
    })?;
    match crate::case::parse(&text, rel) {
        Ok(c) => Ok(c.source),
        Err(d) => {
            #[derive(serde::Deserialize)]
            struct JustSource {
                source: Option<Source>,
            }
            serde_yaml::from_str::<JustSource>(&text)
                .map(|j| j.source)
                .map_err(|_| d.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::vocab::Channel;
    use crate::import::read_csv;

    fn tz() -> Tz {
        "America/Toronto".parse().unwrap()
    }

    #[test]
    fn repeated_complaint_ids() {
        let csv = b"Date received,Product,Issue,Complaint ID\n\
2019-09-24,Mortgage,Late fees,1\n\
2019-09-24,Mortgage,Late fees,1\n\
2019-09-25,Mortgage,Late fees,1\n\
2019-09-25,Mortgage,Late fees,2\n";
        let (t, bad) = read_csv(csv).unwrap();
        assert!(bad.is_empty());
        let layout = Layout::cfpb(&t.headers).unwrap();
        let existing: HashSet<String> = ["2".to_string()].into();
        let out = build(&t, &layout, None, tz(), &existing).unwrap();
        assert_eq!(out.drafts.len(), 1);
        assert_eq!(out.repeated, 1, "an identical row is ignored");
        assert_eq!(out.present, 1, "2 is already in the ledger");
        assert_eq!(out.bad.len(), 1);
        assert_eq!(out.bad[0].line, 4);
        assert!(
            out.bad[0]
                .message
                .plain_english()
                .contains("also on line 2"),
            "{:?}",
            out.bad
        );
        let c = &out.drafts[0].case;
        assert_eq!(c.channel, Channel::ThirdParty, "no Submitted via column");
        assert_eq!(c.customer.name, "CFPB consumer 1");
        assert_eq!(c.received.to_string(), "2019-09-24T00:00:00-04:00");
    }
}
