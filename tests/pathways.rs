//! Pathways (routes) and units listed in more than one group: the evaluator and the
//! solver against a brute-force oracle written from the reading alone, the example file,
//! the command line, and links and saved plans that carry a pathway.

mod common;

use std::collections::BTreeSet;
use std::process::{Command, Output};

use proptest::prelude::*;
use serde_json::Value;

use unit_planner::catalogue::{parse_spec, Level, Qualification, Rule, Scope};
use unit_planner::document::{link, store, PlanDoc};
use unit_planner::engine::{
    complete_plan, evaluate, Availability, FromElsewhere, Plan, RuleStatus, Status,
};

const EXAMPLE: &str = "specs/examples/pathways-example.toml";

fn example() -> Qualification {
    let text = std::fs::read_to_string(EXAMPLE).expect("the example file");
    parse_spec(EXAMPLE, &text).expect("the example loads")
}

fn idx(qual: &Qualification, code: &str) -> usize {
    qual.find_unit(code).unwrap_or_else(|| panic!("{code}"))
}

fn plan_on(qual: &Qualification, codes: &[&str], pathway: Option<&str>) -> Plan {
    let mut plan = Plan::with_units(qual, codes.iter().map(|c| idx(qual, c)));
    plan.set_pathway(qual, pathway.map(|p| qual.find_pathway(p).unwrap()));
    plan
}

// ---------------------------------------------------------------- the oracle

/// Whether `units` (the whole plan) and `elsewhere` complete `qual` on `pathway`, by the
/// reading alone: no pathway chosen is never complete; every unit must be on the pathway,
/// no two barred; each unit counts in one group that applies (its first mandatory one if
/// it has one), and some such choice meets every rule common to all pathways or tied to
/// this one. Credit from elsewhere counts in its group (if that applies and takes it), in
/// the order entered, until the group's cap is used up.
fn oracle_complete(
    qual: &Qualification,
    units: &BTreeSet<usize>,
    elsewhere: &[FromElsewhere],
    pathway: Option<usize>,
) -> bool {
    let Some(p) = pathway else {
        return false;
    };
    let applies =
        |g: usize| qual.groups[g].pathways.is_empty() || qual.groups[g].pathways.contains(&p);
    let mandatory = |g: usize| qual.groups[g].mandatory && applies(g);
    if nothing_to_check(qual, p, elsewhere) {
        return false;
    }
    let listed = |u: usize| -> Vec<usize> {
        std::iter::once(qual.units[u].group)
            .chain(qual.units[u].also.iter().copied())
            .collect()
    };
    for set in &qual.barred {
        if set.units.iter().filter(|u| units.contains(u)).count() > 1 {
            return false;
        }
    }
    // What counts: the groups it may count in, its credits, its level.
    let mut items: Vec<(Vec<usize>, u64, Level)> = Vec::new();
    for &u in units {
        let on: Vec<usize> = listed(u).into_iter().filter(|&g| applies(g)).collect();
        if on.is_empty() {
            return false;
        }
        let options = match on.iter().find(|&&g| mandatory(g)) {
            Some(&g) => vec![g],
            None => on,
        };
        let unit = &qual.units[u];
        items.push((
            options,
            u64::from(*unit.credits.value().unwrap()),
            *unit.level.value().unwrap(),
        ));
    }
    let mut room: Vec<u64> = qual
        .groups
        .iter()
        .map(|g| g.elsewhere.as_ref().map_or(0, |e| u64::from(e.max_credits)))
        .collect();
    for e in elsewhere {
        if !applies(e.group) || qual.groups[e.group].elsewhere.is_none() {
            continue;
        }
        let counted = u64::from(e.credits.unwrap()).min(room[e.group]);
        room[e.group] -= counted;
        items.push((vec![e.group], counted, e.level.unwrap()));
    }
    let must: Vec<usize> = (0..qual.units.len())
        .filter(|&u| listed(u).into_iter().any(mandatory))
        .collect();
    if must.iter().any(|u| !units.contains(u)) {
        return false;
    }
    let mut choice = vec![0usize; items.len()];
    loop {
        let group_of = |i: usize| items[i].0[choice[i]];
        let in_scope = |scope: &Scope, i: usize| match scope {
            Scope::All => true,
            Scope::Optional => !mandatory(group_of(i)),
            Scope::Groups(list) => list.contains(&group_of(i)),
        };
        let within = |n: u64, min: &Option<u32>, max: &Option<u32>| {
            min.is_none_or(|m| n >= u64::from(m)) && max.is_none_or(|m| n <= u64::from(m))
        };
        let all_met = qual.rules.iter().all(|entry| {
            if !entry.pathways.is_empty() && !entry.pathways.contains(&p) {
                return true;
            }
            match &entry.rule {
                Rule::AllMandatory => true,
                Rule::Credits {
                    scope,
                    level,
                    min,
                    max,
                } => {
                    let total = (0..items.len())
                        .filter(|&i| in_scope(scope, i))
                        .filter(|&i| {
                            level.is_none_or(|f| {
                                let l = items[i].2;
                                f.from.is_none_or(|from| l >= from)
                                    && f.to.is_none_or(|to| l <= to)
                            })
                        })
                        .map(|i| items[i].1)
                        .sum();
                    within(total, min, max)
                }
                Rule::Units { scope, min, max } => {
                    let count = (0..items.len()).filter(|&i| in_scope(scope, i)).count() as u64;
                    within(count, min, max)
                }
                Rule::EachOptionalGroup { min_units } => (0..qual.groups.len())
                    .filter(|&g| applies(g) && !mandatory(g))
                    .all(|g| {
                        (0..items.len()).filter(|&i| group_of(i) == g).count() as u32 >= *min_units
                    }),
                _ => unreachable!("hours, every-unit and share rules are not generated here"),
            }
        });
        if all_met {
            return true;
        }
        // The next choice, as an odometer; false when every one was tried.
        let mut at = 0;
        loop {
            if at == items.len() {
                return false;
            }
            choice[at] += 1;
            if choice[at] < items[at].0.len() {
                break;
            }
            choice[at] = 0;
            at += 1;
        }
    }
}

