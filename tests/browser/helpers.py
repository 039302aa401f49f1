"""Driving the assessment page the way a person does."""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from brandsite import BRAND, LANGUAGES, STORAGE_KEY, at, prefix, published  # noqa: F401  (re-exported for the tests)
from playwright.sync_api import BrowserContext, Page, expect

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_BRAND = ROOT / "examples" / "acme-brand"


WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page: Page) -> list[str]:
    """What axe finds against WCAG 2.1 AA on the page as it is now."""
    result = Axe().run(page, options=WCAG_AA)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]


ENGINE_TIMEOUT = 90_000


def wait_for_engine(page: Page, state: str = "ready") -> None:
    # A function, not an expression string: the page's CSP forbids eval, which Playwright uses for strings.
    page.wait_for_function("s => document.documentElement.dataset.engine === s", arg=state, timeout=ENGINE_TIMEOUT)


@dataclass(frozen=True)
class EngineSnapshot:
    """What a returning visitor's browser holds: the snapshot's URL, in the service worker's cache."""

    cache: str
    url: str
    origin: str


SEED_PAGE = "/__cache-the-engine__"
"""A blank page at the site's origin (answered by the test, never by the site), to write its Cache Storage."""


def cache_engine(context: BrowserContext, snapshot: EngineSnapshot) -> None:
    """Put the engine's snapshot in the context's Cache Storage, as a first visit's service worker does.

    Only the snapshot: the worker restores it straight from Cache Storage (worker.js), so the rest of the
    site still comes from the server, and page.route() still sees every request.
    """
    seed = f"{snapshot.origin}{SEED_PAGE}"
    context.route(seed, lambda route: route.fulfill(status=200, body="<!doctype html>", content_type="text/html"))
    page = context.new_page()
    try:
        page.goto(seed)
        page.evaluate(
            "async ([name, url]) => { await (await caches.open(name)).add(url); }", [snapshot.cache, snapshot.url]
        )
    finally:
        page.close()
        context.unroute(seed)


def no_engine(page: Page) -> None:
    """Hold the Python runtime's downloads: the engine never starts (for tests of the page's own code)."""
    page.route("**/assets/pyodide/**", lambda route: None)


def questions_on(page: Page) -> list[dict[str, Any]]:
    """Each pillar question as the page shows it: id, pillar, kind, role, option values, range as typed."""
    return page.eval_on_selector_all(
        "[data-question-id]",
        """els => els.map(el => ({
            id: el.dataset.questionId, pillar: el.dataset.pillar, kind: el.dataset.kind, role: el.dataset.role,
            options: [...el.querySelectorAll('input[type=radio]')].map(i => i.value)
                .filter(v => v !== 'na' && v !== 'unknown'),
            min: Number(el.querySelector('input[type=number]')?.min),
            max: Number(el.querySelector('input[type=number]')?.max),
        }))""",
    )


def pick(question: dict[str, Any], seed: int) -> str | float:
    """A deterministic, varied answer for a question."""
    if question["kind"] == "number":
        span = question["max"] - question["min"]
        return round(question["min"] + span * ((seed * 37) % 100) / 400, 1)
    options = question["options"]
    return options[(seed * 7 + len(question["id"])) % len(options)]


def answer_profile(page: Page, profile: dict[str, str | list[str]]) -> None:
    """Answer the business profile through the form."""
    page.click(".rf-step[data-step='profile']")
    for dimension, value in profile.items():
        for choice in value if isinstance(value, list) else [value]:
            page.locator(f"[data-profile-id='{dimension}'] label:has(input[value='{choice}'])").click()


def answer_by_clicking(page: Page, answers: dict[str, str | float], profile: dict[str, Any] | None = None) -> None:
    """Answer through the visible form, moving through the pillars with the step buttons."""
    if profile:
        answer_profile(page, profile)
    for pillar in ("product", "traffic", "inquiry", "closing"):
        page.click(f".rf-step[data-step='{pillar}']")
        for fieldset in page.locator(f"[data-pillar='{pillar}'][data-question-id]").all():
            qid = fieldset.get_attribute("data-question-id")
            if qid not in answers:
                continue
            value = answers[qid]
            if "is-by-profile" in (fieldset.get_attribute("class") or ""):
                fieldset.locator("[data-answer-anyway]").click()  # ruled out by the profile: answered anyway
            if fieldset.get_attribute("data-kind") == "number":
                if value in ("na", "unknown"):
                    fieldset.locator(f"input[type=checkbox][value='{value}']").check()
                else:
                    number = fieldset.locator("input[type=number]")
                    number.fill(str(value))
                    number.press("Tab")
            else:
                fieldset.locator(f"label:has(input[value='{value}'])").click()


