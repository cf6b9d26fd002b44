//! Every file redress reads or writes goes through here, so that one set of
//! rules holds everywhere:
//!
//! - writes are atomic (temporary file in the same folder, fsync, optional
//!   validation, rename, fsync of the folder) and keep the replaced file's
//!   mode and group; a read-only file is refused, never replaced;
//! - a read–check–write cycle on a ledger file holds `<file>.lock`, created
//!   with O_EXCL the way git does, so concurrent writers never lose an event;
//! - on SIGINT, SIGTERM or SIGHUP the temporary and lock files of this
//!   process are removed before it exits with 128 + the signal;
//! - only regular files are read: a FIFO, a device or a folder is refused
//!   without ever blocking on it.

mod cleanup;
mod lock;
mod read;
pub mod spool;
mod write;

pub use cleanup::{RemoveOnSignal, while_editor_runs};
pub use lock::Lock;
#[cfg(unix)]
pub use read::read_at_most_in;
pub use read::{
    describe, escapes, kind_msg, read_bytes, read_bytes_at_most, read_bytes_at_most_with_meta,
    read_text, unreadable,
};
pub use write::{Existing, Make, write, write_output, write_output_made};

/// Names of the temporary files redress writes: `.redress-XXXXXX.tmp`.
pub const TEMP_PREFIX: &str = ".redress-";
pub const TEMP_SUFFIX: &str = ".tmp";
/// A lock on `x.yaml` is `x.yaml.lock`.
pub const LOCK_SUFFIX: &str = ".lock";

/// Whether `name` (a bare file name) is one of redress's temporary files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// Whether `name` (a bare file name) is a lock file.
pub fn is_lock_name(name: &str) -> bool {
    name.ends_with(LOCK_SUFFIX) && name.len() > LOCK_SUFFIX.len()
}
