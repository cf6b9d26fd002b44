//! The French interface (issue 14): every message id exists in both
//! languages, French output holds no English sentence from the catalogue,
//! amounts read as in Québec, and machine formats never change with the
//! language.

use assert_cmd::Command;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-11-22T12:00:00-05:00";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The messages of one language: (id, the text of its value and variants).
fn catalogue(lang: &str) -> Vec<(String, String)> {
    let dir = root().join("i18n").join(lang);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("catalogue folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    files.sort();
    let mut out: Vec<(String, String)> = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("readable ftl");
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let is_id = line.split_once(" =").is_some_and(|(id, _)| {
                !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
            match (is_id, line.starts_with(' '), out.last_mut()) {
                (true, false, _) => {
                    let (id, value) = line.split_once(" =").unwrap_or_default();
                    out.push((id.to_string(), value.to_string()));
                }
                (_, true, Some((_, value))) => {
                    value.push('\n');
                    value.push_str(line);
                }
                _ => {}
            }
        }
    }
    out
}

fn ids(lang: &str) -> BTreeSet<String> {
    catalogue(lang).into_iter().map(|(id, _)| id).collect()
}

#[test]
fn every_message_exists_in_both_languages() {
    let (en, fr) = (ids("en"), ids("fr"));
    assert!(en.len() > 100, "the catalogue was read: {} ids", en.len());
    let only_en: Vec<_> = en.difference(&fr).collect();
    let only_fr: Vec<_> = fr.difference(&en).collect();
    assert!(only_en.is_empty(), "missing in i18n/fr: {only_en:?}");
    assert!(only_fr.is_empty(), "missing in i18n/en: {only_fr:?}");
}

/// The literal runs of an English message (placeables, variant keys and
/// selectors removed) of at least three words: what would betray an
/// English sentence left in French output.
fn english_phrases() -> Vec<String> {
    let mut phrases = BTreeSet::new();
    for (_, value) in catalogue("en") {
        // Placeables (possibly nested) become a break between runs.
        let mut flat = String::new();
        let mut depth = 0;
        for c in value.chars() {
            match c {
                '{' => {
                    depth += 1;
                    flat.push('\u{0}');
                }
                '}' => depth -= 1,
                _ if depth == 0 => flat.push(c),
                _ => {}
            }
        }
        for line in flat.lines() {
            let line = line.trim();
            // A variant's key: `[one] text`, `*[other] text`.
            let line = match line.trim_start_matches('*').strip_prefix('[') {
                Some(rest) => rest.split_once(']').map_or("", |(_, t)| t),
                None => line,
            };
            for run in line.split('\u{0}') {
                let run = run
                    .trim()
                    .trim_matches(|c: char| c == ';' || c == ',' || c == ':');
                let run = run.trim();
                // Command lines in examples read the same in both languages.
                let code = ["redress ", "git ", "id=$(", "--", "0  ", "1  ", "2  "]
                    .iter()
                    .any(|p| run.starts_with(p));
                if run.split_whitespace().count() >= 3 && !code {
                    phrases.insert(run.to_string());
                }
            }
        }
    }
    phrases.into_iter().collect()
}

fn redress(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("redress").expect("binary built");
    cmd.current_dir(dir)
        .env("REDRESS_NOW", NOW)
        .env("REDRESS_LEDGER", dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("REDRESS_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    cmd
}

fn output(mut cmd: Command) -> String {
    let out = cmd.output().expect("runs");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The human outputs checked, on the repository's own sample ledger.
const HUMAN: &[&[&str]] = &[
    &["audit"],
    &["audit", "--format", "markdown"],
    &["report"],
    &["report", "--format", "markdown"],
    &["report", "--format", "html"],
    &["show", "2vtd"],
    &["show", "b8rq"],
    &["list"],
    &["check"],
    &["action", "list", "--all"],
    &["search", "carrier"],
    &["report", "--review", "2026-Q3"],
    &["report", "--review", "2026-Q3", "--format", "html"],
    &["report", "--return", "amf", "--for", "2026"],
    &[
        "report", "--return", "fca", "--for", "2026-Q3", "--format", "html",
    ],
    &["--help"],
    &["list", "--help"],
    &["audit", "--help"],
    &["new", "--help"],
];

/// The same command in French, by `--lang fr` or by the locale.
fn french(args: &[&str], by_locale: bool) -> String {
    let mut cmd = redress(&root());
    if by_locale {
        cmd.env("LANG", "fr_CA.UTF-8");
    } else {
        cmd.args(["--lang", "fr"]);
    }
    output({
        cmd.args(args);
        cmd
    })
}

#[test]
fn french_output_holds_no_english_sentence() {
    let phrases = english_phrases();
    assert!(phrases.len() > 50, "{} phrases", phrases.len());
    for by_locale in [false, true] {
        for args in HUMAN {
            let out = french(args, by_locale);
            assert!(out.len() > 40, "{args:?} printed: {out}");
            let leaks: Vec<&String> = phrases
                .iter()
                .filter(|p| out.contains(p.as_str()))
                .collect();
            assert!(
                leaks.is_empty(),
                "{args:?} (locale: {by_locale}) says in English: {leaks:?}"
            );
        }
    }
}

#[test]
fn english_output_still_speaks_english() {
    // The same check run the other way proves that it can fail.
    let phrases = english_phrases();
    let out = output({
        let mut c = redress(&root());
        c.arg("report");
        c
    });
    assert!(phrases.iter().any(|p| out.contains(p.as_str())));
    assert!(out.contains("6,588.96 CAD"), "{out}");
}

#[test]
fn amounts_read_as_in_quebec() {
    for by_locale in [false, true] {
        for args in [
            &["audit"][..],
            &["report"],
            &["report", "--format", "markdown"],
            &["report", "--format", "html"],
        ] {
            let out = french(args, by_locale);
            assert!(out.contains("6 588,96 $"), "{args:?}: {out}");
            assert!(!out.contains("CAD"), "{args:?} shows a currency code");
        }
    }
    let html = french(&["report", "--format", "html"], false);
    assert!(html.contains("<html lang=\"fr\">"));
    assert!(html.contains("Plaintes et réclamations"));
    assert!(french(&["show", "b8rq"], false).contains("préjudice    85,00 $"));
}

#[test]
fn machine_formats_do_not_change_with_the_language() {
    let cases: &[&[&str]] = &[
        &["audit", "--format", "json"],
        &["audit", "--format", "csv"],
        &["report", "--format", "json"],
        &["report", "--format", "csv"],
        &["list", "--all", "--format", "json"],
        &["list", "--all", "--format", "csv"],
        &["show", "2vtd", "--format", "json"],
        &["export", "--format", "jsonl"],
        &["export", "--format", "csv"],
        &[
            "report", "--return", "amf", "--for", "2026", "--format", "csv",
        ],
        &[
            "report", "--return", "fca", "--for", "2026-Q3", "--format", "csv",
        ],
    ];
    for args in cases {
        let en = output({
            let mut c = redress(&root());
            c.args(["--lang", "en"]).args(*args);
            c
        });
        assert!(en.len() > 100, "{args:?}");
        assert_eq!(en, french(args, false), "{args:?} changed with --lang fr");
        assert_eq!(en, french(args, true), "{args:?} changed with LANG");
    }
}

#[test]
fn the_flag_wins_over_the_locale_and_an_unknown_language_is_refused() {
    let mut c = redress(&root());
    c.env("LANG", "fr_CA.UTF-8").args(["--lang", "en", "audit"]);
    assert!(output(c).contains("Audit as of"));
    let mut c = redress(&root());
    c.args(["--lang", "de", "audit"]);
    let out = c.output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("redress speaks en and fr"));
}

#[test]
fn the_ledger_can_default_to_french() {
    let dir = tempfile::tempdir().expect("temp dir");
    redress(dir.path())
        .args(["init", "--lang", "fr"])
        .assert()
        .success();
    let settings = std::fs::read_to_string(dir.path().join("policies/ledger.toml"))
        .expect("init wrote the ledger's settings");
    assert!(settings.contains("language = \"fr\""));
    let out = output({
        let mut c = redress(dir.path());
        c.arg("audit");
        c
    });
    assert!(out.starts_with("Audit au "), "{out}");
    // REDRESS_LANG comes before the ledger's default.
    let out = output({
        let mut c = redress(dir.path());
        c.env("REDRESS_LANG", "en").arg("audit");
        c
    });
    assert!(out.starts_with("Audit as of "), "{out}");
}

/// Every command and argument: its catalogue id and English help text.
fn help_entries() -> Vec<(String, String, String)> {
    fn walk(cmd: &clap::Command, id: &str, out: &mut Vec<(String, String, String)>) {
        if let Some(about) = cmd.get_about() {
            out.push((id.to_string(), String::new(), about.to_string()));
        }
        for arg in cmd.get_arguments() {
            if arg.is_global_set() && id != "help" {
                continue;
            }
            if let Some(help) = arg.get_help() {
                let key = format!("{id}-arg-{}", arg.get_id());
                let shared = format!("help-arg-{}", arg.get_id());
                out.push((key, shared, help.to_string()));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{id}-{}", sub.get_name()), out);
        }
    }
    let mut out = Vec::new();
    walk(
        &<redress::cli::Cli as clap::CommandFactory>::command(),
        "help",
        &mut out,
    );
    out
}

#[test]
fn every_command_and_argument_has_french_help_and_the_english_mirror_agrees() {
    use redress::i18n::{Lang, try_tr, with_lang};
    let entries = help_entries();
    assert!(entries.len() > 100, "{} entries", entries.len());
    for (key, shared, english) in entries {
        let lookup = |lang| with_lang(lang, || try_tr(&key).or_else(|| try_tr(&shared)));
        assert!(lookup(Lang::Fr).is_some(), "no French help for {key}");
        assert_eq!(
            lookup(Lang::En).as_deref(),
            Some(english.as_str()),
            "{key}: i18n/en/help.ftl differs from the clap attribute"
        );
    }
}

#[test]
fn policy_check_refuses_an_unknown_language_with_a_suggestion() {
    let dir = tempfile::tempdir().expect("temp dir");
    redress(dir.path()).arg("init").assert().success();
    let settings = dir.path().join("policies/ledger.toml");
    std::fs::write(&settings, "language = \"fra\"\n").expect("writable");
    let out = redress(dir.path())
        .args(["--lang", "en", "policy", "check"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("policies/ledger.toml:1:1") && err.contains("did you mean `fr`?"),
        "{err}"
    );
    std::fs::write(&settings, "language = \"fr-CA\"\n").expect("writable");
    redress(dir.path())
        .args(["policy", "check"])
        .assert()
        .success();
}

/// A copy of the sample ledger, for commands that write or refuse to.
fn sample_copy() -> tempfile::TempDir {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("folder");
        for entry in std::fs::read_dir(from).expect("readable").flatten() {
            let (src, dst) = (entry.path(), to.join(entry.file_name()));
            if src.is_dir() {
                copy(&src, &dst);
            } else {
                std::fs::copy(&src, &dst).expect("copied");
            }
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["cases", "policies", "actions"] {
        copy(&root().join(sub), &dir.path().join(sub));
    }
    dir
}

#[test]
fn the_compliance_commands_refuse_and_report_in_french() {
    let phrases = english_phrases();
    let dir = sample_copy();
    let refusals: &[&[&str]] = &[
        &["action", "close", "dq4m", "--note", "Fait"],
        &["action", "close", "w8kz", "--note", " "],
        &["extend", "2vtd", "--to", "90d", "--reason", " "],
        &["anonymise", "--by", "nobody", "2vtd"],
        &["letter", "--template", "follow-up", "2vtd", "--record"],
        &["letter", "--template", "decision", "2vtd", "--record"],
        &["list", "--assignee", "nadai"],
        &["list", "--category", "delivry"],
        &["audit", "--code", "ack-lat"],
        &["note", "2vtd", "--by", "zed", "Appel"],
        &["resume", "2vtd", "--by", "nadia"],
        &["show", "zzzz"],
        &["show", "2"],
        &["action", "close", "zzzz", "--note", "Fait"],
        &["action", "close", "a", "--note", "Fait"],
        &["report", "--return", "fca"],
        &["report", "--for", "2026"],
        &["report", "--review", "2026-Q3", "--format", "csv"],
        &["ack", "2vtd", "--by", "nadia"],
        &[
            "note",
            "2vtd",
            "--by",
            "nadia",
            "--at",
            "2020-01-01",
            "Appel",
        ],
    ];
    for args in refusals {
        let out = redress(dir.path())
            .args(["--lang", "fr"])
            .args(*args)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.contains("erreur :"), "{args:?}: {err}");
        let leaks: Vec<&String> = phrases
            .iter()
            .filter(|p| err.contains(p.as_str()))
            .collect();
        assert!(leaks.is_empty(), "{args:?} says in English: {leaks:?}");
    }
    let out = output({
        let mut c = redress(dir.path());
        c.args(["--lang", "fr", "action", "close", "w8kz", "--note", "Fait"]);
        c
    });
    assert_eq!(out, "a-20261103-w8kz fermée le 2026-11-22\n");
}

#[test]
fn edit_reports_in_french() {
    let dir = sample_copy();
    let run = |editor: &str| {
        redress(dir.path())
            .env("VISUAL", editor)
            .args(["--lang", "fr", "edit", "2vtd"])
            .output()
            .expect("runs")
    };
    let out = run("true");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.ends_with(" : aucune modification\n"), "{stdout}");
    let out = run("false");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("modification abandonnée (l'éditeur `false` s'est terminé"),
        "{err}"
    );
}
