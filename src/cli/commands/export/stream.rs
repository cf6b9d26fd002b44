//! `export --format csv|jsonl|register` (the register as CSV; its XLSX
//! workbook is made in memory) one case at a time, never holding the
//! ledger: each case is derived and rendered as it is read (on every
//! core), and waits in a spool (memory, then an unnamed temporary file)
//! until every case is read, because the CSV's `fields.<name>` columns
//! are those of all the cases and the problems found decide whether
//! anything is written at all. The bytes are those of the whole export,
//! which a test checks.

use super::{Args, Format, csv_header, csv_record, derive, field_cells, jsonl_line};
use crate::cli::session::Open;
use crate::files::spool::{Spool, put_count, put_text, read_count, read_text};
use crate::ledger::LoadedCase;
use anyhow::Result;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};

/// One case's part of the export: its ID (for the order) and its texts.
struct Part {
    id: String,
    /// The JSON line; or the CSV row's cells up to the `fields.` columns.
    cells: Vec<String>,
    /// Its `fields` (CSV only).
    fields: BTreeMap<String, String>,
}

/// Writes the export, to `-o` or standard output; `false`, with nothing
/// written, when the cases did not come in strictly increasing ID order
/// (the caller then sorts them whole), as the streamed audit does: a
/// valid case is filed at `cases/YYYY/MM/<its ID>.yaml`, so the walk meets
/// them in that order.
pub(super) fn run(args: &Args, open: &Open, now: DateTime<Utc>) -> Result<bool> {
    let (format, contacts) = (args.format, args.include_contacts);
    let Some(Spooled {
        spool,
        keys,
        problems,
    }) = spooled(open, now, format, contacts)?
    else {
        return Ok(false);
    };
    args.invalid.refuse_or_warn(&problems, "export")?;
    let keys: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
    let mut spool = Some(spool);
    let mut make = |out: &mut dyn Write| -> Result<()> {
        let spool = spool
            .take()
            .ok_or_else(|| anyhow::anyhow!("the export is written once"))?;
        write_out(format, contacts, &keys, spool, out)
    };
    match &args.output {
        Some(path) => crate::files::write_output_made(path, &mut make)?,
        None => {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            make(&mut out)?;
            out.flush()?;
        }
    }
    Ok(true)
}

/// Every case's part, spooled in ID order, with the names of all their
/// `fields` and the problems the scan found.
struct Spooled {
    spool: Spool,
    keys: BTreeSet<String>,
    problems: Vec<crate::diag::Diagnostic>,
}

/// Reads and renders every case; `None` when they did not come in ID order.
fn spooled(
    open: &Open,
    now: DateTime<Utc>,
    format: Format,
    contacts: bool,
) -> Result<Option<Spooled>> {
    let (p, tz) = (&open.policies, open.tz);
    let part_of = |lc: LoadedCase| -> Result<Part> {
        let (cells, fields) = if let Format::Register | Format::RegisterXlsx = format {
            let entry = crate::report::register::row(&lc.case, p, now);
            let cells = crate::cli::commands::register::csv_cells(&entry, tz, contacts);
            (cells, BTreeMap::new())
        } else {
            // Figures come from the real case; only the texts printed are masked.
            let shown = crate::case::privacy::shown(&lc.case, contacts);
            let row = derive(&lc, &shown, p, now);
            match format {
                Format::Jsonl => (vec![jsonl_line(&row, tz, contacts)?], BTreeMap::new()),
                _ => (csv_record(&row, tz, contacts), row.case.fields.clone()),
            }
        };
        Ok(Part {
            id: lc.case.id,
            cells,
            fields,
        })
    };
    let mut spool = Spool::default();
    let mut keys: BTreeSet<String> = BTreeSet::new();
    let (mut last, mut in_order, mut failed): (Option<String>, bool, Option<anyhow::Error>) =
        (None, true, None);
    let scan = open.ledger.scan_each(p, part_of, |part: Result<Part>| {
        let part = match part {
            Ok(part) if in_order && failed.is_none() => part,
            Ok(_) => return,
            Err(e) => {
                failed.get_or_insert(e);
                return;
            }
        };
        in_order = last.as_ref().is_none_or(|l| *l < part.id);
        for k in part.fields.keys() {
            if !keys.contains(k) {
                keys.insert(k.clone());
            }
        }
        if let Err(e) = spool.append(&record(&part)) {
            failed.get_or_insert(e.into());
        }
        last = Some(part.id);
    });
    if let Some(e) = failed {
        return Err(e);
    }
    Ok(in_order.then_some(Spooled {
        spool,
        keys,
        problems: scan.problems,
    }))
}

/// A part as the spool keeps it: its cells, then its fields' names and
/// values, each list counted first.
fn record(part: &Part) -> Vec<u8> {
    let mut bytes = Vec::new();
    put_count(&mut bytes, part.cells.len());
    part.cells.iter().for_each(|c| put_text(&mut bytes, c));
    put_count(&mut bytes, part.fields.len());
    for (k, v) in &part.fields {
        put_text(&mut bytes, k);
        put_text(&mut bytes, v);
    }
    bytes
}

/// A spooled part's cells and fields.
type Texts = (Vec<String>, BTreeMap<String, String>);

