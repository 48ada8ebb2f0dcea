#!/usr/bin/env bash
# Installs what is missing, then opens CRT Desktop (SQLite database in the user data folder).
# Any arguments go to the app, e.g. `bash scripts/run-app.sh --db /tmp/try.db`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/crt-desktop "$@"
