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
use fluent_syntax::ast;
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

/// The message `id` in `lang` with text arguments, worded by walking its
/// pattern here rather than through Fluent's resolver, which builds a map
/// of arguments and a scope for every message (a large audit words a
/// hundred thousand). Only what needs no number is worded: text, text
/// arguments, string literals without escapes, and selections on a text
/// argument. `None` for anything else, or an argument missing, so that
/// the caller words it through Fluent and every error and fallback stays
/// Fluent's; a test compares both ways on every message of both
/// catalogues.
pub fn format_plain(lang: Lang, id: &str, args: &[(&str, &str)]) -> Option<String> {
    BUNDLES.with(|bundles| {
        let pattern = bundles[lang as usize].get_message(id)?.value()?;
        let mut out = String::with_capacity(96);
        let mut placeables = 0;
        write_plain(pattern, args, &mut out, &mut placeables).then_some(out)
    })
}

/// Fluent stops wording a message after this many placeables.
const MAX_PLACEABLES: u8 = 100;

/// Writes `pattern` to `out` as Fluent would; `false` where it cannot.
fn write_plain(
    pattern: &ast::Pattern<&str>,
    args: &[(&str, &str)],
    out: &mut String,
    placeables: &mut u8,
) -> bool {
    let arg = |name: &str| args.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    for element in &pattern.elements {
        let expression = match element {
            ast::PatternElement::TextElement { value } => {
                out.push_str(value);
                continue;
            }
            ast::PatternElement::Placeable { expression } => expression,
        };
        *placeables += 1;
        if *placeables > MAX_PLACEABLES {
            return false;
        }
        let done = match expression {
            ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                arg(id.name).map(|v| out.push_str(v)).is_some()
            }
            // Escapes (`\u00A0`) would need unescaping: Fluent's to do.
            ast::Expression::Inline(ast::InlineExpression::StringLiteral { value })
                if !value.contains('\\') =>
            {
                out.push_str(value);
                true
            }
            ast::Expression::Select {
                selector: ast::InlineExpression::VariableReference { id },
                variants,
            } => arg(id.name)
                .and_then(|v| chosen(variants, v))
                .is_some_and(|p| write_plain(p, args, out, placeables)),
            _ => false,
        };
        if !done {
            return false;
        }
    }
    true
}

