//! The worked examples in `specs/examples/`: each is a file `validate` accepts, and the one
//! that uses every construct together gives the verdicts its header and the README promise.

use std::process::{Command, Output};

use serde_json::Value;

const CENTRE: &str = "specs/examples/centre-example.toml";
const CENTRE_ID: &str = "example-l2-cert-customer-kitchen";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unit-planner"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `check --json` of `units` on the centre example, with `extra` arguments.
fn check(units: &[&str], extra: &[&str]) -> (Value, i32) {
    let mut args = vec!["check", CENTRE_ID];
    args.extend(units);
    args.extend(["--spec", CENTRE, "--json"]);
    args.extend(extra);
    let out = run(&args);
    let value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (value, out.status.code().unwrap())
}

/// The status of the rule whose text is `text`.
fn rule<'a>(verdict: &'a Value, text: &str) -> &'a Value {
    verdict["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["text"] == text)
        .unwrap_or_else(|| panic!("no rule {text:?} in {verdict}"))
}

#[test]
fn every_example_validates() {
    let mut files: Vec<_> = std::fs::read_dir("specs/examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        let out = run(&["validate", file.to_str().unwrap()]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file:?}: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(text.contains(": ok ("), "{file:?}: {text}");
    }
}

#[test]
fn centre_example_uses_every_construct() {
    let text = std::fs::read_to_string(CENTRE).unwrap();
    for construct in [
        "[[pathways]]",
        "from_level = ",
        "measure = \"glh\"",
        "from_elsewhere = ",
        "[[only_one_counts]]",
    ] {
        assert!(text.contains(construct), "{construct} is not in {CENTRE}");
    }
}

#[test]
fn the_same_units_complete_one_pathway_and_not_the_other() {
    let units = ["O301", "O302", "O304"];
    let (on_c, code) = check(&units, &["--pathway", "C"]);
    assert_eq!(
        (on_c["status"].as_str(), code),
        (Some("complete"), 0),
        "{on_c}"
    );
    assert_eq!(on_c["pathway"], "C");

    let (on_k, code) = check(&units, &["--pathway", "K"]);
    assert_eq!(
        (on_k["status"].as_str(), code),
        (Some("incomplete"), 1),
        "{on_k}"
    );
    let band = rule(&on_k, "At least 4 credits at level 1 or below");
    assert_eq!(band["status"], "unmet", "{band}");
    assert_eq!(
        (band["have"].as_u64(), band["need"].as_u64()),
        (Some(2), Some(4))
    );
}

#[test]
fn a_glh_shortfall_is_named_beside_met_credit_rules() {
    let (verdict, code) = check(&["O301", "O302"], &["--pathway", "C"]);
    assert_eq!(
        (verdict["status"].as_str(), code),
        (Some("incomplete"), 1),
        "{verdict}"
    );
    assert_eq!(
        rule(&verdict, "At least 16 credits in total")["status"],
        "met"
    );
    let glh = rule(&verdict, "At least 140 guided learning hours");
    assert_eq!(glh["status"], "unmet", "{glh}");
    assert_eq!(
        glh["still_needed"], "11 more guided learning hours",
        "{glh}"
    );
}

#[test]
fn credit_from_elsewhere_counts_but_its_hours_are_not_assumed() {
    let (verdict, _) = check(
        &["O301", "O302"],
        &["--pathway", "C", "--elsewhere", "O:3:Food hygiene"],
    );
    assert_eq!(
        rule(&verdict, "At least 16 credits in total")["have"],
        20,
        "{verdict}"
    );
    let glh = rule(&verdict, "At least 140 guided learning hours");
    assert_ne!(glh["status"], "met", "unknown hours are never met: {glh}");
}
