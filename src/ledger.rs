//! The ledger on disk: finding its root, scanning `cases/`, naming a case by
//! part of its ID, and writing files without ever losing a byte.

use crate::case::{self, Case, LineIndex};
use crate::diag::Diagnostic;
use crate::history;
use crate::policy::Policies;
use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Ledger {
    pub root: PathBuf,
}

/// A case read from disk, with its path relative to the root.
#[derive(Debug, Clone)]
pub struct LoadedCase {
    pub path: String,
    pub case: Case,
}

/// One file's outcome: its ID when it parsed at all, and the case or its problems.
type Loaded<T = LoadedCase> = (Option<String>, Result<T, Vec<Diagnostic>>);

/// What [`Ledger::scan_map`] made of every valid case, and every problem.
#[derive(Debug, Default)]
pub struct ScanOf<T> {
    /// How many case files were found.
    pub files: usize,
    pub items: Vec<T>,
    pub problems: Vec<Diagnostic>,
}

/// Everything a scan found: the cases that parsed, and every problem.
#[derive(Debug, Default)]
pub struct Scan {
    pub cases: Vec<LoadedCase>,
    pub problems: Vec<Diagnostic>,
}

impl Ledger {
    /// `--ledger`/`REDRESS_LEDGER` if given, else the nearest ancestor of the
    /// working directory holding `policies/`, the way git finds `.git`.
    pub fn discover(explicit: Option<&Path>) -> Result<Ledger> {
        if let Some(dir) = explicit {
            if !dir.join("policies").is_dir() {
                bail!(
                    "{} is not a ledger: it has no policies/ folder\n  = help: create one with `redress init {}`",
                    dir.display(),
                    dir.display()
                );
            }
            return Ok(Ledger {
                root: dir.to_path_buf(),
            });
        }
        let cwd = std::env::current_dir().context("reading the working directory")?;
        for dir in cwd.ancestors() {
            if dir.join("policies").is_dir() {
                return Ok(Ledger {
                    root: dir.to_path_buf(),
                });
            }
        }
        bail!(
            "not inside a ledger: no policies/ folder here or in any parent of {}\n  = help: run `redress init`, or name one with --ledger DIR or REDRESS_LEDGER",
            cwd.display()
        )
    }

