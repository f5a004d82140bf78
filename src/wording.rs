//! Every sentence the command-line checker and the web app both show about a plan: one
//! voice for both front ends, tested once here.

use crate::catalogue::{Level, Qualification, Rule, UnitIdx};
use crate::document::carry::Match;
use crate::document::{Changes, Review, Verdict};
use crate::engine::{Evaluation, RuleResult, RuleStatus, Status};

/// A rule's mark: ✓ met, ✗ still needed, ? can't be confirmed.
pub fn mark(status: RuleStatus) -> &'static str {
    match status {
        RuleStatus::Met => "✓",
        RuleStatus::Unmet => "✗",
        RuleStatus::Unconfirmed => "?",
    }
}

/// A rule's state in words, for readers who do not see the mark.
pub fn state(status: RuleStatus) -> &'static str {
    match status {
        RuleStatus::Met => "met",
        RuleStatus::Unmet => "still needed",
        RuleStatus::Unconfirmed => "can't be confirmed",
    }
}

/// What a rule's count is measured against: `8`, `≤10`, or a range `5–10`.
fn target(rule: &Rule, need: u32) -> String {
    let bounds = match rule {
        Rule::Credits { min, max, .. } | Rule::Units { min, max, .. } => (*min, *max),
        Rule::AllMandatory | Rule::EachOptionalGroup { .. } => (Some(need), None),
    };
    match bounds {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        (None, Some(b)) => format!("≤{b}"),
        (Some(a), None) => a.to_string(),
        (None, None) => need.to_string(),
    }
}

/// A rule's count against what it asks: `3 / 8`, `7 / 5–10`, `4 / ≤10`.
pub fn count(rule: &Rule, result: &RuleResult) -> String {
    format!("{} / {}", result.have, target(rule, result.need))
}

/// The label of a unit, for lists of units.
fn label(qual: &Qualification, unit: UnitIdx) -> String {
    qual.units[unit].label().to_string()
}

/// Two units that cannot both be taken: "CSP04 and CSP14 are barred".
pub fn barred(qual: &Qualification, a: UnitIdx, b: UnitIdx) -> String {
    format!("{} and {} are barred", label(qual, a), label(qual, b))
}

/// The overall verdict in one sentence, naming what blocks the plan or what is not stated.
pub fn headline(qual: &Qualification, eval: &Evaluation) -> String {
    match eval.status {
        Status::Complete => "✓ Complete: every rule is met".into(),
        Status::Incomplete => "✗ Incomplete: some rules are not met yet".into(),
        Status::Unconfirmed => {
            let mut units: Vec<String> = eval
                .rules
                .iter()
                .flat_map(|r| r.unknown_units.iter().map(|&u| label(qual, u)))
                .collect();
            units.sort();
            units.dedup();
            if units.is_empty() {
                "? Can't be confirmed: the rules depend on values the specification does not state"
                    .into()
            } else {
                format!(
                    "? Can't be confirmed: the specification does not state values for {}",
                    units.join(", ")
                )
            }
        }
        Status::Blocked => {
            let pairs: Vec<String> = eval
                .conflicts
                .iter()
                .map(|&(a, b)| format!("{} and {}", label(qual, a), label(qual, b)))
                .collect();
            if pairs.is_empty() {
                "✗ Blocked: a maximum is exceeded".into()
            } else {
                format!("✗ Blocked: {} are barred together", pairs.join("; "))
            }
        }
    }
}

/// A level as a person reads it: "Level 2", "Entry 3" (never "Level Entry 3").
pub fn level(level: Level) -> String {
    match level {
        Level::Entry(_) => level.to_string(),
        Level::Numbered(_) => format!("Level {level}"),
    }
}

/// A qualification's awarding body, level and number on one line, saying which the
/// specification does not state.
pub fn facts(qual: &Qualification) -> String {
    format!(
        "{} · {} · {}",
        qual.awarding_body
            .value()
            .map_or("awarding body not stated", String::as_str),
        qual.level
            .value()
            .map_or("level not stated".into(), |&l| level(l)),
        qual.number
            .value()
            .map_or("number not stated", String::as_str),
    )
}

/// An adviser's review in one line: "Approved by Sam Okafor on 24/11/2026", and when the
/// plan has changed since, that the verdict is out of date.
pub fn review(review: &Review, current: bool) -> String {
    let mark = match review.verdict {
        Verdict::Approved => "✓",
        Verdict::Changes => "✎",
    };
    let line = format!(
        "{mark} {} by {} on {}",
        review.verdict.label(),
        review.by,
        review.date.uk()
    );
    if current {
        line
    } else {
        format!("{line} — out of date: the plan has changed since the review")
    }
}

