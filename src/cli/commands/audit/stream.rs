//! `audit` (table, json, csv, markdown) over the whole ledger, in bounded memory:
//! each case is audited, filtered, sorted and rendered as soon as it is
//! read (on every core), its rendered findings wait in a spool (memory,
//! then an unnamed temporary file) while the KPIs are counted, and they
//! are copied out after them. Only the hours the KPIs' medians
//! need are held. The table's rows wait as their texts, one spool per
//! severity, and are laid out at the end, when the widths of their
//! columns are known; markdown's rows wait written, one spool per severity. The bytes are those of the whole-audit path, which
//! a test checks.

use crate::audit::{self, CaseAudit, Finding, Severity, Window};
use crate::cli::render::audit as render;
use crate::diag::Diagnostic;
use crate::files::spool::Spool;
use crate::ledger::LoadedCase;
use anyhow::Result;
use chrono::{DateTime, Utc};
use std::io::{Read, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rows<'a> {
    Json,
    Csv,
    Table { color: bool, currency: &'a str },
    Markdown { currency: &'a str },
}

/// One case's part of the streamed audit.
struct Part {
    /// Its tally for the KPIs (findings taken out).
    audit: CaseAudit,
    id: String,
    /// JSON and CSV: the findings as written, in the first; the table:
    /// each severity's rows (see [`put`]), in the table's order; markdown:
    /// each severity's rows as written, in the same order.
    rendered: [Vec<u8>; 3],
    count: usize,
    worst: Option<Severity>,
    shape: render::TableShape,
}

/// What the streamed audit found, for the exit status.
pub struct Outcome {
    pub worst: Option<Severity>,
    pub problems: Vec<Diagnostic>,
}

/// The filters applied to every finding before it is rendered.
pub struct Filters<'a> {
    pub window: Window,
    pub codes: &'a [String],
}

impl Filters<'_> {
    fn keep(&self, f: &Finding) -> bool {
        self.window.contains(f.at_utc)
            && (self.codes.is_empty() || self.codes.iter().any(|c| c == f.code.as_str()))
    }
}

/// Audits every case with `audit_one` and writes the document to `out`;
/// `None`, with nothing written, when the cases with findings did not come
/// in strictly increasing ID order (the caller then takes the whole-audit
/// path, which sorts them).
pub fn run(
    ledger: &crate::ledger::Ledger,
    p: &crate::policy::Policies,
    as_of: DateTime<Utc>,
    filters: &Filters,
    rows: Rows,
    audit_one: &(dyn Fn(&LoadedCase) -> Option<CaseAudit> + Sync),
    out: &mut impl Write,
) -> Result<Option<Outcome>> {
    let mut spools: [Spool; 3] = Default::default();
    let mut shape = render::TableShape::default();
    let mut kpis = audit::KpiSum::default();
    // The last case with findings, and whether every one came after it.
    let (mut last, mut in_order): (Option<String>, bool) = (None, true);
    let (mut count, mut worst, mut failed) = (0usize, None, None);
    let between: &[u8] = if rows == Rows::Json { b"," } else { b"" };
    let render_case = |lc: LoadedCase| part(&lc, audit_one(&lc)?, filters, rows);
    let scan = ledger.scan_each(p, render_case, |part: Option<Result<Part>>| {
        let part = match part {
            Some(Ok(part)) => part,
            Some(Err(e)) => {
                failed.get_or_insert(e);
                return;
            }
            None => return,
        };
        if filters.window.contains(part.audit.received) {
            kpis.add(&part.audit);
        }
        if part.count == 0 || !in_order {
            return;
        }
        in_order = last.as_ref().is_none_or(|l| *l < part.id);
        let sep = if count > 0 { between } else { b"" };
        let [first, ..] = &mut spools;
        if let Err(e) = first.append(sep).and_then(|()| {
            spools
                .iter_mut()
                .zip(&part.rendered)
                .try_for_each(|(spool, bytes)| spool.append(bytes))
        }) {
            failed.get_or_insert(e.into());
        }
        shape.merge(&part.shape);
        count += part.count;
        worst = worst.max(part.worst);
        last = Some(part.id);
    });
    if let Some(e) = failed {
        return Err(e);
    }
    // By case ID, as the whole audit sorts them. A valid case is filed at
    // cases/YYYY/MM/<its ID>.yaml, so the walk meets them in this order and
    // no two share an ID; should that not hold, the whole audit orders them.
    if !in_order {
        return Ok(None);
    }
    let header = audit::header(kpis.kpis(), p, as_of, filters.window);
    write_document(rows, (&header, &scan.problems), count, &shape, spools, out)?;
    Ok(Some(Outcome {
        worst,
        problems: scan.problems,
    }))
}

