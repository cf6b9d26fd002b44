//! `redress new`: record a case from flags (scripts), prompts or $EDITOR (people).

use crate::case::money::Money;
use crate::case::time::Timestamp;
use crate::case::vocab::{Channel, Kind, Profile, Risk, Severity};
use crate::case::{Case, Customer};
use crate::case::{id, yaml};
use crate::cli::exit::Verdict;
use crate::cli::session::Session;
use crate::ledger;
use anyhow::{Context, Result, bail};
use std::io::{BufRead, IsTerminal, Read, Write};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// complaint (dissatisfaction) or claim (a demand for a remedy)
    #[arg(long, value_parser = crate::cli::vocab::parser::<Kind>())]
    pub kind: Option<Kind>,
    /// A short title: what went wrong
    #[arg(long)]
    pub title: Option<String>,
    /// The customer's name
    #[arg(long)]
    pub customer: Option<String>,
    /// The customer's email (masked in output unless --include-contacts)
    #[arg(long)]
    pub email: Option<String>,
    /// The customer's phone number (masked like the email)
    #[arg(long)]
    pub phone: Option<String>,
    /// How the customer complains, from the domain's profiles
    #[arg(long, value_parser = crate::cli::vocab::parser::<Profile>())]
    pub profile: Option<Profile>,
    /// The customer's yearly value, in the ledger currency
    #[arg(long, value_parser = Money::parse_input, value_name = "AMOUNT")]
    pub annual_value: Option<Money>,
    /// The language to write to the customer in: fr or en (letters use it)
    #[arg(long, value_parser = super::letter::parse_language, value_name = "fr|en")]
    pub language: Option<crate::i18n::Lang>,
    /// How the case reached us
    #[arg(long, value_parser = crate::cli::vocab::parser::<Channel>())]
    pub channel: Option<Channel>,
    /// One of policies/categories.toml
    #[arg(long)]
    pub category: Option<String>,
    /// How serious the case is for the customer
    #[arg(long, value_parser = crate::cli::vocab::parser::<Severity>())]
    pub severity: Option<Severity>,
    /// The estimated harm to the customer, e.g. 120.00
    #[arg(long, value_parser = Money::parse_input, value_name = "AMOUNT")]
    pub harm: Option<Money>,
    /// What happened; `-` reads it from standard input
    #[arg(long)]
    pub description: Option<String>,
    /// When the case was received (default: now): 2026-11-22T09:14:00-05:00,
    /// 2026-11-22 09:14 (ledger's zone), today 09:14, yesterday 16:00, 2h ago
    #[arg(long, value_name = "TIME")]
    pub received: Option<String>,
    /// Accept a --received more than a minute after now (refused by default as a likely typo)
    #[arg(long)]
    pub future: bool,
    /// A free tag (repeatable)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// A risk of dissatisfaction (repeatable)
    #[arg(long = "risk", value_parser = crate::cli::vocab::parser::<Risk>(), value_name = "RISK")]
    pub risks: Vec<Risk>,
    /// Write the case in $EDITOR, starting from a template
    #[arg(long)]
    pub edit: bool,
}

pub fn run(ctx: &Session, mut args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    open.note_fixed_clock();
    let received = open.event_time("--received", args.received.as_deref(), args.future)?;
    if args.description.as_deref() == Some("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading the description from standard input")?;
        args.description = Some(text.trim_end().to_string());
    }
    let interactive = std::io::stdin().is_terminal();
    if !args.edit && interactive {
        prompt_missing(&mut args, &open.policies)?;
    }
    let id = id::fresh(received.date_naive(), |id| {
        id::relative_path(id).is_some_and(|rel| open.ledger.abs(&rel).exists())
    });
    let rel = id::relative_path(&id).context("a generated ID is valid")?;
    let mut missing = Vec::new();
    let mut need = |name: &str, present: bool| {
        if !present {
            missing.push(format!("--{name}"));
        }
    };
    need("kind", args.kind.is_some());
    need("title", args.title.is_some());
    need("customer", args.customer.is_some());
    need("channel", args.channel.is_some());
    need("category", args.category.is_some());
    need("severity", args.severity.is_some());
    let case = Case {
        id: id.clone(),
        kind: args.kind.unwrap_or(Kind::Complaint),
        title: args.title.unwrap_or_default(),
        received: Timestamp {
            at: received,
            date_only: false,
        },
        channel: args.channel.unwrap_or(Channel::Email),
        customer: Customer {
            name: args.customer.unwrap_or_default(),
            email: args.email,
            phone: args.phone,
            profile: args.profile,
            annual_value: args.annual_value,
            language: args.language,
        },
        category: args.category.unwrap_or_default(),
        severity: args.severity.unwrap_or(Severity::Medium),
        harm: args.harm,
        risks: args.risks,
        tags: args.tags,
        description: args.description.unwrap_or_default(),
        source: None,
        fields: Default::default(),
        history: Vec::new(),
    };
    let text = if args.edit {
        edit(&yaml::case_to_yaml(&case), &rel, &open)?
    } else {
        if !missing.is_empty() {
            bail!(
                "missing {} (or run `redress new` in a terminal to be asked, or with --edit)",
                missing.join(", ")
            );
        }
        yaml::case_to_yaml(&case)
    };
    open.ledger.write(&rel, None, &text, &open.policies)?;
    crate::cli::render::style::print(&format!("{id}\n"))?;
    Ok(Verdict::Pass)
}

