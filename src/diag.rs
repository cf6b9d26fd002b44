//! Diagnostics: a problem in a file, at a line and column, with a stable code.

use serde::Serialize;
use std::fmt;

/// The stable code of a diagnostic: what scripts match on in `check --format
/// json`, and what callers branch on. Written as its kebab-case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiagCode {
    ConflictMarker,
    DuplicateId,
    DuplicateKey,
    EventSequence,
    HistoryOrder,
    IdMismatch,
    InvalidValue,
    LeftoverTemp,
    MissingField,
    NotAFile,
    NotUtf8,
    OutsideLedger,
    PolicyInvalid,
    StaleLock,
    UnknownField,
    Unreadable,
    YamlSyntax,
    TooLarge,
    InvalidCharacter,
    TooDeep,
    YamlAnchor,
    UnknownCategory,
    UnknownMember,
}

impl DiagCode {
    pub const ALL: [DiagCode; 23] = [
        DiagCode::ConflictMarker,
        DiagCode::DuplicateId,
        DiagCode::DuplicateKey,
        DiagCode::EventSequence,
        DiagCode::HistoryOrder,
        DiagCode::IdMismatch,
        DiagCode::InvalidValue,
        DiagCode::LeftoverTemp,
        DiagCode::MissingField,
        DiagCode::NotAFile,
        DiagCode::NotUtf8,
        DiagCode::OutsideLedger,
        DiagCode::PolicyInvalid,
        DiagCode::StaleLock,
        DiagCode::UnknownField,
        DiagCode::Unreadable,
        DiagCode::YamlSyntax,
        DiagCode::TooLarge,
        DiagCode::InvalidCharacter,
        DiagCode::TooDeep,
        DiagCode::YamlAnchor,
        DiagCode::UnknownCategory,
        DiagCode::UnknownMember,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DiagCode::ConflictMarker => "conflict-marker",
            DiagCode::DuplicateId => "duplicate-id",
            DiagCode::DuplicateKey => "duplicate-key",
            DiagCode::EventSequence => "event-sequence",
            DiagCode::HistoryOrder => "history-order",
            DiagCode::IdMismatch => "id-mismatch",
            DiagCode::InvalidValue => "invalid-value",
            DiagCode::LeftoverTemp => "leftover-temp",
            DiagCode::MissingField => "missing-field",
            DiagCode::NotAFile => "not-a-file",
            DiagCode::NotUtf8 => "not-utf8",
            DiagCode::OutsideLedger => "outside-ledger",
            DiagCode::PolicyInvalid => "policy-invalid",
            DiagCode::StaleLock => "stale-lock",
            DiagCode::UnknownField => "unknown-field",
            DiagCode::Unreadable => "unreadable",
            DiagCode::YamlSyntax => "yaml-syntax",
            DiagCode::TooLarge => "too-large",
            DiagCode::InvalidCharacter => "invalid-character",
            DiagCode::TooDeep => "too-deep",
            DiagCode::YamlAnchor => "yaml-anchor",
            DiagCode::UnknownCategory => "unknown-category",
            DiagCode::UnknownMember => "unknown-member",
        }
    }
}

/// By name, so that diagnostics sort as they always have.
impl Ord for DiagCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for DiagCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for DiagCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for DiagCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    /// Relative to the ledger root, with `/` separators.
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub code: DiagCode,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(path: impl Into<String>, code: DiagCode, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.into(),
            line: 1,
            column: 1,
            code,
            message: message.into(),
            help: None,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line.max(1);
        self.column = column.max(1);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error[{}]: {}",
            self.path, self.line, self.column, self.code, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// Several diagnostics as one error, for commands that must stop on them.
/// The CLI tells this kind from others (it exits with the "invalid data"
/// status), so it is a type of its own: one line per diagnostic.
#[derive(Debug, thiserror::Error)]
#[error("{}", lines(.0))]
pub struct Diagnostics(pub Vec<Diagnostic>);

fn lines(all: &[Diagnostic]) -> String {
    all.iter()
        .map(Diagnostic::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The most of a quoted value a parse error may show, in characters.
pub const QUOTE_LIMIT: usize = 40;

/// Cuts every `"…"` quotation in a parser's message to [`QUOTE_LIMIT`]
/// characters: a file that is not a case (a password file copied or linked
/// into `cases/`) must not be echoed whole in an error; the location
/// (file:line:col) says where to look.
pub fn shorten_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(256));
    let mut inside: Option<usize> = None; // characters shown of the current quote
    let mut escaped = false;
    for c in message.chars() {
        match inside {
            None => {
                out.push(c);
                if c == '"' {
                    inside = Some(0);
                }
            }
            Some(n) => {
                let closes = c == '"' && !escaped;
                escaped = !escaped && c == '\\';
                if closes {
                    if n > QUOTE_LIMIT {
                        out.push('…');
                    }
                    out.push('"');
                    inside = None;
                } else {
                    if n < QUOTE_LIMIT {
                        out.push(c);
                    }
                    inside = Some(n + 1);
                }
            }
        }
    }
    if inside.is_some_and(|n| n > QUOTE_LIMIT) {
        out.push('…');
    }
    out
}

/// Lines that git leaves behind in a conflicted merge.
pub fn conflict_markers(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            l.starts_with("<<<<<<<")
                || l.starts_with(">>>>>>>")
                || l.starts_with("|||||||")
                || *l == "======="
        })
        .map(|(i, _)| i + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let t = "ab\ncdé\nf";
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 8), (3, 1));
    }

    #[test]
    fn long_quotations_are_cut() {
        let long = format!(
            "invalid type: string \"{}\", expected struct Case",
            "x".repeat(500)
        );
        let short = shorten_quotes(&long);
        assert!(short.len() < 120, "{short}");
        assert!(short.ends_with("…\", expected struct Case"), "{short}");
        let kept = "unknown variant \"sms\", expected one of \"email\"";
        assert_eq!(shorten_quotes(kept), kept);
        assert_eq!(shorten_quotes("a \"b\\\"c\" d"), "a \"b\\\"c\" d");
    }

    #[test]
    fn finds_conflict_markers() {
        let t = "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> x\n";
        assert_eq!(conflict_markers(t), vec![2, 4, 6]);
    }
}
