"""Unit economics: the one table of hand-worked cases both implementations must meet (¥ and US$: a Douyin
snack with creator commission, 运费险 and 仅退款; an Amazon FBA listing with referral and returns processing
fees; an Alibaba.com order with P4P and membership), the engine using the same break-even, and the target
CAC following the bank's LTV:CAC rule."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from assessment import get_bank
from assessment.scoring import economics
from assessment.scoring.scores import break_even_roas as engine_break_even

CASES = json.loads((Path(__file__).parent / "cases" / "economics.json").read_text("utf-8"))


def expected_value(raw: Any) -> float | None:
    return math.inf if raw == "inf" else raw


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_each_case_gives_the_expected_figures(case: dict[str, Any]) -> None:
    result = economics.unit_economics(economics.UnitInputs(**case["inputs"]))
    assert set(result) == set(case["expected"])
    for name, raw in case["expected"].items():
        want = expected_value(raw)
        got = result[name]
        if want is None or math.isinf(want):
            assert got == want, name
        else:
            assert got == pytest.approx(want, abs=CASES["tolerance"]), name


@pytest.mark.parametrize("margin", [0.5, 12, 29.02, 45, 55, 100])
def test_the_assessment_judges_roas_against_the_same_break_even(margin: float) -> None:
    assert engine_break_even(margin) == economics.break_even_roas(margin) == pytest.approx(1 / (margin / 100))


def test_a_margin_the_company_does_not_know_gives_no_break_even() -> None:
    assert engine_break_even("unknown") is None
    assert engine_break_even(None) is None
    assert engine_break_even(0) == math.inf


def test_more_orders_per_customer_allow_a_higher_cac() -> None:
    once = economics.break_even_cac(50, 1)
    assert economics.break_even_cac(50, 3) == 3 * once > once


def test_the_target_cac_is_the_banks_ltv_cac_rule() -> None:
    """The bank asks for LTV:CAC of 3 before a channel is scaled, so the calculator's target CAC is LTV ÷ 3."""
    action = next(a for a in get_bank().actions if a.id == "traffic.roas.ltv-ceiling")
    goal = re.search(r"LTV:CAC[^0-9]{0,12}(\d+(?:\.\d+)?)", action.goal["en"])
    assert goal is not None and float(goal.group(1)) == economics.LTV_CAC_GOAL
    result = economics.unit_economics(economics.UnitInputs(100, 40, 0, 0, 0, new_customers=1, ad_spend=20))
    assert result["target_cac"] == result["break_even_cac"] / economics.LTV_CAC_GOAL == 20
    assert result["ltv_cac"] == economics.LTV_CAC_GOAL


def test_refunds_without_return_cost_the_goods_and_returns_resold_give_them_back() -> None:
    base = economics.UnitInputs(100, 40, 0, 0, 10)
    refunded = economics.UnitInputs(100, 40, 0, 0, 0, refund_only_percent=10)
    resold = economics.UnitInputs(100, 40, 0, 0, 10, resell_percent=100)
    assert economics.contribution_of(refunded) == economics.contribution_of(base) == 50  # 90 − 40
    assert economics.contribution_of(resold) == 54  # 90 − 40 × (1 − 10%)


def test_the_simple_contribution_is_the_full_model_without_the_new_lines() -> None:
    full = economics.contribution_of(economics.UnitInputs(200, 60, 5, 10, 10))
    assert economics.contribution(200, 60, 5, 10, 10) == full == 101
