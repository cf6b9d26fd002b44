//! The parse cache, `.redress/cache/cases.bin`: for each valid case file,
//! the case as read from it in a compact binary form ([`crate::case::packed`]), keyed by
//! the file's path, size, modification and change times (to the
//! nanosecond), inode and device.
//!
//! What is kept is the case as its file says it, before anything else is
//! applied: its bare dates are pinned to the ledger's zone, and every check
//! is made on it, on each run with the code and policies of that run. The
//! format hash covers the code that reads a file into a case, so a case
//! read by older code is never used. A file is trusted from the
//! cache only when every part of its key is unchanged and its entry's
//! checksum holds; anything else (another key, a bad checksum, a
//! truncated or foreign file, another format) means the file is read
//! again. A file changed within the second before the cache is written
//! (git's "racy" entries) is not kept, so a change that leaves the key as
//! it was cannot hide. Files that do not parse or have problems are never
//! kept: their diagnostics always come from reading them. Files outside
//! the writer's layout (comments, other quoting or indentation, as other
//! tools and hands write them) are kept like the others: the general
//! reader's case is the reference the fast reader is proven equal to.
//!
//! The cache is replaced atomically (a temporary file renamed over it,
//! not read back or synced: it is not a case file, and a damaged one is
//! only rebuilt): two processes each write a whole file, and the last
//! rename wins. Only its index (paths and keys) is held in memory; each
//! case is read from the file when it is asked for. It is bypassed
//! with `--no-cache` or `REDRESS_NO_CACHE`.
//!
//! Layout: magic, format hash (u64), entry count (u64); then the index,
//! per entry: path length (u32) and path, key (7 × u64), where its packed
//! case is in the file (u64) and its length (u32), and a checksum (u64) of
//! the path, key and packed case; then the packed cases. Opening the cache reads the index
//! alone (a tenth of the file). Integers little-endian.

use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

const MAGIC: &[u8; 8] = b"RDRSCAC2";
/// The magic, the format hash and the count of entries, before the index.
const HEAD_LEN: u64 = 24;
/// Raise when the binary layout changes.
const FORMAT: u64 = 2;

static DISABLED: AtomicBool = AtomicBool::new(false);

/// Turns the cache off for this process (`--no-cache`).
pub fn disable() {
    DISABLED.store(true, Ordering::Relaxed);
}

/// Whether the cache is on: not `--no-cache`, and `REDRESS_NO_CACHE`
/// unset, empty or `0`.
pub fn enabled() -> bool {
    if DISABLED.load(Ordering::Relaxed) {
        return false;
    }
    match std::env::var_os("REDRESS_NO_CACHE") {
        None => true,
        Some(v) => v.is_empty() || v == "0" || v == "false",
    }
}

/// The cache file of the ledger at `root`.
pub fn path(root: &Path) -> PathBuf {
    root.join(".redress").join("cache").join("cases.bin")
}

/// What identifies a version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key([u64; 7]);

impl Key {
    #[cfg(unix)]
    pub fn of(meta: &Metadata) -> Option<Key> {
        use std::os::unix::fs::MetadataExt;
        Some(Key([
            meta.size(),
            meta.mtime() as u64,
            meta.mtime_nsec() as u64,
            meta.ctime() as u64,
            meta.ctime_nsec() as u64,
            meta.ino(),
            meta.dev(),
        ]))
    }

    #[cfg(not(unix))]
    pub fn of(_meta: &Metadata) -> Option<Key> {
        None
    }

    /// The key of a file from `stat` (see [`Folders`]). The fields' types
    /// vary between platforms, hence casts that are no-ops on some.
    #[cfg(unix)]
    #[allow(clippy::unnecessary_cast)]
    fn of_stat(st: &rustix::fs::Stat) -> Key {
        Key([
            st.st_size as u64,
            st.st_mtime as u64,
            st.st_mtime_nsec as u64,
            st.st_ctime as u64,
            st.st_ctime_nsec as u64,
            st.st_ino as u64,
            st.st_dev as u64,
        ])
    }

    /// Its parts, to be written down and read back by [`Key::from_parts`].
    pub fn parts(&self) -> [u64; 7] {
        self.0
    }

    pub fn from_parts(parts: [u64; 7]) -> Key {
        Key(parts)
    }

    /// What the index keeps of a key in memory: a hash of it. A file whose
    /// key hashes alike but differs still fails its entry's checksum,
    /// which covers the whole key.
    fn digest(&self) -> u64 {
        let mut bytes = [0u8; 56];
        for (chunk, k) in bytes.chunks_exact_mut(8).zip(self.0) {
            chunk.copy_from_slice(&k.to_le_bytes());
        }
        hash(&bytes, 0x006b_6579)
    }

    /// Whether the file was changed at or after `second` (or in the
    /// second before): such an entry is racy and not kept.
    pub fn racy(&self, second: i64) -> bool {
        let latest = (self.0[1] as i64).max(self.0[3] as i64);
        latest.saturating_add(1) >= second
    }
}

