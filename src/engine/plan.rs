//! A learner's plan: the units chosen, and any values the learner entered for units whose
//! values the specification does not state.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::{Hours, Level, Qualification, UnitIdx};

/// Values a learner entered from their centre's unit list for one unit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entered {
    /// Credit value, where the specification does not state one.
    pub credits: Option<u32>,
    /// Level, where the specification does not state one.
    pub level: Option<Level>,
}

/// What a total counts: credits, or hours of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Credit values.
    Credits,
    /// Guided learning hours or total qualification time.
    Hours(Hours),
}

/// The units in a plan (mandatory units always included) and entered values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    chosen: BTreeSet<UnitIdx>,
    entered: BTreeMap<UnitIdx, Entered>,
}

impl Plan {
    /// A plan holding just the mandatory units of `qual`.
    pub fn new(qual: &Qualification) -> Self {
        Plan {
            chosen: qual.mandatory_units().collect(),
            entered: BTreeMap::new(),
        }
    }

    /// A plan holding the mandatory units and `units`.
    pub fn with_units(qual: &Qualification, units: impl IntoIterator<Item = UnitIdx>) -> Self {
        let mut plan = Plan::new(qual);
        plan.chosen
            .extend(units.into_iter().filter(|&u| u < qual.units.len()));
        plan
    }

    /// Whether `unit` is in the plan.
    pub fn contains(&self, unit: UnitIdx) -> bool {
        self.chosen.contains(&unit)
    }

    /// The chosen units, in source order.
    pub fn units(&self) -> impl Iterator<Item = UnitIdx> + '_ {
        self.chosen.iter().copied()
    }

    /// Adds a unit (no effect if already present).
    pub fn add(&mut self, unit: UnitIdx) {
        self.chosen.insert(unit);
    }

    /// Removes an optional unit; mandatory units stay.
    pub fn remove(&mut self, qual: &Qualification, unit: UnitIdx) {
        if !qual.is_mandatory(unit) {
            self.chosen.remove(&unit);
        }
    }

    /// Values the learner entered, by unit.
    pub fn entered(&self) -> &BTreeMap<UnitIdx, Entered> {
        &self.entered
    }

    /// Records entered values for a unit; an all-empty entry removes it.
    pub fn set_entered(&mut self, unit: UnitIdx, entered: Entered) {
        if entered == Entered::default() {
            self.entered.remove(&unit);
        } else {
            self.entered.insert(unit, entered);
        }
    }

    /// The credit value the engine uses: the stated or inferred one, else the entered one.
    pub fn credits(&self, qual: &Qualification, unit: UnitIdx) -> Option<u32> {
        qual.units[unit]
            .credits
            .value()
            .copied()
            .or_else(|| self.entered.get(&unit)?.credits)
    }

    /// The level the engine uses: the stated or inferred one, else the entered one.
    pub fn level(&self, qual: &Qualification, unit: UnitIdx) -> Option<Level> {
        qual.units[unit]
            .level
            .value()
            .copied()
            .or_else(|| self.entered.get(&unit)?.level)
    }

    /// A unit's value in `measure`: credits as [`Plan::credits`]; hours only as the
    /// specification states or infers them (a learner does not enter hours).
    pub fn measure(&self, qual: &Qualification, unit: UnitIdx, measure: Measure) -> Option<u32> {
        let u = &qual.units[unit];
        match measure {
            Measure::Credits => self.credits(qual, unit),
            Measure::Hours(Hours::Glh) => u.glh.value().copied(),
            Measure::Hours(Hours::Tqt) => u.tqt.value().copied(),
        }
    }
}