/// No rule applies on pathway `p`, or no unit is on it: nothing is confirmed.
fn nothing_to_check(qual: &Qualification, p: usize, elsewhere: &[FromElsewhere]) -> bool {
    let applies =
        |g: usize| qual.groups[g].pathways.is_empty() || qual.groups[g].pathways.contains(&p);
    let rules_apply = qual
        .rules
        .iter()
        .any(|r| r.pathways.is_empty() || r.pathways.contains(&p));
    let units_on = (0..qual.units.len()).any(|u| {
        std::iter::once(qual.units[u].group)
            .chain(qual.units[u].also.iter().copied())
            .any(applies)
    });
    let counted_elsewhere = elsewhere
        .iter()
        .any(|e| applies(e.group) && qual.groups[e.group].elsewhere.is_some());
    !rules_apply || !(units_on || counted_elsewhere)
}

/// A small qualification with two pathways: four groups, each common or tied to one
/// pathway; units with known credits and levels, some in two groups; rules common or tied.
fn routed_qualification() -> impl Strategy<Value = Qualification> {
    let group = (any::<bool>(), 0usize..3);
    let unit = (0usize..4, proptest::option::of(0usize..4), 1u32..6, 1u8..4);
    let scope = prop_oneof![
        Just(Scope::All),
        Just(Scope::Optional),
        (0usize..4).prop_map(|g| Scope::Groups(vec![g])),
    ];
    let rule = prop_oneof![
        (
            scope.clone(),
            proptest::option::of(1u32..12),
            proptest::option::of(4u32..20),
            proptest::option::of(1u8..4)
        )
            .prop_map(|(scope, min, max, level)| Rule::Credits {
                scope,
                level: level.map(|l| unit_planner::catalogue::LevelFilter {
                    from: Some(Level::Numbered(l)),
                    to: None,
                }),
                min: min.or(if max.is_none() { Some(3) } else { None }),
                max,
            }),
        (
            scope,
            proptest::option::of(1u32..4),
            proptest::option::of(1u32..5)
        )
            .prop_map(|(scope, min, max)| Rule::Units {
                scope,
                min: min.or(if max.is_none() { Some(1) } else { None }),
                max
            }),
        (1u32..3).prop_map(|n| Rule::EachOptionalGroup { min_units: n }),
        Just(Rule::AllMandatory),
    ];
    (
        proptest::collection::vec(group, 4),
        proptest::collection::vec(unit, 2..8),
        proptest::collection::vec((rule, 0usize..3), 1..5),
        proptest::option::of((0usize..8, 0usize..8)),
        proptest::option::of((0usize..4, 1u32..8)),
    )
        .prop_map(|(groups, units, rules, barred, elsewhere)| {
            let flags: Vec<bool> = groups.iter().map(|&(m, _)| m).collect();
            let specs: Vec<common::UnitSpec> = units
                .iter()
                .map(|&(g, _, c, l)| (g, Some(c), Some(Level::Numbered(l))))
                .collect();
            let n = units.len();
            let pairs: Vec<(usize, usize)> = barred
                .map(|(a, b)| (a % n, b % n))
                .filter(|(a, b)| a != b)
                .into_iter()
                .collect();
            let plain: Vec<Rule> = rules.iter().map(|(r, _)| r.clone()).collect();
            let mut qual = common::qualification(&flags, &specs, plain, &pairs);
            qual.pathways = ["P", "Q"]
                .iter()
                .map(|id| unit_planner::catalogue::Pathway {
                    id: id.to_string(),
                    name: unit_planner::catalogue::Sourced::stated(format!("Pathway {id}"), 1),
                })
                .collect();
            for (g, &(_, tie)) in groups.iter().enumerate() {
                qual.groups[g].pathways = match tie {
                    0 => Vec::new(),
                    t => vec![t - 1],
                };
            }
            for (u, &(g, also, _, _)) in units.iter().enumerate() {
                qual.units[u].also = also.filter(|&a| a != g).into_iter().collect();
            }
            for (i, &(_, tie)) in rules.iter().enumerate() {
                qual.rules[i].pathways = match tie {
                    0 => Vec::new(),
                    t => vec![t - 1],
                };
            }
            if let Some((g, cap)) = elsewhere {
                qual.groups[g].elsewhere = Some(unit_planner::catalogue::Elsewhere {
                    max_credits: cap,
                    basis: unit_planner::catalogue::Basis::Stated { line: 1, to: None },
                });
            }
            qual
        })
}