/// The format hash: this file's layout, the code that reads a file into a
/// case (the writer's-layout reader, times, amounts, words, the character
/// checks), the case's shape and its packed form, and the versions of the
/// libraries (`Cargo.lock`: the general YAML reader among them). Any
/// change to them discards old caches.
fn version() -> u64 {
    let mut h = hash(FORMAT.to_le_bytes().as_slice(), 0);
    for part in [
        env!("CARGO_PKG_VERSION").as_bytes(),
        include_bytes!("cache.rs").as_slice(),
        include_bytes!("../case/fast.rs").as_slice(),
        include_bytes!("../case/fast/tree.rs").as_slice(),
        include_bytes!("../case/packed.rs").as_slice(),
        include_bytes!("../case/mod.rs").as_slice(),
        include_bytes!("../case/vocab.rs").as_slice(),
        include_bytes!("../case/time.rs").as_slice(),
        include_bytes!("../case/money.rs").as_slice(),
        include_bytes!("../case/yaml_guard.rs").as_slice(),
        include_bytes!("../../Cargo.lock").as_slice(),
    ] {
        h = hash(part, h);
    }
    h
}

/// A fast 64-bit checksum (not cryptographic: it guards against damage).
fn hash(bytes: &[u8], seed: u64) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// The folders of a scan's files, each opened once, so that each file's
/// key is read by `stat` relative to its folder instead of walking its
/// whole path again (a tenth of a warm scan of 100 000 files). Keys from
/// here are the parse cache's only keys; a folder that cannot be opened
/// falls back to the path.
#[derive(Default)]
pub struct Folders {
    #[cfg(unix)]
    open: std::collections::HashMap<String, rustix::fd::OwnedFd>,
}

impl Folders {
    /// Opens the folder of each of `files` (relative to `root`, sorted).
    pub fn open(root: &Path, files: &[String]) -> Folders {
        let mut folders = Folders::default();
        #[cfg(unix)]
        for rel in files {
            let Some((dir, _)) = rel.rsplit_once('/') else {
                continue;
            };
            if folders.open.contains_key(dir) {
                continue;
            }
            use rustix::fs::{Mode, OFlags};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
            if let Ok(fd) = rustix::fs::open(root.join(dir), flags, Mode::empty()) {
                folders.open.insert(dir.to_string(), fd);
            }
        }
        #[cfg(not(unix))]
        let _ = (root, files);
        folders
    }

    /// The key of the file at `rel` (`abs` from the root), following links
    /// as `std::fs::metadata` does; `None` when it cannot be read.
    pub fn key(&self, rel: &str, abs: &Path) -> Option<Key> {
        #[cfg(unix)]
        if let Some((dir, name)) = rel.rsplit_once('/')
            && let Some(fd) = self.open.get(dir)
        {
            let st = rustix::fs::statat(fd, name, rustix::fs::AtFlags::empty()).ok()?;
            return Some(Key::of_stat(&st));
        }
        std::fs::metadata(abs).ok().and_then(|m| Key::of(&m))
    }

    /// At most `limit` bytes of the file at `rel` (`abs` from the root),
    /// opened relative to its folder as [`Folders::key`] stats it, with the
    /// key of what was read: the open file's own `stat`, taken before
    /// reading. A change made while it is read changes the file's times
    /// after that key, or falls in the scan's own second, which
    /// [`Key::racy`] refuses to keep; so no second `stat` is needed.
    pub fn read(
        &self,
        rel: &str,
        abs: &Path,
        limit: u64,
    ) -> std::io::Result<(Vec<u8>, Option<Key>)> {
        #[cfg(unix)]
        if let Some((dir, name)) = rel.rsplit_once('/')
            && let Some(fd) = self.open.get(dir)
        {
            use rustix::fd::AsFd;
            let (bytes, st) = crate::files::read_at_most_in(fd.as_fd(), name, limit)?;
            return Ok((bytes, Some(Key::of_stat(&st))));
        }
        let (bytes, meta) = crate::files::read_bytes_at_most_with_meta(abs, limit)?;
        Ok((bytes, Key::of(&meta)))
    }
}

/// A cache as read: its index (paths and keys, sorted by path) and the
/// open file the entries are read from when asked for, so that a large
/// cache is never held in memory whole.
#[derive(Default)]
pub struct Cache {
    /// Whether the cache is used at all this run.
    pub on: bool,
    file: Option<std::fs::File>,
    /// Every entry's path, one after the other.
    names: Vec<u8>,
    entries: Vec<Entry>,
}

struct Entry {
    /// Where its path is in `names`.
    path: std::ops::Range<u32>,
    /// [`Key::digest`] of its key (the whole key stays in the file).
    key: u64,
    /// Where its packed case is in the file, and how long.
    case_at: u64,
    case_len: u32,
    sum: u64,
}

/// The most a [`Cache::batch`] reads at once.
const BATCH_MAX: u64 = 16 << 20;

