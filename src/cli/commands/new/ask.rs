//! `redress new`'s questions: one per value not given as a flag, each
//! answer checked as it is typed by the rule the flag path uses (the
//! vocabularies' parsers, `Money::parse`, the time reader behind
//! `--received`, the category and remedy rules of `check`).

use super::Args;
use crate::case::contact;
use crate::case::money::Money;
use crate::case::vocab::{Channel, Justice, Kind, Severity, Vocabulary};
use crate::cli::prompt::{Asker, Check, Question, items};
use crate::i18n::{tr, tr_args};
use anyhow::Result;

/// The ledger-specific rules the questions need.
pub struct Rules<'a> {
    pub categories: Vec<String>,
    pub remedies: Vec<String>,
    pub members: Vec<String>,
    pub category: Check<'a>,
    pub remedy: Check<'a>,
    /// A member the case may be assigned to (by the user running `new`).
    pub member: Check<'a>,
    /// `--received`'s reader; the empty answer means now.
    pub received: Check<'a>,
}

/// Asks for every value `args` lacks, with the open ledger's rules.
pub fn missing(
    args: &mut Args,
    asker: &mut dyn Asker,
    open: &crate::cli::session::Open,
) -> Result<()> {
    let p = &open.policies;
    let category =
        |s: &str| crate::policy::validate::known_category(p, s).map_err(|m| m.to_string());
    let remedy = |s: &str| crate::policy::validate::known_remedy(p, s).map_err(|m| m.to_string());
    let member = |s: &str| {
        crate::policy::validate::known_member(p, s).map_err(|m| m.to_string())?;
        let by = crate::cli::session::default_member().map_err(|e| e.to_string())?;
        crate::policy::validate::known_member(p, &by)
            .map_err(|_| tr_args("prompt-not-member", &[("by", by.to_string().into())]))
    };
    let future = args.future;
    let received = |s: &str| match s {
        "" => Ok(()),
        s => open
            .event_time("--received", Some(s), future)
            .map(|_| ())
            .map_err(|e| e.root_cause().to_string()),
    };
    let rules = Rules {
        categories: p
            .categories
            .as_ref()
            .map(|c| c.keys().cloned().collect())
            .unwrap_or_default(),
        remedies: p.remedies.clone(),
        members: p.team.keys().cloned().collect(),
        category: &category,
        remedy: &remedy,
        member: &member,
        received: &received,
    };
    ask_all(args, asker, &rules)
}

/// The questions, in the order of the case file.
pub fn ask_all(args: &mut Args, asker: &mut dyn Asker, rules: &Rules) -> Result<()> {
    ask_customer(args, asker)?;
    ask_case(args, asker, rules)?;
    ask_remedy(args, asker, rules)?;
    if args.received.is_none() {
        let help = tr("prompt-received-help");
        let t = ask(
            asker,
            &tr("prompt-received"),
            Some(&help),
            &[],
            false,
            rules.received,
        )?;
        args.received = Some(t).filter(|t| !t.is_empty());
    }
    if args.description.is_none() {
        let help = tr("prompt-description-help");
        let d = ask(
            asker,
            &tr("prompt-description"),
            Some(&help),
            &[],
            false,
            &|_| Ok(()),
        )?;
        args.description = Some(d).filter(|d| !d.is_empty());
    }
    Ok(())
}

fn ask_customer(args: &mut Args, asker: &mut dyn Asker) -> Result<()> {
    if args.kind.is_none() {
        args.kind = vocab::<Kind>(asker, &tr("prompt-kind"), false)?;
    }
    if args.title.is_none() {
        args.title = Some(required(
            asker,
            &tr("prompt-title"),
            &tr("prompt-title-help"),
        )?);
    }
    if args.customer.is_none() {
        args.customer = Some(required(
            asker,
            &tr("prompt-customer"),
            &tr("prompt-customer-help"),
        )?);
    }
    if args.email.is_none() {
        args.email = optional(asker, &tr("prompt-email"), contact::email)?;
    }
    if args.phone.is_none() {
        args.phone = optional(asker, &tr("prompt-phone"), contact::phone)?;
    }
    Ok(())
}

fn ask_case(args: &mut Args, asker: &mut dyn Asker, rules: &Rules) -> Result<()> {
    if args.channel.is_none() {
        args.channel = vocab::<Channel>(asker, &tr("prompt-channel"), false)?;
    }
    if args.category.is_none() {
        let check = |s: &str| match s {
            "" => Err(tr("prompt-category-needed")),
            s => (rules.category)(s),
        };
        let help = tr("prompt-category-help");
        let c = ask(
            asker,
            &tr("prompt-category"),
            Some(&help),
            &rules.categories,
            false,
            &check,
        )?;
        args.category = Some(c);
    }
    if args.severity.is_none() {
        args.severity = vocab::<Severity>(asker, &tr("prompt-severity"), false)?;
    }
    if args.kind == Some(Kind::Claim) && args.harm.is_none() {
        args.harm = optional(asker, &tr("prompt-harm"), Money::parse)?;
    }
    Ok(())
}

