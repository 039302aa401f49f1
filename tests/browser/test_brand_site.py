"""The example brand in a browser: its name, colours, logo and contact reach the assessment and its report."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    EXAMPLE_BRAND,
    answer_by_clicking,
    cli_results,
    page_results,
    pick,
    questions_on,
    serve,
    wait_for_engine,
    wait_for_results,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


@pytest.fixture
def acme(acme_site: Path) -> str:
    return serve(str(acme_site))


def test_brand_shows_on_every_page_type(page: Page, acme: str) -> None:
    for path in ("", "pillars/product/", "cases/northwind-valve-maker/", "assessment/"):
        page.goto(f"{acme}/{path}")
        expect(page.locator(".md-header__topic").first).to_contain_text("Northwind Growth Lab")
        expect(page.locator(".rf-cta")).to_contain_text("Book a free diagnosis call")
        logo = page.locator(".md-header .md-logo img.rf-logo--light")
        assert "assets/brand/logo.svg" in (logo.get_attribute("src") or "")
        expect(logo).to_be_visible()
    header = page.locator(".md-header")
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(91, 42, 134)"  # #5b2a86
    # The dark scheme draws the header in the dark primary colour, with the dark logo on it.
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    expect(page.locator(".md-header .md-logo img.rf-logo--dark")).to_be_visible()
    expect(page.locator(".md-header .md-logo img.rf-logo--light")).to_be_hidden()
    assert header.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(199, 164, 239)"  # #c7a4ef


def test_branded_results_and_report_use_the_brands_questions_and_contact(page: Page, acme: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{acme}/assessment/")
    questions = questions_on(page)
    ids = {q["id"] for q in questions}
    assert "inquiry.sample-policy" in ids and "inquiry.live-qa" not in ids
    answers = {q["id"]: pick(q, i) for i, q in enumerate(questions)}
    answer_by_clicking(page, answers)
    wait_for_engine(page)
    wait_for_results(page, len(answers))
    expected = cli_results(answers, overlay=EXAMPLE_BRAND / "questions.toml")
    # The engine in the page carries the brand's merged bank: no overlay is fetched.
    assert not [url for url in requests if "overlay" in url or url.endswith(".toml")]
    assert page_results(page) == {key: expected[key] for key in ("scores", "plan", "plan_pillars")}
    contact = page.locator(".rf-contact")
    expect(contact).to_contain_text("Northwind consultants")
    expect(contact.locator("a")).to_have_attribute("href", "mailto:hello@northwind.example")
    expect(contact.locator("img")).to_have_attribute("alt", "WeChat QR code of Northwind Growth Lab")
    page.emulate_media(media="print")
    expect(page.locator(".rf-report-meta")).to_contain_text("Northwind Growth Lab")
    expect(contact).to_be_visible()
    expect(page.locator(".rf-chart svg")).to_be_visible()
    # The credit for the method is on the report, whatever the brand's footer says.
    expect(page.locator(".rf-report-credit")).to_contain_text("盟接之桥")


def test_a_link_from_upstreams_site_opens_with_the_hidden_questions_answer_set_aside(page: Page, acme: str) -> None:
    """Made on a site that asks inquiry.live-qa; this brand hides it: the rest opens, and the page says so."""
    from assessment import get_bank
    from assessment.sharelink import encode

    upstream = get_bank()
    answers = {"inquiry.live-qa": "na", "product.positioning": "written"}
    fragment = encode(upstream, {}, answers)
    page.goto(f"{acme}/assessment/#{fragment}")
    expect(page.locator(".rf-notice").filter(has_text="does not ask")).to_be_visible()
    expect(page.locator("[data-question-id='product.positioning'] input[value='written']")).to_be_checked()
    expect(page.locator("[data-question-id='inquiry.live-qa']")).to_have_count(0)
