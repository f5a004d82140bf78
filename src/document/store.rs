//! The saved-plans format kept in browser storage: versioned JSON, read defensively.

use serde::{Deserialize, Serialize};

use super::PlanDoc;

/// The format this build writes.
pub const VERSION: u32 = 1;

/// A plan saved in the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPlan {
    /// Unique among the saved plans.
    pub id: u64,
    /// The plan.
    pub doc: PlanDoc,
}

/// What the stored text turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreRead {
    /// Plans in this build's format.
    Plans(Vec<SavedPlan>),
    /// Plans written by a newer build; they must be left alone.
    Newer(u32),
    /// Not plans at all (corrupt, or another program's data).
    Unreadable,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    plans: Vec<SavedPlan>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// Reads stored text; never panics, whatever the text.
pub fn read(text: &str) -> StoreRead {
    match serde_json::from_str::<VersionOnly>(text) {
        Ok(v) if v.version > VERSION => StoreRead::Newer(v.version),
        Ok(v) if v.version == VERSION => match serde_json::from_str::<Stored>(text) {
            Ok(stored) => StoreRead::Plans(stored.plans),
            Err(_) => StoreRead::Unreadable,
        },
        _ => StoreRead::Unreadable,
    }
}

/// The text to store for `plans`.
pub fn write(plans: &[SavedPlan]) -> Result<String, serde_json::Error> {
    serde_json::to_string(&Stored {
        version: VERSION,
        plans: plans.to_vec(),
    })
}