/// A stretch of the cache file read at once: see [`Cache::batch`].
#[derive(Default)]
pub struct Batch {
    start: u64,
    bytes: Vec<u8>,
    /// The entry of each of the batch's files, by position.
    found: Vec<Option<usize>>,
}

impl Batch {
    /// Its memory, for the next batch.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    fn slice(&self, at: u64, len: u32) -> Option<&[u8]> {
        let from = usize::try_from(at.checked_sub(self.start)?).ok()?;
        self.bytes.get(from..from.checked_add(len as usize)?)
    }
}

/// What a scan decided for one file's entry in the next cache.
pub enum Stored {
    /// Not kept.
    Nothing,
    /// The old entry, unchanged (its index).
    Keep(usize),
    /// A new entry, its packed case in memory.
    Fresh(Box<Fresh>),
    /// A new entry, its key and packed case in a [`Spool`].
    Spooled(Spooled),
}

pub struct Fresh {
    key: Key,
    packed: Vec<u8>,
    sum: u64,
}

/// Where a new entry is in its [`Spool`]: its key (56 bytes) at `at`, then
/// its packed case, `len` bytes. Its path is its file's (see
/// [`Cache::save`]); 24 bytes a file stay in memory.
#[derive(Clone, Copy)]
pub struct Spooled {
    at: u64,
    len: u32,
    sum: u64,
}

/// The packed cases of a scan's new entries, written to a temporary file
/// as the scan meets them: a first run would otherwise hold every case it
/// read until the cache is written (80 MB at 100 000 cases).
#[derive(Default)]
pub struct Spool {
    file: Option<std::io::BufWriter<std::fs::File>>,
    len: u64,
    /// A write failed: nothing more is spooled (the cache is only slower).
    failed: bool,
}

impl Spool {
    /// `s`, with its packed case moved to the spool when it is new; a new
    /// entry the spool cannot take is not kept.
    pub fn take(&mut self, s: Stored) -> Stored {
        let Stored::Fresh(f) = s else {
            return s;
        };
        let Fresh { key, packed, sum } = *f;
        let at = self.len;
        let appended = key
            .0
            .iter()
            .all(|k| self.append(&k.to_le_bytes()).is_some())
            && self.append(&packed).is_some();
        match u32::try_from(packed.len()) {
            Ok(len) if appended => Stored::Spooled(Spooled { at, len, sum }),
            _ => Stored::Nothing,
        }
    }

    fn append(&mut self, bytes: &[u8]) -> Option<u64> {
        use std::io::Write;
        if self.failed {
            return None;
        }
        if self.file.is_none() {
            let f = tempfile::tempfile().ok();
            self.failed = f.is_none();
            self.file = Some(std::io::BufWriter::with_capacity(1 << 16, f?));
        }
        let at = self.len;
        let written = self.file.as_mut()?.write_all(bytes);
        self.failed = written.is_err();
        written.ok()?;
        self.len += bytes.len() as u64;
        Some(at)
    }

    /// The file to read the spooled cases back from, once all are written.
    fn into_file(self) -> Option<std::fs::File> {
        if self.failed {
            return None;
        }
        self.file?.into_inner().ok()
    }
}

/// An entry's checksum: of its path, key and packed case.
fn checksum(path: &[u8], key: Key, packed: &[u8]) -> u64 {
    let mut head = Vec::with_capacity(path.len() + 56);
    head.extend_from_slice(path);
    for k in key.0 {
        head.extend_from_slice(&k.to_le_bytes());
    }
    hash(packed, hash(&head, 0))
}

impl Cache {
    /// The ledger's cache, or an empty one when it is off, absent, or not
    /// whole and of this format (then it is rebuilt; nothing is said).
    pub fn open(root: &Path) -> Cache {
        if !enabled() {
            return Cache::default();
        }
        let cache = Cache::read(&path(root)).unwrap_or_default();
        Cache { on: true, ..cache }
    }

