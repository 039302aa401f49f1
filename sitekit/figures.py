"""A case study's figures as data: the values its page states and how the derived ones follow.

`calibration/<case>.figures.toml` lists every figure the case states. An input is
`{ value, unit }`; a derived figure adds `formula` (arithmetic over other figures'
names) and `step`, the precision the page states it to (1 for "31 yuan", 100 for
"¥5,800", 0.1 for "1.9%"). A derived figure adds up when its formula, worked from
the *stated* values of the figures it names (what a reader would use), lands
within half a step of its stated value.

Its `[table]` is the case's before/after table, rendered at build time as the
`{rf:figures-table}` token: the page never types those numbers.
"""

from __future__ import annotations

import ast
import math
import operator
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CALIBRATION = Path(__file__).resolve().parents[1] / "calibration"
UNITS = Path(__file__).parent / "data" / "units.toml"
_OPERATORS: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


class FigureError(Exception):
    """A figures file that cannot be read or a formula that cannot be worked."""


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    formula: str | None = None
    step: float | None = None

    @property
    def decimals(self) -> int:
        """Decimal places the page states: from the step, or as the value is written."""
        if self.step is not None:
            return max(0, -math.floor(math.log10(self.step) + 1e-9))
        text = repr(self.value)
        return len(text.split(".")[1]) if "." in text and not text.endswith(".0") else 0


def evaluate(formula: str, values: Mapping[str, float]) -> float:
    """Work out `formula` (numbers, names, + − × ÷ and brackets only) with the given values."""

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.Name):
            if node.id not in values:
                raise FigureError(f"{formula!r}: no figure named {node.id!r}")
            return values[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        raise FigureError(f"{formula!r}: only numbers, figure names and + - * / are allowed")

    try:
        tree = ast.parse(formula, mode="eval")
    except SyntaxError as error:
        raise FigureError(f"{formula!r}: {error.msg}") from None
    return walk(tree)


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text("utf-8"))


def figures(document: Mapping[str, Any]) -> dict[str, Figure]:
    found = {}
    for name, raw in document.get("figures", {}).items():
        found[name] = Figure(name, float(raw["value"]), raw.get("unit", ""), raw.get("formula"), raw.get("step"))
    return found


def recomputed(figure: Figure, stated: Mapping[str, Figure]) -> float:
    """The derived figure worked out from the stated values of the figures its formula names."""
    if figure.formula is None:
        raise FigureError(f"{figure.name} is an input, not derived")
    return evaluate(figure.formula, {name: f.value for name, f in stated.items()})


def problems(stated: Mapping[str, Figure]) -> list[str]:
    """Every derived figure that does not add up, with the arithmetic that shows it."""
    found = []
    for figure in stated.values():
        if figure.formula is None:
            continue
        if figure.step is None:
            found.append(f"{figure.name}: a derived figure needs the step it is stated to")
            continue
        worked = recomputed(figure, stated)
        if abs(worked - figure.value) > figure.step / 2 + 1e-9:
            found.append(f"{figure.name}: {figure.formula} = {worked:.4g}, stated {figure.value:g}")
    return found


def plain(figure: Figure) -> str:
    """The number as a page writes it: grouped thousands, the stated decimals, no unit."""
    return f"{figure.value:,.{figure.decimals}f}"


def shown(figure: Figure, lang: str, units: Mapping[str, Any]) -> str:
    return str(units[figure.unit][lang]).format(plain(figure))


def table(document: Mapping[str, Any], lang: str, units_path: Path = UNITS) -> str:
    """The before/after table as Markdown; a row's comment may name figures in braces."""
    units = load(units_path)["units"]
    stated = figures(document)
    spec = document["table"]
    head = spec["head"][lang]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    numbers = {name: plain(f) for name, f in stated.items()}
    for row in spec["rows"]:
        before, after = stated[row["before"]], stated[row["after"]]
        cells = [row["label"][lang], shown(before, lang, units), shown(after, lang, units)]
        if len(head) > 3:
            cells.append(row.get("comment", {}).get(lang, "").format_map(numbers))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def figure_values(slug: str, lang: str, folder: Path = CALIBRATION) -> dict[str, str]:
    """The `{rf:figures-table}` token of one case, if it has a figures file."""
    path = folder / f"{slug}.figures.toml"
    if not path.is_file():
        return {}
    document = load(path)
    return {"figures-table": table(document, lang)} if "table" in document else {}
