//! The case files' names, for naming a case by part of its ID (`show 7hq3`)
//! without listing every folder of a large ledger on each call. Kept in
//! `.redress/cache/names`: for each folder under `cases/`, its key (size,
//! modification and change times, inode, device) and its entries' names.
//!
//! Adding, removing or renaming an entry changes its folder's modification
//! time, so a folder whose key is unchanged holds the entries it held. Any
//! doubt lists the folder again: another key, a folder changed within the
//! second before the index was written (git's "racy" rule), a name the
//! index cannot hold, an index that is damaged or of another format. A
//! link anywhere under `cases/` is left to the full walk, which judges
//! where it leads. Written atomically, only when something changed, and
//! not at all with `--no-cache`/`REDRESS_NO_CACHE`.

use super::cache::{self, Key};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

const HEADER: &str = "redress-names 2";

/// One folder's entries as listed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Folder<'a> {
    key: Option<Key>,
    /// Case files (`*.yaml`, `*.yml`) that are regular files; borrowed
    /// from the index's text when read from it.
    files: Vec<Cow<'a, str>>,
    folders: Vec<Cow<'a, str>>,
    /// Temporary and lock files left by a stopped redress (any kind).
    leftovers: Vec<Cow<'a, str>>,
    /// Whether the index can hold it (every name is UTF-8 without a line
    /// break or a tab).
    storable: bool,
}

/// The index as read: folders by path, and the second it was written.
#[derive(Debug, Default)]
struct Index<'a> {
    folders: BTreeMap<String, Folder<'a>>,
    written: i64,
}

/// The path, relative to `root`, of every case file under `cases/` whose
/// ID (file name without extension) `keep` keeps, in no particular order;
/// `None` when there is a link under `cases/`.
pub fn case_names(root: &Path, keep: impl Fn(&str) -> bool) -> Option<Vec<String>> {
    let text = read(root);
    let folders = walk(root, &text)?;
    let mut names = Vec::new();
    for (rel, folder) in &folders {
        let kept = folder.files.iter().filter(|f| keep(super::file_stem(f)));
        names.extend(kept.map(|f| format!("{rel}/{f}")));
    }
    Some(names)
}

/// Every case file's path under `cases/`, relative to `root`, in the order
/// of a walk that sorts each folder's entries by name (the order
/// [`super::Ledger::case_files`] gives); `None` when that walk has more to
/// say: a link, a folder it cannot read, an entry named like a case file
/// that is not a regular file, a name the index cannot hold.
pub fn case_files(root: &Path) -> Option<Vec<String>> {
    let text = read(root);
    let folders = walk_plain(root, &text)?;
    let mut files = Vec::with_capacity(folders.values().map(|f| f.files.len()).sum());
    if folders.contains_key("cases") {
        in_order(&folders, "cases", &mut files);
    }
    Some(files)
}

/// The path, relative to `root`, of every temporary or lock file left
/// under `cases/`; `None` when the walk must judge (a link, a folder that
/// cannot be read, a name the index cannot hold).
pub fn leftovers(root: &Path) -> Option<Vec<String>> {
    let text = read(root);
    let folders = walk_plain(root, &text)?;
    let mut out = Vec::new();
    for (rel, f) in &folders {
        out.extend(f.leftovers.iter().map(|n| format!("{rel}/{n}")));
    }
    Some(out)
}

