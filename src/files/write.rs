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
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let before = current(path, existing)?;
    let mut tmp = create_temp(dir)?;
    let tmp_path = tmp.path().to_path_buf();
    let result = fill(&mut tmp, path, bytes, before.as_ref(), validate)
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
    bytes: &[u8],
    before: Option<&Metadata>,
    validate: Option<Validate>,
) -> Result<()> {
    let shown = path.display();
    tmp.write_all(bytes)
        .with_context(|| format!("writing {shown}"))?;
    if let Some(meta) = before {
        keep_owner_and_mode(tmp.as_file(), meta)
            .with_context(|| format!("keeping the mode of {shown}"))?;
    }
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("syncing {shown}"))?;
    pause_for_tests();
    let reread = fs::read(tmp.path()).with_context(|| format!("re-reading {shown}"))?;
    if reread != bytes {
        bail!(
            "writing {shown}: the temporary file does not read back as written; nothing was changed"
        );
    }
    if let Some(check) = validate {
        check(&reread)?;
    }
    Ok(())
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
    write(path, bytes, Existing::Replace, None)
}
