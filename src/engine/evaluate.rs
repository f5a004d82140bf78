//! Evaluating a plan against a qualification's rules of combination.

use crate::catalogue::{group_name, LevelFilter, Qualification, Rule, Scope, UnitIdx};

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
}

impl RuleStatus {
    /// Machine name: `met`, `unmet` or `unconfirmed`.
    pub fn name(self) -> &'static str {
        match self {
            RuleStatus::Met => "met",
            RuleStatus::Unmet => "unmet",
            RuleStatus::Unconfirmed => "unconfirmed",
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
}

/// The evaluation of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Overall status.
    pub status: Status,
    /// One result per rule, in the qualification's order.
    pub rules: Vec<RuleResult>,
    /// Barred pairs that are both in the plan.
    pub conflicts: Vec<(UnitIdx, UnitIdx)>,
    /// For every unit of the qualification, whether it is in the plan or can be added.
    pub units: Vec<Availability>,
}

/// Bounds on what a rule counts: `low` from known values, `high` `None` when unbounded.
struct Tally {
    low: u32,
    high: Option<u32>,
    unknown: Vec<UnitIdx>,
}

fn level_counts(
    filter: Option<LevelFilter>,
    level: Option<crate::catalogue::Level>,
) -> Option<bool> {
    match (filter, level) {
        (None, _) => Some(true),
        (Some(f), Some(l)) => Some(f.admits(l)),
        (Some(_), None) => None,
    }
}

