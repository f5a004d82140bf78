//! Builders for qualifications made in code: small random ones for property tests and a
//! large synthetic one for benchmarks.

#![allow(dead_code)]

use unit_planner::catalogue::{
    BarredPair, Basis, Group, Level, LevelFilter, Qualification, Rule, RuleEntry, Scope, Sourced,
    Unit,
};

/// A unit for [`qualification`]: (group, credits or unknown, level).
pub type UnitSpec = (usize, Option<u32>, Level);

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
        groups: groups
            .iter()
            .enumerate()
            .map(|(i, &mandatory)| Group {
                id: format!("G{i}"),
                name: Sourced::stated(format!("Group {i}"), 1),
                mandatory,
            })
            .collect(),
        units: units
            .iter()
            .enumerate()
            .map(|(i, &(group, credits, level))| Unit {
                key: i as u32 + 1,
                group,
                code: Sourced::stated(format!("U{i:03}"), 1),
                reference: Sourced::unknown("test"),
                title: Sourced::stated(format!("Unit {i}"), 1),
                level: Sourced::stated(level, 1),
                credits: match credits {
                    Some(c) => Sourced::stated(c, 1),
                    None => Sourced::unknown("test"),
                },
                glh: Sourced::unknown("test"),
                nos: Sourced::unknown("test"),
                outcomes: Sourced::unknown("test"),
            })
            .collect(),
        rules: rules
            .into_iter()
            .map(|rule| RuleEntry {
                rule,
                basis: stated.clone(),
            })
            .collect(),
        barred: barred
            .iter()
            .map(|&(a, b)| BarredPair {
                a,
                b,
                basis: stated.clone(),
            })
            .collect(),
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
        specs.push((group, Some(credits), level));
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
            level: Some(LevelFilter {
                level: Level::Numbered(3),
                or_above: true,
            }),
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
