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

/// The English phrases in `text`: what would betray an English sentence.
fn leaks<'a>(phrases: &'a [String], text: &str) -> Vec<&'a String> {
    phrases
        .iter()
        .filter(|p| text.contains(p.as_str()))
        .collect()
}

/// Rewrites one file of `dir` with `edit`, which must change it.
fn spoil(dir: &Path, rel: &str, edit: impl Fn(&str) -> String) {
    let path = dir.join(rel);
    let before = std::fs::read_to_string(&path).expect("readable");
    let after = edit(&before);
    assert_ne!(before, after, "{rel} was not changed");
    std::fs::write(&path, after).expect("writable");
}

/// `text` with its first line starting with `prefix` replaced by `line`.
fn first_line(text: &str, prefix: &str, line: &str) -> String {
    let mut done = false;
    text.lines()
        .map(|l| match !done && l.starts_with(prefix) {
            true => {
                done = true;
                format!("{line}\n")
            }
            false => format!("{l}\n"),
        })
        .collect()
}

/// A copy of the sample ledger whose case and action files hold one of
/// each kind of problem `check` reports.
fn broken_ledger() -> tempfile::TempDir {
    let dir = sample_copy();
    let d = dir.path();
    let case = |id: &str| format!("cases/2025/11/{id}.yaml");
    // An unknown key (with a did-you-mean) and an unknown value.
    spoil(d, &case("20251101-7hq3"), |s| {
        s.replace("severity: medium", "severity: enormous")
            .replace("title:", "titel: x\ntitle:")
    });
    // A French word where a file keeps the English one.
    spoil(d, &case("20251104-m2xk"), |s| {
        s.replacen("channel: ", "channel: courriel\nx-channel: ", 1)
            .replace("\nx-channel: email", "")
            .replace("\nx-channel: phone", "")
            .replace("\nx-channel: web", "")
    });
    // Before receipt, an unknown category and team member.
    spoil(d, &case("20251107-c4vn"), |s| {
        let s = first_line(s, "category:", "category: delivry");
        let s = first_line(&s, "    by:", "    by: zed");
        first_line(&s, "  - at:", "  - at: 2020-01-01T00:00:00-05:00")
    });
    // A missing key.
    spoil(d, &case("20251110-9tbw"), |s| {
        s.lines()
            .filter(|l| !l.starts_with("title:"))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    // Events out of sequence and out of order, a key an event does not take.
    spoil(d, &case("20251114-r8fd"), |s| {
        s.replacen(
            "history:\n",
            "history:\n  - at: 2025-11-20T10:00:00-05:00\n    by: julien\n    event: closed\n    remedy: x\n",
            1,
        )
    });
    // An unreadable time, a repeated key, conflict markers, a wrong type.
    spoil(d, &case("20251119-x3pe"), |s| {
        s.replacen(
            "history:\n",
            "history:\n  - at: garbage\n    by: julien\n    event: noted\n",
            1,
        )
    });
    spoil(d, &case("20251124-hb6z"), |s| {
        s.replacen("id: ", "id: 20251124-hb6z\nid: ", 1)
    });
    spoil(d, &case("20251128-5kjd"), |s| format!("<<<<<<< HEAD\n{s}"));
    spoil(d, &case("20251130-w6ya"), |s| {
        s.replacen("kind: ", "kind: [a]\nk: ", 1)
    });
    // Action files: a date that is not one, a due date before creation.
    spoil(d, "actions/a-20260622-dq4m.yaml", |s| {
        s.lines()
            .map(|l| match l.starts_with("created:") {
                true => "created: demain\n".to_string(),
                false => format!("{l}\n"),
            })
            .collect()
    });
    spoil(d, "actions/a-20261103-w8kz.yaml", |s| {
        s.replace("due: 2026-12-15", "due: 2020-01-01")
            .replace("owner: julien", "owner: nadai")
    });
    // An amount that is not one.
    spoil(d, "cases/2026/01/20260109-4hzc.yaml", |s| {
        first_line(s, "harm:", "harm: abc")
    });
    // A character a case file cannot hold as itself.
    spoil(d, "cases/2025/12/20251203-2mzr.yaml", |s| {
        s.replacen("title: ", "title: a\rb ", 1)
    });
    // What a stopped writer leaves: a lock.
    std::fs::write(d.join("cases/2025/12/20251201-fq8n.yaml.lock"), "").expect("writable");
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    redress(dir).args(args).output().expect("runs")
}

#[test]
fn check_reports_broken_files_in_french_and_the_same_json() {
    let phrases = english_phrases();
    let dir = broken_ledger();
    let fr = run_in(dir.path(), &["--lang", "fr", "check"]);
    let en = run_in(dir.path(), &["--lang", "en", "check"]);
    let (fr, en) = (
        String::from_utf8_lossy(&fr.stdout).into_owned(),
        String::from_utf8_lossy(&en.stdout).into_owned(),
    );
    // Every kind of problem was found, in both languages.
    for code in [
        "unknown-field",
        "invalid-value",
        "missing-field",
        "event-sequence",
        "history-order",
        "duplicate-key",
        "conflict-marker",
        "unknown-category",
        "unknown-member",
        "stale-lock",
        "invalid-character",
    ] {
        assert!(fr.contains(&format!("erreur[{code}]")), "{code}: {fr}");
        assert!(en.contains(&format!("error[{code}]")), "{code}: {en}");
    }
    assert!(!fr.contains("error["), "{fr}");
    assert!(fr.contains("= aide : "), "{fr}");
    assert!(fr.contains("vouliez-vous dire `title`?"), "{fr}");
    assert!(fr.contains("clé en double `id`"), "{fr}");
    assert!(fr.contains("heure invalide `garbage`"), "{fr}");
    assert!(
        fr.contains("U+000D (retour chariot sans saut de ligne)"),
        "{fr}"
    );
    // French plurals, not "problème(s)".
    assert!(
        fr.contains(" problèmes dans ") && fr.contains(" fichiers; "),
        "{fr}"
    );
    assert!(!fr.contains("(s)"), "{fr}");
    assert!(!leaks(&phrases, &en).is_empty(), "the check can fail");
    let found = leaks(&phrases, &fr);
    assert!(found.is_empty(), "check says in English: {found:?}\n{fr}");
    let json = |lang: &str| {
        let out = run_in(dir.path(), &["--lang", lang, "check", "--format", "json"]);
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let en_json = json("en");
    assert!(
        en_json.contains("\"code\": \"event-sequence\""),
        "{en_json}"
    );
    assert!(en_json.contains("did you mean `title`?"), "{en_json}");
    assert_eq!(
        en_json,
        json("fr"),
        "check --format json changed with --lang fr"
    );
}

#[test]
fn refusals_to_write_an_invalid_file_are_french() {
    let phrases = english_phrases();
    let dir = broken_ledger();
    let refusals: &[&[&str]] = &[
        &["action", "close", "dq4m", "--note", "Fait"],
        &["action", "close", "w8kz", "--note", "Fait"],
        &["show", "7hq3"],
        &["note", "r8fd", "--by", "julien", "Appel"],
    ];
    for args in refusals {
        let out = redress(dir.path())
            .args(["--lang", "fr"])
            .args(*args)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_ne!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(err.contains("erreur"), "{args:?}: {err}");
        let found = leaks(&phrases, &err);
        assert!(
            found.is_empty(),
            "{args:?} says in English: {found:?}\n{err}"
        );
    }
    // An edit that check would reject: the problem in French.
    let dir = sample_copy();
    let out = redress(dir.path())
        .env("EDITOR", "sed -i s/medium$/urgent/")
        .env_remove("VISUAL")
        .args(["--lang", "fr", "edit", "2vtd"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("erreur[invalid-value]: severity : gravité introuvable"),
        "{err}"
    );
    assert!(leaks(&phrases, &err).is_empty(), "{err}");
    let draft = std::fs::read_to_string(dir.path().join(".redress/drafts/20261026-2vtd.yaml"))
        .expect("the draft is kept");
    assert!(draft.contains("severity: urgent"), "{draft}");
}

#[test]
fn policy_diagnostics_are_french_and_json_unchanged() {
    let phrases = english_phrases();
    let dir = sample_copy();
    let d = dir.path();
    spoil(d, "policies/deadlines.toml", |s| {
        s.replacen("acknowledge", "acknowlege", 1)
            .replace("America/Toronto", "America/Torotno")
    });
    spoil(d, "policies/compensation.toml", |s| {
        format!("{s}\n<<<<<<< HEAD\n")
    });
    let fr = run_in(d, &["--lang", "fr", "policy", "check"]);
    let err = String::from_utf8_lossy(&fr.stderr);
    assert_eq!(fr.status.code(), Some(2), "{err}");
    assert!(err.contains("erreur[policy-invalid]"), "{err}");
    assert!(err.contains("erreur[conflict-marker]"), "{err}");
    let found = leaks(&phrases, &err);
    assert!(
        found.is_empty(),
        "policy check says in English: {found:?}\n{err}"
    );
    let json = |lang: &str| {
        String::from_utf8(run_in(d, &["--lang", lang, "check", "--format", "json"]).stdout)
    };
    assert_eq!(json("en").ok(), json("fr").ok());
}

#[test]
fn import_reports_its_rows_in_french() {
    let phrases = english_phrases();
    let dir = tempfile::tempdir().expect("temp dir");
    redress(dir.path()).arg("init").assert().success();
    let bad = root().join("tests/fixtures/import/bad.csv");
    let bad = bad.to_str().expect("utf-8 path");
    let run = |lang: &str, extra: &[&str]| {
        let out = run_in(
            dir.path(),
            &[
                &[
                    "--lang",
                    lang,
                    "import",
                    "cfpb",
                    bad,
                    "--by",
                    "alice",
                    "--dry-run",
                ],
                extra,
            ]
            .concat(),
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let en = run("en", &[]);
    assert!(en.contains("3 bad rows; nothing was imported"), "{en}");
    assert!(!leaks(&phrases, &en).is_empty(), "the check can fail");
    for extra in [&[][..], &["--skip-bad"]] {
        let fr = run("fr", extra);
        assert!(
            fr.contains("13 colonnes alors que l'en-tête en compte 18"),
            "{fr}"
        );
        let found = leaks(&phrases, &fr);
        assert!(
            found.is_empty(),
            "import {extra:?} says in English: {found:?}\n{fr}"
        );
    }
    assert!(run("fr", &["--skip-bad"]).contains("essai à blanc : "));
    // Refusals of a whole file: not the expected export, ambiguous dates.
    for file in ["tickets.csv", "ambiguous.csv"] {
        let path = root().join("tests/fixtures/import").join(file);
        let path = path.to_str().expect("utf-8 path");
        let args = ["import", "cfpb", path, "--by", "alice", "--dry-run"];
        let fr = run_in(dir.path(), &[&["--lang", "fr"][..], &args].concat());
        let err = String::from_utf8_lossy(&fr.stderr);
        assert_eq!(fr.status.code(), Some(2), "{err}");
        assert!(err.contains("= aide : "), "{err}");
        let found = leaks(&phrases, &err);
        assert!(
            found.is_empty(),
            "import {file} says in English: {found:?}\n{err}"
        );
        let en = run_in(dir.path(), &[&["--lang", "en"][..], &args].concat());
        assert!(!leaks(&phrases, &String::from_utf8_lossy(&en.stderr)).is_empty());
    }
}

#[test]
fn the_review_calls_a_repeat_customer_client_in_french() {
    let returns = root().join("tests/fixtures/returns");
    let review = |lang: &str, format: &str| {
        let out = run_in(
            &returns,
            &[
                "--lang", lang, "report", "--review", "2026-Q3", "--format", format,
            ],
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let fr = review("fr", "markdown");
    assert!(fr.contains("| client 1 | 2 |"), "{fr}");
    assert!(!fr.contains("customer 1"), "{fr}");
    assert!(review("en", "markdown").contains("| customer 1 | 2 |"));
    assert!(review("fr", "html").contains("client 1"));
    let json = review("fr", "json");
    assert!(json.contains("\"customer\": \"customer 1\""), "{json}");
    assert_eq!(json, review("en", "json"));
}

#[test]
fn unreadable_times_and_durations_are_explained_in_french() {
    let phrases = english_phrases();
    let dir = sample_copy();
    for args in [
        &["note", "2vtd", "--by", "nadia", "--at", "garbage", "Appel"][..],
        &["audit", "--since", "garbage"],
        &["audit", "--as-of", "2026-02-30"],
        &["extend", "2vtd", "--to", "zz", "--reason", "Attente"],
        &["extend", "2vtd", "--to", "0d", "--reason", "Attente"],
    ] {
        let out = redress(dir.path())
            .args(["--lang", "fr"])
            .args(args)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("invalide"), "{args:?}: {err}");
        let found = leaks(&phrases, &err);
        assert!(
            found.is_empty(),
            "{args:?} says in English: {found:?}\n{err}"
        );
    }
}

#[test]
fn clap_refusals_are_french_with_exit_2() {
    let phrases = english_phrases();
    let clap_english = [
        "invalid value",
        "For more information",
        "unexpected argument",
        "unrecognized subcommand",
        "required arguments were not provided",
        "tip:",
        "Usage:",
        "a similar",
    ];
    for args in [
        &["list", "--status", "zz"][..],
        &["audit", "--fail-on", "x"],
        &["list", "--stauts", "x"],
        &["lsit"],
        &["note"],
        &["list", "--format"],
    ] {
        let out = redress(&root())
            .args(["--lang", "fr"])
            .args(args)
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("erreur : "), "{args:?}: {err}");
        assert!(
            err.contains("Pour en savoir plus, essayez « --help »."),
            "{err}"
        );
        for english in clap_english.iter().chain(
            leaks(&phrases, &err)
                .into_iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .iter(),
        ) {
            assert!(
                !err.contains(english),
                "{args:?} says in English {english:?}: {err}"
            );
        }
        // English is clap's own, unchanged.
        let out = redress(&root()).args(args).output().expect("runs");
        let en = String::from_utf8_lossy(&out.stderr);
        assert!(
            en.starts_with("error: ") && en.contains("For more information"),
            "{en}"
        );
    }
    let out = redress(&root())
        .args(["--lang", "fr", "list", "--stauts", "x"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("astuce : un argument semblable existe : « --status »"),
        "{err}"
    );
    assert!(err.contains("Utilisation : redress list"), "{err}");
}

#[test]
fn the_french_man_page_has_french_headings() {
    let phrases = english_phrases();
    let man = french(&["man"], false);
    let headings: Vec<&str> = man.lines().filter(|l| l.starts_with(".SH ")).collect();
    for h in [
        ".SH NOM",
        ".SH SYNOPSIS",
        ".SH SOUS-COMMANDES",
        ".SH FICHIERS",
    ] {
        assert!(headings.contains(&h), "{h} missing: {headings:?}");
    }
    for h in ["NAME", "SUBCOMMANDS", "FILES", "SEE ALSO", "Commandes"] {
        assert!(
            !headings.contains(&format!(".SH {h}").as_str()),
            "{h}: {headings:?}"
        );
    }
    // roff escapes hyphens: compare the text with them unescaped.
    let text = man.replace("\\-", "-");
    let found = leaks(&phrases, &text);
    assert!(found.is_empty(), "man says in English: {found:?}");
    let english = output({
        let mut c = redress(&root());
        c.arg("man");
        c
    });
    assert!(english.contains(".SH NAME") && english.contains(".SH SUBCOMMANDS"));
}