/// The document around the spooled findings, which it copies out.
fn write_document(
    rows: Rows,
    (header, problems): (&audit::Audit, &[Diagnostic]),
    count: usize,
    shape: &render::TableShape,
    spools: [Spool; 3],
    out: &mut impl Write,
) -> Result<()> {
    let [first, more @ ..] = spools;
    match rows {
        Rows::Json => {
            render::json_around(header, problems, count, out, |out| Ok(first.copy_out(out)?))?
        }
        Rows::Csv => {
            out.write_all(render::CSV_HEADER)?;
            first.copy_out(out)?;
        }
        Rows::Table { color, currency } => {
            let [warnings, infos] = more;
            let mut spools = [first, warnings, infos].map(Some);
            render::table_around(
                header,
                problems,
                color,
                currency,
                shape,
                out,
                |sev, each| match spools.get_mut(render::shown_at(sev)).and_then(Option::take) {
                    Some(spool) => take_rows(spool, each),
                    None => Ok(()),
                },
            )?;
        }
        Rows::Markdown { currency } => {
            let [warnings, infos] = more;
            let mut spools = [first, warnings, infos].map(Some);
            render::markdown_around(header, problems, currency, shape.counts, out, |sev, out| {
                match spools.get_mut(render::shown_at(sev)).and_then(Option::take) {
                    Some(spool) => spool.copy_out(out),
                    None => Ok(()),
                }
            })?;
        }
    }
    Ok(())
}

/// One case's findings, filtered, in the audit's order and rendered.
fn part(lc: &LoadedCase, mut a: CaseAudit, filters: &Filters, rows: Rows) -> Option<Result<Part>> {
    let mut findings = std::mem::take(&mut a.findings);
    findings.retain(|f| filters.keep(f));
    audit::sort_findings(&mut findings);
    let mut rendered: [Vec<u8>; 3] = Default::default();
    let mut shape = render::TableShape::default();
    let done = match rows {
        Rows::Json => render::json_findings(&findings, &mut rendered[0]),
        Rows::Csv => render::csv_findings(&findings, &mut rendered[0]),
        Rows::Table { .. } => {
            for f in &findings {
                let texts = render::row_texts(f);
                shape.add(f.severity, &texts);
                if let Some(spool) = rendered.get_mut(render::shown_at(f.severity)) {
                    put(spool, &texts);
                }
            }
            Ok(())
        }
        Rows::Markdown { .. } => {
            for f in &findings {
                let at = render::shown_at(f.severity);
                if let (Some(spool), Some(n)) = (rendered.get_mut(at), shape.counts.get_mut(at)) {
                    spool.extend_from_slice(render::markdown_row(f).as_bytes());
                    *n += 1;
                }
            }
            Ok(())
        }
    };
    Some(done.map(|()| Part {
        audit: a,
        id: lc.case.id.clone(),
        count: findings.len(),
        worst: findings.iter().map(|f| f.severity).max(),
        rendered,
        shape,
    }))
}

/// A table row in a spool: each text's length (8 bytes, little-endian),
/// then the text.
fn put(spool: &mut Vec<u8>, texts: &render::RowTexts) {
    for t in texts {
        crate::files::spool::put_text(spool, t);
    }
}

/// How many rows [`take_rows`] hands over at once, to be laid out together.
const ROWS_AT_ONCE: usize = 4096;

/// Reads back the rows [`put`] wrote, handing them to `each` a batch at a
/// time.
fn take_rows(spool: Spool, each: &mut render::EachRow) -> std::io::Result<()> {
    let mut r = spool.into_reader()?;
    let mut batch = Vec::with_capacity(ROWS_AT_ONCE);
    while let Some(texts) = row(&mut r)? {
        batch.push(texts);
        if batch.len() == ROWS_AT_ONCE {
            each(&batch)?;
            batch.clear();
        }
    }
    if batch.is_empty() {
        Ok(())
    } else {
        each(&batch)
    }
}

