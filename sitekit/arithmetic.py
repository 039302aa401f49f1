"""Worked arithmetic a page writes out in a code span, checked at build time.

A code span whose expression holds numbers only and ends in `= <number>` or `≈ <number>`
(`CAC = 75,000 ÷ 500 = ¥150`, `1 ÷ 0.35 ≈ 2.86`, `3,000 ÷ 200,000 = 1.5%`) is worked out
again. A stated result further from the worked one than half a unit of its last digit
stops the build, naming the page and the span. An expression with words in it
(`CAC = ad spend ÷ new customers`) is a formula, not a worked example, and is left alone.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .figures import FigureError, evaluate

CODE = re.compile(r"`([^`\n]+)`")
EQUALS = re.compile(r"\s*[=≈]\s*")
_MONEY = re.compile(r"US\$|\$|¥|元")
_NUMBER = re.compile(r"^-?\d[\d,]*(?:\.\d+)?%?$")
_ARITHMETIC = re.compile(r"^[\d.,%\s()+\-*/]+$")


class WorkedExampleError(Exception):
    """A worked example on a page that does not add up."""


def _plain(text: str) -> str:
    text = _MONEY.sub("", text).replace("×", "*").replace("÷", "/").replace("−", "-")
    return text.strip()


def _number(text: str) -> tuple[float, float] | None:
    """A stated result as (value, tolerance), or None when the text is not a bare number."""
    plain = _plain(text)
    if not _NUMBER.match(plain):
        return None
    percent = plain.endswith("%")
    digits = plain.rstrip("%").replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    scale = 0.01 if percent else 1.0
    return float(digits) * scale, 0.5 * 10**-decimals * scale + 1e-12


def _value(expression: str) -> float | None:
    """An expression of numbers only, worked out; None when it holds a word or a name."""
    plain = _plain(expression)
    if not plain or not _ARITHMETIC.match(plain) or not re.search(r"[+\-*/]", plain.lstrip("-")):
        return None
    plain = re.sub(r"(\d),(?=\d{3}\b)", r"\1", plain)
    plain = re.sub(r"(\d+(?:\.\d+)?)%", r"(\1/100)", plain)
    try:
        return evaluate(plain, {})
    except (FigureError, ZeroDivisionError):
        return None


def problems(markdown: str) -> list[str]:
    """Every worked example in the page's code spans whose stated result does not follow."""
    found = []
    for match in CODE.finditer(markdown):
        parts = EQUALS.split(match[1])
        for expression, result in pairwise(parts):
            worked, stated = _value(expression), _number(result)
            if worked is None or stated is None:
                continue
            value, tolerance = stated
            if abs(worked - value) > tolerance:
                found.append(f"`{match[1]}`: {expression.strip()} is {worked:.6g}, not {result.strip()}")
    return found


def check(markdown: str, where: str) -> None:
    """Stop the build on a worked example that does not add up."""
    wrong = problems(markdown)
    if wrong:
        raise WorkedExampleError(f"{where}: " + "; ".join(wrong))