/// `rel`'s files, and its folders' in turn, by name as a walk meets them.
fn in_order(folders: &BTreeMap<String, Folder>, rel: &str, out: &mut Vec<String>) {
    let Some(folder) = folders.get(rel) else {
        return;
    };
    let (mut files, mut subs) = (
        folder.files.iter().peekable(),
        folder.folders.iter().peekable(),
    );
    loop {
        let file_first = match (files.peek(), subs.peek()) {
            (Some(f), Some(d)) => f.as_bytes() < d.as_bytes(),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if file_first {
            if let Some(f) = files.next() {
                out.push(format!("{rel}/{f}"));
            }
        } else if let Some(d) = subs.next() {
            in_order(folders, &format!("{rel}/{d}"), out);
        }
    }
}

/// [`walk`], when nothing under `cases/` needs the full walk's judgement
/// (every folder readable, every name one the index can hold, no odd
/// entry named like a case file).
fn walk_plain<'a>(root: &Path, text: &'a str) -> Option<BTreeMap<String, Folder<'a>>> {
    let folders = walk(root, text)?;
    folders.values().all(|f| f.storable).then_some(folders)
}

/// Every folder under `cases/` with its entries: from the index where the
/// folder is unchanged, else listed (and the index rewritten). `None` when
/// there is a link under `cases/`.
fn walk<'a>(root: &Path, text: &'a str) -> Option<BTreeMap<String, Folder<'a>>> {
    let on = cache::enabled();
    let mut old = if on {
        parse(text).unwrap_or_default()
    } else {
        Index::default()
    };
    let mut new = BTreeMap::new();
    let mut pending = vec!["cases".to_string()];
    let mut changed = false;
    while let Some(rel) = pending.pop() {
        let Ok(meta) = fs::symlink_metadata(root.join(&rel)) else {
            changed |= old.folders.remove(&rel).is_some();
            continue;
        };
        if meta.file_type().is_symlink() {
            return None;
        }
        let key = Key::of(&meta);
        let folder = match (old.folders.remove(&rel), key) {
            (Some(f), Some(k)) if f.key == Some(k) && !k.racy(old.written) => f,
            _ => {
                changed = true;
                list(&root.join(&rel), key)?
            }
        };
        pending.extend(folder.folders.iter().map(|f| format!("{rel}/{f}")));
        new.insert(rel, folder);
    }
    // Folders the index had and the walk did not reach are gone.
    changed |= !old.folders.is_empty();
    if on && changed {
        write(root, &new);
    }
    Some(new)
}

/// A folder's entries; `None` when one is a link.
fn list(dir: &Path, key: Option<Key>) -> Option<Folder<'static>> {
    let mut folder = Folder {
        key,
        storable: key.is_some(),
        ..Folder::default()
    };
    let Ok(entries) = fs::read_dir(dir) else {
        folder.storable = false;
        return Some(folder);
    };
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let text = name.to_string_lossy();
        if name.to_str().is_none() || text.contains(['\n', '\t']) {
            folder.storable = false;
        }
        let case_name = super::is_case_name(Path::new(&*text));
        if kind.is_symlink() {
            return None;
        }
        if case_name && !kind.is_file() {
            // Named like a case file but not one: the walk reports it.
            folder.storable = false;
        }
        if crate::files::is_temp_name(&text) || crate::files::is_lock_name(&text) {
            folder.leftovers.push(Cow::Owned(text.to_string()));
        }
        if kind.is_dir() {
            folder.folders.push(Cow::Owned(text.into_owned()));
        } else if kind.is_file() && case_name {
            folder.files.push(Cow::Owned(text.into_owned()));
        }
    }
    folder.files.sort();
    folder.folders.sort();
    Some(folder)
}

fn file(root: &Path) -> std::path::PathBuf {
    root.join(".redress").join("cache").join("names")
}

/// The index's text; empty when it is absent or unreadable, or the cache
/// is off.
fn read(root: &Path) -> String {
    if !cache::enabled() {
        return String::new();
    }
    fs::read_to_string(file(root)).unwrap_or_default()
}

