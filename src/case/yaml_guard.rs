//! Checks on a case file's text before the YAML reader sees it, so that a
//! hostile file costs time and memory in proportion to its size and is
//! refused with the position of what is wrong:
//!
//! - at most [`MAX_CASE_BYTES`] bytes;
//! - only characters YAML reads as written (no control characters, no
//!   Unicode line separators that YAML would turn into line breaks);
//! - no anchors (`&a`) or aliases (`*a`): a case never needs them, and an
//!   alias can expand a small file into gigabytes;
//! - at most [`MAX_DEPTH`] nested collections (a case needs 3), because the
//!   reader's time grows with the square of the depth.
//!
//! The scan is a small YAML lexer: it knows quoted scalars, plain scalars,
//! comments, block scalars and flow collections well enough never to mistake
//! `R&D` or `5 * 3` for an anchor or an alias. Where it is unsure it scans
//! rather than skips, so that nothing reaches the reader unchecked.

use crate::diag::DiagCode;
use crate::i18n::Msg;

/// The largest case file redress reads: about 200,000 events.
pub const MAX_CASE_BYTES: usize = 16 * 1024 * 1024;

/// The deepest nesting of collections a case file may have.
pub const MAX_DEPTH: usize = 32;

/// What is wrong and where: a byte offset into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub offset: usize,
    pub code: DiagCode,
    pub message: Msg,
    pub help: Msg,
}

/// Checks the text; see the module documentation for the rules.
pub fn check(text: &str) -> Result<(), Refusal> {
    check_size_and_characters(text)?;
    check_structure(text)
}

/// The size limit and the characters: what the writer's-layout reader
/// ([`crate::case::fast`]) relies on too.
pub fn check_size_and_characters(text: &str) -> Result<(), Refusal> {
    if text.len() > MAX_CASE_BYTES {
        return Err(too_large(text));
    }
    check_characters(text)
}

/// No anchors, no aliases, no deeper nesting than [`MAX_DEPTH`]: the scan
/// the writer's-layout reader makes needless for what it accepts (it takes
/// no `&` or `*` node and no mapping deeper than a few levels).
pub fn check_structure(text: &str) -> Result<(), Refusal> {
    Lexer::new(text.as_bytes()).run()
}

