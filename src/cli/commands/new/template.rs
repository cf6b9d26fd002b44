//! `redress new --edit`'s starting text: the case file with every key and
//! its allowed values as comments, the optional keys commented out.

use crate::case::Case;
use crate::case::vocab::{Channel, Justice, Kind, Profile, Risk, Severity};
use crate::case::yaml;
use crate::policy::Policies;

/// The template for `case` (values from the flags, placeholders otherwise).
pub fn render(case: &Case, p: &Policies) -> String {
    let notes = notes(p);
    let mut out = String::from(
        "# A new case. Fill in the title, the customer and what happened; uncomment\n\
         # the optional keys you need. Save and quit to record it; quit without\n\
         # changing anything to cancel. Lines starting with # are ignored.\n",
    );
    let body = yaml::case_to_yaml(case);
    for line in body.lines() {
        if line == "history:" {
            out.push_str(&absent_keys(case, &notes));
        }
        let key = line.trim_start().split(':').next().unwrap_or_default();
        let nested = line.starts_with("  ");
        if let Some((_, note)) = notes
            .iter()
            .find(|(k, _)| *k == key && nested == is_nested(k))
        {
            let indent = if nested { "  " } else { "" };
            out.push_str(&comment(indent, &format!("{key}: {note}")));
        }
        out.push_str(line);
        out.push('\n');
        if line.starts_with("  name:") {
            out.push_str(&absent_customer_keys(case, &notes));
        }
    }
    out
}

/// The customer's optional keys it lacks, commented out under its name.
fn absent_customer_keys(case: &Case, notes: &[(&str, String)]) -> String {
    let c = &case.customer;
    let missing = [
        ("email", c.email.is_none(), "email: "),
        ("phone", c.phone.is_none(), "phone: \"\""),
        ("profile", c.profile.is_none(), "profile: voicer"),
        (
            "annual_value",
            c.annual_value.is_none(),
            "annual_value: 0.00",
        ),
    ];
    commented(&missing, notes, "  ")
}

/// `text` as comment lines of at most 80 columns, continued lines indented.
fn comment(indent: &str, text: &str) -> String {
    let first = format!("{indent}# ");
    let rest = format!("{indent}#   ");
    let opts = textwrap::Options::new(80)
        .initial_indent(&first)
        .subsequent_indent(&rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, opts)
        .iter()
        .flat_map(|l| [l.as_ref(), "\n"])
        .collect()
}

fn commented(missing: &[(&str, bool, &str)], notes: &[(&str, String)], indent: &str) -> String {
    let mut out = String::new();
    for (key, absent, example) in missing {
        if !absent {
            continue;
        }
        let note = notes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, n)| n.as_str());
        out.push_str(&comment(
            indent,
            &format!("{key}: {}", note.unwrap_or_default()),
        ));
        out.push_str(&format!("{indent}#{example}\n"));
    }
    out
}

/// The edited text without the template's own comment lines (the user's
/// comments stay), so the case file holds the case, not the instructions.
pub fn strip_notes(text: &str, template: &str) -> String {
    let notes: std::collections::HashSet<&str> = template
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
        .collect();
    let mut out: String = text
        .lines()
        .filter(|l| !notes.contains(l))
        .flat_map(|l| [l, "\n"])
        .collect();
    if !text.ends_with('\n') {
        out.pop();
    }
    out
}

fn is_nested(key: &str) -> bool {
    matches!(key, "name" | "email" | "phone" | "profile" | "annual_value")
}

/// Each key and what it takes.
fn notes(p: &Policies) -> Vec<(&'static str, String)> {
    let categories = p
        .categories
        .as_ref()
        .map(|c| c.keys().cloned().collect::<Vec<_>>().join(" | "))
        .unwrap_or_else(|| "any name".into());
    let remedies = if p.remedies.is_empty() {
        "any names".to_string()
    } else {
        p.remedies.join(" | ")
    };
    vec![
        ("id", "generated; leave as it is".into()),
        ("kind", Kind::NAMES.join(" | ")),
        ("title", "required: what went wrong, in a few words".into()),
        (
            "received",
            "when it reached us, e.g. 2026-11-22T09:14:00-05:00".into(),
        ),
        ("channel", Channel::NAMES.join(" | ")),
        ("name", "required: the customer's name".into()),
        ("email", "optional, e.g. marie@example.com".into()),
        ("phone", "optional, quoted, e.g. \"+1 514 555 0199\"".into()),
        (
            "profile",
            format!("optional: {}", Profile::NAMES.join(" | ")),
        ),
        (
            "annual_value",
            "optional: the customer's yearly value, e.g. 1200.00".into(),
        ),
        ("category", categories),
        ("severity", Severity::NAMES.join(" | ")),
        ("harm", "optional: the estimated harm, e.g. 120.00".into()),
        (
            "wants",
            format!("optional list of what the customer asks for: {remedies}"),
        ),
        (
            "justice",
            format!(
                "optional: the fairness judged lacking: {}",
                Justice::NAMES.join(" | ")
            ),
        ),
        (
            "risks",
            format!("optional list: {}", Risk::NAMES.join(" | ")),
        ),
        (
            "tags",
            "optional list of free words, e.g. [wismo, vip]".into(),
        ),
        (
            "description",
            "optional: what happened; `|` then indented lines for several".into(),
        ),
        (
            "history",
            "events are added by commands (ack, assign, resolve, …); leave empty".into(),
        ),
    ]
}

/// The optional keys the case lacks, commented out, just before `history:`.
fn absent_keys(case: &Case, notes: &[(&str, String)]) -> String {
    let missing = [
        ("harm", case.harm.is_none(), "harm: 0.00"),
        ("wants", case.wants.is_empty(), "wants: []"),
        ("justice", case.justice.is_none(), "justice: procedural"),
        ("risks", case.risks.is_empty(), "risks: []"),
        ("tags", case.tags.is_empty(), "tags: []"),
        (
            "description",
            case.description.is_empty(),
            "description: \"\"",
        ),
    ];
    commented(&missing, notes, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_explained_and_the_template_still_reads() {
        let p = crate::policy::load(std::path::Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        let case = crate::case::parse(
            "id: 20261122-k7q2\nkind: claim\ntitle: \"\"\nreceived: 2026-11-22T09:14:00-05:00\nchannel: email\ncustomer:\n  name: \"\"\ncategory: \"\"\nseverity: medium\nhistory:\n",
            "x.yaml",
        )
        .unwrap();
        let t = render(&case, &p);
        for key in [
            "kind",
            "title",
            "channel",
            "name",
            "email",
            "category",
            "severity",
            "harm",
            "wants",
            "justice",
            "risks",
            "tags",
            "description",
        ] {
            assert!(t.contains(&format!("# {key}: ")), "{key} missing in\n{t}");
        }
        assert!(t.contains("# justice: optional: the fairness judged lacking: distributive | procedural |\n#   interactional\n"), "{t}");
        assert!(t.lines().all(|l| l.chars().count() <= 80), "{t}");
        assert!(t.contains("# channel: phone | email | chat"));
        let back = crate::case::parse(&t, "x.yaml").unwrap();
        assert_eq!(back.id, "20261122-k7q2");
    }
}
