//! The planner's state: saved plans, the plan being worked on, and what the page is
//! telling the user. It changes only through [`Action`]s (one `use_reducer`), so quick
//! successive clicks are never lost.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use super::services::clock;
use crate::catalogue::builtin;
use crate::document::carry::{self, Carried};
use crate::document::link::{self, LinkError};
pub use crate::document::store::SavedPlan;
use crate::document::store::{self, Saved};
use crate::document::{
    plain_text, EnteredValues, PlanDoc, Progress, Review, Transfer, Verdict, MAX_FROM, MAX_NAME,
    MAX_NOTE,
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
    /// The plan a share link carries, checked against the built-in catalogue.
    pub fn from_link(id: &str, payload: &str) -> Result<Draft, LinkError> {
        let opened = link::open(builtin::catalogue(), id, payload)?;
        let qual = &builtin::catalogue()[opened.qualification];
        let (_, problems) = opened.doc.to_plan(qual);
        let review_date = opened.doc.review.as_ref();
        let review_date = review_date.and_then(|r| r.date_problem(clock::today()));
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

/// Everything the app shows that can change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlannerState {
    /// Saved plans, oldest first.
    pub plans: Vec<SavedPlan>,
    /// Plans deleted (id → when), so no other tab's older copy brings them back.
    pub removed: BTreeMap<u64, u64>,
    /// The saved plan being worked on.
    pub active: Option<u64>,
    /// An unsaved plan being worked on (when `active` is `None`).
    pub draft: Option<Draft>,
    /// The last deleted plan and where it was, for undo.
    pub deleted: Option<(usize, SavedPlan)>,
    /// Unit keys proposed by "Complete my plan", awaiting accept or dismiss.
    pub proposal: Option<Vec<u32>>,
    /// A message about storage or links.
    pub notice: Option<String>,
    /// Why the share link in the address cannot be opened.
    pub link_error: Option<LinkError>,
    /// Whether saved plans have been read from storage.
    pub loaded: bool,
}

/// A change to the plan being worked on.
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

/// What a user (or the app on start-up) can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Saved plans were read from storage.
    Loaded(Saved, Option<String>),
    /// Storage holds plans saved by another tab (or merged with them): take them in.
    Synced(Saved),
    /// Import the plans of an export file (its text).
    Import(String),
    /// Start a plan in another qualification with units carried over as credit transfer
    /// (from, to, the units).
    Carry(String, String, Vec<Carried>),
    /// Show (or clear) a message.
    Notice(Option<String>),
    /// Work on a qualification: its most recent saved plan, else a fresh one.
    Open(String),
    /// Work on the plan a share link carries (qualification id, payload).
    OpenLink(String, String),
    /// Change the plan being worked on.
    Edit(Edit),
    /// Save the unsaved plan to my plans.
    SaveDraft,
    /// Start a new saved plan for a qualification.
    New(String),
    /// Work on a saved plan.
    Select(u64),
    /// Rename a saved plan.
    Rename(u64, String),
    /// Copy a saved plan.
    Duplicate(u64),
    /// Delete a saved plan (undo brings it back).
    Delete(u64),
    /// Bring back the last deleted plan.
    Undo,
    /// Show units proposed to complete the plan.
    Propose(Vec<u32>),
    /// Add the proposed units.
    Accept,
    /// Forget the proposal.
    Dismiss,
}

impl PlannerState {
    /// The plan being worked on.
    pub fn current(&self) -> Option<&PlanDoc> {
        match self.active {
            Some(id) => self.plans.iter().find(|p| p.id == id).map(|p| &p.doc),
            None => self.draft.as_ref().map(|d| &d.doc),
        }
    }

    /// Everything saved, as the store keeps it.
    pub fn saved(&self) -> Saved {
        Saved {
            plans: self.plans.clone(),
            deleted: self.removed.clone(),
        }
    }

    fn take_saved(&mut self, saved: Saved) {
        let qual = self.current_qualification();
        self.plans = saved.plans;
        self.removed = saved.deleted;
        if let Some(id) = self.active {
            if !self.plans.iter().any(|p| p.id == id) {
                // Deleted in another tab: go on with a fresh plan for the same qualification.
                self.active = None;
                if let Some(qual) = qual {
                    self.open_qualification(&qual);
                }
            }
        }
    }

