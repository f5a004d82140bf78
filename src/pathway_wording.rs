//! The sentences about pathways, units in several groups and credit from elsewhere that
//! both front ends show (beside [`crate::wording`]).

use crate::catalogue::{group_name, GroupIdx, PathwayIdx, Qualification, UnitIdx};
use crate::engine::{Evaluation, FromElsewhere};
use crate::wording::credit_count;

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

/// What a group allows from other qualifications: "Up to 5 credits from other
/// qualifications may count in Optional units"; nothing when it allows none.
pub fn elsewhere_allowed(qual: &Qualification, group: GroupIdx) -> Option<String> {
    let allowed = qual.groups[group].elsewhere.as_ref()?;
    Some(format!(
        "Up to {} from other qualifications may count in {}",
        credit_count(allowed.max_credits.into()),
        group_name(qual, group)
    ))
}

/// One credit from elsewhere and what of it counts: "“Food hygiene” (entered by you):
/// 8 credits, 5 count in Optional units".
pub fn elsewhere_entry(
    qual: &Qualification,
    entry: &FromElsewhere,
    counted: Option<u32>,
) -> String {
    let group = group_name(qual, entry.group);
    let value = match (entry.credits, counted) {
        (None, _) => "credits not entered yet, so nothing is counted".to_string(),
        (Some(c), Some(n)) if n == c => format!("{} counted in {group}", credit_count(c.into())),
        (Some(c), Some(n)) => format!(
            "{}, {n} counted in {group} (the most from elsewhere it takes)",
            credit_count(c.into())
        ),
        (Some(c), None) => format!(
            "{}, not counted: {group} does not apply",
            credit_count(c.into())
        ),
    };
    format!("“{}” ({}): {value}", entry.title, crate::engine::ENTERED)
}

/// What "complete my plan" says of credit from elsewhere: it never proposes any.
pub fn elsewhere_not_proposed(qual: &Qualification) -> Option<String> {
    let most: u32 = qual
        .groups
        .iter()
        .filter_map(|g| g.elsewhere.as_ref().map(|e| e.max_credits))
        .sum();
    (most > 0).then(|| {
        format!(
            "Up to {} may also come from other qualifications; none is proposed.",
            credit_count(most.into())
        )
    })
}