/// The index in `text`; `None` when it is empty, damaged or foreign.
fn parse(text: &str) -> Option<Index<'_>> {
    let mut lines = text.lines();
    let written = lines.next()?.strip_prefix(HEADER)?.trim().parse().ok()?;
    let mut index = Index {
        written,
        ..Index::default()
    };
    let mut current: Option<(String, Folder)> = None;
    for line in lines {
        let (tag, rest) = line.split_once(' ')?;
        match (tag, current.as_mut()) {
            ("D", _) => {
                let (rel, key) = rest.split_once('\t')?;
                let parts: Vec<u64> = key
                    .split(' ')
                    .map(str::parse)
                    .collect::<Result<_, _>>()
                    .ok()?;
                let folder = Folder {
                    key: Some(Key::from_parts(parts.try_into().ok()?)),
                    storable: true,
                    ..Folder::default()
                };
                if let Some((r, f)) = current.replace((rel.to_string(), folder)) {
                    index.folders.insert(r, f);
                }
            }
            ("f", Some((_, f))) => f.files.push(Cow::Borrowed(rest)),
            ("d", Some((_, f))) => f.folders.push(Cow::Borrowed(rest)),
            ("o", Some((_, f))) => f.leftovers.push(Cow::Borrowed(rest)),
            _ => return None,
        }
    }
    if let Some((r, f)) = current {
        index.folders.insert(r, f);
    }
    Some(index)
}

