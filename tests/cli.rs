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
    assert!(text.contains("\n✗ Incomplete: some rules are not met yet\n"));
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
        if path.extension().is_none_or(|e| e != "toml") {
            continue; // specs/examples/ is not the catalogue
        }
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
    assert_eq!(lines[0], "learner,qualification,status,still_needed,row");
    assert_eq!(lines[1], "Asha,600/4940/6,complete,,2");
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
        link.starts_with("https://plans.example/q/vtct-l1-cert-principles-cs/#p/"),
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

/// A qualification file of a centre's own: the heading, then `body` (groups, units, rules).
fn centre_file(name: &str, body: &str) -> String {
    let head = "id = \"centre-q\"\nsource = \"centre.txt\"\ntitle = { value = \"Centre qualification\", line = 1 }\nawarding_body = { value = \"Centre\", line = 1 }\nlevel = { value = \"2\", line = 1 }\nnumber = { value = \"000/0000/0\", line = 1 }\n";
    temp_file(name, &format!("{head}{body}"))
}

fn group(id: &str, mandatory: bool) -> String {
    format!("[[groups]]\nid = \"{id}\"\nname = {{ value = \"Group {id}\", line = 1 }}\nmandatory = {mandatory}\n")
}

/// A unit: key, group, code, credits (None: unknown), level (None: unknown).
fn unit(key: u32, group: &str, code: &str, credits: Option<u64>, level: Option<&str>) -> String {
    let credits = credits.map_or("{ unknown = \"not given\" }".to_string(), |c| {
        format!("{{ value = {c}, line = 1 }}")
    });
    let level = level.map_or("{ unknown = \"not given\" }".to_string(), |l| {
        format!("{{ value = \"{l}\", line = 1 }}")
    });
    format!("[[units]]\nkey = {key}\ngroup = \"{group}\"\ncode = {{ value = \"{code}\", line = 1 }}\ntitle = {{ value = \"Unit {code}\", line = 1 }}\nlevel = {level}\ncredits = {credits}\n")
}

fn rule(body: &str) -> String {
    format!("[[rules]]\nline = 1\n{body}\n")
}

fn stdout(args: &[&str]) -> (String, i32) {
    let out = run(args);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap(),
    )
}

#[test]
fn a_unit_of_unknown_level_under_a_level_maximum_does_not_stop_a_completion() {
    let body = [
        group("M", true),
        group("A", false),
        unit(1, "M", "M1", Some(2), None),
        unit(2, "A", "A1", Some(3), Some("2")),
        rule("credits = { max = 10, level = \"2\" }"),
        rule("credits = { min = 5 }"),
    ]
    .concat();
    let file = centre_file("unknown-level.toml", &body);
    let (s, code) = json(&["suggest", "centre-q", "--spec", &file, "--json"]);
    assert_eq!(
        (s["add"].clone(), code),
        (serde_json::json!(["A1"]), 0),
        "{s}"
    );
    let (c, code) = json(&["check", "centre-q", "A1", "--spec", &file, "--json"]);
    assert_eq!((c["status"].as_str(), code), (Some("complete"), 0));
}

#[test]
fn thirty_units_of_two_credits_reach_twenty_one_with_eleven() {
    let mut body = vec![
        group("M", true),
        group("A", false),
        unit(1, "M", "M1", Some(0), Some("2")),
    ];
    body.extend((0..30).map(|i| unit(i + 2, "A", &format!("A{i:02}"), Some(2), Some("2"))));
    body.push(rule("credits = { min = 21 }"));
    let file = centre_file("parity.toml", &body.concat());
    let (s, code) = json(&["suggest", "centre-q", "--spec", &file, "--json"]);
    assert_eq!(code, 0, "{s}");
    assert_eq!(
        (
            s["add"].as_array().unwrap().len(),
            s["credits_added"].as_u64()
        ),
        (11, Some(22))
    );
}

#[test]
fn numbers_past_their_bounds_are_refused_not_wrapped() {
    let body = [
        group("M", true),
        unit(1, "M", "M1", Some(4_294_967_295), Some("2")),
        unit(2, "M", "M2", Some(2), Some("2")),
        rule("credits = { max = 10 }"),
    ]
    .concat();
    let file = centre_file("huge.toml", &body);
    let (text, code) = stdout(&["validate", &file]);
    assert_eq!(code, 1);
    assert!(
        text.contains("unit key 1: credits is 4294967295, above the largest accepted (999)"),
        "{text}"
    );
    fails_cleanly(
        &["check", "centre-q", "--spec", &file],
        "above the largest accepted",
    );
}

#[test]
fn validate_decides_with_the_solver_and_names_the_rules() {
    let units = [
        group("M", true),
        group("A", false),
        unit(1, "M", "M1", Some(1), Some("2")),
        unit(2, "A", "A1", Some(3), Some("2")),
        unit(3, "A", "A2", Some(4), Some("2")),
    ]
    .concat();
    let exact = centre_file(
        "exact.toml",
        &(units.clone() + &rule("credits = { min = 5, max = 5, groups = [\"A\"] }")),
    );
    let (text, code) = stdout(&["validate", &exact]);
    assert_eq!(code, 1, "{text}");
    assert_eq!(
        text,
        "exact.toml: rule 1 (Exactly 5 credits from Group A) can never be met\n"
    );
    let pair = centre_file(
        "pair.toml",
        &(units.clone()
            + &rule("units = { min = 2, groups = [\"A\"] }")
            + &rule("credits = { max = 6, groups = [\"A\"] }")
            + &rule("credits = { min = 1 }")),
    );
    let (text, code) = stdout(&["validate", &pair]);
    assert_eq!(code, 1, "{text}");
    assert_eq!(
        text,
        "pair.toml: no selection of units meets rule 1 (At least 2 units from Group A) and rule 2 (At most 6 credits from Group A) together\n"
    );
    let fine = centre_file("fine.toml", &(units + &rule("credits = { min = 4 }")));
    assert_eq!(
        stdout(&["validate", &fine]),
        ("fine.toml: ok (3 units, 1 rules)\n".to_string(), 0)
    );
}

#[test]
fn a_barred_set_bars_every_pair_and_a_made_up_unit_is_refused() {
    let units = [
        group("A", false),
        unit(1, "A", "A1", Some(1), Some("2")),
        unit(2, "A", "A2", Some(1), Some("2")),
        unit(3, "A", "A3", Some(1), Some("2")),
        rule("units = { min = 1 }"),
    ]
    .concat();
    let set = centre_file(
        "set.toml",
        &(units.clone() + "[[barred]]\nunits = [\"A1\", \"A2\", \"A3\"]\nline = 1\n"),
    );
    let (show, _) = json(&["show", "centre-q", "--spec", &set, "--json"]);
    // One set, as the file lists it (not its three pairs).
    assert_eq!(show["barred"], serde_json::json!([["A1", "A2", "A3"]]));
    let (c, code) = json(&["check", "centre-q", "A1", "A3", "--spec", &set, "--json"]);
    assert_eq!((c["status"].as_str(), code), (Some("blocked"), 1));
    let made_up = centre_file(
        "made-up.toml",
        &(units + "[[barred]]\nunits = [\"A1\", \"A2\", \"ZZ9\"]\nline = 4\n"),
    );
    let (text, code) = stdout(&["validate", &made_up]);
    assert_eq!(code, 1);
    assert_eq!(
        text,
        "made-up.toml: barred entry on line 4 names unit `ZZ9`, which does not exist\n"
    );
}

