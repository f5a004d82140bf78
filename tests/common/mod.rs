//! Builders for qualifications made in code: small random ones for property tests and a
//! large synthetic one for benchmarks.

#![allow(dead_code)]

use proptest::prelude::*;

use unit_planner::catalogue::{
    BarredSet, Basis, Group, Level, LevelFilter, Qualification, Rule, RuleEntry, Scope, Sourced,
    Unit,
};

/// A unit for [`qualification`]: (group, credits or unknown, level or unknown).
pub type UnitSpec = (usize, Option<u32>, Option<Level>);

/// Builds a qualification from groups (mandatory flags), units, rules and barred pairs.
pub fn qualification(
    groups: &[bool],
    units: &[UnitSpec],
    rules: Vec<Rule>,
    barred: &[(usize, usize)],
) -> Qualification {
    let stated = Basis::Stated { line: 1, to: None };
    Qualification {
        id: "synthetic".into(),
        spec_file: "synthetic.toml".into(),
        source: "synthetic".into(),
        title: Sourced::stated("Synthetic qualification".into(), 1),
        awarding_body: Sourced::stated("Test".into(), 1),
        level: Sourced::stated(Level::Numbered(2), 1),
        number: Sourced::stated("000/0000/0".into(), 1),
        framework: Sourced::unknown("test"),
        glh: Sourced::unknown("test"),
        tqt: Sourced::unknown("test"),
        start_date: Sourced::unknown("test"),
        last_registration: Sourced::unknown("test"),
        last_certification: Sourced::unknown("test"),
        end_date: Sourced::unknown("test"),
        min_age: Sourced::unknown("test"),
        pathways: Vec::new(),
        groups: groups
            .iter()
            .enumerate()
            .map(|(i, &mandatory)| Group {
                id: format!("G{i}"),
                name: Sourced::stated(format!("Group {i}"), 1),
                mandatory,
                pathways: Vec::new(),
                elsewhere: None,
            })
            .collect(),
        units: units
            .iter()
            .enumerate()
            .map(|(i, &(group, credits, level))| Unit {
                key: i as u32 + 1,
                group,
                also: Vec::new(),
                code: Sourced::stated(format!("U{i:03}"), 1),
                reference: Sourced::unknown("test"),
                title: Sourced::stated(format!("Unit {i}"), 1),
                level: match level {
                    Some(l) => Sourced::stated(l, 1),
                    None => Sourced::unknown("test"),
                },
                credits: match credits {
                    Some(c) => Sourced::stated(c, 1),
                    None => Sourced::unknown("test"),
                },
                glh: Sourced::unknown("test"),
                tqt: Sourced::unknown("test"),
                nos: Sourced::unknown("test"),
                outcomes: Sourced::unknown("test"),
            })
            .collect(),
        rules: rules
            .into_iter()
            .map(|rule| RuleEntry {
                rule,
                basis: stated.clone(),
                pathways: Vec::new(),
            })
            .collect(),
        barred: barred
            .iter()
            .map(|&(a, b)| BarredSet {
                units: vec![a, b],
                basis: stated.clone(),
            })
            .collect(),
        only_one: Vec::new(),
        notes: Vec::new(),
    }
}

/// A deterministic pseudo-random sequence (xorshift), so benchmarks need no RNG crate.
pub struct Xorshift(pub u64);

