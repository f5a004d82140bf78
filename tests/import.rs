//! The importer: golden tests against the five source specifications (scored against the
//! hand-made `specs/`), made-up texts with OCR damage, split tables and missing values,
//! the `import` command, and a property test that random text never panics and never
//! yields a stated value that is not on its cited line.

use std::path::PathBuf;
use std::process::Command;

use proptest::prelude::*;
use unit_planner::catalogue::{builtin, parse_spec, Kind};
use unit_planner::import::{import, score_import, Counts, Draft, Fact};

fn seed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

// ---- An independent check that a fact is printed on its lines (shares no code with the
// importer's readers: markup stripped crudely, spaces folded, numbers as whole words).

const NUMBER_WORDS: [&str; 7] = ["zero", "one", "two", "three", "four", "five", "six"];

fn plain(lines: &[&str], from: usize, to: usize) -> String {
    let text = lines[from - 1..to].join(" ");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let tag = after
            .trim_start_matches('/')
            .starts_with(|c: char| c.is_ascii_alphabetic());
        match after.find('>') {
            Some(end) if tag => rest = &after[end + 1..],
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let out = out.replace("**", "");
    // A Markdown link `[text](#)` reads as its text.
    let mut out = out;
    while let Some(open) = out.find('[') {
        let Some(close) = out[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = out[close..].find(')').map(|e| close + e) else {
            break;
        };
        out = format!(
            "{}{}{}",
            &out[..open],
            &out[open + 1..close],
            &out[end + 1..]
        );
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text with the stray spaces of a number such as `500/ 8818/X` closed up.
fn close(text: &str) -> String {
    text.replace("/ ", "/").replace(" /", "/")
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `fact` is printed on its cited lines of `source`.
fn on_its_lines(fact: &Fact, source: &str) -> bool {
    let lines: Vec<&str> = source.split('\n').collect();
    let to = fact.to.unwrap_or(fact.line);
    if fact.line == 0 || to > lines.len() || to < fact.line {
        return false;
    }
    let text = plain(&lines, fact.line, to);
    let printed = words(&text);
    let has_number = |n: &str| {
        let word = n.parse::<usize>().ok().and_then(|n| NUMBER_WORDS.get(n));
        let same = |w: &str| w == n || (w.parse::<u64>().ok()).is_some_and(|v| n.parse() == Ok(v));
        printed
            .iter()
            .any(|w| same(w) || word.is_some_and(|word| w == word))
    };
    if fact.what.starts_with("rules[") {
        // A rule's numbers: its minimum and its level.
        return fact
            .value
            .split(['{', '}', ','])
            .filter_map(|part| part.split_once('='))
            .filter(|(key, _)| ["min", "min_units", "level"].contains(&key.trim()))
            .all(|(_, v)| has_number(v.trim().trim_matches('"')));
    }
    if fact.what.starts_with("barred[") {
        // Both codes of a barred pair.
        return fact
            .value
            .split('"')
            .skip(1)
            .step_by(2)
            .all(|code| text.contains(code));
    }
    let value = fact.value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.chars().all(|c| c.is_ascii_digit()) {
        return has_number(&value);
    }
    // On the lines together, or begun on the first and finished at the start of the last
    // (a title wrapped below a table row).
    let (first, last) = (plain(&lines, fact.line, fact.line), plain(&lines, to, to));
    let parts: Vec<&str> = value.split(' ').collect();
    text.contains(&value)
        || close(&text).contains(&close(&value))
        || (1..parts.len()).any(|k| {
            first.contains(&parts[..k].join(" ")) && last.starts_with(&parts[k..].join(" "))
        })
}

fn golden(id: &str) -> (Draft, String) {
    let hand = builtin::by_id(id).unwrap();
    let text = seed(&hand.source);
    (import(&hand.source, &text), text)
}

// ---- Golden tests against the seeds.

#[test]
fn every_seed_scores_with_no_wrong_value_stated_and_ninety_percent_right() {
    let mut all = Counts::default();
    let mut wrong = Vec::new();
    for hand in builtin::catalogue() {
        let text = seed(&hand.source);
        let score = score_import(hand, &text)
            .unwrap_or_else(|e| panic!("the draft of {} does not load: {e}", hand.source));
        println!("== {} ({})\n{score}", hand.id, hand.source);
        for m in &score.missed {
            println!("  missed: {m}");
        }
        for (w, stated) in &score.wrong {
            println!("  wrong: {w}");
            if *stated {
                wrong.push(format!("{}: {w}", hand.id));
            }
        }
        all.add(score.total());
    }
    println!(
        "all five: {} of {} facts right, {} missed",
        all.right, all.facts, all.missed
    );
    assert!(
        wrong.is_empty(),
        "wrong values presented as stated: {wrong:#?}"
    );
    assert!(
        all.right * 10 >= all.facts * 9,
        "{} of {} facts right",
        all.right,
        all.facts
    );
}

#[test]
fn seeds_with_tables_laid_out_in_spaces_score_the_same() {
    // The same text as a PDF extractor that writes spaces for tabs would give it.
    for hand in builtin::catalogue() {
        let text = seed(&hand.source).replace('\t', "   ");
        let score = score_import(hand, &text).unwrap_or_else(|e| panic!("{}: {e}", hand.id));
        let exact = score_import(hand, &seed(&hand.source)).unwrap();
        assert_eq!(score.wrong_stated(), 0, "{}: {:?}", hand.id, score.wrong);
        assert_eq!(score.total(), exact.total(), "{}", hand.id);
    }
}

#[test]
fn every_stated_fact_of_every_seed_is_on_its_cited_line() {
    for hand in builtin::catalogue() {
        let (draft, text) = golden(&hand.id);
        assert!(draft.facts.len() > 10, "{}", hand.id);
        for fact in &draft.facts {
            assert!(on_its_lines(fact, &text), "{}: {fact:?}", hand.id);
        }
    }
}

#[test]
fn values_printed_two_ways_are_unknown_and_listed() {
    // The structure table of 003 swaps the references of CSP02 and CSP03 (lines 94-95)
    // against their unit pages (lines 300, 366).
    let (draft, _) = golden("vtct-l1-cert-principles-cs");
    let csp02 = draft
        .reading
        .units
        .iter()
        .find(|u| u.code.value().map(String::as_str) == Some("CSP02"))
        .unwrap();
    assert!(csp02.reference.value().is_none());
    assert!(draft.unread.iter().any(|u| u.what == "CSP02: reference"
        && u.why.contains("line 94")
        && u.why.contains("line 300")));
    // 002 prints Unit 06 at level 5 in its table and level 2 on its page; the damaged
    // reference `£/618/0500` is not read, the page's F/618/0500 is.
    let (draft, _) = golden("ncfe-l2-dip-cs-practitioners");
    let unit6 = &draft.reading.units[5];
    assert!(unit6.level.value().is_none());
    assert_eq!(unit6.reference.value().unwrap(), "F/618/0500");
    assert!(draft.unread.iter().any(|u| u.why.contains("£/618/0500")));
    // 003's page of CSP19 bars it with "CSP11 Introduction to customer service", the title
    // of CSP12: not read (the barred table's CSP19/CSP11 is).
    let (draft, _) = golden("vtct-l1-cert-principles-cs");
    assert!(draft
        .unread
        .iter()
        .any(|u| u.what == "line 1462: barred pair"));
}

#[test]
fn the_split_diagram_of_004_pairs_numbers_and_titles() {
    let (draft, _) = golden("cg-l3-nvq-dip-cs");
    let units = &draft.reading.units;
    assert_eq!(units.len(), 59);
    let find = |code: &str| {
        units
            .iter()
            .find(|u| u.code.value().map(String::as_str) == Some(code))
            .unwrap()
    };
    assert_eq!(
        find("4430-216").title.value().unwrap(),
        "Use questioning techniques when delivering customer service"
    );
    assert_eq!(find("4430-301").credits.value(), Some(&6));
    assert!(draft
        .toml
        .contains("inferred = \"the digit after the hyphen of 4430-202"));
}

// ---- Made-up texts.

const MADE_UP: &str = "\
Qualification title\tACME Level 2 Certificate in Widget Care (RQF)
Qualification number\t601/ 2345/X
Guided learning hours\t120

To achieve the qualification learners must achieve a total of at least 20 credits.
A minimum of 12 credits must be at Level 2.

Code\tUnit title\tLevel\tCredit\tUnit reference number
Mandatory units (Group M)\t\t\t\t
WC01\tLook after widgets\t2\t8\tA/100/0001
Optional units (Group A)\t\t\t\t
WC02\tPolish widgets\t2\t\tB/100/0002
WC03\tStore widgets\tl\t6\tC/1O0/0003
";

#[test]
fn a_made_up_table_with_ocr_damage() {
    let draft = import("acme.txt", MADE_UP);
    let qual =
        parse_spec("acme.toml", &draft.toml).unwrap_or_else(|e| panic!("{e}\n{}", draft.toml));
    assert_eq!(qual.number.value().unwrap(), "601/2345/X");
    assert_eq!(qual.awarding_body.value().unwrap(), "ACME");
    assert_eq!(qual.units.len(), 3);
    assert_eq!(qual.groups.len(), 2);
    assert!(qual.groups[0].mandatory && !qual.groups[1].mandatory);
    assert_eq!(qual.units[0].credits.value(), Some(&8));
    // An empty cell, a level printed `l` and a reference printed `C/1O0/0003` are unknown.
    assert_eq!(qual.units[1].credits.value(), None);
    assert_eq!(qual.units[2].level.value(), None);
    assert_eq!(qual.units[2].reference.value(), None);
    assert!(draft.unread.iter().any(|u| u.why.contains("C/1O0/0003")));
    assert_eq!(qual.rules.len(), 2);
    for fact in &draft.facts {
        assert!(on_its_lines(fact, MADE_UP), "{fact:?}");
    }
}

/// Another awarding body's layout: labels with colons, headings above each table, the
/// rules in one sentence.
const OTHER_LAYOUT: &str = "\
Highfield Level 2 Certificate in Retail Skills (RQF)

Qualification number: 603/0000/1
Guided learning hours (GLH): 150
Total qualification time (TQT): 200 hours

Learners must achieve a minimum of 20 credits: all 12 credits from the mandatory group and a minimum of 8 credits from the optional group.

Mandatory group
Unit reference\tUnit title\tLevel\tGLH\tCredit value
H/100/0001\tRetail basics\t2\t40\t6
H/100/0002\tServing customers\t2\t40\t6

Optional group
Unit reference\tUnit title\tLevel\tGLH\tCredit value
H/100/0003\tVisual merchandising\t2\t30\t4
H/100/0004\tStock control\t3\t30\t4
H/100/0005\tWorking in a team\t1\t25\t4
";

#[test]
fn another_layout_reads_without_guessing() {
    let draft = import("retail.txt", OTHER_LAYOUT);
    let qual =
        parse_spec("retail.toml", &draft.toml).unwrap_or_else(|e| panic!("{e}\n{}", draft.toml));
    assert_eq!(
        qual.title.value().unwrap(),
        "Highfield Level 2 Certificate in Retail Skills (RQF)"
    );
    assert_eq!(qual.awarding_body.value().unwrap(), "Highfield");
    assert_eq!(
        (qual.glh.value(), qual.tqt.value()),
        (Some(&150), Some(&200))
    );
    assert_eq!(qual.groups.len(), 2);
    assert_eq!(qual.units.len(), 5);
    assert_eq!(qual.units[3].credits.value(), Some(&4));
    assert_eq!(qual.units[3].glh.value(), Some(&30));
    assert_eq!(qual.rules.len(), 3, "{}", draft.toml);
    for fact in &draft.facts {
        assert!(on_its_lines(fact, OTHER_LAYOUT), "{fact:?}");
    }
}

#[test]
fn a_missing_value_is_unknown_never_guessed() {
    let text = "ACME Level 1 Award in Sweeping\n\nMandatory Units\n- Sweep the floor A/100/0001\n";
    let draft = import("sweep.txt", text);
    assert!(draft
        .toml
        .contains("credits = { unknown = \"not found in the text\" }"));
    assert!(draft.unread.iter().any(|u| u.what == "units: credits"));
    assert!(draft.unread.iter().any(|u| u.what == "number"));
    // No rules are printed, so the draft does not load, and says why.
    let e = parse_spec("sweep.toml", &draft.toml).unwrap_err();
    assert!(e.problems.iter().any(|p| p.kind == Kind::NoRules), "{e}");
}

#[test]
fn a_unit_pages_hours_are_not_the_qualifications() {
    let text = "ACME Level 1 Award in Sweeping\n\nUnit 01 Sweep the floor (A/100/0001)\n\n\
                Guided learning hours 25\nLevel 1\nCredit value: 3\n";
    let draft = import("sweep.txt", text);
    let header_glh = draft.facts.iter().find(|f| f.what == "glh");
    assert_eq!(header_glh, None, "{}", draft.toml);
    let unit = &draft.reading.units[0];
    assert_eq!(
        (unit.glh.value(), unit.credits.value()),
        (Some(&25), Some(&3))
    );
    assert_eq!(unit.code.value().map(String::as_str), Some("Unit 01"));
}

#[test]
fn barred_units_from_unit_pages_sentences() {
    let text = "ACME Level 1 Award in Sweeping\n\
        AB01 – Sweep the floor\nUnit reference number: A/100/0001\nCredit value: 2\n\
        This unit **cannot** be taken together with unit AB02 Mop the floor.\n\
        AB02 – Mop the floor\nUnit reference number: A/100/0002\nCredit value: 2\n\
        This unit cannot be taken together with unit AB01, Sweep the floor\n\
        AB03 – Dust\nUnit reference number: A/100/0003\nCredit value: 1\n\
        This unit cannot be taken with unit AB01 Polish the floor.\n";
    let draft = import("sweep.txt", text);
    let barred = &draft.reading.barred;
    assert_eq!(barred.len(), 1, "{barred:?}");
    assert_eq!(
        (barred[0].units.clone(), barred[0].line),
        (["AB01".to_string(), "AB02".to_string()], 5)
    );
    assert!(draft
        .unread
        .iter()
        .any(|u| u.what == "line 13: barred pair" && u.why.contains("not its title")));
}

// ---- The command.

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_unit-planner"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn the_command_writes_a_new_file_and_never_overwrites_one() {
    let dir = std::env::temp_dir().join(format!("import-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = dir.join("spec.txt");
    std::fs::write(&source, MADE_UP).unwrap();
    let out = dir.join("draft.toml");
    let _ = std::fs::remove_file(&out);
    let (code, stdout, _) = run(&[
        "import",
        source.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("the draft loads as a qualification file"),
        "{stdout}"
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains(
        "title = { value = \"ACME Level 2 Certificate in Widget Care (RQF)\", line = 1 }"
    ));
    let (code, _, stderr) = run(&["validate", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    std::fs::write(&out, "mine").unwrap();
    let (code, _, stderr) = run(&[
        "import",
        source.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_command_prints_the_draft_or_json_and_refuses_bad_input() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/003_9a18666f691ede4d.txt");
    let (code, stdout, _) = run(&["import", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("# Draft made by `unit-planner import` from 003_9a18666f691ede4d.txt")
    );
    let (_, stdout, _) = run(&["import", path.to_str().unwrap(), "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["valid"], true);
    assert!(json["facts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["what"] == "number" && f["value"] == "600/4940/6" && f["line"] == 10));
    assert!(json["unread"]
        .as_array()
        .unwrap()
        .iter()
        .any(|u| u["what"] == "CSP02: reference"));
    let (code, _, stderr) = run(&["import", "/nonexistent/spec.txt"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("unit-planner: cannot read"), "{stderr}");
    let (code, _, stderr) = run(&["import", path.to_str().unwrap(), "--spec", "x"]);
    assert_eq!(code, 2, "{stderr}");
}

// ---- Random text.

fn line() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Unit",
        "Level",
        "Credit",
        "value:",
        "title",
        "Mandatory",
        "Optional",
        "units",
        "Group",
        "A",
        "M",
        "credits",
        "minimum",
        "of",
        "at",
        "least",
        "total",
        "must",
        "be",
        "achieved",
        "Barred",
        "with",
        "GLH",
        "TQT",
        "Entry",
        "–",
        "-",
        "(A3)",
        "City",
        "&",
        "Guilds",
        "unit",
        "number",
        "Contents",
        "Qualification",
        "٣",
        "¹",
        "£/618/0500",
        "A/601/6047",
        "600/4940/6",
        "4430-301",
        "CSP04*",
        "CSP14",
        "Unit 01",
        "**",
        "<b>",
        "[x](#)",
        "\t",
        ":",
        ".",
        "one",
    ]);
    let number = (0u32..1200).prop_map(|n| n.to_string());
    let token = prop_oneof![4 => word.prop_map(str::to_string), 2 => number, 1 => "\\PC{0,6}"];
    prop::collection::vec(token, 0..12).prop_map(|t| t.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(300)
    ))]

    #[test]
    fn random_text_never_panics_nor_states_a_value_off_its_line(lines in prop::collection::vec(line(), 0..40)) {
        let text = lines.join("\n");
        let draft = import("random.txt", &text);
        for fact in &draft.facts {
            prop_assert!(on_its_lines(fact, &text), "{:?}", fact);
        }
        if let Err(e) = parse_spec("random.toml", &draft.toml) {
            prop_assert!(!e.problems.iter().any(|p| matches!(p.kind, Kind::Unreadable(_))), "{}\n{}", e, draft.toml);
        }
    }

    #[test]
    fn seed_text_cut_and_shuffled_never_panics(start in 0usize..3000, len in 0usize..400, swap in any::<prop::sample::Index>()) {
        let text = seed("004_3ef1b26313cb08a1.txt");
        let mut lines: Vec<&str> = text.split('\n').skip(start).take(len).collect();
        if lines.len() > 1 {
            let i = swap.index(lines.len() - 1);
            lines.swap(i, i + 1);
        }
        let text = lines.join("\n");
        let draft = import("cut.txt", &text);
        for fact in &draft.facts {
            prop_assert!(on_its_lines(fact, &text), "{:?}", fact);
        }
    }
}
