#!/usr/bin/env bash
# Mutation testing of the engine and the rule language with cargo-mutants (installed once):
# every mutant of src/engine/ and src/catalogue/rules.rs is built and run against the core's
# tests (500 cases per property; the two slowest command-line tests, which do not aim at
# the engine, are skipped). Survivors are listed in mutants.out/missed.txt. About 40
# minutes on two cores, so it runs outside CI; pass --iterate to re-test only survivors.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-mutants > /dev/null || cargo install cargo-mutants --locked
export PROPTEST_CASES=500
exec cargo mutants --no-shuffle -j 1 --timeout 60 -f 'src/engine/**/*.rs' -f src/catalogue/rules.rs "$@" -- \
  --lib --test engine --test evaluate --test solver --test solver_limits --test catalogue --test cli \
  -- --skip hundred_thousand --skip thousands_of_units
