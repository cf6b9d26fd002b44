//! The twelve lifecycle verbs: each names a case and appends one event
//! through [`append::append`], which holds the rules they share.

pub mod ack;
pub mod append;
pub mod assign;
pub mod close;
pub mod compensate;
pub mod escalate;
pub mod follow_up;
pub mod note;
pub mod pause;
pub mod reopen;
pub mod resolve;
pub mod resume;
pub mod update;
