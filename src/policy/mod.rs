//! Policies: deadlines, escalation routes, compensation bands and categories,
//! loaded from `policies/*.toml` and validated with file:line:col.

pub mod calendar;
pub mod compensation;
pub mod compliance;
pub mod estimates;
pub mod holidays;
pub mod presets;
pub mod validate;

use crate::case::Case;
use crate::case::vocab::{Channel, Kind, Profile, Severity};
use crate::diag::DiagCode;
use crate::diag::{Diagnostic, line_col};
use crate::i18n::Msg;
use crate::suggest;
use calendar::{Calendar, Mode, Target};
use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;
use toml::Spanned;

pub const DEADLINES: &str = "policies/deadlines.toml";
pub const ESCALATION: &str = "policies/escalation.toml";
pub const COMPENSATION: &str = "policies/compensation.toml";
pub const CATEGORIES: &str = "policies/categories.toml";

/// The policy files' texts, from the working tree or from a git revision.
/// A policy file, never through a link that leads outside the ledger.
pub fn read_inside(root: &Path, rel: &str) -> std::io::Result<String> {
    let path = root.join(rel);
    if let Some(target) = crate::files::escapes(root, &path)? {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!(
                "it leads outside the ledger (to {}); policies must be files inside the ledger's policies/ folder",
                target.display()
            ),
        ));
    }
    crate::files::read_text(&path)
}

#[derive(Debug, Clone, Default)]
pub struct PolicyTexts {
    pub deadlines: Option<String>,
    pub escalation: Option<String>,
    pub compensation: Option<String>,
    pub categories: Option<String>,
}

impl PolicyTexts {
    pub fn read(root: &Path) -> Result<PolicyTexts, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut read = |rel: &str| match read_inside(root, rel) {
            Ok(t) => Some(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                problems.push(crate::files::unreadable(rel, &e));
                None
            }
        };
        let texts = PolicyTexts {
            deadlines: read(DEADLINES),
            escalation: read(ESCALATION),
            compensation: read(COMPENSATION),
            categories: read(CATEGORIES),
        };
        if problems.is_empty() {
            Ok(texts)
        } else {
            Err(problems)
        }
    }
}

#[derive(Debug, Clone)]
pub struct Policies {
    pub calendar: Calendar,
    pub mode: Mode,
    pub default: Targets,
    pub rules: Vec<DeadlineRule>,
    pub levels: Vec<String>,
    pub departments: Vec<String>,
    pub team: BTreeMap<String, String>,
    pub routes: Vec<Route>,
    pub currency: String,
    pub remedies: Vec<String>,
    pub band: Band,
    pub band_rules: Vec<BandRule>,
    pub authority: BTreeMap<String, Decimal>,
    /// None when `categories.toml` does not exist: any category is accepted.
    pub categories: Option<BTreeMap<String, Category>>,
    /// `[audit] recorded_late_tolerance` (default 1h): how long after a
    /// deadline an event dated before it may still be committed.
    pub recorded_late_tolerance: chrono::TimeDelta,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Targets {
    pub acknowledge: Option<Target>,
    pub resolve: Option<Target>,
    pub update_every: Option<Target>,
    pub follow_up: Option<Target>,
    /// A target's own mode (`"8w 24/7"`), in [`ClockKind::ALL`] order.
    pub modes: [Option<Mode>; 4],
    /// Whether a target counts from the end of the day of receipt
    /// (`"3d business following"`), in [`ClockKind::ALL`] order.
    pub following: [bool; 4],
    /// The longest resolve target an `extended` event may set.
    pub max_extension: Option<Target>,
    /// How long after closing a case keeps its personal data.
    pub retention: Option<compliance::Retention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    Acknowledge,
    Resolve,
    UpdateEvery,
    FollowUp,
}

impl ClockKind {
    pub const ALL: [ClockKind; 4] = [
        ClockKind::Acknowledge,
        ClockKind::Resolve,
        ClockKind::UpdateEvery,
        ClockKind::FollowUp,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ClockKind::Acknowledge => "acknowledge",
            ClockKind::Resolve => "resolve",
            ClockKind::UpdateEvery => "update_every",
            ClockKind::FollowUp => "follow_up",
        }
    }
}

impl Targets {
    pub fn get(&self, clock: ClockKind) -> Option<Target> {
        match clock {
            ClockKind::Acknowledge => self.acknowledge,
            ClockKind::Resolve => self.resolve,
            ClockKind::UpdateEvery => self.update_every,
            ClockKind::FollowUp => self.follow_up,
        }
    }

    /// Whether a target counts from the end of the day it starts on.
    pub fn following(&self, clock: ClockKind) -> bool {
        ClockKind::ALL
            .iter()
            .position(|c| *c == clock)
            .and_then(|i| self.following.get(i).copied())
            .unwrap_or(false)
    }

