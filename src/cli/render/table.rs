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
/// between columns, the last column (the free text) truncated with `…` or
/// wrapped (see [`Layout`]) to fit `width`. Without a width (piped output)
/// nothing is cut, wrapped or left out: one line per row.
pub struct Columns {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// What happens to the last column when it does not fit.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// Cut with `…` (a listing: one line per row whatever the width).
    Truncate,
    /// Wrapped (see [`wrap`]): beside the other columns when at least
    /// [`MIN_WRAP`] columns are left, else on lines of its own below the
    /// row, indented four more.
    Wrap,
}

/// How a [`Columns`] is laid out.
#[derive(Clone, Copy)]
pub struct Layout {
    /// A header line of the column names.
    pub header: bool,
    /// Spaces before every line.
    pub indent: usize,
    pub last: Overflow,
}

impl Default for Layout {
    /// A listing: headed, flush left, the free text truncated.
    fn default() -> Layout {
        Layout {
            header: true,
            indent: 0,
            last: Overflow::Truncate,
        }
    }
}

impl Layout {
    /// Rows of a section (`show`, `audit`, `policy explain`): no header,
    /// indented two, the free text wrapped.
    pub fn section() -> Layout {
        Layout {
            header: false,
            indent: 2,
            last: Overflow::Wrap,
        }
    }
}

/// The narrowest the free-text column gets before other columns are left out.
const MIN_FREE: usize = 24;
/// The narrowest a wrapped column hangs beside the others.
pub const MIN_WRAP: usize = 32;
const GAP: &str = "  ";

impl Columns {
    /// A listing ([`Layout::default`]) as text.
    pub fn render(&self, width: Option<usize>, color: bool) -> String {
        self.render_as(Layout::default(), width, color)
    }

    /// The header (when the layout has one) and every row, as text.
    pub fn render_as(&self, layout: Layout, width: Option<usize>, color: bool) -> String {
        self.rendered_rows(layout, width, color).concat()
    }

    /// The text of the header (first, when the layout has one) and of each
    /// row, every line ending in a newline: a caller may put headings
    /// between rows and keep one alignment.
    pub fn rendered_rows(&self, layout: Layout, width: Option<usize>, color: bool) -> Vec<String> {
        let mut widths: Vec<usize> = self
            .columns
            .iter()
            .map(|c| {
                if layout.header {
                    text_width(&header(c.header))
                } else {
                    0
                }
            })
            .collect();
        for row in &self.rows {
            widen(&mut widths, row.iter().map(|c| c.text.as_str()));
        }
        let rows = self.row_writer(widths, layout, width, color);
        let header: Vec<Cell> = self
            .columns
            .iter()
            .map(|c| Cell::plain(header(c.header)))
            .collect();
        let head = layout.header.then_some(&header);
        head.into_iter()
            .chain(&self.rows)
            .map(|row| rows.render(row))
            .collect()
    }

    /// Lays out rows one at a time, the columns `widths` wide (as
    /// [`widen`] measures them): for rows that are never all held at once
    /// (a large audit's findings), whose widths were measured as they came.
    pub fn row_writer(
        &self,
        widths: Vec<usize>,
        layout: Layout,
        width: Option<usize>,
        color: bool,
    ) -> RowWriter {
        let room = width.map(|w| w.saturating_sub(layout.indent));
        RowWriter {
            shown: self.shown(&widths, room),
            widths,
            layout,
            width,
            color,
        }
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
            if fixed_width(&shown, widths) + MIN_FREE <= width {
                break;
            }
            shown.retain(|&i| i != drop);
        }
        shown
    }
}

/// The width the columns before the last take, gaps included.
fn fixed_width(shown: &[usize], widths: &[usize]) -> usize {
    shown[..shown.len().saturating_sub(1)]
        .iter()
        .map(|&i| widths.get(i).copied().unwrap_or(0) + GAP.len())
        .sum()
}

/// Widens `widths` to hold a row's texts.
pub fn widen<'a>(widths: &mut [usize], texts: impl IntoIterator<Item = &'a str>) {
    for (w, text) in widths.iter_mut().zip(texts) {
        *w = (*w).max(text_width(text));
    }
}

/// What rows need to be laid out: see [`Columns::row_writer`].
pub struct RowWriter {
    layout: Layout,
    widths: Vec<usize>,
    shown: Vec<usize>,
    width: Option<usize>,
    color: bool,
}

