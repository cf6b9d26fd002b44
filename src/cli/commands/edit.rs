//! `redress edit ID`: fix a case file in $EDITOR, the way visudo does it:
//! edit a draft, check it on save, reopen it on a mistake, install it
//! atomically, keep the draft when the edit is abandoned or refused.

use crate::case::privacy::{self, Contacts};
use crate::case::{self, Case, yaml};
use crate::cli::exit::Verdict;
use crate::cli::session::{Open, Session};
use crate::i18n::{tr, tr_args};
use crate::ledger::edit::{self as draft_rules, FieldChange, HistoryChange, Prepared};
use anyhow::{Context, Result, bail};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The case: its ID, or any unique prefix or suffix of it (e.g. k7q2)
    pub id: String,
    /// Accept changes to earlier events without asking (needed when not in a terminal)
    #[arg(long)]
    pub yes: bool,
    /// Show the customer's name, email and phone in what edit prints (the
    /// editor always shows the file as it is)
    #[arg(long)]
    pub include_contacts: bool,
}

/// The editor people chose: $VISUAL, then $EDITOR, then `vi`; its words are
/// split on white space, so `code --wait` works.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".into())
}

/// Runs the editor on `path`, Ctrl-C left to it; `Some(what happened)`
/// when it exits with a failure (the user gave up, e.g. `:cq` in vi).
pub fn run_editor(path: &Path) -> Result<Option<String>> {
    let editor = editor_command();
    let mut parts = editor.split_whitespace();
    let program = parts.next().context(tr("edit-editor-empty"))?;
    let status = crate::files::while_editor_runs(|| {
        std::process::Command::new(program)
            .args(parts)
            .arg(path)
            .status()
    })
    .with_context(|| tr_args("edit-editor-start", &[("editor", editor.clone().into())]))?;
    let failed = || {
        let args = [
            ("editor", editor.clone().into()),
            ("status", status.to_string().into()),
        ];
        tr_args("edit-editor-failed", &args)
    };
    Ok((!status.success()).then(failed))
}

/// What the session needs to know about the case being edited.
struct Editing<'a> {
    open: &'a Open,
    rel: String,
    id: String,
    original: String,
    draft: PathBuf,
    interactive: bool,
}

pub fn run(session: &Session, args: Args) -> Result<Verdict> {
    let open = session.open()?;
    let rel = open.ledger.find(&args.id)?;
    // Held from the read to the rename: a concurrent `note` waits, then is
    // refused; it is never lost under the edited file.
    let lock = open.ledger.lock(&rel)?;
    let original = open.ledger.read_for_edit(&rel)?;
    let id = Path::new(&rel)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let draft = open.ledger.new_draft(&id, &original)?;
    let ed = Editing {
        open: &open,
        rel,
        id,
        original,
        draft,
        interactive: std::io::stdin().is_terminal(),
    };
    let Some(prepared) = edit_until_valid(&ed)? else {
        remove_draft(&ed);
        let id = [("id", ed.id.clone().into())];
        crate::cli::render::style::print(&format!("{}\n", tr_args("edit-no-changes", &id)))?;
        return Ok(Verdict::Pass);
    };
    let before = previous(&ed);
    let summary = Summary::of(before.as_ref(), &prepared.case, args.include_contacts);
    confirm_history(&ed, &summary, args.yes)?;
    ed.open
        .ledger
        .install_edit(&lock, &ed.rel, &ed.original, &prepared, &ed.open.policies)
        .with_context(|| tr_args("edit-not-installed", &[("draft", shown(&ed).into())]))?;
    drop(lock);
    remove_draft(&ed);
    crate::cli::render::style::print(&summary.render(&ed, &prepared))?;
    Ok(Verdict::Pass)
}

