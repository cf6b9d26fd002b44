//! A message to be worded later: a catalogue id and its arguments. The
//! domain says *what* it found ([`Msg`]); the command-line layer words it in
//! the language in force, and machine formats keep the English wording
//! ([`Msg::english`]) so that JSON and CSV never change with the language.

use super::catalogue::{self, tr_with};
use super::{Lang, tr_args, with_lang};
use fluent_bundle::{FluentArgs, FluentValue};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// One argument of a message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    /// Shown as it is (a name, a rule, a time already written).
    Text(String),
    /// A count: drives plural forms.
    Count(i64),
    /// An amount of money in a currency, worded by the caller's formatter.
    Money(Decimal, String),
    /// A span of seconds: `5 hours 25 minutes`, `5 heures 25 minutes`.
    Span(i64),
    /// A policy's allowance: `2 working hours`, `2 heures ouvrables`.
    /// `unit` is minute, hour, day or week.
    Target {
        n: i64,
        unit: &'static str,
        working: bool,
    },
    /// Another message, worded in the same language.
    Nested(Box<Msg>),
    /// Messages worded in the same language, joined by ", ".
    List(Vec<Msg>),
    /// Messages worded in the same language, one a line.
    Lines(Vec<Msg>),
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Nested(Box::new(m))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

/// A catalogue id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// Text already worded (a reader's own message, a path): shown as it is
/// in every language.
impl From<String> for Msg {
    fn from(text: String) -> Msg {
        Msg::new(VERBATIM).arg("text", text)
    }
}

impl From<&str> for Msg {
    fn from(text: &str) -> Msg {
        Msg::from(text.to_string())
    }
}

/// The id of a text shown as it is.
pub const VERBATIM: &str = "verbatim";

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    /// The same message with one more argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// Rewrites every text argument (masking a customer's contacts).
    pub fn map_texts(&mut self, f: &dyn Fn(&str) -> String) {
        for (_, a) in &mut self.args {
            match a {
                Arg::Text(t) => *t = f(t),
                Arg::Nested(m) => m.map_texts(f),
                Arg::List(items) | Arg::Lines(items) => {
                    items.iter_mut().for_each(|m| m.map_texts(f));
                }
                _ => {}
            }
        }
    }

    /// The message in the language in force; amounts through `money`.
    pub fn render(&self, money: &dyn Fn(Decimal, &str) -> String) -> String {
        if let Some(text) = self.render_plain(money) {
            return text;
        }
        let mut values = FluentArgs::with_capacity(self.args.len());
        for (k, a) in &self.args {
            values.set(*k, value(a, money));
        }
        tr_with(self.id, &values)
    }

    /// [`Msg::render`] without Fluent's resolver when no argument is a
    /// number ([`catalogue::format_plain`]); `None` to take Fluent's way.
    fn render_plain(&self, money: &dyn Fn(Decimal, &str) -> String) -> Option<String> {
        let mut worded: Vec<(&str, Cow<str>)> = Vec::with_capacity(self.args.len());
        for (k, a) in &self.args {
            let text = match a {
                Arg::Text(t) => Cow::Borrowed(t.as_str()),
                Arg::Count(_) => return None,
                _ => match value(a, money) {
                    FluentValue::String(s) => Cow::Owned(s.into_owned()),
                    _ => return None,
                },
            };
            worded.push((k, text));
        }
        let args: Vec<(&str, &str)> = worded.iter().map(|(k, v)| (*k, v.as_ref())).collect();
        catalogue::format_plain(super::current(), self.id, &args)
    }

    /// The message in English: what JSON and CSV say.
    pub fn english(&self, money: &dyn Fn(Decimal, &str) -> String) -> String {
        if let (VERBATIM, [(_, Arg::Text(t))]) = (self.id, self.args.as_slice()) {
            return t.clone();
        }
        with_lang(Lang::En, || self.render(money))
    }

    /// The message in the language in force, amounts (if any) as
    /// `12.50 CAD`: for diagnostics and reasons, which name no money.
    pub fn plain(&self) -> String {
        self.render(&|d, cur| format!("{d} {cur}"))
    }

    /// [`Msg::plain`] in English.
    pub fn plain_english(&self) -> String {
        self.english(&|d, cur| format!("{d} {cur}"))
    }
}

fn value<'a>(a: &Arg, money: &dyn Fn(Decimal, &str) -> String) -> FluentValue<'a> {
    match a {
        Arg::Text(t) => t.clone().into(),
        Arg::Count(n) => (*n).into(),
        Arg::Money(d, cur) => money(*d, cur).into(),
        Arg::Span(secs) => span(*secs).into(),
        Arg::Nested(m) => m.render(money).into(),
        Arg::List(items) => join(items, ", ", money).into(),
        Arg::Lines(items) => join(items, "\n", money).into(),
        Arg::Target { n, unit, working } => target(*n, unit, *working).into(),
    }
}

