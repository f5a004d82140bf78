//! Carrying units to another qualification: which qualifications in the catalogue share
//! units with a plan, how sure the match is, and the plan that starts there with them
//! marked as credit transfer.

use super::{PlanDoc, Progress, Transfer, MAX_FROM};
use crate::catalogue::{Qualification, Unit, UnitIdx};

/// Why two units are taken to be the same unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The Ofqual unit references are the same: the same unit.
    Reference,
    /// A source prints no reference, and the titles (and levels, where both are known) are
    /// the same: probably the same unit; the centre must confirm it.
    Title,
}

impl Match {
    /// The name software uses (`reference`, `title`).
    pub fn name(self) -> &'static str {
        match self {
            Match::Reference => "reference",
            Match::Title => "title",
        }
    }
}

/// A unit of the plan and the unit it matches in another qualification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carried {
    /// The unit in the plan's qualification.
    pub from: UnitIdx,
    /// The same unit in the other qualification.
    pub to: UnitIdx,
    /// How sure the match is.
    pub by: Match,
}

/// Another qualification with units in common.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    /// Its index in the catalogue.
    pub qualification: usize,
    /// The units in common, in the plan's order.
    pub units: Vec<Carried>,
}

fn folded(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether `a` and `b` are the same unit, and how sure that is.
pub fn same_unit(a: &Unit, b: &Unit) -> Option<Match> {
    let reference = |u: &Unit| u.reference.value().map(|r| folded(r).replace(' ', ""));
    if let (Some(ra), Some(rb)) = (reference(a), reference(b)) {
        return (ra == rb).then_some(Match::Reference);
    }
    let (Some(ta), Some(tb)) = (a.title.value(), b.title.value()) else {
        return None;
    };
    let levels_agree = match (a.level.value(), b.level.value()) {
        (Some(la), Some(lb)) => la == lb,
        _ => true,
    };
    (folded(ta) == folded(tb) && levels_agree).then_some(Match::Title)
}

/// How a unit brought in by credit transfer matches the unit it came from, when it came
/// from a qualification in `catalogue` (`from` names it as [`carried_plan`] does): so a
/// carried plan keeps saying which units the centre must confirm.
pub fn carried_match(catalogue: &[Qualification], from: &str, unit: &Unit) -> Option<Match> {
    let source = catalogue
        .iter()
        .find(|q| super::plain_text(q.title_text(), MAX_FROM) == from)?;
    source.units.iter().find_map(|u| same_unit(u, unit))
}

/// The other qualifications in `catalogue` that `units` of `catalogue[from]` appear in,
/// in catalogue order; each unit matches at most one unit there (the first).
pub fn destinations(
    catalogue: &[Qualification],
    from: usize,
    units: &[UnitIdx],
) -> Vec<Destination> {
    let source = &catalogue[from];
    catalogue
        .iter()
        .enumerate()
        .filter(|&(q, _)| q != from)
        .filter_map(|(q, qual)| {
            let carried: Vec<Carried> = units
                .iter()
                .filter_map(|&u| {
                    qual.units.iter().enumerate().find_map(|(to, unit)| {
                        same_unit(&source.units[u], unit).map(|by| Carried { from: u, to, by })
                    })
                })
                .collect();
            (!carried.is_empty()).then_some(Destination {
                qualification: q,
                units: carried,
            })
        })
        .collect()
}

/// A plan for `to` holding the carried units as credit transfer from `from`.
pub fn carried_plan(from: &Qualification, to: &Qualification, units: &[Carried]) -> PlanDoc {
    let mut doc = PlanDoc::new(to);
    for carried in units {
        let key = to.units[carried.to].key;
        if !to.is_mandatory(carried.to) {
            doc.units.insert(key);
        }
        doc.set_progress(key, Progress::Transferred);
        doc.transfers.insert(
            key,
            Transfer {
                from: super::plain_text(from.title_text(), MAX_FROM),
                date: None,
            },
        );
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{builtin, Level, Sourced};

    fn unit() -> Unit {
        let q = builtin::by_id("vtct-l1-cert-principles-cs").expect("built in");
        q.units[q.find_unit("CSP04").expect("a unit")].clone()
    }

    #[test]
    fn references_decide_when_both_sources_print_one() {
        let (a, mut b) = (unit(), unit());
        assert_eq!(same_unit(&a, &b), Some(Match::Reference));
        b.reference = Sourced::inferred("x".into(), "test");
        assert_eq!(same_unit(&a, &b), None, "same title, different reference");
    }

    #[test]
    fn without_a_reference_the_title_and_known_levels_must_agree() {
        let (a, mut b) = (unit(), unit());
        b.reference = Sourced::unknown("not printed");
        b.title = Sourced::inferred(format!("  {} ", a.title_text().to_uppercase()), "test");
        assert_eq!(same_unit(&a, &b), Some(Match::Title));
        b.level = Sourced::unknown("not printed");
        assert_eq!(
            same_unit(&a, &b),
            Some(Match::Title),
            "an unknown level does not refuse"
        );
        b.level = Sourced::inferred(Level::Numbered(3), "test");
        assert_eq!(same_unit(&a, &b), None, "known levels differ");
    }
}
