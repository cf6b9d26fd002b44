//! Finding a case by what a person remembers of it: a word of the title, a
//! customer's name typed without accents, an email, the other system's ID.
//!
//! Matching is a substring test after [`fold`]ing both sides: letter case
//! and Latin accents are ignored ("Ève" finds "eve", "quebec" finds
//! "Québec"). A phone also matches by its digits alone, however either side
//! is punctuated.

use crate::case::Case;

/// Digits a query needs before it is compared with phones by digits alone
/// (fewer would find every phone holding "12").
const MIN_PHONE_QUERY_DIGITS: usize = 4;

/// Where a query was found in a case: the key as the case file names it
/// (`title`, `customer.email`, `history[2].note`, `fields.policy`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchedField {
    pub key: String,
    /// True for the customer's name, email and phone, which output masks
    /// unless contacts are asked for.
    pub contact: bool,
}

/// A query ready to be compared: folded once, not once per case.
#[derive(Debug, Clone)]
pub struct Query {
    folded: String,
    digits: Option<String>,
}

impl Query {
    /// None when the text folds to nothing (only spaces).
    pub fn new(text: &str) -> Option<Query> {
        let folded = fold(text.trim());
        if folded.is_empty() {
            return None;
        }
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let phone_like = text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-.()/".contains(c));
        let digits = (phone_like && digits.len() >= MIN_PHONE_QUERY_DIGITS).then_some(digits);
        Some(Query { folded, digits })
    }

    fn found_in(&self, text: &str) -> bool {
        fold(text).contains(&self.folded)
    }

    fn found_in_phone(&self, phone: &str) -> bool {
        if self.found_in(phone) {
            return true;
        }
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        self.digits.as_ref().is_some_and(|d| digits.contains(d))
    }
}

/// The keys of `case` where `query` occurs, in file order; None when none.
pub fn matches(case: &Case, query: &Query) -> Option<Vec<MatchedField>> {
    let mut found = Vec::new();
    let mut check = |key: String, text: &str, contact: bool| {
        if query.found_in(text) {
            found.push(MatchedField { key, contact });
        }
    };
    check("title".into(), &case.title, false);
    check("customer.name".into(), &case.customer.name, true);
    if let Some(e) = &case.customer.email {
        check("customer.email".into(), e, true);
    }
    if let Some(p) = &case.customer.phone
        && query.found_in_phone(p)
    {
        found.push(MatchedField {
            key: "customer.phone".into(),
            contact: true,
        });
    }
    let mut check = |key: String, text: &str| {
        if query.found_in(text) {
            found.push(MatchedField {
                key,
                contact: false,
            });
        }
    };
    check("description".into(), &case.description);
    if let Some(s) = &case.source {
        check("source.id".into(), &s.id);
    }
    for (name, value) in &case.fields {
        check(format!("fields.{name}"), value);
    }
    for (i, e) in case.history.iter().enumerate() {
        for (k, v) in [
            ("reason", &e.reason),
            ("remedy", &e.remedy),
            ("summary", &e.summary),
            ("note", &e.note),
        ] {
            if let Some(v) = v {
                check(format!("history[{i}].{k}"), v);
            }
        }
    }
    (!found.is_empty()).then_some(found)
}

/// `text` in lower case without Latin accents: "Ève Côté" → "eve cote",
/// "Œuvre" → "oeuvre". Combining marks (text typed already decomposed) are
/// dropped too. A hand table rather than a Unicode normalisation crate: a
/// complaint desk types Latin script, and the table is all of Latin-1 and
/// Latin Extended-A, which covers French, Spanish, Portuguese, German and
/// the other Western and Central European languages.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        match base_letter(c) {
            Some(base) => out.push_str(base),
            None => out.push(c),
        }
    }
    out
}

/// The unaccented spelling of a lower-case Latin letter, if it has accents.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ţ' | 'ť' | 'ŧ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'þ' => "th",
        'ĳ' => "ij",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_drops_case_and_accents() {
        assert_eq!(fold("Ève Côté"), "eve cote");
        assert_eq!(fold("QUÉBEC"), "quebec");
        assert_eq!(fold("Œuvre Straße"), "oeuvre strasse");
        // "e" followed by a combining acute accent, as some keyboards send it.
        assert_eq!(fold("Qu\u{65}\u{301}bec"), "quebec");
        assert_eq!(fold("Z-1001"), "z-1001");
    }

    #[test]
    fn a_query_of_spaces_is_no_query() {
        assert!(Query::new("   ").is_none());
    }

    #[test]
    fn phone_digits_match_however_punctuated() {
        let q = Query::new("514.555.0199").unwrap();
        assert!(q.found_in_phone("(514) 555-0199"));
        assert!(
            Query::new("555 01")
                .unwrap()
                .found_in_phone("(514) 555-0199")
        );
        assert!(
            !Query::new("555 02")
                .unwrap()
                .found_in_phone("(514) 555-0199")
        );
    }
}
