"""A repeat visit starts the engine from the build's memory snapshot; the assessment works with the
network off after one visit, in every language; a missing or damaged snapshot only means a normal
start, with every answer kept; a new build replaces the old offline copy whole (issue 10)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from helpers import (
    answer_by_clicking,
    at,
    cli_results,
    expect_checked,
    page_results,
    questions_on,
    saved_answers,
    serve,
    wait_for_engine,
    wait_for_results,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CACHE_WAIT_S = 120


def engine_from(page: Page) -> str:
    return page.evaluate("() => document.documentElement.dataset.engineFrom")


def wait_until(page: Page, script: str, arg: object, what: str) -> None:
    """Poll an async check in the page (wait_for_function would not wait for its promise)."""
    deadline = time.monotonic() + CACHE_WAIT_S
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, what
        page.wait_for_timeout(300)


def wait_until_cached(page: Page) -> None:
    """Until the service worker has precached the site and the snapshot (it starts once the engine is ready)."""
    snapshot = page.get_attribute("#assessment", "data-snapshot")
    wait_until(page, "async url => Boolean(await caches.match(url))", snapshot, "the snapshot was never cached")


def first_visit(page: Page, url: str = "assessment/") -> dict[str, str]:
    """Answer a few questions on a first visit; wait for the engine and the offline copy."""
    page.goto(at(url))
    questions = [q for q in questions_on(page) if q["kind"] == "choice"][:5]
    answers = {q["id"]: q["options"][1] for q in questions}
    answer_by_clicking(page, answers)
    wait_for_engine(page)
    assert engine_from(page) == "boot"  # nothing cached yet: the normal start
    wait_for_results(page, len(answers))
    wait_until_cached(page)
    return answers


def expect_scored(page: Page, answers: dict[str, str], lang: str = "en") -> None:
    wait_for_engine(page)
    wait_for_results(page, len(answers))
    expected = cli_results(answers, lang)
    assert page_results(page) == {k: expected[k] for k in ("scores", "plan", "plan_pillars")}


def test_a_second_visit_restores_the_snapshot_and_scores_as_the_cli(page: Page, watch) -> None:
    answers = first_visit(page)
    page.reload()
    expect_scored(page, answers)
    assert engine_from(page) == "snapshot"


DAMAGE = {
    "missing": "async url => { for (const name of await caches.keys()) await (await caches.open(name)).delete(url); }",
    "damaged": """async url => {
        const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
        for (const name of await caches.keys()) await (await caches.open(name)).put(url, new Response(bytes));
    }""",
}


@pytest.mark.parametrize("fault", list(DAMAGE))
def test_a_missing_or_damaged_snapshot_means_a_normal_start_and_nothing_lost(page: Page, watch, fault: str) -> None:
    answers = first_visit(page)
    page.evaluate(DAMAGE[fault], page.get_attribute("#assessment", "data-snapshot"))
    page.reload()
    expect_scored(page, answers)
    assert engine_from(page) == "boot"
    expect(page.locator(".rf-notice--error")).to_have_count(0)  # nothing alarming is said
    expect_checked(page, answers)
    assert saved_answers(page) == answers


def test_with_the_network_off_the_assessment_loads_and_scores_in_every_language(page: Page, watch) -> None:
    answers = first_visit(page)
    page.context.set_offline(True)
    try:
        page.reload()
        expect_scored(page, answers)
        page.goto(at("assessment/", "zh"))
        expect_checked(page, answers)  # the same browser's answers, in the other language
        expect_scored(page, answers, "zh")
        page.emulate_media(media="print")
        expect(page.locator(".rf-root")).to_be_visible()
    finally:
        page.context.set_offline(False)


def test_a_new_build_replaces_the_offline_copy_whole(page: Page, site_dir: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    base = serve(str(site))
    page.goto(f"{base}/{at('assessment/')}")
    wait_for_engine(page)
    wait_until_cached(page)
    before = page.evaluate("() => caches.keys()")
    assert len(before) == 1
    # A new build: the service worker's cache name changes with the bank and the files.
    worker = site / "sw.js"
    worker.write_text(worker.read_text("utf-8").replace(before[0], before[0] + "0"), "utf-8")
    page.reload()
    new = before[0] + "0"
    wait_until(page, "async name => (await caches.keys()).join() === name", new, "the old cache was not replaced")


def test_storage_that_refuses_the_snapshot_leaves_the_site_offline_and_the_engine_booting(page: Page, watch) -> None:
    """Quota: the service worker caches the snapshot apart, so refusing it costs only the fast start."""
    page.goto(at("assessment/"))
    snapshot = page.get_attribute("#assessment", "data-snapshot")
    assert snapshot
    # What a full disk does to the service worker's cache.add: the snapshot never gets stored.
    page.context.route(f"**/{snapshot.rsplit('/', 1)[-1]}", lambda route: route.abort())
    questions = [q for q in questions_on(page) if q["kind"] == "choice"][:3]
    answers = {q["id"]: q["options"][1] for q in questions}
    answer_by_clicking(page, answers)
    wait_for_engine(page)
    wait_for_results(page, len(answers))
    script = "async () => (await caches.keys()).some(name => name.startsWith('rf-offline-'))"
    wait_until(page, script, None, "the service worker never cached the site")
    wait_until(page, "async () => Boolean(await caches.match(location.href))", None, "the page was not cached")
    active = "async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)"
    wait_until(page, active, None, "the service worker never became active")
    assert page.evaluate("async url => Boolean(await caches.match(url))", snapshot) is False
    page.context.set_offline(True)
    try:
        page.reload()
        expect_scored(page, answers)
        assert engine_from(page) == "boot"
        expect(page.locator(".rf-notice--error")).to_have_count(0)
        assert saved_answers(page) == answers
    finally:
        page.context.set_offline(False)
