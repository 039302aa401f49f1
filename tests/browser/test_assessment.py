"""The self-assessment in the browser: the engine is the CLI's, answers are never lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import (
    answer_by_clicking,
    cli_results,
    expect_checked,
    page_results,
    pick,
    questions_on,
    saved_answers,
    wait_for_engine,
    wait_for_results,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_taking_the_whole_assessment_gives_the_clis_scores_and_plan(page: Page, watch, lang: str) -> None:
    page.goto("assessment/" if lang == "en" else "zh/assessment/")
    questions = questions_on(page)
    answers = {q["id"]: pick(q, seed) for seed, q in enumerate(questions)}
    answer_by_clicking(page, answers)
    wait_for_engine(page)
    wait_for_results(page, len(answers))
    shown, expected = page_results(page), cli_results(answers, lang)
    assert shown["scores"] == expected["scores"]
    assert shown["plan"] == expected["plan"]
    assert expected["plan"], "the chosen answers should leave something to fix"
    expect(page.locator(".rf-score--root")).to_have_attribute("data-pillar", expected["root"])
    # The first three actions up front, the rest one click away.
    visible = page.locator("ol.rf-plan > li:visible")
    expect(visible).to_have_count(min(3, len(expected["plan"])))
    if len(expected["plan"]) > 3:
        page.click(".rf-plan__toggle")
        expect(visible).to_have_count(len(expected["plan"]))
    if lang == "zh":
        expect(page.locator(".rf-root h3")).to_contain_text("先修")


def test_the_first_question_is_usable_before_the_engine_loads(page: Page, watch) -> None:
    page.route("**/assets/pyodide/**", lambda route: None)  # hold the runtime: never answered
    page.goto("assessment/")
    first = page.locator("[data-question-id] input").first
    first.check()
    expect(first).to_be_checked()
    assert page.evaluate("document.documentElement.dataset.engine") == "loading"
    expect(page.locator("#rf-progress-text")).to_contain_text("1 of")


def test_partial_answers_point_out_what_is_unanswered(page: Page, watch) -> None:
    page.goto("assessment/")
    questions = questions_on(page)
    answers = {q["id"]: pick(q, i) for i, q in enumerate(questions[:5])}
    answer_by_clicking(page, answers)
    wait_for_engine(page)
    wait_for_results(page, 5)
    summary = page.locator(".rf-unanswered summary")
    expect(summary).to_contain_text(f"{len(questions) - 5} questions still unanswered")
    expect(page.locator(".rf-score[data-pillar='traffic']")).to_have_attribute("data-score", "")


def test_reload_resumes_where_you_left_off(page: Page, watch) -> None:
    page.goto("assessment/")
    questions = questions_on(page)
    answers = {q["id"]: pick(q, i) for i, q in enumerate(questions[:12])}
    answer_by_clicking(page, answers)
    page.reload()
    expect_checked(page, answers)
    expect(page.locator("#rf-progress-text")).to_contain_text(f"12 of {len(questions)}")
    first_open = next(q["pillar"] for q in questions if q["id"] not in answers)
    expect(page.locator(".rf-pillar.is-current")).to_have_attribute("data-pillar", first_open)
    page.goto("about/")
    page.goto("assessment/")
    expect_checked(page, answers)


def test_start_over_asks_first(page: Page, watch) -> None:
    page.goto("assessment/")
    first = questions_on(page)[0]
    answer_by_clicking(page, {first["id"]: first["options"][1]})
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#rf-reset")
    assert saved_answers(page) == {first["id"]: first["options"][1]}
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#rf-reset")
    assert saved_answers(page) == {}
    expect(page.locator("[data-question-id] input:checked")).to_have_count(0)


def test_a_share_link_round_trips_into_a_fresh_browser(page: Page, watch, browser, base_url: str) -> None:
    page.goto("assessment/")
    questions = questions_on(page)
    answers = {q["id"]: pick(q, i) for i, q in enumerate(questions[:20])}
    answer_by_clicking(page, answers)
    page.click("#rf-share")
    link = page.input_value("#rf-share-url")
    assert "#answers=" in link and "?" not in link  # in the fragment: never sent to a server
    other = browser.new_context(base_url=base_url)
    fresh = other.new_page()
    fresh.goto(link)
    expect_checked(fresh, answers)
    wait_for_engine(fresh)
    wait_for_results(fresh, 20)
    assert page_results(fresh)["scores"] == cli_results(answers)["scores"]
    assert "#" not in fresh.url
    other.close()


def test_a_tampered_share_link_is_rejected_and_saved_answers_survive(page: Page, watch) -> None:
    page.goto("assessment/")
    questions = questions_on(page)
    mine = {q["id"]: pick(q, i) for i, q in enumerate(questions[:6])}
    answer_by_clicking(page, mine)
    page.click("#rf-share")
    link = page.input_value("#rf-share-url")
    tampered = link[:-6] + ("A" if link[-6] != "A" else "B") + link[-5:]
    page.goto("about/")
    page.goto(tampered.replace("#answers=", "#answers=%%%"))
    expect(page.locator(".rf-notice--error")).to_contain_text("damaged or invalid")
    expect_checked(page, mine)
    assert saved_answers(page) == mine


def test_opening_a_share_link_keeps_your_own_answers_restorable(page: Page, watch, base_url: str) -> None:
    page.goto("assessment/")
    questions = questions_on(page)
    mine = {questions[0]["id"]: questions[0]["options"][0]}
    theirs = {questions[1]["id"]: questions[1]["options"][-1]}
    answer_by_clicking(page, theirs)
    page.click("#rf-share")
    link = page.input_value("#rf-share-url")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#rf-reset")
    answer_by_clicking(page, mine)
    page.goto(link)
    expect_checked(page, theirs)
    page.get_by_role("button", name="Restore my own previous answers").click()
    expect_checked(page, mine)
    assert saved_answers(page) == mine


def test_export_then_import_restores_the_same_results(page: Page, watch, tmp_path: Path) -> None:
    page.goto("assessment/")
    questions = questions_on(page)
    answers = {q["id"]: pick(q, i + 3) for i, q in enumerate(questions)}
    answer_by_clicking(page, answers)
    wait_for_engine(page)
    wait_for_results(page, len(answers))
    before = page_results(page)
    with page.expect_download() as download:
        page.click("#rf-export")
    exported = tmp_path / "answers.json"
    download.value.save_as(exported)
    document = json.loads(exported.read_text("utf-8"))
    assert document["answers"] == answers
    assert cli_results(document["answers"])["scores"] == before["scores"]  # the CLI reads the same file format
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#rf-reset")
    page.set_input_files("#rf-import-file", str(exported))
    expect(page.locator(".rf-notice").last).to_contain_text(f"Imported {len(answers)} answers")
    wait_for_results(page, len(answers))
    assert page_results(page) == before


def test_the_assessment_can_be_completed_with_the_keyboard_alone(page: Page, watch) -> None:
    page.goto("assessment/")
    total = len(questions_on(page))
    page.locator("#rf-progress-text").click()  # put the focus at the start of the form
    for _ in range(total * 8):
        state = page.evaluate(
            """() => {
                const el = document.activeElement;
                const fieldset = el && el.closest('[data-question-id]');
                return {
                    tag: el ? el.tagName : null, type: el ? el.type : null,
                    step: el && el.matches('.rf-next[data-step]'),
                    answered: fieldset ? fieldset.classList.contains('is-answered') : null,
                };
            }"""
        )
        if state["tag"] == "INPUT" and state["type"] == "radio" and not state["answered"]:
            page.keyboard.press("Space")
        elif state["tag"] == "INPUT" and state["type"] == "number" and not state["answered"]:
            page.keyboard.type("5")
        elif state["step"]:
            page.keyboard.press("Enter")
        if page.evaluate("document.querySelectorAll('[data-question-id].is-answered').length") == total:
            break
        page.keyboard.press("Tab")
    expect(page.locator("#rf-progress-text")).to_contain_text(f"{total} of {total}")
    wait_for_engine(page)
    wait_for_results(page, total)
    assert all(score is not None for score in page_results(page)["scores"].values())


def test_missing_pyodide_assets_are_explained_and_answers_kept(page: Page, watch) -> None:
    page.route("**/assets/pyodide/**", lambda route: route.fulfill(status=404, body="not found"))
    page.goto("assessment/")
    first = questions_on(page)[0]
    answer_by_clicking(page, {first["id"]: first["options"][2]})
    wait_for_engine(page, "failed")
    expect(page.locator(".rf-engine-failed")).to_contain_text("could not be loaded")
    expect_checked(page, {first["id"]: first["options"][2]})
    assert saved_answers(page) == {first["id"]: first["options"][2]}


def test_print_view_shows_the_chart_and_the_whole_plan(page: Page, watch) -> None:
    page.goto("assessment/")
    questions = questions_on(page)
    answers = {q["id"]: q["options"][0] if q["kind"] == "choice" else q["min"] for q in questions}
    answer_by_clicking(page, answers)
    wait_for_engine(page)
    wait_for_results(page, len(answers))
    page.emulate_media(media="print")
    chart = page.locator(".rf-chart svg")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 100
    expect(page.locator("ol.rf-plan > li").last).to_be_visible()
    expect(page.locator("#rf-form")).to_be_hidden()
