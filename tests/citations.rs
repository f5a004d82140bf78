//! Golden test against the source documents: every stated value in `specs/` must appear on
//! the line of `../shared/seeds/` that its citation names.

use std::path::PathBuf;

use toml::Value;

/// Every `specs/*.toml` file, as (path, text).
fn spec_files() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("specs");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert_eq!(
        files.len(),
        5,
        "one file per qualification in ../shared/seeds"
    );
    files
}

fn seed_lines(source: &str) -> Vec<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(source);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.split('\n').map(str::to_string).collect()
}

fn squash(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}

const NUMBER_WORDS: [&str; 7] = ["zero", "one", "two", "three", "four", "five", "six"];

/// Whether `needle` occurs in `text` as whole tokens: not inside a longer word or number.
fn has_token(text: &str, needle: &str) -> bool {
    !needle.is_empty()
        && text.match_indices(needle).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + needle.len()..].chars().next();
            let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            let starts_word = needle.chars().next().is_some_and(char::is_alphanumeric);
            let ends_word = needle
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            (!starts_word || edge(before)) && (!ends_word || edge(after))
        })
}

/// Whether `value` appears in `text` as printed: text as whole tokens (spaces folded, and
/// closed up around `/` for codes printed with a stray space), a number as a whole word
/// or as a word.
fn appears(value: &Value, text: &str) -> bool {
    let text = squash(text);
    match value {
        Value::String(s) => {
            let s = squash(s);
            let close = |t: &str| t.replace("/ ", "/").replace(" /", "/");
            has_token(&text, &s) || has_token(&close(&text), &close(&s))
        }
        Value::Integer(n) => {
            let word = NUMBER_WORDS.get(*n as usize).copied().unwrap_or("");
            text.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == n.to_string() || (!word.is_empty() && w.eq_ignore_ascii_case(word)))
        }
        _ => false,
    }
}

fn cited_text(lines: &[String], table: &toml::Table, file: &str, what: &str) -> String {
    let line = table["line"].as_integer().unwrap() as usize;
    let to = table
        .get("to")
        .and_then(Value::as_integer)
        .map_or(line, |t| t as usize);
    assert!(
        line >= 1 && to <= lines.len(),
        "{file}: {what} cites line {line}-{to}, outside the source"
    );
    lines[line - 1..to].join(" ")
}

/// Whether a unit's level appears where the source prints levels: after the word "Level"
/// (`Level: Entry 3`, `Level 2`), or in the "Level" column of a tab-separated table whose
/// header stands a few lines above.
fn level_appears(value: &Value, lines: &[String], line: usize) -> bool {
    let Value::String(level) = value else {
        return false;
    };
    let text = squash(&lines[line - 1]);
    let labelled = ["Level: ", "Level "]
        .iter()
        .any(|label| has_token(&text, &format!("{label}{level}")));
    let column = lines[line.saturating_sub(6)..line - 1]
        .iter()
        .rev()
        .find_map(|h| {
            h.split('\t').position(|cell| {
                cell.trim().eq_ignore_ascii_case("unit level")
                    || cell.trim().eq_ignore_ascii_case("level")
            })
        });
    let in_column = column.is_some_and(|c| {
        lines[line - 1]
            .split('\t')
            .nth(c)
            .is_some_and(|cell| cell.trim() == level)
    });
    labelled || in_column
}

/// Walks every `{ value, line }` table and checks it against the source.
fn check_values(value: &Value, path: &str, lines: &[String], file: &str, checked: &mut usize) {
    match value {
        Value::Table(t) if t.contains_key("value") && t.contains_key("line") => {
            let text = cited_text(lines, t, file, path);
            let found = if path.starts_with(".units[") && path.ends_with("].level") {
                level_appears(&t["value"], lines, t["line"].as_integer().unwrap() as usize)
            } else {
                appears(&t["value"], &text)
            };
            assert!(
                found,
                "{file}: {path} = {:?} is not on its cited line where the source prints it: {text:?}",
                t["value"]
            );
            *checked += 1;
        }
        Value::Table(t) => t
            .iter()
            .for_each(|(k, v)| check_values(v, &format!("{path}.{k}"), lines, file, checked)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| check_values(v, &format!("{path}[{i}]"), lines, file, checked)),
        _ => {}
    }
}

