//! A qualification as checked on one pathway, every unit counted in one group: the plain
//! qualification the evaluator and solver already handle.
//!
//! Reading (stated in the README): a unit listed in several groups is counted once, in one
//! of them, never toward two groups' totals at once. Each group it may count in is a copy
//! of the unit, the copies barred together, so the solver picks at most one; a plan holding
//! such a unit is met when some choice of group for each meets every rule. A unit in a
//! mandatory group that applies is mandatory and counts there. Groups of other pathways are
//! left out: their units are not on the chosen pathway.
//!
//! Credit from elsewhere the plan holds becomes units of its group after the listed ones,
//! their credits as the learner entered them ("entered by you"), counted in entry order up
//! to the group's cap (what is past the cap does not count); a value not entered is unknown,
//! and so is what counts of a later entry in its group (the one not entered may take the
//! room).

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::{
    BarredSet, Basis, GroupIdx, OnlyOneCounts, PathwayIdx, Qualification, Rule, RuleEntry, Scope,
    Sourced, Unit, UnitIdx,
};

use super::{FromElsewhere, Plan};

/// The basis of a value the learner entered.
pub const ENTERED: &str = "entered by you";

/// Most choices of group for a plan's shared units that are tried; past it, what is not
/// proven stays unconfirmed.
pub const MAX_CHOICES: usize = 256;

/// A qualification on one pathway, each unit in one group, with the way back.
pub struct Route {
    /// The plain qualification: no pathways, each unit in one group.
    pub qual: Qualification,
    /// For each unit of `qual`, the original unit it is a copy of.
    pub origin: Vec<UnitIdx>,
    /// For each original unit, its copies, one per group it may count in (empty when it is
    /// not on the pathway).
    pub copies: Vec<Vec<UnitIdx>>,
    /// For each group of `qual`, the original group.
    pub group_origin: Vec<GroupIdx>,
    /// For each rule of `qual`, the original rule.
    pub rules: Vec<usize>,
    /// The first unit of `qual` that is credit from elsewhere (the rest are copies).
    pub elsewhere_from: UnitIdx,
    /// For each credit from elsewhere, the credits that count (`None`: not entered, or its
    /// group does not apply or allow it); at most that after an entry not entered yet.
    pub elsewhere_counted: Vec<Option<u32>>,
}

impl Route {
    /// `qual` on `pathway`, with `elsewhere` as units of their groups; with no pathway
    /// chosen, every group applies but only common groups are mandatory, and only common
    /// rules are checked.
    pub fn of(
        qual: &Qualification,
        pathway: Option<PathwayIdx>,
        elsewhere: &[FromElsewhere],
    ) -> Route {
        let on = |g: GroupIdx| pathway.is_none() || qual.group_on(g, pathway);
        let mandatory = |g: GroupIdx| qual.groups[g].mandatory && qual.group_on(g, pathway);
        let mut group_map = vec![None; qual.groups.len()];
        let mut group_origin = Vec::new();
        let mut groups = Vec::new();
        for (g, group) in qual.groups.iter().enumerate().filter(|&(g, _)| on(g)) {
            group_map[g] = Some(groups.len());
            group_origin.push(g);
            let mut group = group.clone();
            group.mandatory = mandatory(g);
            group.pathways.clear();
            groups.push(group);
        }
        let mut units = Vec::new();
        let mut origin = Vec::new();
        let mut copies = vec![Vec::new(); qual.units.len()];
        for (u, unit) in qual.units.iter().enumerate() {
            let listed: Vec<GroupIdx> = qual.groups_of(u).filter(|&g| on(g)).collect();
            let counted = match listed.iter().find(|&&g| mandatory(g)) {
                Some(&g) => vec![g],
                None => listed,
            };
            for g in counted {
                copies[u].push(units.len());
                origin.push(u);
                let mut copy = unit.clone();
                copy.group = group_map[g].expect("a group that applies");
                copy.also.clear();
                units.push(copy);
            }
        }
        let elsewhere_from = units.len();
        let mut room: Vec<u32> = qual
            .groups
            .iter()
            .map(|g| g.elsewhere.as_ref().map_or(0, |e| e.max_credits))
            .collect();
        let mut elsewhere_counted = Vec::new();
        let mut open = vec![false; qual.groups.len()];
        for (i, entry) in elsewhere.iter().enumerate() {
            let group = group_map.get(entry.group).copied().flatten();
            let allowed = qual
                .groups
                .get(entry.group)
                .is_some_and(|g| g.elsewhere.is_some());
            let (Some(group), true) = (group, allowed) else {
                elsewhere_counted.push(None);
                continue;
            };
            let counted = entry.credits.map(|c| {
                let take = c.min(room[entry.group]);
                room[entry.group] -= take;
                take
            });
            elsewhere_counted.push(counted);
            // An earlier entry not entered yet may have taken the room this one counts in.
            let after_unknown = open[entry.group] && counted.is_some_and(|c| c > 0);
            open[entry.group] |= counted.is_none();
            units.push(Unit {
                key: 0,
                group,
                also: Vec::new(),
                code: Sourced::inferred(format!("elsewhere {}", i + 1), ENTERED),
                reference: Sourced::unknown("not listed in this qualification"),
                title: Sourced::inferred(entry.title.clone(), ENTERED),
                level: match entry.level {
                    Some(l) => Sourced::inferred(l, ENTERED),
                    None => Sourced::unknown("not entered"),
                },
                credits: match counted {
                    Some(_) if after_unknown => Sourced::unknown("an earlier entry is not entered"),
                    Some(c) => Sourced::inferred(c, ENTERED),
                    None => Sourced::unknown("not entered"),
                },
                glh: Sourced::unknown("not entered"),
                tqt: Sourced::unknown("not entered"),
                nos: Sourced::unknown("not entered"),
                outcomes: Sourced::unknown("not entered"),
            });
        }
        let mut barred: Vec<BarredSet> = qual
            .barred
            .iter()
            .map(|set| BarredSet {
                units: set.units.iter().flat_map(|&u| copies[u].clone()).collect(),
                basis: set.basis.clone(),
            })
            .filter(|set| set.units.len() >= 2)
            .collect();
        barred.extend(copies.iter().filter(|c| c.len() >= 2).map(|c| BarredSet {
            units: c.clone(),
            basis: Basis::Inferred("a unit counts in one of its groups".into()),
        }));
        let mut rules = Vec::new();
        let mut entries = Vec::new();
        for (i, entry) in qual.rules.iter().enumerate() {
            if !entry.pathways.is_empty() && !qual.rule_on(i, pathway) {
                continue;
            }
            rules.push(i);
            entries.push(RuleEntry {
                rule: regrouped(&entry.rule, &group_map),
                basis: entry.basis.clone(),
                pathways: Vec::new(),
            });
        }
        // Copies of one unit are barred together, so a set keeps at most one of each.
        let only_one = qual
            .only_one
            .iter()
            .map(|set| OnlyOneCounts {
                units: set.units.iter().flat_map(|&u| copies[u].clone()).collect(),
                basis: set.basis.clone(),
            })
            .filter(|set| set.units.len() >= 2)
            .collect();
        let plain = Qualification {
            pathways: Vec::new(),
            groups,
            units,
            rules: entries,
            barred,
            only_one,
            ..qual.clone()
        };
        Route {
            qual: plain,
            origin,
            copies,
            group_origin,
            rules,
            elsewhere_from,
            elsewhere_counted,
        }
    }

