"""The unit-economics calculator: the engine's formulas in the browser, without Pyodide, usable by keyboard,
and its margin handed to the self-assessment, which offers it and fills nothing in unasked."""

from __future__ import annotations

import math

import pytest
from helpers import (
    LANGUAGES,
    at,
    violations,
)
from playwright.sync_api import Page, expect
from test_trust import set_palette

from assessment.scoring.economics import UnitInputs, unit_economics

pytestmark = pytest.mark.browser

# An order with every cost line: returns, refunds without return, creators, insurance, a membership.
FIGURES = {
    "price": 1250,
    "cost_of_goods": 610.5,
    "fee_percent": 3.5,
    "shipping": 42,
    "insurance": 1.5,
    "return_percent": 2,
    "refund_only_percent": 1,
    "resell_percent": 40,
    "return_cost": 25,
    "creator_sales_percent": 30,
    "creator_commission_percent": 10,
    "ad_spend": 18000,
    "other_acquisition": 2000,
    "new_customers": 11,
    "orders_per_customer": 2.5,
    "reported_roas": 4,
}


def shown(page: Page) -> dict[str, float | None]:
    pairs = page.eval_on_selector_all(
        "#rf-econ output[data-figure]", "els => els.map(e => [e.dataset.figure, e.dataset.value])"
    )
    return {name: (None if raw == "" else float(raw)) for name, raw in pairs}


def open_calculator(page: Page, lang: str = "en") -> None:
    page.goto(at("unit-economics/", lang))
    expect(page.locator("#rf-econ")).to_have_attribute("data-ready", "true")


def test_the_calculator_gives_the_engines_figures(page: Page, watch) -> None:
    open_calculator(page)
    for name, value in FIGURES.items():
        page.get_by_label(page.locator(f"label[for='rf-econ-{name}']").inner_text(), exact=True).fill(str(value))
    expected = unit_economics(UnitInputs(**FIGURES))
    assert set(shown(page)) == set(expected)
    for name, value in shown(page).items():
        assert value == pytest.approx(expected[name], rel=1e-12), name
    expect(page.locator("#rf-econ output[data-figure='cac']")).to_have_text("¥1,818.18")  # (18,000 + 2,000) ÷ 11
    page.select_option("#rf-econ-currency", "USD")
    expect(page.locator("#rf-econ output[data-figure='cac']")).to_have_text("US$1,818.18")
    assert not any("pyodide" in url or "/engine/" in url for url in watch.requests)


def test_an_order_that_loses_money_never_pays_back(page: Page, watch) -> None:
    open_calculator(page, "zh")
    page.fill("#rf-econ-cost_of_goods", "100")
    assert math.isinf(shown(page)["payback_orders"] or 0)
    expect(page.locator("#rf-econ output[data-figure='payback_orders']")).to_have_text("永远收不回")


def test_the_calculator_works_from_the_keyboard_and_announces_results(page: Page, watch) -> None:
    open_calculator(page)
    expect(page.locator("#rf-econ-results")).to_have_attribute("aria-live", "polite")
    page.focus("#rf-econ-price")
    page.keyboard.press("Control+A")
    page.keyboard.type("78")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "rf-econ-cost_of_goods"
    defaults = {k: float(v) for k, v in page_defaults(page).items()}
    expected = unit_economics(UnitInputs(**{**defaults, "price": 78}))
    assert shown(page)["contribution"] == pytest.approx(expected["contribution"])
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def page_defaults(page: Page) -> dict[str, str]:
    return dict(page.eval_on_selector_all("#rf-econ input[name]", "els => els.map(e => [e.name, e.defaultValue])"))


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_calculator_page_has_no_accessibility_violations(page: Page, watch, lang: str, scheme: str) -> None:
    open_calculator(page, lang)
    set_palette(page, scheme)
    assert violations(page) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_margin_goes_to_the_assessment_only_when_the_reader_accepts_it(page: Page, watch, lang: str) -> None:
    open_calculator(page, lang)
    figures = unit_economics(UnitInputs(**{k: float(v) for k, v in page_defaults(page).items()}))
    margin = figures["settled_margin_percent"]  # the basis of the assessment's ROAS, net of refunds
    link = page.locator("#rf-econ-handoff")
    expect(link).to_have_attribute("href", f"../assessment/?margin={round(margin or 0, 1):g}")
    link.click()
    notice = page.locator("[data-handoff]")
    expect(notice).to_be_visible()
    field = page.locator("#in-traffic\\.margin")
    assert field.input_value() == "", "nothing is filled in before the reader accepts"
    notice.locator("[data-handoff-use]").click()
    expect(field).to_have_value(f"{round(margin or 0, 1):g}")
    expect(page.locator("#q-traffic\\.roas [data-break-even]")).not_to_be_empty()
    assert "margin=" not in page.url, "a reload does not offer it again"


def test_a_margin_below_zero_is_not_handed_over(page: Page, watch) -> None:
    open_calculator(page)
    page.fill("#rf-econ-cost_of_goods", "100")
    expect(page.locator("#rf-econ-handoff")).to_be_hidden()