    /// The index of the cache at `file`, read in one pass: the cases
    /// are skipped, and read again from the file when asked for.
    fn read(file: &Path) -> Option<Cache> {
        let f = std::fs::File::open(file).ok()?;
        let size = f.metadata().ok()?.len();
        let mut r = Reader {
            r: std::io::BufReader::with_capacity(1 << 16, &f),
            at: 0,
        };
        if r.take(8)? != MAGIC || r.u64()? != version() {
            return None;
        }
        let count = usize::try_from(r.u64()?).ok()?;
        let mut entries = Vec::with_capacity(count.min((size / 64) as usize));
        let mut names = Vec::with_capacity(count.saturating_mul(40).min(size as usize));
        for _ in 0..count {
            entries.push(r.entry(&mut names)?.1);
        }
        // The cases follow the index, one after the other, to the end.
        let mut at = r.at;
        for e in &entries {
            (e.case_at == at).then_some(())?;
            at = at.checked_add(u64::from(e.case_len))?;
        }
        if at != size {
            return None;
        }
        let name = |e: &Entry| names.get(e.path.start as usize..e.path.end as usize);
        let sorted = entries.windows(2).all(|w| name(&w[0]) < name(&w[1]));
        sorted.then_some(Cache {
            on: true,
            file: Some(f),
            names,
            entries,
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn name(&self, e: &Entry) -> &[u8] {
        let range = e.path.start as usize..e.path.end as usize;
        self.names.get(range).unwrap_or_default()
    }

    /// Entry `i`'s packed case, taken from `batch` when it holds it, else read
    /// from the file, when its checksum (with `key`) holds.
    fn packed<'b>(
        &self,
        i: usize,
        key: Key,
        batch: &'b Batch,
    ) -> Option<std::borrow::Cow<'b, [u8]>> {
        let e = self.entries.get(i)?;
        let packed = match batch.slice(e.case_at, e.case_len) {
            Some(bytes) => std::borrow::Cow::Borrowed(bytes),
            None => {
                let mut buf = vec![0u8; e.case_len as usize];
                read_at(self.file.as_ref()?, &mut buf, e.case_at)?;
                std::borrow::Cow::Owned(buf)
            }
        };
        (checksum(self.name(e), key, &packed) == e.sum).then_some(packed)
    }

    /// Every entry's whole key, read again from the index of the file this
    /// cache was read from (in memory each is only a digest): for writing
    /// the next cache, which keeps some entries.
    fn keys(&self) -> Option<Vec<Key>> {
        use std::io::{Seek, SeekFrom};
        let Some(mut f) = self.file.as_ref() else {
            return Some(Vec::new());
        };
        f.seek(SeekFrom::Start(HEAD_LEN)).ok()?;
        let mut r = Reader {
            r: std::io::BufReader::with_capacity(1 << 16, f),
            at: HEAD_LEN,
        };
        let mut names = Vec::new();
        let mut keys = Vec::with_capacity(self.entries.len());
        for e in &self.entries {
            names.clear();
            let (key, again) = r.entry(&mut names)?;
            (again.key == e.key && again.sum == e.sum).then_some(())?;
            keys.push(key);
        }
        Some(keys)
    }

    fn index_of(&self, rel: &str) -> Option<usize> {
        self.entries
            .binary_search_by(|e| self.name(e).cmp(rel.as_bytes()))
            .ok()
    }

    /// The case kept for `rel` under exactly `key`, with its entry's
    /// index; `None` when there is none, the key differs, the entry is
    /// damaged, or does not hold a case this program packed.
    pub fn get(&self, rel: &str, key: Key) -> Option<(usize, crate::case::Case)> {
        self.get_in((rel, 0), key, &Batch::default())
    }

    /// Whether the cache has an entry for `rel` (the file at `pos` in the
    /// batch), whatever its key: when it has none, the file need not be
    /// `stat`ed before it is read.
    pub fn holds(&self, (rel, pos): (&str, usize), batch: &Batch) -> bool {
        self.on
            && (batch.found.get(pos).copied().flatten().is_some() || self.index_of(rel).is_some())
    }

    /// [`Cache::get`] for the file at `pos` in the batch, taking its case
    /// from `batch` when it holds it.
    pub fn get_in(
        &self,
        (rel, pos): (&str, usize),
        key: Key,
        batch: &Batch,
    ) -> Option<(usize, crate::case::Case)> {
        // The batch found the entries of its files already.
        let found = batch.found.get(pos).copied().flatten();
        let i = match found.filter(|&i| {
            self.entries
                .get(i)
                .is_some_and(|e| self.name(e) == rel.as_bytes())
        }) {
            Some(i) => i,
            None => self.index_of(rel)?,
        };
        let e = self.entries.get(i)?;
        if e.key != key.digest() {
            return None;
        }
        let packed = self.packed(i, key, batch)?;
        let case = crate::case::packed::unpack(&packed)?;
        Some((i, case))
    }

    /// The packed cases of `rels` read in one go, when they lie close together in
    /// the file (a scan meets files in about the order the cache keeps
    /// them): one read for a batch of files instead of one each. Cases it
    /// does not hold are read one by one, as without it.
    pub fn batch<'a>(&self, rels: impl IntoIterator<Item = &'a str>) -> Batch {
        self.batch_in(rels, Vec::new())
    }

