//! The 80-column tables of the report and the audit.

use comfy_table::{CellAlignment, ContentArrangement, Table, presets::UTF8_BORDERS_ONLY};

/// A borderless table that fits 80 columns.
pub fn new_table() -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(80);
    t
}

/// Right-aligns the columns that hold numbers.
pub fn right(t: &mut Table, cols: &[usize]) {
    for c in cols {
        if let Some(col) = t.column_mut(*c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// One cell of a [`Columns`] listing: the plain text that sets the width,
/// and the colour painted on it afterwards (so colour never moves a column).
pub struct Cell {
    pub text: String,
    pub style: Option<&'static str>,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            style: None,
        }
    }
}

/// A column of a [`Columns`] listing. `drop_rank` > 0 marks a column that may
/// be left out when the terminal is narrow (lowest rank goes first).
pub struct Column {
    pub header: &'static str,
    pub drop_rank: u8,
}

/// A column's header in the language in force: headers are written in
/// English in the code and translated by the catalogue's `column` message.
fn header(english: &str) -> String {
    let key: String = english
        .chars()
        .filter(|c| *c != '.')
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    crate::i18n::tr_args(
        "column",
        &[("h", english.to_string().into()), ("key", key.into())],
    )
}

/// Plain aligned columns without borders: one line per row, two spaces
/// between columns, the last column (the free text) truncated with `…` to
/// fit `width`. Without a width (piped output) nothing is truncated or left out.
pub struct Columns {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// The narrowest the free-text column gets before other columns are left out.
const MIN_FREE: usize = 24;
const GAP: &str = "  ";

impl Columns {
    pub fn render(&self, width: Option<usize>, color: bool) -> String {
        let headers: Vec<String> = self.columns.iter().map(|c| header(c.header)).collect();
        let mut widths: Vec<usize> = headers.iter().map(|h| text_width(h)).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(text_width(&cell.text));
            }
        }
        let shown = self.shown(&widths, width);
        let last = shown.len().saturating_sub(1);
        let mut out = String::new();
        let header: Vec<Cell> = headers.into_iter().map(Cell::plain).collect();
        for row in std::iter::once(&header).chain(&self.rows) {
            let mut line = String::new();
            let mut used = 0;
            for (i, &col) in shown.iter().enumerate() {
                let cell = &row[col];
                let room = match width {
                    Some(w) if i == last => w.saturating_sub(used),
                    _ => widths[col],
                };
                let text = truncate(&cell.text, room);
                let pad = if i == last {
                    0
                } else {
                    widths[col] - text_width(&text)
                };
                let painted = match cell.style {
                    Some(style) => super::style::paint(color, style, &text),
                    None => text,
                };
                line.push_str(&painted);
                line.push_str(&" ".repeat(pad));
                if i != last {
                    line.push_str(GAP);
                    used += widths[col] + GAP.len();
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// The columns kept: all of them, unless the width leaves the free-text
    /// column narrower than [`MIN_FREE`]; then droppable ones go, lowest rank first.
    fn shown(&self, widths: &[usize], width: Option<usize>) -> Vec<usize> {
        let mut shown: Vec<usize> = (0..self.columns.len()).collect();
        let Some(width) = width else { return shown };
        let mut ranks: Vec<usize> = shown
            .iter()
            .copied()
            .filter(|&i| self.columns[i].drop_rank > 0)
            .collect();
        ranks.sort_by_key(|&i| self.columns[i].drop_rank);
        for drop in ranks {
            let fixed: usize = shown[..shown.len().saturating_sub(1)]
                .iter()
                .map(|&i| widths[i] + GAP.len())
                .sum();
            if fixed + MIN_FREE <= width {
                break;
            }
            shown.retain(|&i| i != drop);
        }
        shown
    }
}

/// The width a text takes on screen, one column per character (the ledger's
/// text is Latin script; wide scripts would count short).
pub fn text_width(text: &str) -> usize {
    text.chars().count()
}

/// The text cut to `room` columns, ending with `…` when cut.
pub fn truncate(text: &str, room: usize) -> String {
    if text_width(text) <= room {
        return text.to_string();
    }
    if room == 0 {
        return String::new();
    }
    let mut cut: String = text.chars().take(room - 1).collect();
    cut.push('…');
    cut
}

/// How wide a listing may be: `COLUMNS` when set, else the terminal's width
/// on a tty (80 when it cannot be read), else no limit (piped output).
pub fn available_width() -> Option<usize> {
    let columns = std::env::var("COLUMNS").ok();
    if let Some(n) = columns.and_then(|v| v.trim().parse::<usize>().ok().filter(|n| *n > 0)) {
        return Some(n);
    }
    if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Some(Table::new().width().map_or(80, usize::from));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing() -> Columns {
        let col = |header, drop_rank| Column { header, drop_rank };
        Columns {
            columns: vec![col("ID", 0), col("Kind", 1), col("Due", 0), col("Title", 0)],
            rows: vec![
                vec![
                    Cell::plain("20251101-7hq3"),
                    Cell::plain("claim"),
                    Cell {
                        text: "ack 11-24 09:00 late".into(),
                        style: Some(super::super::style::RED),
                    },
                    Cell::plain("Bibliothèque livrée avec un coin écrasé et beaucoup de retard"),
                ],
                vec![
                    Cell::plain("20251104-m2xk"),
                    Cell::plain("complaint"),
                    Cell::plain("resolve 11-30 17:00"),
                    Cell::plain("Short"),
                ],
            ],
        }
    }

    fn strip(line: &str) -> String {
        let mut out = String::new();
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                for d in chars.by_ref() {
                    if d == 'm' {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn colour_never_changes_layout_and_lines_fit() {
        for width in [50, 60, 80, 200] {
            let plain = listing().render(Some(width), false);
            let painted = listing().render(Some(width), true);
            assert!(painted.contains('\x1b'), "colour is painted");
            let stripped: Vec<String> = painted.lines().map(strip).collect();
            assert_eq!(stripped, plain.lines().collect::<Vec<_>>());
            for line in &stripped {
                assert!(text_width(line) <= width, "{line:?} wider than {width}");
            }
            // The title column starts at the same place on every line.
            let at: Vec<usize> = plain
                .lines()
                .map(|l| {
                    l.chars()
                        .position(|c| c == 'T' || c == 'B' || c == 'S')
                        .unwrap_or(0)
                })
                .collect();
            assert!(at.windows(2).all(|w| w[0] == w[1]), "{plain}");
        }
    }

    #[test]
    fn piped_output_is_never_cut() {
        let out = listing().render(None, false);
        assert!(out.contains("beaucoup de retard"));
        assert!(out.contains("complaint"));
    }
}
