//! French on the command line (issue 14, item 3): every closed vocabulary
//! takes French words, in any case and without accents; amounts take a
//! decimal comma; the files keep the English values.

mod common;

use common::{add_case, redress, snapshot};
use predicates::prelude::*;
use proptest::prelude::*;
use redress::case::money::Money;
use redress::case::vocab::{Channel, Kind, Outcome, Profile, Risk, Severity, Vocabulary, fold};
use std::fs;

const ID: &str = "20261122-k7q2";

fn ledger() -> (tempfile::TempDir, String) {
    let dir = common::init();
    let rel = add_case(dir.path(), ID);
    (dir, rel)
}

#[test]
fn french_flags_write_the_english_values() {
    let (dir, rel) = ledger();
    let d = dir.path();
    redress(d)
        .args(["compensate", "k7q2", "--remedy", "remboursement"])
        .args(["--amount", "12,50"])
        .assert()
        .success();
    redress(d)
        .args([
            "resolve",
            "k7q2",
            "--outcome",
            "fondée",
            "--summary",
            "Remboursé",
        ])
        .assert()
        .success();
    redress(d)
        .args(["follow-up", "k7q2", "--satisfied", "oui"])
        .assert()
        .success();
    let text = fs::read_to_string(d.join(&rel)).unwrap();
    assert!(
        text.contains("    remedy: refund\n    amount: 12.50\n"),
        "{text}"
    );
    assert!(text.contains("    outcome: founded\n"), "{text}");
    assert!(text.contains("    satisfied: true\n"), "{text}");
    assert!(
        !text.contains("fondée") && !text.contains("12,50"),
        "{text}"
    );
    redress(d).arg("check").assert().success();
}

#[test]
fn new_takes_french_words_and_grouped_amounts() {
    let dir = common::init();
    let d = dir.path();
    let out = redress(d)
        .args(["new", "--kind", "Réclamation", "--title", "Colis brisé"])
        .args(["--customer", "Marie Tremblay", "--channel", "COURRIEL"])
        .args(["--category", "delivery", "--severity", "elevee"])
        .args(["--profile", "gérant d’estrade", "--risk", "temporel"])
        .args(["--risk", "securite", "--harm", "1 234,50"])
        .args(["--annual-value", "1,234.00", "--language", "fr"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let text = fs::read_to_string(d.join(common::case_path(&id))).unwrap();
    for line in [
        "kind: claim\n",
        "channel: email\n",
        "severity: high\n",
        "  profile: voicer\n",
        "  annual_value: 1234.00\n",
        "  language: fr\n",
        "harm: 1234.50\n",
        "risks: [temporal, security]\n",
    ] {
        assert!(text.contains(line), "{line:?} missing from\n{text}");
    }
}

/// The word as typed without accents, in upper case, with `’` for `'`.
fn variants(word: &str) -> Vec<String> {
    let plain: String = word
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'à' | 'â' => 'a',
            'ç' => 'c',
            'ô' => 'o',
            'î' => 'i',
            'û' | 'ù' => 'u',
            c => c,
        })
        .collect();
    vec![
        word.to_string(),
        plain.clone(),
        word.to_uppercase(),
        word.replace('\'', "’"),
        word.replace('-', " "),
        plain.replace('\'', "-"),
    ]
}

fn every_word_maps<T: Vocabulary + std::fmt::Display>() {
    assert!(!T::FRENCH.is_empty(), "{} has no French words", T::WHAT);
    for name in T::NAMES {
        assert!(
            T::FRENCH.iter().any(|(_, en)| en == name),
            "{} `{name}` has no French word",
            T::WHAT
        );
    }
    for (fr, en) in T::FRENCH {
        for v in variants(fr) {
            let got = T::from_word(&v).map(|t| t.to_string());
            assert_eq!(got.as_deref(), Ok(*en), "{} `{v}`", T::WHAT);
        }
        // Files keep the English value: a French word there is refused,
        // pointing to it.
        let err = fr.parse::<T>().map(|t| t.to_string()).unwrap_err();
        assert!(err.contains(&format!("did you mean `{en}`")), "{err}");
    }
}

#[test]
fn every_french_word_of_every_vocabulary_maps() {
    every_word_maps::<Kind>();
    every_word_maps::<Channel>();
    every_word_maps::<Severity>();
    every_word_maps::<Profile>();
    every_word_maps::<Risk>();
    every_word_maps::<Outcome>();
    assert_eq!(Risk::NAMES.len(), 13);
}

