//! The paths this process must remove if it is stopped by a signal: its
//! temporary files and the locks it holds.
//!
//! A thread (from `signal-hook`, which does the async-signal-safe part) waits
//! for SIGINT, SIGTERM and SIGHUP; on one it takes the registry, removes every
//! path in it and exits with 128 + the signal. Writers hold the same registry
//! while they create a lock or rename a file into place, so a signal never
//! lands between "created" and "registered", nor in the middle of a rename:
//! the process stops either before the rename (nothing changed) or after it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

static REGISTRY: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();
static EDITOR_RUNNING: AtomicBool = AtomicBool::new(false);

/// Runs `f` (which waits for an interactive child such as $EDITOR) with
/// Ctrl-C left to the child: redress neither stops nor removes its draft.
pub fn while_editor_runs<T>(f: impl FnOnce() -> T) -> T {
    HANDLER.call_once(install_handler);
    EDITOR_RUNNING.store(true, Ordering::SeqCst);
    let out = f();
    EDITOR_RUNNING.store(false, Ordering::SeqCst);
    out
}

/// The registry, for a short critical section; installs the handler first.
pub(super) fn registry() -> MutexGuard<'static, Vec<PathBuf>> {
    HANDLER.call_once(install_handler);
    REGISTRY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Forgets `path` (it was renamed away or removed by its owner).
pub(super) fn forget(list: &mut Vec<PathBuf>, path: &Path) {
    list.retain(|p| p != path);
}

fn install_handler() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    // Best effort: without a handler, `check` still reports what is left.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("redress-cleanup".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGINT && EDITOR_RUNNING.load(Ordering::SeqCst) {
                    continue; // Ctrl-C belongs to the editor, as with git
                }
                let list = REGISTRY.lock().unwrap_or_else(|p| p.into_inner());
                for path in list.iter() {
                    let _ = std::fs::remove_file(path);
                }
                // Exit while holding the registry: no writer can start a rename now.
                std::process::exit(128 + signal);
            }
        });
    drop(spawned);
}

/// A file to remove if a signal stops the process; forgotten when dropped
/// (its owner removes or keeps the file itself).
#[derive(Debug)]
pub struct RemoveOnSignal(PathBuf);

impl RemoveOnSignal {
    pub fn new(path: &Path) -> RemoveOnSignal {
        registry().push(path.to_path_buf());
        RemoveOnSignal(path.to_path_buf())
    }
}

impl Drop for RemoveOnSignal {
    fn drop(&mut self) {
        forget(&mut registry(), &self.0);
    }
}
