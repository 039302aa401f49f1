"""The assessment points to what helps: a playbook beside each channel choice,
a template to download beside the plan actions it starts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import (
    LANGUAGES,
    at,
    wait_for_engine,
    wait_for_results,
)
from playwright.sync_api import Page, expect

from sitekit.content import case_values
from sitekit.templates import for_actions

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_channel_choice_links_its_playbook_without_toggling_the_choice(page: Page, watch, lang: str) -> None:
    page.route("**/assets/pyodide/**", lambda route: None)  # only the page's own HTML is under test
    page.goto(at("assessment/", lang))
    douyin = page.locator("input[name='profile.channels'][value='douyin-kuaishou']")
    playbook = douyin.locator("xpath=ancestor::*[contains(@class,'rf-option-row')]").locator(".rf-option__playbook")
    expect(playbook).to_have_attribute("href", "../channels/interest-ecommerce/")
    expect(playbook).to_have_accessible_name("渠道打法: 抖音/快手" if lang == "zh" else "Playbook: Douyin / Kuaishou")
    response = page.request.get(page.url.split("#")[0] + "../channels/interest-ecommerce/")
    assert response.ok
    expect(douyin).not_to_be_checked()


@pytest.mark.engine_cached
@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_action_with_a_template_offers_it_for_download_in_the_results_language(page: Page, watch, lang: str) -> None:
    link = case_values("review-loop", lang)["case-link"].replace("../../", "")
    page.goto(at(link, lang))
    answers = json.loads((ROOT / "calibration" / "review-loop.json").read_text("utf-8"))["answers"]
    wait_for_engine(page)
    wait_for_results(page, len(answers))
    template = page.locator("[data-action-id='product.quality.defect-log'] .rf-action__template").first
    expect(template).to_have_attribute("download", "缺陷记录表.csv" if lang == "zh" else "defect-log.csv")
    href = template.get_attribute("href")
    assert href and href.endswith("assets/templates/defect-log." + (lang) + ".csv")
    download = page.request.get(page.url.split("#")[0] + href)
    assert download.ok and download.body().startswith(b"\xef\xbb\xbf")
    # Exactly the actions a template names carry a download link.
    shown = page.eval_on_selector_all(
        ".rf-action", "els => els.map(e => [e.dataset.actionId, !!e.querySelector('.rf-action__template')])"
    )
    with_template = set(for_actions("en", {action for action, _ in shown}))
    assert with_template and {action for action, has in shown if has} == with_template
