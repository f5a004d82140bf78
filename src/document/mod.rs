//! A plan as a record: units named by their stable keys, so it survives corrections to the
//! catalogue, with progress, entered values and units not offered. [`link`] packs it into a
//! share link; [`store`] is the format saved plans are kept in.

pub mod carry;
pub mod centre;
pub mod centre_link;
pub mod link;
pub mod review;
pub mod store;

pub use review::{Changes, Review, Verdict};

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::catalogue::limits::MAX_UNIT_CREDITS;
use crate::catalogue::{Date, Level, Qualification, UnitIdx};
use crate::engine::{evaluate, Entered, Evaluation, FromElsewhere, Plan};

/// Longest plan name kept, saved or shared, in characters.
pub const MAX_NAME: usize = 60;
/// Longest note on a plan or a review, in characters.
pub const MAX_NOTE: usize = 280;
/// Longest name of the qualification a unit was transferred from, in characters.
pub const MAX_FROM: usize = 120;

/// Text from a person, kept as plain text on one line: a line break (or a run of them) and
/// a tab become a space, other control characters are dropped, and it is trimmed to at
/// most `max` characters. Markup stays text; nothing is ever rendered as HTML.
pub fn plain_text(text: &str, max: usize) -> String {
    one_line(text)
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// What [`plain_text`] leaves out past `max` characters, if anything but spaces.
pub fn cut_off(text: &str, max: usize) -> Option<String> {
    let rest: String = one_line(text).skip(max).collect();
    let rest = rest.trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// The characters of `text` on one line, from its first that is not a space: breaks and
/// tabs as one space, controls dropped.
fn one_line(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut after_break = false;
    text.trim_start().chars().filter_map(move |c| {
        let breaks = matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' | '\u{85}');
        let was = std::mem::replace(&mut after_break, breaks);
        match c {
            _ if breaks && was => None,
            _ if breaks => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        }
    })
}

/// How far a learner has got with a chosen unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// Chosen, not started.
    #[default]
    Planned,
    /// Being worked on.
    InProgress,
    /// Achieved.
    Achieved,
    /// Achieved in another qualification and brought in by credit transfer; counts toward
    /// every rule like an achieved unit.
    Transferred,
    /// Exempt: recognised learning from outside the framework meets the unit's place in the
    /// rules of combination, but it is not credit the learner gained.
    Exempt,
}

impl Progress {
    /// Every progress state, in the order a learner goes through them.
    pub const ALL: [Progress; 5] = [
        Progress::Planned,
        Progress::InProgress,
        Progress::Achieved,
        Progress::Transferred,
        Progress::Exempt,
    ];

    /// The name saved and shown to software (`in_progress`).
    pub fn name(self) -> &'static str {
        match self {
            Progress::Planned => "planned",
            Progress::InProgress => "in_progress",
            Progress::Achieved => "achieved",
            Progress::Transferred => "transferred",
            Progress::Exempt => "exempt",
        }
    }

    /// Whether the learner already holds the unit (achieved, transferred or exempt).
    pub fn held(self) -> bool {
        matches!(
            self,
            Progress::Achieved | Progress::Transferred | Progress::Exempt
        )
    }

    /// Whether the unit is credit the learner gained (achieved here or transferred), as
    /// opposed to exempt.
    pub fn credit_gained(self) -> bool {
        matches!(self, Progress::Achieved | Progress::Transferred)
    }

    /// The state a [`name`](Progress::name) names.
    pub fn from_name(name: &str) -> Option<Progress> {
        Progress::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Words for a person.
    pub fn label(self) -> &'static str {
        match self {
            Progress::Planned => "Planned",
            Progress::InProgress => "In progress",
            Progress::Achieved => "Achieved",
            Progress::Transferred => "Credit transfer",
            Progress::Exempt => "Exempt",
        }
    }
}

/// A value the learner entered, in saved form (levels as text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnteredValues {
    /// Credit value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits: Option<u32>,
    /// Level, as `Entry 3` or `2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
}

/// Where a unit brought in by credit transfer was achieved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    /// The qualification it was achieved in, as the learner names it.
    pub from: String,
    /// When, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// A saved or shared plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDoc {
    /// The qualification's id.
    pub qualification: String,
    /// The plan's name, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Chosen optional units, by key (mandatory units are always in).
    #[serde(default)]
    pub units: BTreeSet<u32>,
    /// Progress of units, by key; absent means planned.
    #[serde(default)]
    pub progress: BTreeMap<u32, Progress>,
    /// Values entered for units whose values the specification does not state, by key.
    #[serde(default)]
    pub entered: BTreeMap<u32, EnteredValues>,
    /// Units the learner's centre does not offer, by key.
    #[serde(default)]
    pub not_offered: BTreeSet<u32>,
    /// Where units marked [`Progress::Transferred`] were achieved, by key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub transfers: BTreeMap<u32, Transfer>,
    /// A note on the plan (plain text, at most [`MAX_NOTE`] characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// An adviser's review, with the plan as it stood then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
    /// The pathway chosen, by id, in a qualification that has pathways.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pathway: Option<String>,
    /// Credit from elsewhere: units the qualification does not list, entered by the learner.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elsewhere: Vec<ElsewhereEntry>,
}

