//! Evaluating a plan against a qualification's rules of combination.

use crate::catalogue::{
    counts, group_name, Level, LevelFilter, Qualification, Rule, Scope, UnitIdx,
};

use super::holdings::{Holdings, Tally};
use super::maxima::Maxima;
use super::plan::Measure;
use super::Plan;

/// The outcome of one rule for a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleStatus {
    /// Met on known values.
    Met,
    /// Certainly not met (short of a minimum, or over a maximum).
    Unmet,
    /// Depends on values the specification does not state.
    Unconfirmed,
    /// Not checked: the rule belongs to another pathway, or no pathway is chosen yet.
    NotChecked,
}

impl RuleStatus {
    /// Machine name: `met`, `unmet` or `unconfirmed`.
    pub fn name(self) -> &'static str {
        match self {
            RuleStatus::Met => "met",
            RuleStatus::Unmet => "unmet",
            RuleStatus::Unconfirmed => "unconfirmed",
            RuleStatus::NotChecked => "not_checked",
        }
    }
}

/// The overall state of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Contains a barred pair or breaks a maximum: something must be removed.
    Blocked,
    /// Some rule is certainly unmet.
    Incomplete,
    /// Nothing is known to fail, but some rule depends on unstated values.
    Unconfirmed,
    /// Every rule is met on known values.
    Complete,
}

impl Status {
    /// Machine name: `blocked`, `incomplete`, `unconfirmed` or `complete`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Blocked => "blocked",
            Status::Incomplete => "incomplete",
            Status::Unconfirmed => "unconfirmed",
            Status::Complete => "complete",
        }
    }
}

/// One rule's result for a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleResult {
    /// The rule in words.
    pub text: String,
    /// Its status.
    pub status: RuleStatus,
    /// What the plan has on known values (credits, units, or groups covered).
    pub have: u32,
    /// What the rule needs (its minimum, else its maximum).
    pub need: u32,
    /// Whether the plan is certainly over the rule's maximum.
    pub over_max: bool,
    /// What is still needed, in words, when the rule is not met.
    pub still_needed: Option<String>,
    /// Units in the plan whose unstated values leave the rule open.
    pub unknown_units: Vec<UnitIdx>,
}

/// Whether a unit outside the plan can be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Already in the plan.
    InPlan,
    /// Can be added.
    Available,
    /// Barred with a unit already in the plan.
    Barred {
        /// The unit in the plan it is barred with.
        with: UnitIdx,
        /// Whether that unit is mandatory (so this one can never be taken).
        mandatory: bool,
    },
    /// Adding it would certainly break the maximum of a rule.
    OverMaximum {
        /// Index of the rule in the qualification's rules.
        rule: usize,
    },
    /// Not on the chosen pathway: it is listed only in groups of other pathways.
    OffPathway,
}

/// The evaluation of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Overall status.
    pub status: Status,
    /// One result per rule, in the qualification's order.
    pub rules: Vec<RuleResult>,
    /// Barred units both in the plan, in pairs: for each barred set, its first unit in the
    /// plan with each other unit of the set in the plan.
    pub conflicts: Vec<(UnitIdx, UnitIdx)>,
    /// For every unit of the qualification, whether it is in the plan or can be added.
    pub units: Vec<Availability>,
    /// Units in the plan that count toward no total ("only one of these counts"), each
    /// with the unit of its set that counts instead.
    pub not_counted: Vec<(UnitIdx, UnitIdx)>,
    /// Units in the plan that are not on the chosen pathway (they block it).
    pub off_pathway: Vec<UnitIdx>,
    /// The pathway the plan is checked against, if one is chosen.
    pub pathway: Option<crate::catalogue::PathwayIdx>,
    /// Whether the qualification has pathways and none is chosen (never complete).
    pub choose_pathway: bool,
    /// Units in the plan listed in several groups, with the group each is counted in.
    pub counted_in: Vec<(UnitIdx, crate::catalogue::GroupIdx)>,
    /// For each credit from elsewhere in the plan, the credits that count (`None`: not
    /// entered yet, or its group does not apply or allow credit from elsewhere).
    pub elsewhere: Vec<Option<u32>>,
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn more(n: u64, one: &str, many: &str) -> String {
    format!("{n} more {}", if n == 1 { one } else { many })
}

