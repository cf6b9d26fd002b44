//! The closed vocabularies of case files: kinds, channels, severities, …
//!
//! Each is a string enum with one spelling, used by YAML, TOML, the command
//! line and JSON alike, so a value means the same thing everywhere.

use std::fmt;
use std::str::FromStr;

/// What every vocabulary offers, for code generic over them (the command
/// line builds its parsers and lists of possible values from it).
pub trait Vocabulary: FromStr<Err = String> + Copy + Send + Sync + 'static {
    /// Every spelling, in the documented order.
    const NAMES: &'static [&'static str];
    /// What the vocabulary is called in messages (`severity`).
    const WHAT: &'static str;
    /// The French words accepted on the command line: (French, file value).
    const FRENCH: &'static [(&'static str, &'static str)];

    /// A word typed by a person: the file value or a French word, in any
    /// case, with or without accents (see [`fold`]). Files never go
    /// through this: they keep the one English spelling.
    fn from_word(word: &str) -> Result<Self, String> {
        let key = fold(word);
        let canonical = Self::NAMES
            .iter()
            .copied()
            .find(|n| fold(n) == key)
            .or_else(|| {
                Self::FRENCH
                    .iter()
                    .find(|(fr, _)| fold(fr) == key)
                    .map(|(_, en)| *en)
            });
        match canonical {
            Some(name) => name.parse(),
            None => Err(unknown_word(Self::WHAT, word, Self::NAMES, Self::FRENCH)),
        }
    }

    /// The French word for a value (the first of its table), for letters.
    fn french(name: &str) -> Option<&'static str> {
        Self::FRENCH
            .iter()
            .find(|(_, en)| *en == name)
            .map(|(fr, _)| *fr)
    }
}

/// How typed words are compared: lower case, accents dropped (`é` → `e`,
/// `œ` → `oe`), and the separators `'`, `’`, `_`, space and `-` dropped,
/// so `Gérant d’estrade`, `gerant-d-estrade` and `GERANTDESTRADE` are one word.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.trim().chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'â' | 'ä' | 'á' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'î' | 'ï' | 'í' => out.push('i'),
            'ô' | 'ö' | 'ó' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
            'ç' => out.push('c'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '\'' | '’' | '‘' | '_' | '-' | ' ' | '\u{a0}' => {}
            c => out.push(c),
        }
    }
    out
}

