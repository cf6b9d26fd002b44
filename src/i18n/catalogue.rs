//! The messages, compiled into the binary from `i18n/<lang>/*.ftl`.

use super::{Lang, current};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::collections::HashMap;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./i18n",
        fallback_language: "en",
        // Unicode isolation marks around arguments would end up in
        // terminals, CSV cells and letters: redress never mixes scripts.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static EN: LanguageIdentifier = langid!("en");
static FR: LanguageIdentifier = langid!("fr");

fn id_of(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// The message `id` in the current language.
pub fn tr(id: &str) -> String {
    lookup(id, None)
}

/// The message `id` in the current language, with its arguments. Numbers
/// given as `FluentValue::from(n)` drive plural selection; format numbers
/// for display with [`super::decimal`] and pass them as strings.
pub fn tr_args(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let map: HashMap<&str, FluentValue> = args.iter().map(|(k, v)| (*k, v.clone())).collect();
    lookup(id, Some(&map))
}

/// The message in the current language, else in English (both catalogues
/// have every message: a test sees to it), else a placeholder naming it.
/// Straight to the language's bundle: the loader's own lookup negotiates
/// the language anew on every call, which a large audit pays for.
fn lookup(id: &str, args: Option<&HashMap<&str, FluentValue>>) -> String {
    let lang = id_of(current());
    LOCALES
        .lookup_single_language(lang, id, args)
        .or_else(|_| LOCALES.lookup_single_language(&EN, id, args))
        .unwrap_or_else(|_| format!("Unknown localization key: {id:?}"))
}

/// The message `id` in the current language, if the catalogue has it.
pub fn try_tr(id: &str) -> Option<String> {
    LOCALES.try_lookup(id_of(current()), id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with_lang;

    #[test]
    fn both_catalogues_parse() {
        // A syntax error in an .ftl file would panic at the first lookup.
        for lang in Lang::ALL {
            assert!(with_lang(lang, || try_tr("report-title")).is_some());
        }
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
