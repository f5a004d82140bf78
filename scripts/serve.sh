#!/usr/bin/env bash
# Builds the release web app and serves it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-web.sh
echo "Serving on http://127.0.0.1:${PORT:-8080}/"
exec python3 -m http.server "${PORT:-8080}" --bind 127.0.0.1 --directory dist
