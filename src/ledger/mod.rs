//! The ledger on disk: finding its root, scanning `cases/`, naming a case by
//! part of its ID, and writing files without ever losing a byte.

pub mod actions;
pub mod cache;
pub mod edit;
pub mod git;
pub mod git_times;
pub mod merge;
mod names;

use crate::case::history;
use crate::case::{self, Case, LineIndex};
use crate::diag::DiagCode;
use crate::diag::Diagnostic;
use crate::files::{Existing, Lock};
use crate::policy::Policies;
use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use std::fs;

/// How many files a scan reads in parallel before handing their items on.
const SCAN_BATCH: usize = 1024;

/// The ledger's own settings (its default language).
pub const LEDGER_SETTINGS: &str = "policies/ledger.toml";
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

/// Where [`Ledger::scan_each`] hands over each batch's results.
struct Delivery<'a, S> {
    files: &'a [String],
    stored: Vec<cache::Stored>,
    /// The new entries' packed cases, out of memory until the cache is written.
    spool: cache::Spool,
    /// Each parsed file's ID, kept only where it is not the file's name.
    ids: Vec<(usize, Option<Box<str>>)>,
    problems: Vec<Diagnostic>,
    sink: S,
}

impl<S> Delivery<'_, S> {
    /// Batch `b`'s results, in file order.
    fn take<T>(&mut self, b: usize, results: Vec<(Loaded<T>, cache::Stored)>)
    where
        S: FnMut(T),
    {
        let start = b * SCAN_BATCH;
        let batch = self.files.get(start..).unwrap_or_default();
        for (i, (rel, ((id, r), s))) in batch.iter().zip(results).enumerate() {
            self.stored.push(self.spool.take(s));
            if let Some(id) = id {
                let own = (id != file_stem(rel)).then(|| id.into_boxed_str());
                self.ids.push((start + i, own));
            }
            match r {
                Ok(c) => (self.sink)(c),
                Err(mut d) => self.problems.append(&mut d),
            }
        }
    }
}

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
                    "{}",
                    crate::i18n::tr_args(
                        "error-not-a-ledger",
                        &[("dir", dir.display().to_string().into())]
                    )
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
            "{}",
            crate::i18n::tr_args(
                "error-no-ledger",
                &[("dir", cwd.display().to_string().into())]
            )
        )
    }

    /// The `language` of `policies/ledger.toml` (what `init --lang` writes),
    /// if the file exists and sets one. Not validated here: `policy check`
    /// does that.
    pub fn default_language(&self) -> Result<Option<String>> {
        let path = self.abs(LEDGER_SETTINGS);
        if !path.is_file() {
            return Ok(None);
        }
        let text =
            fs::read_to_string(&path).with_context(|| format!("reading {LEDGER_SETTINGS}"))?;
        let table: toml::Table =
            toml::from_str(&text).with_context(|| format!("parsing {LEDGER_SETTINGS}"))?;
        Ok(table
            .get("language")
            .and_then(|v| v.as_str())
            .map(str::to_string))
    }

    pub fn abs(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Every `*.yaml` under `cases/`, relative and sorted, plus problems with
    /// entries that cannot be read, that lead outside the ledger (nothing
    /// under such a link is listed), or that are named like a case file but
    /// are not a regular file (a folder, a FIFO, a device).
    pub fn case_files(&self) -> (Vec<String>, Vec<Diagnostic>) {
        // Unchanged folders' entries come from the index of names; the
        // walk below has the last word on anything unusual.
        if let Some(files) = names::case_files(&self.root) {
            return (files, Vec::new());
        }
        self.walk_case_files()
    }

    /// [`case_files`](Self::case_files) by listing every folder.
    fn walk_case_files(&self) -> (Vec<String>, Vec<Diagnostic>) {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        let cases = self.root.join("cases");
        if fs::symlink_metadata(&cases).is_err() {
            return (files, problems);
        }
        let root = match self.root.canonicalize() {
            Ok(r) => r,
            Err(e) => {
                problems.push(Diagnostic::new(
                    ".",
                    DiagCode::Unreadable,
                    crate::i18n::Msg::new("diag-root").arg("error", e.to_string()),
                ));
                return (files, problems);
            }
        };
        let mut walk = walkdir::WalkDir::new(&cases)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = walk.next() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e.path().map_or_else(|| "cases".into(), |p| self.rel(p));
                    problems.push(Diagnostic::new(
                        path,
                        DiagCode::Unreadable,
                        crate::i18n::Msg::new("diag-cannot-read").arg("error", e.to_string()),
                    ));
                    continue;
                }
            };
            let rel = self.rel(entry.path());
            if entry.path_is_symlink()
                && let Err(d) = link_inside(entry.path(), &root, &rel)
            {
                problems.push(d);
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
                continue;
            }
            if is_case_name(entry.path()) {
                let kind = entry.file_type();
                if kind.is_file() {
                    files.push(rel);
                } else {
                    problems.push(not_a_file(&rel, &kind));
                }
            }
        }
        (files, problems)
    }

    /// Temporary files and lock files left in `cases/` and `policies/` by a
    /// redress that was stopped (kill -9, power loss) before it could remove
    /// them. Links are not followed: what they lead to is not the ledger's.
    pub fn leftovers(&self) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        for top in ["cases", "policies", "actions"] {
            // cases/'s unchanged folders come from the index of names.
            if top == "cases"
                && let Some(rels) = names::leftovers(&self.root)
            {
                found.extend(rels.iter().filter_map(|rel| leftover(rel, last_part(rel))));
                continue;
            }
            let walk = walkdir::WalkDir::new(self.root.join(top))
                .follow_root_links(false)
                .sort_by_file_name();
            for entry in walk {
                let Ok(entry) = entry else { continue };
                let name = entry.file_name().to_string_lossy();
                if crate::files::is_temp_name(&name) || crate::files::is_lock_name(&name) {
                    found.extend(leftover(&self.rel(entry.path()), &name));
                }
            }
        }
        found
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
        let mut items = Vec::new();
        let scan = self.scan_each(policies, f, |item| items.push(item));
        ScanOf {
            files: scan.files,
            items,
            problems: scan.problems,
        }
    }

    /// Like [`scan_map`](Self::scan_map), but hands each item to `sink`
    /// (in the files' sorted order, one at a time) as soon as its batch of
    /// files is done, so that not even the items need be held at once.
    /// A batch is handed over while the next one is read.
    pub fn scan_each<T: Send>(
        &self,
        policies: &Policies,
        f: impl Fn(LoadedCase) -> T + Sync,
        sink: impl FnMut(T) + Send,
    ) -> ScanOf<()> {
        // Listing the folders and reading the cache's index are independent.
        let ((files, problems), cache) =
            rayon::join(|| self.case_files(), || cache::Cache::open(&self.root));
        let second = cache::now_second();
        let folders = cache::Folders::open(&self.root, &files);
        let mut out = Delivery {
            files: &files,
            stored: Vec::with_capacity(files.len()),
            spool: cache::Spool::default(),
            ids: Vec::with_capacity(files.len()),
            problems,
            sink,
        };
        let mut pending = None;
        let mut buffer = Vec::new();
        for (b, batch) in files.chunks(SCAN_BATCH).enumerate() {
            let done = pending.take();
            let ((results, bytes), ()) = rayon::join(
                || {
                    let read = cache.batch_in(batch.iter().map(String::as_str), buffer);
                    let results = batch
                        .par_iter()
                        .enumerate()
                        .map(|(pos, rel)| {
                            let kept = (&cache, &folders, &read);
                            let ((id, r), stored) =
                                self.load_cached((rel, pos), policies, kept, second);
                            ((id, r.map(&f)), stored)
                        })
                        .collect::<Vec<_>>();
                    (results, read.into_bytes())
                },
                || done.into_iter().for_each(|(b, r)| out.take(b, r)),
            );
            buffer = bytes;
            pending = Some((b, results));
        }
        pending.into_iter().for_each(|(b, r)| out.take(b, r));
        let Delivery {
            stored,
            spool,
            ids,
            mut problems,
            ..
        } = out;
        let entries: Vec<(&str, &cache::Stored)> =
            files.iter().map(String::as_str).zip(&stored).collect();
        cache.save(&self.root, &entries, spool);
        let named = ids.iter().filter_map(|(i, own)| {
            let rel = files.get(*i)?.as_str();
            Some((own.as_deref().unwrap_or_else(|| file_stem(rel)), rel))
        });
        problems.extend(duplicate_ids(named.collect()));
        problems.sort();
        ScanOf {
            files: files.len(),
            items: Vec::new(),
            problems,
        }
    }

    /// [`load_with_id`](Self::load_with_id) through the parse cache: a file
    /// whose key is unchanged is made from its kept case and checked anew;
    /// any doubt, or any problem to report, reads the file.
    fn load_cached(
        &self,
        (rel, pos): (&str, usize),
        policies: &Policies,
        (cache, folders, read): (&cache::Cache, &cache::Folders, &cache::Batch),
        second: i64,
    ) -> (Loaded, cache::Stored) {
        let abs = self.abs(rel);
        // A file the cache has no entry for is read without a `stat` first.
        let key = if cache.holds((rel, pos), read) {
            folders.key(rel, &abs)
        } else {
            None
        };
        if let Some(key) = key
            && let Some((i, case)) = cache.get_in((rel, pos), key, read)
            && let Ok(case) = checked(case, rel, policies)
        {
            let id = Some(case.id.clone());
            let lc = LoadedCase {
                path: rel.to_string(),
                case,
            };
            return ((id, Ok(lc)), cache::Stored::Keep(i));
        }
        let (text, key) = match read_case_text_keyed(folders, &abs, rel) {
            Ok(t) => t,
            Err(d) => return ((None, Err(vec![d])), cache::Stored::Nothing),
        };
        match case::parse(&text, rel) {
            Ok(case) => {
                // Kept as read, before the checks pin its dates to the zone.
                let packed = (cache.on && key.is_some()).then(|| case::packed::pack(&case));
                match checked(case, rel, policies) {
                    Ok(case) => {
                        let stored = match (key, packed) {
                            (Some(k), Some(packed)) => cache::entry(rel, k, packed, second),
                            _ => cache::Stored::Nothing,
                        };
                        let id = Some(case.id.clone());
                        let lc = LoadedCase {
                            path: rel.to_string(),
                            case,
                        };
                        ((id, Ok(lc)), stored)
                    }
                    Err(p) => (
                        (id_line(&text), Err(locate(&text, rel, p))),
                        cache::Stored::Nothing,
                    ),
                }
            }
            Err(d) => ((id_line(&text), Err(vec![d])), cache::Stored::Nothing),
        }
    }

    /// Reads one case and validates it (structure, sequence, policies).
    /// Never through a link that leads outside the ledger.
    pub fn load(&self, rel: &str, policies: &Policies) -> Result<LoadedCase, Vec<Diagnostic>> {
        if let Err(e) = self.inside(rel) {
            let message = e.to_string();
            let first = message.lines().next().unwrap_or_default();
            let first = first.strip_prefix(rel).unwrap_or(first).trim_start();
            return Err(vec![
                Diagnostic::new(rel, DiagCode::OutsideLedger, first)
                    .help(crate::i18n::Msg::new("diag-outside-help")),
            ]);
        }
        self.load_with_id(rel, policies).1
    }

    /// Also returns the case's ID whenever the file parsed, valid or not, so
    /// that duplicate IDs are found even among files with other problems.
    fn load_with_id(&self, rel: &str, policies: &Policies) -> Loaded {
        let text = match read_case_text(&self.abs(rel), rel) {
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
            bail!("{}", crate::i18n::tr("find-no-id"));
        }
        let matches = self.id_candidates(&q);
        let stem = |f: &String| file_stem(f).to_string();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => bail!(
                "{}\n  = help: {}",
                crate::i18n::tr_args("find-no-case", &[("query", query.to_string().into())]),
                crate::i18n::tr("find-no-case-help")
            ),
            many => {
                let list: Vec<String> = many
                    .iter()
                    .take(20)
                    .map(|f| format!("    {}  ({f})", stem(f)))
                    .collect();
                use crate::i18n::{tr, tr_args};
                let count = |n: usize| n.to_string().into();
                let more = if many.len() > 20 {
                    let more = tr_args("find-more", &[("count", count(many.len() - 20))]);
                    format!("\n    {more}")
                } else {
                    String::new()
                };
                let head = [
                    ("query", query.to_string().into()),
                    ("count", count(many.len())),
                ];
                bail!(
                    "{}\n{}{more}\n  = help: {}",
                    tr_args("find-ambiguous", &head),
                    list.join("\n"),
                    tr("find-ambiguous-help")
                )
            }
        }
    }

    /// The case files `q` (lower case) names: the exact ID when there is
    /// one, else every ID it begins or ends.
    fn id_candidates(&self, q: &str) -> Vec<String> {
        if let Some(rel) = crate::case::id::relative_path(q)
            && self.abs(&rel).is_file()
        {
            return vec![rel];
        }
        let files = self.case_names(|s| s.starts_with(q) || s.ends_with(q));
        let mut exact: Vec<String> = files
            .iter()
            .filter(|f| file_stem(f) == q)
            .cloned()
            .collect();
        if !exact.is_empty() {
            exact.sort();
            return exact;
        }
        let mut found: Vec<String> = files
            .into_iter()
            .filter(|f| {
                let s = file_stem(f);
                s.starts_with(q) || s.ends_with(q)
            })
            .collect();
        found.sort();
        found
    }

    /// The paths of the case files whose ID `keep` keeps, for naming a
    /// case, in no particular order:
    /// from the folders' entries alone (no file is opened or examined), through the index of
    /// names that spares listing unchanged folders (see [`names`]), so that
    /// `show 7hq3` costs a few `stat`s. A ledger with a link anywhere under
    /// `cases/` is listed by [`case_files`](Self::case_files) instead, which
    /// judges where each link leads.
    fn case_names(&self, keep: impl Fn(&str) -> bool) -> Vec<String> {
        match names::case_names(&self.root, &keep) {
            Some(names) => names,
            None => {
                let files = self.case_files().0;
                files.into_iter().filter(|f| keep(file_stem(f))).collect()
            }
        }
    }

    /// `query` itself when it names case IDs (see [`find`](Self::find)),
    /// else the ID of the one case whose `source.id` it is: a desk reads
    /// the other system's number (`Z-1001`) off an email. Only this path
    /// parses the cases; several cases with that source ID is an error that
    /// lists them.
    pub fn id_or_source_id(&self, query: &str, policies: &Policies) -> Result<String> {
        let q = query.trim().trim_end_matches(".yaml").to_lowercase();
        if q.is_empty() {
            return Ok(query.to_string());
        }
        match self.id_candidates(&q).as_slice() {
            // The whole ID: naming it again finds its file without listing
            // the folders a second time.
            [one] => return Ok(file_stem(one).to_string()),
            [] => {}
            _ => return Ok(query.to_string()),
        }
        let scan = self.scan(policies);
        let found: Vec<&LoadedCase> = scan
            .cases
            .iter()
            .filter(|lc| {
                lc.case
                    .source
                    .as_ref()
                    .is_some_and(|s| s.id.trim().to_lowercase() == q)
            })
            .collect();
        match found.as_slice() {
            [] => Ok(query.to_string()),
            [one] => Ok(one.case.id.clone()),
            many => {
                let list: Vec<String> = many
                    .iter()
                    .map(|lc| {
                        let system = lc.case.source.as_ref().map_or("", |s| s.system.as_str());
                        format!("    {}  (source {system}, {})", lc.case.id, lc.path)
                    })
                    .collect();
                bail!(
                    "`{query}` is the source ID of {} cases:\n{}\n  = help: name the case by its ID",
                    many.len(),
                    list.join("\n")
                )
            }
        }
    }

    /// Takes `<case>.lock` for a read–check–write cycle on `rel`: hold it
    /// from before reading the file until [`append`](Self::append) returns.
    pub fn lock(&self, rel: &str) -> Result<Lock> {
        let path = self.inside(rel)?;
        Lock::acquire(&path)
    }

    /// Reads a file of the ledger: only a regular file, and never through a
    /// link that leads outside the ledger.
    pub fn read(&self, rel: &str) -> Result<String> {
        let path = self.inside(rel)?;
        read_case_text(&path, rel).map_err(|d| {
            anyhow::Error::new(crate::diag::Diagnostics(vec![d]))
                .context(format!("{rel} has problems; fix them before adding events"))
        })
    }

    /// Appends `addition` to a case file whose content was `original`, read
    /// while holding `lock`: temp file in the same folder, fsync, re-read and
    /// validate, refuse if the file changed meanwhile, then rename over it.
    pub fn append(
        &self,
        lock: &Lock,
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
        self.write_locked(lock, rel, Some(original), &text, policies)
    }

    /// Inserts `addition` at byte `offset` of `original` (a late event at its
    /// place in time order): still only new lines, every other byte kept.
    pub fn insert(
        &self,
        lock: &Lock,
        rel: &str,
        original: &str,
        offset: usize,
        addition: &str,
        policies: &Policies,
    ) -> Result<()> {
        let (before, after) = original
            .split_at_checked(offset)
            .context("internal error: insertion point outside the file")?;
        let text = format!("{before}{addition}{after}");
        self.write_locked(lock, rel, Some(original), &text, policies)
    }

    /// Replaces a whole case file under the lock already held, refusing
    /// unless it still holds `original` (only `anonymise` rewrites earlier
    /// bytes).
    pub fn rewrite(
        &self,
        lock: &Lock,
        rel: &str,
        original: &str,
        text: &str,
        policies: &Policies,
    ) -> Result<()> {
        self.write_locked(lock, rel, Some(original), text, policies)
    }

    /// Writes a whole case file atomically, under its lock. With `expected`,
    /// refuses unless the file still holds exactly those bytes; without,
    /// refuses to overwrite.
    pub fn write(
        &self,
        rel: &str,
        expected: Option<&str>,
        text: &str,
        policies: &Policies,
    ) -> Result<()> {
        let dir = Path::new(rel)
            .parent()
            .context("a case file has a folder")?;
        let dir_rel = dir.to_string_lossy();
        self.inside(&dir_rel)?;
        let abs_dir = self.abs(&dir_rel);
        fs::create_dir_all(&abs_dir).with_context(|| format!("creating {}", abs_dir.display()))?;
        let lock = self.lock(rel)?;
        self.write_locked(&lock, rel, expected, text, policies)
    }

    fn write_locked(
        &self,
        lock: &Lock,
        rel: &str,
        expected: Option<&str>,
        text: &str,
        policies: &Policies,
    ) -> Result<()> {
        let path = self.inside(rel)?;
        if lock.target() != path {
            bail!("internal error: {rel} written without its lock");
        }
        let validate = |bytes: &[u8]| -> Result<()> {
            let text = std::str::from_utf8(bytes).context("the new text is not UTF-8")?;
            parse_and_validate(text, rel, policies)
                .map(|_| ())
                .map_err(|d| {
                    anyhow::anyhow!(
                        "refusing to write {rel}: the result would not be valid:\n{}",
                        crate::diag::Diagnostics(d)
                    )
                })
        };
        let existing = match expected {
            Some(before) => Existing::Holds(before.as_bytes()),
            None => Existing::Absent,
        };
        crate::files::write(&path, text.as_bytes(), existing, Some(&validate))
    }

    /// The path of `rel` after refusing any link that leads outside the
    /// ledger. A path that does not exist yet is judged by its nearest
    /// existing ancestor, so a folder is never created outside either.
    fn inside(&self, rel: &str) -> Result<PathBuf> {
        let path = self.abs(rel);
        let escape = crate::files::escapes(&self.root, &path)
            .with_context(|| format!("cannot resolve the ledger root {}", self.root.display()))?;
        if let Some(real) = escape {
            bail!(
                "{rel} leads outside the ledger (to {}); nothing was read or written\n  = help: {OUTSIDE_HELP}",
                real.display()
            );
        }
        Ok(path)
    }
}

