#!/usr/bin/env bash
# Installs what is missing, then runs every check: lint, format, types, layering, unit and Qt tests.
# Extra arguments go to pytest, e.g. `bash scripts/run-tests.sh -m slow` for the long suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
echo "== ruff"; .venv/bin/ruff check . && .venv/bin/ruff format --check .
echo "== mypy"; .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== pytest"
if [ $# -eq 0 ]; then set -- -m "not slow"; fi
.venv/bin/python -m pytest "$@"