fn prompt_missing(args: &mut Args, policies: &crate::policy::Policies) -> Result<()> {
    fn ask(question: &str) -> Result<String> {
        let mut err = std::io::stderr().lock();
        write!(err, "{question}: ")?;
        err.flush()?;
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim().to_string())
    }
    fn ask_parsed<T: std::str::FromStr<Err = String>>(question: &str) -> Result<T> {
        loop {
            match ask(question)?.parse() {
                Ok(v) => return Ok(v),
                Err(e) => eprintln!("  {e}"),
            }
        }
    }
    if args.kind.is_none() {
        args.kind = Some(ask_parsed("Kind (complaint, claim)")?);
    }
    if args.title.is_none() {
        args.title = Some(ask("Title")?);
    }
    if args.customer.is_none() {
        args.customer = Some(ask("Customer's name")?);
    }
    if args.channel.is_none() {
        args.channel = Some(ask_parsed(&format!(
            "Channel ({})",
            Channel::NAMES.join(", ")
        ))?);
    }
    if args.category.is_none() {
        let names = policies
            .categories
            .as_ref()
            .map(|c| c.keys().cloned().collect::<Vec<_>>().join(", "));
        args.category = Some(ask(&format!(
            "Category{}",
            names.map(|n| format!(" ({n})")).unwrap_or_default()
        ))?);
    }
    if args.severity.is_none() {
        args.severity = Some(ask_parsed("Severity (low, medium, high, critical)")?);
    }
    if args.description.is_none() {
        let d = ask("Description (one line; --edit for more)")?;
        if !d.is_empty() {
            args.description = Some(d);
        }
    }
    Ok(())
}

/// Opens $VISUAL/$EDITOR on the draft until it is valid or the user gives up.
fn edit(template: &str, rel: &str, open: &crate::cli::session::Open) -> Result<String> {
    let mut draft = tempfile::Builder::new()
        .prefix("redress-new-")
        .suffix(".yaml")
        .tempfile()
        .context("creating a draft file")?;
    // A signal (Ctrl-C in the editor) removes the draft like any temporary file.
    let on_signal = crate::files::RemoveOnSignal::new(draft.path());
    draft.write_all(template.as_bytes())?;
    draft.flush()?;
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".into());
    let mut parts = editor.split_whitespace();
    let program = parts.next().context("$EDITOR is empty")?;
    let status = crate::files::while_editor_runs(|| {
        std::process::Command::new(program)
            .args(parts)
            .arg(draft.path())
            .status()
    })
    .with_context(|| format!("starting the editor `{editor}`"))?;
    if !status.success() {
        bail!("the editor `{editor}` exited with {status}; no case was recorded");
    }
    let text = std::fs::read_to_string(draft.path()).context("reading the draft back")?;
    if let Err(problems) = ledger::parse_and_validate(&text, rel, &open.policies) {
        drop(on_signal);
        let kept = draft.into_temp_path().keep().context("keeping the draft")?;
        bail!(
            "the case is not valid; nothing was recorded. Your draft is kept at {}\n{}",
            kept.display(),
            crate::diag::Diagnostics(problems)
        );
    }
    Ok(text)
}
