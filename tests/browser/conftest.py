"""Browser tests: build the site once, serve it on 127.0.0.1, drive Chromium.

Chromium is Playwright's own where installed (a developer machine), otherwise
Debian's /usr/bin/chromium (CI, closed networks) with the flags it needs there.
Every page a test opens is watched: a request to any other origin, an uncaught
script error or a Content-Security-Policy violation fails the test.

Each test gets a fresh browser context (nothing saved, nothing cached): a first
visit, whose engine boots Pyodide from scratch (3-5 s here). A test marked
`engine_cached` is a returning visitor instead: its context starts with the
engine's memory snapshot already in Cache Storage, where the site's service
worker leaves it after a first visit, so the engine restores it (about 1 s) -
and still nothing saved: no answers, no localStorage, no sessionStorage. Tests
of the first visit, the boot path and its faults stay unmarked.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from find_chromium import playwright_chromium, system_chromium  # noqa: E402
from helpers import EngineSnapshot, PageWatch, cache_engine, serve  # noqa: E402

# Every expect() waits for its condition; 5 s (Playwright's default) is too short a bound on a loaded 2-core
# machine, where a results redraw or a notice can take longer. A passing check returns as soon as it holds.
expect.set_options(timeout=20_000)

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
def watch(page: Page, base_url: str, request: pytest.FixtureRequest) -> Iterator[PageWatch]:
    watcher = PageWatch(page, base_url)
    yield watcher
    assert watcher.foreign == [], f"requests left the site's origin: {watcher.foreign}"
    assert watcher.errors == [], watcher.errors
    if request.node.get_closest_marker("engine_cached") and not page.is_closed():
        # A returning visitor's engine restores the snapshot: a boot here means the cache did not work.
        started = page.evaluate("() => document.documentElement.dataset.engineFrom || null")
        assert started in (None, "snapshot"), f"the engine did not start from the cached snapshot: {started}"


@pytest.fixture(scope="session")
def engine_snapshot(site_dir: Path, base_url: str) -> EngineSnapshot:
    """The built site's snapshot and cache name, as its service worker lists them (sitekit/offline.py)."""
    head = (site_dir / "sw.js").read_text("utf-8").split(";\n", 1)[0]
    offline = json.loads(head.removeprefix("const OFFLINE = "))
    return EngineSnapshot(cache=offline["cache"], url=f"{base_url}/{offline['snapshot']}", origin=base_url)


@pytest.fixture
def browser_context_args(browser_context_args: dict, request: pytest.FixtureRequest) -> dict:
    args = {**browser_context_args, "accept_downloads": True, "viewport": {"width": 1280, "height": 900}}
    if request.node.get_closest_marker("engine_cached"):
        # A returning visitor's service worker is installed already: registering it again is a no-op there.
        # Here it would precache the whole site again in every test, so registration is switched off.
        args["service_workers"] = "block"
    return args


@pytest.fixture
def context(context: BrowserContext, request: pytest.FixtureRequest) -> BrowserContext:
    if request.node.get_closest_marker("engine_cached"):
        cache_engine(context, request.getfixturevalue("engine_snapshot"))
    return context
