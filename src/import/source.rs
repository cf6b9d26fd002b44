//! Reading the CSV: bytes in, a header and text rows (each with the line of
//! the file it starts on) out, plus the rows that cannot even be read.

use super::BadRow;
use crate::i18n::Msg;
use csv::ByteRecord;
use std::collections::HashMap;

/// A CSV file read as text: its header and its data rows, each with the line
/// of the file it starts on (a quoted field may span several lines).
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Rows whose every cell is empty (spreadsheets leave `,,,,` lines).
    pub blank: usize,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub line: u64,
    pub values: Vec<String>,
}

/// Parses a CSV file. Rows with the wrong number of columns or bytes that are
/// not UTF-8 are bad rows; an unreadable header is an error for the file.
pub fn read_csv(bytes: &[u8]) -> Result<(Table, Vec<BadRow>), Msg> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        None => return Err(Msg::new("import-empty-file")),
        Some(Err(e)) => {
            return Err(Msg::new("import-header-unreadable").arg("error", e.to_string()));
        }
        Some(Ok(h)) => h,
    };
    let mut table = Table {
        headers: read_header(&header)?,
        ..Table::default()
    };
    let mut bad = Vec::new();
    for record in records {
        let record =
            record.map_err(|e| Msg::new("import-file-unreadable").arg("error", e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            table.blank += 1;
            continue;
        }
        match read_row(&table.headers, &record) {
            Ok(values) => table.rows.push(Row { line, values }),
            Err(message) => bad.push(BadRow { line, message }),
        }
    }
    Ok((table, bad))
}

/// The column names: UTF-8, each once (every column is kept under `fields`).
fn read_header(header: &ByteRecord) -> Result<Vec<String>, Msg> {
    let mut headers = Vec::with_capacity(header.len());
    for (i, h) in header.iter().enumerate() {
        let h = std::str::from_utf8(h)
            .map_err(|_| Msg::new("import-header-not-utf8").arg("column", (i + 1).to_string()))?;
        headers.push(h.to_string());
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(first) = seen.insert(h.as_str(), i) {
            return Err(Msg::new("import-header-twice")
                .arg("name", h.as_str())
                .arg("first", (first + 1).to_string())
                .arg("second", (i + 1).to_string()));
        }
    }
    Ok(headers)
}

/// One data row as text, or why it is a bad row.
fn read_row(headers: &[String], record: &ByteRecord) -> Result<Vec<String>, Msg> {
    if record.len() != headers.len() {
        return Err(Msg::new("import-columns")
            .arg("found", record.len().to_string())
            .arg("header", headers.len().to_string()));
    }
    record
        .iter()
        .zip(headers)
        .map(|(f, h)| {
            std::str::from_utf8(f)
                .map(str::to_string)
                .map_err(|_| Msg::new("import-not-utf8").arg("column", h.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_rows_with_lines() {
        let csv = b"a,b\n1,\"two\nlines\"\n,\n3\n4,5\n";
        let (t, bad) = read_csv(csv).unwrap();
        assert_eq!(t.headers, ["a", "b"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[0].values[1], "two\nlines");
        assert_eq!(t.rows[1].line, 6);
        assert_eq!(t.blank, 1);
        assert_eq!(
            bad,
            [BadRow {
                line: 5,
                message: Msg::new("import-columns")
                    .arg("found", "1")
                    .arg("header", "2")
            }]
        );
    }
}
