#!/usr/bin/env bash
# Installs what is missing, then runs every check: lint, format, types, layering, unit and Qt tests.
# Extra arguments go to pytest, e.g. `bash scripts/run-tests.sh -m slow` for the long suite.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export QT_QPA_PLATFORM=offscreen

failed=()
check() {  # run every check even when one fails, so one run shows everything to fix
  local name=$1
  shift
  echo "== $name"
  "$@" || failed+=("$name")
}
check "ruff lint" .venv/bin/ruff check .
check "ruff format" .venv/bin/ruff format --check .
check "mypy" .venv/bin/mypy
check "import-linter" .venv/bin/lint-imports --no-cache
if [ $# -eq 0 ]; then set -- -m "not slow"; fi
check "pytest" .venv/bin/python -m pytest "$@"

if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "All checks passed."
