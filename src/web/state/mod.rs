//! The planner's state, by concern: the saved plans ([`plans`]), the plan being edited
//! ([`editing`]) and what the page is telling the user ([`notices`]). It changes only
//! through [`Action`]s (one `use_reducer`), so quick successive clicks are never lost. The
//! reducer is pure: the time and a fresh plan id come in with each action ([`Stamped`]).
//! What only the other pages' screens do comes with its own applying function
//! ([`screens`]), so the planning app, which never sends it, does not link that code.

mod catalogue;
#[cfg(test)]
mod centre_tests;
mod editing;
mod notices;
mod plans;
mod screens;

use std::rc::Rc;

use yew::Reducible;

pub use catalogue::{hold_builtins, Shared};
pub use editing::{Draft, Edit, Editing};
pub use notices::{Notice, Notices, Tone};
pub use plans::Plans;
pub use screens::Screened;

use super::services::clock;
use crate::catalogue::checked;
use crate::document::carry::{self, Carried};
use crate::document::centre::ReadFile;
pub use crate::document::store::SavedPlan;
use crate::document::store::{self, Saved};
use crate::document::{PlanDoc, MAX_NAME};

/// Everything the app shows that can change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlannerState {
    /// The qualifications that can be planned: built-ins and the centre's.
    pub catalogue: Shared,
    /// The saved plans.
    pub plans: Plans,
    /// The plan being edited.
    pub editing: Editing,
    /// Messages for the user.
    pub notices: Notices,
    /// Whether saved plans have been read from storage.
    pub loaded: bool,
    /// Why the built-ins the page did not carry could not be loaded, if so.
    pub builtins_error: Option<String>,
}

/// What a user (or the app on start-up) can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Saved plans were read from storage.
    Loaded(Saved, Option<String>),
    /// Storage holds plans saved by another tab (or merged with them): take them in.
    Synced(Saved),
    /// The centre's files kept in storage were read, by the tools worker (and a message, if
    /// any could not be).
    CentreLoaded(Vec<ReadFile>, Option<String>),
    /// The built-ins the page did not carry arrived (every built-in as the checked model's
    /// text), or could not be loaded (why).
    Builtins(Result<String, String>),
    /// What only the other pages' screens do, carrying its applying function
    /// ([`Action::add_centre`], [`Action::remove_centre`], [`Action::import`]).
    Screen(Screened),
    /// Start a plan in another qualification with units carried over as credit transfer
    /// (from, to, the units).
    Carry(String, String, Vec<Carried>),
    /// Show (or clear) a message.
    Notice(Option<Notice>),
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
    /// Show units proposed to complete the plan on the pathway they take (its id), when
    /// the plan has none chosen.
    ProposeOn(String, Vec<u32>),
    /// Add the proposed units.
    Accept,
    /// Forget the proposal.
    Dismiss,
}

/// An action with the moment it happened (milliseconds since 1970) and an id for a plan it
/// may save (random, so no other tab or device picks it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamped {
    /// What happened.
    pub action: Action,
    /// When.
    pub now: u64,
    /// An id for a new plan.
    pub fresh_id: u64,
}

impl PlannerState {
    /// The plan being worked on.
    pub fn current(&self) -> Option<&PlanDoc> {
        match self.editing.active {
            Some(id) => self.plans.get(id).map(|p| &p.doc),
            None => self.editing.draft.as_ref().map(|d| &d.doc),
        }
    }

    /// The draft being worked on when it came from a share link (it is not saved).
    pub fn shared(&self) -> Option<&Draft> {
        self.editing
            .draft
            .as_ref()
            .filter(|d| d.from_link && self.editing.active.is_none())
    }

    /// Takes in plans as stored; when the plan being worked on was deleted in another
    /// tab, goes on with a fresh plan for the same qualification.
    fn take_saved(&mut self, saved: Saved) {
        let qual = self.current().map(|d| d.qualification.clone());
        self.plans.take(saved);
        if let Some(id) = self.editing.active {
            if self.plans.get(id).is_none() {
                self.editing.active = None;
                if let Some(qual) = qual {
                    self.open_qualification(&qual);
                }
            }
        }
    }

