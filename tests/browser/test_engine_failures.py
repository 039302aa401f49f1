"""Failures are noticed (issue 15, item 4): an engine that crashes, hangs or stops making
progress while loading is detected, restarts once on its own and scores the current answers
again; a second failure is said plainly, and results it could not update are marked as not
current, on screen and on paper. Answers are never lost on the way.

The faults are real ones, made from outside the page's code: the worker is crashed or hung
through Playwright's handle on it, downloads are held by routing, and the page's clock is
moved on instead of waiting out a timeout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import (
    LANGUAGES,
    answer_by_clicking,
    at,
    cli_results,
    expect_checked,
    page_results,
    questions_on,
    saved_answers,
    violations,
    wait_for_engine,
    wait_for_results,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
STRINGS = json.loads((ROOT / "assessment" / "render" / "strings.json").read_text("utf-8"))
EN = STRINGS["en"]
ENGINE_JS = (ROOT / "overrides" / "assets" / "javascripts" / "assessment" / "engine.js").read_text("utf-8")


def limit(name: str) -> int:
    """A timeout of engine.js, in milliseconds, as the page uses it."""
    line = next(line for line in ENGINE_JS.splitlines() if line.startswith(f"export const {name} ="))
    return int(line.split("=")[1].split(";")[0])


def record_engine_states(page: Page) -> None:
    """Keep every value the page's `data-engine` takes, to check the states it went through."""
    page.evaluate(
        """() => {
            window.rfStates = [document.documentElement.dataset.engine];
            new MutationObserver(() => window.rfStates.push(document.documentElement.dataset.engine))
                .observe(document.documentElement, { attributes: true, attributeFilter: ["data-engine"] });
        }"""
    )


def engine_states(page: Page) -> list[str]:
    return page.evaluate("() => window.rfStates")


def engine_worker(page: Page):
    """Playwright's handle on the engine's worker (the theme's search has a worker too)."""
    workers = [w for w in page.workers if w.url.endswith("/assessment/worker.js")]
    assert workers, [w.url for w in page.workers]
    return workers[-1]


def crash_worker(page: Page) -> None:
    """An uncaught error in the engine's worker (what a broken runtime does), after it was ready."""
    engine_worker(page).evaluate("() => { setTimeout(() => { throw new Error('the worker crashed'); }); }")


def hang_worker(page: Page) -> None:
    """The engine's worker stuck in a loop: it never answers again."""
    engine_worker(page).evaluate("() => { setTimeout(() => { for (;;) {} }); }")


def stale_notice(page: Page):
    return page.locator("#rf-results-stale")


def test_a_worker_that_crashes_after_ready_is_restarted_and_scores_the_current_answers(page: Page, watch) -> None:
    page.goto(at("assessment/"))
    questions = [q for q in questions_on(page) if q["kind"] == "choice"]
    before = {q["id"]: q["options"][1] for q in questions[:3]}
    answer_by_clicking(page, before)
    wait_for_engine(page)
    wait_for_results(page, len(before))
    record_engine_states(page)

    crash_worker(page)
    after = {**before, questions[3]["id"]: questions[3]["options"][2]}
    answer_by_clicking(page, {questions[3]["id"]: questions[3]["options"][2]})  # answered while it restarts
    wait_for_results(page, len(after))
    wait_for_engine(page)

    assert engine_states(page)[:3] == ["ready", "restarting", "ready"]
    shown = page_results(page)
    assert shown == {k: v for k, v in cli_results(after).items() if k in shown}
    expect(page.locator("#rf-results")).not_to_have_attribute("data-stale", "true")
    expect(stale_notice(page)).to_be_hidden()
    expect(page.locator("#rf-engine-status")).to_have_text(EN["engine_ready"])
    assert saved_answers(page) == after


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_hung_engine_times_out_restarts_once_and_then_says_it_stopped(page: Page, watch, lang: str) -> None:
    words = STRINGS[lang]
    page.clock.install()  # time runs as usual; the test moves it on instead of waiting out a timeout
    page.goto(at("assessment/", lang))
    questions = [q for q in questions_on(page) if q["kind"] == "choice"]
    first = {questions[0]["id"]: questions[0]["options"][1]}
    answer_by_clicking(page, first)
    wait_for_engine(page)
    wait_for_results(page, 1)

    # First hang: the request times out, the page says so and marks its results, and the engine restarts.
    hang_worker(page)
    answer_by_clicking(page, {questions[1]["id"]: questions[1]["options"][1]})
    page.clock.run_for(limit("REQUEST_MS") + 1000)
    expect(page.locator("#rf-engine-status")).to_contain_text(
        words["engine_restarting"].split("{reason}")[0].rstrip("(（")
    )
    wait_for_engine(page)
    wait_for_results(page, 2)
    expect(stale_notice(page)).to_be_hidden()

    # Second hang: no more restarts; the status, the results and the printed page say it.
    hang_worker(page)
    answer_by_clicking(page, {questions[2]["id"]: questions[2]["options"][1]})
    page.clock.run_for(limit("REQUEST_MS") + 1000)
    wait_for_engine(page, "failed")
    expect(page.locator(".rf-engine-failed")).to_contain_text(
        words["engine_stopped"].split("{reason}")[0].rstrip("(（")
    )
    expect(page.locator("#rf-results")).to_have_attribute("data-stale", "true")
    expect(stale_notice(page)).to_contain_text(words["results_stale"])
    page.emulate_media(media="print")
    expect(stale_notice(page).locator(".rf-stale__paper")).to_be_visible()
    expect(stale_notice(page).locator(".rf-stale__paper")).to_have_text(words["results_stale_print"])
    page.emulate_media(media="screen")
    assert violations(page) == []  # the stopped engine's notices are readable and labelled

    kept = {q["id"]: q["options"][1] for q in questions[:3]}
    expect_checked(page, kept)
    assert saved_answers(page) == kept


def test_a_load_that_stops_making_progress_is_retried_and_shows_its_steps(page: Page, watch) -> None:
    page.clock.install()
    page.route("**/*.whl", lambda route: None)  # the engine's package never arrives
    page.goto(at("assessment/"))
    question = questions_on(page)[0]
    answer_by_clicking(page, {question["id"]: question["options"][1]})
    # The runtime arrives and starts: the page shows each step, then waits on the package.
    page.wait_for_function("() => document.documentElement.dataset.engineStep === 'engine'", timeout=90_000)
    expect(page.locator("#rf-engine-status")).to_contain_text(EN["engine_step_engine"])  # the step indicator
    page.unroute("**/*.whl")
    record_engine_states(page)
    page.clock.run_for(limit("STALL_MS") + 1000)  # no progress for that long: stuck
    wait_for_engine(page)
    assert engine_states(page)[:3] == ["loading", "restarting", "ready"]
    wait_for_results(page, 1)
    assert saved_answers(page) == {question["id"]: question["options"][1]}
