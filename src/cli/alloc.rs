//! The one allocator setting redress changes: how soon mimalloc gives
//! freed memory back to the system (its "purge delay"; 1 s by default in
//! mimalloc 3).
//!
//! A scan frees each batch of cases as the next is read, on other threads
//! than allocated it; with the default delay that memory is still held
//! when the next batch is made, and adds to the peak. At 100,000 cases a
//! delay of 1 ms lowers the peak of `audit`, `check` and `list` by 10 to
//! 20 MB at no measurable cost in time; `report`, whose figures and page
//! are made right after the reading, frees at once (README, Performance).
//!
//! `main` sets it before anything else: once mimalloc has scheduled a
//! purge, that purge keeps the delay it was scheduled with, so a delay set
//! later only shortens later purges.

/// Freed memory goes back to the system after at most `ms` milliseconds.
pub fn purge_delay(ms: std::ffi::c_long) {
    // SAFETY: `mi_option_set` stores a number in mimalloc's table of
    // options, which it reads afresh each time it frees; it is safe to call
    // at any time, from any thread, whatever the global allocator (without
    // mimalloc in use, as in tests, nothing reads it).
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, ms) }
}

/// `mi_option_purge_delay` in mimalloc's `mimalloc.h` (v2 and v3): the
/// Rust bindings do not name it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