    pub fn abs(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Every `*.yaml` under `cases/`, relative and sorted, plus problems with
    /// entries that cannot be read or that lead outside the ledger.
    pub fn case_files(&self) -> (Vec<String>, Vec<Diagnostic>) {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        let cases = self.root.join("cases");
        if !cases.exists() {
            return (files, problems);
        }
        let root = match self.root.canonicalize() {
            Ok(r) => r,
            Err(e) => {
                problems.push(Diagnostic::new(
                    ".",
                    "unreadable",
                    format!("cannot resolve the ledger root: {e}"),
                ));
                return (files, problems);
            }
        };
        for entry in walkdir::WalkDir::new(&cases)
            .follow_links(true)
            .sort_by_file_name()
        {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map_or_else(|| "cases".into(), |p| self.rel(p));
                    problems.push(Diagnostic::new(
                        path,
                        "unreadable",
                        format!("cannot read: {e}"),
                    ));
                    continue;
                }
            };
            let rel = self.rel(entry.path());
            if entry.path_is_symlink() {
                match entry.path().canonicalize() {
                    Ok(target) if target.starts_with(&root) => {}
                    Ok(target) => {
                        problems.push(
                            Diagnostic::new(&rel, "outside-ledger", format!("symbolic link to {}, outside the ledger", target.display()))
                                .help("case files must live inside the ledger's own cases/ folder: replace the link by the files"),
                        );
                        continue;
                    }
                    Err(e) => {
                        problems.push(Diagnostic::new(
                            &rel,
                            "unreadable",
                            format!("broken link: {e}"),
                        ));
                        continue;
                    }
                }
            }
            let is_yaml = entry
                .path()
                .extension()
                .is_some_and(|x| x == "yaml" || x == "yml");
            if entry.file_type().is_file() && is_yaml {
                files.push(rel);
            }
        }
        (files, problems)
    }

    fn rel(&self, p: &Path) -> String {
        let r = p.strip_prefix(&self.root).unwrap_or(p);
        r.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Reads and validates every case in parallel; nothing is skipped silently.
    pub fn scan(&self, policies: &Policies) -> Scan {
        let scan = self.scan_map(policies, |lc| lc);
        Scan {
            cases: scan.items,
            problems: scan.problems,
        }
    }

    /// Like [`scan`](Self::scan), but turns each valid case into what the
    /// caller needs as soon as it is read, so that a ledger of any size never
    /// has to sit in memory whole. `items` follow the files' sorted order.
    pub fn scan_map<T: Send>(
        &self,
        policies: &Policies,
        f: impl Fn(LoadedCase) -> T + Sync,
    ) -> ScanOf<T> {
        let (files, mut problems) = self.case_files();
        let results: Vec<Loaded<T>> = files
            .par_iter()
            .map(|rel| {
                let (id, r) = self.load_with_id(rel, policies);
                (id, r.map(&f))
            })
            .collect();
        let mut items = Vec::with_capacity(results.len());
        let mut ids = Vec::with_capacity(results.len());
        for (rel, (id, r)) in files.iter().zip(results) {
            if let Some(id) = id {
                ids.push((id, rel.as_str()));
            }
            match r {
                Ok(c) => items.push(c),
                Err(mut d) => problems.append(&mut d),
            }
        }
        problems.extend(duplicate_ids(&ids));
        problems.sort();
        ScanOf {
            files: files.len(),
            items,
            problems,
        }
    }

    /// Reads one case and validates it (structure, sequence, policies).
    pub fn load(&self, rel: &str, policies: &Policies) -> Result<LoadedCase, Vec<Diagnostic>> {
        self.load_with_id(rel, policies).1
    }

    /// Also returns the case's ID whenever the file parsed, valid or not, so
    /// that duplicate IDs are found even among files with other problems.
    fn load_with_id(&self, rel: &str, policies: &Policies) -> Loaded {
        let text = match case::read(&self.abs(rel), rel) {
            Ok(t) => t,
            Err(d) => return (None, Err(vec![d])),
        };
        match parse_and_validate(&text, rel, policies) {
            Ok(case) => (
                Some(case.id.clone()),
                Ok(LoadedCase {
                    path: rel.to_string(),
                    case,
                }),
            ),
            Err(d) => (id_line(&text), Err(d)),
        }
    }

    /// Names a case by its ID or any unique prefix or suffix of it, from the
    /// file names alone: nothing else in the ledger is parsed.
    pub fn find(&self, query: &str) -> Result<String> {
        let q = query.trim().trim_end_matches(".yaml").to_lowercase();
        if q.is_empty() {
            bail!("no case ID given");
        }
        if let Some(rel) = crate::id::relative_path(&q)
            && self.abs(&rel).is_file()
        {
            return Ok(rel);
        }
        let (files, _) = self.case_files();
        let stem = |f: &String| {
            f.rsplit('/')
                .next()
                .unwrap_or(f)
                .trim_end_matches(".yaml")
                .trim_end_matches(".yml")
                .to_string()
        };
        let exact: Vec<&String> = files.iter().filter(|f| stem(f) == q).collect();
        let matches: Vec<&String> = if exact.is_empty() {
            files
                .iter()
                .filter(|f| {
                    let s = stem(f);
                    s.starts_with(&q) || s.ends_with(&q)
                })
                .collect()
        } else {
            exact
        };
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => bail!(
                "no case matches `{query}`\n  = help: `redress list` shows the cases; any unique prefix or suffix of an ID names one"
            ),
            many => {
                let list: Vec<String> = many
                    .iter()
                    .take(20)
                    .map(|f| format!("    {}  ({f})", stem(f)))
                    .collect();
                let more = if many.len() > 20 {
                    format!("\n    … and {} more", many.len() - 20)
                } else {
                    String::new()
                };
                bail!(
                    "`{query}` is ambiguous: it names {} cases:\n{}{more}\n  = help: give more characters of the ID",
                    many.len(),
                    list.join("\n")
                )
            }
        }
    }

    /// Appends `addition` to a case file whose content was `original`, safely:
    /// temp file in the same folder, fsync, re-read and validate, refuse if the
    /// file changed meanwhile, then rename over it.
    pub fn append(
        &self,
        rel: &str,
        original: &str,
        addition: &str,
        policies: &Policies,
    ) -> Result<()> {
        let mut text = String::with_capacity(original.len() + addition.len() + 1);
        text.push_str(original);
        if !original.is_empty() && !original.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(addition);
        self.write(rel, Some(original), &text, policies)
    }

    /// Writes a whole file atomically. With `expected`, refuses unless the
    /// file still holds exactly those bytes; without, refuses to overwrite.
    pub fn write(
        &self,
        rel: &str,
        expected: Option<&str>,
        text: &str,
        policies: &Policies,
    ) -> Result<()> {
        let path = self.abs(rel);
        let dir = path.parent().context("a case file has a folder")?;
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".redress-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
        tmp.write_all(text.as_bytes())
            .with_context(|| format!("writing {rel}"))?;
        tmp.as_file()
            .sync_all()
            .with_context(|| format!("syncing {rel}"))?;
        let reread = fs::read_to_string(tmp.path()).with_context(|| format!("re-reading {rel}"))?;
        if reread != text {
            bail!(
                "writing {rel}: the temporary file does not read back as written; nothing was changed"
            );
        }
        if let Err(d) = parse_and_validate(&reread, rel, policies) {
            bail!(
                "refusing to write {rel}: the result would not be valid:\n{}",
                crate::diag::Diagnostics(d)
            );
        }
        match expected {
            Some(before) => {
                let now = fs::read(&path).with_context(|| format!("reading {rel}"))?;
                if now != before.as_bytes() {
                    bail!(
                        "{rel} changed while redress was writing it; nothing was written\n  = help: run the command again"
                    );
                }
                tmp.persist(&path)
                    .with_context(|| format!("replacing {rel}"))?;
            }
            None => {
                tmp.persist_noclobber(&path)
                    .map_err(|e| anyhow::anyhow!("{rel} already exists: {}", e.error))?;
            }
        }
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Replaces (or creates) a file atomically: a temporary file in the same
/// folder, written and fsynced, then renamed over `path`. Keeps the mode of
/// the file it replaces (a new file gets 0644, not tempfile's 0600).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".redress-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("writing {}", path.display()))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("syncing {}", path.display()))?;
    match fs::metadata(path) {
        Ok(meta) => {
            let _ = fs::set_permissions(tmp.path(), meta.permissions());
        }
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let _ = fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o644));
            }
        }
    }
    tmp.persist(path)
        .with_context(|| format!("replacing {}", path.display()))?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Parses a case and runs every check that needs no other file.
