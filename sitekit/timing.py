"""How long the assessment takes: estimated from what a respondent reads and the figures they look up.

The estimate is a range, stated on the home page and the assessment page, and
recomputed at every build from the bank, so adding questions updates it. The model's
parameters are data (sitekit/data/timing.toml): published reading rates per language, and
minutes per figure set from a measured walk; the scoring reference documents both.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Collection
from pathlib import Path
from typing import Any

from assessment.bank.model import Bank

SETTINGS = Path(__file__).parent / "data" / "timing.toml"
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def reading_units(text: str, lang: str) -> int:
    """Words for English; Chinese characters plus Latin words for Chinese."""
    if lang == "zh":
        return len(_HAN.findall(text)) + len(_WORD.findall(text))
    return len(_WORD.findall(text))


def load(settings: Path = SETTINGS) -> dict[str, Any]:
    return tomllib.loads(settings.read_text("utf-8"))


def workload(bank: Bank, lang: str, only: Collection[str] | None = None) -> tuple[int, int]:
    """(reading units, figures to look up) of the questions asked; the profile is always asked.

    `only` limits the questions to a subset (the quick check). Guidance is folded away on the
    page, so it is not counted.
    """
    questions = [q for q in bank.questions if only is None or q.id in only]
    texts = [d.text[lang] for d in bank.dimensions] + [o.label[lang] for d in bank.dimensions for o in d.options]
    texts += [q.text[lang] for q in questions] + [o.label[lang] for q in questions for o in q.options]
    return sum(reading_units(t, lang) for t in texts), sum(1 for q in questions if q.role != "practice")


def estimate(units: int, figures: int, lang: str, settings: Path = SETTINGS) -> tuple[int, int]:
    """(low, high) minutes to read `units` and look up `figures`, each end rounded to the nearest
    step; equal when the range is narrower than a step."""
    config = load(settings)
    reading = units / config["reading_rate"][lang]
    fast, slow = config["lookup_minutes"]
    step = int(config["round_to"])

    def rounded(value: float) -> int:
        return max(step, math.floor(value / step + 0.5) * step)

    return rounded(reading + figures * fast), rounded(reading + figures * slow)


def minutes(bank: Bank, lang: str, settings: Path = SETTINGS, only: Collection[str] | None = None) -> tuple[int, int]:
    """(low, high) minutes to read every question and option once and look up every figure."""
    return estimate(*workload(bank, lang, only), lang, settings)


def stated(span: tuple[int, int]) -> str:
    """A range as the pages state it: "35–40", or "10" when both ends round alike."""
    low, high = span
    return f"{low}" if low == high else f"{low}–{high}"
