//! Declarative CLI cases: `tests/cmd/**/*.toml` run the binary and compare its
//! output byte for byte with the `.stdout`/`.stderr` files beside them; a
//! `NAME.in/` folder is the ledger the case runs in (copied to a sandbox when a
//! `NAME.out/` folder holds the files expected afterwards).
//! `TRYCMD=overwrite cargo test --test cli` rewrites them after a deliberate change.

/// The clock every example is shown at: the sample ledger's audit time.
const NOW: &str = "2026-11-22T12:00:00-05:00";

#[test]
fn cli() {
    // English whatever the machine's locale: the snapshots are English
    // (LC_ALL names English and wins over any LANG of the machine).
    trycmd::TestCases::new()
        .env("LC_ALL", "en_CA.UTF-8")
        .case("tests/cmd/*/*.toml");
}

/// The README's ```console blocks run on the repository root, the sample
/// ledger, so the examples it shows are the output of today's binary.
#[test]
fn readme() {
    trycmd::TestCases::new()
        .env("REDRESS_NOW", NOW)
        .env("REDRESS_USER", "alice")
        .env("REDRESS_LEDGER", ".")
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .env("LC_ALL", "en_CA.UTF-8")
        .case("README.md");
}
