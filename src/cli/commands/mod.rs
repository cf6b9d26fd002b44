//! One module per subcommand: parse arguments, call the domain, render.
//! `event/` holds the lifecycle verbs, `policy/` the `policy` subcommands.

pub mod action;
pub mod anonymise;
pub mod audit;
pub mod check;
pub mod completions;
pub mod edit;
pub mod event;
pub mod export;
pub mod extend;
pub mod git_setup;
pub mod import;
pub mod init;
pub mod letter;
pub mod list;
pub mod man;
pub mod merge_file;
pub mod new;
pub mod policy;
pub mod register;
pub mod report;
pub mod report_compliance;
pub mod search;
pub mod show;
