#!/usr/bin/env bash
# Set everything up, then build and serve the site with live reload.
#   scripts/serve.sh          on http://127.0.0.1:8000 (other languages under /<code>/, e.g. /zh/)
#   scripts/serve.sh 8001     on another port, e.g. beside a second preview
# BRAND_DIR=examples/acme-brand scripts/serve.sh previews another brand.
# Each build stages its pages in a folder of its own, so a serve and a build can run at once.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-${PORT:-8000}}
if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "usage: scripts/serve.sh [PORT]   (a number from 1 to 65535, got '$port')" >&2
  exit 2
fi
SKIP_BROWSER_SETUP=1 bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
.venv/bin/python scripts/build.py --check-only
brand=${BRAND_DIR:-$([ -f brand/brand.yml ] && echo brand || echo brands/root-first)}
exec .venv/bin/mkdocs serve --dev-addr "127.0.0.1:$port" --watch docs --watch assessment --watch overrides \
  --watch sitekit --watch "$brand"
