#!/usr/bin/env bash
# Set everything up, then build and serve the site with live reload on
# http://127.0.0.1:8000 (English) and http://127.0.0.1:8000/zh/ (Chinese).
# BRAND_DIR=examples/acme-brand scripts/serve.sh previews another brand.
set -euo pipefail
cd "$(dirname "$0")/.."
SKIP_BROWSER_SETUP=1 bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/python scripts/build.py --check-only
exec .venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --watch docs --watch brand --watch assessment --watch overrides --watch "${BRAND_DIR:-brand}"
