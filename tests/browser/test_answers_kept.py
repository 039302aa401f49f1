"""Answers are never lost: two tabs merge instead of overwriting each other, every state an
import, a shared link or a start-over replaces can be brought back, and a browser that
refuses storage still gets a working site with one calm message."""

from __future__ import annotations

import json

import pytest
from helpers import LANGUAGES, ROOT, answer_by_clicking, at, no_engine, questions_on
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() { throw new DOMException("The user denied storage", "SecurityError"); },
  });
}
"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_browser_that_refuses_storage_still_gets_a_working_site(page: Page, watch, lang: str) -> None:
    page.add_init_script(BLOCK_STORAGE)
    page.goto(at("", lang))
    scheme = page.get_attribute("body", "data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    assert page.get_attribute("body", "data-md-color-scheme") != scheme  # the theme's toggle works
    no_engine(page)
    page.goto(at("assessment/", lang))
    notices = page.locator(".rf-notice")
    expect(notices).to_have_count(1)
    expect(notices.first).to_contain_text("不允许页面保存" if lang == "zh" else "does not let the page save")
    question = questions_on(page)[0]
    answer_by_clicking(page, {question["id"]: question["options"][1]})
    expect(page.locator("#rf-progress-text")).to_contain_text("1")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answers_kept_from_before_are_acknowledged_while_the_engine_starts(page: Page, watch, lang: str) -> None:
    """A returning owner whose engine is still starting is told their answers are there, never asked to answer."""
    no_engine(page)
    page.goto(at("assessment/", lang))
    choices = [q for q in questions_on(page) if q["kind"] == "choice"][:2]
    chosen = {q["id"]: q["options"][1] for q in choices}
    answer_by_clicking(page, chosen)
    page.reload()
    waiting = json.loads((ROOT / "assessment" / "render" / "strings.json").read_text("utf-8"))[lang]["results_waiting"]
    expect(page.locator("#rf-results-empty")).to_have_text(waiting.replace("{answered}", "2"))