/// Replaces (or creates) a file atomically with the one writer
/// ([`crate::files::write`]): same folder, fsync, mode and group kept, rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::files::write(path, bytes, Existing::Replace, None)
}

/// Parses a case and runs every check that needs no other file.
pub fn parse_and_validate(
    text: &str,
    rel: &str,
    policies: &Policies,
) -> Result<Case, Vec<Diagnostic>> {
    let case = case::parse(text, rel).map_err(|d| vec![d])?;
    checked(case, rel, policies).map_err(|p| locate(text, rel, p))
}

/// A parsed case in the ledger's zone, after every check that needs no
/// other file; the problems are placed in the text by [`locate`].
fn checked(mut case: Case, rel: &str, policies: &Policies) -> Result<Case, Vec<history::Problem>> {
    case.resolve_times(policies.tz());
    let stem = Path::new(rel).file_stem().and_then(|s| s.to_str());
    let mut problems = history::problems(&case, stem);
    problems.extend(crate::policy::validate::case_problems(&case, policies));
    if stem == Some(case.id.as_str())
        && rel.starts_with("cases/")
        && !crate::case::id::filed_at(&case.id, rel)
        && let Some(expected) = crate::case::id::relative_path(&case.id)
    {
        problems.push(history::Problem {
            code: DiagCode::IdMismatch,
            locus: case::Locus::Key("received"),
            message: crate::i18n::Msg::new("diag-wrong-folder").arg("id", case.id.as_str()),
            help: Some(crate::i18n::Msg::new("diag-wrong-folder-help").arg("expected", expected)),
        });
    }
    if problems.is_empty() {
        Ok(case)
    } else {
        Err(problems)
    }
}

