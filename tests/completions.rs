//! The completion scripts `unit-planner completions SHELL` prints, loaded in bash, zsh and
//! fish and asked to complete. The shells must be installed (`scripts/setup-web.sh`
//! installs them).

use std::path::PathBuf;
use std::process::Command;

/// The script for `shell`, saved under `file` in a folder of its own.
fn script(shell: &str, file: &str) -> PathBuf {
    let out = Command::new(env!("CARGO_BIN_EXE_unit-planner"))
        .args(["completions", shell])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(0), "completions {shell}");
    assert!(!out.stdout.is_empty() && out.stderr.is_empty());
    let dir = std::env::temp_dir().join(format!(
        "unit-planner-completions-{shell}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(file);
    std::fs::write(&path, out.stdout).unwrap();
    path
}

/// Runs `shell` with `args`; fails clearly where the shell is missing.
fn run_shell(shell: &str, args: &[&str]) -> String {
    let out = Command::new(shell).args(args).output().unwrap_or_else(|e| {
        panic!("{shell} is needed for this test ({e}): run scripts/setup-web.sh")
    });
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.is_empty(), "{shell}: {err}");
    String::from_utf8(out.stdout).unwrap()
}

/// Every word bash's completion offers for the last of `words`, sorted.
fn bash(words: &[&str]) -> Vec<String> {
    let script = script("bash", "unit-planner.bash");
    let ask = r#"source "$1"; shift
        function=$(complete -p unit-planner | sed -E 's/.* -F ([^ ]+).*/\1/')
        COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        "$function" unit-planner "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\n' "${COMPREPLY[@]}""#;
    let mut args = vec!["--norc", "--noprofile", "-c", ask, "bash"];
    let script = script.to_str().unwrap();
    args.push(script);
    args.extend(words);
    sorted(run_shell("bash", &args).lines())
}

/// Every match zsh's completion system adds for `line`, sorted.
fn zsh(line: &str) -> Vec<String> {
    let script = script("zsh", "_unit-planner");
    let dir = script.parent().unwrap().to_str().unwrap();
    let driver = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/complete.zsh");
    sorted(
        run_shell("zsh", &["-f", driver, dir, line])
            .split_whitespace()
            .map(str::to_string),
    )
}

/// Every candidate fish's `complete -C` gives for `line` (without descriptions), sorted.
fn fish(line: &str) -> Vec<String> {
    let script = script("fish", "unit-planner.fish");
    let ask = format!("source {}; complete -C '{line}'", script.to_str().unwrap());
    sorted(
        run_shell("fish", &["--no-config", "-c", &ask])
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_string()),
    )
}

fn sorted(words: impl Iterator<Item = impl Into<String>>) -> Vec<String> {
    let mut words: Vec<String> = words.map(Into::into).filter(|w| !w.is_empty()).collect();
    words.sort();
    words.dedup();
    words
}

#[test]
fn bash_completes_commands_options_and_values() {
    assert_eq!(bash(&["unit-planner", "ch"]), ["check", "check-batch"]);
    assert_eq!(bash(&["unit-planner", "sug"]), ["suggest"]);
    assert_eq!(
        bash(&["unit-planner", "review", "LINK", "--verdict", ""]),
        ["approved", "changes"]
    );
    assert_eq!(
        bash(&["unit-planner", "check", "600/4940/6", "--"]),
        ["--elsewhere", "--help", "--json", "--pathway", "--spec"]
    );
    assert_eq!(bash(&["unit-planner", "suggest", "--ex"]), ["--exclude"]);
    assert_eq!(bash(&["unit-planner", "completions", "f"]), ["fish"]);
}

#[test]
fn zsh_completes_commands_options_and_values() {
    assert_eq!(zsh("unit-planner ch"), ["check", "check-batch"]);
    assert_eq!(
        zsh("unit-planner review LINK --verdict "),
        ["approved", "changes"]
    );
    assert_eq!(zsh("unit-planner check --j"), ["--json"]);
    assert_eq!(zsh("unit-planner suggest --ex"), ["--exclude"]);
    assert_eq!(
        zsh("unit-planner completions "),
        ["bash", "elvish", "fish", "powershell", "zsh"]
    );
}

#[test]
fn fish_completes_commands_options_and_values() {
    assert_eq!(fish("unit-planner ch"), ["check", "check-batch"]);
    assert_eq!(
        fish("unit-planner review LINK --verdict "),
        ["approved", "changes"]
    );
    assert_eq!(
        fish("unit-planner check 600/4940/6 --"),
        ["--elsewhere", "--help", "--json", "--pathway", "--spec"]
    );
    assert_eq!(fish("unit-planner suggest --ex"), ["--exclude"]);
}
