//! Saved plans in the browser's local storage, under one namespaced key. A save writes the
//! plans that changed, merged plan by plan with what is stored (another tab may have saved
//! since), and a change made in another tab reaches this one through the `storage` event.
//! Unreadable data is kept aside under a key of its own, never overwriting data kept aside
//! before; data from a newer version is left untouched.

use std::cell::RefCell;

use gloo_storage::{LocalStorage, Storage};

use crate::document::store::{self, Saved, StoreRead};

/// The key the plans live under.
pub const KEY: &str = "unit-planner/v1/plans";
/// Where unreadable data is kept aside: this, or this with `.2`, `.3`, … when taken.
pub const BACKUP_KEY: &str = "unit-planner/v1/plans.unreadable";

/// What storage holds now: plans, or why they cannot be used.
fn stored() -> Result<Option<StoreRead>, ()> {
    LocalStorage::raw()
        .get_item(KEY)
        .map(|raw| raw.map(|r| store::read(&r)))
        .map_err(|_| ())
}

/// Keeps `raw` aside under the first free backup key.
fn keep_aside(raw: &str) -> bool {
    let storage = LocalStorage::raw();
    let free = (1..1000)
        .map(|n| match n {
            1 => BACKUP_KEY.to_string(),
            n => format!("{BACKUP_KEY}.{n}"),
        })
        .find(|key| matches!(storage.get_item(key), Ok(None)));
    free.is_some_and(|key| storage.set_item(&key, raw).is_ok())
}

/// The saved plans, and a message for the user if anything was wrong.
pub fn load() -> (Saved, Option<String>) {
    let Ok(raw) = LocalStorage::raw().get_item(KEY) else {
        return (
            Saved::default(),
            Some(
                "This browser does not allow saving; plans will be lost when you close the page."
                    .into(),
            ),
        );
    };
    let Some(raw) = raw else {
        return (Saved::default(), None);
    };
    match store::read(&raw) {
        StoreRead::Plans(saved) => {
            KNOWN.set(Some((raw, saved.clone())));
            (saved, None)
        }
        StoreRead::Newer(version) => (
            Saved::default(),
            Some(format!("Your saved plans were written by a newer version of the planner (format {version}); they are left as they are and nothing will be saved over them.")),
        ),
        StoreRead::Unreadable => {
            let message = if keep_aside(&raw) && LocalStorage::raw().remove_item(KEY).is_ok() {
                "Your saved plans could not be read. They have been kept aside (not deleted) and you are starting afresh."
            } else {
                "Your saved plans could not be read and could not be kept aside, so nothing will be saved over them."
            };
            (Saved::default(), Some(message.into()))
        }
    }
}

thread_local! {
    /// The stored text this tab last read or wrote, and its plans: while storage still
    /// holds it, a save need not parse it again.
    static KNOWN: RefCell<Option<(String, Saved)>> = const { RefCell::new(None) };
}

/// Writes `changes` (the plans changed here, and deletions) merged plan by plan into what
/// is stored, unless storage holds data this version must not overwrite. Returns what
/// storage now holds when another tab had saved since this one last read or wrote; the
/// error says why nothing was saved.
pub fn save(changes: &Saved) -> Result<Option<Saved>, String> {
    let storage = LocalStorage::raw();
    let current = storage.get_item(KEY).map_err(|_| {
        "Your plans cannot be saved: this browser's storage is turned off.".to_string()
    })?;
    let known = KNOWN.with_borrow(|k| {
        k.as_ref()
            .filter(|(text, _)| current.as_ref() == Some(text))
            .map(|(_, saved)| saved.clone())
    });
    // Storage changed since this tab last saw it: another tab saved, or cleared it.
    let elsewhere = known.is_none() && (current.is_some() || KNOWN.with_borrow(Option::is_some));
    let theirs = match (known, current.as_deref().map(store::read)) {
        (Some(known), _) => Some(known),
        (None, None) => None,
        (None, Some(StoreRead::Plans(theirs))) => Some(theirs),
        (None, Some(_)) => {
            return Err(
                "Saving is paused so that the data already stored is not overwritten.".into(),
            )
        }
    };
    let merged = theirs.map_or_else(|| changes.clone(), |t| store::merge(&t, changes));
    let text = store::write(&merged).map_err(|e| format!("Your plans could not be saved: {e}."))?;
    if current.as_deref() != Some(text.as_str()) {
        storage.set_item(KEY, &text).map_err(|_| {
            "Your plans could not be saved: the browser's storage is full or turned off."
                .to_string()
        })?;
    }
    KNOWN.set(Some((text, merged.clone())));
    Ok(elsewhere.then_some(merged))
}

/// Calls `changed` with the stored plans whenever another tab saves.
pub fn on_change_elsewhere(changed: yew::Callback<Saved>) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo_events::EventListener::new(
        &window,
        "storage",
        move |event| {
            let key = web_sys::wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event)
                .and_then(|e| e.key());
            if key.as_deref() == Some(KEY) {
                if let Ok(Some(StoreRead::Plans(saved))) = stored() {
                    changed.emit(saved);
                }
            }
        },
    ))
}
