//! How a run ends: the exit code, and an error printed the way a user
//! should see it.

use crate::diag::Diagnostics;
use crate::i18n::{tr, tr_args};

/// `= help:` lines are written in many places of the code; in French they
/// read `= aide :`.
fn localise_help(text: &str) -> String {
    text.replace("= help: ", &format!("= {} ", tr("help-label-colon")))
}

/// How a successful run ended: fine, or a check/audit that found problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Pass,
    Fail,
}

impl Verdict {
    pub fn code(self) -> u8 {
        match self {
            Verdict::Pass => 0,
            Verdict::Fail => 1,
        }
    }
}

/// The exit code of a run, its error (if any) printed on stderr.
pub fn code(outcome: &anyhow::Result<Verdict>) -> u8 {
    match outcome {
        Ok(verdict) => verdict.code(),
        Err(err) => report_error(err),
    }
}

/// Whether `e` is a closed pipe: an I/O error, or one the JSON and CSV
/// writers wrap (which do not name it as their source) when they write
/// straight to standard output.
fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == BrokenPipe)
        || e.downcast_ref::<serde_json::Error>()
            .is_some_and(|e| e.io_error_kind() == Some(BrokenPipe))
        || e.downcast_ref::<csv::Error>()
            .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe))
}

/// Prints an error the way a user should see it and returns the exit code:
/// clap's own for usage errors, 0 for a closed pipe (`redress list | head`),
/// 2 for everything else.
pub fn report_error(err: &anyhow::Error) -> u8 {
    if let Some(e) = err.downcast_ref::<clap::Error>() {
        match crate::cli::lang::clap_error(e) {
            Some(text) => eprint!("{text}"),
            None => {
                let _ = e.print();
            }
        }
        return e.exit_code().clamp(0, 2) as u8;
    }
    if err.chain().any(is_broken_pipe) {
        return 0;
    }
    if err
        .downcast_ref::<crate::cli::prompt::Cancelled>()
        .is_some()
    {
        eprintln!("{err}");
        return crate::cli::prompt::CANCELLED_EXIT;
    }
    let mut chain = err.chain();
    if let Some(top) = chain.next() {
        eprintln!(
            "{}",
            localise_help(&tr_args("error-line", &[("error", top.to_string().into())]))
        );
    }
    for cause in chain {
        // Diagnostics already say where and what; they print as they are.
        if cause.downcast_ref::<Diagnostics>().is_some() {
            eprintln!("{}", localise_help(&cause.to_string()));
        } else {
            eprintln!(
                "{}",
                localise_help(&tr_args(
                    "error-cause",
                    &[("cause", cause.to_string().into())]
                ))
            );
        }
    }
    2
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    #[test]
    fn a_closed_pipe_is_not_an_error_whichever_writer_met_it() {
        let pipe = || Error::from(ErrorKind::BrokenPipe);
        let errors = [
            anyhow::Error::new(pipe()),
            anyhow::Error::new(serde_json::Error::io(pipe())),
            anyhow::Error::new(csv::Error::from(pipe())),
            anyhow::Error::new(csv::Error::from(pipe())).context("writing the export"),
        ];
        for e in &errors {
            assert_eq!(report_error(e), 0, "{e:?}");
        }
        let other = anyhow::Error::new(serde_json::Error::io(Error::from(ErrorKind::Other)));
        assert_eq!(report_error(&other), 2);
    }
}
