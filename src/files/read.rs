//! Reading only regular files, without ever blocking on a FIFO.

use crate::diag::DiagCode;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The whole of a regular file as text. A FIFO, a device, a socket or a
/// folder is refused with an error saying what it is; a FIFO is opened
/// non-blocking, so a missing writer never hangs redress.
pub fn read_text(path: &Path) -> io::Result<String> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    })
}

/// The whole of a regular file, as [`read_text`] but without decoding.
pub fn read_bytes(path: &Path) -> io::Result<Vec<u8>> {
    let (mut file, _) = open_regular(path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// At most `limit` bytes of a regular file, as [`read_bytes`]: a reader that
/// enforces a size limit never holds more than the limit plus one byte.
pub fn read_bytes_at_most(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    read_bytes_at_most_with_meta(path, limit).map(|(bytes, _)| bytes)
}

/// [`read_bytes_at_most`], with what the open file's `stat` said before
/// it was read.
pub fn read_bytes_at_most_with_meta(
    path: &Path,
    limit: u64,
) -> io::Result<(Vec<u8>, std::fs::Metadata)> {
    let (file, meta) = open_regular(path)?;
    let bytes = read_limited(file, meta.len(), limit)?;
    Ok((bytes, meta))
}

/// [`read_bytes_at_most`] of the file `name` in the open folder `dir`, and
/// the open file's `stat` before it was read: one name looked up instead
/// of the whole path, and no `stat` apart (what the parse cache reads).
#[cfg(unix)]
pub fn read_at_most_in(
    dir: rustix::fd::BorrowedFd,
    name: &str,
    limit: u64,
) -> io::Result<(Vec<u8>, rustix::fs::Stat)> {
    use rustix::fs::{FileType, Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let fd = rustix::fs::openat(dir, name, flags, Mode::empty())?;
    let st = rustix::fs::fstat(&fd)?;
    let file = File::from(fd);
    if FileType::from_raw_mode(st.st_mode) != FileType::RegularFile {
        return Err(not_regular(&file.metadata()?.file_type()));
    }
    let bytes = read_limited(file, u64::try_from(st.st_size).unwrap_or(0), limit)?;
    Ok((bytes, st))
}

/// At most `limit` bytes of `file`, which was `size` bytes long when opened.
fn read_limited(file: File, size: u64, limit: u64) -> io::Result<Vec<u8>> {
    // Room for the size the file had when opened, and one byte more to see
    // its end: a read or two, where growing from nothing takes one read
    // per doubling (seven for a case file). A file that grew meanwhile is
    // still read whole, up to the limit.
    let room = size.min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The file, opened for reading, and its `stat` then.
fn open_regular(path: &Path) -> io::Result<(File, std::fs::Metadata)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.file_type().is_file() {
        return Err(not_regular(&meta.file_type()));
    }
    // O_NONBLOCK changes nothing for a regular file on Unix: keep the descriptor.
    Ok((file, meta))
}

/// The refusal of a file that is not a regular one.
fn not_regular(kind: &std::fs::FileType) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("not a regular file but {}", describe(kind)),
    )
}

/// What a non-regular file is, in words.
pub fn describe(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// [`describe`] as a message, for people.
pub fn kind_msg(kind: &std::fs::FileType) -> crate::i18n::Msg {
    let key = match describe(kind) {
        "a FIFO (named pipe)" => "fifo",
        "a socket" => "socket",
        "a device" => "device",
        "a folder" => "folder",
        "a symbolic link" => "link",
        _ => "other",
    };
    crate::i18n::Msg::new("file-kind").arg("kind", key)
}

/// The diagnostic for a file of the ledger that cannot be read; a file that
/// is not a regular file gets a help line saying what to do.
pub fn unreadable(rel: &str, e: &io::Error) -> crate::diag::Diagnostic {
    let message = crate::i18n::Msg::new("diag-cannot-read").arg("error", e.to_string());
    let d = crate::diag::Diagnostic::new(rel, DiagCode::Unreadable, message);
    if e.kind() == io::ErrorKind::InvalidInput {
        d.help(crate::i18n::Msg::new("diag-regular-only"))
    } else {
        d
    }
}

/// Where `path` really leads when that is outside `root`: `Some(target)`
/// means "do not touch". A path that does not exist yet is judged by its
/// nearest existing ancestor, so no folder is created outside either.
pub fn escapes(root: &Path, path: &Path) -> io::Result<Option<std::path::PathBuf>> {
    let root = root.canonicalize()?;
    let existing = path
        .ancestors()
        .find(|a| std::fs::symlink_metadata(a).is_ok());
    Ok(existing
        .and_then(|a| a.canonicalize().ok())
        .filter(|real| !real.starts_with(&root)))
}
