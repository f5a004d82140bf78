//! The plan being edited: a saved plan, or a draft (a fresh plan, or one from a share
//! link), the changes a learner makes to it, and the units "Complete my plan" proposes.

use crate::catalogue::limits::MAX_UNIT_CREDITS;
use crate::catalogue::{Catalogue, Date, Qualification};
use crate::document::link::{self, LinkError};
use crate::document::{
    plain_text, ElsewhereEntry, EnteredValues, PlanDoc, Progress, Review, Transfer, Verdict,
    MAX_ELSEWHERE, MAX_FROM, MAX_NOTE,
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
    /// The pathway that proposal takes, when the plan had none chosen (its id).
    pub proposal_pathway: Option<String>,
}

impl Editing {
    /// Edits a saved plan.
    pub fn select(&mut self, id: u64) {
        self.active = Some(id);
        self.draft = None;
        self.proposal = None;
        self.proposal_pathway = None;
    }

    /// Edits a plan not saved (yet).
    pub fn draft(&mut self, draft: Draft) {
        self.active = None;
        self.draft = Some(draft);
        self.proposal = None;
        self.proposal_pathway = None;
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
    /// Choose the plan's pathway, by id (or none).
    Pathway(Option<String>),
    /// Add an empty credit from elsewhere to a group that takes it (the group's id).
    AddElsewhere(String),
    /// Change a credit from elsewhere (by position).
    SetElsewhere(usize, ElsewhereEntry),
    /// Remove a credit from elsewhere (by position).
    RemoveElsewhere(usize),
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
            Edit::Note(_) | Edit::Review { .. } | Edit::Pathway(None) => true,
            Edit::Pathway(Some(id)) => qual.find_pathway(id).is_some(),
            Edit::AddElsewhere(group) | Edit::SetElsewhere(_, ElsewhereEntry { group, .. }) => qual
                .groups
                .iter()
                .any(|g| &g.id == group && g.elsewhere.is_some()),
            Edit::RemoveElsewhere(_) => true,
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
            Edit::Pathway(id) => doc.pathway = id,
            Edit::AddElsewhere(group) if doc.elsewhere.len() < MAX_ELSEWHERE => {
                doc.elsewhere.push(ElsewhereEntry {
                    group,
                    ..ElsewhereEntry::default()
                });
            }
            Edit::AddElsewhere(_) => {}
            Edit::SetElsewhere(i, entry) => {
                if let Some(at) = doc.elsewhere.get_mut(i) {
                    *at = ElsewhereEntry {
                        title: plain_text(&entry.title, MAX_FROM),
                        credits: entry.credits.filter(|&c| c <= MAX_UNIT_CREDITS),
                        ..entry
                    };
                }
            }
            Edit::RemoveElsewhere(i) => {
                if i < doc.elsewhere.len() {
                    doc.elsewhere.remove(i);
                }
            }
        }
    }
}

#[cfg(test)]
mod pathway_tests {
    use super::*;
    use crate::catalogue::builtin;

    fn today() -> Date {
        Date {
            year: 2026,
            month: 12,
            day: 3,
        }
    }

    #[test]
    fn a_pathway_and_credit_from_elsewhere_are_set_added_changed_and_removed() {
        let mut doc = PlanDoc::default();
        Edit::Pathway(Some("R".into())).apply(&mut doc, today());
        assert_eq!(doc.pathway.as_deref(), Some("R"));
        Edit::AddElsewhere("O".into()).apply(&mut doc, today());
        assert_eq!(doc.elsewhere.len(), 1);
        let entry = ElsewhereEntry {
            group: "O".into(),
            title: "Food\nhygiene".into(),
            credits: Some(8),
            level: None,
        };
        Edit::SetElsewhere(0, entry).apply(&mut doc, today());
        assert_eq!(doc.elsewhere[0].title, "Food hygiene", "kept as plain text");
        let huge = ElsewhereEntry {
            credits: Some(MAX_UNIT_CREDITS + 1),
            ..doc.elsewhere[0].clone()
        };
        Edit::SetElsewhere(0, huge).apply(&mut doc, today());
        assert_eq!(doc.elsewhere[0].credits, None, "more than any unit carries");
        Edit::SetElsewhere(5, ElsewhereEntry::default()).apply(&mut doc, today());
        Edit::RemoveElsewhere(5).apply(&mut doc, today());
        assert_eq!(
            doc.elsewhere.len(),
            1,
            "positions past the end change nothing"
        );
        Edit::RemoveElsewhere(0).apply(&mut doc, today());
        assert!(doc.elsewhere.is_empty());
        for _ in 0..MAX_ELSEWHERE + 3 {
            Edit::AddElsewhere("O".into()).apply(&mut doc, today());
        }
        assert_eq!(doc.elsewhere.len(), MAX_ELSEWHERE);
        Edit::Pathway(None).apply(&mut doc, today());
        assert_eq!(doc.pathway, None);
    }

    #[test]
    fn edits_for_pathways_or_groups_a_qualification_lacks_do_not_fit() {
        let qual = builtin::by_id("vtct-l1-cert-principles-cs").expect("built in");
        assert!(!Edit::Pathway(Some("R".into())).fits(qual));
        assert!(Edit::Pathway(None).fits(qual));
        assert!(!Edit::AddElsewhere(qual.groups[0].id.clone()).fits(qual));
    }
}
