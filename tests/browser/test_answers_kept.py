"""Answers are never lost: two tabs merge instead of overwriting each other, every state an
import, a shared link or a start-over replaces can be brought back, and a browser that
refuses storage still gets a working site with one calm message."""

from __future__ import annotations

import pytest
from helpers import LANGUAGES, answer_by_clicking, at, no_engine, questions_on
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
