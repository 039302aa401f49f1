#!/usr/bin/env bash
# Set everything up, then run the checks, side by side where they do not depend on each other.
#
#   scripts/test.sh          every check: ruff, mypy, node --test, the unit tests, the strict site builds, the
#                            browser tests and the fork walk (the README's test command; .ci/run runs exactly this)
#   scripts/test.sh --fast   ruff, mypy, node --test, and the engine and build-package tests: no site build and
#                            no browser, about a minute
#
# Further arguments go to pytest, e.g. scripts/test.sh -k share, scripts/test.sh --fast -x.
# pytest runs on PYTEST_WORKERS pytest-xdist workers (default: one per core, at least two); a worker that runs
# out of tests takes some of another's queue (--dist worksteal), so no worker finishes the suite alone.
set -euo pipefail
cd "$(dirname "$0")/.."
tier=full
if [ "${1:-}" = "--fast" ]; then
  tier=fast
  shift
fi
if [ "$tier" = fast ]; then SKIP_BROWSER_SETUP=1 bash scripts/setup.sh; else bash scripts/setup.sh; fi
export NO_MKDOCS_2_WARNING=1

# Lint, types and the browser's modules under node need no site: they run beside pytest, their output
# kept until pytest is done so the two do not interleave.
static_log=$(mktemp)
trap 'rm -f "$static_log"' EXIT
(.venv/bin/ruff check . && .venv/bin/mypy && node_modules/.bin/tsc --noEmit -p tsconfig.json && node --test --test-reporter=dot tests/js/) >"$static_log" 2>&1 &
static=$!

workers=${PYTEST_WORKERS:-$(($(nproc) > 2 ? $(nproc) : 2))}
selection=()
[ "$tier" = fast ] && selection=(-m "not browser and not site")
status=0
.venv/bin/python -m pytest -n "$workers" --dist worksteal "${selection[@]}" "$@" || status=$?

static_status=0
wait "$static" || static_status=$?
echo
echo "== ruff, mypy, tsc, node --test"
cat "$static_log"
if [ "$static_status" -ne 0 ]; then
  echo "scripts/test.sh: ruff, mypy, tsc or node --test failed (above)" >&2
  exit "$static_status"
fi
exit "$status"