#[test]
fn every_stated_value_appears_on_its_cited_line() {
    for (file, text) in spec_files() {
        let doc: toml::Table = text.parse().unwrap_or_else(|e| panic!("{file}: {e}"));
        let lines = seed_lines(doc["source"].as_str().unwrap());
        let mut checked = 0;
        check_values(&Value::Table(doc.clone()), "", &lines, &file, &mut checked);
        assert!(
            checked > 5,
            "{file}: only {checked} stated values were found"
        );
    }
}

#[test]
fn every_rule_number_and_barred_pair_appears_on_its_cited_line() {
    for (file, text) in spec_files() {
        let doc: toml::Table = text.parse().unwrap();
        let lines = seed_lines(doc["source"].as_str().unwrap());
        for rule in doc["rules"].as_array().unwrap() {
            let rule = rule.as_table().unwrap();
            if !rule.contains_key("line") {
                continue;
            }
            let cited = cited_text(&lines, rule, &file, "a rule");
            for kind in ["credits", "units"] {
                if let Some(bounds) = rule.get(kind).and_then(Value::as_table) {
                    for key in ["min", "max"] {
                        if let Some(n) = bounds.get(key) {
                            assert!(
                                appears(n, &cited),
                                "{file}: rule {kind}.{key} = {n:?} is not on its line: {cited:?}"
                            );
                        }
                    }
                }
            }
            if rule.contains_key("all_mandatory") {
                assert!(
                    cited.to_lowercase().contains("mandatory"),
                    "{file}: all_mandatory cites {cited:?}"
                );
            }
        }
        for pair in doc
            .get("barred")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let pair = pair.as_table().unwrap();
            let cited = cited_text(&lines, pair, &file, "a barred pair");
            for unit in pair["units"].as_array().unwrap() {
                assert!(
                    appears(unit, &cited),
                    "{file}: barred unit {unit:?} is not on its line: {cited:?}"
                );
            }
        }
    }
}

#[test]
fn the_checker_rejects_a_value_moved_to_the_wrong_line() {
    let lines = seed_lines("003_9a18666f691ede4d.txt");
    let right: toml::Table = "value = 3\nline = 304".parse().unwrap();
    let wrong: toml::Table = "value = 3\nline = 302".parse().unwrap();
    assert!(appears(
        &right["value"],
        &cited_text(&lines, &right, "t", "t")
    ));
    assert!(!appears(
        &wrong["value"],
        &cited_text(&lines, &wrong, "t", "t")
    ));
}

#[test]
fn a_wrong_level_is_not_found_inside_another_value() {
    let vtct = seed_lines("003_9a18666f691ede4d.txt");
    let at = vtct
        .iter()
        .position(|l| l.contains("Level: Entry 3"))
        .unwrap()
        + 1;
    assert!(level_appears(&Value::String("Entry 3".into()), &vtct, at));
    assert!(!level_appears(&Value::String("3".into()), &vtct, at));
    let proqual = seed_lines("001_ce311f1815bb4833.txt");
    assert!(level_appears(&Value::String("1".into()), &proqual, 55));
    assert!(!level_appears(&Value::String("3".into()), &proqual, 55));
    assert!(
        !level_appears(&Value::String("30".into()), &proqual, 55),
        "30 is the GLH column"
    );
    assert!(!appears(&Value::String("3".into()), "Unit 4430-303"));
    assert!(appears(
        &Value::String("4430-303".into()),
        "Unit 4430-303 (K/601/1622)"
    ));
}
