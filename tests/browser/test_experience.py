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
WIDE_LAPTOP = {"width": 1366, "height": 768}


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
@pytest.mark.parametrize("screen", [*SCREENS, "wide-laptop"])
def test_after_each_pillar_change_its_heading_first_question_and_every_chip_are_in_full_view(
    page: Page, watch, screen: str, lang: str
) -> None:
    """The owner walk: "Back to top" once covered the chips after every pillar change, and the last chip was cut off
    on a phone and at 1366 px."""
    no_engine(page)
    size = SCREENS.get(screen, WIDE_LAPTOP)
    page.set_viewport_size(size)
    page.goto(at("assessment/", lang))
    toolbar = page.locator(".rf-toolbar").bounding_box()
    assert toolbar and toolbar["height"] <= 0.12 * SCREENS["phone"]["height"]  # at most ~12% of a phone screen
    chips = page.eval_on_selector_all(".rf-step", "els => els.map(e => Math.round(e.getBoundingClientRect().top))")
    assert len(set(chips)) == 1, "the pillar chips sit on one row"
    for pillar in ("product", "traffic", "inquiry", "closing"):
        page.mouse.wheel(0, 1500)  # read down the pillar, then go on
        page.click(".rf-pillar.is-current .rf-next")
        assert fully_visible(page, f"#pillar-{pillar}-title"), pillar
        assert fully_visible(page, f"#pillar-{pillar} [data-question-id] legend"), pillar
        # The current chip is named, not only lettered.
        expect(page.locator(f".rf-step[data-step='{pillar}'] .rf-step__name")).to_be_visible()
        assert every_chip_in_row(page), pillar
        expect(page.locator(".md-top")).to_be_hidden()


def every_chip_in_row(page: Page) -> bool:
    """Each chip inside its row, and nothing of the theme's drawn over them."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.rf-step')].every(chip => {
            const box = chip.getBoundingClientRect(), row = chip.closest('ol').getBoundingClientRect();
            const over = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return box.left >= row.left - 1 && box.right <= row.right + 1 && chip.contains(over);
        })"""
    )


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
    shown = lambda text: unicodedata.normalize("NFKC", "".join(text.split()))  # noqa: E731  (a full-width colon too)
    assert shown(root) in page_one and shown(first)[:12] in page_one
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


@pytest.mark.engine_cached
def test_the_owner_walk_on_a_phone_in_chinese(page: Page, watch) -> None:
    """What an owner met on a phone (issue 24): a welcome back that stayed over the screen with a stale count, a
    finished assessment still offered "continue" and the quick check, the quick check's offer and progress
    disagreeing, a done action's badge struck through and the top list without states, and a screen-reader summary
    said only when the root changed."""
    page.set_viewport_size(PHONE)
    page.goto(at("assessment/#quick", "zh"))
    questions = questions_on(page)
    page.locator("[data-profile-id='model'] label:has(input[value='b2b-export'])").click()
    offered = page.locator("[data-mode-offer='quick'] [data-quick-count]").inner_text()
    expect(page.locator("#rf-progress-text")).to_contain_text(f"/ {offered}")  # "已答 0 / 7 题": the same count
    page.click("[data-mode-offer='quick'] [data-mode='full']")
    # Figures as "I don't know": a typed figure depends on the scale the profile sets.
    everything = {q["id"]: "unknown" if q["kind"] == "number" else pick(q, i) for i, q in enumerate(questions)}
    answer_by_clicking(page, dict(list(everything.items())[:9]))
    page.reload()
    welcome = page.locator("[data-welcome]")
    expect(welcome).to_contain_text("9/")
    assert welcome.evaluate("el => getComputedStyle(el.parentElement).position") != "fixed"  # in the page, not over it
    welcome.get_by_role("button", name="继续").click()
    expect(welcome).to_have_count(0)
    answer_by_clicking(page, everything)
    wait_for_engine(page)
    live = page.locator("#rf-live")
    # Every answer scored (context questions count as answers but not as scored ones).
    expect(page.locator("#rf-results-body")).to_have_attribute("data-scored", str(len(everything)), timeout=90_000)
    said = live.inner_text()
    first = page.locator(".rf-now ol.rf-plan > li").first
    action = first.get_attribute("data-action-id")
    page.select_option(f"select[data-action-state='{action}']", "done")
    done = page.locator(f".rf-action[data-action-id='{action}']")
    expect(done).to_have_attribute("data-state", "done")
    assert done.locator(".rf-action__name").evaluate("el => getComputedStyle(el).textDecorationLine") == "line-through"
    assert done.locator(".rf-badge").evaluate("el => getComputedStyle(el).textDecorationLine") == "none"
    expect(page.locator(".rf-root__first li[data-state='done'] .rf-badge")).to_have_count(1)
    page.reload()
    expect(page.locator("[data-welcome]")).not_to_contain_text("继续")  # all answered: nothing to continue at
    expect(page.locator("[data-mode-offer]:visible")).to_have_count(0)
    page.locator("[data-welcome]").get_by_role("button").first.click()
    # A changed answer moves a score, not always the root: the summary is said again.
    page.click(".rf-step[data-step='product']")
    page.locator("[data-question-id]").first.locator("label").last.click()
    # Scored by the engine: under load that takes longer than an assertion's default wait.
    expect(live).not_to_have_text(said, timeout=90_000)


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
