#![warn(clippy::too_many_lines)]

use std::process::ExitCode;

fn main() -> ExitCode {
    // First: a purge the allocator schedules keeps its delay, and huge
    // pages would make memory never written resident (README, Decisions).
    redress::cli::alloc::purge_delay(1);
    redress::cli::alloc::no_huge_pages();
    ExitCode::from(redress::cli::exit::code(&redress::run()))
}

// Parsing thousands of small YAML files is allocation-heavy; mimalloc
// spends a third less time there than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
