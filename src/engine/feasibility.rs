//! Whether any plan at all can complete a qualification, decided exactly with the solver,
//! and which rules are to blame when none can.

use std::collections::BTreeSet;

use crate::catalogue::{PathwayIdx, Qualification};

use super::route::Route;
use super::solver::{solve, NoCompletion, Reading, WORK_LIMIT};
use super::Plan;

/// Most rules the search for the rules to blame tries leaving out one by one.
const MAX_BLAMED: usize = 64;

/// What the solver can say of a whole qualification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feasibility {
    /// Some plan completes it.
    Possible,
    /// No plan can: the rules at these indices cannot all be met together (empty when
    /// there were too many rules to narrow down).
    Impossible(Vec<usize>),
    /// The mandatory units alone are barred together or over a maximum.
    MandatoryBlocked,
    /// Not decided: values the specification does not state could change the answer (some
    /// plan is left unconfirmed, none rejected), or the search stopped at its limit.
    Undecided(NoCompletion),
}

/// Decides whether any plan can complete `qual`. Where unstated values leave it open, a
/// second search reads them as hopefully as `check` allows: when even then no plan
/// escapes an unmet rule, `check` rejects every plan, and no plan can complete it.
/// On a qualification with pathways, the first pathway no plan completes decides.
pub fn feasibility(qual: &Qualification) -> Feasibility {
    feasibility_by_pathway(qual)
        .into_iter()
        .map(|(_, f)| f)
        .find(|f| *f != Feasibility::Possible)
        .unwrap_or(Feasibility::Possible)
}

/// [`feasibility`] for each pathway of `qual` in order (one answer, for no pathway, when
/// it has none); rules are named by their index in `qual`.
pub fn feasibility_by_pathway(qual: &Qualification) -> Vec<(Option<PathwayIdx>, Feasibility)> {
    if !qual.has_routes() {
        return vec![(None, plain(qual))];
    }
    let list: Vec<Option<PathwayIdx>> = match qual.pathways.len() {
        0 => vec![None],
        n => (0..n).map(Some).collect(),
    };
    list.into_iter()
        .map(|p| {
            let route = Route::of(qual, p, &[]);
            let verdict = match plain(&route.qual) {
                Feasibility::Impossible(rules) => {
                    Feasibility::Impossible(rules.into_iter().map(|r| route.rules[r]).collect())
                }
                other => other,
            };
            (p, verdict)
        })
        .collect()
}

fn plain(qual: &Qualification) -> Feasibility {
    match attempt(qual, WORK_LIMIT, Reading::Confirmed) {
        Ok(()) => Feasibility::Possible,
        Err(NoCompletion::Blocked) => Feasibility::MandatoryBlocked,
        Err(why @ (NoCompletion::Stopped | NoCompletion::TooLarge)) => Feasibility::Undecided(why),
        Err(why) => match attempt(qual, WORK_LIMIT, Reading::Hopeful) {
            Ok(()) => Feasibility::Undecided(why),
            Err(NoCompletion::NoUnitsSuffice) => Feasibility::Impossible(blame(qual)),
            Err(other) => Feasibility::Undecided(other),
        },
    }
}

fn attempt(qual: &Qualification, limit: u64, reading: Reading) -> Result<(), NoCompletion> {
    solve(qual, &Plan::new(qual), &BTreeSet::new(), limit, reading).map(|_| ())
}

/// A smallest set of rules that no plan meets together, however unstated values turn out:
/// each rule is left out in turn and stays out when the rest still cannot be met. A trial
/// that stops at its limit keeps its rule, so what is named is always proven.
fn blame(qual: &Qualification) -> Vec<usize> {
    let mut kept: Vec<usize> = (0..qual.rules.len()).collect();
    if kept.len() > MAX_BLAMED {
        return Vec::new();
    }
    let limit = WORK_LIMIT / MAX_BLAMED as u64;
    for rule in 0..qual.rules.len() {
        let without: Vec<usize> = kept.iter().copied().filter(|&r| r != rule).collect();
        if without.is_empty() {
            continue;
        }
        let mut trial = qual.clone();
        trial.rules = without.iter().map(|&r| qual.rules[r].clone()).collect();
        if attempt(&trial, limit, Reading::Hopeful) == Err(NoCompletion::NoUnitsSuffice) {
            kept = without;
        }
    }
    kept
}
