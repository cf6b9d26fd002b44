//! `redress letter ID --template T`: a letter to the customer, from the
//! ledger's templates in `policies/letters/<lang>/<template>.txt`
//! (minijinja), in the customer's language. `--record` appends the
//! matching event through the lifecycle verbs' own path.

use super::event::append::{Common, append};
use crate::case::vocab::{EventKind, Kind, Outcome, Vocabulary};
use crate::case::{Case, Event};
use crate::cli::exit::Verdict;
use crate::cli::render::fmt;
use crate::cli::session::{Open, Session};
use crate::i18n::{self, Lang};
use crate::policy::ClockKind;
use anyhow::{Context, Result, bail};
use serde::Serialize;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub common: Common,
    /// Which letter: acknowledgement (receipt, with the promised date),
    /// holding (the date cannot be met), decision (outcome and remedies),
    /// follow-up (was the customer satisfied?)
    #[arg(long, value_enum, value_name = "LETTER")]
    pub template: Template,
    /// Write the letter to FILE instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also record the sending: acknowledged, updated (holding), resolved
    /// (decision, needs --outcome) or followed-up (needs --satisfied)
    #[arg(long)]
    pub record: bool,
    /// The decision's outcome (default: the case's resolution):
    /// founded, partly-founded, unfounded, bad-faith (or fondée…)
    #[arg(long, value_parser = crate::cli::vocab::parser::<Outcome>())]
    pub outcome: Option<Outcome>,
    /// The decision in a few words, written into the letter and the event
    #[arg(long)]
    pub summary: Option<String>,
    /// With --record on a follow-up: was the customer satisfied? yes or no (oui, non)
    #[arg(long, value_parser = crate::case::vocab::yes_no, value_name = "yes|no")]
    pub satisfied: Option<bool>,
    /// A paragraph added to a holding letter, and the recorded event's note
    #[arg(long)]
    pub note: Option<String>,
}

/// The four letters of complaint handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Template {
    Acknowledgement,
    Holding,
    Decision,
    FollowUp,
}

impl Template {
    pub const ALL: [Template; 4] = [
        Template::Acknowledgement,
        Template::Holding,
        Template::Decision,
        Template::FollowUp,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Template::Acknowledgement => "acknowledgement",
            Template::Holding => "holding",
            Template::Decision => "decision",
            Template::FollowUp => "follow-up",
        }
    }

    /// The event that records the letter's sending.
    fn event(self) -> EventKind {
        match self {
            Template::Acknowledgement => EventKind::Acknowledged,
            Template::Holding => EventKind::Updated,
            Template::Decision => EventKind::Resolved,
            Template::FollowUp => EventKind::FollowedUp,
        }
    }
}

/// The default letters, written by `redress init` into `policies/letters/`.
pub const DEFAULTS: &[(&str, &str)] = &[
    (
        "fr/acknowledgement.txt",
        include_str!("../../templates/letters/fr/acknowledgement.txt"),
    ),
    (
        "fr/holding.txt",
        include_str!("../../templates/letters/fr/holding.txt"),
    ),
    (
        "fr/decision.txt",
        include_str!("../../templates/letters/fr/decision.txt"),
    ),
    (
        "fr/follow-up.txt",
        include_str!("../../templates/letters/fr/follow-up.txt"),
    ),
    (
        "en/acknowledgement.txt",
        include_str!("../../templates/letters/en/acknowledgement.txt"),
    ),
    (
        "en/holding.txt",
        include_str!("../../templates/letters/en/holding.txt"),
    ),
    (
        "en/decision.txt",
        include_str!("../../templates/letters/en/decision.txt"),
    ),
    (
        "en/follow-up.txt",
        include_str!("../../templates/letters/en/follow-up.txt"),
    ),
];

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let open = session.open()?;
    let (_, loaded) = open.case(&args.common.id)?;
    let case = loaded.case;
    let outcome = decision_outcome(&args, &case)?;
    refuse_missing_record_flags(&args)?;
    // The global --lang, when typed, names the letter's language too;
    // otherwise the customer's `language`, else the interface's.
    let lang = crate::cli::lang::from_flag()
        .or(case.customer.language)
        .unwrap_or_else(i18n::current);
    let (path, source) = template_source(&open, lang, args.template)?;
    let letter = i18n::with_lang(lang, || {
        let context = context(&open, &case, &args, outcome);
        render(&path, &source, &context)
    })?;
    if args.record {
        record(session, &args, lang, outcome)?;
    }
    match &args.output {
        Some(path) => crate::files::write_output(path, letter.as_bytes())?,
        None => crate::cli::render::style::print(&letter)?,
    }
    Ok(Verdict::Pass)
}

