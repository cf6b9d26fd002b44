use std::process::ExitCode;

fn main() -> ExitCode {
    match redress::run() {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(err) => ExitCode::from(redress::report_error(&err)),
    }
}

// Parsing thousands of small YAML files is allocation-heavy; mimalloc
// spends a third less time there than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