    /// The plan's units that may count in more than one group.
    pub fn shared(&self, plan: &Plan) -> Vec<UnitIdx> {
        plan.units().filter(|&u| self.copies[u].len() > 1).collect()
    }

    /// `plan` on the route, each shared unit counted in the copy `choice` picks (by
    /// position in [`shared`](Route::shared)); units not on the pathway are left out.
    pub fn plan(&self, plan: &Plan, shared: &[UnitIdx], choice: &[usize]) -> Plan {
        let pick = |u: UnitIdx| match shared.iter().position(|&s| s == u) {
            Some(i) => self.copies[u].get(choice[i]).copied(),
            None => self.copies[u].first().copied(),
        };
        // Extended, not collected: collecting sorts, and a sort is ~4 KB of wasm per type.
        let mut chosen = BTreeSet::new();
        chosen.extend(
            plan.units()
                .filter_map(pick)
                .chain(self.elsewhere_from..self.qual.units.len()),
        );
        let mut entered = BTreeMap::new();
        entered.extend(
            plan.entered()
                .iter()
                .flat_map(|(&u, e)| self.copies[u].iter().map(move |&c| (c, e.clone()))),
        );
        Plan::from_parts(chosen, entered, None)
    }
}

/// A rule with its listed groups renumbered for the route (groups not on it dropped).
fn regrouped(rule: &Rule, map: &[Option<GroupIdx>]) -> Rule {
    let scope = |scope: &Scope| match scope {
        Scope::Groups(list) => Scope::Groups(list.iter().filter_map(|&g| map[g]).collect()),
        other => other.clone(),
    };
    match rule {
        Rule::Credits {
            scope: s,
            level,
            min,
            max,
        } => Rule::Credits {
            scope: scope(s),
            level: *level,
            min: *min,
            max: *max,
        },
        Rule::Units { scope: s, min, max } => Rule::Units {
            scope: scope(s),
            min: *min,
            max: *max,
        },
        Rule::Hours {
            measure,
            scope: s,
            level,
            min,
            max,
        } => Rule::Hours {
            measure: *measure,
            scope: scope(s),
            level: *level,
            min: *min,
            max: *max,
        },
        Rule::EveryUnit { scope: s, level } => Rule::EveryUnit {
            scope: scope(s),
            level: *level,
        },
        Rule::Share {
            scope: s,
            level,
            share,
        } => Rule::Share {
            scope: scope(s),
            level: *level,
            share: *share,
        },
        Rule::AllMandatory | Rule::EachOptionalGroup { .. } => rule.clone(),
    }
}

/// Every choice of one copy for each shared unit (`sizes` copies each), the first unit's
/// choice varying slowest, at most [`MAX_CHOICES`]; the flag says whether some were left
/// untried.
pub fn choices(sizes: &[usize]) -> (Vec<Vec<usize>>, bool) {
    let total = sizes
        .iter()
        .try_fold(1usize, |all, &n| all.checked_mul(n))
        .unwrap_or(usize::MAX);
    let list = (0..total.min(MAX_CHOICES))
        .map(|mut i| {
            let mut digits: Vec<usize> = sizes
                .iter()
                .rev()
                .map(|&n| {
                    let d = i % n;
                    i /= n;
                    d
                })
                .collect();
            digits.reverse();
            digits
        })
        .collect();
    (list, total > MAX_CHOICES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_run_through_every_combination_in_order_up_to_the_bound() {
        assert_eq!(choices(&[]), (vec![vec![]], false));
        assert_eq!(
            choices(&[2, 3]).0,
            vec![
                vec![0, 0],
                vec![0, 1],
                vec![0, 2],
                vec![1, 0],
                vec![1, 1],
                vec![1, 2]
            ]
        );
        let (many, cut) = choices(&[2; 9]);
        assert!(cut && many.len() == MAX_CHOICES && many[1] == [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    }
}