#[test]
fn files_read_one_way_and_meant_another_are_refused_by_name() {
    let base = [group("A", false), unit(1, "A", "A1", Some(1), Some("2"))].concat();
    let cases = [
        (
            rule("credits = { min = 1, groups = [] }"),
            "rule 1: `groups = []` names no group",
        ),
        (
            rule("credits = { min = 1, or_above = true }"),
            "rule 1: `or_above` needs a `level`",
        ),
        (
            rule("credits = { min = 0 }"),
            "rule 1: `min = 0` sets no minimum",
        ),
        (
            rule("each_optional_group = { min_units = 0 }"),
            "rule 1: `each_optional_group` with `min_units = 0` asks for nothing",
        ),
        (
            rule("units = { min = 1 }") + "start_date = { value = \"31/02/2020\", line = 1 }\n",
            "start_date: `31/02/2020` is not a calendar date",
        ),
    ];
    for (i, (extra, expected)) in cases.iter().enumerate() {
        // `start_date` must come before the tables, so that case puts it in the heading.
        let body = if extra.contains("start_date") {
            format!(
                "start_date = {{ value = \"31/02/2020\", line = 1 }}\n{base}{}",
                rule("units = { min = 1 }")
            )
        } else {
            format!("{base}{extra}")
        };
        let file = centre_file(&format!("meant-{i}.toml"), &body);
        let (text, code) = stdout(&["validate", &file]);
        assert_eq!(code, 1, "{expected}: {text}");
        assert!(text.contains(expected), "expected {expected:?} in {text}");
    }
    let far_key = centre_file(
        "far-key.toml",
        &[
            group("A", false),
            unit(5000, "A", "A1", Some(1), Some("2")),
            rule("units = { min = 1 }"),
        ]
        .concat(),
    );
    let (text, _) = stdout(&["validate", &far_key]);
    assert!(
        text.contains("unit key 5000 is outside 1-4096, the keys a share link can carry"),
        "{text}"
    );
}

#[test]
fn control_characters_from_a_link_reach_no_terminal() {
    let out = run(&[
        "link",
        "600/4940/6",
        "CSP14",
        "--name",
        "\u{1b}[31mred\u{7}\u{9b}2J\u{202e}",
    ]);
    let link = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let shown = run(&["open", &link]);
    let text = String::from_utf8(shown.stdout).unwrap();
    assert!(
        text.contains("Plan: \\u{1b}[31mred\\u{7}\\u{9b}2J\\u{202e}"),
        "{text}"
    );
    let raw = run(&["open", &link, "--json"]).stdout;
    let json_text = String::from_utf8(raw).unwrap();
    assert!(
        !json_text
            .chars()
            .any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
        "{json_text:?}"
    );
    let (opened, _) = json(&["open", &link, "--json"]);
    assert_eq!(
        opened["name"], "\u{1b}[31mred\u{7}\u{9b}2J\u{202e}",
        "JSON still carries the name exactly"
    );
}

#[test]
fn messages_quote_short_excerpts_and_count_what_they_leave_out() {
    let huge = centre_file(
        "huge-name.toml",
        &[
            group("A", false),
            unit(1, &"x".repeat(900_000), "A1", Some(1), Some("2")),
            rule("units = { min = 1 }"),
        ]
        .concat(),
    );
    let (text, code) = stdout(&["validate", &huge]);
    assert_eq!(code, 1);
    assert!(text.len() < 400, "{} bytes", text.len());
    let mut many = vec![
        group("A", false),
        unit(1, "A", "A1", Some(1), Some("2")),
        rule("units = { min = 1 }"),
    ];
    many.extend(
        (1..=18_000).map(|k| format!("[[barred]]\nunits = [\"A1\", \"Z{k}\"]\nline = 1\n")),
    );
    let many = centre_file("many.toml", &many.concat());
    let (text, code) = stdout(&["validate", &many]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() <= 32, "{} lines", lines.len());
    assert!(lines[0].ends_with("problems"), "{}", lines[0]);
    assert!(
        lines.last().unwrap().contains("more problems"),
        "{}",
        lines.last().unwrap()
    );
    fails_cleanly(
        &["check", "centre-q", "--spec", &many],
        "more; see `unit-planner validate`",
    );
}

#[test]
fn check_batch_reads_what_spreadsheets_write_and_checks_every_good_row() {
    let csv = "\u{feff}learner,qualification,units\n\nAsha,600/4940/6,CSP14 CSP15 CSP16 CSP17\n\"Ben\nJr\",600/4940/6,CSP14\nbad,row\n=HYPERLINK(\"http://x\"),600/4940/6,CSP14\nEve \"the\" Ace,600/4940/6,CSP14\n\"Cy,600/4940/6,CSP14\nDee,600/4940/6,CSP14\n";
    let path = temp_file("spreadsheet.csv", csv);
    let (text, code) = stdout(&["check-batch", &path]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "learner,qualification,status,still_needed,row");
    assert_eq!(lines[1], "Asha,600/4940/6,complete,,3");
    assert!(
        lines[2].starts_with("Ben\\u{a}Jr,600/4940/6,incomplete,"),
        "{}",
        lines[2]
    );
    assert!(lines[2].ends_with(",4"), "{}", lines[2]);
    assert_eq!(
        lines[3],
        "bad,row,error,\"the row has 2 fields, not 3 (learner,qualification,units)\",6"
    );
    assert!(
        lines[4].starts_with("\"'=HYPERLINK(\"\"http://x\"\")\",600/4940/6,incomplete"),
        "{}",
        lines[4]
    );
    assert!(
        lines[5].starts_with("\"Eve \"\"the\"\" Ace\",600/4940/6,incomplete"),
        "{}",
        lines[5]
    );
    assert!(
        lines[6].starts_with("\"\"\"Cy\",600/4940/6,incomplete"),
        "{}",
        lines[6]
    );
    assert!(
        lines[7].starts_with("Dee,600/4940/6,incomplete") && lines[7].ends_with(",10"),
        "{}",
        lines[7]
    );
    assert_eq!(lines.len(), 8);
    let (verdicts, _) = json(&["check-batch", &path, "--json"]);
    assert_eq!(verdicts[0]["row"], 3);
    assert_eq!(verdicts[0]["status"], "complete");
}

#[test]
fn check_batch_takes_a_hundred_thousand_rows() {
    let mut csv = String::from("learner,qualification,units\n");
    for i in 0..100_000 {
        csv += &format!("Learner {i},600/4940/6,CSP14 CSP15 CSP16 CSP17\n");
    }
    let path = temp_file("large.csv", &csv);
    let (text, code) = stdout(&["check-batch", &path]);
    assert_eq!(code, 0);
    assert_eq!(text.lines().count(), 100_001);
}

