//! Which rule's maximum adding a unit would break, answered for every unit outside the plan
//! without evaluating the plan again per unit.
//!
//! Each region (all units, the optional groups, one group) at each level keeps a frontier
//! of the rules that cover it, in rule order, each with less room (`max - have`) than every
//! rule before it. The first rule a unit of `c` credits breaks is then the first frontier
//! entry with room below `c`.

use std::collections::HashMap;

use crate::catalogue::{
    counts, GroupIdx, Hours, Level, LevelFilter, Qualification, Rule, Scope, UnitIdx,
};

use super::holdings::Holdings;
use super::plan::Measure;
use super::Plan;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Region {
    All,
    Optional,
    Group(GroupIdx),
}

fn regions(scope: &Scope) -> Vec<Region> {
    match scope {
        Scope::All => vec![Region::All],
        Scope::Optional => vec![Region::Optional],
        Scope::Groups(list) => list.iter().map(|&g| Region::Group(g)).collect(),
    }
}

/// Rules in order, each with less room than those before it.
#[derive(Debug, Default)]
struct Frontier(Vec<(usize, u64)>);

impl Frontier {
    fn push(&mut self, rule: usize, room: u64) {
        if self.0.last().is_none_or(|&(_, r)| room < r) {
            self.0.push((rule, room));
        }
    }

    /// The first rule with less room than `size`.
    fn first_below(&self, size: u64) -> Option<usize> {
        let at = self.0.partition_point(|&(_, room)| room >= size);
        self.0.get(at).map(|&(rule, _)| rule)
    }
}

/// The maxima a plan has room under, by region and level.
pub struct Maxima {
    totals: HashMap<(Measure, Region, Option<Level>), Frontier>,
    units: HashMap<Region, Frontier>,
    /// "Every unit in the band" rules: (rule, scope, band).
    bands: Vec<(usize, Scope, LevelFilter)>,
}

impl Maxima {
    /// The room left under every maximum the plan is not already over (`over[i]`: rule `i`
    /// is). `levels` are the levels of the units that may be added (`None` for unknown).
    pub fn of(
        qual: &Qualification,
        holdings: &Holdings,
        levels: &[Option<Level>],
        over: &[bool],
    ) -> Maxima {
        let mut maxima = Maxima {
            totals: HashMap::new(),
            units: HashMap::new(),
            bands: Vec::new(),
        };
        for (i, entry) in qual.rules.iter().enumerate() {
            let (measure, scope, level, max) = match &entry.rule {
                Rule::Credits {
                    scope,
                    level,
                    max: Some(max),
                    ..
                } => (Measure::Credits, scope, level, max),
                Rule::Hours {
                    measure,
                    scope,
                    level,
                    max: Some(max),
                    ..
                } => (Measure::Hours(*measure), scope, level, max),
                Rule::EveryUnit { scope, level } => {
                    if !over[i] {
                        maxima.bands.push((i, scope.clone(), *level));
                    }
                    continue;
                }
                Rule::Units {
                    scope,
                    max: Some(max),
                    ..
                } => {
                    let Some(room) = u64::from(*max).checked_sub(holdings.units(scope).low) else {
                        continue;
                    };
                    for region in regions(scope) {
                        maxima.units.entry(region).or_default().push(i, room);
                    }
                    continue;
                }
                _ => continue,
            };
            let have = holdings.total(scope, *level, measure).low;
            let Some(room) = u64::from(*max).checked_sub(have) else {
                continue;
            };
            for region in regions(scope) {
                for &at in levels.iter().filter(|&&l| counts(*level, l) == Some(true)) {
                    maxima
                        .totals
                        .entry((measure, region, at))
                        .or_default()
                        .push(i, room);
                }
            }
        }
        maxima
    }

    /// The first rule whose maximum adding `unit` would certainly break.
    pub fn broken_by(&self, qual: &Qualification, plan: &Plan, unit: UnitIdx) -> Option<usize> {
        let group = qual.units[unit].group;
        let mut covering = vec![Region::All, Region::Group(group)];
        if !qual.groups[group].mandatory {
            covering.push(Region::Optional);
        }
        let level = plan.level(qual, unit);
        let by_band = self
            .bands
            .iter()
            .find(|(_, scope, band)| {
                scope.includes(qual, group) && counts(Some(*band), level) == Some(false)
            })
            .map(|b| b.0);
        let measures = [
            Measure::Credits,
            Measure::Hours(Hours::Glh),
            Measure::Hours(Hours::Tqt),
        ];
        covering
            .iter()
            .flat_map(|&region| {
                let by_totals = measures.iter().filter_map(move |&m| {
                    let value = plan.measure(qual, unit, m)?;
                    self.totals
                        .get(&(m, region, level))?
                        .first_below(u64::from(value))
                });
                let by_count = self.units.get(&region).and_then(|f| f.first_below(1));
                by_totals.chain(by_count)
            })
            .chain(by_band)
            .min()
    }
}