/// The variant a text selects, as Fluent chooses it: the one whose key is
/// that very word (a number key never equals a text), else the default.
fn chosen<'p>(
    variants: &'p [ast::Variant<&str>],
    value: &str,
) -> Option<&'p ast::Pattern<&'p str>> {
    let named = |v: &&ast::Variant<&str>| matches!(v.key, ast::VariantKey::Identifier { name } if name == value);
    variants
        .iter()
        .find(named)
        .or_else(|| variants.iter().find(|v| v.default))
        .map(|v| &v.value)
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

    /// Every variable of `pattern`, each with the words its selections
    /// are keyed on.
    fn variables<'a>(pattern: &ast::Pattern<&'a str>, out: &mut Vec<(&'a str, Vec<&'a str>)>) {
        fn note<'a>(out: &mut Vec<(&'a str, Vec<&'a str>)>, name: &'a str, keys: &[&'a str]) {
            match out.iter_mut().find(|(n, _)| *n == name) {
                Some((_, k)) => k.extend_from_slice(keys),
                None => out.push((name, keys.to_vec())),
            }
        }
        fn inline<'a>(e: &ast::InlineExpression<&'a str>, out: &mut Vec<(&'a str, Vec<&'a str>)>) {
            match e {
                ast::InlineExpression::VariableReference { id } => note(out, id.name, &[]),
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    arguments.positional.iter().for_each(|a| inline(a, out));
                }
                ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
                _ => {}
            }
        }
        fn expression_vars<'a>(
            e: &ast::Expression<&'a str>,
            out: &mut Vec<(&'a str, Vec<&'a str>)>,
        ) {
            match e {
                ast::Expression::Inline(i) => inline(i, out),
                ast::Expression::Select { selector, variants } => {
                    inline(selector, out);
                    if let ast::InlineExpression::VariableReference { id } = selector {
                        let keys: Vec<&str> = variants
                            .iter()
                            .map(|v| match v.key {
                                ast::VariantKey::Identifier { name } => name,
                                ast::VariantKey::NumberLiteral { value } => value,
                            })
                            .collect();
                        note(out, id.name, &keys);
                    }
                    for v in variants {
                        variables(&v.value, out);
                    }
                }
            }
        }
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, out);
            }
        }
    }

    /// Fluent's own wording of `id` with these text arguments.
    fn fluent(lang: Lang, id: &str, args: &[(&str, &str)]) -> Option<String> {
        let mut map = FluentArgs::new();
        for (k, v) in args {
            map.set(*k, FluentValue::from(*v));
        }
        format(lang, id, Some(&map))
    }

    #[test]
    fn plain_wording_is_fluents_on_every_message_of_both_catalogues() {
        let (mut worded, mut compared) = (0, 0);
        for lang in Lang::ALL {
            for resource in &RESOURCES[lang as usize] {
                for entry in resource.entries() {
                    let ast::Entry::Message(ast::Message {
                        id,
                        value: Some(pattern),
                        ..
                    }) = entry
                    else {
                        continue;
                    };
                    let mut vars = Vec::new();
                    variables(pattern, &mut vars);
                    // Each variable in turn takes each word it is selected
                    // on, a word no variant names, a number and nothing;
                    // the others keep their first word.
                    let first = |keys: &[&'static str]| keys.first().copied().unwrap_or("Ève");
                    let base: Vec<(&str, &str)> =
                        vars.iter().map(|(n, k)| (*n, first(k))).collect();
                    let mut sets = vec![base.clone()];
                    for (i, (_, keys)) in vars.iter().enumerate() {
                        for word in keys.iter().copied().chain(["unnamed", "1", "other"]) {
                            let mut set = base.clone();
                            set[i].1 = word;
                            sets.push(set);
                        }
                        let mut missing = base.clone();
                        missing.remove(i);
                        sets.push(missing);
                    }
                    for args in &sets {
                        compared += 1;
                        let Some(plain) = format_plain(lang, id.name, args) else {
                            continue;
                        };
                        worded += 1;
                        assert_eq!(
                            Some(plain),
                            fluent(lang, id.name, args),
                            "{} {} {args:?}",
                            lang.code(),
                            id.name
                        );
                    }
                }
            }
        }
        // Most messages take the plain way; should it stop, the audit
        // slows and this says so.
        assert!(worded * 2 > compared, "{worded} of {compared}");
    }

    #[test]
    fn plain_wording_leaves_numbers_and_missing_arguments_to_fluent() {
        let args = [
            ("span", "1 day"),
            ("allowed", "1 working day"),
            ("rule", "default"),
        ];
        let late = |clock| {
            let mut a = vec![("clock", clock)];
            a.extend_from_slice(&args);
            format_plain(Lang::En, "finding-clock-late", &a)
        };
        assert_eq!(
            late("acknowledge").as_deref(),
            Some(
                "acknowledged 1 day after receipt; the policy allows 1 working day (rule: default)"
            )
        );
        assert_eq!(
            late("no-such-clock"),
            fluent(Lang::En, "finding-clock-late", &{
                let mut a = vec![("clock", "no-such-clock")];
                a.extend_from_slice(&args);
                a
            })
        );
        assert_eq!(
            format_plain(Lang::En, "finding-clock-late", &args),
            None,
            "no clock"
        );
        assert_eq!(format_plain(Lang::En, "no-such-message", &[]), None);
        // Given as text, a number selects no plural form (as in Fluent):
        // `Msg::render` hands counts to Fluent, never here.
        let two = [("unit", "day"), ("n", "2")];
        assert_eq!(
            format_plain(Lang::Fr, "span-unit", &two),
            fluent(Lang::Fr, "span-unit", &two)
        );
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