/// Up to three credits from elsewhere, known values, in any group (some do not take it).
fn placeholders() -> impl Strategy<Value = Vec<FromElsewhere>> {
    proptest::collection::vec((0usize..4, 1u32..7, 1u8..4), 0..3).prop_map(|list| {
        list.into_iter()
            .map(|(group, credits, level)| FromElsewhere {
                group,
                title: "elsewhere".into(),
                credits: Some(credits),
                level: Some(Level::Numbered(level)),
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(common::cases(1500))]

    /// Complete exactly when some choice of group for each unit meets every rule that
    /// applies on the chosen pathway; never complete with no pathway chosen.
    #[test]
    fn the_verdict_matches_brute_force_over_groups_and_pathways(
        qual in routed_qualification(),
        picks in proptest::collection::btree_set(0usize..8, 0..6),
        pathway in proptest::option::of(0usize..2),
        elsewhere in placeholders(),
    ) {
        let n = qual.units.len();
        let mut plan = Plan::with_units(&qual, picks.iter().map(|p| p % n));
        plan.set_pathway(&qual, pathway);
        elsewhere.iter().for_each(|e| plan.add_elsewhere(e.clone()));
        let units: BTreeSet<usize> = plan.units().collect();
        let eval = evaluate(&qual, &plan);
        let expected = oracle_complete(&qual, &units, &elsewhere, pathway);
        prop_assert_eq!(eval.status == Status::Complete, expected, "{:?} {:?}", eval.status, units);
        if !pathway.is_some_and(|p| nothing_to_check(&qual, p, &elsewhere)) {
            prop_assert_ne!(eval.status, Status::Unconfirmed, "every value is known");
        }
        for (r, entry) in eval.rules.iter().zip(&qual.rules) {
            let applies = entry.pathways.is_empty() || pathway.is_some_and(|p| entry.pathways.contains(&p));
            prop_assert_eq!(r.status == RuleStatus::NotChecked, !applies);
        }
    }

    /// "Complete my plan" proposes a cheapest completion over every pathway (fewest credits
    /// added, then units), which the oracle confirms; "none" only when brute force finds none.
    #[test]
    fn the_solver_finds_the_cheapest_completion_over_pathways(
        qual in routed_qualification(),
        picks in proptest::collection::btree_set(0usize..8, 0..2),
        pathway in proptest::option::of(0usize..2),
    ) {
        let n = qual.units.len();
        let mut plan = Plan::with_units(&qual, picks.iter().map(|p| p % n));
        plan.set_pathway(&qual, pathway);
        let start: BTreeSet<usize> = plan.units().collect();
        let tries: Vec<usize> = match pathway { Some(p) => vec![p], None => vec![0, 1] };
        let mut best: Option<(u64, usize)> = None;
        for &p in &tries {
            let mut on = plan.clone();
            on.set_pathway(&qual, Some(p));
            let base: BTreeSet<usize> = on.units().collect();
            let rest: Vec<usize> = (0..n).filter(|u| !base.contains(u)).collect();
            for mask in 0u32..(1 << rest.len()) {
                let mut all = base.clone();
                all.extend(rest.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, &u)| u));
                if oracle_complete(&qual, &all, &[], Some(p)) {
                    let added: Vec<usize> = all.difference(&start).copied().collect();
                    let credits: u64 = added.iter().map(|&u| u64::from(*qual.units[u].credits.value().unwrap())).sum();
                    let cost = (credits, added.len());
                    if best.is_none_or(|b| cost < b) {
                        best = Some(cost);
                    }
                }
            }
        }
        match complete_plan(&qual, &plan, &BTreeSet::new()) {
            Ok(done) => {
                prop_assert_eq!(Some((u64::from(done.credits_added), done.add.len())), best);
                let chosen = done.pathway.or(pathway);
                prop_assert_eq!(done.pathway.is_some(), pathway.is_none());
                let mut after: BTreeSet<usize> = start.clone();
                after.extend(done.add.iter().copied());
                let mut full = Plan::with_units(&qual, after.iter().copied());
                full.set_pathway(&qual, chosen);
                let all: BTreeSet<usize> = full.units().collect();
                prop_assert!(oracle_complete(&qual, &all, &[], chosen));
            }
            Err(why) => prop_assert!(best.is_none(), "{:?} but {:?} exists", why, best),
        }
    }
}

// ------------------------------------------------------------ the example file

#[test]
fn the_example_loads_with_its_pathways_and_a_unit_in_two_groups() {
    let qual = example();
    assert_eq!(qual.pathways.len(), 2);
    assert_eq!(qual.pathways[0].name_text(), "Pathway R: Retail");
    let ex403 = idx(&qual, "EX403");
    assert_eq!(qual.groups_of(ex403).count(), 2);
    assert!(!qual.is_mandatory(idx(&qual, "EX201")));
    assert!(qual.is_mandatory_on(idx(&qual, "EX201"), Some(0)));
}

#[test]
fn a_unit_in_two_groups_counts_in_one_never_both() {
    let qual = example();
    // Retail: EX403 may count as the optional unit or toward the retail credits, not both.
    let one = plan_on(&qual, &["EX403", "EX401", "EX402"], Some("R"));
    let eval = evaluate(&qual, &one);
    assert_eq!(
        eval.status,
        Status::Complete,
        "EX403 retail, EX401 optional"
    );
    assert_eq!(eval.counted_in.len(), 1);
    let short = plan_on(&qual, &["EX403", "EX502"], Some("R"));
    assert_eq!(evaluate(&qual, &short).status, Status::Complete);
    // EX403 alone cannot be the optional unit and the retail credits at once.
    let mut strict = qual.clone();
    strict.rules[1].rule = Rule::Credits {
        scope: Scope::All,
        level: None,
        min: Some(16),
        max: None,
    };
    let both = plan_on(&strict, &["EX403"], Some("R"));
    let eval = evaluate(&strict, &both);
    assert_eq!(eval.status, Status::Incomplete, "{:?}", eval.rules);
}

#[test]
fn with_no_pathway_chosen_the_plan_is_never_complete_and_says_choose_a_pathway() {
    let qual = example();
    let plan = plan_on(&qual, &["EX403", "EX401", "EX402", "EX501"], None);
    let eval = evaluate(&qual, &plan);
    assert_eq!(eval.status, Status::Incomplete);
    assert!(eval.choose_pathway);
    let words = unit_planner::wording::headline(&qual, &eval);
    assert!(words.contains("choose a pathway"), "{words}");
    assert_eq!(eval.rules[3].status, RuleStatus::NotChecked);
}

#[test]
fn units_of_the_other_pathway_cannot_be_added_and_block_the_plan() {
    let qual = example();
    let plan = plan_on(&qual, &["EX403", "EX401", "EX402"], Some("R"));
    let eval = evaluate(&qual, &plan);
    assert_eq!(eval.units[idx(&qual, "EX601")], Availability::OffPathway);
    assert_eq!(
        eval.units[idx(&qual, "EX603")],
        Availability::Available,
        "also in O"
    );
    let headline = unit_planner::wording::headline(&qual, &eval);
    assert!(
        headline.contains("checked against Pathway R: Retail"),
        "{headline}"
    );
    let wrong = plan_on(&qual, &["EX403", "EX401", "EX402", "EX601"], Some("R"));
    let eval = evaluate(&qual, &wrong);
    assert_eq!(eval.status, Status::Blocked);
    assert!(unit_planner::wording::headline(&qual, &eval)
        .contains("EX601 is not on the chosen pathway"));
}

#[test]
fn switching_pathway_swaps_the_mandatory_units() {
    let qual = example();
    let mut plan = plan_on(&qual, &[], Some("R"));
    assert!(plan.contains(idx(&qual, "EX201")));
    plan.set_pathway(&qual, qual.find_pathway("H"));
    assert!(!plan.contains(idx(&qual, "EX201")) && plan.contains(idx(&qual, "EX301")));
}

#[test]
fn complete_my_plan_proposes_a_pathway_when_none_is_chosen() {
    let qual = example();
    let done = complete_plan(&qual, &plan_on(&qual, &[], None), &BTreeSet::new()).unwrap();
    assert_eq!(
        done.pathway,
        qual.find_pathway("R"),
        "ties go to source order"
    );
    let labels: Vec<&str> = done.add.iter().map(|&u| qual.units[u].label()).collect();
    assert_eq!(labels, ["EX201", "EX401", "EX502"]);
    let on_h = complete_plan(&qual, &plan_on(&qual, &[], Some("H")), &BTreeSet::new()).unwrap();
    assert_eq!(on_h.pathway, None, "the plan's own pathway is kept");
    let labels: Vec<&str> = on_h.add.iter().map(|&u| qual.units[u].label()).collect();
    assert_eq!(labels, ["EX403", "EX601"]);
}

// ----------------------------------------------------------- links and stores

fn doc_on(qual: &Qualification, pathway: &str) -> PlanDoc {
    let mut doc = PlanDoc::new(qual);
    doc.units = [5, 7].into();
    doc.set_pathway(qual, qual.find_pathway(pathway));
    doc
}

/// A format-4 link to the example's retail plan, as this build writes it.
const FORMAT_FOUR: &str = ".BAxQAIABAVLFHQ4jzZ";

#[test]
fn a_link_carries_the_pathway_in_format_four_and_opens_as_written() {
    let qual = example();
    let doc = doc_on(&qual, "R");
    let payload = link::encode(&qual, &doc, false);
    assert_eq!(payload, FORMAT_FOUR, "the format-4 golden");
    let opened = link::open(std::slice::from_ref(&qual), &qual.id, FORMAT_FOUR).unwrap();
    assert_eq!(opened.doc.pathway.as_deref(), Some("R"));
    assert_eq!(opened.doc.units, doc.units);
    let checked = opened.doc.check(&qual);
    assert_eq!(checked.plan.pathway(), Some(0));
    // Without a pathway the link is format 3, as before.
    let mut plain = doc.clone();
    plain.pathway = None;
    let three = link::encode(&qual, &plain, false);
    assert!(three.starts_with(".Aw"), "{three}");
}

#[test]
fn a_saved_plan_with_a_pathway_is_format_three_and_others_stay_format_two() {
    let qual = example();
    let saved = |doc: PlanDoc| store::Saved {
        plans: vec![store::SavedPlan {
            id: 1,
            doc,
            created: 1,
            updated: 2,
        }],
        deleted: Default::default(),
    };
    let with = store::write(&saved(doc_on(&qual, "H"))).unwrap();
    assert!(
        with.contains("\"version\":3") && with.contains("\"pathway\":\"H\""),
        "{with}"
    );
    let store::StoreRead::Plans(back) = store::read(&with) else {
        panic!("reads back");
    };
    assert_eq!(back.plans[0].doc.pathway.as_deref(), Some("H"));
    let mut none = doc_on(&qual, "H");
    none.pathway = None;
    let without = store::write(&saved(none)).unwrap();
    assert!(
        without.contains("\"version\":2") && !without.contains("pathway"),
        "{without}"
    );
}

#[test]
fn a_plan_naming_a_pathway_the_file_no_longer_has_says_so() {
    let qual = example();
    let mut doc = doc_on(&qual, "R");
    doc.pathway = Some("Z".into());
    let checked = doc.check(&qual);
    assert_eq!(checked.plan.pathway(), None);
    assert!(checked.problems[0].describe(&qual).contains("pathway `Z`"));
}

// -------------------------------------------------------------- the command line

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unit-planner"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn validate_accepts_the_example() {
    let out = run(&["validate", EXAMPLE]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains(": ok (12 units, 5 rules)"),
        "{}",
        text(&out)
    );
}

