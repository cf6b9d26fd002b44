//! When each event of a ledger was first committed (`audit --git`): one
//! `git log -p` over `cases/`, read as a stream.
//!
//! The log is asked for with a context larger than any case file, so each
//! hunk holds the whole file as the commit left it: its events are read
//! from that text (an `- at:` item and its `event:`), which does not depend
//! on how git aligned the lines of a late entry. An event is keyed by its
//! case, its instant and its kind; the earliest commit that holds it is when
//! it was first recorded. A rewrite that keeps an event (`anonymise`) does
//! not make it new.

use crate::case::time::Timestamp;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;

/// (case ID, the event's `at` as an instant, its kind) → first commit time.
pub type CommitTimes = HashMap<(String, DateTime<Utc>, String), DateTime<Utc>>;

/// Why the history could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GitTimesError {
    #[error("could not run git: {0}")]
    Spawn(std::io::Error),
    #[error("git log failed: {0}")]
    Git(String),
}

/// Reads the commit time of every event under `cases/` of the ledger at `root`.
pub fn commit_times(root: &Path, tz: Tz) -> Result<CommitTimes, GitTimesError> {
    let args = [
        "log",
        "-p",
        "--reverse",
        "--no-renames",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        "--diff-filter=AM",
        "--unified=100000000",
        "--format=%x01%ct",
        "--",
        "cases/",
    ];
    let mut child = super::git::spawn(root, &args).map_err(GitTimesError::Spawn)?;
    let mut reader = Reader::new(tz);
    if let Some(out) = child.stdout.take() {
        for line in std::io::BufReader::new(out).split(b'\n') {
            let line = line.map_err(GitTimesError::Spawn)?;
            reader.line(&String::from_utf8_lossy(&line));
        }
    }
    let output = child.wait_with_output().map_err(GitTimesError::Spawn)?;
    if !output.status.success() {
        let msg = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(GitTimesError::Git(msg));
    }
    reader.flush();
    Ok(reader.times)
}

/// The state of the walk through the log.
struct Reader {
    tz: Tz,
    times: CommitTimes,
    commit: Option<DateTime<Utc>>,
    case: Option<String>,
    in_hunk: bool,
    /// The file as the commit left it, line by line.
    post: Vec<String>,
}

impl Reader {
    fn new(tz: Tz) -> Reader {
        Reader {
            tz,
            times: HashMap::new(),
            commit: None,
            case: None,
            in_hunk: false,
            post: Vec::new(),
        }
    }

    fn line(&mut self, line: &str) {
        if let Some(ct) = line.strip_prefix('\u{1}') {
            self.flush();
            self.commit = ct
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(|s| DateTime::from_timestamp(s, 0));
        } else if line.starts_with("diff --git ") {
            self.flush();
        } else if !self.in_hunk {
            if let Some(path) = line.strip_prefix("+++ b/") {
                self.case = case_of(path);
            } else if line.starts_with("@@") {
                self.in_hunk = true;
            }
        } else if let Some(rest) = line.strip_prefix(['+', ' ']) {
            self.post.push(rest.to_string());
        } else if line.starts_with("@@") {
            // Another hunk: the context was smaller than the file.
        }
    }

    /// Records the events of the file just read.
    fn flush(&mut self) {
        let post = std::mem::take(&mut self.post);
        self.in_hunk = false;
        let (Some(case), Some(commit)) = (self.case.take(), self.commit) else {
            return;
        };
        for (at, kind) in events(&post, self.tz) {
            self.times
                .entry((case.clone(), at, kind))
                .and_modify(|t| *t = (*t).min(commit))
                .or_insert(commit);
        }
    }
}

/// The case ID of a case file's path: its stem.
fn case_of(path: &str) -> Option<String> {
    let p = Path::new(path.trim());
    let ext = p.extension()?.to_str()?;
    if ext != "yaml" && ext != "yml" {
        return None;
    }
    Some(p.file_stem()?.to_str()?.to_string())
}

/// The (instant, kind) of each history item of a case file's text.
fn events(lines: &[String], tz: Tz) -> Vec<(DateTime<Utc>, String)> {
    let mut out = Vec::new();
    let mut in_history = false;
    let mut item: (Option<DateTime<Utc>>, Option<String>) = (None, None);
    let mut finish = |item: &mut (Option<DateTime<Utc>>, Option<String>)| {
        if let (Some(at), Some(kind)) = std::mem::take(item) {
            out.push((at, kind));
        }
    };
    for line in lines {
        if !in_history {
            in_history = line.starts_with("history:");
            continue;
        }
        let trimmed = line.trim_start();
        let body = match trimmed.strip_prefix("- ") {
            Some(rest) => {
                finish(&mut item);
                rest.trim_start()
            }
            None => trimmed,
        };
        if let Some(v) = body.strip_prefix("at:") {
            let mut t = Timestamp::parse(unquote(v)).ok();
            if let Some(t) = &mut t {
                t.resolve(tz);
            }
            item.0 = t.map(|t| t.utc());
        } else if let Some(v) = body.strip_prefix("event:") {
            item.1 = Some(unquote(v).to_string());
        }
    }
    finish(&mut item);
    out
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    v.strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
        .unwrap_or(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_history_item_whatever_its_key_order() {
        let text = "id: x\ntitle: \"- at: 2020\"\nhistory:\n  - at: 2026-11-02T10:00:00-05:00\n    by: a\n    event: acknowledged\n  - event: noted\n    at: '2026-11-03T10:00:00-05:00'\n    note: \"event: resolved\"\n";
        let lines: Vec<String> = text.lines().map(String::from).collect();
        let ev = events(&lines, chrono_tz::America::Toronto);
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].1, "acknowledged");
        assert_eq!(ev[1].1, "noted");
        assert_eq!(ev[1].0.to_rfc3339(), "2026-11-03T15:00:00+00:00");
    }

    #[test]
    fn a_case_is_named_by_its_file() {
        assert_eq!(
            case_of("cases/2026/11/20261102-k7q2.yaml").as_deref(),
            Some("20261102-k7q2")
        );
        assert_eq!(case_of("cases/README.md"), None);
    }
}
