//! The rule language's constructs together: pathways, units in two groups, credit from
//! elsewhere, level bands, GLH rules, every-unit rules, shares and "only one of these
//! counts", with some values unstated (and some entered by the learner), on small random
//! qualifications. The oracle reads the README's and `route.rs`'s stated readings with its
//! own code and tries every way of counting (each unit's group, each value an unstated
//! credit, level or GLH could take); `evaluate` must never say complete unless every such
//! value meets every rule for some choice of groups, never blocked or incomplete unless
//! every choice certainly fails, and `complete_plan`'s answers must agree with brute force.

mod common;

use std::collections::BTreeSet;

use proptest::prelude::*;
use unit_planner::catalogue::{
    Basis, Elsewhere, Fraction, Hours, Level, LevelFilter, OnlyOneCounts, Pathway, Qualification,
    Rule, Scope, Sourced,
};
use unit_planner::engine::{
    complete_plan, evaluate, Entered, FromElsewhere, NoCompletion, Plan, Status,
};

/// Levels units and bands use.
const LEVELS: [Level; 5] = [
    Level::Entry(3),
    Level::Numbered(1),
    Level::Numbered(2),
    Level::Numbered(3),
    Level::Numbered(4),
];

/// Levels an unstated level is tried at (the lowest, each used, the highest).
const TRIED_LEVELS: [Level; 7] = [
    Level::Entry(1),
    Level::Entry(3),
    Level::Numbered(1),
    Level::Numbered(2),
    Level::Numbered(3),
    Level::Numbered(4),
    Level::Numbered(8),
];

/// Values an unstated credit value is tried at (0 and past every bound included).
const TRIED_CREDITS: [u32; 8] = [0, 1, 2, 3, 5, 8, 13, 40];

/// Values an unstated GLH is tried at.
const TRIED_GLH: [u32; 6] = [0, 3, 8, 15, 30, 200];

/// Most unstated values in a plan the oracle enumerates; plans with more are skipped.
const MAX_UNKNOWNS: usize = 3;

// ---------------------------------------------------------------- the oracle

/// A value as the oracle sees it: stated, or the index of an unknown to enumerate.
#[derive(Debug, Clone, Copy)]
enum Val<T> {
    Known(T),
    Unknown(usize),
}

/// What is enumerated for an unknown.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Credits,
    Level,
    Glh,
}

/// One thing in the plan that may count: a listed unit, or credit from elsewhere.
#[derive(Debug, Clone)]
struct Item {
    /// The listed unit, `None` for credit from elsewhere.
    unit: Option<usize>,
    /// The groups it may be counted in (original indices).
    options: Vec<usize>,
    credits: Val<u32>,
    level: Val<Level>,
    glh: Val<u32>,
}

/// The plan read by the stated readings, before any choice or value.
struct Reading {
    /// A barred pair in the plan, or a unit on no group of the pathway: must be removed.
    blocked: bool,
    /// No pathway chosen (where there are pathways), or nothing to check: never complete.
    never_complete: bool,
    items: Vec<Item>,
    unknowns: Vec<Kind>,
    /// Indices of the rules that apply.
    rules: Vec<usize>,
    /// For each group, whether it applies and whether it is mandatory there.
    applies: Vec<bool>,
    mandatory: Vec<bool>,
    /// For each credit from elsewhere that counts, its item and the group's cap.
    elsewhere: Vec<(usize, u32)>,
}

/// A unit's credits: stated, else entered by the learner.
fn credits_of(qual: &Qualification, plan: &Plan, u: usize) -> Option<u32> {
    let entered = plan.entered().get(&u).and_then(|e| e.credits);
    qual.units[u].credits.value().copied().or(entered)
}

/// A unit's level: stated, else entered by the learner.
fn level_of(qual: &Qualification, plan: &Plan, u: usize) -> Option<Level> {
    let entered = plan.entered().get(&u).and_then(|e| e.level);
    qual.units[u].level.value().copied().or(entered)
}

