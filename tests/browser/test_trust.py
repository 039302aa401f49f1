"""Trust: accessibility (axe, WCAG 2.1 AA), a strict CSP, hostile input, and calm under faults."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from helpers import (
    LANGUAGES,
    answer_by_clicking,
    at,
    expect_checked,
    no_engine,
    pick,
    questions_on,
    saved_answers,
    set_palette,
    settle,
    violations,
    wait_for_engine,
    wait_for_results,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "pillar": "pillars/product/",
    "case study": "cases/factory-inquiries/",
    "assessment in progress": "assessment/",
    "assessment results": "assessment/",
}
XSS = '<img src=x onerror="window.__pwned=1">'
PHISHING = "YOUR ANSWERS WERE UPLOADED AND DELETED. To recover them call +1 555 0100 "


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "kind",
    [pytest.param(kind, marks=[pytest.mark.engine_cached] if "assessment" in kind else []) for kind in PAGE_TYPES],
)
def test_no_accessibility_violations(page: Page, watch, kind: str, lang: str, scheme: str) -> None:
    page.goto(at(PAGE_TYPES[kind], lang))
    set_palette(page, scheme)
    if kind.startswith("assessment"):
        questions = questions_on(page)
        count = 6 if kind.endswith("progress") else len(questions)
        answer_by_clicking(page, {q["id"]: pick(q, i) for i, q in enumerate(questions[:count])})
        wait_for_engine(page)
        wait_for_results(page, count)
        if kind.endswith("results"):
            page.click("details.rf-later > summary")
            page.mouse.move(0, 0)
            settle(page)  # the theme's hover/focus colour transition finishes
    assert violations(page) == []


@pytest.mark.engine_cached
def test_results_are_announced_and_focus_is_visible(page: Page, watch) -> None:
    page.goto(at("assessment/"))
    first = questions_on(page)[0]
    answer_by_clicking(page, {first["id"]: first["options"][0]})
    wait_for_engine(page)
    wait_for_results(page, 1)
    live = page.locator("#rf-live")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_contain_text("Fix first: Product")
    page.locator("#rf-progress-text").click()
    for _ in range(10):  # Tab from the top of the form to the first control
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('[data-question-id] input')"):
            break
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_every_page_carries_a_csp_that_blocks_foreign_and_injected_scripts(page: Page, base_url: str) -> None:
    no_engine(page)  # the page's own code: no engine needed
    page.goto(at("assessment/"))
    csp = page.get_attribute("meta[http-equiv=Content-Security-Policy]", "content")
    assert "script-src 'self' 'wasm-unsafe-eval'" in csp and "'unsafe-eval'" not in csp.replace(
        "'wasm-unsafe-eval'", ""
    )
    assert "connect-src 'self'" in csp and "worker-src 'self'" in csp
    with page.expect_console_message(lambda message: "Content Security Policy" in message.text):
        page.evaluate(
            """() => {
            const inline = document.createElement('script');
            inline.textContent = 'window.__inline = 1';
            document.head.append(inline);
            const remote = document.createElement('script');
            remote.src = 'https://cdn.example.invalid/x.js';
            document.head.append(remote);
        }"""
        )
    assert page.evaluate("() => window.__inline") is None  # the violation was reported, and nothing ran


def share_fragment(document: object) -> str:
    text = json.dumps(document)
    return "#answers=" + base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


# Which links and files are refused, and why, is the file contract (tests/cases/answer-contract.json), run
# against the browser's code with node and against the engine with pytest: no page needed. Here, what only
# the page can show: the message appears, nothing runs, and the saved answers stay as they were.


def test_a_hostile_share_link_is_refused_with_a_message_and_nothing_runs(page: Page, watch) -> None:
    no_engine(page)  # the page's own code: no engine needed
    page.goto(at("assessment/"))
    mine = {questions_on(page)[0]["id"]: questions_on(page)[0]["options"][1]}
    answer_by_clicking(page, mine)
    page.goto(at("about/"))
    page.goto(at("assessment/") + share_fragment({"answers": {PHISHING + XSS: "x"}}))
    notice = page.locator(".rf-notice--error")
    expect(notice).to_contain_text("unknown question (its name is not shown")  # a sentence, not a dangling "question "
    assert "UPLOADED" not in notice.inner_text()  # the site never says a stranger's words in its own voice
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0
    expect_checked(page, mine)
    assert saved_answers(page) == mine


def test_a_hostile_import_file_is_refused_and_nothing_is_changed(page: Page, watch, tmp_path: Path) -> None:
    no_engine(page)  # the page's own code: no engine needed
    page.goto(at("assessment/"))
    mine = {questions_on(page)[1]["id"]: questions_on(page)[1]["options"][0]}
    answer_by_clicking(page, mine)
    upload = tmp_path / "answers.json"
    upload.write_text(json.dumps({"answers": {"product.positioning": XSS}}), "utf-8")
    page.set_input_files("#rf-import-file", str(upload))
    expect(page.locator(".rf-notice--error")).to_contain_text("invalid answer")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0
    assert saved_answers(page) == mine


def test_corrupted_pyodide_assets_are_explained_and_answers_kept(page: Page, watch) -> None:
    page.route(  # the binary the worker fetches: gzipped where the browser inflates streams, else plain
        "**/assets/pyodide/pyodide.asm.wasm*",
        lambda route: route.fulfill(status=200, body=b"not webassembly", content_type="application/wasm"),
    )
    page.goto(at("assessment/"))
    first = questions_on(page)[0]
    answer_by_clicking(page, {first["id"]: first["options"][1]})
    wait_for_engine(page, "failed")
    expect(page.locator(".rf-engine-failed")).to_contain_text("could not be loaded")
    assert saved_answers(page) == {first["id"]: first["options"][1]}


def test_a_missing_engine_wheel_is_explained(page: Page, watch) -> None:
    page.route("**/assets/engine/**/*.whl", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(at("assessment/"))
    wait_for_engine(page, "failed")
    expect(page.locator(".rf-engine-failed")).to_be_visible()


def test_enter_in_any_kind_of_field_never_submits_the_answers(page: Page, watch, base_url: str) -> None:
    """Issue 15, finding 2: a form with one number field left (an overlay can hide the others) is submitted by
    Enter, as a GET query of every answer. Nothing may leave the page: try Enter in every kind of input."""
    no_engine(page)  # the page's own code: no engine needed
    submitted: list[str] = []
    page.on("request", lambda request: submitted.append(request.url) if "?" in request.url else None)
    page.goto(at("assessment/"))

    def enter_in(field) -> None:
        field.focus()
        page.keyboard.press("Enter")

    page.click(".rf-step[data-step='profile']")
    page.locator("[data-profile-id='model'] label").first.click()  # profile, one answer: a radio
    enter_in(page.locator("[data-profile-id='model'] input").first)
    page.locator("[data-profile-id='channels'] label").first.click()  # profile, several answers: checkboxes
    enter_in(page.locator("[data-profile-id='channels'] input").first)
    page.click(".rf-step[data-step='product']")
    product = page.locator("[data-kind='choice'][data-pillar='product']").first
    product.locator("label").first.click()  # a practice: radios
    enter_in(product.locator("input[type=radio]").first)
    page.click(".rf-step[data-step='inquiry']")
    figure = page.locator("[data-question-id='inquiry.response-time']")
    figure.locator("label:has(input[value='unknown'])").click()  # a figure's "I don't know": a checkbox
    enter_in(figure.locator("input[value='unknown']"))
    figure.locator("label:has(input[value='unknown'])").click()
    # One number field left in the form: the case where a browser submits on Enter.
    page.evaluate(
        """() => document.querySelectorAll('#rf-form input[type=number]').forEach((input) => {
            if (input.name !== 'inquiry.response-time') input.closest('fieldset').remove();
        })"""
    )
    number = figure.locator("input[type=number]")
    number.fill("5")
    number.press("Enter")
    page.wait_for_timeout(500)  # a submission would navigate (or request) by now
    assert "?" not in page.url and submitted == [], submitted
    assert page.evaluate("() => document.getElementById('rf-form').method") == "dialog"