#[test]
fn every_option_is_honoured_or_refused() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/specs/vtct-l1-cert-principles-cs.toml"
    );
    let (list, _) = json(&["list", "--spec", file, "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    let (link, _) = json(&["link", "600/4940/6", "CSP14", "--spec", file, "--json"]);
    assert!(
        link["link"]
            .as_str()
            .unwrap()
            .contains("/q/vtct-l1-cert-principles-cs/#p/."),
        "{link}"
    );
    let csv = temp_file(
        "spec.csv",
        "learner,qualification,units\nAna,cg-l3-nvq-dip-cs,\n",
    );
    let (verdicts, _) = json(&["check-batch", &csv, "--spec", file, "--json"]);
    assert_eq!(
        verdicts[0]["still_needed"],
        "unknown qualification `cg-l3-nvq-dip-cs`"
    );
    let (valid, code) = json(&["validate", file, "--json"]);
    assert_eq!((valid["valid"].as_bool(), code), (Some(true), 0));
    fails_cleanly(
        &["suggest", "600/4940/6", "--exclude", "--spec", file],
        "--exclude needs a value",
    );
    fails_cleanly(
        &["link", "600/4940/6", "--base", "javascript:alert(1)"],
        "--base must be an http:// or https:// address",
    );
    fails_cleanly(
        &["link", "600/4940/6", "--base", "https://"],
        "--base must be",
    );
    fails_cleanly(&["list", "--name", "x"], "`list` does not take --name");
    fails_cleanly(
        &["open", "x", "--spec", file],
        "`open` does not take --spec",
    );
    fails_cleanly(
        &["check", "600/4940/6", "--spec", file, "--spec", file],
        "--spec is given twice",
    );
}

#[test]
fn a_between_rule_shows_its_count_against_the_range() {
    let body = [
        group("A", false),
        unit(1, "A", "A1", Some(7), Some("2")),
        unit(2, "A", "A2", Some(3), Some("2")),
        rule("credits = { min = 5, max = 10 }"),
    ]
    .concat();
    let file = centre_file("between.toml", &body);
    let (text, code) = stdout(&["check", "centre-q", "A1", "--spec", &file]);
    assert_eq!(code, 0);
    assert!(
        text.contains("✓ Between 5 and 10 credits in total  7 / 5–10\n"),
        "{text}"
    );
}

#[test]
fn a_file_with_thousands_of_units_and_maxima_is_checked_and_validated() {
    let mut body = vec![group("M", true)];
    body.extend((1..=50).map(|g| group(&format!("G{g}"), false)));
    for key in 1..=4000u32 {
        let group = if key <= 2000 {
            "M".to_string()
        } else {
            format!("G{}", 1 + key % 50)
        };
        body.push(format!("[[units]]\nkey = {key}\ngroup = \"{group}\"\ncode = {{ value = \"U{key}\", line = 1 }}\ntitle = {{ value = \"t\", line = 1 }}\nlevel = {{ value = \"{}\", line = 1 }}\ncredits = {{ value = {}, line = 1 }}\n", 1 + key % 4, 1 + key % 9));
    }
    for r in 0..2000 {
        body.push(rule(&format!(
            "credits = {{ max = {}, groups = [\"G{}\"], level = \"{}\", or_above = true }}",
            10_000 + r,
            1 + r % 50,
            1 + r % 4
        )));
    }
    body.push(rule("credits = { min = 9000 }"));
    let file = centre_file("thousands.toml", &body.concat());
    let (c, code) = json(&["check", "centre-q", "U2001", "--spec", &file, "--json"]);
    assert_eq!((c["status"].as_str(), code), (Some("complete"), 0));
    assert_eq!(c["rules"].as_array().unwrap().len(), 2001);
    let (text, code) = stdout(&["validate", &file]);
    assert_eq!(
        (text.as_str(), code),
        ("thousands.toml: ok (4000 units, 2001 rules)\n", 0)
    );
}

/// The link a command prints with `--json`.
fn link_of(args: &[&str]) -> String {
    let (value, code) = json(args);
    assert_eq!(code, 0, "{args:?}");
    value["link"].as_str().unwrap().to_string()
}

#[test]
fn an_adviser_reviews_a_plan_and_the_review_goes_out_of_date_when_it_changes() {
    let learner = link_of(&["link", "600/4940/6", "CSP04", "CSP07", "--json"]);
    let reviewed = link_of(&[
        "review",
        &learner,
        "--by",
        "Sam Okafor",
        "--verdict",
        "approved",
        "--note",
        "Good <b>choice</b>",
        "--date",
        "24/11/2026",
        "--json",
    ]);
    assert!(reviewed.starts_with("http://127.0.0.1:8080/q/vtct-l1-cert-principles-cs/#p/."));
    let (opened, _) = json(&["open", &reviewed, "--json"]);
    assert_eq!(
        opened["review"],
        serde_json::json!({
            "by": "Sam Okafor", "verdict": "approved", "note": "Good <b>choice</b>",
            "date": "2026-11-24", "current": true, "added": [], "removed": [],
        })
    );
    let text = String::from_utf8(run(&["open", &reviewed]).stdout).unwrap();
    assert!(
        text.contains("✓ Approved by Sam Okafor on 24/11/2026\n"),
        "{text}"
    );

    let edited = link_of(&[
        "edit", &reviewed, "--add", "CSP14", "--remove", "CSP07", "--json",
    ]);
    let (opened, _) = json(&["open", &edited, "--json"]);
    assert_eq!(opened["review"]["current"], false);
    assert_eq!(opened["review"]["added"], serde_json::json!(["CSP14"]));
    assert_eq!(opened["review"]["removed"], serde_json::json!(["CSP07"]));
    assert_eq!(opened["units"], serde_json::json!(["CSP04", "CSP14"]));
    let text = String::from_utf8(run(&["open", &edited]).stdout).unwrap();
    assert!(text.contains("out of date"), "{text}");
    assert!(text.contains("Since the review: Added CSP14"), "{text}");

    let (diff, code) = json(&["diff", &reviewed, &edited, "--json"]);
    assert_eq!(code, 0);
    assert_eq!(
        diff,
        serde_json::json!({ "added": ["CSP14"], "removed": ["CSP07"], "progress": [] })
    );
    let (same, _) = json(&["diff", &edited, &edited, "--json"]);
    assert_eq!(
        same,
        serde_json::json!({ "added": [], "removed": [], "progress": [] })
    );
}

#[test]
fn progress_in_a_link_includes_credit_transfer_and_exemption() {
    let q = unit_planner::catalogue::builtin::by_id("vtct-l1-cert-principles-cs").unwrap();
    let key = |c: &str| q.units[q.find_unit(c).unwrap()].key;
    let mut doc = unit_planner::document::PlanDoc::new(q);
    doc.units = [key("CSP04"), key("CSP07")].into();
    use unit_planner::document::Progress;
    doc.set_progress(key("CSP04"), Progress::Transferred);
    doc.set_progress(key("CSP07"), Progress::Exempt);
    doc.set_progress(key("CSP02"), Progress::Achieved);
    let link = format!(
        "http://x.org{}",
        unit_planner::document::link::share_path(q, &doc, false)
    );
    let (opened, _) = json(&["open", &link, "--json"]);
    assert_eq!(
        opened["progress"],
        serde_json::json!({ "CSP02": "achieved", "CSP04": "transferred", "CSP07": "exempt" })
    );
    let edited = link_of(&["edit", &link, "--add", "CSP14", "--json"]);
    let (later, _) = json(&["diff", &link, &edited, "--json"]);
    assert_eq!(later["added"], serde_json::json!(["CSP14"]));
    assert!(
        edited.starts_with("http://x.org/q/vtct-l1-cert-principles-cs/#p/."),
        "keeps the address: {edited}"
    );
}

#[test]
fn carry_names_each_qualification_sharing_units_and_how_sure_the_match_is() {
    let (carried, code) = json(&[
        "carry",
        "ncfe-l1-nvq-cert-cs",
        "R/601/1212",
        "T/601/1221",
        "--json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        carried,
        serde_json::json!([{
            "qualification": "cg-l3-nvq-dip-cs",
            "units": [
                { "from": "R/601/1212", "to": "4430-202", "match": "title" },
                { "from": "T/601/1221", "to": "4430-209", "match": "title" },
            ],
            "status_after": "incomplete",
        }])
    );
    let (none, _) = json(&["carry", "vtct-l1-cert-principles-cs", "--json"]);
    assert_eq!(none, serde_json::json!([]));
    let text =
        String::from_utf8(run(&["carry", "ncfe-l1-nvq-cert-cs", "R/601/1212"]).stdout).unwrap();
    assert!(text.contains("your centre must confirm it"), "{text}");
}

#[test]
fn review_edit_diff_and_carry_refuse_bad_input_in_one_line() {
    let vtct = link_of(&["link", "600/4940/6", "CSP04", "--json"]);
    let cg = link_of(&["link", "cg-l3-nvq-dip-cs", "--json"]);
    fails_cleanly(&["review", &vtct, "--verdict", "approved"], "needs --by");
    fails_cleanly(&["review", &vtct, "--by", "Sam"], "needs --verdict");
    fails_cleanly(
        &["review", &vtct, "--by", "Sam", "--verdict", "maybe"],
        "`approved` or `changes`",
    );
    fails_cleanly(
        &[
            "review",
            &vtct,
            "--by",
            "Sam",
            "--verdict",
            "approved",
            "--date",
            "31/02/2026",
        ],
        "not a day",
    );
    let long = "n".repeat(281);
    fails_cleanly(
        &[
            "review",
            &vtct,
            "--by",
            "Sam",
            "--verdict",
            "changes",
            "--note",
            &long,
        ],
        "at most 280",
    );
    fails_cleanly(
        &[
            "review",
            "not a link",
            "--by",
            "Sam",
            "--verdict",
            "approved",
        ],
        "not a plan link",
    );
    fails_cleanly(
        &["edit", &vtct, "--remove", "CSP07"],
        "not among the plan's optional units",
    );
    fails_cleanly(&["edit", &vtct, "--add", "NOPE"], "NOPE");
    fails_cleanly(&["edit", &vtct, "--add", "CSP02"], "mandatory");
    fails_cleanly(&["edit", &vtct, "--by", "x"], "does not take --by");
    fails_cleanly(&["diff", &vtct, &cg], "different qualifications");
    fails_cleanly(&["diff", &vtct], "takes 2 arguments");
    fails_cleanly(&["diff", &vtct, &format!("{vtct}x")], "damaged");
    fails_cleanly(&["carry", "nope"], "unknown qualification");
    fails_cleanly(&["carry", "600/4940/6", "NOPE"], "NOPE");
}

/// The README's table of commands: each command word, what it does and its exit status.
fn readme_commands() -> Vec<(String, String, String)> {
    let readme = include_str!("../README.md");
    readme
        .lines()
        .filter_map(|line| line.strip_prefix("| `unit-planner "))
        .map(|row| {
            let row = row.replace("\\|", "|");
            let cells: Vec<&str> = row.split(" | ").collect();
            let command = cells[0].split([' ', '`']).next().unwrap().to_string();
            let what = cells[1].to_string();
            (command, what, cells[2].trim_end_matches(" |").to_string())
        })
        .collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().unwrap().to_uppercase().chain(chars).collect()
}

#[test]
fn every_command_explains_itself_in_the_readme_s_words() {
    let commands = readme_commands();
    assert_eq!(commands.len(), 15, "{commands:?}");
    let (top, code) = stdout(&["--help"]);
    assert_eq!(code, 0);
    assert_eq!(stdout(&["help"]), (top.clone(), 0));
    for (command, what, exit) in &commands {
        assert!(
            top.contains(&format!("\n  {command} ")),
            "{command} in {top}"
        );
        let (help, code) = stdout(&[command, "--help"]);
        assert_eq!(code, 0, "{command}");
        assert!(
            help.contains(&capitalised(what)),
            "{command} --help says {what:?}: {help}"
        );
        assert!(
            help.contains(&format!("Exit status: {exit}")),
            "{command} --help gives exit status {exit}: {help}"
        );
        assert!(help.contains(&format!("Usage: unit-planner {command} ")));
        assert_eq!(stdout(&["help", command]), (help, 0), "help {command}");
    }
    let (check, _) = stdout(&["check", "--help"]);
    assert!(check.contains("--spec <FILE>") && check.contains("--json"));
    let (open, _) = stdout(&["open", "--help"]);
    assert!(!open.contains("--spec"), "open takes no --spec: {open}");
    assert_eq!(
        stdout(&["--version"]),
        (format!("unit-planner {}\n", env!("CARGO_PKG_VERSION")), 0)
    );
    fails_cleanly(&["help", "frobnicate"], "unknown command `frobnicate`");
}

#[test]
fn a_mistyped_command_or_option_gets_a_suggestion_in_one_line() {
    fails_cleanly(
        &["chekc"],
        "unknown command `chekc`: did you mean `check`? (try `unit-planner help`)",
    );
    fails_cleanly(&["sugest", "600/4940/6"], "did you mean `suggest`?");
    fails_cleanly(
        &["check", "600/4940/6", "--jsn"],
        "unknown option `--jsn`: did you mean `--json`? (try `unit-planner help check`)",
    );
    fails_cleanly(
        &["suggest", "600/4940/6", "--exlude", "CSP04"],
        "did you mean `--exclude`?",
    );
    let long = format!("--{}", "x".repeat(3000));
    fails_cleanly(&["check", "600/4940/6", &long], "unknown option");
    assert!(run(&["check", "600/4940/6", &long]).stderr.len() < 200);
    let long = "y".repeat(3000);
    fails_cleanly(&[&long], "unknown command");
    assert!(run(&[&long]).stderr.len() < 200);
}

#[test]
fn options_are_refused_in_every_spelling() {
    let vtct = link_of(&["link", "600/4940/6", "CSP04", "--json"]);
    fails_cleanly(&["list", "--name=x"], "`list` does not take --name");
    fails_cleanly(&["--json", "list"], "--json comes after a command");
    fails_cleanly(
        &["link", "600/4940/6", "--name=--json"],
        "--name needs a value",
    );
    fails_cleanly(
        &["link", "600/4940/6", "--name", "--json"],
        "--name needs a value",
    );
    fails_cleanly(&["link", "600/4940/6", "--name="], "--name needs a value");
    fails_cleanly(
        &["link", "600/4940/6", "--base=ftp://x.org"],
        "--base must be an http:// or https:// address (got `ftp://x.org`)",
    );
    fails_cleanly(&["show", "600/4940/6", "CSP04"], "`show` takes 1 argument");
    fails_cleanly(
        &[
            "review",
            &vtct,
            "--by",
            "Sam",
            "--by",
            "Ann",
            "--verdict",
            "approved",
        ],
        "--by is given twice",
    );
    fails_cleanly(
        &["review", &vtct, "--verdict", "approved"],
        "`review` needs --by",
    );
    fails_cleanly(&["completions", "tcsh"], "SHELL must be `bash`");
    fails_cleanly(
        &["completions", "bash", "--json"],
        "`completions` does not take --json",
    );
    let (list, code) = json(&["list", "--json", "--json"]);
    assert_eq!((list.as_array().map(Vec::len), code), (Some(5), 0));
    let dashed = link_of(&["link", "600/4940/6", "--name", "-Asha-", "--json"]);
    let (opened, _) = json(&["open", &dashed, "--json"]);
    assert_eq!(opened["name"], "-Asha-", "a value may start with one dash");
}

#[test]
fn edit_and_review_print_only_web_links() {
    let good = link_of(&["link", "600/4940/6", "CSP04", "--json"]);
    let fragment = &good[good.find("/q/").unwrap()..];
    for base in [
        "javascript:alert(1)//",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/",
        "https://",
    ] {
        let bad = format!("{base}{fragment}");
        fails_cleanly(
            &["edit", &bad, "--add", "CSP14"],
            "the link's address must be an http:// or https:// address",
        );
        fails_cleanly(
            &["review", &bad, "--by", "Sam", "--verdict", "approved"],
            "the link's address must be an http:// or https:// address",
        );
    }
    let edited = link_of(&["edit", fragment, "--add", "CSP14", "--json"]);
    assert!(edited.starts_with("http://127.0.0.1:8080/q/"), "{edited}");
    let on_https = format!("https://plans.example{fragment}");
    let reviewed = link_of(&[
        "review",
        &on_https,
        "--by",
        "Sam",
        "--verdict",
        "changes",
        "--json",
    ]);
    assert!(
        reviewed.starts_with("https://plans.example/q/"),
        "{reviewed}"
    );
}

/// Asserts that `message` quotes `text` cut to 40 characters, and no more of it.
fn quotes_an_excerpt(message: &str, text: &str) {
    let cut: String = text.chars().take(40).collect();
    let more: String = text.chars().take(41).collect();
    assert!(message.contains(&format!("{cut}…")), "{message}");
    assert!(!message.contains(&more), "{message}");
}

#[test]
fn a_bad_date_or_a_broken_file_is_quoted_in_forty_characters() {
    let vtct = link_of(&["link", "600/4940/6", "CSP04", "--json"]);
    let date = "1".repeat(4000);
    let args = [
        "review",
        &vtct,
        "--by",
        "Sam",
        "--verdict",
        "approved",
        "--date",
        &date,
    ];
    fails_cleanly(&args, "is not a date in the form DD/MM/YYYY");
    quotes_an_excerpt(&String::from_utf8_lossy(&run(&args).stderr), &date);

    let field = "k".repeat(300);
    let file = temp_file("long-field.toml", &format!("{field} = 1\n"));
    let (text, code) = stdout(&["validate", &file]);
    assert_eq!(code, 1);
    quotes_an_excerpt(&text, &field);
    assert!(
        text.contains("expected one of `id`"),
        "the parser's words stay: {text}"
    );
    let value = temp_file(
        "long-value.toml",
        &format!("title = {{ value = \"x\", line = \"{field}\" }}\n"),
    );
    let (text, _) = stdout(&["validate", &value]);
    quotes_an_excerpt(&text, &field);
    let args = ["check", "x", "--spec", &value];
    fails_cleanly(&args, "long-value.toml: ");
    quotes_an_excerpt(&String::from_utf8_lossy(&run(&args).stderr), &field);
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_named_as_such() {
    use std::os::unix::ffi::OsStrExt;
    let good = temp_file("any.toml", "");
    let path =
        std::path::Path::new(&good).with_file_name(std::ffi::OsStr::from_bytes(b"bad\xff.toml"));
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/specs/vtct-l1-cert-principles-cs.toml"
        ),
        &path,
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_unit-planner");
    for args in [
        vec!["validate".as_ref(), path.as_os_str()],
        vec!["list".as_ref(), "--spec".as_ref(), path.as_os_str()],
        vec!["check-batch".as_ref(), path.as_os_str()],
    ] {
        let out = Command::new(bin).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("bad\u{fffd}.toml`: the file name is not UTF-8"),
            "{err}"
        );
    }
    let out = Command::new(bin)
        .args(["check".as_ref(), std::ffi::OsStr::from_bytes(b"60\xff")])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("an argument is not UTF-8 text"), "{err}");
}