/// Changes between two versions of a plan, a line each: units added, units removed,
/// progress changed. Units no longer in the catalogue are named by key.
pub fn changes(qual: &Qualification, changes: &Changes) -> Vec<String> {
    let unit = |key: u32| match qual.unit_by_key(key) {
        Some(u) => format!("{} {}", qual.units[u].label(), qual.units[u].title_text()),
        None => format!("unit key {key} (no longer in the catalogue)"),
    };
    let added = changes.added.iter().map(|&k| format!("Added {}", unit(k)));
    let removed = changes
        .removed
        .iter()
        .map(|&k| format!("Removed {}", unit(k)));
    let progress = changes
        .progress
        .iter()
        .map(|&(k, from, to)| format!("{}: {} → {}", unit(k), from.label(), to.label()));
    added.chain(removed).chain(progress).collect()
}

/// Said in place of a plan's status until the app has read the saved plan.
pub const CHECKING: &str = "Checking your plan…";

/// What a credit transfer means, as the sources support it.
pub const TRANSFER_MEANS: &str = "Credit transfer: a unit achieved in another qualification counts toward every rule here like an achieved unit. Tell your centre, which claims it from the awarding body.";

/// What an exemption means, and that the sources leave it open.
pub const EXEMPT_MEANS: &str = "Exempt: recognised learning from outside the framework takes the unit's place in the rules, but it is not credit you gained. None of the specifications in this catalogue describes exemptions: ask your awarding body whether it accepts one before relying on it.";

/// The "achieved so far" line: credit gained (achieved and transferred), against the
/// qualification's total when it has one; exempt units are listed apart.
pub fn achieved(gained: u64, total: Option<u32>, exempt: &[String]) -> String {
    let mut line = match total {
        Some(total) => format!("Achieved so far: {gained} of {total} credits"),
        None => format!("Achieved so far: {gained} credits"),
    };
    if !exempt.is_empty() {
        line += &format!(
            " (not counting exempt units, which are not credit gained: {})",
            exempt.join(", ")
        );
    }
    line
}

/// What an import did, in one sentence.
pub fn imported(report: &crate::document::store::Imported) -> String {
    let plans = |n: usize| {
        if n == 1 {
            "1 plan".to_string()
        } else {
            format!("{n} plans")
        }
    };
    let mut parts = vec![format!("{} added", plans(report.added))];
    if report.updated > 0 {
        parts.push(format!(
            "{} replaced by a newer copy",
            plans(report.updated)
        ));
    }
    if report.unchanged > 0 {
        parts.push(format!("{} already here", plans(report.unchanged)));
    }
    if report.skipped > 0 {
        parts.push(format!(
            "{} left out (their qualification is not in this catalogue)",
            plans(report.skipped)
        ));
    }
    format!("Imported: {}.", parts.join(", "))
}

/// How sure a match between units of two qualifications is, for a person.
pub fn carry_match(by: Match) -> &'static str {
    match by {
        Match::Reference => "same unit (the Ofqual unit reference matches)",
        Match::Title => "probably the same unit (same title; no reference printed) — your centre must confirm it",
    }
}

/// A level saved as text (`"Entry 3"`, `"2"`) as a person reads it; text that is not a
/// level is shown as it is.
pub fn level_text(text: &str) -> String {
    text.parse::<Level>()
        .map_or_else(|_| text.to_string(), level)
}

/// A number of credits: "1 credit", "5 credits".
pub fn credit_count(n: u32) -> String {
    format!("{n} {}", if n == 1 { "credit" } else { "credits" })
}

