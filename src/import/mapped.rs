//! `redress import csv FILE --map MAPPING.toml`: any spreadsheet export,
//! described by a mapping file (which column is which case key, defaults,
//! and source values → redress values).

use super::drafts::slugify;
use super::layout::Layout;
use crate::case::vocab::{Channel, Kind, Severity};
use crate::i18n::Msg;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A mapping file for `redress import csv FILE --map MAPPING.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingFile {
    /// `source.system` of every imported case, e.g. "zendesk".
    pub source_system: String,
    #[serde(default)]
    pub date_format: Option<String>,
    pub columns: Columns,
    #[serde(default)]
    pub defaults: Defaults,
    #[serde(default)]
    pub values: Values,
}

/// Case key → the header of the column that holds it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    pub id: String,
    pub received: String,
    pub title: Option<String>,
    pub customer: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub category: Option<String>,
    pub channel: Option<String>,
    pub severity: Option<String>,
    pub kind: Option<String>,
    pub description: Option<String>,
}

/// Used when a column is not mapped or a cell is empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    pub kind: Option<Kind>,
    pub severity: Option<Severity>,
    pub channel: Option<Channel>,
    pub category: Option<String>,
}

/// Source value → redress value, per key. `"*"` catches every other value.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Values {
    #[serde(default)]
    pub channel: BTreeMap<String, Channel>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    #[serde(default)]
    pub kind: BTreeMap<String, Kind>,
    #[serde(default)]
    pub category: BTreeMap<String, String>,
}

impl MappingFile {
    pub fn parse(text: &str) -> Result<MappingFile, Msg> {
        let m: MappingFile = toml::from_str(text).map_err(|e| Msg::from(e.to_string()))?;
        if m.source_system.trim().is_empty() {
            return Err(Msg::new("import-map-no-system"));
        }
        for (raw, cat) in &m.values.category {
            if slugify(cat) != *cat {
                return Err(Msg::new("import-map-category")
                    .arg("raw", raw.as_str())
                    .arg("cat", cat.as_str())
                    .arg("slug", slugify(cat)));
            }
        }
        if let Some(cat) = &m.defaults.category
            && slugify(cat) != *cat
        {
            return Err(Msg::new("import-map-default-category")
                .arg("cat", cat.as_str())
                .arg("slug", slugify(cat)));
        }
        Ok(m)
    }
}

impl Layout {
    /// A mapping file resolved against the header; every named column must exist.
    pub fn from_mapping(m: MappingFile, headers: &[String]) -> Result<Layout, Msg> {
        let names: Vec<&str> = headers.iter().map(String::as_str).collect();
        let find = |key: &str, name: &Option<String>| -> Result<Option<usize>, Msg> {
            let Some(name) = name else { return Ok(None) };
            match headers.iter().position(|h| h == name) {
                Some(i) => Ok(Some(i)),
                None => Err(Msg::new("import-map-column")
                    .arg("key", key)
                    .arg("name", format!("{name:?}"))
                    .arg(
                        "problem",
                        crate::suggest::unknown_value_msg("column", name, &names),
                    )),
            }
        };
        let c = &m.columns;
        let id = find("id", &Some(c.id.clone()))?.unwrap_or_default();
        let received = find("received", &Some(c.received.clone()))?.unwrap_or_default();
        let layout = Layout {
            system: m.source_system.trim().to_string(),
            id,
            received,
            title: find("title", &c.title)?,
            customer: find("customer", &c.customer)?,
            email: find("email", &c.email)?,
            phone: find("phone", &c.phone)?,
            category: find("category", &c.category)?,
            channel: find("channel", &c.channel)?,
            severity: find("severity", &c.severity)?,
            kind: find("kind", &c.kind)?,
            description: find("description", &c.description)?,
            cfpb: None,
            defaults: m.defaults,
            values: m.values,
            date_format: m.date_format,
            recorder: None,
        };
        if layout.channel.is_none() && layout.defaults.channel.is_none() {
            return Err(Msg::new("import-map-no-channel"));
        }
        if layout.category.is_none() && layout.defaults.category.is_none() {
            return Err(Msg::new("import-map-no-category"));
        }
        if layout.title.is_none() && layout.description.is_none() {
            return Err(Msg::new("import-map-no-title"));
        }
        Ok(layout)
    }
}
