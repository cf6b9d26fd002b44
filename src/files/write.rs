//! The one atomic writer.

use super::{TEMP_PREFIX, TEMP_SUFFIX, cleanup};
use anyhow::{Context, Result, bail};
use std::fs::{self, Metadata};
use std::io::Write;
use std::path::Path;
use tempfile::NamedTempFile;

/// What the file being written may hold beforehand.
#[derive(Debug, Clone, Copy)]
pub enum Existing<'a> {
    /// Anything, or nothing: the file is replaced or created.
    Replace,
    /// Nothing: an existing file is an error, never overwritten.
    Absent,
    /// Exactly these bytes (the caller read them under the file's lock).
    Holds(&'a [u8]),
}

/// A check run on the bytes as read back from the temporary file.
pub type Validate<'a> = &'a dyn Fn(&[u8]) -> Result<()>;

/// Writes `bytes` to `path` atomically: a temporary `.redress-*.tmp` in the
/// same folder, written, read back and compared, checked by `validate`,
/// fsynced, given the replaced file's mode and group, renamed over `path`,
/// and the folder fsynced. A new file gets mode 0644 less the umask. A
/// read-only file (no write bit) is refused and left as it is. On any error
/// the temporary file is removed and `path` is unchanged.
pub fn write(
    path: &Path,
    bytes: &[u8],
    existing: Existing,
    validate: Option<Validate>,
) -> Result<()> {
    replace(path, Content::Bytes(bytes, validate), existing)
}

/// What goes into the temporary file.
enum Content<'a> {
    /// Bytes at hand: read back and compared whole, then checked.
    Bytes(&'a [u8], Option<Validate<'a>>),
    /// Bytes written as they are made, never all held (a large export):
    /// read back and compared by length and digest.
    Made(Make<'a>),
}

/// Writes an output's bytes as it makes them.
pub type Make<'a> = &'a mut dyn FnMut(&mut dyn Write) -> Result<()>;

/// [`write`] of any [`Content`].
fn replace(path: &Path, content: Content, existing: Existing) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let before = current(path, existing)?;
    let mut tmp = create_temp(dir)?;
    let tmp_path = tmp.path().to_path_buf();
    let result = fill(&mut tmp, path, content, before.as_ref())
        .and_then(|()| put_in_place(tmp, path, existing));
    // On error the temporary file is gone already (dropped); forget it too.
    cleanup::forget(&mut cleanup::registry(), &tmp_path);
    result?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The metadata of the file about to be replaced, after refusing what must
/// not be replaced.
fn current(path: &Path, existing: Existing) -> Result<Option<Metadata>> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => bail!("cannot write {}: {e}", path.display()),
    };
    if matches!(existing, Existing::Absent) {
        bail!("{} already exists; nothing was written", path.display());
    }
    if !meta.is_file() {
        bail!(
            "cannot write {}: it is {}, not a regular file; nothing was written",
            path.display(),
            super::read::describe(&meta.file_type())
        );
    }
    if meta.permissions().readonly() {
        bail!(
            "{} is read-only; nothing was written\n  = help: if redress should change it, make it writable first (chmod u+w {})",
            path.display(),
            path.display()
        );
    }
    Ok(Some(meta))
}

fn create_temp(dir: &Path) -> Result<NamedTempFile> {
    let mut registry = cleanup::registry();
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The kernel takes the umask off, as for any file a program creates.
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    let tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    registry.push(tmp.path().to_path_buf());
    Ok(tmp)
}

/// Writes, checks and syncs the temporary file, with the old file's mode.
fn fill(
    tmp: &mut NamedTempFile,
    path: &Path,
    content: Content,
    before: Option<&Metadata>,
) -> Result<()> {
    let shown = path.display();
    let not_as_written = || {
        anyhow::anyhow!(
            "writing {shown}: the temporary file does not read back as written; nothing was changed"
        )
    };
    match content {
        Content::Bytes(bytes, validate) => {
            tmp.write_all(bytes)
                .with_context(|| format!("writing {shown}"))?;
            settle(tmp, path, before)?;
            let reread = fs::read(tmp.path()).with_context(|| format!("re-reading {shown}"))?;
            if reread != bytes {
                return Err(not_as_written());
            }
            if let Some(check) = validate {
                check(&reread)?;
            }
        }
        Content::Made(make) => {
            let mut out = Digesting::new(std::io::BufWriter::with_capacity(1 << 16, tmp.as_file()));
            make(&mut out).with_context(|| format!("writing {shown}"))?;
            out.flush().with_context(|| format!("writing {shown}"))?;
            let written = out.digest();
            drop(out);
            settle(tmp, path, before)?;
            if digest_of(tmp.path()).with_context(|| format!("re-reading {shown}"))? != written {
                return Err(not_as_written());
            }
        }
    }
    Ok(())
}

/// The written temporary file given the old file's mode, and synced.
fn settle(tmp: &NamedTempFile, path: &Path, before: Option<&Metadata>) -> Result<()> {
    let shown = path.display();
    if let Some(meta) = before {
        keep_owner_and_mode(tmp.as_file(), meta)
            .with_context(|| format!("keeping the mode of {shown}"))?;
    }
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("syncing {shown}"))?;
    pause_for_tests();
    Ok(())
}

/// The length and digest of the file at `path`, read as a stream.
fn digest_of(path: &Path) -> std::io::Result<(u64, u64)> {
    let mut reread = Digesting::new(std::io::sink());
    let file = fs::File::open(path)?;
    std::io::copy(
        &mut std::io::BufReader::with_capacity(1 << 16, file),
        &mut reread,
    )?;
    Ok(reread.digest())
}