fn tally_credits(
    qual: &Qualification,
    plan: &Plan,
    scope: &Scope,
    level: Option<LevelFilter>,
) -> Tally {
    let mut tally = Tally {
        low: 0,
        high: Some(0),
        unknown: Vec::new(),
    };
    for u in plan
        .units()
        .filter(|&u| scope.includes(qual, qual.units[u].group))
    {
        let counts = level_counts(level, plan.level(qual, u));
        let credits = plan.credits(qual, u);
        match (counts, credits) {
            (Some(false), _) => {}
            (Some(true), Some(c)) => {
                tally.low += c;
                tally.high = tally.high.map(|h| h + c);
            }
            (None, Some(c)) => {
                tally.high = tally.high.map(|h| h + c);
                tally.unknown.push(u);
            }
            (_, None) => {
                tally.high = None;
                tally.unknown.push(u);
            }
        }
    }
    tally
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn more(n: u32, one: &str, many: &str) -> String {
    format!("{n} more {}", if n == 1 { one } else { many })
}

fn bounded(
    tally: Tally,
    min: Option<u32>,
    max: Option<u32>,
    noun: (&str, &str),
    phrase: String,
) -> (RuleStatus, bool, Option<String>, Tally) {
    let short = min.filter(|&m| tally.low < m);
    let over = max.filter(|&m| tally.low > m);
    let max_open = max.is_some_and(|m| tally.high.is_none_or(|h| h > m));
    let min_open = short.is_some_and(|m| tally.high.is_none_or(|h| h >= m));
    if let Some(m) = over {
        let text = format!(
            "remove {} over the maximum{phrase}",
            plural(tally.low - m, noun.0, noun.1)
        );
        return (RuleStatus::Unmet, true, Some(text), tally);
    }
    if let Some(m) = short {
        let text = format!("{}{phrase}", more(m - tally.low, noun.0, noun.1));
        let status = if min_open {
            RuleStatus::Unconfirmed
        } else {
            RuleStatus::Unmet
        };
        return (status, false, Some(text), tally);
    }
    if max_open {
        return (
            RuleStatus::Unconfirmed,
            false,
            Some(format!("the maximum{phrase} cannot be confirmed")),
            tally,
        );
    }
    (RuleStatus::Met, false, None, tally)
}

fn evaluate_rule(qual: &Qualification, plan: &Plan, rule: &Rule) -> RuleResult {
    let text = rule.describe(qual);
    let (status, over_max, still_needed, have, need, unknown_units) = match rule {
        Rule::AllMandatory => {
            let missing = qual
                .mandatory_units()
                .filter(|&u| !plan.contains(u))
                .count() as u32;
            let total = qual.mandatory_units().count() as u32;
            let status = if missing == 0 {
                RuleStatus::Met
            } else {
                RuleStatus::Unmet
            };
            let still = (missing > 0).then(|| more(missing, "mandatory unit", "mandatory units"));
            (status, false, still, total - missing, total, Vec::new())
        }
        Rule::Credits {
            scope,
            level,
            min,
            max,
        } => {
            let tally = tally_credits(qual, plan, scope, *level);
            let level_text = level.map(|f| f.phrase()).unwrap_or_default();
            let phrase = format!("{}{level_text}", scope.phrase(qual));
            let (status, over, still, tally) =
                bounded(tally, *min, *max, ("credit", "credits"), phrase);
            (
                status,
                over,
                still,
                tally.low,
                min.or(*max).unwrap_or(0),
                tally.unknown,
            )
        }
        Rule::Units { scope, min, max } => {
            let count = plan
                .units()
                .filter(|&u| scope.includes(qual, qual.units[u].group))
                .count() as u32;
            let tally = Tally {
                low: count,
                high: Some(count),
                unknown: Vec::new(),
            };
            let (status, over, still, tally) =
                bounded(tally, *min, *max, ("unit", "units"), scope.phrase(qual));
            (
                status,
                over,
                still,
                tally.low,
                min.or(*max).unwrap_or(0),
                Vec::new(),
            )
        }
        Rule::EachOptionalGroup { min_units } => {
            let optional: Vec<usize> = (0..qual.groups.len())
                .filter(|&g| !qual.groups[g].mandatory)
                .collect();
            let short: Vec<String> = optional
                .iter()
                .filter(|&&g| {
                    (plan.units().filter(|&u| qual.units[u].group == g).count() as u32) < *min_units
                })
                .map(|&g| group_name(qual, g))
                .collect();
            let have = (optional.len() - short.len()) as u32;
            let status = if short.is_empty() {
                RuleStatus::Met
            } else {
                RuleStatus::Unmet
            };
            let still = (!short.is_empty()).then(|| {
                format!(
                    "at least {} from {}",
                    plural(*min_units, "unit", "units"),
                    short.join(", ")
                )
            });
            (
                status,
                false,
                still,
                have,
                optional.len() as u32,
                Vec::new(),
            )
        }
    };
    RuleResult {
        text,
        status,
        have,
        need,
        over_max,
        still_needed,
        unknown_units,
    }
}

/// Whether adding `unit` to `plan` would certainly break some rule's maximum.
fn breaks_maximum(qual: &Qualification, plan: &Plan, unit: UnitIdx) -> Option<usize> {
    if qual.rules.iter().all(|entry| entry.rule.max().is_none()) {
        return None;
    }
    let mut bigger = plan.clone();
    bigger.add(unit);
    qual.rules.iter().enumerate().find_map(|(i, entry)| {
        entry.rule.max()?;
        let before = evaluate_rule(qual, plan, &entry.rule);
        let after = evaluate_rule(qual, &bigger, &entry.rule);
        (after.over_max && !before.over_max).then_some(i)
    })
}

/// Evaluates `plan` against every rule of `qual`.
pub fn evaluate(qual: &Qualification, plan: &Plan) -> Evaluation {
    let rules: Vec<RuleResult> = qual
        .rules
        .iter()
        .map(|entry| evaluate_rule(qual, plan, &entry.rule))
        .collect();
    let conflicts: Vec<(UnitIdx, UnitIdx)> = qual
        .barred
        .iter()
        .filter(|p| plan.contains(p.a) && plan.contains(p.b))
        .map(|p| (p.a.min(p.b), p.a.max(p.b)))
        .collect();
    let units = (0..qual.units.len())
        .map(|u| {
            if plan.contains(u) {
                return Availability::InPlan;
            }
            if let Some(with) = qual.barred_with(u).find(|&b| plan.contains(b)) {
                return Availability::Barred {
                    with,
                    mandatory: qual.is_mandatory(with),
                };
            }
            match breaks_maximum(qual, plan, u) {
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
    }
}
