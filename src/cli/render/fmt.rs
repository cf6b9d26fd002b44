//! One copy of each way a number, a span or a text is written for people:
//! every renderer (report, audit, impact) formats through these.

use crate::i18n::Lang;
use rust_decimal::Decimal;

/// What a missing figure shows as.
pub const NONE: &str = "—";

/// A rate as a whole percentage: `0.917` → `92 %`.
pub fn percent(r: Option<f64>) -> String {
    r.map_or_else(|| NONE.into(), |r| format!("{:.0} %", r * 100.0))
}

/// A rate to one decimal: `0.917` → `91.7 %` (`91,7 %` in French).
pub fn percent1(r: Option<f64>) -> String {
    r.map_or_else(
        || NONE.into(),
        |r| format!("{} %", point(&format!("{:.1}", r * 100.0))),
    )
}

/// A span of hours: `36.5 h` below two days, `3.2 d` from then on.
pub fn hours(h: Option<f64>) -> String {
    h.map_or_else(
        || NONE.into(),
        |h| {
            if h >= 48.0 {
                format!("{} {}", point(&format!("{:.1}", h / 24.0)), day_unit())
            } else {
                format!("{} h", point(&format!("{h:.1}")))
            }
        },
    )
}

/// A signed shift of hours: `+36.5 h`, `-3.2 d` (days from two days on).
pub fn hours_shift(h: Option<f64>) -> String {
    match h {
        Some(h) if h.abs() >= 48.0 => {
            format!("{} {}", point(&format!("{:+.1}", h / 24.0)), day_unit())
        }
        Some(h) => format!("{} h", point(&format!("{h:+.1}"))),
        None => NONE.into(),
    }
}

/// `median / p90` of two spans of hours.
pub fn hours_pair(median: Option<f64>, p90: Option<f64>) -> String {
    format!("{} / {}", hours(median), hours(p90))
}

/// An amount with cents and thousands separators: `1,234.50` (`1 234,50`
/// in French).
pub fn money(d: Decimal) -> String {
    group(&crate::case::money::Money(d).to_string())
}

/// An amount with its currency: `1,234.50 CAD`; in French, the sign a
/// Québec reader expects after the number: `1 234,50 $`, `12,00 $ US`.
/// An empty currency gives the bare number (a range's lower end).
pub fn amount(d: Decimal, currency: &str) -> String {
    let mut out = money(d);
    match currency_sign(currency) {
        "" => {}
        sign => {
            out.push(' ');
            out.push_str(sign);
        }
    }
    out
}

/// How a currency is written after an amount: its code in English, the
/// sign a Québec reader expects in French (`$`, `$ US`, `€`).
pub fn currency_sign(currency: &str) -> &str {
    match (crate::i18n::current(), currency) {
        (Lang::Fr, "CAD") => "$",
        (Lang::Fr, "USD") => "$ US",
        (Lang::Fr, "EUR") => "€",
        (Lang::Fr, "GBP") => "£",
        _ => currency,
    }
}

/// A whole amount with its currency (estimates): `6,642,940 CAD`,
/// `6 642 940 $`.
pub fn amount_whole(x: f64, currency: &str) -> String {
    format!("{} {}", whole(x), currency_sign(currency))
}

/// A decimal as it is written (`0.70`), with the language's decimal mark.
pub fn decimal(d: Decimal) -> String {
    point(&d.to_string())
}

/// A fraction as a whole percentage without the unit: `0.7` → `70`.
pub fn share_of_hundred(d: Decimal) -> String {
    let x = rust_decimal::prelude::ToPrimitive::to_f64(&d).unwrap_or(0.0);
    format!("{:.0}", x * 100.0)
}

/// `1234567.891` → `1,234,568` (estimates are shown to the unit).
pub fn whole(x: f64) -> String {
    group(&format!("{:.0}", x.round()))
}

/// `700.0` → `700`, `0.91` → `0.91` (`0,91` in French).
pub fn short_number(x: f64) -> String {
    let s = format!("{x:.4}");
    point(s.trim_end_matches('0').trim_end_matches('.'))
}

/// `6642940` → `6.6 M`, `66429` → `66 k`: for a headline card.
pub fn compact(x: f64) -> String {
    let a = x.abs();
    if a >= 1e6 {
        format!("{} M", point(&format!("{:.1}", x / 1e6)))
    } else if a >= 1e4 {
        format!("{:.0} k", x / 1e3)
    } else {
        whole(x)
    }
}

/// Thousands separators in the integer part of a decimal numeral: a comma
/// in English, a space in French (with a decimal comma).
fn group(s: &str) -> String {
    let (sep, dot) = separators();
    let (sign, s) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    // One string, sized once: a large audit writes hundreds of thousands.
    let seps = int.len() / 3 * sep.len_utf8();
    let mut out = String::with_capacity(s.len() + seps + 2 * dot.len_utf8());
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push(dot);
        out.push_str(f);
    }
    out
}

/// The thousands separator and decimal mark of the language in force.
/// French uses an ordinary space rather than a no-break one so that output
/// stays greppable and copy-pasteable; tables never wrap inside a number.
fn separators() -> (char, char) {
    match crate::i18n::current() {
        Lang::En => (',', '.'),
        Lang::Fr => (' ', ','),
    }
}

/// A numeral written with `.` (from `format!`) in the language's decimal mark.
pub fn point(s: &str) -> String {
    s.replace('.', &separators().1.to_string())
}

