//! `redress import cfpb FILE` / `redress import csv FILE --map MAPPING.toml`:
//! rows of another system's export become cases, all or nothing. The work is
//! `crate::import`'s (plan, then apply); here: the arguments and what is said.

use crate::cli::exit::Verdict;
use crate::cli::session::{Open, Session};
use crate::i18n::tr_args;
use crate::import::{self, BadRow, Input, Layout, MappingFile, Plan};
use crate::policy::CATEGORIES;
use anyhow::{Context, Result, bail};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub source: SourceKind,
}

#[derive(Debug, clap::Subcommand)]
pub enum SourceKind {
    /// The US CFPB consumer complaint export (CSV, any header or date style)
    #[command(
        after_help = "Examples:\n  redress import cfpb complaints.csv --dry-run\n  redress import cfpb complaints.csv --skip-bad --by alice"
    )]
    Cfpb(CfpbArgs),
    /// Any other spreadsheet export (CSV), described by a mapping file
    #[command(
        after_help = "Examples:\n  redress import csv export.csv --map mapping.toml --dry-run\n  redress import csv export.csv --map mapping.toml --skip-bad"
    )]
    Csv(CsvArgs),
}

#[derive(Debug, clap::Args)]
pub struct Common {
    /// The CSV file (`-` reads standard input)
    pub file: PathBuf,
    /// Import the good rows and skip the bad ones (reported on stderr)
    #[arg(long)]
    pub skip_bad: bool,
    /// Check every row and report what would be imported; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// How received dates are written, e.g. '%d/%m/%Y', 'M/D/YYYY', 'iso', 'rfc3339'
    /// (default: detected from the file)
    #[arg(long, value_name = "FORMAT")]
    pub date_format: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CfpbArgs {
    #[command(flatten)]
    pub common: Common,
    /// Who records the closings the export reports (default: REDRESS_USER, then USER)
    #[arg(long, value_name = "MEMBER")]
    pub by: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CsvArgs {
    #[command(flatten)]
    pub common: Common,
    /// The mapping file: which column is which case key (see the README)
    #[arg(long, value_name = "MAPPING.toml")]
    pub map: PathBuf,
}

/// The team member recorded as `by` on the events an import brings.
fn recorder(open: &Open, by: Option<String>) -> Result<String> {
    let by = match by {
        Some(b) => b,
        None => crate::cli::session::default_member()
            .context("say who records the imported closings with --by MEMBER")?,
    };
    if !open.policies.team.contains_key(&by) {
        let names: Vec<&str> = open.policies.team.keys().map(String::as_str).collect();
        bail!(
            "{}\n  = help: {}",
            crate::cli::lang::unknown_value("team member", &by, &names),
            crate::i18n::tr("import-by-unknown-help")
        );
    }
    Ok(by)
}

/// How many bad rows are listed before "… and N more".
const SHOWN: usize = 20;

pub fn run(ctx: &Session, args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    let (common, mapping, by) = match args.source {
        SourceKind::Cfpb(c) => (c.common, None, Some(c.by)),
        SourceKind::Csv(a) => (a.common, Some(a.map), None),
    };
    let input = read(&open, &common, mapping.as_deref(), by)?;
    let name = input.name.clone();
    let plan = import::plan(&open.ledger, &open.policies, open.tz, input)?;
    report_bad(&name, &plan.bad, common.skip_bad)?;
    let summary = Summary::of(&name, &plan);
    let new_categories = plan
        .categories
        .as_ref()
        .map(|c| c.names.clone())
        .unwrap_or_default();
    if common.dry_run {
        let dry = |line: String| tr_args("import-dry-run", &[("line", line.into())]);
        eprintln!("{}", dry(summary.line(true)));
        if let Some(f) = &plan.date_format {
            let line = tr_args("import-dates-read-as", &[("format", f.describe().into())]);
            eprintln!("{}", dry(line));
        }
        if !new_categories.is_empty() {
            eprintln!("{}", dry(declared(true, &new_categories)));
        }
        return Ok(Verdict::Pass);
    }
    let bar = progress(plan.cases.len());
    let written = import::apply(&open.ledger, &plan, &|| bar.inc(1));
    bar.finish_and_clear();
    written?;
    eprintln!("{}", summary.line(false));
    if !new_categories.is_empty() {
        eprintln!("{}", declared(false, &new_categories));
    }
    Ok(Verdict::Pass)
}

/// The file read and resolved against its layout (the CFPB's, or the
/// mapping file's), with who records the closings it reports.
fn read(
    open: &Open,
    common: &Common,
    mapping: Option<&Path>,
    by: Option<Option<String>>,
) -> Result<Input> {
    let name = common.file.display().to_string();
    let in_file = |e: crate::i18n::Msg| anyhow::anyhow!("{name}: {e}");
    let bytes = read_input(&common.file)?;
    let (table, bad) = import::read_csv(&bytes).map_err(in_file)?;
    let mut layout = match mapping {
        None => Layout::cfpb(&table.headers).map_err(in_file)?,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading the mapping file {}", path.display()))?;
            let in_mapping = |e: crate::i18n::Msg| anyhow::anyhow!("{}: {e}", path.display());
            let m = MappingFile::parse(&text).map_err(in_mapping)?;
            Layout::from_mapping(m, &table.headers).map_err(in_mapping)?
        }
    };
    // A member is needed only when the export reports closings to record.
    if let Some(by) = by
        && layout.reports_closings(&table)
    {
        layout.recorder = Some(recorder(open, by)?);
    }
    Ok(Input {
        name,
        table,
        bad,
        layout,
        date_format: common.date_format.clone(),
    })
}

/// Bad rows stop the import unless `--skip-bad`, which lists them as warnings.
fn report_bad(name: &str, bad: &[BadRow], skip_bad: bool) -> Result<()> {
    if bad.is_empty() {
        return Ok(());
    }
    if !skip_bad {
        let args = [
            ("name", name.into()),
            ("count", bad.len().into()),
            ("rows", list_bad(name, bad).into()),
        ];
        bail!(tr_args("import-bad-rows", &args));
    }
    for l in list_bad(name, bad).lines() {
        eprintln!(
            "{}",
            tr_args("warning-line", &[("line", l.trim_start().into())])
        );
    }
    Ok(())
}

/// "declared 2 new categories in policies/categories.toml: a, b"
fn declared(dry_run: bool, names: &[String]) -> String {
    tr_args(
        "import-declared",
        &[
            ("dry", if dry_run { "yes" } else { "no" }.into()),
            ("count", names.len().into()),
            ("file", CATEGORIES.into()),
            ("names", names.join(", ").into()),
        ],
    )
}

fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("reading standard input")?;
        return Ok(buf);
    }
    std::fs::read(path).with_context(|| format!("reading {}", path.display()))
}

