//! Level bands, hours as a rule's measure and "only one of these counts", as a centre uses
//! them through the `unit-planner` binary: the worked example, `validate`'s refusals (each
//! naming the rule or entry), and `check`/`suggest` on plans that use them.

use std::process::{Command, Output};

use serde_json::Value;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/specs/examples/bands-example.toml"
);
const ID: &str = "example-l2-dip-bands";

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unit-planner"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(args: &[&str]) -> (String, i32) {
    let out = run(args);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap(),
    )
}

fn json(args: &[&str]) -> (Value, i32) {
    let out = run(args);
    let value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (value, out.status.code().unwrap())
}

/// The worked example with `old` replaced by `new`, written to a file of its own.
fn variant(name: &str, old: &str, new: &str) -> String {
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    assert!(text.contains(old), "the example has {old:?}");
    let dir = std::env::temp_dir().join(format!("unit-planner-measures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_worked_example_validates_and_reads_as_a_centre_wrote_it() {
    let (out, code) = stdout(&["validate", EXAMPLE]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.trim(), "bands-example.toml: ok (10 units, 7 rules)");
    let (show, code) = stdout(&["show", ID, "--spec", EXAMPLE]);
    assert_eq!(code, 0);
    for rule in [
        "At least 150 guided learning hours",
        "At most 5 credits at levels Entry 3 to 1",
        "At most 6 credits at level 1 or below",
        "Every unit from Optional units at level 2 and above at level 2 or above",
        "At least half of the credits from the optional groups at level 2 or above",
    ] {
        assert!(show.contains(&format!("  - {rule}\n")), "{rule}: {show}");
    }
}

#[test]
fn validate_refuses_contradictory_bands_shares_and_sets_naming_the_entry() {
    let cases = [
        (
            "upside-down.toml",
            r#"from_level = "Entry 3", to_level = "1""#,
            r#"from_level = "2", to_level = "1""#,
            "rule 4: `from_level` 2 is above `to_level` 1",
        ),
        (
            "share-above-one.toml",
            r#"share = "1/2""#,
            r#"share = "3/2""#,
            "rule 7: `share` must be a fraction above 0 and at most 1",
        ),
        (
            "share-of-nothing.toml",
            r#"share = "1/2""#,
            r#"share = "0/4""#,
            "rule 7: `share` must be a fraction above 0 and at most 1",
        ),
        (
            "share-with-min.toml",
            r#"share = "1/2""#,
            r#"share = "1/2", min = 4"#,
            "rule 7: a `share` rule takes no `min`, `max` or `measure`",
        ),
        (
            "every-unit-broken.toml",
            r#"every_unit = { groups = ["A"], level = "2", or_above = true }"#,
            r#"every_unit = { level = "3", or_above = true }"#,
            "rule 6 (Every unit at level 3 or above) can never be met: mandatory unit MAN01 is outside the band",
        ),
        (
            "every-unit-counted.toml",
            r#"every_unit = { groups = ["A"], level = "2", or_above = true }"#,
            r#"every_unit = { groups = ["A"], level = "2", or_above = true, min = 1 }"#,
            "rule 6: an `every_unit` rule takes only a scope and a band",
        ),
        (
            "two-ways.toml",
            r#"level = "1", or_below = true"#,
            r#"level = "1", or_below = true, or_above = true"#,
            "rule 5: a band is written one way",
        ),
        (
            "glh-too-few.toml",
            "min = 150, measure = \"glh\"",
            "min = 500, measure = \"glh\"",
            "",
        ),
        (
            "only-one-twice.toml",
            r#"units = ["ENT02", "ENT03"]"#,
            r#"units = ["ENT02", "ENT02"]"#,
            "only_one_counts entry on line 44: names the same unit twice",
        ),
        (
            "only-one-missing.toml",
            r#"units = ["ENT02", "ENT03"]"#,
            r#"units = ["ENT02", "NOPE"]"#,
            "only_one_counts entry on line 44 names unit `NOPE`, which does not exist",
        ),
        (
            "unknown-measure.toml",
            "measure = \"glh\"",
            "measure = \"hours\"",
            "unknown variant `hours`",
        ),
    ];
    for (name, old, new, expected) in cases {
        let file = variant(name, old, new);
        let (out, code) = stdout(&["validate", &file]);
        if expected.is_empty() {
            // OPT05's GLH is not stated: 500 GLH may be reachable, so not refused.
            assert_eq!(code, 0, "{name}: {out}");
            assert!(
                out.contains("depends on values the specification does not state"),
                "{name}: {out}"
            );
            continue;
        }
        assert_eq!(code, 1, "{name}: {out}");
        assert!(
            out.contains(expected),
            "{name}: expected {expected:?} in {out}"
        );
    }
}

#[test]
fn a_glh_rule_over_units_of_unstated_glh_is_accepted_but_depends() {
    let file = variant(
        "all-glh-unknown.toml",
        "glh = { value = 30, line = 31 }",
        "glh = { unknown = \"not printed\" }",
    );
    let file_text = std::fs::read_to_string(&file).unwrap();
    let none: String = file_text
        .lines()
        .map(|l| {
            if l.starts_with("glh = { value") {
                "glh = { unknown = \"not printed\" }"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&file, none).unwrap();
    let (out, code) = stdout(&["validate", &file]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("depends on values the specification does not state"),
        "{out}"
    );
    let (check, code) = json(&[
        "check", ID, "--spec", &file, "OPT01", "OPT02", "OPT03", "OPT04", "--json",
    ]);
    assert_eq!(code, 1);
    let glh = &check["rules"][2];
    assert_eq!(glh["text"], "At least 150 guided learning hours");
    assert_eq!(
        glh["status"], "unconfirmed",
        "unknown GLH is never 0, never met"
    );
}

#[test]
fn a_plan_holding_both_units_of_which_only_one_counts_says_which_counts() {
    let plan = ["OPT01", "OPT02", "OPT03", "ENT02", "ENT03"];
    let (out, code) = stdout(&[&["check", ID, "--spec", EXAMPLE][..], &plan].concat());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("✓ Complete: every rule is met"),
        "both may be taken: {out}"
    );
    assert!(
        out.contains("ENT02 counts and ENT03 does not: only one of them counts toward the totals"),
        "{out}"
    );
    // 7 mandatory + 12 from group A + ENT02's 3; ENT03's 2 do not count.
    assert!(
        out.contains("At least 20 credits in total") && out.contains("22 / 20"),
        "{out}"
    );
    let (check, _) = json(&[&["check", ID, "--spec", EXAMPLE, "--json"][..], &plan].concat());
    assert_eq!(check["not_counted"][0]["unit"], "ENT03");
    assert_eq!(check["not_counted"][0]["counted"], "ENT02");
    // Without a set in the plan, the output has no such entry (older outputs unchanged).
    let (alone, _) = json(&["check", ID, "--spec", EXAMPLE, "ENT02", "--json"]);
    assert!(alone.get("not_counted").is_none());
}

#[test]
fn check_reads_bands_every_unit_and_shares_three_ways() {
    // ENT01 and ENT02 and ENT03: 2 + 3 credits at Entry 3 to 1 (ENT03 does not count).
    let (check, _) = json(&["check", ID, "--spec", EXAMPLE, "ENT01", "ENT02", "--json"]);
    let share = &check["rules"][6];
    assert_eq!(share["status"], "unmet", "{share}");
    assert_eq!(
        share["still_needed"], "5 more credits at level 2 or above from the optional groups",
        "5 optional credits below level 2 need 5 at or above it"
    );
    let (check, _) = json(&[
        "check", ID, "--spec", EXAMPLE, "ENT01", "ENT02", "OPT01", "--json",
    ]);
    assert_eq!(check["rules"][6]["status"], "unmet", "4 of 9 is under half");
    let (check, _) = json(&[
        "check", ID, "--spec", EXAMPLE, "ENT01", "ENT02", "OPT02", "--json",
    ]);
    assert_eq!(check["rules"][6]["status"], "met", "5 of 10 is half");
}

#[test]
fn suggest_completes_the_example_on_stated_values_only() {
    let (s, code) = json(&["suggest", ID, "--spec", EXAMPLE, "--json"]);
    assert_eq!(code, 0, "{s}");
    let add: Vec<&str> = s["add"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u.as_str().unwrap())
        .collect();
    assert!(
        !add.contains(&"OPT05"),
        "OPT05's GLH is not stated: {add:?}"
    );
    assert_eq!(add, ["OPT01", "OPT02", "OPT04", "ENT01"]);
    // From a plan holding ENT03, the plan completes on what counts (ENT02 would count
    // instead of ENT03, never beside it).
    let (s, code) = json(&["suggest", ID, "--spec", EXAMPLE, "ENT03", "--json"]);
    assert_eq!(code, 0, "{s}");
    let (after, _) = json(
        &[
            &["check", ID, "--spec", EXAMPLE, "ENT03", "--json"][..],
            &s["add"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u.as_str().unwrap())
                .collect::<Vec<_>>(),
        ]
        .concat(),
    );
    assert_eq!(after["status"], "complete", "{s}");
}

#[test]
fn mandatory_units_of_which_only_one_counts_do_not_break_a_maximum_together() {
    let file = variant(
        "mandatory-only-one.toml",
        r#"units = ["ENT02", "ENT03"]"#,
        r#"units = ["MAN01", "MAN02"]"#,
    );
    let text = std::fs::read_to_string(&file).unwrap().replacen(
        r#"credits = { max = 6, level = "1", or_below = true }"#,
        r#"credits = { max = 5, level = "2" }"#,
        1,
    );
    std::fs::write(&file, text).unwrap();
    // MAN01 and MAN02 give 7 credits at level 2, but only MAN01's 4 count.
    let (out, code) = stdout(&["validate", &file]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("can never be met"), "{out}");
    let (check, _) = json(&["check", ID, "--spec", &file, "--json"]);
    assert_eq!(check["rules"][4]["have"], 4, "{}", check["rules"][4]);
    assert_eq!(check["not_counted"][0]["unit"], "MAN02");
}