    /// Merges stored plans into ours; false when they bring nothing new. A plan of ours
    /// that storage lacks (and did not delete) is marked to be written again.
    fn merge_in(&mut self, theirs: &Saved) -> bool {
        let ours = self.plans.saved();
        let merged = store::merge(&ours, theirs);
        let lost: Vec<u64> = ours
            .plans
            .iter()
            .map(|p| p.id)
            .filter(|id| {
                !theirs.deleted.contains_key(id) && !theirs.plans.iter().any(|p| p.id == *id)
            })
            .collect();
        if merged == ours && lost.is_empty() {
            return false;
        }
        self.take_saved(merged);
        lost.into_iter().for_each(|id| self.plans.touch(id));
        true
    }

    /// Works on a qualification's most recent saved plan, else a fresh unsaved one.
    fn open_qualification(&mut self, qual: &str) {
        let Some(q) = self.catalogue.by_id(qual) else {
            return;
        };
        match self.plans.of(qual).last().map(|p| p.id) {
            Some(id) => self.editing.select(id),
            None => self.editing.draft(Draft::fresh(q)),
        }
    }

    /// Saves a new plan and works on it.
    fn add_plan(&mut self, doc: PlanDoc, now: u64, fresh_id: u64) {
        let id = self.plans.add(doc, now, fresh_id);
        self.editing.select(id);
    }

    /// Changes the plan being worked on: a fresh plan is saved by its first change; a plan
    /// from a link changes without being saved; a saved one is stamped as changed now.
    fn edit(&mut self, edit: Edit, now: u64, fresh_id: u64) -> bool {
        let fits = self
            .current()
            .and_then(|d| self.catalogue.by_id(&d.qualification))
            .is_some_and(|qual| edit.fits(qual));
        if !fits {
            return false;
        }
        if self.editing.active.is_none() {
            if let Some(draft) = self.editing.draft.take_if(|d| !d.from_link) {
                self.plans.add(draft.doc, now, fresh_id);
                self.editing.active = self.plans.list.last().map(|p| p.id);
            }
        }
        let today = clock::date_of(now);
        match self.editing.active {
            Some(id) => self.plans.change(id, now, |doc| edit.apply(doc, today)),
            None => {
                if let Some(draft) = self.editing.draft.as_mut() {
                    edit.apply(&mut draft.doc, today);
                }
            }
        }
        true
    }

