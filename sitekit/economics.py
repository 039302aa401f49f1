"""The unit-economics page's worked examples: inputs from data, every figure computed by the engine.

`economics_values(lang)` gives the `{rf:econ:<example>.<name>}` tokens a page may use:

- `<name>` is the figure as a reader sees it, with its unit: `¥19.94`, `51.1%`, `1.96`;
- `<name>-n` is the number alone, grouped (`30,000`), for writing a formula out;
- `<name>-raw` is the number as an `<input value>` takes it (`30000`).

Names are the inputs (`price`, `cost-of-goods`, `fee-percent`, `shipping`, `return-percent`,
`ad-spend`, `new-customers`, `orders-per-customer`, `horizon`) and the results of
`assessment.economics.unit_economics` (`contribution`, `margin-percent`, `break-even-roas`,
`cac`, `max-cac`, `payback-orders`), plus `kept` (after returns and fees), `max-cac-one`
(one order per customer) and `payback-order` (the order that completes the payback).
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

from assessment.economics import UnitInputs, contribution, max_cac, unit_economics

EXAMPLES = Path(__file__).parent / "data" / "economics-examples.toml"
INPUTS = (
    "price",
    "cost_of_goods",
    "fee_percent",
    "shipping",
    "return_percent",
    "ad_spend",
    "new_customers",
    "orders_per_customer",
)
MONEY = {"price", "cost_of_goods", "shipping", "ad_spend", "kept", "contribution", "cac", "max_cac", "max_cac_one"}
PERCENT = {"fee_percent", "return_percent", "margin_percent"}
DECIMALS = {"margin_percent": 1, "break_even_roas": 2, "payback_orders": 1, "orders_per_customer": 1}


def grouped(value: float, decimals: int) -> str:
    """A number with thousands separators, `decimals` places, trailing zeros of a whole number dropped."""
    if decimals and round(value, decimals) == round(value):
        return f"{round(value):,}"
    return f"{value:,.{decimals}f}"


def _figures(example: dict[str, Any]) -> dict[str, float]:
    inputs = UnitInputs(**{name: float(example[name]) for name in INPUTS})
    results = unit_economics(inputs)
    if any(value is None or math.isinf(value) for value in results.values()):
        raise ValueError("an example must have a price, new customers and a positive margin")
    figures: dict[str, float] = {name: float(getattr(inputs, name)) for name in INPUTS}
    figures |= {name: float(value) for name, value in results.items() if value is not None}
    figures["kept"] = contribution(inputs.price, 0, inputs.fee_percent, 0, inputs.return_percent)
    figures["max_cac_one"] = max_cac(figures["contribution"])
    figures["payback_order"] = math.ceil(figures["payback_orders"] - 1e-9)
    return figures


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
    for name, example in examples.items():
        values |= example_values(name, example, lang)
    return values
