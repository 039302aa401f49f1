"""Browser tests: build the site once, serve it on 127.0.0.1, drive Chromium.

Chromium is Playwright's own where installed (a developer machine), otherwise
Debian's /usr/bin/chromium (CI, closed networks) with the flags it needs there.
Every page a test opens is watched: a request to any other origin, an uncaught
script error or a Content-Security-Policy violation fails the test.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from find_chromium import playwright_chromium, system_chromium  # noqa: E402
from helpers import PageWatch, serve  # noqa: E402

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> str:
    """The built site, served over HTTP on the loopback interface (pytest-playwright's base_url)."""
    return serve(str(site_dir))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if playwright_chromium():
        return browser_type_launch_args
    executable = system_chromium()
    if not executable:
        pytest.fail("No Chromium: run scripts/setup.sh (installs Debian's chromium or Playwright's)")
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_FLAGS}


@pytest.fixture
def watch(page: Page, base_url: str) -> Iterator[PageWatch]:
    watcher = PageWatch(page, base_url)
    yield watcher
    assert watcher.foreign == [], f"requests left the site's origin: {watcher.foreign}"
    assert watcher.errors == [], watcher.errors


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "accept_downloads": True, "viewport": {"width": 1280, "height": 900}}
