"""The unit-economics page states figures the build computes from data, in both languages; its claims
about the examples are held at build time; its calculator asks for every cost line and shows every figure."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from assessment.scoring.economics import UnitInputs, unit_economics
from sitekit.content import expand
from sitekit.economics import EXAMPLES, INPUTS, economics_values
from sitekit.figures import FigureError

ROOT = Path(__file__).resolve().parents[1]


def write_example(path: Path, price: float, checks: str = "") -> Path:
    path.write_text(
        f"""[demo]
money.en = "¥{{}}"
money.zh = "{{}} 元"
horizon.en = "a year"
horizon.zh = "一年"
price = {price}
cost_of_goods = 20
fee_percent = 10
shipping = 5
return_percent = 0
ad_spend = 4000
new_customers = 100
orders_per_customer = 2
{checks}""",
        "utf-8",
    )
    return path


def test_the_figures_follow_the_data_file(tmp_path: Path) -> None:
    cheap = economics_values("en", write_example(tmp_path / "a.toml", 50))
    dear = economics_values("en", write_example(tmp_path / "b.toml", 100))
    # 50 × 0.9 − 20 − 5 = 20, a 40% margin; 100 × 0.9 − 25 = 65, 65%.
    assert (cheap["econ:demo.contribution"], cheap["econ:demo.margin-percent"]) == ("¥20", "40%")
    assert (dear["econ:demo.contribution"], dear["econ:demo.margin-percent"]) == ("¥65", "65%")
    assert cheap["econ:demo.break-even-roas"] == "2.50"
    assert cheap["econ:demo.ad-spend-n"] == "4,000" and cheap["econ:demo.ad-spend-raw"] == "4000"
    assert economics_values("zh", tmp_path / "a.toml")["econ:demo.cac"] == "40 元"


@pytest.mark.parametrize("name", list(tomllib.loads(EXAMPLES.read_text("utf-8"))))
def test_each_worked_example_states_the_engines_numbers(name: str) -> None:
    example = tomllib.loads(EXAMPLES.read_text("utf-8"))[name]
    result = unit_economics(UnitInputs(**{k: float(example[k]) for k in INPUTS if k in example}))
    values = economics_values("en")
    for figure, digits in (("contribution", 2), ("break_even_roas", 2), ("cac", 2), ("break_even_cac", 2)):
        stated = float(values[f"econ:{name}.{figure.replace('_', '-')}-n"].replace(",", ""))
        assert stated == pytest.approx(result[figure], abs=0.5 * 10**-digits), figure


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_uses_only_tokens_the_build_can_fill(lang: str) -> None:
    page = ROOT / "docs" / ("unit-economics.md" if lang == "en" else "unit-economics.zh.md")
    filled = expand(page.read_text("utf-8"), economics_values(lang), str(page))
    assert "{rf:" not in filled
    assert economics_values(lang)["econ:douyin.break-even-roas"] in filled


def test_a_claim_the_examples_no_longer_bear_out_stops_the_build(tmp_path: Path) -> None:
    claim = 'checks = [{ claim = "cac > break_even_cac", says = "each customer loses money" }]\n'
    with pytest.raises(FigureError, match=r"\[demo\] the page says 'each customer loses money'"):
        economics_values("en", write_example(tmp_path / "a.toml", 50, claim))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_calculator_asks_for_every_cost_line_and_shows_every_figure(lang: str) -> None:
    page = (ROOT / "docs" / ("unit-economics.md" if lang == "en" else "unit-economics.zh.md")).read_text("utf-8")
    fields = set(re.findall(r'<input id="rf-econ-\w+" name="(\w+)"', page))
    shown = set(re.findall(r'data-figure="(\w+)"', page))
    assert fields == set(INPUTS)
    assert shown == set(unit_economics(UnitInputs(1, 0, 0, 0, 0)))
    assert all(f'<label for="rf-econ-{name}">' in page for name in fields), "every field has its label"