#[test]
fn the_manual_page_names_every_command() {
    let (page, code) = stdout(&["manpage"]);
    assert_eq!(code, 0);
    assert!(
        page.contains(&format!(
            ".TH unit-planner 1  \"unit-planner {}\"",
            env!("CARGO_PKG_VERSION")
        )),
        "{page}"
    );
    for (command, _, _) in readme_commands() {
        let roff_name = command.replace('-', "\\-");
        assert!(
            page.contains(&format!("unit\\-planner\\-{roff_name}(1)")),
            "{command}"
        );
        let (own, code) = stdout(&["manpage", &command]);
        assert_eq!(code, 0);
        assert!(
            own.contains(&format!(".TH unit-planner-{command} 1")),
            "{own}"
        );
    }
    for listed in page.split("\nunit\\-planner\\-").skip(1) {
        let command = listed.split("(1)").next().unwrap().replace("\\-", "-");
        let (own, code) = stdout(&["manpage", &command]);
        assert_eq!(code, 0, "the page lists unit-planner-{command}(1)");
        assert!(
            own.contains(&format!(".TH unit-planner-{command} 1")),
            "{own}"
        );
    }
    let (check, _) = stdout(&["manpage", "check"]);
    assert!(check.contains("Each rule met ✓"), "{check}");
    fails_cleanly(&["manpage", "chekc"], "unknown command `chekc`");
}