/// The unit of a span of days: `d`, or `j` (jours) in French.
pub fn day_unit() -> &'static str {
    match crate::i18n::current() {
        Lang::En => "d",
        Lang::Fr => "j",
    }
}

/// A date in words: `Monday, November 23, 2026`, `lundi 23 novembre 2026`.
pub fn long_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    const FR_DAYS: [&str; 7] = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    const FR_MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    match crate::i18n::current() {
        Lang::En => d.format("%A, %B %-d, %Y").to_string(),
        Lang::Fr => {
            let day = FR_DAYS[d.weekday().num_days_from_monday() as usize % 7];
            let month = FR_MONTHS[d.month0() as usize % 12];
            // Le premier du mois s'écrit « 1er ».
            let n = if d.day() == 1 {
                "1er".to_string()
            } else {
                d.day().to_string()
            };
            format!("{day} {n} {month} {}", d.year())
        }
    }
}

/// A value cut to `width` characters with an ellipsis, so that table rows
/// stay one line each.
pub fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// Greedy word wrap to `width` columns, every line starting with `indent`
/// (counted in the width). Runs of whitespace, newlines included, read as
/// one space; lines break at spaces only (never inside `2025-12`), and a
/// word longer than a line is kept whole rather than cut.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return indent.to_string();
    }
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(indent)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(&words.join(" "), options).join("\n")
}

/// "a, b and c" ("a, b et c").
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => crate::i18n::tr_args(
            "list-and",
            &[
                ("init", init.join(", ").into()),
                ("last", last.clone().into()),
            ],
        ),
    }
}

/// A word of redress's vocabulary (a status, a kind, an event, a clock)
/// for people: as it is in English, translated in French. Words the
/// catalogue does not know (a category the policies define) stay as they are.
pub fn word(w: &str) -> String {
    crate::i18n::tr_args("word", &[("w", w.to_string().into())])
}

/// `category` → `Category`.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// A markdown table cell: a `|` would end the cell.
pub fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

/// A bar of `width` cells scaled to `max`, with eighth blocks.
pub fn bar(value: f64, max: f64, width: usize) -> String {
    if max <= 0.0 || value <= 0.0 {
        return String::new();
    }
    const PARTS: [char; 8] = ['▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
    let eighths = ((value / max) * (width * 8) as f64).round().max(1.0) as usize;
    let mut s = "█".repeat(eighths / 8);
    if !eighths.is_multiple_of(8) {
        s.push(PARTS[eighths % 8 - 1]);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with_lang;

    #[test]
    fn french_numbers_read_as_in_quebec() {
        let d: Decimal = "6588.96".parse().unwrap_or_default();
        with_lang(Lang::Fr, || {
            assert_eq!(amount(d, "CAD"), "6 588,96 $");
            assert_eq!(amount(d, "USD"), "6 588,96 $ US");
            assert_eq!(percent1(Some(0.91)), "91,0 %");
            assert_eq!(hours(Some(36.5)), "36,5 h");
            assert_eq!(hours(Some(72.0)), "3,0 j");
            assert_eq!(short_number(0.5), "0,5");
            assert_eq!(whole(1_234_567.0), "1 234 567");
        });
        with_lang(Lang::En, || {
            assert_eq!(amount(d, "CAD"), "6,588.96 CAD");
            assert_eq!(percent1(Some(0.91)), "91.0 %");
            assert_eq!(hours(Some(72.0)), "3.0 d");
        });
    }

    #[test]
    fn dates_in_words() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        assert_eq!(
            with_lang(Lang::Fr, || long_date(d)),
            "lundi 23 novembre 2026"
        );
        assert_eq!(
            with_lang(Lang::En, || long_date(d)),
            "Monday, November 23, 2026"
        );
        let first = chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap_or_default();
        assert_eq!(
            with_lang(Lang::Fr, || long_date(first)),
            "samedi 1er août 2026"
        );
    }

    #[test]
    fn bars_scale_to_the_maximum() {
        assert_eq!(bar(10.0, 10.0, 4), "████");
        assert_eq!(bar(5.0, 10.0, 4), "██");
        assert_eq!(bar(1.0, 10.0, 4), "▍"); // 3.2 eighths → 3
        assert_eq!(bar(0.0, 10.0, 4), "");
    }

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(group("1234567.50"), "1,234,567.50");
        assert_eq!(group("999"), "999");
        assert_eq!(whole(12345.6), "12,346");
        assert_eq!(amount(Decimal::new(123456, 1), "CAD"), "12,345.60 CAD");
    }

    #[test]
    fn lists_read_naturally() {
        let l = |v: &[&str]| and_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["a"]), "a");
        assert_eq!(l(&["a", "b"]), "a and b");
        assert_eq!(l(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn wrap_is_greedy_keeps_long_words_and_indents() {
        assert_eq!(wrap("aa bb cc", 5, ""), "aa bb\ncc");
        assert_eq!(wrap("aa  bb\ncc", 8, "  "), "  aa bb\n  cc");
        assert_eq!(wrap("abcdefgh ij", 4, ""), "abcdefgh\nij");
        assert_eq!(wrap("", 10, "    "), "    ");
        assert_eq!(wrap("month was 2025-12", 14, ""), "month was\n2025-12");
    }

    #[test]
    fn spans_switch_to_days_at_two_days() {
        assert_eq!(hours(Some(47.9)), "47.9 h");
        assert_eq!(hours(Some(48.0)), "2.0 d");
        assert_eq!(hours_shift(Some(-48.0)), "-2.0 d");
        assert_eq!(hours(None), "—");
    }
}
