"""The unit-economics page's worked examples: inputs from data, every figure computed by the engine.

`economics_values(lang)` gives the `{rf:econ:<example>.<name>}` tokens a page may use:

- `<name>` is the figure as a reader sees it, with its unit: `¥15.24`, `38.2%`, `2.62`;
- `<name>-n` is the number alone, grouped (`30,000`), for writing a formula out;
- `<name>-raw` is the number as an `<input value>` takes it (`30000`).

Names are the inputs of `assessment.scoring.economics.UnitInputs` and the results of
`unit_economics` with "-" for "_" (`creator-commission`, `break-even-settled-roas`,
`target-cac` ...), plus `goods-only-margin` and `goods-only-break-even` (the margin and
break-even if only the cost of goods is counted: the mistake the page warns against),
`acquisition` (ad spend + other acquisition costs), `p4p-only-cac` (ad spend alone ÷ new
customers), `acos` (100 ÷ reported ROAS, when one is given) and `payback-order` (the order that
completes the payback). `horizon` is the example's horizon in words.

An example's `checks` are the claims the page makes about it ("the CAC is above the target");
the build stops when its inputs no longer bear one out.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import fields
from pathlib import Path
from typing import Any

from assessment.scoring.economics import LTV_CAC_GOAL, UnitInputs, break_even_roas, unit_economics

from .figures import FigureError
from .pagefigures import holds

EXAMPLES = Path(__file__).parent / "data" / "economics-examples.toml"
INPUTS = tuple(f.name for f in fields(UnitInputs))
MONEY = {
    "price", "cost_of_goods", "shipping", "return_cost", "insurance", "ad_spend", "other_acquisition",
    "revenue_kept", "fees", "creator_commission", "goods", "return_handling", "contribution", "cac",
    "break_even_cac", "target_cac", "acquisition", "p4p_only_cac",
}  # fmt: skip
PERCENT = {
    "fee_percent", "return_percent", "refund_only_percent", "resell_percent", "creator_sales_percent",
    "creator_commission_percent", "margin_percent", "settled_margin_percent", "kept_percent", "goods_only_margin",
    "acos",
}  # fmt: skip
DECIMALS = {
    "margin_percent": 1, "settled_margin_percent": 1, "goods_only_margin": 1, "kept_percent": 0, "break_even_roas": 2,
    "break_even_settled_roas": 2, "settled_roas": 2, "reported_roas": 1, "goods_only_break_even": 2,
    "payback_orders": 1, "orders_per_customer": 1, "ltv_cac": 2, "ltv_cac_goal": 0, "acos": 1,
}  # fmt: skip


def grouped(value: float, decimals: int) -> str:
    """A number with thousands separators, `decimals` places, trailing zeros of a whole number dropped."""
    if decimals and round(value, decimals) == round(value):
        return f"{round(value):,}"
    return f"{value:,.{decimals}f}"


def _figures(example: dict[str, Any]) -> dict[str, float]:
    inputs = UnitInputs(**{name: float(example[name]) for name in INPUTS if name in example})
    results = unit_economics(inputs)
    needed = ("margin_percent", "break_even_roas", "cac", "payback_orders", "ltv_cac")
    if any(results[name] is None or math.isinf(results[name] or 0) for name in needed):
        raise ValueError("an example must have a price, new customers and a positive margin")
    figures: dict[str, float] = {name: float(getattr(inputs, name)) for name in INPUTS}
    figures |= {name: float(value) for name, value in results.items() if value is not None}
    figures["goods_only_margin"] = 100 * (inputs.price - inputs.cost_of_goods) / inputs.price
    figures["goods_only_break_even"] = break_even_roas(figures["goods_only_margin"])
    figures["acquisition"] = inputs.ad_spend + inputs.other_acquisition
    figures["payback_order"] = math.ceil(figures["payback_orders"] - 1e-9)
    figures["ltv_cac_goal"] = LTV_CAC_GOAL
    figures["p4p_only_cac"] = inputs.ad_spend / inputs.new_customers
    if inputs.reported_roas > 0:
        figures["acos"] = 100 / inputs.reported_roas
    return figures


def failed_claims(name: str, example: dict[str, Any]) -> list[str]:
    """The claims the page makes about an example (its `checks`) that its figures no longer bear out."""
    figures = _figures(example)
    failed = []
    for check in example.get("checks", []):
        ok, left, right = holds(check["claim"], figures, f"economics-examples.toml [{name}]")
        if not ok:
            failed.append(f"[{name}] the page says {check['says']!r}, but {check['claim']} is {left:g} vs {right:g}")
    return failed


def example_values(name: str, example: dict[str, Any], lang: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for key, value in _figures(example).items():
        decimals = DECIMALS.get(key, 2 if key in MONEY else 0)
        plain = grouped(value, decimals)
        shown = example["money"][lang].format(plain) if key in MONEY else plain + ("%" if key in PERCENT else "")
        token = f"econ:{name}.{key.replace('_', '-')}"
        values[token] = shown
        values[f"{token}-n"] = plain
        values[f"{token}-raw"] = f"{value:g}"
    values[f"econ:{name}.horizon"] = example["horizon"][lang]
    return values


def economics_values(lang: str, path: Path = EXAMPLES) -> dict[str, str]:
    """Every token of every worked example, in one language."""
    examples = tomllib.loads(path.read_text("utf-8"))
    values: dict[str, str] = {}
    failed = [problem for name, example in examples.items() for problem in failed_claims(name, example)]
    if failed:
        raise FigureError("sitekit/data/economics-examples.toml: " + "; ".join(failed))
    for name, example in examples.items():
        values |= example_values(name, example, lang)
    return values