fn group_applies(qual: &Qualification, g: usize, pathway: Option<usize>) -> bool {
    let tied = &qual.groups[g].pathways;
    tied.is_empty() || pathway.is_some_and(|p| tied.contains(&p))
}

fn read(qual: &Qualification, plan: &Plan) -> Reading {
    let pathway = plan.pathway();
    let applies: Vec<bool> = (0..qual.groups.len())
        .map(|g| group_applies(qual, g, pathway))
        .collect();
    let mandatory: Vec<bool> = (0..qual.groups.len())
        .map(|g| applies[g] && qual.groups[g].mandatory)
        .collect();
    // GLH is enumerated only where an hours rule reads it.
    let hours = qual
        .rules
        .iter()
        .any(|r| matches!(r.rule, Rule::Hours { .. }));
    let mut unknowns = Vec::new();
    let mut fresh = |kind: Kind| {
        unknowns.push(kind);
        unknowns.len() - 1
    };
    let mut blocked = false;
    let mut items = Vec::new();
    for u in plan.units() {
        let unit = &qual.units[u];
        let listed: Vec<usize> = std::iter::once(unit.group)
            .chain(unit.also.iter().copied())
            .filter(|&g| applies[g])
            .collect();
        if listed.is_empty() {
            blocked = true;
            continue;
        }
        let options = match listed.iter().find(|&&g| mandatory[g]) {
            Some(&g) => vec![g],
            None => listed,
        };
        items.push(Item {
            unit: Some(u),
            options,
            credits: credits_of(qual, plan, u)
                .map_or_else(|| Val::Unknown(fresh(Kind::Credits)), Val::Known),
            level: level_of(qual, plan, u)
                .map_or_else(|| Val::Unknown(fresh(Kind::Level)), Val::Known),
            glh: match unit.glh.value() {
                Some(&h) => Val::Known(h),
                None if hours => Val::Unknown(fresh(Kind::Glh)),
                None => Val::Known(0),
            },
        });
    }
    let mut elsewhere = Vec::new();
    for entry in plan.elsewhere() {
        let Some(cap) = qual
            .groups
            .get(entry.group)
            .filter(|_| applies[entry.group])
            .and_then(|g| g.elsewhere.as_ref())
            .map(|e| e.max_credits)
        else {
            continue;
        };
        elsewhere.push((items.len(), cap));
        items.push(Item {
            unit: None,
            options: vec![entry.group],
            credits: entry
                .credits
                .map_or_else(|| Val::Unknown(fresh(Kind::Credits)), Val::Known),
            level: entry
                .level
                .map_or_else(|| Val::Unknown(fresh(Kind::Level)), Val::Known),
            glh: if hours {
                Val::Unknown(fresh(Kind::Glh))
            } else {
                Val::Known(0)
            },
        });
    }
    for set in &qual.barred {
        if set.units.iter().filter(|&&u| plan.contains(u)).count() > 1 {
            blocked = true;
        }
    }
    let rules: Vec<usize> = (0..qual.rules.len())
        .filter(|&i| {
            let tied = &qual.rules[i].pathways;
            tied.is_empty() || pathway.is_some_and(|p| tied.contains(&p))
        })
        .collect();
    let on_pathway = (0..qual.units.len()).any(|u| {
        std::iter::once(qual.units[u].group)
            .chain(qual.units[u].also.iter().copied())
            .any(|g| applies[g])
    });
    let never_complete = (!qual.pathways.is_empty() && pathway.is_none())
        || rules.is_empty()
        || (!on_pathway && elsewhere.is_empty());
    Reading {
        blocked,
        never_complete,
        items,
        unknowns,
        rules,
        applies,
        mandatory,
        elsewhere,
    }
}

