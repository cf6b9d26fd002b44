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
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
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
                    _ => Err(crate::suggest::unknown_value($what, s, Self::NAMES)),
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
        }
    };
}

string_enum!(
    /// Complaint (dissatisfaction with how a service was delivered) or claim
    /// (a demand that a commitment be honoured).
    Kind, "kind" {
    Complaint => "complaint",
    Claim => "claim",
});

string_enum!(Channel, "channel" {
    Phone => "phone",
    Email => "email",
    Chat => "chat",
    Web => "web",
    Letter => "letter",
    InPerson => "in-person",
    Social => "social",
    ThirdParty => "third-party",
});

string_enum!(Severity, "severity" {
    Low => "low",
    Medium => "medium",
    High => "high",
    Critical => "critical",
});

string_enum!(
    /// The typology of dissatisfied customers (docs/format.md).
    Profile, "profile" {
    Passive => "passive",
    Voicer => "voicer",
    Irate => "irate",
    Activist => "activist",
});

string_enum!(
    /// The thirteen risks of dissatisfaction (docs/format.md).
    Risk, "risk" {
    Knowledge => "knowledge",
    Attitude => "attitude",
    Relational => "relational",
    Support => "support",
    Psychological => "psychological",
    Cognitive => "cognitive",
    Financial => "financial",
    Temporal => "temporal",
    Sensory => "sensory",
    Security => "security",
    Ethical => "ethical",
    Space => "space",
    Operational => "operational",
});

string_enum!(Outcome, "outcome" {
    Founded => "founded",
    PartlyFounded => "partly-founded",
    Unfounded => "unfounded",
    BadFaith => "bad-faith",
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
