//! The two allocator settings redress changes: how soon mimalloc gives
//! freed memory back to the system (its "purge delay"; 1 s by default in
//! mimalloc 3), and no transparent huge pages.
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

/// No transparent huge pages for this process. mimalloc asks for them on
/// the arena it reserves (1 GiB, before `main`), and the kernel then backs
/// each touched 2 MiB stretch whole: at 100,000 cases that put 12 to
/// 29 MB on the peaks of `check`, `list`, `audit` and `report`, for memory
/// never written, and turning it off cost no CPU time that could be
/// measured (README, Decisions). The kernel checks this flag at each
/// fault, so it holds for the arena reserved already.
pub fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: `PR_SET_THP_DISABLE` sets one flag of this process's memory
    // map; it reads no pointer and touches no memory of ours. Should the
    // kernel refuse it, the process runs as before.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    #[test]
    fn huge_pages_are_off_for_the_process_after() {
        super::no_huge_pages();
        // SAFETY: `PR_GET_THP_DISABLE` only reads the flag.
        let flag = unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) };
        assert_eq!(flag, 1, "the kernel keeps the flag");
    }
}