    /// Applies an action; false when it changes nothing.
    fn act(&mut self, stamped: Stamped) -> bool {
        let Stamped {
            action,
            now,
            fresh_id,
        } = stamped;
        match action {
            Action::Loaded(saved, notice) => {
                self.take_saved(saved);
                self.notices.notice = notice.map(Notice::warning);
                self.loaded = true;
            }
            Action::Synced(saved) => return self.merge_in(&saved),
            Action::CentreLoaded(files, notice) => {
                let problems = self.catalogue.load(files);
                if let Some(message) = notice.or_else(|| problems.into_iter().next()) {
                    self.notices.notice = Some(Notice::warning(message));
                }
            }
            Action::Builtins(Ok(text)) => match checked::read(&text) {
                Ok(quals) => {
                    self.catalogue.take_builtins(quals);
                    self.builtins_error = None;
                }
                Err(message) => self.builtins_error = Some(message),
            },
            Action::Builtins(Err(message)) => self.builtins_error = Some(message),
            Action::Screen(screened) => return screened.apply(self),
            Action::Carry(from, to, units) => {
                let (Some(from), Some(to)) =
                    (self.catalogue.by_id(&from), self.catalogue.by_id(&to))
                else {
                    return false;
                };
                let mut doc = carry::carried_plan(from, to, &units);
                doc.name = Some(crate::text::shortened(
                    &format!("Carried from {}", from.title_text()),
                    MAX_NAME,
                ));
                self.add_plan(doc, now, fresh_id);
            }
            Action::Notice(notice) => return self.notices.set(notice),
            Action::Open(qual) => {
                if self.catalogue.by_id(&qual).is_none()
                    || (self.notices.link_error.is_none()
                        && self.current().is_some_and(|d| d.qualification == qual))
                {
                    return false;
                }
                self.notices.link_error = None;
                self.open_qualification(&qual);
            }
            Action::OpenLink(id, payload) => {
                match Draft::from_link(&self.catalogue, &id, &payload, clock::date_of(now)) {
                    Ok(draft) => {
                        self.notices.link_error = None;
                        self.editing.draft(draft);
                    }
                    Err(e) => self.notices.link_error = Some(e),
                }
            }
            Action::Edit(edit) => {
                self.editing.proposal = None;
                self.edit(edit, now, fresh_id);
            }
            Action::SaveDraft => {
                let Some(draft) = self.editing.draft.take() else {
                    return false;
                };
                let mut doc = draft.doc;
                if doc.name.is_none() {
                    doc.name = Some("Shared plan".into());
                }
                self.add_plan(doc, now, fresh_id);
            }
            Action::New(qual) => {
                if self.catalogue.by_id(&qual).is_none() {
                    return false;
                }
                self.add_plan(
                    PlanDoc {
                        qualification: qual,
                        ..PlanDoc::default()
                    },
                    now,
                    fresh_id,
                );
            }
            Action::Select(id) => {
                if self.plans.get(id).is_none() {
                    return false;
                }
                self.editing.select(id);
            }
            Action::Rename(id, name) => return self.plans.rename(id, &name, now),
            Action::Duplicate(id) => match self.plans.duplicate(id, now, fresh_id) {
                Some(copy) => self.editing.select(copy),
                None => return false,
            },
            Action::Delete(id) => {
                if !self.plans.delete(id, now) {
                    return false;
                }
                if self.editing.active == Some(id) {
                    self.editing.active = None;
                }
            }
            Action::Undo => return self.plans.undo(now),
            Action::Propose(keys) => {
                self.editing.proposal = Some(keys);
                self.editing.proposal_pathway = None;
            }
            Action::ProposeOn(pathway, keys) => {
                self.editing.proposal = Some(keys);
                self.editing.proposal_pathway = Some(pathway);
            }
            Action::Accept => {
                let Some(keys) = self.editing.proposal.take() else {
                    return false;
                };
                if let Some(pathway) = self.editing.proposal_pathway.take() {
                    self.edit(Edit::Pathway(Some(pathway)), now, fresh_id);
                }
                for key in keys {
                    if !self.current().is_some_and(|d| d.units.contains(&key)) {
                        self.edit(Edit::Toggle(key), now, fresh_id);
                    }
                }
            }
            Action::Dismiss => {
                self.editing.proposal = None;
                self.editing.proposal_pathway = None;
            }
        }
        true
    }
}

impl Reducible for PlannerState {
    type Action = Stamped;

