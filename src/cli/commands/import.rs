//! `redress import cfpb FILE` / `redress import csv FILE --map MAPPING.toml`:
//! rows of another system's export become cases, all or nothing.

use super::{Ctx, Open};
use crate::Verdict;
use crate::case::Source;
use crate::import::{self, BadRow, Draft, MappingFile, Plan};
use crate::policy::{CATEGORIES, PolicyTexts};
use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::collections::{BTreeSet, HashSet};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub source: SourceKind,
}

#[derive(Debug, clap::Subcommand)]
pub enum SourceKind {
    /// The US CFPB consumer complaint export (CSV, any header or date style)
    Cfpb(CfpbArgs),
    /// Any other spreadsheet export (CSV), described by a mapping file
    Csv(CsvArgs),
}

#[derive(Debug, clap::Args)]
pub struct Common {
    /// The CSV file (`-` reads standard input)
    pub file: PathBuf,
    /// Import the good rows and skip the bad ones (reported on stderr)
    #[arg(long)]
    pub skip_bad: bool,
    /// Check every row and report what would be imported; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// How received dates are written, e.g. '%d/%m/%Y', 'M/D/YYYY', 'iso', 'rfc3339'
    /// (default: detected from the file)
    #[arg(long, value_name = "FORMAT")]
    pub date_format: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CfpbArgs {
    #[command(flatten)]
    pub common: Common,
    /// Who records the closings the export reports (default: REDRESS_USER, then USER)
    #[arg(long, value_name = "MEMBER")]
    pub by: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CsvArgs {
    #[command(flatten)]
    pub common: Common,
    /// The mapping file: which column is which case key (see the README)
    #[arg(long, value_name = "MAPPING.toml")]
    pub map: PathBuf,
}

/// The team member recorded as `by` on the events an import brings.
fn recorder(open: &Open, by: Option<String>) -> Result<String> {
    let by = match by {
        Some(b) => b,
        None => crate::cli::session::default_member()
            .context("say who records the imported closings with --by MEMBER")?,
    };
    if !open.policies.team.contains_key(&by) {
        let names: Vec<&str> = open.policies.team.keys().map(String::as_str).collect();
        bail!(
            "{}\n  = help: pass --by MEMBER: the CFPB export reports closings, recorded as events by a team member",
            crate::suggest::unknown_value("team member", &by, &names)
        );
    }
    Ok(by)
}

/// Threads writing case files (I/O-bound: they mostly wait on fsync).
const WRITERS: usize = 8;

/// How many bad rows are listed before "… and N more".
const SHOWN: usize = 20;

pub fn run(ctx: &Ctx, args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    let (common, mapping, by) = match args.source {
        SourceKind::Cfpb(c) => (c.common, None, Some(c.by)),
        SourceKind::Csv(a) => (a.common, Some(a.map), None),
    };
    let name = common.file.display().to_string();
    let bytes = read_input(&common.file)?;
    let (table, mut bad) = import::read_csv(&bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let mut plan = match &mapping {
        None => Plan::cfpb(&table.headers).map_err(|e| anyhow::anyhow!("{name}: {e}"))?,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading the mapping file {}", path.display()))?;
            let m = MappingFile::parse(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            Plan::from_mapping(m, &table.headers)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
        }
    };
    // A member is needed only when the export reports closings to record.
    if let Some(by) = by
        && plan.reports_closings(&table)
    {
        plan.recorder = Some(recorder(&open, by)?);
    }

    let existing = existing_sources(&open)?;
    let known = import::ids_of_system(existing.sources.iter(), &plan.system);
    let mut outcome = import::build(
        &table,
        &plan,
        common.date_format.as_deref(),
        open.tz,
        &known,
    )
    .map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    bad.append(&mut outcome.bad);

    // Categories the ledger does not declare yet are declared by appending.
    let texts = PolicyTexts::read(&open.ledger.root)
        .map_err(|d| anyhow::Error::new(crate::diag::Diagnostics(d)))?;
    let mut undeclared = match &open.policies.categories {
        Some(declared) => import::undeclared_categories(&outcome.drafts, declared),
        None => Vec::new(),
    };
    let policies = match (&texts.categories, undeclared.is_empty()) {
        (Some(original), false) => {
            let mut changed = texts.clone();
            changed.categories = Some(format!(
                "{original}{}",
                import::categories_addition(original, &undeclared)
            ));
            crate::policy::load_texts(&changed).map_err(|d| {
                anyhow::Error::new(crate::diag::Diagnostics(d))
                    .context("declaring the imported categories would make the policies invalid")
            })?
        }
        _ => open.policies.clone(),
    };

    // IDs, texts, and a full validation of every case before writing any.
    let mut taken: HashSet<String> = existing.ids;
    let mut planned: Vec<(Draft, String, String)> = Vec::with_capacity(outcome.drafts.len());
    for mut d in outcome.drafts {
        let date = d.case.received.at.date_naive();
        let id = loop {
            let id = crate::case::id::generate(date);
            if !taken.contains(&id) {
                break id;
            }
        };
        taken.insert(id.clone());
        let rel = crate::case::id::relative_path(&id).context("a generated ID is valid")?;
        d.case.id = id;
        let text = crate::case::yaml::case_to_yaml(&d.case);
        planned.push((d, rel, text));
    }
    let invalid: Vec<BadRow> = planned
        .par_iter()
        .filter_map(|(d, rel, text)| verify(d, rel, text, &policies).err())
        .collect();
    if !invalid.is_empty() {
        let lines: BTreeSet<u64> = invalid.iter().map(|b| b.line).collect();
        planned.retain(|(d, _, _)| !lines.contains(&d.line));
        bad.extend(invalid);
    }
    bad.sort_by_key(|b| b.line);
    // Declare only what the cases to be written use.
    let used: BTreeSet<&str> = planned
        .iter()
        .map(|(d, _, _)| d.case.category.as_str())
        .collect();
    undeclared.retain(|(name, _)| used.contains(name.as_str()));
    let categories_change = match &texts.categories {
        Some(original) if !undeclared.is_empty() => Some((
            original.clone(),
            format!(
                "{original}{}",
                import::categories_addition(original, &undeclared)
            ),
            undeclared
                .iter()
                .map(|(n, _)| n.clone())
                .collect::<Vec<_>>(),
        )),
        _ => None,
    };

    if !bad.is_empty() && !common.skip_bad {
        let mut msg = format!(
            "{name}: {} bad row{}; nothing was imported\n{}",
            bad.len(),
            plural(bad.len()),
            list_bad(&name, &bad)
        );
        msg.push_str(
            "  = help: fix those rows (line numbers are the file's), or pass --skip-bad to import the others",
        );
        bail!(msg);
    }
    if !bad.is_empty() {
        let listed = list_bad(&name, &bad);
        for l in listed.lines() {
            eprintln!("warning: {}", l.trim_start());
        }
    }

    let summary = Summary {
        name: &name,
        imported: planned.len(),
        bad: bad.len(),
        present: outcome.present,
        repeated: outcome.repeated,
        blank: outcome.blank,
    };
    let new_categories = categories_change
        .as_ref()
        .map(|(_, _, n)| n.clone())
        .unwrap_or_default();
    if common.dry_run {
        eprintln!("dry run: {}", summary.line(true));
        if let Some(f) = &outcome.date_format {
            eprintln!("dry run: received dates read as {}", f.describe());
        }
        if !new_categories.is_empty() {
            eprintln!(
                "dry run: would declare {} in {CATEGORIES}: {}",
                counted(new_categories.len(), "new category", "new categories"),
                new_categories.join(", ")
            );
        }
        return Ok(Verdict::Pass);
    }

    write_all(&open, &policies, &planned, categories_change.as_ref())?;
    eprintln!("{}", summary.line(false));
    if !new_categories.is_empty() {
        eprintln!(
            "declared {} in {CATEGORIES}: {}",
            counted(new_categories.len(), "new category", "new categories"),
            new_categories.join(", ")
        );
    }
    Ok(Verdict::Pass)
}

fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        return Ok(buf);
    }
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

/// What the ledger already holds: every case's `source`, and every ID.
struct Existing {
    sources: Vec<Source>,
    ids: HashSet<String>,
}

/// Reads `source` from every case file, once. A file that does not parse
/// stops the import: it could be an earlier import of one of these rows.
fn existing_sources(open: &Open) -> Result<Existing> {
    let (files, problems) = open.ledger.case_files();
    if let Some(p) = problems.first() {
        bail!("{p}\n  = help: fix the ledger first (`redress check` lists every problem)");
    }
    let results: Vec<std::result::Result<Option<Source>, String>> = files
        .par_iter()
        .map(|rel| {
            let text = crate::ledger::files::read_text(&open.ledger.abs(rel))
                .map_err(|e| format!("{rel}: cannot read: {e}"))?;
            match crate::case::parse(&text, rel) {
                Ok(c) => Ok(c.source),
                Err(d) => {
                    // A case with another problem still tells where it came from.
                    #[derive(serde::Deserialize)]
                    struct JustSource {
                        source: Option<Source>,
                    }
                    serde_yaml::from_str::<JustSource>(&text)
                        .map(|j| j.source)
                        .map_err(|_| d.to_string())
                }
            }
        })
        .collect();
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
            "cannot tell which rows the ledger already holds, because some case files cannot be read:\n{}\n  = help: fix them first (`redress check` lists every problem); nothing was imported",
            errors.join("\n")
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

/// The case as the ledger will read it back: valid, and holding every value
/// of its row exactly.
fn verify(
    d: &Draft,
    rel: &str,
    text: &str,
    policies: &crate::policy::Policies,
) -> std::result::Result<(), BadRow> {
    let bad = |message: String| BadRow {
        line: d.line,
        message,
    };
    let back = crate::ledger::parse_and_validate(text, rel, policies).map_err(|ds| {
        bad(format!(
            "the case would not be valid: {}",
            crate::diag::Diagnostics(ds)
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
        Err(bad("a value of this row does not survive being written as YAML unchanged; please report this".into()))
    }
}

/// Declares the new categories, then writes every case; on any failure,
/// removes what this run wrote and restores `categories.toml`.
fn write_all(
    open: &Open,
    policies: &crate::policy::Policies,
    planned: &[(Draft, String, String)],
    categories: Option<&(String, String, Vec<String>)>,
) -> Result<()> {
    if planned.is_empty() {
        return Ok(());
    }
    let ledger = &open.ledger;
    // Folders this run creates, deepest first, to remove on rollback.
    let mut new_dirs: BTreeSet<PathBuf> = BTreeSet::new();
    for (_, rel, _) in planned {
        let mut dir = ledger.abs(rel);
        while dir.pop() && dir.starts_with(&ledger.root) && dir != ledger.root {
            if !dir.exists() {
                new_dirs.insert(dir.clone());
            }
        }
    }
    if let Some((original, text, _)) = categories {
        replace_file(&ledger.abs(CATEGORIES), Some(original), text)
            .with_context(|| format!("declaring the imported categories in {CATEGORIES}"))?;
    }
    let bar = progress(planned.len());
    let failed = AtomicBool::new(false);
    // Each write waits on its own fsync: many in flight let the disk batch them.
    let write_one = |(i, (_, rel, text)): (usize, &(Draft, String, String))| {
        if failed.load(Ordering::Relaxed) {
            return None;
        }
        let r = ledger.write(rel, None, text, policies);
        if r.is_err() {
            failed.store(true, Ordering::Relaxed);
        }
        bar.inc(1);
        Some((i, r))
    };
    let results: Vec<(usize, Result<()>)> =
        match rayon::ThreadPoolBuilder::new().num_threads(WRITERS).build() {
            Ok(pool) => pool.install(|| {
                planned
                    .par_iter()
                    .enumerate()
                    .filter_map(write_one)
                    .collect()
            }),
            Err(_) => planned
                .par_iter()
                .enumerate()
                .filter_map(write_one)
                .collect(),
        };
    bar.finish_and_clear();
    let first_error = results.iter().position(|(_, r)| r.is_err());
    let Some(pos) = first_error else {
        return Ok(());
    };
    // Roll back: remove every file this run wrote, then the folders it made.
    let mut left = Vec::new();
    for (i, r) in &results {
        if r.is_ok() {
            let rel = &planned[*i].1;
            if let Err(e) = std::fs::remove_file(ledger.abs(rel)) {
                left.push(format!("{rel} ({e})"));
            }
        }
    }
    for dir in new_dirs.iter().rev() {
        let _ = std::fs::remove_dir(dir);
    }
    if let Some((original, text, _)) = categories
        && let Err(e) = replace_file(&ledger.abs(CATEGORIES), Some(text), original)
    {
        left.push(format!("{CATEGORIES} (could not restore it: {e})"));
    }
    let (i, result) = &results[pos];
    let line = planned[*i].0.line;
    let why = result
        .as_ref()
        .err()
        .map(|e| format!("{e:#}"))
        .unwrap_or_default();
    let mut msg = format!("writing the case for line {line} failed: {why}");
    if left.is_empty() {
        msg.push_str("\nnothing was imported: the cases this run had written were removed");
    } else {
        msg.push_str(&format!(
            "\nthe rollback could not remove everything; left behind:\n  {}",
            left.join("\n  ")
        ));
    }
    bail!(msg)
}

/// Replaces a file's whole text atomically, under its lock, refusing if it
/// no longer holds `expected` (someone else changed it meanwhile).
fn replace_file(path: &Path, expected: Option<&String>, text: &str) -> Result<()> {
    use crate::ledger::files::Existing;
    let _lock = crate::ledger::files::Lock::acquire(path)?;
    let existing = expected.map_or(Existing::Replace, |e| Existing::Holds(e.as_bytes()));
    crate::ledger::files::write(path, text.as_bytes(), existing, None)
}

fn progress(len: usize) -> indicatif::ProgressBar {
    if len < 200 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("importing {bar:40} {pos}/{len} cases ({eta} left)")
    {
        bar.set_style(style);
    }
    bar
}

fn list_bad(name: &str, bad: &[BadRow]) -> String {
    let mut s = String::new();
    for b in bad.iter().take(SHOWN) {
        s.push_str(&format!("  {name}:{}: {}\n", b.line, b.message));
    }
    if bad.len() > SHOWN {
        s.push_str(&format!("  … and {} more\n", bad.len() - SHOWN));
    }
    s
}

struct Summary<'a> {
    name: &'a str,
    imported: usize,
    bad: usize,
    present: usize,
    repeated: usize,
    blank: usize,
}

impl Summary<'_> {
    fn line(&self, dry_run: bool) -> String {
        let verb = if dry_run { "would import" } else { "imported" };
        let mut s = format!(
            "{}: {verb} {}, skipped {} bad, {} already present",
            self.name,
            counted(self.imported, "row", "rows"),
            self.bad,
            self.present
        );
        if self.repeated > 0 {
            s.push_str(&format!(
                ", {} repeating an earlier row",
                counted(self.repeated, "row", "rows")
            ));
        }
        if self.blank > 0 {
            s.push_str(&format!(
                ", {} ignored",
                counted(self.blank, "blank row", "blank rows")
            ));
        }
        s
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
