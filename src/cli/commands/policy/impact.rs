//! `redress policy impact --base REV`: what a policy change does to the
//! audit, for pull requests.

use crate::audit::impact::{self, Impact};
use crate::cli::exit::Verdict;
use crate::cli::render::impact as render;
use crate::cli::session::Session;
use crate::diag::Diagnostics;
use crate::policy::{self, PolicyTexts};
use anyhow::{Context, Result, bail};
use chrono::Utc;
use std::io::Write as _;
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The git revision whose policies to compare against (e.g. origin/main)
    #[arg(long, value_name = "REV")]
    pub base: String,
    /// Audit as of this time (default: --now)
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Show the customer's name, email and phone where a finding quotes
    /// them (masked by default)
    #[arg(long)]
    pub include_contacts: bool,
    #[command(flatten)]
    pub invalid: crate::cli::session::SkipInvalid,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Table,
    Markdown,
    Json,
}

pub fn run(ctx: &Session, args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    let texts = texts_at(&open.ledger.root, &args.base)?;
    let base = policy::load_texts(&texts).map_err(|d| {
        anyhow::Error::new(Diagnostics(d))
            .context(format!("the policies at {} are invalid", args.base))
    })?;
    let as_of = open
        .time_flag("--as-of", args.as_of.as_deref())?
        .with_timezone(&Utc);
    // Each case is compared under both policy sets as it is read, and
    // summed at once: only what differs is kept.
    let mut sum = impact::ImpactSum::default();
    let compare = |lc: crate::ledger::LoadedCase| {
        let mut c = impact::case_impact(&lc, &base, &open.policies, as_of)?;
        if !args.include_contacts {
            mask_contacts(&mut c, &lc.case);
        }
        Some(c)
    };
    let scan = open
        .ledger
        .scan_each(&open.policies, compare, |c| sum.add_some(c));
    args.invalid
        .refuse_or_warn(&scan.problems, "policy impact")?;
    let result: Impact = sum.finish(&open.policies, as_of);
    let out = match args.format {
        Format::Json => {
            // Written as it is serialized: a large impact is never held
            // again as a JSON value or text.
            #[derive(serde::Serialize)]
            struct Doc<'a> {
                #[serde(flatten)]
                impact: &'a Impact,
                base: &'a str,
            }
            let doc = Doc {
                impact: &result,
                base: &args.base,
            };
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            serde_json::to_writer_pretty(&mut out, &doc)?;
            out.write_all(b"\n")?;
            out.flush()?;
            return Ok(Verdict::Pass);
        }
        Format::Markdown => render::markdown(&result, &args.base),
        Format::Table => render::table(&result, &args.base),
    };
    crate::cli::render::style::print(&out)?;
    Ok(Verdict::Pass)
}

/// Masks the case's contact details where its findings quote its text.
fn mask_contacts(c: &mut impact::CaseImpact, case: &crate::case::Case) {
    let quoted = crate::case::privacy::QuotedTexts::of(case);
    for f in c.added.iter_mut().chain(c.removed.iter_mut()) {
        f.text.map_texts(&|t| quoted.mask(t));
    }
}

/// The policy files as they are at `rev`, read with `git show`.
fn texts_at(root: &Path, rev: &str) -> Result<PolicyTexts> {
    let git = |args: &[&str]| -> Result<std::process::Output> {
        crate::ledger::git::run(root, args).context("running git (is it installed?)")
    };
    let prefix = git(&["rev-parse", "--show-prefix"])?;
    if !prefix.status.success() {
        bail!(
            "{} is not in a git repository: policy impact compares against a git revision",
            root.display()
        );
    }
    let prefix = String::from_utf8_lossy(&prefix.stdout).trim().to_string();
    let verify = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{rev}^{{commit}}"),
    ])?;
    if !verify.status.success() {
        bail!(
            "unknown revision `{rev}`\n  = help: name a branch, tag or commit, e.g. --base origin/main"
        );
    }
    let show = |file: &str| -> Result<Option<String>> {
        let out = git(&["show", &format!("{rev}:{prefix}{file}")])?;
        Ok(out
            .status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned()))
    };
    Ok(PolicyTexts {
        deadlines: show(policy::DEADLINES)?,
        escalation: show(policy::ESCALATION)?,
        compensation: show(policy::COMPENSATION)?,
        categories: show(policy::CATEGORIES)?,
    })
}