pub fn parse_and_validate(
    text: &str,
    rel: &str,
    policies: &Policies,
) -> Result<Case, Vec<Diagnostic>> {
    let mut case = case::parse(text, rel).map_err(|d| vec![d])?;
    case.resolve_times(policies.tz());
    let stem = Path::new(rel).file_stem().and_then(|s| s.to_str());
    let mut problems = history::problems(&case, stem);
    problems.extend(crate::policy_check::case_problems(&case, policies));
    if let Some(expected) = crate::id::relative_path(&case.id)
        && stem == Some(case.id.as_str())
        && expected != rel
        && rel.starts_with("cases/")
    {
        problems.push(history::Problem {
            code: "id-mismatch",
            locus: case::Locus::Key("received"),
            message: format!("case `{}` is filed in the wrong folder", case.id),
            help: Some(format!(
                "move it to {expected} (cases live under the year and month they were received); if a file is already there, the case is recorded twice: see duplicate-id"
            )),
        });
    }
    if problems.is_empty() {
        return Ok(case);
    }
    let index = LineIndex::new(text);
    Err(problems
        .into_iter()
        .map(|p| {
            let (line, col) = index.locate(p.locus);
            let mut d = Diagnostic::new(rel, p.code, p.message).at(line, col);
            d.help = p.help;
            d
        })
        .collect())
}

