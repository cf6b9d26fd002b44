//! One module per subcommand: parse arguments, call the domain, render.
//! `event/` holds the lifecycle verbs, `policy/` the `policy` subcommands.

pub mod anonymise;
pub mod audit;
pub mod check;
pub mod completions;
pub mod event;
pub mod export;
pub mod extend;
pub mod git_setup;
pub mod import;
pub mod init;
pub mod list;
pub mod man;
pub mod merge_file;
pub mod new;
pub mod policy;
pub mod register;
pub mod report;
pub mod search;
pub mod show;
