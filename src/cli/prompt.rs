//! Questions asked on a terminal, one at a time, each answer checked as it
//! is typed. The questions are asked through [`Asker`], so a command's flow
//! of questions is tested with a scripted answer source ([`Script`]) and
//! run for people with [`Terminal`] (the `inquire` crate).

use std::collections::VecDeque;

/// The user gave up (Ctrl-D, Esc or Ctrl-C at a prompt): nothing was written.
#[derive(Debug, thiserror::Error)]
#[error("cancelled, nothing written")]
pub struct Cancelled;

/// The exit code of a cancelled run, as a shell reports Ctrl-C.
pub const CANCELLED_EXIT: u8 = 130;

/// A rule an answer must pass; the message says what is wrong.
pub type Check<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// One question.
pub struct Question<'a> {
    pub label: &'a str,
    /// A line under the prompt: what to type, or what Enter means.
    pub help: Option<String>,
    /// Values offered for completion (Tab / arrows); empty for free text.
    pub choices: &'a [String],
    /// Whether the answer is a comma-separated list of `choices`.
    pub list: bool,
    /// Run on the trimmed answer, the empty one included.
    pub check: Check<'a>,
}

pub trait Asker {
    /// The trimmed answer, accepted by `q.check`; `Err(Cancelled)` if the user gave up.
    fn ask(&mut self, q: &Question<'_>) -> anyhow::Result<String>;
}

/// Asks on the terminal (stderr), with completion and inline errors.
pub struct Terminal;

impl Asker for Terminal {
    fn ask(&mut self, q: &Question<'_>) -> anyhow::Result<String> {
        use inquire::validator::Validation;
        let check = q.check;
        let validator = move |s: &str| -> Result<Validation, inquire::CustomUserError> {
            Ok(match check(s.trim()) {
                Ok(()) => Validation::Valid,
                Err(e) => Validation::Invalid(e.into()),
            })
        };
        let complete = Completer {
            choices: q.choices,
            list: q.list,
        };
        let mut text = inquire::Text::new(q.label).with_validator(validator);
        if let Some(h) = &q.help {
            text = text.with_help_message(h);
        }
        if !q.choices.is_empty() {
            text = text.with_autocomplete(complete);
        }
        match text.prompt() {
            Ok(answer) => Ok(answer.trim().to_string()),
            Err(
                inquire::InquireError::OperationCanceled
                | inquire::InquireError::OperationInterrupted,
            ) => Err(Cancelled.into()),
            Err(e) => Err(anyhow::Error::new(e).context("asking on the terminal")),
        }
    }
}

/// Tab completes to the highlighted suggestion, else to the longest text
/// every suggestion starts with.
#[derive(Clone)]
struct Completer<'a> {
    choices: &'a [String],
    list: bool,
}

impl inquire::Autocomplete for Completer<'_> {
    fn get_suggestions(&mut self, input: &str) -> Result<Vec<String>, inquire::CustomUserError> {
        Ok(suggestions(self.choices, self.list, input))
    }

    fn get_completion(
        &mut self,
        input: &str,
        highlighted: Option<String>,
    ) -> Result<inquire::autocompletion::Replacement, inquire::CustomUserError> {
        if highlighted.is_some() {
            return Ok(highlighted);
        }
        let all = suggestions(self.choices, self.list, input);
        Ok(common_prefix(&all).filter(|p| p.len() > input.len()))
    }
}

/// The longest text all of `items` start with, if there are any.
fn common_prefix(items: &[String]) -> Option<String> {
    let first = items.first()?;
    let mut len = first.len();
    for s in &items[1..] {
        len = first
            .char_indices()
            .zip(s.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((i, a), _)| i + a.len_utf8())
            .min(len);
    }
    first.get(..len).map(str::to_string)
}

/// The completions of `input`: choices starting with it (with its last
/// comma-separated item for a list, the earlier items kept).
pub fn suggestions(choices: &[String], list: bool, input: &str) -> Vec<String> {
    let (head, last) = match input.rfind(',') {
        Some(i) if list => (&input[..=i], input[i + 1..].trim_start()),
        _ => ("", input.trim_start()),
    };
    let sep = if head.is_empty() { "" } else { " " };
    choices
        .iter()
        .filter(|c| c.starts_with(last))
        .map(|c| format!("{head}{sep}{c}"))
        .collect()
}

/// Answers from a script, for tests: each question takes answers until one
/// passes its check (the refused ones and their messages are kept in
/// `refused`); `None` in the script, or running out, cancels.
pub struct Script {
    pub answers: VecDeque<Option<String>>,
    pub asked: Vec<String>,
    pub refused: Vec<(String, String)>,
}

impl Script {
    pub fn new(answers: &[Option<&str>]) -> Script {
        Script {
            answers: answers.iter().map(|a| a.map(str::to_string)).collect(),
            asked: Vec::new(),
            refused: Vec::new(),
        }
    }
}

impl Asker for Script {
    fn ask(&mut self, q: &Question<'_>) -> anyhow::Result<String> {
        self.asked.push(q.label.to_string());
        loop {
            let Some(Some(answer)) = self.answers.pop_front() else {
                return Err(Cancelled.into());
            };
            let answer = answer.trim().to_string();
            match (q.check)(&answer) {
                Ok(()) => return Ok(answer),
                Err(e) => self.refused.push((q.label.to_string(), e)),
            }
        }
    }
}

/// The items of a comma-separated answer, blanks dropped.
pub fn items(answer: &str) -> Vec<String> {
    answer
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn completes_the_last_item_of_a_list() {
        let c = names(&["refund", "repair", "apology"]);
        assert_eq!(suggestions(&c, false, "re"), ["refund", "repair"]);
        assert_eq!(suggestions(&c, true, "refund, ap"), ["refund, apology"]);
        assert_eq!(suggestions(&c, false, "refund, ap"), Vec::<String>::new());
    }

    #[test]
    fn a_script_retries_until_the_check_passes_and_none_cancels() {
        let nonempty = |s: &str| {
            if s.is_empty() {
                Err("needed".to_string())
            } else {
                Ok(())
            }
        };
        let q = Question {
            label: "Title",
            help: None,
            choices: &[],
            list: false,
            check: &nonempty,
        };
        let mut s = Script::new(&[Some("  "), Some(" Lamp "), None]);
        assert_eq!(s.ask(&q).unwrap(), "Lamp");
        assert_eq!(s.refused, [("Title".to_string(), "needed".to_string())]);
        let e = s.ask(&q).unwrap_err();
        assert!(e.downcast_ref::<Cancelled>().is_some());
    }

    #[test]
    fn tab_completes_the_common_prefix() {
        assert_eq!(
            common_prefix(&names(&["refund", "repair"])).as_deref(),
            Some("re")
        );
        assert_eq!(common_prefix(&names(&["email"])).as_deref(), Some("email"));
        assert_eq!(common_prefix(&names(&["é1", "é2"])).as_deref(), Some("é"));
        assert_eq!(common_prefix(&[]), None);
    }

    #[test]
    fn items_split_on_commas() {
        assert_eq!(items(" refund, ,apology "), ["refund", "apology"]);
    }
}