    /// [`Cache::batch`] into `bytes`, the memory of an earlier batch
    /// ([`Batch::into_bytes`]): a scan reuses one buffer rather than have
    /// the system hand it fresh, zeroed pages for every batch.
    pub fn batch_in<'a>(
        &self,
        rels: impl IntoIterator<Item = &'a str>,
        mut bytes: Vec<u8>,
    ) -> Batch {
        bytes.clear();
        let Some(file) = self.file.as_ref() else {
            return Batch {
                bytes,
                ..Batch::default()
            };
        };
        let found: Vec<Option<usize>> = rels.into_iter().map(|r| self.index_of(r)).collect();
        let (mut start, mut end, mut wanted) = (u64::MAX, 0u64, 0u64);
        for e in found.iter().filter_map(|i| self.entries.get((*i)?)) {
            start = start.min(e.case_at);
            end = end.max(e.case_at + u64::from(e.case_len));
            wanted += u64::from(e.case_len);
        }
        let span = end.saturating_sub(start);
        if wanted > 0 && span <= BATCH_MAX && span <= wanted.saturating_mul(2) {
            bytes.resize(span as usize, 0);
            if read_at(file, &mut bytes, start).is_none() {
                bytes.clear();
            }
        }
        Batch {
            start,
            bytes,
            found,
        }
    }

    /// Writes the next cache when it differs from this one: each file's
    /// path and what was decided for it, in the order of the files, and
    /// the spool of the new entries' cases. Errors are ignored: a cache
    /// that cannot be written is only a slower next run.
    pub fn save(&self, root: &Path, stored: &[(&str, &Stored)], spool: Spool) {
        if !self.on {
            return;
        }
        let kept = stored
            .iter()
            .filter(|(_, s)| matches!(s, Stored::Keep(_)))
            .count();
        let fresh = stored
            .iter()
            .any(|(_, s)| matches!(s, Stored::Fresh(_) | Stored::Spooled(_)));
        if !fresh && kept == self.entries.len() {
            return;
        }
        // In byte order of the paths, which a folder walk need not follow
        // (`a/x` comes before `a-b` there): lookups search by path.
        let mut parts: Vec<(&[u8], &Stored)> = stored
            .iter()
            .filter(|(_, s)| !matches!(s, Stored::Nothing))
            .map(|(path, s)| (path.as_bytes(), *s))
            .collect();
        parts.sort_by(|a, b| a.0.cmp(b.0));
        parts.dedup_by(|a, b| a.0 == b.0);
        if let Some(dir) = ready_dir(root) {
            let _ = self.replace(&dir, &path(root), &parts, spool.into_file());
        }
    }

    /// Writes `parts` to a temporary file beside `file` and renames it
    /// over `file`: readers see the old cache or the new one, whole. A
    /// cache is not a case file: it is not read back or synced (a cache
    /// damaged by a crash fails its checks and is rebuilt). Kept entries
    /// are copied from this cache's file, spooled ones from `spooled`.
    fn replace(
        &self,
        dir: &Path,
        file: &Path,
        parts: &[(&[u8], &Stored)],
        spooled: Option<std::fs::File>,
    ) -> std::io::Result<()> {
        use std::io::Write;
        let damaged = || std::io::Error::other("damaged entry");
        // The kept entries' whole keys, from the file's index.
        let keys = self.keys().ok_or_else(damaged)?;
        let mut spool_keys = spooled.as_ref().map(SeqReader::new);
        // Each part's key, length and checksum, for the index.
        let mut row = |s: &Stored| -> Option<(Key, u32, u64)> {
            match s {
                Stored::Keep(i) => {
                    let e = self.entries.get(*i)?;
                    Some((*keys.get(*i)?, e.case_len, e.sum))
                }
                Stored::Fresh(f) => Some((f.key, u32::try_from(f.packed.len()).ok()?, f.sum)),
                Stored::Spooled(f) => {
                    let mut k = [0u8; 56];
                    spool_keys.as_mut()?.read_at(&mut k, f.at)?;
                    let mut parts = [0u64; 7];
                    for (p, c) in parts.iter_mut().zip(k.chunks_exact(8)) {
                        *p = u64::from_le_bytes(c.try_into().ok()?);
                    }
                    Some((Key(parts), f.len, f.sum))
                }
                Stored::Nothing => None,
            }
        };
        let index_len: u64 = parts
            .iter()
            .map(|(p, _)| 4 + p.len() as u64 + 56 + 12 + 8)
            .sum();
        let tmp = tempfile::Builder::new()
            .prefix(".cases.bin.")
            .tempfile_in(dir)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file());
        out.write_all(MAGIC)?;
        out.write_all(&version().to_le_bytes())?;
        out.write_all(&(parts.len() as u64).to_le_bytes())?;
        let mut case_at = HEAD_LEN + index_len;
        for (path, s) in parts {
            let (key, len, sum) = row(s).ok_or_else(damaged)?;
            out.write_all(&(path.len() as u32).to_le_bytes())?;
            out.write_all(path)?;
            for k in key.0 {
                out.write_all(&k.to_le_bytes())?;
            }
            out.write_all(&case_at.to_le_bytes())?;
            out.write_all(&len.to_le_bytes())?;
            out.write_all(&sum.to_le_bytes())?;
            case_at += u64::from(len);
        }
        let mut buf = Vec::new();
        let mut old = self.file.as_ref().map(SeqReader::new);
        let mut spool = spooled.as_ref().map(SeqReader::new);
        for (_, s) in parts {
            match s {
                Stored::Keep(i) => {
                    let key = *keys.get(*i).ok_or_else(damaged)?;
                    let e = self.entries.get(*i).ok_or_else(damaged)?;
                    buf.resize(e.case_len as usize, 0);
                    let read = old.as_mut().and_then(|r| r.read_at(&mut buf, e.case_at));
                    // Copied only when it still holds what was written.
                    if read.is_none() || checksum(self.name(e), key, &buf) != e.sum {
                        return Err(damaged());
                    }
                    out.write_all(&buf)?
                }
                Stored::Fresh(f) => out.write_all(&f.packed)?,
                Stored::Spooled(f) => {
                    buf.resize(f.len as usize, 0);
                    spool
                        .as_mut()
                        .and_then(|r| r.read_at(&mut buf, f.at + 56))
                        .ok_or_else(damaged)?;
                    out.write_all(&buf)?
                }
                Stored::Nothing => {}
            }
        }
        out.flush()?;
        drop(out);
        tmp.persist(file).map_err(|e| e.error)?;
        Ok(())
    }
}

