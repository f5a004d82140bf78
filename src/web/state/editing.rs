//! The plan being edited: a saved plan, or a draft (a fresh plan, or one from a share
//! link), the changes a learner makes to it, and the units "Complete my plan" proposes.

use crate::catalogue::{Catalogue, Date, Qualification};
use crate::document::link::{self, LinkError};
use crate::document::{
    plain_text, EnteredValues, PlanDoc, Progress, Review, Transfer, Verdict, MAX_FROM, MAX_NOTE,
};

/// A plan not (yet) among the saved ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The plan.
    pub doc: PlanDoc,
    /// Whether it came from a share link (then it is saved only on request).
    pub from_link: bool,
    /// What no longer fits the catalogue, in words.
    pub problems: Vec<String>,
    /// Whether the catalogue changed since the link was made.
    pub catalogue_changed: bool,
}

impl Draft {
    /// A fresh, empty plan for a qualification.
    pub fn fresh(qual: &Qualification) -> Draft {
        Draft {
            doc: PlanDoc::new(qual),
            from_link: false,
            problems: Vec::new(),
            catalogue_changed: false,
        }
    }

    /// The plan a share link carries, checked against the catalogue, with a warning when
    /// its review is dated outside the dates a review may carry on `today`.
    pub fn from_link(
        catalogue: &Catalogue,
        id: &str,
        payload: &str,
        today: Date,
    ) -> Result<Draft, LinkError> {
        let opened = link::open(catalogue.all(), id, payload)?;
        let qual = &catalogue.all()[opened.qualification];
        let problems = opened.doc.check(qual).problems;
        let review_date = opened.doc.review.as_ref();
        let review_date = review_date.and_then(|r| r.date_problem(today));
        Ok(Draft {
            problems: problems
                .iter()
                .map(|p| p.describe(qual))
                .chain(review_date.map(|e| e.to_string()))
                .collect(),
            doc: opened.doc,
            from_link: true,
            catalogue_changed: opened.catalogue_changed,
        })
    }
}

/// What is being edited.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Editing {
    /// The saved plan being edited.
    pub active: Option<u64>,
    /// An unsaved plan being edited (when `active` is `None`).
    pub draft: Option<Draft>,
    /// Unit keys proposed by "Complete my plan", awaiting accept or dismiss.
    pub proposal: Option<Vec<u32>>,
}

impl Editing {
    /// Edits a saved plan.
    pub fn select(&mut self, id: u64) {
        self.active = Some(id);
        self.draft = None;
        self.proposal = None;
    }

    /// Edits a plan not saved (yet).
    pub fn draft(&mut self, draft: Draft) {
        self.active = None;
        self.draft = Some(draft);
        self.proposal = None;
    }
}

/// A change to the plan being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Add an optional unit, or take it out.
    Toggle(u32),
    /// Record a unit's progress.
    Progress(u32, Progress),
    /// Record (or clear) values entered for a unit whose values are not stated.
    Entered(u32, EnteredValues),
    /// Mark a unit as not offered at the learner's centre, or offered again.
    ToggleOffered(u32),
    /// Record where a unit brought in by credit transfer was achieved.
    Transfer(u32, Transfer),
    /// Set the plan's note (plain text; empty clears it).
    Note(String),
    /// Add an adviser's review of the plan as it stands.
    Review {
        /// The adviser's name.
        by: String,
        /// Their verdict.
        verdict: Verdict,
        /// Their note.
        note: String,
    },
}

impl Edit {
    /// Whether the edit applies to `qual`'s plans: a unit it names is a unit of `qual`,
    /// and a unit toggled is not mandatory.
    pub fn fits(&self, qual: &Qualification) -> bool {
        match self {
            Edit::Toggle(k) => qual.unit_by_key(*k).is_some_and(|u| !qual.is_mandatory(u)),
            Edit::Progress(k, _)
            | Edit::Entered(k, _)
            | Edit::ToggleOffered(k)
            | Edit::Transfer(k, _) => qual.unit_by_key(*k).is_some(),
            Edit::Note(_) | Edit::Review { .. } => true,
        }
    }

    /// Makes the change to a plan (a review is dated `today`).
    pub fn apply(self, doc: &mut PlanDoc, today: Date) {
        match self {
            Edit::Toggle(key) => {
                if !doc.units.remove(&key) {
                    doc.units.insert(key);
                }
            }
            Edit::Progress(key, p) => doc.set_progress(key, p),
            Edit::Entered(key, values) if values == EnteredValues::default() => {
                doc.entered.remove(&key);
            }
            Edit::Entered(key, values) => {
                doc.entered.insert(key, values);
            }
            Edit::ToggleOffered(key) => {
                if !doc.not_offered.remove(&key) {
                    doc.not_offered.insert(key);
                }
            }
            Edit::Transfer(key, transfer) => {
                if doc.progress_of(key) == Progress::Transferred {
                    let from = plain_text(&transfer.from, MAX_FROM);
                    doc.transfers.insert(
                        key,
                        Transfer {
                            from,
                            date: transfer.date,
                        },
                    );
                }
            }
            Edit::Note(note) => {
                let note = plain_text(&note, MAX_NOTE);
                doc.note = (!note.is_empty()).then_some(note);
            }
            Edit::Review { by, verdict, note } => {
                doc.review = Some(Review::of(doc, &by, verdict, &note, today));
            }
        }
    }
}