/// "unknown outcome `fondee2`: did you mean `fondée`?": the closest word
/// among the file values and the French words.
fn unknown_word(what: &str, word: &str, names: &[&str], french: &[(&str, &str)]) -> String {
    let all: Vec<&str> = names
        .iter()
        .copied()
        .chain(french.iter().map(|(fr, _)| *fr))
        .collect();
    let folded: Vec<String> = all.iter().map(|w| fold(w)).collect();
    let hint = crate::suggest::closest(&fold(word), folded.iter().map(String::as_str))
        .and_then(|f| folded.iter().position(|x| x == f))
        .and_then(|i| all.get(i));
    match hint {
        Some(hint) => format!("unknown {what} `{word}`: did you mean `{hint}`?"),
        None => format!(
            "unknown {what} `{word}`: expected one of {} (or in French: {})",
            names.join(", "),
            french
                .iter()
                .map(|(fr, _)| *fr)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The error for a value in a file: files keep the English value, so a
/// French word gets a pointer to it.
fn unknown_in_file(what: &str, value: &str, names: &[&str], french: &[(&str, &str)]) -> String {
    let key = fold(value);
    let msg = match french.iter().find(|(fr, _)| fold(fr) == key) {
        Some((_, en)) => crate::i18n::Msg::new("unknown-french-in-file")
            .arg(
                "what",
                crate::i18n::Msg::new("unknown-what")
                    .arg("key", what.replace(' ', "-"))
                    .arg("what", what),
            )
            .arg("value", value)
            .arg("hint", *en),
        None => crate::suggest::unknown_value_msg(what, value, names),
    };
    crate::i18n::reason(msg)
}

/// Yes or no, typed by a person: `yes`/`no`, `true`/`false`, `oui`/`non`,
/// `vrai`/`faux`, in any case.
pub fn yes_no(word: &str) -> Result<bool, String> {
    match fold(word).as_str() {
        "yes" | "true" | "y" | "oui" | "o" | "vrai" => Ok(true),
        "no" | "false" | "n" | "non" | "faux" => Ok(false),
        _ => Err(format!("`{word}`: answer yes or no (oui or non)")),
    }
}

/// The French words for the remedies of the default policies
/// (`policies/compensation.toml` names a ledger's own remedies).
pub const REMEDIES_FRENCH: &[(&str, &str)] = &[
    ("remboursement", "refund"),
    ("crédit", "credit"),
    ("échange", "exchange"),
    ("réparation", "repair"),
    ("rabais", "discount"),
    ("remise", "discount"),
    ("cadeau", "gift"),
    ("excuses", "apology"),
    ("remplacement", "replacement"),
    ("explication", "explanation"),
];

/// A remedy typed by a person: a French word of [`REMEDIES_FRENCH`] gives
/// its file value, unless the ledger names that very word as a remedy of
/// its own; anything else is kept as typed (the policy check judges it).
pub fn remedy_word(word: &str, ledger_remedies: &[String]) -> String {
    if ledger_remedies.iter().any(|r| r == word) {
        return word.to_string();
    }
    let key = fold(word);
    if let Some(r) = ledger_remedies.iter().find(|r| fold(r) == key) {
        return r.clone();
    }
    REMEDIES_FRENCH
        .iter()
        .find(|(fr, _)| fold(fr) == key)
        .map_or_else(|| word.to_string(), |(_, en)| (*en).to_string())
}

/// The French word of a remedy, for letters; the remedy itself otherwise.
pub fn remedy_in_french(remedy: &str) -> &str {
    REMEDIES_FRENCH
        .iter()
        .find(|(_, en)| *en == remedy)
        .map_or(remedy, |(fr, _)| fr)
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $text:literal $([$($fr:literal),+])?),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const NAMES: &'static [&'static str] = &[$($text),+];
            pub const WHAT: &'static str = $what;

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Its place in [`Self::ALL`]: how the parse cache keeps it.
            pub fn code(self) -> u8 {
                self as u8
            }

            /// The value at `code` in [`Self::ALL`], if any.
            pub fn from_code(code: u8) -> Option<$name> {
                Self::ALL.get(usize::from(code)).copied()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(unknown_in_file($what, s, Self::NAMES, <Self as Vocabulary>::FRENCH)),
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "a {}: one of {}", $what, $name::NAMES.join(", "))
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$name, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                d.deserialize_str(V)
            }
        }

        impl Vocabulary for $name {
            const NAMES: &'static [&'static str] = $name::NAMES;
            const WHAT: &'static str = $what;
            const FRENCH: &'static [(&'static str, &'static str)] =
                &[$($($(($fr, $text),)+)?)+];
        }
    };
}

string_enum!(
    /// Complaint (dissatisfaction with how a service was delivered) or claim
    /// (a demand that a commitment be honoured).
    Kind, "kind" {
    Complaint => "complaint" ["plainte"],
    Claim => "claim" ["réclamation"],
});

string_enum!(Channel, "channel" {
    Phone => "phone" ["téléphone"],
    Email => "email" ["courriel"],
    Chat => "chat" ["clavardage"],
    Web => "web" ["formulaire-web", "site-web"],
    Letter => "letter" ["lettre", "courrier"],
    InPerson => "in-person" ["en-personne"],
    Social => "social" ["réseaux-sociaux"],
    ThirdParty => "third-party" ["tiers"],
});

string_enum!(Severity, "severity" {
    Low => "low" ["faible"],
    Medium => "medium" ["moyenne", "moyen"],
    High => "high" ["élevée", "élevé"],
    Critical => "critical" ["critique"],
});

string_enum!(
    /// The typology of dissatisfied customers (docs/format.md).
    Profile, "profile" {
    Passive => "passive" ["eau-dormante"],
    Voicer => "voicer" ["gérant-d'estrade"],
    Irate => "irate" ["klaxon"],
    Activist => "activist" ["procédurier"],
});

string_enum!(
    /// The thirteen risks of dissatisfaction (docs/format.md).
    Risk, "risk" {
    Knowledge => "knowledge" ["savoir-faire", "connaissances"],
    Attitude => "attitude" ["savoir-être"],
    Relational => "relational" ["relationnel"],
    Support => "support" ["accompagnement"],
    Psychological => "psychological" ["psychologique"],
    Cognitive => "cognitive" ["cognitif"],
    Financial => "financial" ["financier"],
    Temporal => "temporal" ["temporel"],
    Sensory => "sensory" ["sensoriel"],
    Security => "security" ["sécurité"],
    Ethical => "ethical" ["éthique"],
    Space => "space" ["espace", "spatial"],
    Operational => "operational" ["opérationnel"],
});