/// Problems as diagnostics at their line and column in `text`.
fn locate(text: &str, rel: &str, problems: Vec<history::Problem>) -> Vec<Diagnostic> {
    let index = LineIndex::new(text);
    problems
        .into_iter()
        .map(|p| {
            let (line, col) = index.locate(p.locus);
            let d = Diagnostic::new(rel, p.code, p.message).at(line, col);
            match p.help {
                Some(help) => d.help(help),
                None => d,
            }
        })
        .collect()
}

const OUTSIDE_HELP: &str =
    "case files must live inside the ledger's own cases/ folder: replace the link by the files";

fn is_case_name(path: &Path) -> bool {
    path.extension().is_some_and(|x| x == "yaml" || x == "yml")
}

/// Refuses a link that leads outside the ledger, or nowhere.
fn link_inside(path: &Path, root: &Path, rel: &str) -> Result<(), Diagnostic> {
    match path.canonicalize() {
        Ok(target) if target.starts_with(root) => Ok(()),
        Ok(target) => Err(Diagnostic::new(
            rel,
            DiagCode::OutsideLedger,
            crate::i18n::Msg::new("diag-outside-link").arg("target", target.display().to_string()),
        )
        .help(crate::i18n::Msg::new("diag-outside-help"))),
        Err(e) => Err(Diagnostic::new(
            rel,
            DiagCode::Unreadable,
            crate::i18n::Msg::new("diag-broken-link").arg("error", e.to_string()),
        )),
    }
}