/// A writer that passes bytes on and keeps their count and a digest of
/// them (SipHash, which reads a stream the same however it is cut).
struct Digesting<W> {
    inner: W,
    len: u64,
    hasher: std::hash::DefaultHasher,
}

impl<W: Write> Digesting<W> {
    fn new(inner: W) -> Self {
        Digesting {
            inner,
            len: 0,
            hasher: std::hash::DefaultHasher::new(),
        }
    }

    fn digest(&self) -> (u64, u64) {
        use std::hash::Hasher;
        (self.len, self.hasher.finish())
    }
}

impl<W: Write> Write for Digesting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        use std::hash::Hasher;
        let n = self.inner.write(buf)?;
        let done = buf.get(..n).unwrap_or(buf);
        self.hasher.write(done);
        self.len += done.len() as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The group first (changing it may clear set-id bits), then the mode.
/// Only root may give a file away, so the owner stays the writer; a group
/// the writer is not in is skipped (EPERM) rather than failing the write.
fn keep_owner_and_mode(file: &fs::File, meta: &Metadata) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
        file.set_permissions(fs::Permissions::from_mode(meta.mode() & 0o7777))?;
    }
    #[cfg(not(unix))]
    file.set_permissions(meta.permissions())?;
    Ok(())
}

/// Checks the file still holds what was expected, then renames, while
/// holding the signal registry: a signal cannot stop the process between
/// the check and the rename, and the temporary path is forgotten with it.
fn put_in_place(tmp: NamedTempFile, path: &Path, existing: Existing) -> Result<()> {
    let _registry = cleanup::registry();
    (|| {
        match existing {
            Existing::Holds(expected) => {
                let now = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
                if now != expected {
                    bail!(
                        "{} changed while redress was writing it; nothing was written\n  = help: run the command again",
                        path.display()
                    );
                }
                tmp.persist(path)
                    .with_context(|| format!("replacing {}", path.display()))?;
            }
            Existing::Replace => {
                tmp.persist(path)
                    .with_context(|| format!("replacing {}", path.display()))?;
            }
            Existing::Absent => {
                tmp.persist_noclobber(path).map_err(|e| {
                    anyhow::anyhow!("{} already exists: {}", path.display(), e.error)
                })?;
            }
        }
        Ok(())
    })()
}

/// Test-only: `REDRESS_TEST_PAUSE_WRITE_MS` holds every write for that long
/// between writing the temporary file and renaming it, so that the tests
/// can stop a writer mid-write. Never set it for real use.
fn pause_for_tests() {
    if let Some(ms) = std::env::var("REDRESS_TEST_PAUSE_WRITE_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// Writes a user-named output file (`report -o`, `export -o`): like
/// [`write`] with [`Existing::Replace`], but a missing folder on the way is
/// created first, so `-o reports/2026-11/summary.md` works in a new month.
/// Only the missing folders are created (`create_dir_all`), each a plain
/// folder; existing components, symlinks included, are used as they are,
/// the way the user's shell would.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<()> {
    make_output_folder(path)?;
    write(path, bytes, Existing::Replace, None)
}

/// [`write_output`] of bytes `make` writes as it makes them (an export of
/// a large ledger, never held whole): the same temporary file, checks and
/// rename, the bytes read back compared by length and digest.
pub fn write_output_made(path: &Path, make: Make) -> Result<()> {
    make_output_folder(path)?;
    replace(path, Content::Made(make), Existing::Replace)
}

/// The missing folders on the way to an output file.
fn make_output_folder(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
        && !parent.is_dir()
    {
        fs::create_dir_all(parent).with_context(|| {
            format!(
                "cannot create the folder {} for {}; create it or choose another -o path",
                parent.display(),
                path.display()
            )
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_made_output_lands_whole_and_keeps_the_mode_it_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new/folder/export.jsonl");
        let line = "{\"id\":\"20261102-k7q2\"}\n".repeat(20_000);
        write_output_made(&path, &mut |out| {
            // Written in pieces, as an export is.
            for chunk in line.as_bytes().chunks(777) {
                out.write_all(chunk)?;
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), line);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
            write_output_made(&path, &mut |out| Ok(out.write_all(b"again\n")?)).unwrap();
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "the replaced file's mode is kept");
        }
        assert_eq!(fs::read_to_string(&path).unwrap(), "again\n");
    }

    #[test]
    fn a_made_output_that_fails_midway_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.csv");
        fs::write(&path, "before\n").unwrap();
        let failed = write_output_made(&path, &mut |out| {
            out.write_all(b"half an export")?;
            anyhow::bail!("the ledger could not be read")
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "before\n");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left");
    }

    #[test]
    fn the_digest_of_a_stream_does_not_depend_on_how_it_is_cut() {
        let text = b"a stream of bytes, cut in many ways".repeat(100);
        let digest = |cut: usize| {
            let mut d = Digesting::new(std::io::sink());
            for chunk in text.chunks(cut) {
                d.write_all(chunk).unwrap();
            }
            d.digest()
        };
        assert_eq!(digest(1), digest(7));
        assert_eq!(digest(7), digest(text.len()));
        let mut other = Digesting::new(std::io::sink());
        other.write_all(b"another stream").unwrap();
        assert_ne!(other.digest(), digest(13));
    }
}
