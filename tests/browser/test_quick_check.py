"""The quick check on the page: the profile and the questions that most often decide the root,
a provisional root, and a way on to the full assessment that keeps every answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import (
    BRAND,
    LANGUAGES,
    answer_by_clicking,
    at,
    saved_answers,
    wait_for_engine,
    wait_for_results,
)
from playwright.sync_api import Page, expect

from assessment import assess_bank
from assessment.bank.loader import load_bank
from assessment.bank.quick import load_quick

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BANK = load_bank(None, BRAND.questions)  # the bank of the site under test, a fork's overlay merged
QUICK = load_quick(BANK)


def typed(answers: dict, profile: dict) -> dict:
    """Figures as a person types them: in the unit of the company's scale (seconds, hours ...)."""
    chosen = {k: tuple(v) if isinstance(v, list) else (v,) for k, v in profile.items()}
    shown = {}
    for qid, value in answers.items():
        question = BANK.question(qid)
        if question and question.kind == "number" and isinstance(value, (int, float)):
            value = round(value / question.scale_for(chosen).factor, 6)
        shown[qid] = value
    return shown


def visible_questions(page: Page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "[data-question-id]",
            "els => els.filter(e => getComputedStyle(e).display !== 'none').map(e => e.dataset.questionId)",
        )
    )


@pytest.mark.engine_cached
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_quick_check_gives_the_provisional_root_and_continuing_keeps_every_answer(
    page: Page, watch, lang: str
) -> None:
    company = json.loads((ROOT / "tests" / "companies" / "douyin-snacks.json").read_text("utf-8"))
    multiple = {d.id for d in BANK.dimensions if d.multiple}
    asked = QUICK.questions_for({k: tuple(v) if k in multiple else (v,) for k, v in company["profile"].items()})
    quick_answers = {q: company["answers"][q] for q in asked}
    page.goto(at("assessment/#quick", lang))
    wait_for_engine(page)
    answer_by_clicking(page, typed(quick_answers, company["profile"]), company["profile"])
    wait_for_results(page, len(quick_answers))
    expected = assess_bank(BANK, quick_answers, lang, profile=company["profile"])
    assert expected["root"] is not None
    pillar = next(p for p in expected["pillars"] if p["id"] == expected["root"])
    expect(page.locator(".rf-root__pillar")).to_have_text(f"{pillar['letter']}. {pillar['name']}")
    provisional = page.locator("[data-provisional]")
    expect(provisional).to_contain_text(str(len(quick_answers)))
    provisional.locator("[data-mode='full']").click()
    expect(page.locator("[data-provisional]")).to_have_count(0)
    assert saved_answers(page) == quick_answers
    assert len(visible_questions(page)) > len(asked)
    # It resumes where the full assessment still has questions open.
    current = page.locator(".rf-pillar.is-current")
    expect(current.locator("[data-question-id]:not(.is-answered):not(.is-by-profile)").first).to_be_visible()