def wait_for_results(page: Page, answered: int) -> None:
    """Wait until the results on the page are those of `answered` answers."""
    page.wait_for_selector(f"#rf-results-body[data-answered='{answered}']", state="attached", timeout=ENGINE_TIMEOUT)


def page_results(page: Page) -> dict[str, Any]:
    scores = page.eval_on_selector_all(
        ".rf-score[data-pillar]", "els => els.map(el => [el.dataset.pillar, el.dataset.score])"
    )
    plan = page.eval_on_selector_all("ol.rf-plan > li[data-pillar]", "els => els.map(el => el.dataset.actionId)")
    plan_pillars = page.eval_on_selector_all("ol.rf-plan > li[data-pillar]", "els => els.map(el => el.dataset.pillar)")
    return {"scores": {p: (int(s) if s else None) for p, s in scores}, "plan": plan, "plan_pillars": plan_pillars}


def cli_results(
    answers: dict[str, Any],
    lang: str = "en",
    overlay: Path | None = BRAND.questions,
    profile: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The CLI's result for the answers, with the built brand's overlay: what the site's engine must agree with."""
    args = [sys.executable, "-m", "assessment", "score", "-", "--json", "--lang", lang]
    if overlay:
        args += ["--overlay", str(overlay)]
    document = json.dumps({"profile": profile or {}, "answers": answers})
    run = subprocess.run(args, input=document, capture_output=True, text=True, cwd=ROOT, check=True)
    result = json.loads(run.stdout)
    return {
        "scores": {p["id"]: p["score"] for p in result["pillars"]},
        "plan": [a["id"] for a in result["plan"]],
        "plan_pillars": [a["pillar"] for a in result["plan"]],
        "root": result["root"],
        "phases": [a["phase"] for a in result["plan"]],
        "answered": result["answered"],
        "stop_loss": result["stop_loss"],
    }


def saved_record(page: Page) -> dict[str, Any]:
    key = page.get_attribute("#assessment", "data-storage-key")
    raw = page.evaluate("key => localStorage.getItem(key)", key)
    return json.loads(raw) if raw else {}


def saved_answers(page: Page) -> dict[str, Any]:
    return saved_record(page).get("answers", {})


def expect_checked(page: Page, answers: dict[str, Any]) -> None:
    for qid, value in answers.items():
        fieldset = page.locator(f"[data-question-id='{qid}']")
        if isinstance(value, str):
            expect(fieldset.locator(f"input[value='{value}']")).to_be_checked()
        else:
            expect(fieldset.locator("input[type=number]")).to_have_value(str(value))


def settle(page: Page) -> None:
    """Wait until no CSS transition is running (a hover or palette colour fading), so axe reads final colours.

    A fixed pause passed on a quiet machine and failed under load, when the transition was still going.
    """
    page.wait_for_function(
        "() => !document.getAnimations().some(a => a instanceof CSSTransition && a.playState === 'running')"
    )


def wait_until_stored(page: Page, path: list[str], value: object) -> None:
    """Wait until the page's saved record holds `value` at `path` (e.g. ["answers", "traffic.margin"]).

    The page saves a moment after a change (debounced): reading storage at once raced with it under load.
    """
    page.wait_for_function(
        """([path, v]) => {
            const key = document.querySelector('#assessment').dataset.storageKey;
            try {
                const found = path.reduce((at, step) => at?.[step], JSON.parse(localStorage.getItem(key)));
                return JSON.stringify(found) === v;
            } catch { return false; }
        }""",
        arg=[path, json.dumps(value, ensure_ascii=False)],
    )


def wait_until_saved(page: Page, question: str, value: object) -> None:
    """Wait until the page has saved `value` as the answer to `question`."""
    wait_until_stored(page, ["answers", question], value)


def set_palette(page: Page, scheme: str) -> None:
    """Switch the theme's palette the way its toggle does, and wait for it to apply."""
    if page.get_attribute("body", "data-md-color-scheme") != scheme:
        page.locator("form[data-md-component=palette] label[for]:visible").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)


class PageWatch:
    """What a page did that it must not: other origins, script errors, CSP violations."""

    def __init__(self, page: Page, origin: str) -> None:
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("request", self._request)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", self._console)
        self.origin = origin

    def _request(self, request) -> None:
        self.requests.append(request.url)
        if not request.url.startswith((self.origin, "data:", "blob:")):
            self.foreign.append(request.url)

    def _console(self, message) -> None:
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.errors.append(f"CSP violation: {text}")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a browser dropping a connection mid-download is not a test failure


@functools.cache
def serve(directory: str) -> str:
    """Serve a folder on 127.0.0.1 (one server per folder per session); return its base URL."""
    handler = functools.partial(QuietHandler, directory=directory)
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"