/// The example with `from` replaced by `to` (which must occur).
fn variant(from: &str, to: &str) -> tempfile_path::Path {
    let original = std::fs::read_to_string(EXAMPLE).unwrap();
    assert!(original.contains(from), "{from}");
    tempfile_path::Path::with(&original.replacen(from, to, 1))
}

mod tempfile_path {
    /// A file in the target directory, removed when dropped.
    pub struct Path(pub std::path::PathBuf);

    impl Path {
        pub fn with(text: &str) -> Path {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static NEXT: AtomicUsize = AtomicUsize::new(0);
            let n = NEXT.fetch_add(1, Ordering::SeqCst);
            let path =
                std::env::temp_dir().join(format!("pathways-{}-{n}.toml", std::process::id()));
            std::fs::write(&path, text).unwrap();
            Path(path)
        }

        pub fn as_str(&self) -> &str {
            self.0.to_str().unwrap()
        }
    }

    impl Drop for Path {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

fn refused(file: &tempfile_path::Path, expected: &str) {
    let out = run(&["validate", file.as_str()]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains(expected), "expected {expected:?} in {said}");
}

#[test]
fn validate_refuses_contradictory_pathways_naming_the_entry() {
    refused(
        &variant("pathways = [\"R\"]\ncredits", "pathways = [\"X\"]\ncredits"),
        "rule 4 names pathway `X`, which does not exist",
    );
    refused(
        &variant("id = \"H\"", "id = \"R\""),
        "pathway `R` is listed twice",
    );
    refused(
        &variant("groups = [\"O\", \"RO\"]", "groups = [\"O\", \"O\"]"),
        "unit key 7: groups is listed twice",
    );
    refused(
        &variant(
            "line = 33\npathways = [\"H\"]\ncredits = { min = 4, groups = [\"HO\"] }",
            "line = 33\npathways = [\"H\"]\ncredits = { min = 4, groups = [\"RO\"] }",
        ),
        "rule 5 counts group `RO`, which belongs to none of the rule's pathways",
    );
    // Retail alone cannot be completed: its three mandatory units already reach the cap.
    refused(
        &variant(
            "line = 32\npathways = [\"R\"]\ncredits = { min = 4, groups = [\"RO\"] }",
            "line = 32\npathways = [\"R\"]\nunits = { max = 3 }",
        ),
        "on Pathway R: Retail: no selection of units meets",
    );
}

#[test]
fn a_pathway_with_nothing_of_its_own_is_refused() {
    let text = std::fs::read_to_string(EXAMPLE).unwrap()
        + "\n[[pathways]]\nid = \"S\"\nname = { value = \"Pathway S\", line = 34 }\n";
    let file = tempfile_path::Path::with(&text);
    refused(&file, "pathway `S` has no group and no rule of its own");
}

#[test]
fn check_says_which_pathway_and_asks_for_one_when_none_is_given() {
    let spec = ["--spec", EXAMPLE];
    let on_r = run(&[
        &[
            "check",
            "example-l2-dip-retail-hospitality",
            "EX403",
            "EX401",
            "EX402",
            "--pathway",
            "R",
        ][..],
        &spec,
    ]
    .concat());
    assert_eq!(on_r.status.code(), Some(0), "{}", text(&on_r));
    assert!(
        text(&on_r).contains("Complete: every rule is met (checked against Pathway R: Retail)"),
        "{}",
        text(&on_r)
    );
    assert!(
        text(&on_r).contains("EX403 is counted in"),
        "{}",
        text(&on_r)
    );
    let other = text(&on_r)
        .lines()
        .find(|l| l.contains("Hospitality optional units"))
        .unwrap_or_default()
        .to_string();
    assert!(
        other.trim_start().starts_with("– ") && other.trim_end().ends_with('–'),
        "the other pathway's rule is marked, not counted: {other}"
    );
    let none = run(&[
        &[
            "check",
            "example-l2-dip-retail-hospitality",
            "EX403",
            "EX401",
            "EX402",
        ][..],
        &spec,
    ]
    .concat());
    assert_eq!(none.status.code(), Some(1));
    assert!(
        text(&none).contains("Incomplete: choose a pathway"),
        "{}",
        text(&none)
    );
    let wrong = run(&[
        &[
            "check",
            "example-l2-dip-retail-hospitality",
            "--pathway",
            "Z",
        ][..],
        &spec,
    ]
    .concat());
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&wrong.stderr).contains("has no pathway `Z` (its pathways: R, H)")
    );
}

