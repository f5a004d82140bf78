//! The built-in catalogue loads cleanly and matches the sources; broken files are rejected
//! with messages naming the file and the entry.

use unit_planner::catalogue::{
    builtin, parse_spec, BadRule, Basis, Date, Entry, Kind, Level, NeverMet, Problem, SpecError,
};
use unit_planner::engine::{feasibility, Feasibility, NoCompletion};

fn qual(id: &str) -> &'static unit_planner::catalogue::Qualification {
    builtin::find(builtin::catalogue(), id).unwrap_or_else(|| panic!("{id} is in the catalogue"))
}

#[test]
fn every_spec_file_loads_without_errors_and_every_qualification_can_be_completed() {
    assert!(
        builtin::load_errors().is_empty(),
        "{:?}",
        builtin::load_errors()
    );
    assert_eq!(builtin::catalogue().len(), builtin::SPEC_FILES.len());
    let verdicts: Vec<(&str, Feasibility)> = builtin::catalogue()
        .iter()
        .map(|q| (q.id.as_str(), feasibility(q)))
        .collect();
    let undecided = Feasibility::Undecided(NoCompletion::NoUnitsSuffice);
    assert_eq!(
        verdicts,
        [
            // No unit credit value is stated, so no plan can be confirmed from the source.
            ("ncfe-l1-nvq-cert-cs", undecided),
            ("proqual-l1-award-principles-cs", Feasibility::Possible),
            ("ncfe-l2-dip-cs-practitioners", Feasibility::Possible),
            ("vtct-l1-cert-principles-cs", Feasibility::Possible),
            ("cg-l3-nvq-dip-cs", Feasibility::Possible),
        ]
    );
}

#[test]
fn unit_counts_match_the_sources() {
    let counts: Vec<(&str, usize)> = builtin::catalogue()
        .iter()
        .map(|q| (q.id.as_str(), q.units.len()))
        .collect();
    assert_eq!(
        counts,
        [
            ("ncfe-l1-nvq-cert-cs", 26),
            ("proqual-l1-award-principles-cs", 1),
            ("ncfe-l2-dip-cs-practitioners", 6),
            ("vtct-l1-cert-principles-cs", 20),
            ("cg-l3-nvq-dip-cs", 59),
        ]
    );
    let cg = qual("cg-l3-nvq-dip-cs");
    let per_group: Vec<usize> = (0..cg.groups.len())
        .map(|g| cg.units_in(g).count())
        .collect();
    assert_eq!(per_group, [2, 16, 15, 6, 20]);
}

#[test]
fn ocr_damage_is_repaired_and_recorded() {
    let ncfe = qual("603/5681/9");
    let unit6 = &ncfe.units[ncfe.find_unit("Unit 06").unwrap()];
    assert_eq!(
        unit6.reference.value().map(String::as_str),
        Some("F/618/0500")
    );
    assert_eq!(unit6.level.value(), Some(&Level::Numbered(2)));
    assert!(ncfe.notes.iter().any(|n| n.text.contains("£/618/0500")));
    let cg = qual("cg-l3-nvq-dip-cs");
    assert_eq!(cg.number.value().map(String::as_str), Some("500/8818/X"));
}

#[test]
fn values_the_source_does_not_state_stay_unknown() {
    let cg = qual("cg-l3-nvq-dip-cs");
    let u201 = &cg.units[cg.find_unit("4430-202").unwrap()];
    assert_eq!(u201.credits.value(), None);
    assert!(matches!(u201.level.basis(), Basis::Inferred(_)));
    let ncfe1 = qual("ncfe-l1-nvq-cert-cs");
    assert!(ncfe1
        .units
        .iter()
        .all(|u| u.credits.value().is_none() && u.level.value().is_none()));
}

