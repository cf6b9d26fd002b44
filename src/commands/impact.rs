//! `redress policy impact --base REV`: placeholder, being written.

use super::Ctx;
use crate::Verdict;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The git revision whose policies to compare against (e.g. origin/main)
    #[arg(long, value_name = "REV")]
    pub base: String,
}

pub fn run(_ctx: &Ctx, _args: Args) -> anyhow::Result<Verdict> {
    anyhow::bail!("not implemented yet")
}
