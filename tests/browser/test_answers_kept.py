"""Answers are never lost: two tabs merge instead of overwriting each other, every state an
import, a shared link or a start-over replaces can be brought back, and a browser that
refuses storage still gets a working site with one calm message."""

from __future__ import annotations

import pytest
from helpers import (
    LANGUAGES,
    answer_by_clicking,
    at,
    expect_checked,
    no_engine,
    questions_on,
    saved_answers,
)
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


def test_an_answer_given_in_another_tab_joins_this_tabs_answers(page: Page, watch) -> None:
    no_engine(page)
    page.goto(at("assessment/"))
    questions = questions_on(page)
    first = {questions[0]["id"]: questions[0]["options"][1]}
    answer_by_clicking(page, first)
    other = page.context.new_page()
    no_engine(other)
    other.goto(page.url)
    second = {questions[1]["id"]: questions[1]["options"][2]}
    answer_by_clicking(other, second)
    expect(page.locator(".rf-notice", has_text="another tab")).to_be_visible()
    expect_checked(page, {**first, **second})
    third = {questions[2]["id"]: questions[2]["options"][0]}
    answer_by_clicking(page, third)  # this tab's next save carries the other tab's answer too
    assert saved_answers(page) == {**first, **second, **third}
    expect_checked(other, {**first, **second, **third})
    other.close()


def test_another_tab_starting_over_leaves_this_tab_showing_its_answers(page: Page, watch) -> None:
    no_engine(page)
    page.goto(at("assessment/"))
    question = questions_on(page)[0]
    mine = {question["id"]: question["options"][1]}
    answer_by_clicking(page, mine)
    other = page.context.new_page()
    no_engine(other)
    other.goto(page.url)
    other.click("#rf-reset")
    notice = page.locator(".rf-notice", has_text="Another tab started over")
    notice.get_by_role("button", name="Keep these answers").click()
    assert saved_answers(page) == mine
    other.close()


def test_your_own_answers_come_back_however_many_shared_links_you_adopt(page: Page, watch) -> None:
    no_engine(page)
    page.goto(at("assessment/"))
    questions = questions_on(page)
    links = []
    for n in (1, 2):
        answer_by_clicking(page, {questions[n]["id"]: questions[n]["options"][-1]})
        page.click("#rf-share")
        links.append(page.input_value("#rf-share-url"))
        page.click("#rf-reset")
    mine = {questions[0]["id"]: questions[0]["options"][0]}
    answer_by_clicking(page, mine)
    for link in links:
        page.goto(link)
        page.get_by_role("button", name="Make these my answers").click()
    history = page.locator("#rf-history")
    history.locator("summary").click()
    own = history.locator("li").filter(has_text="before a shared link was made yours").last  # the oldest
    own.get_by_role("button", name="Restore").click()
    expect_checked(page, mine)
    assert saved_answers(page) == mine


def test_history_entries_can_be_deleted(page: Page, watch) -> None:
    no_engine(page)
    page.goto(at("assessment/"))
    question = questions_on(page)[0]
    answer_by_clicking(page, {question["id"]: question["options"][1]})
    page.click("#rf-reset")
    history = page.locator("#rf-history")
    expect(history).to_be_visible()
    history.locator("summary").click()
    history.get_by_role("button", name="Delete").click()
    expect(history).to_be_hidden()


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
