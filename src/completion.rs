//! "Complete my plan" as the engine module (`src/bin/engine.rs`) answers it, kept off the
//! app's first load: the saved plan (and, for a centre's qualification, the centre's file
//! as the app keeps it) in, as JSON; the units to propose, by key, or the sentence saying
//! why none can be, out. Pure: the app and the module share only these types.

use serde::{Deserialize, Serialize};

use crate::document::centre::CentreSpec;
use crate::document::PlanDoc;

#[cfg(feature = "builtin")]
mod answering;
#[cfg(feature = "builtin")]
pub use answering::answer;

/// What the app asks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The plan as saved (its units not offered are never proposed).
    pub doc: PlanDoc,
    /// The centre's file, when the plan's qualification came from one; else a built-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centre: Option<CentreSpec>,
}

/// What the module answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The units to propose, by key (none on the pathway's own mandatory units), and the
    /// pathway the proposal chooses, by id, when the plan had none.
    Proposal {
        /// The pathway's id, if the proposal chooses one.
        pathway: Option<String>,
        /// The optional units to add, by key, in source order.
        keys: Vec<u32>,
    },
    /// No completion, or the request could not be answered: a short sentence.
    Failed(String),
}
