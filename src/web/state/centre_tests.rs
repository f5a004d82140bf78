//! The reducer with a centre's qualification: adding, refusing, removing, loading from
//! storage, exporting and importing.

use std::rc::Rc;

use yew::Reducible;

use super::{Action, PlannerState, Stamped, Tone};
use crate::catalogue::{builtin, Origin};
use crate::document::centre::{self, CentreSpec, ReadFile};
use crate::document::store::{self, Saved};

const OURS: &str = "ours-l1-cert";

fn with(state: Rc<PlannerState>, action: Action) -> Rc<PlannerState> {
    let now = 1_764_000_000_000 + state.plans.list.len() as u64 * 1000 + 7;
    state.reduce(Stamped {
        action,
        now,
        fresh_id: now,
    })
}

/// A valid centre file: the first built-in's, under another id.
fn spec(id: &str, fingerprint: &str) -> CentreSpec {
    let mut table: serde_json::Value = serde_json::from_str(builtin::SPEC_FILES[0].1).unwrap();
    table["id"] = id.into();
    CentreSpec {
        file: "ours.toml".into(),
        fingerprint: fingerprint.into(),
        spec: table.to_string(),
    }
}

/// A kept file as the tools worker reads it.
fn read(spec: CentreSpec) -> ReadFile {
    let model = centre::model_of(&spec);
    (spec, model)
}

/// The centre's files an export carries, as the tools worker reads them.
fn carried(export: &str) -> Vec<ReadFile> {
    let files = store::centre_files(export).unwrap_or_default();
    files.into_iter().map(read).collect()
}

fn loaded() -> Rc<PlannerState> {
    with(
        Rc::new(PlannerState::default()),
        Action::Loaded(Saved::default(), None),
    )
}

#[test]
fn a_centre_file_is_listed_as_the_centres_and_plannable() {
    let state = with(
        loaded(),
        Action::add_centre(read(spec(OURS, "00000000000000aa"))),
    );
    assert!(matches!(
        state.catalogue.origin(OURS),
        Some(Origin::Centre(f)) if f.fingerprint == "00000000000000aa"
    ));
    assert_eq!(state.notices.notice.as_ref().unwrap().tone, Tone::Done);
    assert!(state.catalogue.unsaved().is_some(), "storage must catch up");
    assert_eq!(state.catalogue.files(), [spec(OURS, "00000000000000aa")]);
    let state = with(state, Action::New(OURS.into()));
    assert_eq!(state.plans.list.len(), 1);
    assert_eq!(state.current().unwrap().qualification, OURS);
}

#[test]
fn a_file_that_does_not_pass_changes_nothing() {
    let before = loaded();
    let builtin_id = builtin::catalogue()[0].id.clone();
    let mut broken = spec(OURS, "00000000000000aa");
    broken.spec = broken.spec.replace("\"groups\"", "\"grops\"");
    for bad in [spec(&builtin_id, "00000000000000aa"), broken] {
        let state = with(before.clone(), Action::add_centre(read(bad)));
        assert_eq!(state.catalogue, before.catalogue, "the same catalogue");
        assert_eq!(state.notices.notice.as_ref().unwrap().tone, Tone::Warning);
        assert!(state
            .notices
            .notice
            .as_ref()
            .unwrap()
            .text
            .ends_with("Nothing was added or changed."));
    }
}

#[test]
fn removing_keeps_the_plans_and_says_so() {
    let state = with(
        loaded(),
        Action::add_centre(read(spec(OURS, "00000000000000aa"))),
    );
    let state = with(state, Action::New(OURS.into()));
    let state = with(state, Action::remove_centre(OURS.into()));
    assert!(state.catalogue.by_id(OURS).is_none());
    assert_eq!(state.plans.list.len(), 1, "its plan stays");
    assert_eq!(state.current(), None);
    let notice = &state.notices.notice.as_ref().unwrap().text;
    assert!(notice.contains("Its 1 saved plan stays"), "{notice}");
    let builtin_id = builtin::catalogue()[0].id.clone();
    let again = with(state.clone(), Action::remove_centre(builtin_id.clone()));
    assert!(
        again.catalogue.by_id(&builtin_id).is_some(),
        "never a built-in"
    );
}

#[test]
fn files_from_storage_open_and_one_that_cannot_is_kept_as_it_was() {
    let mut unreadable = spec("later", "00000000000000bb");
    unreadable.spec = "{\"id\":\"later\",\"pathways\":[]}".into();
    let files = vec![spec(OURS, "00000000000000aa"), unreadable.clone()];
    let state = with(
        loaded(),
        Action::CentreLoaded(files.iter().cloned().map(read).collect(), None),
    );
    assert!(state.catalogue.by_id(OURS).is_some());
    assert_eq!(
        state.catalogue.unsaved(),
        None,
        "what storage holds is not rewritten"
    );
    assert_eq!(
        state.catalogue.files(),
        files,
        "the unreadable file is kept"
    );
    assert_eq!(state.notices.notice.as_ref().unwrap().tone, Tone::Warning);
}

#[test]
fn an_export_carries_the_file_so_its_plans_import_elsewhere() {
    let state = with(
        loaded(),
        Action::add_centre(read(spec(OURS, "00000000000000aa"))),
    );
    let state = with(state, Action::New(OURS.into()));
    let file = store::export_with(&state.plans.saved(), &state.catalogue.files()).unwrap();
    assert!(file.contains("\"version\": 3"));
    let elsewhere = with(loaded(), Action::import(file.clone(), carried(&file)));
    assert!(elsewhere.catalogue.by_id(OURS).is_some());
    assert_eq!(elsewhere.plans.list.len(), 1, "the plan is not skipped");
    let damaged = file.replace("ours.toml", "ourz.toml");
    let refused = with(loaded(), Action::import(damaged.clone(), carried(&damaged)));
    assert!(
        refused.catalogue.by_id(OURS).is_none(),
        "a damaged file adds nothing"
    );
    assert!(refused.plans.list.is_empty());
}