    fn current_qualification(&self) -> Option<String> {
        self.plans
            .iter()
            .find(|p| Some(p.id) == self.active)
            .map(|p| p.doc.qualification.clone())
            .or_else(|| self.draft.as_ref().map(|d| d.doc.qualification.clone()))
    }

    /// Works on a qualification's most recent saved plan, else a fresh unsaved one.
    fn open_qualification(&mut self, qual: &str) {
        let Some(q) = builtin::by_id(qual) else {
            return;
        };
        self.proposal = None;
        match self
            .plans
            .iter()
            .rev()
            .find(|p| p.doc.qualification == qual)
        {
            Some(p) => {
                self.active = Some(p.id);
                self.draft = None;
            }
            None => {
                self.active = None;
                self.draft = Some(Draft {
                    doc: PlanDoc::new(q),
                    from_link: false,
                    problems: Vec::new(),
                    catalogue_changed: false,
                });
            }
        }
    }

    fn fresh_id(&self) -> u64 {
        loop {
            let id = clock::fresh_id();
            if !self.plans.iter().any(|p| p.id == id) && !self.removed.contains_key(&id) {
                return id;
            }
        }
    }

    fn add_plan(&mut self, mut doc: PlanDoc) -> u64 {
        let id = self.fresh_id();
        if doc.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            let count = self
                .plans
                .iter()
                .filter(|p| p.doc.qualification == doc.qualification)
                .count();
            doc.name = Some(format!("Plan {}", count + 1));
        }
        let now = clock::now();
        self.plans.push(SavedPlan {
            id,
            doc,
            created: now,
            updated: now,
        });
        self.active = Some(id);
        self.draft = None;
        id
    }

    /// Changes the plan being worked on: a fresh plan is saved by its first change; a plan
    /// from a link changes without being saved; a saved one is stamped as changed now.
    fn change(&mut self, f: impl FnOnce(&mut PlanDoc)) {
        if self.active.is_none() {
            if let Some(draft) = self.draft.take_if(|d| !d.from_link) {
                self.add_plan(draft.doc);
            }
        }
        let now = clock::now();
        match self.active {
            Some(id) => {
                if let Some(plan) = self.plans.iter_mut().find(|p| p.id == id) {
                    f(&mut plan.doc);
                    plan.updated = plan.updated.max(now);
                }
            }
            None => {
                if let Some(draft) = self.draft.as_mut() {
                    f(&mut draft.doc);
                }
            }
        }
    }

    fn apply(&mut self, edit: Edit) {
        let Some(qual) = self
            .current()
            .and_then(|d| builtin::by_id(&d.qualification))
        else {
            return;
        };
        let unit = match &edit {
            Edit::Toggle(k)
            | Edit::Progress(k, _)
            | Edit::Entered(k, _)
            | Edit::ToggleOffered(k)
            | Edit::Transfer(k, _) => match qual.unit_by_key(*k) {
                Some(u) => Some(u),
                None => return,
            },
            Edit::Note(_) | Edit::Review { .. } => None,
        };
        if matches!(edit, Edit::Toggle(_)) && unit.is_some_and(|u| qual.is_mandatory(u)) {
            return;
        }
        self.change(|doc| match edit {
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
                doc.review = Some(Review::of(doc, &by, verdict, &note, clock::today()));
            }
        });
    }
}

