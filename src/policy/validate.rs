//! Checks of a case against the ledger's policies: declared categories, team
//! members, remedies and escalation targets.

use crate::case::history::Problem;
use crate::case::vocab::EventKind;
use crate::case::{Case, Locus};
use crate::diag::DiagCode;
use crate::policy::Policies;
use crate::suggest;

pub fn case_problems(case: &Case, p: &Policies) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Some(cats) = &p.categories
        && !cats.contains_key(&case.category)
    {
        let names: Vec<&str> = cats.keys().map(String::as_str).collect();
        out.push(Problem {
            code: DiagCode::UnknownCategory,
            locus: Locus::Key("category"),
            message: suggest::unknown_value("category", &case.category, &names),
            help: Some("declare it in policies/categories.toml, or use a declared one".into()),
        });
    }
    let members: Vec<&str> = p.team.keys().map(String::as_str).collect();
    let member_help = || Some("add the member to [team] in policies/escalation.toml".to_string());
    for (i, e) in case.history.iter().enumerate() {
        if !p.team.contains_key(&e.by) {
            out.push(Problem {
                code: DiagCode::UnknownMember,
                locus: Locus::EventKey(i, "by"),
                message: suggest::unknown_value("team member", &e.by, &members),
                help: member_help(),
            });
        }
        match e.event {
            EventKind::Assigned => {
                if let Some(to) = &e.to
                    && !p.team.contains_key(to)
                {
                    out.push(Problem {
                        code: DiagCode::UnknownMember,
                        locus: Locus::EventKey(i, "to"),
                        message: suggest::unknown_value("team member", to, &members),
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
                        message: suggest::unknown_value("escalation target", to, &names),
                        help: Some(
                            "escalate to a level or a department of policies/escalation.toml"
                                .into(),
                        ),
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
                        message: suggest::unknown_value("remedy", r, &names),
                        help: Some("remedies are listed in policies/compensation.toml".into()),
                    });
                }
            }
            EventKind::Extended => out.extend(extension_target(i, e)),
            _ => {}
        }
    }
    out
}

/// An extension's `to` must be a duration.
fn extension_target(i: usize, e: &crate::case::Event) -> Option<Problem> {
    let to = e.to.as_deref()?;
    let msg = crate::policy::calendar::Target::parse(to.trim()).err()?;
    Some(Problem {
        code: DiagCode::InvalidValue,
        locus: Locus::EventKey(i, "to"),
        message: format!("`to`: {msg}"),
        help: Some(
            "an extension's `to` is the new resolve target, counted from receipt like the policy's (e.g. 90d)"
                .into(),
        ),
    })
}
