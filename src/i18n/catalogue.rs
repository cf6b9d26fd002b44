//! The messages, compiled into the binary from `i18n/<lang>/*.ftl`.
//!
//! Each thread keeps its own bundle of each language (built on first use
//! from resources parsed once per process): a bundle's plural rules and
//! number formats are memoised without a lock, and a message is found by
//! one hash lookup. A large audit words hundreds of thousands of findings,
//! which the general loader of `fluent-templates` (a language negotiation
//! and a map of arguments per call) made a sixth of its time.

use super::{Lang, current};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::sync::LazyLock;

/// Every catalogue file of one language, by name, as compiled in. A test
/// checks that this lists exactly the files of `i18n/<lang>/`.
macro_rules! files {
    ($lang:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../i18n/", $lang, "/", $name, ".ftl")))),*]
    };
}

type Files = &'static [(&'static str, &'static str)];

const EN_FILES: Files = files!("en": "audit", "compliance", "diag", "events", "help",
    "main", "prompts", "report", "words");
const FR_FILES: Files = files!("fr": "audit", "compliance", "diag", "events", "help",
    "main", "prompts", "report", "words");

fn files_of(lang: Lang) -> Files {
    match lang {
        Lang::En => EN_FILES,
        Lang::Fr => FR_FILES,
    }
}

/// The parsed catalogues, English then French. A file that does not parse
/// whole keeps the messages that do (a test sees that none fails).
static RESOURCES: LazyLock<[Vec<FluentResource>; 2]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        files_of(lang)
            .iter()
            .map(|(_, text)| {
                FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r)
            })
            .collect()
    })
});

type Bundle = FluentBundle<&'static FluentResource>;

fn bundle(lang: Lang) -> Bundle {
    let tag = match lang {
        Lang::En => unic_langid::langid!("en"),
        Lang::Fr => unic_langid::langid!("fr"),
    };
    let mut bundle = FluentBundle::new(vec![tag]);
    // Unicode isolation marks around arguments would end up in
    // terminals, CSV cells and letters: redress never mixes scripts.
    bundle.set_use_isolating(false);
    for resource in &RESOURCES[lang as usize] {
        // A message defined twice keeps its first wording; a test sees
        // that no id is.
        bundle.add_resource_overriding(resource);
    }
    bundle
}

thread_local! {
    static BUNDLES: [Bundle; 2] = Lang::ALL.map(bundle);
}

/// The message `id` in the current language.
pub fn tr(id: &str) -> String {
    lookup(id, None)
}

/// The message `id` in the current language, with its arguments. Numbers
/// given as `FluentValue::from(n)` drive plural selection; format numbers
/// for display with [`super::decimal`] and pass them as strings.
pub fn tr_args(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut map = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        map.set(*k, v.clone());
    }
    lookup(id, Some(&map))
}

/// [`tr_args`] for arguments already gathered.
pub fn tr_with(id: &str, args: &FluentArgs) -> String {
    lookup(id, Some(args))
}

/// The message in the current language, else in English (both catalogues
/// have every message: a test sees to it), else a placeholder naming it.
fn lookup(id: &str, args: Option<&FluentArgs>) -> String {
    format(current(), id, args)
        .or_else(|| format(Lang::En, id, args))
        .unwrap_or_else(|| format!("Unknown localization key: {id:?}"))
}

/// The message worded in `lang`; `None` when the catalogue lacks it or
/// cannot word it with these arguments.
fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    BUNDLES.with(|bundles| {
        let bundle = &bundles[lang as usize];
        let pattern = bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    })
}

/// The message `id` in the current language, if the catalogue has it.
pub fn try_tr(id: &str) -> Option<String> {
    format(current(), id, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with_lang;

    #[test]
    fn both_catalogues_parse_whole_without_repeated_ids() {
        for lang in Lang::ALL {
            for (name, text) in files_of(lang) {
                let parsed = FluentResource::try_new((*text).to_string());
                assert!(
                    parsed.is_ok(),
                    "{}/{name}.ftl: {:?}",
                    lang.code(),
                    parsed.err().map(|e| e.1)
                );
            }
            let mut bundle: FluentBundle<&FluentResource> = FluentBundle::new(vec![]);
            for resource in &RESOURCES[lang as usize] {
                assert!(
                    bundle.add_resource(resource).is_ok(),
                    "an id repeats in {}",
                    lang.code()
                );
            }
            assert!(with_lang(lang, || try_tr("report-title")).is_some());
        }
    }

    #[test]
    fn every_catalogue_file_is_compiled_in() {
        for lang in Lang::ALL {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("i18n")
                .join(lang.code());
            let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
                .collect();
            on_disk.sort();
            let listed: Vec<String> = files_of(lang).iter().map(|(n, _)| n.to_string()).collect();
            assert_eq!(listed, on_disk, "{}", dir.display());
        }
    }

    #[test]
    fn a_missing_message_falls_back_to_a_placeholder() {
        assert_eq!(
            tr("no-such-message"),
            "Unknown localization key: \"no-such-message\""
        );
    }

    #[test]
    fn french_plurals_follow_french_rules() {
        let n = |count: i64| {
            with_lang(Lang::Fr, || {
                tr_args("case-count", &[("count", count.into())])
            })
        };
        assert_eq!(n(0), "0 cas");
        assert_eq!(n(1), "1 cas");
        assert_eq!(n(2), "2 cas");
        let e = |count: i64| {
            with_lang(Lang::En, || {
                tr_args("case-count", &[("count", count.into())])
            })
        };
        assert_eq!(e(1), "1 case");
        assert_eq!(e(2), "2 cases");
    }
}
