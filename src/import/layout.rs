//! Which column of a file is which case key: a CFPB export's known columns
//! (`cfpb.rs`) or a mapping file's (`mapped.rs`), resolved against the
//! file's header to column indices.

use super::cfpb::CfpbColumns;
use super::mapped::{Defaults, Values};

/// A mapping resolved against a file's header: column indices.
#[derive(Debug, Clone)]
pub struct Layout {
    pub system: String,
    pub(super) id: usize,
    pub(super) received: usize,
    pub(super) title: Option<usize>,
    pub(super) customer: Option<usize>,
    pub(super) email: Option<usize>,
    pub(super) phone: Option<usize>,
    pub(super) category: Option<usize>,
    pub(super) channel: Option<usize>,
    pub(super) severity: Option<usize>,
    pub(super) kind: Option<usize>,
    pub(super) description: Option<usize>,
    pub(super) cfpb: Option<CfpbColumns>,
    pub(super) defaults: Defaults,
    pub(super) values: Values,
    /// The mapping's `date_format`, if any.
    pub date_format: Option<String>,
    /// The team member who records what the source says happened (the
    /// CFPB's closing responses); without one, cases get no history.
    pub recorder: Option<String>,
}
