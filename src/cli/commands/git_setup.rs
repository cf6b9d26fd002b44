//! `redress git-setup`: let git merge case files with `redress merge-file`.
//!
//! Two things, both idempotent:
//! - `.gitattributes` at the ledger root gets `cases/**/*.yaml merge=redress`
//!   (appended when missing; other lines are kept). Commit it: it is shared.
//! - the repository's local git config gets `merge.redress.name` and
//!   `merge.redress.driver`. git never shares config, so every clone runs
//!   `redress git-setup` once.
//!
//! The driver names `redress` when the `redress` found in PATH is this very
//! program (so upgrades keep working); otherwise it names this program by its
//! absolute path, so that merges work even where redress is not in PATH (and
//! never run another redress than the one that was set up). Run it again
//! after moving the program.

use crate::cli::exit::Verdict;
use crate::cli::session::Session;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub const ATTRIBUTE: &str = "cases/**/*.yaml merge=redress";
pub const DRIVER_NAME: &str = "redress case merge";

pub fn run(session: &Session, _args: Args) -> Result<Verdict> {
    let ledger = session.ledger()?;
    let root = &ledger.root;
    ensure_work_tree(root)?;
    let mut done = Vec::new();

    let path = root.join(".gitattributes");
    let existing = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let same = |l: &str| l.split_whitespace().eq(ATTRIBUTE.split_whitespace());
    if !existing.lines().any(same) {
        let mut text = existing.clone();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(ATTRIBUTE);
        text.push('\n');
        crate::ledger::write_atomic(&path, text.as_bytes())?;
        done.push(format!(".gitattributes: added `{ATTRIBUTE}`"));
    }

    if let Some(line) = ignore_cache(root)? {
        done.push(line);
    }

    let driver = format!("{} merge-file %O %A %B", driver_program()?);
    for (key, value) in [
        ("merge.redress.name", DRIVER_NAME),
        ("merge.redress.driver", driver.as_str()),
    ] {
        if git_config_get(root, key)?.as_deref() != Some(value) {
            git(root, &["config", "--local", key, value])?;
            done.push(format!("git config --local {key} \"{value}\""));
        }
    }

    let msg = if done.is_empty() {
        format!(
            "already set up: .gitattributes has `{ATTRIBUTE}` and git merges case files with `{driver}`\n"
        )
    } else {
        let mut m = String::from("Set up git to merge case files with redress:\n");
        for d in &done {
            m.push_str(&format!("  {d}\n"));
        }
        m.push_str("Commit .gitattributes so that every clone uses it; git does not share its config, so run `redress git-setup` once in each clone.\n");
        m
    };
    crate::cli::render::style::print(&msg)?;
    Ok(Verdict::Pass)
}

/// The line `.gitignore` needs so that redress's working files (the parse
/// cache, `edit`'s kept drafts) are never committed.
pub const CACHE_IGNORE: &str = "/.redress/";

/// Appends [`CACHE_IGNORE`] to `.gitignore` when it is missing.
fn ignore_cache(root: &Path) -> Result<Option<String>> {
    let path = root.join(".gitignore");
    let existing = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    if existing.lines().any(|l| l.trim() == CACHE_IGNORE) {
        return Ok(None);
    }
    let mut text = existing;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(CACHE_IGNORE);
    text.push('\n');
    crate::ledger::write_atomic(&path, text.as_bytes())?;
    Ok(Some(format!(".gitignore: added `{CACHE_IGNORE}`")))
}

fn ensure_work_tree(root: &Path) -> Result<()> {
    let out = crate::ledger::git::run(root, &["rev-parse", "--is-inside-work-tree"])
        .context("running git (is it installed and in PATH?)")?;
    if !out.status.success() || String::from_utf8_lossy(&out.stdout).trim() != "true" {
        bail!(
            "{} is not inside a git work tree: there is nothing to set up\n  = help: run `git init` first (or `git clone` the ledger's repository), then `redress git-setup`",
            root.display()
        );
    }
    Ok(())
}

/// The value of a local config key, if set.
fn git_config_get(root: &Path, key: &str) -> Result<Option<String>> {
    let out = crate::ledger::git::run(root, &["config", "--local", "--get", key])
        .context("running git config")?;
    // Exit 1: the key is not set.
    match out.status.code() {
        Some(0) => Ok(Some(
            String::from_utf8_lossy(&out.stdout)
                .trim_end_matches(['\n', '\r'])
                .to_string(),
        )),
        Some(1) => Ok(None),
        _ => bail!(
            "git config --local --get {key} failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ),
    }
}

fn git(root: &Path, args: &[&str]) -> Result<()> {
    let out = crate::ledger::git::run(root, args)
        .with_context(|| format!("running git {}", args.join(" ")))?;
    if !out.status.success() {
        bail!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(())
}

/// `redress` when PATH finds this very program, else its absolute path,
/// quoted for the shell git runs the driver with (and `%` doubled, since git
/// expands `%O`, `%A`… in the driver's command line).
fn driver_program() -> Result<String> {
    let exe = std::env::current_exe().context("finding the path of this program")?;
    let same = |p: &Path| match (p.canonicalize(), exe.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if in_path("redress").is_some_and(|p| same(&p)) {
        return Ok("redress".into());
    }
    let text = exe
        .to_str()
        .context("the path of this program is not valid UTF-8; put redress in PATH")?;
    Ok(shell_quote(text).replace('%', "%%"))
}

/// The first `name` in PATH, as a shell would find it.
fn in_path(name: &str) -> Option<PathBuf> {
    let file = format!("{name}{}", std::env::consts::EXE_SUFFIX);
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(&file))
        .find(|p| p.is_file())
}

fn shell_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:@=,".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_paths_for_the_shell() {
        assert_eq!(shell_quote("/usr/bin/redress"), "/usr/bin/redress");
        assert_eq!(
            shell_quote("/home/o'neil/my tools/redress"),
            r"'/home/o'\''neil/my tools/redress'"
        );
    }
}