impl RowWriter {
    fn paint(&self, cell: &Cell, text: &str) -> String {
        match cell.style {
            Some(style) => super::style::paint(self.color, style, text),
            None => text.to_string(),
        }
    }

    /// One row: the fixed columns padded, then the last one cut or wrapped.
    pub fn render(&self, row: &[Cell]) -> String {
        let indent = " ".repeat(self.layout.indent);
        let mut line = indent.clone();
        let (Some((&last, fixed)), true) = (self.shown.split_last(), !row.is_empty()) else {
            return "\n".into();
        };
        for &col in fixed {
            let (Some(cell), Some(&w)) = (row.get(col), self.widths.get(col)) else {
                continue;
            };
            line.push_str(&self.paint(cell, &cell.text));
            line.push_str(&" ".repeat(w.saturating_sub(text_width(&cell.text))));
            line.push_str(GAP);
        }
        let Some(cell) = row.get(last) else {
            return line.trim_end().to_string() + "\n";
        };
        let used = self.layout.indent + fixed_width(&self.shown, &self.widths);
        let Some(width) = self.width else {
            return format!("{}{}\n", line, self.paint(cell, &cell.text))
                .trim_end()
                .to_string()
                + "\n";
        };
        let room = width.saturating_sub(used);
        if self.layout.last == Overflow::Truncate {
            let text = truncate(&cell.text, room);
            return (line + &self.paint(cell, &text)).trim_end().to_string() + "\n";
        }
        self.wrapped(line, cell, used, width)
    }

    /// The last cell wrapped beside the row, or below it when too narrow.
    fn wrapped(&self, line: String, cell: &Cell, used: usize, width: usize) -> String {
        let room = width.saturating_sub(used);
        let (first, pad, room) = if room >= MIN_WRAP || text_width(&cell.text) <= room {
            (line, used, room)
        } else {
            let below = self.layout.indent + 4;
            let mut first = line.trim_end().to_string();
            first.push('\n');
            first.push_str(&" ".repeat(below));
            // Never narrower than MIN_FREE: on a tiny terminal lines run
            // past the edge rather than into a column of single letters.
            (first, below, width.saturating_sub(below).max(MIN_FREE))
        };
        let mut out = String::new();
        for (i, piece) in wrap(&cell.text, room).iter().enumerate() {
            let start = if i == 0 {
                first.clone()
            } else {
                " ".repeat(pad)
            };
            out.push_str((start + &self.paint(cell, piece)).trim_end());
            out.push('\n');
        }
        if out.is_empty() {
            out = first.trim_end().to_string() + "\n";
        }
        out
    }
}

/// The width a text takes on screen: its visible characters (ANSI colour
/// codes count for nothing) as a terminal draws them (`unicode-width`).
pub fn text_width(text: &str) -> usize {
    if text.contains('\x1b') {
        unicode_width::UnicodeWidthStr::width(strip_ansi(text).as_str())
    } else {
        unicode_width::UnicodeWidthStr::width(text)
    }
}

/// The text without its ANSI escape sequences (`ESC [ … letter`).
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// The text cut to `room` columns, ending with `…` when cut.
pub fn truncate(text: &str, room: usize) -> String {
    if text_width(text) <= room {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w + 1 > room {
            break;
        }
        used += w;
        cut.push(c);
    }
    if room > 0 {
        cut.push('…');
    }
    cut
}

