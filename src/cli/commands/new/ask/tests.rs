//! The questions' flow, driven by a scripted answer source.

use super::*;
use crate::cli::prompt::{Cancelled, Script};
use clap::Parser;

#[derive(clap::Parser)]
struct Cli {
    #[command(flatten)]
    args: Args,
}

fn args(flags: &[&str]) -> Args {
    let mut argv = vec!["new"];
    argv.extend_from_slice(flags);
    Cli::parse_from(argv).args
}

fn with_rules<R>(f: impl FnOnce(&Rules) -> R) -> R {
    let cats = ["delivery", "billing"];
    let rems = ["refund", "repair", "apology"];
    let team = ["alice", "bob"];
    let category = |s: &str| {
        if cats.contains(&s) {
            Ok(())
        } else {
            Err(crate::suggest::unknown_value("category", s, &cats))
        }
    };
    let remedy = |s: &str| {
        if rems.contains(&s) {
            Ok(())
        } else {
            Err(crate::suggest::unknown_value("remedy", s, &rems))
        }
    };
    let member = |s: &str| {
        if team.contains(&s) {
            Ok(())
        } else {
            Err(crate::suggest::unknown_value("team member", s, &team))
        }
    };
    // The real time reader, at a fixed now.
    let tz: chrono_tz::Tz = "America/Toronto".parse().unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T10:00:00-05:00")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let received = move |s: &str| match s {
        "" => Ok(()),
        s => crate::case::time::parse_flag(s, tz, false, Some(now), None)
            .map(|_| ())
            .map_err(|m| m.to_string()),
    };
    let rules = Rules {
        categories: cats.iter().map(|s| s.to_string()).collect(),
        remedies: rems.iter().map(|s| s.to_string()).collect(),
        members: team.iter().map(|s| s.to_string()).collect(),
        category: &category,
        remedy: &remedy,
        member: &member,
        received: &received,
    };
    f(&rules)
}

#[test]
fn every_answer_is_checked_and_asked_again_until_valid() {
    let mut a = args(&[]);
    let mut s = Script::new(&[
        Some("clam"),  // kind: refused
        Some("claim"), // kind
        Some("   "),   // title: refused, empty
        Some("Lamp broken"),
        Some("Marie Tremblay"),
        Some("marie-at-example"), // email: refused
        Some("marie@example.com"),
        Some(""),     // phone: skipped
        Some("mail"), // channel: refused
        Some("email"),
        Some("delivry"), // category: refused, did you mean
        Some("delivery"),
        Some("high"),
        Some("lots"), // harm: refused
        Some("120"),
        Some("refund, aplogy"), // wants: refused
        Some("refund, apology"),
        Some("fair"), // justice: refused
        Some("procedural"),
        Some("bobb"), // assign: refused
        Some("bob"),
        Some("tomorrow-ish"), // received: refused
        Some("today 09:14"),
        Some("It arrived in pieces"),
    ]);
    with_rules(|r| ask_all(&mut a, &mut s, r)).unwrap();
    let refused: Vec<&str> = s.refused.iter().map(|(q, _)| q.as_str()).collect();
    assert_eq!(
        refused,
        [
            "Kind",
            "Title",
            "Email",
            "Channel",
            "Category",
            "Harm to the customer (amount)",
            "What the customer asks for",
            "Justice judged deficient",
            "Assign to",
            "Received"
        ]
    );
    let msg = |q: &str| s.refused.iter().find(|(l, _)| l == q).unwrap().1.clone();
    assert!(
        msg("Category").contains("did you mean `delivery`"),
        "{}",
        msg("Category")
    );
    assert!(msg("What the customer asks for").contains("did you mean `apology`"));
    assert!(msg("Kind").contains("did you mean `claim`"));
    assert!(msg("Assign to").contains("did you mean `bob`"));
    assert_eq!(a.assign.as_deref(), Some("bob"));
    assert_eq!(a.kind, Some(Kind::Claim));
    assert_eq!(a.title.as_deref(), Some("Lamp broken"));
    assert_eq!(a.email.as_deref(), Some("marie@example.com"));
    assert_eq!(a.phone, None);
    assert_eq!(a.category.as_deref(), Some("delivery"));
    assert_eq!(a.harm.map(|m| m.to_string()).as_deref(), Some("120.00"));
    assert_eq!(a.wants, ["refund", "apology"]);
    assert_eq!(a.justice, Some(Justice::Procedural));
    assert_eq!(a.received.as_deref(), Some("today 09:14"));
    assert_eq!(a.description.as_deref(), Some("It arrived in pieces"));
}