impl Xorshift {
    /// The next number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A large qualification: one mandatory group of 4 units and `groups - 1` optional groups
/// sharing the rest of `units`, credits 2-10, levels 1-4, some barred pairs; rules like the
/// real ones (total credits, optional credits, credits at level 3 or above, one unit from
/// each optional group, a per-group cap).
pub fn synthetic(groups: usize, units: usize) -> Qualification {
    let mut rng = Xorshift(0x9e37_79b9_7f4a_7c15);
    let mut specs = Vec::new();
    for i in 0..units {
        let group = if i < 4 { 0 } else { 1 + (i - 4) % (groups - 1) };
        let credits = 2 + rng.below(9) as u32;
        let level = Level::Numbered(1 + rng.below(4) as u8);
        specs.push((group, Some(credits), Some(level)));
    }
    let barred: Vec<(usize, usize)> = (0..units / 10).map(|k| (4 + 2 * k, 5 + 2 * k)).collect();
    let rules = vec![
        Rule::AllMandatory,
        Rule::Credits {
            scope: Scope::All,
            level: None,
            min: Some(120),
            max: None,
        },
        Rule::Credits {
            scope: Scope::Optional,
            level: None,
            min: Some(90),
            max: None,
        },
        Rule::Credits {
            scope: Scope::All,
            level: Some(LevelFilter::at(Level::Numbered(3), true)),
            min: Some(60),
            max: None,
        },
        Rule::EachOptionalGroup { min_units: 1 },
        Rule::Units {
            scope: Scope::Groups(vec![1]),
            min: None,
            max: Some(3),
        },
    ];
    let mut mandatory = vec![false; groups];
    mandatory[0] = true;
    qualification(&mandatory, &specs, rules, &barred)
}

/// The levels random qualifications use (Entry 1 or above admits every level).
pub const LEVELS: [Level; 6] = [
    Level::Entry(1),
    Level::Entry(3),
    Level::Numbered(1),
    Level::Numbered(2),
    Level::Numbered(3),
    Level::Numbered(4),
];

fn level() -> impl Strategy<Value = Level> {
    proptest::sample::select(LEVELS.to_vec())
}

fn scope(groups: usize) -> impl Strategy<Value = Scope> {
    prop_oneof![
        Just(Scope::All),
        Just(Scope::Optional),
        proptest::collection::btree_set(0..groups, 1..=2)
            .prop_map(|g| Scope::Groups(g.into_iter().collect())),
    ]
}

/// Random rules with small bounds, minima, maxima and ranges, level filters included.
fn rule(groups: usize) -> impl Strategy<Value = Rule> {
    prop_oneof![
        (
            scope(groups),
            proptest::option::of((level(), any::<bool>())),
            proptest::option::of(1u32..16),
            proptest::option::of(0u32..20)
        )
            .prop_map(|(scope, lf, min, max)| Rule::Credits {
                scope,
                level: lf.map(|(level, or_above)| LevelFilter::at(level, or_above)),
                min: min.or(Some(1).filter(|_| max.is_none())),
                max: max.map(|m| m.max(min.unwrap_or(0))),
            }),
        (
            scope(groups),
            proptest::option::of(1u32..4),
            proptest::option::of(0u32..5)
        )
            .prop_map(|(scope, min, max)| Rule::Units {
                scope,
                min: min.or(Some(1).filter(|_| max.is_none())),
                max: max.map(|m| m.max(min.unwrap_or(0))),
            }),
        (1u32..3).prop_map(|n| Rule::EachOptionalGroup { min_units: n }),
        Just(Rule::AllMandatory),
    ]
}

/// Credits for random units: mostly known, small, often equal (even values set parity
/// traps for odd minima).
fn credits() -> impl Strategy<Value = Option<u32>> {
    proptest::option::weighted(0.85, prop_oneof![0u32..7, Just(2u32), Just(4u32)])
}

prop_compose! {
    /// A small random qualification: group 0 mandatory, up to 10 units (some of unknown
    /// credits or level), 1-3 rules, a few barred pairs.
    pub fn small_qualification()(groups in 2usize..4)(
        units in proptest::collection::vec((0..groups, credits(), proptest::option::weighted(0.85, level())), 1..10),
        rules in proptest::collection::vec(rule(groups), 1..4),
        barred in proptest::collection::vec((0usize..10, 0usize..10), 0..3),
        groups in Just(groups),
    ) -> Qualification {
        let mandatory: Vec<bool> = (0..groups).map(|g| g == 0).collect();
        let n = units.len();
        let barred: Vec<(usize, usize)> = barred.into_iter().map(|(a, b)| (a % n, b % n)).filter(|(a, b)| a != b).collect();
        qualification(&mandatory, &units, rules, &barred)
    }
}

/// A readable account of a random qualification, for failure messages.
pub fn describe(qual: &Qualification) -> String {
    let units: Vec<_> = qual
        .units
        .iter()
        .map(|u| {
            (
                u.group,
                u.credits.value().copied(),
                u.level.value().copied(),
            )
        })
        .collect();
    let rules: Vec<_> = qual.rules.iter().map(|r| r.rule.clone()).collect();
    let barred: Vec<_> = qual.barred.iter().map(|set| &set.units).collect();
    format!("units {units:?} rules {rules:?} barred {barred:?}")
}

/// A centre-sized qualification for the solver's limits: `units` optional units spread over
/// `groups` optional groups (plus a mandatory group of two), credits drawn from `credits`,
/// levels 1-4, a few barred pairs; rules: a credit total, optional credits at level 3 or
/// above, a unit from each optional group, and a cap on the first optional group.
pub fn centre_sized(
    groups: usize,
    units: usize,
    credits: &[u32],
    total: u32,
    seed: u64,
) -> Qualification {
    let mut rng = Xorshift(seed | 1);
    let mut specs = vec![
        (0, Some(5), Some(Level::Numbered(2))),
        (0, Some(5), Some(Level::Numbered(3))),
    ];
    for i in 0..units {
        let c = credits[rng.below(credits.len() as u64) as usize];
        let level = Level::Numbered(1 + rng.below(4) as u8);
        specs.push((1 + i % groups, Some(c), Some(level)));
    }
    let barred: Vec<(usize, usize)> = (0..units / 50).map(|k| (2 + 7 * k, 3 + 7 * k)).collect();
    let rules = vec![
        Rule::AllMandatory,
        Rule::Credits {
            scope: Scope::All,
            level: None,
            min: Some(total),
            max: None,
        },
        Rule::Credits {
            scope: Scope::Optional,
            level: Some(LevelFilter::at(Level::Numbered(3), true)),
            min: Some(total / 3),
            max: None,
        },
        Rule::EachOptionalGroup { min_units: 1 },
        Rule::Units {
            scope: Scope::Groups(vec![1]),
            min: None,
            max: Some(3),
        },
    ];
    let mut mandatory = vec![false; groups + 1];
    mandatory[0] = true;
    qualification(&mandatory, &specs, rules, &barred)
}

/// The shape that made checking cubic: `units` mandatory and `units` optional units in 50
/// optional groups, and `rules` maximum rules over single groups at varying levels.
pub fn many_maxima(units: usize, rules: usize) -> Qualification {
    let mut rng = Xorshift(0x5eed);
    let mut specs = Vec::new();
    for i in 0..2 * units {
        let group = if i < units { 0 } else { 1 + i % 50 };
        let level = Level::Numbered(1 + rng.below(4) as u8);
        specs.push((group, Some(1 + rng.below(9) as u32), Some(level)));
    }
    let rules = (0..rules)
        .map(|r| Rule::Credits {
            scope: Scope::Groups(vec![1 + r % 50]),
            level: Some(LevelFilter::at(
                Level::Numbered(1 + (r % 4) as u8),
                r % 2 == 0,
            )),
            min: None,
            max: Some(10_000 + r as u32),
        })
        .collect();
    let mut mandatory = vec![false; 51];
    mandatory[0] = true;
    qualification(&mandatory, &specs, rules, &[])
}

/// Property-test settings: `cases` unless `PROPTEST_CASES` asks for more (the long runs).
pub fn cases(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        max_global_rejects: cases.saturating_mul(4),
        ..ProptestConfig::default()
    }
}