// ---- Issue 16, items 5–9 and 13: the record's edges (dates, link lengths, CSV files,
// entered values, text that stays text). Kept together; helpers above are reused.

mod common;

/// Line breaks and invisible characters that outside text might carry.
const BREAKERS: [&str; 14] = [
    "\n",
    "\r\n",
    "\r",
    "\u{b}",
    "\u{c}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{61c}",
    "\u{200b}",
    "\u{feff}",
    "\u{202e}",
    "\u{1b}[2J",
    "\u{2066}",
];

/// What a crafted value tries to show as a line of its own.
const FAKES: [&str; 3] = [
    "✓ Complete: every rule is met",
    "✓ Approved by Head of Centre on 01/01/2026",
    "unit-planner: ok",
];

/// `text` as a TOML basic string: every character that is not plain ASCII as an escape.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out += "\\\"",
            '\\' => out += "\\\\",
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x10000 => out += &format!("\\u{:04X}", c as u32),
            c => out += &format!("\\U{:08X}", c as u32),
        }
    }
    out + "\""
}

/// A centre's file with `value` in its title, awarding body, group name, unit title, unit
/// code and note, and a rule naming the group.
fn file_with(value: &str, name: &str) -> String {
    let v = toml_string(value);
    let text = format!(
        "id = \"centre-q\"\nsource = \"centre.txt\"\ntitle = {{ value = {v}, line = 1 }}\nawarding_body = {{ value = {v}, line = 1 }}\nlevel = {{ value = \"2\", line = 1 }}\nnumber = {{ value = \"000/0000/0\", line = 1 }}\n\
         [[groups]]\nid = \"a\"\nname = {{ value = {v}, line = 1 }}\nmandatory = false\n\
         [[units]]\nkey = 1\ngroup = \"a\"\ncode = {{ value = {v}, line = 1 }}\ntitle = {{ value = {v}, line = 1 }}\nlevel = {{ value = \"2\", line = 1 }}\ncredits = {{ value = 3, line = 1 }}\n\
         [[units]]\nkey = 2\ngroup = \"a\"\ncode = {{ value = \"U2\", line = 1 }}\ntitle = {{ value = {v}, line = 1 }}\nlevel = {{ unknown = \"not given\" }}\ncredits = {{ value = 2, line = 1 }}\n\
         [[rules]]\nline = 1\ncredits = {{ min = 6, groups = [\"a\"] }}\n\
         [[notes]]\nkind = \"reading\"\ntext = {v}\nlines = [1]\n"
    );
    temp_file(name, &text)
}

