//! Writing to the terminal: one place that knows about pipes and colour.

use std::io::{IsTerminal, Write};

/// Writes text to stdout; a closed pipe surfaces as an io error that
/// `report_error` treats as a normal end.
pub fn print(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `--color` wins; `auto` honours NO_COLOR and whether stdout is a terminal.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// Wraps text in an ANSI style when colour is on.
pub fn paint(on: bool, style: &str, text: &str) -> String {
    if on {
        format!("\x1b[{style}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

pub const RED: &str = "1;31";
pub const YELLOW: &str = "1;33";
pub const GREEN: &str = "32";
pub const BOLD: &str = "1";
pub const DIM: &str = "2";
