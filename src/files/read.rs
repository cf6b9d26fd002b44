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
    let (file, size) = open_regular(path)?;
    // Room for the size the file had when opened, and one byte more to see
    // its end: a read or two, where growing from nothing takes one read
    // per doubling (seven for a case file). A file that grew meanwhile is
    // still read whole, up to the limit.
    let room = size.min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The file, opened for reading, and its size then.
fn open_regular(path: &Path) -> io::Result<(File, u64)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    let kind = meta.file_type();
    if !kind.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a regular file but {}", describe(&kind)),
        ));
    }
    // O_NONBLOCK changes nothing for a regular file on Unix: keep the descriptor.
    Ok((file, meta.len()))
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