    /// The mode a target names itself, if any.
    pub fn mode_of(&self, clock: ClockKind) -> Option<Mode> {
        let i = ClockKind::ALL.iter().position(|c| *c == clock)?;
        self.modes.get(i).copied().flatten()
    }
}

#[derive(Debug, Clone)]
pub struct DeadlineRule {
    pub name: String,
    pub when: When,
    pub mode: Option<Mode>,
    pub targets: Targets,
}

/// Conditions on a case; every key present must match, a list means any of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct When {
    pub kind: Option<Vec<String>>,
    pub category: Option<Vec<String>>,
    pub severity: Option<Vec<String>>,
    pub channel: Option<Vec<String>>,
    pub profile: Option<Vec<String>>,
    pub tags: Option<Vec<String>>,
}

impl When {
    pub fn matches(&self, case: &Case) -> bool {
        let one = |cond: &Option<Vec<String>>, value: &str| {
            cond.as_ref().is_none_or(|vs| vs.iter().any(|v| v == value))
        };
        one(&self.kind, case.kind.as_str())
            && one(&self.category, &case.category)
            && one(&self.severity, case.severity.as_str())
            && one(&self.channel, case.channel.as_str())
            && self.profile.as_ref().is_none_or(|vs| {
                case.customer
                    .profile
                    .is_some_and(|p| vs.iter().any(|v| v == p.as_str()))
            })
            && self
                .tags
                .as_ref()
                .is_none_or(|vs| vs.iter().any(|v| case.tags.contains(v)))
    }

