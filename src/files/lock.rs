//! `<file>.lock`, created with O_EXCL, held across a read–check–write cycle.

use super::{LOCK_SUFFIX, cleanup};
use anyhow::{Result, bail};
use std::fs::OpenOptions;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a writer waits for another to finish before giving up.
const PATIENCE: Duration = Duration::from_secs(5);
/// The longest pause between two tries.
const MAX_PAUSE_MS: u64 = 40;

/// A held lock; dropping it removes the lock file (on every path, errors too).
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    target: PathBuf,
}

impl Lock {
    /// Takes the lock on `target`, waiting up to 5 s (short, growing pauses
    /// with jitter) while another writer holds it.
    pub fn acquire(target: &Path) -> Result<Lock> {
        let mut name = target.as_os_str().to_owned();
        name.push(LOCK_SUFFIX);
        let path = PathBuf::from(name);
        let start = Instant::now();
        let mut pause_ms = 1;
        loop {
            if try_create(&path)? {
                return Ok(Lock {
                    path,
                    target: target.to_path_buf(),
                });
            }
            if start.elapsed() >= PATIENCE {
                bail!(
                    "{} is being changed by another redress: its lock file {} exists (waited {} s); nothing was written\n  = help: run the command again; if no other redress is running, the lock was left by one that was stopped: remove {} and run the command again",
                    target.display(),
                    path.display(),
                    PATIENCE.as_secs(),
                    path.display()
                );
            }
            std::thread::sleep(Duration::from_millis(
                pause_ms + fastrand::u64(0..=pause_ms),
            ));
            pause_ms = (pause_ms * 2).min(MAX_PAUSE_MS);
        }
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file the lock protects.
    pub fn target(&self) -> &Path {
        &self.target
    }
}

/// Creates the lock file if nobody holds it; registers it for signal cleanup
/// in the same critical section, so a signal never leaves it behind.
fn try_create(path: &Path) -> Result<bool> {
    let mut registry = cleanup::registry();
    match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(_) => {
            registry.push(path.to_path_buf());
            Ok(true)
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(false),
        Err(e) => bail!("cannot create the lock file {}: {e}", path.display()),
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let mut registry = cleanup::registry();
        let _ = std::fs::remove_file(&self.path);
        cleanup::forget(&mut registry, &self.path);
    }
}
