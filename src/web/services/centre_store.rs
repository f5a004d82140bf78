//! The centre's qualification files in local storage, under a key of their own
//! (`document::centre`'s format), read at start so no worker is needed to open them.
//! Data this build cannot read is never written over: saving stays off.

use std::cell::Cell;

use gloo_storage::{LocalStorage, Storage};

use crate::document::centre::{self, CentreSpec, StoredFiles};

/// The key the files live under.
pub const KEY: &str = "unit-planner/v1/centre";

thread_local! {
    /// Whether storage holds files this build must not write over.
    static PAUSED: Cell<bool> = const { Cell::new(false) };
}

/// The kept files, and a message when they cannot be used.
pub fn load() -> (Vec<CentreSpec>, Option<String>) {
    let Ok(Some(raw)) = LocalStorage::raw().get_item(KEY) else {
        return (Vec::new(), None);
    };
    match centre::read(&raw) {
        StoredFiles::Files(files) => (files, None),
        StoredFiles::Newer(version) => {
            PAUSED.set(true);
            (Vec::new(), Some(format!("Your centre's qualification files were kept by a newer version of the planner (format {version}); they are left as they are.")))
        }
        StoredFiles::Unreadable => {
            PAUSED.set(true);
            (Vec::new(), Some("Your centre's qualification files could not be read; they are left as they are and none will be saved over them.".into()))
        }
    }
}

/// Keeps `files`; the error says why they were not kept.
pub fn save(files: &[CentreSpec]) -> Result<(), String> {
    if PAUSED.get() {
        return Err("Your centre's files are not saved, so that the data already stored is not overwritten.".into());
    }
    LocalStorage::raw()
        .set_item(KEY, &centre::write(files))
        .map_err(|_| "Your centre's qualification could not be kept in this browser: its storage is full or turned off.".into())
}
