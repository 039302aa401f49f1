#!/usr/bin/env bash
# Set everything up, then run every check: lint, types (mypy, and tsc on the page's modules), the JavaScript unit tests, unit tests, the strict site
# build and the browser tests (the build happens inside the test session).
# Extra arguments go to pytest, e.g. scripts/test.sh -k share
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check .
.venv/bin/mypy
node_modules/.bin/tsc --noEmit -p tsconfig.json
node --test tests/js/
.venv/bin/python -m pytest "$@"
