//! Every sentence the command-line checker and the web app both show about a plan: one
//! voice for both front ends, tested once here.

use crate::catalogue::{Level, Qualification, Rule, UnitIdx};
use crate::document::carry::Match;
use crate::document::link::LinkError;
use crate::document::{Changes, Review, Verdict};
use crate::engine::{Availability, Evaluation, NoCompletion, RuleResult, RuleStatus, Status};

/// A rule's mark: ✓ met, ✗ still needed, ? can't be confirmed.
pub fn mark(status: RuleStatus) -> &'static str {
    match status {
        RuleStatus::Met => "✓",
        RuleStatus::Unmet => "✗",
        RuleStatus::Unconfirmed => "?",
        RuleStatus::NotChecked => "–",
    }
}

/// A rule's state in words, for readers who do not see the mark.
pub fn state(status: RuleStatus) -> &'static str {
    match status {
        RuleStatus::Met => "met",
        RuleStatus::Unmet => "still needed",
        RuleStatus::Unconfirmed => "can't be confirmed",
        RuleStatus::NotChecked => "not checked on this pathway",
    }
}

/// What a rule's count is measured against: `8`, `≤10`, or a range `5–10`.
fn target(rule: &Rule, need: u32) -> String {
    let bounds = match rule {
        Rule::Credits { min, max, .. }
        | Rule::Hours { min, max, .. }
        | Rule::Units { min, max, .. } => (*min, *max),
        Rule::AllMandatory
        | Rule::EachOptionalGroup { .. }
        | Rule::EveryUnit { .. }
        | Rule::Share { .. } => (Some(need), None),
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
    if result.status == RuleStatus::NotChecked {
        return "–".into();
    }
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

/// Two units of which only one counts, both in the plan: "CSP04 counts and CSP14 does
/// not: only one of them counts toward the totals".
pub fn not_counted(qual: &Qualification, unit: UnitIdx, counted: UnitIdx) -> String {
    format!(
        "{} counts and {} does not: only one of them counts toward the totals",
        label(qual, counted),
        label(qual, unit)
    )
}

/// A plan's overall status in a word or two (the headline's opening), for lists of plans.
pub fn status(status: Status) -> &'static str {
    match status {
        Status::Complete => "✓ Complete",
        Status::Incomplete => "✗ Incomplete",
        Status::Unconfirmed => "? Can't be confirmed",
        Status::Blocked => "✗ Blocked",
    }
}

/// The overall verdict in one sentence, naming what blocks the plan or what is not stated.
pub fn headline(qual: &Qualification, eval: &Evaluation) -> String {
    let against = crate::pathway_wording::checked_against(qual, eval)
        .map(|a| format!(" ({a})"))
        .unwrap_or_default();
    format!("{}: {}{against}", status(eval.status), verdict(qual, eval))
}

/// The headline after the status: what blocks the plan, or what is not stated.
fn verdict(qual: &Qualification, eval: &Evaluation) -> String {
    match eval.status {
        Status::Complete => "every rule is met".into(),
        Status::Incomplete if eval.choose_pathway => crate::pathway_wording::CHOOSE.into(),
        Status::Incomplete => "some rules are not met yet".into(),
        Status::Blocked if !eval.off_pathway.is_empty() => {
            crate::pathway_wording::off_pathway(qual, &eval.off_pathway)
        }
        Status::Unconfirmed => {
            let mut units: Vec<String> = eval
                .rules
                .iter()
                .flat_map(|r| r.unknown_units.iter().map(|&u| label(qual, u)))
                .collect();
            crate::short_sort::sort_dedup(&mut units);
            if units.is_empty() {
                "the rules depend on values the specification does not state".into()
            } else {
                format!(
                    "the specification does not state values for {}",
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
                "a maximum is exceeded".into()
            } else {
                format!("{} are barred together", pairs.join("; "))
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

/// A review dated outside the days a review may carry, in one sentence: for the CLI's
/// `--date` and for a review in a link, in the CLI and on the web.
pub fn review_date(out: &crate::document::review::DateOutOfRange) -> String {
    format!(
        "A review's date must be from {} to {}; this one is {}.",
        out.first.uk(),
        out.last.uk(),
        out.date.uk()
    )
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

/// Why a unit cannot be added to the plan, if it cannot: "barred with CSP14, which is in
/// your plan".
pub fn cannot_add(qual: &Qualification, availability: Availability) -> Option<String> {
    match availability {
        Availability::Barred {
            with,
            mandatory: true,
        } => Some(format!("barred with mandatory unit {}", label(qual, with))),
        Availability::Barred {
            with,
            mandatory: false,
        } => Some(format!(
            "barred with {}, which is in your plan",
            label(qual, with)
        )),
        Availability::OverMaximum { rule } => Some(format!(
            "would break “{}”",
            qual.rules[rule].rule.describe(qual)
        )),
        Availability::OffPathway => Some(crate::pathway_wording::NOT_ON_PATHWAY.into()),
        _ => None,
    }
}

/// The first line of a proposal to complete a plan: "Add 2 units (4 credits):".
pub fn completion(units: usize, credits: u64) -> String {
    let units = match units {
        1 => "1 unit".to_string(),
        n => format!("{n} units"),
    };
    format!("Add {units} ({}):", credit_count(credits))
}

/// A proposal to complete a plan that is complete already.
pub const ALREADY_COMPLETE: &str = "The plan is already complete.";

/// Why no completion is proposed.
pub fn no_completion(why: &NoCompletion) -> String {
    format!("No completion: {}.", why.reason())
}

/// Said when a plan opened from a link was made against an older catalogue.
pub const CATALOGUE_CORRECTED: &str = "The catalogue has been corrected since this link was made; the plan has been re-checked against the current data.";

/// Why a share link cannot be opened.
pub fn link_refused(error: &LinkError) -> String {
    format!("This share link cannot be opened: {error}.")
}

/// Why a link about to be written or shown is not: it would be longer than `open` reads.
pub fn link_unwritable(error: &LinkError) -> String {
    format!("cannot write the link: {error}; a shorter address, note or names would fit")
}

/// Said when text from a person was longer than is kept: what was left out (its first 60
/// characters when it is long).
pub fn cut(what: &str, max: usize, left_out: &str) -> String {
    format!(
        "{what} keeps up to {max} characters, so the end was left out: “{}”",
        crate::text::shortened(left_out, 60)
    )
}

/// Said in place of a plan's status until the app has read the saved plan.
pub const CHECKING: &str = "Checking your plan…";

/// Said when the qualifications a page did not carry cannot be loaded (`why`, briefly).
pub fn not_loaded(why: &str) -> String {
    format!("Not every qualification could be shown: {why}. Nothing you have saved has changed.")
}

/// What a credit transfer means, as the sources support it.
pub const TRANSFER_MEANS: &str = "Credit transfer: a unit achieved in another qualification counts toward every rule here like an achieved unit. Tell your centre, which claims it from the awarding body.";

/// What an exemption means, and that the sources leave it open.
pub const EXEMPT_MEANS: &str = "Exempt: recognised learning from outside the framework takes the unit's place in the rules, but it is not credit you gained. None of the specifications in this catalogue describes exemptions: ask your awarding body whether it accepts one before relying on it.";

/// The "achieved so far" line: credit gained (achieved and transferred), against the
/// qualification's total when it has one. Units gained whose credits are not stated make
/// it a lower bound ("at least"), or unknown when nothing else is known; exempt units are
/// listed apart.
pub fn achieved(gained: u64, total: Option<u32>, unstated: &[String], exempt: &[String]) -> String {
    let of = total.map(|t| format!(" of {t}")).unwrap_or_default();
    let mut line = match (gained, unstated) {
        (_, []) => format!("Achieved so far: {gained}{of} credits"),
        (0, _) => format!(
            "Achieved so far: not known: the credits of {} are not stated",
            unstated.join(", ")
        ),
        _ => format!(
            "Achieved so far: at least {gained}{of} credits (the credits of {} are not stated)",
            unstated.join(", ")
        ),
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
    if report.kept > 0 {
        parts.push(format!(
            "{} kept as {} here (the file's copy differs but was not changed later)",
            plans(report.kept),
            if report.kept == 1 {
                "it is"
            } else {
                "they are"
            }
        ));
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

/// Why a qualification is closed, if it is on `today`.
pub fn closed(qual: &Qualification, today: crate::catalogue::Date) -> Option<String> {
    qual.closes_on().filter(|&date| date < today).map(|date| {
        format!(
            "⚠ Closed: this qualification's last certification or end date ({}) has passed.",
            date.uk()
        )
    })
}

/// A level saved as text (`"Entry 3"`, `"2"`) as a person reads it; text that is not a
/// level is shown as it is.
pub fn level_text(text: &str) -> String {
    text.parse::<Level>()
        .map_or_else(|_| text.to_string(), level)
}

/// What the importer read from a specification: values stated with their lines, values
/// left unknown, and whether the draft loads as a qualification file.
pub fn import_summary(stated: usize, unknown: usize, problems: usize) -> String {
    let values = |n: usize| {
        if n == 1 {
            "1 value".to_string()
        } else {
            format!("{n} values")
        }
    };
    let check = match problems {
        0 => "the draft loads as a qualification file".to_string(),
        1 => "the draft has 1 problem to fix before it loads".to_string(),
        n => format!("the draft has {n} problems to fix before it loads"),
    };
    format!(
        "Read {} with the line each is printed on; {} left unknown; {check}. Check every value against the text before you use the file.",
        values(stated),
        values(unknown)
    )
}

/// The importer's counts, as the import page heads its review: "41 values stated with
/// their lines, 3 inferred, 5 left unknown".
pub fn import_counts(stated: usize, inferred: usize, unknown: usize) -> String {
    let values = if stated == 1 {
        "value stated with its line"
    } else {
        "values stated with their lines"
    };
    format!("{stated} {values}, {inferred} inferred, {unknown} left unknown")
}

/// A number of credits: "1 credit", "5 credits".
pub fn credit_count(n: u64) -> String {
    format!("{n} {}", if n == 1 { "credit" } else { "credits" })
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
    fn import_counts_say_how_each_value_is_known() {
        assert_eq!(
            import_counts(41, 3, 5),
            "41 values stated with their lines, 3 inferred, 5 left unknown"
        );
        assert_eq!(
            import_counts(1, 0, 0),
            "1 value stated with its line, 0 inferred, 0 left unknown"
        );
    }

    #[test]
    fn import_summary_counts_and_problems() {
        assert_eq!(
            import_summary(1, 0, 0),
            "Read 1 value with the line each is printed on; 0 values left unknown; the draft loads as a qualification file. Check every value against the text before you use the file."
        );
        assert!(import_summary(5, 2, 3).contains("5 values with the line each is printed on; 2 values left unknown; the draft has 3 problems to fix"));
        assert!(import_summary(5, 1, 1)
            .contains("1 value left unknown; the draft has 1 problem to fix"));
    }

    #[test]
    fn completions_count_units_and_a_unit_that_cannot_be_added_says_why() {
        assert_eq!(completion(1, 2), "Add 1 unit (2 credits):");
        assert_eq!(completion(3, 10), "Add 3 units (10 credits):");
        let qual = vtct();
        let eval = evaluate(qual, &plan(qual, &["CSP14"]));
        let csp04 = qual.find_unit("CSP04").unwrap();
        assert_eq!(
            cannot_add(qual, eval.units[csp04]).as_deref(),
            Some("barred with CSP14, which is in your plan")
        );
        let csp14 = qual.find_unit("CSP14").unwrap();
        assert_eq!(cannot_add(qual, eval.units[csp14]), None);
    }

    #[test]
    fn a_plan_s_status_in_a_list_is_its_headline_s_opening() {
        let qual = vtct();
        for codes in [
            &["CSP14"][..],
            &["CSP14", "CSP15", "CSP16", "CSP17"],
            &["CSP04", "CSP14"],
        ] {
            let eval = evaluate(qual, &plan(qual, codes));
            let line = headline(qual, &eval);
            assert!(
                line.starts_with(&format!("{}: ", status(eval.status))),
                "{line}"
            );
            assert_ne!(status(eval.status), eval.status.name());
        }
    }

    #[test]
    fn achieved_credit_with_unstated_values_is_a_lower_bound_or_unknown_never_0() {
        let none: [String; 0] = [];
        assert_eq!(
            achieved(2, Some(13), &none, &none),
            "Achieved so far: 2 of 13 credits"
        );
        let r = ["R/601/1209".to_string()];
        assert_eq!(
            achieved(0, Some(14), &r, &none),
            "Achieved so far: not known: the credits of R/601/1209 are not stated"
        );
        assert_eq!(
            achieved(3, None, &r, &none),
            "Achieved so far: at least 3 credits (the credits of R/601/1209 are not stated)"
        );
    }

    #[test]
    fn proposals_say_one_unit_and_one_credit() {
        assert_eq!(completion(1, 1), "Add 1 unit (1 credit):");
        assert_eq!(completion(2, 7), "Add 2 units (7 credits):");
        assert_eq!(credit_count(0), "0 credits");
    }
}