/// `.redress/cache`, made if need be with a `.gitignore` that ignores it
/// all (never committed, even where the ledger's .gitignore lacks the
/// line); `None` when it cannot be made.
pub fn ready_dir(root: &Path) -> Option<PathBuf> {
    let dir = root.join(".redress").join("cache");
    std::fs::create_dir_all(&dir).ok()?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        let _ = crate::files::write(&ignore, b"*\n", crate::files::Existing::Absent, None);
    }
    Some(dir)
}

/// Replaces `file` (in `dir`) by `bytes` through a temporary file renamed
/// over it: readers see the old or the new, whole. Not synced: a cache is
/// rebuilt when damaged.
pub fn replace_file(dir: &Path, file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut tmp = tempfile::Builder::new()
        .prefix(".names.")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

/// Fills `buf` from `file` at `offset`, not moving any shared position
/// (the scan's threads read at once).
#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> Option<()> {
    use std::os::unix::fs::FileExt;
    file.read_exact_at(buf, offset).ok()
}

#[cfg(not(unix))]
fn read_at(_file: &std::fs::File, _buf: &mut [u8], _offset: u64) -> Option<()> {
    None
}

/// Reads a file at offsets that mostly follow one another, through one
/// buffer: rewriting the cache meets the old cache's entries and the
/// spool's in the order they were written, so this is a read per MiB
/// instead of one per entry (a tenth of a first run, all of it after the
/// scan, before).
struct SeqReader<'f> {
    r: std::io::BufReader<&'f std::fs::File>,
    /// Where the next byte read comes from; `None` before the first read
    /// and after a failed one.
    pos: Option<u64>,
}

impl<'f> SeqReader<'f> {
    fn new(file: &'f std::fs::File) -> SeqReader<'f> {
        SeqReader {
            r: std::io::BufReader::with_capacity(1 << 20, file),
            pos: None,
        }
    }

    fn read_at(&mut self, buf: &mut [u8], at: u64) -> Option<()> {
        use std::io::{Read, Seek, SeekFrom};
        match self.pos {
            Some(pos) if pos == at => {}
            Some(pos) => {
                let by = i64::try_from(at).ok()? - i64::try_from(pos).ok()?;
                self.r.seek_relative(by).ok()?;
            }
            None => {
                self.r.seek(SeekFrom::Start(at)).ok()?;
            }
        }
        self.pos = None;
        self.r.read_exact(buf).ok()?;
        self.pos = Some(at + buf.len() as u64);
        Some(())
    }
}

/// The seconds since the epoch now: files changed in this second or the
/// one before are not kept (see [`Key`]).
pub fn now_second() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(i64::MAX, |d| d.as_secs() as i64)
}

/// A new entry for `rel`, or nothing when its key is racy against `second`.
pub fn entry(rel: &str, key: Key, packed: Vec<u8>, second: i64) -> Stored {
    if key.racy(second) {
        return Stored::Nothing;
    }
    let sum = checksum(rel.as_bytes(), key, &packed);
    Stored::Fresh(Box::new(Fresh { key, packed, sum }))
}

struct Reader<R> {
    r: R,
    /// How many bytes were read.
    at: u64,
}

impl<R: std::io::Read> Reader<R> {
    fn take(&mut self, n: usize) -> Option<Vec<u8>> {
        let mut b = vec![0u8; n];
        self.r.read_exact(&mut b).ok()?;
        self.at += n as u64;
        Some(b)
    }

    fn u32(&mut self) -> Option<u32> {
        let mut b = [0u8; 4];
        self.r.read_exact(&mut b).ok()?;
        self.at += 4;
        Some(u32::from_le_bytes(b))
    }

    fn u64(&mut self) -> Option<u64> {
        let mut b = [0u8; 8];
        self.r.read_exact(&mut b).ok()?;
        self.at += 8;
        Some(u64::from_le_bytes(b))
    }