/// Something named like a case file that is not a regular file.
fn not_a_file(rel: &str, kind: &fs::FileType) -> Diagnostic {
    Diagnostic::new(
        rel,
        DiagCode::NotAFile,
        crate::i18n::Msg::new("diag-not-a-file").arg("kind", crate::files::kind_msg(kind)),
    )
    .help(crate::i18n::Msg::new("diag-not-a-file-help"))
}

/// The `id:` of a case file that may not parse as a whole.
fn id_line(text: &str) -> Option<String> {
    text.lines()
        .find_map(|l| l.strip_prefix("id:"))
        .map(|v| v.trim().trim_matches('"').trim_matches('\'').to_string())
        .filter(|v| !v.is_empty())
}

fn duplicate_ids(mut ids: Vec<(&str, &str)>) -> Vec<Diagnostic> {
    // Sorted by ID, each ID's files in the order given: a million IDs
    // cost a vector, not a map of vectors.
    ids.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::new();
    for run in ids.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        let id = run.first().map_or("", |r| r.0);
        let paths: Vec<&str> = run.iter().map(|r| r.1).collect();
        for p in &paths {
            let others: Vec<&str> = paths.iter().filter(|o| *o != p).copied().collect();
            out.push(
                Diagnostic::new(
                    *p,
                    DiagCode::DuplicateId,
                    crate::i18n::Msg::new("diag-duplicate-id")
                        .arg("id", id.to_string())
                        .arg("others", others.join(", ")),
                )
                .help(crate::i18n::Msg::new("diag-duplicate-id-help")),
            );
        }
    }
    out
}

