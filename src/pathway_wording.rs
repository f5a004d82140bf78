//! The sentences about pathways and units in several groups that both front ends show
//! (beside [`crate::wording`]).

use crate::catalogue::{group_name, GroupIdx, PathwayIdx, Qualification, UnitIdx};
use crate::engine::Evaluation;

/// What a plan with no pathway chosen needs first.
pub const CHOOSE: &str = "choose a pathway";

/// What the chooser says until a pathway is chosen.
pub const CHOOSE_HINT: &str =
    "Choose a pathway: the plan is checked against the rules common to all pathways and the chosen pathway's own.";

/// Why a unit of another pathway cannot be added.
pub const NOT_ON_PATHWAY: &str = "not on the chosen pathway";

/// A pathway as a person reads it: its printed name, else "pathway B".
pub fn pathway(qual: &Qualification, p: PathwayIdx) -> String {
    qual.pathways[p].name_text()
}

/// Which pathway a plan is checked against: "checked against pathway B: Retail", or
/// "choose a pathway"; nothing when the qualification has no pathways.
pub fn checked_against(qual: &Qualification, eval: &Evaluation) -> Option<String> {
    match eval.pathway {
        Some(p) => Some(format!("checked against {}", pathway(qual, p))),
        None if !qual.pathways.is_empty() && eval.status != crate::engine::Status::Incomplete => {
            Some(CHOOSE.into())
        }
        None => None,
    }
}

/// Units in the plan that are not on its pathway: "CSP04 is not on pathway B: Retail".
pub fn off_pathway(qual: &Qualification, units: &[UnitIdx]) -> String {
    let labels: Vec<&str> = units.iter().map(|&u| qual.units[u].label()).collect();
    let verb = if labels.len() == 1 { "is" } else { "are" };
    format!("{} {verb} not on the chosen pathway", labels.join(", "))
}

/// The pathway a completion proposes: "Proposes Pathway B: Retail".
pub fn proposes(qual: &Qualification, p: PathwayIdx) -> String {
    format!("Proposes {}", pathway(qual, p))
}

/// Where a unit listed in several groups is counted: "R2 is counted in Group A".
pub fn counted_in(qual: &Qualification, unit: UnitIdx, group: GroupIdx) -> String {
    format!(
        "{} is counted in {}",
        qual.units[unit].label(),
        group_name(qual, group)
    )
}

/// The pathways of a qualification, one line each: "B — Pathway B: Retail".
pub fn pathway_list(qual: &Qualification) -> Vec<String> {
    qual.pathways
        .iter()
        .map(|p| format!("{} — {}", p.id, p.name_text()))
        .collect()
}