/// One way of counting: each item's group, credits (after the cap), level and GLH, and
/// whether it counts toward totals.
struct Counted {
    group: Vec<usize>,
    credits: Vec<u64>,
    level: Vec<Level>,
    glh: Vec<u64>,
    counts: Vec<bool>,
}

fn counted(qual: &Qualification, reading: &Reading, choice: &[usize], values: &[usize]) -> Counted {
    let items = &reading.items;
    let credits_of = |v: Val<u32>| match v {
        Val::Known(c) => c,
        Val::Unknown(i) => TRIED_CREDITS[values[i]],
    };
    let mut credits: Vec<u64> = items
        .iter()
        .map(|it| u64::from(credits_of(it.credits)))
        .collect();
    // Credit from elsewhere counts in entry order up to its group's cap.
    let mut room: Vec<Option<u64>> = vec![None; qual.groups.len()];
    for &(i, cap) in &reading.elsewhere {
        let g = items[i].options[0];
        let left = room[g].get_or_insert(u64::from(cap));
        let take = credits[i].min(*left);
        *left -= take;
        credits[i] = take;
    }
    let level = items
        .iter()
        .map(|it| match it.level {
            Val::Known(l) => l,
            Val::Unknown(i) => TRIED_LEVELS[values[i]],
        })
        .collect();
    let glh = items
        .iter()
        .map(|it| match it.glh {
            Val::Known(h) => u64::from(h),
            Val::Unknown(i) => u64::from(TRIED_GLH[values[i]]),
        })
        .collect();
    let group = items
        .iter()
        .zip(choice)
        .map(|(it, &c)| it.options[c])
        .collect();
    // Of an only-one set's units in the plan, the first of most credits counts.
    let mut counts = vec![true; items.len()];
    for set in &qual.only_one {
        let held: Vec<usize> = set
            .units
            .iter()
            .filter_map(|&u| items.iter().position(|it| it.unit == Some(u)))
            .collect();
        if held.len() < 2 {
            continue;
        }
        let mut winner = held[0];
        for &i in &held[1..] {
            if credits[i] > credits[winner] {
                winner = i;
            }
        }
        for &i in &held {
            counts[i] = i == winner;
        }
    }
    Counted {
        group,
        credits,
        level,
        glh,
        counts,
    }
}

fn admits(band: LevelFilter, level: Level) -> bool {
    band.from.is_none_or(|f| level >= f) && band.to.is_none_or(|t| level <= t)
}

/// (met, certainly over a ceiling) for one rule in one way of counting.
fn judge(qual: &Qualification, reading: &Reading, c: &Counted, rule: &Rule) -> (bool, bool) {
    let n = c.group.len();
    let in_scope = |scope: &Scope, i: usize| match scope {
        Scope::All => true,
        Scope::Optional => !reading.mandatory[c.group[i]],
        Scope::Groups(list) => list.contains(&c.group[i]),
    };
    let band_ok = |band: &Option<LevelFilter>, i: usize| band.is_none_or(|b| admits(b, c.level[i]));
    let within = |total: u64, min: &Option<u32>, max: &Option<u32>| {
        let over = max.is_some_and(|m| total > u64::from(m));
        let met = !over && min.is_none_or(|m| total >= u64::from(m));
        (met, over)
    };
    let counting = |scope: &Scope| -> Vec<usize> {
        (0..n)
            .filter(|&i| c.counts[i] && in_scope(scope, i))
            .collect()
    };
    match rule {
        Rule::AllMandatory => {
            let all = (0..qual.units.len()).all(|u| {
                let mandatory = std::iter::once(qual.units[u].group)
                    .chain(qual.units[u].also.iter().copied())
                    .any(|g| reading.mandatory[g]);
                !mandatory || reading.items.iter().any(|it| it.unit == Some(u))
            });
            (all, false)
        }
        Rule::Credits {
            scope,
            level,
            min,
            max,
        } => {
            let total = counting(scope)
                .into_iter()
                .filter(|&i| band_ok(level, i))
                .map(|i| c.credits[i])
                .sum();
            within(total, min, max)
        }
        Rule::Hours {
            scope,
            level,
            min,
            max,
            ..
        } => {
            let total = counting(scope)
                .into_iter()
                .filter(|&i| band_ok(level, i))
                .map(|i| c.glh[i])
                .sum();
            within(total, min, max)
        }
        Rule::Units { scope, min, max } => within(counting(scope).len() as u64, min, max),
        Rule::EachOptionalGroup { min_units } => {
            let met = (0..qual.groups.len())
                .filter(|&g| reading.applies[g] && !reading.mandatory[g])
                .all(|g| {
                    (0..n).filter(|&i| c.counts[i] && c.group[i] == g).count() as u32 >= *min_units
                });
            (met, false)
        }
        Rule::EveryUnit { scope, level } => {
            // Every unit taken, counted or not.
            let outside = (0..n).any(|i| in_scope(scope, i) && !admits(*level, c.level[i]));
            (!outside, outside)
        }
        Rule::Share {
            scope,
            level,
            share,
        } => {
            let whole: u64 = counting(scope).into_iter().map(|i| c.credits[i]).sum();
            let inside: u64 = counting(scope)
                .into_iter()
                .filter(|&i| admits(*level, c.level[i]))
                .map(|i| c.credits[i])
                .sum();
            (
                u64::from(share.den) * inside >= u64::from(share.num) * whole,
                false,
            )
        }
    }
}