/// Opens the editor until the draft is valid (`Some`), unchanged (`None`),
/// or the edit is abandoned or refused (an error naming the kept draft).
fn edit_until_valid(ed: &Editing) -> Result<Option<Prepared>> {
    loop {
        if let Some(failed) = run_editor(&ed.draft)? {
            bail!("{}", kept(ed, "edit-abandoned", failed));
        }
        let bytes = crate::files::read_bytes(&ed.draft)
            .with_context(|| tr_args("edit-reading-draft", &[("draft", shown(ed).into())]))?;
        let saved = case::text_of(bytes, &shown(ed)).map_err(|d| {
            anyhow::Error::new(crate::diag::Diagnostics(vec![d])).context(tr_args(
                "edit-draft-unreadable",
                &[("path", ed.rel.clone().into())],
            ))
        })?;
        let text = draft_rules::strip_marks(&saved);
        if text == ed.original {
            return Ok(None);
        }
        let problems = match ed
            .open
            .ledger
            .prepare_edit(&ed.rel, &ed.id, text, &ed.open.policies)
        {
            Ok(p) => return Ok(Some(p)),
            Err(problems) => problems,
        };
        let again = ed.interactive && ask(&tr("edit-again"), true)?;
        let keep = if again {
            draft_rules::with_marks(&problems, &shown(ed), text)
        } else {
            text.to_string()
        };
        crate::files::write(
            &ed.draft,
            keep.as_bytes(),
            crate::files::Existing::Replace,
            None,
        )?;
        if !again {
            bail!(invalid(ed, problems));
        }
    }
}

/// The refusal of an invalid draft, its problems at the draft's lines.
fn invalid(ed: &Editing, problems: Vec<crate::diag::Diagnostic>) -> anyhow::Error {
    let at_draft = problems
        .into_iter()
        .map(|mut d| {
            d.path = shown(ed);
            d
        })
        .collect();
    anyhow::Error::new(crate::diag::Diagnostics(at_draft)).context(tr_args(
        "edit-invalid",
        &[
            ("path", ed.rel.clone().into()),
            ("draft", shown(ed).into()),
            ("id", ed.id.clone().into()),
        ],
    ))
}

/// Changes to earlier events are what a reviewer will question: shown,
/// then asked about (or accepted by `--yes`); refused when nobody can answer.
fn confirm_history(ed: &Editing, summary: &Summary, yes: bool) -> Result<()> {
    if yes || !summary.rewrites_history() {
        return Ok(());
    }
    eprint!("{}", summary.history_lines());
    if ed.interactive && ask(&tr("edit-confirm-history"), false)? {
        return Ok(());
    }
    let why = tr(if ed.interactive {
        "edit-not-confirmed"
    } else {
        "edit-pass-yes"
    });
    bail!("{}", kept(ed, "edit-history-refused", why))
}

/// The case as it was, read without the rules (an invalid file may be
/// what is being fixed); `None` when it did not even parse.
fn previous(ed: &Editing) -> Option<Case> {
    let mut c = case::parse(&ed.original, &ed.rel).ok()?;
    c.resolve_times(ed.open.policies.tz());
    Some(c)
}

/// What an edit changed, masked for printing.
struct Summary {
    fields: Vec<FieldChange>,
    history: Option<HistoryChange>,
    /// The file did not parse before: what changed cannot be listed.
    unreadable_before: bool,
    mask: Box<dyn Fn(&str) -> String>,
}

impl Summary {
    fn of(before: Option<&Case>, after: &Case, include_contacts: bool) -> Summary {
        let contacts: Vec<Contacts> = before
            .iter()
            .map(|b| Contacts::of(&b.customer))
            .chain([Contacts::of(&after.customer)])
            .collect();
        let mask: Box<dyn Fn(&str) -> String> = if include_contacts {
            Box::new(|s: &str| s.to_string())
        } else {
            Box::new(move |s: &str| contacts.iter().fold(s.to_string(), |t, c| c.mask(&t)))
        };
        let masked = |mut f: FieldChange| {
            let token = match f.key.as_str() {
                "customer.name" => Some(privacy::NAME),
                "customer.email" => Some(privacy::EMAIL),
                "customer.phone" => Some(privacy::PHONE),
                _ => None,
            };
            if let (Some(t), false) = (token, include_contacts) {
                for v in [&mut f.before, &mut f.after] {
                    if !v.is_empty() {
                        *v = t.to_string();
                    }
                }
            }
            f
        };
        Summary {
            fields: before
                .map(|b| draft_rules::field_changes(b, after))
                .unwrap_or_default()
                .into_iter()
                .map(masked)
                .collect(),
            history: before.and_then(|b| draft_rules::history_change(&b.history, &after.history)),
            unreadable_before: before.is_none(),
            mask,
        }
    }

