//! Declaring the categories an import brings: a category the ledger does
//! not declare yet is appended to `policies/categories.toml`, existing bytes
//! untouched, described by the source value that named it.

use super::drafts::Draft;
use crate::policy::{Policies, PolicyTexts};
use anyhow::Result;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// The change to `policies/categories.toml` an import makes.
#[derive(Debug, Clone)]
pub struct CategoriesChange {
    /// Its text before the import (the write refuses if it changed since).
    pub original: String,
    /// Its text with the new categories declared.
    pub text: String,
    /// The categories declared, sorted.
    pub names: Vec<String>,
}

/// The policies the drafts are checked against: the ledger's, with every
/// category in `undeclared` declared.
pub(super) fn policies_declaring(
    texts: &PolicyTexts,
    policies: &Policies,
    undeclared: &[(String, String)],
) -> Result<Policies> {
    match (&texts.categories, undeclared.is_empty()) {
        (Some(original), false) => {
            let mut changed = texts.clone();
            changed.categories = Some(format!(
                "{original}{}",
                categories_addition(original, undeclared)
            ));
            crate::policy::load_texts(&changed).map_err(|d| {
                anyhow::Error::new(crate::diag::Diagnostics(d))
                    .context("declaring the imported categories would make the policies invalid")
            })
        }
        _ => Ok(policies.clone()),
    }
}

/// The change declaring those of `undeclared` that the cases to be written
/// use; none without a categories file, which declares nothing.
pub(super) fn change(
    texts: &PolicyTexts,
    mut undeclared: Vec<(String, String)>,
    used: &BTreeSet<&str>,
) -> Option<CategoriesChange> {
    undeclared.retain(|(name, _)| used.contains(name.as_str()));
    match &texts.categories {
        Some(original) if !undeclared.is_empty() => Some(CategoriesChange {
            original: original.clone(),
            text: format!("{original}{}", categories_addition(original, &undeclared)),
            names: undeclared.into_iter().map(|(n, _)| n).collect(),
        }),
        _ => None,
    }
}

/// The categories the drafts use that `declared` lacks, sorted, each with
/// the first source value that named it.
pub fn undeclared_categories(
    drafts: &[Draft],
    declared: &BTreeMap<String, crate::policy::Category>,
) -> Vec<(String, String)> {
    let mut out: BTreeMap<&str, &str> = BTreeMap::new();
    for d in drafts {
        if !declared.contains_key(&d.case.category) {
            out.entry(&d.case.category)
                .or_insert(&d.category_description);
        }
    }
    out.into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The text to append to `policies/categories.toml` (whose current text is
/// `existing`) to declare `categories`: existing bytes stay as they are.
pub fn categories_addition(existing: &str, categories: &[(String, String)]) -> String {
    let mut out = String::new();
    if !existing.is_empty() && !existing.ends_with('\n') {
        out.push('\n');
    }
    for (name, description) in categories {
        let bare = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let key = if bare {
            name.clone()
        } else {
            serde_json::to_string(name).unwrap_or_default()
        };
        let _ = writeln!(
            out,
            "\n[{key}]\ndescription = {}",
            serde_json::to_string(description).unwrap_or_default()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_categories_as_toml() {
        let add = categories_addition(
            "[a]\ndescription = \"x\"",
            &[
                ("credit-card".into(), "Credit \"card\"".into()),
                ("crédit".into(), "Crédit".into()),
            ],
        );
        let text = format!("[a]\ndescription = \"x\"{add}");
        let v: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(
            v["credit-card"]["description"].as_str(),
            Some("Credit \"card\"")
        );
        assert_eq!(v["crédit"]["description"].as_str(), Some("Crédit"));
    }
}