/// The `id:` of a case file that may not parse as a whole.
fn id_line(text: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix("id:"))
        .map(|v| v.trim().trim_matches('"').trim_matches('\'').to_string())
        .filter(|v| !v.is_empty())
}

fn duplicate_ids(ids: &[(String, &str)]) -> Vec<Diagnostic> {
    let mut by_id: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (id, path) in ids {
        by_id.entry(id).or_default().push(path);
    }
    let mut out = Vec::new();
    for (id, paths) in by_id.into_iter().filter(|(_, p)| p.len() > 1) {
        for p in &paths {
            let others: Vec<&str> = paths.iter().filter(|o| *o != p).copied().collect();
            out.push(
                Diagnostic::new(*p, "duplicate-id", format!("case ID `{id}` is also used by {}", others.join(", ")))
                    .help("the same ID is in two files: if they are one case, copy into the correctly filed one any event only the other has (in time order) and delete the other; if they are different cases, give one a new ID (same date, four new characters) and rename its file"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger() -> (tempfile::TempDir, Ledger, Policies) {
        let dir = tempfile::tempdir().unwrap();
        let root = env!("CARGO_MANIFEST_DIR");
        let policies = crate::policy::load(std::path::Path::new(root)).unwrap();
        let ledger = Ledger {
            root: dir.path().to_path_buf(),
        };
        (dir, ledger, policies)
    }

    const CASE: &str = "id: 20261102-k7q2\nkind: claim\ntitle: Lamp\nreceived: 2026-11-02T09:00:00-05:00\nchannel: email\ncustomer:\n  name: M\ncategory: delivery\nseverity: low\nhistory:\n";
    const EVENT: &str =
        "  - at: 2026-11-02T10:00:00-05:00\n    by: alice\n    event: acknowledged\n";

    #[test]
    fn a_concurrent_change_is_refused_and_kept() {
        let (_dir, ledger, policies) = ledger();
        let rel = "cases/2026/11/20261102-k7q2.yaml";
        ledger.write(rel, None, CASE, &policies).unwrap();
        // Someone else appends after we read the file and before we write.
        let theirs = format!("{CASE}{EVENT}");
        std::fs::write(ledger.abs(rel), &theirs).unwrap();
        let err = ledger.append(rel, CASE, EVENT, &policies).unwrap_err();
        assert!(
            err.to_string()
                .contains("changed while redress was writing it"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(ledger.abs(rel)).unwrap(), theirs);
        // No temporary file is left behind.
        let leftovers = std::fs::read_dir(ledger.abs("cases/2026/11"))
            .unwrap()
            .count();
        assert_eq!(leftovers, 1);
    }

    #[test]
    fn an_invalid_result_is_never_written() {
        let (_dir, ledger, policies) = ledger();
        let rel = "cases/2026/11/20261102-k7q2.yaml";
        ledger.write(rel, None, CASE, &policies).unwrap();
        let bad = "  - at: 2026-11-01T10:00:00-05:00\n    by: alice\n    event: acknowledged\n";
        assert!(ledger.append(rel, CASE, bad, &policies).is_err());
        assert_eq!(std::fs::read_to_string(ledger.abs(rel)).unwrap(), CASE);
        assert!(
            ledger.write(rel, None, CASE, &policies).is_err(),
            "new must not overwrite"
        );
    }
}
