//! Checks of pathways (routes) in a loaded qualification: each pathway changes something,
//! and a rule tied to pathways counts only groups that apply on them.

use super::spec_error::{Entry, Kind, Problem};
use super::{Qualification, Rule, Scope};
use crate::text::excerpt;

/// Every pathway problem in `qual`, each naming the entry it is about.
pub fn problems(qual: &Qualification) -> Vec<Problem> {
    let mut out = Vec::new();
    for (p, pathway) in qual.pathways.iter().enumerate() {
        let own_group = qual.groups.iter().any(|g| g.pathways.contains(&p));
        let own_rule = qual.rules.iter().any(|r| r.pathways.contains(&p));
        if !own_group && !own_rule {
            out.push(Problem::new(
                Entry::Pathway(excerpt(&pathway.id)),
                Kind::PathwayUnused,
            ));
        }
    }
    for (i, entry) in qual.rules.iter().enumerate() {
        let (Rule::Credits {
            scope: Scope::Groups(groups),
            ..
        }
        | Rule::Units {
            scope: Scope::Groups(groups),
            ..
        }) = &entry.rule
        else {
            continue;
        };
        if entry.pathways.is_empty() {
            continue;
        }
        for &g in groups {
            let tied = &qual.groups[g].pathways;
            if !tied.is_empty() && !tied.iter().any(|p| entry.pathways.contains(p)) {
                out.push(Problem::new(
                    Entry::Rule(i + 1),
                    Kind::GroupOffPathway(excerpt(&qual.groups[g].id)),
                ));
            }
        }
    }
    out
}
