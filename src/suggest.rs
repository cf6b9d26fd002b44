//! "Did you mean" hints for misspelt keys and values.

use crate::i18n::Msg;

/// The closest candidate within a small edit distance, if any.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// "unknown severity `hgih` (did you mean `high`?); expected one of …",
/// in English: what files' diagnostics and JSON say.
pub fn unknown_value(what: &str, value: &str, names: &[&str]) -> String {
    unknown_value_msg(what, value, names).plain_english()
}

/// The same as a message, worded in the reader's language where shown to
/// people; `what` (`team member`) has a catalogue key (`team-member`).
pub fn unknown_value_msg(what: &str, value: &str, names: &[&str]) -> Msg {
    let what_msg = Msg::new("unknown-what")
        .arg("key", what.replace(' ', "-"))
        .arg("what", what);
    let msg = |id| {
        Msg::new(id)
            .arg("what", what_msg.clone())
            .arg("value", value)
    };
    match closest(value, names.iter().copied()) {
        Some(hint) => msg("unknown-value-hint").arg("hint", hint),
        None => msg("unknown-value-list").arg("names", names.join(", ")),
    }
}

/// Adds a "did you mean" to serde's `unknown field `x`, expected one of `a`, `b``
/// and `unknown variant …` messages, which list the candidates themselves.
pub fn improve_serde_message(message: &str) -> String {
    for lead in ["unknown field `", "unknown variant `"] {
        let Some(start) = message.find(lead) else {
            continue;
        };
        let rest = &message[start + lead.len()..];
        let Some(end) = rest.find('`') else { continue };
        let word = &rest[..end];
        let candidates: Vec<&str> = rest[end + 1..].split('`').skip(1).step_by(2).collect();
        if let Some(hint) = closest(word, candidates.iter().copied()) {
            return format!("{message} (did you mean `{hint}`?)");
        }
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_close_words() {
        assert_eq!(closest("titel", ["title", "kind"]), Some("title"));
        assert_eq!(closest("zzzzzz", ["title", "kind"]), None);
    }

    #[test]
    fn improves_serde_unknown_field() {
        let m = improve_serde_message("unknown field `severty`, expected one of `id`, `severity`");
        assert!(m.ends_with("(did you mean `severity`?)"), "{m}");
    }
}
