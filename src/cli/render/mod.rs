//! Turning computed structs into text: nothing here computes.

pub mod style;
