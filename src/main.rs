use std::process::ExitCode;

fn main() -> ExitCode {
    match redress::run() {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(err) => ExitCode::from(redress::report_error(&err)),
    }
}
