//! `export --format register`: the complaint register (crate::report::register)
//! written as CSV, or as an XLSX workbook (`--format register-xlsx`, or
//! `--format register -o FILE.xlsx`) with real date cells, since that is
//! what a compliance officer opens. Contact details only with
//! `--include-contacts`; the register carries no free text.

use crate::report::register::Row;
use anyhow::{Context, Result};
use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;

/// One cell: text, a local time, or a whole number (blank when None).
enum Cell {
    Text(String),
    Time(Option<DateTime<Utc>>),
    Number(Option<i64>),
}

/// The columns, contact details after the case's own when asked.
pub fn header(contacts: bool) -> Vec<&'static str> {
    let mut h = vec!["id", "kind", "channel", "category", "severity"];
    if contacts {
        h.extend(["customer_name", "customer_email", "customer_phone"]);
    }
    h.extend([
        "received",
        "acknowledged",
        "extended",
        "extended_to",
        "final_response",
        "due",
        "outcome",
        "remedy",
        "compensation",
        "days_taken",
        "on_time",
        "status",
        "rule",
    ]);
    h
}

fn cells(r: &Row, contacts: bool) -> Vec<Cell> {
    let c = r.case;
    let text = |s: &str| Cell::Text(s.to_string());
    let mut out = vec![
        text(&c.id),
        text(c.kind.as_str()),
        text(c.channel.as_str()),
        text(&c.category),
        text(c.severity.as_str()),
    ];
    if contacts {
        out.push(text(&c.customer.name));
        out.push(text(c.customer.email.as_deref().unwrap_or_default()));
        out.push(text(c.customer.phone.as_deref().unwrap_or_default()));
    }
    out.extend([
        Cell::Time(Some(r.received)),
        Cell::Time(r.acknowledged),
        Cell::Time(r.extended.as_ref().map(|(at, _)| *at)),
        text(r.extended.as_ref().map_or("", |(_, to)| to.as_str())),
        Cell::Time(r.final_response),
        Cell::Time(r.due),
        text(r.outcome.map_or("", |o| o.as_str())),
        text(&r.remedies.join(";")),
        text(&r.compensation),
        Cell::Number(r.days_taken),
        text(r.on_time.as_str()),
        text(r.status.as_str()),
        text(&r.rule),
    ]);
    out
}

/// `2026-11-22 09:14` in the ledger's zone.
fn local(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
}

pub fn csv(rows: &[Row], tz: Tz, contacts: bool) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header(contacts))?;
    for r in rows {
        w.write_record(csv_cells(r, tz, contacts))?;
    }
    Ok(w.into_inner()?)
}

/// One case's row of the register as CSV cells, in [`header`]'s order.
pub fn csv_cells(r: &Row, tz: Tz, contacts: bool) -> Vec<String> {
    cells(r, contacts)
        .into_iter()
        .map(|cell| match cell {
            Cell::Text(s) => s,
            Cell::Time(t) => t.map(|t| local(t, tz)).unwrap_or_default(),
            Cell::Number(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        })
        .collect()
}

pub fn xlsx(rows: &[Row], tz: Tz, contacts: bool) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    let sheet = book.add_worksheet();
    sheet.set_name("Register")?;
    for (col, name) in (0u16..).zip(header(contacts)) {
        sheet.write_string_with_format(0, col, name, &bold)?;
    }
    for (row, r) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(cells(r, contacts)) {
            match cell {
                Cell::Text(s) if !s.is_empty() => {
                    sheet.write_string(row, col, s)?;
                }
                Cell::Time(Some(t)) => {
                    sheet.write_datetime_with_format(row, col, excel_time(t, tz)?, &when)?;
                }
                Cell::Number(Some(n)) => {
                    // Days taken: far below 2^53, exact as a float.
                    sheet.write_number(row, col, n as f64)?;
                }
                _ => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    book.save_to_buffer()
        .context("writing the register as XLSX")
}

fn excel_time(t: DateTime<Utc>, tz: Tz) -> Result<rust_xlsxwriter::ExcelDateTime> {
    let l = t.with_timezone(&tz);
    let year = u16::try_from(l.year()).context("a year outside what XLSX can hold")?;
    let month = u8::try_from(l.month()).unwrap_or(1);
    let day = u8::try_from(l.day()).unwrap_or(1);
    let hour = u16::try_from(l.hour()).unwrap_or(0);
    let minute = u8::try_from(l.minute()).unwrap_or(0);
    Ok(
        rust_xlsxwriter::ExcelDateTime::from_ymd(year, month, day)?.and_hms(
            hour,
            minute,
            l.second(),
        )?,
    )
}