#[test]
fn flags_given_are_not_asked_and_complaints_skip_harm() {
    let mut a = args(&[
        "--kind",
        "complaint",
        "--title",
        "Rude",
        "--customer",
        "Jo",
        "--channel",
        "chat",
    ]);
    let mut s = Script::new(&[
        Some(""),        // email
        Some(""),        // phone
        Some("billing"), // category
        Some("low"),     // severity
        Some(""),        // wants
        Some(""),        // justice
        Some(""),        // assign: nobody
        Some(""),        // received: now
        Some(""),        // description
    ]);
    with_rules(|r| ask_all(&mut a, &mut s, r)).unwrap();
    assert_eq!(
        s.asked,
        [
            "Email",
            "Phone",
            "Category",
            "Severity",
            "What the customer asks for",
            "Justice judged deficient",
            "Assign to",
            "Received",
            "Description"
        ]
    );
    assert!(a.wants.is_empty() && a.justice.is_none() && a.received.is_none());
    assert!(a.assign.is_none());
    assert!(s.refused.is_empty());
}

#[test]
fn cancelling_stops_at_once() {
    let mut a = args(&[]);
    let mut s = Script::new(&[Some("claim"), Some("Lamp"), None, Some("never read")]);
    let e = with_rules(|r| ask_all(&mut a, &mut s, r)).unwrap_err();
    assert!(e.downcast_ref::<Cancelled>().is_some());
    assert_eq!(s.asked.len(), 3);
    assert_eq!(s.answers.len(), 1);
}

#[test]
fn the_command_line_records_every_answer_quoted() {
    let a = args(&[
        "--kind",
        "claim",
        "--title",
        "Marie's lamp",
        "--customer",
        "Marie T",
        "--channel",
        "email",
        "--category",
        "delivery",
        "--severity",
        "high",
        "--wants",
        "refund",
        "--wants",
        "apology",
        "--justice",
        "interactional",
        "--received",
        "today 09:14",
    ]);
    assert_eq!(
        command_line(&a),
        "redress new --kind claim --title 'Marie'\\''s lamp' --customer 'Marie T' --channel email \
         --category delivery --severity high --wants refund --wants apology \
         --justice interactional --received 'today 09:14'"
    );
}

#[test]
fn the_questions_are_asked_in_french() {
    use crate::i18n::{Lang, with_lang};
    let mut a = args(&[
        "--kind",
        "complaint",
        "--customer",
        "Jo",
        "--channel",
        "chat",
    ]);
    let mut s = Script::new(&[
        Some(""),        // title: refused, asked again
        Some("Impoli"),  // title
        Some(""),        // email
        Some(""),        // phone
        Some("billing"), // category
        Some("low"),     // severity
        Some(""),        // wants
        Some(""),        // justice
        Some(""),        // assign
        Some(""),        // received
        Some(""),        // description
    ]);
    with_lang(Lang::Fr, || with_rules(|r| ask_all(&mut a, &mut s, r))).unwrap();
    assert_eq!(s.asked.first().map(String::as_str), Some("Titre"));
    assert!(
        s.asked.iter().any(|q| q == "Ce que le client demande"),
        "{:?}",
        s.asked
    );
    assert!(s.asked.iter().any(|q| q == "Assigner à"), "{:?}", s.asked);
    assert_eq!(
        s.refused.first().map(|r| r.1.as_str()),
        Some("Titre ne peut pas être vide")
    );
    assert_eq!(a.title.as_deref(), Some("Impoli"));
}
