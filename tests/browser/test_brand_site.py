"""The example brand in a browser: its name, colours, logo and contact reach the assessment and its report."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    EXAMPLE_BRAND,
    answer_by_clicking,
    at,
    cli_results,
    page_results,
    pick,
    questions_on,
    serve,
    wait_for_engine,
    wait_for_results,
)
from playwright.sync_api import Page, expect
from trickybrand import BRAND, QUESTION_TEXT

from assessment.bank.loader import load_bank
from sitekit.brand import load_brand

pytestmark = pytest.mark.browser

ACME = load_brand(EXAMPLE_BRAND)


@pytest.fixture
def acme(acme_site: Path) -> str:
    return serve(str(acme_site))


def test_brand_shows_on_every_page_type(page: Page, acme: str) -> None:
    for path in ("", "pillars/product/", "cases/northwind-valve-maker/", "assessment/"):
        page.goto(f"{acme}/{at(path, 'en', ACME)}")
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
    page.goto(f"{acme}/{at('assessment/', 'en', ACME)}")
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


@pytest.fixture
def tricky(tricky_site: Path) -> str:
    return serve(str(tricky_site))


def test_a_brand_full_of_markup_characters_gives_the_whole_form_and_runs_nothing(
    page: Page, tricky: str, tricky_brand: Path
) -> None:
    """Issue 15, finding 1: quotes, <1%, &, Markdown and `<title>` in texts show as written; nothing is cut."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{tricky}/{at('assessment/', 'en', load_brand(tricky_brand))}")
    questions = questions_on(page)
    assert len(questions) == len(load_bank(None, tricky_brand / "questions.toml").questions)
    for pillar in ("product", "traffic", "inquiry", "closing"):
        page.click(f".rf-step[data-step='{pillar}']")
        expect(page.locator(f"#pillar-{pillar}")).to_be_visible()
    page.click(".rf-step[data-step='inquiry']")
    sample = page.locator("[data-question-id='inquiry.sample-policy']")
    expect(sample.locator("legend")).to_contain_text(QUESTION_TEXT)
    sample.locator("details.rf-guidance > summary").click()
    expect(sample.locator("details.rf-guidance code")).to_have_text("<title>")
    expect(sample.locator("details.rf-guidance")).to_contain_text("keep returns <1% & reply")
    answers = {q["id"]: pick(q, i) for i, q in enumerate(questions)}
    answer_by_clicking(page, answers)
    wait_for_engine(page)
    wait_for_results(page, len(answers))
    expect(page.locator(".rf-contact")).to_contain_text(BRAND["contact_text"])
    expect(page.locator(".md-copyright")).to_contain_text("Say \"hi\" <1% & 'bye' >")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("[onclick], a[href^='javascript']").count() == 0
    assert errors == []
    # The credit for the method is on the report, whatever the brand's footer says.
    expect(page.locator(".rf-report-credit")).to_contain_text("盟接之桥")


def test_a_link_from_upstreams_site_opens_with_the_hidden_questions_answer_set_aside(page: Page, acme: str) -> None:
    """Made on a site that asks inquiry.live-qa; this brand hides it: the rest opens, and the page says so."""
    from assessment import get_bank
    from assessment.answers.sharelink import encode

    upstream = get_bank()
    answers = {"inquiry.live-qa": "na", "product.positioning": "written"}
    fragment = encode(upstream, {}, answers)
    page.goto(f"{acme}/{at('assessment/', 'en', ACME)}#{fragment}")
    expect(page.locator(".rf-notice").filter(has_text="does not ask")).to_be_visible()
    expect(page.locator("[data-question-id='product.positioning'] input[value='written']")).to_be_checked()
    expect(page.locator("[data-question-id='inquiry.live-qa']")).to_have_count(0)