impl Reducible for PlannerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Loaded(saved, notice) => {
                next.take_saved(saved);
                next.notice = notice;
                next.loaded = true;
            }
            Action::Synced(saved) => {
                let merged = store::merge(&next.saved(), &saved);
                if merged == next.saved() {
                    return self;
                }
                next.take_saved(merged);
            }
            Action::Import(text) => {
                match store::import(&next.saved(), &text, builtin::catalogue()) {
                    Ok((saved, report)) => {
                        next.take_saved(saved);
                        next.notice = Some(crate::wording::imported(&report));
                    }
                    Err(e) => next.notice = Some(format!("Import: {e}.")),
                }
            }
            Action::Carry(from, to, units) => {
                let (Some(from), Some(to)) = (builtin::by_id(&from), builtin::by_id(&to)) else {
                    return self;
                };
                let mut doc = carry::carried_plan(from, to, &units);
                doc.name = Some(crate::text::shortened(
                    &format!("Carried from {}", from.title_text()),
                    MAX_NAME,
                ));
                next.proposal = None;
                next.add_plan(doc);
            }
            Action::Notice(notice) => {
                if next.notice == notice {
                    return self;
                }
                next.notice = notice;
            }
            Action::Open(qual) => {
                if builtin::by_id(&qual).is_none() {
                    return self;
                }
                if next.link_error.is_none()
                    && next.current().is_some_and(|d| d.qualification == qual)
                {
                    return self;
                }
                next.link_error = None;
                next.open_qualification(&qual);
            }
            Action::OpenLink(id, payload) => match Draft::from_link(&id, &payload) {
                Ok(draft) => {
                    next.active = None;
                    next.proposal = None;
                    next.link_error = None;
                    next.draft = Some(draft);
                }
                Err(e) => next.link_error = Some(e),
            },
            Action::Edit(edit) => {
                next.proposal = None;
                next.apply(edit);
            }
            Action::SaveDraft => {
                let Some(draft) = next.draft.take() else {
                    return self;
                };
                let mut doc = draft.doc;
                if doc.name.is_none() {
                    doc.name = Some("Shared plan".into());
                }
                next.add_plan(doc);
            }
            Action::New(qual) => {
                if builtin::by_id(&qual).is_none() {
                    return self;
                }
                next.proposal = None;
                next.add_plan(PlanDoc {
                    qualification: qual,
                    ..PlanDoc::default()
                });
            }
            Action::Select(id) => {
                if !next.plans.iter().any(|p| p.id == id) {
                    return self;
                }
                next.active = Some(id);
                next.draft = None;
                next.proposal = None;
            }
            Action::Rename(id, name) => {
                let name: String = name
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(MAX_NAME)
                    .collect();
                let Some(plan) = next.plans.iter_mut().find(|p| p.id == id) else {
                    return self;
                };
                if !name.trim().is_empty() {
                    plan.doc.name = Some(name.trim().to_string());
                    plan.updated = clock::now();
                }
            }
            Action::Duplicate(id) => {
                let Some(plan) = next.plans.iter().find(|p| p.id == id) else {
                    return self;
                };
                let mut doc = plan.doc.clone();
                doc.name = Some(
                    format!("Copy of {}", doc.display_name())
                        .chars()
                        .take(MAX_NAME)
                        .collect(),
                );
                next.add_plan(doc);
            }
            Action::Delete(id) => {
                let Some(at) = next.plans.iter().position(|p| p.id == id) else {
                    return self;
                };
                let plan = next.plans.remove(at);
                if next.active == Some(id) {
                    next.active = None;
                }
                next.removed.insert(id, clock::now().max(plan.updated));
                next.deleted = Some((at, plan));
            }
            Action::Undo => {
                let Some((at, mut plan)) = next.deleted.take() else {
                    return self;
                };
                next.removed.remove(&plan.id);
                plan.updated = clock::now().max(plan.updated + 1);
                let at = at.min(next.plans.len());
                next.plans.insert(at, plan);
            }
            Action::Propose(keys) => next.proposal = Some(keys),
            Action::Accept => {
                let Some(keys) = next.proposal.take() else {
                    return self;
                };
                for key in keys {
                    if !next.current().is_some_and(|d| d.units.contains(&key)) {
                        next.apply(Edit::Toggle(key));
                    }
                }
            }
            Action::Dismiss => next.proposal = None,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VTCT: &str = "vtct-l1-cert-principles-cs";

    fn key(code: &str) -> u32 {
        let q = builtin::by_id(VTCT).unwrap();
        q.units[q.find_unit(code).unwrap()].key
    }

    fn opened() -> Rc<PlannerState> {
        Rc::new(PlannerState::default())
            .reduce(Action::Loaded(Saved::default(), None))
            .reduce(Action::Open(VTCT.into()))
    }

    #[test]
    fn two_quick_toggles_both_land_and_the_first_edit_saves_the_plan() {
        let state = opened();
        assert!(state.plans.is_empty(), "just looking saves nothing");
        let state = state
            .reduce(Action::Edit(Edit::Toggle(key("CSP14"))))
            .reduce(Action::Edit(Edit::Toggle(key("CSP15"))));
        assert_eq!(state.plans.len(), 1);
        assert_eq!(
            state.current().unwrap().units,
            [key("CSP14"), key("CSP15")].into()
        );
        let state = state.reduce(Action::Edit(Edit::Toggle(key("CSP14"))));
        assert_eq!(state.current().unwrap().units, [key("CSP15")].into());
    }

    #[test]
    fn mandatory_units_cannot_be_toggled_and_unknown_keys_change_nothing() {
        let state = opened().reduce(Action::Edit(Edit::Toggle(key("CSP02"))));
        assert!(state.current().unwrap().units.is_empty());
        let state = state.reduce(Action::Edit(Edit::Toggle(9_999)));
        assert!(state.current().unwrap().units.is_empty());
    }

    #[test]
    fn a_shared_plan_is_saved_only_on_request_and_never_replaces_a_saved_one() {
        let state = opened().reduce(Action::Edit(Edit::Toggle(key("CSP14"))));
        let saved = state.plans.clone();
        let mut doc = PlanDoc {
            qualification: VTCT.into(),
            ..PlanDoc::default()
        };
        doc.units.insert(key("CSP20"));
        let qual = builtin::by_id(VTCT).unwrap();
        let payload = link::encode(qual, &doc, false);
        let state = state
            .reduce(Action::OpenLink(VTCT.into(), payload))
            .reduce(Action::Edit(Edit::Toggle(key("CSP21"))));
        assert_eq!(state.plans, saved);
        let state = state.reduce(Action::SaveDraft);
        assert_eq!(state.plans.len(), 2);
        assert_eq!(state.plans[0], saved[0]);
        assert_eq!(
            state.current().unwrap().units,
            [key("CSP20"), key("CSP21")].into()
        );
    }

    #[test]
    fn a_damaged_link_changes_no_plan_and_says_why() {
        let state = opened().reduce(Action::Edit(Edit::Toggle(key("CSP14"))));
        let before = state.plans.clone();
        let state = state.reduce(Action::OpenLink(VTCT.into(), ".AAAA".into()));
        assert_eq!(state.link_error, Some(LinkError::Damaged));
        assert_eq!(state.plans, before);
        let state = state.reduce(Action::Open(VTCT.into()));
        assert_eq!(state.link_error, None);
        assert_eq!(state.current(), Some(&before[0].doc));
    }

    #[test]
    fn a_shared_review_dated_outside_its_range_opens_with_the_cli_s_warning() {
        let q = builtin::by_id(VTCT).unwrap();
        let mut doc = PlanDoc::new(q);
        let date = "1/1/2999".parse().unwrap();
        doc.review = Some(Review::of(&doc, "Sam", Verdict::Approved, "", date));
        let payload = link::encode(q, &doc, true);
        let draft = Draft::from_link(VTCT, &payload).unwrap();
        let warning = crate::document::review::review_date(date, clock::today())
            .unwrap_err()
            .to_string();
        assert_eq!(draft.problems, [warning]);
        assert!(draft.problems[0].ends_with("; this one is 01/01/2999."));
    }

    #[test]
    fn another_tab_s_plans_are_merged_in_and_its_deletions_stick() {
        let mine = opened().reduce(Action::Edit(Edit::Toggle(key("CSP14"))));
        let other = opened()
            .reduce(Action::Edit(Edit::Toggle(key("CSP15"))))
            .reduce(Action::Edit(Edit::Toggle(key("CSP21"))));
        let both = mine.clone().reduce(Action::Synced(other.saved()));
        assert_eq!(both.plans.len(), 2, "neither tab's plan is lost");
        assert_eq!(both.active, mine.active, "the plan being worked on stays");
        let other_id = other.active.unwrap();
        let after_delete = other.reduce(Action::Delete(other_id));
        let synced = both.reduce(Action::Synced(after_delete.saved()));
        assert_eq!(
            synced.plans.len(),
            1,
            "a plan deleted elsewhere is gone here too"
        );
        let again = synced.clone().reduce(Action::Synced(mine.saved()));
        assert_eq!(again.plans.len(), 1, "an older copy does not bring it back");
    }

    #[test]
    fn a_plan_deleted_elsewhere_while_open_here_leaves_a_fresh_plan_to_work_on() {
        let here = opened().reduce(Action::Edit(Edit::Toggle(key("CSP14"))));
        let id = here.active.unwrap();
        let elsewhere = here.clone().reduce(Action::Delete(id));
        let here = here.reduce(Action::Synced(elsewhere.saved()));
        assert!(here.plans.is_empty());
        assert_eq!(here.current().map(|d| d.qualification.as_str()), Some(VTCT));
        assert!(here.current().unwrap().units.is_empty());
    }

    #[test]
    fn an_import_reports_what_it_did_and_a_bad_file_changes_nothing() {
        let state = opened().reduce(Action::Edit(Edit::Toggle(key("CSP14"))));
        let file = store::export(&state.saved()).unwrap();
        let same = state.clone().reduce(Action::Import(file));
        assert_eq!(same.plans, state.plans);
        assert_eq!(
            same.notice.as_deref(),
            Some("Imported: 0 plans added, 1 plan already here.")
        );
        let bad = state
            .clone()
            .reduce(Action::Import("{\"plans\": 3}".into()));
        assert_eq!(bad.plans, state.plans);
        assert!(bad
            .notice
            .clone()
            .unwrap()
            .contains("not a unit-planner export"));
    }

    #[test]
    fn a_review_is_kept_with_the_plan_and_later_changes_show_against_it() {
        let state = opened()
            .reduce(Action::Edit(Edit::Toggle(key("CSP14"))))
            .reduce(Action::Edit(Edit::Review {
                by: "Sam\u{7} Okafor".into(),
                verdict: Verdict::Approved,
                note: "Fine".into(),
            }));
        let doc = state.current().unwrap();
        let review = doc.review.clone().unwrap();
        assert_eq!(review.by, "Sam Okafor");
        assert!(review.changes_since(doc).is_empty());
        let state = state.reduce(Action::Edit(Edit::Toggle(key("CSP15"))));
        let doc = state.current().unwrap();
        assert_eq!(review.changes_since(doc).added, [key("CSP15")]);
    }

    #[test]
    fn carrying_units_starts_a_saved_plan_there_with_them_as_credit_transfer() {
        let ncfe = builtin::by_id("ncfe-l1-nvq-cert-cs").unwrap();
        let u = ncfe.find_unit("R/601/1212").unwrap();
        let index = builtin::catalogue()
            .iter()
            .position(|q| q.id == ncfe.id)
            .unwrap();
        let dest = carry::destinations(builtin::catalogue(), index, &[u]);
        let to = builtin::catalogue()[dest[0].qualification].id.clone();
        let state = opened().reduce(Action::Carry(
            ncfe.id.clone(),
            to.clone(),
            dest[0].units.clone(),
        ));
        let doc = state.current().unwrap();
        assert_eq!(doc.qualification, to);
        assert_eq!(
            doc.progress.values().collect::<Vec<_>>(),
            [&Progress::Transferred]
        );
        assert_eq!(
            doc.transfers.values().next().unwrap().from,
            ncfe.title_text()
        );
    }

    #[test]
    fn delete_then_undo_restores_the_plan_in_place() {
        let state = opened()
            .reduce(Action::Edit(Edit::Toggle(key("CSP14"))))
            .reduce(Action::New(VTCT.into()));
        let before = state.plans.clone();
        let state = state.reduce(Action::Delete(before[0].id));
        assert_eq!(state.plans.len(), 1);
        let state = state.reduce(Action::Undo);
        let plans = |s: &PlannerState| -> Vec<(u64, PlanDoc)> {
            s.plans.iter().map(|p| (p.id, p.doc.clone())).collect()
        };
        assert_eq!(
            plans(&state),
            before
                .iter()
                .map(|p| (p.id, p.doc.clone()))
                .collect::<Vec<_>>()
        );
        assert!(state.removed.is_empty(), "an undone deletion is forgotten");
    }

    #[test]
    fn names_are_trimmed_plain_text_of_bounded_length() {
        let state = opened().reduce(Action::Edit(Edit::Toggle(key("CSP14"))));
        let id = state.plans[0].id;
        let state = state.reduce(Action::Rename(
            id,
            format!("<b>x</b>\u{7}{}", "y".repeat(200)),
        ));
        let name = state.plans[0].doc.name.clone().unwrap();
        assert!(name.starts_with("<b>x</b>y") && name.chars().count() == MAX_NAME);
        let state = state.reduce(Action::Rename(id, "   ".into()));
        assert_eq!(state.plans[0].doc.name.as_deref(), Some(name.as_str()));
    }

    #[test]
    fn accepting_a_proposal_adds_its_units() {
        let state = opened()
            .reduce(Action::Propose(vec![key("CSP04"), key("CSP07")]))
            .reduce(Action::Accept);
        assert_eq!(
            state.current().unwrap().units,
            [key("CSP04"), key("CSP07")].into()
        );
        assert_eq!(state.proposal, None);
    }
}