/// One optional group of units with these credits (all at level 2), and one rule asking for
/// exactly `total` credits: the shape of the subset-sum cases.
pub fn exact_total(credits: impl IntoIterator<Item = u32>, total: u32) -> Qualification {
    let units: Vec<UnitSpec> = credits
        .into_iter()
        .map(|c| (1, Some(c), Some(Level::Numbered(2))))
        .collect();
    let rules = vec![Rule::Credits {
        scope: Scope::All,
        level: None,
        min: Some(total),
        max: Some(total),
    }];
    qualification(&[true, false], &units, rules, &[])
}

/// 80 units in 8 optional groups of 10, each group needing at least 7 credits; credits of
/// 2 and 3 only, so no two units make 7 and every group takes three (56 credits, 24 units).
/// `interleaved` puts unit `i` in group `i % 8`, else the groups follow one another.
pub fn eight_groups_of_seven(interleaved: bool) -> Qualification {
    let units: Vec<UnitSpec> = (0..80)
        .map(|i| {
            let (group, nth) = if interleaved {
                (i % 8, i / 8)
            } else {
                (i / 10, i % 10)
            };
            let credits = [3, 2, 3, 3, 2, 3, 2, 3, 3, 2][(nth + group) % 10];
            (1 + group, Some(credits), Some(Level::Numbered(2)))
        })
        .collect();
    let rules = (1..=8)
        .map(|g| Rule::Credits {
            scope: Scope::Groups(vec![g]),
            level: None,
            min: Some(7),
            max: None,
        })
        .collect();
    let mut mandatory = vec![false; 9];
    mandatory[0] = true;
    qualification(&mandatory, &units, rules, &[])
}

