"""The assessment as a busy owner lives it, on a phone and a laptop, in English and Chinese:
the answer first, navigation that never hides a question, print that fits, nothing typed is lost."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest
from helpers import (
    LANGUAGES,
    answer_by_clicking,
    at,
    no_engine,
    pick,
    questions_on,
    saved_answers,
    wait_for_engine,
    wait_for_results,
    wait_until_saved,
)
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from sitekit.content import case_values

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
SCREENS = {"phone": PHONE, "laptop": LAPTOP}


def fully_visible(page: Page, selector: str) -> bool:
    """Inside the viewport and below the sticky header and toolbar."""
    return page.evaluate(
        """sel => {
            const box = document.querySelector(sel).getBoundingClientRect();
            const toolbar = document.querySelector('.rf-toolbar').getBoundingClientRect();
            return box.top >= toolbar.bottom - 1 && box.bottom <= innerHeight;
        }""",
        selector,
    )


@pytest.mark.engine_cached
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_first_screen_of_the_results_holds_the_root_and_its_first_action(
    page: Page, watch, screen: str, lang: str
) -> None:
    page.set_viewport_size(SCREENS[screen])
    link = case_values("short-video-fmcg", lang)["case-link"].replace("../../", "")
    page.goto(at(link, lang))
    calibration = json.loads((ROOT / "calibration" / "short-video-fmcg.json").read_text("utf-8"))
    wait_for_engine(page)
    wait_for_results(page, len(calibration["answers"]))
    root = page.locator(".rf-root__pillar")
    expect(root).to_be_in_viewport(ratio=1)  # the page scrolls to the results once they are drawn
    expect(root).to_have_text("B. 投流" if lang == "zh" else "B. Paid traffic")
    first_action = page.locator(".rf-root__first li").first
    for element in (root, first_action):
        box = element.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= SCREENS[screen]["height"], element


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_after_each_pillar_change_its_heading_and_first_question_are_in_full_view(
    page: Page, watch, screen: str, lang: str
) -> None:
    no_engine(page)
    page.set_viewport_size(SCREENS[screen])
    page.goto(at("assessment/", lang))
    toolbar = page.locator(".rf-toolbar").bounding_box()
    assert toolbar and toolbar["height"] <= 0.12 * SCREENS["phone"]["height"]  # at most ~12% of a phone screen
    chips = page.eval_on_selector_all(".rf-step", "els => els.map(e => Math.round(e.getBoundingClientRect().top))")
    assert len(set(chips)) == 1, "the pillar chips sit on one row"
    expect(page.locator(".rf-step[data-step='inquiry'] .rf-step__name")).to_be_visible()  # named, not only lettered
    for pillar in ("product", "traffic", "inquiry", "closing"):
        page.click(".rf-pillar.is-current .rf-next")
        assert fully_visible(page, f"#pillar-{pillar}-title"), pillar
        assert fully_visible(page, f"#pillar-{pillar} [data-question-id] legend"), pillar


@pytest.mark.engine_cached
@pytest.mark.parametrize("lang", LANGUAGES)
def test_printing_a_finished_assessment_gives_at_most_three_pages_with_the_answer_on_page_one(
    page: Page, watch, lang: str
) -> None:
    page.goto(at("assessment/", lang))
    questions = questions_on(page)
    answers = {q["id"]: pick(q, i) for i, q in enumerate(questions)}
    answer_by_clicking(page, answers)
    wait_for_engine(page)
    wait_for_results(page, len(answers))
    root = page.locator(".rf-root__pillar").inner_text()
    first = page.locator(".rf-root__first li").first.inner_text()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert 1 <= len(pdf.pages) <= 3, f"{len(pdf.pages)} pages"
    # PDF fonts may map CJK characters to their compatibility forms (Kangxi radicals): compare in NFKC.
    page_one = unicodedata.normalize("NFKC", "".join(pdf.pages[0].extract_text().split()))
    assert "".join(root.split()) in page_one and "".join(first.split())[:12] in page_one
    page.emulate_media(media="print")
    colour = page.locator(".rf-chart").evaluate("el => getComputedStyle(el).printColorAdjust")
    assert colour == "exact"  # the root's bar keeps its colour on paper


def test_a_typed_number_survives_an_immediate_reload_and_counts_at_once(page: Page, watch) -> None:
    no_engine(page)
    page.goto(at("assessment/"))
    page.click(".rf-step[data-step='traffic']")
    field = page.locator("#in-traffic\\.margin")
    field.type("42")  # typed, never left: no blur, no change event
    expect(page.locator("[data-count='traffic']")).to_contain_text("1/")
    wait_until_saved(page, "traffic.margin", 42)  # the save is debounced
    page.reload()
    expect(page.locator("#in-traffic\\.margin")).to_have_value("42")
    assert saved_answers(page) == {"traffic.margin": 42}


def test_a_returning_visitor_is_welcomed_with_what_is_saved_and_where_to_continue(page: Page, watch) -> None:
    no_engine(page)
    page.goto(at("assessment/"))
    questions = questions_on(page)
    answer_by_clicking(page, {q["id"]: pick(q, i) for i, q in enumerate(questions[:9])}, {"model": "dtc"})
    page.reload()
    welcome = page.locator("[data-welcome]")
    expect(welcome).to_contain_text("Welcome back: 9 of")
    welcome.get_by_role("button", name="Continue at").click()
    expect(page.locator(".rf-pillar.is-current")).not_to_have_attribute("data-pillar", "profile")


@pytest.mark.engine_cached
def test_glitches_stay_fixed(page: Page, watch, tmp_path: Path) -> None:
    page.goto(at("assessment/"))
    questions = questions_on(page)
    # A clear button shows only on an answered question (the theme's button style once overrode `hidden`).
    first = page.locator("[data-question-id]").first
    page.click(".rf-step[data-step='product']")
    expect(first.locator("[data-clear]")).to_be_hidden()
    # After answering with the keyboard, the next Tab moves on instead of reaching "clear".
    first.locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("() => !document.activeElement.matches('[data-clear]')")
    assert page.evaluate("() => document.activeElement.closest('[data-question-id]') !== null")
    # Everything answered: no stray "null" under the plan, and the root badge stays on one line.
    answer_by_clicking(page, {q["id"]: pick(q, i) for i, q in enumerate(questions)})
    wait_for_engine(page)
    wait_for_results(page, len(questions))
    assert "null" not in page.locator("#rf-results-body").inner_text()
    badge = page.locator(".rf-badge").bounding_box()
    assert badge and badge["height"] < 30
    # A notice after an import at the bottom of the page is shown where the reader is.
    exported = tmp_path / "answers.json"
    exported.write_text(json.dumps({"answers": {questions[0]["id"]: questions[0]["options"][0]}}), "utf-8")
    page.locator("#rf-import").scroll_into_view_if_needed()
    page.set_input_files("#rf-import-file", str(exported))
    expect(page.locator(".rf-notice").last).to_be_in_viewport()


def test_the_theme_speaks_chinese_on_the_chinese_site(page: Page, watch) -> None:
    page.goto(at("", "zh"))
    toggles = page.eval_on_selector_all("form[data-md-component=palette] label[title]", "els => els.map(e => e.title)")
    assert toggles and all("切换" in title for title in toggles)
