"""Unit economics: the one table of cases both implementations must meet, and the engine using the same formula."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from assessment import economics
from assessment.scoring import break_even_roas as engine_break_even

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
    once = economics.max_cac(50, 1)
    assert economics.max_cac(50, 3) == 3 * once > once
