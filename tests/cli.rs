//! The `unit-planner` binary as advisers and maintainers use it.

use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unit-planner"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(args: &[&str]) -> (Value, i32) {
    let out = run(args);
    let value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    (value, out.status.code().unwrap())
}

fn fails_cleanly(args: &[&str], expected: &str) {
    let out = run(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err}");
    assert!(err.contains(expected), "expected {expected:?} in {err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn list_gives_every_qualification() {
    let (list, code) = json(&["list", "--json"]);
    assert_eq!(code, 0);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 5);
    let vtct = list
        .iter()
        .find(|q| q["qualification_number"] == "600/4940/6")
        .unwrap();
    assert_eq!(vtct["level"], "1");
    assert_eq!(vtct["awarding_body"], "VTCT (Skillsfirst)");
}

#[test]
fn show_gives_units_with_their_basis() {
    let (show, code) = json(&["show", "CG-L3-NVQ-DIP-CS", "--json"]);
    assert_eq!(code, 0);
    let units = show["units"].as_array().unwrap();
    let u301 = units.iter().find(|u| u["code"] == "4430-301").unwrap();
    assert_eq!(
        (u301["credits"].as_u64(), u301["credits_basis"].as_str()),
        (Some(6), Some("stated"))
    );
    assert_eq!(u301["ref"], "K/601/1622");
    assert_eq!(u301["mandatory"], true);
    let u202 = units.iter().find(|u| u["code"] == "4430-202").unwrap();
    assert_eq!(
        (u202["credits"].clone(), u202["credits_basis"].as_str()),
        (Value::Null, Some("unknown"))
    );
    assert_eq!(
        (u202["level"].as_str(), u202["level_basis"].as_str()),
        (Some("2"), Some("inferred"))
    );
    assert!(show["notes"].as_array().unwrap().len() >= 3);
    let (vtct, _) = json(&["show", "600/4940/6", "--json"]);
    let entry = vtct["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "CSP04")
        .unwrap();
    assert_eq!(entry["level"], "Entry 3");
    assert!(vtct["barred"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == &serde_json::json!(["CSP05", "CSP02"])));
}

#[test]
fn check_reports_rules_and_exits_zero_only_when_complete() {
    let (incomplete, code) = json(&["check", "600/4940/6", "csp14", "--json"]);
    assert_eq!(
        (incomplete["status"].as_str(), code),
        (Some("incomplete"), 1)
    );
    let total = &incomplete["rules"][1];
    assert_eq!(
        (
            total["status"].as_str(),
            total["have"].as_u64(),
            total["need"].as_u64()
        ),
        (Some("unmet"), Some(7), Some(13))
    );
    let (complete, code) = json(&[
        "check",
        "600/4940/6",
        "CSP14",
        "CSP15",
        "CSP16",
        "A/601/6078",
        "--json",
    ]);
    assert_eq!((complete["status"].as_str(), code), (Some("complete"), 0));
    let (blocked, _) = json(&["check", "600/4940/6", "CSP08", "--json"]);
    assert_eq!(blocked["status"], "blocked");
    assert_eq!(
        blocked["conflicts"],
        serde_json::json!([["CSP03", "CSP08"]])
    );
    let (unconfirmed, code) = json(&[
        "check",
        "ncfe-l1-nvq-cert-cs",
        "R/601/1209",
        "A/601/1205",
        "M/601/1508",
        "--json",
    ]);
    assert_eq!(
        (unconfirmed["status"].as_str(), code),
        (Some("unconfirmed"), 1)
    );
}

#[test]
fn human_output_has_ticks_crosses_and_what_is_needed() {
    let out = run(&["check", "600/4940/6", "CSP14"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("INCOMPLETE"));
    assert!(text.contains("✓ All mandatory units"));
    assert!(text.contains("✗ At least 13 credits in total"));
    assert!(text.contains("6 more credits"));
}

#[test]
fn suggest_completes_or_says_why_not() {
    let (s, code) = json(&["suggest", "600/4940/6", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(
        s["add"],
        serde_json::json!(["CSP04", "CSP07", "CSP09", "CSP18"])
    );
    assert_eq!(
        (s["credits_added"].as_u64(), s["status_after"].as_str()),
        (Some(8), Some("complete"))
    );
    let (s, _) = json(&["suggest", "600/4940/6", "--exclude", "CSP04", "--json"]);
    assert!(!s["add"].as_array().unwrap().contains(&Value::from("CSP04")));
    let (none, code) = json(&["suggest", "ncfe-l1-nvq-cert-cs", "--json"]);
    assert_eq!((none["add"].clone(), code), (Value::Null, 1));
    assert!(none["reason"].as_str().unwrap().contains("stated credits"));
}

#[test]
fn bad_input_gets_one_clear_line_and_exit_two() {
    fails_cleanly(&["check", "nope"], "unknown qualification `nope`");
    fails_cleanly(&["check", "600/4940/6", "CSP99"], "unknown unit `CSP99`");
    fails_cleanly(&["check", "600/4940/6", ""], "empty");
    fails_cleanly(&["check"], "needs a qualification");
    fails_cleanly(&["frobnicate"], "unknown command");
    fails_cleanly(&[], "no command");
    fails_cleanly(&["check", "600/4940/6", "--bogus"], "unknown option");
    fails_cleanly(
        &["suggest", "600/4940/6", "--exclude"],
        "--exclude needs a value",
    );
    let huge = "X".repeat(100_000);
    fails_cleanly(&["check", &huge], "too long");
    let out = run(&["check", &huge]);
    assert!(out.stderr.len() < 200, "the input is not echoed back");
    fails_cleanly(&["validate", "/no/such/file.toml"], "cannot read");
    fails_cleanly(
        &["show", "x", "--spec", "/no/such/file.toml"],
        "cannot read",
    );
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("unit-planner-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn validate_accepts_the_built_in_files_and_reports_every_problem_in_a_broken_one() {
    for file in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/specs")).unwrap() {
        let path = file.unwrap().path();
        let out = run(&["validate", path.to_str().unwrap()]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/specs/vtct-l1-cert-principles-cs.toml"
    ))
    .unwrap();
    let bad = good
        .replacen(
            "code = { value = \"CSP05\"",
            "code = { value = \"CSP04\"",
            1,
        )
        .replacen("{ min = 13 }", "{ min = 130 }", 1);
    let path = temp_file("broken.toml", &bad);
    let out = run(&["validate", &path]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(text.starts_with("broken.toml: "), "{text}");
    assert!(
        text.contains("`CSP04` is used twice") && text.contains("can never be met"),
        "{text}"
    );
    let garbage = temp_file("garbage.toml", "this is = = not toml");
    let out = run(&["validate", &garbage]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("garbage.toml"));
}

#[test]
fn a_centre_can_check_against_its_own_file() {
    let good = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/specs/vtct-l1-cert-principles-cs.toml"
    ))
    .unwrap();
    let own = good
        .replacen("id = \"vtct-l1-cert-principles-cs\"", "id = \"our-own\"", 1)
        .replacen("{ min = 13 }", "{ min = 11 }", 1);
    let path = temp_file("own.toml", &own);
    let (check, code) = json(&[
        "check", "our-own", "CSP14", "CSP15", "CSP16", "--json", "--spec", &path,
    ]);
    assert_eq!(check["qualification"], "our-own");
    assert_eq!(
        check["status"], "incomplete",
        "Group A still needs 8 credits: {check}"
    );
    assert_eq!(code, 1);
}

#[test]
fn check_batch_gives_a_verdict_per_learner() {
    let csv = "learner,qualification,units\nAsha,600/4940/6,CSP14 CSP15 CSP16 CSP17\n\"Ben, Jr\",600/4940/6,CSP14\nCal,nope,\nDee,600/4940/6,CSP99\n";
    let path = temp_file("batch.csv", csv);
    let out = run(&["check-batch", &path]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "learner,qualification,status,still_needed");
    assert_eq!(lines[1], "Asha,600/4940/6,complete,");
    assert!(
        lines[2].starts_with("\"Ben, Jr\",600/4940/6,incomplete,")
            && lines[2].contains("6 more credits"),
        "{}",
        lines[2]
    );
    assert!(lines[3].starts_with("Cal,nope,error,unknown qualification"));
    assert!(lines[4].contains("error,unknown unit `CSP99`"));
    assert_eq!(out.status.code(), Some(1));
    let bad = temp_file("bad.csv", "name,qual\n");
    let out = run(&["check-batch", &bad]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn link_and_open_round_trip_a_plan() {
    let out = run(&[
        "link",
        "600/4940/6",
        "CSP14",
        "CSP15",
        "--name",
        "Asha",
        "--base",
        "https://plans.example/",
    ]);
    let link = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(
        link.starts_with("https://plans.example/#/q/vtct-l1-cert-principles-cs/p/"),
        "{link}"
    );
    let (opened, code) = json(&["open", &link, "--json"]);
    assert_eq!(opened["units"], serde_json::json!(["CSP14", "CSP15"]));
    assert_eq!(
        (opened["name"].as_str(), opened["status"].as_str(), code),
        (Some("Asha"), Some("incomplete"), 1)
    );
    let unnamed = String::from_utf8(run(&["link", "600/4940/6"]).stdout).unwrap();
    let (opened, _) = json(&["open", unnamed.trim(), "--json"]);
    assert_eq!(opened["name"], Value::Null);
    fails_cleanly(&["open", &link[..link.len() - 4]], "damaged");
    fails_cleanly(
        &["open", "https://plans.example/#/q/nope/p/AQ"],
        "not in the catalogue",
    );
}
