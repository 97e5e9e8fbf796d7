#!/usr/bin/env bash
# Run the whole test suite: lint, types, and pytest including the slow model tests,
# PostgreSQL tests (a local server is started by scripts/services.sh) and the Chromium test.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DIPLOGRAPH_TEST_PG_URL:-}" ]; then
  eval "$(bash scripts/services.sh)"
fi
export DIPLOGRAPH_TEST_PG_URL=${DIPLOGRAPH_TEST_PG_URL:-}
.venv/bin/ruff check src tests
.venv/bin/mypy
.venv/bin/pytest -q "$@"
