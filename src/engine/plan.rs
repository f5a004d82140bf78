//! A learner's plan: the units chosen, and any values the learner entered for units whose
//! values the specification does not state.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalogue::{GroupIdx, Hours, Level, PathwayIdx, Qualification, UnitIdx};

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


/// Credit from elsewhere: a unit the qualification does not list, entered by the learner,
/// counted in a group that allows credits from other qualifications (up to its cap).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FromElsewhere {
    /// The group it counts in.
    pub group: GroupIdx,
    /// Its title, as the learner gives it.
    pub title: String,
    /// Its credit value, once entered.
    pub credits: Option<u32>,
    /// Its level, if entered (unknown otherwise).
    pub level: Option<Level>,
}

/// The units in a plan (mandatory units always included), entered values, the pathway
/// chosen (if the qualification has pathways) and credit from elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    chosen: BTreeSet<UnitIdx>,
    entered: BTreeMap<UnitIdx, Entered>,
    pathway: Option<PathwayIdx>,
    elsewhere: Vec<FromElsewhere>,
}

impl Plan {
    /// A plan holding just the mandatory units of `qual`.
    pub fn new(qual: &Qualification) -> Self {
        Plan {
            chosen: qual.mandatory_units().collect(),
            entered: BTreeMap::new(),
            pathway: None,
            elsewhere: Vec::new(),
        }
    }

    /// A plan of exactly these parts (no mandatory units added).
    pub(super) fn from_parts(
        chosen: BTreeSet<UnitIdx>,
        entered: BTreeMap<UnitIdx, Entered>,
        pathway: Option<PathwayIdx>,
    ) -> Self {
        Plan {
            chosen,
            entered,
            pathway,
            elsewhere: Vec::new(),
        }
    }

    /// Credit from elsewhere in the plan, in the order entered.
    pub fn elsewhere(&self) -> &[FromElsewhere] {
        &self.elsewhere
    }

    /// Adds credit from elsewhere.
    pub fn add_elsewhere(&mut self, entry: FromElsewhere) {
        self.elsewhere.push(entry);
    }

    /// The pathway chosen, if any.
    pub fn pathway(&self) -> Option<PathwayIdx> {
        self.pathway
    }

    /// Chooses a pathway (or none): the units mandatory only on the pathway left go, those
    /// mandatory on the new one come in.
    pub fn set_pathway(&mut self, qual: &Qualification, pathway: Option<PathwayIdx>) {
        let pathway = pathway.filter(|&p| p < qual.pathways.len());
        let old = self.pathway;
        self.chosen
            .retain(|&u| !qual.is_mandatory_on(u, old) || qual.is_mandatory_on(u, pathway));
        self.pathway = pathway;
        self.chosen
            .extend((0..qual.units.len()).filter(|&u| qual.is_mandatory_on(u, pathway)));
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
        if !qual.is_mandatory_on(unit, self.pathway) {
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