/// Every combination of `sizes` (odometer order).
fn combinations(sizes: &[usize]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new()];
    for &s in sizes {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                (0..s).map(move |d| {
                    let mut next = prefix.clone();
                    next.push(d);
                    next
                })
            })
            .collect();
    }
    out
}

/// What brute force says of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Verdict {
    /// Some choice of groups meets every rule for every value the unknowns could take.
    complete: bool,
    /// A barred pair, a unit off the pathway, or every choice certainly over a ceiling.
    blocked: bool,
    /// Every choice has a rule that no value could meet.
    failing: bool,
    /// Every value is stated: the engine's bounds are then exact, and so must its verdict be.
    exact: bool,
}

/// `None` when the plan has too many unstated values to enumerate.
fn oracle(qual: &Qualification, plan: &Plan) -> Option<Verdict> {
    let reading = read(qual, plan);
    if reading.unknowns.len() > MAX_UNKNOWNS {
        return None;
    }
    let sizes: Vec<usize> = reading.items.iter().map(|it| it.options.len()).collect();
    let value_sizes: Vec<usize> = reading
        .unknowns
        .iter()
        .map(|k| match k {
            Kind::Credits => TRIED_CREDITS.len(),
            Kind::Level => TRIED_LEVELS.len(),
            Kind::Glh => TRIED_GLH.len(),
        })
        .collect();
    let all_values = combinations(&value_sizes);
    let (mut complete, mut every_over, mut every_failing) = (false, true, true);
    for choice in combinations(&sizes) {
        // Per rule: met for every value; over a ceiling for every value; met for none.
        let r = reading.rules.len();
        let (mut always, mut always_over, mut never) =
            (vec![true; r], vec![true; r], vec![true; r]);
        for values in &all_values {
            let c = counted(qual, &reading, &choice, values);
            for (k, &i) in reading.rules.iter().enumerate() {
                let (met, over) = judge(qual, &reading, &c, &qual.rules[i].rule);
                always[k] &= met;
                always_over[k] &= over;
                never[k] &= !met;
            }
        }
        complete |= always.iter().all(|&m| m);
        every_over &= always_over.iter().any(|&o| o);
        every_failing &= never.iter().any(|&n| n);
    }
    Some(Verdict {
        complete: complete && !reading.blocked && !reading.never_complete,
        blocked: reading.blocked || every_over,
        failing: reading.blocked || every_failing,
        exact: reading.unknowns.is_empty(),
    })
}