/// `2 working hours`, `1 jour ouvrable`: a policy's allowance. A ledger's
/// policies have a handful, worded once per thread and language.
fn target(n: i64, unit: &'static str, working: bool) -> String {
    type Worded = std::collections::HashMap<(Lang, i64, &'static str, bool), String>;
    thread_local! {
        static WORDED: std::cell::RefCell<Worded> = std::cell::RefCell::new(Worded::new());
    }
    let key = (super::current(), n, unit, working);
    if let Some(w) = WORDED.with(|m| m.borrow().get(&key).cloned()) {
        return w;
    }
    let w = tr_args(
        "span-target",
        &[
            ("n", n.into()),
            ("unit", unit.into()),
            ("working", if working { "yes" } else { "no" }.into()),
        ],
    );
    WORDED.with(|m| m.borrow_mut().insert(key, w.clone()));
    w
}

/// `3 hours`, `1 jour`: one unit of a span. A large audit words the same
/// few hundred of these hundreds of thousands of times, so each thread
/// keeps the ones it has worded (a few bytes each, bounded by the spans'
/// range).
fn span_unit(n: i64, unit: &'static str) -> String {
    use std::collections::HashMap;
    thread_local! {
        static WORDED: std::cell::RefCell<HashMap<(Lang, i64, &'static str), String>> =
            std::cell::RefCell::new(HashMap::new());
    }
    let key = (super::current(), n, unit);
    if let Some(w) = WORDED.with(|m| m.borrow().get(&key).cloned()) {
        return w;
    }
    let w = tr_args("span-unit", &[("n", n.into()), ("unit", unit.into())]);
    WORDED.with(|m| m.borrow_mut().insert(key, w.clone()));
    w
}

fn join(items: &[Msg], sep: &str, money: &dyn Fn(Decimal, &str) -> String) -> String {
    items
        .iter()
        .map(|m| m.render(money))
        .collect::<Vec<_>>()
        .join(sep)
}

/// `3 days 22 hours`, `5 hours 25 minutes`, `45 minutes`: the two largest
/// units, the way the audit has always worded a delay.
pub fn span(seconds: i64) -> String {
    let s = seconds.abs();
    let (d, h, m) = (s / 86_400, (s % 86_400) / 3600, (s % 3600) / 60);
    let unit = |n: i64, u: &'static str| span_unit(n, u);
    match (d, h, m) {
        (0, 0, m) => unit(m, "minute"),
        (0, h, 0) => unit(h, "hour"),
        (0, h, m) => format!("{} {}", unit(h, "hour"), unit(m, "minute")),
        (d, 0, _) => unit(d, "day"),
        (d, h, _) => format!("{} {}", unit(d, "day"), unit(h, "hour")),
    }
}

thread_local! {
    /// The latest reasons given inside a reader's error, with their English.
    static REASONS: std::cell::RefCell<Vec<(String, Msg)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// How many recent reasons are kept per thread.
const REASONS_KEPT: usize = 16;

/// A reason given inside a reader's error. serde carries only text, so the
/// reason goes into it in English (what JSON shows), and is kept here so
/// that the diagnostic built from the reader's message can word it in the
/// language in force ([`reason_for`]).
pub fn reason(msg: Msg) -> String {
    let english = msg.plain_english();
    REASONS.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() >= REASONS_KEPT {
            r.remove(0);
        }
        r.push((english.clone(), msg));
    });
    english
}

/// The reason recently given whose English is `text`, or `text` as it is.
pub fn recall(text: &str) -> Msg {
    reason_for(text).unwrap_or_else(|| Msg::from(text))
}

/// The reason recently given on this thread whose English is `text`.
pub fn reason_for(text: &str) -> Option<Msg> {
    REASONS.with(|r| {
        r.borrow()
            .iter()
            .rev()
            .find(|(english, _)| english == text)
            .map(|(_, m)| m.clone())
    })
}

/// In the language in force ([`Msg::plain`]).
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.plain())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_money(d: Decimal, cur: &str) -> String {
        format!("{d} {cur}")
    }

    #[test]
    fn counts_choose_plural_forms_and_texts_are_worded_as_given() {
        let unit = |n: i64| {
            Msg::new("span-unit")
                .arg("unit", "day")
                .arg("n", Arg::Count(n))
        };
        let fr = |m: &Msg| with_lang(Lang::Fr, || m.render(&plain_money));
        assert_eq!(fr(&unit(1)), "1 jour");
        assert_eq!(fr(&unit(2)), "2 jours");
        assert_eq!(unit(2).english(&plain_money), "2 days");
        let late = Msg::new("finding-clock-late")
            .arg("clock", "acknowledge")
            .arg("span", Arg::Span(2 * 86_400 + 3600))
            .arg("allowed", "1 working day")
            .arg("rule", "default");
        assert!(
            late.render_plain(&plain_money).is_some(),
            "no number: the plain way"
        );
        assert_eq!(
            late.english(&plain_money),
            "acknowledged 2 days 1 hour after receipt; the policy allows 1 working day (rule: default)"
        );
        assert_eq!(
            unit(2).render_plain(&plain_money),
            None,
            "a count: Fluent's way"
        );
    }
}