/// The heading of a proposal to complete a plan: "Add 1 unit (3 credits)", or without the
/// credits "Add 2 units".
pub fn proposal(units: usize, credits: Option<u32>) -> String {
    let noun = if units == 1 { "unit" } else { "units" };
    match credits {
        Some(c) => format!("Add {units} {noun} ({})", credit_count(c)),
        None => format!("Add {units} {noun}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;
    use crate::engine::{evaluate, Plan};

    fn vtct() -> &'static Qualification {
        builtin::by_id("vtct-l1-cert-principles-cs").expect("built in")
    }

    fn plan(qual: &Qualification, codes: &[&str]) -> Plan {
        Plan::with_units(
            qual,
            codes.iter().map(|c| qual.find_unit(c).expect("a unit")),
        )
    }

    #[test]
    fn levels_read_as_printed() {
        assert_eq!(level(Level::Entry(3)), "Entry 3");
        assert_eq!(level(Level::Numbered(2)), "Level 2");
        assert_eq!(level_text("Entry 2"), "Entry 2");
        assert_eq!(level_text("3"), "Level 3");
        assert_eq!(level_text("nine"), "nine");
    }

    #[test]
    fn facts_name_what_the_specification_does_not_state() {
        let mut q = vtct().clone();
        assert_eq!(facts(&q), "VTCT (Skillsfirst) · Level 1 · 600/4940/6");
        q.number = crate::catalogue::Sourced::unknown("not printed");
        q.level = crate::catalogue::Sourced::unknown("not printed");
        assert_eq!(
            facts(&q),
            "VTCT (Skillsfirst) · level not stated · number not stated"
        );
    }

    #[test]
    fn one_search_for_qualifications_and_units() {
        let q = vtct();
        assert!(q.matches("  vtct ") && q.matches("") && !q.matches("diploma"));
        let unit = &q.units[q.find_unit("CSP14").unwrap()];
        assert!(unit.matches("csp14") && !unit.matches("zzz"));
        assert!(unit.matches(&unit.title_text()[2..8].to_uppercase()));
    }

    #[test]
    fn marks_and_states_say_the_same_thing() {
        let pairs: Vec<(&str, &str)> =
            [RuleStatus::Met, RuleStatus::Unmet, RuleStatus::Unconfirmed]
                .into_iter()
                .map(|s| (mark(s), state(s)))
                .collect();
        assert_eq!(
            pairs,
            [
                ("✓", "met"),
                ("✗", "still needed"),
                ("?", "can't be confirmed")
            ]
        );
    }

    #[test]
    fn headlines_name_what_blocks_or_is_missing() {
        let qual = vtct();
        let complete = evaluate(qual, &plan(qual, &["CSP14", "CSP15", "CSP16", "CSP17"]));
        assert_eq!(headline(qual, &complete), "✓ Complete: every rule is met");
        let short = evaluate(qual, &plan(qual, &[]));
        assert_eq!(
            headline(qual, &short),
            "✗ Incomplete: some rules are not met yet"
        );
        let blocked = evaluate(qual, &plan(qual, &["CSP04", "CSP14"]));
        assert_eq!(
            headline(qual, &blocked),
            "✗ Blocked: CSP04 and CSP14 are barred together"
        );
        let ncfe = builtin::by_id("ncfe-l1-nvq-cert-cs").expect("built in");
        let open = evaluate(ncfe, &Plan::with_units(ncfe, 0..ncfe.units.len()));
        let words = headline(ncfe, &open);
        assert!(
            words.starts_with("? Can't be confirmed: the specification does not state values for ")
                && words.contains("R/601/1209"),
            "{words}"
        );
        let (a, b) = (
            qual.find_unit("CSP04").unwrap(),
            qual.find_unit("CSP14").unwrap(),
        );
        assert_eq!(barred(qual, a, b), "CSP04 and CSP14 are barred");
    }

    #[test]
    fn counts_show_what_the_rule_asks() {
        let qual = vtct();
        let eval = evaluate(qual, &plan(qual, &["CSP14"]));
        let counts: Vec<String> = qual
            .rules
            .iter()
            .zip(&eval.rules)
            .map(|(r, result)| count(&r.rule, result))
            .collect();
        assert_eq!(counts[1], format!("{} / 13", eval.rules[1].have));
        let between = Rule::Credits {
            scope: crate::catalogue::Scope::All,
            level: None,
            min: Some(5),
            max: Some(10),
        };
        let mut result = eval.rules[1].clone();
        result.have = 7;
        assert_eq!(count(&between, &result), "7 / 5–10");
        let at_most = Rule::Units {
            scope: crate::catalogue::Scope::All,
            min: None,
            max: Some(4),
        };
        assert_eq!(count(&at_most, &result), "7 / ≤4");
    }

    #[test]
    fn proposals_say_one_unit_and_one_credit() {
        assert_eq!(proposal(1, Some(1)), "Add 1 unit (1 credit)");
        assert_eq!(proposal(2, Some(7)), "Add 2 units (7 credits)");
        assert_eq!(proposal(1, None), "Add 1 unit");
        assert_eq!(proposal(3, None), "Add 3 units");
        assert_eq!(credit_count(0), "0 credits");
    }
}