fn ask_remedy(args: &mut Args, asker: &mut dyn Asker, rules: &Rules) -> Result<()> {
    if args.wants.is_empty() {
        let check = |s: &str| items(s).iter().try_for_each(|w| (rules.remedy)(w));
        let help = tr("prompt-wants-help");
        let w = ask(
            asker,
            &tr("prompt-wants"),
            Some(&help),
            &rules.remedies,
            true,
            &check,
        )?;
        args.wants = items(&w);
    }
    if args.justice.is_none() {
        args.justice = vocab::<Justice>(asker, &tr("prompt-justice"), true)?;
    }
    if args.assign.is_none() {
        let check = |s: &str| match s {
            "" => Ok(()),
            s => (rules.member)(s),
        };
        let help = tr("prompt-assign-help");
        let m = ask(
            asker,
            &tr("prompt-assign"),
            Some(&help),
            &rules.members,
            false,
            &check,
        )?;
        args.assign = Some(m).filter(|m| !m.is_empty());
    }
    Ok(())
}

fn ask(
    asker: &mut dyn Asker,
    label: &str,
    help: Option<&str>,
    choices: &[String],
    list: bool,
    check: Check,
) -> Result<String> {
    asker.ask(&Question {
        label,
        help: help.map(str::to_string),
        choices,
        list,
        check,
    })
}

/// A text that may not be blank.
fn required(asker: &mut dyn Asker, label: &str, help: &str) -> Result<String> {
    let check = |s: &str| match s {
        "" => Err(tr_args(
            "prompt-empty",
            &[("label", label.to_string().into())],
        )),
        _ => Ok(()),
    };
    ask(asker, label, Some(help), &[], false, &check)
}

/// A value read by `parse`, or none for an empty answer.
fn optional<T>(
    asker: &mut dyn Asker,
    label: &str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<Option<T>> {
    let check = |s: &str| match s {
        "" => Ok(()),
        s => parse(s).map(|_| ()),
    };
    let answer = ask(asker, label, Some(&tr("prompt-skip")), &[], false, &check)?;
    match answer.as_str() {
        "" => Ok(None),
        s => parse(s).map(Some).map_err(anyhow::Error::msg),
    }
}

/// One of a vocabulary's names (none for an empty answer when `optional`).
fn vocab<T: Vocabulary>(asker: &mut dyn Asker, label: &str, optional: bool) -> Result<Option<T>> {
    let names: Vec<String> = T::NAMES.iter().map(|s| s.to_string()).collect();
    let check = |s: &str| match s {
        "" if optional => Ok(()),
        s => s.parse::<T>().map(|_| ()),
    };
    let help = format!(
        "{}{}",
        T::NAMES.join(", "),
        if optional {
            tr("prompt-skip-suffix")
        } else {
            String::new()
        }
    );
    let answer = ask(asker, label, Some(&help), &names, false, &check)?;
    match answer.as_str() {
        "" => Ok(None),
        s => s.parse::<T>().map(Some).map_err(anyhow::Error::msg),
    }
}

/// The `redress new …` command that records the same case: printed when
/// recording fails after the questions, so no answer is lost.
pub fn command_line(a: &Args) -> String {
    let mut out = vec!["redress".to_string(), "new".to_string()];
    let mut flag = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            out.push(format!("--{name}"));
            out.push(shell_quote(&v));
        }
    };
    flag("kind", a.kind.map(|k| k.to_string()));
    flag("title", a.title.clone());
    flag("customer", a.customer.clone());
    flag("email", a.email.clone());
    flag("phone", a.phone.clone());
    flag("profile", a.profile.map(|p| p.to_string()));
    flag("annual-value", a.annual_value.map(|m| m.to_string()));
    flag("channel", a.channel.map(|c| c.to_string()));
    flag("category", a.category.clone());
    flag("severity", a.severity.map(|s| s.to_string()));
    flag("harm", a.harm.map(|m| m.to_string()));
    for w in &a.wants {
        flag("wants", Some(w.clone()));
    }
    flag("justice", a.justice.map(|j| j.to_string()));
    flag("received", a.received.clone());
    flag("assign", a.assign.clone());
    for t in &a.tags {
        flag("tag", Some(t.clone()));
    }
    for r in &a.risks {
        flag("risk", Some(r.to_string()));
    }
    flag("description", a.description.clone());
    if a.future {
        out.push("--future".into());
    }
    out.join(" ")
}

/// `s` as one shell word: as it is when it is safe, else single-quoted.
fn shell_quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "@%+=:,./-_".contains(c));
    if safe {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests;
