#!/usr/bin/env bash
# Builds the release web app and serves it on http://127.0.0.1:${PORT:-8080}/, as a host
# should: precompressed copies and the README's cache headers: `cargo xtask serve`
# (xtask/src/main.rs lists the steps).
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo xtask serve
