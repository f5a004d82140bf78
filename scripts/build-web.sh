#!/usr/bin/env bash
# Builds the release web app into dist/ (installing the tools once): `cargo xtask build-web`
# (xtask/src/main.rs lists the steps).
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo xtask build-web