/// The most of a case file read: the size limit and one byte, to see it.
const CASE_READ_LIMIT: u64 = crate::case::yaml_guard::MAX_CASE_BYTES as u64 + 1;

/// A case file's text: only a regular file, never more than the size limit
/// plus one byte read, and an error at the first byte that is not UTF-8.
fn read_case_text(path: &Path, rel: &str) -> Result<String, crate::diag::Diagnostic> {
    let bytes = crate::files::read_bytes_at_most(path, CASE_READ_LIMIT)
        .map_err(|e| crate::files::unreadable(rel, &e))?;
    case::text_of(bytes, rel)
}

/// [`read_case_text`] through the open folders, with the key of what was
/// read ([`cache::Folders::read`]).
fn read_case_text_keyed(
    folders: &cache::Folders,
    path: &Path,
    rel: &str,
) -> Result<(String, Option<cache::Key>), crate::diag::Diagnostic> {
    let (bytes, key) = folders
        .read(rel, path, CASE_READ_LIMIT)
        .map_err(|e| crate::files::unreadable(rel, &e))?;
    Ok((case::text_of(bytes, rel)?, key))
}

/// What a temporary or lock file named `name` at `rel` is left for.
fn leftover(rel: &str, name: &str) -> Option<Diagnostic> {
    use crate::i18n::Msg;
    if crate::files::is_temp_name(name) {
        let help = Msg::new("diag-leftover-temp-help").arg("rel", rel);
        Some(
            Diagnostic::new(rel, DiagCode::LeftoverTemp, Msg::new("diag-leftover-temp")).help(help),
        )
    } else if crate::files::is_lock_name(name) {
        let target = rel.strip_suffix(crate::files::LOCK_SUFFIX).unwrap_or(rel);
        let message = Msg::new("diag-stale-lock").arg("target", target);
        let help = Msg::new("diag-stale-lock-help").arg("rel", rel);
        Some(Diagnostic::new(rel, DiagCode::StaleLock, message).help(help))
    } else {
        None
    }
}

/// The last part of a relative path.
fn last_part(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// A case file's name without its folder and extension: the case ID.
fn file_stem(rel: &str) -> &str {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .unwrap_or(name)
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
        let lock = ledger.lock(rel).unwrap();
        let err = ledger
            .append(&lock, rel, CASE, EVENT, &policies)
            .unwrap_err();
        drop(lock);
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
        let lock = ledger.lock(rel).unwrap();
        assert!(ledger.append(&lock, rel, CASE, bad, &policies).is_err());
        drop(lock);
        assert_eq!(std::fs::read_to_string(ledger.abs(rel)).unwrap(), CASE);
        assert!(
            ledger.write(rel, None, CASE, &policies).is_err(),
            "new must not overwrite"
        );
    }
}
