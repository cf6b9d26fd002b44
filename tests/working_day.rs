//! Issue 13 item 10: a new ledger is ready for a working day.

mod common;
use common::{init, redress};

#[test]
fn init_creates_reports_and_exports_and_this_years_quebec_holidays() {
    let dir = init();
    assert!(dir.path().join("reports").is_dir());
    assert!(dir.path().join("exports").is_dir());
    let deadlines = std::fs::read_to_string(dir.path().join("policies/deadlines.toml")).unwrap();
    // --now is 2026-11-22: 2026 and 2027, Good Friday and the patriotes' Monday computed.
    for day in [
        "2026-04-03",
        "2026-05-18",
        "2027-03-26",
        "2027-05-24",
        "2027-12-25",
    ] {
        assert!(deadlines.contains(&format!("\"{day}\"")), "{day} missing");
    }
    assert!(!deadlines.contains("2028-"));
}

#[test]
fn report_and_export_o_create_a_missing_folder() {
    let dir = init();
    redress(dir.path())
        .args([
            "report",
            "--format",
            "markdown",
            "-o",
            "reports/2026-11/summary.md",
        ])
        .assert()
        .success();
    assert!(dir.path().join("reports/2026-11/summary.md").is_file());
    redress(dir.path())
        .args(["export", "--format", "csv", "-o", "exports/new/all.csv"])
        .assert()
        .success();
    assert!(dir.path().join("exports/new/all.csv").is_file());
}

#[test]
fn o_under_a_file_is_refused_with_a_clear_error() {
    let dir = init();
    std::fs::write(dir.path().join("plain"), "x").unwrap();
    let out = redress(dir.path())
        .args(["export", "--format", "csv", "-o", "plain/sub/all.csv"])
        .assert()
        .failure()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("cannot create the folder plain/sub"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plain")).unwrap(),
        "x"
    );
}

/// Issue 13 item 9: every subcommand's --help teaches by example, and the
/// main help names the exit codes and environment variables.
#[test]
fn every_help_has_examples_and_the_main_help_names_exit_codes_and_environment() {
    let dir = tempfile::tempdir().unwrap();
    // Every command path of the real command tree, nested ones included
    // (`policy explain`, `import csv`, `action new`…), so a new command
    // without examples fails here.
    fn paths(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_string());
            out.push(path.clone());
            paths(sub, &path, out);
        }
    }
    let mut all = Vec::new();
    paths(
        &<redress::cli::Cli as clap::CommandFactory>::command(),
        &[],
        &mut all,
    );
    assert!(all.len() > 35, "{all:?}");
    for path in all {
        let out = redress(dir.path())
            .args(&path)
            .arg("--help")
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(text.contains("\nExamples:\n  "), "{path:?}");
        assert!(text.contains("Global options:\n"), "{path:?}");
    }
    let out = redress(dir.path()).arg("--help").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for needle in [
        "Exit status:",
        "REDRESS_LEDGER",
        "REDRESS_NOW",
        "REDRESS_USER",
        "NO_COLOR",
        "EDITOR",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
}

/// Issue 13 item 9: `man -o DIR` writes one page per subcommand, with the
/// EXIT STATUS, ENVIRONMENT, FILES and EXAMPLES sections.
#[test]
fn man_o_writes_one_page_per_subcommand_with_the_closing_sections() {
    let dir = tempfile::tempdir().unwrap();
    redress(dir.path())
        .args(["man", "-o", "pages/man1"])
        .assert()
        .success();
    let read =
        |name: &str| std::fs::read_to_string(dir.path().join("pages/man1").join(name)).unwrap();
    let main = read("redress.1");
    for section in [
        ".SH \"EXIT STATUS\"",
        ".SH \"ENVIRONMENT\"",
        ".SH FILES",
        ".SH \"EXAMPLES\"",
    ] {
        assert!(main.contains(section), "{section}");
    }
    assert!(read("redress-ack.1").contains("redress ack \"$id\""));
    assert!(read("redress-import-csv.1").contains(".SH \"SEE ALSO\""));
    assert!(read("redress-follow-up.1").contains(".SH \"EXAMPLES\""));
}

/// Issue 13 item 10: the README's tour runs as it is, pasted into a shell.
#[test]
fn the_readme_tour_runs_as_written() {
    let readme = include_str!("../README.md");
    let tour = &readme[readme.find("## A tour").unwrap()..];
    let start = tour.find("```sh\n").unwrap() + "```sh\n".len();
    let script = &tour[start..start + tour[start..].find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("redress");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = std::process::Command::new("sh")
        .args(["-e", "-c", script])
        .current_dir(dir.path())
        .env("PATH", path)
        .env("REDRESS_NOW", common::NOW)
        .env("REDRESS_USER", "alice")
        .env_remove("REDRESS_LEDGER")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("Parcel late, lamp broken"), "{shown}");
}