fn progress(len: usize) -> indicatif::ProgressBar {
    if len < 200 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("importing {bar:40} {pos}/{len} cases ({eta} left)")
    {
        bar.set_style(style);
    }
    bar
}

fn list_bad(name: &str, bad: &[BadRow]) -> String {
    let mut s = String::new();
    for b in bad.iter().take(SHOWN) {
        s.push_str(&format!("  {name}:{}: {}\n", b.line, b.message));
    }
    if bad.len() > SHOWN {
        let more = [("count", (bad.len() - SHOWN).into())];
        s.push_str(&format!("  {}\n", tr_args("import-and-more", &more)));
    }
    s
}

struct Summary<'a> {
    name: &'a str,
    imported: usize,
    bad: usize,
    present: usize,
    repeated: usize,
    blank: usize,
}

impl Summary<'_> {
    fn of<'a>(name: &'a str, plan: &Plan) -> Summary<'a> {
        Summary {
            name,
            imported: plan.cases.len(),
            bad: plan.bad.len(),
            present: plan.present,
            repeated: plan.repeated,
            blank: plan.blank,
        }
    }

    fn line(&self, dry_run: bool) -> String {
        let mut s = tr_args(
            "import-summary",
            &[
                ("name", self.name.into()),
                ("dry", if dry_run { "yes" } else { "no" }.into()),
                ("imported", self.imported.into()),
                ("bad", self.bad.into()),
                ("present", self.present.into()),
            ],
        );
        if self.repeated > 0 {
            s.push_str(&tr_args(
                "import-summary-repeated",
                &[("count", self.repeated.into())],
            ));
        }
        if self.blank > 0 {
            s.push_str(&tr_args(
                "import-summary-blank",
                &[("count", self.blank.into())],
            ));
        }
        s
    }
}