#[test]
fn swapped_references_and_barred_mandatory_units_are_noted() {
    let vtct = qual("600/4940/6");
    assert!(vtct.notes.iter().any(|n| n.text.contains("swapped")));
    let pairs: Vec<(&str, &str)> = vtct
        .barred
        .iter()
        .flat_map(|set| set.pairs())
        .map(|(a, b)| (vtct.units[a].label(), vtct.units[b].label()))
        .collect();
    // The source's table (lines 121-140) lists each pair from both sides; once each here.
    assert_eq!(
        pairs,
        [
            ("CSP04", "CSP14"),
            ("CSP05", "CSP02"),
            ("CSP06", "CSP15"),
            ("CSP07", "CSP16"),
            ("CSP08", "CSP03"),
            ("CSP09", "CSP17"),
            ("CSP10", "CSP18"),
            ("CSP11", "CSP19"),
            ("CSP12", "CSP20"),
            ("CSP13", "CSP21"),
        ]
    );
}

#[test]
fn closed_qualifications_are_recognised() {
    let today: Date = "23/11/2026".parse().unwrap();
    assert!(qual("cg-l3-nvq-dip-cs").is_closed(today));
    assert!(qual("proqual-l1-award-principles-cs").is_closed(today));
    assert!(!qual("vtct-l1-cert-principles-cs").is_closed(today));
}

const GOOD: &str = r#"
id = "tiny"
source = "x.txt"
title = { value = "Tiny", line = 1 }
awarding_body = { value = "AB", line = 1 }
level = { value = "1", line = 1 }
number = { value = "600/0000/0", line = 1 }

[[groups]]
id = "M"
name = { value = "Mandatory", line = 2 }
mandatory = true

[[groups]]
id = "A"
name = { value = "Optional", line = 3 }
mandatory = false

[[units]]
key = 1
group = "M"
code = { value = "M1", line = 4 }
title = { value = "Mandatory one", line = 4 }
credits = { value = 3, line = 4 }
level = { value = "1", line = 4 }

[[units]]
key = 2
group = "A"
code = { value = "A1", line = 5 }
title = { value = "Optional one", line = 5 }
credits = { value = 2, line = 5 }
level = { value = "1", line = 5 }

[[rules]]
line = 6
credits = { min = 5 }
"#;

fn broken(from: &str, to: &str) -> SpecError {
    assert!(GOOD.contains(from), "fixture contains {from:?}");
    let text = GOOD.replacen(from, to, 1);
    parse_spec("specs/tiny.toml", &text).expect_err("the file is broken")
}

#[test]
fn a_good_file_loads() {
    let q = parse_spec("specs/tiny.toml", GOOD).unwrap();
    assert_eq!(q.units.len(), 2);
}