/// A decision letter states an outcome: `--outcome`, else the case's
/// latest resolution.
fn decision_outcome(args: &Args, case: &Case) -> Result<Option<Outcome>> {
    let resolved = case
        .history
        .iter()
        .rev()
        .find(|e| e.event == EventKind::Resolved)
        .and_then(|e| e.outcome);
    let outcome = args.outcome.or(if args.record { None } else { resolved });
    if args.template == Template::Decision && outcome.is_none() {
        let record = if args.record { "yes" } else { "no" };
        bail!(
            "{}",
            i18n::tr_args("letter-needs-outcome", &[("record", record.into())])
        );
    }
    Ok(outcome)
}

/// `--record` on a follow-up needs the customer's answer: checked before
/// anything is written.
fn refuse_missing_record_flags(args: &Args) -> Result<()> {
    if args.record && args.template == Template::FollowUp && args.satisfied.is_none() {
        bail!("{}", i18n::tr("letter-needs-satisfied"));
    }
    Ok(())
}

/// The template's path and text; a missing one says how to get it.
fn template_source(open: &Open, lang: Lang, template: Template) -> Result<(String, String)> {
    let rel = format!("policies/letters/{}/{}.txt", lang.code(), template.name());
    let path = open.ledger.abs(&rel);
    if !path.exists() {
        bail!(
            "{}\n  = help: {}",
            i18n::tr_args("letter-no-template", &[("path", rel.clone().into())]),
            i18n::tr("letter-no-template-help")
        );
    }
    let text = crate::files::read_text(&path).with_context(|| format!("reading {rel}"))?;
    Ok((rel, text))
}

fn render(path: &str, source: &str, context: &LetterContext) -> Result<String> {
    let mut env = minijinja::Environment::new();
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    env.set_syntax(syntax);
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template(path, source)
        .and_then(|()| env.get_template(path)?.render(minijinja::value::Serde(context)))
        .map(|mut text| {
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text
        })
        .map_err(|e| anyhow::anyhow!("{path}: {e:#}\n  = help: fix the template (https://docs.rs/minijinja: {{{{ name }}}}, {{% if %}}, {{% for %}})"))
}

/// What a template can name.
#[derive(Debug, Serialize)]
struct LetterContext {
    case_id: String,
    title: String,
    kind: String,
    received: String,
    today: String,
    customer: String,
    customer_email: Option<String>,
    customer_phone: Option<String>,
    acknowledge_by: Option<String>,
    resolve_by: Option<String>,
    next_update_by: Option<String>,
    outcome: Option<String>,
    outcome_code: Option<&'static str>,
    summary: Option<String>,
    remedies: Vec<Remedy>,
    total: Option<String>,
    agent: String,
    assignee: Option<String>,
    note: Option<String>,
    lang: &'static str,
}

#[derive(Debug, Serialize)]
struct Remedy {
    remedy: String,
    amount: Option<String>,
}