/// A count for display: sums are kept in `u64`, so this never wraps.
fn shown(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Most bit operations spent deciding whether units of unknown level can hit a window; past
/// it the rule stays unconfirmed, the answer that claims nothing.
const WINDOW_WORK: u64 = 50_000_000;

/// Whether some of `credits` (each counted or not) add up to a total in `from..=to`.
fn window_reachable(credits: &[u64], from: u64, to: u64) -> bool {
    let width = to + 1;
    if (credits.len() as u64).saturating_mul(width) > WINDOW_WORK {
        return true;
    }
    let mut sums = vec![false; width as usize];
    sums[0] = true;
    for &c in credits.iter().filter(|&&c| c > 0 && c <= to) {
        for s in (c..=to).rev() {
            if sums[(s - c) as usize] {
                sums[s as usize] = true;
            }
        }
    }
    sums[from.min(width) as usize..].iter().any(|&hit| hit)
}

/// The status of a count against its bounds: (status, over the maximum, still needed).
/// `maybe` gives the credits of the plan's units that may or may not count (unknown level).
fn bounded(
    tally: Tally,
    min: Option<u32>,
    max: Option<u32>,
    noun: (&str, &str),
    phrase: &str,
    maybe: &dyn Fn() -> Vec<u64>,
) -> (RuleStatus, bool, Option<String>) {
    let (min, max) = (min.map(u64::from), max.map(u64::from));
    if let Some(m) = max.filter(|&m| tally.low > m) {
        let text = format!(
            "remove {} over the maximum{phrase}",
            plural(tally.low - m, noun.0, noun.1)
        );
        return (RuleStatus::Unmet, true, Some(text));
    }
    if let Some(m) = min.filter(|&m| tally.low < m) {
        let text = format!("{}{phrase}", more(m - tally.low, noun.0, noun.1));
        let reachable = match (tally.high, max) {
            // A unit of unknown credits may count: any total from here up can be reached.
            (None, _) => true,
            (Some(h), Some(top)) if h > top => {
                window_reachable(&maybe(), m - tally.low, top - tally.low)
            }
            (Some(h), _) => h >= m,
        };
        let status = if reachable {
            RuleStatus::Unconfirmed
        } else {
            RuleStatus::Unmet
        };
        return (status, false, Some(text));
    }
    if max.is_some_and(|m| tally.high.is_none_or(|h| h > m)) {
        return (
            RuleStatus::Unconfirmed,
            false,
            Some(format!("the maximum{phrase} cannot be confirmed")),
        );
    }
    (RuleStatus::Met, false, None)
}

/// Units in the plan whose unknown values leave a total of `measure` open.
fn open_units(
    qual: &Qualification,
    plan: &Plan,
    holdings: &Holdings,
    scope: &Scope,
    level: Option<LevelFilter>,
    measure: Measure,
) -> Vec<UnitIdx> {
    holdings
        .open_units
        .iter()
        .copied()
        .filter(|&u| scope.includes(qual, qual.units[u].group))
        .filter(|&u| match counts(level, plan.level(qual, u)) {
            Some(false) => false,
            Some(true) => plan.measure(qual, u, measure).is_none(),
            None => true,
        })
        .collect()
}

/// A total of `measure` against its bounds: (status, over, still needed, have, unknown units).
#[allow(clippy::too_many_arguments)]
fn measured(
    qual: &Qualification,
    plan: &Plan,
    holdings: &Holdings,
    scope: &Scope,
    level: Option<LevelFilter>,
    measure: Measure,
    (min, max): (Option<u32>, Option<u32>),
    noun: (&str, &str),
) -> (RuleStatus, bool, Option<String>, u64, Vec<UnitIdx>) {
    let tally = holdings.total(scope, level, measure);
    let level_text = level.map(|f| f.phrase()).unwrap_or_default();
    let phrase = format!("{}{level_text}", scope.phrase(qual));
    let maybe = || {
        open_units(qual, plan, holdings, scope, level, measure)
            .into_iter()
            .filter_map(|u| plan.measure(qual, u, measure).map(u64::from))
            .collect()
    };
    let (status, over, still) = bounded(tally, min, max, noun, &phrase, &maybe);
    let unknown = if status == RuleStatus::Met {
        Vec::new()
    } else {
        open_units(qual, plan, holdings, scope, level, measure)
    };
    (status, over, still, tally.low, unknown)
}

/// Facts about the plan that several rules share, computed once.
struct Shared {
    holdings: Holdings,
    mandatory_total: u64,
    mandatory_missing: u64,
}

fn evaluate_rule(qual: &Qualification, plan: &Plan, shared: &Shared, rule: &Rule) -> RuleResult {
    let holdings = &shared.holdings;
    let text = rule.describe(qual);
    let need = |min: &Option<u32>, max: &Option<u32>| u64::from(min.or(*max).unwrap_or(0));
    let (status, over_max, still_needed, have, need, unknown_units) = match rule {
        Rule::AllMandatory => {
            let missing = shared.mandatory_missing;
            let status = if missing == 0 {
                RuleStatus::Met
            } else {
                RuleStatus::Unmet
            };
            let still = (missing > 0).then(|| more(missing, "mandatory unit", "mandatory units"));
            let total = shared.mandatory_total;
            (status, false, still, total - missing, total, Vec::new())
        }
        Rule::Credits {
            scope,
            level,
            min,
            max,
        } => {
            let (status, over, still, have, unknown) = measured(
                qual,
                plan,
                holdings,
                scope,
                *level,
                Measure::Credits,
                (*min, *max),
                ("credit", "credits"),
            );
            (status, over, still, have, need(min, max), unknown)
        }
        Rule::Hours {
            measure,
            scope,
            level,
            min,
            max,
        } => {
            let (status, over, still, have, unknown) = measured(
                qual,
                plan,
                holdings,
                scope,
                *level,
                Measure::Hours(*measure),
                (*min, *max),
                (measure.noun_one(), measure.noun()),
            );
            (status, over, still, have, need(min, max), unknown)
        }
        Rule::EveryUnit { scope, level } => {
            let (status, still, have, need, unknown) = every_unit(qual, plan, scope, *level);
            let over = status == RuleStatus::Unmet;
            (status, over, still, have, need, unknown)
        }
        Rule::Share {
            scope,
            level,
            share,
        } => {
            let (status, still, have, need) =
                super::share::verdict(qual, holdings, scope, *level, *share);
            let unknown = if status == RuleStatus::Met {
                Vec::new()
            } else {
                // Of unstated credits, or of unstated level where the band decides.
                holdings
                    .open_units
                    .iter()
                    .copied()
                    .filter(|&u| scope.includes(qual, qual.units[u].group))
                    .filter(|&u| {
                        plan.credits(qual, u).is_none()
                            || counts(Some(*level), plan.level(qual, u)).is_none()
                    })
                    .collect()
            };
            (status, false, still, have, need, unknown)
        }
        Rule::Units { scope, min, max } => {
            let tally = holdings.units(scope);
            let (status, over, still) = bounded(
                tally,
                *min,
                *max,
                ("unit", "units"),
                &scope.phrase(qual),
                &|| vec![1; (tally.high.unwrap_or(tally.low) - tally.low) as usize],
            );
            (status, over, still, tally.low, need(min, max), Vec::new())
        }
        Rule::EachOptionalGroup { min_units } => {
            let optional: Vec<usize> = (0..qual.groups.len())
                .filter(|&g| !qual.groups[g].mandatory)
                .collect();
            let short: Vec<(String, bool)> = optional
                .iter()
                .filter(|&&g| holdings.units_in(g).low < u64::from(*min_units))
                .map(|&g| {
                    let may = holdings.units_in(g).high >= Some(u64::from(*min_units));
                    (group_name(qual, g), may)
                })
                .collect();
            let have = (optional.len() - short.len()) as u64;
            let status = if short.is_empty() {
                RuleStatus::Met
            } else if short.iter().all(|s| s.1) {
                RuleStatus::Unconfirmed
            } else {
                RuleStatus::Unmet
            };
            let short: Vec<String> = short.into_iter().map(|s| s.0).collect();
            let still = (!short.is_empty()).then(|| {
                format!(
                    "at least {} from {}",
                    plural(u64::from(*min_units), "unit", "units"),
                    short.join(", ")
                )
            });
            (
                status,
                false,
                still,
                have,
                optional.len() as u64,
                Vec::new(),
            )
        }
    };
    RuleResult {
        text,
        status,
        have: shown(have),
        need: shown(need),
        over_max,
        still_needed,
        unknown_units,
    }
}

/// For each unit, the first unit in the plan it is barred with: in the first set, in the
/// order sets are listed, holding another unit in the plan, the first such unit listed.
fn barred_by(qual: &Qualification, plan: &Plan) -> Vec<Option<UnitIdx>> {
    let mut by = vec![None; qual.units.len()];
    for set in &qual.barred {
        let mut held = set.units.iter().copied().filter(|&u| plan.contains(u));
        let (Some(first), second) = (held.next(), held.next()) else {
            continue;
        };
        for &u in &set.units {
            let other = if u == first { second } else { Some(first) };
            if by[u].is_none() {
                by[u] = other;
            }
        }
    }
    by
}

/// Barred units both in the plan: for each set holding two or more, its first unit in the
/// plan with each other one (so every unit in conflict is named, in pairs linear in number).
fn conflicts(qual: &Qualification, plan: &Plan) -> Vec<(UnitIdx, UnitIdx)> {
    let mut out = Vec::new();
    for set in &qual.barred {
        let mut held = set.units.iter().copied().filter(|&u| plan.contains(u));
        if let Some(first) = held.next() {
            out.extend(
                held.filter(|&u| u != first)
                    .map(|u| (first.min(u), first.max(u))),
            );
        }
    }
    out
}

/// "Every unit in the band": (status, still needed, units certainly in it, units in scope,
/// units of unknown level). A unit outside the band breaks it as a maximum does.
fn every_unit(
    qual: &Qualification,
    plan: &Plan,
    scope: &Scope,
    band: LevelFilter,
) -> (RuleStatus, Option<String>, u64, u64, Vec<UnitIdx>) {
    let units: Vec<UnitIdx> = plan
        .units()
        .filter(|&u| scope.includes(qual, qual.units[u].group))
        .collect();
    let outside = units
        .iter()
        .filter(|&&u| counts(Some(band), plan.level(qual, u)) == Some(false))
        .count() as u64;
    let unknown: Vec<UnitIdx> = units
        .iter()
        .copied()
        .filter(|&u| counts(Some(band), plan.level(qual, u)).is_none())
        .collect();
    let inside = units.len() as u64 - outside - unknown.len() as u64;
    let (status, still) = if outside > 0 {
        let text = format!(
            "remove {} not{}{}",
            plural(outside, "unit", "units"),
            band.phrase(),
            scope.phrase(qual)
        );
        (RuleStatus::Unmet, Some(text))
    } else if !unknown.is_empty() {
        let text = format!(
            "the levels of {} are not stated",
            plural(unknown.len() as u64, "unit", "units")
        );
        (RuleStatus::Unconfirmed, Some(text))
    } else {
        (RuleStatus::Met, None)
    };
    (status, still, inside, units.len() as u64, unknown)
}

/// Each rule's result, with the sums they were read from.
fn results(qual: &Qualification, plan: &Plan) -> (Shared, Vec<RuleResult>) {
    let mandatory_total = qual.mandatory_units().count() as u64;
    let shared = Shared {
        holdings: Holdings::of(qual, plan),
        mandatory_total,
        mandatory_missing: mandatory_total
            - qual.mandatory_units().filter(|&u| plan.contains(u)).count() as u64,
    };
    let rules: Vec<RuleResult> = qual
        .rules
        .iter()
        .map(|entry| evaluate_rule(qual, plan, &shared, &entry.rule))
        .collect();
    (shared, rules)
}

/// Units outside the plan that would change which unit of an "only one of these counts"
/// set counts (a set holding one of them already), so that adding one is not additive.
fn replacing(qual: &Qualification, plan: &Plan) -> Vec<UnitIdx> {
    qual.only_one
        .iter()
        .filter(|set| set.units.iter().any(|&u| plan.contains(u)))
        .flat_map(|set| set.units.iter().copied().filter(|&u| !plan.contains(u)))
        .collect()
}

/// Evaluates `plan` against every rule of `qual` (a qualification without pathways, each
/// unit in one group), in time close to linear in the size of the qualification and the plan.
pub(super) fn evaluate_plain(qual: &Qualification, plan: &Plan) -> Evaluation {
    let (shared, rules) = results(qual, plan);
    let replacing = replacing(qual, plan);
    let over: Vec<bool> = rules.iter().map(|r| r.over_max).collect();
    let conflicts = conflicts(qual, plan);
    let outside: Vec<UnitIdx> = (0..qual.units.len())
        .filter(|&u| !plan.contains(u))
        .collect();
    let mut levels: Vec<Option<Level>> = outside.iter().map(|&u| plan.level(qual, u)).collect();
    crate::short_sort::sort_dedup(&mut levels);
    let maxima = Maxima::of(qual, &shared.holdings, &levels, &over);
    let barred = barred_by(qual, plan);
    let units = (0..qual.units.len())
        .map(|u| {
            if plan.contains(u) {
                return Availability::InPlan;
            }
            if let Some(with) = barred[u] {
                return Availability::Barred {
                    with,
                    mandatory: qual.is_mandatory(with),
                };
            }
            let broken = if replacing.contains(&u) {
                // Not additive: evaluated with the unit in.
                let mut with = plan.clone();
                with.add(u);
                let after = results(qual, &with).1;
                (0..after.len()).find(|&i| after[i].over_max && !over[i])
            } else {
                maxima.broken_by(qual, plan, u)
            };
            match broken {
                Some(rule) => Availability::OverMaximum { rule },
                None => Availability::Available,
            }
        })
        .collect();
    let status = if !conflicts.is_empty() || rules.iter().any(|r| r.over_max) {
        Status::Blocked
    } else if rules.iter().any(|r| r.status == RuleStatus::Unmet) {
        Status::Incomplete
    } else if qual.rules.is_empty()
        || qual.units.is_empty()
        || rules.iter().any(|r| r.status == RuleStatus::Unconfirmed)
    {
        Status::Unconfirmed
    } else {
        Status::Complete
    };
    Evaluation {
        status,
        rules,
        conflicts,
        units,
        not_counted: shared.holdings.counting.not_counted,
        off_pathway: Vec::new(),
        pathway: None,
        choose_pathway: false,
        counted_in: Vec::new(),
        elsewhere: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_is_reached_only_by_a_subset_that_lands_in_it() {
        assert!(window_reachable(&[3, 4], 3, 3));
        assert!(window_reachable(&[3, 4], 7, 7));
        assert!(!window_reachable(&[3, 4], 5, 6), "sums are 0, 3, 4 and 7");
        assert!(!window_reachable(&[4, 4], 5, 5));
        assert!(!window_reachable(&[0, 2], 1, 1));
        assert!(window_reachable(&[5], 0, 2), "taking nothing gives 0");
        assert!(!window_reachable(&[10], 3, 5));
        assert!(window_reachable(&[2, 3, 9], 11, 11));
    }

    #[test]
    fn past_its_work_bound_a_window_stays_open() {
        // Exactly at the bound the sums are worked out: odd totals from even credits.
        let at = WINDOW_WORK / 2;
        assert!(!window_reachable(&[2, 4], at - 1, at - 1));
        // One past it, the answer claims nothing.
        assert!(window_reachable(&[2, 4], at, at));
    }
}