    /// One entry of the index, its path added to `names`.
    /// One entry of the index, and its whole key.
    fn entry(&mut self, names: &mut Vec<u8>) -> Option<(Key, Entry)> {
        let len = self.u32()?;
        let from = names.len();
        names.resize(from.checked_add(len as usize)?, 0);
        self.r.read_exact(names.get_mut(from..)?).ok()?;
        self.at += u64::from(len);
        let mut key = [0u64; 7];
        for k in &mut key {
            *k = self.u64()?;
        }
        let key = Key(key);
        let path = u32::try_from(from).ok()?..u32::try_from(names.len()).ok()?;
        let entry = Entry {
            path,
            key: key.digest(),
            case_at: self.u64()?,
            case_len: self.u32()?,
            sum: self.u64()?,
        };
        Some((key, entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small valid case, packed.
    fn sample_case() -> Vec<u8> {
        let text = "id: 20261102-k7q2\nkind: claim\ntitle: Lamp\nreceived: 2026-11-02T09:00:00-05:00\nchannel: email\ncustomer:\n  name: M\ncategory: delivery\nseverity: low\nhistory:\n";
        crate::case::packed::pack(&crate::case::parse(text, "x.yaml").unwrap())
    }

    /// Writes a cache of two fresh entries of the sample case at `root`,
    /// `a` and `b` as (path, key).
    fn write_two(root: &Path, a: (&str, Key), b: (&str, Key)) {
        let stored = [
            entry(a.0, a.1, sample_case(), 100),
            entry(b.0, b.1, sample_case(), 100),
        ];
        write_fresh(root, &[(a.0, &stored[0]), (b.0, &stored[1])]);
    }

    /// Writes a cache of `stored` (fresh entries) at `root`.
    fn write_fresh(root: &Path, stored: &[(&str, &Stored)]) {
        let empty = Cache {
            on: true,
            ..Cache::default()
        };
        empty.save(root, stored, Spool::default());
    }

    #[test]
    fn reads_in_sequence_are_reads_at_their_offsets() {
        let mut tmp = tempfile::tempfile().unwrap();
        let bytes: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
        std::io::Write::write_all(&mut tmp, &bytes).unwrap();
        let mut r = SeqReader::new(&tmp);
        // Onward, the same place again, back, far ahead (past the buffer),
        // a short way back, and past the end.
        for (at, len) in [
            (0, 10),
            (10, 700),
            (710, 5),
            (3, 4),
            (2_500_000, 9),
            (2_499_990, 30),
        ] {
            let mut buf = vec![0u8; len];
            r.read_at(&mut buf, at as u64).unwrap();
            assert_eq!(buf, bytes[at..at + len], "at {at}");
        }
        let mut past = vec![0u8; 10];
        assert!(r.read_at(&mut past, 2_999_995).is_none());
        let mut again = vec![0u8; 4];
        r.read_at(&mut again, 8).unwrap();
        assert_eq!(again, bytes[8..12]);
    }

    #[test]
    fn a_read_files_key_is_the_key_its_stat_finds() {
        // What a first run stores must be what the next run's `stat` finds,
        // through the open folder and through the path alike.
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("cases/2026/11")).unwrap();
        let rel = "cases/2026/11/x.yaml";
        let abs = dir.path().join(rel);
        std::fs::write(&abs, "id: x\n").unwrap();
        let opened = Folders::open(dir.path(), &[rel.to_string()]);
        #[cfg(unix)]
        assert_eq!(opened.open.len(), 1);
        for folders in [opened, Folders::default()] {
            let (bytes, key) = folders.read(rel, &abs, 100).unwrap();
            assert_eq!(bytes, b"id: x\n");
            assert!(key.is_some());
            assert_eq!(key, folders.key(rel, &abs));
            // At most the limit is read.
            assert_eq!(folders.read(rel, &abs, 2).unwrap().0, b"id");
            let gone = folders.read(
                "cases/2026/11/y.yaml",
                &dir.path().join("cases/2026/11/y.yaml"),
                9,
            );
            assert_eq!(gone.unwrap_err().kind(), std::io::ErrorKind::NotFound);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_or_a_fifo_read_through_its_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("cases/2026/11/sub.yaml")).unwrap();
        let fifo = dir.path().join("cases/2026/11/fifo.yaml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let rels = ["cases/2026/11/fifo.yaml", "cases/2026/11/sub.yaml"];
        let folders = Folders::open(dir.path(), &rels.map(String::from));
        for (rel, kind) in rels.iter().zip(["a FIFO (named pipe)", "a folder"]) {
            let e = folders.read(rel, &dir.path().join(rel), 9).unwrap_err();
            assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput, "{rel}");
            assert_eq!(e.to_string(), format!("not a regular file but {kind}"));
        }
    }

    #[test]
    fn entries_are_kept_in_path_order_whatever_the_walk_order() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key([1, 2, 3, 4, 5, 6, 7]);
        // A folder walk lists `a/x` before `a-b`; bytes order the other way.
        write_two(dir.path(), ("a/x.yaml", key), ("a-b.yaml", key));
        let cache = Cache::read(&path(dir.path())).unwrap();
        assert_eq!(cache.len(), 2);
        assert!(cache.get("a/x.yaml", key).is_some());
        assert!(cache.get("a-b.yaml", key).is_some());
        assert!(cache.get("a-b.yaml", Key([1, 2, 3, 4, 5, 6, 8])).is_none());
    }

    #[test]
    fn a_damaged_case_is_refused_and_a_truncated_cache_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key([1, 2, 3, 4, 5, 6, 7]);
        write_two(dir.path(), ("a.yaml", key), ("b.yaml", key));
        let file = path(dir.path());
        let mut bytes = std::fs::read(&file).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 0x55;
        std::fs::write(&file, &bytes).unwrap();
        let cache = Cache::read(&file).unwrap();
        assert!(cache.get("a.yaml", key).is_some(), "the other entry holds");
        assert!(
            cache.get("b.yaml", key).is_none(),
            "the damaged case is refused"
        );
        std::fs::write(&file, &bytes[..bytes.len() - 1]).unwrap();
        assert!(Cache::read(&file).is_none(), "a truncated cache is dropped");
    }

