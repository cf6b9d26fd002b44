//! Dimensions: what a breakdown groups cases by, and each case's values.

use super::*;
use crate::case::history::History;

// ---------------------------------------------------------------------------
// Dimensions

/// What a breakdown groups by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Dim {
    Kind,
    Category,
    Channel,
    Severity,
    Profile,
    Risk,
    Outcome,
    Tag,
    Assignee,
    /// The remedies the customer asks for (`wants`).
    Wants,
    /// The justice dimension the customer judged deficient.
    Justice,
    /// `fields.NAME`: an extra field kept verbatim (e.g. an imported column).
    Field(String),
}

/// The dimension names `--by` accepts, `fields.NAME` last.
pub const DIM_NAMES: &[&str] = &[
    "kind",
    "category",
    "channel",
    "severity",
    "profile",
    "risk",
    "outcome",
    "tag",
    "assignee",
    "wants",
    "justice",
    "fields.NAME",
];

impl FromStr for Dim {
    type Err = String;
    fn from_str(s: &str) -> Result<Dim, String> {
        Ok(match s {
            "kind" => Dim::Kind,
            "category" => Dim::Category,
            "channel" => Dim::Channel,
            "severity" => Dim::Severity,
            "profile" => Dim::Profile,
            "risk" => Dim::Risk,
            "outcome" => Dim::Outcome,
            "tag" => Dim::Tag,
            "assignee" => Dim::Assignee,
            "wants" => Dim::Wants,
            "justice" => Dim::Justice,
            _ => match s.strip_prefix("fields.") {
                Some(name) if !name.trim().is_empty() => Dim::Field(name.to_string()),
                Some(_) => {
                    return Err(
                        "`fields.` needs the name of an extra field, e.g. fields.State".into(),
                    );
                }
                None => {
                    let plain: Vec<&str> = DIM_NAMES[..DIM_NAMES.len() - 1].to_vec();
                    let hint = crate::suggest::closest(s, plain.iter().copied())
                        .map(|h| format!(" (did you mean `{h}`?)"))
                        .unwrap_or_default();
                    return Err(format!(
                        "unknown dimension `{s}`{hint}; valid: {}",
                        DIM_NAMES.join(", ")
                    ));
                }
            },
        })
    }
}

impl fmt::Display for Dim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dim::Kind => f.write_str("kind"),
            Dim::Category => f.write_str("category"),
            Dim::Channel => f.write_str("channel"),
            Dim::Severity => f.write_str("severity"),
            Dim::Profile => f.write_str("profile"),
            Dim::Risk => f.write_str("risk"),
            Dim::Outcome => f.write_str("outcome"),
            Dim::Tag => f.write_str("tag"),
            Dim::Assignee => f.write_str("assignee"),
            Dim::Wants => f.write_str("wants"),
            Dim::Justice => f.write_str("justice"),
            Dim::Field(name) => write!(f, "fields.{name}"),
        }
    }
}

impl Dim {
    /// The values a case counts under, as it stood at `as_of`: one for most
    /// dimensions, each distinct value for risk, tag and wants, `(none)` when it has none.
    pub fn keys(&self, lc: &LoadedCase, as_of: DateTime<Utc>) -> Vec<String> {
        let case = &lc.case;
        let history = clock::history_at(case, as_of);
        let one = |v: Option<String>| vec![v.filter(|s| !s.is_empty()).unwrap_or(NONE.into())];
        let many = |v: BTreeSet<String>| {
            if v.is_empty() {
                vec![NONE.to_string()]
            } else {
                v.into_iter().collect()
            }
        };
        match self {
            Dim::Kind => vec![case.kind.as_str().into()],
            Dim::Category => vec![case.category.clone()],
            Dim::Channel => vec![case.channel.as_str().into()],
            Dim::Severity => vec![case.severity.as_str().into()],
            Dim::Profile => one(case.customer.profile.map(|p: Profile| p.as_str().into())),
            Dim::Risk => many(
                case.risks
                    .iter()
                    .map(|r: &Risk| r.as_str().into())
                    .collect(),
            ),
            Dim::Tag => many(case.tags.iter().cloned().collect()),
            Dim::Outcome => one(latest_outcome(history).map(|o| o.as_str().into())),
            Dim::Assignee => one(history.assignee().map(str::to_owned)),
            Dim::Wants => many(case.wants.iter().cloned().collect()),
            Dim::Justice => one(case.justice.map(|j| j.as_str().into())),
            Dim::Field(name) => one(case.fields.get(name).cloned()),
        }
    }
}

pub(super) fn latest_outcome(history: &[crate::case::Event]) -> Option<Outcome> {
    history.latest_outcome()
}
