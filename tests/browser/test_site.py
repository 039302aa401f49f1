"""The knowledge base in a browser: home, both languages, search, and nothing fetched from elsewhere."""

from __future__ import annotations

import re

import pytest
from helpers import BRAND, LANGUAGES, at, prefix, published
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "loop/",
    "pillars/product/",
    "pillars/traffic/",
    "pillars/inquiry/",
    "pillars/closing/",
    "metrics/",
    "cases/",
    "cases/early-xiaomi/",
    "assessment/reference/",
    "guide/fork-and-brand/",
    "about/",
]
PAGES = [url for url in PAGES if published(url)]  # a fork may hide the consultant guide


def test_home_teaches_the_method_in_one_screen(page: Page, watch) -> None:
    page.goto(at(""))
    expect(page.locator("h1").first).to_be_visible()
    diagram = page.locator("svg[role=img]").first
    expect(diagram).to_be_visible()
    expect(page.locator("body")).to_contain_text("盟接之桥")
    cta = page.locator("a.md-button--primary[href*='assessment']").first
    expect(cta).to_be_visible()
    cta.click()
    expect(page).to_have_url(re.compile(r"/assessment/$"))


def test_language_switch_round_trips_to_the_same_page(page: Page, watch, base_url: str) -> None:
    english, chinese = at("pillars/inquiry/", "en"), at("pillars/inquiry/", "zh")
    page.goto(english)
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="简体中文").click()
    expect(page).to_have_url(f"{base_url}/{chinese}")
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    expect(page.locator("h1").first).to_contain_text("询盘")
    page.locator(".md-select").first.hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{base_url}/{english}")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def search(page: Page, query: str) -> list[str]:
    box = page.locator("input.md-search__input")
    box.click()
    results = page.locator(".md-search-result__item a")
    # A query typed before the theme's index has loaded never runs, and a busy machine makes
    # the index slower; reading the "initializing" text first races with it. So type the query
    # again until results show, for as long as the engine's own start may take here.
    for _ in range(18):
        box.fill(query)
        box.press("End")  # the theme searches on key events; fill() alone types no key
        try:
            expect(results.first).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            continue
    expect(results.first).to_be_visible()
    return [link.get_attribute("href") or "" for link in results.all()]


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("zh", "询盘", "pillars/inquiry/"),
        ("zh", "投流", "pillars/traffic/"),
        ("en", "inquiry", "pillars/inquiry/"),
    ],
)
def test_search_finds_the_pillar_page_in_its_language(page: Page, watch, lang: str, query: str, expected: str) -> None:
    page.goto(at("", lang))
    paths = [page.evaluate("h => new URL(h, location.href).pathname", h) for h in search(page, query)]
    pages = list(dict.fromkeys(paths))  # one entry per page, in ranking order
    assert "/" + at(expected, lang) in pages[:3], pages
    if not prefix(lang):  # the language at the root finds none of the pages under another's folder
        others = ["/" + prefix(other) for other in BRAND.languages if other != lang]
        assert not any(p.startswith(tuple(others)) for p in pages), pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_requests_anything_from_another_origin(page: Page, watch, lang: str) -> None:
    for path in PAGES:
        page.goto(at(path, lang))
        page.wait_for_load_state("networkidle")
    # the watch fixture fails the test on any foreign request or CSP violation


def test_docs_pages_do_not_load_pyodide(page: Page, watch) -> None:
    page.goto(at("pillars/product/"))
    page.wait_for_load_state("networkidle")
    assert not [url for url in watch.requests if "/assets/pyodide/" in url or "/assets/engine/" in url]
    # Nor does a docs page register the service worker that precaches the runtime (only the assessment does).
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
