#!/usr/bin/env bash
# Mutation testing of the engine and the rule language with cargo-mutants (installed once):
# every mutant of src/engine/ and src/catalogue/rules.rs is built and run against the
# native tests; the survivors are listed in mutants.out/missed.txt. About an hour on two
# cores, so it runs outside CI.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-mutants > /dev/null || cargo install cargo-mutants --locked
exec cargo mutants --no-shuffle -f 'src/engine/**/*.rs' -f src/catalogue/rules.rs "$@"