/// `credits.len()` optional units in one group, each barred with the next (a chain of
/// barred pairs), under `rules`.
pub fn barred_chain(credits: &[u32], rules: Vec<Rule>) -> Qualification {
    let units: Vec<UnitSpec> = credits
        .iter()
        .map(|&c| (1, Some(c), Some(Level::Numbered(2))))
        .collect();
    let pairs: Vec<(usize, usize)> = (1..credits.len()).map(|i| (i - 1, i)).collect();
    qualification(&[true, false], &units, rules, &pairs)
}

/// `groups` optional groups of `per_group` level-1 units (credits 1-5), one unit needed
/// from each, and level-1 credits capped at `cap`: no completion when `cap < groups`.
pub fn capped_level_one(groups: usize, per_group: usize, cap: u32) -> Qualification {
    let mut rng = Xorshift(0x1e7e1);
    let units: Vec<UnitSpec> = (0..groups * per_group)
        .map(|i| {
            let credits = 1 + rng.below(5) as u32;
            (1 + i % groups, Some(credits), Some(Level::Numbered(1)))
        })
        .collect();
    let rules = vec![
        Rule::EachOptionalGroup { min_units: 1 },
        Rule::Credits {
            scope: Scope::All,
            level: Some(LevelFilter::at(Level::Numbered(1), false)),
            min: None,
            max: Some(cap),
        },
    ];
    let mut mandatory = vec![false; groups + 1];
    mandatory[0] = true;
    qualification(&mandatory, &units, rules, &[])
}

/// `qual` with these barred sets (unit indices) instead of its own.
pub fn with_barred_sets(mut qual: Qualification, sets: Vec<Vec<usize>>) -> Qualification {
    qual.barred = sets
        .into_iter()
        .map(|units| BarredSet {
            units,
            basis: Basis::Stated { line: 1, to: None },
        })
        .collect();
    qual
}

prop_compose! {
    /// A random qualification shaped like the solver's hard cases, small enough to brute
    /// force: up to 6 groups, up to 12 units, up to 5 rules (minima per group, caps at a
    /// level), and barred sets of 2-4 units or a chain of barred neighbours.
    pub fn structured_qualification()(groups in 3usize..7)(
        units in proptest::collection::vec((0..groups, credits(), proptest::option::weighted(0.9, level())), 2..13),
        rules in proptest::collection::vec(rule(groups), 1..6),
        chain in proptest::option::of((0usize..12, 2usize..12)),
        sets in proptest::collection::vec(proptest::collection::vec(0usize..12, 2..5), 0..3),
        groups in Just(groups),
    ) -> Qualification {
        let mandatory: Vec<bool> = (0..groups).map(|g| g == 0).collect();
        let n = units.len();
        let mut barred: Vec<Vec<usize>> = Vec::new();
        if let Some((from, len)) = chain {
            barred.extend((from..(from + len).min(n)).skip(1).map(|i| vec![i - 1, i]));
        }
        for set in sets {
            let mut set: Vec<usize> = set.into_iter().map(|u| u % n).collect();
            set.dedup();
            if set.len() >= 2 && set.windows(2).all(|w| w[0] != w[1]) {
                let distinct: std::collections::BTreeSet<usize> = set.iter().copied().collect();
                if distinct.len() == set.len() {
                    barred.push(set);
                }
            }
        }
        with_barred_sets(qualification(&mandatory, &units, rules, &[]), barred)
    }
}
