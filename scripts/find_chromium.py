"""Print the Chromium the browser tests will use; exit 1 if there is none.

Playwright's own build is preferred (a normal developer machine); where it could
not be downloaded, Debian's /usr/bin/chromium is used through `executable_path`.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SYSTEM_CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as p:
        path = p.chromium.executable_path
    return path if path and Path(path).exists() else None


def system_chromium() -> str | None:
    configured = os.environ.get("CHROMIUM")
    for candidate in (configured, *SYSTEM_CHROMIUM, shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


if __name__ == "__main__":
    found = playwright_chromium() or system_chromium()
    if not found:
        sys.exit(1)
    print(found)