#[test]
fn broken_files_fail_with_the_file_and_the_entry_named() {
    let cases = [
        (
            ("code = { value = \"A1\"", "code = { value = \"M1\""),
            Entry::Unit(2),
            Kind::IdentifierUsedTwice("M1".into(), 1, 2),
        ),
        (
            ("credits = { min = 5 }", "credits = { min = 50 }"),
            Entry::Rule(1),
            Kind::NeverMet(
                "At least 50 credits in total".into(),
                NeverMet::TooFewCredits(5, 50),
            ),
        ),
        (
            ("group = \"A\"", "group = \"Z\""),
            Entry::Unit(2),
            Kind::MissingGroup("Z".into()),
        ),
        (
            ("line = 6\ncredits", "credits"),
            Entry::Rule(1),
            Kind::BadRule(BadRule::Basis),
        ),
        (
            ("key = 2", "key = 1"),
            Entry::Unit(1),
            Kind::KeyUsedTwice("M1".into(), "A1".into()),
        ),
        (
            (
                "[[rules]]",
                "[[barred]]\nunits = [\"A1\", \"Q9\"]\nline = 7\n\n[[rules]]",
            ),
            Entry::Barred(7),
            Kind::MissingUnit("Q9".into()),
        ),
        (
            ("credits = { min = 5 }", "credits = { min = 5, max = 4 }"),
            Entry::Rule(1),
            Kind::BadRule(BadRule::MinAboveMax(5, 4)),
        ),
        (
            ("credits = { min = 5 }", "all_mandatory = false"),
            Entry::Rule(1),
            Kind::BadRule(BadRule::AllMandatoryFalse),
        ),
        (
            ("code = { value = \"A1\"", "code = { value = \"\""),
            Entry::Unit(2),
            Kind::BlankIdentifier("code"),
        ),
        (
            ("code = { value = \"A1\", line = 5 }", "ref = { value = \" \", line = 5 }"),
            Entry::Unit(2),
            Kind::BlankIdentifier("reference"),
        ),
        (
            (
                "[[rules]]",
                "[[barred]]\nunits = [\"A1\", \"M1\", \"A1\"]\nline = 7\n\n[[rules]]",
            ),
            Entry::BarredPair("A1".into(), "A1".into()),
            Kind::BarredWithItself,
        ),
        (
            (
                "[[rules]]",
                "[[barred]]\nunits = [\"A1\", \"M1\"]\nline = 7\n\n[[barred]]\nunits = [\"M1\", \"A1\"]\nline = 8\n\n[[rules]]",
            ),
            Entry::BarredPair("M1".into(), "A1".into()),
            Kind::ListedTwice,
        ),
    ];
    for ((from, to), entry, kind) in cases {
        let error = broken(from, to);
        assert_eq!(error.file, "specs/tiny.toml");
        assert!(
            error
                .problems
                .contains(&Problem::new(entry.clone(), kind.clone())),
            "expected {entry:?} {kind:?} in {:?}",
            error.problems
        );
    }
}

#[test]
fn a_problem_reads_as_one_sentence_naming_file_and_entry() {
    let error = broken("key = 2", "key = 1");
    assert_eq!(
        error.to_string(),
        "specs/tiny.toml: unit key 1 is used by both M1 and A1"
    );
    let error = broken("credits = { min = 5 }", "credits = { min = 0 }");
    assert_eq!(
        error.to_string(),
        "specs/tiny.toml: rule 1: `min = 0` sets no minimum; leave `min` out"
    );
}

#[test]
fn a_group_with_no_units_is_rejected() {
    let text = GOOD.replace("[[rules]]", "[[groups]]\nid = \"B\"\nname = { value = \"Empty\", line = 3 }\nmandatory = false\n\n[[rules]]");
    let error = parse_spec("specs/tiny.toml", &text).unwrap_err();
    assert_eq!(
        error.problems,
        [Problem::new(Entry::Group("B".into()), Kind::NoUnits)]
    );
}

#[test]
fn a_barred_set_of_thousands_is_kept_as_one_set() {
    let mut text = GOOD.replace("credits = { min = 5 }", "units = { min = 2 }");
    let mut names = vec!["\"A1\"".to_string()];
    for key in 3..4003 {
        text += &format!(
            "\n[[units]]\nkey = {key}\ngroup = \"A\"\ncode = {{ value = \"X{key}\", line = 5 }}\ntitle = {{ value = \"Unit\", line = 5 }}\ncredits = {{ value = 1, line = 5 }}\nlevel = {{ value = \"1\", line = 5 }}\n"
        );
        names.push(format!("\"X{key}\""));
    }
    text += &format!("\n[[barred]]\nunits = [{}]\nline = 7\n", names.join(", "));
    let q = parse_spec("specs/tiny.toml", &text).expect("loads");
    assert_eq!(q.barred.len(), 1);
    assert_eq!(q.barred[0].units.len(), 4001);
    let all = unit_planner::engine::Plan::with_units(&q, 0..q.units.len());
    let eval = unit_planner::engine::evaluate(&q, &all);
    assert_eq!(eval.status, unit_planner::engine::Status::Blocked);
    assert_eq!(
        eval.conflicts.len(),
        4000,
        "each with the first of the set in the plan"
    );
}