    fn conditions(&self) -> [(&'static str, &Option<Vec<String>>); 6] {
        [
            ("kind", &self.kind),
            ("category", &self.category),
            ("severity", &self.severity),
            ("channel", &self.channel),
            ("profile", &self.profile),
            ("tags", &self.tags),
        ]
    }

    /// True when every case this condition matches is also matched by `other`.
    fn implies(&self, other: &When) -> bool {
        self.conditions()
            .iter()
            .zip(other.conditions().iter())
            .all(|((_, mine), (_, theirs))| match (mine, theirs) {
                (_, None) => true,
                (None, Some(_)) => false,
                (Some(a), Some(b)) => a.iter().all(|v| b.contains(v)),
            })
    }

    /// `severity = critical, channel = social or phone`
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .conditions()
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|vs| format!("{k} = {}", vs.join(" or "))))
            .collect();
        if parts.is_empty() {
            "every case".into()
        } else {
            parts.join(", ")
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteTo {
    Level(String),
    Department(String),
    NextLevel,
}

impl RouteTo {
    pub fn name(&self) -> &str {
        match self {
            RouteTo::Level(l) | RouteTo::Department(l) => l,
            RouteTo::NextLevel => "next-level",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Route {
    pub name: String,
    pub when: When,
    /// `when = { overdue = "resolve" }`: applies once a resolve clock is breached.
    pub overdue: bool,
    pub to: RouteTo,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Band {
    pub min: Decimal,
    pub max: Decimal,
}

#[derive(Debug, Clone)]
pub struct BandRule {
    pub name: String,
    pub when: When,
    pub band: Band,
}

#[derive(Debug, Clone, Default)]
pub struct Category {
    pub description: Option<String>,
    pub department: Option<String>,
}

/// Which rule a clock's target and mode came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockPolicy {
    pub rule: String,
    pub mode: Mode,
    pub target: Target,
    /// Counted from the end of the day the clock starts on.
    pub following: bool,
}

impl Policies {
    pub fn tz(&self) -> Tz {
        self.calendar.tz
    }

    /// The first deadline rule whose `when` matches.
    pub fn deadline_rule(&self, case: &Case) -> Option<&DeadlineRule> {
        self.rules.iter().find(|r| r.when.matches(case))
    }

    /// The target of one clock for a case: the first matching rule's, else
    /// `[default]`'s (then named "default"). The mode is the matching rule's
    /// when it sets one, else the calendar's, whichever supplied the target.
    pub fn clock_policy(&self, case: &Case, clock: ClockKind) -> Option<ClockPolicy> {
        let rule = self.deadline_rule(case);
        let mode = rule.and_then(|r| r.mode).unwrap_or(self.mode);
        match rule.and_then(|r| r.targets.get(clock).map(|t| (r, t))) {
            Some((r, target)) => Some(ClockPolicy {
                rule: r.name.clone(),
                mode: r.targets.mode_of(clock).unwrap_or(mode),
                target,
                following: r.targets.following(clock),
            }),
            None => self.default.get(clock).map(|target| ClockPolicy {
                rule: "default".into(),
                mode: self.default.mode_of(clock).unwrap_or(mode),
                target,
                following: self.default.following(clock),
            }),
        }
    }

    /// The longest resolve target an extension may set for a case, and the
    /// rule it comes from: the matching rule's, else `[default]`'s.
    pub fn max_extension(&self, case: &Case) -> Option<(String, Target)> {
        self.rule_or_default(case, |t| t.max_extension)
    }

    /// How long a closed case keeps its personal data, and the rule.
    pub fn retention(&self, case: &Case) -> Option<(String, compliance::Retention)> {
        self.rule_or_default(case, |t| t.retention)
    }

    fn rule_or_default<T>(
        &self,
        case: &Case,
        get: impl Fn(&Targets) -> Option<T>,
    ) -> Option<(String, T)> {
        let rule = self.deadline_rule(case);
        match rule.and_then(|r| get(&r.targets).map(|v| (r.name.clone(), v))) {
            Some(found) => Some(found),
            None => get(&self.default).map(|v| ("default".to_string(), v)),
        }
    }

    /// The compensation band for a case and the name of the rule that set it.
    pub fn band_for(&self, case: &Case) -> (&str, Band) {
        self.band_rules
            .iter()
            .find(|r| r.when.matches(case))
            .map_or(("default", self.band), |r| (r.name.as_str(), r.band))
    }

    /// Index of a member's level in the hierarchy (0 = lowest).
    pub fn level_index(&self, level: &str) -> Option<usize> {
        self.levels.iter().position(|l| l == level)
    }

    pub fn member_level(&self, member: &str) -> Option<&str> {
        self.team.get(member).map(String::as_str)
    }

    /// The most a member may grant on one case: their own `[authority]`
    /// entry, else their level's; None = no limit set.
    pub fn authority_of(&self, member: &str) -> Option<Decimal> {
        if !self.team.contains_key(member) {
            return None;
        }
        self.authority
            .get(member)
            .or_else(|| {
                self.member_level(member)
                    .and_then(|l| self.authority.get(l))
            })
            .copied()
    }

    pub fn is_category(&self, name: &str) -> bool {
        self.categories
            .as_ref()
            .is_none_or(|c| c.contains_key(name))
    }
}

// ---------------------------------------------------------------------------
// Loading and validation

pub fn load(root: &Path) -> Result<Policies, Vec<Diagnostic>> {
    load_texts(&PolicyTexts::read(root)?)
}

/// Parses and validates; returns every problem found, not just the first.
pub fn load_texts(texts: &PolicyTexts) -> Result<Policies, Vec<Diagnostic>> {
    let mut v = Validator::default();
    let deadlines: Option<RawDeadlines> = v.parse(DEADLINES, texts.deadlines.as_deref(), true);
    let escalation: Option<RawEscalation> = v.parse(ESCALATION, texts.escalation.as_deref(), true);
    let compensation: Option<RawCompensation> =
        v.parse(COMPENSATION, texts.compensation.as_deref(), true);
    let categories: Option<BTreeMap<String, RawCategory>> =
        v.parse(CATEGORIES, texts.categories.as_deref(), false);
    let categories = categories.map(categories_of);
    let (Some(d), Some(e), Some(c)) = (deadlines, escalation, compensation) else {
        return Err(v.problems);
    };
    v.set_file(DEADLINES, texts.deadlines.as_deref());
    let (calendar, mode) = v.calendar(&d.calendar);
    let default = v.targets(&d.default, true);
    let rules = v.deadline_rules(&d.rule, categories.as_ref());
    let recorded_late_tolerance = v.tolerance(d.audit.as_ref());
    v.set_file(ESCALATION, texts.escalation.as_deref());
    let esc = v.escalation(&e, categories.as_ref());
    if let Some(cats) = &categories {
        v.category_departments(cats, &esc.departments, texts.categories.as_deref());
    }
    v.set_file(COMPENSATION, texts.compensation.as_deref());
    let comp = v.compensation(&c, categories.as_ref(), &esc);
    if !v.problems.is_empty() {
        return Err(v.problems);
    }
    Ok(Policies {
        calendar: calendar.unwrap_or_else(unreachable_calendar),
        mode: mode.unwrap_or(Mode::Business),
        default,
        rules,
        levels: esc.levels,
        departments: esc.departments,
        team: esc.team,
        routes: esc.routes,
        currency: comp.currency,
        remedies: comp.remedies,
        band: comp.band.unwrap_or(Band {
            min: Decimal::ZERO,
            max: Decimal::ZERO,
        }),
        band_rules: comp.band_rules,
        authority: comp.authority,
        categories,
        recorded_late_tolerance,
    })
}

fn categories_of(raw: BTreeMap<String, RawCategory>) -> BTreeMap<String, Category> {
    raw.into_iter()
        .map(|(name, c)| {
            (
                name,
                Category {
                    description: c.description,
                    department: c.department,
                },
            )
        })
        .collect()
}

/// What escalation.toml contributes to [`Policies`].
struct Escalation {
    levels: Vec<String>,
    departments: Vec<String>,
    team: BTreeMap<String, String>,
    routes: Vec<Route>,
}

/// What compensation.toml contributes to [`Policies`].
struct CompensationPolicy {
    currency: String,
    remedies: Vec<String>,
    band: Option<Band>,
    band_rules: Vec<BandRule>,
    authority: BTreeMap<String, Decimal>,
}

type Categories = BTreeMap<String, Category>;

impl Validator<'_> {
    fn deadline_rules(&mut self, raw: &[RawRule], cats: Option<&Categories>) -> Vec<DeadlineRule> {
        let mut rules = Vec::new();
        for r in raw {
            let when = self.when(&r.when, cats, false);
            let mode = r.mode.as_ref().and_then(|m| self.mode(m));
            let targets = self.targets(
                &RawTargets {
                    acknowledge: r.acknowledge.clone(),
                    resolve: r.resolve.clone(),
                    update_every: r.update_every.clone(),
                    follow_up: r.follow_up.clone(),
                    max_extension: r.max_extension.clone(),
                    retention: r.retention.clone(),
                },
                false,
            );
            if let Some((when, _)) = when {
                rules.push((
                    r.name.clone(),
                    DeadlineRule {
                        name: r.name.get_ref().clone(),
                        when,
                        mode,
                        targets,
                    },
                ));
            }
        }
        self.shadowing(rules.iter().map(|(n, r)| (n, &r.when)), "deadline");
        rules.into_iter().map(|(_, r)| r).collect()
    }

    fn escalation(&mut self, e: &RawEscalation, cats: Option<&Categories>) -> Escalation {
        let levels: Vec<String> = e
            .levels
            .get_ref()
            .iter()
            .map(|l| l.get_ref().clone())
            .collect();
        if levels.is_empty() {
            self.error(e.levels.span(), Msg::new("pol-levels-empty"), None);
        }
        self.duplicates(e.levels.get_ref(), "level");
        let departments: Vec<String> = e.departments.iter().map(|d| d.get_ref().clone()).collect();
        self.duplicates(&e.departments, "department");
        for d in &e.departments {
            if levels.contains(d.get_ref()) {
                self.error(
                    d.span(),
                    Msg::new("pol-level-and-department").arg("name", d.get_ref().as_str()),
                    None,
                );
            }
        }
        let mut team = BTreeMap::new();
        for (member, level) in &e.team {
            if !levels.contains(level.get_ref()) {
                self.unknown(level, "level", &levels);
            }
            team.insert(member.clone(), level.get_ref().clone());
        }
        let routes = e
            .route
            .iter()
            .filter_map(|r| self.route(r, cats, &levels, &departments))
            .collect();
        Escalation {
            levels,
            departments,
            team,
            routes,
        }
    }

    fn route(
        &mut self,
        r: &RawRoute,
        cats: Option<&Categories>,
        levels: &[String],
        departments: &[String],
    ) -> Option<Route> {
        let (when, overdue) = self.when(&r.when, cats, true)?;
        let to_name = r.to.get_ref().as_str();
        let to = if to_name == "next-level" {
            RouteTo::NextLevel
        } else if levels.iter().any(|l| l == to_name) {
            RouteTo::Level(to_name.into())
        } else if departments.iter().any(|d| d == to_name) {
            RouteTo::Department(to_name.into())
        } else {
            let mut names: Vec<String> = levels.iter().chain(departments).cloned().collect();
            names.push("next-level".into());
            self.unknown(&r.to, "escalation target", &names);
            return None;
        };
        if overdue != (to == RouteTo::NextLevel) {
            self.error(
                r.to.span(),
                Msg::new("pol-next-level"),
                Some(Msg::new("pol-next-level-help")),
            );
            return None;
        }
        Some(Route {
            name: r.name.get_ref().clone(),
            when,
            overdue,
            to,
        })
    }

    /// A category may only be routed to a department escalation.toml lists.
    fn category_departments(
        &mut self,
        cats: &Categories,
        departments: &[String],
        text: Option<&str>,
    ) {
        for (name, cat) in cats {
            if let Some(dep) = &cat.department
                && !departments.contains(dep)
            {
                self.problems.push(
                    Diagnostic::new(
                        CATEGORIES,
                        DiagCode::PolicyInvalid,
                        Msg::new("pol-unknown-department")
                            .arg("name", name.as_str())
                            .arg("dep", dep.as_str()),
                    )
                    .at(find_line(text, &format!("department = \"{dep}\"")), 1),
                );
            }
        }
    }

    fn compensation(
        &mut self,
        c: &RawCompensation,
        cats: Option<&Categories>,
        esc: &Escalation,
    ) -> CompensationPolicy {
        let currency = c.currency.get_ref().clone();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            self.error(
                c.currency.span(),
                Msg::new("pol-currency").arg("currency", currency.to_string()),
                Some(Msg::new("pol-currency-help")),
            );
        }
        let remedies: Vec<String> = c.remedies.iter().map(|r| r.get_ref().clone()).collect();
        self.duplicates(&c.remedies, "remedy");
        let band = self.band(&c.band.min, &c.band.max);
        let band_rules = self.band_rules(&c.band.rule, cats);
        let authority = self.authority(&c.authority, esc);
        CompensationPolicy {
            currency,
            remedies,
            band,
            band_rules,
            authority,
        }
    }

    fn band_rules(&mut self, raw: &[RawBandRule], cats: Option<&Categories>) -> Vec<BandRule> {
        let mut band_rules = Vec::new();
        for (i, r) in raw.iter().enumerate() {
            let name = r
                .name
                .as_ref()
                .map_or_else(|| format!("band rule {}", i + 1), |n| n.get_ref().clone());
            let when = self.when(&r.when, cats, false);
            let b = self.band(&r.min, &r.max);
            if let (Some((when, _)), Some(band)) = (when, b) {
                let span = r.when.as_ref().map_or(r.min.span(), |w| w.span());
                band_rules.push((span, BandRule { name, when, band }));
            }
        }
        let named: Vec<(Spanned<String>, &When)> = band_rules
            .iter()
            .map(|(span, r)| (Spanned::new(span.clone(), r.name.clone()), &r.when))
            .collect();
        self.shadowing(named.iter().map(|(n, w)| (n, *w)), "band");
        band_rules.into_iter().map(|(_, r)| r).collect()
    }

    fn authority(
        &mut self,
        raw: &BTreeMap<String, Spanned<Fraction>>,
        esc: &Escalation,
    ) -> BTreeMap<String, Decimal> {
        let mut authority = BTreeMap::new();
        for (level, amount) in raw {
            if !esc.levels.contains(level) && !esc.team.contains_key(level) {
                let mut names = esc.levels.clone();
                names.extend(esc.team.keys().cloned());
                self.unknown(
                    &Spanned::new(amount.span(), level.clone()),
                    "level or team member",
                    &names,
                );
            }
            match amount.get_ref().0 {
                Some(a) if a > Decimal::ZERO => {
                    authority.insert(level.clone(), a);
                }
                _ => self.error(
                    amount.span(),
                    Msg::new("pol-authority").arg("level", level.as_str()),
                    None,
                ),
            }
        }
        authority
    }
}

/// Only reached when validation already reported a problem.
fn unreachable_calendar() -> Calendar {
    Calendar {
        tz: chrono_tz::UTC,
        workdays: [true; 7],
        open: NaiveTime::MIN,
        close: NaiveTime::MIN,
        holidays: BTreeSet::new(),
        intervals: Default::default(),
    }
}

fn find_line(text: Option<&str>, needle: &str) -> usize {
    text.and_then(|t| t.lines().position(|l| l.contains(needle)))
        .map_or(1, |i| i + 1)
}

#[derive(Default)]
struct Validator<'a> {
    problems: Vec<Diagnostic>,
    file: &'static str,
    text: &'a str,
}

impl<'a> Validator<'a> {
    fn parse<T: serde::de::DeserializeOwned>(
        &mut self,
        file: &'static str,
        text: Option<&str>,
        required: bool,
    ) -> Option<T> {
        let Some(text) = text else {
            if required {
                self.problems.push(
                    Diagnostic::new(
                        file,
                        DiagCode::PolicyInvalid,
                        Msg::new("pol-missing").arg("file", file),
                    )
                    .help(Msg::new("pol-missing-help")),
                );
            }
            return None;
        };
        if let Some(line) = crate::diag::conflict_markers(text).first() {
            self.problems.push(
                Diagnostic::new(file, DiagCode::ConflictMarker, Msg::new("diag-conflict"))
                    .at(*line, 1)
                    .help(Msg::new("diag-conflict-policy-help")),
            );
            return None;
        }
        match toml::from_str::<T>(text) {
            Ok(v) => Some(v),
            Err(e) => {
                let (line, col) = e.span().map_or((1, 1), |s| line_col(text, s.start));
                let message = suggest::improve_serde_message(e.message().trim());
                self.problems.push(
                    Diagnostic::new(
                        file,
                        DiagCode::PolicyInvalid,
                        crate::diag::reader_message(&message),
                    )
                    .at(line, col),
                );
                None
            }
        }
    }

    fn set_file(&mut self, file: &'static str, text: Option<&'a str>) {
        self.file = file;
        self.text = text.unwrap_or("");
    }

    fn error(&mut self, span: Range<usize>, message: Msg, help: Option<Msg>) {
        let (line, col) = line_col(self.text, span.start);
        let mut d = Diagnostic::new(self.file, DiagCode::PolicyInvalid, message).at(line, col);
        if let Some(h) = help {
            d = d.help(h);
        }
        self.problems.push(d);
    }

    fn unknown(&mut self, value: &Spanned<String>, what: &str, known: &[String]) {
        let names: Vec<&str> = known.iter().map(String::as_str).collect();
        let message = suggest::unknown_value_msg(what, value.get_ref(), &names);
        self.error(value.span(), message, None);
    }

    fn duplicates(&mut self, values: &[Spanned<String>], what: &str) {
        let mut seen = BTreeSet::new();
        for v in values {
            if !seen.insert(v.get_ref()) {
                self.error(
                    v.span(),
                    Msg::new("pol-listed-twice")
                        .arg(
                            "what",
                            Msg::new("unknown-what")
                                .arg("key", what.replace(' ', "-"))
                                .arg("what", what),
                        )
                        .arg("value", v.get_ref().as_str()),
                    None,
                );
            }
        }
    }

    fn mode(&mut self, m: &Spanned<String>) -> Option<Mode> {
        let mode = Mode::parse(m.get_ref());
        if mode.is_none() {
            self.unknown(m, "mode", &["business".into(), "24/7".into()]);
        }
        mode
    }

    fn calendar(&mut self, c: &RawCalendar) -> (Option<Calendar>, Option<Mode>) {
        let tz = match Tz::from_str(c.timezone.get_ref()) {
            Ok(tz) => Some(tz),
            Err(_) => {
                self.error(
                    c.timezone.span(),
                    Msg::new("pol-time-zone").arg("zone", c.timezone.get_ref().as_str()),
                    Some(Msg::new("pol-time-zone-help")),
                );
                None
            }
        };
        let mode = match &c.mode {
            Some(m) => self.mode(m),
            None => Some(Mode::Business),
        };
        let workdays = self.workdays(c.workdays.as_ref(), mode);
        let hours = match &c.hours {
            Some(h) => self.hours(h),
            None => (
                NaiveTime::from_hms_opt(9, 0, 0),
                NaiveTime::from_hms_opt(17, 0, 0),
            ),
        };
        let holidays = self.holidays(&c.holidays);
        let calendar = match (tz, hours) {
            (Some(tz), (Some(open), Some(close))) if open < close => Some(Calendar {
                tz,
                workdays,
                open,
                close,
                holidays,
                intervals: Default::default(),
            }),
            _ => None,
        };
        (calendar, mode)
    }

    /// Monday to Friday when not given.
    fn workdays(
        &mut self,
        list: Option<&Spanned<Vec<Spanned<String>>>>,
        mode: Option<Mode>,
    ) -> [bool; 7] {
        let mut workdays = [false; 7];
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        match list {
            Some(list) => {
                for d in list.get_ref() {
                    match days.iter().position(|x| *x == d.get_ref().to_lowercase()) {
                        Some(i) => workdays[i] = true,
                        None => self.unknown(d, "weekday", &days.map(String::from)),
                    }
                }
                if list.get_ref().is_empty() && mode == Some(Mode::Business) {
                    self.error(list.span(), Msg::new("pol-workdays-empty"), None);
                }
            }
            None => workdays[..5].fill(true),
        }
        workdays
    }

    /// Opening and closing times; None for a time that does not parse.
    fn hours(
        &mut self,
        h: &Spanned<Vec<Spanned<String>>>,
    ) -> (Option<NaiveTime>, Option<NaiveTime>) {
        let list = h.get_ref();
        if list.len() != 2 {
            self.error(h.span(), Msg::new("pol-hours-two"), None);
            return (
                NaiveTime::from_hms_opt(9, 0, 0),
                NaiveTime::from_hms_opt(17, 0, 0),
            );
        }
        let parse = |s: &Spanned<String>| NaiveTime::parse_from_str(s.get_ref(), "%H:%M").ok();
        let hours = (parse(&list[0]), parse(&list[1]));
        for (t, s) in [(hours.0, &list[0]), (hours.1, &list[1])] {
            if t.is_none() {
                self.error(
                    s.span(),
                    Msg::new("pol-invalid-clock").arg("t", s.get_ref().as_str()),
                    None,
                );
            }
        }
        if let (Some(a), Some(b)) = hours
            && a >= b
        {
            self.error(
                h.span(),
                Msg::new("pol-hours-order")
                    .arg("start", a.format("%H:%M").to_string())
                    .arg("end", b.format("%H:%M").to_string()),
                None,
            );
        }
        hours
    }

    fn holidays(&mut self, raw: &[Spanned<String>]) -> BTreeSet<NaiveDate> {
        let mut holidays = BTreeSet::new();
        for d in raw {
            match NaiveDate::parse_from_str(d.get_ref(), "%Y-%m-%d") {
                Ok(date) => {
                    holidays.insert(date);
                }
                Err(_) => self.error(
                    d.span(),
                    Msg::new("pol-invalid-date").arg("d", d.get_ref().as_str()),
                    None,
                ),
            }
        }
        holidays
    }

    fn targets(&mut self, t: &RawTargets, required: bool) -> Targets {
        let mut one = |name: &str, raw: &Option<Spanned<String>>| match raw {
            Some(s) => match compliance::parse_target_spec(s.get_ref()) {
                Ok(t) => Some(t),
                Err(msg) => {
                    self.error(
                        s.span(),
                        Msg::new("diag-key-problem")
                            .arg("key", name)
                            .arg("problem", crate::i18n::recall(&msg)),
                        Some(Msg::new("pol-duration-help")),
                    );
                    None
                }
            },
            None => {
                if required {
                    let d = Diagnostic::new(
                        self.file,
                        DiagCode::PolicyInvalid,
                        Msg::new("pol-default-needs").arg("name", name),
                    )
                    .at(find_line(Some(self.text), "[default]"), 1)
                    .help(Msg::new("pol-default-needs-help"));
                    self.problems.push(d);
                }
                None
            }
        };
        let parsed = [
            one("acknowledge", &t.acknowledge),
            one("resolve", &t.resolve),
            one("update_every", &t.update_every),
            one("follow_up", &t.follow_up),
        ];
        let [acknowledge, resolve, update_every, follow_up] = parsed.map(|p| p.map(|t| t.target));
        Targets {
            acknowledge,
            resolve,
            update_every,
            follow_up,
            modes: parsed.map(|p| p.and_then(|t| t.mode)),
            following: parsed.map(|p| p.is_some_and(|t| t.following)),
            max_extension: self.plain_target("max_extension", t.max_extension.as_ref()),
            retention: self.retention(t.retention.as_ref()),
        }
    }

    fn plain_target(&mut self, name: &str, raw: Option<&Spanned<String>>) -> Option<Target> {
        let s = raw?;
        match Target::parse(s.get_ref()) {
            Ok(t) => Some(t),
            Err(msg) => {
                self.error(
                    s.span(),
                    Msg::new("diag-key-problem")
                        .arg("key", name)
                        .arg("problem", crate::i18n::recall(&msg)),
                    Some(Msg::new("pol-max-extension-help")),
                );
                None
            }
        }
    }

    fn retention(&mut self, raw: Option<&Spanned<String>>) -> Option<compliance::Retention> {
        let s = raw?;
        match compliance::Retention::parse(s.get_ref()) {
            Ok(r) => Some(r),
            Err(msg) => {
                self.error(
                    s.span(),
                    Msg::new("diag-key-problem")
                        .arg("key", "retention")
                        .arg("problem", crate::i18n::recall(&msg)),
                    None,
                );
                None
            }
        }
    }

    fn tolerance(&mut self, raw: Option<&RawAudit>) -> chrono::TimeDelta {
        let Some(s) = raw.and_then(|a| a.recorded_late_tolerance.as_ref()) else {
            return compliance::DEFAULT_TOLERANCE;
        };
        self.plain_target("recorded_late_tolerance", Some(s))
            .map_or(compliance::DEFAULT_TOLERANCE, compliance::tolerance_of)
    }

    /// Validates a `when`; None when it can never match. The bool is `overdue`.
    fn when(
        &mut self,
        raw: &Option<Spanned<RawWhen>>,
        categories: Option<&BTreeMap<String, Category>>,
        allow_overdue: bool,
    ) -> Option<(When, bool)> {
        let Some(raw) = raw else {
            return Some((When::default(), false));
        };
        let span = raw.span();
        let w = raw.get_ref();
        let mut ok = true;
        let mut list = |v: &mut Self,
                        key: &str,
                        value: &Option<Spanned<OneOrMany>>,
                        names: Option<Vec<String>>| {
            let value = value.as_ref()?;
            let items = value.get_ref().items();
            if items.is_empty() {
                v.error(
                    value.span(),
                    Msg::new("pol-empty-list").arg("key", key),
                    None,
                );
                ok = false;
            }
            if let Some(names) = names {
                for item in &items {
                    if !names.contains(item) {
                        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                        let msg = suggest::unknown_value_msg(key, item, &refs);
                        v.error(
                            value.span(),
                            Msg::new("pol-never-match").arg("problem", msg),
                            None,
                        );
                        ok = false;
                    }
                }
            }
            Some(items)
        };
        let names = |all: &[&str]| Some(all.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        let when = When {
            kind: list(self, "kind", &w.kind, names(Kind::NAMES)),
            category: list(
                self,
                "category",
                &w.category,
                categories.map(|c| c.keys().cloned().collect()),
            ),
            severity: list(self, "severity", &w.severity, names(Severity::NAMES)),
            channel: list(self, "channel", &w.channel, names(Channel::NAMES)),
            profile: list(self, "profile", &w.profile, names(Profile::NAMES)),
            tags: list(self, "tags", &w.tags, None),
        };
        let overdue = match &w.overdue {
            None => false,
            Some(o) if !allow_overdue => {
                self.error(o.span(), Msg::new("pol-overdue-routes"), None);
                return None;
            }
            Some(o) if o.get_ref() == "resolve" => true,
            Some(o) => {
                self.error(
                    o.span(),
                    Msg::new("pol-overdue-resolve").arg("value", o.get_ref().as_str()),
                    None,
                );
                return None;
            }
        };
        if !ok {
            return None;
        }
        let _ = span;
        Some((when, overdue))
    }

    fn shadowing<'b>(
        &mut self,
        rules: impl Iterator<Item = (&'b Spanned<String>, &'b When)>,
        what: &str,
    ) {
        let rules: Vec<_> = rules.collect();
        for (i, (name, when)) in rules.iter().enumerate() {
            if let Some((earlier, _)) = rules[..i].iter().find(|(_, e)| when.implies(e)) {
                self.error(
                    name.span(),
                    Msg::new("pol-shadowed")
                        .arg("what", what)
                        .arg("name", name.get_ref().as_str())
                        .arg("earlier", earlier.get_ref().as_str()),
                    Some(Msg::new("pol-shadowed-help")),
                );
            }
        }
    }

    fn band(&mut self, min: &Spanned<Fraction>, max: &Spanned<Fraction>) -> Option<Band> {
        let (Some(lo), Some(hi)) = (min.get_ref().0, max.get_ref().0) else {
            self.error(min.span(), Msg::new("pol-band-fraction"), None);
            return None;
        };
        if lo.is_sign_negative() || hi.is_sign_negative() {
            self.error(min.span(), Msg::new("pol-band-negative"), None);
            return None;
        }
        if lo > hi {
            self.error(
                min.span(),
                Msg::new("pol-band-empty")
                    .arg("min", crate::case::money::fixed(lo, 2).to_string())
                    .arg("max", crate::case::money::fixed(hi, 2).to_string()),
                Some(Msg::new("pol-band-empty-help")),
            );
            return None;
        }
        Some(Band { min: lo, max: hi })
    }
}

// Raw TOML shapes: spans kept for messages.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadlines {
    calendar: RawCalendar,
    default: RawTargets,
    #[serde(default)]
    rule: Vec<RawRule>,
    #[serde(default)]
    audit: Option<RawAudit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAudit {
    recorded_late_tolerance: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCalendar {
    timezone: Spanned<String>,
    #[serde(default)]
    mode: Option<Spanned<String>>,
    #[serde(default)]
    workdays: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    hours: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    holidays: Vec<Spanned<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawTargets {
    acknowledge: Option<Spanned<String>>,
    resolve: Option<Spanned<String>>,
    update_every: Option<Spanned<String>>,
    follow_up: Option<Spanned<String>>,
    max_extension: Option<Spanned<String>>,
    retention: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    name: Spanned<String>,
    #[serde(default)]
    when: Option<Spanned<RawWhen>>,
    #[serde(default)]
    mode: Option<Spanned<String>>,
    acknowledge: Option<Spanned<String>>,
    resolve: Option<Spanned<String>>,
    update_every: Option<Spanned<String>>,
    follow_up: Option<Spanned<String>>,
    max_extension: Option<Spanned<String>>,
    retention: Option<Spanned<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct RawWhen {
    kind: Option<Spanned<OneOrMany>>,
    category: Option<Spanned<OneOrMany>>,
    severity: Option<Spanned<OneOrMany>>,
    channel: Option<Spanned<OneOrMany>>,
    profile: Option<Spanned<OneOrMany>>,
    tags: Option<Spanned<OneOrMany>>,
    overdue: Option<Spanned<String>>,
}

#[derive(Deserialize, Clone)]
#[serde(untagged, expecting = "a string or a list of strings")]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn items(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEscalation {
    levels: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    departments: Vec<Spanned<String>>,
    #[serde(default)]
    team: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    route: Vec<RawRoute>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoute {
    name: Spanned<String>,
    #[serde(default)]
    when: Option<Spanned<RawWhen>>,
    to: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCompensation {
    currency: Spanned<String>,
    remedies: Vec<Spanned<String>>,
    band: RawBand,
    #[serde(default)]
    authority: BTreeMap<String, Spanned<Fraction>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBand {
    min: Spanned<Fraction>,
    max: Spanned<Fraction>,
    #[serde(default)]
    rule: Vec<RawBandRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBandRule {
    #[serde(default)]
    name: Option<Spanned<String>>,
    when: Option<Spanned<RawWhen>>,
    min: Spanned<Fraction>,
    max: Spanned<Fraction>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    department: Option<String>,
}

/// A TOML number (integer or float) or numeric string, as an exact decimal.
/// TOML floats arrive as f64; their shortest text is what was written.
#[derive(Debug, Clone, Copy)]
struct Fraction(Option<Decimal>);

impl<'de> Deserialize<'de> for Fraction {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Fraction;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a number")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Fraction, E> {
                Ok(Fraction(Some(Decimal::from(v))))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Fraction, E> {
                Ok(Fraction(Some(Decimal::from(v))))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Fraction, E> {
                Ok(Fraction(Decimal::from_str(&v.to_string()).ok()))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Fraction, E> {
                Ok(Fraction(Decimal::from_str(v).ok()))
            }
        }
        d.deserialize_any(V)
    }
}
