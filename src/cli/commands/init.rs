//! `redress init [DIR]`: a ready ledger with default policies.

use crate::cli::exit::Verdict;
use crate::cli::session::Session;
use crate::policy::presets::{Holidays, Preset};
use anyhow::{Context, Result, bail};
use chrono::Datelike;
use std::fs;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to create the ledger (default: the current folder)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Only add the default letter templates (policies/letters/) to an
    /// existing ledger; templates already there are kept
    #[arg(long)]
    pub letters: bool,
    /// The regime whose deadlines the policies follow: iso10002 (ISO 10002
    /// good practice), amf-quebec (Québec financial sector), fca-disp (UK
    /// FCA DISP 1), cfpb (US CFPB portal). Each file cites its source:
    /// verify it against the current text
    #[arg(long, value_enum, default_value = "iso10002", value_name = "NAME")]
    pub preset: PresetName,
}

/// The presets of `crate::policy::presets`, for clap.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PresetName {
    Iso10002,
    AmfQuebec,
    FcaDisp,
    Cfpb,
}

impl PresetName {
    fn as_str(self) -> &'static str {
        match self {
            PresetName::Iso10002 => "iso10002",
            PresetName::AmfQuebec => "amf-quebec",
            PresetName::FcaDisp => "fca-disp",
            PresetName::Cfpb => "cfpb",
        }
    }
}

const FILES: &[(&str, &str)] = &[
    (
        "policies/deadlines.toml",
        include_str!("../../templates/deadlines.toml"),
    ),
    (
        "policies/escalation.toml",
        include_str!("../../templates/escalation.toml"),
    ),
    (
        "policies/compensation.toml",
        include_str!("../../templates/compensation.toml"),
    ),
    (
        "policies/categories.toml",
        include_str!("../../templates/categories.toml"),
    ),
    (".gitignore", include_str!("../../templates/gitignore")),
];

/// The folders a new ledger starts with: cases and policies, and the
/// default destinations of `report -o` and `export -o` (the .gitignore
/// keeps the latter two out of git).
const FOLDERS: &[&str] = &["cases", "policies", "reports", "exports"];

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let dir = &args.dir;
    if args.letters {
        return add_letters(dir);
    }
    if dir.join("policies").exists() {
        bail!(
            "{}",
            crate::i18n::tr_args("init-already", &[("dir", dir.display().to_string().into())])
        );
    }
    let members = team_lines();
    for (rel, _) in FILES {
        if dir.join(rel).exists() && *rel != ".gitignore" {
            bail!(
                "{}",
                crate::i18n::tr_args(
                    "init-exists",
                    &[("path", dir.join(rel).display().to_string().into())]
                )
            );
        }
    }
    let preset = crate::policy::presets::get(args.preset.as_str())
        .with_context(|| format!("internal error: no preset {}", args.preset.as_str()))?;
    // The holidays follow --now (read in Toronto: a day's difference at
    // New Year does not change the years listed much).
    let year = session.now_in(chrono_tz::America::Toronto)?.year();
    let holidays = holiday_lines(year, preset.holidays);
    for folder in FOLDERS {
        fs::create_dir_all(dir.join(folder))
            .with_context(|| format!("creating {}", dir.join(folder).display()))?;
    }
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if path.exists() {
            continue; // an existing .gitignore is the user's
        }
        let text = match *rel {
            "policies/deadlines.toml" => preset.deadlines,
            _ => text,
        };
        let text = text
            .replace("@MEMBERS@", &members)
            .replace("@HOLIDAYS@", &holidays)
            .replace(
                "currency = \"CAD\"",
                &format!("currency = \"{}\"", preset.currency),
            );
        crate::files::write(&path, text.as_bytes(), crate::files::Existing::Absent, None)?;
    }
    write_letters(dir)?;
    let lang = crate::cli::lang::from_flag();
    if let Some(lang) = lang {
        let text = crate::i18n::tr_args("init-settings", &[("lang", lang.code().into())]) + "\n";
        let path = dir.join(crate::ledger::LEDGER_SETTINGS);
        crate::files::write(&path, text.as_bytes(), crate::files::Existing::Absent, None)?;
    }
    let msg = created_message(dir, year, &preset, lang.is_some());
    crate::cli::render::style::print(&msg)?;
    Ok(Verdict::Pass)
}

