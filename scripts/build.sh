#!/usr/bin/env bash
# Set up if needed, then validate the brand and build the site into site/.
#   scripts/build.sh                  validate + build
#   scripts/build.sh --check-only     validate only (exit 2 with one line naming the file and field)
#   BRAND_DIR=path/to/brand scripts/build.sh --site-dir public
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER_SETUP=1 bash scripts/setup.sh >&2
exec .venv/bin/python scripts/build.py "$@"
