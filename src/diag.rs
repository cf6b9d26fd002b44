//! Diagnostics: a problem in a file, at a line and column, with a stable code.

use crate::i18n::Msg;
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

/// A problem in a file. `message` and `help` are the English wording, what
/// `check --format json` carries in every language; `text` and `help_text`
/// word the same in the language in force for people.
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
    /// Boxed: a diagnostic travels in `Result`s, which should stay small.
    #[serde(skip)]
    pub text: Box<Msg>,
    #[serde(skip)]
    pub help_text: Option<Box<Msg>>,
}

impl Diagnostic {
    /// `message` is a catalogue message, or text shown as it is.
    pub fn new(path: impl Into<String>, code: DiagCode, message: impl Into<Msg>) -> Self {
        let text = message.into();
        Diagnostic {
            path: path.into(),
            line: 1,
            column: 1,
            code,
            message: text.plain_english(),
            help: None,
            text: Box::new(text),
            help_text: None,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = line.max(1);
        self.column = column.max(1);
        self
    }

    pub fn help(mut self, help: impl Into<Msg>) -> Self {
        let help = help.into();
        self.help = Some(help.plain_english());
        self.help_text = Some(Box::new(help));
        self
    }

    /// The same with `f` applied to its English and to its text arguments
    /// (cutting long quotations).
    pub fn map_texts(mut self, f: &dyn Fn(&str) -> String) -> Self {
        self.message = f(&self.message);
        self.text.map_texts(f);
        self
    }

    /// The message in the language in force.
    pub fn worded(&self) -> String {
        self.text.plain()
    }

    /// The help line in the language in force.
    pub fn worded_help(&self) -> Option<String> {
        self.help_text.as_deref().map(Msg::plain)
    }

    /// `error[code]`, `erreur[code]`: the code itself is an identifier.
    pub fn label(&self) -> String {
        crate::i18n::tr_args("diag-error", &[("code", self.code.as_str().into())])
    }

    /// The whole diagnostic (location, code, message and help) as one
    /// message, worded like its [`fmt::Display`] when rendered.
    pub fn as_msg(&self) -> Msg {
        let m = Msg::new("diag-full")
            .arg("path", self.path.as_str())
            .arg("line", self.line.to_string())
            .arg("column", self.column.to_string())
            .arg("code", self.code.as_str())
            .arg("message", (*self.text).clone());
        match self.help_text.as_deref() {
            Some(h) => Msg::new("diag-with-help")
                .arg("diag", m)
                .arg("help", h.clone()),
            None => m,
        }
    }

    /// The diagnostic in English, whatever the language in force: what
    /// redress writes into files.
    pub fn english(&self) -> String {
        crate::i18n::with_lang(crate::i18n::Lang::En, || self.to_string())
    }
}

/// In the language in force.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path,
            self.line,
            self.column,
            self.label(),
            self.worded()
        )?;
        if let Some(help) = self.worded_help() {
            write!(f, "\n  = {} {help}", crate::i18n::tr("help-label-colon"))?;
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

/// A reader's message (serde through the YAML or TOML reader) as a message
/// that can be worded in either language: serde's own forms (`unknown
/// field`, `missing field`, `invalid type`…), the key path the YAML reader
/// puts first, a "did you mean" added by the suggestions module, and the
/// reasons redress's own parsers gave ([`crate::i18n::reason`]). Whatever
/// it does not recognise is shown as it is; its English is always the
/// reader's message exactly (what JSON keeps), or it is shown as it is.
pub fn reader_message(text: &str) -> Msg {
    let msg = reader_parts(text);
    if msg.plain_english() == text {
        msg
    } else {
        Msg::from(text)
    }
}

fn reader_parts(text: &str) -> Msg {
    if let Some(reason) = crate::i18n::reason_for(text) {
        return reason;
    }
    if let Some(rest) = text.strip_suffix("`?)")
        && let Some((message, hint)) = rest.rsplit_once(" (did you mean `")
    {
        return Msg::new("serde-did-you-mean")
            .arg("message", reader_parts(message))
            .arg("hint", hint);
    }
    if let Some(m) = serde_form(text) {
        return m;
    }
    // `history[0].event: …`: the YAML reader's path to the value.
    if let Some((path, rest)) = text.split_once(": ")
        && !path.is_empty()
        && !path.contains([' ', '`', '"'])
    {
        return Msg::new("serde-at-path")
            .arg("path", path)
            .arg("rest", reader_parts(rest));
    }
    Msg::from(text)
}

/// serde's own wordings.
fn serde_form(text: &str) -> Option<Msg> {
    let quoted = |rest: &str| -> Option<(String, String)> {
        let (name, after) = rest.split_once('`')?;
        Some((name.to_string(), after.to_string()))
    };
    for (lead, kind) in [
        ("unknown field `", "field"),
        ("unknown variant `", "variant"),
    ] {
        if let Some(rest) = text.strip_prefix(lead) {
            let (name, after) = quoted(rest)?;
            let m = |id| Msg::new(id).arg("kind", kind).arg("name", name.clone());
            return Some(
                if let Some(list) = after.strip_prefix(", expected one of ") {
                    m("serde-unknown-list").arg("list", list)
                } else if let Some(one) = after.strip_prefix(", expected ") {
                    m("serde-unknown-one").arg("one", one)
                } else {
                    m("serde-unknown-none")
                },
            );
        }
    }
    for (lead, id) in [
        ("missing field `", "serde-missing-field"),
        ("duplicate field `", "serde-duplicate-field"),
    ] {
        if let Some(rest) = text.strip_prefix(lead) {
            return Some(Msg::new(id).arg("name", rest.strip_suffix('`')?));
        }
    }
    for (lead, id) in [
        ("invalid type: ", "serde-invalid-type"),
        ("invalid value: ", "serde-invalid-value"),
    ] {
        if let Some(rest) = text.strip_prefix(lead) {
            let (unexp, exp) = rest.split_once(", expected ")?;
            return Some(
                Msg::new(id)
                    .arg("unexp", serde_thing(unexp))
                    .arg("exp", serde_expected(exp)),
            );
        }
    }
    None
}

/// What serde found: `sequence`, `string "x"`, `integer `5``…
fn serde_thing(text: &str) -> Msg {
    let words = [
        ("sequence", "serde-sequence"),
        ("map", "serde-map"),
        ("unit value", "serde-unit"),
    ];
    if let Some((_, id)) = words.iter().find(|(w, _)| *w == text) {
        return Msg::new(id);
    }
    for (lead, id) in [
        ("string ", "serde-string"),
        ("integer ", "serde-integer"),
        ("floating point ", "serde-float"),
        ("boolean ", "serde-boolean"),
    ] {
        if let Some(value) = text.strip_prefix(lead) {
            return Msg::new(id).arg("value", value);
        }
    }
    Msg::from(text)
}

/// What serde expected: `a string`, `struct Case`, `a severity: one of …`.
fn serde_expected(text: &str) -> Msg {
    let words = [
        ("a string", "serde-a-string"),
        ("a sequence", "serde-a-sequence"),
        ("a map", "serde-a-map"),
        ("a boolean", "serde-a-boolean"),
        ("a number", "serde-a-number"),
        ("an amount like 90.00", "serde-an-amount"),
        ("a time like 2026-11-22T09:14:00-05:00", "serde-a-time"),
        ("a mapping of names to texts", "serde-a-text-map"),
    ];
    if let Some((_, id)) = words.iter().find(|(w, _)| *w == text) {
        return Msg::new(id);
    }
    if let Some(name) = text.strip_prefix("struct ") {
        return Msg::new("serde-struct").arg("name", name);
    }
    if let Some(rest) = text.strip_prefix("a ")
        && let Some((what, names)) = rest.split_once(": one of ")
    {
        let what_msg = Msg::new("unknown-what")
            .arg("key", what.replace(' ', "-"))
            .arg("what", what);
        return Msg::new("serde-one-of")
            .arg("what", what_msg)
            .arg("names", names);
    }
    Msg::from(text)
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
    fn readers_messages_keep_their_english_and_read_in_french() {
        use crate::i18n::{Lang, with_lang};
        for text in [
            "unknown field `titel`, expected one of `id`, `title` (did you mean `title`?)",
            "history[0].event: unknown variant `x`, expected `noted`",
            "missing field `title`",
            "duplicate field `id`",
            "kind: invalid type: sequence, expected a kind: one of complaint, claim",
            "invalid type: string \"x\", expected struct Case",
        ] {
            let m = reader_message(text);
            assert_ne!(m.id, crate::i18n::VERBATIM, "{text} was not recognised");
            assert_eq!(m.plain_english(), text);
            let fr = with_lang(Lang::Fr, || m.plain());
            assert_ne!(fr, text, "{text}");
        }
        // Anything else is shown as the reader wrote it.
        let odd = "did not find expected key";
        assert_eq!(reader_message(odd), crate::i18n::Msg::from(odd));
    }

    #[test]
    fn json_carries_the_english_only() {
        use crate::i18n::{Lang, Msg, with_lang};
        let d = Diagnostic::new(
            "cases/x.yaml",
            DiagCode::MissingField,
            Msg::new("diag-by-empty"),
        )
        .help(Msg::new("diag-yaml-syntax-help"));
        let json = serde_json::to_string(&d).unwrap();
        assert!(
            json.contains("\"message\":\"`by` is empty: say who did it\""),
            "{json}"
        );
        assert!(!json.contains("text"), "{json}");
        let fr = with_lang(Lang::Fr, || d.to_string());
        assert!(fr.contains("erreur[missing-field]: `by` est vide"), "{fr}");
        assert!(fr.contains("= aide : corrigez la syntaxe YAML"), "{fr}");
        assert_eq!(d.english(), with_lang(Lang::En, || d.to_string()));
    }

    #[test]
    fn finds_conflict_markers() {
        let t = "a\n<<<<<<< HEAD\nb\n=======\nc\n>>>>>>> x\n";
        assert_eq!(conflict_markers(t), vec![2, 4, 6]);
    }
}