/// Credit from elsewhere in saved form: the group it counts in (by id), its title, and
/// the values entered (a level as text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElsewhereEntry {
    /// The group's id.
    pub group: String,
    /// The title the learner gave it.
    pub title: String,
    /// Its credit value, once entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credits: Option<u32>,
    /// Its level, as `Entry 3` or `2`, if entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
}

/// Most credit-from-elsewhere entries a plan keeps.
pub const MAX_ELSEWHERE: usize = 20;

/// Something in a saved or shared plan that no longer fits the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// A unit key that the qualification no longer has.
    UnknownUnit(u32),
    /// An entered value for a unit whose value the catalogue now states; the stated one is used.
    NowStated {
        /// The unit.
        unit: UnitIdx,
        /// What was entered.
        entered: String,
        /// What the catalogue states now.
        stated: String,
    },
    /// An entered level that is not a level.
    BadLevel(u32),
    /// A pathway the qualification no longer has (its id); the plan has none chosen.
    UnknownPathway(String),
    /// Credit from elsewhere in a group that does not allow it (its title, the group id);
    /// it was left out.
    ElsewhereNotAllowed(String, String),
    /// An entered credit value larger than any unit carries: the unit's key, the value.
    BadCredits {
        /// The unit's key.
        key: u32,
        /// The value entered.
        credits: u32,
    },
}

impl Mismatch {
    /// The mismatch in words.
    pub fn describe(&self, qual: &Qualification) -> String {
        match self {
            Mismatch::UnknownUnit(key) => format!("a unit in this plan (key {key}) is no longer in {}; it was left out", qual.id),
            Mismatch::NowStated { unit, entered, stated } => format!(
                "{}: you entered {entered}, but the specification now states {stated}; the stated value is used",
                qual.units[*unit].label()
            ),
            Mismatch::BadLevel(key) => format!("an entered level for unit key {key} is not a level; it was ignored"),
            Mismatch::ElsewhereNotAllowed(title, group) => format!(
                "“{}” was left out: group `{}` of {} does not take credit from elsewhere",
                crate::text::excerpt(title),
                crate::text::excerpt(group),
                qual.id
            ),
            Mismatch::UnknownPathway(id) => format!(
                "this plan's pathway `{}` is no longer in {}; choose a pathway",
                crate::text::excerpt(id),
                qual.id
            ),
            Mismatch::BadCredits { key, credits } => format!(
                "{}: the entered credit value {credits} was ignored: it is above {MAX_UNIT_CREDITS}, more than any unit carries",
                qual.unit_by_key(*key).map_or(format!("unit key {key}"), |u| qual.units[u].label().to_string())
            ),
        }
    }
}

/// A plan resolved against its qualification and evaluated: what every front end shows
/// about a plan comes from one of these.
#[derive(Debug, PartialEq)]
pub struct Checked {
    /// The engine's plan.
    pub plan: Plan,
    /// Its evaluation.
    pub eval: Evaluation,
    /// What in the document no longer fits the catalogue.
    pub problems: Vec<Mismatch>,
}

impl PlanDoc {
    /// An empty plan for `qual`.
    pub fn new(qual: &Qualification) -> Self {
        PlanDoc {
            qualification: qual.id.clone(),
            ..PlanDoc::default()
        }
    }

