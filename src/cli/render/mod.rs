//! Turning computed structs into text: nothing here computes.

pub mod audit;
pub mod fmt;
pub mod impact;
pub mod kpis;
pub mod report;
pub mod style;
pub mod table;
