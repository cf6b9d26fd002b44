//! Importing other systems' exports: CSV rows become cases, all or nothing.
//!
//! The stages, in order:
//! - `source`: the CSV file read as text rows (each with its line);
//! - `cfpb`, `mapped` → `layout`: which column is which case key, for the
//!   CFPB export or for any file described by a mapping file;
//! - `dates`: how the received column is written, given or detected;
//! - `drafts`: one row → the values of one case;
//! - `plan`: which rows become cases (new IDs, texts checked as the ledger
//!   will read them back) and which are skipped; `categories` to declare;
//! - `apply`: the writes, rolled back on any failure.
//!
//! Nothing here prints or reads the command line; that is
//! `cli::commands::import`'s job.

mod apply;
mod categories;
mod cfpb;
mod dates;
mod drafts;
mod layout;
mod mapped;
mod plan;
mod source;

pub use apply::apply;
pub use categories::CategoriesChange;
pub use dates::DateFormat;
pub use drafts::Draft;
pub use layout::Layout;
pub use mapped::MappingFile;
pub use plan::{Input, Plan, Planned, plan};
pub use source::{Table, read_csv};

/// A row that cannot become a case, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    /// Why, worded in the language in force when shown.
    pub message: crate::i18n::Msg,
}