    /// Resolves the document against the current catalogue: the engine's plan, and what no
    /// longer fits. To show a plan, [`check`](PlanDoc::check) it.
    pub fn to_plan(&self, qual: &Qualification) -> (Plan, Vec<Mismatch>) {
        // Extended, not collected: collecting sorts, and a sort is ~4 KB of wasm per type.
        let mut all_keys = BTreeSet::new();
        all_keys.extend(
            self.units
                .iter()
                .chain(self.entered.keys())
                .chain(self.progress.keys())
                .chain(&self.not_offered)
                .copied(),
        );
        let mut problems: Vec<Mismatch> = all_keys
            .into_iter()
            .filter(|&k| qual.unit_by_key(k).is_none())
            .map(Mismatch::UnknownUnit)
            .collect();
        let mut plan =
            Plan::with_units(qual, self.units.iter().filter_map(|&k| qual.unit_by_key(k)));
        for (&key, values) in &self.entered {
            let Some(u) = qual.unit_by_key(key) else {
                continue;
            };
            let level = match values.level.as_deref().map(str::parse::<Level>) {
                Some(Ok(l)) => Some(l),
                Some(Err(_)) => {
                    problems.push(Mismatch::BadLevel(key));
                    None
                }
                None => None,
            };
            let credits = values.credits.filter(|&c| c <= MAX_UNIT_CREDITS);
            if let Some(bad) = values.credits.filter(|_| credits.is_none()) {
                problems.push(Mismatch::BadCredits { key, credits: bad });
            }
            let unit = &qual.units[u];
            if let (Some(c), Some(stated)) = (credits, unit.credits.value()) {
                if c != *stated {
                    problems.push(Mismatch::NowStated {
                        unit: u,
                        entered: format!("{c} credits"),
                        stated: format!("{stated} credits"),
                    });
                }
            }
            if let (Some(l), Some(stated)) = (level, unit.level.value()) {
                if l != *stated {
                    problems.push(Mismatch::NowStated {
                        unit: u,
                        entered: format!("level {l}"),
                        stated: format!("level {stated}"),
                    });
                }
            }
            plan.set_entered(u, Entered { credits, level });
        }
        for entry in self.elsewhere.iter().take(MAX_ELSEWHERE) {
            let group = qual
                .groups
                .iter()
                .position(|g| g.id == entry.group && g.elsewhere.is_some());
            let level = entry.level.as_deref().and_then(|l| l.parse::<Level>().ok());
            match group {
                Some(group) => plan.add_elsewhere(FromElsewhere {
                    group,
                    title: plain_text(&entry.title, MAX_FROM),
                    credits: entry.credits.filter(|&c| c <= MAX_UNIT_CREDITS),
                    level,
                }),
                None => problems.push(Mismatch::ElsewhereNotAllowed(
                    entry.title.clone(),
                    entry.group.clone(),
                )),
            }
        }
        if let Some(id) = &self.pathway {
            match qual.find_pathway(id) {
                Some(p) => plan.set_pathway(qual, Some(p)),
                None => problems.push(Mismatch::UnknownPathway(id.clone())),
            }
        }
        (plan, problems)
    }

    /// Resolves the document against the current catalogue and evaluates it.
    pub fn check(&self, qual: &Qualification) -> Checked {
        let (plan, problems) = self.to_plan(qual);
        let eval = evaluate(qual, &plan);
        Checked {
            plan,
            eval,
            problems,
        }
    }

    /// The plan's name, or "Untitled plan".
    pub fn display_name(&self) -> &str {
        self.name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or("Untitled plan")
    }

    /// The changes from this plan to `other` (units added and removed, progress changed).
    pub fn changes_to(&self, other: &PlanDoc) -> Changes {
        Changes::between(
            (&self.units, &self.progress),
            (&other.units, &other.progress),
        )
    }

    /// Records a unit's progress; planned is recorded by leaving it out, and transfer
    /// details go when the unit is no longer transferred.
    pub fn set_progress(&mut self, key: u32, progress: Progress) {
        if progress == Progress::Planned {
            self.progress.remove(&key);
        } else {
            self.progress.insert(key, progress);
        }
        if progress != Progress::Transferred {
            self.transfers.remove(&key);
        }
    }

    /// Chooses a pathway by index (or none): units mandatory only on the old pathway leave
    /// the chosen units, so switching back and forth changes nothing else.
    pub fn set_pathway(
        &mut self,
        qual: &Qualification,
        pathway: Option<crate::catalogue::PathwayIdx>,
    ) {
        let old = self.pathway.as_deref().and_then(|id| qual.find_pathway(id));
        self.units.retain(|&k| {
            qual.unit_by_key(k)
                .is_none_or(|u| !qual.is_mandatory_on(u, old) || qual.is_mandatory_on(u, pathway))
        });
        self.pathway = pathway
            .and_then(|p| qual.pathways.get(p))
            .map(|p| p.id.clone());
    }

    /// Progress of a unit (planned when not recorded).
    pub fn progress_of(&self, key: u32) -> Progress {
        self.progress.get(&key).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_break_in_plain_text_becomes_a_space_and_words_stay_apart() {
        assert_eq!(plain_text("first line\nsecond", 99), "first line second");
        assert_eq!(plain_text("a\r\nb\u{2028}c\td", 99), "a b c d");
        assert_eq!(plain_text("bell\u{7}ed", 99), "belled");
        assert_eq!(plain_text("  x  ", 99), "x");
    }

    #[test]
    fn what_is_cut_off_is_the_text_past_the_limit() {
        let note = format!("{}{}", "a".repeat(280), "b".repeat(20));
        assert_eq!(plain_text(&note, MAX_NOTE), "a".repeat(280));
        assert_eq!(cut_off(&note, MAX_NOTE), Some("b".repeat(20)));
        assert_eq!(cut_off(&"a".repeat(280), MAX_NOTE), None);
        assert_eq!(
            cut_off("  short", 5),
            None,
            "leading spaces are trimmed, not counted"
        );
    }
}
