//! Property: after any sequence of lifecycle commands, the file's earlier
//! bytes are unchanged and the file still parses.

mod common;
use common::*;
use proptest::prelude::*;

fn verb(i: u8, minute: u32) -> Vec<String> {
    let at = format!(
        "2026-11-{:02}T{:02}:{:02}:00-05:00",
        3 + minute / 600,
        9 + (minute / 60) % 8,
        minute % 60
    );
    let v: Vec<&str> = match i % 12 {
        0 => vec!["ack"],
        1 => vec!["assign", "bob"],
        2 => vec!["note", "a note: with # odd \"chars\""],
        3 => vec!["update", "multi\nline update"],
        4 => vec!["escalate", "--to", "supervisor", "--reason", "why not"],
        5 => vec!["pause", "--reason", "waiting"],
        6 => vec!["resume"],
        7 => vec!["compensate", "--remedy", "credit", "--amount", "10.50"],
        8 => vec!["resolve", "--outcome", "founded", "--summary", "done"],
        9 => vec!["follow-up", "--satisfied", "no"],
        10 => vec!["close"],
        _ => vec!["reopen", "--reason", "it broke again"],
    };
    let mut args: Vec<String> = vec![v[0].to_string(), "k7q2".to_string()];
    args.extend(v[1..].iter().map(|s| s.to_string()));
    args.extend([
        "--at".to_string(),
        at,
        "--by".to_string(),
        "carole".to_string(),
    ]);
    args
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]
    #[test]
    fn appends_never_touch_earlier_bytes(steps in proptest::collection::vec(0u8..12, 1..10)) {
        let dir = init();
        let rel = add_case(dir.path(), "20261102-k7q2");
        let path = dir.path().join(&rel);
        for (n, step) in steps.iter().enumerate() {
            let before = std::fs::read(&path).unwrap();
            let ok = redress(dir.path()).args(verb(*step, 30 * n as u32)).output().unwrap().status.success();
            let after = std::fs::read(&path).unwrap();
            if ok {
                prop_assert!(after.starts_with(&before) && after.len() > before.len());
            } else {
                prop_assert_eq!(&before, &after);
            }
            redress(dir.path()).arg("check").assert().success();
        }
    }
}
