//! The layers of `src/` (README, "The layers"): every module uses only the
//! modules below it, the domain never prints and never depends on clap.
//! Read from the source text, so a `use` that points up fails here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module with its layer, lowest first. A module may name a
/// module of a strictly lower layer only.
/// `i18n` is the leaf: diagnostics and did-you-means carry messages that
/// people read in their language.
const LAYERS: &[(&str, u8)] = &[
    ("i18n", 0),
    ("diag", 1),
    ("suggest", 1),
    ("files", 2),
    ("case", 2),
    ("policy", 3),
    ("clock", 4),
    ("ledger", 4),
    ("audit", 5),
    ("import", 5),
    ("report", 6),
    ("cli", 7),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The Rust files of a top-level module: `src/NAME.rs` or everything under
/// `src/NAME/`.
fn files_of(module: &str) -> Vec<PathBuf> {
    let file = src().join(format!("{module}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut out = Vec::new();
    let mut stack = vec![src().join(module)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    assert!(!out.is_empty(), "no source for module `{module}`");
    out
}

/// The top-level modules a file names through `crate::NAME`.
fn named_modules(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices("crate::") {
        let rest = &text[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

fn layer_of(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

#[test]
fn every_module_is_in_a_layer() {
    for entry in std::fs::read_dir(src()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if matches!(name.as_str(), "lib" | "main" | "templates") {
            continue;
        }
        assert!(
            layer_of(&name).is_some(),
            "src/{name} is in no layer: add it to LAYERS and to the README's drawing"
        );
    }
}

#[test]
fn every_arrow_points_down() {
    let mut wrong = Vec::new();
    for (module, layer) in LAYERS {
        for file in files_of(module) {
            let text = std::fs::read_to_string(&file).unwrap();
            for named in named_modules(&text) {
                if named == *module {
                    continue;
                }
                match layer_of(&named) {
                    Some(l) if l < *layer => {}
                    _ => wrong.push(format!("{} names crate::{named}", file.display())),
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows pointing up or sideways:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_domain_never_prints_nor_parses_the_command_line() {
    let mut wrong = Vec::new();
    for (module, _) in LAYERS.iter().filter(|(m, _)| *m != "cli") {
        for file in files_of(module) {
            let text = std::fs::read_to_string(&file).unwrap();
            for needle in [
                "println!",
                "eprintln!",
                "print!(",
                "eprint!(",
                "clap::",
                "std::process::exit",
            ] {
                // The one exception: the signal thread exits after cleaning up.
                if needle == "std::process::exit" && file.ends_with("files/cleanup.rs") {
                    continue;
                }
                if text.contains(needle) {
                    wrong.push(format!("{} uses {needle}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