// ------------------------------------------------------------- the generator

fn band() -> impl Strategy<Value = LevelFilter> {
    (
        proptest::option::of(0usize..LEVELS.len()),
        proptest::option::of(0usize..LEVELS.len()),
    )
        .prop_map(|(a, b)| {
            let (a, b) = match (a, b) {
                (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
                other => other,
            };
            LevelFilter {
                from: a.map(|i| LEVELS[i]),
                to: b.map(|i| LEVELS[i]),
            }
        })
}

fn scope() -> impl Strategy<Value = Scope> {
    prop_oneof![
        Just(Scope::All),
        Just(Scope::Optional),
        proptest::collection::btree_set(0usize..4, 1..3)
            .prop_map(|g| Scope::Groups(g.into_iter().collect())),
    ]
}

fn bounds(
    min: std::ops::Range<u32>,
    max: std::ops::Range<u32>,
) -> impl Strategy<Value = (Option<u32>, Option<u32>)> {
    (proptest::option::of(min), proptest::option::of(max)).prop_map(|(a, b)| match (a, b) {
        (None, None) => (Some(1), None),
        (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
        other => other,
    })
}

fn rule() -> impl Strategy<Value = Rule> {
    prop_oneof![
        (scope(), proptest::option::of(band()), bounds(1..14, 2..16)).prop_map(
            |(scope, level, (min, max))| Rule::Credits {
                scope,
                level,
                min,
                max
            }
        ),
        (scope(), proptest::option::of(band()), bounds(1..40, 5..50)).prop_map(
            |(scope, level, (min, max))| Rule::Hours {
                measure: Hours::Glh,
                scope,
                level,
                min,
                max
            }
        ),
        (scope(), bounds(1..4, 1..5)).prop_map(|(scope, (min, max))| Rule::Units {
            scope,
            min,
            max
        }),
        (scope(), band()).prop_map(|(scope, level)| Rule::EveryUnit { scope, level }),
        (scope(), band(), (1u32..5, 1u32..5)).prop_map(|(scope, level, (a, b))| Rule::Share {
            scope,
            level,
            share: Fraction::new(a.min(b), a.max(b)).expect("0 < num ≤ den"),
        }),
        (1u32..3).prop_map(|n| Rule::EachOptionalGroup { min_units: n }),
    ]
}

/// A value, unstated one time in `odds`.
fn sometimes<T: std::fmt::Debug + Clone>(
    value: impl Strategy<Value = T>,
    odds: u32,
) -> impl Strategy<Value = Option<T>> {
    (value, 0..odds).prop_map(|(v, roll)| (roll != 0).then_some(v))
}

/// A unit: group, another group, credits, level, GLH.
type UnitGen = (
    usize,
    Option<usize>,
    Option<u32>,
    Option<usize>,
    Option<u32>,
);

fn qualification() -> impl Strategy<Value = Qualification> {
    let unit = (
        0usize..4,
        proptest::option::of(0usize..4),
        sometimes(0u32..7, 6),
        sometimes(0usize..LEVELS.len(), 6),
        sometimes(0u32..25, 5),
    );
    (
        any::<bool>(),
        (any::<bool>(), 0usize..3, any::<bool>(), 0usize..3),
        proptest::option::of(1u32..7),
        proptest::collection::vec(unit, 2..7),
        proptest::collection::vec((rule(), 0usize..3), 1..4),
        proptest::option::of((0usize..7, 0usize..7)),
        proptest::option::of(proptest::collection::btree_set(0usize..7, 2..4)),
    )
        .prop_map(
            |(routes, (m2, t2, m3, t3), cap, units, rules, barred, only)| {
                let units: Vec<UnitGen> = units;
                let n = units.len();
                let specs: Vec<common::UnitSpec> = units
                    .iter()
                    .map(|&(g, _, c, l, _)| (g, c, l.map(|i| LEVELS[i])))
                    .collect();
                let mut all = vec![Rule::AllMandatory];
                all.extend(rules.iter().map(|(r, _)| r.clone()));
                let pairs: Vec<(usize, usize)> = barred
                    .map(|(a, b)| (a % n, b % n))
                    .filter(|(a, b)| a != b)
                    .into_iter()
                    .collect();
                let mut qual = common::qualification(&[true, false, m2, m3], &specs, all, &pairs);
                for (u, &(g, also, _, _, glh)) in units.iter().enumerate() {
                    qual.units[u].also = also.filter(|&a| a != g).into_iter().collect();
                    qual.units[u].glh = match glh {
                        Some(h) => Sourced::stated(h, 1),
                        None => Sourced::unknown("test"),
                    };
                }
                qual.groups[1].elsewhere = cap.map(|max_credits| Elsewhere {
                    max_credits,
                    basis: Basis::Stated { line: 1, to: None },
                });
                if routes {
                    qual.pathways = ["P", "Q"]
                        .iter()
                        .map(|id| Pathway {
                            id: id.to_string(),
                            name: Sourced::stated(format!("Pathway {id}"), 1),
                        })
                        .collect();
                    for (g, t) in [(2, t2), (3, t3)] {
                        qual.groups[g].pathways = (t > 0).then(|| t - 1).into_iter().collect();
                    }
                    for (i, &(_, t)) in rules.iter().enumerate() {
                        qual.rules[i + 1].pathways = (t > 0).then(|| t - 1).into_iter().collect();
                    }
                }
                if let Some(set) = only {
                    let members: BTreeSet<usize> = set.into_iter().map(|u| u % n).collect();
                    if members.len() >= 2 {
                        qual.only_one.push(OnlyOneCounts {
                            units: members.into_iter().collect(),
                            basis: Basis::Stated { line: 1, to: None },
                        });
                    }
                }
                qual
            },
        )
}

/// Credit from elsewhere: group (mostly the one that allows it), credits, level.
fn elsewhere() -> impl Strategy<Value = Vec<FromElsewhere>> {
    let entry = (
        prop_oneof![4 => Just(1usize), 1 => 0usize..4],
        sometimes(0u32..7, 4),
        sometimes(0usize..LEVELS.len(), 3),
    );
    proptest::collection::vec(entry, 0..3).prop_map(|entries| {
        entries
            .into_iter()
            .enumerate()
            .map(|(i, (group, credits, level))| FromElsewhere {
                group,
                title: format!("Elsewhere {i}"),
                credits,
                level: level.map(|l| LEVELS[l]),
            })
            .collect()
    })
}

/// Values a learner entered: unit, credits, level.
type EnteredGen = Vec<(usize, Option<u32>, Option<usize>)>;

fn entered() -> impl Strategy<Value = EnteredGen> {
    proptest::collection::vec(
        (
            0usize..7,
            sometimes(0u32..7, 2),
            sometimes(0usize..LEVELS.len(), 2),
        ),
        0..2,
    )
}

fn plan_of(
    qual: &Qualification,
    picks: &BTreeSet<usize>,
    pathway: Option<usize>,
    elsewhere: &[FromElsewhere],
    entered: &EnteredGen,
) -> Plan {
    let n = qual.units.len();
    let mut plan = Plan::with_units(qual, picks.iter().map(|p| p % n));
    for &(u, credits, level) in entered {
        let level = level.map(|l| LEVELS[l]);
        plan.set_entered(u % n, Entered { credits, level });
    }
    plan.set_pathway(qual, pathway.filter(|_| !qual.pathways.is_empty()));
    for entry in elsewhere {
        plan.add_elsewhere(entry.clone());
    }
    plan
}

/// Whether every value of the unit a rule reads is stated or entered (the solver plans
/// only on those).
fn all_stated(qual: &Qualification, plan: &Plan, u: usize) -> bool {
    let hours = qual
        .rules
        .iter()
        .any(|r| matches!(r.rule, Rule::Hours { .. }));
    credits_of(qual, plan, u).is_some()
        && level_of(qual, plan, u).is_some()
        && (qual.units[u].glh.value().is_some() || !hours)
}

/// The plan with `add`, on `pathway`.
fn with(qual: &Qualification, plan: &Plan, add: &[usize], pathway: Option<usize>) -> Plan {
    let mut out = plan.clone();
    out.set_pathway(qual, pathway);
    add.iter().for_each(|&u| out.add(u));
    out
}

/// Whether brute force completes `plan` by adding units whose values are all stated, on its
/// pathway or (none chosen) any, into a plan of no unstated value (where the engine's
/// bounds are exact); `None` when some plan could not be enumerated.
fn some_completion(qual: &Qualification, plan: &Plan) -> Option<bool> {
    let pathways: Vec<Option<usize>> = match (qual.pathways.is_empty(), plan.pathway()) {
        (true, _) => vec![None],
        (false, Some(p)) => vec![Some(p)],
        (false, None) => (0..qual.pathways.len()).map(Some).collect(),
    };
    for p in pathways {
        let base = with(qual, plan, &[], p);
        let rest: Vec<usize> = (0..qual.units.len())
            .filter(|&u| !base.contains(u) && all_stated(qual, plan, u))
            .collect();
        for mask in 0u32..(1 << rest.len()) {
            let add: Vec<usize> = (0..rest.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| rest[i])
                .collect();
            let truth = oracle(qual, &with(qual, plan, &add, p))?;
            if truth.complete && truth.exact {
                return Some(true);
            }
        }
    }
    Some(false)
}

/// A readable account of a qualification, for failure messages.
fn describe(qual: &Qualification) -> String {
    let groups: Vec<_> = qual
        .groups
        .iter()
        .map(|g| {
            (
                g.mandatory,
                &g.pathways,
                g.elsewhere.as_ref().map(|e| e.max_credits),
            )
        })
        .collect();
    let units: Vec<_> = qual
        .units
        .iter()
        .map(|u| {
            (
                u.group,
                &u.also,
                u.credits.value(),
                u.level.value(),
                u.glh.value(),
            )
        })
        .collect();
    let rules: Vec<_> = qual.rules.iter().map(|r| (&r.rule, &r.pathways)).collect();
    let barred: Vec<_> = qual.barred.iter().map(|s| &s.units).collect();
    let only: Vec<_> = qual.only_one.iter().map(|s| &s.units).collect();
    format!(
        "pathways {}\ngroups {groups:?}\nunits {units:?}\nrules {rules:?}\n\
         barred {barred:?} only one {only:?}",
        qual.pathways.len()
    )
}

proptest! {
    #![proptest_config(common::cases(2000))]

    /// Never complete unless brute force finds every rule met for every unstated value (for
    /// some choice of groups); never blocked or incomplete unless every choice fails.
    #[test]
    fn the_status_never_claims_more_than_brute_force(
        qual in qualification(),
        picks in proptest::collection::btree_set(0usize..7, 0..5),
        pathway in proptest::option::of(0usize..2),
        elsewhere in elsewhere(),
        entered in entered(),
    ) {
        let plan = plan_of(&qual, &picks, pathway, &elsewhere, &entered);
        let Some(truth) = oracle(&qual, &plan) else { return Ok(()) };
        let status = evaluate(&qual, &plan).status;
        let context = || format!("{status:?} {truth:?} units {:?} pathway {:?} elsewhere {:?}\n{}",
            plan.units().collect::<Vec<_>>(), plan.pathway(), plan.elsewhere(), describe(&qual));
        if status == Status::Complete {
            prop_assert!(truth.complete, "complete, yet brute force disagrees: {}", context());
        }
        if status == Status::Blocked {
            prop_assert!(
                truth.blocked,
                "blocked, yet some choice is not over a ceiling: {}",
                context()
            );
        }
        let choose = !qual.pathways.is_empty() && plan.pathway().is_none();
        if status == Status::Incomplete && !choose {
            prop_assert!(truth.failing, "incomplete, yet every rule could be met: {}", context());
        }
        // Where values are unstated the engine may claim less than brute force (an
        // undecided only-one set is bounded over its members): only soundness is asked.
        if truth.exact {
            prop_assert_eq!(status == Status::Complete, truth.complete, "{}", context());
        }
    }

}

proptest! {
    #![proptest_config(common::cases(600))]

    /// A completion `complete_plan` proposes is complete by brute force; "none" only when
    /// brute force finds none among units whose values are stated.
    #[test]
    fn the_solver_agrees_with_brute_force(
        qual in qualification(),
        picks in proptest::collection::btree_set(0usize..7, 0..3),
        pathway in proptest::option::of(0usize..2),
        elsewhere in elsewhere(),
        entered in entered(),
    ) {
        let plan = plan_of(&qual, &picks, pathway, &elsewhere, &entered);
        let Some(possible) = some_completion(&qual, &plan) else { return Ok(()) };
        let context = || format!("units {:?} pathway {:?} elsewhere {:?}\n{}",
            plan.units().collect::<Vec<_>>(), plan.pathway(), plan.elsewhere(), describe(&qual));
        match complete_plan(&qual, &plan, &BTreeSet::new()) {
            Ok(done) => {
                let done_plan = with(&qual, &plan, &done.add, done.pathway.or(plan.pathway()));
                let truth = oracle(&qual, &done_plan);
                prop_assert!(
                    truth.is_none_or(|t| t.complete),
                    "proposed {:?} on {:?}, not complete by brute force: {}",
                    done.add,
                    done.pathway,
                    context()
                );
                let status = evaluate(&qual, &done_plan).status;
                prop_assert_eq!(status, Status::Complete, "{}", context());
            }
            Err(NoCompletion::Stopped | NoCompletion::TooLarge) => {}
            Err(why) => prop_assert!(
                !possible,
                "{:?}, yet brute force completes it: {}",
                why,
                context()
            ),
        }
    }
}

/// Regression: credit from elsewhere not entered yet may take all of its group's room, so a
/// later entry's credits are not known to count (they were counted in full, and the plan
/// was called complete while an unstated value could leave a rule unmet).
#[test]
fn credit_after_an_entry_not_entered_is_not_known_to_count() {
    let band = LevelFilter {
        from: Some(Level::Entry(3)),
        to: None,
    };
    let rule = Rule::Credits {
        scope: Scope::All,
        level: Some(band),
        min: Some(1),
        max: None,
    };
    let mut qual = common::qualification(
        &[true, false],
        &[(0, Some(0), Some(Level::Entry(3)))],
        vec![Rule::AllMandatory, rule],
        &[],
    );
    qual.groups[1].elsewhere = Some(Elsewhere {
        max_credits: 1,
        basis: Basis::Stated { line: 1, to: None },
    });
    let mut plan = Plan::new(&qual);
    let entry = |credits, level| FromElsewhere {
        group: 1,
        title: "Elsewhere".into(),
        credits,
        level,
    };
    plan.add_elsewhere(entry(None, None));
    plan.add_elsewhere(entry(Some(1), Some(Level::Entry(3))));
    assert_eq!(evaluate(&qual, &plan).status, Status::Unconfirmed);
    assert!(!oracle(&qual, &plan).expect("two unknowns").complete);
    // Entered at 1 credit at Entry 1, the first takes the room and the rule is unmet.
    let mut entered = Plan::new(&qual);
    entered.add_elsewhere(entry(Some(1), Some(Level::Entry(1))));
    entered.add_elsewhere(entry(Some(1), Some(Level::Entry(3))));
    assert_eq!(evaluate(&qual, &entered).status, Status::Incomplete);
}
