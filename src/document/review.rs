//! An adviser's review of a plan, and what changed between two versions of a plan.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use super::{PlanDoc, Progress};
use crate::catalogue::Date;

/// An adviser's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The plan is approved.
    Approved,
    /// The adviser suggests changes.
    Changes,
}

impl Verdict {
    /// The name software uses (`approved`, `changes`).
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Approved => "approved",
            Verdict::Changes => "changes",
        }
    }

    /// The verdict a [`name`](Verdict::name) names.
    pub fn from_name(name: &str) -> Option<Verdict> {
        [Verdict::Approved, Verdict::Changes]
            .into_iter()
            .find(|v| v.name() == name)
    }

    /// Words for a person.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Approved => "Approved",
            Verdict::Changes => "Changes suggested",
        }
    }
}

/// The first day a review may be dated.
pub const FIRST_DAY: Date = Date {
    year: 2000,
    month: 1,
    day: 1,
};

/// The days a review may be dated on `today`: from [`FIRST_DAY`] to tomorrow (an adviser
/// a time zone ahead of the clock). The one range, for the CLI's `--date`, the web's review
/// and a review arriving in a link.
pub fn review_dates(today: Date) -> RangeInclusive<Date> {
    let tomorrow = Date::from_days(today.days() + 1).unwrap_or(today);
    FIRST_DAY..=tomorrow.max(FIRST_DAY)
}

/// `date`, if a review may carry it on `today`.
pub fn review_date(date: Date, today: Date) -> Result<Date, DateOutOfRange> {
    let range = review_dates(today);
    if range.contains(&date) {
        Ok(date)
    } else {
        Err(DateOutOfRange {
            date,
            first: *range.start(),
            last: *range.end(),
        })
    }
}

/// A review dated outside the days a review may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateOutOfRange {
    /// The date given.
    pub date: Date,
    /// The first day a review may carry.
    pub first: Date,
    /// The last.
    pub last: Date,
}

impl fmt::Display for DateOutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::wording::review_date(self))
    }
}

impl std::error::Error for DateOutOfRange {}

/// A review: who, what they concluded, when, and the plan as it stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The adviser's name (plain text, at most [`super::MAX_NAME`] characters).
    pub by: String,
    /// Their verdict.
    pub verdict: Verdict,
    /// Their note (plain text, at most [`super::MAX_NOTE`] characters).
    #[serde(default)]
    pub note: String,
    /// The day of the review.
    pub date: Date,
    /// The optional units in the plan when reviewed.
    pub units: BTreeSet<u32>,
    /// Their progress then.
    #[serde(default)]
    pub progress: BTreeMap<u32, Progress>,
}

impl Review {
    /// A review of `doc` as it stands now.
    pub fn of(doc: &PlanDoc, by: &str, verdict: Verdict, note: &str, date: Date) -> Review {
        Review {
            by: super::plain_text(by, super::MAX_NAME),
            verdict,
            note: super::plain_text(note, super::MAX_NOTE),
            date,
            units: doc.units.clone(),
            progress: doc.progress.clone(),
        }
    }

    /// Why this review's date cannot be right on `today`, if it cannot (a link made by an
    /// earlier build, or edited by hand).
    pub fn date_problem(&self, today: Date) -> Option<DateOutOfRange> {
        review_date(self.date, today).err()
    }

    /// What changed in `doc` since this review.
    pub fn changes_since(&self, doc: &PlanDoc) -> Changes {
        Changes::between((&self.units, &self.progress), (&doc.units, &doc.progress))
    }
}

/// What changed from one version of a plan to another, by unit key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Units in the second and not the first.
    pub added: Vec<u32>,
    /// Units in the first and not the second.
    pub removed: Vec<u32>,
    /// Units whose progress changed: key, before, after.
    pub progress: Vec<(u32, Progress, Progress)>,
}

impl Changes {
    /// The changes from `a` to `b`, each given as (optional units, progress).
    pub fn between(
        a: (&BTreeSet<u32>, &BTreeMap<u32, Progress>),
        b: (&BTreeSet<u32>, &BTreeMap<u32, Progress>),
    ) -> Changes {
        let of = |p: &BTreeMap<u32, Progress>, k: u32| p.get(&k).copied().unwrap_or_default();
        // Extended, not collected: collecting sorts, and a sort is ~4 KB of wasm per type.
        let mut keys = BTreeSet::new();
        keys.extend(a.1.keys().chain(b.1.keys()).copied());
        Changes {
            added: b.0.difference(a.0).copied().collect(),
            removed: a.0.difference(b.0).copied().collect(),
            progress: keys
                .into_iter()
                .map(|k| (k, of(a.1, k), of(b.1, k)))
                .filter(|(_, from, to)| from != to)
                .collect(),
        }
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.progress.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_may_be_dated_from_2000_to_tomorrow() {
        let today: Date = "31/12/2026".parse().unwrap();
        let day = |t: &str| t.parse::<Date>().unwrap();
        assert_eq!(review_dates(today), day("1/1/2000")..=day("1/1/2027"));
        assert_eq!(review_date(day("1/1/2027"), today), Ok(day("1/1/2027")));
        assert_eq!(review_date(day("1/1/2000"), today), Ok(day("1/1/2000")));
        let late = review_date(day("2/1/2027"), today).unwrap_err();
        assert_eq!(
            late.to_string(),
            "A review's date must be from 01/01/2000 to 01/01/2027; this one is 02/01/2027."
        );
        assert!(review_date(day("31/12/1999"), today).is_err());
        assert!(review_date(day("1/1/1900"), today).is_err());
    }
}
