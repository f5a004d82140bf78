#!/usr/bin/env bash
# Runs every test: the native core (unit, golden, property and CLI tests).
# Needs ../shared/seeds beside the repository for the golden tests against the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/seeds ]; then
  echo "test.sh: ../shared/seeds is missing; the golden tests read the source specifications from there" >&2
  exit 2
fi
cargo test --locked --all-targets --features web