/// What `init` says it made, in the language in force.
fn created_message(dir: &std::path::Path, year: i32, preset: &Preset, lang: bool) -> String {
    let listed = match preset.holidays {
        Holidays::Quebec => "init-listed-quebec",
        Holidays::EnglandWales => "init-listed-england",
        Holidays::None => "init-listed-none",
    };
    let listed = crate::i18n::tr_args(
        listed,
        &[
            ("year", year.to_string().into()),
            ("next", (year + 1).to_string().into()),
        ],
    );
    let verify = if preset.name == "iso10002" {
        String::new()
    } else {
        crate::i18n::tr_args("init-verify-preset", &[("preset", preset.name.into())]) + "\n"
    };
    let mut msg = crate::i18n::tr_args(
        "init-created",
        &[
            ("dir", dir.display().to_string().into()),
            ("listed", listed.into()),
            ("verify", verify.into()),
        ],
    );
    msg.push('\n');
    if lang {
        msg.push_str(&crate::i18n::tr("init-language"));
        msg.push('\n');
    }
    if in_git_work_tree(dir) {
        msg.push_str(&crate::i18n::tr("init-git"));
        msg.push('\n');
    }
    msg
}

/// A year's holidays, each with its name.
type HolidayList = fn(i32) -> Vec<(chrono::NaiveDate, &'static str)>;

/// The `holidays = [...]` line of deadlines.toml: the preset's holidays
/// for `year` and the next, one per line with its name.
fn holiday_lines(year: i32, which: Holidays) -> String {
    let (header, compute): (String, HolidayList) = match which {
        Holidays::Quebec => (
            format!(
                "# Québec's statutory holidays for {year} and {} (Good Friday stands for\n# Easter: the employer may give Easter Monday instead). Add next year's in time.\nholidays = [",
                year + 1
            ),
            crate::policy::holidays::quebec,
        ),
        Holidays::EnglandWales => (
            format!(
                "# Bank holidays in England and Wales for {year} and {} (substitute days\n# included; one-off holidays are not: add them). Add next year's in time.\nholidays = [",
                year + 1
            ),
            crate::policy::presets::england_wales,
        ),
        Holidays::None => return "holidays = []".to_string(),
    };
    let mut lines = vec![header];
    for y in [year, year + 1] {
        for (date, name) in compute(y) {
            lines.push(format!("  \"{date}\",  # {name}"));
        }
    }
    lines.push("]".to_string());
    lines.join("\n")
}

/// An example team (replace it with yours), joined by the
/// person creating the ledger so that their first `ack` works.
fn team_lines() -> String {
    let mut lines = vec![
        "alice = \"frontline\"".to_string(),
        "bob = \"supervisor\"".to_string(),
        "carole = \"management\"".to_string(),
    ];
    if let Ok(user) = crate::cli::session::default_member()
        && is_bare_key(&user)
        && !["alice", "bob", "carole"].contains(&user.as_str())
    {
        lines.push(format!("{user} = \"management\""));
    }
    lines.join("\n")
}

/// Writes the default letters that are missing; returns how many.
fn write_letters(dir: &std::path::Path) -> Result<usize> {
    let mut written = 0;
    for (rel, text) in super::letter::DEFAULTS {
        let path = dir.join("policies/letters").join(rel);
        if path.exists() {
            continue;
        }
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        crate::files::write(&path, text.as_bytes(), crate::files::Existing::Absent, None)?;
        written += 1;
    }
    Ok(written)
}

/// `init --letters`: the default letters added to an existing ledger.
fn add_letters(dir: &std::path::Path) -> Result<Verdict> {
    if !dir.join("policies").is_dir() {
        bail!(
            "{} is not a ledger (it has no policies/ folder); run `redress init` there first",
            dir.display()
        );
    }
    let n = write_letters(dir)?;
    crate::cli::render::style::print(&format!(
        "Added {n} letter template(s) to {} (those already there were kept)\n",
        dir.join("policies/letters").display()
    ))?;
    Ok(Verdict::Pass)
}

fn is_bare_key(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

fn in_git_work_tree(dir: &std::path::Path) -> bool {
    crate::ledger::git::run(dir, &["rev-parse", "--is-inside-work-tree"])
        .is_ok_and(|o| o.status.success())
}
