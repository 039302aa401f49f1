"""Worked numbers a page states, computed at build time from the page's own inputs.

`sitekit/data/figures/<page>.toml` belongs to one page (its path under docs/ without the
language suffix, "/" as "-": `pillars-traffic.toml` for pillars/traffic.md and .zh.md). It
lists inputs `{ value, unit }` and derived figures `{ formula, unit, step }`; a formula is
arithmetic over other figures' names (sitekit/figures.py's `evaluate`), and `step` is the
precision the page states the figure to (1 for "¥103,303", 0.01 for "2.86").

The page writes `{rf:fig:<name>}` (the figure with its unit, in the page's language),
`{rf:fig:<name>.n}` (the number alone, grouped) or `{rf:fig:<name>.wan}` (in 万, for Chinese
prose: 200,000 → "20"); names use "-" where the file uses "_". A derived figure is worked
out here, never typed, so the page cannot state it wrongly.

`[[checks]]` are the claims the page's text makes about its figures ("every ad-driven order
loses money": `roas < break_even_roas`). Each is held at every build: change an input so
that a claim no longer holds and the build stops with the claim and both sides' values.
"""

from __future__ import annotations

import ast
import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from .figures import UNITS, FigureError, evaluate

FOLDER = Path(__file__).parent / "data" / "figures"
_COMPARE = re.compile(r"^(?P<left>.+?)\s*(?P<op><=|>=|<|>)\s*(?P<right>.+)$")


@dataclass(frozen=True)
class PageFigure:
    name: str
    value: float
    unit: str
    step: float | None

    @property
    def decimals(self) -> int:
        if self.step is not None:
            return max(0, -math.floor(math.log10(self.step) + 1e-9))
        text = repr(self.value)
        return len(text.split(".")[1]) if "." in text and not text.endswith(".0") else 0

    def rounded(self) -> float:
        """The value at the stated precision, halves away from zero (136.5 is "137", as a reader rounds)."""
        if not self.step:
            return self.value
        steps = Decimal(repr(self.value)) / Decimal(repr(self.step))
        return float(steps.quantize(Decimal(1), ROUND_HALF_UP) * Decimal(repr(self.step)))

    def plain(self) -> str:
        return f"{self.rounded():,.{self.decimals}f}"

    def wan(self) -> str:
        """The figure in 万 (ten thousands), to one decimal, as Chinese prose writes sums: 200,000 → "20",
        103,300 → "10.3"; two decimals below one 万 (2,300 → "0.23")."""
        wan = Decimal(repr(self.rounded())) / 10_000
        places = Decimal("0.01") if abs(wan) < 1 else Decimal("0.1")
        text = f"{wan.quantize(places, ROUND_HALF_UP):,f}"
        return text.rstrip("0").rstrip(".") if "." in text else text


def page_key(source: str) -> str:
    """The figures file's name for a page: 'pillars/traffic.zh.md' -> 'pillars-traffic'."""
    stem = source.removesuffix(".md")
    stem = re.sub(r"\.[a-z]{2}(-[A-Za-z]+)?$", "", stem)
    return stem.replace("/", "-")


def _names(formula: str, where: str) -> set[str]:
    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError as error:
        raise FigureError(f"{where}: {formula!r}: {error.msg}") from None
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def compute(document: Mapping[str, Any], where: str) -> dict[str, PageFigure]:
    """Every figure's value: inputs as given, derived ones worked out from the figures they name."""
    raw: dict[str, Any] = dict(document.get("figures", {}))
    values: dict[str, float] = {}

    def value(name: str, seen: tuple[str, ...]) -> float:
        if name in values:
            return values[name]
        if name not in raw:
            raise FigureError(f"{where}: {seen[-1] if seen else name}: no figure named {name!r}")
        if name in seen:
            raise FigureError(f"{where}: {' -> '.join((*seen, name))}: a figure depends on itself")
        spec = raw[name]
        if "formula" not in spec:
            values[name] = float(spec["value"])
        else:
            known = {other: value(other, (*seen, name)) for other in _names(spec["formula"], where)}
            values[name] = evaluate(spec["formula"], known)
        return values[name]

    return {
        name: PageFigure(name, value(name, ()), str(spec.get("unit", "")), spec.get("step"))
        for name, spec in raw.items()
    }


def holds(claim: str, values: Mapping[str, float], where: str) -> tuple[bool, float, float]:
    """Whether a claim (`a < b`, `x * 2 >= y` ...) holds for these values, with both sides worked out."""
    match = _COMPARE.match(claim)
    if match is None:
        raise FigureError(f"{where}: check {claim!r} is not a comparison (<, <=, >, >=)")
    left, right = evaluate(match["left"], values), evaluate(match["right"], values)
    ok = {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right}[match["op"]]
    return ok, left, right


def failed_checks(document: Mapping[str, Any], figures: Mapping[str, PageFigure], where: str) -> list[str]:
    """The page's claims about its figures that do not hold, each with both sides worked out."""
    values = {name: f.value for name, f in figures.items()}
    failed = []
    for check in document.get("checks", []):
        claim = check["claim"]
        ok, left, right = holds(claim, values, where)
        if not ok:
            failed.append(f"{where}: the page says {check.get('says', claim)!r}, but {claim} is {left:g} vs {right:g}")
    return failed


def figure_tokens(source: str, lang: str, folder: Path = FOLDER, units_path: Path = UNITS) -> dict[str, str]:
    """The `fig:` tokens of the page at `source`, or none when it has no figures file.

    Raises FigureError when a figure cannot be worked out or a claim about the figures fails.
    """
    path = folder / f"{page_key(source)}.toml"
    if not path.is_file():
        return {}
    where = f"figures/{path.name}"
    document = tomllib.loads(path.read_text("utf-8"))
    figures = compute(document, where)
    failed = failed_checks(document, figures, where)
    if failed:
        raise FigureError("; ".join(failed))
    units = tomllib.loads(units_path.read_text("utf-8"))["units"]
    tokens: dict[str, str] = {}
    for name, figure in figures.items():
        key = "fig:" + name.replace("_", "-")
        if figure.unit not in units:
            raise FigureError(f"{where}: {name}: unknown unit {figure.unit!r} (units: {', '.join(sorted(units))})")
        tokens[key] = str(units[figure.unit][lang]).format(figure.plain())
        tokens[key + ".n"] = figure.plain()
        tokens[key + ".wan"] = figure.wan()
    return tokens