    fn reduce(self: Rc<Self>, action: Stamped) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.act(action) {
            Rc::new(next)
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::catalogue::{builtin, Catalogue};
    use crate::document::link::{self, LinkError};
    use crate::document::{Progress, Verdict};

    thread_local! {
        static CLOCK: Cell<u64> = const { Cell::new(1_764_000_000_000) };
    }

    /// Reduces actions stamped by a test clock that moves on a second per action.
    trait With {
        fn with(self, action: Action) -> Self;
    }

    impl With for Rc<PlannerState> {
        fn with(self, action: Action) -> Self {
            let now = CLOCK.with(|c| {
                c.set(c.get() + 1000);
                c.get()
            });
            self.reduce(Stamped {
                action,
                now,
                fresh_id: now,
            })
        }
    }

    const VTCT: &str = "vtct-l1-cert-principles-cs";

    fn key(code: &str) -> u32 {
        let q = builtin::by_id(VTCT).unwrap();
        q.units[q.find_unit(code).unwrap()].key
    }

    fn opened() -> Rc<PlannerState> {
        Rc::new(PlannerState::default())
            .with(Action::Loaded(Saved::default(), None))
            .with(Action::Open(VTCT.into()))
    }

    #[test]
    fn two_quick_toggles_both_land_and_the_first_edit_saves_the_plan() {
        let state = opened();
        assert!(state.plans.list.is_empty(), "just looking saves nothing");
        let state = state
            .with(Action::Edit(Edit::Toggle(key("CSP14"))))
            .with(Action::Edit(Edit::Toggle(key("CSP15"))));
        assert_eq!(state.plans.list.len(), 1);
        assert_eq!(
            state.current().unwrap().units,
            [key("CSP14"), key("CSP15")].into()
        );
        let state = state.with(Action::Edit(Edit::Toggle(key("CSP14"))));
        assert_eq!(state.current().unwrap().units, [key("CSP15")].into());
    }

    #[test]
    fn mandatory_units_cannot_be_toggled_and_unknown_keys_change_nothing() {
        let state = opened().with(Action::Edit(Edit::Toggle(key("CSP02"))));
        assert!(state.current().unwrap().units.is_empty());
        let state = state.with(Action::Edit(Edit::Toggle(9_999)));
        assert!(state.current().unwrap().units.is_empty());
    }

    #[test]
    fn a_shared_plan_is_saved_only_on_request_and_never_replaces_a_saved_one() {
        let state = opened().with(Action::Edit(Edit::Toggle(key("CSP14"))));
        let saved = state.plans.list.clone();
        let mut doc = PlanDoc {
            qualification: VTCT.into(),
            ..PlanDoc::default()
        };
        doc.units.insert(key("CSP20"));
        let qual = builtin::by_id(VTCT).unwrap();
        let payload = link::encode(qual, &doc, false);
        let state = state
            .with(Action::OpenLink(VTCT.into(), payload))
            .with(Action::Edit(Edit::Toggle(key("CSP21"))));
        assert_eq!(state.plans.list, saved);
        let state = state.with(Action::SaveDraft);
        assert_eq!(state.plans.list.len(), 2);
        assert_eq!(state.plans.list[0], saved[0]);
        assert_eq!(
            state.current().unwrap().units,
            [key("CSP20"), key("CSP21")].into()
        );
    }

    #[test]
    fn a_damaged_link_changes_no_plan_and_says_why() {
        let state = opened().with(Action::Edit(Edit::Toggle(key("CSP14"))));
        let before = state.plans.list.clone();
        let state = state.with(Action::OpenLink(VTCT.into(), ".AAAA".into()));
        assert_eq!(state.notices.link_error, Some(LinkError::Damaged));
        assert_eq!(state.plans.list, before);
        let state = state.with(Action::Open(VTCT.into()));
        assert_eq!(state.notices.link_error, None);
        assert_eq!(state.current(), Some(&before[0].doc));
    }

    #[test]
    fn another_tab_s_plans_are_merged_in_and_its_deletions_stick() {
        let mine = opened().with(Action::Edit(Edit::Toggle(key("CSP14"))));
        let other = opened()
            .with(Action::Edit(Edit::Toggle(key("CSP15"))))
            .with(Action::Edit(Edit::Toggle(key("CSP21"))));
        let both = mine.clone().with(Action::Synced(other.plans.saved()));
        assert_eq!(both.plans.list.len(), 2, "neither tab's plan is lost");
        assert_eq!(
            both.editing.active, mine.editing.active,
            "the plan being worked on stays"
        );
        let other_id = other.editing.active.unwrap();
        let after_delete = other.with(Action::Delete(other_id));
        let synced = both.with(Action::Synced(after_delete.plans.saved()));
        assert_eq!(
            synced.plans.list.len(),
            1,
            "a plan deleted elsewhere is gone here too"
        );
        let again = synced.clone().with(Action::Synced(mine.plans.saved()));
        assert_eq!(
            again.plans.list.len(),
            1,
            "an older copy does not bring it back"
        );
    }

    #[test]
    fn a_plan_deleted_elsewhere_while_open_here_leaves_a_fresh_plan_to_work_on() {
        let here = opened().with(Action::Edit(Edit::Toggle(key("CSP14"))));
        let id = here.editing.active.unwrap();
        let elsewhere = here.clone().with(Action::Delete(id));
        let here = here.with(Action::Synced(elsewhere.plans.saved()));
        assert!(here.plans.list.is_empty());
        assert_eq!(here.current().map(|d| d.qualification.as_str()), Some(VTCT));
        assert!(here.current().unwrap().units.is_empty());
    }

    #[test]
    fn an_import_reports_what_it_did_and_a_bad_file_changes_nothing() {
        let state = opened().with(Action::Edit(Edit::Toggle(key("CSP14"))));
        let file = store::export(&state.plans.saved()).unwrap();
        let same = state.clone().with(Action::import(file, Vec::new()));
        assert_eq!(same.plans.list, state.plans.list);
        assert_eq!(
            same.notices.notice,
            Some(Notice::done(
                "Imported: 0 plans added, 1 plan already here."
            ))
        );
        let bad = state
            .clone()
            .with(Action::import("{\"plans\": 3}".into(), Vec::new()));
        assert_eq!(bad.plans.list, state.plans.list);
        let notice = bad.notices.notice.clone().unwrap();
        assert_eq!(notice.tone, Tone::Warning, "a refused file is a warning");
        assert!(notice.text.contains("not a unit-planner export"));
    }

    #[test]
    fn a_review_is_kept_with_the_plan_and_later_changes_show_against_it() {
        let state = opened()
            .with(Action::Edit(Edit::Toggle(key("CSP14"))))
            .with(Action::Edit(Edit::Review {
                by: "Sam\u{7} Okafor".into(),
                verdict: Verdict::Approved,
                note: "Fine".into(),
            }));
        let doc = state.current().unwrap();
        let review = doc.review.clone().unwrap();
        assert_eq!(review.by, "Sam Okafor");
        assert!(review.changes_since(doc).is_empty());
        let state = state.with(Action::Edit(Edit::Toggle(key("CSP15"))));
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
        let state = opened().with(Action::Carry(
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
            .with(Action::Edit(Edit::Toggle(key("CSP14"))))
            .with(Action::New(VTCT.into()));
        let before = state.plans.list.clone();
        let state = state.with(Action::Delete(before[0].id));
        assert_eq!(state.plans.list.len(), 1);
        let state = state.with(Action::Undo);
        let plans = |s: &PlannerState| -> Vec<(u64, PlanDoc)> {
            s.plans.list.iter().map(|p| (p.id, p.doc.clone())).collect()
        };
        assert_eq!(
            plans(&state),
            before
                .iter()
                .map(|p| (p.id, p.doc.clone()))
                .collect::<Vec<_>>()
        );
        assert!(
            state.plans.removed.is_empty(),
            "an undone deletion is forgotten"
        );
    }

    #[test]
    fn names_are_trimmed_plain_text_of_bounded_length() {
        let state = opened().with(Action::Edit(Edit::Toggle(key("CSP14"))));
        let id = state.plans.list[0].id;
        let state = state.with(Action::Rename(
            id,
            format!("<b>x</b>\u{7}{}", "y".repeat(200)),
        ));
        let name = state.plans.list[0].doc.name.clone().unwrap();
        assert!(name.starts_with("<b>x</b>y") && name.chars().count() == MAX_NAME);
        let state = state.with(Action::Rename(id, "   ".into()));
        assert_eq!(state.plans.list[0].doc.name.as_deref(), Some(name.as_str()));
    }

    #[test]
    fn accepting_a_proposal_adds_its_units() {
        let state = opened()
            .with(Action::Propose(vec![key("CSP04"), key("CSP07")]))
            .with(Action::Accept);
        assert_eq!(
            state.current().unwrap().units,
            [key("CSP04"), key("CSP07")].into()
        );
        assert_eq!(state.editing.proposal, None);
    }

    #[test]
    fn the_reducer_is_pure_the_same_stamped_actions_give_the_same_state() {
        let run = || {
            [
                Action::Loaded(Saved::default(), None),
                Action::Open(VTCT.into()),
                Action::Edit(Edit::Toggle(key("CSP14"))),
                Action::Duplicate(7),
                Action::Edit(Edit::Review {
                    by: "Sam".into(),
                    verdict: Verdict::Approved,
                    note: String::new(),
                }),
            ]
            .into_iter()
            .enumerate()
            .fold(Rc::new(PlannerState::default()), |state, (i, action)| {
                state.reduce(Stamped {
                    action,
                    now: 86_400_000 * 20_000 + i as u64,
                    fresh_id: 7,
                })
            })
        };
        let (a, b) = (run(), run());
        assert_eq!(a, b);
        let plan = &a.plans.list[0];
        assert_eq!((plan.id, plan.created), (7, 86_400_000 * 20_000 + 2));
        assert_eq!(
            a.plans.list[1].id, 8,
            "the copy's id moves on from the one taken"
        );
        let review = a.current().unwrap().review.clone().unwrap();
        assert_eq!(review.date, clock::date_of(86_400_000 * 20_000));
    }

    #[test]
    fn a_fresh_id_already_taken_moves_on_to_a_free_one() {
        let state = opened().with(Action::Edit(Edit::Toggle(key("CSP14"))));
        let taken = state.plans.list[0].id;
        let state = state.reduce(Stamped {
            action: Action::New(VTCT.into()),
            now: 1,
            fresh_id: taken,
        });
        assert_eq!(state.plans.list.len(), 2);
        assert_ne!(state.plans.list[1].id, taken);
    }

    #[test]
    fn saving_writes_only_the_plans_changed_since_the_last_write() {
        let state = opened()
            .with(Action::Edit(Edit::Toggle(key("CSP14"))))
            .with(Action::New(VTCT.into()));
        let written = state.plans.revision();
        let (first, second) = (state.plans.list[0].id, state.plans.list[1].id);
        assert!(state.plans.changed_since(written).plans.is_empty());
        let state = state
            .with(Action::Select(first))
            .with(Action::Edit(Edit::Toggle(key("CSP15"))));
        let changes = state.plans.changed_since(written);
        assert_eq!(
            changes.plans.iter().map(|p| p.id).collect::<Vec<_>>(),
            [first]
        );
        let state = state.with(Action::Delete(second));
        let changes = state.plans.changed_since(written);
        assert_eq!(changes.plans.len(), 1);
        assert_eq!(changes.deleted.keys().collect::<Vec<_>>(), [&second]);
    }

    #[test]
    fn a_plan_storage_lost_is_written_again() {
        let state = opened().with(Action::Edit(Edit::Toggle(key("CSP14"))));
        let written = state.plans.revision();
        let state = state.with(Action::Synced(Saved::default()));
        assert_eq!(state.plans.list.len(), 1, "nothing here is dropped");
        assert_eq!(state.plans.changed_since(written).plans, state.plans.list);
        let again = state.clone().with(Action::Synced(state.plans.saved()));
        assert!(
            Rc::ptr_eq(&state, &again),
            "what storage holds already changes nothing"
        );
    }

    #[test]
    fn a_shared_review_dated_outside_its_range_opens_with_the_cli_s_warning() {
        let q = builtin::by_id(VTCT).unwrap();
        let mut doc = PlanDoc::new(q);
        let date = "1/1/2999".parse().unwrap();
        doc.review = Some(crate::document::Review::of(
            &doc,
            "Sam",
            Verdict::Approved,
            "",
            date,
        ));
        let payload = link::encode(q, &doc, true);
        let today = clock::date_of(CLOCK.with(Cell::get));
        let draft = Draft::from_link(&Catalogue::builtin(), VTCT, &payload, today).unwrap();
        let warning = crate::document::review::review_date(date, today)
            .unwrap_err()
            .to_string();
        assert_eq!(draft.problems, [warning]);
        assert!(draft.problems[0].ends_with("; this one is 01/01/2999."));
    }

    #[test]
    fn the_built_ins_the_page_did_not_carry_arrive_in_order_or_say_why_not() {
        let every = builtin::catalogue();
        super::catalogue::hold_builtins(vec![every[2].clone()], false);
        let state = Rc::new(PlannerState::default());
        assert!(!state.catalogue.has_every_builtin());
        assert_eq!(state.catalogue.all().len(), 1);
        let failed = state.clone().with(Action::Builtins(Ok("{".into())));
        assert!(failed
            .builtins_error
            .as_ref()
            .unwrap()
            .contains("cannot be read"));
        assert_eq!(failed.catalogue.all().len(), 1, "nothing held is lost");
        let offline = state.clone().with(Action::Builtins(Err("offline".into())));
        assert_eq!(offline.builtins_error.as_deref(), Some("offline"));
        let arrived = offline.with(Action::Builtins(Ok(checked::write(every))));
        assert!(arrived.catalogue.has_every_builtin());
        assert_eq!(arrived.builtins_error, None);
        let ids = |quals: &[crate::catalogue::Qualification]| {
            quals.iter().map(|q| q.id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(arrived.catalogue.all()), ids(every));
        super::catalogue::hold_builtins(every.to_vec(), true);
    }
}