/// Greedy wrap to `room` columns. The text's ` · ` parts stay on one line
/// when they fit on one; a date and the time after it (`2025-11-03 17:00`)
/// never part, nor `(rule:` and its value; a word wider than a line is cut. Runs of whitespace read as one
/// space.
pub fn wrap(text: &str, room: usize) -> Vec<String> {
    let room = room.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (n, part) in text.split(" · ").enumerate() {
        let words = words(part);
        if words.is_empty() {
            continue;
        }
        let sep = if n == 0 || line.is_empty() {
            ""
        } else {
            " · "
        };
        let whole = words.join(" ");
        if n > 0 && !line.is_empty() {
            if text_width(&line) + sep.len() - 1 + text_width(&whole) <= room {
                line.push_str(sep);
                line.push_str(&whole);
                continue;
            }
            // A part that fits on a line of its own starts one; a longer
            // one goes on where the line is. The `·` ends the line, or
            // starts the next when the line is full.
            if text_width(&line) + 2 > room {
                lines.push(std::mem::take(&mut line));
                line.push('·');
            } else {
                line.push_str(" ·");
                if text_width(&whole) <= room {
                    lines.push(std::mem::take(&mut line));
                }
            }
        }
        for word in words {
            place(&mut lines, &mut line, &word, room);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The text's words, a date and the time after it kept as one, a
/// zero-width word (a colour code alone) joined to the next.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending = String::new();
    for word in text.split_whitespace() {
        let joined = pending.clone() + word;
        pending.clear();
        if text_width(&joined) == 0 {
            pending = joined;
            continue;
        }
        match out.last_mut() {
            Some(prev) if (is_date(prev) && is_time(&joined)) || opens_label(prev) => {
                prev.push(' ');
                prev.push_str(&joined);
            }
            _ => out.push(joined),
        }
    }
    if !pending.is_empty() {
        match out.last_mut() {
            Some(prev) => prev.push_str(&pending),
            None => out.push(pending),
        }
    }
    out
}

/// `(rule:`: a label in brackets stays with its value.
fn opens_label(word: &str) -> bool {
    let w = strip_ansi(word);
    w.starts_with('(') && w.ends_with(':') && !w.contains(')')
}

/// `2025-11-03` (colour codes aside).
fn is_date(word: &str) -> bool {
    let w = strip_ansi(word);
    let b = w.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// `17:00` (colour codes and a trailing `,` `;` `)` aside).
fn is_time(word: &str) -> bool {
    let w = strip_ansi(word);
    let b = w.as_bytes();
    b.len() >= 5
        && b[..5].iter().enumerate().all(|(i, c)| {
            if i == 2 {
                *c == b':'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Puts one word on the current line, or starts a new one; a word wider
/// than a line is cut across lines.
fn place(lines: &mut Vec<String>, line: &mut String, word: &str, room: usize) {
    let used = text_width(line);
    if !line.is_empty() && used + 1 + text_width(word) <= room {
        line.push(' ');
        line.push_str(word);
        return;
    }
    if !line.is_empty() {
        lines.push(std::mem::take(line));
    }
    let mut rest = word.to_string();
    while text_width(&rest) > room {
        let mut head = String::new();
        let mut tail = rest.chars();
        let mut w = 0;
        for c in tail.by_ref() {
            w += char_width(c);
            head.push(c);
            if w >= room {
                break;
            }
        }
        lines.push(head);
        rest = tail.collect();
    }
    *line = rest;
}

/// A line of text fitted to `width`: a line that fits is left alone; a
/// longer one is wrapped ([`wrap`]) after its first `hang` columns (a label
/// such as `customer  `, kept as is), its next lines indented to `hang`. A
/// `hang` of 0, or one that would leave less than [`MIN_FREE`], wraps after
/// the line's own indent. Without a width the line is returned as is.
pub fn fit(line: &str, width: Option<usize>, hang: usize) -> String {
    let Some(width) = width.filter(|&w| text_width(line) > w) else {
        return line.to_string();
    };
    let lead = line.len() - line.trim_start().len();
    // The label ends where a word starts right after a space, at `hang`.
    let labelled = line
        .char_indices()
        .nth(hang)
        .filter(|&(at, c)| c != ' ' && line[..at].ends_with(' '))
        .map(|(at, _)| at);
    let (head, rest, pad) = match labelled {
        Some(at) if hang > lead && width.saturating_sub(hang) >= MIN_FREE => {
            (&line[..at], &line[at..], hang)
        }
        _ => (&line[..lead], line.trim_start(), lead),
    };
    let mut out = Vec::new();
    let room = width.saturating_sub(pad).max(MIN_FREE);
    for (i, piece) in wrap(rest, room).iter().enumerate() {
        let start = if i == 0 {
            head.to_string()
        } else {
            " ".repeat(pad)
        };
        out.push(start + piece);
    }
    out.join("\n")
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

    #[test]
    fn colour_never_changes_layout_and_lines_fit() {
        for width in [50, 60, 80, 200] {
            let plain = listing().render(Some(width), false);
            let painted = listing().render(Some(width), true);
            assert!(painted.contains('\x1b'), "colour is painted");
            let stripped: Vec<String> = painted.lines().map(strip_ansi).collect();
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
    fn wrap_keeps_timestamps_labels_and_parts_whole() {
        let text =
            "still unresolved after receipt (due 2026-11-09 13:20); allows 10 days (rule: default)";
        for room in 18..60 {
            let lines = wrap(text, room);
            assert!(
                lines.iter().all(|l| text_width(l) <= room),
                "{room}: {lines:?}"
            );
            assert!(
                lines.iter().any(|l| l.contains("2026-11-09 13:20")),
                "{room}: {lines:?}"
            );
            assert!(
                lines.iter().any(|l| l.contains("(rule: default)")),
                "{room}: {lines:?}"
            );
            assert_eq!(
                lines.join(" ").split_whitespace().collect::<Vec<_>>(),
                text.split_whitespace().collect::<Vec<_>>()
            );
        }
        assert_eq!(
            wrap("remedy: discount · note: a b · amount: 45.00", 20),
            ["remedy: discount ·", "note: a b ·", "amount: 45.00"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert!(wrap("   ", 10).is_empty());
    }

    #[test]
    fn width_counts_what_the_terminal_draws() {
        assert_eq!(text_width("\x1b[1;31mécrasé\x1b[0m"), 6);
        assert_eq!(text_width("日本"), 4);
        assert_eq!(truncate("日本語のテキスト", 7), "日本語…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn fit_wraps_under_the_label_or_the_indent() {
        let line = "field     narrative: one two three four five six seven eight nine ten eleven";
        let fitted = fit(line, Some(50), 10);
        let lines: Vec<&str> = fitted.lines().collect();
        assert!(lines.len() > 1 && lines[0].starts_with("field     narrative:"));
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("          ") && !l[10..].starts_with(' '))
        );
        assert!(lines.iter().all(|l| text_width(l) <= 50));
        assert_eq!(fit("short", Some(50), 10), "short");
        assert_eq!(fit(line, None, 10), line);
        let prose = fit(
            "  a sentence of prose that runs on and on past the width",
            Some(30),
            0,
        );
        assert!(
            prose
                .lines()
                .all(|l| l.starts_with("  ") && text_width(l) <= 30),
            "{prose}"
        );
    }

    #[test]
    fn wrapped_sections_fit_and_colour_changes_nothing() {
        let rows = || Columns {
            columns: (0..3)
                .map(|_| Column {
                    header: "",
                    drop_rank: 0,
                })
                .collect(),
            rows: vec![vec![
                Cell::plain("20251101-7hq3"),
                Cell {
                    text: "escalation-missing".into(),
                    style: Some(super::super::style::RED),
                },
                Cell::plain(
                    "route \"overdue cases go one level up\": resolve cycle 1 ran past its deadline (due 2025-11-17 17:00)",
                ),
            ]],
        };
        for width in [40, 60, 80, 200] {
            let plain = rows().render_as(Layout::section(), Some(width), false);
            let painted = rows().render_as(Layout::section(), Some(width), true);
            assert_eq!(strip_ansi(&painted), plain);
            assert!(
                plain.lines().all(|l| text_width(l) <= width),
                "{width}:\n{plain}"
            );
            assert!(plain.contains("2025-11-17 17:00") && plain.contains("20251101-7hq3"));
        }
        // Beside the row at 80 (room enough), below it at 60.
        let wide = rows().render_as(Layout::section(), Some(80), false);
        assert!(
            wide.lines().next().is_some_and(|l| l.contains("route")),
            "{wide}"
        );
        let narrow = rows().render_as(Layout::section(), Some(60), false);
        assert!(
            narrow
                .lines()
                .nth(1)
                .is_some_and(|l| l.starts_with("      route")),
            "{narrow}"
        );
        let piped = rows().render_as(Layout::section(), None, false);
        assert_eq!(piped.lines().count(), 1);
    }

    #[test]
    fn a_tiny_width_wraps_no_narrower_than_min_free() {
        let text = "Checkout keeps declining Visa Debit cards every time";
        let rows = Columns {
            columns: (0..2)
                .map(|_| Column {
                    header: "",
                    drop_rank: 0,
                })
                .collect(),
            rows: vec![vec![Cell::plain("20261026-2vtd"), Cell::plain(text)]],
        };
        for width in [1, 5, 20] {
            let out = rows.render_as(Layout::section(), Some(width), false);
            assert!(out.lines().count() <= 4, "{width}:\n{out}");
            let fitted = fit(&format!("field     {text}"), Some(width), 10);
            assert!(fitted.lines().count() <= 3, "{width}:\n{fitted}");
        }
    }

    #[test]
    fn piped_output_is_never_cut() {
        let out = listing().render(None, false);
        assert!(out.contains("beaucoup de retard"));
        assert!(out.contains("complaint"));
    }
}
