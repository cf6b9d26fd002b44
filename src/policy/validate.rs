//! Checks of a case against the ledger's policies: declared categories, team
//! members, remedies and escalation targets.

use crate::case::history::Problem;
use crate::case::vocab::EventKind;
use crate::case::{Case, Locus};
use crate::diag::DiagCode;
use crate::i18n::Msg;
use crate::policy::Policies;
use crate::suggest;

pub fn case_problems(case: &Case, p: &Policies) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Err(message) = known_category(p, &case.category) {
        out.push(Problem {
            code: DiagCode::UnknownCategory,
            locus: Locus::Key("category"),
            message,
            help: Some(Msg::new("diag-category-help")),
        });
    }
    out.extend(wants_problems(case, p));
    let member_help = || Some(Msg::new("diag-member-help"));
    for (i, e) in case.history.iter().enumerate() {
        if let Err(message) = known_member(p, &e.by) {
            out.push(Problem {
                code: DiagCode::UnknownMember,
                locus: Locus::EventKey(i, "by"),
                message,
                help: member_help(),
            });
        }
        match e.event {
            EventKind::Assigned => {
                if let Some(Err(message)) = e.to.as_deref().map(|to| known_member(p, to)) {
                    out.push(Problem {
                        code: DiagCode::UnknownMember,
                        locus: Locus::EventKey(i, "to"),
                        message,
                        help: member_help(),
                    });
                }
            }
            EventKind::Escalated => {
                if let Some(to) = &e.to
                    && !p.levels.contains(to)
                    && !p.departments.contains(to)
                {
                    let names: Vec<&str> = p
                        .levels
                        .iter()
                        .chain(&p.departments)
                        .map(String::as_str)
                        .collect();
                    out.push(Problem {
                        code: DiagCode::InvalidValue,
                        locus: Locus::EventKey(i, "to"),
                        message: suggest::unknown_value_msg("escalation target", to, &names),
                        help: Some(Msg::new("diag-escalation-help")),
                    });
                }
            }
            EventKind::Compensated => {
                if let Some(r) = &e.remedy
                    && !p.remedies.contains(r)
                {
                    let names: Vec<&str> = p.remedies.iter().map(String::as_str).collect();
                    out.push(Problem {
                        code: DiagCode::InvalidValue,
                        locus: Locus::EventKey(i, "remedy"),
                        message: suggest::unknown_value_msg("remedy", r, &names),
                        help: Some(Msg::new("diag-remedy-help")),
                    });
                }
            }
            EventKind::Extended => out.extend(extension_target(i, e)),
            _ => {}
        }
    }
    out
}

/// Each remedy the customer wants must be one the ledger offers.
/// The rule for `category`, shared by `check` and `new`'s flags and prompts:
/// one of policies/categories.toml (any name when the file is absent).
pub fn known_category(p: &Policies, name: &str) -> Result<(), Msg> {
    match &p.categories {
        Some(cats) if !cats.contains_key(name) => {
            let names: Vec<&str> = cats.keys().map(String::as_str).collect();
            Err(suggest::unknown_value_msg("category", name, &names))
        }
        _ => Ok(()),
    }
}

/// The rule for a team member (`by`, `assigned` `to`, `new --assign`): one
/// of `[team]` in policies/escalation.toml.
pub fn known_member(p: &Policies, name: &str) -> Result<(), Msg> {
    if p.team.contains_key(name) {
        return Ok(());
    }
    let members: Vec<&str> = p.team.keys().map(String::as_str).collect();
    Err(suggest::unknown_value_msg("team member", name, &members))
}

/// The rule for a remedy the customer wants (`wants`), shared by `check` and
/// `new`: one of policies/compensation.toml's `remedies` (any name when the
/// ledger declares none).
pub fn known_remedy(p: &Policies, name: &str) -> Result<(), Msg> {
    if p.remedies.is_empty() || p.remedies.iter().any(|r| r == name) {
        return Ok(());
    }
    let names: Vec<&str> = p.remedies.iter().map(String::as_str).collect();
    Err(suggest::unknown_value_msg("remedy", name, &names))
}

fn wants_problems(case: &Case, p: &Policies) -> Vec<Problem> {
    case.wants
        .iter()
        .filter_map(|w| known_remedy(p, w).err())
        .map(|message| Problem {
            code: DiagCode::InvalidValue,
            locus: Locus::Key("wants"),
            message,
            help: Some(Msg::new("diag-wants-help")),
        })
        .collect()
}

/// An extension's `to` must be a duration.
fn extension_target(i: usize, e: &crate::case::Event) -> Option<Problem> {
    let to = e.to.as_deref()?;
    let msg = crate::policy::calendar::Target::read(to.trim()).err()?;
    Some(Problem {
        code: DiagCode::InvalidValue,
        locus: Locus::EventKey(i, "to"),
        message: Msg::new("diag-key-problem")
            .arg("key", "to")
            .arg("problem", msg),
        help: Some(Msg::new("diag-extension-to-help")),
    })
}