    fn rewrites_history(&self) -> bool {
        self.unreadable_before || self.history.as_ref().is_some_and(|h| !h.only_additions())
    }

    /// The changed events as a diff shows them: `-` before, `+` after.
    fn history_lines(&self) -> String {
        let mut out = String::new();
        if self.unreadable_before {
            out.push_str(&format!("  {}\n", tr("edit-unreadable-before")));
        }
        let Some(h) = &self.history else {
            return out;
        };
        let id = if h.only_additions() {
            "edit-history-adds"
        } else {
            "edit-history-changes"
        };
        let n = [("n", (h.at + 1).to_string().into())];
        out.push_str(&format!("  {}\n", tr_args(id, &n)));
        let lines = |e: Option<&crate::case::Event>| -> Vec<String> {
            e.map(|e| {
                yaml::event_to_yaml(e, "  ")
                    .lines()
                    .map(|l| (self.mask)(l))
                    .collect()
            })
            .unwrap_or_default()
        };
        // Event by event, line by line: a line both sides share is shown
        // once, unmarked, so a fixed typo reads as one `-` and one `+`.
        for i in 0..h.removed.len().max(h.added.len()) {
            let (old, new) = (lines(h.removed.get(i)), lines(h.added.get(i)));
            for (sign, line) in draft_rules::line_diff(&old, &new) {
                out.push_str(&format!("  {sign}{line}\n"));
            }
        }
        out
    }

    fn render(&self, ed: &Editing, p: &Prepared) -> String {
        let mut out = String::new();
        if p.rel != ed.rel {
            let args = [
                ("from", ed.id.clone().into()),
                ("to", p.case.id.clone().into()),
                ("path", p.rel.clone().into()),
            ];
            out.push_str(&format!("{}\n", tr_args("edit-moved", &args)));
        }
        let id = [("id", p.case.id.clone().into())];
        out.push_str(&format!("{}\n", tr_args("edit-edited", &id)));
        // A move names both IDs above; `id` is not listed again.
        for f in self
            .fields
            .iter()
            .filter(|f| f.key != "id" || p.rel == ed.rel)
        {
            let show = |v: &str| -> String {
                let v = (self.mask)(v);
                match (v.is_empty(), v.split_once('\n')) {
                    (true, _) => tr("edit-none"),
                    (false, Some((first, _))) => format!("{first} …"),
                    (false, None) => v,
                }
            };
            out.push_str(&format!(
                "  {}: {} → {}\n",
                f.key,
                show(&f.before),
                show(&f.after)
            ));
        }
        out.push_str(&self.history_lines());
        if self.fields.is_empty() && self.history.is_none() && !self.unreadable_before {
            out.push_str(&format!("  {}\n", tr("edit-layout-only")));
        }
        out
    }
}

/// A yes/no question on stderr, answered on stdin (Enter takes `default`).
fn ask(question: &str, default: bool) -> Result<bool> {
    let mut err = std::io::stderr().lock();
    write!(err, "{question} ")?;
    err.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(match line.trim().to_lowercase().as_str() {
        "" => default,
        a => a
            .chars()
            .next()
            .is_some_and(|c| tr("edit-yes-letters").contains(c)),
    })
}

/// A refusal that leaves the case unchanged and keeps the draft.
fn kept(ed: &Editing, id: &str, why: String) -> String {
    let args = [
        ("why", why.into()),
        ("path", ed.rel.clone().into()),
        ("draft", shown(ed).into()),
    ];
    tr_args(id, &args)
}

/// The draft's path as printed: relative to the ledger's root.
fn shown(ed: &Editing) -> String {
    ed.draft
        .strip_prefix(&ed.open.ledger.root)
        .unwrap_or(&ed.draft)
        .to_string_lossy()
        .into_owned()
}

fn remove_draft(ed: &Editing) {
    let _ = std::fs::remove_file(&ed.draft);
}
