//! What only the other pages' screens do to the state: add or remove a centre's
//! qualification (the home page's list, the importer) and import an export file (the home
//! page). Such an action carries the function that applies it, so the reducer's `match`
//! names none of this code and a wasm whose pages never make one (the planning app's) does
//! not link it: reading an export file, adding a centre's file and their sentences.

use super::{Action, Editing, Notice, PlannerState};
use crate::catalogue::Added;
use crate::document::centre::ReadFile;
use crate::document::store;
use crate::wording_centre;

/// A screen's action, with the function that applies it (`false` when nothing changed).
#[derive(Debug, Clone)]
pub struct Screened {
    what: Screen,
    apply: fn(&mut PlannerState, Screen) -> bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Screen {
    AddCentre(ReadFile),
    RemoveCentre(String),
    Import(String, Vec<ReadFile>),
}

impl Action {
    /// Add a centre's qualification from its file (read by the tools worker).
    pub fn add_centre(file: ReadFile) -> Action {
        screened(Screen::AddCentre(file))
    }

    /// Remove a centre's qualification (its saved plans stay).
    pub fn remove_centre(id: String) -> Action {
        screened(Screen::RemoveCentre(id))
    }

    /// Import the plans of an export file (its text, and the centre's files it carries as
    /// the tools worker read them).
    pub fn import(text: String, files: Vec<ReadFile>) -> Action {
        screened(Screen::Import(text, files))
    }
}

fn screened(what: Screen) -> Action {
    Action::Screen(Screened { what, apply })
}

impl Screened {
    /// Applies it; false when it changes nothing.
    pub(super) fn apply(self, state: &mut PlannerState) -> bool {
        (self.apply)(state, self.what)
    }
}

impl PartialEq for Screened {
    /// The same action (each kind has one applying function).
    fn eq(&self, other: &Screened) -> bool {
        self.what == other.what
    }
}

impl Eq for Screened {}

fn apply(state: &mut PlannerState, what: Screen) -> bool {
    match what {
        Screen::AddCentre(file) => {
            state.notices.notice = Some(match state.catalogue.add(file) {
                Ok((id, added)) => {
                    let title = state.catalogue.by_id(&id).map_or("", |q| q.title_text());
                    Notice::done(wording_centre::added(title, added))
                }
                Err(message) => Notice::warning(wording_centre::not_added(&message)),
            });
        }
        Screen::RemoveCentre(id) => {
            let title = match state.catalogue.by_id(&id) {
                Some(q) => q.title_text().to_string(),
                None => return false,
            };
            if !state.catalogue.remove(&id) {
                return false;
            }
            if state.current().is_some_and(|d| d.qualification == id) {
                state.editing = Editing::default();
            }
            let plans = state.plans.of(&id).count();
            state.notices.notice = Some(Notice::done(wording_centre::removed(&title, plans)));
        }
        Screen::Import(text, files) => {
            // The centre's files first, so the plans on them are taken in too; a damaged
            // file (its check does not match) carries none.
            let added = files
                .into_iter()
                .filter(|f| {
                    matches!(
                        state.catalogue.add(f.clone()),
                        Ok((_, Added::New | Added::Replaced))
                    )
                })
                .count();
            match store::import(&state.plans.saved(), &text, state.catalogue.all()) {
                Ok((saved, report)) => {
                    state.plans.take_imported(saved);
                    let text =
                        crate::wording::imported(&report) + &wording_centre::imported_files(added);
                    state.notices.notice = Some(Notice::done(text));
                }
                Err(e) => state.notices.notice = Some(Notice::warning(format!("Import: {e}."))),
            }
        }
    }
    true
}