#[test]
fn a_misspelt_french_word_gets_a_hint_and_changes_nothing() {
    let (dir, _) = ledger();
    let before = snapshot(dir.path());
    redress(dir.path())
        .args(["resolve", "k7q2", "--outcome", "fondeez", "--summary", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `fondée`?"));
    redress(dir.path())
        .args(["follow-up", "k7q2", "--satisfied", "peut-être"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("answer yes or no (oui or non)"));
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn an_ambiguous_amount_is_refused_and_changes_nothing() {
    let (dir, _) = ledger();
    let before = snapshot(dir.path());
    redress(dir.path())
        .args([
            "compensate",
            "k7q2",
            "--remedy",
            "refund",
            "--amount",
            "1,234",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ambiguous amount `1,234`"))
        .stderr(predicate::str::contains("1 234,00"));
    assert_eq!(before, snapshot(dir.path()));
}

#[test]
fn a_french_word_in_a_file_is_an_error_pointing_to_the_english_value() {
    let (dir, rel) = ledger();
    let path = dir.path().join(&rel);
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("severity: medium", "severity: moyenne");
    fs::write(&path, text).unwrap();
    redress(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("did you mean `medium`?"));
}

/// The README's table of French words is the code's table.
#[test]
fn the_documented_table_is_the_code_table() {
    let readme = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut documented: Vec<(String, String, String)> = Vec::new();
    let start = readme
        .find("<!-- french-words -->")
        .expect("README has the French words table");
    for line in readme[start..].lines().skip(1) {
        if !line.starts_with('|') {
            if documented.is_empty() {
                continue;
            }
            break;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if let [what, fr, en] = cells[..]
            && en.starts_with('`')
        {
            for w in fr.split(", ") {
                documented.push((
                    what.into(),
                    w.trim_matches('`').into(),
                    en.trim_matches('`').into(),
                ));
            }
        }
    }
    let mut code: Vec<(String, String, String)> = Vec::new();
    fn add<T: Vocabulary>(code: &mut Vec<(String, String, String)>) {
        for (fr, en) in T::FRENCH {
            code.push((T::WHAT.into(), (*fr).into(), (*en).into()));
        }
    }
    add::<Kind>(&mut code);
    add::<Channel>(&mut code);
    add::<Severity>(&mut code);
    add::<Profile>(&mut code);
    add::<Risk>(&mut code);
    add::<Outcome>(&mut code);
    for (fr, en) in redress::case::vocab::REMEDIES_FRENCH {
        code.push(("remedy".into(), (*fr).into(), (*en).into()));
    }
    code.push(("yes/no".into(), "oui".into(), "yes".into()));
    code.push(("yes/no".into(), "non".into(), "no".into()));
    assert_eq!(
        documented, code,
        "regenerate the README table from the code"
    );
}

#[test]
fn folding_ignores_case_accents_and_separators() {
    assert_eq!(fold("Gérant d’estrade"), fold("gerant-d'estrade"));
    assert_eq!(fold("PARTIELLEMENT fondée"), "partiellementfondee");
}

fn grouped(cents: u64, thousands: &str, mark: &str) -> String {
    let (int, frac) = (cents / 100, cents % 100);
    let digits = int.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(thousands);
        }
        out.push(c);
    }
    format!("{out}{mark}{frac:02}")
}

proptest! {
    /// However an amount is written — English, French (with any space),
    /// ungrouped — it reads as the same value, stored as `1234.50`.
    #[test]
    fn amounts_round_trip(cents in 0u64..=99_999_999_999_999) {
        let canonical = Money::parse(&grouped(cents, "", ".")).unwrap();
        for (sep, mark) in [(",", "."), (" ", ","), ("\u{a0}", ","), ("\u{202f}", ","), ("", ","), (".", ",")] {
            let typed = grouped(cents, sep, mark);
            prop_assert_eq!(Money::parse_input(&typed), Ok(canonical), "{}", typed);
        }
        let french = redress::i18n::with_lang(redress::i18n::Lang::Fr, || {
            redress::cli::render::fmt::money(canonical.0)
        });
        prop_assert_eq!(Money::parse_input(&french), Ok(canonical));
        prop_assert_eq!(Money::parse(&canonical.to_string()), Ok(canonical));
    }
}

/// An imported cell may hold the French word too; the case gets the
/// English value.
#[test]
fn import_reads_french_words_in_cells() {
    let dir = common::init();
    let d = dir.path();
    common::write(
        d,
        "in/map.toml",
        "source_system = \"crm\"\ndate_format = \"%Y-%m-%d\"\n\n[columns]\nid = \"No\"\nreceived = \"Date\"\ntitle = \"Objet\"\ncustomer = \"Nom\"\ncategory = \"Type\"\nchannel = \"Canal\"\nseverity = \"Gravité\"\nkind = \"Nature\"\n",
    );
    common::write(
        d,
        "in/crm.csv",
        "No,Date,Objet,Nom,Type,Canal,Gravité,Nature\nA-1,2026-11-20,Colis brisé,Marie Tremblay,delivery,Courriel,Élevée,Réclamation\n",
    );
    redress(d)
        .args(["import", "csv", "in/crm.csv", "--map", "in/map.toml"])
        .assert()
        .success();
    let case = walkdir::WalkDir::new(d.join("cases"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_type().is_file())
        .map(|e| fs::read_to_string(e.path()).unwrap())
        .expect("one case imported");
    assert!(case.contains("channel: email\n"), "{case}");
    assert!(case.contains("severity: high\n"), "{case}");
    assert!(case.contains("kind: claim\n"), "{case}");
}