/// The next part [`record`] wrote, without its ID; `None` at the end.
fn next(r: &mut impl Read) -> std::io::Result<Option<Texts>> {
    let Some(n) = read_count(r)? else {
        return Ok(None);
    };
    let cells = (0..n)
        .map(|_| read_text(r))
        .collect::<std::io::Result<_>>()?;
    let fields_n = read_count(r)?.ok_or(std::io::ErrorKind::UnexpectedEof)?;
    let fields = (0..fields_n)
        .map(|_| Ok((read_text(r)?, read_text(r)?)))
        .collect::<std::io::Result<_>>()?;
    Ok(Some((cells, fields)))
}

/// The export from the spooled parts: JSON lines as they are; CSV with
/// its header, every row given the `fields.` columns of all of them.
fn write_out(
    format: Format,
    contacts: bool,
    keys: &BTreeSet<&str>,
    spool: Spool,
    out: &mut dyn Write,
) -> Result<()> {
    let mut r = spool.into_reader()?;
    if let Format::Jsonl = format {
        while let Some((cells, _)) = next(&mut r)? {
            for line in cells {
                out.write_all(line.as_bytes())?;
                out.write_all(b"\n")?;
            }
        }
        return Ok(());
    }
    let mut w = csv::Writer::from_writer(out);
    if let Format::Register | Format::RegisterXlsx = format {
        w.write_record(crate::cli::commands::register::header(contacts))?;
        while let Some((cells, _)) = next(&mut r)? {
            w.write_record(cells)?;
        }
        w.flush()?;
        return Ok(());
    }
    w.write_record(csv_header(keys, contacts))?;
    while let Some((mut cells, fields)) = next(&mut r)? {
        cells.extend(field_cells(&fields, keys));
        w.write_record(cells)?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Ledger;

    fn open(dir: &std::path::Path) -> Open {
        let policies = crate::policy::load(dir).unwrap();
        Open {
            ledger: Ledger {
                root: dir.to_path_buf(),
            },
            tz: policies.tz(),
            policies,
            now: DateTime::parse_from_rfc3339("2026-11-22T12:00:00-05:00").unwrap(),
        }
    }

    fn streamed(open: &Open, format: Format, contacts: bool) -> Option<String> {
        let now = open.now.with_timezone(&Utc);
        let s = spooled(open, now, format, contacts).unwrap()?;
        let keys: BTreeSet<&str> = s.keys.iter().map(String::as_str).collect();
        let mut out = Vec::new();
        write_out(format, contacts, &keys, s.spool, &mut out).unwrap();
        Some(String::from_utf8(out).unwrap())
    }

    #[test]
    fn streamed_bytes_are_the_whole_exports() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut compared = 0;
        for dir in [
            root.to_path_buf(),
            root.join("tests/fixtures/audit"),
            root.join("tests/fixtures/two-cases"),
        ] {
            let open = open(&dir);
            let now = open.now.with_timezone(&Utc);
            let cases = open.ledger.scan(&open.policies).cases;
            for format in [Format::Jsonl, Format::Csv, Format::Register] {
                for contacts in [false, true] {
                    let s = streamed(&open, format, contacts).expect("files in ID order");
                    let whole = super::super::whole(&open, &cases, now, format, contacts).unwrap();
                    compared += s.len();
                    assert_eq!(s, whole, "{dir:?} {format:?} contacts {contacts}");
                }
            }
        }
        assert!(compared > 400_000, "the sample ledger is exported whole");
    }

    #[test]
    fn a_ledger_with_a_case_filed_twice_exports_as_the_whole_export_does() {
        let from =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-cases");
        let dir = tempfile::tempdir().unwrap();
        for sub in ["policies", "cases/2026/11", "cases/2026/10"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        let copy =
            |from: std::path::PathBuf, to: &str| std::fs::copy(from, dir.path().join(to)).unwrap();
        for entry in std::fs::read_dir(from.join("policies")).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().into_string().unwrap();
            copy(entry.path(), &format!("policies/{name}"));
        }
        let cases = from.join("cases/2026/11");
        for name in ["20261102-k7q2.yaml", "20261110-m2xk.yaml"] {
            copy(cases.join(name), &format!("cases/2026/11/{name}"));
        }
        // The same case again, in a month the walk meets first.
        copy(
            cases.join("20261102-k7q2.yaml"),
            "cases/2026/10/20261102-k7q2.yaml",
        );
        let open = open(dir.path());
        let now = open.now.with_timezone(&Utc);
        let scan = open.ledger.scan(&open.policies);
        let s = spooled(&open, now, Format::Csv, false)
            .unwrap()
            .expect("in ID order");
        assert_eq!(
            s.problems, scan.problems,
            "the same problems, for --skip-invalid"
        );
        assert!(!s.problems.is_empty());
        for format in [Format::Jsonl, Format::Csv] {
            let whole = super::super::whole(&open, &scan.cases, now, format, false).unwrap();
            assert_eq!(
                streamed(&open, format, false).as_ref(),
                Some(&whole),
                "{format:?}"
            );
            assert!(whole.contains("20261102-k7q2") && whole.contains("20261110-m2xk"));
        }
    }
}
