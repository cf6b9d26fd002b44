//! Declarative CLI cases: `tests/cmd/**/*.toml` run the binary and compare its
//! output byte for byte with the `.stdout`/`.stderr` files beside them.
//! `TRYCMD=overwrite cargo test --test cli` rewrites them after a deliberate change.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*/*.toml");
}