fn context(open: &Open, case: &Case, args: &Args, outcome: Option<Outcome>) -> LetterContext {
    let lang = i18n::current();
    let tz = open.tz;
    let date = |d: chrono::DateTime<chrono::Utc>| fmt::long_date(d.with_timezone(&tz).date_naive());
    let clocks = crate::clock::clocks(case, &open.policies, open.now.to_utc());
    let due = |kind: ClockKind| {
        clocks
            .iter()
            .rev()
            .find(|c| c.clock == kind)
            .and_then(|c| c.due)
            .map(date)
    };
    let remedies = cycle_remedies(case, &open.policies.currency);
    let total = (!remedies.1.is_zero()).then(|| fmt::amount(remedies.1, &open.policies.currency));
    let assignee = case
        .history
        .iter()
        .rev()
        .find(|e| e.event == EventKind::Assigned)
        .and_then(|e| e.to.clone());
    let agent = args
        .common
        .by
        .clone()
        .or_else(|| crate::cli::session::default_member().ok())
        .or_else(|| assignee.clone())
        .unwrap_or_default();
    LetterContext {
        case_id: case.id.clone(),
        title: case.title.clone(),
        kind: word::<Kind>(lang, case.kind.as_str()),
        received: date(case.received.utc()),
        today: fmt::long_date(open.now.date_naive()),
        customer: case.customer.name.clone(),
        customer_email: case.customer.email.clone(),
        customer_phone: case.customer.phone.clone(),
        acknowledge_by: due(ClockKind::Acknowledge),
        resolve_by: due(ClockKind::Resolve),
        next_update_by: due(ClockKind::UpdateEvery),
        outcome: outcome.map(|o| word::<Outcome>(lang, o.as_str())),
        outcome_code: outcome.map(Outcome::as_str),
        summary: args.summary.clone().or_else(|| resolved_summary(case)),
        remedies: remedies.0,
        total,
        agent,
        assignee,
        note: args.note.clone(),
        lang: lang.code(),
    }
}

/// A vocabulary value as a reader of `lang` says it: `partly-founded`,
/// `partiellement fondée`.
fn word<T: Vocabulary>(lang: Lang, name: &str) -> String {
    let w = match lang {
        Lang::Fr => T::french(name).unwrap_or(name),
        Lang::En => name,
    };
    w.replace('-', " ")
}

/// The compensation granted since the last reopening, and its total.
fn cycle_remedies(case: &Case, currency: &str) -> (Vec<Remedy>, rust_decimal::Decimal) {
    let start = case
        .history
        .iter()
        .rposition(|e| e.event == EventKind::Reopened)
        .map_or(0, |i| i + 1);
    let granted: Vec<&Event> = case
        .history
        .iter()
        .skip(start)
        .filter(|e| e.event == EventKind::Compensated)
        .collect();
    let remedies = granted
        .iter()
        .map(|e| {
            let remedy = e.remedy.clone().unwrap_or_default();
            Remedy {
                remedy: match i18n::current() {
                    Lang::Fr => crate::case::vocab::remedy_in_french(&remedy).to_string(),
                    Lang::En => remedy,
                },
                amount: e.amount.map(|a| fmt::amount(a.0, currency)),
            }
        })
        .collect();
    let total = crate::case::money::sum(granted.iter().filter_map(|e| e.amount.map(|a| a.0)));
    (remedies, total)
}

fn resolved_summary(case: &Case) -> Option<String> {
    case.history
        .iter()
        .rev()
        .find(|e| e.event == EventKind::Resolved)
        .and_then(|e| e.summary.clone())
}

/// Appends the letter's event, as the matching verb would.
fn record(session: &Session, args: &Args, lang: Lang, outcome: Option<Outcome>) -> Result<()> {
    let sent = format!("Letter sent: {} ({})", args.template.name(), lang.code());
    let note = match &args.note {
        Some(n) => format!("{sent}. {n}"),
        None => sent,
    };
    let (summary, satisfied) = (args.summary.clone(), args.satisfied);
    append(session, &args.common, args.template.event(), move |e| {
        e.note = Some(note);
        if e.event == EventKind::Resolved {
            e.outcome = outcome;
            e.summary = summary;
        }
        if e.event == EventKind::FollowedUp {
            e.satisfied = satisfied;
        }
    })?;
    Ok(())
}

/// `fr` or `en` (also `français`, `fr-CA`, `English`…).
pub fn parse_language(text: &str) -> Result<Lang, String> {
    Lang::from_tag(text).ok_or_else(|| {
        i18n::tr_args(
            "letter-unknown-language",
            &[("text", text.to_string().into())],
        )
    })
}