    #[test]
    fn kept_entries_keep_their_whole_keys_in_the_next_cache() {
        let dir = tempfile::tempdir().unwrap();
        let case = sample_case();
        let (ka, kb) = (Key([1, 2, 3, 4, 5, 6, 7]), Key([9, 2, 3, 4, 5, 6, 7]));
        write_two(dir.path(), ("a.yaml", ka), ("b.yaml", kb));
        let first = Cache::read(&path(dir.path())).unwrap();
        assert_eq!(first.keys(), Some(vec![ka, kb]));
        // a is kept, b dropped, c new: the next cache is written from this one.
        let kc = Key([5, 5, 5, 5, 5, 5, 5]);
        // c goes through a spool, as in a scan.
        let mut spool = Spool::default();
        let next = [
            Stored::Keep(0),
            Stored::Nothing,
            spool.take(entry("c.yaml", kc, case.clone(), 100)),
        ];
        assert!(matches!(next[2], Stored::Spooled(_)));
        let next = [
            ("a.yaml", &next[0]),
            ("b.yaml", &next[1]),
            ("c.yaml", &next[2]),
        ];
        first.save(dir.path(), &next, spool);
        let second = Cache::read(&path(dir.path())).unwrap();
        assert_eq!(second.keys(), Some(vec![ka, kc]));
        assert!(second.get("a.yaml", ka).is_some());
        assert!(second.get("c.yaml", kc).is_some());
        assert!(second.get("b.yaml", kb).is_none());
        assert!(second.get("a.yaml", kb).is_none(), "another key is refused");
    }

    #[test]
    fn a_batch_read_at_once_gives_the_same_cases_and_the_same_refusals() {
        let dir = tempfile::tempdir().unwrap();
        let case = sample_case();
        let key = Key([1, 2, 3, 4, 5, 6, 7]);
        let names = ["a.yaml", "b.yaml", "c.yaml", "d.yaml", "e.yaml"];
        let stored: Vec<Stored> = names
            .iter()
            .map(|n| entry(n, key, case.clone(), 100))
            .collect();
        let pairs: Vec<(&str, &Stored)> = names.iter().copied().zip(&stored).collect();
        write_fresh(dir.path(), &pairs);
        let file = path(dir.path());
        let cache = Cache::read(&file).unwrap();
        // b and c, and a name the cache does not have.
        let batch = cache.batch(["b.yaml", "c.yaml", "zz.yaml"]);
        assert_eq!(batch.bytes.len(), 2 * case.len(), "one read of b and c");
        for (pos, n) in names.iter().enumerate() {
            assert_eq!(
                cache.get_in((n, pos), key, &batch).map(|(i, c)| (i, c.id)),
                cache.get(n, key).map(|(i, c)| (i, c.id)),
                "{n}: a position whose entry is another file's is looked up"
            );
        }
        for (pos, n) in ["b.yaml", "c.yaml", "zz.yaml"].iter().enumerate() {
            assert_eq!(
                cache.get_in((n, pos), key, &batch).map(|(i, c)| (i, c.id)),
                cache.get(n, key).map(|(i, c)| (i, c.id)),
                "{n}"
            );
        }
        // Damage c's case in the batch only: its checksum refuses it.
        let mut damaged = cache.batch(["b.yaml", "c.yaml"]);
        let last = damaged.bytes.len() - 3;
        damaged.bytes[last] ^= 0x55;
        assert!(cache.get_in(("b.yaml", 0), key, &damaged).is_some());
        assert!(cache.get_in(("c.yaml", 1), key, &damaged).is_none());
        // Far apart (more than twice what is wanted): read one by one.
        assert!(cache.batch(["a.yaml", "e.yaml"]).bytes.is_empty());
    }

    #[test]
    fn recent_changes_are_racy() {
        let k = Key([0, 100, 0, 100, 0, 1, 1]);
        assert!(k.racy(100));
        assert!(k.racy(101));
        assert!(!k.racy(102));
    }
}