#[test]
fn suggest_proposes_the_pathway_and_says_so() {
    let out = run(&[
        "suggest",
        "example-l2-dip-retail-hospitality",
        "--spec",
        EXAMPLE,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.starts_with("Proposes Pathway R: Retail\nAdd 3 units (13 credits):"),
        "{said}"
    );
    let json_out = run(&[
        "suggest",
        "example-l2-dip-retail-hospitality",
        "--spec",
        EXAMPLE,
        "--json",
    ]);
    let value: Value = serde_json::from_slice(&json_out.stdout).unwrap();
    assert_eq!(value["pathway"], "R");
    assert_eq!(value["status_after"], "complete");
}

#[test]
fn show_lists_the_pathways_and_link_carries_the_one_chosen() {
    let out = run(&[
        "show",
        "example-l2-dip-retail-hospitality",
        "--spec",
        EXAMPLE,
    ]);
    let said = text(&out);
    assert!(
        said.contains(
            "Pathways (choose one):\n  R — Pathway R: Retail\n  H — Pathway H: Hospitality"
        ),
        "{said}"
    );
    assert!(
        said.contains("Retail optional units (optional, pathway R)"),
        "{said}"
    );
    let json_out = run(&[
        "show",
        "example-l2-dip-retail-hospitality",
        "--spec",
        EXAMPLE,
        "--json",
    ]);
    let value: Value = serde_json::from_slice(&json_out.stdout).unwrap();
    assert_eq!(value["pathways"][1]["id"], "H");
    let link_out = run(&[
        "link",
        "example-l2-dip-retail-hospitality",
        "EX403",
        "--pathway",
        "H",
        "--spec",
        EXAMPLE,
    ]);
    let url = text(&link_out);
    let qual = example();
    let (_, payload) = url.trim().split_once("#p/").unwrap();
    let opened = link::open(std::slice::from_ref(&qual), &qual.id, payload).unwrap();
    assert_eq!(opened.doc.pathway.as_deref(), Some("H"));
}

// ------------------------------------------------------ credit from elsewhere

fn elsewhere(
    qual: &Qualification,
    title: &str,
    credits: Option<u32>,
) -> unit_planner::engine::FromElsewhere {
    unit_planner::engine::FromElsewhere {
        group: qual.groups.iter().position(|g| g.id == "O").unwrap(),
        title: title.into(),
        credits,
        level: None,
    }
}

#[test]
fn credit_from_elsewhere_counts_up_to_its_cap_and_unknown_is_never_met() {
    let qual = example();
    let o = qual.groups.iter().position(|g| g.id == "O").unwrap();
    assert_eq!(
        qual.groups[o].elsewhere.as_ref().map(|e| e.max_credits),
        Some(5)
    );
    // Retail: 12 mandatory credits, EX403 (4) toward the retail credits; 20 needed in all.
    let mut plan = plan_on(&qual, &["EX403"], Some("R"));
    plan.add_elsewhere(elsewhere(&qual, "Food hygiene", Some(8)));
    let eval = evaluate(&qual, &plan);
    assert_eq!(eval.status, Status::Complete, "12 + 4 + 5 of the 8");
    assert_eq!(eval.elsewhere, [Some(5)]);
    // The cap is what counts: 22 needed is 1 short, though 8 were entered.
    let mut strict = qual.clone();
    strict.rules[1].rule = Rule::Credits {
        scope: Scope::All,
        level: None,
        min: Some(22),
        max: None,
    };
    assert_eq!(evaluate(&strict, &plan).status, Status::Incomplete);
    // Not entered yet: unknown, never met.
    let mut open = plan_on(&qual, &["EX403"], Some("R"));
    open.add_elsewhere(elsewhere(&qual, "Food hygiene", None));
    let eval = evaluate(&qual, &open);
    assert_eq!(eval.status, Status::Unconfirmed);
    assert_eq!(eval.elsewhere, [None]);
    let words = unit_planner::pathway_wording::elsewhere_entry(&qual, &open.elsewhere()[0], None);
    assert!(
        words.contains("entered by you") && words.contains("not entered yet"),
        "{words}"
    );
    // Two entries share one cap.
    let mut two = plan_on(&qual, &["EX403"], Some("R"));
    two.add_elsewhere(elsewhere(&qual, "A", Some(3)));
    two.add_elsewhere(elsewhere(&qual, "B", Some(3)));
    assert_eq!(evaluate(&qual, &two).elsewhere, [Some(3), Some(2)]);
}

#[test]
fn the_solver_never_proposes_credit_from_elsewhere_and_says_it_may_come() {
    let qual = example();
    let done = complete_plan(&qual, &plan_on(&qual, &[], Some("R")), &BTreeSet::new()).unwrap();
    assert!(done.add.iter().all(|&u| u < qual.units.len()));
    let out = run(&[
        "suggest",
        "example-l2-dip-retail-hospitality",
        "--pathway",
        "R",
        "--spec",
        EXAMPLE,
    ]);
    assert!(
        text(&out).ends_with(
            "Up to 5 credits may also come from other qualifications; none is proposed.\n"
        ),
        "{}",
        text(&out)
    );
}

#[test]
fn credit_from_elsewhere_travels_in_links_and_saved_plans() {
    let qual = example();
    let mut doc = doc_on(&qual, "R");
    doc.elsewhere.push(unit_planner::document::ElsewhereEntry {
        group: "O".into(),
        title: "Food hygiene".into(),
        credits: Some(8),
        level: Some("2".into()),
    });
    let payload = link::encode(&qual, &doc, false);
    assert_eq!(
        payload, FORMAT_FOUR_ELSEWHERE,
        "the format-4 golden with credit from elsewhere"
    );
    let opened = link::open(std::slice::from_ref(&qual), &qual.id, &payload).unwrap();
    assert_eq!(opened.doc.elsewhere, doc.elsewhere);
    assert_eq!(opened.doc.check(&qual).eval.elsewhere, [Some(5)]);
    let checked = opened.doc.check(&qual);
    let report = unit_planner::report::opened(
        &qual,
        &opened,
        &checked.plan,
        &checked.problems,
        &checked.eval,
    );
    assert_eq!(report["pathway"], "R");
    assert_eq!(report["elsewhere"][0]["counted"], 5);
    assert_eq!(report["elsewhere"][0]["basis"], "entered by you");
    let saved = store::Saved {
        plans: vec![store::SavedPlan {
            id: 1,
            doc: doc.clone(),
            created: 1,
            updated: 1,
        }],
        deleted: Default::default(),
    };
    let text = store::write(&saved).unwrap();
    assert!(
        text.contains("\"version\":3") && text.contains("\"title\":\"Food hygiene\""),
        "{text}"
    );
    // In a group that does not take it, it is left out and said so.
    let mut wrong = doc.clone();
    wrong.elsewhere[0].group = "RO".into();
    let checked = wrong.check(&qual);
    assert!(checked.plan.elsewhere().is_empty());
    assert!(checked.problems[0]
        .describe(&qual)
        .contains("does not take credit from elsewhere"));
}

const FORMAT_FOUR_ELSEWHERE: &str = ".BAxQAIADAVIBAU8MRm9vZCBoeWdpZW5lAwgMxR0ZFy7";

#[test]
fn check_shows_credit_from_elsewhere_entered_on_the_command_line() {
    let out = run(&[
        "check",
        "example-l2-dip-retail-hospitality",
        "EX403",
        "--pathway",
        "R",
        "--elsewhere",
        "O:8:Food hygiene",
        "--spec",
        EXAMPLE,
    ]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("From elsewhere: “Food hygiene” (entered by you): 8 credits, 5 counted in Optional units (all pathways)"), "{said}");
    let bad = run(&[
        "check",
        "example-l2-dip-retail-hospitality",
        "--elsewhere",
        "RO:3:X",
        "--spec",
        EXAMPLE,
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("does not take credit from elsewhere"));
    let show = text(&run(&[
        "show",
        "example-l2-dip-retail-hospitality",
        "--spec",
        EXAMPLE,
    ]));
    assert!(
        show.contains(
            "Up to 5 credits from other qualifications may count in Optional units (all pathways)"
        ),
        "{show}"
    );
}