/// A link to a plan whose name, note, transfer source and review carry `value`.
fn link_with(value: &str) -> String {
    use unit_planner::document::{Progress, Review, Transfer, Verdict};
    let q = unit_planner::catalogue::builtin::by_id("vtct-l1-cert-principles-cs").unwrap();
    let key = |c: &str| q.units[q.find_unit(c).unwrap()].key;
    let mut doc = unit_planner::document::PlanDoc::new(q);
    doc.units = [key("CSP04"), key("CSP14")].into();
    doc.name = Some(value.chars().take(60).collect());
    doc.note = Some(value.to_string());
    doc.set_progress(key("CSP04"), Progress::Transferred);
    doc.transfers.insert(
        key("CSP04"),
        Transfer {
            from: value.chars().take(120).collect(),
            date: None,
        },
    );
    let date = "24/11/2026".parse().unwrap();
    let mut review = Review::of(&doc, "x", Verdict::Approved, "", date);
    review.by = value.chars().take(60).collect();
    review.note = value.to_string();
    doc.review = Some(review);
    doc.units.insert(key("CSP15"));
    format!(
        "http://x.org{}",
        unit_planner::document::link::share_path(q, &doc, true)
    )
}

/// Every text output of the commands that show outside text, for a file and links carrying
/// `value`: (command, stdout, stderr).
fn text_outputs(value: &str, tag: &str) -> Vec<(String, String, String)> {
    let file = file_with(value, &format!("inject-{tag}.toml"));
    let link = link_with(value);
    let plain = link_with("plain");
    let commands: Vec<Vec<&str>> = vec![
        vec!["list", "--spec", &file],
        vec!["show", "centre-q", "--spec", &file],
        vec!["check", "centre-q", "U2", "--spec", &file],
        vec!["suggest", "centre-q", "--spec", &file],
        vec!["validate", &file],
        vec!["open", &link],
        vec!["diff", &link, &plain],
        vec!["review", &link, "--by", value, "--verdict", "changes"],
        vec!["carry", "600/4940/6", value],
        vec!["check", "600/4940/6", value],
    ];
    commands
        .into_iter()
        .map(|args| {
            let out = run(&args);
            (
                args[0].to_string(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        })
        .collect()
}

proptest::proptest! {
    #![proptest_config(common::cases(24))]

    /// Whatever line breaks or invisible characters a file, a link or an argument carries,
    /// every text output has exactly the lines it has for plain text, and none of those
    /// characters reaches the terminal.
    #[test]
    fn outside_text_stays_on_its_own_line(
        breaker in proptest::sample::select(&BREAKERS[..]),
        fake in proptest::sample::select(&FAKES[..]),
        before in "[A-Za-z ]{1,12}",
    ) {
        let injected = format!("{before}{breaker}{fake}");
        let plain = format!("{before}_{fake}");
        let tag = format!("{:x}", injected.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))));
        let shown = text_outputs(&injected, &tag);
        let expected = text_outputs(&plain, &format!("{tag}-plain"));
        for ((command, out, err), (_, plain_out, plain_err)) in shown.iter().zip(&expected) {
            proptest::prop_assert_eq!(out.lines().count(), plain_out.lines().count(), "{} stdout:\n{}", command, out);
            proptest::prop_assert_eq!(err.lines().count(), plain_err.lines().count(), "{} stderr:\n{}", command, err);
            for text in [out, err] {
                let raw = text.replace('\n', "");
                let breakers = ["\r", "\u{b}", "\u{c}", "\u{85}", "\u{2028}", "\u{2029}", "\u{61c}", "\u{200b}", "\u{feff}", "\u{202e}", "\u{1b}", "\u{2066}"];
                proptest::prop_assert!(!breakers.iter().any(|b| raw.contains(b)), "{} shows a raw {:?}:\n{}", command, breaker, text);
            }
        }
    }
}

/// A link (on http://x.org) to `doc` of the VTCT certificate, name and note included.
fn link_to(doc: &unit_planner::document::PlanDoc) -> String {
    let q = unit_planner::catalogue::builtin::by_id(&doc.qualification).unwrap();
    format!(
        "http://x.org{}",
        unit_planner::document::link::share_path(q, doc, true)
    )
}

fn vtct_doc() -> unit_planner::document::PlanDoc {
    let q = unit_planner::catalogue::builtin::by_id("vtct-l1-cert-principles-cs").unwrap();
    let mut doc = unit_planner::document::PlanDoc::new(q);
    doc.units = [q.units[q.find_unit("CSP14").unwrap()].key].into();
    doc
}