/// The next row of a spool, `None` at its end.
fn row(r: &mut impl Read) -> std::io::Result<Option<render::RowTexts>> {
    use crate::files::spool::{read_count, read_text, text_of_len};
    let Some(first) = read_count(r)? else {
        return Ok(None);
    };
    let mut texts: render::RowTexts = Default::default();
    for (i, t) in texts.iter_mut().enumerate() {
        *t = if i == 0 {
            text_of_len(r, first)?
        } else {
            read_text(r)?
        };
    }
    Ok(Some(texts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::Window;
    use crate::ledger::Ledger;

    /// The whole-audit path's bytes, as `audit` writes them for `--case`
    /// and for ledgers with duplicate IDs.
    fn whole(ledger: &Ledger, as_of: DateTime<Utc>, filters: &Filters, rows: Rows) -> Vec<u8> {
        let p = crate::policy::load(&ledger.root).unwrap();
        let scan = ledger.scan(&p);
        let per_case = scan
            .cases
            .iter()
            .filter(|c| c.case.received.utc() <= as_of)
            .map(|c| audit::audit_case(c, &p, as_of).mask_contacts(&c.case))
            .collect();
        let mut a = audit::assemble_in(per_case, &p, as_of, filters.window);
        a.findings.retain(|f| {
            filters.codes.is_empty() || filters.codes.iter().any(|c| c == f.code.as_str())
        });
        let mut out = Vec::new();
        match rows {
            Rows::Json => render::json(&a, &scan.problems, &mut out).unwrap(),
            Rows::Csv => render::csv(&a, &mut out).unwrap(),
            Rows::Table { color, currency } => {
                out = render::table(&a, &scan.problems, color, currency).into_bytes();
            }
            Rows::Markdown { currency } => {
                out = render::markdown(&a, &scan.problems, currency).into_bytes();
            }
        }
        out
    }

    fn streamed(
        ledger: &Ledger,
        as_of: DateTime<Utc>,
        filters: &Filters,
        rows: Rows,
    ) -> Option<Vec<u8>> {
        let p = crate::policy::load(&ledger.root).unwrap();
        let one = |c: &LoadedCase| {
            (c.case.received.utc() <= as_of)
                .then(|| audit::audit_case(c, &p, as_of).mask_contacts(&c.case))
        };
        let mut out = Vec::new();
        run(ledger, &p, as_of, filters, rows, &one, &mut out)
            .unwrap()
            .map(|_| out)
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn streamed_bytes_are_the_whole_audits() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let codes = ["ack-late".to_string(), "resolve-late".to_string()];
        let window = Window {
            since: Some(at("2026-09-01T00:00:00-04:00")),
            until: Some(at("2026-11-01T00:00:00-04:00")),
        };
        let mut compared = 0;
        for dir in [
            root.to_path_buf(),
            root.join("tests/fixtures/audit"),
            root.join("tests/fixtures/two-cases"),
        ] {
            let ledger = Ledger { root: dir.clone() };
            for (w, c) in [(Window::default(), &[][..]), (window, &codes[..])] {
                let filters = Filters {
                    window: w,
                    codes: c,
                };
                let currency = "CAD";
                for rows in [
                    Rows::Json,
                    Rows::Csv,
                    Rows::Table {
                        color: false,
                        currency,
                    },
                    Rows::Table {
                        color: true,
                        currency,
                    },
                    Rows::Markdown { currency },
                ] {
                    let as_of = at("2026-11-22T12:00:00-05:00");
                    let s = streamed(&ledger, as_of, &filters, rows).unwrap();
                    let expected = whole(&ledger, as_of, &filters, rows);
                    compared += s.len();
                    assert_eq!(
                        String::from_utf8(s).unwrap(),
                        String::from_utf8(expected).unwrap(),
                        "{dir:?} {rows:?}"
                    );
                }
            }
        }
        assert!(compared > 60_000, "the sample ledger has many findings");
    }
}
