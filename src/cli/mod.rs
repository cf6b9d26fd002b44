//! The command line: arguments (`args`), one file per subcommand
//! (`commands`) and the renderers that turn computed structs into text
//! (`render`). Only this layer prints.

pub mod args;
pub mod commands;
pub mod render;
pub mod vocab;

pub use args::*;