#[test]
fn review_dates_have_one_range_refused_outside_it_and_flagged_in_a_link() {
    let link = link_to(&vtct_doc());
    let args = |date| {
        [
            "review",
            &link,
            "--by",
            "Sam",
            "--verdict",
            "approved",
            "--date",
            date,
        ]
    };
    let review = |date| run(&args(date));
    for date in ["01/01/1900", "31/12/1999", "01/01/2999"] {
        fails_cleanly(&args(date), "A review's date must be from 01/01/2000 to ");
        let err = String::from_utf8(review(date).stderr).unwrap();
        assert!(err.ends_with(&format!("; this one is {date}.\n")), "{err}");
    }
    let first = String::from_utf8(review("01/01/2000").stdout).unwrap();
    let (opened, _) = json(&["open", first.trim(), "--json"]);
    assert_eq!(opened["review"]["date"], "2000-01-01");
    assert_eq!(opened["problems"], serde_json::json!([]));

    let mut doc = vtct_doc();
    let date = "01/01/2999".parse().unwrap();
    doc.review = Some(unit_planner::document::Review::of(
        &doc,
        "Sam",
        unit_planner::document::Verdict::Approved,
        "",
        date,
    ));
    let future = link_to(&doc);
    let (opened, _) = json(&["open", &future, "--json"]);
    let problems = opened["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let said = problems[0].as_str().unwrap();
    assert!(
        said.starts_with("A review's date must be from 01/01/2000 to ")
            && said.ends_with("; this one is 01/01/2999."),
        "{said}"
    );
    let text = String::from_utf8(run(&["open", &future]).stdout).unwrap();
    assert!(text.contains(&format!("! {said}\n")), "{text}");
}

#[test]
fn a_review_written_in_chinese_is_read_back_and_one_too_long_is_refused_when_written() {
    use unit_planner::document::{Progress, Transfer};
    let chinese = |n: usize| {
        "客户服务计划审查"
            .chars()
            .cycle()
            .take(n)
            .collect::<String>()
    };
    let q = unit_planner::catalogue::builtin::by_id("cg-l3-nvq-dip-cs").unwrap();
    let mut doc = unit_planner::document::PlanDoc::new(q);
    doc.units = q.units.iter().map(|u| u.key).collect();
    doc.name = Some(chinese(60));
    doc.note = Some(chinese(280));
    let link = format!(
        "https://planner.example.org{}",
        unit_planner::document::link::share_path(q, &doc, true)
    );
    let note = chinese(280);
    let by = chinese(60);
    let args = |link: &str| -> Vec<String> {
        [
            "review",
            link,
            "--by",
            &by,
            "--verdict",
            "changes",
            "--note",
            &note,
        ]
        .map(str::to_string)
        .to_vec()
    };
    let reviewed = run(&args(&link).iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(reviewed.status.code(), Some(0), "{reviewed:?}");
    let written = String::from_utf8(reviewed.stdout).unwrap();
    println!(
        "every unit, name, note and review in Chinese: {} characters",
        written.trim().chars().count()
    );
    let (opened, code) = json(&["open", written.trim(), "--json"]);
    assert_ne!(code, 2, "open reads what review wrote");
    assert_eq!(opened["review"]["note"], note.as_str());
    assert_eq!(opened["note"], chinese(280).as_str());

    for (i, unit) in q.units.iter().take(4).enumerate() {
        doc.set_progress(unit.key, Progress::Transferred);
        doc.transfers.insert(
            unit.key,
            Transfer {
                from: format!("{i}{}", chinese(119)),
                date: None,
            },
        );
    }
    let longer = format!(
        "https://planner.example.org{}",
        unit_planner::document::link::share_path(q, &doc, true)
    );
    assert!(longer.chars().count() <= 4096, "the plan alone still opens");
    println!(
        "with four transfers from Chinese-named qualifications, before the review: {} characters",
        longer.chars().count()
    );
    assert!(run(&["open", &longer]).status.code() != Some(2));
    let refused: Vec<String> = args(&longer);
    fails_cleanly(
        &refused.iter().map(String::as_str).collect::<Vec<_>>(),
        "cannot write the link: the link is ",
    );
    let err =
        String::from_utf8(run(&refused.iter().map(String::as_str).collect::<Vec<_>>()).stderr)
            .unwrap();
    assert!(err.contains("characters long, more than the 4096 a link may have; a shorter address, note or names would fit"), "{err}");
}

#[test]
fn entered_credits_out_of_range_in_a_link_are_named_when_opened() {
    let q = unit_planner::catalogue::builtin::by_id("ncfe-l1-nvq-cert-cs").unwrap();
    let unit = q
        .units
        .iter()
        .find(|u| u.credits.value().is_none())
        .unwrap();
    let mut doc = unit_planner::document::PlanDoc::new(q);
    doc.units.insert(unit.key);
    doc.entered.insert(
        unit.key,
        unit_planner::document::EnteredValues {
            credits: Some(5000),
            level: None,
        },
    );
    let link = link_to(&doc);
    let said = format!(
        "{}: the entered credit value 5000 was ignored: it is above 999, more than any unit carries",
        unit.label()
    );
    let (opened, _) = json(&["open", &link, "--json"]);
    assert_eq!(opened["problems"], serde_json::json!([said]));
    let text = String::from_utf8(run(&["open", &link]).stdout).unwrap();
    assert!(text.contains(&format!("! {said}\n")), "{text}");
}

/// Writes `bytes` to a temporary file, returning its path.
fn temp_bytes(name: &str, bytes: &[u8]) -> String {
    let path = temp_file(name, "");
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Units that complete the VTCT certificate.
const COMPLETE: &str = "CSP14 CSP15 CSP16 CSP17";

#[test]
fn check_batch_reads_files_as_spreadsheets_save_them() {
    let expected = |name: &str| {
        vec![
            "learner,qualification,status,still_needed,row".to_string(),
            "Asha,600/4940/6,complete,,2".to_string(),
            format!("{name},600/4940/6,complete,,3"),
            "Cy,600/4940/6,complete,,4".to_string(),
        ]
    };
    let rows = |sep: &str, name: &str, end: &str| {
        [
            format!("learner{sep}qualification{sep}units"),
            format!("Asha{sep}600/4940/6{sep}{COMPLETE}"),
            format!("{name}{sep}600/4940/6{sep}{COMPLETE}"),
            format!("Cy{sep}600/4940/6{sep}{COMPLETE}"),
        ]
        .map(|r| r + end)
        .concat()
    };
    let lines = |path: &str| {
        let (text, code) = stdout(&["check-batch", path]);
        assert_eq!(code, 0, "{text}");
        text.lines().map(str::to_string).collect::<Vec<_>>()
    };

    // Excel for Mac: CR alone ends each line; every row keeps its own number.
    let mac = temp_file("mac.csv", &rows(",", "Ben", "\r"));
    assert_eq!(lines(&mac), expected("Ben"));

    // Excel's default CSV on Windows: Windows-1252, one accented name.
    let mut cp1252 = rows(",", "Jos\u{e9}", "\r\n").into_bytes();
    let at = cp1252.windows(2).position(|w| w == [0xc3, 0xa9]).unwrap();
    cp1252.splice(at..at + 2, [0xe9]);
    assert!(std::str::from_utf8(&cp1252).is_err(), "not UTF-8");
    let windows = temp_bytes("windows-1252.csv", &cp1252);
    assert_eq!(lines(&windows), expected("José"));

    // European Excel: semicolons.
    let europe = temp_file("europe.csv", &rows(";", "Zoë", "\r\n"));
    assert_eq!(lines(&europe), expected("Zoë"));

    // Excel's "Unicode text": UTF-16 little-endian with its mark, tab-separated.
    let text = rows("\t", "Łucja", "\r\n");
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let unicode = temp_bytes("unicode.txt", &utf16);
    assert_eq!(lines(&unicode), expected("Łucja"));

    // UTF-16 without its mark cannot be told apart by its bytes: a hint, not a guess.
    let bare = temp_bytes("bare-utf16.csv", &utf16[2..]);
    fails_cleanly(
        &["check-batch", &bare],
        "looks like UTF-16 text without a byte-order mark, or not text at all; save it from the spreadsheet as \"CSV UTF-8\"",
    );
    // A header in none of these shapes is named back.
    let other = temp_file("other.csv", "name|qualification|units\n");
    fails_cleanly(
        &["check-batch", &other],
        "(separated by commas, semicolons or tabs); the first line is `name|qualification|units`",
    );
}

// ---- Issue 16, items 1–4 and 12 through the binary: bounds that prove answers, validate
// on files no plan completes, Entry 1 or above, silent meanings refused, barred sets.

#[test]
fn suggest_answers_eight_groups_each_needing_seven_credits() {
    let mut body = vec![group("M", true), unit(1, "M", "M1", Some(0), Some("2"))];
    for g in 0..8 {
        let id = format!("G{g}");
        body.push(group(&id, false));
        for (i, credits) in [2, 2, 2, 2, 2, 2, 2, 3, 3, 3].into_iter().enumerate() {
            let key = 2 + g * 10 + i as u32;
            body.push(unit(key, &id, &format!("U{key}"), Some(credits), Some("2")));
        }
        body.push(rule(&format!(
            "credits = {{ min = 7, groups = [\"{id}\"] }}"
        )));
    }
    let file = centre_file("eight-groups.toml", &body.concat());
    let (s, code) = json(&["suggest", "centre-q", "--spec", &file, "--json"]);
    assert_eq!(code, 0, "{s}");
    assert_eq!(
        (
            s["credits_added"].as_u64(),
            s["add"].as_array().map(Vec::len)
        ),
        (Some(56), Some(24)),
        "{s}"
    );
}

#[test]
fn a_level_cap_against_a_unit_from_every_group_is_proved_impossible() {
    let mut body = vec![group("M", true), unit(1, "M", "M1", Some(0), Some("2"))];
    for g in 0..30 {
        let id = format!("G{g}");
        body.push(group(&id, false));
        for i in 0..10 {
            let key = 2 + g * 10 + i;
            body.push(unit(key, &id, &format!("U{key}"), Some(1), Some("1")));
        }
        body.push(rule(&format!("units = {{ min = 1, groups = [\"{id}\"] }}")));
    }
    body.push(rule("credits = { max = 29, level = \"1\" }"));
    let file = centre_file("capped.toml", &body.concat());
    let (text, code) = stdout(&["suggest", "centre-q", "--spec", &file]);
    assert_eq!(code, 1, "{text}");
    assert!(!text.contains("stopped"), "proved, not stopped: {text}");
    let (text, code) = stdout(&["validate", &file]);
    assert_eq!(code, 1, "no plan completes it: {text}");
}

#[test]
fn validate_refuses_a_file_check_rejects_every_plan_of_even_with_unstated_values() {
    // Five credits of unknown level may count toward "at least 5 at level 2" in group A,
    // but certainly count toward "at most 3 in group A": every plan is rejected.
    let body = [
        group("M", true),
        group("A", false),
        unit(1, "M", "M1", Some(1), Some("2")),
        unit(2, "A", "A1", Some(5), None),
        unit(3, "A", "A2", Some(1), Some("2")),
        rule("credits = { min = 5, level = \"2\", groups = [\"A\"] }"),
        rule("credits = { max = 3, groups = [\"A\"] }"),
    ]
    .concat();
    let file = centre_file("never.toml", &body);
    let (text, code) = stdout(&["validate", &file]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("no selection of units meets rule 1"),
        "{text}"
    );
    assert!(!text.contains("not stated"), "{text}");
}

#[test]
fn a_unit_of_unknown_level_counts_under_entry_1_or_above() {
    let body = [
        group("M", true),
        group("A", false),
        unit(1, "M", "M1", Some(1), Some("2")),
        unit(2, "A", "A1", Some(5), None),
        unit(3, "A", "A2", Some(1), Some("2")),
        rule("credits = { max = 4, level = \"Entry 1\", or_above = true }"),
    ]
    .concat();
    let file = centre_file("entry1.toml", &body);
    let (c, code) = json(&["check", "centre-q", "A1", "--spec", &file, "--json"]);
    assert_eq!((c["status"].as_str(), code), (Some("blocked"), 1), "{c}");
}

#[test]
fn silent_meanings_are_refused_and_one_unit_is_one_unit() {
    let base = [
        group("M", true),
        group("A", false),
        unit(1, "M", "M1", Some(1), Some("2")),
        unit(2, "A", "A1", Some(1), Some("2")),
        rule("credits = { min = 2 }"),
    ]
    .concat();
    let no_rule = centre_file(
        "am-false.toml",
        &(base.clone() + &rule("all_mandatory = false")),
    );
    let (text, code) = stdout(&["validate", &no_rule]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("`all_mandatory = false` states no rule"),
        "{text}"
    );
    let empty = centre_file(
        "empty-code.toml",
        &(base.clone() + &unit(3, "A", "", Some(1), Some("2"))),
    );
    let (text, code) = stdout(&["validate", &empty]);
    assert_eq!(code, 1, "an empty code is refused: {text}");
    assert!(text.contains("has an empty code"), "{text}");
    let one = centre_file("one.toml", &base);
    let (text, code) = stdout(&["suggest", "centre-q", "--spec", &one]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("Add 1 unit (1 credit):"), "{text}");
}

#[test]
fn a_barred_set_of_a_thousand_units_is_checked_as_a_set() {
    let mut body = vec![
        group("M", true),
        group("A", false),
        unit(1, "M", "M1", Some(1), Some("2")),
    ];
    body.extend((0..1000).map(|i| unit(i + 2, "A", &format!("A{i}"), Some(1), Some("2"))));
    let names: Vec<String> = (0..1000).map(|i| format!("\"A{i}\"")).collect();
    body.push(format!(
        "[[barred]]\nunits = [{}]\nline = 1\n",
        names.join(", ")
    ));
    body.push(rule("credits = { min = 2 }"));
    let file = centre_file("big-set.toml", &body.concat());
    let (c, code) = json(&["check", "centre-q", "A0", "A1", "--spec", &file, "--json"]);
    assert_eq!((c["status"].as_str(), code), (Some("blocked"), 1), "{c}");
    let (c, code) = json(&["check", "centre-q", "A0", "--spec", &file, "--json"]);
    assert_eq!((c["status"].as_str(), code), (Some("complete"), 0), "{c}");
}

#[test]
fn review_and_edit_write_the_qualifications_page_on_the_address_they_were_given() {
    // A link as the release before wrote it, on the home page's address.
    let old = "https://planner.example.org/#/q/vtct-l1-cert-principles-cs/p/.AxQgEAAICkFuYSdzIHBsYW7XiAaTDC";
    let page = "/q/vtct-l1-cert-principles-cs/#p/.";
    let edited = link_of(&["edit", old, "--add", "CSP04", "--json"]);
    assert!(
        edited.starts_with(&format!("https://planner.example.org{page}")),
        "{edited}"
    );
    let under = edited.replace("https://planner.example.org", "https://x.org/planner");
    let reviewed = link_of(&[
        "review",
        &under,
        "--by",
        "Sam",
        "--verdict",
        "approved",
        "--json",
    ]);
    assert!(
        reviewed.starts_with(&format!("https://x.org/planner{page}")),
        "{reviewed}"
    );
    let (opened, _) = json(&["open", &reviewed, "--json"]);
    assert_eq!(
        opened["units"],
        serde_json::json!(["CSP04", "CSP07", "CSP14"])
    );
}
