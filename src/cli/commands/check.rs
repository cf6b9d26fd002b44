//! `redress check`: validate every case and policy file, reporting every problem.

use crate::cli::exit::Verdict;
use crate::cli::render::style::{RED, paint};
use crate::cli::session::Session;
use crate::diag::Diagnostic;
use crate::i18n::tr_args;
use anyhow::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let ledger = session.ledger()?;
    let mut action_files = 0;
    let (problems, files, cases, policy_ok) = match crate::policy::load(&ledger.root) {
        Ok(policies) => {
            // Of a valid case only its events after now are kept, to warn.
            let now = session.now_in(policies.tz())?.with_timezone(&chrono::Utc);
            let scan = ledger.scan_map(&policies, |l| future_events(&l, now));
            warn_future(scan.items.iter().flatten());
            let mut problems = scan.problems;
            action_files = action_problems(&ledger, &policies, &mut problems);
            (problems, scan.files, scan.items.len(), true)
        }
        Err(p) => (p, ledger.case_files().0.len(), 0, false),
    };
    // Left by a stopped writer: reported as errors, since a lock blocks
    // every write to its file until someone removes it.
    let mut problems = problems;
    problems.extend(ledger.leftovers());
    problems.sort();
    let mut out = String::new();
    match args.format {
        Format::Json => {
            let doc = serde_json::json!({
                "ok": problems.is_empty(),
                "files": files,
                "problems": problems,
            });
            out.push_str(&serde_json::to_string_pretty(&doc)?);
            out.push('\n');
        }
        Format::Text => {
            for d in &problems {
                out.push_str(&render(d, session.color));
                out.push('\n');
            }
            if problems.is_empty() && action_files > 0 {
                out.push_str(&tr_args(
                    "check-ok-actions",
                    &[
                        ("files", files.to_string().into()),
                        ("actions", action_files.to_string().into()),
                    ],
                ));
                out.push('\n');
            } else if problems.is_empty() {
                out.push_str(&tr_args("check-ok", &[("files", files.to_string().into())]));
                out.push('\n');
            } else if !policy_ok {
                out.push_str(&tr_args(
                    "check-policies-bad",
                    &[("problems", (problems.len() as i64).into())],
                ));
                out.push('\n');
            } else {
                let bad: std::collections::BTreeSet<&str> =
                    problems.iter().map(|d| d.path.as_str()).collect();
                out.push_str(&tr_args(
                    "check-problems",
                    &[
                        ("problems", (problems.len() as i64).into()),
                        ("bad", (bad.len() as i64).into()),
                        ("valid", cases.to_string().into()),
                        ("files", files.to_string().into()),
                    ],
                ));
                out.push('\n');
            }
        }
    }
    crate::cli::render::style::print(&out)?;
    Ok(match (problems.is_empty(), policy_ok) {
        (true, _) => Verdict::Pass,
        (false, true) => Verdict::Fail,
        (false, false) => anyhow::bail!("{}", crate::i18n::tr("check-policies-invalid")),
    })
}

/// The corrective actions under `actions/`: each file parsed, then its links
/// (owner, category, cases) checked. Returns how many action files there are.
fn action_problems(
    ledger: &crate::ledger::Ledger,
    policies: &crate::policy::Policies,
    problems: &mut Vec<Diagnostic>,
) -> usize {
    let (files, _) = ledger.action_files();
    let (loaded, mut found) = ledger.actions();
    // The cases' IDs (a set as large as the ledger) only when some action
    // may name them.
    let ids = if loaded.is_empty() {
        Default::default()
    } else {
        ledger.case_ids()
    };
    for la in &loaded {
        found.extend(crate::ledger::actions::link_problems(la, policies, &ids));
    }
    problems.append(&mut found);
    files.len()
}

fn render(d: &Diagnostic, color: bool) -> String {
    let head = format!("{}:{}:{}:", d.path, d.line, d.column);
    let mut s = format!("{head} {}: {}", paint(color, RED, &d.label()), d.worded());
    if let Some(h) = d.worded_help() {
        s.push_str(&format!(
            "\n  = {} {h}",
            crate::i18n::tr("help-label-colon")
        ));
    }
    s
}

/// Events of `loaded` after `now` (by more than a minute): valid, but most
/// often a typo in a year or month, so `check` warns about them.
fn future_events(
    loaded: &crate::ledger::LoadedCase,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<String> {
    loaded
        .case
        .history
        .iter()
        .filter(|e| e.at.utc().signed_duration_since(now).num_seconds() > 60)
        .map(|e| {
            tr_args(
                "check-future-event",
                &[
                    ("path", loaded.path.clone().into()),
                    ("event", e.event.as_str().into()),
                    ("at", e.at.to_string().into()),
                ],
            )
        })
        .collect()
}

/// The warnings of [`future_events`] on stderr: they change neither the
/// output nor the exit code, since such a file is valid.
fn warn_future<'a>(found: impl Iterator<Item = &'a String>) {
    for line in found {
        eprintln!(
            "{}",
            tr_args("check-future-warning", &[("line", line.clone().into())])
        );
    }
}
