#!/usr/bin/env bash
# Set up everything the site and the tests need, from a clean clone:
#   .venv/ with the project and its site/test extras, node_modules/ with the
#   pinned Pyodide runtime and TypeScript (tsc checks the page's modules), and a
#   Chromium for the browser tests.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
# Reinstall only when pyproject.toml changed since the last install.
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "setup: installing the project and its dependencies into .venv"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[site,test]"
  rm -f .venv/.installed-* && touch "$stamp"
fi

# Reinstall only when package-lock.json changed since the last install.
npm_stamp=node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)
if [ ! -f node_modules/pyodide/pyodide.asm.wasm ] || [ ! -f "$npm_stamp" ]; then
  echo "setup: installing the pinned Pyodide runtime and TypeScript from npm"
  npm ci --no-audit --no-fund --loglevel=error
  rm -f node_modules/.installed-* && touch "$npm_stamp"
fi

# Browser tests: Playwright's own Chromium where it can be downloaded (a normal
# developer machine); Debian's chromium where it cannot (CI, closed networks).
# Chinese pages need a CJK font to render (and to print to PDF) rather than boxes.
if [ "${SKIP_BROWSER_SETUP:-}" != "1" ]; then
  need=()
  .venv/bin/python scripts/find_chromium.py >/dev/null 2>&1 || need+=(chromium)
  command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null)" ] || need+=(fonts-noto-cjk)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "setup: installing ${need[*]} from Debian for the browser tests"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    elif [[ " ${need[*]} " == *" chromium "* ]]; then
      echo "setup: installing Playwright's Chromium for the browser tests"
      .venv/bin/python -m playwright install chromium
    else
      echo "setup: no Chinese font found; Chinese pages will render as boxes in browser tests (install Noto CJK)" >&2
    fi
  fi
fi
