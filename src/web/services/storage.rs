//! Saved plans in the browser's local storage, under one namespaced, versioned key.
//! Unreadable data is moved aside under a backup key, never deleted.

use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::web::state::SavedPlan;

/// The key the plans live under.
pub const KEY: &str = "unit-planner/v1/plans";
/// Where unreadable data is kept aside.
pub const BACKUP_KEY: &str = "unit-planner/v1/plans.unreadable";

/// What is stored under [`KEY`].
#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    plans: Vec<SavedPlan>,
}

/// The saved plans, and a message for the user if anything was wrong.
pub fn load() -> (Vec<SavedPlan>, Option<String>) {
    let raw: Option<String> = match LocalStorage::raw().get_item(KEY) {
        Ok(raw) => raw,
        Err(_) => return (Vec::new(), Some("This browser does not allow saving; plans will be lost when you close the page.".into())),
    };
    let Some(raw) = raw else { return (Vec::new(), None) };
    match serde_json::from_str::<Stored>(&raw) {
        Ok(stored) if stored.version == 1 => (stored.plans, None),
        Ok(stored) => {
            (Vec::new(), Some(format!("Your saved plans were written by a newer version (format {}); they are kept as they are and not changed.", stored.version)))
        }
        Err(_) => {
            let kept = LocalStorage::raw().set_item(BACKUP_KEY, &raw).is_ok();
            let _ = kept && LocalStorage::raw().remove_item(KEY).is_ok();
            let msg = if kept {
                "Your saved plans could not be read. They have been kept aside (not deleted) and you are starting afresh."
            } else {
                "Your saved plans could not be read, and could not be kept aside, so nothing will be saved over them."
            };
            (Vec::new(), Some(msg.into()))
        }
    }
}

/// Whether it is safe to write: the stored data is ours (version 1), or absent.
pub fn writable() -> bool {
    match LocalStorage::raw().get_item(KEY) {
        Ok(None) => true,
        Ok(Some(raw)) => serde_json::from_str::<Stored>(&raw).is_ok_and(|s| s.version == 1),
        Err(_) => false,
    }
}

/// Saves the plans; the error says why not (storage full or disabled).
pub fn save(plans: &[SavedPlan]) -> Result<(), String> {
    if !writable() {
        return Err("Saving is paused: the stored data is not in a format this version can safely overwrite.".into());
    }
    let text = serde_json::to_string(&Stored { version: 1, plans: plans.to_vec() }).map_err(|e| e.to_string())?;
    LocalStorage::raw()
        .set_item(KEY, &text)
        .map_err(|_| "Your plans could not be saved: the browser's storage is full or turned off.".to_string())
}
