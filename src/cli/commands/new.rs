//! `redress new`: record a case from flags (scripts), prompts or $EDITOR (people).

mod ask;
mod template;

use crate::case::money::Money;
use crate::case::time::Timestamp;
use crate::case::vocab::{Channel, Justice, Kind, Profile, Risk, Severity};
use crate::case::{Case, Customer};
use crate::case::{contact, id, yaml};
use crate::cli::exit::Verdict;
use crate::cli::session::Session;
use crate::ledger;
use anyhow::{Context, Result, bail};
use std::io::{IsTerminal, Read, Write};

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
    #[arg(long, value_parser = contact::email)]
    pub email: Option<String>,
    /// The customer's phone number (masked like the email)
    #[arg(long, value_parser = contact::phone)]
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
    /// A remedy the customer asks for, from policies/compensation.toml (repeatable)
    #[arg(long = "wants", value_name = "REMEDY")]
    pub wants: Vec<String>,
    /// The justice dimension the customer judged deficient
    #[arg(long, value_parser = crate::cli::vocab::parser::<Justice>())]
    pub justice: Option<Justice>,
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
    /// Assign the case to a team member at once (an `assigned` event,
    /// recorded by REDRESS_USER, then USER)
    #[arg(long, value_name = "MEMBER")]
    pub assign: Option<String>,
    /// Write the case in $EDITOR, starting from a template
    #[arg(long, conflicts_with = "interactive")]
    pub edit: bool,
    /// Ask for every value not given as a flag, even when the required ones
    /// are there (needs a terminal). Without it, `new` asks only when a
    /// required flag is missing and standard input and error are terminals.
    #[arg(short = 'i', long)]
    pub interactive: bool,
}

pub fn run(ctx: &Session, mut args: Args) -> Result<Verdict> {
    let open = ctx.open()?;
    open.note_fixed_clock();
    if args.description.as_deref() == Some("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading the description from standard input")?;
        args.description = Some(text.trim_end().to_string());
    }
    check_flags(&args, &open.policies)?;
    if !should_ask(&args)? {
        return record(&open, args);
    }
    ask::missing(&mut args, &mut crate::cli::prompt::Terminal, &open)?;
    // Pinned, so the kept command below means the same time when run later.
    let at = open.event_time("--received", args.received.as_deref(), args.future)?;
    args.received = Some(
        Timestamp {
            at,
            date_only: false,
        }
        .to_string(),
    );
    let draft = ask::command_line(&args);
    record(&open, args).map_err(|e| {
        e.context(format!(
            "nothing was recorded; your answers are kept in this command, to run again once fixed:\n  {draft}"
        ))
    })
}

/// The flags checked against the ledger's policies before anything is
/// asked or written, by the rules `check` applies to the file.
fn check_flags(args: &Args, p: &crate::policy::Policies) -> Result<()> {
    use crate::policy::validate::{known_member, known_remedy};
    for w in &args.wants {
        known_remedy(p, w)
            .map_err(|e| flag_refusal(&format!("--wants {w}"), &e, "diag-remedy-help"))?;
    }
    if let Some(m) = &args.assign {
        known_member(p, m)
            .map_err(|e| flag_refusal(&format!("--assign {m}"), &e, "new-assign-help"))?;
    }
    Ok(())
}

/// A flag's value refused by a rule of the policies, with what to do.
fn flag_refusal(flag: &str, problem: &crate::i18n::Msg, help: &'static str) -> anyhow::Error {
    let line = crate::i18n::tr_args(
        "flag-problem",
        &[
            ("flag", flag.into()),
            ("problem", problem.to_string().into()),
        ],
    );
    anyhow::anyhow!("{line}\n  = help: {}", crate::i18n::Msg::new(help))
}

/// Prompts when asked to (`-i`), or when a required flag is missing and
/// both standard input and standard error (where questions go) are terminals.
fn should_ask(args: &Args) -> Result<bool> {
    let tty = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if args.interactive && !tty {
        bail!(
            "--interactive needs a terminal on standard input and standard error; give the values as flags instead"
        );
    }
    Ok(!args.edit && tty && (args.interactive || !missing(args).is_empty()))
}

/// The required flags not given.
fn missing(args: &Args) -> Vec<String> {
    [
        ("kind", args.kind.is_some()),
        ("title", args.title.is_some()),
        ("customer", args.customer.is_some()),
        ("channel", args.channel.is_some()),
        ("category", args.category.is_some()),
        ("severity", args.severity.is_some()),
    ]
    .iter()
    .filter(|(_, present)| !present)
    .map(|(name, _)| format!("--{name}"))
    .collect()
}

/// Writes the case the arguments describe (through $EDITOR with --edit).
fn record(open: &crate::cli::session::Open, args: Args) -> Result<Verdict> {
    let received = open.event_time("--received", args.received.as_deref(), args.future)?;
    let id = id::fresh(received.date_naive(), |id| {
        id::relative_path(id).is_some_and(|rel| open.ledger.abs(&rel).exists())
    });
    let rel = id::relative_path(&id).context("a generated ID is valid")?;
    let missing = missing(&args);
    let edit = args.edit;
    let assign = assignment(open, &args, received)?;
    let mut case = case_of(args, id.clone(), received);
    case.history.extend(assign);
    let text = if edit {
        let start = template::render(&case, &open.policies);
        self::edit(&start, &rel, open)?
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

/// `--assign`: an `assigned` event, now (or at receipt, if that is later),
/// by the user running the command.
fn assignment(
    open: &crate::cli::session::Open,
    args: &Args,
    received: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Option<crate::case::Event>> {
    let Some(to) = &args.assign else {
        return Ok(None);
    };
    let by = crate::cli::session::default_member()?;
    let at = Timestamp {
        at: open.now.max(received),
        date_only: false,
    };
    let mut e = crate::case::Event::new(crate::case::vocab::EventKind::Assigned, at, by);
    e.to = Some(to.clone());
    Ok(Some(e))
}

/// The case the arguments describe; missing required values get
/// placeholders (only --edit's template shows them).
fn case_of(args: Args, id: String, received: chrono::DateTime<chrono::FixedOffset>) -> Case {
    Case {
        id,
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
        wants: args.wants,
        justice: args.justice,
        risks: args.risks,
        tags: args.tags,
        description: args.description.unwrap_or_default(),
        source: None,
        fields: Default::default(),
        history: Vec::new(),
    }
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
    if let Some(failed) = crate::cli::commands::edit::run_editor(draft.path())? {
        bail!("{failed}; no case was recorded");
    }
    let text = std::fs::read_to_string(draft.path()).context("reading the draft back")?;
    if text == template {
        bail!("the template was left unchanged; nothing was recorded");
    }
    if let Err(problems) = ledger::parse_and_validate(&text, rel, &open.policies) {
        drop(on_signal);
        let kept = draft.into_temp_path().keep().context("keeping the draft")?;
        bail!(
            "the case is not valid; nothing was recorded. Your draft is kept at {}\n{}",
            kept.display(),
            crate::diag::Diagnostics(problems)
        );
    }
    Ok(template::strip_notes(&text, template))
}