string_enum!(
    /// Which kind of fairness the customer judged lacking (docs/format.md):
    /// the outcome itself, the way it was decided, or the way they were treated.
    Justice, "justice dimension" {
    Distributive => "distributive",
    Procedural => "procedural",
    Interactional => "interactional",
});

string_enum!(Outcome, "outcome" {
    Founded => "founded" ["fondée", "fondé"],
    PartlyFounded => "partly-founded" ["partiellement-fondée", "partiellement-fondé"],
    Unfounded => "unfounded" ["non-fondée", "non-fondé"],
    BadFaith => "bad-faith" ["mauvaise-foi"],
});

string_enum!(EventKind, "event" {
    Acknowledged => "acknowledged",
    Assigned => "assigned",
    Noted => "noted",
    Updated => "updated",
    Escalated => "escalated",
    Paused => "paused",
    Resumed => "resumed",
    Compensated => "compensated",
    Resolved => "resolved",
    FollowedUp => "followed-up",
    Closed => "closed",
    Reopened => "reopened",
    Extended => "extended",
    Anonymised => "anonymised",
});

string_enum!(
    /// Derived from history, never stored.
    Status, "status" {
    New => "new",
    Acknowledged => "acknowledged",
    InProgress => "in-progress",
    Waiting => "waiting",
    Resolved => "resolved",
    Closed => "closed",
});

impl Status {
    /// Open means not yet resolved or closed.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Resolved | Status::Closed)
    }
}

impl Outcome {
    /// Unfounded and bad-faith cases call for no compensation.
    pub fn calls_for_compensation(self) -> bool {
        matches!(self, Outcome::Founded | Outcome::PartlyFounded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_are_unique<T: Vocabulary + fmt::Display>() {
        let mut keys: Vec<String> = T::NAMES
            .iter()
            .copied()
            .chain(T::FRENCH.iter().map(|(fr, _)| *fr))
            .map(fold)
            .collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        // `attitude` is the same word in both languages; nothing else is.
        assert!(n - keys.len() <= 1, "{}: folded words clash", T::WHAT);
        for (fr, en) in T::FRENCH {
            assert_eq!(T::from_word(fr).map(|v| v.to_string()).as_deref(), Ok(*en));
        }
    }

    #[test]
    fn french_words_map_to_file_values() {
        keys_are_unique::<Kind>();
        keys_are_unique::<Channel>();
        keys_are_unique::<Severity>();
        keys_are_unique::<Profile>();
        keys_are_unique::<Risk>();
        keys_are_unique::<Outcome>();
        assert_eq!(Outcome::from_word("Fondée"), Ok(Outcome::Founded));
        assert_eq!(Outcome::from_word("NON-FONDEE"), Ok(Outcome::Unfounded));
        assert_eq!(Profile::from_word("gérant d’estrade"), Ok(Profile::Voicer));
        assert_eq!(Profile::from_word("gerant-d-estrade"), Ok(Profile::Voicer));
        assert_eq!(Kind::from_word("reclamation"), Ok(Kind::Claim));
        assert_eq!(Severity::from_word("HIGH"), Ok(Severity::High));
    }

    #[test]
    fn misspellings_get_a_hint_in_either_language() {
        let e = Outcome::from_word("fondeez").unwrap_err();
        assert!(e.contains("did you mean `fondée`"), "{e}");
        let e = Severity::from_word("hihg").unwrap_err();
        assert!(e.contains("did you mean `high`"), "{e}");
        // Files keep the English value, and say so.
        let e = "fondée".parse::<Outcome>().unwrap_err();
        assert!(e.contains("did you mean `founded`"), "{e}");
    }

    #[test]
    fn yes_and_no_in_both_languages() {
        assert_eq!(yes_no("oui"), Ok(true));
        assert_eq!(yes_no("NON"), Ok(false));
        assert_eq!(yes_no("yes"), Ok(true));
        assert!(yes_no("peut-être").is_err());
    }

    #[test]
    fn remedies_follow_the_ledger() {
        let ledger = vec!["refund".to_string(), "apology".to_string()];
        assert_eq!(remedy_word("remboursement", &ledger), "refund");
        assert_eq!(remedy_word("Excuses", &ledger), "apology");
        assert_eq!(remedy_word("voucher", &ledger), "voucher");
        let french = vec!["remboursement".to_string()];
        assert_eq!(remedy_word("remboursement", &french), "remboursement");
    }
}
