//! Placeholder: being written.

use super::Ctx;
use crate::Verdict;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_ctx: &Ctx, _args: Args) -> anyhow::Result<Verdict> {
    anyhow::bail!("not implemented yet")
}
