//! Saved plans in the browser's local storage, under one namespaced, versioned key.
//! Unreadable data is moved aside under a backup key, never deleted; data from a newer
//! version is left untouched.

use gloo_storage::{LocalStorage, Storage};

use crate::document::store::{self, SavedPlan, StoreRead};

/// The key the plans live under.
pub const KEY: &str = "unit-planner/v1/plans";
/// Where unreadable data is kept aside.
pub const BACKUP_KEY: &str = "unit-planner/v1/plans.unreadable";

/// The saved plans, and a message for the user if anything was wrong.
pub fn load() -> (Vec<SavedPlan>, Option<String>) {
    let raw = match LocalStorage::raw().get_item(KEY) {
        Ok(raw) => raw,
        Err(_) => return (
            Vec::new(),
            Some(
                "This browser does not allow saving; plans will be lost when you close the page."
                    .into(),
            ),
        ),
    };
    let Some(raw) = raw else {
        return (Vec::new(), None);
    };
    match store::read(&raw) {
        StoreRead::Plans(plans) => (plans, None),
        StoreRead::Newer(version) => (
            Vec::new(),
            Some(format!("Your saved plans were written by a newer version of the planner (format {version}); they are left as they are and nothing will be saved over them.")),
        ),
        StoreRead::Unreadable => {
            let message = if LocalStorage::raw().set_item(BACKUP_KEY, &raw).is_ok() && LocalStorage::raw().remove_item(KEY).is_ok() {
                "Your saved plans could not be read. They have been kept aside (not deleted) and you are starting afresh."
            } else {
                "Your saved plans could not be read and could not be kept aside, so nothing will be saved over them."
            };
            (Vec::new(), Some(message.into()))
        }
    }
}

/// Saves the plans, unless storage holds data this version must not overwrite; the error
/// says why not (storage full or disabled, or data to keep).
pub fn save(plans: &[SavedPlan]) -> Result<(), String> {
    let storage = LocalStorage::raw();
    let current = storage.get_item(KEY).map_err(|_| {
        "Your plans cannot be saved: this browser's storage is turned off.".to_string()
    })?;
    if current
        .as_deref()
        .is_some_and(|raw| !matches!(store::read(raw), StoreRead::Plans(_)))
    {
        return Err("Saving is paused so that the data already stored is not overwritten.".into());
    }
    let text = store::write(plans).map_err(|e| format!("Your plans could not be saved: {e}."))?;
    storage.set_item(KEY, &text).map_err(|_| {
        "Your plans could not be saved: the browser's storage is full or turned off.".to_string()
    })
}
