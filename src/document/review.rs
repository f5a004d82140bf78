//! An adviser's review of a plan, and what changed between two versions of a plan.

use std::collections::{BTreeMap, BTreeSet};

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
        let keys: BTreeSet<u32> = a.1.keys().chain(b.1.keys()).copied().collect();
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
