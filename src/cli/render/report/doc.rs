//! A printable document for the compliance pages (regulator returns and
//! the management review): a title, notes, key figures and tables, written
//! as markdown for the terminal or as one HTML page that shares the
//! report's styles (taken from its template, so there is one copy).

use crate::cli::render::fmt::md_escape;
use crate::i18n::tr;
use anyhow::Result;
use serde::Serialize;

const TEMPLATE: &str = include_str!("../../../templates/report/compliance.html");
/// The data-table macro both HTML pages import.
pub(super) const TABLE_TEMPLATE: &str = include_str!("../../../templates/report/table.html");
pub(super) const TABLE_BODY_TEMPLATE: &str =
    include_str!("../../../templates/report/table_body.html");
const REPORT_TEMPLATE: &str = include_str!("../../../templates/report/report.html");

#[derive(Debug, Serialize)]
pub struct Doc {
    pub eyebrow: String,
    pub title: String,
    pub subtitle: String,
    /// Paragraphs shown under the title (rules applied, caveats).
    pub notes: Vec<String>,
    pub cards: Vec<Card>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Serialize)]
pub struct Card {
    pub label: String,
    pub value: String,
    pub note: String,
}

#[derive(Debug, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub reading: String,
    pub headers: Vec<String>,
    /// Which columns hold numbers (right-aligned).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
}

impl Section {
    /// A table whose first column is text and the others numbers.
    pub fn new<H: AsRef<str>>(id: &str, title: &str, headers: &[H]) -> Section {
        Section {
            id: id.into(),
            title: title.into(),
            reading: String::new(),
            headers: headers.iter().map(|h| h.as_ref().to_string()).collect(),
            numeric: (0..headers.len()).map(|i| i > 0).collect(),
            rows: Vec::new(),
        }
    }

    pub fn reading(mut self, text: impl Into<String>) -> Section {
        self.reading = text.into();
        self
    }

    /// Marks which columns are text (left-aligned).
    pub fn text_columns(mut self, cols: &[usize]) -> Section {
        for &c in cols {
            if let Some(n) = self.numeric.get_mut(c) {
                *n = false;
            }
        }
        self
    }
}

/// The document as markdown: headings, paragraphs and pipe tables.
pub fn markdown(d: &Doc) -> String {
    let mut out = format!("# {}\n\n{}\n\n", d.title, d.subtitle);
    for n in &d.notes {
        out.push_str(&format!("{n}\n\n"));
    }
    if !d.cards.is_empty() {
        out.push_str(&format!(
            "| {} | {} | |\n|---|---:|---|\n",
            tr("doc-figure"),
            tr("doc-value")
        ));
        for c in &d.cards {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                md_escape(&c.label),
                md_escape(&c.value),
                md_escape(&c.note)
            ));
        }
        out.push('\n');
    }
    for s in &d.sections {
        out.push_str(&format!("## {}\n\n", s.title));
        if !s.reading.is_empty() {
            out.push_str(&format!("{}\n\n", s.reading));
        }
        out.push_str(&md_table(s));
        out.push('\n');
    }
    out
}

fn md_table(s: &Section) -> String {
    if s.rows.is_empty() {
        return format!("{}\n", tr("doc-none-md"));
    }
    let cells = |row: &[String]| {
        let v: Vec<String> = row.iter().map(|c| md_escape(c)).collect();
        format!("| {} |\n", v.join(" | "))
    };
    let rule: Vec<&str> = s
        .numeric
        .iter()
        .map(|&n| if n { "---:" } else { "---" })
        .collect();
    let mut out = cells(&s.headers);
    out.push_str(&format!("|{}|\n", rule.join("|")));
    for r in &s.rows {
        out.push_str(&cells(r));
    }
    out
}

#[derive(Serialize)]
struct Page<'a> {
    style: &'a str,
    /// `en` or `fr`: the page's `<html lang>`.
    lang: &'static str,
    key_figures: String,
    none: String,
    footer: String,
    #[serde(flatten)]
    doc: &'a Doc,
}

/// The report template's `<style>` block: the one copy of the styles.
fn shared_style() -> &'static str {
    let start = REPORT_TEMPLATE
        .find("<style>")
        .map_or(0, |i| i + "<style>".len());
    let end = REPORT_TEMPLATE.find("</style>").unwrap_or(start);
    REPORT_TEMPLATE.get(start..end).unwrap_or("")
}

/// The document as one self-contained HTML page (no scripts, no network).
pub fn html(d: &Doc) -> Result<String> {
    let mut env = minijinja::Environment::new();
    env.add_template("table.html", TABLE_TEMPLATE)?;
    env.add_template("table_body.html", TABLE_BODY_TEMPLATE)?;
    env.add_template("compliance.html", TEMPLATE)?;
    let page = Page {
        style: shared_style(),
        lang: crate::i18n::current().code(),
        key_figures: tr("doc-key-figures"),
        none: tr("doc-none"),
        footer: tr("doc-footer"),
        doc: d,
    };
    Ok(env
        .get_template("compliance.html")?
        .render(minijinja::value::Serde(&page))?)
}