/// Writes the storable folders; errors are ignored (the index is only a
/// faster next call).
fn write(root: &Path, folders: &BTreeMap<String, Folder>) {
    use std::fmt::Write as _;
    let mut out = format!("{HEADER} {}\n", cache::now_second());
    for (rel, f) in folders.iter().filter(|(_, f)| f.storable) {
        let Some(key) = f.key else { continue };
        let parts = key.parts().map(|p| p.to_string()).join(" ");
        let _ = writeln!(out, "D {rel}\t{parts}");
        for name in &f.files {
            let _ = writeln!(out, "f {name}");
        }
        for name in &f.folders {
            let _ = writeln!(out, "d {name}");
        }
        for name in &f.leftovers {
            let _ = writeln!(out, "o {name}");
        }
    }
    if let Some(dir) = cache::ready_dir(root) {
        let _ = cache::replace_file(&dir, &file(root), out.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }

    #[test]
    fn the_index_reads_back_what_it_wrote() {
        let mut folders = BTreeMap::new();
        let f = Folder {
            key: Some(Key::from_parts([1, 2, 3, 4, 5, 6, 7])),
            files: vec![Cow::Borrowed("20261122-k7q2.yaml")],
            folders: vec![Cow::Borrowed("11")],
            leftovers: vec![Cow::Borrowed("20261122-k7q2.yaml.lock")],
            storable: true,
        };
        folders.insert("cases/2026".to_string(), f.clone());
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &folders);
        let text = read(dir.path());
        let index = parse(&text).unwrap();
        assert_eq!(index.folders.get("cases/2026"), Some(&f));
        assert!(index.written > 0);
        assert!(
            parse("redress-names 2 5\nD x\tnot a key\n").is_none(),
            "damaged"
        );
        assert!(parse("redress-names 1 5\n").is_none(), "another format");
    }

    #[test]
    fn new_and_removed_files_are_seen_even_in_the_same_second() {
        let dir = tempfile::tempdir().unwrap();
        let month = dir.path().join("cases/2026/11");
        fs::create_dir_all(&month).unwrap();
        fs::write(month.join("20261122-k7q2.yaml"), "").unwrap();
        fs::write(month.join("notes.txt"), "").unwrap();
        let first = case_names(dir.path(), |_| true).unwrap();
        assert_eq!(first, ["cases/2026/11/20261122-k7q2.yaml"]);
        assert!(file(dir.path()).exists());
        fs::write(month.join("20261123-aaaa.yaml"), "").unwrap();
        fs::remove_file(month.join("20261122-k7q2.yaml")).unwrap();
        fs::create_dir_all(dir.path().join("cases/2027/01")).unwrap();
        fs::write(dir.path().join("cases/2027/01/20270101-bbbb.yml"), "").unwrap();
        assert_eq!(
            sorted(case_names(dir.path(), |_| true).unwrap()),
            [
                "cases/2026/11/20261123-aaaa.yaml",
                "cases/2027/01/20270101-bbbb.yml"
            ]
        );
    }

    #[test]
    fn an_old_unchanged_folder_is_taken_from_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let month = dir.path().join("cases/2026/11");
        fs::create_dir_all(&month).unwrap();
        let key = Key::of(&fs::symlink_metadata(&month).unwrap()).unwrap();
        // The index says the folder holds a file it does not: only a kept,
        // trusted entry can say so.
        let parts = key.parts().map(|p| p.to_string()).join(" ");
        let index = |written: i64| {
            format!("{HEADER} {written}\nD cases/2026/11\t{parts}\nf 20261122-zzzz.yaml\n")
        };
        fs::create_dir_all(file(dir.path()).parent().unwrap()).unwrap();
        fs::write(file(dir.path()), index(i64::MAX)).unwrap();
        let names = case_names(dir.path(), |_| true).unwrap();
        assert_eq!(names, ["cases/2026/11/20261122-zzzz.yaml"], "trusted");
        // Written in the second the folder changed: racy, listed again.
        fs::write(file(dir.path()), index(cache::now_second())).unwrap();
        assert!(
            case_names(dir.path(), |_| true).unwrap().is_empty(),
            "racy: listed again"
        );
    }

    #[test]
    fn case_files_come_in_the_walks_order() {
        let dir = tempfile::tempdir().unwrap();
        for rel in [
            "cases/2026/11/20261122-k7q2.yaml",
            "cases/2026/11/20261101-aaaa.yml",
            "cases/2026/11.yaml",
            "cases/2026/1/x.yaml",
            "cases/2026-b/y.yaml",
            "cases/a.yaml",
            "cases/2026/11/notes.txt",
        ] {
            let path = dir.path().join(rel);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "").unwrap();
        }
        let ledger = super::super::Ledger {
            root: dir.path().to_path_buf(),
        };
        let walked = ledger.walk_case_files();
        assert!(walked.1.is_empty());
        assert_eq!(
            case_files(dir.path()),
            Some(walked.0.clone()),
            "first, listed"
        );
        assert_eq!(
            case_files(dir.path()),
            Some(walked.0),
            "then from the index"
        );
        // A folder named like a case file is the walk's to report.
        fs::create_dir_all(dir.path().join("cases/odd.yaml")).unwrap();
        assert_eq!(case_files(dir.path()), None);
        assert!(!ledger.case_files().1.is_empty());
    }

    #[test]
    fn leftovers_are_seen_as_they_come_and_go() {
        let dir = tempfile::tempdir().unwrap();
        let month = dir.path().join("cases/2026/11");
        fs::create_dir_all(&month).unwrap();
        fs::write(month.join("20261122-k7q2.yaml"), "").unwrap();
        assert_eq!(leftovers(dir.path()), Some(vec![]));
        fs::write(month.join("20261122-k7q2.yaml.lock"), "").unwrap();
        fs::write(month.join(".redress-abc123.tmp"), "").unwrap();
        let mut found = leftovers(dir.path()).unwrap();
        found.sort();
        assert_eq!(
            found,
            [
                "cases/2026/11/.redress-abc123.tmp",
                "cases/2026/11/20261122-k7q2.yaml.lock"
            ]
        );
        fs::remove_file(month.join("20261122-k7q2.yaml.lock")).unwrap();
        assert_eq!(
            leftovers(dir.path()).unwrap(),
            ["cases/2026/11/.redress-abc123.tmp"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_leaves_it_to_the_full_walk() {
        let dir = tempfile::tempdir().unwrap();
        let month = dir.path().join("cases/2026/11");
        fs::create_dir_all(&month).unwrap();
        std::os::unix::fs::symlink("/etc/hostname", month.join("20261122-k7q2.yaml")).unwrap();
        assert!(case_names(dir.path(), |_| true).is_none());
    }
}