/// The refusal of a file over the limit, at the point of `text` (the file,
/// or its start) where the limit is passed.
pub fn too_large(text: &str) -> Refusal {
    Refusal {
        offset: floor_char_boundary(text, MAX_CASE_BYTES.min(text.len())),
        code: DiagCode::TooLarge,
        message: Msg::new("diag-too-large")
            .arg("mib", (MAX_CASE_BYTES / (1024 * 1024)).to_string()),
        help: Msg::new("diag-too-large-help"),
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether a character may appear as itself in a case file. Everything else
/// can still be stored, escaped inside double quotes (`"\x7F"`, `"\u2028"`).
pub fn is_allowed_raw(c: char, at_start: bool) -> bool {
    match c {
        '\t' | '\n' | '\r' | ' '..='~' => true,
        '\u{FEFF}' => at_start,
        '\u{2028}' | '\u{2029}' | '\u{FFFE}' | '\u{FFFF}' => false,
        c => c >= '\u{A0}',
    }
}

/// `U+007F (DEL)`: how messages name a character (its name worded in the
/// language in force).
pub fn describe(c: char) -> Msg {
    let name = match c {
        '\0' => "nul",
        '\u{7}' => "bel",
        '\u{8}' => "backspace",
        '\u{B}' => "vertical-tab",
        '\u{C}' => "form-feed",
        '\u{1B}' => "escape",
        '\u{7F}' => "del",
        '\r' => "lone-cr",
        '\u{85}' => "next-line",
        '\u{A0}' => "no-break-space",
        '\u{2028}' => "line-separator",
        '\u{2029}' => "paragraph-separator",
        '\u{FEFF}' => "byte-order-mark",
        c if c.is_control() => "control",
        _ => "none",
    };
    Msg::new("char-name")
        .arg("code", format!("U+{:04X}", u32::from(c)))
        .arg("name", name)
}

fn check_characters(text: &str) -> Result<(), Refusal> {
    // A carriage return alone is a line break to YAML but not to editors and
    // diagnostics: positions would disagree, so only CRLF is accepted.
    let lone_cr = |i: usize, c: char| c == '\r' && text.as_bytes().get(i + 1) != Some(&b'\n');
    // Case files are mostly ASCII: the allowed ASCII run at the start is
    // passed over byte by byte, and characters are decoded from the
    // first byte that needs a closer look (a character boundary).
    let clean = text
        .bytes()
        .position(|b| !matches!(b, b'\t' | b'\n' | b' '..=b'~'))
        .unwrap_or(text.len());
    let rest = text.get(clean..).unwrap_or_default();
    match rest
        .char_indices()
        .map(|(i, c)| (clean + i, c))
        .find(|&(i, c)| !is_allowed_raw(c, i == 0) || lone_cr(i, c))
    {
        None => Ok(()),
        Some((offset, c)) => Err(Refusal {
            offset,
            code: DiagCode::InvalidCharacter,
            message: Msg::new("diag-bad-character").arg("char", describe(c)),
            help: Msg::new("diag-bad-character-help").arg("code", format!("{:04X}", u32::from(c))),
        }),
    }
}

struct Lexer<'a> {
    b: &'a [u8],
    i: usize,
    /// Columns of the open block collections, innermost last (increasing).
    blocks: Vec<usize>,
    flow: usize,
    line_start: usize,
    /// Column where the first node since the last indicator on this line
    /// began (its tag or its scalar): the key's column, if `:` follows.
    key_col: Option<usize>,
    /// A node (not an indicator) may start here.
    expect_node: bool,
    /// The last token was a plain scalar, which may go on over lines.
    last_plain: bool,
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn is_flow_indicator(b: u8) -> bool {
    matches!(b, b',' | b'[' | b']' | b'{' | b'}')
}

impl<'a> Lexer<'a> {
    fn new(b: &'a [u8]) -> Self {
        Lexer {
            b,
            i: 0,
            blocks: Vec::new(),
            flow: 0,
            line_start: 0,
            key_col: None,
            expect_node: true,
            last_plain: false,
        }
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn col(&self) -> usize {
        self.i - self.line_start
    }

    /// Whether the byte after `i` ends a token (space, tab, line end, or a
    /// flow indicator inside a flow collection).
    fn ends_token(&self, i: usize) -> bool {
        match self.at(i + 1) {
            None | Some(b'\n' | b'\r') => true,
            Some(n) => is_blank(n) || (self.flow > 0 && (is_flow_indicator(n) || n == b'?')),
        }
    }

    /// `---` or `...` then a space, tab or line end (even inside a flow
    /// collection, `---,` is text).
    fn is_document_marker(&self, i: usize) -> bool {
        let rest = &self.b[i..];
        (rest.starts_with(b"---") || rest.starts_with(b"..."))
            && matches!(self.at(i + 3), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
    }

    fn run(mut self) -> Result<(), Refusal> {
        while self.i < self.b.len() {
            self.line()?;
        }
        Ok(())
    }

    /// One line from `self.i`, which is at a line start.
    fn line(&mut self) -> Result<(), Refusal> {
        self.line_start = self.i;
        self.key_col = None;
        if self.flow == 0 {
            self.block_line_start();
        }
        while let Some(c) = self.at(self.i) {
            match c {
                b'\n' => {
                    self.i += 1;
                    return Ok(());
                }
                b' ' | b'\t' | b'\r' => self.i += 1,
                // Between tokens, `#` always starts a comment (inside a plain
                // scalar it needs a space before it: see `skip_plain`).
                b'#' => {
                    self.last_plain = false;
                    self.skip_line();
                }
                _ if self.expect_node => {
                    self.last_plain = false;
                    self.node_start(c)?;
                }
                _ => self.after_node(c)?,
            }
        }
        Ok(())
    }

    /// A line in block context either goes on with the plain scalar of the
    /// line before (when indented more than the enclosing collection, as the
    /// YAML reader sees it: `'` there is text, not a quote) or starts a node.
    fn block_line_start(&mut self) {
        self.expect_node = true;
        let mut j = self.i;
        while self.at(j).is_some_and(is_blank) {
            j += 1;
        }
        if matches!(self.at(j), None | Some(b'\n' | b'\r')) {
            return;
        }
        let indent = j - self.i;
        let marker = indent == 0 && self.is_document_marker(j);
        let continues = self.last_plain
            && !marker
            && self.at(j) != Some(b'#')
            && self.blocks.last().is_none_or(|&c| indent > c);
        if continues {
            self.i = j;
            self.skip_plain();
            self.expect_node = false;
        } else {
            self.last_plain = false;
        }
    }

    fn after_blank(&self) -> bool {
        self.i > 0 && matches!(self.b[self.i - 1], b' ' | b'\t' | b'\n' | b'\r')
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.at(self.i) {
            if c == b'\n' {
                return;
            }
            self.i += 1;
        }
    }

    fn node_start(&mut self, c: u8) -> Result<(), Refusal> {
        if self.col() == 0 && self.is_document_marker(self.i) {
            // A document marker: what follows starts a new document.
            self.i += 3;
            self.blocks.clear();
            self.flow = 0;
            return Ok(());
        }
        match c {
            b'&' => Err(self.refuse_anchor(Msg::new("diag-an-anchor"))),
            b'*' => Err(self.refuse_anchor(Msg::new("diag-an-alias"))),
            b'!' => {
                // A tag comes before its node, and starts a key as much as it does.
                self.key_col.get_or_insert(self.col());
                while self.at(self.i).is_some_and(|c| !c.is_ascii_whitespace()) {
                    self.i += 1;
                }
                Ok(())
            }
            b'"' | b'\'' => {
                self.key_col.get_or_insert(self.i - self.line_start);
                self.skip_quoted(c);
                self.expect_node = false;
                Ok(())
            }
            b'[' | b'{' => {
                self.flow += 1;
                self.i += 1;
                self.expect_node = true;
                self.depth_ok()
            }
            b']' | b'}' | b',' => self.after_node(c),
            b':' if self.flow > 0 || self.ends_token(self.i) => self.after_node(c),
            b'|' | b'>' if self.flow == 0 => {
                // An explicit indentation (`|2`) fixes where the content starts.
                let explicit = self.b[self.i + 1..]
                    .iter()
                    .take(2)
                    .find(|b| b.is_ascii_digit())
                    .map(|d| usize::from(d - b'0'));
                self.skip_line();
                self.skip_block_scalar(explicit);
                Ok(())
            }
            // Inside a flow collection, `?` at a token's start is always a key indicator.
            b'?' if self.flow > 0 => {
                self.i += 1;
                Ok(())
            }
            b'-' | b'?' if self.flow == 0 && self.ends_token(self.i) => {
                self.key_col = None;
                self.open_block(self.col())?;
                self.i += 1;
                Ok(())
            }
            _ => {
                self.key_col.get_or_insert(self.i - self.line_start);
                self.skip_plain();
                self.expect_node = false;
                self.last_plain = true;
                Ok(())
            }
        }
    }

    fn after_node(&mut self, c: u8) -> Result<(), Refusal> {
        // After a plain scalar, only its terminators are syntax: on a new line
        // inside a flow collection, anything else goes on with its text.
        let terminator = (c == b':' && self.ends_token(self.i))
            || (self.flow > 0 && is_flow_indicator(c))
            || c == b'#';
        if self.last_plain && !terminator {
            self.skip_plain();
            return Ok(());
        }
        if matches!(c, b':' | b',' | b']' | b'}' | b'[' | b'{') {
            self.last_plain = false;
        }
        let key_col = self.key_col;
        if matches!(c, b':' | b',') {
            self.key_col = None;
        }
        match c {
            // Inside a flow collection, `:` between tokens is always an indicator
            // (`{"a":*x}`), as it is for the YAML reader.
            b':' if self.flow > 0 || self.ends_token(self.i) => {
                if self.flow == 0 {
                    // Without a key on this line, `:` itself opens the mapping.
                    let col = key_col.unwrap_or(self.col());
                    self.open_block(col)?;
                }
                self.i += 1;
                self.expect_node = true;
            }
            b',' if self.flow > 0 => {
                self.i += 1;
                self.expect_node = true;
            }
            b']' | b'}' if self.flow > 0 => {
                self.flow -= 1;
                self.i += 1;
                self.expect_node = false;
            }
            // Outside a flow collection these are errors for the reader.
            b',' | b']' | b'}' => self.i += 1,
            // Anything else starts a token, as it does for the reader's scanner
            // (`"a" *x` holds an alias, even if the document is then invalid).
            _ => return self.node_start(c),
        }
        Ok(())
    }

    /// A block collection entry (`-`, `?`, or a key) at `col`.
    fn open_block(&mut self, col: usize) -> Result<(), Refusal> {
        while self.blocks.last().is_some_and(|&top| top > col) {
            self.blocks.pop();
        }
        if self.blocks.last() != Some(&col) {
            self.blocks.push(col);
        }
        self.expect_node = true;
        self.depth_ok()
    }

    fn depth_ok(&self) -> Result<(), Refusal> {
        if self.blocks.len() + self.flow <= MAX_DEPTH {
            return Ok(());
        }
        Err(Refusal {
            offset: self.i,
            code: DiagCode::TooDeep,
            message: Msg::new("diag-too-deep").arg("max", MAX_DEPTH.to_string()),
            help: Msg::new("diag-too-deep-help"),
        })
    }

    fn refuse_anchor(&self, what: Msg) -> Refusal {
        Refusal {
            offset: self.i,
            code: DiagCode::YamlAnchor,
            message: Msg::new("diag-anchor").arg("what", what),
            help: Msg::new("diag-anchor-help"),
        }
    }

    /// From an opening quote to its closing quote, across lines if need be.
    fn skip_quoted(&mut self, quote: u8) {
        self.i += 1;
        while let Some(c) = self.at(self.i) {
            self.i += 1;
            if c == b'\\' && quote == b'"' {
                self.i += 1;
            } else if c == quote {
                if quote == b'\'' && self.at(self.i) == Some(b'\'') {
                    self.i += 1;
                } else {
                    return;
                }
            } else if c == b'\n' {
                self.line_start = self.i;
            }
        }
    }

    /// A plain scalar, up to `: `, ` #`, the line end, or a flow indicator.
    fn skip_plain(&mut self) {
        while let Some(c) = self.at(self.i) {
            let stop = match c {
                b'\n' => true,
                b':' => self.ends_token(self.i),
                b'#' => self.after_blank(),
                c => self.flow > 0 && is_flow_indicator(c),
            };
            if stop {
                return;
            }
            self.i += 1;
        }
    }

    /// The content lines of a `|` or `>` scalar: blank lines, and lines
    /// indented more than the enclosing collection and at least as much as
    /// the first content line. `self.i` is at the indicator line's end.
    fn skip_block_scalar(&mut self, explicit: Option<usize>) {
        let parent = self.blocks.last().map_or(0, |c| c + 1);
        let mut content_indent: Option<usize> =
            explicit.map(|d| self.blocks.last().map_or(d, |c| c + d));
        while self.at(self.i) == Some(b'\n') {
            let start = self.i + 1;
            let mut j = start;
            while self.at(j) == Some(b' ') {
                j += 1;
            }
            let indent = j - start;
            let blank = matches!(self.at(j), None | Some(b'\n' | b'\r'));
            let inside = indent >= parent && content_indent.is_none_or(|m| indent >= m);
            if !(blank || inside) {
                return;
            }
            if !blank && content_indent.is_none() {
                content_indent = Some(indent);
            }
            self.i = start;
            self.line_start = start;
            self.skip_line();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> Refusal {
        check(text).expect_err(text)
    }

    #[test]
    fn ordinary_text_with_ampersands_and_stars_is_accepted() {
        for text in [
            "title: R&D budget\n",
            "note: 5 * 3 = 15\n",
            "note: \"*starred*\"\n",
            "note: '&amp'\n",
            "tags: [R&D, a*b]\n",
            "note: |\n  *bold* line\n  &co\nkind: claim\n",
            "history:\n  - at: x\n    note: >-\n      * item\n      & more\n  - at: y\n",
            "note: x # a *comment* &here\n",
            "# *top* &comment\nid: x\n",
            "key: \"multi\n  *line* quoted\"\n",
        ] {
            assert_eq!(check(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn anchors_and_aliases_are_refused_at_their_position() {
        let r = refused("a: &x [1]\nb: *x\n");
        assert_eq!((r.code, r.offset), (DiagCode::YamlAnchor, 3));
        let r = refused("a: 1\nb:\n  - *x\n");
        assert_eq!(r.offset, 12);
        let r = refused("a: [1, *x]\n");
        assert_eq!(r.offset, 7);
        assert_eq!(refused("a: {\"k\":*x}\n").offset, 8);
        assert_eq!(refused("a: [k:? *x]\n").offset, 8);
        assert_eq!(refused("a: [? *x]\n").offset, 6);
        assert_eq!(refused("{k: k\n*x:\"q\",*x}").offset, 13);
        assert_eq!(refused("k: |2\n   *x\n  [\"q\"\n*x:\n").offset, 19);
        assert_eq!(refused("k: \"q\" *x\n").offset, 7);
        assert_eq!(refused("{k: \n---,?*k: [").offset, 10);
        assert_eq!(refused("plain\n--- *x\n").offset, 10);
        let r = refused("--- *x\n");
        assert_eq!(r.offset, 4);
        let r = refused("a: !!str &x v\n");
        assert_eq!(r.offset, 9);
        // A block scalar ends where the indentation says, and what follows is scanned.
        let r = refused("note: |\n  text\nby: *x\n");
        assert_eq!(r.offset, 19);
        let r = refused("note:\n  |\n  text\nby: *x\n");
        assert_eq!(r.code, DiagCode::YamlAnchor);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let flow = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(refused(&flow).code, DiagCode::TooDeep);
        let block = format!("a: {}x\n", "- ".repeat(100_000));
        assert_eq!(refused(&block).code, DiagCode::TooDeep);
        let mut indented = String::new();
        for i in 0..100 {
            indented.push_str(&format!("{}k{i}:\n", " ".repeat(i)));
        }
        assert_eq!(refused(&indented).code, DiagCode::TooDeep);
        let ok = format!("a: {}{}\n", "[".repeat(20), "]".repeat(20));
        assert_eq!(check(&ok), Ok(()));
    }

    proptest::proptest! {
        /// The ASCII fast path finds what the character-by-character
        /// check finds, at the same offset.
        #[test]
        fn the_ascii_fast_path_agrees_with_the_plain_check(
            text in "(\\PC|[\t\n\r\u{0}-\u{1f}\u{7f}\u{85}\u{a0}\u{feff}\u{2028}]){0,40}"
        ) {
            let lone_cr = |i: usize, c: char| c == '\r' && text.as_bytes().get(i + 1) != Some(&b'\n');
            let plain = text
                .char_indices()
                .find(|&(i, c)| !is_allowed_raw(c, i == 0) || lone_cr(i, c))
                .map(|(i, _)| i);
            proptest::prop_assert_eq!(check_characters(&text).err().map(|r| r.offset), plain);
        }
    }

    #[test]
    fn raw_control_characters_and_separators_are_refused() {
        for (text, offset) in [
            ("note: a\u{7f}b\n", 7),
            ("a: 1\nnote: x\u{85}y\n", 12),
            ("note: \"x\u{2028}\"\n", 8),
            ("note: x\u{0}\n", 7),
        ] {
            let r = refused(text);
            assert_eq!(
                (r.code, r.offset),
                (DiagCode::InvalidCharacter, offset),
                "{text:?}"
            );
        }
        assert_eq!(check("\u{feff}id: x\n"), Ok(()));
        assert_eq!(check("id: x\ty\r\n"), Ok(()));
        assert_eq!(refused("id: x\ry\n").offset, 5);
    }

    #[test]
    fn oversized_files_are_refused() {
        let text = "a".repeat(MAX_CASE_BYTES + 1);
        assert_eq!(refused(&text).code, DiagCode::TooLarge);
    }
}
